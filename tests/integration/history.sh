#!/bin/sh
# cdb history [-r RANGE] [-v] [-i] [--ids]
. "$TESTLIB"
new_project

cdb history
check_status 0 "history with no revisions"
check "nothing printed" test ! -s "$OUT"

new_rev r1 -m "create users" --rev-id 111111111111
new_rev r2 -m "add email" --rev-id 222222222222
new_rev r3 -m "create orders" --rev-id 333333333333 --branch-label shop

cdb history
check_status 0 "history"
cat >expected <<'X'
222222222222 -> 333333333333 (shop) (head), create orders
111111111111 -> 222222222222, add email
<base> -> 111111111111, create users
X
check "Alembic's line format, newest first" cmp expected "$OUT"

# history reads no database unless asked to.
check "no database created by history" test ! -e app.db

cdb history --ids
check_status 0 "history --ids"
check "ids newest first" test "$(tr '\n' ' ' <"$OUT")" = "333333333333 222222222222 111111111111 "

cdb upgrade 2222
cdb history -i
check_status 0 "history -i"
check_out_line "111111111111 -> 222222222222 (current), add email"
check_out_line "222222222222 -> 333333333333 (shop) (head), create orders"

cdb history -r 2222:
check_status 0 "-r START:"
check "from 2222 to the heads" test "$(wc -l <"$OUT")" = 2
check_no_out "create users"

cdb history -r :2222
check_status 0 "-r :END"
check_no_out "create orders"
check "base to 2222" test "$(wc -l <"$OUT")" = 2

cdb history -r base:current
check_status 0 "-r base:current"
check_no_out "create orders"
check_out "add email"

cdb history -r current:head
check_status 0 "-r current:head"
check_out "create orders"
check_out "add email"
check_no_out "create users"

cdb history -r -1:current
check_status 0 "-r -N:current"
check "current and one before" test "$(cut -d, -f2 "$OUT" | tr '\n' '|')" = " add email| create users|"

cdb history -r current:+1
check_status 0 "-r current:+N"
check_out "create orders"
check_no_out "create users"

cdb history -r 2222
check_status 64 "-r without a colon"

cdb history -r 9999:
check_status 2 "-r with an unknown revision"
check_err "9999"

cdb history -v
check_status 0 "history -v"
check_out_line "Rev: 333333333333 (head)"
check_out_line "Parent: 222222222222"
check_out_line "Branch names: shop"
check_out_line "Path: $r3_path"
check_out_line "    create orders"

# Branches, merges and depends_on show in the line format too.
new_rev r4 -m "side" --head 1111 --rev-id 444444444444
new_rev r5 -m "join" --head 3333 --rev-id 555555555555
cdb merge -m "merge side" --rev-id 666666666666 5555 4444
check_status 0
new_rev r7 -m "needs side" --head 6666 --depends-on 4444 --rev-id 777777777777
cdb history
check_status 0 "history of a branched graph"
check_out_line "111111111111 -> 222222222222, add email"
check_out_line "<base> -> 111111111111 (branchpoint), create users"
check_out_line "555555555555, 444444444444 -> 666666666666 (mergepoint), merge side"
check_out_line "666666666666 (444444444444) -> 777777777777 (head), needs side"

cdb --format=json history
check_status 0 "history as JSON"
check "JSON history" python3 -c '
import json, sys
v = json.load(open(sys.argv[1]))
assert len(v) == 7, len(v)
ids = [o["id"] for o in v]
assert ids[0] == "777777777777" and ids[-1] == "111111111111", ids
m = [o for o in v if o["id"] == "666666666666"][0]
assert m["is_merge_point"] is True and sorted(m["down_revisions"]) == ["444444444444", "555555555555"]
d = [o for o in v if o["id"] == "777777777777"][0]
assert d["depends_on"] == ["444444444444"]
b = [o for o in v if o["id"] == "111111111111"][0]
assert b["is_branch_point"] is True and b["down_revisions"] == []
' "$OUT"

done_testing
