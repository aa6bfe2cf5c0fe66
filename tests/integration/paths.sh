#!/bin/sh
# Paths in messages and output are shown like git shows them: relative to
# the current directory when the file is below it, absolute otherwise.
. "$TESTLIB"

mkdir -p proj elsewhere
cd proj || exit 2
new_project
# cdb reads the current directory with getcwd(): expect the physical path.
P=$(pwd -P)
rm models/example.sql
echo 'CREATE TABLE a (id INTEGER PRIMARY KEY);' >models/a.sql

# --- normal output
cdb migrate -m first --rev-id 000000000001
check_status 0 "migrate"
check_out_line "Generated migrations/versions/000000000001_first.sql"
cdb revision -m second --rev-id 000000000002
check_status 0 "revision"
check_out_line "migrations/versions/000000000002_second.sql"
cdb show 000000000002
check_out_line "Path: migrations/versions/000000000002_second.sql"
cdb history -v
check_out_line "Path: migrations/versions/000000000001_first.sql"
# JSON keeps the absolute path: a program cannot know our directory.
cdb history --format json
check_out "\"path\": \"$P/migrations/versions/000000000001_first.sql\""

# --- an error in a model file, from the project root
printf 'CREATE TABLE b (\n  id INTEGER PRIMARY KEY,\n);\n' >models/b.sql
snapshot s
cdb diff
check_status 2 "a model with a syntax error"
check_err 'cdb: error: models/b.sql:3: '
check_no_err "$P"
check_unchanged s
rm models/b.sql

# --- an error in a revision file, from the project root
r2=migrations/versions/000000000002_second.sql
set_sql "$r2" "SELECT 1;
INSERT INTO nosuch VALUES (1);" ""
L=$(grep -n 'INSERT INTO nosuch' "$r2" | cut -d: -f1)
cdb upgrade
check_status 2 "a failing statement in a revision"
check_err_line "cdb: error: migrations/versions/000000000002_second.sql:$L: no such table: nosuch"
# a header error names the revision file too
printf -- '-- cdb revision\n-- revision: 000000000003\n-- down_revision 000000000002\n' \
	>migrations/versions/000000000003_bad.sql
cdb history
check_status 2 "a malformed header"
check_err 'cdb: error: migrations/versions/000000000003_bad.sql:3: '
rm migrations/versions/000000000003_bad.sql

# --- cdb.ini itself
cp cdb.ini cdb.ini.good
printf 'no assignment here\n' >>cdb.ini
n=$(wc -l <cdb.ini)
cdb history
check_status 2 "malformed cdb.ini"
check_err "cdb: error: cdb.ini:$n: "
check_no_err "$P"
mv cdb.ini.good cdb.ini

# --- from a subdirectory: files below it are relative, the others absolute
cd models
cdb upgrade
check_status 2 "upgrade from models/"
check_err_line "cdb: error: $P/migrations/versions/000000000002_second.sql:$L: no such table: nosuch"
printf 'CREATE TABLE b (\n  id INTEGER PRIMARY KEY,\n);\n' >b.sql
cdb diff
check_status 2 "a model error from models/"
check_err 'cdb: error: b.sql:3: '
rm b.sql
cd ..

# --- with -c from the parent: paths relative to where cdb runs
cd "$WORK"
cdb -c proj/cdb.ini upgrade
check_status 2 "upgrade with -c from the parent"
check_err_line "cdb: error: proj/migrations/versions/000000000002_second.sql:$L: no such table: nosuch"

# --- with -c from another directory: absolute
cd "$WORK/elsewhere"
cdb -c "$P/cdb.ini" upgrade
check_status 2 "upgrade with -c from another directory"
check_err_line "cdb: error: $P/migrations/versions/000000000002_second.sql:$L: no such table: nosuch"
printf 'CREATE TABLE b (\n  id INTEGER PRIMARY KEY,\n);\n' >"$P/models/b.sql"
cdb -c "$P/cdb.ini" diff
check_status 2 "a model error with -c from another directory"
check_err "cdb: error: $P/models/b.sql:3: "
rm "$P/models/b.sql"
cdb -c "$P/cdb.ini" show 000000000002
check_out_line "Path: $P/migrations/versions/000000000002_second.sql"

# --- through a symbolic link to the project: $PWD names the same directory
ln -s "$P" "$WORK/link"
cd "$WORK/link" && export PWD
cdb -c "$WORK/link/cdb.ini" upgrade
check_status 2 "upgrade through a symbolic link"
check_err_line "cdb: error: migrations/versions/000000000002_second.sql:$L: no such table: nosuch"

done_testing
