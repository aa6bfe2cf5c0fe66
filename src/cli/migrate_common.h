/* migrate_common.h - what cdb upgrade and cdb downgrade share (migrate_common.c) */
#ifndef CDB_CLI_MIGRATE_COMMON_H
#define CDB_CLI_MIGRATE_COMMON_H

#include "cdb/graph.h"
#include "cli.h"

/*
 * Run `cdb upgrade` / `cdb downgrade` after option parsing: `target`
 * (NULL: the command's default), `sql` for --sql. Returns the exit code.
 */
int cli_run_migration(struct cdb_cli *cli, enum cdb_direction dir, const char *target, bool sql);

#endif
