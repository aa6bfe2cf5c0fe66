/*
 * runner.c - applying plans to a database, and the scripts of `--sql`
 * (see include/cdb/runner.h)
 *
 * `cdb stamp` and the history table are runner_stamp.c; what the two share
 * about the version table is in runner_priv.h.
 */
#include <ctype.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cdb/alloc.h"
#include "cdb/error.h"
#include "cdb/log.h"
#include "cdb/path.h"
#include "cdb/runner.h"
#include "runner_priv.h"

#ifndef CDB_VERSION
#define CDB_VERSION "unknown"
#endif

/* ---- string vectors ---- */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void cdb_strv_push(struct cdb_strv *s, const char *str)
{
	XGROW(s->v, s->cap, s->n + 1);
	s->v[s->n++] = xstrdup(str);
}

void cdb_strv_release(struct cdb_strv *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = s->cap = 0;
}

/* ---- small helpers ---- */

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* Who applies the revisions: $USER, else the account name (looked up once). */
static const char *user_name(void)
{
	static char *name;
	const char *u;
	struct passwd *pw;

	if (name)
		return name;
	u = getenv("USER");
	if (!u || !u[0]) {
		pw = getpwuid(getuid());
		u = pw ? pw->pw_name : "";
	}
	name = xstrdup(u);
	return name;
}

/* ---- the SQL cdb writes about itself ---- */

static void version_sql(struct cdb_buf *b, const struct cdb_dialect *d, const struct cdb_config *cfg,
                        const struct cdb_step *st)
{
	size_t i = 0;

	for (; i < st->ndel && i < st->nins; i++) {
		cdb_buf_puts(b, "UPDATE ");
		d->quote_ident(b, cfg->version_table);
		cdb_buf_puts(b, " SET version_num = ");
		d->quote_literal(b, st->ins[i]);
		cdb_buf_puts(b, " WHERE version_num = ");
		d->quote_literal(b, st->del[i]);
		cdb_buf_puts(b, ";\n");
	}
	for (size_t k = i; k < st->ndel; k++) {
		cdb_buf_puts(b, "DELETE FROM ");
		d->quote_ident(b, cfg->version_table);
		cdb_buf_puts(b, " WHERE version_num = ");
		d->quote_literal(b, st->del[k]);
		cdb_buf_puts(b, ";\n");
	}
	for (size_t k = i; k < st->nins; k++) {
		cdb_buf_puts(b, "INSERT INTO ");
		d->quote_ident(b, cfg->version_table);
		cdb_buf_puts(b, " (version_num) VALUES (");
		d->quote_literal(b, st->ins[k]);
		cdb_buf_puts(b, ");\n");
	}
}

static void history_sql(struct cdb_buf *b, const struct cdb_dialect *d, const struct cdb_config *cfg,
                        const struct cdb_step *st, long duration_ms)
{
	char dur[32];

	snprintf(dur, sizeof dur, "%ld", duration_ms);
	cdb_buf_puts(b, "INSERT INTO ");
	d->quote_ident(b, cfg->history_table);
	cdb_buf_puts(b, " (revision, direction, checksum, applied_at, duration_ms, applied_by, cdb_version) VALUES (");
	d->quote_literal(b, st->rev->id);
	cdb_buf_puts(b, ", ");
	d->quote_literal(b, st->dir == CDB_UP ? "up" : "down");
	cdb_buf_puts(b, ", ");
	d->quote_literal(b, st->rev->checksum);
	cdb_buf_printf(b, ", %s, %s, ", d->now_expr, dur);
	d->quote_literal(b, user_name());
	cdb_buf_puts(b, ", ");
	d->quote_literal(b, CDB_VERSION);
	cdb_buf_puts(b, ");\n");
}

/* "a, b" for a revision's parents, "base" for none. */
static void describe_parents(struct cdb_buf *b, const struct cdb_revision *r)
{
	if (!r->ndown)
		cdb_buf_puts(b, "base");
	for (size_t i = 0; i < r->ndown; i++)
		cdb_buf_printf(b, "%s%s", i ? ", " : "", r->down[i]);
}

