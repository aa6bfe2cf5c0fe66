# bash-complete.bash - print the candidates the bash completion for cdb
# offers for a command line, one per line.
#
# usage: bash --norc --noprofile bash-complete.bash COMPLETION_FILE LINE
#
# bash-completion is loaded first, so the completion runs with
# _init_completion available as it does in a user's shell.
. /usr/share/bash-completion/bash_completion || exit 2
declare -F _init_completion >/dev/null || { echo "no _init_completion" >&2; exit 2; }
. "$1" || exit 2

line=$2
COMP_LINE=$line
COMP_POINT=${#line}
COMP_TYPE=9
COMP_KEY=9
read -ra COMP_WORDS <<<"$line"
[[ $line == *' ' ]] && COMP_WORDS+=("")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))

# Call whatever function `complete -p cdb` names, as bash would.
spec=$(complete -p cdb) || exit 2
[[ $spec =~ -F\ ([^ ]+) ]] || { echo "no completion function in: $spec" >&2; exit 2; }
COMPREPLY=()
"${BASH_REMATCH[1]}" cdb "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
printf '%s\n' "${COMPREPLY[@]}" | sed '/^$/d' | sort -u
