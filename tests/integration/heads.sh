#!/bin/sh
# cdb heads [-v] [--ids]
. "$TESTLIB"
new_project

cdb heads
check_status 0 "heads with no revisions"
check "no heads printed" test ! -s "$OUT"

new_rev r1 -m "root" --rev-id 111111111111
new_rev r2 -m "left" --rev-id 222222222222
new_rev r3 -m "right" --head 1111 --rev-id 333333333333 --branch-label right

cdb heads
check_status 0 "two heads"
check_out_line "222222222222 (head)"
check_out_line "333333333333 (right) (head)"
check "two lines" test "$(wc -l <"$OUT")" = 2

cdb heads --ids
check_status 0 "heads --ids"
check "ids only" test "$(sort "$OUT" | tr '\n' ' ')" = "222222222222 333333333333 "

cdb heads -v
check_status 0 "heads -v"
check_out_line "Rev: 333333333333 (head)"
check_out_line "Branch names: right"

cdb heads --format=json
check_status 0 "heads as JSON"
check "JSON heads" python3 -c '
import json, sys
v = json.load(open(sys.argv[1]))
assert sorted(o["id"] for o in v) == ["222222222222", "333333333333"], v
assert all(o["is_head"] for o in v)
assert [o["branch_labels"] for o in v if o["id"] == "333333333333"] == [["right"]]
' "$OUT"

# heads reads no database: works with a URL that cannot be opened.
cdb -d sqlite:////nonexistent/dir/x.db heads
check_status 0 "heads needs no database"

done_testing
