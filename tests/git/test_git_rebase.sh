#!/bin/sh
# cdb rebase: re-parent the branch's first new revision onto REF's head,
# changing nothing else in the file; refuse when it is already applied.
. "$(dirname "$0")/lib.sh"

project "$T/origin"
git clone -q "file://$T/origin" "$T/clone"

cd "$T/origin"
rev b.sql bbbb00000002 aaaa00000001 'CREATE TABLE t2 (id INTEGER PRIMARY KEY);' 'DROP TABLE t2;'
echo 'CREATE TABLE t2 (id INTEGER PRIMARY KEY);' >models/t2.sql
commit "add t2 on main"

cd "$T/clone"
git checkout -q -b feature origin/main   # tracks origin/main
# Our revision, with CRLF line endings and a second one on top of it.
rev c.sql cccc00000003 aaaa00000001 'CREATE TABLE t3 (id INTEGER PRIMARY KEY);' 'DROP TABLE t3;'
sed 's/$/\r/' migrations/versions/c.sql >"$T/c.sql" && mv "$T/c.sql" migrations/versions/c.sql
rev d.sql dddd00000004 cccc00000003 'CREATE INDEX ix_t3 ON t3 (id);' 'DROP INDEX ix_t3;'
echo 'CREATE TABLE t3 (id INTEGER PRIMARY KEY);' >models/t3.sql
commit "add t3 on feature"

# Before fetching, origin/main is where we started: nothing to do.
run rebase
expect_status 0
expect_out "nothing to rebase"

git fetch -q origin
git merge -q --no-edit origin/main
cp migrations/versions/c.sql "$T/c.before"
cp migrations/versions/d.sql "$T/d.before"

run rebase --onto no-such-ref
expect_status 2
expect_err "unknown git revision 'no-such-ref'"
cmp -s migrations/versions/c.sql "$T/c.before" || fail "a failed rebase changed c.sql"

# Default REF: the upstream of the branch (origin/main).
run rebase
expect_status 0
expect_out "rebased 2 revisions onto 'bbbb00000002'"
expect_out "cccc00000003: down_revision aaaa00000001 -> bbbb00000002"
sed 's/^-- down_revision: aaaa00000001\r$/-- down_revision: bbbb00000002\r/' "$T/c.before" >"$T/c.want"
cmp -s migrations/versions/c.sql "$T/c.want" || fail "c.sql is not the original with one line changed"
cmp -s migrations/versions/d.sql "$T/d.before" || fail "d.sql changed"
ls migrations/versions | grep -v '\.sql$' && fail "a temporary file was left in versions/"

run heads
expect_status 0
expect_out "dddd00000004"
expect_no_out "bbbb00000002"

run rebase --onto origin/main
expect_status 0
expect_out "nothing to rebase"

# Applied revisions are not rebased.
run upgrade head
expect_status 0
commit "rebased"
cd "$T/origin"
rev e.sql eeee00000005 bbbb00000002 'CREATE TABLE t5 (id INTEGER PRIMARY KEY);' 'DROP TABLE t5;'
commit "add t5 on main"
cd "$T/clone"
git fetch -q origin
git merge -q --no-edit origin/main
cp migrations/versions/c.sql "$T/c.before"
run rebase
expect_status 2
expect_err "already applied"
cmp -s migrations/versions/c.sql "$T/c.before" || fail "a refused rebase changed c.sql"

# Once downgraded, the rebase goes through.
run downgrade bbbb00000002
expect_status 0
run rebase
expect_status 0
expect_out "cccc00000003: down_revision bbbb00000002 -> eeee00000005"

# Two new lines of revisions: which one goes first is the user's call.
rev f.sql ffff00000006 aaaa00000001 'CREATE TABLE t6 (id INTEGER PRIMARY KEY);' 'DROP TABLE t6;'
cp migrations/versions/c.sql "$T/c.before"
run rebase
expect_status 2
expect_err "start from 2 places"
expect_err "hint:"
cmp -s migrations/versions/c.sql "$T/c.before" || fail "a refused rebase changed c.sql"
rm migrations/versions/f.sql

# REF itself with two heads: merge there first.
cd "$T/origin"
git checkout -q -b twoheads
rev x.sql 0bad00000007 bbbb00000002 'CREATE TABLE t7 (id INTEGER PRIMARY KEY);' 'DROP TABLE t7;'
commit "second head"
cd "$T/clone"
git fetch -q origin
run rebase --onto origin/twoheads
expect_status 2
expect_err "have 2 heads"

# Not in a git repository.
cp -r "$T/clone" "$T/nogit"
rm -rf "$T/nogit/.git"
cd "$T/nogit"
run rebase
expect_status 2
expect_err "not in a git repository"
echo "ok"
