/* config.c - cdb.ini, database URLs and their precedence (see include/cdb/config.h) */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <ini.h>

#include "cdb/alloc.h"
#include "cdb/buf.h"
#include "cdb/config.h"
#include "cdb/error.h"
#include "cdb/path.h"

#define DEFAULT_URL "sqlite:///app.db"
#define ACCEPTED_SCHEMES "sqlite, postgresql, postgres, postgresql+DRIVER"

/* ---- URLs ---- */

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Percent-decode `n` bytes of `s` (SQLAlchemy quotes '@', ':' and '/' in passwords). */
static char *pct_decode(const char *s, size_t n)
{
	char *out = xmalloc(n + 1), *o = out;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%' && i + 2 < n &&
		    hexval((unsigned char)s[i + 1]) >= 0 && hexval((unsigned char)s[i + 2]) >= 0) {
			*o++ = (char)(hexval((unsigned char)s[i + 1]) * 16 + hexval((unsigned char)s[i + 2]));
			i += 2;
		} else {
			*o++ = s[i];
		}
	}
	*o = '\0';
	return out;
}

/* Where the authority part of `url` (after "://") ends. */
static const char *authority_end(const char *auth)
{
	return auth + strcspn(auth, "/?#");
}

/* Appends the query `q` (after '?') with the value of every password=... as "***". */
static void mask_query(struct cdb_buf *b, const char *q)
{
	while (*q) {
		size_t n = strcspn(q, "&#");
		const char *eq = memchr(q, '=', n);

		if (eq && (size_t)(eq - q) == 8 && !strncasecmp(q, "password", 8)) {
			cdb_buf_put(b, q, 9);
			cdb_buf_puts(b, "***");
		} else {
			cdb_buf_put(b, q, n);
		}
		q += n;
		if (*q == '#') {
			cdb_buf_puts(b, q);
			return;
		}
		if (*q == '&')
			cdb_buf_putc(b, *q++);
	}
}

/* libpq also takes the password as a query parameter: mask it there too. */
char *cdb_url_mask(const char *url)
{
	const char *sep = strstr(url, "://"), *auth, *end, *at, *colon;
	struct cdb_buf b = CDB_BUF_INIT;

	if (!sep)
		return xstrdup(url);
	auth = sep + 3;
	end = authority_end(auth);
	at = NULL;
	for (const char *p = auth; p < end; p++)
		if (*p == '@')
			at = p;
	colon = at ? memchr(auth, ':', (size_t)(at - auth)) : NULL;
	if (colon) {
		cdb_buf_put(&b, url, (size_t)(colon + 1 - url));
		cdb_buf_puts(&b, "***");
		cdb_buf_put(&b, at, (size_t)(end - at));
	} else {
		cdb_buf_put(&b, url, (size_t)(end - url));
	}
	{
		const char *q = end + strcspn(end, "?#");

		cdb_buf_put(&b, end, (size_t)(q - end));
		if (*q == '?') {
			cdb_buf_putc(&b, '?');
			mask_query(&b, q + 1);
		} else {
			cdb_buf_puts(&b, q);
		}
	}
	return cdb_buf_detach(&b);
}

void cdb_url_release(struct cdb_url *u)
{
	free(u->raw);
	free(u->path);
	free(u->user);
	free(u->password);
	free(u->host);
	free(u->port);
	free(u->dbname);
	for (int i = 0; i < u->nparams; i++) {
		free(u->param_keys[i]);
		free(u->param_values[i]);
	}
	free(u->param_keys);
	free(u->param_values);
	memset(u, 0, sizeof *u);
}

static int parse_query(struct cdb_url *u, const char *q, const char *masked)
{
	while (*q) {
		size_t n = strcspn(q, "&");
		const char *eq = memchr(q, '=', n);

		if (n == 0) {
			q++;
			continue;
		}
		if (!eq || eq == q)
			return cdb_error_set(CDB_EINVALID,
			                     "invalid database URL '%s': query parameter '%.*s' is not key=value",
			                     masked, (int)n, q);
		u->param_keys = xrealloc(u->param_keys, sizeof(char *) * (size_t)(u->nparams + 1));
		u->param_values = xrealloc(u->param_values, sizeof(char *) * (size_t)(u->nparams + 1));
		u->param_keys[u->nparams] = pct_decode(q, (size_t)(eq - q));
		u->param_values[u->nparams] = pct_decode(eq + 1, (size_t)(q + n - eq - 1));
		u->nparams++;
		q += n;
		if (*q == '&')
			q++;
	}
	return 0;
}

