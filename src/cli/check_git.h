/*
 * check_git.h - the parts of `cdb check` from issue 5 (checksums, --base,
 * --scratch, --roundtrip), so cmd_check.c calls them in one place, and the
 * printing of a findings list (text and --format=json)
 */
#ifndef CDB_CLI_CHECK_GIT_H
#define CDB_CLI_CHECK_GIT_H

#include <stdbool.h>

#include "cdb/check.h"
#include "cdb/graph.h"
#include "cli.h"

/* The flags of `cdb check` that these checks read. */
struct cli_check_flags {
	bool scratch;     /* --scratch: replay into a scratch database, no live database */
	bool roundtrip;   /* --roundtrip: downgrade to base and upgrade again in it */
	const char *base; /* --base REF, NULL: none */
};

/*
 * Run the checks the flags ask for on the loaded, valid graph `g` (NULL
 * when the graph is invalid: then only --base runs), appending to `out`: the checksums of applied revisions when a live
 * database is used (`db`, NULL with --scratch), --base REF, and the
 * scratch replay (with the models comparison when `scratch_models`, with
 * the roundtrip for --roundtrip). Returns 0 or the CDB_E* code of a check
 * that could not run (message set).
 */
int cli_check_git(struct cdb_cli *cli, struct cdb_findings *out, struct cdb_graph *g,
                  struct cdb_db *db, const struct cli_check_flags *f, bool scratch_models);

/*
 * Print `fs`: text (one "kind: message" line per finding, details
 * indented, a summary line) or, with --format=json, one object
 * {"ok": bool, "findings": [{kind, revision, file, message, details}]}
 * (the shape cdb-check(1) documents).
 */
int cli_print_findings(struct cdb_cli *cli, const struct cdb_findings *fs);

#endif
