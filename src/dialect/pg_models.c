/*
 * pg_models.c - loading the model files on PostgreSQL: in the target
 * itself inside a transaction that is rolled back when it is empty,
 * otherwise in a shadow database, then reading the schema they make
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "cdb/config.h"
#include "cdb/error.h"
#include "cdb/log.h"
#include "cdb/path.h"
#include "pg_db_priv.h"

/*
 * pg_dump (15.14 and later) brackets its output with the psql meta-commands
 * \restrict KEY and \unrestrict KEY, which are not SQL. Blank those lines,
 * keeping the line count, so a pasted dump loads as a model file and errors
 * still point at the right line. Any other meta-command is left for the
 * server to reject at its line.
 */
static void blank_psql_restrict(char *text)
{
	char *line = text;

	while (line && *line) {
		char *end = strchr(line, '\n');

		if (!strncmp(line, "\\restrict", 9) || !strncmp(line, "\\unrestrict", 11)) {
			char *stop = end ? end : line + strlen(line);

			memset(line, ' ', (size_t)(stop - line));
		}
		line = end ? end + 1 : NULL;
	}
}

/*
 * The first word of a statement (after blanks and comments) is one that
 * ends or nests a transaction: such a model cannot be run inside cdb's own
 * transaction in the target database.
 */
static bool controls_transaction(const char *s, size_t n)
{
	static const char *const words[] = {
		"begin", "start", "commit", "end", "rollback", "abort", "savepoint", "release", "prepare",
	};
	const char *e = s + n;
	const char *w;

	while (s < e) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '(')
			s++;
		else if (s + 1 < e && s[0] == '-' && s[1] == '-')
			while (s < e && *s != '\n')
				s++;
		else if (s + 1 < e && s[0] == '/' && s[1] == '*')
			s = pg_skip_block_comment(s);
		else
			break;
	}
	for (w = s; w < e && pg_is_ident_char(*w);)
		w++;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (pg_word_is(s, (size_t)(w - s), words[i]))
			return true;
	return false;
}

/*
 * More statements than this do not run in the target's transaction: every
 * relation they create stays locked until its end, and the server's lock
 * table (max_locks_per_transaction, 64 per connection by default) runs out
 * at a few thousand; a schema that large also pays for a database of its
 * own only a small part of its cost.
 */
#define TARGET_MAX_STATEMENTS 500

/*
 * Whether the models may run inside cdb's transaction in the target: no
 * statement ends or nests a transaction, and there are not too many.
 */
static bool fit_one_transaction(const struct cdb_buf *texts, size_t nfiles)
{
	size_t n = 0;

	for (size_t i = 0; i < nfiles; i++) {
		for (const char *p = texts[i].ptr; p && *p;) {
			size_t len = pg_statement_length(p);

			if (!pg_blank_sql(p, len) && (controls_transaction(p, len) || ++n > TARGET_MAX_STATEMENTS))
				return false;
			p += len;
		}
	}
	return true;
}

/*
 * Whether the database holds nothing of anybody's but cdb's own tables:
 * every object a fresh database from template0 does not have gets an OID of
 * 16384 (FirstNormalObjectId) or more. Other sessions' temporary objects do
 * not count; database-level settings do, as the models would run under them.
 */
static const char pristine_sql[] =
	"SELECT NOT ("
	" EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE oid >= 16384"
	"  AND nspname !~ '^pg_(toast_)?temp_')"
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid >= 16384"
	"  AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S', 'c') AND c.relpersistence <> 't'"
	"  AND NOT (c.relkind = 'r' AND c.relname IN ($1, $2))"
	"  AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_catalog.pg_depend d"
	"   JOIN pg_catalog.pg_class t ON t.oid = d.refobjid"
	"   WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid"
	"   AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass"
	"   AND d.deptype IN ('a', 'i') AND t.relname IN ($1, $2))))"
	PG_USER_OBJECTS_SQL
	" OR EXISTS (SELECT 1 FROM pg_catalog.pg_db_role_setting s"
	"  JOIN pg_catalog.pg_database d ON d.oid = s.setdatabase WHERE d.datname = current_database()))";

/*
 * Run the model texts into `into`; a failure names file:line.
 *
 * Inside the caller's transaction (the empty target), each file goes as one
 * message, one round trip instead of one per statement; a failure there is
 * CDB_EINVALID with no line, and the caller loads the models into a
 * database of their own. There, outside a transaction, the statements run
 * one by one in autocommit: a multi-statement message would be one
 * implicit transaction, which holds a lock on every relation it creates
 * until its end and refuses CREATE INDEX CONCURRENTLY or a new enum label
 * used at once; one by one, a failure names its statement's line.
 */
