#!/bin/sh
# New revisions carry the git author; history -v shows the commit that added each file.
. "$(dirname "$0")/lib.sh"

project "$T/p"

# The global config (HOME) applies ...
run revision -m "second" --rev-id bbbb00000002
expect_status 0
grep -q '^-- author: Jane Doe <jane@example.com>$' migrations/versions/bbbb00000002_second.sql ||
	fail "the revision does not carry the global git author"

# ... and the repository's own config wins over it.
git config user.name 'Local Person'
git config user.email 'local@example.com'
run revision -m "third" --rev-id cccc00000003
expect_status 0
grep -q '^-- author: Local Person <local@example.com>$' migrations/versions/cccc00000003_third.sql ||
	fail "the revision does not carry the repository's git author"
commit "third revision"

run history -v
expect_status 0
commit_id=$(git log -1 --format=%h -- migrations/versions/cccc00000003_third.sql)
expect_out "$commit_id"
expect_out "Local Person <local@example.com>"
expect_out "third revision"
expect_out "first revision"

# Outside a git repository there is no git author.
mkdir "$T/plain"
cd "$T/plain"
"$CDB" init >/dev/null
run revision -m "plain" --rev-id dddd00000004
expect_status 0
grep -q 'jane@example.com' migrations/versions/dddd00000004_plain.sql &&
	fail "a revision outside git carries a git author"
echo "ok"
