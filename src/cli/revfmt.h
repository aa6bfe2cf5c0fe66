/*
 * revfmt.h - what the graph commands share: loading the graph, printing a
 * revision in Alembic's formats, and its JSON object (--format=json)
 */
#ifndef CDB_CLI_REVFMT_H
#define CDB_CLI_REVFMT_H

#include <stdbool.h>

#include <jansson.h>

#include "cdb/buf.h"
#include "cdb/graph.h"
#include "cdb/runner.h"
#include "cli.h"

/*
 * Load the configuration and the revision graph of the project into `g`
 * (initialised here; release it even on failure). 0 or a CDB_E* code.
 */
int cli_graph(struct cdb_cli *cli, struct cdb_graph *g);

/*
 * The version rows of the database, checked against the graph: a row no
 * revision file knows is CDB_ENOTFOUND with the hint to stamp --purge.
 * `out` is initialised here; release it even on failure.
 */
int cli_current_rows(struct cdb_cli *cli, const struct cdb_graph *g, struct cdb_strv *out);

/* True when `id` is one of the rows. */
bool cli_rows_contain(const struct cdb_strv *rows, const char *id);

/*
 * Before writing a revision: CDB_EEXISTS when `id` (may be NULL) or one of
 * the branch `labels` is already used in `g`, so no file is written that
 * would break the graph.
 */
int cli_check_unused(const struct cdb_graph *g, const char *id, const char *const *labels, size_t nlabels);

/* What cli_format_rev() adds to the id (Alembic's cmd_format). */
enum {
	REVFMT_PARENTS = 1 << 0, /* "parent -> " before the id */
	REVFMT_LABELS = 1 << 1,  /* " (label)" */
	REVFMT_HEAD = 1 << 2,    /* " (head)" */
	REVFMT_TREE = 1 << 3,    /* " (branchpoint)", " (mergepoint)" */
	REVFMT_MESSAGE = 1 << 4, /* ", message" */
	REVFMT_CURRENT = 1 << 5, /* " (current)" */
	REVFMT_COLOR = 1 << 6,   /* ANSI colours: id yellow, labels cyan, (head)/(current) green */
};

/* One line: "parent -> rev (label) (head) (current) (branchpoint), message". */
void cli_format_rev(struct cdb_buf *out, const struct cdb_revision *r, unsigned what);

/* The multi-line entry of -v and `show` ("Rev: ...", "Parent: ...", "Path: ..."). */
void cli_format_rev_verbose(struct cdb_buf *out, const struct cdb_revision *r, bool current);

struct cli_git_origins;
/* The same, with the commit that added the file after "Path:" (`o` NULL: none). */
void cli_format_rev_verbose_git(struct cdb_buf *out, const struct cdb_revision *r, bool current,
                                const struct cli_git_origins *o);

/* The JSON object of a revision, with the stable keys of the JSON output. */
json_t *cli_rev_json(const struct cdb_revision *r, bool current);

/* Print `v` (stolen) on stdout, indented, with a final newline. */
int cli_print_json(json_t *v);

/* The dialect of the configured database URL, without connecting. */
int cli_dialect(struct cdb_cli *cli, const struct cdb_dialect **out);

#endif
