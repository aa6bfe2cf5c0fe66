#!/bin/sh
# cdb upgrade [--sql] [TARGET]
. "$TESTLIB"
new_project

# A project without revisions is at head; nothing is created.
cdb upgrade head
check_status 0 "upgrade without revisions"
check_out "nothing to do"
check "no database created without revisions" test ! -e app.db

new_rev r1 -m "create t1" --rev-id 111111111111
set_sql "$r1_path" "CREATE TABLE t1 (id INTEGER PRIMARY KEY, name TEXT);" "DROP TABLE t1;"
new_rev r2 -m "create t2" --rev-id 222222222222
set_sql "$r2_path" "CREATE TABLE t2 (id INTEGER PRIMARY KEY);
CREATE INDEX t2_id ON t2 (id);" "DROP TABLE t2;"

# --sql touches nothing, not even the database file.
cdb upgrade --sql
check_status 0 "upgrade --sql"
check "no database created by --sql" test ! -e app.db
check_out "CREATE TABLE t1"
check_out "CREATE TABLE t2"
check_out "cdb_version"
check_out "cdb_history"
check_out "111111111111"
check_out "222222222222"
check "t1 before t2 in --sql" sh -c "grep -n 'CREATE TABLE t1' '$OUT' | cut -d: -f1 >a; grep -n 'CREATE TABLE t2' '$OUT' | cut -d: -f1 >b; test \$(cat a) -lt \$(cat b)"

cdb upgrade --sql 111111111111:head
check_status 0 "upgrade --sql FROM:TO"
check_out "CREATE TABLE t2"
check_no_out "CREATE TABLE t1"

cdb upgrade 1111:head
check_status 64 "FROM:TO without --sql"

# The real thing.
cdb upgrade
check_status 0 "upgrade (default head)"
check "database created" test -f app.db
check_out "111111111111"
check_out "222222222222"
check "one progress line per revision" test "$(grep -c . "$OUT")" = 2
check_sql "version table at head" app.db "SELECT version_num FROM cdb_version" 222222222222
check_sql "history has both steps" app.db "SELECT revision || ' ' || direction FROM cdb_history ORDER BY id" "111111111111 up
222222222222 up"
check_sql "checksums recorded" app.db "SELECT count(*) FROM cdb_history WHERE length(checksum) = 40" 2
check_sql "checksum is the git blob id" app.db "SELECT checksum FROM cdb_history WHERE revision = '111111111111'" \
	"$(git hash-object "$r1_path")"
check_sql "tables made" app.db "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE name LIKE 't%' ORDER BY name)" "t1,t2,t2_id"

cdb upgrade head
check_status 0 "upgrade at head"
check_out "nothing to do"
check_sql "no new history row" app.db "SELECT count(*) FROM cdb_history" 2

# Relative and partial targets.
new_rev r3 -m "create t3" --rev-id 333333333333
set_sql "$r3_path" "CREATE TABLE t3 (x);" "DROP TABLE t3;"
new_rev r4 -m "create t4" --rev-id 444444444444
set_sql "$r4_path" "CREATE TABLE t4 (x);" "DROP TABLE t4;"
cdb upgrade +1
check_status 0 "upgrade +1"
check_sql "one step" app.db "SELECT version_num FROM cdb_version" 333333333333
cdb downgrade 2222
check_status 0
cdb upgrade 2222+2
check_status 0 "upgrade REV+N"
check_sql "at REV+2" app.db "SELECT version_num FROM cdb_version" 444444444444
cdb downgrade 2222
cdb upgrade 3333
check_status 0 "upgrade to a prefix"
check_sql "at prefix target" app.db "SELECT version_num FROM cdb_version" 333333333333
cdb upgrade +5
check_status 2 "upgrade +5 past head"
check_sql "nothing moved" app.db "SELECT version_num FROM cdb_version" 333333333333

# -q silences progress; -v echoes SQL on stderr, also after the command name.
cdb -q upgrade
check_status 0 "-q upgrade"
check "no progress with -q" test ! -s "$OUT"
cdb downgrade 3333
cdb upgrade -v
check_status 0 "upgrade -v"
check_err "CREATE TABLE t4"
check_no_out "CREATE TABLE t4"

