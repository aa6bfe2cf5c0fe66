# zsh-complete.zsh - print the candidates zsh's completion system offers for
# a command line, one per line.
#
# usage: zsh -f zsh-complete.zsh COMPLETION_DIR LINE
#
# A child `zsh -f -i` runs under zsh/zpty with compinit and the completion
# directory in its fpath. compadd is wrapped so that every match the
# completion functions add is also written to a file; LINE is typed followed
# by a key bound to complete-word and then to a marker.
emulate -L zsh
zmodload zsh/zpty || exit 2

compdir=$1 line=$2
tmp=$(mktemp -d ${TMPDIR:-/tmp}/cdb-zsh.XXXXXX) || exit 2
out=$tmp/matches
: > $out

cat > $tmp/setup.zsh <<SETUP
PS1='' RPS1='' PROMPT_EOL_MARK=''
unsetopt zle_bracketed_paste 2>/dev/null
fpath=(${(q)compdir} \$fpath)
autoload -U compinit && compinit -u -D
compadd() {
	# Calls that only compute matches into arrays (-O, -A, -D) are internal.
	local -a head
	head=(\${@[1,(i)(-|--)]})
	if (( \${head[(I)-[OAD]]} )); then
		builtin compadd "\$@"
		return
	fi
	local -a got
	builtin compadd -A got "\$@"
	(( \$#got )) && print -rl -- \$got >> ${(q)out}
	builtin compadd "\$@"
}
_cdbtest_complete() {
	zle complete-word
	print -r -- '<<done>>' >> ${(q)out}
}
zle -N _cdbtest_complete
bindkey '^G' _cdbtest_complete
print -r -- '<<ready>>' >> ${(q)out}
SETUP

zpty cz zsh -f -i || exit 2
zpty -w cz "source ${(q)tmp}/setup.zsh"

# wait until the file says $1, draining the terminal meanwhile
wait_for() {
	local i junk
	for i in {1..200}; do
		grep -qx -- $1 $out && return 0
		while zpty -rt cz junk; do :; done
		sleep 0.05
	done
	return 1
}

if wait_for '<<ready>>'; then
	zpty -w -n cz "$line"$'\C-g'
	if wait_for '<<done>>'; then
		sed -e '/^<<ready>>$/d' -e '/^<<done>>$/d' $out | sort -u
		st=0
	else
		print -u2 "zsh-complete: no completion result for '$line'"
		st=1
	fi
else
	print -u2 "zsh-complete: the child zsh did not start"
	st=1
fi
zpty -d cz
rm -rf $tmp
exit $st
