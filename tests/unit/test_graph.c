/* test_graph.c - revision graph, target resolution and upgrade/downgrade plans */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "cdb/buf.h"
#include "cdb/error.h"
#include "cdb/graph.h"

static struct cdb_graph g;

static void setup(void)
{
	cdb_graph_init(&g);
}

static void teardown(void)
{
	cdb_graph_release(&g);
}

TestSuite(graph, .init = setup, .fini = teardown);

/* Add revision `id` with parents `down` ("a, b") and extra header lines. */
static void rev(const char *id, const char *down, const char *extra)
{
	char *file = xasprintf("%s_file.sql", id);
	char *text = xasprintf("-- cdb revision\n-- revision: %s\n-- down_revision: %s\n"
	                       "-- message: make %s\n%s\n-- +cdb upgrade\n\n-- +cdb downgrade\n",
	                       id, down, id, extra ? extra : "");

	cr_assert_eq(cdb_graph_add_text(&g, file, text), 0, "%s", cdb_error_message());
	free(file);
	free(text);
}

static void resolve_ok(void)
{
	cr_assert_eq(cdb_graph_resolve(&g), 0, "%s", cdb_error_message());
}

/* Split "a b c" into a static array of rows. */
static size_t rows_of(const char *s, const char **out, char *storage)
{
	size_t n = 0;

	strcpy(storage, s);
	for (char *t = strtok(storage, " "); t; t = strtok(NULL, " "))
		out[n++] = t;
	return n;
}

/*
 * A plan as text: "a:+a b:-a+b" - each step is the revision, then the
 * version rows it deletes (-) and inserts (+); downgrades are prefixed "~".
 */
static char *plan_text(const struct cdb_plan *p)
{
	struct cdb_buf b = CDB_BUF_INIT;

	for (size_t i = 0; i < p->nsteps; i++) {
		const struct cdb_step *st = &p->steps[i];

		cdb_buf_printf(&b, "%s%s%s:", i ? " " : "", st->dir == CDB_DOWN ? "~" : "", st->rev->id);
		for (size_t k = 0; k < st->ndel; k++)
			cdb_buf_printf(&b, "-%s", st->del[k]);
		for (size_t k = 0; k < st->nins; k++)
			cdb_buf_printf(&b, "+%s", st->ins[k]);
	}
	return cdb_buf_detach(&b);
}

static char *end_rows(const struct cdb_plan *p)
{
	struct cdb_buf b = CDB_BUF_INIT;

	for (size_t i = 0; i < p->nend_rows; i++)
		cdb_buf_printf(&b, "%s%s", i ? " " : "", p->end_rows[i]);
	return cdb_buf_detach(&b);
}

/* Plan `target` from rows `from` and compare with `want` steps and `want_rows` end state. */
static void plan_is(enum cdb_direction dir, const char *from, const char *target, const char *want,
                    const char *want_rows)
{
	const char *rows[64];
	char storage[1024];
	size_t n = rows_of(from, rows, storage);
	struct cdb_plan p;
	char *got, *gotrows;
	int ret = cdb_plan_build(&p, &g, dir, target, rows, n);

	cr_assert_eq(ret, 0, "%s from [%s]: %s", target, from, cdb_error_message());
	got = plan_text(&p);
	gotrows = end_rows(&p);
	cr_assert_str_eq(got, want, "%s %s from [%s]: got '%s', want '%s'",
	                 dir == CDB_UP ? "upgrade" : "downgrade", target, from, got, want);
	if (want_rows)
		cr_assert_str_eq(gotrows, want_rows, "%s from [%s]: rows '%s', want '%s'", target, from,
		                 gotrows, want_rows);
	free(got);
	free(gotrows);
	cdb_plan_release(&p);
}

