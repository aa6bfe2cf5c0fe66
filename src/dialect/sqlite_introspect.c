/*
 * sqlite_introspect.c - read a SQLite database into a struct cdb_schema
 *
 * Columns come from PRAGMA table_xinfo (declared type, NOT NULL, default,
 * primary-key order, generated kind). What the pragmas do not report (CHECK
 * constraints, constraint names, COLLATE, generation expressions,
 * AUTOINCREMENT, DEFERRABLE) is read from the CREATE TABLE text kept in
 * sqlite_schema, with the small tokenizer of sqltok.h. The same code reads
 * the live database and the in-memory database the models were executed
 * into, so both sides of a diff are described alike.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cdb/alloc.h"
#include "cdb/path.h"
#include "cdb/sqltok.h"
#include "sqlite_priv.h"

/* The tokens of one statement. */
struct toks {
	struct cdb_tok *v;
	size_t n, cap;
};

static void tokenize(struct toks *t, const char *sql)
{
	const char *pos = sql;
	struct cdb_tok tok;

	t->n = 0;
	while (cdb_tok_next(&pos, &tok) != CDB_TOK_END) {
		XGROW(t->v, t->cap, t->n + 1);
		t->v[t->n++] = tok;
	}
}

static bool is_ident(const struct cdb_tok *t)
{
	return t->kind == CDB_TOK_WORD || t->kind == CDB_TOK_QUOTED ||
	       (t->kind == CDB_TOK_STRING && t->p[0] == '\'');
}

/* Text from the start of token a to the end of token b-1 (a < b). */
static char *span(struct cdb_arena *ar, const struct toks *t, size_t a, size_t b)
{
	if (a >= b)
		return cdb_arena_strdup(ar, "");
	return cdb_arena_strndup(ar, t->v[a].p, (size_t)(t->v[b - 1].p + t->v[b - 1].n - t->v[a].p));
}

/* Index just past the group opened by the "(" at i (or i+1 when t[i] is not "("). */
static size_t skip_group(const struct toks *t, size_t i, size_t end)
{
	int depth = 0;

	if (i >= end || !cdb_tok_punct(&t->v[i], "("))
		return i + 1;
	for (; i < end; i++) {
		if (cdb_tok_punct(&t->v[i], "("))
			depth++;
		else if (cdb_tok_punct(&t->v[i], ")") && --depth == 0)
			return i + 1;
	}
	return end;
}

/*
 * The identifiers of a parenthesised list "(a COLLATE x DESC, b)" at i: the
 * first identifier of each element. Returns the index past ")".
 */
static size_t ident_list(struct cdb_arena *ar, const struct toks *t, size_t i, size_t end,
                         char ***out, size_t *nout)
{
	size_t close = skip_group(t, i, end), j, cap = 0;
	bool want = true;
	int depth = 0;

	*out = NULL;
	*nout = 0;
	if (i >= end || !cdb_tok_punct(&t->v[i], "("))
		return i;
	for (j = i + 1; j + 1 < close; j++) {
		const struct cdb_tok *k = &t->v[j];

		if (cdb_tok_punct(k, "("))
			depth++;
		else if (cdb_tok_punct(k, ")"))
			depth--;
		else if (depth == 0 && cdb_tok_punct(k, ","))
			want = true;
		else if (want && is_ident(k)) {
			*CDB_ARENA_PUSH(ar, *out, *nout, cap) = cdb_tok_ident(ar, k);
			want = false;
		}
	}
	return close;
}