static void describe_step(struct cdb_buf *b, const struct cdb_step *st)
{
	cdb_buf_puts(b, st->dir == CDB_UP ? "upgrade " : "downgrade ");
	if (st->dir == CDB_UP) {
		describe_parents(b, st->rev);
		cdb_buf_printf(b, " -> %s", st->rev->id);
	} else {
		cdb_buf_printf(b, "%s -> ", st->rev->id);
		describe_parents(b, st->rev);
	}
	cdb_buf_printf(b, ", %s", st->rev->message[0] ? st->rev->message : "(no message)");
}

/* ---- reading the version table ---- */

static int collect_cb(void *ctx, int n, const char *const *v)
{
	if (n > 0 && v[0])
		cdb_strv_push(ctx, v[0]);
	return 0;
}

int runner_table_exists(bool *out, struct cdb_db *db, const char *table)
{
	struct cdb_strv rows = CDB_STRV_INIT;
	const char *params[1] = { table };
	int ret;

	ret = db->vt->query(db, db->vt->table_exists_sql, params, 1, collect_cb, &rows);
	*out = rows.n > 0;
	cdb_strv_release(&rows);
	return ret;
}

void runner_sort_rows(struct cdb_strv *rows)
{
	if (rows->n > 1)
		qsort(rows->v, rows->n, sizeof *rows->v, cmp_str);
}

static void rows_sql(struct cdb_buf *q, struct cdb_db *db)
{
	cdb_buf_puts(q, "SELECT version_num FROM ");
	db->vt->quote_ident(q, db->cfg->version_table);
}

int runner_read_rows(struct cdb_strv *out, struct cdb_db *db)
{
	struct cdb_buf q = CDB_BUF_INIT;
	int ret;

	rows_sql(&q, db);
	ret = db->vt->query(db, q.ptr, NULL, 0, collect_cb, out);
	cdb_buf_release(&q);
	if (!ret)
		runner_sort_rows(out);
	return ret;
}

int cdb_runner_current(struct cdb_strv *out, struct cdb_db *db)
{
	bool exists;
	int ret = runner_table_exists(&exists, db, db->cfg->version_table);

	if (ret || !exists)
		return ret;
	return runner_read_rows(out, db);
}

int cdb_runner_ensure_tables(struct cdb_db *db)
{
	struct cdb_buf sql = CDB_BUF_INIT;
	bool v = false, h = false;
	int ret;

	ret = runner_table_exists(&v, db, db->cfg->version_table);
	if (!ret)
		ret = runner_table_exists(&h, db, db->cfg->history_table);
	if (ret || (v && h))
		goto done;
	db->vt->version_tables_sql(&sql, db->cfg);
	/* Under the migration lock, so two first runs do not race to create them. */
	ret = db->vt->begin(db);
	if (ret)
		goto done;
	ret = db->vt->exec(db, sql.ptr, NULL);
	if (ret) {
		struct cdb_error_saved e;

		cdb_error_save(&e);
		db->vt->rollback(db);
		ret = cdb_error_restore(&e, "cannot create cdb's tables");
		goto done;
	}
	ret = db->vt->commit(db);
done:
	cdb_buf_release(&sql);
	return ret;
}

/*
 * Every UPDATE/DELETE must find exactly one row and every INSERT none:
 * otherwise someone else moved the database. `rows` are the version rows
 * as read inside this transaction.
 */
static int check_rows(const struct cdb_db *db, const struct cdb_strv *rows,
                      const struct cdb_step *st)
{
	for (size_t i = 0; i < st->ndel; i++) {
		size_t hits = 0;

		for (size_t k = 0; k < rows->n; k++)
			hits += !strcmp(rows->v[k], st->del[i]);
		if (hits != 1)
			return cdb_error_set(CDB_ERROR,
			                     "version table '%s' has %zu rows for revision '%s' where 1 was expected",
			                     db->cfg->version_table, hits, st->del[i]);
	}
	for (size_t i = 0; i < st->nins; i++)
		for (size_t k = 0; k < rows->n; k++)
			if (!strcmp(rows->v[k], st->ins[i]))
				return cdb_error_set(CDB_ERROR, "version table '%s' already has revision '%s'",
				                     db->cfg->version_table, st->ins[i]);
	return 0;
}

