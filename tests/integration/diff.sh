#!/bin/sh
# cdb diff: print the upgrade SQL migrate would write, write nothing
. "$TESTLIB"
new_project
rm -f models/*.sql
sqlite3 app.db "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT);"
printf 'CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT NOT NULL, b INT);\n' >models/t.sql

snapshot s
cdb diff
check_status 0 "diff with changes"
check_out 'CREATE TABLE "_cdb_new_t"'
check_out 'INSERT INTO "_cdb_new_t" ("id", "a") SELECT "id", "a" FROM "t";'
check_out 'ALTER TABLE "_cdb_new_t" RENAME TO "t";'
check_unchanged s "diff writes nothing"

printf 'CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT);\n' >models/t.sql
cdb diff
check_status 0 "diff without changes"
check_err "No changes detected"
check "nothing on stdout" test ! -s "$OUT"

cdb diff extra
check_status 64 "unexpected argument"

done_testing
