/*
 * autogen.h - what cdb migrate, cdb diff and cdb check share: the live
 * schema, the models' schema and the diff between them
 */
#ifndef CDB_CLI_AUTOGEN_H
#define CDB_CLI_AUTOGEN_H

#include <stdbool.h>

#include "cdb/diff.h"
#include "cdb/graph.h"
#include "cdb/models.h"
#include "cdb/runner.h"
#include "cdb/schema.h"
#include "cli.h"

struct cli_autogen {
	struct cdb_models models;  /* model files and rename hints */
	struct cdb_schema live;    /* the database */
	struct cdb_schema want;    /* the models, executed into a scratch database */
	struct cdb_diff diff;      /* live -> want */
	bool have_diff;            /* `diff` is initialised */
};

void cli_autogen_init(struct cli_autogen *a);
void cli_autogen_release(struct cli_autogen *a);

/*
 * Read both schemas and diff them. With `ask`, each possible rename is
 * asked about (y/N) when stdin and stderr are terminals and a yes turns it
 * into a rename; otherwise each is a warning with the hint line that would
 * make it one. Returns 0 or a CDB_E* code (message set).
 */
int cli_autogen_compute(struct cdb_cli *cli, struct cli_autogen *a, bool ask);

/*
 * Whether the database is at the graph's head(s): `rows` (the version
 * table) equals the set of heads. Fills *pending with the number of
 * revisions not applied (may be NULL).
 */
bool cli_at_head(const struct cdb_graph *g, const struct cdb_strv *rows, size_t *pending);

#endif
