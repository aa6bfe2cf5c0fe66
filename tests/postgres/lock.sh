#!/bin/sh
# The migration lock on a direct connection (CDB_TEST_PG_URL): lock_timeout
# ends the wait for another cdb with one error line and exit status 2; a
# `transaction: none` revision holds the lock for its whole run, and eight
# concurrent upgrades through one that runs CREATE INDEX CONCURRENTLY all
# exit 0 (a cdb waiting for the lock must not hold a snapshot the index
# build waits for). tests/postgres/pgbouncer.sh does the same through a
# transaction-pooling proxy.
. "$TESTLIB"
. "$PGLIB"

DB="cdblock_$$"
pg_createdb "$DB"
URL="${CDB_TEST_PG_URL%/*}/$DB"
trap 'pg_dropdb "$DB"; rm -rf "$WORK"' EXIT
export CDB_DATABASE_URL="$URL"

sql() {
	$PSQL "$URL" -c "$1"
}


# Wait until some session holds the migration lock (an advisory lock).
wait_for_lock() {
	for _ in $(seq 100); do
		[ "$(sql "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")" -gt 0 ] && return 0
		sleep 0.05
	done
	return 1
}

# wait_all PIDS...: $nfail is how many failed
wait_all() {
	nfail=0
	for p in "$@"; do
		wait "$p" || nfail=$((nfail + 1))
	done
}

mkdir proj && cd proj || exit 2
cdb init
check_status 0 "init"
rm -f models/*.sql
sql "CREATE TABLE applied (step int); CREATE TABLE big AS SELECT g AS id FROM generate_series(1, 20000) g" >/dev/null
# The same project with a short lock_timeout.
cd .. && cp -r proj quick && cd proj || exit 2
sed -i 's/^lock_timeout = .*/lock_timeout = 1/' ../quick/cdb.ini

# --- lock_timeout: a second cdb gives up while the first holds the lock -------
revision 1 "" "INSERT INTO applied VALUES (1);
SELECT pg_sleep(4);" "DELETE FROM applied WHERE step = 1;"
cp migrations/versions/* ../quick/migrations/versions/
"$CDB" upgrade head >slow.out 2>slow.err &
slow=$!
wait_for_lock
cd ../quick || exit 2
t0=$(date +%s)
cdb upgrade head
t1=$(date +%s)
check_status 2 "the waiting cdb fails after lock_timeout (exit status 2 as for runtime errors)"
check_err_line "cdb: error: cannot take the migration lock on PostgreSQL at $(echo "${URL#*@}" | cut -d/ -f1) as $(echo "${URL#*://}" | cut -d@ -f1): another cdb held it for more than 1 s"
check "one error line" test "$(grep -c '^cdb: error:' "$ERR")" = 1
check "it gave up after about lock_timeout ($((t1 - t0)) s)" test $((t1 - t0)) -le 3
cd ../proj || exit 2
wait_all $slow
check "the first cdb still succeeds" test "$nfail" = 0
check "the revision was applied once" test "$(sql "SELECT string_agg(step::text, ',') FROM applied")" = 1

# --- transaction: none holds the lock for its whole run ----------------------
revision 2 000000000001 "INSERT INTO applied VALUES (2);
SELECT pg_sleep(3);
CREATE INDEX CONCURRENTLY ix_big ON big (id);" "DROP INDEX CONCURRENTLY ix_big;
DELETE FROM applied WHERE step = 2;" "-- transaction: none"
cp migrations/versions/* ../quick/migrations/versions/
"$CDB" upgrade head >slow.out 2>slow.err &
slow=$!
wait_for_lock
cd ../quick || exit 2
cdb upgrade head
check_status 2 "a cdb with a short lock_timeout gives up during a 'transaction: none' step"
check_err "cannot take the migration lock"
cd ../proj || exit 2
cdb upgrade head
check_status 0 "a cdb with the default lock_timeout waits for the step and finds it done"
wait_all $slow
check "the first cdb succeeds" test "$nfail" = 0
check "the step ran once" test "$(sql "SELECT string_agg(step::text, ',' ORDER BY step) FROM applied")" = 1,2
check "the index is valid" test "$(sql "SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_big'::regclass")" = t
check "no advisory lock is left" test "$(sql "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")" = 0
cdb downgrade 000000000001
check_status 0 "downgrade of the 'transaction: none' step"
check "the index is gone" test "$(sql "SELECT count(*) FROM pg_class WHERE relname = 'ix_big'")" = 0

# --- eight at once through CREATE INDEX CONCURRENTLY ---------------------------
revision 3 000000000002 "INSERT INTO applied VALUES (3);" "DELETE FROM applied WHERE step = 3;"
revision 4 000000000003 "CREATE INDEX CONCURRENTLY ix_big2 ON big (id);
INSERT INTO applied VALUES (4);" "DROP INDEX CONCURRENTLY ix_big2;
DELETE FROM applied WHERE step = 4;" "-- transaction: none"
revision 5 000000000004 "INSERT INTO applied VALUES (5);" "DELETE FROM applied WHERE step = 5;"
upgrade_eight
_result "$([ "$nfail" = 0 ]; echo $?)" "eight upgrades through CREATE INDEX CONCURRENTLY all exit 0" "$errs"
check "each revision applied once" \
	test "$(sql "SELECT string_agg(step::text, ',' ORDER BY step) FROM applied")" = 1,2,3,4,5
check "both indexes are valid" \
	test "$(sql "SELECT string_agg(indisvalid::text, ',') FROM pg_index WHERE indrelid = 'big'::regclass")" = true,true
check "no advisory lock is left" test "$(sql "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")" = 0
check "one version row at head" test "$(sql "SELECT string_agg(version_num, ',') FROM cdb_version")" = 000000000005

echo "1..$TESTS_RUN"
[ "$TESTS_FAILED" = 0 ]
