/* match.c - pairing the objects of `from` with those of `to`, by name and by rename hint */
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "diff_priv.h"

int nkey_cmp(const char *sa, const char *na, const char *sb, const char *nb, bool ci)
{
	int r = ci ? strcasecmp(na, nb) : strcmp(na, nb);

	if (r)
		return r;
	if (!sa || !sb)
		return (sa != NULL) - (sb != NULL);
	return strcmp(sa, sb);
}

static int nkey_qsort(const void *a, const void *b, void *ci)
{
	const struct nkey *x = a, *y = b;

	return nkey_cmp(x->schema, x->name, y->schema, y->name, *(const bool *)ci);
}

void nindex_build(struct nindex *ix, size_t n, const void *base, size_t stride, size_t schema_off,
                         size_t name_off, bool ci)
{
	ix->v = xcalloc(n + 1, sizeof(*ix->v));
	ix->n = n;
	for (size_t i = 0; i < n; i++) {
		const char *obj = (const char *)base + i * stride;

		memcpy(&ix->v[i].schema, obj + schema_off, sizeof(char *));
		memcpy(&ix->v[i].name, obj + name_off, sizeof(char *));
		ix->v[i].idx = i;
	}
	qsort_r(ix->v, n, sizeof(*ix->v), nkey_qsort, &ci);
}

/* Position of (schema, name) in the indexed array, -1 when absent (the first of equals). */
long nindex_find(const struct nindex *ix, const char *schema, const char *name, bool ci)
{
	size_t lo = 0, hi = ix->n;

	if (!name)
		return -1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (nkey_cmp(ix->v[mid].schema, ix->v[mid].name, schema, name, ci) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < ix->n && !nkey_cmp(ix->v[lo].schema, ix->v[lo].name, schema, name, ci))
		return (long)ix->v[lo].idx;
	return -1;
}

const struct cdb_table *find_table(const struct ctx *c, const struct cdb_schema *s,
                                          const char *schema, const char *name, long *idx)
{
	long i = nindex_find(s == c->from ? &c->ftables : &c->ttables, schema, name, c->ci);

	if (i < 0)
		return NULL;
	if (idx)
		*idx = i;
	return &s->tables[i];
}

const struct cdb_column *find_column(const struct ctx *c, const struct cdb_table *t, const char *name)
{
	for (size_t i = 0; i < t->ncolumns; i++)
		if (name_eq(c, t->columns[i].name, name))
			return &t->columns[i];
	return NULL;
}

/* The name in `to` of column `name` of from-table ft, following column renames. */
const char *map_column(const struct ctx *c, const struct colmap *m, const char *name)
{
	for (size_t i = 0; i < m->ft->ncolumns; i++)
		if (name_eq(c, m->ft->columns[i].name, name))
			return m->from_to[i] ? m->from_to[i]->name : name;
	return name;
}

const char *map_table(const struct ctx *c, const char *schema, const char *name)
{
	long i;

	if (find_table(c, c->from, schema, name, &i) && c->tstate[i].pair >= 0)
		return c->to->tables[c->tstate[i].pair].name;
	return name;
}

/* The first table named `name` in any schema (for hints that do not qualify it). */
static const struct cdb_table *find_table_any(const struct ctx *c, const struct cdb_schema *s,
                                              const char *name, long *idx)
{
	const struct nindex *ix = s == c->from ? &c->ftables : &c->ttables;
	size_t lo = 0, hi = ix->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (nkey_cmp(NULL, ix->v[mid].name, NULL, name, c->ci) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo >= ix->n || !name_eq(c, ix->v[lo].name, name))
		return NULL;
	if (idx)
		*idx = (long)ix->v[lo].idx;
	return &s->tables[ix->v[lo].idx];
}

bool view_matches(const struct ctx *c, const struct cdb_view *v, const char *schema, const char *name)
{
	return name_eq(c, v->name, name) && opt_eq(v->schema, schema);
}

