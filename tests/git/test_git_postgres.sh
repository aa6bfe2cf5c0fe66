#!/bin/sh
# The git-aware checks against PostgreSQL: check --scratch --base, --roundtrip
# and the applied-revision checksums, in databases on $CDB_TEST_PG_URL.
. "$(dirname "$0")/lib.sh"

if [ -z "${CDB_TEST_PG_URL:-}" ]; then
	[ -n "${CI:-}" ] && fail "CDB_TEST_PG_URL is not set (scripts/pgtmp starts a server)"
	echo "skip: CDB_TEST_PG_URL is not set"
	exit 77
fi
command -v psql >/dev/null || fail "psql is needed"

# A database of our own on that server, dropped at the end.
db="cdb_git_$$"
base=${CDB_TEST_PG_URL%/*}
psql -q -d "$CDB_TEST_PG_URL" -c "CREATE DATABASE $db" >/dev/null
trap 'psql -q -d "$CDB_TEST_PG_URL" -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1; rm -rf "$T"' EXIT
export CDB_DATABASE_URL="$base/$db"

mkdir -p "$T/origin"
cd "$T/origin"
git init -q
"$CDB" init >/dev/null
rm -f models/*.sql
echo 'CREATE TABLE t1 (id integer PRIMARY KEY);' >models/app.sql
rev a.sql aaaa00000001 '' 'CREATE TABLE t1 (id integer PRIMARY KEY);' 'DROP TABLE t1;'
commit "first revision"
git clone -q "file://$T/origin" "$T/clone"

rev b.sql bbbb00000002 aaaa00000001 'CREATE TABLE t2 (id integer PRIMARY KEY);' 'DROP TABLE t2;'
echo 'CREATE TABLE t2 (id integer PRIMARY KEY);' >models/t2.sql
commit "add t2 on main"

cd "$T/clone"
git checkout -q -b feature
rev c.sql cccc00000003 aaaa00000001 'CREATE TABLE t3 (id integer PRIMARY KEY);' 'DROP TABLE t3;'
echo 'CREATE TABLE t3 (id integer PRIMARY KEY);' >models/t3.sql
commit "add t3 on feature"
git fetch -q origin

run check --scratch --roundtrip --base HEAD~1
expect_status 0
run check --scratch --base origin/main
expect_status 1
expect_out "cccc00000003"
expect_out "bbbb00000002"

git merge -q --no-edit origin/main
run rebase
expect_status 0
run check --scratch --roundtrip --base origin/main
expect_status 0

# Leftover after downgrade, in a temporary PostgreSQL database.
rev d.sql dddd00000004 cccc00000003 'CREATE TABLE t4 (id integer PRIMARY KEY);' 'SELECT 1;'
echo 'CREATE TABLE t4 (id integer PRIMARY KEY);' >models/t4.sql
run check --scratch --roundtrip
expect_status 1
expect_out "dddd00000004"
rm migrations/versions/d.sql models/t4.sql

# Checksums against the live database.
run upgrade head
expect_status 0
run check
expect_status 0
printf -- '-- edited\n' >>migrations/versions/c.sql
run --format=json check
expect_status 1
expect_out '"applied-edited"'
echo "ok"
