#!/bin/bash
# man renders every page without a warning, and each page has the sections a
# reader looks for.
#
# usage: render.sh PAGE...
. "$(dirname "$0")/lib.sh"

[ $# -gt 0 ] || { fail "no pages given"; finish; }
for page; do
	err=$(MANWIDTH=80 man -l --warnings "$page" 2>&1 >/dev/null)
	[ -z "$err" ] || fail "${page##*/}: man warns: $err"
	text=$(MANWIDTH=1000 man -l "$page" 2>/dev/null | col -b)
	for section in NAME SYNOPSIS DESCRIPTION "SEE ALSO"; do
		printf '%s\n' "$text" | grep -qx "$section" || fail "${page##*/}: no $section section"
	done
	case ${page##*/} in
	*.1)
		printf '%s\n' "$text" | grep -qx "EXIT STATUS" || fail "${page##*/}: no EXIT STATUS section" ;;
	esac
	# every page named in SEE ALSO exists among the built pages
	for ref in $(printf '%s\n' "$text" | sed -n '/^SEE ALSO/,$p' | grep -o '[a-z.-]*([15])'); do
		f=${ref%(*}.${ref#*(}
		f=${f%)}
		[ -f "$(dirname "$page")/$f" ] || fail "${page##*/}: SEE ALSO names $ref, which is not built"
	done
done
finish
