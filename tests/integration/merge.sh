#!/bin/sh
# cdb merge -m MSG [--rev-id ID] [--branch-label LABEL] REV...
# and walking through a merge point: upgrade, relative downgrade, depends_on
. "$TESTLIB"
new_project

new_rev r1 -m "root" --rev-id 111111111111
set_sql "$r1_path" "CREATE TABLE root (x);" "DROP TABLE root;"
new_rev r2 -m "left" --rev-id 222222222222
set_sql "$r2_path" "CREATE TABLE lft (x);" "DROP TABLE lft;"
new_rev r3 -m "right" --head 1111 --rev-id 333333333333
set_sql "$r3_path" "CREATE TABLE rgt (x);" "DROP TABLE rgt;"

snapshot s0
cdb upgrade head
check_status 2 "upgrade head with two heads"
check_err "222222222222"
check_err "333333333333"
check_err "hint: "
check_err "merge"
check_unchanged s0 "upgrade head with two heads"

cdb upgrade heads
check_status 0 "upgrade heads"
check_sql "one row per head" app.db "SELECT group_concat(version_num, ',') FROM (SELECT version_num FROM cdb_version ORDER BY 1)" "222222222222,333333333333"

cdb merge -m "only one" 2222
check_status 2 "merge of one revision"
cdb merge 2222 3333
check_status 64 "merge without -m"
cdb merge -m "ancestor" 1111 2222
check_status 2 "merge with an ancestor"
check_err "ancestor"

cdb merge -m "join branches" --rev-id 444444444444 heads
check_status 0 "merge heads"
m=$(cat "$OUT")
check "merge file written" test -f "$m"
check "both parents" grep -qxE -- '-- down_revision: (222222222222, ?333333333333|333333333333, ?222222222222)' "$m"
cdb heads --ids
check "one head after the merge" test "$(cat "$OUT")" = 444444444444

cdb upgrade head
check_status 0 "upgrade through the merge"
check_sql "the merge replaces both rows" app.db "SELECT group_concat(version_num) FROM cdb_version" 444444444444

# -1 from a merge point goes back to both parents; +1 comes back.
cdb downgrade -1
check_status 0 "downgrade -1 from a merge point"
check_sql "both parents current" app.db "SELECT group_concat(version_num, ',') FROM (SELECT version_num FROM cdb_version ORDER BY 1)" "222222222222,333333333333"
cdb upgrade +1
check_status 0 "upgrade +1 to the merge point"
check_sql "at the merge" app.db "SELECT group_concat(version_num) FROM cdb_version" 444444444444
cdb downgrade -2
check_status 0 "downgrade -2 across the merge point"
check_sql "one side unapplied" app.db "SELECT count(*) FROM cdb_version" 1
check_sql "two tables of the three branches gone or kept consistently" app.db \
	"SELECT (SELECT count(*) FROM sqlite_schema WHERE name IN ('lft', 'rgt')) = 1" 1

cdb downgrade 1111
check_status 0 "downgrade to the branch point"
check_sql "at the root" app.db "SELECT group_concat(version_num) FROM cdb_version" 111111111111
check_sql "both sides dropped" app.db "SELECT count(*) FROM sqlite_schema WHERE name IN ('lft', 'rgt')" 0

# depends_on: upgrading to a revision applies what it depends on first.
new_rev r5 -m "other root" --head base --rev-id 555555555555 --branch-label other
set_sql "$r5_path" "CREATE TABLE other (x);" "DROP TABLE other;"
new_rev r6 -m "uses other" --head 4444 --depends-on 5555 --rev-id 666666666666
set_sql "$r6_path" "CREATE VIEW v AS SELECT * FROM other;" "DROP VIEW v;"
cdb upgrade 6666
check_status 0 "upgrade to a revision with depends_on"
check_sql "dependency applied" app.db "SELECT count(*) FROM sqlite_schema WHERE name IN ('other', 'v')" 2
check_sql "dependency before dependent" app.db \
	"SELECT (SELECT min(id) FROM cdb_history WHERE revision = '555555555555' AND direction = 'up') < (SELECT max(id) FROM cdb_history WHERE revision = '666666666666')" 1
cdb downgrade other@base
check_status 0 "downgrade a dependency takes its dependents with it"
check_sql "view and table gone" app.db "SELECT count(*) FROM sqlite_schema WHERE name IN ('other', 'v')" 0

cdb merge -m "labelled" --branch-label joined --rev-id 777777777777 heads
check_status 0 "merge with a branch label"
check "label written" grep -qx -- "-- branch_labels: joined" "$(cat "$OUT")"
cdb heads --ids
check "one head again" test "$(cat "$OUT")" = 777777777777

done_testing
