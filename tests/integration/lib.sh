# lib.sh - helpers shared by the integration tests (sourced, POSIX sh)
#
# Each test script runs the real cdb binary ($CDB, set by meson) in a fresh
# temporary directory and prints TAP: "ok N - what" / "not ok N - what",
# then "1..N"; it exits non-zero when any check failed.
#
#   cdb ARGS...          run cdb; stdout in $OUT (file out), stderr in $ERR
#                        (file err), exit status in $STATUS
#   check_status N       the last cdb exited with N
#   check_out TEXT       stdout contains the fixed string TEXT
#   check_err TEXT       stderr contains TEXT
#   check_out_line LINE  stdout has a line exactly LINE (same for check_err_line)
#   check_no_out TEXT    stdout does not contain TEXT (same for check_no_err)
#   check TEXT CMD...    CMD succeeds
#   snapshot NAME        record the project files and database; same NAME later
#   check_unchanged NAME   compares with it ("nothing changed")

set -u

: "${CDB:?CDB must name the cdb binary}"
TESTS_RUN=0
TESTS_FAILED=0
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cdb-test.XXXXXX") || exit 2
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 2
# The user's environment must not leak into the tests.
unset CDB_DATABASE_URL NO_COLOR
export TERM=dumb
export GIT_CONFIG_NOSYSTEM=1 HOME="$WORK/.home"
mkdir -p "$HOME"

OUT="$WORK/.out"
ERR="$WORK/.err"
STATUS=0

cdb() {
	"$CDB" "$@" >"$OUT" 2>"$ERR"
	STATUS=$?
}

_result() {
	TESTS_RUN=$((TESTS_RUN + 1))
	if [ "$1" = 0 ]; then
		echo "ok $TESTS_RUN - $2"
	else
		TESTS_FAILED=$((TESTS_FAILED + 1))
		echo "not ok $TESTS_RUN - $2"
		if [ -n "${3:-}" ]; then
			printf '%s\n' "$3" | sed 's/^/#   /'
		fi
	fi
}

_last() {
	printf 'exit %s\n--- stdout\n%s\n--- stderr\n%s' "$STATUS" "$(head -c 2000 "$OUT")" "$(head -c 2000 "$ERR")"
}

check_status() {
	[ "$STATUS" = "$1" ]
	_result $? "exit status $1${2:+ ($2)}" "$(_last)"
}

check_out() {
	grep -qF -- "$1" "$OUT"
	_result $? "stdout has '$1'" "$(_last)"
}

check_err() {
	grep -qF -- "$1" "$ERR"
	_result $? "stderr has '$1'" "$(_last)"
}

check_out_line() {
	grep -qxF -- "$1" "$OUT"
	_result $? "stdout line '$1'" "$(_last)"
}

check_err_line() {
	grep -qxF -- "$1" "$ERR"
	_result $? "stderr line '$1'" "$(_last)"
}

check_no_out() {
	! grep -qF -- "$1" "$OUT"
	_result $? "stdout lacks '$1'" "$(_last)"
}

check_no_err() {
	! grep -qF -- "$1" "$ERR"
	_result $? "stderr lacks '$1'" "$(_last)"
}

check_empty_err() {
	[ ! -s "$ERR" ]
	_result $? "stderr is empty" "$(_last)"
}

check() {
	_what=$1
	shift
	"$@" >"$WORK/.check" 2>&1
	_result $? "$_what" "$(head -c 2000 "$WORK/.check")"
}

# Run sqlite3 on a database file and print the result (for comparisons).
sql() {
	sqlite3 -batch "$1" "$2"
}

# check_sql WHAT DB QUERY EXPECTED
check_sql() {
	_got=$(sqlite3 -batch "$2" "$3" 2>&1)
	[ "$_got" = "$4" ]
	_result $? "$1" "expected: $4
got: $_got"
}

# A listing of every file under the current directory with its checksum and
# mode, and a dump of every *.db, so "nothing changed" can be asserted.
_fingerprint() {
	find . -path ./.home -prune -o \( -name .out -o -name .err -o -name .check -o -name '.snap.*' \) -prune \
		-o -print | LC_ALL=C sort | while IFS= read -r f; do
		if [ -f "$f" ]; then
			printf '%s %s %s\n' "$f" "$(stat -c %a "$f")" "$(cksum <"$f")"
			case "$f" in *.db) sqlite3 -batch "$f" .dump 2>&1 ;; esac
		else
			printf '%s %s\n' "$f" "$(stat -c %a "$f")"
		fi
	done
}

snapshot() {
	_fingerprint >"$WORK/.snap.$1"
}

check_unchanged() {
	_fingerprint >"$WORK/.snap.now"
	cmp -s "$WORK/.snap.$1" "$WORK/.snap.now"
	_result $? "nothing changed${2:+ ($2)}" "$(diff "$WORK/.snap.$1" "$WORK/.snap.now" | head -20)"
}

# A new project in the current directory using database file app.db.
new_project() {
	"$CDB" init >/dev/null 2>&1 || { echo "Bail out! cdb init failed"; exit 1; }
}

# new_rev VAR ARGS...: write a revision, store its id in VAR, its path in VAR_path.
new_rev() {
	_var=$1
	shift
	_path=$("$CDB" revision "$@" 2>"$ERR") || { echo "Bail out! cdb revision $* failed: $(cat "$ERR")"; exit 1; }
	_id=$(sed -n 's/^-- revision: //p' "$_path")
	eval "$_var=\$_id; ${_var}_path=\$_path"
}

# set_sql PATH UPGRADE DOWNGRADE: replace the bodies of a revision file.
set_sql() {
	_hdr=$(sed -n '1,/^-- +cdb upgrade$/p' "$1" | sed '$d')
	printf '%s\n-- +cdb upgrade\n%s\n\n-- +cdb downgrade\n%s\n' "$_hdr" "$2" "$3" >"$1.tmp" && mv "$1.tmp" "$1"
}

done_testing() {
	echo "1..$TESTS_RUN"
	[ "$TESTS_FAILED" = 0 ]
}

# cdb_as_user ARGS...: like cdb, but as an unprivileged user when we are
# root (root ignores file modes, and read-only directories are a case to test).
cdb_as_user() {
	if [ "$(id -u)" = 0 ]; then
		chmod 755 "$WORK"
		setpriv --reuid=65534 --regid=65534 --clear-groups -- "$CDB" "$@" >"$OUT" 2>"$ERR"
	else
		"$CDB" "$@" >"$OUT" 2>"$ERR"
	fi
	STATUS=$?
}

# cdb_env VAR=VALUE... -- ARGS...: cdb with extra environment variables.
cdb_env() {
	_envs=
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		_envs="$_envs $(printf '%s' "$1" | sed "s/'/'\\\\''/g; s/^/'/; s/\$/'/")"
		shift
	done
	shift
	eval "env $_envs \"\$CDB\" \"\$@\"" >"$OUT" 2>"$ERR"
	STATUS=$?
}