const struct cdb_view *pair_view(const struct ctx *c, const struct cdb_schema *s, const struct cdb_view *v)
{
	for (size_t i = 0; i < s->nviews; i++)
		if (view_matches(c, &s->views[i], v->schema, v->name))
			return &s->views[i];
	return NULL;
}

void pair_tables(struct ctx *c)
{
	const struct cdb_schema *f = c->from, *t = c->to;
	long i, j;

	for (size_t k = 0; k < f->ntables; k++)
		c->tstate[k].pair = -1;
	for (size_t k = 0; k < t->ntables; k++)
		c->to_pair[k] = -1;
	for (size_t h = 0; c->hints && h < c->hints->n; h++) {
		const struct cdb_rename_hint *r = &c->hints->items[h];
		const struct cdb_table *tt;

		if (r->kind != CDB_RENAME_TABLE)
			continue;
		/* an unqualified hint names the table in whatever schema the models put it */
		if (!(tt = r->schema ? find_table(c, t, r->schema, r->to, &j) : find_table_any(c, t, r->to, &j)))
			continue;
		/*
		 * Once the database has the new name the rename is done (the hint
		 * stays in the models). On PostgreSQL the old name may be taken
		 * again by a new table of the models: the rename frees it first,
		 * as the dependency sort orders it. SQLite's list keeps the phase
		 * order, which creates tables first, so there the hint still
		 * yields to a model that reuses the old name.
		 */
		if (find_table(c, f, tt->schema, r->from, &i) && !find_table(c, f, tt->schema, r->to, NULL) &&
		    (!c->ci || !find_table(c, t, tt->schema, r->from, NULL)) &&
		    c->tstate[i].pair < 0 && c->to_pair[j] < 0) {
			c->tstate[i].pair = j;
			c->to_pair[j] = i;
		}
	}
	for (size_t k = 0; k < f->ntables; k++) {
		if (c->tstate[k].pair >= 0)
			continue;
		if (find_table(c, t, f->tables[k].schema, f->tables[k].name, &j) && c->to_pair[j] < 0) {
			c->tstate[k].pair = j;
			c->to_pair[j] = (long)k;
		}
	}
}

void pair_columns(const struct ctx *c, struct colmap *m, const struct cdb_column **to_from)
{
	const struct cdb_table *ft = m->ft, *tt = m->tt;

	for (size_t h = 0; c->hints && h < c->hints->n; h++) {
		const struct cdb_rename_hint *r = &c->hints->items[h];
		const struct cdb_column *fc, *tc;

		if (r->kind != CDB_RENAME_COLUMN || (r->schema && !opt_eq(r->schema, tt->schema)) ||
		    !(name_eq(c, r->table, tt->name) || name_eq(c, r->table, ft->name)))
			continue;
		fc = find_column(c, ft, r->from);
		tc = find_column(c, tt, r->to);
		if (!fc || !tc || find_column(c, tt, r->from) || to_from[tc - tt->columns] ||
		    m->from_to[fc - ft->columns])
			continue;
		m->from_to[fc - ft->columns] = tc;
		to_from[tc - tt->columns] = fc;
	}
	for (size_t i = 0; i < ft->ncolumns; i++) {
		const struct cdb_column *tc;

		if (m->from_to[i] || ft->columns[i].hidden)
			continue;
		tc = find_column(c, tt, ft->columns[i].name);
		if (tc && !tc->hidden && !to_from[tc - tt->columns]) {
			m->from_to[i] = tc;
			to_from[tc - tt->columns] = &ft->columns[i];
		}
	}
}

const struct cdb_index *pair_index(const struct ctx *c, const struct cdb_schema *s, const struct cdb_index *x)
{
	long i = nindex_find(s == c->from ? &c->findexes : &c->tindexes, x->schema, x->name, c->ci);

	return i < 0 ? NULL : &s->indexes[i];
}

