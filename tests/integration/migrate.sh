#!/bin/sh
# cdb migrate -m MSG [--empty] [--rev-id ID] [--check]
. "$TESTLIB"
new_project
rm -f models/*.sql

# A project without tables: nothing to migrate, nothing written.
cdb migrate -m nothing
check_status 0 "empty models"
check_out "No changes detected"
check "no revision written" sh -c "test -z \"\$(ls migrations/versions)\""

cat >models/movies.sql <<'SQL'
CREATE TABLE directors (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE movies (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    director_id INTEGER REFERENCES directors (id) ON DELETE SET NULL
);
CREATE INDEX ix_movies_name ON movies (name);
SQL
cdb migrate --check
check_status 1 "--check with changes"
check_out "create table 'movies'"
check "--check writes nothing" sh -c "test -z \"\$(ls migrations/versions)\""

cdb migrate -m "create movies" --rev-id 000000000001
check_status 0 "first migrate"
check_out "create table 'directors'"
check_out "create index 'ix_movies_name' on 'movies'"
check_out "Generated migrations/versions/000000000001_create_movies.sql"
f=migrations/versions/000000000001_create_movies.sql
check "revision file written" test -f "$f"
check "directors created before movies" sh -c \
	"grep -n 'CREATE TABLE' '$f' | head -1 | grep -q directors"
check "downgrade drops the tables" grep -q 'DROP TABLE "movies";' "$f"
check_sql "migrate leaves the database alone" app.db \
	"SELECT count(*) FROM sqlite_master WHERE name IN ('movies', 'directors')" 0

# Not at head: refused with a hint.
cat >>models/movies.sql <<'SQL'
CREATE TABLE tags (id INTEGER PRIMARY KEY);
SQL
cdb migrate -m more
check_status 2 "database behind head"
check_err "cdb: error: the database is not at head"
check_err "hint: run 'cdb upgrade head'"

cdb upgrade head
check_status 0 "upgrade"
sqlite3 app.db "INSERT INTO directors VALUES (1, 'Varda'); INSERT INTO movies VALUES (1, 'Cleo', 1);"

# Drop a column (destructive, on stderr) and add one; then the same schema again.
cat >models/movies.sql <<'SQL'
CREATE TABLE directors (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE movies (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    year INTEGER NOT NULL DEFAULT 2000
);
CREATE INDEX ix_movies_name ON movies (name);
SQL
cdb migrate -m "year instead of director" --rev-id 000000000002
check_status 0 "second migrate"
check_out "drop column 'movies.director_id'"
check_out "add column 'movies.year'"
check_err "destructive: drops column 'movies.director_id' and its data"
check "destructive comment in the file" grep -q -- '-- cdb: destructive: drops column' \
	migrations/versions/000000000002_year_instead_of_director.sql
check "down_revision is the previous head" grep -qx -- '-- down_revision: 000000000001' \
	migrations/versions/000000000002_year_instead_of_director.sql
cdb upgrade head
check_status 0 "upgrade the rebuild"
check_sql "rows survive" app.db "SELECT id, name, year FROM movies" "1|Cleo|2000"
cdb migrate -m again
check_status 0 "no changes after upgrade"
check_out "No changes detected"
check "still two revisions" sh -c "test \$(ls migrations/versions | wc -l) = 2"

# A drop + add of one type without a hint: kept, with a warning and the hint line.
sed -i 's/name TEXT NOT NULL,$/title TEXT NOT NULL,/' models/movies.sql
sed -i 's/ON movies (name)/ON movies (title)/' models/movies.sql
cdb migrate --check </dev/null
check_status 1 "possible rename detected"
check_err "possible rename of column 'movies.name' to 'title'"
check_err "-- cdb: rename column movies.name to title"

# With the hint it is a rename.
printf '%s\n' '-- cdb: rename column movies.name to title' >>models/movies.sql
cdb migrate -m "rename name" --rev-id 000000000003
check_status 0 "rename with a hint"
check_out "rename column 'movies.name' to 'title'"
check_no_err "destructive"
cdb upgrade head
check_status 0 "upgrade the rename"
check_sql "renamed column keeps its data" app.db "SELECT title FROM movies" "Cleo"
cdb downgrade -1
check_status 0 "downgrade the rename"
check_sql "renamed back" app.db "SELECT name FROM movies" "Cleo"
cdb upgrade head
# RENAME COLUMN rewrites the index on the column: no index op either way.
check "the index on the renamed column is kept" sh -c \
	"! grep -q INDEX migrations/versions/000000000003_rename_name.sql"
check_sql "the index follows the rename" app.db \
	"SELECT name FROM pragma_index_info('ix_movies_name')" "title"

# An audit trigger on movies writes into ledger; rebuilding ledger must not trip
# over it. BIGINT -> INTEGER keeps SQLite's INTEGER affinity: not destructive.
cat >models/movies_ledger.sql <<'SQL'
CREATE TABLE ledger (id INTEGER PRIMARY KEY, movie_id INTEGER, amount BIGINT, memo TEXT);
CREATE TRIGGER movies_ledger AFTER INSERT ON movies
BEGIN
    INSERT INTO ledger (movie_id, amount, memo) VALUES (NEW.id, 1, 'ledger row');
END;
SQL
cdb migrate -m ledger --rev-id 000000000005
check_status 0 "migrate the ledger"
cdb upgrade head
check_status 0 "upgrade the ledger"
sed -i 's/amount BIGINT, memo TEXT)/amount INTEGER NOT NULL DEFAULT 0, memo TEXT, CHECK (amount >= 0))/' \
	models/movies_ledger.sql
cdb migrate -m "rebuild ledger" --rev-id 000000000006
check_status 0 "migrate the ledger rebuild"
check_out "alter column 'ledger.amount' (type, nullable, default)"
check_no_err "destructive"
cdb upgrade head
check_status 0 "rebuild a table another table's trigger writes into"
sqlite3 app.db "INSERT INTO movies (id, title, year) VALUES (2, 'Vagabond', 1985);"
check_sql "the trigger is back and fires" app.db "SELECT movie_id, amount, memo FROM ledger" "2|1|ledger row"
cdb downgrade -1
check_status 0 "downgrade the ledger rebuild"
check_sql "rows survive the downgrade" app.db "SELECT movie_id, amount FROM ledger" "2|1"
cdb upgrade head
# TEXT -> INTEGER changes the affinity: '007' would become 7.
sed -i 's/memo TEXT,/memo INTEGER,/' models/movies_ledger.sql
cdb migrate --check
check_status 1 "text to integer found"
check_err "destructive: changes column 'ledger.memo' from TEXT to INTEGER"
sed -i 's/memo INTEGER,/memo TEXT,/' models/movies_ledger.sql

# Errors: a model that does not run names file and line; usage errors.
printf 'CREATE TABLE broken (\n  id INTEGER PRIMARY KEY,\n  oops NOT A TYPE ((\n);\n' >models/zz_broken.sql
cdb migrate -m broken
check_status 2 "broken model"
check_err "zz_broken.sql:"
rm models/zz_broken.sql
cdb migrate
check_status 64 "no -m"
cdb migrate -m x --rev-id 000000000001
check_status 2 "used --rev-id"
check_err "already used"

# --empty writes a revision with nothing in it.
cdb migrate -m "hand written" --empty --rev-id 000000000004
check_status 0 "--empty"
check "empty revision written" test -f migrations/versions/000000000004_hand_written.sql

done_testing
