# bash completion for cdb(1), the schema migration tool        -*- shell-script -*-
#
# Revision ids, heads and branch labels come from the project itself through
# `cdb history --ids` and `cdb heads --ids`, which print one word per line and
# nothing outside a project, and from the labels in `cdb history`'s lines
# ("PARENTS -> ID (LABELS) (head), MESSAGE").

_cdb_commands="init revision migrate diff upgrade downgrade stamp current heads
	branches history show merge check rebase help version"

# Print the revision targets of the project: keywords, then every id and head.
# $@ holds the global options of the command line (-c FILE, -d URL) so that
# the same project is asked.
_cdb_targets()
{
	printf '%s\n' head heads base
	{
		command cdb "$@" history --ids
		command cdb "$@" heads --ids
		command cdb "$@" --color=never history | _cdb_labels
	} 2>/dev/null | sort -u
}

# The branch labels in `cdb history` lines, as LABEL and LABEL@head.
_cdb_labels()
{
	sed -n 's/^\(<base>\)\{0,1\}[^<>]* -> [^ ,]* (\([^)]*\)).*/\2/p' |
		tr ',' '\n' | sed 's/^ *//' |
		grep -vx -e head -e current -e branchpoint -e mergepoint |
		sed 's/.*/&\n&@head/'
}

_cdb_git_refs()
{
	git for-each-ref --format='%(refname:short)' 2>/dev/null
	printf '%s\n' HEAD
}

_cdb()
{
	local cur prev words cword split=false
	if declare -F _init_completion >/dev/null 2>&1; then
		_init_completion -s || return
	else
		cur=${COMP_WORDS[COMP_CWORD]}
		prev=${COMP_WORDS[COMP_CWORD - 1]}
		words=("${COMP_WORDS[@]}")
		cword=$COMP_CWORD
	fi

	# Find the command, skipping global options and their arguments, and
	# remember the options that choose the project or the database.
	local i w cmd="" cmd_at=0
	local -a global=()
	for ((i = 1; i < cword; i++)); do
		w=${words[i]}
		case $w in
		-c | --config | -d | --database)
			global+=("$w" "${words[i + 1]}")
			((i++))
			;;
		--config=* | --database=*)
			global+=("$w")
			;;
		-*) ;;
		*)
			if [[ -z $cmd ]]; then
				cmd=$w
				cmd_at=$i
			fi
			;;
		esac
	done

	# Arguments of options, global or not.
	case $prev in
	-c | --config)
		COMPREPLY=($(compgen -f -X '!*.ini' -- "$cur") $(compgen -d -- "$cur"))
		return
		;;
	-d | --database)
		COMPREPLY=($(compgen -W 'sqlite:/// postgresql://' -- "$cur"))
		[[ ${#COMPREPLY[@]} -eq 1 ]] && compopt -o nospace 2>/dev/null
		return
		;;
	--color)
		COMPREPLY=($(compgen -W 'auto always never' -- "$cur"))
		return
		;;
	--format)
		COMPREPLY=($(compgen -W 'text json' -- "$cur"))
		return
		;;
	-m | --message | --rev-id | --branch-label | -r | --rev-range)
		return
		;;
	--head | --depends-on)
		COMPREPLY=($(compgen -W "$(_cdb_targets "${global[@]}")" -- "$cur"))
		return
		;;
	--base | --onto)
		COMPREPLY=($(compgen -W "$(_cdb_git_refs)" -- "$cur"))
		return
		;;
	esac
	$split && return

	local global_opts="-c --config -d --database -q --quiet -v --verbose
		--color= --format= -h --help --version"

	if [[ -z $cmd ]]; then
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "$global_opts" -- "$cur"))
			[[ ${COMPREPLY[*]} == *= ]] && compopt -o nospace 2>/dev/null
		else
			COMPREPLY=($(compgen -W "$_cdb_commands" -- "$cur"))
		fi
		return
	fi

	local opts="" args=""
	case $cmd in
	init) opts="--database" args=dir ;;
	revision) opts="-m --message --head --rev-id --branch-label --depends-on" ;;
	migrate) opts="-m --message --empty --rev-id --check" ;;
	diff) ;;
	upgrade | downgrade) opts="--sql" args=target ;;
	stamp) opts="--sql --purge" args=target ;;
	current) opts="-v --verbose" ;;
	heads) opts="-v --verbose --ids" ;;
	branches) opts="-v --verbose" ;;
	history) opts="-r --rev-range -v --verbose -i --indicate-current --ids" ;;
	show) args=target ;;
	merge) opts="-m --message --rev-id --branch-label" args=target ;;
	check) opts="--scratch --roundtrip --base" ;;
	rebase) opts="--onto" ;;
	help) args=command ;;
	version) ;;
	*) return ;;
	esac

	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$opts --help" -- "$cur"))
		return
	fi
	case $args in
	dir) COMPREPLY=($(compgen -d -- "$cur")) ;;
	target) COMPREPLY=($(compgen -W "$(_cdb_targets "${global[@]}")" -- "$cur")) ;;
	command)
		# help takes one command
		((cword == cmd_at + 1)) &&
			COMPREPLY=($(compgen -W "$_cdb_commands" -- "$cur"))
		;;
	esac
} &&
	complete -F _cdb cdb

# ex: filetype=sh
