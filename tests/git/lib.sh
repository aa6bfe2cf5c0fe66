# lib.sh - what the git suite's scripts share (sourced, not run)
#
# Each script builds real git repositories with the git CLI in a temporary
# directory, drives the cdb binary named by $CDB in them and fails with a
# message on the first assertion that does not hold. Git reads only the
# configuration written here (HOME and the system file are replaced).
set -eu

: "${CDB:?set CDB to the cdb binary}"
T=$(mktemp -d "${TMPDIR:-/tmp}/cdb-git-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home"
mkdir -p "$HOME"
export GIT_CONFIG_NOSYSTEM=1
export GIT_CEILING_DIRECTORIES="$T"
unset CDB_DATABASE_URL GIT_DIR GIT_WORK_TREE GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL || true
export NO_COLOR=1
git config --global user.name 'Jane Doe'
git config --global user.email 'jane@example.com'
git config --global init.defaultBranch main
git config --global advice.detachedHead false

fail() {
	echo "FAIL: $*" >&2
	if [ -f "$T/out" ]; then
		echo "--- stdout" >&2
		cat "$T/out" >&2
		echo "--- stderr" >&2
		cat "$T/err" >&2
	fi
	exit 1
}

# run ARGS...: run cdb, keeping stdout in $T/out, stderr in $T/err, the exit status in $status.
run() {
	set +e
	"$CDB" "$@" >"$T/out" 2>"$T/err"
	status=$?
	set -e
}

expect_status() {
	[ "$status" = "$1" ] || fail "expected exit status $1, got $status"
}

# expect_out TEXT / expect_err TEXT: a fixed string that must appear.
expect_out() {
	grep -F -q -e "$1" "$T/out" || fail "stdout lacks '$1'"
}
expect_err() {
	grep -F -q -e "$1" "$T/err" || fail "stderr lacks '$1'"
}
expect_no_out() {
	! grep -F -q -e "$1" "$T/out" || fail "stdout has '$1'"
}

# rev FILE ID DOWN UPGRADE DOWNGRADE: write a revision file by hand in migrations/versions.
rev() {
	cat >"migrations/versions/$1" <<EOT
-- cdb revision
-- revision: $2
-- down_revision: $3
-- message: $1
-- created: 2026-11-24T22:40:11Z
-- author: Test <test@example.com>

-- +cdb upgrade
$4

-- +cdb downgrade
$5
EOT
}

# commit MSG: commit everything in the current repository.
commit() {
	git add -A
	git commit -q -m "$1"
}

# project DIR: a cdb project (SQLite) in a git repository (a new one unless
# DIR is inside one already) whose models are
# models/app.sql, and a first committed revision 'aaaa00000001' creating t1.
project() {
	mkdir -p "$1"
	cd "$1"
	git rev-parse --is-inside-work-tree >/dev/null 2>&1 || git init -q
	"$CDB" init >/dev/null
	rm -f models/*.sql
	echo 'CREATE TABLE t1 (id INTEGER PRIMARY KEY);' >models/app.sql
	rev a.sql aaaa00000001 '' 'CREATE TABLE t1 (id INTEGER PRIMARY KEY);' 'DROP TABLE t1;'
	echo '*.db' >.gitignore
	commit "first revision"
}
