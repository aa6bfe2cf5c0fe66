/*
 * describe.c - the one-line description of an op a user reads ("add column
 * 'users.email'"), one function per kind, named in its row of CDB_OP_KINDS()
 */
#include "diff_priv.h"

static void put_qual(struct cdb_buf *b, const char *schema, const char *name)
{
	cdb_buf_putc(b, '\'');
	if (schema)
		cdb_buf_printf(b, "%s.", schema);
	cdb_buf_printf(b, "%s'", name ? name : "?");
}

/* `verb` (with its trailing space) and the quoted, qualified name: "drop type 'crm.mood'" */
static void put_named(struct cdb_buf *b, const char *verb, const char *schema, const char *name)
{
	cdb_buf_puts(b, verb);
	put_qual(b, schema, name);
}

static const struct cdb_table *op_table(const struct cdb_op *op)
{
	return op->to_table ? op->to_table : op->from_table;
}

static void put_column(struct cdb_buf *b, const struct cdb_op *op, const struct cdb_column *col)
{
	const struct cdb_table *t = op_table(op);

	cdb_buf_putc(b, '\'');
	if (t && t->schema)
		cdb_buf_printf(b, "%s.", t->schema);
	cdb_buf_printf(b, "%s.%s'", t ? t->name : "?", col->name);
}

static const char *con_kind(enum cdb_constraint_kind k)
{
	switch (k) {
	case CDB_CON_PRIMARY: return "primary key";
	case CDB_CON_UNIQUE: return "unique constraint";
	case CDB_CON_CHECK: return "check constraint";
	case CDB_CON_FOREIGN: return "foreign key";
	case CDB_CON_EXCLUDE: return "exclusion constraint";
	}
	return "constraint";
}

static void put_constraint(struct cdb_buf *b, const struct cdb_op *op, const struct cdb_constraint *k)
{
	const struct cdb_table *t = op_table(op);

	cdb_buf_puts(b, con_kind(k->kind));
	if (k->name)
		cdb_buf_printf(b, " '%s'", k->name);
	if (k->kind == CDB_CON_CHECK && k->expr) {
		cdb_buf_printf(b, " (%s)", k->expr);
	} else if (k->ncolumns) {
		cdb_buf_puts(b, " (");
		for (size_t i = 0; i < k->ncolumns; i++)
			cdb_buf_printf(b, "%s%s", i ? ", " : "", k->columns[i]);
		cdb_buf_putc(b, ')');
	}
	if (k->kind == CDB_CON_FOREIGN)
		cdb_buf_printf(b, " -> '%s'", k->ref_table);
	cdb_buf_puts(b, " on ");
	put_qual(b, t ? t->schema : NULL, t ? t->name : NULL);
}

static void put_flags(struct cdb_buf *b, unsigned f)
{
	static const struct { unsigned flag; const char *name; } names[] = {
		{ CDB_ALTER_TYPE, "type" }, { CDB_ALTER_NULLABLE, "nullable" },
		{ CDB_ALTER_DEFAULT, "default" }, { CDB_ALTER_COLLATION, "collation" },
		{ CDB_ALTER_GENERATED, "generated" }, { CDB_ALTER_IDENTITY, "identity" },
		{ CDB_ALTER_POSITION, "position" }, { CDB_ALTER_WITHOUT_ROWID, "without rowid" },
		{ CDB_ALTER_STRICT, "strict" }, { CDB_ALTER_SEQ_TYPE, "type" },
		{ CDB_ALTER_SEQ_PARAMS, "parameters" }, { CDB_ALTER_SEQ_OWNED, "owned by" },
		{ CDB_ALTER_DOMAIN_CHECKS, "checks" }, { CDB_ALTER_IDENTITY_OPTIONS, "options" },
		{ CDB_ALTER_PARTITION_BOUND, "partition bound" }, { CDB_ALTER_PARTITIONING, "partitioning" },
		{ CDB_ALTER_RLS, "row level security" }, { CDB_ALTER_FORCE_RLS, "force row level security" },
		{ CDB_ALTER_LOGGED, "logged" }, { CDB_ALTER_STORAGE, "storage parameters" },
		{ CDB_ALTER_POLICY_ROLES, "roles" }, { CDB_ALTER_POLICY_USING, "using" },
		{ CDB_ALTER_POLICY_CHECK, "with check" },
	};
	bool first = true;

	cdb_buf_puts(b, " (");
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (f & names[i].flag) {
			cdb_buf_printf(b, "%s%s", first ? "" : ", ", names[i].name);
			first = false;
		}
	cdb_buf_putc(b, ')');
}

