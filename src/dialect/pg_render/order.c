/*
 * order.c - where a statement goes in its list
 *
 * Every look forwards or backwards through the list being rendered is here:
 * whether another op already does (or will do) a statement's work, and
 * whether a statement must wait for a later op (a type rebuild bringing
 * back a label it names) or follow one (an index after its materialized
 * view). They match ops and SQL text; a dependency order computed once for
 * the whole list would replace them together.
 */
#include <stdlib.h>
#include <string.h>

#include "render_priv.h"

/* Does any trigger op of the list touch a trigger called like `g`? Then the diff manages it. */
bool pg_trigger_has_op(const struct render *r, const struct cdb_trigger *g)
{
	for (size_t i = 0; i < r->nops; i++) {
		const struct cdb_trigger *w = r->ops[i].from_trigger ? r->ops[i].from_trigger : r->ops[i].to_trigger;

		if (w && same(w->name, g->name) && same(w->table, g->table) && same_schema(w->schema, g->schema))
			return true;
	}
	return false;
}

/* Does any view op of the list touch a view called like `v`? Then the diff manages it. */
bool pg_view_has_op(const struct render *r, const struct cdb_view *v)
{
	for (size_t i = 0; i < r->nops; i++) {
		const struct cdb_view *w = r->ops[i].from_view ? r->ops[i].from_view : r->ops[i].to_view;

		if (w && same(w->name, v->name) && same_schema(w->schema, v->schema))
			return true;
	}
	return false;
}

/* Does a CREATE_INDEX op of this list create an index called like `x`? */
bool pg_index_created_here(const struct render *r, const struct cdb_index *x)
{
	for (size_t k = 0; k < r->nops; k++)
		if (r->ops[k].kind == CDB_OP_CREATE_INDEX && r->ops[k].to_index &&
		    same(r->ops[k].to_index->name, x->name) && same_schema(r->ops[k].to_index->schema, x->schema))
			return true;
	return false;
}

/* Does an ADD_CONSTRAINT op of this list add `k` to `t` (then CREATE TABLE leaves it out)? */
bool pg_constraint_added_later(const struct render *r, const struct cdb_table *t,
                                   const struct cdb_constraint *k)
{
	for (size_t i = 0; i < r->nops; i++)
		if (r->ops[i].kind == CDB_OP_ADD_CONSTRAINT && r->ops[i].to_table == t &&
		    (r->ops[i].to_constraint == k ||
		     (k->name && r->ops[i].to_constraint && same(r->ops[i].to_constraint->name, k->name))))
			return true;
	return false;
}

/* Is the owner of sequence q a column that an op of this list creates or alters? */
bool pg_owner_rendered_here(const struct render *r, const struct cdb_sequence *q)
{
	char *schema = NULL, *table = NULL, *column = NULL;
	bool hit = false;

	if (!cdb_sequence_owner(q, &schema, &table, &column))
		return false;
	for (size_t i = 0; i < r->nops && !hit; i++) {
		const struct cdb_op *op = &r->ops[i];
		const struct cdb_table *t = op->to_table;
		const struct cdb_column *c = op->to_column;

		if (!t || !same(t->name, table) || !same_schema(t->schema, schema))
			continue;
		if (op->kind == CDB_OP_CREATE_TABLE) {
			for (size_t k = 0; k < t->ncolumns; k++)
				if (same(t->columns[k].name, column) && same(t->columns[k].serial_seq, q->name))
					hit = true;
		} else if ((op->kind == CDB_OP_ADD_COLUMN || op->kind == CDB_OP_ALTER_COLUMN) && c &&
		           same(c->name, column) && same(c->serial_seq, q->name)) {
			hit = op->kind == CDB_OP_ADD_COLUMN || !op->from_column ||
			      !same(op->from_column->serial_seq, q->name);
		}
	}
	free(schema);
	free(table);
	free(column);
	return hit;
}

/* Does SQL text `def` name the type `type` (as a whole word)? */
bool pg_mentions_type(const char *def, const char *type)
{
	size_t n = strlen(type);

	for (const char *p = def ? strstr(def, type) : NULL; p; p = strstr(p + 1, type)) {
		char before = p > def ? p[-1] : ' ', after = p[n];
		bool word_before = (before >= 'a' && before <= 'z') || (before >= '0' && before <= '9') ||
		                   before == '_' || before == '.' || before == '"';
		bool word_after = (after >= 'a' && after <= 'z') || (after >= '0' && after <= '9') || after == '_';

		if (!word_before && !word_after)
			return true;
	}
	return false;
}

/* Is there a DROP op for this constraint (or index) after position `at` of the list? */
bool pg_dropped_later(const struct render *r, size_t at, const struct cdb_table *t,
                          const struct cdb_constraint *k, const struct cdb_index *x)
{
	for (size_t i = at + 1; i < r->nops; i++) {
		const struct cdb_op *op = &r->ops[i];

		if (k && op->kind == CDB_OP_DROP_CONSTRAINT && op->from_constraint && op->from_table &&
		    same(op->from_constraint->name, k->name) && same(op->from_table->name, t->name) &&
		    same_schema(op->from_table->schema, t->schema))
			return true;
		if (x && op->kind == CDB_OP_DROP_INDEX && op->from_index && same(op->from_index->name, x->name) &&
		    same_schema(op->from_index->schema, x->schema))
			return true;
	}
	return false;
}

