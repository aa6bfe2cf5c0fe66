/*
 * check.h - what `cdb check` verifies beyond the live diff, and the rebase
 *
 * Each check appends findings to a list instead of failing: `cdb check`
 * reports every finding and exits 1 when there is any (DESIGN §7). A check
 * returns a negative CDB_E* code only when it could not run at all (a file
 * it cannot read, an unknown git REF, a database error).
 *
 * The git-aware checks compare the revision files in the work tree with
 * those at a git REF, read through libgit2 (git.h): no revision present at
 * REF may be edited or deleted, and the revisions new on this branch must
 * chain onto REF's head so the merge leaves one head. `cdb rebase` repairs
 * the second by re-parenting the first new revision onto REF's head.
 */
#ifndef CDB_CHECK_H
#define CDB_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "cdb/arena.h"
#include "cdb/config.h"
#include "cdb/error.h"
#include "cdb/git.h"

struct cdb_db;
struct cdb_dialect;
struct cdb_graph;

/* Kinds of finding (the `kind` string of --format json). */
#define CDB_FINDING_APPLIED_EDITED "applied-edited"     /* applied revision's file changed */
#define CDB_FINDING_APPLIED_DELETED "applied-deleted"   /* applied revision has no file */
#define CDB_FINDING_BASE_EDITED "base-edited"           /* revision present at REF was edited */
#define CDB_FINDING_BASE_DELETED "base-deleted"         /* revision present at REF was deleted */
#define CDB_FINDING_BASE_HEADS "base-conflict"          /* merging into REF leaves a second head */
#define CDB_FINDING_MODELS_CHANGED "models-changed"     /* models differ from the replayed revisions */
#define CDB_FINDING_UPGRADE_FAILED "upgrade-failed"     /* a revision fails in the scratch database */
#define CDB_FINDING_DOWNGRADE_FAILED "downgrade-failed" /* a downgrade fails in the scratch database */
#define CDB_FINDING_ROUNDTRIP "roundtrip"               /* downgrade leaves something, or head differs */

struct cdb_finding {
	const char *kind;  /* one of the CDB_FINDING_* strings (or another command's own) */
	char *revision;    /* the revision concerned, NULL: none */
	char *file;        /* its file, absolute (cdb_path_display() shows it), NULL: none */
	char *message;     /* one line: lower case, no full stop */
	char **details;    /* further lines (operations, the other revision, ...) */
	size_t ndetails;
	size_t details_cap;
};

/* A list of findings; everything hangs off its arena. */
struct cdb_findings {
	struct cdb_arena arena;
	struct cdb_finding *items;
	size_t n, cap;
};

void cdb_findings_init(struct cdb_findings *fs);
void cdb_findings_release(struct cdb_findings *fs);

/* Append a finding; `revision` and `file` may be NULL. Returns it (owned by `fs`). */
struct cdb_finding *cdb_findings_add(struct cdb_findings *fs, const char *kind,
                                     const char *revision, const char *file,
                                     const char *fmt, ...) CDB_PRINTF(5, 6);
/* Append a detail line to `f`. */
void cdb_finding_detail(struct cdb_findings *fs, struct cdb_finding *f, const char *fmt, ...)
	CDB_PRINTF(3, 4);

/*
 * `check --base REF`: compare the revision files of cfg->versions_dir in
 * the work tree with those in REF's tree and at the merge base of HEAD and
 * REF. Appends BASE_EDITED when a revision's checksum (CRLF folded, so a
 * checkout with autocrlf is not an edit) differs from REF's, unless only
 * REF changed it since the merge base; BASE_DELETED when a revision the
 * branch had at the merge base is gone (without a merge base, as in a
 * shallow CI fetch: when one of our revisions sits above the missing one);
 * and BASE_HEADS when the union of both sets has more heads than REF has
 * (a new head in a revision with its own branch_labels is a deliberate
 * branch and not reported). A BASE_HEADS finding names both heads, their
 * down_revision and the commits that added them ("an unknown commit"
 * beyond a shallow clone's cut). When the directory does not exist at REF
 * every revision is new and nothing is reported. Errors: not a git
 * repository (CDB_ENOTFOUND, with a hint), unknown REF, unreadable or
 * malformed revision files.
 */