static void plan_fails(enum cdb_direction dir, const char *from, const char *target, int code,
                       const char *needle)
{
	const char *rows[64];
	char storage[1024];
	size_t n = rows_of(from, rows, storage);
	struct cdb_plan p;
	int ret = cdb_plan_build(&p, &g, dir, target, rows, n);

	cr_assert_eq(ret, code, "%s from [%s]: got %d (%s), want %d", target, from, ret,
	             cdb_error_message(), code);
	if (needle)
		cr_assert(strstr(cdb_error_message(), needle), "'%s' not in '%s'", needle,
		          cdb_error_message());
	cdb_plan_release(&p);
}

static const char *lookup_id(const char *name)
{
	struct cdb_revision *r;
	int ret = cdb_graph_lookup(&r, &g, name);

	cr_assert_eq(ret, 0, "%s: %s", name, cdb_error_message());
	return r ? r->id : "base";
}

static bool detail_mentions(const char *needle)
{
	for (int i = 0; i < cdb_error_ndetails(); i++)
		if (strstr(cdb_error_detail_at(i), needle))
			return true;
	return false;
}

/* ---- linear ---- */

static void linear(void)
{
	rev("aaaa1111", "", NULL);
	rev("bbbb2222", "aaaa1111", NULL);
	rev("cccc3333", "bbbb2222", NULL);
	rev("dddd4444", "cccc3333", NULL);
	resolve_ok();
}

Test(graph, linear_shape)
{
	linear();
	cr_assert_eq(g.nrevs, 4);
	cr_assert_eq(g.nheads, 1);
	cr_assert_str_eq(g.heads[0]->id, "dddd4444");
	cr_assert_eq(g.nbases, 1);
	cr_assert_str_eq(g.bases[0]->id, "aaaa1111");
	for (size_t i = 0; i < g.nrevs; i++)
		cr_assert_eq(g.revs[i]->order, i);
	cr_assert_str_eq(g.revs[0]->id, "aaaa1111");
	cr_assert_str_eq(g.revs[3]->id, "dddd4444");
	cr_assert(cdb_graph_is_ancestor(&g, g.revs[0], g.revs[3], false));
	cr_assert_not(cdb_graph_is_ancestor(&g, g.revs[3], g.revs[0], false));
}

Test(graph, linear_upgrade_downgrade)
{
	linear();
	plan_is(CDB_UP, "", "head", "aaaa1111:+aaaa1111 bbbb2222:-aaaa1111+bbbb2222 "
	        "cccc3333:-bbbb2222+cccc3333 dddd4444:-cccc3333+dddd4444", "dddd4444");
	plan_is(CDB_UP, "bbbb2222", "head", "cccc3333:-bbbb2222+cccc3333 dddd4444:-cccc3333+dddd4444",
	        "dddd4444");
	plan_is(CDB_UP, "dddd4444", "head", "", "dddd4444");
	plan_is(CDB_UP, "aaaa1111", "+2", "bbbb2222:-aaaa1111+bbbb2222 cccc3333:-bbbb2222+cccc3333",
	        "cccc3333");
	plan_is(CDB_UP, "", "+1", "aaaa1111:+aaaa1111", "aaaa1111");
	plan_is(CDB_UP, "", "cccc", "aaaa1111:+aaaa1111 bbbb2222:-aaaa1111+bbbb2222 "
	        "cccc3333:-bbbb2222+cccc3333", "cccc3333");
	plan_is(CDB_DOWN, "dddd4444", "-1", "~dddd4444:-dddd4444+cccc3333", "cccc3333");
	plan_is(CDB_DOWN, "dddd4444", "bbbb2222",
	        "~dddd4444:-dddd4444+cccc3333 ~cccc3333:-cccc3333+bbbb2222", "bbbb2222");
	plan_is(CDB_DOWN, "bbbb2222", "base", "~bbbb2222:-bbbb2222+aaaa1111 ~aaaa1111:-aaaa1111", "");
	plan_is(CDB_DOWN, "cccc3333", "cccc3333", "", "cccc3333");
	/* relative to a named revision */
	plan_is(CDB_UP, "", "bbbb2222+1", "aaaa1111:+aaaa1111 bbbb2222:-aaaa1111+bbbb2222 "
	        "cccc3333:-bbbb2222+cccc3333", "cccc3333");
	plan_is(CDB_DOWN, "dddd4444", "dddd4444-2",
	        "~dddd4444:-dddd4444+cccc3333 ~cccc3333:-cccc3333+bbbb2222", "bbbb2222");
}

