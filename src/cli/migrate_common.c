/* migrate_common.c - cdb upgrade and cdb downgrade: one code path, two directions */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "migrate_common.h"
#include "revfmt.h"

/* --sql FROM:TO: the rows to start from. "base" or empty: an empty database. */
static int resolve_from(struct cdb_strv *rows, const struct cdb_graph *g, const char *from)
{
	struct cdb_arena a = CDB_ARENA_INIT;
	struct cdb_revision **revs;
	size_t n;
	int rc;

	if (!*from || strcmp(from, "base") == 0)
		return 0;
	rc = cdb_graph_lookup_set(&revs, &n, &a, g, from);
	if (rc == 0)
		for (size_t i = 0; i < n; i++)
			cdb_strv_push(rows, revs[i]->id);
	cdb_arena_release(&a);
	return rc;
}

static int run_sql(struct cdb_cli *cli, const struct cdb_graph *g, enum cdb_direction dir, const char *target)
{
	const struct cdb_config *cfg;
	const struct cdb_dialect *d;
	struct cdb_strv from = CDB_STRV_INIT;
	struct cdb_buf out = CDB_BUF_INIT;
	const char *colon = strchr(target, ':');
	char *from_text = NULL;
	int rc;

	if ((rc = cli_config(cli, &cfg)) < 0 || (rc = cli_dialect(cli, &d)) < 0)
		goto done;
	if (colon) {
		from_text = xstrndup(target, (size_t)(colon - target));
		target = colon + 1;
		if ((rc = resolve_from(&from, g, from_text)) < 0)
			goto done;
	}
	rc = cdb_runner_script(&out, d, cfg, g, dir, target, (const char *const *)from.v, from.n);
	if (rc == 0)
		fputs(out.ptr, stdout);
done:
	free(from_text);
	cdb_strv_release(&from);
	cdb_buf_release(&out);
	return rc;
}

/*
 * Plan against the database as it is before touching it: a target that
 * cannot be reached (several heads, an unknown revision) must leave no
 * database file or version table behind, and "already there" writes nothing.
 * The runner plans again under the lock, so this is only a dry run.
 */
static int preflight(struct cdb_cli *cli, const struct cdb_graph *g, enum cdb_direction dir,
                     const char *target, size_t *nsteps)
{
	const struct cdb_config *cfg;
	struct cdb_strv rows = CDB_STRV_INIT;
	struct cdb_plan plan;
	struct cdb_db *db;
	int rc;

	*nsteps = 0;
	if ((rc = cli_config(cli, &cfg)) < 0)
		return rc;
	rc = cli_db(cli, false, &db);
	if (rc == CDB_ENOTFOUND && dir == CDB_UP) {
		/* No database file yet: upgrading starts from nothing. */
		cdb_error_clear();
		rc = 0;
	} else if (rc == 0) {
		rc = cdb_runner_current(&rows, db);
	}
	if (rc < 0)
		goto done;
	rc = cdb_plan_build(&plan, g, dir, target, (const char *const *)rows.v, rows.n);
	if (rc == 0)
		*nsteps = plan.nsteps;
	cdb_plan_release(&plan);
done:
	cdb_strv_release(&rows);
	return rc;
}

int cli_run_migration(struct cdb_cli *cli, enum cdb_direction dir, const char *target, bool sql)
{
	struct cdb_graph g;
	struct cdb_db *db;
	size_t napplied = 0, nsteps = 0;
	int rc;

	cdb_graph_init(&g);
	if (!target)
		target = dir == CDB_UP ? "head" : "-1";
	if (sql && dir == CDB_DOWN && !strchr(target, ':')) {
		cdb_error_set(CDB_EUSAGE, "downgrade --sql needs FROM:TO, e.g. 'head:-1' or 'head:base'");
		cdb_error_hint("--sql never connects to the database, so it cannot know where to start");
		rc = CDB_EUSAGE;
		goto done;
	}
	if (!sql && strchr(target, ':')) {
		rc = cdb_error_set(CDB_EUSAGE, "a FROM:TO range ('%s') is only accepted with --sql", target);
		goto done;
	}
	cdb_graph_release(&g);
	if ((rc = cli_graph(cli, &g)) < 0)
		goto done;
	if (g.nrevs == 0 && dir == CDB_UP && (strcmp(target, "head") == 0 || strcmp(target, "heads") == 0)) {
		/* A project without revisions is at head: deploy scripts may run this first. */
		if (!cli->quiet && !sql)
			printf("nothing to do: there are no revisions yet\n");
		goto done;
	}
	if (sql) {
		rc = run_sql(cli, &g, dir, target);
		goto done;
	}
	if ((rc = preflight(cli, &g, dir, target, &nsteps)) < 0)
		goto done;
	if (nsteps > 0) {
		/* Only upgrade may create the database file. */
		if ((rc = cli_db(cli, dir == CDB_UP, &db)) < 0)
			goto done;
		rc = cdb_runner_migrate(db, &g, dir, target, &napplied);
	}
	if (rc == 0 && napplied == 0 && !cli->quiet)
		printf("nothing to do: the database is already at %s\n", target);
done:
	cdb_graph_release(&g);
	return rc < 0 ? cli_fail(rc) : CDB_EXIT_OK;
}