static int parse_sqlite(struct cdb_url *u, const char *rest, const char *base_dir,
                        const char *masked)
{
	size_t n = strcspn(rest, "?");
	char *file;
	int ret = 0;

	/* sqlite:// is memory, sqlite:///x is relative, sqlite:////x absolute. */
	if (n == 0) {
		u->path = NULL;
	} else if (rest[0] != '/') {
		return cdb_error_set(CDB_EINVALID,
		                     "invalid database URL '%s': a SQLite URL has three slashes before a relative path and four before an absolute one",
		                     masked);
	} else if (n == 1) {
		return cdb_error_set(CDB_EINVALID, "invalid database URL '%s': no file name", masked);
	} else {
		file = pct_decode(rest + 1, n - 1);
		if (!strcmp(file, ":memory:")) {
			u->path = NULL;
		} else {
			u->path = cdb_path_absolute(file, base_dir);
			if (!u->path)
				ret = cdb_error_set(CDB_ERROR, "cannot resolve '%s': %s", file,
				                    strerror(errno));
		}
		free(file);
		if (ret)
			return ret;
	}
	if (rest[n] == '?')
		return parse_query(u, rest + n + 1, masked);
	return 0;
}

static int parse_postgres(struct cdb_url *u, const char *rest, const char *masked)
{
	const char *end = authority_end(rest), *at = NULL, *hostp, *p;
	int ret;

	for (p = rest; p < end; p++)
		if (*p == '@')
			at = p;
	hostp = rest;
	if (at) {
		const char *colon = memchr(rest, ':', (size_t)(at - rest));

		if (colon) {
			u->user = pct_decode(rest, (size_t)(colon - rest));
			u->password = pct_decode(colon + 1, (size_t)(at - colon - 1));
		} else {
			u->user = pct_decode(rest, (size_t)(at - rest));
		}
		if (!u->user[0]) {
			free(u->user);
			u->user = NULL;
		}
		hostp = at + 1;
	}
	if (hostp < end) {
		const char *hend = end, *colon = NULL;

		if (*hostp == '[') {
			const char *close = memchr(hostp, ']', (size_t)(end - hostp));

			if (!close)
				return cdb_error_set(CDB_EINVALID,
				                     "invalid database URL '%s': unclosed '[' in host", masked);
			u->host = xstrndup(hostp + 1, (size_t)(close - hostp - 1));
			if (close + 1 < end) {
				if (close[1] != ':')
					return cdb_error_set(CDB_EINVALID,
					                     "invalid database URL '%s': junk after ']'", masked);
				colon = close + 1;
			}
		} else {
			colon = memchr(hostp, ':', (size_t)(end - hostp));
			hend = colon ? colon : end;
			if (hend > hostp)
				u->host = pct_decode(hostp, (size_t)(hend - hostp));
		}
		if (colon) {
			const char *ps = colon + 1;

			if (ps == end)
				return cdb_error_set(CDB_EINVALID,
				                     "invalid database URL '%s': empty port", masked);
			for (p = ps; p < end; p++)
				if (!isdigit((unsigned char)*p))
					return cdb_error_set(CDB_EINVALID,
					                     "invalid database URL '%s': port '%.*s' is not a number",
					                     masked, (int)(end - ps), ps);
			u->port = xstrndup(ps, (size_t)(end - ps));
		}
	}
	if (*end == '/') {
		size_t n = strcspn(end + 1, "?#");

		if (n)
			u->dbname = pct_decode(end + 1, n);
		end = end + 1 + n;
	}
	if (*end == '?') {
		size_t n = strcspn(end + 1, "#");
		char *q = xstrndup(end + 1, n);

		ret = parse_query(u, q, masked);
		free(q);
		if (ret)
			return ret;
	}
	return 0;
}

