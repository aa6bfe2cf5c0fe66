#!/bin/sh
# check: edited and deleted applied revisions (checksums), --scratch
# (models against the replayed revisions) and --roundtrip.
. "$(dirname "$0")/lib.sh"

project "$T/p"
rev b.sql bbbb00000002 aaaa00000001 'CREATE TABLE t2 (id INTEGER PRIMARY KEY);' 'DROP TABLE t2;'
echo 'CREATE TABLE t2 (id INTEGER PRIMARY KEY);' >models/t2.sql
commit "add t2"

run check --scratch
expect_status 0
run check --scratch --roundtrip
expect_status 0

run upgrade head
expect_status 0
run check
expect_status 0
run --format=json check
expect_status 0
expect_out '"ok": true'
expect_out '"findings": []'

# An applied revision edited: named with its file.
cp migrations/versions/a.sql "$T/a.sql"
printf -- '-- changed after it ran\n' >>migrations/versions/a.sql
run check
expect_status 1
expect_out "aaaa00000001"
expect_out "a.sql"
expect_out "edited"
run --format=json check
expect_status 1
expect_out '"applied-edited"'
# The same text with CRLF line endings is not an edit.
sed 's/$/\r/' "$T/a.sql" >migrations/versions/a.sql
run check
expect_status 0
cp "$T/a.sql" migrations/versions/a.sql

# An applied revision deleted.
mv migrations/versions/b.sql "$T/b.sql"
run --format=json check
expect_status 1
expect_out '"applied-deleted"'
expect_out "bbbb00000002"
mv "$T/b.sql" migrations/versions/b.sql

# Models changed, no revision written: --scratch lists the operations.
echo 'CREATE TABLE t9 (id INTEGER PRIMARY KEY, name TEXT);' >models/t9.sql
run check --scratch
expect_status 1
expect_out "models changed but no revision was written"
expect_out "t9"
run --format=json check --scratch
expect_out '"models-changed"'
rm models/t9.sql

# A downgrade that leaves its table behind is named.
rev c.sql cccc00000003 bbbb00000002 'CREATE TABLE t3 (id INTEGER PRIMARY KEY);' 'SELECT 1;'
echo 'CREATE TABLE t3 (id INTEGER PRIMARY KEY);' >models/t3.sql
run check --scratch
expect_status 0
run check --scratch --roundtrip
expect_status 1
expect_out "cccc00000003"
expect_out "t3"
run --format=json check --scratch --roundtrip
expect_out '"roundtrip"'

# A downgrade that fails is named.
rev c.sql cccc00000003 bbbb00000002 'CREATE TABLE t3 (id INTEGER PRIMARY KEY);' 'DROP TABLE no_such_table;'
run check --scratch --roundtrip
expect_status 1
expect_out "cccc00000003"
run --format=json check --scratch --roundtrip
expect_out '"downgrade-failed"'

# An upgrade that fails in the scratch database is named too.
rev c.sql cccc00000003 bbbb00000002 'CREATE TABLE t1 (id INTEGER PRIMARY KEY);' 'SELECT 1;'
run --format=json check --scratch
expect_status 1
expect_out '"upgrade-failed"'
expect_out "cccc00000003"
echo "ok"
