#!/bin/sh
# cdb revision -m MSG [--head REV] [--rev-id ID] [--branch-label LABEL] [--depends-on REV]
. "$TESTLIB"
new_project

cdb revision -m "create users"
check_status 0 "first revision"
f1=$(cat "$OUT")
check "the printed path exists" test -f "$f1"
check "it is in migrations/versions, relative to the cwd" test "$(dirname "$f1")" = "migrations/versions"
r1=$(sed -n 's/^-- revision: //p' "$f1")
check "a 12-hex-digit id" sh -c "echo '$r1' | grep -qxE '[0-9a-f]{12}'"
check "file named <rev>_<slug>.sql" test "$(basename "$f1")" = "${r1}_create_users.sql"
check "a base has an empty down_revision" grep -qxE -- '-- down_revision: ?' "$f1"
check "message in the header" grep -qx -- '-- message: create users' "$f1"
check "upgrade marker" grep -qx -- '-- +cdb upgrade' "$f1"
check "downgrade marker" grep -qx -- '-- +cdb downgrade' "$f1"
check "no temporary file left" sh -c "test \$(ls -A migrations/versions | wc -l) = 1"

cdb revision -m "add email" --rev-id 0123456789ab
check_status 0 "--rev-id"
f2=$(cat "$OUT")
check "--rev-id used" grep -qx -- '-- revision: 0123456789ab' "$f2"
check "parent is the previous head" grep -qx -- "-- down_revision: $r1" "$f2"

# A used id is refused, nothing written.
snapshot s1
cdb revision -m "again" --rev-id 0123456789ab
check_status 2 "duplicate --rev-id"
check_err "cdb: error: revision id '0123456789ab' is already used"
check_unchanged s1

# Characters that mean something in targets are refused (usage error).
cdb revision -m "bad" --rev-id ab-cd
check_status 64 "--rev-id with '-'"
check_err "ab-cd"
check_unchanged s1 "bad --rev-id"

cdb revision
check_status 64 "no -m"
check_err_line "usage: cdb revision -m MSG [--head REV] [--rev-id ID] [--branch-label LABEL] [--depends-on REV]"
check_unchanged s1 "no -m"

# A second root makes two heads; then a plain revision must be told which.
cdb revision -m "other root" --head base --rev-id bbbbbbbbbbbb --branch-label other
check_status 0 "--head base --branch-label"
f3=$(cat "$OUT")
check "new root has no parent" grep -qxE -- '-- down_revision: ?' "$f3"
check "label in header" grep -qx -- '-- branch_labels: other' "$f3"

snapshot s2
cdb revision -m "which head?"
check_status 2 "several heads"
check_err "2 heads"
check_err "0123456789ab"
check_err "bbbbbbbbbbbb"
check_err "hint: "
check_unchanged s2

cdb revision -m "on other" --head other@head --rev-id cccccccccccc
check_status 0 "--head LABEL@head"
check "parent from label" grep -qx -- '-- down_revision: bbbbbbbbbbbb' "$(cat "$OUT")"

cdb revision -m "dup label" --head cccc --branch-label other
check_status 2 "duplicate branch label"
check_err "branch label 'other' is already used"

cdb revision -m "needs users" --head 0123 --depends-on cccc --rev-id dddddddddddd
check_status 0 "--depends-on by prefix"
check "depends_on has the full id" grep -qx -- '-- depends_on: cccccccccccc' "$(cat "$OUT")"

cdb revision -m "x" --head nosuchrev
check_status 2 "unknown --head"
check_err "nosuchrev"

# A long message gives a slug cut on a word boundary.
cdb revision -m "Add the table that holds every single order line of the shop, finally!" --head dddd
check_status 0
check "slug cut to 40 characters" sh -c "basename '$(cat "$OUT")' | grep -qE '^[0-9a-f]{12}_add_the_table_that_holds_every_single[a-z_]*\\.sql$'"

# The written files load: history lists all of them.
cdb history
check_status 0 "history after revisions"
check "six revisions" test "$(wc -l <"$OUT")" = 6

# The project template is used when present.
sed -i 's/^-- +cdb upgrade$/-- +cdb upgrade\n-- (from the project template)/' migrations/script.sql.tmpl
cdb revision -m "templated" --head other@head
check_status 0 "custom template"
check "project template used" grep -q "from the project template" "$(cat "$OUT")"

done_testing
