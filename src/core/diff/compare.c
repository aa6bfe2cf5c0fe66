/* compare.c - equality of names, optional strings and SQL text as the diff sees it */
#include <string.h>
#include <strings.h>

#include "cdb/sqltok.h"
#include "diff_priv.h"

bool name_eq(const struct ctx *c, const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return c->ci ? !strcasecmp(a, b) : !strcmp(a, b);
}

bool opt_eq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return !strcmp(a, b);
}

bool opt_ieq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return !strcasecmp(a, b);
}

/* SQL text compared in normal form; one pair of wrapping parentheses does not count. */
bool sql_eq(const struct ctx *c, const char *a, const char *b)
{
	struct cdb_buf na = CDB_BUF_INIT, nb = CDB_BUF_INIT;
	bool eq;

	if (!a || !b)
		return a == b;
	if (!strcmp(a, b))
		return true;
	cdb_sql_normalize(&na, a, strlen(a), c->ci);
	cdb_sql_normalize(&nb, b, strlen(b), c->ci);
	eq = !strcmp(na.ptr, nb.ptr);
	if (!eq) {
		/* "(0)" and "0" are one default */
		const char *pa = na.ptr, *pb = nb.ptr;
		size_t la = na.len, lb = nb.len;

		if (la > 4 && !strncmp(pa, "( ", 2) && !strcmp(pa + la - 2, " )")) {
			pa += 2;
			la -= 4;
		}
		if (lb > 4 && !strncmp(pb, "( ", 2) && !strcmp(pb + lb - 2, " )")) {
			pb += 2;
			lb -= 4;
		}
		eq = la == lb && !strncmp(pa, pb, la);
	}
	cdb_buf_release(&na);
	cdb_buf_release(&nb);
	return eq;
}

/* Collations: SQLite's BINARY is the default. */
bool collation_eq(const struct ctx *c, const char *a, const char *b)
{
	if (c->ci) {
		if (a && !strcasecmp(a, "BINARY"))
			a = NULL;
		if (b && !strcasecmp(b, "BINARY"))
			b = NULL;
		return opt_ieq(a, b);
	}
	return opt_eq(a, b);
}

const char *qual(struct cdb_arena *a, const char *schema, const char *name)
{
	return schema ? cdb_arena_sprintf(a, "%s.%s", schema, name) : name;
}

bool strlist_eq(char **a, size_t na, char **b, size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++)
		if (strcmp(a[i], b[i]) != 0)
			return false;
	return true;
}

/* Does column type text (format_type: "status", "billing.status", "status[]") name enum e? */
bool type_is_enum(const char *type, const struct cdb_enum *e)
{
	char buf[256];
	size_t n = 0;

	if (!type)
		return false;
	for (const char *p = type; *p && *p != '[' && n + 1 < sizeof(buf); p++)
		if (*p != '"')
			buf[n++] = *p;
	buf[n] = 0;
	if (!strcmp(buf, e->name))
		return true;
	return e->schema && !strncmp(buf, e->schema, strlen(e->schema)) && buf[strlen(e->schema)] == '.' &&
	       !strcmp(buf + strlen(e->schema) + 1, e->name);
}