/* tables, columns, constraints */

void describe_create_table(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "create table ", op_table(op)->schema, op_table(op)->name);
}

void describe_drop_table(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "drop table ", op_table(op)->schema, op_table(op)->name);
}

void describe_rename_table(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "rename table ", op->from_table->schema, op->from_table->name);
	cdb_buf_printf(out, " to '%s'", op->to_table->name);
}

void describe_alter_table(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "alter table ", op_table(op)->schema, op_table(op)->name);
	put_flags(out, op->alter);
}

void describe_add_column(struct cdb_buf *out, const struct cdb_op *op)
{
	cdb_buf_puts(out, "add column ");
	put_column(out, op, op->to_column);
}

void describe_drop_column(struct cdb_buf *out, const struct cdb_op *op)
{
	cdb_buf_puts(out, "drop column ");
	put_column(out, op, op->from_column);
}

void describe_rename_column(struct cdb_buf *out, const struct cdb_op *op)
{
	cdb_buf_puts(out, "rename column ");
	put_column(out, op, op->from_column);
	cdb_buf_printf(out, " to '%s'", op->to_column->name);
}

void describe_alter_column(struct cdb_buf *out, const struct cdb_op *op)
{
	cdb_buf_puts(out, "alter column ");
	put_column(out, op, op->to_column);
	put_flags(out, op->alter);
}

void describe_add_constraint(struct cdb_buf *out, const struct cdb_op *op)
{
	cdb_buf_puts(out, "add ");
	put_constraint(out, op, op->to_constraint);
}

void describe_drop_constraint(struct cdb_buf *out, const struct cdb_op *op)
{
	cdb_buf_puts(out, "drop ");
	put_constraint(out, op, op->from_constraint);
}

/* dependents: indexes, views, triggers */

static void put_index(struct cdb_buf *out, const char *verb, const struct cdb_index *x)
{
	cdb_buf_printf(out, "%s %sindex ", verb, x->unique ? "unique " : "");
	put_qual(out, x->schema, x->name);
	cdb_buf_puts(out, " on ");
	put_qual(out, x->schema, x->table);
}

void describe_create_index(struct cdb_buf *out, const struct cdb_op *op)
{
	put_index(out, "create", op->to_index);
}

void describe_drop_index(struct cdb_buf *out, const struct cdb_op *op)
{
	put_index(out, "drop", op->from_index);
}

/* A view or trigger only recreated because something it depends on changes says so. */
static const char *recreate_verb(const struct cdb_op *op)
{
	return op->dependent ? "recreate" : "create";
}

static void put_view(struct cdb_buf *out, const char *verb, const struct cdb_op *op, const struct cdb_view *v)
{
	cdb_buf_printf(out, "%s %sview ", verb, v->materialized ? "materialized " : "");
	put_qual(out, v->schema, v->name);
	if (op->dependent)
		cdb_buf_puts(out, " (depends on a changed table)");
}

void describe_create_view(struct cdb_buf *out, const struct cdb_op *op)
{
	put_view(out, recreate_verb(op), op, op->to_view);
}

void describe_drop_view(struct cdb_buf *out, const struct cdb_op *op)
{
	put_view(out, "drop", op, op->from_view);
}

void describe_replace_view(struct cdb_buf *out, const struct cdb_op *op)
{
	put_view(out, "replace", op, op->to_view);
}

static void put_trigger(struct cdb_buf *out, const char *verb, const struct cdb_op *op,
                        const struct cdb_trigger *x)
{
	cdb_buf_printf(out, "%s trigger ", verb);
	put_qual(out, x->schema, x->name);
	cdb_buf_puts(out, " on ");
	put_qual(out, x->schema, x->table);
	if (op->dependent)
		cdb_buf_puts(out, " (its table is rebuilt)");
}