int cdb_url_parse(struct cdb_url *out, const char *url, const char *base_dir)
{
	const char *sep;
	char *masked = cdb_url_mask(url), *scheme = NULL, *plus;
	int ret = 0;

	memset(out, 0, sizeof *out);
	out->raw = xstrdup(url);
	sep = strstr(url, "://");
	if (!sep || sep == url) {
		ret = cdb_error_set(CDB_EINVALID,
		                    "invalid database URL '%s': expected SCHEME://..., e.g. sqlite:///app.db",
		                    masked);
		goto done;
	}
	scheme = xstrndup(url, (size_t)(sep - url));
	for (char *c = scheme; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	/* The driver suffix (postgresql+psycopg2) means nothing to cdb. */
	plus = strchr(scheme, '+');
	if (plus)
		*plus = '\0';
	if (!strcmp(scheme, "sqlite") || !strcmp(scheme, "sqlite3")) {
		out->kind = CDB_URL_SQLITE;
		ret = parse_sqlite(out, sep + 3, base_dir, masked);
	} else if (!strcmp(scheme, "postgresql") || !strcmp(scheme, "postgres") ||
	           !strcmp(scheme, "pgsql")) {
		out->kind = CDB_URL_POSTGRES;
		ret = parse_postgres(out, sep + 3, masked);
	} else {
		ret = cdb_error_set(CDB_EINVALID, "unsupported database URL scheme '%.*s' in '%s'",
		                    (int)(sep - url), url, masked);
		cdb_error_hint("accepted schemes: " ACCEPTED_SCHEMES);
	}
done:
	if (ret)
		cdb_url_release(out);
	free(scheme);
	free(masked);
	return ret;
}

/* ---- cdb.ini ---- */

struct ini_ctx {
	struct cdb_config *cfg;
	char *url;             /* database_url from the file, NULL: not set */
	int error;             /* first failure: code */
	char *message;         /* first failure: message without file:line */
	bool in_cdb;           /* inside [cdb] */
};

static void set_str(char **dst, const char *value, bool empty_is_null)
{
	free(*dst);
	*dst = (empty_is_null && !value[0]) ? NULL : xstrdup(value);
}

static bool parse_int(const char *v, int lo, int hi, int *out)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (errno || end == v || *end || n < lo || n > hi)
		return false;
	*out = (int)n;
	return true;
}

static int on_ini_key(void *user, const char *section, const char *name, const char *value)
{
	struct ini_ctx *c = user;
	struct cdb_config *cfg = c->cfg;
	char *msg = NULL;

	if (c->error)
		return 1;
	if (strcmp(section, "cdb")) {
		msg = xasprintf("unknown section '[%s]' (cdb reads only [cdb])", section);
		goto fail;
	}
	if (!strcmp(name, "database_url")) {
		set_str(&c->url, value, true);
	} else if (!strcmp(name, "models")) {
		set_str(&cfg->models_dir, value[0] ? value : "models", false);
	} else if (!strcmp(name, "migrations")) {
		set_str(&cfg->migrations_dir, value[0] ? value : "migrations", false);
	} else if (!strcmp(name, "version_table") || !strcmp(name, "history_table")) {
		if (!value[0]) {
			msg = xasprintf("'%s' must not be empty", name);
			goto fail;
		}
		set_str(name[0] == 'v' ? &cfg->version_table : &cfg->history_table, value, false);
	} else if (!strcmp(name, "exclude")) {
		set_str(&cfg->exclude, value, true);
	} else if (!strcmp(name, "schemas")) {
		set_str(&cfg->schemas, value, true);
	} else if (!strcmp(name, "shadow_url")) {
		set_str(&cfg->shadow_url, value, true);
	} else if (!strcmp(name, "file_template")) {
		set_str(&cfg->file_template, value[0] ? value : "%(rev)s_%(slug)s", false);
	} else if (!strcmp(name, "truncate_slug_length")) {
		if (!parse_int(value, 0, 1000, &cfg->truncate_slug_length)) {
			msg = xasprintf("truncate_slug_length '%s' is not a number from 0 to 1000", value);
			goto fail;
		}
	} else if (!strcmp(name, "lock_timeout")) {
		if (!parse_int(value, 0, 86400 * 365, &cfg->lock_timeout)) {
			msg = xasprintf("lock_timeout '%s' is not a number of seconds", value);
			goto fail;
		}
	} else if (!strcmp(name, "transaction")) {
		if (!strcmp(value, "per-revision")) {
			cfg->transaction = CDB_TX_PER_REVISION;
		} else if (!strcmp(value, "all")) {
			cfg->transaction = CDB_TX_ALL;
		} else {
			msg = xasprintf("transaction '%s' is not 'per-revision' or 'all'", value);
			goto fail;
		}
	} else {
		msg = xasprintf("unknown key '%s' in [cdb]", name);
		goto fail;
	}
	return 1;
fail:
	c->error = CDB_EINVALID;
	c->message = msg;
	return 0;
}

