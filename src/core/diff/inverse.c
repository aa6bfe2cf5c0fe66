/* inverse.c - the downgrade list, and the name a table has when an op runs */
#include <stdlib.h>

#include "cdb/alloc.h"
#include "diff_priv.h"

#define SWAP(x, y) do { const void *tmp_ = (x); (x) = (y); (y) = tmp_; } while (0)

/*
 * The downgrade: each upgrade op inverted (its row's inverse kind, the two
 * sides swapped), last op first.
 */
void build_inverse(struct cdb_diff *d)
{
	for (size_t n = d->nops; n-- > 0;) {
		const struct cdb_op *up = &d->ops[n];
		struct cdb_op *op;

		/* several ADD_ENUM_VALUE of one enum invert to a single rebuild */
		if (up->kind == CDB_OP_ADD_ENUM_VALUE && n > 0 && d->ops[n - 1].kind == CDB_OP_ADD_ENUM_VALUE &&
		    d->ops[n - 1].to_enum == up->to_enum)
			continue;
		op = CDB_ARENA_PUSH(&d->arena, d->inverse, d->ninverse, d->inverse_cap);
		*op = *up;
		op->kind = cdb_op_kinds[up->kind].inverse;
		SWAP(op->from_table, op->to_table);
		SWAP(op->from_column, op->to_column);
		SWAP(op->from_constraint, op->to_constraint);
		SWAP(op->from_index, op->to_index);
		SWAP(op->from_view, op->to_view);
		SWAP(op->from_trigger, op->to_trigger);
		SWAP(op->from_namespace, op->to_namespace);
		SWAP(op->from_extension, op->to_extension);
		SWAP(op->from_enum, op->to_enum);
		SWAP(op->from_sequence, op->to_sequence);
		SWAP(op->from_function, op->to_function);
		SWAP(op->from_domain, op->to_domain);
		SWAP(op->from_collation, op->to_collation);
		SWAP(op->from_range, op->to_range);
		SWAP(op->from_composite, op->to_composite);
		SWAP(op->from_comment, op->to_comment);
		SWAP(op->from_policy, op->to_policy);
		op->implied = false; /* what DROP TABLE took, the downgrade creates again */
		if (up->kind == CDB_OP_ADD_ENUM_VALUE) {
			op->label = NULL;
			op->label_before = NULL;
		}
		mark_destructive(d, op);
	}
}

/*
 * Set each op's `table` to the table as it is called when the op runs: a
 * RENAME_TABLE earlier in the list (same from_table and to_table) has given
 * it its to_table name. Both lists go through here, so the downgrade names
 * a renamed table by its new name until the rename back.
 */
void name_tables(struct cdb_op *ops, size_t nops)
{
	size_t *renames = xcalloc(nops + 1, sizeof(*renames)), nrenames = 0;

	for (size_t i = 0; i < nops; i++) {
		struct cdb_op *op = &ops[i];

		op->table = op->from_table ? op->from_table : op->to_table;
		if (op->kind == CDB_OP_RENAME_TABLE) {
			renames[nrenames++] = i;
			continue;
		}
		if (!op->from_table || !op->to_table)
			continue;
		for (size_t k = 0; k < nrenames; k++)
			if (ops[renames[k]].from_table == op->from_table && ops[renames[k]].to_table == op->to_table) {
				op->table = op->to_table;
				break;
			}
	}
	free(renames);
}