Test(graph, linear_errors)
{
	linear();
	plan_fails(CDB_UP, "cccc3333", "bbbb2222", CDB_EINVALID, "already past");
	cr_assert(strstr(cdb_error_hint_at(0), "cdb downgrade"));
	plan_fails(CDB_DOWN, "bbbb2222", "dddd4444", CDB_EINVALID, "not applied");
	cr_assert(strstr(cdb_error_hint_at(0), "cdb upgrade"));
	plan_fails(CDB_UP, "cccc3333", "+2", CDB_EINVALID, "only 1");
	plan_fails(CDB_DOWN, "bbbb2222", "-3", CDB_EINVALID, "only 2");
	plan_fails(CDB_UP, "cccc3333", "-1", CDB_EUSAGE, "downgrade");
	plan_fails(CDB_DOWN, "cccc3333", "+1", CDB_EUSAGE, "upgrade");
	plan_fails(CDB_UP, "", "zzzz", CDB_ENOTFOUND, "'zzzz'");
	plan_fails(CDB_UP, "0123456789ab", "head", CDB_ENOTFOUND, "0123456789ab");
	cr_assert(strstr(cdb_error_hint_at(0), "cdb stamp --purge"));
}

Test(graph, lookups)
{
	linear();
	cr_assert_str_eq(lookup_id("head"), "dddd4444");
	cr_assert_str_eq(lookup_id("base"), "base");
	cr_assert_str_eq(lookup_id("bbbb2222"), "bbbb2222");
	cr_assert_str_eq(lookup_id("bbbb"), "bbbb2222");
	cr_assert_str_eq(lookup_id("bbbb2222+1"), "cccc3333");
	cr_assert_str_eq(lookup_id("dddd-3"), "aaaa1111");
	cr_assert_str_eq(lookup_id("head-1"), "cccc3333");
	{
		struct cdb_revision *r;

		/* too short to be a prefix */
		cr_assert_eq(cdb_graph_lookup(&r, &g, "bbb"), CDB_ENOTFOUND);
		cr_assert(strstr(cdb_error_hint_at(0), "4"));
		cr_assert_eq(cdb_graph_lookup(&r, &g, "+1"), CDB_EINVALID);
		cr_assert_eq(cdb_graph_lookup(&r, &g, "dddd4444+1"), CDB_EINVALID);
	}
}

Test(graph, ambiguous_prefix_lists_candidates)
{
	struct cdb_revision *r;

	rev("abcd0001", "", NULL);
	rev("abcd0002", "abcd0001", NULL);
	resolve_ok();
	cr_assert_eq(cdb_graph_lookup(&r, &g, "abcd"), CDB_EAMBIGUOUS);
	cr_assert(strstr(cdb_error_message(), "'abcd'"));
	cr_assert(detail_mentions("abcd0001"));
	cr_assert(detail_mentions("abcd0002"));
	plan_fails(CDB_UP, "", "abcd000", CDB_EAMBIGUOUS, "matches 2");
	cr_assert_str_eq(lookup_id("abcd0002"), "abcd0002");
}

/* ---- branches ---- */

static void two_heads(void)
{
	rev("a000", "", NULL);
	rev("b100", "a000", "-- branch_labels: left");
	rev("b200", "a000", "-- branch_labels: right");
	rev("b101", "b100", NULL);
	resolve_ok();
}

