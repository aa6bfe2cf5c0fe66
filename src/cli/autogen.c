/* autogen.c - live schema x models -> diff, for migrate, diff and check (see autogen.h) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cdb/alloc.h"
#include "autogen.h"

void cli_autogen_init(struct cli_autogen *a)
{
	memset(a, 0, sizeof(*a));
	cdb_models_init(&a->models);
	cdb_schema_init(&a->live);
	cdb_schema_init(&a->want);
}

void cli_autogen_release(struct cli_autogen *a)
{
	if (a->have_diff)
		cdb_diff_release(&a->diff);
	cdb_schema_release(&a->want);
	cdb_schema_release(&a->live);
	cdb_models_release(&a->models);
	a->have_diff = false;
}

/* y/N on the terminal; anything but y/yes is no. */
static bool ask_yes(const char *question)
{
	char line[64];

	fprintf(stderr, "%s [y/N] ", question);
	fflush(stderr);
	if (!fgets(line, sizeof(line), stdin))
		return false;
	return !strcmp(line, "y\n") || !strcmp(line, "Y\n") || !strcmp(line, "yes\n") || !strcmp(line, "Yes\n");
}

int cli_autogen_compute(struct cdb_cli *cli, struct cli_autogen *a, bool ask)
{
	const struct cdb_config *cfg;
	struct cdb_db *db;
	struct cdb_introspect_opts o = { 0 };
	bool terminal = isatty(STDIN_FILENO) && isatty(STDERR_FILENO);
	int rc;

	if ((rc = cli_config(cli, &cfg)) < 0 || (rc = cli_db(cli, false, &db)) < 0)
		return rc;
	o.exclude = cfg->exclude;
	o.schemas = cfg->schemas;
	o.version_table = cfg->version_table;
	o.history_table = cfg->history_table;
	if ((rc = cdb_models_load(&a->models, cfg->models_dir)) < 0)
		return rc;
	if ((rc = db->vt->introspect(&a->live, db, &o)) < 0)
		return rc;
	if ((rc = db->vt->load_models(&a->want, db, cfg, (const char *const *)a->models.files,
	                              a->models.nfiles, &o)) < 0)
		return rc;
	for (;;) {
		bool again = false;

		if ((rc = cdb_diff_compute(&a->diff, &a->live, &a->want, &a->models.hints)) < 0)
			return rc;
		a->have_diff = true;
		for (size_t i = 0; i < a->diff.nrenames; i++) {
			const struct cdb_rename_candidate *r = &a->diff.renames[i];
			char *q;

			if (!ask || !terminal) {
				cli_warn(cli, "%s; kept as drop and add", r->message);
				fprintf(stderr, "hint: if it is a rename, add this line to a model file: %s\n", r->hint);
				continue;
			}
			q = xasprintf("cdb: %s: is it a rename?", r->message);
			if (ask_yes(q)) {
				if (r->kind == CDB_RENAME_TABLE)
					cdb_rename_hints_add(&a->models.hints, CDB_RENAME_TABLE, r->from_table->schema,
					                     NULL, r->from_table->name, r->to_table->name, NULL, 0);
				else
					cdb_rename_hints_add(&a->models.hints, CDB_RENAME_COLUMN, r->to_table->schema,
					                     r->to_table->name, r->from_column->name,
					                     r->to_column->name, NULL, 0);
				again = true;
			}
			free(q);
		}
		if (!again)
			return 0;
		cdb_diff_release(&a->diff);
		a->have_diff = false;
		/* asked once: the next round keeps whatever is left as drop + add */
		ask = false;
		terminal = false;
	}
}

bool cli_at_head(const struct cdb_graph *g, const struct cdb_strv *rows, size_t *pending)
{
	bool *applied = xcalloc(g->nrevs + 1, sizeof(*applied));
	size_t n = 0;
	bool at;

	if (cdb_graph_applied(applied, g, (const char *const *)rows->v, rows->n) < 0) {
		free(applied);
		if (pending)
			*pending = 0;
		return false;
	}
	for (size_t i = 0; i < g->nrevs; i++)
		if (!applied[i])
			n++;
	at = n == 0;
	free(applied);
	if (pending)
		*pending = n;
	return at;
}