/* `rows` after step `st` has run. */
static void apply_rows(struct cdb_strv *rows, const struct cdb_step *st)
{
	size_t w = 0;

	for (size_t k = 0; k < rows->n; k++) {
		bool gone = false;

		for (size_t i = 0; i < st->ndel && !gone; i++)
			gone = !strcmp(rows->v[k], st->del[i]);
		if (gone)
			free(rows->v[k]);
		else
			rows->v[w++] = rows->v[k];
	}
	rows->n = w;
	for (size_t i = 0; i < st->nins; i++)
		cdb_strv_push(rows, st->ins[i]);
}

/* Run one section of a revision, turning a failure into "file:line: message". */
static int run_section(struct cdb_db *db, const struct cdb_step *st, bool whole_run)
{
	const struct cdb_revision *r = st->rev;
	const char *sql = st->dir == CDB_UP ? r->upgrade_sql : r->downgrade_sql;
	int first = st->dir == CDB_UP ? r->upgrade_line : r->downgrade_line;
	struct cdb_exec_error err = { 0, NULL };
	struct cdb_error_saved e;
	char *where;
	int ret;

	ret = db->vt->exec(db, sql, &err);
	if (!ret)
		return 0;
	cdb_error_save(&e);
	where = err.line > 0 ? xasprintf("%s:%d", cdb_path_display(r->file), first + err.line - 1)
	                     : xstrdup(cdb_path_display(r->file));
	ret = cdb_error_restore(&e, where);
	if (err.statement)
		cdb_error_detail("statement: %s", err.statement);
	if (whole_run)
		cdb_error_detail("%s of revision %s failed; the whole run was rolled back (transaction = all)",
		                 st->dir == CDB_UP ? "upgrade" : "downgrade", r->id);
	else if (r->no_transaction)
		cdb_error_detail("%s of revision %s failed outside a transaction (transaction: none); statements before it stay applied",
		                 st->dir == CDB_UP ? "upgrade" : "downgrade", r->id);
	else
		cdb_error_detail("%s of revision %s failed; the database is left at the revision before it",
		                 st->dir == CDB_UP ? "upgrade" : "downgrade", r->id);
	free(where);
	cdb_exec_error_release(&err);
	return ret;
}

/*
 * The version rows and history row of a step, inside the current
 * transaction; `rows` (the version rows now) is checked, then updated.
 */
static int record_step(struct cdb_db *db, const struct cdb_step *st, long ms, struct cdb_strv *rows)
{
	struct cdb_buf sql = CDB_BUF_INIT;
	int ret = check_rows(db, rows, st);

	if (!ret) {
		version_sql(&sql, db->vt, db->cfg, st);
		history_sql(&sql, db->vt, db->cfg, st, ms);
		ret = db->vt->exec(db, sql.ptr, NULL);
	}
	if (!ret)
		apply_rows(rows, st);
	cdb_buf_release(&sql);
	return ret;
}

static void log_step(const struct cdb_step *st, double ms)
{
	struct cdb_buf b = CDB_BUF_INIT;

	describe_step(&b, st);
	cdb_log(CDB_LOG_PROGRESS, "%s (%.1f ms)", b.ptr, ms);
	cdb_buf_release(&b);
}

static bool same_rows(const struct cdb_strv *a, const struct cdb_strv *b)
{
	if (a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++) {
		bool found = false;

		for (size_t k = 0; k < b->n && !found; k++)
			found = !strcmp(a->v[i], b->v[k]);
		if (!found)
			return false;
	}
	return true;
}

