/*
 * render_priv.h - what the files of the PostgreSQL renderer share
 *
 * Private to src/dialect/pg_render/. render.c walks a list of ops and hands
 * each to the pg_render_<kind> function of its kind; the other files hold
 * those functions by object family, the statement pieces several families
 * write (names.c and the family that owns the object), and, in order.c,
 * every look forwards or backwards through the list that decides where a
 * statement goes.
 */
#ifndef CDB_PG_RENDER_PRIV_H
#define CDB_PG_RENDER_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "cdb/buf.h"
#include "cdb/diff.h"
#include "../pg_priv.h"

/* One list being rendered. */
struct render {
	struct cdb_buf *out;
	const struct cdb_diff *diff;
	const struct cdb_op *ops; /* the list being rendered */
	size_t nops;
};

/* One type a rebuild replaces (types.c). */
struct rebuilt;

static inline bool same(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

static inline bool same_schema(const char *a, const char *b)
{
	return same(a ? a : "public", b ? b : "public");
}

/*
 * One function per op kind, pg_render_<kind> for CDB_OP_<KIND>: each renders
 * op (an element of r->ops) at the end of r->out and returns 0, or a
 * negative CDB_E* code with the error set. One whose work another op's
 * statements do writes nothing. render.c holds the table from kind to
 * function.
 */
typedef int pg_render_fn(const struct render *r, const struct cdb_op *op);


/* tables.c */
int pg_render_create_table(const struct render *r, const struct cdb_op *op);
int pg_render_drop_table(const struct render *r, const struct cdb_op *op);
int pg_render_rename_table(const struct render *r, const struct cdb_op *op);
int pg_render_alter_table(const struct render *r, const struct cdb_op *op);
/* columns.c */
int pg_render_add_column(const struct render *r, const struct cdb_op *op);
int pg_render_drop_column(const struct render *r, const struct cdb_op *op);
int pg_render_rename_column(const struct render *r, const struct cdb_op *op);
int pg_render_alter_column(const struct render *r, const struct cdb_op *op);
/* constraints.c */
int pg_render_add_constraint(const struct render *r, const struct cdb_op *op);
int pg_render_drop_constraint(const struct render *r, const struct cdb_op *op);
int pg_render_create_index(const struct render *r, const struct cdb_op *op);
int pg_render_drop_index(const struct render *r, const struct cdb_op *op);
/* views.c */
int pg_render_create_view(const struct render *r, const struct cdb_op *op);
int pg_render_drop_view(const struct render *r, const struct cdb_op *op);
int pg_render_replace_view(const struct render *r, const struct cdb_op *op);
int pg_render_create_trigger(const struct render *r, const struct cdb_op *op);
int pg_render_drop_trigger(const struct render *r, const struct cdb_op *op);
/* objects.c */
int pg_render_create_namespace(const struct render *r, const struct cdb_op *op);
int pg_render_drop_namespace(const struct render *r, const struct cdb_op *op);
int pg_render_create_extension(const struct render *r, const struct cdb_op *op);
int pg_render_drop_extension(const struct render *r, const struct cdb_op *op);
int pg_render_alter_extension(const struct render *r, const struct cdb_op *op);
int pg_render_create_sequence(const struct render *r, const struct cdb_op *op);
int pg_render_drop_sequence(const struct render *r, const struct cdb_op *op);
int pg_render_alter_sequence(const struct render *r, const struct cdb_op *op);
int pg_render_create_function(const struct render *r, const struct cdb_op *op);
int pg_render_drop_function(const struct render *r, const struct cdb_op *op);
int pg_render_replace_function(const struct render *r, const struct cdb_op *op);
/* types.c */
int pg_render_create_enum(const struct render *r, const struct cdb_op *op);
int pg_render_drop_enum(const struct render *r, const struct cdb_op *op);
int pg_render_add_enum_value(const struct render *r, const struct cdb_op *op);
int pg_render_rebuild_enum(const struct render *r, const struct cdb_op *op);
/* comments.c */
int pg_render_set_comment(const struct render *r, const struct cdb_op *op);
/* domains.c */
int pg_render_create_domain(const struct render *r, const struct cdb_op *op);
int pg_render_drop_domain(const struct render *r, const struct cdb_op *op);
int pg_render_alter_domain(const struct render *r, const struct cdb_op *op);
int pg_render_rebuild_domain(const struct render *r, const struct cdb_op *op);
/* policies.c */
int pg_render_create_policy(const struct render *r, const struct cdb_op *op);
int pg_render_drop_policy(const struct render *r, const struct cdb_op *op);
int pg_render_alter_policy(const struct render *r, const struct cdb_op *op);
/* types_other.c */
int pg_render_create_collation(const struct render *r, const struct cdb_op *op);
int pg_render_drop_collation(const struct render *r, const struct cdb_op *op);
int pg_render_replace_collation(const struct render *r, const struct cdb_op *op);
int pg_render_create_range(const struct render *r, const struct cdb_op *op);
int pg_render_drop_range(const struct render *r, const struct cdb_op *op);
int pg_render_replace_range(const struct render *r, const struct cdb_op *op);
int pg_render_create_composite(const struct render *r, const struct cdb_op *op);
int pg_render_drop_composite(const struct render *r, const struct cdb_op *op);
int pg_render_alter_composite(const struct render *r, const struct cdb_op *op);

/* ---------------------------------------------------- names.c: names and printed text */

/* Type `ty` without its length or precision, for the explicit cast of a USING clause. */
void pg_cast_type(struct cdb_buf *b, const char *ty);
/* Table `t`, schema-qualified unless public. */
void pg_qtable(struct cdb_buf *b, const struct cdb_table *t);
/* A type (or function) name as format_type() prints it (search_path: "$user", public). */
void pg_type_name(struct cdb_buf *b, const char *schema, const char *name);
/*
 * A sequence's owner "table.column" or "schema.table.column" split into its
 * parts, each malloc'ed; false (nothing allocated) when it has no dot.
 */
/* A definition the server printed, without its trailing ';' and blank lines. */
void pg_put_def(struct cdb_buf *b, const char *def);
/* The schema (diff->from or diff->to) whose tables array holds `t`. */
const struct cdb_schema *pg_owner_of_table(const struct render *r, const struct cdb_table *t);

/* ----------------------------------------------- statement pieces of one family */

/* columns.c: a serial column's sequence, before the column appears and once it does. */
bool pg_sequence_kept(const struct render *r, const char *schema, const char *name);
void pg_serial_before(const struct render *r, const struct cdb_table *t, const struct cdb_column *c);
void pg_owned_by(struct cdb_buf *b, const char *seq_schema, const char *seq, const struct cdb_table *t,
                 const char *column);
/* columns.c: column `c` as the op at `at` creates it. */
void pg_column_def_at(const struct render *r, size_t at, const struct cdb_table *t, const struct cdb_column *c);
/* columns.c: "ALTER TABLE t ALTER COLUMN c " */
void pg_alter_column_head(struct cdb_buf *b, const struct cdb_table *t, const char *column);
/* objects.c */
void pg_create_sequence(struct cdb_buf *b, const struct cdb_sequence *q);
void pg_function_ref(struct cdb_buf *b, const struct cdb_function *f);
/* views.c */
void pg_create_view(struct cdb_buf *b, const struct cdb_view *v, bool replace);
void pg_drop_view(struct cdb_buf *b, const struct cdb_view *v);
void pg_recreate_view_indexes(const struct render *r, const struct cdb_view *v);
size_t pg_views_reading(const struct render *r, const struct cdb_schema *s, char ***names, size_t *n,
                        const struct cdb_view ***out);
void pg_when_triggers(const struct render *r, const struct cdb_table *t, const char *column, bool drop);
/* domains.c */
void pg_create_domain(struct cdb_buf *b, const struct cdb_domain *d);
/* types.c: the type rebuild, and the types one replaces */
void pg_rebuild_type(const struct render *r, const struct cdb_op *op);
struct rebuilt *pg_rebuilt_types(const struct render *r, const struct cdb_op *op, size_t *n);
void pg_rebuilt_free(struct rebuilt *types, size_t n);
bool pg_mentions_rebuilt(const char *def, const struct rebuilt *t, size_t n);

/* ------------------------------ order.c: where a statement goes in its list */

bool pg_trigger_has_op(const struct render *r, const struct cdb_trigger *g);
bool pg_view_has_op(const struct render *r, const struct cdb_view *v);
bool pg_index_created_here(const struct render *r, const struct cdb_index *x);
bool pg_constraint_added_later(const struct render *r, const struct cdb_table *t, const struct cdb_constraint *k);
bool pg_owner_rendered_here(const struct render *r, const struct cdb_sequence *q);
bool pg_mentions_type(const char *def, const char *type);
bool pg_dropped_later(const struct render *r, size_t at, const struct cdb_table *t, const struct cdb_constraint *k,
                      const struct cdb_index *x);
bool pg_dropped_by_rebuild(const struct render *r, size_t at, const char *definition);
size_t pg_label_waits(const struct render *r, size_t at, const char *def);
bool pg_waits_for(const struct render *r, size_t at, const struct cdb_constraint *k, const struct cdb_index *x);
bool pg_uses_dropped_label(const char *def, const char *type, const struct cdb_enum *from, const struct cdb_enum *to);
bool pg_function_dropped_by_rebuild(const struct render *r, size_t at, const struct cdb_function *f);
bool pg_function_waits(const struct render *r, size_t at, const struct cdb_function *f);
const char *pg_function_after(const struct render *r, size_t at, const struct cdb_function *f);
int pg_enum_add_needs_rebuild(const struct render *r, size_t at);
size_t pg_view_created_later(const struct cdb_op *ops, size_t n, size_t from, const struct cdb_index *x);

#endif