void describe_create_trigger(struct cdb_buf *out, const struct cdb_op *op)
{
	put_trigger(out, recreate_verb(op), op, op->to_trigger);
}

void describe_drop_trigger(struct cdb_buf *out, const struct cdb_op *op)
{
	put_trigger(out, "drop", op, op->from_trigger);
}

/* schemas, extensions, sequences, functions */

void describe_create_namespace(struct cdb_buf *out, const struct cdb_op *op)
{
	cdb_buf_printf(out, "create schema '%s'", op->to_namespace->name);
}

void describe_drop_namespace(struct cdb_buf *out, const struct cdb_op *op)
{
	cdb_buf_printf(out, "drop schema '%s'", op->from_namespace->name);
}

void describe_create_extension(struct cdb_buf *out, const struct cdb_op *op)
{
	cdb_buf_printf(out, "create extension '%s'", op->to_extension->name);
}

void describe_drop_extension(struct cdb_buf *out, const struct cdb_op *op)
{
	cdb_buf_printf(out, "drop extension '%s'", op->from_extension->name);
}

void describe_alter_extension(struct cdb_buf *out, const struct cdb_op *op)
{
	cdb_buf_printf(out, "alter extension '%s'", op->to_extension->name);
}

void describe_create_sequence(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "create sequence ", op->to_sequence->schema, op->to_sequence->name);
}

void describe_drop_sequence(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "drop sequence ", op->from_sequence->schema, op->from_sequence->name);
}

void describe_alter_sequence(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "alter sequence ", op->to_sequence->schema, op->to_sequence->name);
	put_flags(out, op->alter);
}

/* "create procedure 'crm.touch'(integer)": the function's own kind and its arguments */
static void put_function(struct cdb_buf *out, const char *verb, const struct cdb_function *fn)
{
	cdb_buf_printf(out, "%s %s ", verb, fn->kind ? fn->kind : "function");
	put_qual(out, fn->schema, fn->name);
	cdb_buf_printf(out, "(%s)", fn->args ? fn->args : "");
}

void describe_create_function(struct cdb_buf *out, const struct cdb_op *op)
{
	put_function(out, "create", op->to_function);
}

void describe_drop_function(struct cdb_buf *out, const struct cdb_op *op)
{
	put_function(out, "drop", op->from_function);
}

void describe_replace_function(struct cdb_buf *out, const struct cdb_op *op)
{
	put_function(out, "replace", op->to_function);
}

void describe_set_comment(struct cdb_buf *out, const struct cdb_op *op)
{
	const struct cdb_table *t = op_table(op);

	cdb_buf_puts(out, op->to_comment ? "set comment on " : "remove comment on ");
	switch (op->comment_on) {
	case CDB_COMMENT_TABLE: put_named(out, "table ", t->schema, t->name); break;
	case CDB_COMMENT_COLUMN: cdb_buf_puts(out, "column "); put_column(out, op, op->to_column); break;
	case CDB_COMMENT_CONSTRAINT: put_constraint(out, op, op->to_constraint); break;
	case CDB_COMMENT_INDEX: put_named(out, "index ", op->to_index->schema, op->to_index->name); break;
	case CDB_COMMENT_VIEW: put_named(out, "view ", op->to_view->schema, op->to_view->name); break;
	case CDB_COMMENT_TRIGGER:
		put_named(out, "trigger ", op->to_trigger->schema, op->to_trigger->name);
		break;
	case CDB_COMMENT_ENUM: put_named(out, "type ", op->to_enum->schema, op->to_enum->name); break;
	case CDB_COMMENT_SEQUENCE:
		put_named(out, "sequence ", op->to_sequence->schema, op->to_sequence->name);
		break;
	case CDB_COMMENT_FUNCTION:
		put_named(out, "function ", op->to_function->schema, op->to_function->name);
		break;
	case CDB_COMMENT_NAMESPACE: cdb_buf_printf(out, "schema '%s'", op->to_namespace->name); break;
	case CDB_COMMENT_DOMAIN: put_named(out, "domain ", op->to_domain->schema, op->to_domain->name); break;
	case CDB_COMMENT_COLLATION:
		put_named(out, "collation ", op->to_collation->schema, op->to_collation->name);
		break;
	case CDB_COMMENT_RANGE: put_named(out, "type ", op->to_range->schema, op->to_range->name); break;
	case CDB_COMMENT_COMPOSITE:
		put_named(out, "type ", op->to_composite->schema, op->to_composite->name);
		break;
	}
}

