/*
 * render.c - the diff's operations as PostgreSQL statements
 *
 * Native ALTERs throughout; both lists (upgrade and its inverse) go through
 * the same op renderer. Definitions the catalog printed (constraints,
 * indexes, views, triggers, functions) are replayed as printed, so the
 * objects come back with the names PostgreSQL gave them in the shadow
 * database: an unnamed UNIQUE in the models is added as `t_col_key`, exactly
 * the name the server would have chosen.
 *
 * Things PostgreSQL makes awkward, and how they are done here:
 *  - serial columns: the sequence is created right before the column that
 *    owns it and OWNED BY is set right after (it cannot be set earlier), so
 *    the diff's separate CREATE_SEQUENCE op for it is skipped when the
 *    owning column is created or altered in the same list; dropping such a
 *    sequence uses IF EXISTS because dropping its column already dropped it.
 *  - serial <-> identity: the serial's sequence is dropped before ADD
 *    GENERATED so the identity's sequence gets the same name, and either
 *    sequence is moved past the existing rows (setval) so inserts go on.
 *  - a type change is `TYPE type USING col::base`, base being the type
 *    without its length (pg_cast_type()), so a value too long fails instead
 *    of being cut; an old default that does not cast is dropped before
 *    and set again after.
 *  - removing enum labels, or a new base type or collation for a domain
 *    that columns use: rename the type, create the new one, convert every
 *    column (through text for an enum), restore defaults, drop the old
 *    type. Domains over a rebuilt type are rebuilt with it; functions
 *    naming a rebuilt type (and the triggers running them) are dropped
 *    before and created again after. In a downgrade, a CHECK, index,
 *    default or function that names a label the rebuild brings back waits
 *    for that rebuild.
 *  - partitions: created PARTITION OF their parent with only their own
 *    constraints; a new bound is DETACH then ATTACH, which checks the rows;
 *    a new partition key (or a table that becomes or stops being
 *    partitioned or a partition) is refused with a hint to write the step.
 *  - composite types change with ALTER TYPE ... DROP / ADD / ALTER
 *    ATTRIBUTE; what the server refuses while a column uses the type
 *    (ALTER ATTRIBUTE ... TYPE, a new attribute order) is drop + create for
 *    an unused type and an error naming the type and its user otherwise,
 *    as is any change of a range type or collation in use.
 *  - ALTER TYPE ... ADD VALUE runs inside the revision's transaction
 *    (PostgreSQL 12+), but the new label cannot be used before that
 *    transaction commits; a comment says so.
 *
 * This file walks the lists; each op kind has its pg_render_<kind> function
 * in the file of its object family (render_priv.h lists them), and order.c
 * holds what looks forwards and backwards through a list to decide where a
 * statement goes.
 */
#include <stdlib.h>

#include "cdb/alloc.h"
#include "cdb/error.h"
#include "render_priv.h"

/* The renderer of each op kind: the pg column of its row in CDB_OP_KINDS() (cdb/op.h). */
static pg_render_fn *const render_fns[CDB_OP__COUNT] = {
#define RENDER_ROW(kind, name, inverse, describe, deps, pg, sqlite) [CDB_OP_##kind] = pg,
	CDB_OP_KINDS(RENDER_ROW)
#undef RENDER_ROW
};

static int render_op(const struct render *r, const struct cdb_op *op)
{
	if (op->destructive)
		cdb_buf_printf(r->out, "-- cdb: destructive: %s\n", op->reason ? op->reason : "loses data");
	if ((unsigned)op->kind >= CDB_OP__COUNT || !render_fns[op->kind])
		return cdb_error_set(CDB_ERROR, "cannot render operation %d for PostgreSQL", (int)op->kind);
	return render_fns[op->kind](r, op);
}

static int render_one(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *out = r->out;
	size_t before = out->len;
	int rc;

	if (before && out->ptr[before - 1] == '\n')
		cdb_buf_putc(out, '\n');
	rc = render_op(r, op);
	/* an op that renders nothing leaves no blank line behind */
	if (rc == 0 && out->len == before + 1)
		cdb_buf_truncate(out, before);
	return rc;
}

static int render_list(struct cdb_buf *out, const struct cdb_diff *diff, const struct cdb_op *ops, size_t n)
{
	struct render r = { .out = out, .diff = diff, .ops = ops, .nops = n };
	size_t *after = xcalloc(n ? n : 1, sizeof *after);
	int rc = 0;

	/*
	 * Indexes come before views in the diff's order, but an index on a
	 * materialized view needs the view: such an index follows its view.
	 */
	for (size_t i = 0; i < n; i++)
		after[i] = ops[i].kind == CDB_OP_CREATE_INDEX && ops[i].to_index
		                   ? pg_view_created_later(ops, n, i, ops[i].to_index)
		                   : n;
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (after[i] < n)
			continue;
		rc = render_one(&r, &ops[i]);
		for (size_t k = 0; k < n && rc == 0; k++)
			if (after[k] == i)
				rc = render_one(&r, &ops[k]);
	}
	free(after);
	return rc;
}

int pg_render(struct cdb_buf *up, struct cdb_buf *down, const struct cdb_diff *diff)
{
	int rc = render_list(up, diff, diff->ops, diff->nops);

	if (rc == 0)
		rc = render_list(down, diff, diff->inverse, diff->ninverse);
	return rc;
}
