#!/bin/bash
# Load each completion in its shell (bash with bash-completion, zsh -f with
# compinit, fish) inside a sample project made with the real binary, and
# check the candidates offered after `cdb ` (the commands of `cdb help`),
# `cdb upgrade --` (its options) and `cdb downgrade ` (revision ids, heads,
# branch labels and the target keywords).
#
# usage: complete.sh CDB SOURCE_ROOT
. "$(dirname "$0")/lib.sh"

cdb=$1 src=$2 here=$(cd "$(dirname "$0")" && pwd)
case $cdb in /*) ;; *) cdb=$PWD/$cdb ;; esac
make_tmp
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config XDG_DATA_HOME=$tmp/home/.local/share
mkdir -p "$HOME" "$tmp/bin"
ln -s "$cdb" "$tmp/bin/cdb"
export PATH=$tmp/bin:$PATH

# The sample project: two revisions, one head, the branch labelled "movies".
proj=$tmp/project
"$cdb" init "$proj" >/dev/null || { fail "cdb init failed"; finish; }
cd "$proj" || exit 2
"$cdb" revision -m "create movies" --branch-label movies >/dev/null || fail "cdb revision failed"
"$cdb" revision -m "add year" >/dev/null || fail "cdb revision failed"
ids=$("$cdb" history --ids)
head=$("$cdb" heads --ids)
[ "$(printf '%s\n' $ids | wc -l)" -eq 2 ] || fail "'cdb history --ids' does not print two ids: $ids"
[ "$(printf '%s\n' $head | wc -l)" -eq 1 ] || fail "'cdb heads --ids' does not print one id: $head"
outside=$(cd "$tmp" && "$cdb" history --ids 2>&1; "$cdb" heads --ids 2>&1)
[ -z "$outside" ] || fail "'cdb history --ids' / 'heads --ids' print something outside a project: $outside"

commands=$(help_commands "$cdb" | sort)

# complete_in SHELL LINE: the candidates, one per line, sorted
complete_in()
{
	case $1 in
	bash) timeout 60 bash --norc --noprofile "$here/bash-complete.bash" "$src/completions/cdb.bash" "$2" ;;
	zsh) timeout 60 zsh -f "$here/zsh-complete.zsh" "$src/completions" "$2" ;;
	fish) timeout 60 fish --no-config -c 'source $argv[1]; complete -C $argv[2]' \
		"$src/completions/cdb.fish" "$2" | cut -f1 | sort -u ;;
	esac
}

for sh in bash zsh fish; do
	got=$(complete_in $sh "cdb ") || fail "$sh: completing 'cdb ' failed"
	[ "$got" = "$commands" ] ||
		fail "$sh: 'cdb ' offers [$(echo $got)], 'cdb help' lists [$(echo $commands)]"

	got=$(complete_in $sh "cdb upgrade --") || fail "$sh: completing 'cdb upgrade --' failed"
	for want in --sql --help; do
		printf '%s\n' "$got" | grep -qx -- "$want" || fail "$sh: 'cdb upgrade --' does not offer $want: [$(echo $got)]"
	done
	printf '%s\n' "$got" | grep -qv -- '^--' && fail "$sh: 'cdb upgrade --' offers more than options: [$(echo $got)]"
	for bad in --purge --scratch --empty; do
		printf '%s\n' "$got" | grep -qx -- "$bad" && fail "$sh: 'cdb upgrade --' offers $bad, an option of another command"
	done

	got=$(complete_in $sh "cdb downgrade ") || fail "$sh: completing 'cdb downgrade ' failed"
	for want in $ids $head head heads base movies@head; do
		printf '%s\n' "$got" | grep -qx -- "$want" || fail "$sh: 'cdb downgrade ' does not offer $want: [$(echo $got)]"
	done
	printf '%s\n' "$got" | grep -q -- '^-' && fail "$sh: 'cdb downgrade ' offers options: [$(echo $got)]"

	# a prefix narrows the ids
	first=$(printf '%s\n' $ids | head -n1)
	got=$(complete_in $sh "cdb downgrade ${first:0:6}")
	printf '%s\n' "$got" | grep -qx -- "$first" || fail "$sh: 'cdb downgrade ${first:0:6}' does not offer $first: [$(echo $got)]"
done
finish
