/*
 * op.h - the kinds of operation a diff is made of, one row per kind
 *
 * CDB_OP_KINDS() is the only place a kind is defined. Each row is
 *
 *   X(KIND, "name", INVERSE, describe_fn, deps_fn, pg_render_fn, sqlite_render_fn)
 *
 *   KIND              the enum constant without its prefix: CDB_OP_<KIND>;
 *   "name"            the name printed for it (JSON output, messages);
 *   INVERSE           the kind of its op in the downgrade: creates and drops
 *                     invert to each other; renames, alters, replaces,
 *                     rebuilds and comments invert to themselves (the sides
 *                     are swapped). One row is one way: ADD_ENUM_VALUE
 *                     inverts to REBUILD_ENUM, because PostgreSQL cannot drop
 *                     a label, and REBUILD_ENUM inverts to itself;
 *   describe_fn       the core's one-line description (cdb_op_describe());
 *   deps_fn           the core's dependency keys of the op: what it creates,
 *                     drops, needs and releases (src/core/diff/depend.c),
 *                     deps_<kind in lower case>, or deps_none for a kind
 *                     that keeps its place in the phase order;
 *   pg_render_fn      the PostgreSQL renderer's function for the kind, always
 *                     pg_render_<kind in lower case>;
 *   sqlite_render_fn  the SQLite renderer's function, NULL where SQLite has
 *                     no such object (rendering the kind then fails).
 *
 * Each layer expands the columns it owns: the core the name, the inverse,
 * the description and the dependency keys (src/core/diff/kinds.c), each
 * dialect its render column. A new kind is one row here plus one function
 * per layer, and the unit test of the table fails while a row is
 * incomplete.
 *
 * The comment above a row says which fields of struct cdb_op (diff.h) the
 * kind uses.
 */
#ifndef CDB_OP_H
#define CDB_OP_H

