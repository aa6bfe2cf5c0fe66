/* schema.c - the in-memory schema model (see include/cdb/schema.h) */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "cdb/schema.h"

void cdb_schema_init(struct cdb_schema *s)
{
	memset(s, 0, sizeof(*s));
	cdb_arena_init(&s->arena);
}

void cdb_schema_release(struct cdb_schema *s)
{
	cdb_arena_release(&s->arena);
	cdb_schema_init(s);
}

/* NULL sorts before any string, so SQLite's NULL schemas keep name order. */
static int cmp_opt(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int cmp_qualified(const char *sa, const char *na, const char *sb, const char *nb)
{
	int c = cmp_opt(sa, sb);

	return c ? c : cmp_opt(na, nb);
}

static int cmp_table(const void *a, const void *b)
{
	const struct cdb_table *x = a, *y = b;

	return cmp_qualified(x->schema, x->name, y->schema, y->name);
}

static int cmp_index(const void *a, const void *b)
{
	const struct cdb_index *x = a, *y = b;

	return cmp_qualified(x->schema, x->name, y->schema, y->name);
}

static int cmp_view(const void *a, const void *b)
{
	const struct cdb_view *x = a, *y = b;

	return cmp_qualified(x->schema, x->name, y->schema, y->name);
}

static int cmp_trigger(const void *a, const void *b)
{
	const struct cdb_trigger *x = a, *y = b;
	int c = cmp_qualified(x->schema, x->table, y->schema, y->table);

	return c ? c : cmp_opt(x->name, y->name);
}

static int cmp_enum(const void *a, const void *b)
{
	const struct cdb_enum *x = a, *y = b;

	return cmp_qualified(x->schema, x->name, y->schema, y->name);
}

static int cmp_sequence(const void *a, const void *b)
{
	const struct cdb_sequence *x = a, *y = b;

	return cmp_qualified(x->schema, x->name, y->schema, y->name);
}

static int cmp_function(const void *a, const void *b)
{
	const struct cdb_function *x = a, *y = b;
	int c = cmp_qualified(x->schema, x->name, y->schema, y->name);

	return c ? c : cmp_opt(x->args, y->args);
}

static int cmp_extension(const void *a, const void *b)
{
	const struct cdb_extension *x = a, *y = b;

	return cmp_opt(x->name, y->name);
}

static int cmp_namespace(const void *a, const void *b)
{
	const struct cdb_namespace *x = a, *y = b;

	return cmp_opt(x->name, y->name);
}

static int cmp_column_position(const void *a, const void *b)
{
	const struct cdb_column *x = a, *y = b;

	return (x->position > y->position) - (x->position < y->position);
}

/* Joined key columns, for ordering unnamed constraints by content. */
static int cmp_columns(char **a, size_t na, char **b, size_t nb)
{
	size_t i;
	int c;

	for (i = 0; i < na && i < nb; i++)
		if ((c = strcmp(a[i], b[i])))
			return c;
	return (na > nb) - (na < nb);
}

static int cmp_constraint(const void *a, const void *b)
{
	const struct cdb_constraint *x = a, *y = b;
	int c;

	if (x->kind != y->kind)
		return (x->kind > y->kind) - (x->kind < y->kind);
	if ((c = cmp_opt(x->name, y->name)))
		return c;
	if ((c = cmp_columns(x->columns, x->ncolumns, y->columns, y->ncolumns)))
		return c;
	if ((c = cmp_opt(x->ref_table, y->ref_table)))
		return c;
	if ((c = cmp_opt(x->expr, y->expr)))
		return c;
	return cmp_opt(x->definition, y->definition);
}

void cdb_schema_sort(struct cdb_schema *s)
{
	size_t i;

	for (i = 0; i < s->ntables; i++) {
		struct cdb_table *t = &s->tables[i];

		if (t->ncolumns > 1)
			qsort(t->columns, t->ncolumns, sizeof(*t->columns), cmp_column_position);
		if (t->nconstraints > 1)
			qsort(t->constraints, t->nconstraints, sizeof(*t->constraints), cmp_constraint);
	}
#define SORT(arr, n, fn) \
	do { if ((n) > 1) qsort((arr), (n), sizeof(*(arr)), (fn)); } while (0)
	SORT(s->tables, s->ntables, cmp_table);
	SORT(s->indexes, s->nindexes, cmp_index);
	SORT(s->views, s->nviews, cmp_view);
	SORT(s->triggers, s->ntriggers, cmp_trigger);
	SORT(s->enums, s->nenums, cmp_enum);
	SORT(s->sequences, s->nsequences, cmp_sequence);
	SORT(s->functions, s->nfunctions, cmp_function);
	SORT(s->extensions, s->nextensions, cmp_extension);
	SORT(s->namespaces, s->nnamespaces, cmp_namespace);
#undef SORT
}

/*
 * Tables are looked up for every foreign key and view of a schema, so that
 * lookup is a binary search over the sorted array, with a linear fallback
 * while an introspector is still filling an unsorted one. The other lookups
 * are rare and stay linear.
 */
struct cdb_table *cdb_schema_table(const struct cdb_schema *s, const char *schema, const char *name)
{
	size_t lo = 0, hi = s->ntables;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp_qualified(s->tables[mid].schema, s->tables[mid].name, schema, name);

		if (!c)
			return &s->tables[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (lo = 0; lo < s->ntables; lo++)
		if (!cmp_qualified(s->tables[lo].schema, s->tables[lo].name, schema, name))
			return &s->tables[lo];
	return NULL;
}

struct cdb_column *cdb_table_column(const struct cdb_table *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->ncolumns; i++)
		if (!strcmp(t->columns[i].name, name))
			return &t->columns[i];
	return NULL;
}

struct cdb_view *cdb_schema_view(const struct cdb_schema *s, const char *schema, const char *name)
{
	size_t i;

	for (i = 0; i < s->nviews; i++)
		if (!cmp_qualified(s->views[i].schema, s->views[i].name, schema, name))
			return &s->views[i];
	return NULL;
}

struct cdb_index *cdb_schema_index(const struct cdb_schema *s, const char *schema, const char *name)
{
	size_t i;

	for (i = 0; i < s->nindexes; i++)
		if (!cmp_qualified(s->indexes[i].schema, s->indexes[i].name, schema, name))
			return &s->indexes[i];
	return NULL;
}

bool cdb_name_excluded(const char *patterns, const char *name)
{
	const char *p = patterns, *end;
	char *glob;
	bool hit = false;

	if (!p)
		return false;
	while (*p && !hit) {
		while (*p == ',' || *p == ' ' || *p == '\t')
			p++;
		end = p;
		while (*end && *end != ',')
			end++;
		if (end > p) {
			size_t n = (size_t)(end - p);

			while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
				n--;
			glob = xstrndup(p, n);
			hit = n && fnmatch(glob, name, 0) == 0;
			free(glob);
		}
		p = end;
	}
	return hit;
}

bool cdb_sequence_owner(const struct cdb_sequence *q, char **schema, char **table, char **column)
{
	const char *d1 = q->owned_by ? strchr(q->owned_by, '.') : NULL;
	const char *d2 = d1 ? strchr(d1 + 1, '.') : NULL;

	if (!d1)
		return false;
	if (d2) {
		*schema = xstrndup(q->owned_by, (size_t)(d1 - q->owned_by));
		*table = xstrndup(d1 + 1, (size_t)(d2 - d1 - 1));
		*column = xstrdup(d2 + 1);
	} else {
		*schema = xstrdup(q->schema ? q->schema : "public");
		*table = xstrndup(q->owned_by, (size_t)(d1 - q->owned_by));
		*column = xstrdup(d1 + 1);
	}
	return true;
}
