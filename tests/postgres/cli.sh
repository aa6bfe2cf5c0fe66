#!/bin/sh
# The cdb binary against a real PostgreSQL server (CDB_TEST_PG_URL, a
# superuser URL without query parameters, as scripts/pgtmp exports it):
# autogenerate round trip, eight concurrent upgrades, the failing
# statement's file and line, connection errors, the shadow database.
. "$TESTLIB"
. "$PGLIB"

# newdb NAME: a fresh database; prints its URL
newdb() {
	pg_createdb "cdbcli_$$_$1"
	echo "$SERVER/cdbcli_$$_$1"
}

sql() {
	$PSQL "$URL" -c "$1"
}

shadows() {
	$PSQL "$CDB_TEST_PG_URL" -c "SELECT count(*) FROM pg_database WHERE datname LIKE 'cdb\\_shadow\\_%'"
}


# --- autogenerate: migrate, upgrade, check, downgrade ---------------------
mkdir auto && cd auto || exit 2
URL=$(newdb auto)
export CDB_DATABASE_URL="$URL"
cdb init
check_status 0 "init"
rm -f models/*.sql
cat >models/schema.sql <<'EOF'
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TABLE users (
    id serial PRIMARY KEY,
    email varchar(120) NOT NULL UNIQUE,
    feeling mood DEFAULT 'ok' NOT NULL
);
CREATE VIEW ok_users AS SELECT id, email FROM users WHERE feeling = 'ok';
EOF
before=$(shadows)
cdb check
check_status 1 "check finds the models ahead of an empty database"
cdb migrate -m "first"
check_status 0 "migrate"
check "one revision written" test "$(ls migrations/versions/*.sql | wc -l)" = 1
check "no shadow database left after migrate" test "$(shadows)" = "$before"
check "migrate touched nothing" test "$(sql "SELECT count(*) FROM pg_class WHERE relname = 'users'")" = 0
cdb upgrade head
check_status 0 "upgrade head"
check "users exists" test "$(sql "SELECT count(*) FROM pg_class WHERE relname = 'users'")" = 1
check "the unnamed UNIQUE has PostgreSQL's name" \
	test "$(sql "SELECT conname FROM pg_constraint WHERE contype = 'u' AND conrelid = 'users'::regclass")" = users_email_key
cdb check
check_status 0 "check is clean after upgrade"
sql "INSERT INTO users (email) VALUES ('a@example.com')" >/dev/null
cat >models/schema.sql <<'EOF'
CREATE TYPE mood AS ENUM ('sad', 'meh', 'ok');
CREATE TABLE users (
    id serial PRIMARY KEY,
    email text NOT NULL UNIQUE,
    feeling mood DEFAULT 'ok' NOT NULL,
    nick text
);
CREATE VIEW ok_users AS SELECT id, email FROM users WHERE feeling = 'ok';
EOF
cdb migrate -m "second"
check_status 0 "second migrate"
cdb upgrade head
check_status 0 "second upgrade (type change under a view, enum value)"
cdb check
check_status 0 "check is clean after the second upgrade"
cdb downgrade -1
check_status 0 "downgrade -1 (enum rebuilt, view recreated)"
check "row kept through the round trip" test "$(sql "SELECT email FROM users")" = a@example.com
check "label removed again" test "$(sql "SELECT count(*) FROM pg_enum")" = 2
cd .. || exit 2

# --- eight concurrent upgrades apply each revision once -------------------
mkdir conc && cd conc || exit 2
URL=$(newdb conc)
export CDB_DATABASE_URL="$URL"
cdb init
rm -f models/*.sql
sql "CREATE TABLE applied (step int)" >/dev/null
parent=
for i in 1 2 3 4 5; do
	revision "$i" "$parent" "CREATE TABLE t$i (id int);
INSERT INTO applied VALUES ($i);
SELECT pg_sleep(0.05);" "DROP TABLE t$i;
DELETE FROM applied WHERE step = $i;"
	parent="00000000000$i"
done
upgrade_eight
_result "$([ "$nfail" = 0 ]; echo $?)" "all eight upgrades exit 0" "$errs"
check "each revision applied once" test "$(sql "SELECT string_agg(step::text, ',' ORDER BY step) FROM applied")" = "1,2,3,4,5"
check "one version row at head" test "$(sql "SELECT string_agg(version_num, ',') FROM cdb_version")" = 000000000005
check "five history rows" test "$(sql "SELECT count(*) FROM cdb_history WHERE direction = 'up'")" = 5

# --- a failing statement: file, line, nothing applied --------------------
revision 6 000000000005 "CREATE TABLE t6 (id int);

INSERT INTO applied
VALUES (nosuchcolumn);" "DROP TABLE t6;"
cdb upgrade head
check_status 2 "failing revision exits 2"
check_err "cdb: error: migrations/versions/000000000006_step_6.sql:11: "
check_err "nosuchcolumn"
check "the failed revision left nothing" test "$(sql "SELECT count(*) FROM pg_class WHERE relname = 't6'")" = 0
check "still at the previous revision" test "$(sql "SELECT version_num FROM cdb_version")" = 000000000005
rm -f migrations/versions/000000000006_step_6.sql

# -v echoes each statement
cdb -v downgrade -1
check_status 0 "downgrade -v"
check "-v echoes the SQL" grep -q "DROP TABLE t5" "$OUT" "$ERR"
cd .. || exit 2

# --- connection errors -----------------------------------------------------
unset CDB_DATABASE_URL
cd auto || exit 2
cdb -d "postgresql://alice:s3cret@127.0.0.1:1/app" current
check_status 2 "refused connection exits 2"
check_err "cdb: error: cannot connect to PostgreSQL at 127.0.0.1:1 as alice: "
check_no_err "s3cret"
check_no_out "s3cret"
cd .. || exit 2

# --- models that fail name file and line -------------------------------------
mkdir bad && cd bad || exit 2
URL=$(newdb bad)
export CDB_DATABASE_URL="$URL"
cdb init
rm -f models/*.sql
printf 'CREATE TABLE a (id int);\n\nCREATE TABLE b (\n    id nosuchtype\n);\n' >models/schema.sql
before=$(shadows)
cdb migrate -m broken
check_status 2 "a broken model fails migrate"
check_err "cdb: error: models/schema.sql:4: "
check_err "nosuchtype"
check "no shadow database left after the failure" test "$(shadows)" = "$before"
check "no revision written" test -z "$(ls migrations/versions)"
cd .. || exit 2
# from the parent directory the path is relative to it, as git shows paths
cdb -c bad/cdb.ini migrate -m broken
check_status 2 "a broken model fails migrate with -c"
check_err "cdb: error: bad/models/schema.sql:4: "

# --- shadow_url: never the live database, never someone else's --------------
mkdir shadow && cd shadow || exit 2
URL=$(newdb shadowlive)
export CDB_DATABASE_URL="$URL"
cdb init
rm -f models/*.sql
echo 'CREATE TABLE a (id int); CREATE TABLE b (id int);' >models/schema.sql
cdb migrate -m first
check_status 0 "migrate with a temporary shadow"
cdb upgrade head
check_status 0 "upgrade head"
sql "INSERT INTO a VALUES (1), (2)" >/dev/null
echo 'CREATE TABLE a (id int); CREATE TABLE b (id int); CREATE TABLE c (id int);' >models/schema.sql
# the live database by another spelling of its address
alias=$(echo "$URL" | sed 's/@127\.0\.0\.1:/@localhost:/')
printf 'shadow_url = %s\n' "$alias" >>cdb.ini
cdb migrate -m second
check_status 2 "migrate refuses shadow_url naming the live database"
check_err_line "cdb: error: shadow_url '$alias' is the database being migrated; cdb empties its shadow database and will not empty this one"
check "rows kept" test "$(sql "SELECT count(*) FROM a")" = 2
check "cdb's own tables kept" test "$(sql "SELECT count(*) FROM cdb_version")" = 1
check "no revision written" test "$(ls migrations/versions | wc -l)" = 1
cdb check --scratch
check_status 2 "check --scratch refuses shadow_url naming the live database"
check_err "is the database being migrated"
check "rows kept after check --scratch" test "$(sql "SELECT count(*) FROM a")" = 2
# someone else's database: refused, left as it was
OTHER=$(newdb shadowother)
$PSQL "$OTHER" -c "CREATE TABLE theirs (id int); INSERT INTO theirs VALUES (5)" >/dev/null
sed -i '/^shadow_url/d' cdb.ini
printf 'shadow_url = %s\n' "$OTHER" >>cdb.ini
cdb migrate -m second
check_status 2 "migrate refuses a shadow_url database that is not empty and not cdb's"
check_err "not empty and not cdb's shadow database"
check "their rows kept" test "$($PSQL "$OTHER" -c "SELECT count(*) FROM theirs")" = 1
cdb check --scratch
check_status 2 "check --scratch refuses it too"
# an empty database becomes cdb's shadow; check --scratch replays into it
EMPTY=$(newdb shadowempty)
sed -i '/^shadow_url/d' cdb.ini
printf 'shadow_url = %s\n' "$EMPTY" >>cdb.ini
before=$(shadows)
cdb migrate -m second
check_status 0 "migrate uses an empty shadow_url database"
cdb upgrade head
check_status 0 "upgrade head after it"
cdb check --scratch
check_status 0 "check --scratch replays into the shadow_url database"
check "check --scratch made no temporary database" test "$(shadows)" = "$before"
check "the shadow holds the replayed revisions" \
	test "$($PSQL "$EMPTY" -c "SELECT count(*) FROM pg_class WHERE relname = 'c'")" = 1
cdb check
check_status 0 "check uses the shadow again (its own now)"
cd .. || exit 2

echo "1..$TESTS_RUN"
[ "$TESTS_FAILED" = 0 ]
