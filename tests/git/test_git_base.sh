#!/bin/sh
# check --base REF: revisions present at REF must not change, and the
# branch's new revisions must chain onto REF's head.
. "$(dirname "$0")/lib.sh"

project "$T/origin"
root=$(git rev-list --max-parents=0 HEAD)
git clone -q "file://$T/origin" "$T/clone"

# main moves on: revision b follows a.
cd "$T/origin"
rev b.sql bbbb00000002 aaaa00000001 'CREATE TABLE t2 (id INTEGER PRIMARY KEY);' 'DROP TABLE t2;'
echo 'CREATE TABLE t2 (id INTEGER PRIMARY KEY);' >models/t2.sql
commit "add t2 on main"

# the branch also follows a: merging it would leave two heads.
cd "$T/clone"
git checkout -q -b feature
rev c.sql cccc00000003 aaaa00000001 'CREATE TABLE t3 (id INTEGER PRIMARY KEY);' 'DROP TABLE t3;'
echo 'CREATE TABLE t3 (id INTEGER PRIMARY KEY);' >models/t3.sql
commit "add t3 on feature"
git fetch -q origin

# Nothing new at the branch point: clean.
run check --scratch --base "$root"
expect_status 0
run check --scratch --base HEAD~1
expect_status 0

run check --scratch --base origin/main
expect_status 1
# b is not merged here yet: that is not a deletion.
expect_no_out "deleted"
expect_out "cccc00000003"
expect_out "bbbb00000002"
expect_out "down_revision aaaa00000001"
expect_out "add t3 on feature"
expect_out "add t2 on main"
expect_out "cdb rebase --onto origin/main"

run --format=json check --scratch --base origin/main
expect_status 1
expect_out '"base-conflict"'
python3 - "$T/out" <<'PY' || fail "JSON output does not name the conflict"
import json, sys
doc = json.load(open(sys.argv[1]))
assert isinstance(doc, dict) and doc["ok"] is False, doc
items = doc["findings"]
hits = [f for f in items if f.get("kind") == "base-conflict"]
assert len(hits) == 1, items
assert hits[0]["revision"] == "cccc00000003", hits
# JSON names the file by its absolute path, wherever cdb runs
assert hits[0]["file"].startswith("/"), hits
assert hits[0]["file"].endswith("/migrations/versions/c.sql"), hits
PY

# After taking main's revisions (git) and re-parenting ours (cdb rebase): clean.
git rebase -q origin/main
run rebase
expect_status 0
expect_out "cccc00000003: down_revision aaaa00000001 -> bbbb00000002"
run check --scratch --base origin/main
expect_status 0
commit "rebase our revision onto main"

# A new, labelled branch of revisions is deliberate: not a conflict.
cat >migrations/versions/l.sql <<'EOT'
-- cdb revision
-- revision: 1abe100000a1
-- down_revision:
-- branch_labels: audit
-- message: audit log

-- +cdb upgrade
CREATE TABLE audit (id INTEGER PRIMARY KEY);

-- +cdb downgrade
DROP TABLE audit;
EOT
echo 'CREATE TABLE audit (id INTEGER PRIMARY KEY);' >models/audit.sql
run check --scratch --base origin/main
expect_status 0
rm migrations/versions/l.sql models/audit.sql

# A revision present at REF was edited.
cp migrations/versions/a.sql "$T/a.sql"
echo '-- an afterthought' >>migrations/versions/a.sql
run check --scratch --base origin/main
expect_status 1
expect_out "aaaa00000001"
expect_out "was edited"
run --format=json check --scratch --base origin/main
expect_out '"base-edited"'
cp "$T/a.sql" migrations/versions/a.sql

# CRLF line endings are not an edit.
sed 's/$/\r/' "$T/a.sql" >migrations/versions/a.sql
grep -q "$(printf '\r')" migrations/versions/a.sql || fail "sed did not write CRLF"
run check --scratch --base origin/main
expect_status 0
cp "$T/a.sql" migrations/versions/a.sql

# A revision present at REF was deleted (main's head; its table goes too).
git rm -q migrations/versions/c.sql models/t3.sql
mv migrations/versions/b.sql "$T/b.sql"
rm models/t2.sql
run check --scratch --base origin/main
expect_status 1
expect_out "bbbb00000002"
expect_out "deleted"
run --format=json check --scratch --base origin/main
expect_out '"base-deleted"'
git checkout -q -- .
mv "$T/b.sql" migrations/versions/b.sql
git checkout -q HEAD -- models

# Unknown REF, and no git repository at all.
run check --scratch --base no-such-branch
expect_status 2
expect_err "unknown git revision 'no-such-branch'"
cp -r "$T/clone" "$T/nogit"
rm -rf "$T/nogit/.git"
cd "$T/nogit"
run check --scratch --base origin/main
expect_status 2
expect_err "not in a git repository"
echo "ok"
