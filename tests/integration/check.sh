#!/bin/sh
# cdb check: graph, database at head, checksums, models = database
. "$TESTLIB"
new_project
rm -f models/*.sql
printf 'CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT);\n' >models/t.sql
sqlite3 app.db "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT);"

cdb check
check_status 0 "models equal the database"

printf 'CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b INT);\n' >models/t.sql
cdb check
check_status 1 "models changed"
check_out "models-changed"
check_out "add column 't.b'"

cdb --format=json check
check_status 1 "json findings"
check "json has the finding" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
items = d["findings"] if isinstance(d, dict) else d
assert [f["kind"] for f in items] == ["models-changed"], items
' "$OUT"

cdb migrate -m "add b"
check_status 0 "migrate"
cdb check
check_status 1 "pending revision"
check_out "not-at-head"
cdb upgrade head
cdb check
check_status 0 "clean after upgrade"

# An applied revision that is edited afterwards.
f=$(ls migrations/versions/*.sql)
printf '\n-- edited\n' >>"$f"
cdb check
check_status 1 "edited revision"
check_out "applied-edited"

cdb check extra
check_status 64 "unexpected argument"

done_testing