/*
 * Did an enum rebuild before position `at` already drop this definition
 * (it names the rebuilt type, and was left out because it is dropped later)?
 */
bool pg_dropped_by_rebuild(const struct render *r, size_t at, const char *definition)
{
	for (size_t i = 0; i < at && i < r->nops; i++) {
		const struct cdb_op *op = &r->ops[i];
		struct cdb_buf tn = CDB_BUF_INIT;
		bool hit;

		if (op->kind == CDB_OP_REBUILD_ENUM && op->from_enum)
			pg_type_name(&tn, op->from_enum->schema, op->from_enum->name);
		else if (op->kind == CDB_OP_REBUILD_DOMAIN)
			pg_type_name(&tn, op->from_domain->schema, op->from_domain->name);
		else
			continue;
		hit = pg_mentions_type(definition, tn.ptr);
		cdb_buf_release(&tn);
		if (hit)
			return true;
	}
	return false;
}

/* Does SQL text `def` hold the constant 'label'::type? */
static bool uses_label(const char *def, const char *type, const char *label)
{
	struct cdb_buf lit = CDB_BUF_INIT;
	bool hit;

	if (!def)
		return false;
	pg_quote_literal(&lit, label);
	cdb_buf_printf(&lit, "::%s", type);
	hit = strstr(def, lit.ptr) != NULL;
	cdb_buf_release(&lit);
	return hit;
}

static bool table_uses_label(const struct cdb_table *t, const char *type, const char *label)
{
	for (size_t c = 0; t && c < t->ncolumns; c++)
		if (uses_label(t->columns[c].default_expr, type, label))
			return true;
	for (size_t c = 0; t && c < t->nconstraints; c++)
		if (uses_label(t->constraints[c].definition, type, label))
			return true;
	return false;
}

/*
 * Index of the first REBUILD_ENUM op after `at` that gives its type back a
 * label which SQL text `def` uses ('label'::type); r->nops when there is
 * none. In a downgrade the constraints, index predicates and defaults of
 * the old schema come back (step 3 reversed) before the type regains the
 * labels they name (step 2 reversed): they wait for that rebuild, which
 * adds them after creating the type.
 */
size_t pg_label_waits(const struct render *r, size_t at, const char *def)
{
	for (size_t i = at + 1; def && i < r->nops; i++) {
		const struct cdb_op *op = &r->ops[i];
		struct cdb_buf tn = CDB_BUF_INIT;
		bool hit = false;

		if (op->kind != CDB_OP_REBUILD_ENUM || !op->from_enum || !op->to_enum)
			continue;
		pg_type_name(&tn, op->to_enum->schema, op->to_enum->name);
		for (size_t k = 0; k < op->to_enum->nlabels && !hit; k++) {
			bool had = false;

			for (size_t j = 0; j < op->from_enum->nlabels && !had; j++)
				had = strcmp(op->from_enum->labels[j], op->to_enum->labels[k]) == 0;
			hit = !had && uses_label(def, tn.ptr, op->to_enum->labels[k]);
		}
		cdb_buf_release(&tn);
		if (hit)
			return i;
	}
	return r->nops;
}

/* Was the constraint or index (as in diff->from) left to the rebuild at `at` by an op before it? */
bool pg_waits_for(const struct render *r, size_t at, const struct cdb_constraint *k, const struct cdb_index *x)
{
	for (size_t i = 0; i < at; i++) {
		const struct cdb_op *op = &r->ops[i];

		if (k && op->kind == CDB_OP_ADD_CONSTRAINT && op->to_constraint == k &&
		    pg_label_waits(r, i, k->definition) == at)
			return true;
		if (x && op->kind == CDB_OP_CREATE_INDEX && op->to_index == x && pg_label_waits(r, i, x->definition) == at)
			return true;
		for (size_t n = 0; k && op->kind == CDB_OP_CREATE_TABLE && n < op->to_table->nconstraints; n++)
			if (&op->to_table->constraints[n] == k && pg_label_waits(r, i, k->definition) == at)
				return true;
	}
	return false;
}

/* Does `def` use a label of enum op `from` that `to` no longer has? */
bool pg_uses_dropped_label(const char *def, const char *type, const struct cdb_enum *from,
                               const struct cdb_enum *to)
{
	for (size_t i = 0; def && i < from->nlabels; i++) {
		bool kept = false;

		for (size_t k = 0; k < to->nlabels && !kept; k++)
			kept = strcmp(from->labels[i], to->labels[k]) == 0;
		if (!kept && uses_label(def, type, from->labels[i]))
			return true;
	}
	return false;
}

/*
 * Did a rebuild before position `at` drop function `f` (its definition
 * names a rebuilt type)? It did not create it again when a later op drops
 * it, so that op has nothing left to do.
 */
