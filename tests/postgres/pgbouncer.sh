#!/bin/sh
# The migration lock behind a transaction-pooling proxy: pgbouncer in
# pool_mode=transaction in front of the throw-away server (CDB_TEST_PG_URL),
# with fewer server connections than clients and round-robin reuse, so that
# consecutive transactions of one cdb land on different server sessions.
# Eight concurrent `cdb upgrade head` through it must all exit 0 and apply
# each revision once, also through a `transaction: none` revision, whose
# lock must not stay behind in one of the proxy's server sessions.
#
# pgbouncer runs in a temporary directory of its own, on a free loopback
# port, and is stopped at the end, also when a check fails or the script is
# interrupted. Without pgbouncer the test skips, unless CI is set.
. "$TESTLIB"
. "$PGLIB"

PGBOUNCER=$(command -v pgbouncer 2>/dev/null || true)
[ -z "$PGBOUNCER" ] && [ -x /usr/sbin/pgbouncer ] && PGBOUNCER=/usr/sbin/pgbouncer
[ -n "$PGBOUNCER" ] || pg_skip_or_fail "pgbouncer is not installed (scripts/install-deps installs it)"


# The server's address and superuser, from postgresql://USER@HOST:PORT/DB.
rest=${CDB_TEST_PG_URL#*://}
pg_user=${rest%%@*}
hostport=${rest#*@}
hostport=${hostport%%/*}
pg_host=${hostport%:*}
pg_port=${hostport##*:}

# pgbouncer refuses to run as root: run it as the server's system user then,
# in a directory that user owns.
db=
BDIR=$(mktemp -d "${TMPDIR:-/tmp}/cdb-pgbouncer.XXXXXX") || exit 2
as_owner() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}
[ "$(id -u)" = 0 ] && chown postgres "$BDIR"

stop_bouncer() {
	if [ -f "$BDIR/pgbouncer.pid" ]; then
		pid=$(cat "$BDIR/pgbouncer.pid")
		kill "$pid" 2>/dev/null
		for _ in 1 2 3 4 5 6 7 8 9 10; do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.2
		done
		kill -9 "$pid" 2>/dev/null
	fi
	[ -n "${db:-}" ] && pg_dropdb "$db"
	rm -rf "$BDIR" "$WORK"
}
trap stop_bouncer EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start_bouncer() {
	port=$1
	cat >"$BDIR/pgbouncer.ini" <<EOF
[databases]
* = host=$pg_host port=$pg_port

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = trust
auth_file = $BDIR/users.txt
pool_mode = transaction
default_pool_size = 3
server_round_robin = 1
max_client_conn = 100
ignore_startup_parameters = extra_float_digits
logfile = $BDIR/pgbouncer.log
pidfile = $BDIR/pgbouncer.pid
EOF
	echo "\"$pg_user\" \"\"" >"$BDIR/users.txt"
	[ "$(id -u)" = 0 ] && chown postgres "$BDIR/pgbouncer.ini" "$BDIR/users.txt"
	as_owner "$PGBOUNCER" -d -q "$BDIR/pgbouncer.ini" || return 1
	for _ in $(seq 50); do
		$PSQL "postgresql://$pg_user@127.0.0.1:$port/postgres" -c "SELECT 1" >/dev/null 2>&1 && return 0
		sleep 0.1
	done
	return 1
}

tries=0
until BPORT=$(free_port) && start_bouncer "$BPORT"; do
	tries=$((tries + 1))
	[ -f "$BDIR/pgbouncer.log" ] && sed 's/^/# /' "$BDIR/pgbouncer.log"
	[ "$tries" -ge 3 ] && pg_bail "cannot start pgbouncer"
	# a pgbouncer that started but does not answer: stop it before the next try
	pid=$(cat "$BDIR/pgbouncer.pid" 2>/dev/null) && kill "$pid" 2>/dev/null
	rm -f "$BDIR/pgbouncer.pid"
done

db="cdbbouncer_$$"
pg_createdb "$db"
DIRECT="${CDB_TEST_PG_URL%/*}/$db"
POOLED="postgresql://$pg_user@127.0.0.1:$BPORT/$db"

sql() {
	$PSQL "$DIRECT" -c "$1"
}


mkdir proj && cd proj || exit 2
export CDB_DATABASE_URL="$POOLED"
cdb init
check_status 0 "init"
rm -f models/*.sql
sql "CREATE TABLE applied (step int, backend int)" >/dev/null
parent=
for i in 1 2 3 4 5 6; do
	revision "$i" "$parent" "CREATE TABLE t$i (id int);
INSERT INTO applied VALUES ($i, pg_backend_pid());
SELECT pg_sleep(0.05);" "DROP TABLE t$i;
DELETE FROM applied WHERE step = $i;"
	parent="00000000000$i"
done

upgrade_eight
_result "$([ "$nfail" = 0 ]; echo $?)" "all eight upgrades through pgbouncer exit 0" "$errs"
check "each revision applied once" \
	test "$(sql "SELECT string_agg(step::text, ',' ORDER BY step) FROM applied")" = "1,2,3,4,5,6"
check "one version row at head" test "$(sql "SELECT string_agg(version_num, ',') FROM cdb_version")" = 000000000006
check "six history rows" test "$(sql "SELECT count(*) FROM cdb_history WHERE direction = 'up'")" = 6
check "the proxy shared its server sessions between the clients" \
	test "$(sql "SELECT count(DISTINCT backend) FROM applied")" -le 3
check "one progress line per revision over all eight" \
	test "$(cat out1 out2 out3 out4 out5 out6 out7 out8 | grep -c '^upgrade ')" = 6

# Downgrades through the proxy, concurrently as well.
pids=
for n in 1 2 3 4; do
	"$CDB" downgrade 000000000003 >"out$n" 2>"err$n" &
	pids="$pids $!"
done
nfail=0
for p in $pids; do
	wait "$p" || nfail=$((nfail + 1))
done
_result "$([ "$nfail" = 0 ]; echo $?)" "four concurrent downgrades exit 0" "$(cat err1 err2 err3 err4)"
check "each revision unapplied once" \
	test "$(sql "SELECT string_agg(step::text, ',' ORDER BY step) FROM applied")" = "1,2,3"
check "three down history rows" test "$(sql "SELECT count(*) FROM cdb_history WHERE direction = 'down'")" = 3


# transaction: none: the lock for such a revision must not stay behind in
# one of the proxy's server sessions, where it would block every later cdb.
revision 4 000000000003 "CREATE TABLE t4 (id int);
INSERT INTO applied VALUES (4, pg_backend_pid());" "DROP TABLE t4;
DELETE FROM applied WHERE step = 4;"
revision 5 000000000004 "CREATE INDEX CONCURRENTLY ix_t4 ON t4 (id);
INSERT INTO applied VALUES (5, pg_backend_pid());" "DROP INDEX CONCURRENTLY ix_t4;
DELETE FROM applied WHERE step = 5;" "-- transaction: none"
upgrade_eight
_result "$([ "$nfail" = 0 ]; echo $?)" "eight upgrades through a 'transaction: none' revision exit 0" "$errs"
check "each revision applied once" \
	test "$(sql "SELECT string_agg(step::text, ',' ORDER BY step) FROM applied")" = "1,2,3,4,5,6"
check "no advisory lock left behind in the proxy's sessions" \
	test "$(sql "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")" = 0

# Models go into a temporary database through the proxy as well.
cat >models/schema.sql <<'EOF'
CREATE TABLE applied (step int, backend int);
CREATE TABLE t1 (id int);
CREATE TABLE t2 (id int);
CREATE TABLE t3 (id int);
CREATE TABLE t4 (id int);
CREATE INDEX ix_t4 ON t4 (id);
CREATE TABLE t6 (id int);
EOF
cdb check
check_status 0 "check through pgbouncer (models in a temporary database) is clean"
check "no temporary database left behind" \
	test "$(sql "SELECT count(*) FROM pg_database WHERE datname LIKE 'cdb\\_shadow\\_%'")" = 0
cdb downgrade 000000000004
check_status 0 "downgrade of a 'transaction: none' revision through pgbouncer"
check "no advisory lock left behind after the downgrade" \
	test "$(sql "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")" = 0
cdb upgrade head
check_status 0 "a later upgrade is not blocked"

echo "1..$TESTS_RUN"
[ "$TESTS_FAILED" = 0 ]
