/*
 * kinds.c - the core's columns of the op kind table (cdb/op.h): each kind's
 * name, inverse, description and dependency keys
 */
#include "diff_priv.h"

const struct cdb_op_kind_info cdb_op_kinds[CDB_OP__COUNT] = {
#define KIND_ROW(kind, name_, inverse_, describe_, deps_, pg, sqlite) \
	[CDB_OP_##kind] = { .name = name_, .inverse = CDB_OP_##inverse_, .describe = describe_, \
	                    .deps = deps_ },
	CDB_OP_KINDS(KIND_ROW)
#undef KIND_ROW
};

const char *cdb_op_kind_name(enum cdb_op_kind kind)
{
	return kind < CDB_OP__COUNT && cdb_op_kinds[kind].name ? cdb_op_kinds[kind].name : "unknown";
}

void cdb_op_describe(struct cdb_buf *out, const struct cdb_op *op)
{
	if (op->kind >= CDB_OP__COUNT || !cdb_op_kinds[op->kind].describe) {
		cdb_buf_puts(out, "?");
		return;
	}
	cdb_op_kinds[op->kind].describe(out, op);
}

