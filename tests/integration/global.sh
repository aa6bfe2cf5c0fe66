#!/bin/sh
# Global options and configuration discovery: -c, -d, -q, -v, --color, --format,
# options after the command name, cdb.ini found in parent directories,
# relative paths, masked passwords, write errors on stdout.
. "$TESTLIB"
new_project
new_rev r1 -m "first" --rev-id 111111111111
set_sql "$r1_path" "CREATE TABLE t1 (x);" "DROP TABLE t1;"

# cdb.ini is found from a subdirectory, and its relative paths are its own.
mkdir -p deep/er
cd deep/er
cdb upgrade
check_status 0 "upgrade from a subdirectory"
check "the database is next to cdb.ini" test -f "$WORK/app.db"
check "not in the current directory" test ! -e app.db
cd "$WORK"

# -c FILE from elsewhere.
mkdir elsewhere
cd elsewhere
cdb -c ../cdb.ini history
check_status 0 "-c FILE"
check_out "first"
cdb history -c "$WORK/cdb.ini"
check_status 0 "-c after the command"
check_out "first"
# A relative -d path is taken from the current directory.
cdb -c ../cdb.ini -d sqlite:///here.db upgrade
check_status 0 "-d relative to the cwd"
check "here.db in the cwd" test -f here.db
cd "$WORK"

# -q and -v in both places.
cdb downgrade base -q
check_status 0
check "-q after the command" test ! -s "$OUT"
cdb -v upgrade
check_status 0 "-v before the command"
check_err "CREATE TABLE t1"

# Colour: never by default into files, always on request, never with NO_COLOR.
cdb nosuchcommand
check_no_err "$(printf '\033[')"
cdb --color=always nosuchcommand
check_err "$(printf '\033[')"
cdb nosuchcommand --color=always
check_status 64
cdb_env NO_COLOR=1 -- --color=auto nosuchcommand
check_no_err "$(printf '\033[')"
cdb_env NO_COLOR=1 -- --color=always history -r nosuch:
check_err "$(printf '\033[')"

# Passwords never appear.
cdb -d postgresql://alice:hunter2@127.0.0.1:1/nodb current
check_status 2 "unreachable PostgreSQL server"
check_no_err "hunter2"
check_no_out "hunter2"

# A full disk on stdout is an error, not silence.
if [ -w /dev/full ]; then
	"$CDB" history >/dev/full 2>"$ERR"
	STATUS=$?
	check_status 2 "write error on stdout"
	check_err "cdb: error: "
fi

# --format=json output is valid JSON on the commands that have it.
for c in history heads branches current; do
	cdb --format=json $c
	check_status 0 "--format=json $c"
	check "$c JSON parses" python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$OUT"
done

# --version and -h anywhere.
cdb --version
check_status 0
check_out "cdb "
cdb -h
check_status 0 "-h alone"
check_out "usage: cdb"

done_testing
