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

# history -v in a shallow clone does not crash.
run history -v
expect_status 0
expect_out "cccc00000003"
echo "ok"