static char *upper_dup(struct cdb_arena *ar, const char *s)
{
	char *u = cdb_arena_strdup(ar, s);

	for (char *p = u; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	return u;
}

/* Words of a FK action up to the next clause: "SET NULL", "CASCADE", ... */
static size_t fk_action(struct cdb_arena *ar, const struct toks *t, size_t i, size_t end, char **out)
{
	if (i < end && (cdb_tok_is(&t->v[i], "SET") || cdb_tok_is(&t->v[i], "NO")) && i + 1 < end) {
		char *s = cdb_arena_sprintf(ar, "%.*s %.*s", (int)t->v[i].n, t->v[i].p,
		                            (int)t->v[i + 1].n, t->v[i + 1].p);

		*out = cdb_tok_is(&t->v[i], "NO") ? NULL : upper_dup(ar, s);
		return i + 2;
	}
	if (i < end) {
		*out = cdb_arena_strndup(ar, t->v[i].p, t->v[i].n);
		*out = upper_dup(ar, *out);
		return i + 1;
	}
	return i;
}

/* The foreign-key clause from REFERENCES at i; fills c. Returns the index past it. */
static size_t fk_clause(struct cdb_arena *ar, const struct toks *t, size_t i, size_t end,
                        struct cdb_constraint *c)
{
	c->kind = CDB_CON_FOREIGN;
	i++; /* REFERENCES */
	if (i < end && is_ident(&t->v[i])) {
		c->ref_table = cdb_tok_ident(ar, &t->v[i]);
		i++;
		/* "schema.table": SQLite only accepts the plain name, but read past it */
		if (i + 1 < end && cdb_tok_punct(&t->v[i], ".")) {
			c->ref_table = cdb_tok_ident(ar, &t->v[i + 1]);
			i += 2;
		}
	}
	if (i < end && cdb_tok_punct(&t->v[i], "("))
		i = ident_list(ar, t, i, end, &c->ref_columns, &c->nref_columns);
	while (i < end) {
		const struct cdb_tok *k = &t->v[i];

		if (cdb_tok_is(k, "ON") && i + 1 < end && cdb_tok_is(&t->v[i + 1], "DELETE")) {
			i = fk_action(ar, t, i + 2, end, &c->on_delete);
		} else if (cdb_tok_is(k, "ON") && i + 1 < end && cdb_tok_is(&t->v[i + 1], "UPDATE")) {
			i = fk_action(ar, t, i + 2, end, &c->on_update);
		} else if (cdb_tok_is(k, "MATCH") && i + 1 < end) {
			c->match = upper_dup(ar, cdb_tok_ident(ar, &t->v[i + 1]));
			if (!strcmp(c->match, "SIMPLE") || !strcmp(c->match, "NONE"))
				c->match = NULL;
			i += 2;
		} else if (cdb_tok_is(k, "NOT") && i + 1 < end && cdb_tok_is(&t->v[i + 1], "DEFERRABLE")) {
			c->deferrable = false;
			i += 2;
		} else if (cdb_tok_is(k, "DEFERRABLE")) {
			c->deferrable = true;
			i++;
		} else if (cdb_tok_is(k, "INITIALLY") && i + 1 < end) {
			c->initially_deferred = cdb_tok_is(&t->v[i + 1], "DEFERRED");
			i += 2;
		} else {
			break;
		}
	}
	/* "NO ACTION" and "RESTRICT"-less defaults read as NULL, like the pragma's "NO ACTION" */
	if (c->on_delete && !strcmp(c->on_delete, "NO ACTION"))
		c->on_delete = NULL;
	if (c->on_update && !strcmp(c->on_update, "NO ACTION"))
		c->on_update = NULL;
	if (!c->deferrable)
		c->initially_deferred = false;
	return i;
}

/* Skip "ON CONFLICT <algorithm>" at i. */
static size_t skip_conflict(const struct toks *t, size_t i, size_t end)
{
	if (i + 2 < end + 1 && i + 1 < end && cdb_tok_is(&t->v[i], "ON") &&
	    cdb_tok_is(&t->v[i + 1], "CONFLICT"))
		return i + 3 <= end ? i + 3 : end;
	return i;
}

static struct cdb_constraint *new_constraint(struct cdb_schema *s, struct cdb_table *tb,
                                             enum cdb_constraint_kind kind, char *name)
{
	struct cdb_constraint *c = CDB_ARENA_PUSH(&s->arena, tb->constraints, tb->nconstraints,
	                                          tb->constraints_cap);

	c->kind = kind;
	c->name = name;
	return c;
}

/* A constraint written inside the definition of column `col`. */
static struct cdb_constraint *new_column_constraint(struct cdb_schema *s, struct cdb_table *tb,
                                                    enum cdb_constraint_kind kind, char *name,
                                                    char *col)
{
	struct cdb_constraint *c = new_constraint(s, tb, kind, name);

	c->in_column = col;
	return c;
}

static bool column_constraint_start(const struct cdb_tok *k)
{
	static const char *const kw[] = { "CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK",
	                                  "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS", NULL };

	for (size_t i = 0; kw[i]; i++)
		if (cdb_tok_is(k, kw[i]))
			return true;
	return false;
}

/* One column definition, tokens [a, b): constraints, collation, generation expression. */
static void parse_column_def(struct cdb_schema *s, struct cdb_table *tb, const struct toks *t,
                             size_t a, size_t b)
{
	struct cdb_arena *ar = &s->arena;
	char *colname = cdb_tok_ident(ar, &t->v[a]);
	struct cdb_column *col = NULL;
	char *cname = NULL;
	size_t i = a + 1;

	for (size_t k = 0; k < tb->ncolumns; k++)
		if (!strcasecmp(tb->columns[k].name, colname))
			col = &tb->columns[k];
	if (col)
		col->definition = span(ar, t, a, b);
	/* the declared type: words and parenthesised sizes up to the first constraint */
	while (i < b && !column_constraint_start(&t->v[i]))
		i = cdb_tok_punct(&t->v[i], "(") ? skip_group(t, i, b) : i + 1;
	while (i < b) {
		const struct cdb_tok *k = &t->v[i];
		struct cdb_constraint *c;
		size_t start = i;

		if (cdb_tok_is(k, "CONSTRAINT") && i + 1 < b) {
			cname = cdb_tok_ident(ar, &t->v[i + 1]);
			i += 2;
			continue;
		}
		if (cdb_tok_is(k, "PRIMARY")) {
			c = new_column_constraint(s, tb, CDB_CON_PRIMARY, cname, colname);
			c->columns = cdb_arena_alloc(ar, sizeof(char *));
			c->columns[0] = colname;
			c->ncolumns = 1;
			i += 2; /* PRIMARY KEY */
			if (i < b && (cdb_tok_is(&t->v[i], "ASC") || cdb_tok_is(&t->v[i], "DESC")))
				i++;
			i = skip_conflict(t, i, b);
			if (i < b && cdb_tok_is(&t->v[i], "AUTOINCREMENT")) {
				c->autoincrement = true;
				i++;
			}
			c->definition = span(ar, t, start, i);
		} else if (cdb_tok_is(k, "NOT") || cdb_tok_is(k, "NULL")) {
			i += cdb_tok_is(k, "NOT") ? 2 : 1;
			i = skip_conflict(t, i, b);
		} else if (cdb_tok_is(k, "UNIQUE")) {
			c = new_column_constraint(s, tb, CDB_CON_UNIQUE, cname, colname);
			c->columns = cdb_arena_alloc(ar, sizeof(char *));
			c->columns[0] = colname;
			c->ncolumns = 1;
			i = skip_conflict(t, i + 1, b);
			c->definition = span(ar, t, start, i);
		} else if (cdb_tok_is(k, "CHECK")) {
			size_t close = skip_group(t, i + 1, b);

			c = new_column_constraint(s, tb, CDB_CON_CHECK, cname, colname);
			c->expr = span(ar, t, i + 2, close - 1);
			c->definition = span(ar, t, start, close);
			i = close;
		} else if (cdb_tok_is(k, "DEFAULT")) {
			i++;
			if (i < b && (cdb_tok_punct(&t->v[i], "-") || cdb_tok_punct(&t->v[i], "+")))
				i++;
			i = skip_group(t, i, b);
		} else if (cdb_tok_is(k, "COLLATE") && i + 1 < b) {
			if (col)
				col->collation = upper_dup(ar, cdb_tok_ident(ar, &t->v[i + 1]));
			i += 2;
		} else if (cdb_tok_is(k, "REFERENCES")) {
			c = new_column_constraint(s, tb, CDB_CON_FOREIGN, cname, colname);
			c->columns = cdb_arena_alloc(ar, sizeof(char *));
			c->columns[0] = colname;
			c->ncolumns = 1;
			i = fk_clause(ar, t, i, b, c);
			c->definition = span(ar, t, start, i);
		} else if (cdb_tok_is(k, "GENERATED") || cdb_tok_is(k, "AS")) {
			size_t close;

			while (i < b && !cdb_tok_punct(&t->v[i], "("))
				i++;
			close = skip_group(t, i, b);
			if (col && i < b)
				col->generated = span(ar, t, i + 1, close - 1);
			i = close;
			if (i < b && (cdb_tok_is(&t->v[i], "STORED") || cdb_tok_is(&t->v[i], "VIRTUAL"))) {
				if (col)
					col->generated_stored = cdb_tok_is(&t->v[i], "STORED");
				i++;
			}
		} else {
			i++;
		}
		cname = NULL;
	}
}

/* One table constraint, tokens [a, b). */
static void parse_table_constraint(struct cdb_schema *s, struct cdb_table *tb, const struct toks *t,
                                   size_t a, size_t b)
{
	struct cdb_arena *ar = &s->arena;
	struct cdb_constraint *c;
	char *cname = NULL;
	size_t i = a;

	if (cdb_tok_is(&t->v[i], "CONSTRAINT") && i + 1 < b) {
		cname = cdb_tok_ident(ar, &t->v[i + 1]);
		i += 2;
	}
	if (i >= b)
		return;
	if (cdb_tok_is(&t->v[i], "PRIMARY") || cdb_tok_is(&t->v[i], "UNIQUE")) {
		bool pk = cdb_tok_is(&t->v[i], "PRIMARY");

		c = new_constraint(s, tb, pk ? CDB_CON_PRIMARY : CDB_CON_UNIQUE, cname);
		i += pk ? 2 : 1;
		i = ident_list(ar, t, i, b, &c->columns, &c->ncolumns);
		for (; i < b; i++)
			if (cdb_tok_is(&t->v[i], "AUTOINCREMENT"))
				c->autoincrement = true;
	} else if (cdb_tok_is(&t->v[i], "CHECK")) {
		size_t close = skip_group(t, i + 1, b);

		c = new_constraint(s, tb, CDB_CON_CHECK, cname);
		c->expr = span(ar, t, i + 2, close - 1);
	} else if (cdb_tok_is(&t->v[i], "FOREIGN")) {
		c = new_constraint(s, tb, CDB_CON_FOREIGN, cname);
		i = ident_list(ar, t, i + 2, b, &c->columns, &c->ncolumns);
		while (i < b && !cdb_tok_is(&t->v[i], "REFERENCES"))
			i++;
		if (i < b)
			fk_clause(ar, t, i, b, c);
	} else {
		return;
	}
	c->definition = span(ar, t, a, b);
}

static bool table_constraint_start(const struct cdb_tok *k)
{
	return cdb_tok_is(k, "CONSTRAINT") || cdb_tok_is(k, "PRIMARY") || cdb_tok_is(k, "UNIQUE") ||
	       cdb_tok_is(k, "CHECK") || cdb_tok_is(k, "FOREIGN");
}

/*
 * Index of the token after "CREATE ... <kind> [IF NOT EXISTS] [schema.]name",
 * or 0 when the statement does not have that shape.
 */
static size_t after_name(const struct toks *t, const char *kind, size_t *name_at)
{
	size_t i = 0;

	while (i < t->n && !cdb_tok_is(&t->v[i], kind))
		i++;
	if (i >= t->n)
		return 0;
	i++;
	if (i + 2 < t->n && cdb_tok_is(&t->v[i], "IF") && cdb_tok_is(&t->v[i + 1], "NOT") &&
	    cdb_tok_is(&t->v[i + 2], "EXISTS"))
		i += 3;
	if (i + 2 < t->n && cdb_tok_punct(&t->v[i + 1], ".")) /* main.name */
		i += 2;
	if (i >= t->n)
		return 0;
	*name_at = i;
	return i + 1;
}

static void parse_create_table(struct cdb_schema *s, struct cdb_table *tb, struct toks *t)
{
	size_t i, name_at, close, start;
	int depth = 0;

	tokenize(t, tb->sql);
	if (!(i = after_name(t, "TABLE", &name_at)) || i >= t->n || !cdb_tok_punct(&t->v[i], "("))
		return; /* CREATE TABLE ... AS SELECT: columns only */
	close = skip_group(t, i, t->n);
	start = i + 1;
	for (size_t j = i + 1; j < close; j++) {
		const struct cdb_tok *k = &t->v[j];
		bool end = j == close - 1;

		if (cdb_tok_punct(k, "("))
			depth++;
		else if (cdb_tok_punct(k, ")") && !end)
			depth--;
		if (end || (depth == 0 && cdb_tok_punct(k, ","))) {
			if (j > start) {
				if (table_constraint_start(&t->v[start]))
					parse_table_constraint(s, tb, t, start, j);
				else
					parse_column_def(s, tb, t, start, j);
			}
			start = j + 1;
		}
	}
	for (i = close; i < t->n; i++) {
		if (cdb_tok_is(&t->v[i], "ROWID"))
			tb->without_rowid = true;
		else if (cdb_tok_is(&t->v[i], "STRICT"))
			tb->strict = true;
	}
}

/* Upper-cased type with single spaces and none around parentheses and commas. */
static char *norm_type(struct cdb_arena *ar, const char *type)
{
	struct cdb_buf b = CDB_BUF_INIT;
	const char *p;
	char *out;

	for (p = type; *p; p++) {
		char c = (char)toupper((unsigned char)*p);

		if (isspace((unsigned char)c)) {
			while (isspace((unsigned char)p[1]))
				p++;
			if (!b.len || strchr("(,", b.ptr[b.len - 1]) || (p[1] && strchr("(),", p[1])) || !p[1])
				continue;
			c = ' ';
		}
		cdb_buf_putc(&b, c);
	}
	out = cdb_arena_strndup(ar, b.ptr, b.len);
	cdb_buf_release(&b);
	return out;
}

struct reader {
	sqlite3 *h;
	struct cdb_schema *s;
	const struct cdb_introspect_opts *o;
	struct toks t;
	sqlite3_stmt *xinfo;
};

static int db_fail(sqlite3 *h, const char *what)
{
	return cdb_error_set(CDB_EDB, "cannot read the schema (%s): %s", what, sqlite3_errmsg(h));
}

static const char *col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

static int read_columns(struct reader *r, struct cdb_table *tb)
{
	struct cdb_arena *ar = &r->s->arena;
	int rc;

	sqlite3_reset(r->xinfo);
	sqlite3_bind_text(r->xinfo, 1, tb->name, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(r->xinfo)) == SQLITE_ROW) {
		struct cdb_column *c = CDB_ARENA_PUSH(ar, tb->columns, tb->ncolumns, tb->columns_cap);
		int hidden = sqlite3_column_int(r->xinfo, 6);

		c->position = sqlite3_column_int(r->xinfo, 0) + 1;
		c->name = cdb_arena_strdup(ar, col_text(r->xinfo, 1));
		c->type = norm_type(ar, col_text(r->xinfo, 2) ? col_text(r->xinfo, 2) : "");
		c->notnull = sqlite3_column_int(r->xinfo, 3) != 0;
		c->default_expr = cdb_arena_strdup(ar, col_text(r->xinfo, 4));
		c->hidden = hidden == 1;
		c->generated_stored = hidden == 3;
	}
	if (rc != SQLITE_DONE)
		return db_fail(r->h, tb->name);
	return 0;
}