int cdb_check_base(struct cdb_findings *out, const struct cdb_config *cfg, const char *ref);

/*
 * Checksums: every revision applied to `db` (per its history table: the
 * last row of the revision is an upgrade) must still have a file, and that
 * file's checksum must equal the one recorded when it ran. Appends
 * APPLIED_EDITED / APPLIED_DELETED. Rows without a checksum are skipped.
 * Errors: database and revision-file errors.
 */
int cdb_check_checksums(struct cdb_findings *out, struct cdb_db *db, struct cdb_graph *g);

/* What cdb_check_scratch() does besides replaying the revisions. */
struct cdb_scratch_opts {
	bool models;    /* compare the head schema with the models (--scratch) */
	bool roundtrip; /* downgrade to base and upgrade again (--roundtrip) */
};

/*
 * Replay every revision of `g` into an empty scratch database of dialect
 * `d` (`server` is the live database: PostgreSQL creates the scratch
 * database on its server; SQLite ignores it, NULL is fine). A revision
 * that fails is UPGRADE_FAILED and ends the check. With o->models, the
 * head schema is compared with the models: MODELS_CHANGED lists the
 * operations a `cdb migrate` would write. With o->roundtrip, the scratch
 * database is downgraded to base (one revision at a time when the history
 * is linear, so the revision at fault is named: DOWNGRADE_FAILED, or
 * ROUNDTRIP when its downgrade does not restore the schema from before its
 * upgrade) and upgraded again, and the head schemas must be identical
 * (ROUNDTRIP). The scratch database is always dropped. Errors: cannot
 * create the scratch database, models that fail to load, introspection.
 */
int cdb_check_scratch(struct cdb_findings *out, const struct cdb_dialect *d,
                      struct cdb_db *server, const struct cdb_config *cfg, struct cdb_graph *g,
                      const struct cdb_scratch_opts *o);

/* What `cdb rebase --onto REF` would do. Strings hang off the arena. */
struct cdb_rebase_plan {
	struct cdb_arena arena;
	const char *ref;              /* REF as given */
	struct cdb_git_commit commit; /* REF's commit */
	const char *onto;             /* the single head of the revisions at REF, NULL: none there */
	const char **new_ids;         /* revisions absent at REF (this branch's), in file order */
	size_t nnew;
	const char *root;             /* the new revision to re-parent, NULL: nothing to do */
	const char *root_file;        /* its file (absolute) */
	const char *old_down;         /* its down_revision as written */
};

void cdb_rebase_plan_init(struct cdb_rebase_plan *p);
void cdb_rebase_plan_release(struct cdb_rebase_plan *p);

/*
 * Work out the rebase onto REF. Nothing to do (root == NULL) when the new
 * revisions already chain onto REF's head or there are none. Refused with
 * CDB_EINVALID and a hint: REF has several heads; the new revisions start
 * from several places or from a merge revision; the first new revision
 * follows one that is not at REF.
 */
int cdb_rebase_plan(struct cdb_rebase_plan *out, const struct cdb_config *cfg, const char *ref);

/*
 * Rewrite the `down_revision` header line of p->root to p->onto, keeping
 * every other byte of the file (line ending included), atomically.
 */
int cdb_rebase_apply(const struct cdb_rebase_plan *p);

/* The default REF for rebase: the upstream of the current branch, else
 * "origin/main" when it exists, else "main". Malloc'ed. `dir` is a
 * directory in the work tree. Not a git repository is CDB_ENOTFOUND. */
int cdb_rebase_default_ref(char **out, const char *dir);

#endif
