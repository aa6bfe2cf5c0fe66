/*
 * config.h - cdb.ini, database URLs and their precedence (DESIGN §2)
 */
#ifndef CDB_CONFIG_H
#define CDB_CONFIG_H

#include <stdbool.h>

enum cdb_url_kind {
	CDB_URL_SQLITE,
	CDB_URL_POSTGRES,
};

/* A parsed database URL. Strings are malloc'ed; release with cdb_url_release(). */
struct cdb_url {
	enum cdb_url_kind kind;
	char *raw;         /* the URL as given */
	/* SQLite */
	char *path;        /* file path, resolved against the base directory; NULL: in memory */
	/* PostgreSQL (NULL: not given, libpq defaults/environment apply) */
	char *user, *password, *host, *port, *dbname;
	char **param_keys, **param_values; /* query parameters (sslmode=..., ...) */
	int nparams;
};

/*
 * Parse `url`. A relative SQLite path is resolved against `base_dir`
 * (NULL: the current directory). Accepts sqlite:///rel, sqlite:////abs,
 * sqlite:// (memory), postgresql://, postgres://, postgresql+driver://.
 * Returns 0, or CDB_EINVALID naming the URL (password masked).
 */
int cdb_url_parse(struct cdb_url *out, const char *url, const char *base_dir);
void cdb_url_release(struct cdb_url *u);

/* The URL with its password (user:PASSWORD@ or ?password=) replaced by "***" (malloc'ed). */
char *cdb_url_mask(const char *url);

enum cdb_tx_mode {
	CDB_TX_PER_REVISION, /* one transaction per revision (default) */
	CDB_TX_ALL,          /* one transaction for the whole run */
};

/* The effective configuration. All strings malloc'ed; paths are absolute. */
struct cdb_config {
	char *file;            /* path of the cdb.ini read, NULL when none */
	char *dir;             /* directory holding cdb.ini (or the cwd) */
	char *database_url;    /* after precedence: -d > CDB_DATABASE_URL > cdb.ini > default;
	                          a relative SQLite path is made absolute here (against dir for
	                          cdb.ini and the default, against the cwd for -d and the
	                          environment), so cdb_url_parse(database_url, NULL) is right */
	char *database_url_given; /* the same URL exactly as written (for messages) */
	const char *database_url_source; /* "--database", "CDB_DATABASE_URL", "cdb.ini" or "default" */
	char *models_dir;      /* absolute */
	char *migrations_dir;  /* absolute */
	char *versions_dir;    /* absolute: <migrations>/versions */
	char *template_file;   /* absolute: <migrations>/script.sql.tmpl */
	char *version_table;   /* default cdb_version */
	char *history_table;   /* default cdb_history */
	char *exclude;         /* comma-separated globs, NULL: none */
	char *schemas;         /* PostgreSQL: comma-separated schema list, NULL: all non-system */
	char *shadow_url;      /* PostgreSQL: scratch database for models, NULL: temporary */
	char *file_template;   /* default %(rev)s_%(slug)s */
	int truncate_slug_length; /* default 40 */
	int lock_timeout;      /* seconds, default 60 */
	enum cdb_tx_mode transaction;
};

/* Fill `out` with the defaults for a project in directory `dir` (no cdb.ini read). */
void cdb_config_defaults(struct cdb_config *out, const char *dir);

/*
 * Find and load the configuration. `explicit_file` is -c (NULL: look for
 * cdb.ini in the current directory and its parents, like git).
 * `url_flag` is -d (NULL: none). Missing cdb.ini is CDB_ENOTFOUND with the
 * hint to run 'cdb init'; a malformed one is CDB_EINVALID naming file:line.
 */
int cdb_config_load(struct cdb_config *out, const char *explicit_file, const char *url_flag);
void cdb_config_release(struct cdb_config *c);

#endif