static bool skipped_table(const struct reader *r, const char *name)
{
	if (!strncasecmp(name, "sqlite_", 7))
		return true;
	if (r->o && r->o->version_table && !strcasecmp(name, r->o->version_table))
		return true;
	if (r->o && r->o->history_table && !strcasecmp(name, r->o->history_table))
		return true;
	return r->o && cdb_name_excluded(r->o->exclude, name);
}

/* INTEGER PRIMARY KEY columns are rowid aliases and never NULL. */
static void finish_table(struct cdb_table *tb)
{
	for (size_t i = 0; i < tb->nconstraints; i++) {
		struct cdb_constraint *c = &tb->constraints[i];
		struct cdb_column *col;

		if (c->kind != CDB_CON_PRIMARY)
			continue;
		for (size_t k = 0; k < c->ncolumns; k++) {
			col = NULL;
			for (size_t j = 0; j < tb->ncolumns; j++)
				if (!strcasecmp(tb->columns[j].name, c->columns[k]))
					col = &tb->columns[j];
			if (col && (tb->without_rowid || (c->ncolumns == 1 && !strcmp(col->type, "INTEGER"))))
				col->notnull = true;
		}
	}
}

static void parse_index(struct reader *r, struct cdb_index *ix)
{
	struct cdb_arena *ar = &r->s->arena;
	struct toks *t = &r->t;
	size_t i, name_at, close, start, cap = 0;
	int depth = 0;

	tokenize(t, ix->definition);
	ix->unique = t->n > 1 && cdb_tok_is(&t->v[1], "UNIQUE");
	if (!(i = after_name(t, "INDEX", &name_at)))
		return;
	while (i < t->n && !cdb_tok_punct(&t->v[i], "("))
		i++;
	close = skip_group(t, i, t->n);
	start = i + 1;
	for (size_t j = i + 1; j < close; j++) {
		const struct cdb_tok *k = &t->v[j];
		bool end = j == close - 1;

		if (cdb_tok_punct(k, "("))
			depth++;
		else if (cdb_tok_punct(k, ")") && !end)
			depth--;
		if (end || (depth == 0 && cdb_tok_punct(k, ","))) {
			size_t stop = j;

			/* ASC is the default order: "a ASC" and "a" are one key */
			if (stop > start + 1 && cdb_tok_is(&t->v[stop - 1], "ASC"))
				stop--;
			if (stop > start)
				*CDB_ARENA_PUSH(ar, ix->keys, ix->nkeys, cap) = span(ar, t, start, stop);
			start = j + 1;
		}
	}
	if (close < t->n && cdb_tok_is(&t->v[close], "WHERE")) {
		ix->partial = true;
		ix->where = span(ar, t, close + 1, t->n);
	}
}

