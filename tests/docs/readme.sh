#!/bin/bash
# The README's walkthroughs work as written: the ```sh blocks between the
# "quickstart" markers, and those between the "adopt" markers (on a SQLite
# database made beforehand), run in order in fresh directories with the
# built cdb first on PATH. Every command must succeed, except those whose
# line ends with "# exits N", which must exit N. The README's command table
# names every command of `cdb help` with its usage line.
#
# usage: readme.sh CDB SOURCE_ROOT
. "$(dirname "$0")/lib.sh"

cdb=$1 src=$2
case $cdb in /*) ;; *) cdb=$PWD/$cdb ;; esac
readme=$src/README.md
make_tmp
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config
unset CDB_DATABASE_URL
mkdir -p "$HOME" "$tmp/bin"
ln -s "$cdb" "$tmp/bin/cdb"
export PATH=$tmp/bin:$PATH

# blocks MARKER: the ```sh blocks between "<!-- MARKER:" and
# "<!-- MARKER end -->", with "CMD  # exits N" turned into a check of the
# status.
blocks()
{
	awk -v begin="<!-- $1:" -v end="<!-- $1 end -->" '
		index($0, begin) == 1 { on = 1; next }
		index($0, end) == 1 { on = 0 }
		on && /^```sh$/ { inblock = 1; next }
		inblock && /^```$/ { inblock = 0; next }
		inblock { print }' "$readme" |
		sed -E 's/^(.*[^ ]) +# exits ([0-9]+).*$/if \1; then st=0; else st=$?; fi; [ $st -eq \2 ] || { echo "exit status $st, not \2: \1"; exit 1; }/'
}

# run_blocks MARKER DIR: run the blocks in DIR; fail showing the output.
run_blocks()
{
	blocks "$1" >"$tmp/$1.sh"
	if [ ! -s "$tmp/$1.sh" ]; then
		fail "README.md has no sh blocks between the '$1' markers"
		return 1
	fi
	if ! (cd "$2" && bash -e "$tmp/$1.sh") >"$tmp/$1.out" 2>&1; then
		fail "the README's '$1' commands fail:"
		sed 's/^/    /' "$tmp/$1.out"
		echo "    --- the script:"
		sed 's/^/    /' "$tmp/$1.sh"
		return 1
	fi
}

# The quick start, in an empty directory; the row it inserts survives.
mkdir -p "$tmp/quickstart"
if run_blocks quickstart "$tmp/quickstart"; then
	rows=$(sqlite3 "$tmp/quickstart/app.db" "SELECT title FROM movies" 2>&1)
	[ "$rows" = Metropolis ] || fail "after the quick start, movies holds '$rows', not the row inserted"
fi

# Adopting an existing database: the database exists, with rows, before cdb.
mkdir -p "$tmp/adopt"
sqlite3 "$tmp/adopt/app.db" "
	CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL UNIQUE);
	CREATE INDEX users_email ON users (email);
	INSERT INTO users (email) VALUES ('jane@example.com');" || exit 2
if run_blocks adopt "$tmp/adopt"; then
	rows=$(sqlite3 "$tmp/adopt/app.db" "SELECT email FROM users" 2>&1)
	[ "$rows" = jane@example.com ] || fail "adopting changed the rows of users: '$rows'"
	(cd "$tmp/adopt" && cdb current | grep -q '(head)') || fail "after adopting, the database is not at head"
fi

# Every command in the README's table of commands, with its usage line.
for c in $(help_commands "$cdb"); do
	usage=$("$cdb" help "$c" | sed -n 's/^usage: //p' | head -n1)
	grep -qF "| \`$usage\` |" "$readme" ||
		fail "README.md's command table does not list 'cdb $c' as '$usage'"
done
finish