static int run_models(struct pg_db *into, const struct cdb_buf *texts, const char *const *files,
                      size_t nfiles)
{
	bool in_tx = PQtransactionStatus(into->conn) == PQTRANS_INTRANS;

	for (size_t i = 0; i < nfiles; i++) {
		struct cdb_exec_error err = {0};
		int rc;

		if (in_tx) {
			PGresult *failed = NULL;

			rc = pg_run_one(into, texts[i].ptr, &failed);
			PQclear(failed);
			if (rc == 0)
				rc = pg_check_signalled();
			if (rc && !pg_signalled)
				rc = CDB_EINVALID;
			if (rc)
				return rc;
			continue;
		}
		rc = pg_exec_script(into, texts[i].ptr, &err);
		if (rc) {
			if (!pg_signalled) {
				cdb_error_prefix("%s:%d", cdb_path_display(files[i]), err.line);
				rc = CDB_EINVALID;
			}
			free(err.statement);
			return rc;
		}
	}
	return 0;
}

/*
 * Load the models into the target itself, inside a transaction that is
 * always rolled back, and read them there. Returns 0 (read), 1 (not done:
 * the caller uses a shadow database) or an error.
 */
static int load_in_target(struct cdb_schema *out, struct pg_db *db, const struct cdb_buf *texts,
                          const char *const *files, size_t nfiles,
                          const struct cdb_introspect_opts *o)
{
	const char *names[2];
	struct pg_flag_row pristine = {0};
	struct cdb_buf sql = CDB_BUF_INIT;
	int rc;

	if (PQtransactionStatus(db->conn) != PQTRANS_IDLE || !fit_one_transaction(texts, nfiles))
		return 1;
	names[0] = o && o->version_table ? o->version_table : "cdb_version";
	names[1] = o && o->history_table ? o->history_table : "cdb_history";
	/* Ctrl-C cancels the running statement; the rollback below still runs. */
	pg_guard_enter();
	pg_guard_watch(db->conn);
	/*
	 * One snapshot for the whole read: what others commit meanwhile is not
	 * seen, so it cannot pass for part of the models.
	 */
	cdb_buf_printf(&sql, "BEGIN ISOLATION LEVEL REPEATABLE READ; SET LOCAL lock_timeout = '%ds'",
	               db->lock_timeout);
	rc = pg_run_sql(db, sql.ptr);
	cdb_buf_release(&sql);
	if (rc == 0)
		rc = pg_query(db, pristine_sql, names, 2, pg_flag_row, &pristine);
	if (rc == 0 && !pristine.yes)
		rc = 1;
	if (rc == 0) {
		rc = run_models(db, texts, files, nfiles);
		if (rc == 0)
			rc = pg_introspect(out, &db->base, o);
		else if (rc == CDB_EINVALID)
			rc = 1; /* e.g. CREATE INDEX CONCURRENTLY: try again in a database of their own */
	}
	/* Whatever happened, nothing of the models stays. */
	{
		int r = pg_run_sql(db, "ROLLBACK");

		if (r && rc >= 0)
			rc = r;
	}
	if (rc == 1) {
		cdb_error_clear();
		cdb_log(CDB_LOG_SQL, "-- the models need a database of their own");
	}
	pg_guard_leave(); /* dies of a signal that came meanwhile */
	return rc;
}

int pg_load_models(struct cdb_schema *out, struct cdb_db *base, const struct cdb_config *cfg,
                          const char *const *files, size_t nfiles, const struct cdb_introspect_opts *o)
{
	struct pg_db *db = pg_of(base);
	struct pg_db *shadow = NULL;
	struct cdb_buf *texts = xcalloc(nfiles ? nfiles : 1, sizeof *texts);
	bool shadow_url = cfg && cfg->shadow_url && *cfg->shadow_url;
	int rc = 0;

	for (size_t i = 0; i < nfiles && rc == 0; i++) {
		rc = cdb_path_read(&texts[i], files[i]);
		if (rc == 0)
			blank_psql_restrict(texts[i].ptr);
	}
	if (rc)
		goto done;
	/*
	 * An empty target needs no database of its own: what the models create
	 * there is rolled back, and creating a database costs more than a
	 * small schema. A configured shadow_url is always used.
	 */
	if (!shadow_url) {
		rc = load_in_target(out, db, texts, files, nfiles, o);
		if (rc <= 0)
			goto done;
	}
	if (shadow_url)
		rc = pg_open_shadow_url(&shadow, cfg, base->echo, db);
	else
		rc = pg_create_temp_db(&shadow, db);
	if (rc)
		goto done;
	/*
	 * The shadow database is thrown away: its autocommitted statements need
	 * not wait for the WAL to reach the disk (a user may set this).
	 */
	if (pg_run_sql(shadow, "SET synchronous_commit = off"))
		cdb_error_clear();
	rc = run_models(shadow, texts, files, nfiles);
	if (rc == 0)
		rc = pg_introspect(out, &shadow->base, o);
	pg_close(&shadow->base);
done:
	for (size_t i = 0; i < nfiles; i++)
		cdb_buf_release(&texts[i]);
	free(texts);
	return rc;
}
