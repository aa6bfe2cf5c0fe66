#!/bin/sh
# cdb help, cdb help CMD, cdb CMD --help: the same usage lines
. "$TESTLIB"

cdb help
check_status 0
check_out_line "usage: cdb [-c FILE] [-d URL] [-q] [-v] [--color=WHEN] [--format=FMT] COMMAND [ARGS]"
for c in init revision migrate diff upgrade downgrade stamp current heads branches history show merge check rebase help version; do
	check_out "  $c "
done

cdb --help
check_status 0
check_out_line "usage: cdb [-c FILE] [-d URL] [-q] [-v] [--color=WHEN] [--format=FMT] COMMAND [ARGS]"

# Each command's usage line is the contract's, and the three ways agree.
while IFS='|' read -r c usage; do
	cdb help "$c"
	check_status 0 "help $c"
	check_out_line "$usage"
	cp "$OUT" "$WORK/.help1"
	cdb "$c" --help
	check_status 0 "$c --help"
	check "'cdb help $c' and 'cdb $c --help' agree" cmp "$WORK/.help1" "$OUT"
	cdb "$c" -h
	check "'cdb $c -h' agrees" cmp "$WORK/.help1" "$OUT"
	cdb --help "$c"
	check "'cdb --help $c' agrees" cmp "$WORK/.help1" "$OUT"
done <<'LIST'
init|usage: cdb init [--database URL] [DIR]
revision|usage: cdb revision -m MSG [--head REV] [--rev-id ID] [--branch-label LABEL] [--depends-on REV]
migrate|usage: cdb migrate -m MSG [--empty] [--rev-id ID] [--check]
diff|usage: cdb diff
upgrade|usage: cdb upgrade [--sql] [TARGET]
downgrade|usage: cdb downgrade [--sql] [TARGET]
stamp|usage: cdb stamp [--sql] [--purge] REV...
current|usage: cdb current [-v]
heads|usage: cdb heads [-v] [--ids]
branches|usage: cdb branches [-v]
history|usage: cdb history [-r RANGE] [-v] [-i] [--ids]
show|usage: cdb show REV
merge|usage: cdb merge -m MSG [--rev-id ID] [--branch-label LABEL] REV...
check|usage: cdb check [--scratch] [--roundtrip] [--base REF]
rebase|usage: cdb rebase [--onto REF]
help|usage: cdb help [COMMAND]
version|usage: cdb version
LIST

# Unknown commands: one error line, a suggestion by edit distance, exit 64.
cdb upgarde
check_status 64 "unknown command"
check_err_line "cdb: error: unknown command 'upgarde'"
check_err_line "hint: did you mean 'upgrade'?"
check_no_out "usage"

cdb hisotry
check_err_line "hint: did you mean 'history'?"

cdb xyzzyplugh
check_status 64
check_err_line "cdb: error: unknown command 'xyzzyplugh'"
check_no_err "did you mean"

cdb help upgarde
check_status 64 "help of an unknown command"
check_err_line "hint: did you mean 'upgrade'?"

# No command at all is a usage error, with the overview on stderr.
cdb
check_status 64 "no command"
check_err "usage: cdb"

# Unknown options.
cdb upgrade --frobnicate
check_status 64 "unknown option"
check_err_line "cdb: error: unknown option '--frobnicate'"
check_err_line "usage: cdb upgrade [--sql] [TARGET]"

cdb --frobnicate version
check_status 64 "unknown global option"
check_err_line "cdb: error: unknown option '--frobnicate'"

done_testing
