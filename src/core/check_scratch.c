/*
 * check_scratch.c - `check --scratch`: every revision replayed in a scratch
 * database, compared with the models, and the downgrades round-tripped
 * (see check.h)
 */
#include "cdb/check.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "cdb/buf.h"
#include "cdb/dialect.h"
#include "cdb/diff.h"
#include "cdb/graph.h"
#include "cdb/models.h"
#include "cdb/path.h"
#include "cdb/revision.h"
#include "cdb/runner.h"
#include "cdb/schema.h"

/* --- replay in a scratch database ------------------------------------------- */

static void introspect_opts(struct cdb_introspect_opts *o, const struct cdb_config *cfg)
{
	memset(o, 0, sizeof *o);
	o->exclude = cfg->exclude;
	o->schemas = cfg->schemas;
	o->version_table = cfg->version_table;
	o->history_table = cfg->history_table;
}

static int snapshot(struct cdb_schema *out, struct cdb_db *db, const struct cdb_config *cfg)
{
	struct cdb_introspect_opts o;

	introspect_opts(&o, cfg);
	cdb_schema_init(out);
	return db->vt->introspect(out, db, &o);
}

/*
 * Compare two schemas; 1 when they differ (each operation turning `a` into
 * `b` added as a detail of `f`, when `f` is given), 0 when equal.
 */
static int schema_differs(struct cdb_findings *fs, struct cdb_finding *f, const char *prefix,
                          const struct cdb_schema *a, const struct cdb_schema *b)
{
	struct cdb_diff d;
	struct cdb_buf line = CDB_BUF_INIT;
	size_t i;
	int rc;

	rc = cdb_diff_compute(&d, a, b, NULL);
	if (rc < 0)
		return rc;
	rc = cdb_diff_empty(&d) ? 0 : 1;
	for (i = 0; f && rc == 1 && i < d.nops; i++) {
		if (d.ops[i].dependent)
			continue;
		cdb_buf_reset(&line);
		cdb_op_describe(&line, &d.ops[i]);
		cdb_finding_detail(fs, f, "%s%s", prefix, line.ptr);
	}
	cdb_buf_release(&line);
	cdb_diff_release(&d);
	return rc;
}

/* The message of a failed migration step as one finding. */
static void failed_step(struct cdb_findings *out, const char *kind,
                        const struct cdb_revision *rev, const char *what)
{
	struct cdb_finding *f;
	int i;

	f = cdb_findings_add(out, kind, rev ? rev->id : NULL,
	                     rev ? rev->file : NULL,
	                     "%s: %s", what,
	                     cdb_error_message());
	for (i = 0; i < cdb_error_ndetails(); i++)
		cdb_finding_detail(out, f, "%s", cdb_error_detail_at(i));
	cdb_error_clear();
}

static bool graph_is_linear(const struct cdb_graph *g)
{
	size_t i;

	if (g->nbases > 1 || g->nheads > 1)
		return false;
	for (i = 0; i < g->nrevs; i++)
		if (g->revs[i]->ndown > 1 || g->revs[i]->nchildren > 1 || g->revs[i]->ndepends > 0)
			return false;
	return true;
}

/*
 * Read what the models declare, through `via` (the live server on
 * PostgreSQL: with shadow_url set, the scratch database is the shadow
 * itself, so the models must be read before the replay starts there).
 */
static int load_want(struct cdb_schema *want, struct cdb_models *m, const struct cdb_dialect *d,
                     struct cdb_db *via, const struct cdb_config *cfg)
{
	struct cdb_introspect_opts o;
	int rc;

	rc = cdb_models_load(m, cfg->models_dir);
	if (rc < 0)
		return rc;
	introspect_opts(&o, cfg);
	return d->load_models(want, via, cfg, (const char *const *)m->files, m->nfiles, &o);
}

static int compare_models(struct cdb_findings *out, const struct cdb_schema *head,
                          const struct cdb_schema *want, const struct cdb_models *m)
{
	struct cdb_diff d;
	struct cdb_buf line = CDB_BUF_INIT;
	size_t i;
	int rc;

	rc = cdb_diff_compute(&d, head, want, &m->hints);
	if (rc < 0)
		return rc;
	if (!cdb_diff_empty(&d)) {
		struct cdb_finding *f = cdb_findings_add(
			out, CDB_FINDING_MODELS_CHANGED, NULL, NULL,
			"models changed but no revision was written (%zu change%s)", d.nchanges,
			d.nchanges == 1 ? "" : "s");
		for (i = 0; i < d.nops; i++) {
			if (d.ops[i].dependent)
				continue;
			cdb_buf_reset(&line);
			cdb_op_describe(&line, &d.ops[i]);
			cdb_finding_detail(out, f, "%s", line.ptr);
		}
		cdb_finding_detail(out, f, "fix: cdb migrate -m \"describe the change\"");
	}
	cdb_diff_release(&d);
	cdb_buf_release(&line);
	return 0;
}

