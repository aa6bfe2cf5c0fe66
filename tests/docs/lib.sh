# lib.sh - helpers shared by the docs test scripts (sourced, not run)

set -u

nfail=0

fail()
{
	printf 'FAIL: %s\n' "$*"
	nfail=$((nfail + 1))
}

# End the test: exit 1 when anything failed.
finish()
{
	if [ "$nfail" -ne 0 ]; then
		printf '%d check(s) failed\n' "$nfail"
		exit 1
	fi
	echo ok
	exit 0
}

# A private temporary directory, removed when the script exits.
make_tmp()
{
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/cdb-docs.XXXXXX") || exit 2
	trap 'rm -rf "$tmp"' EXIT
}

# The commands listed by `cdb help`, one per line: the lines under
# "commands:" that start with two spaces and a lower-case word.
help_commands()
{
	"$1" help | awk '
		/^commands:/ { on = 1; next }
		on && /^$/ { exit }
		on && /^  [a-z]/ { print $1 }'
}

# The SYNOPSIS line of a rendered man page, as a reader sees it.
page_synopsis()
{
	MANWIDTH=1000 man -l "$1" 2>/dev/null | col -b | awk '
		/^SYNOPSIS/ { on = 1; next }
		on && NF { sub(/^ +/, ""); sub(/ +$/, ""); print; exit }'
}
