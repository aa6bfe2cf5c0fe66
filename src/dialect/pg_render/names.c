/*
 * names.c - names and printed SQL text for the PostgreSQL renderer
 *
 * How a table, a type or a cast target is spelled in a statement, and
 * definitions the server printed, replayed as printed.
 */
#include <stdbool.h>
#include <string.h>

#include "cdb/alloc.h"
#include "render_priv.h"

/*
 * Append type `ty` (as format_type prints it) without its length or
 * precision, for the explicit cast of a USING clause: an explicit cast to
 * varchar(5) cuts a longer value, while the column's own type is then
 * applied by assignment, which refuses a value that does not fit.
 * "character" and "bit" without a length mean length 1, so those become
 * bpchar and bit varying.
 */
void pg_cast_type(struct cdb_buf *b, const char *ty)
{
	const char *open = NULL, *close;
	bool quoted = false;

	for (const char *p = ty; *p && !open; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (*p == '(' && !quoted)
			open = p;
	}
	if (!open || !(close = strchr(open, ')'))) {
		cdb_buf_puts(b, ty);
		return;
	}
	if ((size_t)(open - ty) == strlen("character") && !strncmp(ty, "character", (size_t)(open - ty)))
		cdb_buf_puts(b, "bpchar");
	else if ((size_t)(open - ty) == strlen("bit") && !strncmp(ty, "bit", (size_t)(open - ty)))
		cdb_buf_puts(b, "bit varying");
	else
		cdb_buf_put(b, ty, (size_t)(open - ty));
	cdb_buf_puts(b, close + 1);
}

void pg_qtable(struct cdb_buf *b, const struct cdb_table *t)
{
	pg_quote_qualified(b, t->schema, t->name);
}

/* The type name as format_type() prints it for an enum (search_path: "$user", public). */
void pg_type_name(struct cdb_buf *b, const char *schema, const char *name)
{
	bool plain = name[0] && !(name[0] >= '0' && name[0] <= '9');

	for (const char *p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
			plain = false;
	if (schema && strcmp(schema, "public") != 0) {
		cdb_buf_puts(b, schema);
		cdb_buf_putc(b, '.');
	}
	if (plain)
		cdb_buf_puts(b, name);
	else
		pg_quote_ident(b, name);
}

/* Definitions printed by the server may end in ';' and blank lines. */
void pg_put_def(struct cdb_buf *b, const char *def)
{
	size_t n = strlen(def);

	while (n && (def[n - 1] == ';' || def[n - 1] == ' ' || def[n - 1] == '\n' || def[n - 1] == '\t'))
		n--;
	while (*def == ' ' || *def == '\n') {
		def++;
		n--;
	}
	cdb_buf_put(b, def, n);
}

/* The schema (diff->from or diff->to) whose tables array holds `t`. */
const struct cdb_schema *pg_owner_of_table(const struct render *r, const struct cdb_table *t)
{
	const struct cdb_schema *sides[2] = { r->diff->to, r->diff->from };

	for (int s = 0; s < 2; s++)
		if (sides[s] && sides[s]->ntables && t >= sides[s]->tables && t < sides[s]->tables + sides[s]->ntables)
			return sides[s];
	return NULL;
}