/*
 * Take the version rows read under the lock (`now`, emptied) into `rows`
 * and re-plan from them; p->nsteps == 0 afterwards: nothing is left to do. When the rows are
 * what the previous step of this run left (`done`: that step, NULL: none),
 * nobody else moved the database and the plan just drops that step, which
 * keeps a long run linear instead of replanning the whole graph each time.
 */
static int replan_locked(struct cdb_plan *p, const struct cdb_graph *g, struct cdb_strv *rows,
                         struct cdb_strv *now, bool step_done)
{
	struct cdb_strv expect = *rows;
	int ret = 0;

	*rows = *now;
	*now = (struct cdb_strv)CDB_STRV_INIT;
	if (step_done && p->nsteps > 0 && same_rows(rows, &expect)) {
		p->steps++;
		p->nsteps--;
		p->steps_cap--;
	} else {
		ret = cdb_plan_replan(p, g, (const char *const *)rows->v, rows->n);
	}
	cdb_strv_release(&expect);
	return ret;
}

static int abort_tx(struct cdb_db *db)
{
	struct cdb_error_saved e;

	cdb_error_save(&e);
	db->vt->rollback(db);
	db->vt->after_step(db);
	return cdb_error_restore(&e, NULL);
}

/*
 * Begin a step's transaction and read the version rows under the lock it
 * took into `now` (PostgreSQL: both in one round trip); on failure the
 * transaction and the step's before_step are undone.
 */
static int begin_step(struct cdb_db *db, struct cdb_strv *now)
{
	struct cdb_error_saved e;
	struct cdb_buf q = CDB_BUF_INIT;
	int ret = db->vt->before_step(db);

	if (ret)
		return ret;
	if (db->vt->begin_query) {
		rows_sql(&q, db);
		ret = db->vt->begin_query(db, q.ptr, collect_cb, now);
		cdb_buf_release(&q);
		if (!ret)
			runner_sort_rows(now);
	} else {
		ret = db->vt->begin(db);
		if (!ret && (ret = runner_read_rows(now, db)) != 0) {
			cdb_strv_release(now);
			return abort_tx(db);
		}
	}
	if (ret) {
		cdb_strv_release(now);
		cdb_error_save(&e);
		db->vt->after_step(db);
		ret = cdb_error_restore(&e, NULL);
	}
	return ret;
}

/*
 * One `transaction: none` step: its SQL runs without a transaction under the
 * session lock; the version and history rows follow in a short transaction.
 * Returns 0 without applying anything when someone else moved the database
 * meanwhile (the caller looks again).
 */
static int run_untransacted(struct cdb_db *db, const struct cdb_graph *g, struct cdb_plan *p,
                            const struct cdb_revision *want, size_t *napplied)
{
	struct cdb_strv rows = CDB_STRV_INIT;
	struct cdb_error_saved e;
	bool in_tx = false;
	double t0;
	int ret;

	ret = db->vt->before_step(db);
	if (ret)
		return ret;
	ret = db->vt->lock_session(db);
	if (ret) {
		cdb_error_save(&e);
		db->vt->after_step(db);
		return cdb_error_restore(&e, NULL);
	}
	{
		struct cdb_strv now = CDB_STRV_INIT;

		ret = runner_read_rows(&now, db);
		if (!ret)
			ret = replan_locked(p, g, &rows, &now, false);
		cdb_strv_release(&now);
	}
	if (ret || !p->nsteps || p->steps[0].rev != want)
		goto done;
	t0 = now_ms();
	ret = run_section(db, &p->steps[0], false);
	if (ret)
		goto done;
	ret = db->vt->begin(db);
	if (ret)
		goto done;
	in_tx = true;
	/* SQLite has no session lock: read the rows again now that the transaction holds one. */
	cdb_strv_release(&rows);
	ret = runner_read_rows(&rows, db);
	if (!ret)
		ret = record_step(db, &p->steps[0], (long)(now_ms() - t0), &rows);
	if (!ret)
		ret = db->vt->commit(db);
	if (!ret) {
		in_tx = false;
		log_step(&p->steps[0], now_ms() - t0);
		(*napplied)++;
	}
done:
	if (ret)
		cdb_error_save(&e);
	if (in_tx)
		db->vt->rollback(db);
	db->vt->unlock_session(db);
	db->vt->after_step(db);
	if (ret)
		ret = cdb_error_restore(&e, NULL);
	cdb_strv_release(&rows);
	return ret;
}

