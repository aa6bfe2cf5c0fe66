#!/bin/sh
# cdb downgrade [--sql] [TARGET]
. "$TESTLIB"
new_project

new_rev r1 -m "create t1" --rev-id 111111111111
set_sql "$r1_path" "CREATE TABLE t1 (id INTEGER PRIMARY KEY);" "DROP TABLE t1;"
new_rev r2 -m "create t2" --rev-id 222222222222
set_sql "$r2_path" "CREATE TABLE t2 (id INTEGER PRIMARY KEY);" "DROP TABLE t2;"
new_rev r3 -m "create t3" --rev-id 333333333333
set_sql "$r3_path" "CREATE TABLE t3 (id INTEGER PRIMARY KEY);" "DROP TABLE t3;"

cdb downgrade
check_status 2 "downgrade without a database"
check "downgrade does not create the database" test ! -e app.db

cdb upgrade
check_status 0

cdb downgrade
check_status 0 "downgrade (default -1)"
check_out "333333333333"
check_sql "one step down" app.db "SELECT version_num FROM cdb_version" 222222222222
check_sql "t3 dropped" app.db "SELECT count(*) FROM sqlite_schema WHERE name = 't3'" 0
check_sql "history records the downgrade" app.db "SELECT direction FROM cdb_history ORDER BY id DESC LIMIT 1" down

cdb downgrade -1
check_status 0 "downgrade -1"
check_sql "at r1" app.db "SELECT version_num FROM cdb_version" 111111111111

cdb upgrade head
cdb downgrade 1111
check_status 0 "downgrade to a prefix"
check_sql "at r1 again" app.db "SELECT version_num FROM cdb_version" 111111111111

cdb upgrade head
cdb downgrade head-2
check_status 0 "downgrade head-2"
check_sql "head-2 is r1" app.db "SELECT version_num FROM cdb_version" 111111111111

# Downgrading to a revision that is not applied is refused.
cdb downgrade 3333
check_status 2 "downgrade to a later revision"
check_sql "not moved" app.db "SELECT version_num FROM cdb_version" 111111111111

cdb upgrade
cdb downgrade base
check_status 0 "downgrade base"
check_sql "no version rows" app.db "SELECT count(*) FROM cdb_version" 0
check_sql "every table dropped" app.db "SELECT count(*) FROM sqlite_schema WHERE name LIKE 't_'" 0
check_sql "version tables kept" app.db "SELECT count(*) FROM sqlite_schema WHERE name IN ('cdb_version', 'cdb_history')" 2

cdb downgrade -1
check_status 2 "downgrade -1 at base"

# --sql needs FROM:TO and touches nothing.
cdb upgrade
snapshot s1
cdb downgrade --sql
check_status 64 "downgrade --sql without FROM:TO"
check_err "FROM:TO"
cdb downgrade --sql head:base
check_status 0 "downgrade --sql head:base"
check_out "DROP TABLE t3"
check_out "DROP TABLE t1"
check "downgrade --sql in reverse order" sh -c "test \$(grep -n 'DROP TABLE t3' '$OUT' | cut -d: -f1) -lt \$(grep -n 'DROP TABLE t1' '$OUT' | cut -d: -f1)"
check_out "cdb_version"
cdb downgrade --sql 3333:1111
check_status 0 "downgrade --sql REV:REV"
check_out "DROP TABLE t3"
check_out "DROP TABLE t2"
check_no_out "DROP TABLE t1"
check_unchanged s1 "downgrade --sql"

# A failing downgrade leaves the database where it was.
set_sql "$r3_path" "CREATE TABLE t3 (id INTEGER PRIMARY KEY);" "DROP TABLE t3; DROP TABLE no_such_table;"
cdb downgrade
check_status 2 "failing downgrade"
check_err "no such table: no_such_table"
check_sql "still at head" app.db "SELECT version_num FROM cdb_version" 333333333333
check_sql "t3 still there" app.db "SELECT count(*) FROM sqlite_schema WHERE name = 't3'" 1

cdb downgrade a b
check_status 64 "two targets"

done_testing