/* Names of tables and views a view's text mentions. */
static void view_depends(struct reader *r, struct cdb_view *v)
{
	struct cdb_arena *ar = &r->s->arena;
	struct toks *t = &r->t;
	size_t cap = 0, i, name_at, start;

	tokenize(t, v->definition);
	start = after_name(t, "VIEW", &name_at);
	for (i = start; i < t->n; i++) {
		char *id;
		bool seen = false;
		const char *hit = NULL;

		if (t->v[i].kind != CDB_TOK_WORD && t->v[i].kind != CDB_TOK_QUOTED)
			continue;
		id = cdb_tok_ident(ar, &t->v[i]);
		for (size_t k = 0; k < r->s->ntables && !hit; k++)
			if (!strcasecmp(r->s->tables[k].name, id))
				hit = r->s->tables[k].name;
		for (size_t k = 0; k < r->s->nviews && !hit; k++)
			if (!strcasecmp(r->s->views[k].name, id) && &r->s->views[k] != v)
				hit = r->s->views[k].name;
		for (size_t k = 0; hit && k < v->ndepends; k++)
			seen = seen || !strcmp(v->depends[k], hit);
		if (hit && !seen)
			*CDB_ARENA_PUSH(ar, v->depends, v->ndepends, cap) = (char *)hit;
	}
}

