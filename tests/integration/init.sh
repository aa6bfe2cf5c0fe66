#!/bin/sh
# cdb init [--database URL] [DIR]
. "$TESTLIB"

cdb init
check_status 0 "init in the current directory"
check "cdb.ini written" test -f cdb.ini
check "models/example.sql written" test -f models/example.sql
check "migrations/versions/ made" test -d migrations/versions
check "migrations/script.sql.tmpl written" test -f migrations/script.sql.tmpl
check "cdb.ini has the default URL" grep -qx 'database_url = sqlite:///app.db' cdb.ini
check "cdb.ini is commented" grep -q '^# ' cdb.ini
check "no database created by init" test ! -e app.db
check_out_line "initialized a cdb project in $WORK"

# A second init refuses and changes nothing.
echo "# my edit" >>cdb.ini
snapshot before
cdb init
check_status 2 "init over an existing project"
check_err_line "cdb: error: 'cdb.ini' already exists"
check_err "hint: "
check_unchanged before

# DIR is created when absent; --database is written into cdb.ini.
cdb init --database sqlite:///data/app.sqlite sub/project
check_status 0 "init DIR --database"
check "DIR created" test -f sub/project/cdb.ini
check "URL written" grep -qx 'database_url = sqlite:///data/app.sqlite' sub/project/cdb.ini

# -d before the command means the same.
cdb -d sqlite:////tmp/x.db init other
check_status 0
check "-d URL written" grep -qx 'database_url = sqlite:////tmp/x.db' other/cdb.ini

# A PostgreSQL URL is accepted and its password never printed.
cdb init --database postgresql://bob:s3cret@db.example.com/app pg
check_status 0
check_no_out "s3cret"
check_out "***"

# An unknown scheme is refused before anything is written.
cdb init --database mysql://localhost/app bad
check_status 2 "unknown URL scheme"
check_err "cdb: error: "
check_err "mysql"
check "nothing written for a bad URL" test ! -e bad

# A directory we may not write to: clear error, no cdb.ini.
if [ "$(id -u)" != 0 ]; then
	mkdir ro && chmod 555 ro
	cdb init ro
	check_status 2 "read-only DIR"
	check "no cdb.ini in a read-only DIR" test ! -e ro/cdb.ini
	chmod 755 ro
fi

# Existing user files are kept.
mkdir -p keep/migrations
echo "-- my template" >keep/migrations/script.sql.tmpl
cdb init keep
check_status 0 "init keeps an existing template"
check "template kept" grep -qx -- "-- my template" keep/migrations/script.sql.tmpl

cdb init a b
check_status 64 "two directories"
check_err_line "usage: cdb init [--database URL] [DIR]"

done_testing
