/*
 * diff.h - schema x schema -> ordered list of operations
 *
 * cdb_diff_compute() compares the schema a database has (`from`) with the
 * schema the models declare (`to`) and produces two lists of operations:
 *
 *   ops      the upgrade, in an order that can be executed as is;
 *   inverse  the downgrade: the inverse of each upgrade op, in reverse order.
 *
 * The downgrade is derived from the upgrade, never computed by a second diff,
 * so upgrade-then-downgrade always returns to `from`. Every op points at the
 * object it comes from in `from` and the object it goes to in `to` (either
 * may be NULL, e.g. a created table has no `from` object), so a dialect
 * renderer has the complete old and new definitions in hand: SQLite needs
 * both to rebuild a table, PostgreSQL to write `ALTER ... TYPE ... USING`.
 *
 * Order of the upgrade list:
 *   1. indexes on materialized views, views and triggers that will be
 *      dropped, changed, or that read a table that changes (those are
 *      dropped here and recreated in step 6; such ops carry `dependent`);
 *      "changes" means any change on SQLite (a rebuild loses them) and a
 *      dropped, renamed or retyped column on PostgreSQL (including columns
 *      of an enum whose labels change); on SQLite this includes triggers on
 *      other tables whose text names a changing table or a dropped view
 *      (the rename step of a rebuild checks every trigger);
 *   2. namespaces, extensions, collations, enums, domains, range types,
 *      composite types (after the composite types their attributes use),
 *      sequences, functions created or changed, then the domain CHECKs that
 *      call functions (a domain is created without them; a dropped domain
 *      loses them in step 5, before the functions are dropped);
 *   3. tables: created (partitioned tables before their partitions,
 *      referenced tables before the tables that reference them), renamed,
 *      altered; within one table the ops are contiguous:
 *      dropped constraints, renamed, dropped, added, altered columns, added
 *      constraints, table options (SQLite: WITHOUT ROWID, STRICT;
 *      PostgreSQL: row-level security, UNLOGGED, storage parameters);
 *   4. indexes dropped before and created after the changes of step 3;
 *      then policies created (those of created tables too) and altered,
 *      after every table and function they may name exists (policies that
 *      go away, change command or sit on a table whose columns are
 *      dropped, renamed or retyped are dropped in step 1, after the views);
 *   5. tables dropped (partitions before their parent, referencing tables
 *      before the tables they reference);
 *      then functions, sequences, composite types (users first), range
 *      types, domains, enums, collations, extensions, namespaces dropped;
 *   6. views (in dependency order), their indexes and triggers created;
 *      comments set.
 *
 * Unnamed constraints (SQLite) are matched by content, named ones by name and
 * content (a changed definition is drop + add). Rename hints apply when the
 * old name exists in `from` and the new one in `to`; index keys are compared
 * through column renames (RENAME COLUMN rewrites the index, so an index that
 * only follows a rename has no op).
 *
 * `destructive` on a type change: on PostgreSQL when the new type may not
 * hold every old value; on SQLite when the column affinity changes in a way
 * that converts values (see docs/design.md §7).
 *
 * Ownership: the ops, the strings and the warnings are owned by the diff's
 * arena; the object pointers point into `from` and `to`, which the caller
 * keeps alive while the diff is used.
 */
#ifndef CDB_DIFF_H
#define CDB_DIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "cdb/arena.h"
#include "cdb/buf.h"
#include "cdb/models.h"
#include "cdb/op.h"
#include "cdb/schema.h"

/* The kinds of op (enum cdb_op_kind) are defined in op.h, one row per kind. */

