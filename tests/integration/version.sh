#!/bin/sh
# cdb version, cdb --version
. "$TESTLIB"

cdb version
check_status 0
check_out_line "cdb $("$CDB" --version | sed 's/^cdb //')"
check_empty_err

cdb --version
check_status 0
check_out "cdb "

cdb version extra
check_status 64 "no arguments"
check_err "cdb: error: too many arguments"
check_err_line "usage: cdb version"

done_testing
