/*
 * runner_priv.h - what runner.c and runner_stamp.c share: reading the
 * version table
 *
 * Private to src/core/.
 */
#ifndef CDB_RUNNER_PRIV_H
#define CDB_RUNNER_PRIV_H

#include <stdbool.h>

#include "cdb/dialect.h"
#include "cdb/runner.h"

/* *out: whether `table` exists in db's database. */
int runner_table_exists(bool *out, struct cdb_db *db, const char *table);
/* Sort version rows by id (strcmp order). */
void runner_sort_rows(struct cdb_strv *rows);
/* The rows of the version table (which must exist), sorted. */
int runner_read_rows(struct cdb_strv *out, struct cdb_db *db);

#endif