# A failing statement: file and line, the statement, and nothing applied.
new_rev r5 -m "broken" --rev-id 555555555555
set_sql "$r5_path" "CREATE TABLE t5 (x);
INSERT INTO t5 VALUES (1);
INSERT INTO missing_table VALUES (1);" "DROP TABLE t5;"
line=$(grep -n 'missing_table' "$r5_path" | cut -d: -f1)
snapshot s1
cdb upgrade
check_status 2 "failing SQL"
check_err "cdb: error: "
check_err "$(basename "$r5_path"):$line"
check_err "no such table: missing_table"
check_err "INSERT INTO missing_table VALUES (1)"
check_sql "database left at the previous revision" app.db "SELECT version_num FROM cdb_version" 444444444444
check_sql "t5 rolled back" app.db "SELECT count(*) FROM sqlite_schema WHERE name = 't5'" 0
check_unchanged s1 "failed upgrade"

# A syntax error is reported with its line too.
set_sql "$r5_path" "CREATE TABLE t5 (x);

CREATE TABLE t6 (x y z w ,,);" "DROP TABLE t5;"
line=$(grep -n 't6' "$r5_path" | cut -d: -f1)
cdb upgrade
check_status 2 "syntax error"
check_err "$(basename "$r5_path"):$line"
check_err "syntax error"
check_sql "still at the previous revision" app.db "SELECT version_num FROM cdb_version" 444444444444

# Foreign keys are checked before COMMIT and a violation names the row.
set_sql "$r5_path" "CREATE TABLE parent (id INTEGER PRIMARY KEY);
CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id));
INSERT INTO child VALUES (7, 42);" "DROP TABLE child; DROP TABLE parent;"
cdb upgrade
check_status 2 "foreign key violation"
check_err "foreign key"
check_err "child"
check_sql "violation rolled back" app.db "SELECT count(*) FROM sqlite_schema WHERE name IN ('parent', 'child')" 0
check_sql "version unchanged" app.db "SELECT version_num FROM cdb_version" 444444444444

set_sql "$r5_path" "CREATE TABLE t5 (x);" "DROP TABLE t5;"
cdb upgrade
check_status 0 "fixed revision applies"

# -d and CDB_DATABASE_URL pick another database; -d wins.
cdb -d sqlite:///other.db upgrade 1111
check_status 0 "-d URL"
check_sql "other.db at 1111" other.db "SELECT version_num FROM cdb_version" 111111111111
cdb_env CDB_DATABASE_URL=sqlite:///env.db -- upgrade 2222
check_status 0 "CDB_DATABASE_URL"
check_sql "env.db at 2222" env.db "SELECT version_num FROM cdb_version" 222222222222
cdb_env CDB_DATABASE_URL=sqlite:///env.db -- upgrade -d sqlite:///flag.db 1111
check "-d beats CDB_DATABASE_URL" test -f flag.db
check_sql "env.db unchanged" env.db "SELECT version_num FROM cdb_version" 222222222222

# A --sql script whose revision leaves a foreign key violated: sqlite3 -bail
# stops at the check and nothing of the revision (nor its version row) is kept.
mkdir fkscript && cd fkscript || exit 2
new_project
new_rev f1 -m "parent and child" --rev-id aaaaaaaaaaaa
set_sql "$f1_path" "CREATE TABLE p (id INTEGER PRIMARY KEY);
CREATE TABLE c (id INTEGER PRIMARY KEY, p INTEGER REFERENCES p (id));" "DROP TABLE c;
DROP TABLE p;"
new_rev f2 -m "orphan" --rev-id bbbbbbbbbbbb
set_sql "$f2_path" "INSERT INTO c VALUES (1, 99);" "DELETE FROM c;"
cdb upgrade --sql aaaa
check_status 0 "upgrade --sql of the first revision"
sqlite3 -bail fk.db <"$OUT" >/dev/null 2>&1
check "the first script applies with sqlite3 -bail" test $? = 0
cdb upgrade --sql aaaa:head
check_status 0 "upgrade --sql of the violating revision"
check_out "PRAGMA foreign_keys = OFF;"
{ echo "PRAGMA foreign_keys = ON;"; cat "$OUT"; } | sqlite3 -bail fk.db >/dev/null 2>"$ERR"
check "sqlite3 -bail stops at the foreign key check" test $? != 0
check_err "foreign key violated: nothing of this revision is kept"
check_sql "the orphan row was rolled back" fk.db "SELECT count(*) FROM c" 0
check_sql "the version row was rolled back" fk.db "SELECT version_num FROM cdb_version" aaaaaaaaaaaa
# Without -bail the shell goes on, but the rollback already undid the revision.
cdb upgrade --sql aaaa:head
sqlite3 fk.db <"$OUT" >/dev/null 2>&1
check_sql "without -bail the orphan is rolled back too" fk.db "SELECT count(*) FROM c" 0
check_sql "and so is the version row" fk.db "SELECT version_num FROM cdb_version" aaaaaaaaaaaa
cd .. || exit 2

done_testing
