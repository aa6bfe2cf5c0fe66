/*
 * check_priv.h - what check_base.c and rebase.c share: the revision
 * headers of the work tree and of REF, read into two sets
 *
 * Private to src/core/.
 */
#ifndef CDB_CHECK_PRIV_H
#define CDB_CHECK_PRIV_H

#include <stdbool.h>
#include <stddef.h>

#include "cdb/arena.h"
#include "cdb/config.h"
#include "cdb/git.h"
#include "cdb/revision.h"

/* One revision file: its header and checksum, from the work tree or from REF. */
struct rev_entry {
	struct cdb_revision rev; /* header only */
	const char *name;        /* file name inside versions/ */
	const char *path;        /* work tree: absolute path; REF: path in the repository */
	const char *file;        /* absolute path in the work tree (for REF: where it would be) */
	char checksum[CDB_GIT_HEXSZ + 1];
	int other;               /* index of the same id in the other set, -1: none */
	bool has_child;          /* some revision of the union names it as down_revision */
};

struct rev_set {
	struct rev_entry *v;
	size_t n, cap;
	size_t *by_id; /* indexes into v sorted by id, for lookups */
};

/* Everything both checks compare, owned by one arena. */
struct base_cmp {
	struct cdb_arena arena;
	struct cdb_git *git;
	struct cdb_git_files at_ref; /* REF's files (their own arena) */
	struct cdb_git_files at_base;/* the merge base's files, when have_mb */
	struct rev_set work, ref;
	struct rev_set mb;           /* revisions at the merge base of HEAD and REF */
	bool have_mb;
	const char *refname;
	const struct cdb_config *cfg;
};

/* Read the sets of the work tree, of REF and of their merge base; release it even after a failure. */
int check_base_cmp_load(struct base_cmp *c, const struct cdb_config *cfg, const char *ref);
void check_base_cmp_release(struct base_cmp *c);
/* Index of revision `id` in `s`, -1 when absent. */
int check_find_id(const struct rev_set *s, const char *id);
/* "a, b" or "(base)" for a down_revision list. */
const char *check_down_text(struct cdb_arena *a, const struct cdb_revision *r);
/* Heads of REF's own revisions; *last is one of them. */
size_t check_count_ref_heads(struct base_cmp *c, const struct rev_entry **last);
/* A new revision (absent at REF) that no revision follows, outside a labelled branch. */
bool check_is_new_head(const struct base_cmp *c, size_t i);

#endif