/* Downgrade one revision at a time (linear history), checking each step. */
static int roundtrip_linear(struct cdb_findings *out, struct cdb_db *db, const struct cdb_config *cfg,
                            struct cdb_graph *g, struct cdb_schema *after,
                            const struct cdb_schema *start, bool *failed)
{
	const struct cdb_schema *before;
	struct cdb_schema now;
	bool leftover = false;
	size_t i;
	int rc;

	/*
	 * Once one downgrade leaves something behind, every later comparison
	 * would show it again: name only the first, but run every downgrade.
	 */
	for (i = g->nrevs; i-- > 0;) {
		struct cdb_revision *rev = g->revs[i];
		const char *target = rev->ndown ? rev->down[0] : "base";
		struct cdb_finding *f;
		int diff;

		if (cdb_runner_migrate(db, g, CDB_DOWN, target, NULL) < 0) {
			failed_step(out, CDB_FINDING_DOWNGRADE_FAILED, rev, "downgrade fails");
			*failed = true;
			return 0;
		}
		if (leftover)
			continue;
		rc = snapshot(&now, db, cfg);
		if (rc < 0) {
			cdb_schema_release(&now);
			return rc;
		}
		/* The schema before rev's upgrade: the previous step's, or the fresh database's. */
		before = i > 0 ? &after[i - 1] : start;
		diff = schema_differs(NULL, NULL, "", before, &now);
		if (diff == 1) {
			f = cdb_findings_add(out, CDB_FINDING_ROUNDTRIP, rev->id,
			                     rev->file,
			                     "downgrade of '%s' does not restore the schema from before "
			                     "its upgrade", rev->id);
			schema_differs(out, f, "left by the downgrade: ", before, &now);
			leftover = true;
		}
		cdb_schema_release(&now);
		if (diff < 0)
			return diff;
	}
	/* Upgrading again over the leftovers would only fail on them. */
	*failed = leftover;
	return 0;
}

int cdb_check_scratch(struct cdb_findings *out, const struct cdb_dialect *d,
                      struct cdb_db *server, const struct cdb_config *cfg, struct cdb_graph *g,
                      const struct cdb_scratch_opts *o)
{
	struct cdb_db *db = NULL;
	struct cdb_schema *after = NULL, head, again, empty, want;
	struct cdb_models m;
	bool have_empty = false;
	bool linear = graph_is_linear(g), failed = false, have_head = false, have_again = false;
	size_t i, nafter = 0;
	int rc;

	cdb_models_init(&m);
	cdb_schema_init(&want);
	if (o->models && (rc = load_want(&want, &m, d, server, cfg)) < 0)
		goto done;
	rc = d->open_scratch(&db, server, cfg);
	if (rc < 0)
		goto done;
	/* What a fresh database holds (PostgreSQL: schema public) is what base must give back. */
	rc = snapshot(&empty, db, cfg);
	have_empty = true;
	if (rc < 0)
		goto done;
	/* Linear: one revision at a time, remembering each schema for the roundtrip. */
	if (linear && o->roundtrip) {
		after = xcalloc(g->nrevs ? g->nrevs : 1, sizeof *after);
		for (i = 0; i < g->nrevs; i++) {
			if (cdb_runner_migrate(db, g, CDB_UP, g->revs[i]->id, NULL) < 0) {
				failed_step(out, CDB_FINDING_UPGRADE_FAILED, g->revs[i], "upgrade fails");
				rc = 0;
				goto done;
			}
			rc = snapshot(&after[i], db, cfg);
			nafter++;
			if (rc < 0)
				goto done;
		}
	} else if (g->nrevs > 0 && cdb_runner_migrate(db, g, CDB_UP, "heads", NULL) < 0) {
		failed_step(out, CDB_FINDING_UPGRADE_FAILED, NULL, "upgrade to heads fails");
		rc = 0;
		goto done;
	}
	rc = snapshot(&head, db, cfg);
	have_head = true;
	if (rc < 0)
		goto done;
	if (o->models) {
		rc = compare_models(out, &head, &want, &m);
		if (rc < 0)
			goto done;
	}
	if (!o->roundtrip || g->nrevs == 0) {
		rc = 0;
		goto done;
	}
	if (linear) {
		rc = roundtrip_linear(out, db, cfg, g, after, &empty, &failed);
		if (rc < 0 || failed)
			goto done;
	} else {
		struct cdb_schema now;

		if (cdb_runner_migrate(db, g, CDB_DOWN, "base", NULL) < 0) {
			failed_step(out, CDB_FINDING_DOWNGRADE_FAILED, NULL, "downgrade to base fails");
			rc = 0;
			goto done;
		}
		rc = snapshot(&now, db, cfg);
		if (rc == 0) {
			rc = schema_differs(NULL, NULL, "", &empty, &now);
			if (rc == 1) {
				struct cdb_finding *f = cdb_findings_add(
					out, CDB_FINDING_ROUNDTRIP, NULL, NULL,
					"downgrade to base leaves objects behind");
				schema_differs(out, f, "left at base: ", &empty, &now);
				failed = true;
				rc = 0;
			}
		}
		cdb_schema_release(&now);
		if (rc < 0 || failed)
			goto done;
	}
	if (cdb_runner_migrate(db, g, CDB_UP, "heads", NULL) < 0) {
		failed_step(out, CDB_FINDING_UPGRADE_FAILED, NULL, "upgrade after downgrade fails");
		rc = 0;
		goto done;
	}
	rc = snapshot(&again, db, cfg);
	have_again = true;
	if (rc < 0)
		goto done;
	rc = schema_differs(NULL, NULL, "", &head, &again);
	if (rc == 1) {
		struct cdb_finding *f = cdb_findings_add(
			out, CDB_FINDING_ROUNDTRIP, NULL, NULL,
			"upgrade, downgrade to base and upgrade again gives a different schema at head");
		schema_differs(out, f, "second upgrade: ", &head, &again);
		rc = 0;
	}
done:
	for (i = 0; i < nafter; i++)
		cdb_schema_release(&after[i]);
	free(after);
	if (have_again)
		cdb_schema_release(&again);
	if (have_head)
		cdb_schema_release(&head);
	if (have_empty)
		cdb_schema_release(&empty);
	cdb_schema_release(&want);
	cdb_models_release(&m);
	if (db)
		db->vt->close(db);
	return rc;
}