/* One transaction per revision; the plan is redone under the lock before each. */
static int migrate_per_revision(struct cdb_db *db, const struct cdb_graph *g, struct cdb_plan *p,
                                size_t *napplied)
{
	struct cdb_strv rows = CDB_STRV_INIT;
	bool step_done = false;
	int ret;

	for (;;) {
		struct cdb_strv now = CDB_STRV_INIT;
		struct cdb_step *st;
		struct cdb_revision *r;
		double t0;

		ret = begin_step(db, &now);
		if (ret)
			break;
		ret = replan_locked(p, g, &rows, &now, step_done);
		step_done = false;
		if (ret)
			goto abort;
		if (!p->nsteps) {
			ret = db->vt->commit(db);
			if (ret)
				goto abort;
			ret = db->vt->after_step(db);
			break;
		}
		st = &p->steps[0];
		r = st->rev;
		ret = cdb_revision_load_body(r, (struct cdb_arena *)&g->arena);
		if (ret)
			goto abort;
		if (r->no_transaction) {
			db->vt->rollback(db);
			db->vt->after_step(db);
			ret = run_untransacted(db, g, p, r, napplied);
			if (ret)
				break;
			cdb_strv_release(&rows); /* it read its own rows */
			continue;
		}
		t0 = now_ms();
		ret = run_section(db, st, false);
		if (!ret)
			ret = record_step(db, st, (long)(now_ms() - t0), &rows);
		if (!ret) {
			ret = db->vt->check_constraints(db);
			/* name the revision whose constraints failed */
			if (ret && !strstr(cdb_error_message(), cdb_path_display(r->file)))
				cdb_error_prefix("%s", cdb_path_display(r->file));
		}
		if (!ret)
			ret = db->vt->commit(db);
		if (ret)
			goto abort;
		ret = db->vt->after_step(db);
		if (ret)
			break;
		log_step(st, now_ms() - t0);
		(*napplied)++;
		step_done = true; /* `rows` now holds what this step left */
	}
	cdb_strv_release(&rows);
	return ret;
abort:
	cdb_strv_release(&rows);
	return abort_tx(db);
}

/* transaction = all: every step in one transaction, all or nothing. */
static int migrate_all(struct cdb_db *db, const struct cdb_graph *g, struct cdb_plan *p,
                       size_t *napplied)
{
	struct cdb_strv rows = CDB_STRV_INIT;
	double *times = NULL;
	int ret;

	struct cdb_strv now = CDB_STRV_INIT;

	ret = begin_step(db, &now);
	if (ret)
		return ret;
	ret = replan_locked(p, g, &rows, &now, false);
	if (ret)
		goto abort;
	times = xcalloc(p->nsteps + 1, sizeof *times);
	for (size_t i = 0; i < p->nsteps; i++) {
		struct cdb_step *st = &p->steps[i];
		double t0 = now_ms();

		ret = cdb_revision_load_body(st->rev, (struct cdb_arena *)&g->arena);
		if (!ret && st->rev->no_transaction)
			ret = cdb_error_set(CDB_EINVALID,
			                    "%s: revision %s says 'transaction: none', which cannot run with transaction = all",
			                    cdb_path_display(st->rev->file), st->rev->id);
		if (!ret)
			ret = run_section(db, st, true);
		if (!ret)
			ret = record_step(db, st, (long)(now_ms() - t0), &rows);
		if (ret)
			goto abort;
		times[i] = now_ms() - t0;
	}
	ret = db->vt->check_constraints(db);
	if (!ret)
		ret = db->vt->commit(db);
	if (ret)
		goto abort;
	/* Progress only once it is true: nothing is applied before the commit. */
	for (size_t i = 0; i < p->nsteps; i++)
		log_step(&p->steps[i], times[i]);
	*napplied += p->nsteps;
	free(times);
	cdb_strv_release(&rows);
	return db->vt->after_step(db);
abort:
	free(times);
	cdb_strv_release(&rows);
	return abort_tx(db);
}

