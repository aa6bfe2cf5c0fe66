#!/bin/sh
# cdb branches [-v]
. "$TESTLIB"
new_project

new_rev r1 -m "root" --rev-id 111111111111
new_rev r2 -m "left" --rev-id 222222222222

cdb branches
check_status 0 "no branch points"
check "nothing printed" test ! -s "$OUT"

new_rev r3 -m "right" --head 1111 --rev-id 333333333333

cdb branches
check_status 0 "one branch point"
check_out_line "111111111111 (branchpoint)"
check_out_line "             -> 222222222222 (head)"
check_out_line "             -> 333333333333 (head)"

cdb branches -v
check_status 0 "branches -v"
check_out_line "Rev: 111111111111 (branchpoint)"
check_out_line "Branches into: 222222222222, 333333333333"
check_out_line "             -> 333333333333 (head), right"

cdb branches --format=json
check_status 0 "branches as JSON"
check "JSON branch points" python3 -c '
import json, sys
v = json.load(open(sys.argv[1]))
assert [o["id"] for o in v] == ["111111111111"], v
assert v[0]["is_branch_point"] is True
assert sorted(v[0]["children"]) == ["222222222222", "333333333333"]
' "$OUT"

done_testing
