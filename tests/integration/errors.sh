#!/bin/sh
# The bad inputs of issue 2: a clear error (file:line where there is one),
# exit 2 (64 for usage), and nothing changed.
. "$TESTLIB"

# write_rev FILE ID DOWN [EXTRA HEADER LINE]: a revision file written by hand.
write_rev() {
	{
		echo "-- cdb revision"
		echo "-- revision: $2"
		echo "-- down_revision: $3"
		echo "-- message: by hand"
		[ -n "${4:-}" ] && echo "$4"
		echo
		echo "-- +cdb upgrade"
		echo "CREATE TABLE t_$2 (x);"
		echo
		echo "-- +cdb downgrade"
		echo "DROP TABLE t_$2;"
	} >"$1"
}

# fresh DIR: a new project in DIR, made the current directory.
fresh() {
	cd "$WORK" && mkdir "$1" && cd "$1" && new_project
}

# --- no configuration
mkdir empty && cd empty
for c in history heads current upgrade "revision -m x"; do
	cdb $c
	check_status 2 "$c without cdb.ini"
	check_err "cdb: error: no cdb.ini in '$WORK/empty'"
	check_err "hint: run 'cdb init'"
done
check "nothing created without a project" test -z "$(ls -A)"
cdb -c missing.ini history
check_status 2 "-c FILE that does not exist"
check_err "missing.ini"

# --- malformed cdb.ini: file:line
fresh badini
printf '[cdb]\ndatabase_url = sqlite:///app.db\nthis line is not an assignment\n' >cdb.ini
snapshot s
cdb history
check_status 2 "malformed cdb.ini"
check_err "cdb: error: cdb.ini:3:"
check_unchanged s

printf '[cdb]\nlock_timeout = soon\n' >cdb.ini
cdb history
check_status 2 "bad lock_timeout"
check_err "cdb: error: cdb.ini:2:"

# --- unknown URL scheme
fresh scheme
snapshot s
cdb -d mysql://localhost/app current
check_status 2 "unknown URL scheme"
check_err "mysql"
check_err "hint: "
check_unchanged s
sed -i 's|^database_url = .*|database_url = oracle://scott:tiger@db/x|' cdb.ini
cdb upgrade
check_status 2 "unknown scheme in cdb.ini"
check_err "oracle"
check_no_err "tiger"

# --- unreadable database
fresh unreadable
new_rev r1 -m first
echo "this is not a SQLite database, just text that is long enough to have a header" >app.db
snapshot s
cdb current
check_status 2 "a file that is not a database"
check_err "app.db"
check_err "not a database"
cdb upgrade
check_status 2 "upgrade refuses it too"
check_unchanged s
rm app.db
mkdir app.db
cdb upgrade
check_status 2 "a directory where the database should be"
check_err "app.db"
rmdir app.db
cdb upgrade
check_status 0 "upgrade creates the database"
chmod 000 app.db
cdb_as_user current
check_status 2 "a database we may not read"
check_err "app.db"
chmod 644 app.db

# --- revision files: bad header, unknown key, duplicate id, missing parent, cycle
fresh badheader
write_rev migrations/versions/a.sql aaaaaaaaaaaa ""
printf -- '-- cdb revision\n-- revision: bbbbbbbbbbbb\n-- down_revision aaaaaaaaaaaa\n\n-- +cdb upgrade\n-- +cdb downgrade\n' \
	>migrations/versions/b.sql
snapshot s
cdb history
check_status 2 "header line without a colon"
check_err "cdb: error: migrations/versions/b.sql:3:"
cdb upgrade
check_status 2 "upgrade with a bad header"
check_err "cdb: error: migrations/versions/b.sql:3:"
check_unchanged s

fresh unknownkey
write_rev migrations/versions/a.sql aaaaaaaaaaaa "" "-- colour: red"
snapshot s
cdb upgrade
check_status 2 "upgrade with an unknown header key"
check_unchanged s
cdb heads
check_status 2 "unknown header key"
check_err "cdb: error: migrations/versions/a.sql:5:"
check_err "colour"

fresh dupid
write_rev migrations/versions/a.sql aaaaaaaaaaaa ""
write_rev migrations/versions/b.sql aaaaaaaaaaaa ""
snapshot s
cdb upgrade
check_status 2 "upgrade with a duplicate id"
check_unchanged s
cdb history
check_status 2 "duplicate id"
check_err "duplicate revision id 'aaaaaaaaaaaa'"
check_err "migrations/versions/a.sql:2"
check_err "migrations/versions/b.sql:2"

fresh missingparent
write_rev migrations/versions/a.sql aaaaaaaaaaaa ""
write_rev migrations/versions/b.sql bbbbbbbbbbbb deadbeef0000
snapshot s
cdb upgrade
check_status 2 "upgrade with a missing parent"
check_unchanged s
cdb history
check_status 2 "missing parent"
check_err "cdb: error: migrations/versions/b.sql:3:"
check_err "deadbeef0000"

fresh cycle
write_rev migrations/versions/a.sql aaaaaaaaaaaa cccccccccccc
write_rev migrations/versions/b.sql bbbbbbbbbbbb aaaaaaaaaaaa
write_rev migrations/versions/c.sql cccccccccccc bbbbbbbbbbbb
snapshot s
cdb upgrade
check_status 2 "cycle"
check_err "cdb: error: migrations/versions/"
check_err ".sql:3:"
check_err "ancestor"
check_unchanged s

# --- upgrade head with several heads: the heads listed, hint merge/heads
fresh twoheads
write_rev migrations/versions/a.sql aaaaaaaaaaaa ""
write_rev migrations/versions/b.sql bbbbbbbbbbbb ""
snapshot s
cdb upgrade head
check_status 2 "several heads"
check_err "aaaaaaaaaaaa"
check_err "bbbbbbbbbbbb"
check_err "cdb merge"
check_err "cdb heads"
check_unchanged s

# --- an ambiguous prefix: candidates listed
fresh ambiguous
write_rev migrations/versions/a.sql abcd11111111 ""
write_rev migrations/versions/b.sql abcd22222222 abcd11111111
snapshot s
cdb upgrade abcd
check_status 2 "ambiguous prefix"
check_err "abcd"
check_err "abcd11111111"
check_err "abcd22222222"
check_unchanged s

# --- a read-only versions directory: error naming it, nothing left behind
fresh readonly
chmod 555 migrations/versions
snapshot s
cdb_as_user revision -m "cannot write"
check_status 2 "read-only versions directory"
check_err "versions"
check_unchanged s
chmod 755 migrations/versions

# --- usage errors are 64 and change nothing
fresh usage
snapshot s
cdb upgrade --sql --frob
check_status 64 "unknown option"
cdb --color=sometimes history
check_status 64 "bad --color"
check_err "sometimes"
cdb --format=xml history
check_status 64 "bad --format"
cdb --format=json upgrade
check_status 64 "--format=json on a command without JSON output"
cdb revision -m
check_status 64 "option without its value"
check_err "needs a value"
check_unchanged s

done_testing