Test(graph, branches_shape)
{
	two_heads();
	cr_assert_eq(g.nheads, 2);
	cr_assert_str_eq(g.heads[0]->id, "b101");
	cr_assert_str_eq(g.heads[1]->id, "b200");
	cr_assert(cdb_revision_is_branch_point(cdb_graph_get(&g, "a000")));
	cr_assert_eq(g.nlabels, 2);
	cr_assert_str_eq(lookup_id("left"), "b100");
	cr_assert_str_eq(lookup_id("left@head"), "b101");
	cr_assert_str_eq(lookup_id("right@head"), "b200");
	cr_assert_str_eq(lookup_id("left@base"), "b100");
}

Test(graph, head_with_several_heads_is_an_error)
{
	two_heads();
	plan_fails(CDB_UP, "", "head", CDB_EAMBIGUOUS, "2 heads");
	cr_assert(strstr(cdb_error_message(), "b101"));
	cr_assert(strstr(cdb_error_message(), "b200"));
	cr_assert(strstr(cdb_error_hint_at(0), "cdb merge"));
	cr_assert(strstr(cdb_error_hint_at(1), "cdb heads"));
}

Test(graph, branches_upgrade)
{
	two_heads();
	/* a second branch from a revision that already has an applied child inserts a row */
	plan_is(CDB_UP, "", "heads",
	        "a000:+a000 b100:-a000+b100 b101:-b100+b101 b200:+b200", "b101 b200");
	plan_is(CDB_UP, "b101", "b200", "b200:+b200", "b101 b200");
	plan_is(CDB_UP, "a000", "right@head", "b200:-a000+b200", "b200");
	plan_is(CDB_UP, "a000", "left@+2", "b100:-a000+b100 b101:-b100+b101", "b101");
	plan_is(CDB_UP, "b200", "left@head", "b100:+b100 b101:-b100+b101", "b101 b200");
	/* +1 from the branch point could go either way */
	plan_fails(CDB_UP, "a000", "+1", CDB_EAMBIGUOUS, "ambiguous");
	cr_assert(detail_mentions("b100"));
	cr_assert(detail_mentions("b200"));
	/* +1 from a head: nothing above it */
	plan_fails(CDB_UP, "b200", "+1", CDB_EINVALID, "only 0");
}

Test(graph, branches_downgrade)
{
	two_heads();
	/* down to the branch point: both branches go, newest first */
	plan_is(CDB_DOWN, "b101 b200", "a000",
	        "~b200:-b200 ~b101:-b101+b100 ~b100:-b100+a000", "a000");
	/* only one branch */
	plan_is(CDB_DOWN, "b101 b200", "b100", "~b101:-b101+b100", "b100 b200");
	plan_is(CDB_DOWN, "b101 b200", "left@base", "~b101:-b101+b100 ~b100:-b100", "b200");
	plan_is(CDB_DOWN, "b101 b200", "right@-1", "~b200:-b200", "b101");
	plan_fails(CDB_DOWN, "b101 b200", "-1", CDB_EAMBIGUOUS, "ambiguous");
	plan_is(CDB_DOWN, "b101 b200", "base",
	        "~b200:-b200 ~b101:-b101+b100 ~b100:-b100+a000 ~a000:-a000", "");
}

/* ---- merges ---- */

static void diamond(void)
{
	rev("a000", "", NULL);
	rev("b100", "a000", NULL);
	rev("b200", "a000", NULL);
	rev("m000", "b100, b200", NULL);
	rev("n000", "m000", NULL);
	resolve_ok();
}

Test(graph, merge_shape)
{
	diamond();
	cr_assert_eq(g.nheads, 1);
	cr_assert(cdb_revision_is_merge(cdb_graph_get(&g, "m000")));
	cr_assert_eq(cdb_graph_get(&g, "m000")->parents[1], cdb_graph_get(&g, "b200"));
	cr_assert(cdb_graph_is_ancestor(&g, cdb_graph_get(&g, "b200"), cdb_graph_get(&g, "n000"), false));
}

