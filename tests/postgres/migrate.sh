#!/bin/sh
# `cdb migrate` against PostgreSQL (CDB_TEST_PG_URL) tells the user what
# SQLite's does: possible renames as warnings with the hint line that makes
# them renames, destructive operations marked in the file and listed on
# stderr, and hints that turn a drop and add into RENAME with the rows kept.
# Partitioning it cannot change in place is refused; a new partition bound
# is checked against the rows.
. "$TESTLIB"
. "$PGLIB"

DB="cdbmigrate_$$"
pg_createdb "$DB"
pg_createdb "${DB}_narrow"
pg_createdb "${DB}_part"
pg_createdb "${DB}_types"
trap 'pg_dropdb "$DB"; pg_dropdb "${DB}_narrow"; pg_dropdb "${DB}_part"; pg_dropdb "${DB}_types"; rm -rf "$WORK"' EXIT
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

# A narrowed type refuses a value that does not fit instead of cutting it
# (an explicit cast to varchar(5) would cut it): the upgrade fails naming
# the statement, and the rows and the version stay as they were.
cd .. && mkdir narrow && cd narrow || exit 2
export CDB_DATABASE_URL="${CDB_TEST_PG_URL%/*}/${DB}_narrow"
cdb init
rm -f models/*.sql
sql "CREATE DOMAIN code AS text;
CREATE TABLE items (id int PRIMARY KEY, sku code, name text, tags code[]);
INSERT INTO items VALUES (1, 'abc', 'abcdefgh', '{abc}');" >/dev/null
cat >models/schema.sql <<'EOF'
CREATE DOMAIN code AS varchar(5);
CREATE TABLE items (id int PRIMARY KEY, sku code, name varchar(5), tags code[]);
EOF
cdb migrate -m narrow </dev/null
check_status 0 "migrate of narrowed types"
check_err "destructive: changes column 'public.items.name' from text to character varying(5)"
f=$(ls migrations/versions/*.sql)
cdb upgrade head
check_status 2 "upgrade with a value too long for the column"
check_err_line "cdb: error: $f:$(grep -n 'ALTER COLUMN "name" TYPE' "$f" | head -n 1 | cut -d: -f1): value too long for type character varying(5)"
check "the long value is kept whole" test "$(sql "SELECT name FROM items")" = abcdefgh
check "no revision is recorded" test "$(sql "SELECT count(*) FROM cdb_version")" = 0
sql "UPDATE items SET name = 'abc', sku = 'abcdefgh'" >/dev/null
cdb upgrade head
check_status 2 "upgrade with a value too long for the domain"
check_err "value too long for type character varying(5)"
check "the long domain value is kept whole" test "$(sql "SELECT sku FROM items")" = abcdefgh
sql "UPDATE items SET sku = 'abc', tags = '{abcdefgh}'" >/dev/null
cdb upgrade head
check_status 2 "upgrade with an array element too long for the domain"
check "the long array element is kept whole" test "$(sql "SELECT tags[1] FROM items")" = abcdefgh
sql "UPDATE items SET tags = '{abc}'" >/dev/null
cdb upgrade head
check_status 0 "upgrade once the values fit"
check "the values fit the narrowed types" test "$(sql "SELECT sku || name || tags[1] FROM items")" = abcabcabc

# Partitioning. A new partition key cannot be had in place: migrate fails
# naming the table, with a hint, writes nothing and changes nothing; check
# reports the difference. A plain table that becomes partitioned likewise.
cd .. && mkdir part && cd part || exit 2
export CDB_DATABASE_URL="${CDB_TEST_PG_URL%/*}/${DB}_part"
cdb init
rm -f models/*.sql
sql "CREATE TABLE events (id int NOT NULL, day date NOT NULL) PARTITION BY RANGE (day);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE notes (id int NOT NULL, day date NOT NULL);
INSERT INTO events VALUES (1, '2024-05-05'), (2, '2024-12-31');" >/dev/null
cat >models/schema.sql <<'EOF'
CREATE TABLE events (id int NOT NULL, day date NOT NULL) PARTITION BY LIST (id);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES IN (1, 2);
CREATE TABLE notes (id int NOT NULL, day date NOT NULL);
EOF
cdb migrate -m repartition </dev/null
check_status 2 "migrate of a new partition key"
check_err_line "cdb: error: cannot change the partitioning of table 'public.events' in place (partitioned by RANGE (day) -> partitioned by LIST (id))"
check_err "hint: write that step by hand in a revision of its own ('cdb revision')"
check "no revision is written for a new partition key" test -z "$(ls migrations/versions)"
check "the partition key is unchanged" \
	test "$(sql "SELECT pg_get_partkeydef('events'::regclass)")" = "RANGE (day)"
check "the rows stay where they were" test "$(sql "SELECT count(*) FROM events_2024")" = 2
cdb check
check_status 1 "check reports the new partition key"
check_out "alter table 'public.events' (partitioning)"
cat >models/schema.sql <<'EOF'
CREATE TABLE events (id int NOT NULL, day date NOT NULL) PARTITION BY RANGE (day);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE notes (id int NOT NULL, day date NOT NULL) PARTITION BY RANGE (day);
EOF
cdb migrate -m partition-notes </dev/null
check_status 2 "migrate of a plain table that becomes partitioned"
check_err_line "cdb: error: cannot change the partitioning of table 'public.notes' in place (not partitioned -> partitioned by RANGE (day))"
check "no revision is written for a table that becomes partitioned" test -z "$(ls migrations/versions)"

# A new bound is DETACH + ATTACH, and ATTACH checks the rows: a row outside
# the new bound fails the upgrade, and the partition keeps its rows and its
# old bound.
cat >models/schema.sql <<'EOF'
CREATE TABLE events (id int NOT NULL, day date NOT NULL) PARTITION BY RANGE (day);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2024-07-01');
CREATE TABLE notes (id int NOT NULL, day date NOT NULL);
EOF
cdb migrate -m narrow-bound </dev/null
check_status 0 "migrate of a narrower bound"
f=$(ls migrations/versions/*.sql)
check "the bound changes by DETACH" \
	grep -qx 'ALTER TABLE "events" DETACH PARTITION "events_2024";' "$f"
check "ATTACH names the new bound" \
	grep -qx "ALTER TABLE \"events\" ATTACH PARTITION \"events_2024\" FOR VALUES FROM ('2024-01-01') TO ('2024-07-01');" "$f"
cdb upgrade head
check_status 2 "upgrade with a row outside the new bound"
check_err "partition constraint of relation \"events_2024\" is violated by some row"
check "the partition keeps its rows" test "$(sql "SELECT count(*) FROM events_2024")" = 2
check "the partition keeps its bound" \
	test "$(sql "SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = 'events_2024'")" = \
	"FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"
sql "DELETE FROM events WHERE id = 2" >/dev/null
cdb upgrade head
check_status 0 "upgrade once the rows fit the new bound"
cdb check
check_status 0 "check is clean after the new bound"

# Composite types, range types and collations that columns use: a dropped
# attribute is marked destructive; what PostgreSQL cannot change in place
# while the type or collation is used is refused with one line naming it,
# and no revision is written.
cd .. && mkdir types && cd types || exit 2
export CDB_DATABASE_URL="${CDB_TEST_PG_URL%/*}/${DB}_types"
cdb init
rm -f models/*.sql
schema='CREATE COLLATION ci (provider = icu, locale = '"'und-u-ks-level2'"', deterministic = false);
CREATE TYPE floatrange AS RANGE (subtype = float8);
CREATE TYPE address AS (street text, city varchar(40), fax text);
CREATE TABLE people (id int PRIMARY KEY, name text COLLATE ci, home address, span floatrange);'
sql "$schema
INSERT INTO people VALUES (1, 'Ann', ROW('1 Main St', 'Oslo', '555'), '[1,2)');" >/dev/null
printf '%s\n' "$schema" >models/schema.sql
cdb migrate -m same </dev/null
check_status 0 "migrate of types written as the database has them"
check_out "No changes detected"

sed 's/, fax text//' models/schema.sql >models/schema.new && mv models/schema.new models/schema.sql
cdb migrate -m "drop attribute" </dev/null
check_status 0 "migrate dropping an attribute of a type in use"
check_err "destructive: drops attribute 'fax' of type 'public.address' and its values in column 'public.people.home'"
f=$(ls migrations/versions/*.sql)
check "the drop is marked right above its statement" \
	sh -c "grep -A1 -- \"drops attribute 'fax'\" '$f' | grep -qx 'ALTER TYPE \"address\" DROP ATTRIBUTE \"fax\";'"
cdb upgrade head
check_status 0 "upgrade dropping the attribute"
check "the other attributes keep their values" test "$(sql "SELECT (home).street || (home).city FROM people")" = "1 Main StOslo"

for change in 's/city varchar(40)/city text/' 's/ks-level2/ks-level1/' 's/subtype = float8)/subtype = float8, subtype_diff = float8mi)/' \
	's/(street text, city varchar(40))/(city varchar(40), street text)/'; do
	sed "$change" models/schema.sql >models/changed.sql && mv models/schema.sql schema.keep
	cdb migrate -m refused </dev/null
	check_status 2 "migrate refuses '$change' while it is in use"
	check_err_line "$(case $change in
		*city\ text*) echo "cdb: error: cannot change an attribute type of composite type 'public.address' in place: column 'people.home' uses it" ;;
		*ks-level*) echo "cdb: error: cannot change collation 'public.ci' in place: column 'people.name' uses it" ;;
		*subtype*) echo "cdb: error: cannot change range type 'public.floatrange' in place: column 'people.span' uses it" ;;
		*) echo "cdb: error: cannot change the attribute order of composite type 'public.address' in place: column 'people.home' uses it" ;;
		esac)"
	check "no revision is written for '$change'" test "$(ls migrations/versions | wc -l)" = 1
	rm -f models/changed.sql && mv schema.keep models/schema.sql
done

echo "1..$TESTS_RUN"
[ "$TESTS_FAILED" = 0 ]
