/*
 * diff_priv.h - what the files of the differ share (see include/cdb/diff.h)
 *
 * Objects are paired by name (rename hints first), then each pair is
 * compared field by field. compute.c runs the steps below in the order
 * diff.h documents, each appending its ops to the upgrade list; the
 * downgrade is the upgrade inverted and reversed (inverse.c), so the two
 * can never disagree. One file per object family:
 *
 *   compare.c      equality of names, optional strings and SQL text
 *   match.c        pairing objects of `from` with objects of `to`, rename
 *                  hints and the renames nobody hinted
 *   tables.c       tables, columns, constraints
 *   dependents.c   views, indexes and triggers, and which of them must be
 *                  dropped and recreated around the changes they depend on
 *   types.c        enums, domains, collations, range and composite types
 *   objects.c      schemas, extensions, sequences, functions, policies,
 *                  comments
 *   order.c        creation orders of tables, views and composite types
 *   destructive.c  which ops lose data, and why
 *   inverse.c      the downgrade list; the name a table has when an op runs
 *   describe.c     the one-line description of each kind of op
 *   kinds.c        the core's columns of the op kind table (cdb/op.h)
 *   depend.c       the dependency keys of each kind of op, and the order
 *                  they give the upgrade and downgrade lists
 *   compute.c      the steps in order: cdb_diff_compute()
 */
#ifndef CDB_DIFF_PRIV_H
#define CDB_DIFF_PRIV_H

#include <stdbool.h>
#include <stddef.h>

#include "cdb/diff.h"

/* A sorted (schema, name) -> position index, so pairing stays O(n log n) for big schemas. */
struct nkey {
	const char *schema, *name;
	size_t idx;
};

struct nindex {
	struct nkey *v;
	size_t n;
};

/* What the diff learns about one table of `from` while it runs. */
struct table_state {
	long pair;        /* index of its pair in `to`, -1: dropped */
	bool changed;     /* dropped, renamed or altered (views on it are recreated) */
	bool retype;      /* a column is dropped, renamed or retyped (also by a rebuilt enum or
	                     domain, or a retyped parent) */
	bool cols;        /* a column is dropped, renamed or retyped (not a table rename): its
	                     policies are dropped before and created again after */
	const struct cdb_column **colmap; /* per column: its pair in `to` (NULL: none); NULL
	                                     when the table has no pair */
};

/* What the diff learns about one view of `from`. */
struct view_state {
	bool recreate;    /* dropped or changed itself */
	bool affected;    /* dropped and recreated because something it reads changes */
};

struct ctx {
	struct cdb_diff *d;
	const struct cdb_schema *from, *to;
	const struct cdb_rename_hints *hints;
	bool ci;                        /* SQLite rules (see struct cdb_schema.sqlite) */
	struct nindex ftables, ttables, findexes, tindexes; /* by (schema, name) */
	struct table_state *tstate;     /* per table of `from` */
	long *to_pair;                  /* per table of `to`: index of its pair in `from`, -1: created */
	struct view_state *vstate;       /* per view of `from` */
	bool *trigger_recreate;         /* per trigger of `from`: dropped before the changes and
	                                   created again after them */
	struct cdb_op *table_ops;       /* the ops of renamed and altered tables, computed before
	                                   the steps that need to know which tables change and
	                                   put in their place by place_table_ops() */
	size_t ntable_ops;
};

/* The columns of from-table ft paired with those of tt, following column renames. */
struct colmap {
	const struct cdb_table *ft, *tt;
	const struct cdb_column **from_to; /* per from column: its pair in tt, NULL: dropped */
};

/* compare.c */
bool name_eq(const struct ctx *c, const char *a, const char *b);
bool opt_eq(const char *a, const char *b);
bool opt_ieq(const char *a, const char *b);
bool sql_eq(const struct ctx *c, const char *a, const char *b);
bool collation_eq(const struct ctx *c, const char *a, const char *b);
bool strlist_eq(char **a, size_t na, char **b, size_t nb);
bool type_is_enum(const char *type, const struct cdb_enum *e);
const char *qual(struct cdb_arena *a, const char *schema, const char *name);

/* match.c */
int nkey_cmp(const char *sa, const char *na, const char *sb, const char *nb, bool ci);
void nindex_build(struct nindex *ix, size_t n, const void *base, size_t stride, size_t schema_off,
                  size_t name_off, bool ci);
long nindex_find(const struct nindex *ix, const char *schema, const char *name, bool ci);
const struct cdb_table *find_table(const struct ctx *c, const struct cdb_schema *s, const char *schema,
                                   const char *name, long *idx);
const struct cdb_column *find_column(const struct ctx *c, const struct cdb_table *t, const char *name);
const char *map_column(const struct ctx *c, const struct colmap *m, const char *name);
const char *map_table(const struct ctx *c, const char *schema, const char *name);
bool view_matches(const struct ctx *c, const struct cdb_view *v, const char *schema, const char *name);
const struct cdb_view *pair_view(const struct ctx *c, const struct cdb_schema *s, const struct cdb_view *v);
void pair_tables(struct ctx *c);
void pair_columns(const struct ctx *c, struct colmap *m, const struct cdb_column **to_from);
const struct cdb_index *pair_index(const struct ctx *c, const struct cdb_schema *s,
                                   const struct cdb_index *x);