Test(graph, merge_upgrade)
{
	diamond();
	/* the merge step replaces its parents' rows by one */
	plan_is(CDB_UP, "", "head",
	        "a000:+a000 b100:-a000+b100 b200:+b200 m000:-b100-b200+m000 n000:-m000+n000", "n000");
	/* +N through a diamond is deterministic: both sides lead to the same head */
	plan_is(CDB_UP, "a000", "+1", "b100:-a000+b100", "b100");
	plan_is(CDB_UP, "a000", "+3", "b100:-a000+b100 b200:+b200 m000:-b100-b200+m000", "m000");
	/* from one side, the other side comes next, then the merge */
	plan_is(CDB_UP, "b100", "+1", "b200:+b200", "b100 b200");
	plan_is(CDB_UP, "b100", "+2", "b200:+b200 m000:-b100-b200+m000", "m000");
	plan_is(CDB_UP, "b100", "m000", "b200:+b200 m000:-b100-b200+m000", "m000");
}

Test(graph, merge_downgrade)
{
	diamond();
	/* -1 from a merge point goes to its parents */
	plan_is(CDB_DOWN, "m000", "-1", "~m000:-m000+b100+b200", "b100 b200");
	/* then one side: the later one in topological order */
	plan_is(CDB_DOWN, "m000", "-2", "~m000:-m000+b100+b200 ~b200:-b200", "b100");
	plan_is(CDB_DOWN, "n000", "m000-1", "~n000:-n000+m000 ~m000:-m000+b100+b200", "b100 b200");
	plan_is(CDB_DOWN, "n000", "b100", "~n000:-n000+m000 ~m000:-m000+b100+b200", "b100 b200");
	plan_is(CDB_DOWN, "n000", "a000",
	        "~n000:-n000+m000 ~m000:-m000+b100+b200 ~b200:-b200 ~b100:-b100+a000", "a000");
	plan_is(CDB_DOWN, "b100 b200", "-1", "~b200:-b200", "b100");
	{
		struct cdb_revision *r;

		cr_assert_eq(cdb_graph_lookup(&r, &g, "m000-1"), CDB_EAMBIGUOUS);
		cr_assert(detail_mentions("b100") && detail_mentions("b200"));
	}
}

Test(graph, redundant_rows_are_normalised_in_the_first_step)
{
	diamond();
	/* rows holding an ancestor of another row (e.g. after a careless stamp) */
	plan_is(CDB_UP, "a000 b100", "+1", "b200:-a000+b200", "b100 b200");
}

/* ---- depends_on ---- */

static void dependent_branches(void)
{
	rev("a000", "", NULL);
	rev("b000", "a000", NULL);
	rev("x000", "", "-- branch_labels: other");
	rev("y000", "x000", NULL);
	rev("c000", "b000", "-- depends_on: y000");
	resolve_ok();
}

Test(graph, depends_on_is_applied_first)
{
	dependent_branches();
	cr_assert_eq(cdb_graph_get(&g, "c000")->deps[0], cdb_graph_get(&g, "y000"));
	cr_assert_eq(cdb_graph_get(&g, "y000")->ndependents, 1);
	cr_assert(cdb_graph_get(&g, "y000")->order < cdb_graph_get(&g, "c000")->order);
	/* a dependency is not a parent: it keeps its own row */
	plan_is(CDB_UP, "", "c000",
	        "a000:+a000 b000:-a000+b000 x000:+x000 y000:-x000+y000 c000:-b000+c000", "y000 c000");
	plan_is(CDB_UP, "b000", "c000", "x000:+x000 y000:-x000+y000 c000:-b000+c000", "y000 c000");
	cr_assert(cdb_graph_is_ancestor(&g, cdb_graph_get(&g, "x000"), cdb_graph_get(&g, "c000"), true));
	cr_assert_not(cdb_graph_is_ancestor(&g, cdb_graph_get(&g, "x000"), cdb_graph_get(&g, "c000"), false));
}