static int introspect_handle(struct cdb_schema *out, sqlite3 *h, const struct cdb_introspect_opts *o)
{
	struct reader r = { .h = h, .s = out, .o = o };
	sqlite3_stmt *st = NULL;
	struct cdb_arena *ar = &out->arena;
	/* one read transaction: otherwise every pragma query takes and drops the file lock */
	bool own_tx = sqlite3_get_autocommit(h) && sqlite3_exec(h, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
	int rc = 0, step;

	out->sqlite = true;
	if (sqlite3_prepare_v2(h, "SELECT type, name, tbl_name, sql FROM sqlite_master "
	                          "WHERE sql IS NOT NULL ORDER BY rowid", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(h, "SELECT cid, name, type, \"notnull\", dflt_value, pk, hidden "
	                          "FROM pragma_table_xinfo(?1) ORDER BY cid", -1, &r.xinfo, NULL) != SQLITE_OK) {
		rc = db_fail(h, "sqlite_master");
		goto done;
	}
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *type = col_text(st, 0), *name = col_text(st, 1), *tbl = col_text(st, 2);
		const char *sql = col_text(st, 3);

		if (!strcmp(type, "table")) {
			struct cdb_table *tb;

			/* virtual tables and their shadow tables are managed by their module */
			if (skipped_table(&r, name) || !strncasecmp(sql, "CREATE VIRTUAL", 14))
				continue;
			tb = CDB_ARENA_PUSH(ar, out->tables, out->ntables, out->tables_cap);
			tb->name = cdb_arena_strdup(ar, name);
			tb->sql = cdb_arena_strdup(ar, sql);
		} else if (!strcmp(type, "view")) {
			struct cdb_view *v;

			if (skipped_table(&r, name))
				continue;
			v = CDB_ARENA_PUSH(ar, out->views, out->nviews, out->views_cap);
			v->name = cdb_arena_strdup(ar, name);
			v->definition = cdb_arena_strdup(ar, sql);
		} else if (!strcmp(type, "index")) {
			struct cdb_index *ix;

			if (skipped_table(&r, tbl) || !strncasecmp(name, "sqlite_autoindex_", 17))
				continue;
			ix = CDB_ARENA_PUSH(ar, out->indexes, out->nindexes, out->indexes_cap);
			ix->name = cdb_arena_strdup(ar, name);
			ix->table = cdb_arena_strdup(ar, tbl);
			ix->definition = cdb_arena_strdup(ar, sql);
		} else if (!strcmp(type, "trigger")) {
			struct cdb_trigger *tr;

			if (skipped_table(&r, tbl))
				continue;
			tr = CDB_ARENA_PUSH(ar, out->triggers, out->ntriggers, out->triggers_cap);
			tr->name = cdb_arena_strdup(ar, name);
			tr->table = cdb_arena_strdup(ar, tbl);
			tr->definition = cdb_arena_strdup(ar, sql);
		}
	}
	if (step != SQLITE_DONE) {
		rc = db_fail(h, "sqlite_master");
		goto done;
	}
	for (size_t i = 0; i < out->ntables; i++) {
		struct cdb_table *tb = &out->tables[i];

		if ((rc = read_columns(&r, tb)) < 0)
			goto done;
		parse_create_table(out, tb, &r.t);
		finish_table(tb);
	}
	for (size_t i = 0; i < out->nindexes; i++)
		parse_index(&r, &out->indexes[i]);
	for (size_t i = 0; i < out->nviews; i++)
		view_depends(&r, &out->views[i]);
	cdb_schema_sort(out);
done:
	sqlite3_finalize(st);
	sqlite3_finalize(r.xinfo);
	if (own_tx)
		sqlite3_exec(h, "COMMIT", NULL, NULL, NULL);
	free(r.t.v);
	return rc;
}

int cdb_sqlite_introspect(struct cdb_schema *out, struct cdb_db *db, const struct cdb_introspect_opts *o)
{
	return introspect_handle(out, sqlite_of(db)->handle, o);
}

/*
 * Whether a model file controls transactions itself (a `sqlite3 .dump`
 * starts with BEGIN TRANSACTION): a statement that starts with BEGIN,
 * COMMIT, END, ROLLBACK, SAVEPOINT or RELEASE. Trigger bodies can look
 * like that too, which only costs the speed-up below.
 */
static bool controls_transactions(const char *sql)
{
	static const char *const kw[] = { "BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE", NULL };
	const char *pos = sql;
	struct cdb_tok t;
	bool start = true;

	while (cdb_tok_next(&pos, &t) != CDB_TOK_END) {
		if (start)
			for (size_t i = 0; kw[i]; i++)
				if (cdb_tok_is(&t, kw[i]))
					return true;
		start = cdb_tok_punct(&t, ";");
	}
	return false;
}

int cdb_sqlite_load_models(struct cdb_schema *out, struct cdb_db *db, const struct cdb_config *cfg,
                           const char *const *files, size_t nfiles, const struct cdb_introspect_opts *o)
{
	struct cdb_exec_error err = { 0, NULL };
	struct cdb_buf text = CDB_BUF_INIT;
	sqlite3 *h = NULL;
	int rc = 0;

	(void)db;
	(void)cfg;
	if (sqlite3_open(":memory:", &h) != SQLITE_OK) {
		rc = cdb_error_set(CDB_EDB, "cannot open an in-memory database: %s",
		                   h ? sqlite3_errmsg(h) : "out of memory");
		goto done;
	}
	/*
	 * Every table and index owns at least one page, all of them in memory.
	 * 1 KiB pages keep 1,000 tables well under 32 MiB; 512-byte pages save
	 * a little more memory but make SQLite's DDL a quarter slower.
	 */
	sqlite3_exec(h, "PRAGMA page_size = 1024", NULL, NULL, NULL);
	for (size_t i = 0; i < nfiles; i++) {
		bool wrap;

		cdb_buf_reset(&text);
		if ((rc = cdb_path_read(&text, files[i])) < 0)
			goto done;
		/* DDL in autocommit mode re-reads the schema after every statement; one transaction does not */
		wrap = !controls_transactions(text.ptr) && sqlite3_exec(h, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
		rc = sqlite_exec_script(h, false, text.ptr, &err);
		if (wrap)
			sqlite3_exec(h, rc < 0 ? "ROLLBACK" : "COMMIT", NULL, NULL, NULL);
		if (rc < 0) {
			rc = CDB_EINVALID;
			cdb_error_prefix("%s:%d", cdb_path_display(files[i]), err.line);
			cdb_error_hint("the models must be valid SQLite DDL; fix the file and retry");
			goto done;
		}
	}
	rc = introspect_handle(out, h, o);
done:
	cdb_exec_error_release(&err);
	cdb_buf_release(&text);
	sqlite3_close(h);
	return rc;
}
