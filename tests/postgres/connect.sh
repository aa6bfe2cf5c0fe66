#!/bin/sh
# How cdb reaches a PostgreSQL server (CDB_TEST_PG_URL, from scripts/pgtmp):
# the URL schemes, libpq's environment for what the URL leaves out, query
# parameters passed through (sslmode, connect_timeout, application_name),
# and passwords, from the URL or PGPASSWORD, that work but never appear in
# any output. scripts/pgtmp makes the role cdb_password give its password
# over TCP; every other role is trusted.
. "$TESTLIB"
. "$PGLIB"

rest=${CDB_TEST_PG_URL#*://}
SUPER=${rest%%@*}
hostport=${rest#*@}
hostport=${hostport%%/*}
HOST=${hostport%:*}
PORT=${hostport##*:}
DB="cdbconn_$$"
SECRET="Sx9-secret-$$"

pg_createdb "$DB"
$PSQL "$CDB_TEST_PG_URL" \
	-c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cdb_password')
	    THEN CREATE ROLE cdb_password; END IF; END \$\$" \
	-c "ALTER ROLE cdb_password LOGIN CREATEDB PASSWORD '$SECRET'" \
	-c "ALTER DATABASE $DB OWNER TO cdb_password" >/dev/null || exit 2
trap 'pg_dropdb "$DB"; rm -rf "$WORK"' EXIT

sql() {
	$PSQL "postgresql://$SUPER@$HOST:$PORT/$DB" -c "$1"
}

# No output of cdb may hold the password.
check_secret_hidden() {
	! grep -qF -- "$SECRET" "$OUT" "$ERR"
	_result $? "the password is not printed${1:+ ($1)}" "$(_last)"
}

unset PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE PGSSLMODE PGCONNECT_TIMEOUT PGAPPNAME

mkdir proj && cd proj || exit 2
cdb init
check_status 0 "init"
rm -f models/*.sql
echo "CREATE TABLE who (usr name, app text);" >models/who.sql
# The revision records the session it ran in.
cat >migrations/versions/00000000000a_who.sql <<'EOF'
-- cdb revision
-- revision: 00000000000a
-- down_revision:
-- message: who
-- created: 2026-11-24T22:40:11Z

-- +cdb upgrade
CREATE TABLE who AS SELECT current_user AS usr, current_setting('application_name') AS app;

-- +cdb downgrade
DROP TABLE who;
EOF

# --- a password in the URL, echoed SQL and all ----------------------------
cdb -v -d "postgresql://cdb_password:$SECRET@$HOST:$PORT/$DB" upgrade head
check_status 0 "upgrade with the password in the URL"
check_secret_hidden "upgrade -v"
check "ran as the URL's user" test "$(sql "SELECT usr FROM who")" = cdb_password
check "application_name is cdb" test "$(sql "SELECT app FROM who")" = cdb
cdb -v -d "postgresql://cdb_password:$SECRET@$HOST:$PORT/$DB" current -v
check_status 0 "current -v"
check_out "00000000000a"
check_secret_hidden "current -v"
cdb -v -d "postgresql://cdb_password:$SECRET@$HOST:$PORT/$DB" history -v
check_status 0 "history -v"
check_secret_hidden "history -v"
cdb -v -d "postgresql://cdb_password:$SECRET@$HOST:$PORT/$DB" check
check_status 0 "check -v (models in a temporary database on the same server)"
check_secret_hidden "check -v"
cdb -d "postgresql://cdb_password:wrong$SECRET@$HOST:$PORT/$DB" current
check_status 2 "a wrong password is refused"
check_err "cdb: error: cannot connect to PostgreSQL at $HOST:$PORT as cdb_password: password authentication failed"
check_secret_hidden "wrong password"
cdb -d "postgresql://cdb_password:$SECRET@$HOST:x$PORT/$DB" current
check_status 2 "a bad port is a URL error"
check_err "postgresql://cdb_password:***@"
check_secret_hidden "URL error"
cdb -d "postgresql://cdb_password@$HOST:x$PORT/$DB?password=$SECRET" current
check_status 2 "a bad port is a URL error (password as a parameter)"
check_err "?password=***"
check_secret_hidden "URL error, password parameter"
cdb -d "postgresql://cdb_password@$HOST:$PORT/$DB?password=$SECRET" current
check_status 0 "password as a URL parameter"
check_out "00000000000a"
cdb init --database "postgresql://cdb_password:$SECRET@$HOST:$PORT/$DB" ../proj2
check_status 0 "init writing the URL into cdb.ini"
check_secret_hidden "init"
cp migrations/versions/* ../proj2/migrations/versions/ || exit 2
cd ../proj2 || exit 2
cdb -v current
check_status 0 "current with the password in cdb.ini"
check_out "00000000000a"
check_secret_hidden "URL from cdb.ini"
cd ../proj || exit 2

# --- libpq's environment fills in what the URL leaves out --------------------
PGPASSWORD=$SECRET cdb -v -d "postgresql://cdb_password@$HOST:$PORT/$DB" current
check_status 0 "PGPASSWORD"
check_out "00000000000a"
check_secret_hidden "PGPASSWORD"
PGPASSWORD=wrong cdb -d "postgresql://cdb_password@$HOST:$PORT/$DB" current
check_status 2 "a wrong PGPASSWORD is refused"
check_err "password authentication failed"
PGHOST=$HOST PGPORT=$PORT PGUSER=cdb_password PGPASSWORD=$SECRET PGDATABASE=$DB \
	cdb -d "postgresql://" current
check_status 0 "PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE with postgresql://"
check_out "00000000000a"
check_secret_hidden "all from the environment"
PGHOST=$HOST PGPORT=$PORT PGUSER=$SUPER cdb -d "postgresql:///$DB" current
check_status 0 "host, port and user from the environment, database from the URL"
check_out "00000000000a"
PGHOST=$HOST PGPORT=1 PGUSER=$SUPER cdb -d "postgresql:///$DB" current
check_status 2 "PGPORT is used"
check_err "cannot connect to PostgreSQL at $HOST:1 as $SUPER: "
PGSSLMODE=require cdb -d "postgresql://$SUPER@$HOST:$PORT/$DB" current
check_status 2 "PGSSLMODE=require against a server without SSL"
check_err "SSL"
PGSSLMODE=require cdb -d "postgresql://$SUPER@$HOST:$PORT/$DB?sslmode=disable" current
check_status 0 "sslmode in the URL wins over PGSSLMODE"
cdb -d "postgresql://$SUPER@$HOST:$PORT/$DB?sslmode=require" current
check_status 2 "sslmode=require in the URL is passed to libpq"
check_err "SSL"
cdb -d "postgresql://$SUPER@$HOST:$PORT/$DB?sslmode=bogus" current
check_status 2 "a bad sslmode is libpq's error"
check_err "invalid sslmode value"

# --- schemes -----------------------------------------------------------------
for scheme in postgres postgresql+psycopg2 postgresql+asyncpg PostgreSQL; do
	cdb -d "$scheme://$SUPER@$HOST:$PORT/$DB" current
	check_status 0 "$scheme:// URL"
	check_out "00000000000a"
done
cdb -d "postgresql://$SUPER@$HOST:$PORT/$DB?application_name=deploy" downgrade base
check_status 0 "downgrade with application_name in the URL"
cdb -d "postgresql://$SUPER@$HOST:$PORT/$DB?application_name=deploy" upgrade head
check_status 0 "upgrade with application_name in the URL"
check "the URL's application_name wins over cdb's" test "$(sql "SELECT app FROM who")" = deploy

# --- connect_timeout: a server that accepts TCP but never answers -------------
python3 -c '
import socket, sys, time
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(8)
print(s.getsockname()[1], flush=True)
time.sleep(60)
' >silent.port &
silent=$!
for _ in $(seq 50); do
	[ -s silent.port ] && break
	sleep 0.1
done
SILENT=$(cat silent.port)
t0=$(date +%s)
cdb -d "postgresql://$SUPER@127.0.0.1:$SILENT/$DB?connect_timeout=2" current
t1=$(date +%s)
check_status 2 "connect_timeout in the URL"
check "gave up after connect_timeout ($((t1 - t0)) s)" test $((t1 - t0)) -le 8
check_err "cannot connect to PostgreSQL at 127.0.0.1:$SILENT as $SUPER: "
t0=$(date +%s)
PGCONNECT_TIMEOUT=2 cdb -d "postgresql://$SUPER@127.0.0.1:$SILENT/$DB" current
t1=$(date +%s)
check_status 2 "PGCONNECT_TIMEOUT"
check "gave up after PGCONNECT_TIMEOUT ($((t1 - t0)) s)" test $((t1 - t0)) -le 8
kill "$silent" 2>/dev/null
wait "$silent" 2>/dev/null

echo "1..$TESTS_RUN"
[ "$TESTS_FAILED" = 0 ]