#define CDB_OP_KINDS(X) \
	/* tables: from_table / to_table */ \
	/* to_table */ \
	X(CREATE_TABLE, "create_table", DROP_TABLE, describe_create_table, \
	  deps_create_table, pg_render_create_table, sqlite_render_create_table) \
	/* from_table; destructive */ \
	X(DROP_TABLE, "drop_table", CREATE_TABLE, describe_drop_table, \
	  deps_drop_table, pg_render_drop_table, sqlite_render_drop_table) \
	/* from_table (old name) -> to_table (new name) */ \
	X(RENAME_TABLE, "rename_table", RENAME_TABLE, describe_rename_table, \
	  deps_rename_table, pg_render_rename_table, sqlite_render_rename_table) \
	/* table options: `alter` has CDB_ALTER_WITHOUT_ROWID / _STRICT, \
	   CDB_ALTER_PARTITION_BOUND or CDB_ALTER_PARTITIONING */ \
	X(ALTER_TABLE, "alter_table", ALTER_TABLE, describe_alter_table, \
	  deps_none, pg_render_alter_table, sqlite_render_table_run) \
	\
	/* columns: from_table/to_table both set, plus from_column / to_column */ \
	/* to_column */ \
	X(ADD_COLUMN, "add_column", DROP_COLUMN, describe_add_column, \
	  deps_add_column, pg_render_add_column, sqlite_render_table_run) \
	/* from_column; destructive */ \
	X(DROP_COLUMN, "drop_column", ADD_COLUMN, describe_drop_column, \
	  deps_drop_column, pg_render_drop_column, sqlite_render_table_run) \
	/* from_column (old name) -> to_column (new name) */ \
	X(RENAME_COLUMN, "rename_column", RENAME_COLUMN, describe_rename_column, \
	  deps_none, pg_render_rename_column, sqlite_render_table_run) \
	/* from_column -> to_column; `alter` says what changed */ \
	X(ALTER_COLUMN, "alter_column", ALTER_COLUMN, describe_alter_column, \
	  deps_alter_column, pg_render_alter_column, sqlite_render_table_run) \
	\
	/* constraints: from_table/to_table both set, plus from_constraint / to_constraint */ \
	/* to_constraint (any kind, incl. PRIMARY KEY and FOREIGN KEY) */ \
	X(ADD_CONSTRAINT, "add_constraint", DROP_CONSTRAINT, describe_add_constraint, \
	  deps_add_constraint, pg_render_add_constraint, sqlite_render_table_run) \
	/* from_constraint */ \
	X(DROP_CONSTRAINT, "drop_constraint", ADD_CONSTRAINT, describe_drop_constraint, \
	  deps_drop_constraint, pg_render_drop_constraint, sqlite_render_table_run) \
	\
	/* indexes: from_index / to_index; a changed index is drop + create */ \
	X(CREATE_INDEX, "create_index", DROP_INDEX, describe_create_index, \
	  deps_create_index, pg_render_create_index, sqlite_render_create_index) \
	X(DROP_INDEX, "drop_index", CREATE_INDEX, describe_drop_index, \
	  deps_drop_index, pg_render_drop_index, sqlite_render_drop_index) \
	\
	/* views (incl. materialized): from_view / to_view */ \
	X(CREATE_VIEW, "create_view", DROP_VIEW, describe_create_view, \
	  deps_create_view, pg_render_create_view, sqlite_render_create_view) \
	X(DROP_VIEW, "drop_view", CREATE_VIEW, describe_drop_view, \
	  deps_drop_view, pg_render_drop_view, sqlite_render_drop_view) \
	/* from_view -> to_view (PostgreSQL: CREATE OR REPLACE when \
	   the columns allow it; SQLite renders drop + create) */ \
	X(REPLACE_VIEW, "replace_view", REPLACE_VIEW, describe_replace_view, \
	  deps_replace_view, pg_render_replace_view, sqlite_render_replace_view) \
	\
	/* triggers: from_trigger / to_trigger; a changed trigger is drop + create */ \
	X(CREATE_TRIGGER, "create_trigger", DROP_TRIGGER, describe_create_trigger, \
	  deps_create_trigger, pg_render_create_trigger, sqlite_render_create_trigger) \
	X(DROP_TRIGGER, "drop_trigger", CREATE_TRIGGER, describe_drop_trigger, \
	  deps_drop_trigger, pg_render_drop_trigger, sqlite_render_drop_trigger) \
	\
	/* PostgreSQL kinds */ \
	/* to_namespace */ \
	X(CREATE_NAMESPACE, "create_schema", DROP_NAMESPACE, describe_create_namespace, \
	  deps_create_namespace, pg_render_create_namespace, NULL) \
	/* from_namespace */ \
	X(DROP_NAMESPACE, "drop_schema", CREATE_NAMESPACE, describe_drop_namespace, \
	  deps_drop_namespace, pg_render_drop_namespace, NULL) \
	/* to_extension */ \
	X(CREATE_EXTENSION, "create_extension", DROP_EXTENSION, describe_create_extension, \
	  deps_none, pg_render_create_extension, NULL) \
	/* from_extension */ \
	X(DROP_EXTENSION, "drop_extension", CREATE_EXTENSION, describe_drop_extension, \
	  deps_none, pg_render_drop_extension, NULL) \
	/* from_extension -> to_extension (version or schema) */ \
	X(ALTER_EXTENSION, "alter_extension", ALTER_EXTENSION, describe_alter_extension, \
	  deps_none, pg_render_alter_extension, NULL) \
	/* to_enum */ \
	X(CREATE_ENUM, "create_enum", DROP_ENUM, describe_create_enum, \
	  deps_create_enum, pg_render_create_enum, NULL) \
	/* from_enum */ \
	X(DROP_ENUM, "drop_enum", CREATE_ENUM, describe_drop_enum, \
	  deps_drop_enum, pg_render_drop_enum, NULL) \
	/* from_enum -> to_enum: add `label` before `label_before` \
	   (NULL: at the end); one op per added label; one way (see above) */ \
	X(ADD_ENUM_VALUE, "add_enum_value", REBUILD_ENUM, describe_add_enum_value, \
	  deps_none, pg_render_add_enum_value, NULL) \
	/* from_enum -> to_enum: labels removed or reordered, or the \
	   inverse of ADD_ENUM_VALUE (PostgreSQL cannot drop a value): \
	   rename old type, create new, ALTER columns USING, drop old */ \
	X(REBUILD_ENUM, "rebuild_enum", REBUILD_ENUM, describe_rebuild_enum, \
	  deps_none, pg_render_rebuild_enum, NULL) \
	/* to_sequence */ \
	X(CREATE_SEQUENCE, "create_sequence", DROP_SEQUENCE, describe_create_sequence, \
	  deps_create_sequence, pg_render_create_sequence, NULL) \
	/* from_sequence */ \
	X(DROP_SEQUENCE, "drop_sequence", CREATE_SEQUENCE, describe_drop_sequence, \
	  deps_drop_sequence, pg_render_drop_sequence, NULL) \
	/* from_sequence -> to_sequence; `alter` has CDB_ALTER_SEQ_* */ \
	X(ALTER_SEQUENCE, "alter_sequence", ALTER_SEQUENCE, describe_alter_sequence, \
	  deps_alter_sequence, pg_render_alter_sequence, NULL) \
	/* to_function */ \
	X(CREATE_FUNCTION, "create_function", DROP_FUNCTION, describe_create_function, \
	  deps_create_function, pg_render_create_function, NULL) \
	/* from_function */ \
	X(DROP_FUNCTION, "drop_function", CREATE_FUNCTION, describe_drop_function, \
	  deps_drop_function, pg_render_drop_function, NULL) \
	/* from_function -> to_function (CREATE OR REPLACE) */ \
	X(REPLACE_FUNCTION, "replace_function", REPLACE_FUNCTION, describe_replace_function, \
	  deps_replace_function, pg_render_replace_function, NULL) \
	/* `comment_on` names the object kind; from_comment -> to_comment \
	   (NULL: no comment); the object is in the matching to_* field \
	   (and from_* for the inverse). SQLite has no comments: it renders nothing */ \
	X(SET_COMMENT, "set_comment", SET_COMMENT, describe_set_comment, \
	  deps_none, pg_render_set_comment, sqlite_render_set_comment) \
	\
	/* to_domain */ \
	X(CREATE_DOMAIN, "create_domain", DROP_DOMAIN, describe_create_domain, \
	  deps_none, pg_render_create_domain, NULL) \
	/* from_domain */ \
	X(DROP_DOMAIN, "drop_domain", CREATE_DOMAIN, describe_drop_domain, \
	  deps_none, pg_render_drop_domain, NULL) \
	/* from_domain -> to_domain: default, NOT NULL or CHECKs \
	   (`alter` has CDB_ALTER_DEFAULT / _NULLABLE / _DOMAIN_CHECKS); \
	   a changed base type or collation of an unused domain is \
	   drop + create instead */ \
	X(ALTER_DOMAIN, "alter_domain", ALTER_DOMAIN, describe_alter_domain, \
	  deps_none, pg_render_alter_domain, NULL) \
	/* from_domain -> to_domain: base type or collation of a domain \
	   columns use: rename old, create new, ALTER columns USING, \
	   drop old; destructive when the base type narrows */ \
	X(REBUILD_DOMAIN, "rebuild_domain", REBUILD_DOMAIN, describe_rebuild_domain, \
	  deps_none, pg_render_rebuild_domain, NULL) \
	\
	/* PostgreSQL row-level security policies: from_table/to_table, from_policy/to_policy */ \
	/* to_policy on to_table */ \
	X(CREATE_POLICY, "create_policy", DROP_POLICY, describe_create_policy, \
	  deps_create_policy, pg_render_create_policy, NULL) \
	/* from_policy on from_table; `implied` when its table is \
	   dropped (DROP TABLE takes it; only the inverse is rendered) */ \
	X(DROP_POLICY, "drop_policy", CREATE_POLICY, describe_drop_policy, \
	  deps_drop_policy, pg_render_drop_policy, NULL) \
	/* from_policy -> to_policy: roles, USING or WITH CHECK \
	   (`alter` has CDB_ALTER_POLICY_*); a changed command, \
	   PERMISSIVE/RESTRICTIVE or a clause that appears or goes \
	   away is drop + create instead */ \
	X(ALTER_POLICY, "alter_policy", ALTER_POLICY, describe_alter_policy, \
	  deps_none, pg_render_alter_policy, NULL) \
	/* to_collation */ \
	X(CREATE_COLLATION, "create_collation", DROP_COLLATION, describe_create_collation, \
	  deps_none, pg_render_create_collation, NULL) \
	/* from_collation */ \
	X(DROP_COLLATION, "drop_collation", CREATE_COLLATION, describe_drop_collation, \
	  deps_none, pg_render_drop_collation, NULL) \
	/* from_collation -> to_collation: drop + create; the renderer \
	   refuses when a column, index or type uses the collation */ \
	X(REPLACE_COLLATION, "replace_collation", REPLACE_COLLATION, describe_replace_collation, \
	  deps_none, pg_render_replace_collation, NULL) \
	/* to_range */ \
	X(CREATE_RANGE, "create_range", DROP_RANGE, describe_create_range, \
	  deps_none, pg_render_create_range, NULL) \
	/* from_range */ \
	X(DROP_RANGE, "drop_range", CREATE_RANGE, describe_drop_range, \
	  deps_none, pg_render_drop_range, NULL) \
	/* from_range -> to_range: drop + create; the renderer refuses \
	   when a column or another type uses the range type */ \
	X(REPLACE_RANGE, "replace_range", REPLACE_RANGE, describe_replace_range, \
	  deps_none, pg_render_replace_range, NULL) \
	/* to_composite */ \
	X(CREATE_COMPOSITE, "create_composite", DROP_COMPOSITE, describe_create_composite, \
	  deps_none, pg_render_create_composite, NULL) \
	/* from_composite */ \
	X(DROP_COMPOSITE, "drop_composite", CREATE_COMPOSITE, describe_drop_composite, \
	  deps_none, pg_render_drop_composite, NULL) \
	/* from_composite -> to_composite: ALTER TYPE ... DROP / ADD / \
	   ALTER ATTRIBUTE in place, or drop + create when unused (the \
	   renderer refuses what cannot be done to a type in use); \
	   destructive when a dropped attribute loses column data */ \
	X(ALTER_COMPOSITE, "alter_composite", ALTER_COMPOSITE, describe_alter_composite, \
	  deps_none, pg_render_alter_composite, NULL)

enum cdb_op_kind {
#define CDB_OP_ENUM_ROW(kind, name, inverse, describe, deps, pg, sqlite) CDB_OP_##kind,
	CDB_OP_KINDS(CDB_OP_ENUM_ROW)
#undef CDB_OP_ENUM_ROW
	CDB_OP__COUNT
};

struct cdb_buf;
struct cdb_op;
struct cdb_op_deps; /* the keys being collected (private to src/core/diff/depend.c) */

/* The core's columns of a row: what a kind is, whichever dialect renders it. */
struct cdb_op_kind_info {
	const char *name;          /* "add_column", as in the row */
	enum cdb_op_kind inverse;  /* the kind of the op that undoes it */
	/* Append the op's one-line description, without newline, to `out`. */
	void (*describe)(struct cdb_buf *out, const struct cdb_op *op);
	/* Add the op's dependency keys to `d` (nothing for deps_none). */
	void (*deps)(struct cdb_op_deps *d, const struct cdb_op *op);
};

/* One entry per kind, indexed by enum cdb_op_kind (src/core/diff/kinds.c). */
extern const struct cdb_op_kind_info cdb_op_kinds[CDB_OP__COUNT];

#endif
