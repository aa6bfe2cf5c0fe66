/* dialect.c - open a database by its URL scheme; quoting wrappers */
#include <stdlib.h>
#include <string.h>

#include "cdb/dialect.h"

/*
 * The dialects cdb knows, by URL kind. cdb_url_parse() has already
 * rejected unknown schemes with the list of known ones.
 */
static const struct cdb_dialect *dialect_for(enum cdb_url_kind kind)
{
	switch (kind) {
	case CDB_URL_SQLITE:
		return &cdb_sqlite_dialect;
	case CDB_URL_POSTGRES:
		return &cdb_postgres_dialect;
	}
	return NULL;
}

/*
 * A relative SQLite path from cdb.ini (or the default URL) is relative to
 * the directory holding cdb.ini; from -d or the environment, to the cwd.
 */
static const char *url_base(const char *url, const struct cdb_config *cfg)
{
	const char *src;

	if (!cfg || !cfg->database_url || strcmp(url, cfg->database_url) != 0)
		return cfg ? cfg->dir : NULL;
	src = cfg->database_url_source;
	if (src && (strcmp(src, "cdb.ini") == 0 || strcmp(src, "default") == 0))
		return cfg->dir;
	return NULL;
}

int cdb_db_open(struct cdb_db **out, const char *url, const struct cdb_config *cfg)
{
	const struct cdb_dialect *vt;
	struct cdb_url u;
	int rc;

	*out = NULL;
	rc = cdb_url_parse(&u, url, url_base(url, cfg));
	if (rc < 0)
		return rc;
	vt = dialect_for(u.kind);
	if (!vt) {
		char *masked = cdb_url_mask(url);
		rc = cdb_error_set(CDB_EINVALID, "database URL '%s': this build of cdb has no %s support",
		                   masked, u.kind == CDB_URL_POSTGRES ? "PostgreSQL" : "such");
		free(masked);
		goto done;
	}
	rc = vt->open(out, &u, cfg);
	if (rc == 0) {
		(*out)->vt = vt;
		(*out)->cfg = cfg;
	}
done:
	cdb_url_release(&u);
	return rc;
}

void cdb_db_close(struct cdb_db *db)
{
	if (db)
		db->vt->close(db);
}

void cdb_quote_ident(const struct cdb_db *db, struct cdb_buf *b, const char *ident)
{
	db->vt->quote_ident(b, ident);
}

void cdb_quote_literal(const struct cdb_db *db, struct cdb_buf *b, const char *lit)
{
	db->vt->quote_literal(b, lit);
}

void cdb_exec_error_release(struct cdb_exec_error *e)
{
	free(e->statement);
	e->statement = NULL;
	e->line = 0;
}
