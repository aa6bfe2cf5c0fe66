#!/bin/bash
# `cdb help CMD` and `cdb CMD --help` print, as their usage line, exactly the
# SYNOPSIS of the command's man page; `cdb help` and `cdb --help` print the
# SYNOPSIS of cdb(1).
#
# usage: synopsis.sh CDB MANDIR      (MANDIR holds the built pages)
. "$(dirname "$0")/lib.sh"

cdb=$1 mandir=$2

# check_usage WHAT SYNOPSIS OUTPUT STATUS
check_usage()
{
	[ "$4" -eq 0 ] || fail "'$1' exits $4, not 0"
	printf '%s\n' "$3" | grep -qxF "usage: $2" ||
		fail "'$1' does not print 'usage: $2'; it prints: $(printf '%s\n' "$3" | grep -m1 usage)"
}

syn=$(page_synopsis "$mandir/cdb.1")
[ -n "$syn" ] || fail "cdb.1 has no SYNOPSIS"
out=$("$cdb" help 2>&1); check_usage "cdb help" "$syn" "$out" $?
out=$("$cdb" --help 2>&1); check_usage "cdb --help" "$syn" "$out" $?

for c in $(help_commands "$cdb"); do
	page=$mandir/cdb-$c.1
	if [ ! -f "$page" ]; then
		fail "no built page $page"
		continue
	fi
	syn=$(page_synopsis "$page")
	case $syn in
	"cdb $c" | "cdb $c "*) ;;
	*) fail "SYNOPSIS of cdb-$c(1) does not start with 'cdb $c': '$syn'" ;;
	esac
	out=$("$cdb" help "$c" 2>&1); check_usage "cdb help $c" "$syn" "$out" $?
	out=$("$cdb" "$c" --help 2>&1); check_usage "cdb $c --help" "$syn" "$out" $?
	# the help text and the page agree: the same text from both entry points
	[ "$("$cdb" help "$c" 2>&1)" = "$("$cdb" "$c" --help 2>&1)" ] ||
		fail "'cdb help $c' and 'cdb $c --help' differ"
done
finish