const struct cdb_trigger *pair_trigger(const struct ctx *c, const struct cdb_schema *s,
                                              const struct cdb_trigger *x, bool map)
{
	const char *table = map ? map_table(c, x->schema, x->table) : x->table;

	for (size_t i = 0; i < s->ntriggers; i++)
		if (name_eq(c, s->triggers[i].name, x->name) && opt_eq(s->triggers[i].schema, x->schema) &&
		    name_eq(c, s->triggers[i].table, table))
			return &s->triggers[i];
	return NULL;
}

/* The table an index or trigger is on, in schema s (NULL: a view or unknown). */
const struct cdb_table *owner(const struct ctx *c, const struct cdb_schema *s, const char *schema,
                                     const char *table)
{
	return find_table(c, s, schema, table, NULL);
}

/* A dropped and an added column of one type may be a rename nobody hinted. */
void column_rename_candidates(struct ctx *c, const struct colmap *m, const struct cdb_column **to_from)
{
	struct cdb_arena *a = &c->d->arena;
	const struct cdb_table *ft = m->ft, *tt = m->tt;

	for (size_t i = 0; i < ft->ncolumns; i++) {
		if (m->from_to[i] || ft->columns[i].hidden)
			continue;
		for (size_t j = 0; j < tt->ncolumns; j++) {
			struct cdb_rename_candidate *rc;

			if (to_from[j] || tt->columns[j].hidden ||
			    !sql_eq(c, ft->columns[i].type, tt->columns[j].type))
				continue;
			/* each added column is offered once, to the first dropped one */
			to_from[j] = &ft->columns[i];
			rc = CDB_ARENA_PUSH(a, c->d->renames, c->d->nrenames, c->d->renames_cap);
			rc->kind = CDB_RENAME_COLUMN;
			rc->from_table = ft;
			rc->to_table = tt;
			rc->from_column = &ft->columns[i];
			rc->to_column = &tt->columns[j];
			rc->message = cdb_arena_sprintf(a, "possible rename of column '%s.%s' to '%s'",
			                                qual(a, tt->schema, tt->name), ft->columns[i].name,
			                                tt->columns[j].name);
			rc->hint = cdb_arena_sprintf(a, "-- cdb: rename column %s.%s to %s",
			                             qual(a, tt->schema, tt->name), ft->columns[i].name,
			                             tt->columns[j].name);
			break;
		}
	}
}

/* Does created table tt have the columns (names and types) of dropped table ft? */
static bool same_columns(const struct ctx *c, const struct cdb_table *ft, const struct cdb_table *tt)
{
	/* partitions carry no columns of their own: nothing to tell them apart by */
	if (ft->ncolumns != tt->ncolumns || ft->parent || tt->parent)
		return false;
	for (size_t k = 0; k < ft->ncolumns; k++)
		if (!name_eq(c, ft->columns[k].name, tt->columns[k].name) ||
		    !sql_eq(c, ft->columns[k].type, tt->columns[k].type))
			return false;
	return true;
}

/* A dropped and a created table with the same columns may be a rename nobody hinted. */
void table_rename_candidates(struct ctx *c)
{
	struct cdb_arena *a = &c->d->arena;

	for (size_t i = 0; i < c->from->ntables; i++) {
		const struct cdb_table *ft = &c->from->tables[i];

		if (c->tstate[i].pair >= 0)
			continue;
		for (size_t j = 0; j < c->to->ntables; j++) {
			const struct cdb_table *tt = &c->to->tables[j];
			struct cdb_rename_candidate *rc;

			if (c->to_pair[j] >= 0 || !same_columns(c, ft, tt))
				continue;
			rc = CDB_ARENA_PUSH(a, c->d->renames, c->d->nrenames, c->d->renames_cap);
			rc->kind = CDB_RENAME_TABLE;
			rc->from_table = ft;
			rc->to_table = tt;
			rc->message = cdb_arena_sprintf(a, "possible rename of table '%s' to '%s'",
			                                qual(a, ft->schema, ft->name), tt->name);
			rc->hint = cdb_arena_sprintf(a, "-- cdb: rename table %s to %s",
			                             qual(a, ft->schema, ft->name), tt->name);
			break;
		}
	}
}
