#!/bin/sh
# A project in a subdirectory of its git repository (a monorepo), driven
# from elsewhere with -c: paths at REF are the project's, not the root's,
# and files are shown relative to the directory cdb runs in, as git does.
. "$(dirname "$0")/lib.sh"

mkdir -p "$T/mono/services/db"
cd "$T/mono"
git init -q
echo "other code" >README
commit "root"
project "$T/mono/services/db"
cd "$T/mono"
git checkout -q -b feature
cd services/db
rev c.sql cccc00000003 aaaa00000001 'CREATE TABLE t3 (id INTEGER PRIMARY KEY);' 'DROP TABLE t3;'
echo 'CREATE TABLE t3 (id INTEGER PRIMARY KEY);' >models/t3.sql
commit "add t3 on feature"
git checkout -q main
rev b.sql bbbb00000002 aaaa00000001 'CREATE TABLE t2 (id INTEGER PRIMARY KEY);' 'DROP TABLE t2;'
echo 'CREATE TABLE t2 (id INTEGER PRIMARY KEY);' >models/t2.sql
commit "add t2 on main"
git checkout -q feature

cd "$T"
run -c mono/services/db/cdb.ini check --scratch --base main
expect_status 1
expect_out "cccc00000003"
expect_out "bbbb00000002"
expect_out "added in commit"
expect_out "file: mono/services/db/migrations/versions/c.sql"

cd "$T/mono/services"
git merge -q --no-edit main
run -c db/cdb.ini rebase --onto main
expect_status 0
expect_out "cccc00000003: down_revision aaaa00000001 -> bbbb00000002"
expect_out "file: db/migrations/versions/c.sql"
run -c db/cdb.ini check --scratch --base main
expect_status 0
echo "ok"