/*
 * inih does not call the handler for a section without keys, so an unknown
 * empty section is found by scanning the text; returns its line or 0.
 */
static int find_bad_section(const char *text, char **name)
{
	int line = 1;

	for (const char *p = text; *p; line++) {
		const char *eol = strchr(p, '\n');
		size_t n = eol ? (size_t)(eol - p) : strlen(p);
		const char *s = p;

		while (s < p + n && isspace((unsigned char)*s))
			s++;
		if (s < p + n && *s == '[') {
			const char *close = memchr(s, ']', (size_t)(p + n - s));

			if (close && (close - s - 1 != 3 || strncmp(s + 1, "cdb", 3))) {
				*name = xstrndup(s + 1, (size_t)(close - s - 1));
				return line;
			}
		}
		if (!eol)
			break;
		p = eol + 1;
	}
	return 0;
}

static char *resolve_dir(const char *value, const char *dir)
{
	char *abs = cdb_path_absolute(value, dir);

	return abs ? abs : xstrdup(value);
}

/*
 * A relative SQLite path becomes absolute against `base`, so the URL means
 * the same file whatever directory cdb later runs in; other URLs are kept.
 */
static int absolutize_url(char **out, const char *url, const char *base)
{
	struct cdb_url u;
	int ret = cdb_url_parse(&u, url, base);

	if (ret)
		return ret;
	if (u.kind == CDB_URL_SQLITE && u.path) {
		const char *q = strchr(strstr(url, "://") + 3, '?');

		*out = xasprintf("sqlite:///%s%s", u.path, q ? q : "");
	} else {
		*out = xstrdup(url);
	}
	cdb_url_release(&u);
	return 0;
}

static void finish_paths(struct cdb_config *cfg)
{
	char *p;

	p = resolve_dir(cfg->models_dir, cfg->dir);
	free(cfg->models_dir);
	cfg->models_dir = p;
	p = resolve_dir(cfg->migrations_dir, cfg->dir);
	free(cfg->migrations_dir);
	cfg->migrations_dir = p;
	free(cfg->versions_dir);
	cfg->versions_dir = cdb_path_join(cfg->migrations_dir, "versions");
	free(cfg->template_file);
	cfg->template_file = cdb_path_join(cfg->migrations_dir, "script.sql.tmpl");
}

void cdb_config_defaults(struct cdb_config *out, const char *dir)
{
	memset(out, 0, sizeof *out);
	out->dir = resolve_dir(dir ? dir : ".", NULL);
	out->database_url_given = xstrdup(DEFAULT_URL);
	out->database_url_source = "default";
	if (absolutize_url(&out->database_url, DEFAULT_URL, out->dir))
		out->database_url = xstrdup(DEFAULT_URL);
	out->models_dir = xstrdup("models");
	out->migrations_dir = xstrdup("migrations");
	out->version_table = xstrdup("cdb_version");
	out->history_table = xstrdup("cdb_history");
	out->file_template = xstrdup("%(rev)s_%(slug)s");
	out->truncate_slug_length = 40;
	out->lock_timeout = 60;
	out->transaction = CDB_TX_PER_REVISION;
	finish_paths(out);
}

void cdb_config_release(struct cdb_config *c)
{
	free(c->file);
	free(c->dir);
	free(c->database_url);
	free(c->database_url_given);
	free(c->models_dir);
	free(c->migrations_dir);
	free(c->versions_dir);
	free(c->template_file);
	free(c->version_table);
	free(c->history_table);
	free(c->exclude);
	free(c->schemas);
	free(c->shadow_url);
	free(c->file_template);
	memset(c, 0, sizeof *c);
}