int cdb_runner_migrate(struct cdb_db *db, const struct cdb_graph *g, enum cdb_direction dir,
                       const char *target, size_t *napplied)
{
	struct cdb_strv rows = CDB_STRV_INIT;
	struct cdb_plan plan;
	size_t count = 0;
	int ret;

	memset(&plan, 0, sizeof plan);
	ret = cdb_runner_ensure_tables(db);
	if (ret)
		goto done;
	/* Plan outside the lock to resolve the target once: "-1" must not move again after a retry. */
	ret = runner_read_rows(&rows, db);
	if (ret)
		goto done;
	ret = cdb_plan_build(&plan, g, dir, target, (const char *const *)rows.v, rows.n);
	if (ret || plan.nsteps == 0)
		goto done; /* already there: no need to take the lock */
	if (db->cfg->transaction == CDB_TX_ALL)
		ret = migrate_all(db, g, &plan, &count);
	else
		ret = migrate_per_revision(db, g, &plan, &count);
done:
	if (napplied)
		*napplied = count;
	cdb_plan_release(&plan);
	cdb_strv_release(&rows);
	return ret;
}

/* ---- --sql ---- */

int cdb_runner_script(struct cdb_buf *out, const struct cdb_dialect *d,
                      const struct cdb_config *cfg, const struct cdb_graph *g,
                      enum cdb_direction dir, const char *target,
                      const char *const *from, size_t nfrom)
{
	struct cdb_plan plan;
	bool all = cfg->transaction == CDB_TX_ALL;
	int ret;

	ret = cdb_plan_build(&plan, g, dir, target, from, nfrom);
	if (ret)
		goto done;
	if (d->script_prologue)
		cdb_buf_printf(out, "%s\n", d->script_prologue);
	cdb_buf_puts(out, "-- cdb tables\n");
	d->version_tables_sql(out, cfg);
	cdb_buf_putc(out, '\n');
	if (all)
		cdb_buf_puts(out, "BEGIN;\n\n");
	for (size_t i = 0; i < plan.nsteps; i++) {
		struct cdb_step *st = &plan.steps[i];
		const char *sql;

		ret = cdb_revision_load_body(st->rev, (struct cdb_arena *)&g->arena);
		if (ret)
			goto done;
		sql = st->dir == CDB_UP ? st->rev->upgrade_sql : st->rev->downgrade_sql;
		cdb_buf_puts(out, "-- ");
		describe_step(out, st);
		cdb_buf_putc(out, '\n');
		if (!all && !st->rev->no_transaction)
			cdb_buf_puts(out, "BEGIN;\n");
		{
			/* the body without its trailing blank lines; an empty body adds nothing */
			size_t n = strlen(sql);

			while (n > 0 && isspace((unsigned char)sql[n - 1]))
				n--;
			if (n) {
				cdb_buf_put(out, sql, n);
				cdb_buf_putc(out, '\n');
			}
		}
		version_sql(out, d, cfg, st);
		history_sql(out, d, cfg, st, 0);
		if (!all && !st->rev->no_transaction) {
			if (d->script_check)
				cdb_buf_puts(out, d->script_check);
			cdb_buf_puts(out, "COMMIT;\n");
		}
		cdb_buf_putc(out, '\n');
	}
	if (all) {
		if (d->script_check)
			cdb_buf_puts(out, d->script_check);
		cdb_buf_puts(out, "COMMIT;\n");
	}
	if (d->script_epilogue)
		cdb_buf_printf(out, "%s%s", all ? "\n" : "", d->script_epilogue);
done:
	cdb_plan_release(&plan);
	return ret;
}
