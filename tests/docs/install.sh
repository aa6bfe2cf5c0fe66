#!/bin/bash
# `meson install --destdir` puts the binary, the man pages and the three
# completions where cdb, man, bash, zsh and fish look for them, and each of
# them finds its file there.
#
# usage: install.sh MESON BUILDDIR SOURCE_ROOT PREFIX BINDIR DATADIR MANDIR \
#                   BASH_COMPLETIONS_DIR WITH_BASH WITH_ZSH WITH_FISH WITH_MAN
. "$(dirname "$0")/lib.sh"

meson=$1 build=$2 src=$3 prefix=$4 bindir=$5 datadir=$6 mandir=$7 bashdir=$8
with_bash=$9 with_zsh=${10} with_fish=${11} with_man=${12}

# Directories given relative to the prefix, as meson does.
abs() { case $1 in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$prefix/$1" ;; esac; }
bindir=$(abs "$bindir") datadir=$(abs "$datadir") mandir=$(abs "$mandir") bashdir=$(abs "$bashdir")

make_tmp
dest=$tmp/dest
# Isolate the shells from the user's own configuration.
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config XDG_DATA_HOME=$tmp/home/.local/share
mkdir -p "$HOME"

if ! "$meson" install -C "$build" --no-rebuild --destdir "$dest" >"$tmp/install.log" 2>&1; then
	fail "meson install failed:"
	cat "$tmp/install.log"
	finish
fi

# The binary runs from where it was installed.
[ -x "$dest$bindir/cdb" ] || fail "no executable $bindir/cdb"
"$dest$bindir/cdb" version >/dev/null 2>&1 || fail "installed cdb does not run 'cdb version'"

# Every page, in its section's directory, found by man through MANPATH.
if [ "$with_man" = true ]; then
	for scd in "$src"/man/*.scd; do
		name=${scd##*/}
		name=${name%.scd}
		section=${name##*.}
		topic=${name%.*}
		f=$dest$mandir/man$section/$name
		[ -f "$f" ] || { fail "man page not installed: $mandir/man$section/$name"; continue; }
		found=$(MANPATH=$dest$mandir man -w "$section" "$topic" 2>/dev/null)
		[ "$found" = "$f" ] || fail "'man $section $topic' finds '$found', not the installed $f"
	done
else
	# -Dman-pages=disabled: nothing may be installed half-way
	[ ! -d "$dest$mandir" ] || fail "man pages are disabled but $mandir was installed"
fi

# bash-completion loads completions/cdb on first use of cdb from the
# directories of XDG_DATA_DIRS.
if [ "$with_bash" = true ]; then
	f=$bashdir/cdb
	[ -f "$dest$f" ] || fail "bash completion not installed: $f"
	case $bashdir in
	*/bash-completion/completions) ;;
	*) fail "bash completion dir $bashdir is not a bash-completion completions directory" ;;
	esac
	loaded=$(PATH=$dest$bindir:$PATH XDG_DATA_DIRS=${dest}${bashdir%/bash-completion/completions} \
		bash --norc --noprofile -c '
		. /usr/share/bash-completion/bash_completion
		__load_completion cdb || exit 1
		complete -p cdb
		shopt -s extdebug
		declare -F _cdb' 2>&1)
	case $loaded in
	*"-F _cdb cdb"*"$dest$f"*) ;;
	*) fail "bash-completion does not load $f from the install: $loaded" ;;
	esac
fi

# zsh autoloads _cdb from a directory of its fpath; Debian's zsh searches
# /usr/local/share/zsh/site-functions by default.
if [ "$with_zsh" = true ]; then
	d=$datadir/zsh/site-functions
	[ -f "$dest$d/_cdb" ] || fail "zsh completion not installed: $d/_cdb"
	if [ "$prefix" = /usr/local ]; then
		zsh -f -c 'print -l $fpath' | grep -qx "$d" || fail "zsh does not search $d"
	fi
	loaded=$(zsh -f -c "
		fpath=('$dest$d' \$fpath)
		autoload -U compinit && compinit -u -D
		print -r -- \$_comps[cdb]
		autoload +X _cdb && print -r -- \$functions_source[_cdb]" 2>&1)
	[ "$loaded" = "$(printf '_cdb\n%s' "$dest$d/_cdb")" ] ||
		fail "compinit does not pick up $d/_cdb: $loaded"
fi

# fish autoloads <command>.fish from the vendor_completions.d of each
# directory of XDG_DATA_DIRS.
if [ "$with_fish" = true ]; then
	d=$datadir/fish/vendor_completions.d
	[ -f "$dest$d/cdb.fish" ] || fail "fish completion not installed: $d/cdb.fish"
	offered=$(PATH=$dest$bindir:$PATH XDG_DATA_DIRS=$dest$datadir fish -c 'complete -C "cdb "' 2>&1 | cut -f1)
	printf '%s\n' "$offered" | grep -qx upgrade ||
		fail "fish does not load $d/cdb.fish: 'cdb ' offers: $(echo $offered)"
fi
finish
