#!/bin/sh
# cdb show REV
. "$TESTLIB"
new_project

new_rev r1 -m "create users" --rev-id aaaa11111111
set_sql "$r1_path" "CREATE TABLE users (id INTEGER PRIMARY KEY);" "DROP TABLE users;"
new_rev r2 -m "add email" --rev-id aaaa22222222

cdb show aaaa11111111
check_status 0 "show a full id"
check_out_line "Rev: aaaa11111111"
check_out_line "Parent: <base>"
check_out_line "Path: $r1_path"
check_out_line "    create users"
check_out_line "CREATE TABLE users (id INTEGER PRIMARY KEY);"
check_out_line "DROP TABLE users;"
check_out_line "Checksum: $(git hash-object "$r1_path")"

cdb show head
check_status 0 "show head"
check_out_line "Rev: aaaa22222222 (head)"

cdb show aaaa2
check_status 0 "show a unique prefix"
check_out_line "Rev: aaaa22222222 (head)"

cdb show aaaa
check_status 2 "ambiguous prefix"
check_err "aaaa"
check_err "aaaa11111111"
check_err "aaaa22222222"

cdb show aaa
check_status 2 "prefix shorter than 4"

cdb show bbbb
check_status 2 "unknown revision"
check_err "bbbb"

cdb show
check_status 64 "no REV"
check_err_line "usage: cdb show REV"

cdb --format=json show aaaa1
check_status 0 "show as JSON"
check "JSON show" python3 -c '
import json, sys
o = json.load(open(sys.argv[1]))
assert o["id"] == "aaaa11111111" and o["message"] == "create users", o
assert "CREATE TABLE users" in o["upgrade"] and "DROP TABLE users" in o["downgrade"]
' "$OUT"

done_testing