/* policies */

static void put_policy(struct cdb_buf *out, const char *verb, const struct cdb_op *op,
                       const struct cdb_policy *p)
{
	const struct cdb_table *t = op_table(op);

	cdb_buf_printf(out, "%s policy '%s' on ", verb, p->name);
	put_qual(out, t->schema, t->name);
	if (op->kind == CDB_OP_ALTER_POLICY)
		put_flags(out, op->alter);
	else if (op->dependent)
		cdb_buf_puts(out, op->implied ? " (with its table)" : " (its columns change)");
}

void describe_create_policy(struct cdb_buf *out, const struct cdb_op *op)
{
	put_policy(out, recreate_verb(op), op, op->to_policy);
}

void describe_drop_policy(struct cdb_buf *out, const struct cdb_op *op)
{
	put_policy(out, "drop", op, op->from_policy);
}

void describe_alter_policy(struct cdb_buf *out, const struct cdb_op *op)
{
	put_policy(out, "alter", op, op->to_policy);
}

/* types: enums, domains, collations, ranges, composites */

void describe_create_enum(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "create type ", op->to_enum->schema, op->to_enum->name);
}

void describe_drop_enum(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "drop type ", op->from_enum->schema, op->from_enum->name);
}

void describe_add_enum_value(struct cdb_buf *out, const struct cdb_op *op)
{
	cdb_buf_printf(out, "add value '%s' to type ", op->label);
	put_qual(out, op->to_enum->schema, op->to_enum->name);
}

void describe_rebuild_enum(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "rebuild type ", op->to_enum->schema, op->to_enum->name);
	cdb_buf_puts(out, " (labels removed or reordered)");
}

void describe_create_domain(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "create domain ", op->to_domain->schema, op->to_domain->name);
}

void describe_drop_domain(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "drop domain ", op->from_domain->schema, op->from_domain->name);
}

void describe_alter_domain(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "alter domain ", op->to_domain->schema, op->to_domain->name);
	put_flags(out, op->alter);
}

void describe_rebuild_domain(struct cdb_buf *out, const struct cdb_op *op)
{
	const struct cdb_domain *a = op->from_domain, *b = op->to_domain;

	put_named(out, "rebuild domain ", b->schema, b->name);
	if (opt_eq(a->type, b->type))
		cdb_buf_printf(out, " (%s", b->notnull != a->notnull ? "NOT NULL" : "checks");
	else
		cdb_buf_printf(out, " (%s -> %s", a->type, b->type);
	if (!opt_eq(a->collation, b->collation))
		cdb_buf_printf(out, ", collation %s -> %s", a->collation ? a->collation : "default",
		               b->collation ? b->collation : "default");
	cdb_buf_putc(out, ')');
}

void describe_create_collation(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "create collation ", op->to_collation->schema, op->to_collation->name);
}

void describe_drop_collation(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "drop collation ", op->from_collation->schema, op->from_collation->name);
}

void describe_replace_collation(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "replace collation ", op->to_collation->schema, op->to_collation->name);
}

void describe_create_range(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "create range type ", op->to_range->schema, op->to_range->name);
}

void describe_drop_range(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "drop range type ", op->from_range->schema, op->from_range->name);
}

void describe_replace_range(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "replace range type ", op->to_range->schema, op->to_range->name);
}

void describe_create_composite(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "create composite type ", op->to_composite->schema, op->to_composite->name);
}

void describe_drop_composite(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "drop composite type ", op->from_composite->schema, op->from_composite->name);
}

void describe_alter_composite(struct cdb_buf *out, const struct cdb_op *op)
{
	put_named(out, "alter composite type ", op->to_composite->schema, op->to_composite->name);
}

