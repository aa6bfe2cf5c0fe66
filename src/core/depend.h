/* depend.h - order a diff's operations by their dependencies (private to the diff) */
#ifndef CDB_DEPEND_H
#define CDB_DEPEND_H

#include <stdbool.h>

#include "cdb/diff.h"

/*
 * Reorder the upgrade (`inverse` false) or the downgrade list of `d` so that
 * every op comes after what it needs and before what drops what it uses,
 * keeping the phase order wherever no dependency disagrees. For the upgrade,
 * foreign keys that tie new tables into a cycle are split out of their
 * CREATE TABLE into ADD_CONSTRAINT ops (dependent), so order the upgrade
 * before its inverse is built. PostgreSQL rules: names of tables, views,
 * sequences, indexes and key constraints share one namespace per schema.
 */
void cdb_diff_order(struct cdb_diff *d, bool inverse);

#endif