Test(graph, depends_on_downgrade_takes_dependents)
{
	dependent_branches();
	/* unapplying y000 needs c000 gone first */
	plan_is(CDB_DOWN, "c000 y000", "x000", "~c000:-c000+b000 ~y000:-y000+x000", "b000 x000");
	plan_is(CDB_DOWN, "c000 y000", "other@base", "~c000:-c000+b000 ~y000:-y000+x000 ~x000:-x000", "b000");
	/* the state given by only c000's row still includes y000 */
	plan_is(CDB_DOWN, "c000", "-1", "~c000:-c000+b000+y000", "b000 y000");
}

Test(graph, depends_on_label)
{
	rev("a000", "", "-- branch_labels: core");
	rev("b000", "", "-- depends_on: core");
	resolve_ok();
	cr_assert_eq(cdb_graph_get(&g, "b000")->deps[0], cdb_graph_get(&g, "a000"));
}

/* ---- bad graphs ---- */

Test(graph, cycle_is_an_error_naming_the_files)
{
	rev("a000", "c000", NULL);
	rev("b000", "a000", NULL);
	rev("c000", "b000", NULL);
	rev("d000", "", NULL);
	cr_assert_eq(cdb_graph_resolve(&g), CDB_EINVALID);
	cr_assert(strstr(cdb_error_message(), "_file.sql:3"), "%s", cdb_error_message());
	cr_assert(strstr(cdb_error_message(), "ancestor"), "%s", cdb_error_message());
	cr_assert(detail_mentions("a000_file.sql"));
	cr_assert(detail_mentions("b000_file.sql"));
	cr_assert(detail_mentions("c000_file.sql"));
}

Test(graph, missing_parent_names_file_and_line)
{
	rev("a000", "", NULL);
	rev("b000", "zzzz", NULL);
	cr_assert_eq(cdb_graph_resolve(&g), CDB_ENOTFOUND);
	cr_assert(strstr(cdb_error_message(), "b000_file.sql:3:"), "%s", cdb_error_message());
	cr_assert(strstr(cdb_error_message(), "'zzzz'"));
}

Test(graph, missing_dependency)
{
	rev("a000", "", "-- depends_on: nope");
	cr_assert_eq(cdb_graph_resolve(&g), CDB_ENOTFOUND);
	cr_assert(strstr(cdb_error_message(), "a000_file.sql:5:"), "%s", cdb_error_message());
}

Test(graph, duplicate_id_names_both_files)
{
	cr_assert_eq(cdb_graph_add_text(&g, "one.sql", "-- cdb revision\n-- revision: a000\n"), 0);
	cr_assert_eq(cdb_graph_add_text(&g, "two.sql", "-- cdb revision\n-- message: x\n-- revision: a000\n"), 0);
	cr_assert_eq(cdb_graph_resolve(&g), CDB_EINVALID);
	cr_assert(strstr(cdb_error_message(), "two.sql:3"), "%s", cdb_error_message());
	cr_assert(strstr(cdb_error_message(), "one.sql:2"), "%s", cdb_error_message());
}

Test(graph, duplicate_label)
{
	rev("a000", "", "-- branch_labels: x");
	rev("b000", "", "-- branch_labels: x");
	cr_assert_eq(cdb_graph_resolve(&g), CDB_EINVALID);
	cr_assert(strstr(cdb_error_message(), "'x'"));
}

Test(graph, lookup_set)
{
	struct cdb_arena a = CDB_ARENA_INIT;
	struct cdb_revision **v;
	size_t n;

	two_heads();
	cr_assert_eq(cdb_graph_lookup_set(&v, &n, &a, &g, "heads"), 0);
	cr_assert_eq(n, 2);
	cr_assert_eq(cdb_graph_lookup_set(&v, &n, &a, &g, "b200, left, b200"), 0);
	cr_assert_eq(n, 2);
	cr_assert_str_eq(v[0]->id, "b200");
	cr_assert_str_eq(v[1]->id, "b100");
	cr_assert_eq(cdb_graph_lookup_set(&v, &n, &a, &g, "base"), 0);
	cr_assert_eq(n, 0);
	cdb_arena_release(&a);
}

