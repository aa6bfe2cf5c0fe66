#!/bin/sh
# cdb current [-v]
. "$TESTLIB"
new_project

new_rev r1 -m "create t1" --rev-id 111111111111
new_rev r2 -m "create t2" --rev-id 222222222222

cdb current
check_status 2 "current without a database"
check_err "app.db"
check_err "does not exist"
check "current does not create the database" test ! -e app.db

cdb upgrade 1111
cdb current
check_status 0 "current"
check_out_line "111111111111"
cdb upgrade
cdb current
check_out_line "222222222222 (head)"
check_empty_err

cdb current -v
check_status 0 "current -v"
check_out_line "Rev: 222222222222 (head)"
check_out_line "Parent: 111111111111"
check_out "Path: $r2_path"

cdb --format=json current
check_status 0 "current as JSON"
check "valid JSON with the stable keys" python3 -c '
import json, sys
v = json.load(open(sys.argv[1]))
assert isinstance(v, list) and len(v) == 1, v
o = v[0]
for k in ("id", "down_revisions", "message", "branch_labels", "depends_on", "is_head",
          "is_branch_point", "is_merge_point", "is_current", "path", "author", "created"):
    assert k in o, k
assert o["id"] == "222222222222" and o["down_revisions"] == ["111111111111"]
assert o["is_head"] is True and o["is_current"] is True and o["message"] == "create t2"
' "$OUT"

cdb current --format json
check_status 0 "--format after the command"

cdb downgrade base
cdb current
check_status 0 "current at base"
check "nothing printed at base" test ! -s "$OUT"

done_testing
