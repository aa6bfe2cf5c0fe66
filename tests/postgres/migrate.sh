#!/bin/sh
# `cdb migrate` against PostgreSQL (CDB_TEST_PG_URL) tells the user what
# SQLite's does: possible renames as warnings with the hint line that makes
# them renames, destructive operations marked in the file and listed on
# stderr, and hints that turn a drop and add into RENAME with the rows kept.
. "$TESTLIB"
. "$PGLIB"

DB="cdbmigrate_$$"
pg_createdb "$DB"
trap 'pg_dropdb "$DB"; rm -rf "$WORK"' EXIT
export CDB_DATABASE_URL="${CDB_TEST_PG_URL%/*}/$DB"

sql() {
	$PSQL "$CDB_DATABASE_URL" -c "$1"
}

mkdir proj && cd proj || exit 2
cdb init
check_status 0 "init"
rm -f models/*.sql
sql "CREATE SCHEMA crm;
CREATE TABLE crm.people (id int PRIMARY KEY, mail text, age int);
CREATE TABLE crm.old_things (id int, label text);
INSERT INTO crm.people VALUES (1, 'a@example.com', 40);
INSERT INTO crm.old_things VALUES (7, 'seven');" >/dev/null
cat >models/schema.sql <<'EOF'
CREATE SCHEMA crm;
CREATE TABLE crm.people (id int PRIMARY KEY, email text, age smallint);
CREATE TABLE crm.new_things (id int, label text);
EOF

cdb migrate -m "without hints" </dev/null
check_status 0 "migrate without hints"
check_err_line "cdb: warning: possible rename of column 'crm.people.mail' to 'email'; kept as drop and add"
check_err_line "hint: if it is a rename, add this line to a model file: -- cdb: rename column crm.people.mail to email"
check_err_line "cdb: warning: possible rename of table 'crm.old_things' to 'new_things'; kept as drop and add"
check_err_line "hint: if it is a rename, add this line to a model file: -- cdb: rename table crm.old_things to new_things"
check_err "destructive: drops column 'crm.people.mail' and its data"
check_err "destructive: changes column 'crm.people.age' from integer to smallint"
check_err "destructive: drops table 'crm.old_things' and its rows"
f=$(ls migrations/versions/*.sql)
check "the file marks the dropped column" grep -qx -- "-- cdb: destructive: drops column 'crm.people.mail' and its data" "$f"
check "the file marks the narrowed type" grep -q -- "-- cdb: destructive: changes column 'crm.people.age' from integer to smallint" "$f"
check "the file marks the dropped table" grep -qx -- "-- cdb: destructive: drops table 'crm.old_things' and its rows" "$f"
check "the mark is right above its statement" \
	sh -c "grep -A1 -- \"drops table 'crm.old_things'\" '$f' | grep -q '^DROP TABLE \"crm\".\"old_things\";'"
rm -f "$f"

# The hints the warnings printed make renames that keep the rows.
{
	echo "-- cdb: rename column crm.people.mail to email"
	echo "-- cdb: rename table crm.old_things to new_things"
	cat models/schema.sql
} >models/schema.new && mv models/schema.new models/schema.sql
cdb migrate -m "with hints" </dev/null
check_status 0 "migrate with the hints"
check_no_err "possible rename"
check_no_err "drops column"
check_no_err "drops table"
f=$(ls migrations/versions/*.sql)
check "a column rename" grep -q 'ALTER TABLE "crm"."people" RENAME COLUMN "mail" TO "email";' "$f"
check "a table rename" grep -q 'ALTER TABLE "crm"."old_things" RENAME TO "new_things";' "$f"
cdb upgrade head
check_status 0 "upgrade"
check "the renamed column kept its value" test "$(sql "SELECT email FROM crm.people")" = a@example.com
check "the renamed table kept its row" test "$(sql "SELECT label FROM crm.new_things")" = seven
cdb check
check_status 0 "check is clean"
cdb downgrade -1
check_status 0 "downgrade"
check "the old names are back with the rows" \
	test "$(sql "SELECT p.mail || ' ' || t.label FROM crm.people p, crm.old_things t")" = "a@example.com seven"

echo "1..$TESTS_RUN"
[ "$TESTS_FAILED" = 0 ]