/* cdb.ini in the current directory or the nearest parent; NULL when none. */
static char *discover(void)
{
	char *dir = cdb_path_absolute(".", NULL);

	while (dir) {
		char *candidate = cdb_path_join(dir, "cdb.ini");
		char *parent;

		if (cdb_path_exists(candidate) && !cdb_path_is_dir(candidate)) {
			free(dir);
			return candidate;
		}
		free(candidate);
		if (!strcmp(dir, "/"))
			break;
		parent = cdb_path_dirname(dir);
		free(dir);
		dir = parent;
	}
	free(dir);
	return NULL;
}

int cdb_config_load(struct cdb_config *out, const char *explicit_file, const char *url_flag)
{
	struct ini_ctx ctx = { 0 };
	struct cdb_buf text = CDB_BUF_INIT;
	char *file = NULL, *dir = NULL, *badsec = NULL;
	const char *env = getenv("CDB_DATABASE_URL");
	int ret = 0, line;

	memset(out, 0, sizeof *out);
	if (explicit_file) {
		file = cdb_path_absolute(explicit_file, NULL);
		if (!file)
			file = xstrdup(explicit_file);
	} else {
		file = discover();
		if (!file) {
			char *cwd = cdb_path_absolute(".", NULL);

			ret = cdb_error_set(CDB_ENOTFOUND,
			                    "no cdb.ini in '%s' or any parent directory", cwd ? cwd : ".");
			cdb_error_hint("run 'cdb init' to create a project, or pass -c FILE");
			free(cwd);
			goto done;
		}
	}
	ret = cdb_path_read(&text, file);
	if (ret) {
		if (ret == CDB_ENOTFOUND)
			cdb_error_hint("run 'cdb init' to create a project");
		goto done;
	}
	if (cdb_path_is_dir(file)) {
		ret = cdb_error_set(CDB_EINVALID, "'%s' is a directory, not a cdb.ini file",
		                    cdb_path_display(file));
		goto done;
	}
	dir = cdb_path_dirname(file);
	cdb_config_defaults(out, dir);
	free(out->file);
	out->file = xstrdup(file);

	ctx.cfg = out;
	line = ini_parse_string(text.ptr, on_ini_key, &ctx);
	if (line < 0) {
		ret = cdb_error_set(CDB_ERROR, "cannot read '%s'", cdb_path_display(file));
		goto done;
	}
	if (line > 0) {
		if (ctx.message)
			ret = cdb_error_set(CDB_EINVALID, "%s:%d: %s", cdb_path_display(file), line,
			                    ctx.message);
		else
			ret = cdb_error_set(CDB_EINVALID, "%s:%d: malformed line (expected key = value or [cdb])",
			                    cdb_path_display(file), line);
		goto done;
	}
	line = find_bad_section(text.ptr, &badsec);
	if (line) {
		ret = cdb_error_set(CDB_EINVALID, "%s:%d: unknown section '[%s]' (cdb reads only [cdb])",
		                    cdb_path_display(file), line, badsec);
		goto done;
	}
	finish_paths(out);

	/* -d > CDB_DATABASE_URL > cdb.ini > default */
	{
		const char *url = DEFAULT_URL, *base = out->dir;
		char *abs = NULL;

		out->database_url_source = "default";
		if (url_flag && url_flag[0]) {
			url = url_flag;
			base = NULL;
			out->database_url_source = "--database";
		} else if (env && env[0]) {
			url = env;
			base = NULL;
			out->database_url_source = "CDB_DATABASE_URL";
		} else if (ctx.url) {
			url = ctx.url;
			out->database_url_source = "cdb.ini";
		}
		ret = absolutize_url(&abs, url, base);
		if (ret) {
			if (!strcmp(out->database_url_source, "cdb.ini"))
				cdb_error_prefix("%s", cdb_path_display(file));
			else if (strcmp(out->database_url_source, "default"))
				cdb_error_prefix("%s", out->database_url_source);
			goto done;
		}
		free(out->database_url);
		out->database_url = abs;
		free(out->database_url_given);
		out->database_url_given = xstrdup(url);
	}
done:
	if (ret && out->dir)
		cdb_config_release(out);
	free(ctx.url);
	free(ctx.message);
	free(badsec);
	free(file);
	free(dir);
	cdb_buf_release(&text);
	return ret;
}
