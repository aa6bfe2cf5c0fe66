#!/bin/bash
# The README's quick start works as written: the ```sh blocks between the
# "quickstart" markers run, in order, in a fresh directory with the built
# cdb first on PATH. Every command must succeed, except those whose line
# ends with "# exits N", which must exit N. The README's command table
# names every command of `cdb help`.
#
# usage: readme.sh CDB SOURCE_ROOT
. "$(dirname "$0")/lib.sh"

cdb=$1 src=$2
case $cdb in /*) ;; *) cdb=$PWD/$cdb ;; esac
readme=$src/README.md
make_tmp
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config
unset CDB_DATABASE_URL
mkdir -p "$HOME" "$tmp/bin" "$tmp/work"
ln -s "$cdb" "$tmp/bin/cdb"
export PATH=$tmp/bin:$PATH

# The blocks, with "CMD  # exits N" turned into a check of the status.
awk '
	/<!-- quickstart:/ { on = 1; next }
	/<!-- quickstart end -->/ { on = 0 }
	on && /^```sh$/ { inblock = 1; next }
	inblock && /^```$/ { inblock = 0; next }
	inblock { print }' "$readme" |
	sed -E 's/^(.*[^ ]) +# exits ([0-9]+).*$/if \1; then st=0; else st=$?; fi; [ $st -eq \2 ] || { echo "exit status $st, not \2: \1"; exit 1; }/' \
	>"$tmp/quickstart.sh"
[ -s "$tmp/quickstart.sh" ] || { fail "README.md has no quick start between the quickstart markers"; finish; }

if ! (cd "$tmp/work" && bash -e "$tmp/quickstart.sh") >"$tmp/out" 2>&1; then
	fail "the README quick start fails:"
	sed 's/^/    /' "$tmp/out"
	echo "    --- the script:"
	sed 's/^/    /' "$tmp/quickstart.sh"
fi

# Every command in the README's table of commands.
for c in $(help_commands "$cdb"); do
	grep -q "^| \`cdb $c[ \`]" "$readme" || fail "README.md's command table does not list 'cdb $c'"
done
finish
