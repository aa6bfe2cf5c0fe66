#!/bin/bash
# Every command listed by `cdb help` has a man page, is listed in cdb(1) and
# has an entry in the bash, zsh and fish completions; and every command man
# page belongs to a command that exists.
#
# usage: pages.sh CDB SOURCE_ROOT
. "$(dirname "$0")/lib.sh"

cdb=$1 src=$2
cmds=$(help_commands "$cdb")
[ -n "$cmds" ] || { fail "'cdb help' lists no commands"; finish; }

for c in $cmds; do
	[ -f "$src/man/cdb-$c.1.scd" ] || fail "no man page man/cdb-$c.1.scd for '$c'"
	grep -q "^\*$c\*\$" "$src/man/cdb.1.scd" || fail "cdb(1) COMMANDS does not list '$c'"
	grep -q "'cdb-$c.1.scd'" "$src/man/meson.build" || fail "man/meson.build does not build cdb-$c.1"
	# bash: the word list of commands
	sed -n '/^_cdb_commands="/,/"$/p' "$src/completions/cdb.bash" | tr -s ' \t"=' '\n' |
		grep -qx "$c" || fail "bash completion does not offer '$c'"
	# zsh: a 'name:description' entry and a case branch for its options
	grep -q "^[[:space:]]*'$c:" "$src/completions/_cdb" || fail "zsh completion does not offer '$c'"
	grep -Eq "^[[:space:]]*([a-z|]+\|)?$c(\|[a-z|]+)?\)" "$src/completions/_cdb" ||
		fail "zsh completion has no options branch for '$c'"
	# fish: a '-a name' entry among the commands
	grep -q -- "-a $c -d " "$src/completions/cdb.fish" || fail "fish completion does not offer '$c'"
done

for page in "$src"/man/cdb-*.1.scd; do
	c=${page##*/cdb-}
	c=${c%.1.scd}
	printf '%s\n' $cmds | grep -qx "$c" || fail "man page $page names no command of 'cdb help'"
done
finish
