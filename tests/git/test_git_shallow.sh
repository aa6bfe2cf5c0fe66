#!/bin/sh
# Shallow clones and detached checkouts: check --base and rebase work, and
# a commit beyond the cut is reported as unknown, never a crash.
. "$(dirname "$0")/lib.sh"

project "$T/origin"
rev b.sql bbbb00000002 aaaa00000001 'CREATE TABLE t2 (id INTEGER PRIMARY KEY);' 'DROP TABLE t2;'
echo 'CREATE TABLE t2 (id INTEGER PRIMARY KEY);' >models/t2.sql
commit "add t2 on main"

git clone -q --depth 1 "file://$T/origin" "$T/shallow"
cd "$T/shallow"
[ -f .git/shallow ] || fail "the clone is not shallow"
git checkout -q --detach HEAD

run check --scratch --base origin/main
expect_status 0

# A revision on a detached HEAD that does not follow main's head.
rev c.sql cccc00000003 aaaa00000001 'CREATE TABLE t3 (id INTEGER PRIMARY KEY);' 'DROP TABLE t3;'
echo 'CREATE TABLE t3 (id INTEGER PRIMARY KEY);' >models/t3.sql
run check --scratch --base origin/main
expect_status 1
expect_out "cccc00000003"
expect_out "an unknown commit"
commit "add t3, detached"
run check --scratch --base origin/main
expect_status 1
expect_out "add t3, detached"

# rebase on a detached HEAD: no upstream, so origin/main.
run rebase
expect_status 0
expect_out "cccc00000003: down_revision aaaa00000001 -> bbbb00000002"
run check --scratch --base origin/main
expect_status 0

# CI's shallow fetches: the branch and main each one commit deep, no merge
# base between them. A branch that is merely behind is clean, a gap below
# its own revisions is a deletion.
cd "$T/origin"
git checkout -q -b feature
rev c.sql cccc00000003 bbbb00000002 'CREATE TABLE t3 (id INTEGER PRIMARY KEY);' 'DROP TABLE t3;'
echo 'CREATE TABLE t3 (id INTEGER PRIMARY KEY);' >models/t3.sql
commit "add t3 on feature"
git checkout -q main
rev d.sql dddd00000004 bbbb00000002 'CREATE TABLE t4 (id INTEGER PRIMARY KEY);' 'DROP TABLE t4;'
echo 'CREATE TABLE t4 (id INTEGER PRIMARY KEY);' >models/t4.sql
commit "add t4 on main"
git clone -q --depth 1 --branch feature "file://$T/origin" "$T/ci"
cd "$T/ci"
git fetch -q --depth 1 origin main:refs/remotes/origin/main
git merge-base HEAD origin/main >/dev/null 2>&1 && fail "the CI clone has a merge base"
run check --scratch --base origin/main
expect_status 1
expect_no_out "deleted"
expect_out "cccc00000003"
expect_out "dddd00000004"
git rm -q migrations/versions/b.sql
run --format=json check --base origin/main --scratch
expect_out '"base-deleted"'
expect_out "revision 'bbbb00000002' exists at 'origin/main' but was deleted"
cd "$T/shallow"

# history -v in a shallow clone does not crash.
run history -v
expect_status 0
expect_out "cccc00000003"
echo "ok"