/* What an ALTER_COLUMN / ALTER_TABLE / ALTER_SEQUENCE changes (bit flags in `alter`). */
enum cdb_alter_flags {
	CDB_ALTER_TYPE = 1 << 0,        /* declared type */
	CDB_ALTER_NULLABLE = 1 << 1,    /* NOT NULL added or removed */
	CDB_ALTER_DEFAULT = 1 << 2,     /* default added, removed or changed */
	CDB_ALTER_COLLATION = 1 << 3,   /* collation */
	CDB_ALTER_GENERATED = 1 << 4,   /* generation expression or STORED/VIRTUAL */
	CDB_ALTER_IDENTITY = 1 << 5,    /* identity added, removed or ALWAYS <-> BY DEFAULT */
	CDB_ALTER_POSITION = 1 << 6,    /* SQLite: column order differs (rebuild only when
	                                   combined with another change; alone it is ignored) */
	CDB_ALTER_WITHOUT_ROWID = 1 << 8, /* ALTER_TABLE: WITHOUT ROWID toggled */
	CDB_ALTER_STRICT = 1 << 9,      /* ALTER_TABLE: STRICT toggled */
	CDB_ALTER_SEQ_TYPE = 1 << 10,   /* ALTER_SEQUENCE: AS type */
	CDB_ALTER_SEQ_PARAMS = 1 << 11, /* ALTER_SEQUENCE: start/increment/min/max/cache/cycle */
	CDB_ALTER_SEQ_OWNED = 1 << 12,  /* ALTER_SEQUENCE: OWNED BY */
	CDB_ALTER_DOMAIN_CHECKS = 1 << 13, /* ALTER_DOMAIN: CHECK constraints added or dropped */
	CDB_ALTER_IDENTITY_OPTIONS = 1 << 14, /* with CDB_ALTER_IDENTITY on an ALTER_COLUMN whose
	                                   identity stays: START/INCREMENT/MIN/MAX/CACHE/CYCLE of
	                                   its sequence (the renderer looks both sequences up) */
	CDB_ALTER_PARTITION_BOUND = 1 << 15, /* ALTER_TABLE: a partition's bound or parent changes
	                                   (PostgreSQL: DETACH, then ATTACH, which checks the rows) */
	CDB_ALTER_PARTITIONING = 1 << 16, /* ALTER_TABLE: the partition key changes, or a table
	                                   becomes partitioned, a partition or plain; no dialect
	                                   does that in place, so rendering it fails */
	CDB_ALTER_RLS = 1 << 17,        /* ALTER_TABLE: ENABLE / DISABLE ROW LEVEL SECURITY */
	CDB_ALTER_FORCE_RLS = 1 << 18,  /* ALTER_TABLE: FORCE / NO FORCE ROW LEVEL SECURITY */
	CDB_ALTER_LOGGED = 1 << 19,     /* ALTER_TABLE: SET LOGGED / SET UNLOGGED */
	CDB_ALTER_STORAGE = 1 << 20,    /* ALTER_TABLE: storage parameters SET (...) / RESET (...) */
	CDB_ALTER_POLICY_ROLES = 1 << 21, /* ALTER_POLICY: TO roles */
	CDB_ALTER_POLICY_USING = 1 << 22, /* ALTER_POLICY: USING expression */
	CDB_ALTER_POLICY_CHECK = 1 << 23, /* ALTER_POLICY: WITH CHECK expression */
};

/* The object a CDB_OP_SET_COMMENT comments on. */
enum cdb_comment_on {
	CDB_COMMENT_TABLE,      /* to_table */
	CDB_COMMENT_COLUMN,     /* to_table + to_column */
	CDB_COMMENT_CONSTRAINT, /* to_table + to_constraint */
	CDB_COMMENT_INDEX,      /* to_index */
	CDB_COMMENT_VIEW,       /* to_view */
	CDB_COMMENT_TRIGGER,    /* to_trigger */
	CDB_COMMENT_ENUM,       /* to_enum */
	CDB_COMMENT_SEQUENCE,   /* to_sequence */
	CDB_COMMENT_FUNCTION,   /* to_function */
	CDB_COMMENT_NAMESPACE,  /* to_namespace */
	CDB_COMMENT_DOMAIN,     /* to_domain */
	CDB_COMMENT_COLLATION,  /* to_collation (the renderer writes the comment of every
	                           collation, range or composite type it creates, so only
	                           paired ones get comment ops) */
	CDB_COMMENT_RANGE,      /* to_range */
	CDB_COMMENT_COMPOSITE,  /* to_composite */
};

struct cdb_op {
	enum cdb_op_kind kind;
	unsigned alter;           /* enum cdb_alter_flags, for the ALTER_* kinds */