bool pg_function_dropped_by_rebuild(const struct render *r, size_t at, const struct cdb_function *f)
{
	bool hit = false;

	for (size_t i = 0; i < at && i < r->nops && !hit; i++) {
		struct rebuilt *types;
		size_t n;

		if (r->ops[i].kind != CDB_OP_REBUILD_ENUM && r->ops[i].kind != CDB_OP_REBUILD_DOMAIN &&
		    !(r->ops[i].kind == CDB_OP_ADD_ENUM_VALUE && pg_enum_add_needs_rebuild(r, i) == 1))
			continue;
		types = pg_rebuilt_types(r, &r->ops[i], &n);
		hit = pg_mentions_rebuilt(f->definition, types, n);
		pg_rebuilt_free(types, n);
	}
	return hit;
}

/*
 * Was function `f` (as in the database's schema) left to the rebuild at
 * `at` by a CREATE_FUNCTION before it (its body names a label the rebuild
 * brings back)? Then it does not exist yet.
 */
bool pg_function_waits(const struct render *r, size_t at, const struct cdb_function *f)
{
	for (size_t i = 0; i < at; i++) {
		const struct cdb_op *op = &r->ops[i];

		if (op->kind == CDB_OP_CREATE_FUNCTION && same(op->to_function->name, f->name) &&
		    same_schema(op->to_function->schema, f->schema) && same(op->to_function->args, f->args) &&
		    pg_label_waits(r, i, op->to_function->definition) == at)
			return true;
	}
	return false;
}

/*
 * The definition function `f` (as the database has it at position `at`)
 * should have once the rebuild there is done: a later op of the list that
 * creates or replaces it gives its own (the old body may name a label that
 * goes); NULL when a later op drops it.
 */
const char *pg_function_after(const struct render *r, size_t at, const struct cdb_function *f)
{
	for (size_t i = at + 1; i < r->nops; i++) {
		const struct cdb_op *op = &r->ops[i];
		const struct cdb_function *g = op->from_function ? op->from_function : op->to_function;

		if (!g || !same(g->name, f->name) || !same_schema(g->schema, f->schema) || !same(g->args, f->args))
			continue;
		if (op->kind == CDB_OP_DROP_FUNCTION)
			return NULL;
		if (op->kind == CDB_OP_CREATE_FUNCTION || op->kind == CDB_OP_REPLACE_FUNCTION)
			return op->to_function->definition;
	}
	return f->definition;
}

/*
 * A label added with ALTER TYPE ... ADD VALUE cannot be used before the
 * transaction commits. When a later op of the list uses one of the labels
 * added to this type, the type is rebuilt instead (a type created in the
 * transaction may be used at once): 1 for the type's first ADD_ENUM_VALUE op,
 * which renders the rebuild, 2 for the others, 0 when ADD VALUE is fine.
 */
int pg_enum_add_needs_rebuild(const struct render *r, size_t at)
{
	const struct cdb_op *me = &r->ops[at];
	const struct cdb_enum *e = me->to_enum;
	struct cdb_buf tn = CDB_BUF_INIT;
	bool used = false;
	size_t first = at;

	if (!e || !me->from_enum)
		return 0;
	pg_type_name(&tn, e->schema, e->name);
	for (size_t i = 0; i < r->nops; i++) {
		const struct cdb_op *a = &r->ops[i];

		if (a->kind != CDB_OP_ADD_ENUM_VALUE || !a->to_enum || !same(a->to_enum->name, e->name) ||
		    !same_schema(a->to_enum->schema, e->schema))
			continue;
		if (i < first)
			first = i;
		for (size_t k = i + 1; k < r->nops && !used; k++) {
			const struct cdb_op *o = &r->ops[k];

			used = (o->to_column && uses_label(o->to_column->default_expr, tn.ptr, a->label)) ||
			       (o->kind == CDB_OP_CREATE_TABLE && table_uses_label(o->to_table, tn.ptr, a->label)) ||
			       (o->to_constraint && uses_label(o->to_constraint->definition, tn.ptr, a->label)) ||
			       (o->to_index && uses_label(o->to_index->definition, tn.ptr, a->label)) ||
			       (o->to_view && uses_label(o->to_view->definition, tn.ptr, a->label)) ||
			       (o->to_trigger && uses_label(o->to_trigger->definition, tn.ptr, a->label)) ||
			       (o->to_function && uses_label(o->to_function->definition, tn.ptr, a->label));
		}
	}
	cdb_buf_release(&tn);
	if (!used)
		return 0;
	return first == at ? 1 : 2;
}

/*
 * Index i of the view op after `from` that creates (or re-creates) the
 * materialized view an index is built on; n when there is none.
 */
size_t pg_view_created_later(const struct cdb_op *ops, size_t n, size_t from, const struct cdb_index *x)
{
	for (size_t j = from + 1; j < n; j++) {
		const struct cdb_view *v = ops[j].to_view;

		if ((ops[j].kind == CDB_OP_CREATE_VIEW || ops[j].kind == CDB_OP_REPLACE_VIEW) && v &&
		    same(v->name, x->table) && same_schema(v->schema, x->schema))
			return j;
	}
	return n;
}