Test(graph, replan_skips_what_others_applied)
{
	struct cdb_plan p;
	const char *none[1] = { NULL }, *at_b[] = { "bbbb2222" };

	linear();
	cr_assert_eq(cdb_plan_build(&p, &g, CDB_UP, "head", none, 0), 0);
	cr_assert_eq(p.nsteps, 4);
	cr_assert_eq(cdb_plan_replan(&p, &g, at_b, 1), 0);
	cr_assert_eq(p.nsteps, 2);
	cr_assert_str_eq(p.steps[0].rev->id, "cccc3333");
	cdb_plan_release(&p);

	/* a relative target is fixed when planned: -1 does not move again on replan */
	{
		const char *at_d[] = { "dddd4444" }, *at_c[] = { "cccc3333" };

		cr_assert_eq(cdb_plan_build(&p, &g, CDB_DOWN, "-1", at_d, 1), 0);
		cr_assert_eq(p.nsteps, 1);
		cr_assert_eq(cdb_plan_replan(&p, &g, at_c, 1), 0);
		cr_assert_eq(p.nsteps, 0);
		cdb_plan_release(&p);
	}
}

Test(graph, topological_order_is_deterministic)
{
	/* added in reverse; order must not depend on it */
	rev("z000", "y000", NULL);
	rev("y000", "", NULL);
	rev("c000", "", NULL);
	resolve_ok();
	cr_assert_str_eq(g.revs[0]->id, "c000");
	cr_assert_str_eq(g.revs[1]->id, "y000");
	cr_assert_str_eq(g.revs[2]->id, "z000");
}

/* ---- Alembic's branched-path cases: a -> b -> c1 -> d1, b -> c2 -> d2 ---- */

static void branched(void)
{
	rev("a000", "", NULL);
	rev("b000", "a000", NULL);
	rev("c100", "b000", "-- branch_labels: c1branch");
	rev("d100", "c100", NULL);
	rev("c200", "b000", "-- branch_labels: c2branch");
	rev("d200", "c200", NULL);
	resolve_ok();
}

Test(graph, branched_upgrades)
{
	branched();
	plan_is(CDB_UP, "b000", "d100", "c100:-b000+c100 d100:-c100+d100", "d100");
	plan_is(CDB_UP, "a000", "d100,d200", "b000:-a000+b000 c100:-b000+c100 c200:+c200 "
	        "d100:-c100+d100 d200:-c200+d200", "d100 d200");
	plan_is(CDB_UP, "b000", "c2branch@head-1", "c200:-b000+c200", "c200");
	plan_is(CDB_UP, "c100", "c2branch@+1", "c200:+c200", "c100 c200");
	plan_is(CDB_UP, "c100 c200", "c2branch@+1", "d200:-c200+d200", "c100 d200");
	plan_fails(CDB_UP, "c100 c200", "+1", CDB_EAMBIGUOUS, "ambiguous");
	plan_is(CDB_UP, "", "base+1", "a000:+a000", "a000");
	plan_is(CDB_UP, "", "+1", "a000:+a000", "a000");
}