	/*
	 * The table an op belongs to: for table, column and constraint ops both
	 * sides (from_table in `from`, to_table in `to`) whenever the table exists
	 * on that side; for a created table only to_table, for a dropped one only
	 * from_table. Index and trigger ops also set them to the indexed table.
	 */
	const struct cdb_table *from_table, *to_table;
	/*
	 * The table as it is called when the op runs, for the statements that
	 * name it: to_table once a RENAME_TABLE of it earlier in the same list
	 * has run, else from_table (to_table when there is no from_table). The
	 * upgrade renames a table before its other ops, the downgrade renames it
	 * back after them, so in both lists this is the name at that point.
	 * NULL when the op has no table.
	 */
	const struct cdb_table *table;
	const struct cdb_column *from_column, *to_column;
	const struct cdb_constraint *from_constraint, *to_constraint;
	const struct cdb_index *from_index, *to_index;
	const struct cdb_view *from_view, *to_view;
	const struct cdb_trigger *from_trigger, *to_trigger;
	const struct cdb_namespace *from_namespace, *to_namespace;
	const struct cdb_extension *from_extension, *to_extension;
	const struct cdb_enum *from_enum, *to_enum;
	const struct cdb_sequence *from_sequence, *to_sequence;
	const struct cdb_function *from_function, *to_function;
	const struct cdb_domain *from_domain, *to_domain;
	const struct cdb_policy *from_policy, *to_policy;
	const struct cdb_collation *from_collation, *to_collation;
	const struct cdb_range *from_range, *to_range;
	const struct cdb_composite *from_composite, *to_composite;

	const char *label;        /* ADD_ENUM_VALUE: the new label */
	const char *label_before; /* ADD_ENUM_VALUE: the existing label it goes before, NULL: last */
	enum cdb_comment_on comment_on;    /* SET_COMMENT: what is commented */
	const char *from_comment, *to_comment; /* SET_COMMENT: old and new text, NULL: none */

	bool dependent;           /* a view/trigger dropped and recreated only because
	                             something it depends on changes; not a change by itself */
	bool implied;             /* upgrade only: done by another op's statement (a policy goes
	                             with its DROP TABLE), so nothing is rendered; the inverse
	                             op is rendered as usual */
	bool destructive;         /* loses data (drop table/column, narrowing type, ...) */
	const char *reason;       /* destructive: why, e.g. "drops column 'users.mail' and its data" */
};

/* A drop + add that may be a rename the user did not hint. */
struct cdb_rename_candidate {
	enum cdb_rename_kind kind;
	const struct cdb_table *from_table;   /* COLUMN: the table in `from`; TABLE: the dropped table */
	const struct cdb_table *to_table;     /* COLUMN: the table in `to`; TABLE: the created table */
	const struct cdb_column *from_column; /* COLUMN: the dropped column */
	const struct cdb_column *to_column;   /* COLUMN: the added column */
	const char *message;  /* "possible rename of column 'users.mail' to 'email'" */
	const char *hint;     /* the hint line that would make it a rename:
	                         "-- cdb: rename column users.mail to email" */
};

struct cdb_diff {
	struct cdb_arena arena;           /* owns everything below except `from`/`to` */
	const struct cdb_schema *from;    /* the database (borrowed) */
	const struct cdb_schema *to;      /* the models (borrowed) */
	struct cdb_op *ops;               /* the upgrade, in execution order */
	size_t nops, ops_cap;
	struct cdb_op *inverse;           /* the downgrade, in execution order */
	size_t ninverse, inverse_cap;
	struct cdb_rename_candidate *renames; /* possible renames, in op order */
	size_t nrenames, renames_cap;
	size_t nchanges;                  /* ops that are not `dependent`: 0 means "no changes" */
	size_t ndestructive;              /* destructive ops in `ops` */
};

/*
 * Compare `from` with `to` into `out` (uninitialised on entry). `hints` may
 * be NULL. On success the caller owns `out` and frees it with
 * cdb_diff_release(), even when it holds no operations. On failure `out` is
 * left released. Returns 0 or a negative CDB_E* code (a hint that names the
 * same object twice is CDB_EINVALID).
 */
int cdb_diff_compute(struct cdb_diff *out, const struct cdb_schema *from,
                     const struct cdb_schema *to, const struct cdb_rename_hints *hints);

void cdb_diff_release(struct cdb_diff *d);

/* True when the diff holds no change (only dependent ops or nothing). */
bool cdb_diff_empty(const struct cdb_diff *d);

/*
 * Append to `out` a one-line human description of `op`, without newline,
 * e.g. "add column 'users.email'", "alter column 'users.age' (type, nullable)",
 * "create index 'ix_users_email' on 'users'".
 */
void cdb_op_describe(struct cdb_buf *out, const struct cdb_op *op);

/* The name of an op kind, e.g. "add_column" (for JSON output). */
const char *cdb_op_kind_name(enum cdb_op_kind kind);

#endif
