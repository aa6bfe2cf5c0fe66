#!/bin/sh
# The CI recipe of the README, end to end: in a fresh clone of a pull
# request's branch, `git fetch origin main` then
# `cdb check --scratch --base origin/main` passes a good change and fails
# (exit 1) one that would leave two heads or edits a merged revision.
. "$(dirname "$0")/lib.sh"

project "$T/upstream"

# Two contributors branch from main.
git clone -q "file://$T/upstream" "$T/alice"
git clone -q "file://$T/upstream" "$T/bob"
for who in alice:ace000000002 bob:b0b000000003; do
	id=${who#*:}
	who=${who%:*}
	cd "$T/$who"
	git checkout -q -b "$who"
	rev "$who.sql" "$id" aaaa00000001 "CREATE TABLE $who (id INTEGER PRIMARY KEY);" "DROP TABLE $who;"
	echo "CREATE TABLE $who (id INTEGER PRIMARY KEY);" >"models/$who.sql"
	commit "$who adds a table"
	git push -q origin "$who"
done

# ci BRANCH: what the CI job does, in a clean clone.
ci() {
	rm -rf "$T/ci"
	git clone -q --branch "$1" "file://$T/upstream" "$T/ci"
	cd "$T/ci"
	git fetch -q origin main
	run check --scratch --base origin/main
}

ci alice
expect_status 0

# Alice's change is merged; Bob's branch now would leave two heads.
cd "$T/upstream"
git merge -q --no-edit alice
ci bob
expect_status 1
expect_out "two heads"
expect_out "b0b000000003"
expect_out "ace000000002"

# Bob follows the hint: merge main, cdb rebase, push. CI passes.
cd "$T/bob"
git pull -q --no-rebase --no-edit origin main
run rebase
expect_status 0
commit "rebase bob's revision onto main"
git push -q origin bob
ci bob
expect_status 0

# A pull request that edits a merged revision fails.
cd "$T/bob"
echo '-- sneaky' >>migrations/versions/a.sql
commit "edit a merged revision"
git push -q origin bob
ci bob
expect_status 1
expect_out "aaaa00000001"
echo "ok"