Test(graph, branched_downgrades)
{
	branched();
	plan_is(CDB_DOWN, "d100 d200", "a000", "~d200:-d200+c200 ~d100:-d100+c100 ~c200:-c200 "
	        "~c100:-c100+b000 ~b000:-b000+a000", "a000");
	plan_is(CDB_DOWN, "d100 d200", "base+2", "~d200:-d200+c200 ~d100:-d100+c100 ~c200:-c200 "
	        "~c100:-c100+b000", "b000");
	/* only the labelled branch moves */
	plan_is(CDB_DOWN, "d100 d200", "c2branch@base+2", "~d200:-d200+c200 ~c200:-c200", "d100");
	plan_is(CDB_DOWN, "d100 d200", "c2branch@base+3", "~d200:-d200+c200", "c200 d100");
	plan_is(CDB_DOWN, "d100 d200", "c1branch@-1", "~d100:-d100+c100", "c100 d200");
	plan_is(CDB_DOWN, "d100 d200", "c1branch@head-1", "~d100:-d100+c100", "c100 d200");
	plan_is(CDB_DOWN, "c100 d200", "d200-1", "~d200:-d200+c200", "c100 c200");
	plan_is(CDB_DOWN, "c100 d200", "c1branch@b000", "~c100:-c100", "d200");
	plan_is(CDB_DOWN, "c100 d200", "c2branch@b000", "~d200:-d200+c200 ~c200:-c200", "c100");
	/* a revision names the branch as well as a label does */
	plan_is(CDB_DOWN, "d100 d200", "c200@b000", "~d200:-d200+c200 ~c200:-c200", "d100");
	plan_is(CDB_DOWN, "d100 d200", "d100@b000", "~d100:-d100+c100 ~c100:-c100", "d200");
	/* Alembic warns and guesses here; cdb asks */
	plan_fails(CDB_DOWN, "d100 d200", "-1", CDB_EAMBIGUOUS, "ambiguous");
	plan_fails(CDB_DOWN, "", "-1", CDB_EINVALID, "only 0");
	plan_is(CDB_DOWN, "d100 c200", "c200", "", "d100 c200");
	plan_is(CDB_DOWN, "d100 c200", "d100", "", "d100 c200");
}

/* ---- a branch out of a merge point: a1 -> b1 -> c1, a2 -> b2 -> c2, d1 = c1 + c2, c2 -> d2 ---- */

static void branch_from_mergepoint(void)
{
	rev("a100", "", NULL);
	rev("b100", "a100", NULL);
	rev("c100", "b100", NULL);
	rev("a200", "", NULL);
	rev("b200", "a200", NULL);
	rev("c200", "b200", NULL);
	rev("d100", "c100, c200", NULL);
	rev("d200", "c200", NULL);
	resolve_ok();
}

Test(graph, mergepoint_to_one_side)
{
	branch_from_mergepoint();
	plan_is(CDB_UP, "d200 b100", "d100", "c100:-b100+c100 d100:-c100+d100", "d100 d200");
	plan_is(CDB_DOWN, "d200 d100", "b100", "~d100:-d100+c100 ~c100:-c100+b100", "b100 d200");
	/* -1 from two heads with no common future is ambiguous */
	plan_fails(CDB_DOWN, "d200 d100", "-1", CDB_EAMBIGUOUS, "ambiguous");
	plan_is(CDB_DOWN, "d200 d100", "d100-1", "~d100:-d100+c100", "c100 d200");
}

/* ---- twin merges (Alembic #297): a -> b1, b2, b3; c1 and c2 both merge b1, b2, b3 ---- */

Test(graph, twin_merges)
{
	rev("a000", "", NULL);
	rev("b100", "a000", NULL);
	rev("b200", "a000", NULL);
	rev("b300", "a000", NULL);
	rev("c100", "b100, b200, b300", NULL);
	rev("c200", "b100, b200, b300", NULL);
	rev("d100", "c100", NULL);
	rev("d200", "c200", NULL);
	resolve_ok();
	plan_is(CDB_UP, "a000", "heads", "b100:-a000+b100 b200:+b200 b300:+b300 "
	        "c100:-b100-b200-b300+c100 c200:+c200 d100:-c100+d100 d200:-c200+d200", "d100 d200");
	plan_is(CDB_DOWN, "d100 d200", "c200", "~d200:-d200+c200", "c200 d100");
	plan_is(CDB_DOWN, "c200", "-1", "~c200:-c200+b100+b200+b300", "b100 b200 b300");
}

Test(graph, names_that_look_relative)
{
	rev("a000", "", "-- branch_labels: release-2");
	rev("b000", "a000", NULL);
	resolve_ok();
	cr_assert_str_eq(lookup_id("release-2"), "a000");
	plan_is(CDB_UP, "", "release-2", "a000:+a000", "a000");
	plan_is(CDB_DOWN, "b000", "release-2", "~b000:-b000+a000", "a000");
	cr_assert_str_eq(lookup_id("b000-1"), "a000");
}