const struct cdb_trigger *pair_trigger(const struct ctx *c, const struct cdb_schema *s,
                                       const struct cdb_trigger *x, bool map);
const struct cdb_table *owner(const struct ctx *c, const struct cdb_schema *s, const char *schema,
                              const char *table);
void column_rename_candidates(struct ctx *c, const struct colmap *m, const struct cdb_column **to_from);
void table_rename_candidates(struct ctx *c);

/* tables.c */
struct cdb_op *table_op(struct ctx *c, enum cdb_op_kind kind, const struct cdb_table *ft,
                        const struct cdb_table *tt);
void diff_paired_tables(struct ctx *c);
void retype_partitions(struct ctx *c);
void create_tables(struct ctx *c);
void place_table_ops(struct ctx *c);
void drop_tables(struct ctx *c);

/* dependents.c */
bool view_changed(const struct ctx *c, const struct cdb_view *a, const struct cdb_view *b);
bool depends_on(const struct ctx *c, const struct cdb_view *v, const char *schema, const char *name);
bool index_eq(const struct ctx *c, const struct cdb_index *a, const struct cdb_index *b);
void mark_affected_views(struct ctx *c);
void drop_view_indexes(struct ctx *c);
void drop_views(struct ctx *c);
void drop_triggers(struct ctx *c);
void drop_table_indexes(struct ctx *c);
void create_table_indexes(struct ctx *c);
void create_views(struct ctx *c);
void create_view_indexes(struct ctx *c);
void create_triggers(struct ctx *c);

/* types.c */
bool labels_eq(const struct cdb_enum *a, const struct cdb_enum *b);
const struct cdb_enum *find_enum(const struct cdb_schema *s, const struct cdb_enum *e);
const struct cdb_domain *find_domain(const struct cdb_schema *s, const struct cdb_domain *d);
const struct cdb_collation *find_collation(const struct cdb_schema *s, const struct cdb_collation *k);
bool collation_def_eq(const struct cdb_collation *a, const struct cdb_collation *b);
const struct cdb_range *find_range(const struct cdb_schema *s, const struct cdb_range *k);
bool range_eq(const struct cdb_range *a, const struct cdb_range *b);
const struct cdb_composite *find_composite(const struct cdb_schema *s, const struct cdb_composite *k);
bool composite_uses(const struct cdb_composite *u, const struct cdb_composite *k);
void create_collations(struct ctx *c);
void create_enums(struct ctx *c);
void create_domains(struct ctx *c);
void create_types(struct ctx *c);
void late_domain_checks(struct ctx *c);
void early_domain_drops(struct ctx *c);
void drop_types(struct ctx *c);
void drop_domains(struct ctx *c);
void drop_enums(struct ctx *c);
void drop_collations(struct ctx *c);
void mark_type_users(struct ctx *c);

/* objects.c */
void create_namespaces(struct ctx *c);
void create_extensions(struct ctx *c);
void create_sequences(struct ctx *c);
void create_functions(struct ctx *c);
void drop_functions(struct ctx *c);
void drop_sequences(struct ctx *c);
void drop_extensions(struct ctx *c);
void drop_namespaces(struct ctx *c);
void drop_policies(struct ctx *c);
void create_policies(struct ctx *c);
void comment_op(struct ctx *c, enum cdb_comment_on on, const char *from, const char *to,
                struct cdb_op *proto);
void clear_dropped_comments(struct ctx *c);
void set_comments(struct ctx *c);

/* order.c */
size_t *view_order(const struct ctx *c, const struct cdb_schema *s);
size_t *table_order(const struct ctx *c, const struct cdb_schema *s);
size_t *composite_order(const struct cdb_schema *s);

/* destructive.c */
void mark_destructive(struct cdb_diff *d, struct cdb_op *op);

/* inverse.c */
void build_inverse(struct cdb_diff *d);
void name_tables(struct cdb_op *ops, size_t nops);

/* describe.c: one function per row of CDB_OP_KINDS() */
#define DESCRIBE_DECL(kind, name, inverse, describe, deps, pg, sqlite) \
	void describe(struct cdb_buf *out, const struct cdb_op *op);
CDB_OP_KINDS(DESCRIBE_DECL)
#undef DESCRIBE_DECL

/* depend.c: one function per row of CDB_OP_KINDS() (deps_none for several) */
#define DEPS_DECL(kind, name, inverse, describe, deps, pg, sqlite) \
	void deps(struct cdb_op_deps *d, const struct cdb_op *op);
CDB_OP_KINDS(DEPS_DECL)
#undef DEPS_DECL

/*
 * Reorder the upgrade (`inverse` false) or the downgrade list of `d` so that
 * every op comes after what it needs and before what drops what it uses,
 * keeping the phase order wherever no dependency disagrees. For the upgrade,
 * foreign keys that tie new tables into a cycle are split out of their
 * CREATE TABLE into ADD_CONSTRAINT ops (dependent), so order the upgrade
 * before its inverse is built. PostgreSQL rules: names of tables, views,
 * sequences, indexes and key constraints share one namespace per schema.
 */
void cdb_diff_order(struct cdb_diff *d, bool inverse);

/* compute.c */
struct cdb_op *push(struct ctx *c, enum cdb_op_kind kind);

#endif
