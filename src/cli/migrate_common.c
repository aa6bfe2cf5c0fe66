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

int cli_run_migration(struct cdb_cli *cli, enum cdb_direction dir, const char *target, bool sql)
{
	struct cdb_graph g;
	struct cdb_db *db;
	size_t napplied = 0;
	int rc;

	if (!target)
		target = dir == CDB_UP ? "head" : "-1";
	if (sql && dir == CDB_DOWN && !strchr(target, ':')) {
		cdb_error_set(CDB_EUSAGE, "downgrade --sql needs FROM:TO, e.g. 'head:-1' or 'head:base'");
		cdb_error_hint("--sql never connects to the database, so it cannot know where to start");
		return cli_fail(CDB_EUSAGE);
	}
	if (!sql && strchr(target, ':')) {
		cdb_error_set(CDB_EUSAGE, "a FROM:TO range ('%s') is only accepted with --sql", target);
		return cli_fail(CDB_EUSAGE);
	}
	if ((rc = cli_graph(cli, &g)) < 0)
		goto done;
	if (sql) {
		rc = run_sql(cli, &g, dir, target);
		goto done;
	}
	/* Only upgrade may create the database file; downgrading nothing needs no file. */
	if ((rc = cli_db(cli, dir == CDB_UP, &db)) < 0)
		goto done;
	rc = cdb_runner_migrate(db, &g, dir, target, &napplied);
	if (rc == 0 && napplied == 0 && !cli->quiet)
		printf("nothing to do: the database is already at %s\n", target);
done:
	cdb_graph_release(&g);
	return rc < 0 ? cli_fail(rc) : CDB_EXIT_OK;
}
