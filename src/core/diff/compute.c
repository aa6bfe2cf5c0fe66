/* compute.c - cdb_diff_compute(): the steps of the diff, in the order of its list */
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "diff_priv.h"

struct cdb_op *push(struct ctx *c, enum cdb_op_kind kind)
{
	struct cdb_diff *d = c->d;
	struct cdb_op *op = CDB_ARENA_PUSH(&d->arena, d->ops, d->nops, d->ops_cap);

	op->kind = kind;
	return op;
}

/*
 * The steps, in the order the upgrade list has (diff.h numbers its parts);
 * each appends its ops. The first ones pair the objects and learn which
 * tables and views change, which decides what the later ones drop and
 * recreate.
 */
static void (*const steps[])(struct ctx *c) = {
	pair_tables,
	diff_paired_tables,     /* kept aside until step 3: views on changed tables go first */
	retype_partitions,
	mark_type_users,
	mark_affected_views,
	clear_dropped_comments,

	/* 1. dependents of what changes */
	drop_view_indexes,
	drop_views,
	drop_triggers,
	drop_policies,

	/* 2. what tables may need */
	create_namespaces,
	create_extensions,
	create_collations,
	create_enums,
	create_domains,
	create_types,
	create_sequences,
	create_functions,
	late_domain_checks,

	/* 3. tables */
	drop_table_indexes,
	create_tables,
	place_table_ops,

	/* 4. */
	create_table_indexes,
	create_policies,

	/* 5. */
	drop_tables,
	early_domain_drops,
	drop_functions,
	drop_sequences,
	drop_types,
	drop_domains,
	drop_enums,
	drop_collations,
	drop_extensions,
	drop_namespaces,

	/* 6. */
	create_views,
	create_view_indexes,
	create_triggers,
	set_comments,

	table_rename_candidates,
};

static void ctx_init(struct ctx *c, struct cdb_diff *d, const struct cdb_rename_hints *hints)
{
	const struct cdb_schema *from = d->from, *to = d->to;

	memset(c, 0, sizeof(*c));
	c->d = d;
	c->from = from;
	c->to = to;
	c->hints = hints;
	c->ci = from->sqlite || to->sqlite;
	c->tstate = xcalloc(from->ntables + 1, sizeof(*c->tstate));
	c->to_pair = xcalloc(to->ntables + 1, sizeof(*c->to_pair));
	c->vstate = xcalloc(from->nviews + 1, sizeof(*c->vstate));
	c->trigger_recreate = xcalloc(from->ntriggers + 1, sizeof(*c->trigger_recreate));
#define BUILD(ix, arr, n, type) \
	nindex_build(&(ix), (n), (arr), sizeof(type), offsetof(type, schema), offsetof(type, name), c->ci)
	BUILD(c->ftables, from->tables, from->ntables, struct cdb_table);
	BUILD(c->ttables, to->tables, to->ntables, struct cdb_table);
	BUILD(c->findexes, from->indexes, from->nindexes, struct cdb_index);
	BUILD(c->tindexes, to->indexes, to->nindexes, struct cdb_index);
#undef BUILD
}

static void ctx_release(struct ctx *c)
{
	for (size_t i = 0; i < c->from->ntables; i++)
		free(c->tstate[i].colmap);
	free(c->tstate);
	free(c->to_pair);
	free(c->vstate);
	free(c->trigger_recreate);
	free(c->ftables.v);
	free(c->ttables.v);
	free(c->findexes.v);
	free(c->tindexes.v);
}

int cdb_diff_compute(struct cdb_diff *out, const struct cdb_schema *from,
                     const struct cdb_schema *to, const struct cdb_rename_hints *hints)
{
	struct ctx c;

	memset(out, 0, sizeof(*out));
	cdb_arena_init(&out->arena);
	out->from = from;
	out->to = to;
	ctx_init(&c, out, hints);
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		steps[i](&c);

	/* SQLite renders one table's ops as one run; its order stays the phases'. */
	if (!c.ci)
		cdb_diff_order(out, false);
	for (size_t n = 0; n < out->nops; n++) {
		if (!out->ops[n].dependent)
			out->nchanges++;
		if (out->ops[n].destructive)
			out->ndestructive++;
	}
	build_inverse(out);
	if (!c.ci)
		cdb_diff_order(out, true);
	name_tables(out->ops, out->nops);
	name_tables(out->inverse, out->ninverse);
	ctx_release(&c);
	return 0;
}

void cdb_diff_release(struct cdb_diff *d)
{
	cdb_arena_release(&d->arena);
	memset(d, 0, sizeof(*d));
}

bool cdb_diff_empty(const struct cdb_diff *d)
{
	return d->nchanges == 0;
}
