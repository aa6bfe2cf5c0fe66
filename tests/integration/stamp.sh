#!/bin/sh
# cdb stamp [--sql] [--purge] REV...
. "$TESTLIB"
new_project

new_rev r1 -m "create t1" --rev-id 111111111111
set_sql "$r1_path" "CREATE TABLE t1 (id INTEGER PRIMARY KEY);" "DROP TABLE t1;"
new_rev r2 -m "create t2" --rev-id 222222222222
set_sql "$r2_path" "CREATE TABLE t2 (id INTEGER PRIMARY KEY);" "DROP TABLE t2;"

cdb stamp --sql head
check_status 0 "stamp --sql"
check_out "222222222222"
check_out "cdb_version"
check "stamp --sql creates no database" test ! -e app.db

cdb stamp 1111
check_status 0 "stamp a prefix"
check_sql "version row written" app.db "SELECT version_num FROM cdb_version" 111111111111
check_sql "no revision SQL run" app.db "SELECT count(*) FROM sqlite_schema WHERE name = 't1'" 0

cdb upgrade
check_status 0 "upgrade after stamp runs only the rest"
check_sql "t2 made" app.db "SELECT count(*) FROM sqlite_schema WHERE name = 't2'" 1
check_sql "t1 not made" app.db "SELECT count(*) FROM sqlite_schema WHERE name = 't1'" 0

cdb stamp base
check_status 0 "stamp base"
check_sql "no rows" app.db "SELECT count(*) FROM cdb_version" 0
check_sql "tables kept" app.db "SELECT count(*) FROM sqlite_schema WHERE name = 't2'" 1

cdb stamp
check_status 64 "stamp without REV"
check_err_line "usage: cdb stamp [--sql] [--purge] REV..."

cdb stamp nosuchrev
check_status 2 "stamp an unknown revision"
check_err "nosuchrev"

# A revision no file knows: current and upgrade refuse with the way out.
sql app.db "INSERT INTO cdb_version VALUES ('feedface1234')"
snapshot s1
cdb current
check_status 2 "current with an unknown revision"
check_err "feedface1234"
check_err "stamp --purge"
cdb upgrade
check_status 2 "upgrade with an unknown revision"
check_err "feedface1234"
check_err "stamp --purge"
check_unchanged s1

cdb stamp head
check_status 2 "stamp without --purge keeps the unknown row"
check_err "feedface1234"
check_unchanged s1

cdb stamp --purge head
check_status 0 "stamp --purge"
check_sql "only head remains" app.db "SELECT version_num FROM cdb_version" 222222222222
cdb current
check_status 0 "current works again"
check_out_line "222222222222 (head)"

# Two heads can be stamped at once (one row each).
new_rev r3 -m "other root" --head base --rev-id 333333333333
cdb stamp 2222 3333
check_status 0 "stamp two revisions"
check_sql "two rows" app.db "SELECT group_concat(version_num, ',') FROM (SELECT version_num FROM cdb_version ORDER BY 1)" "222222222222,333333333333"
cdb stamp heads
check_status 0 "stamp heads"
check_sql "still two rows" app.db "SELECT count(*) FROM cdb_version" 2

# A missing database file is created by stamp (it writes).
cdb -d sqlite:///fresh.db stamp 1111
check_status 0 "stamp creates the database"
check_sql "fresh.db stamped" fresh.db "SELECT version_num FROM cdb_version" 111111111111

done_testing
