# pglib.sh - what the PostgreSQL TAP scripts share; sourced after the
# integration tests' lib.sh ($TESTLIB), with the server's superuser URL in
# CDB_TEST_PG_URL (scripts/pgtmp exports it).

# pg_bail MSG: one failed check, and stop.
pg_bail() {
	echo "not ok 1 - $*"
	echo "1..1"
	exit 1
}

# pg_skip_or_fail MSG: skip the script, except under CI, where nothing may
# go green by skipping.
pg_skip_or_fail() {
	[ -n "${CI:-}" ] && pg_bail "$* while CI is set"
	echo "1..0 # SKIP $*"
	exit 0
}

[ -n "${CDB_TEST_PG_URL:-}" ] || pg_skip_or_fail "CDB_TEST_PG_URL is not set (run through scripts/pgtmp)"

PSQL="psql -X -q -At -v ON_ERROR_STOP=1"
SERVER=${CDB_TEST_PG_URL%/*}

# pg_createdb NAME: (re)create database NAME, empty; exits 2 when it cannot.
pg_createdb() {
	$PSQL "$CDB_TEST_PG_URL" -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null 2>&1 || exit 2
}

# pg_dropdb NAME: drop database NAME, ending connections left to it.
pg_dropdb() {
	$PSQL "$CDB_TEST_PG_URL" -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" >/dev/null 2>&1
}

# revision N PARENT UP DOWN [HEADER]: a hand-written revision file
revision() {
	f="migrations/versions/00000000000$1_step_$1.sql"
	{
		echo "-- cdb revision"
		echo "-- revision: 00000000000$1"
		echo "-- down_revision: $2"
		echo "-- message: step $1"
		echo "-- created: 2026-11-24T22:40:11Z"
		[ -n "${5:-}" ] && echo "$5"
		echo
		echo "-- +cdb upgrade"
		printf '%s\n' "$3"
		echo
		echo "-- +cdb downgrade"
		printf '%s\n' "$4"
	} >"$f"
}

# upgrade_eight: eight `cdb upgrade head` at once (output in out1..out8,
# err1..err8); $nfail is how many failed, $errs their stderr together.
upgrade_eight() {
	pids=
	for n in 1 2 3 4 5 6 7 8; do
		"$CDB" upgrade head >"out$n" 2>"err$n" &
		pids="$pids $!"
	done
	nfail=0
	for p in $pids; do
		wait "$p" || nfail=$((nfail + 1))
	done
	errs=$(cat err1 err2 err3 err4 err5 err6 err7 err8)
}
