/*
 * git.h - what cdb reads from git (through libgit2, no git binary)
 *
 * cdb never writes to git. It reads: the author for new revisions (git
 * config), the revision files as they are at another commit (for
 * `check --base REF` and `rebase --onto REF`), and the commit that added
 * each revision file (for `history -v` and conflict reports).
 *
 * Commit and blob ids are handed out as 40-digit hex strings so callers
 * never see a libgit2 type.
 */
#ifndef CDB_GIT_H
#define CDB_GIT_H

#include <stdbool.h>
#include <stddef.h>

#include "cdb/arena.h"

#define CDB_GIT_HEXSZ 40

/* An open repository (opaque). */
struct cdb_git;

/*
 * Open the repository whose work tree contains `dir` (searching upwards like
 * git, stopping at GIT_CEILING_DIRECTORIES). Not in a repository is
 * CDB_ENOTFOUND with a message naming `dir`; a bare repository (no work
 * tree) is CDB_EINVALID. Release with cdb_git_free().
 */
int cdb_git_open(struct cdb_git **out, const char *dir);
void cdb_git_free(struct cdb_git *g);

/* The work tree's root, absolute, ending in '/' (owned by `g`). */
const char *cdb_git_workdir(const struct cdb_git *g);

/* True when the repository is a shallow clone (history is cut short). */
bool cdb_git_is_shallow(struct cdb_git *g);

/*
 * The author for a new revision in `dir`: "Name <email>" from git config
 * (the repository's, which falls back to the global and system files), or
 * just the name or the email when only one is set. Returns a malloc'ed
 * string, or NULL when `dir` is not in a git repository or neither key is
 * set. Never fails otherwise.
 */
char *cdb_git_author(const char *dir);

/*
 * The blob id git would give `data` (what `git hash-object` prints), with
 * every CRLF folded to LF first so a checkout with autocrlf has the same id.
 * Writes 40 hex digits and a NUL into `out`.
 */
void cdb_git_text_id(char out[CDB_GIT_HEXSZ + 1], const void *data, size_t len);

/* A commit, as cdb reports it. Strings hang off the arena given to the call. */
struct cdb_git_commit {
	char id[CDB_GIT_HEXSZ + 1]; /* full hex id */
	char *short_id;             /* abbreviated id (7+ digits, unique in the repository) */
	char *author;               /* "Name <email>" */
	char *date;                 /* author date, UTC, "2026-11-24T22:40:11Z" */
	char *summary;              /* first line of the message */
};

/*
 * Resolve REF (a branch, "origin/main", a tag, a commit id, "HEAD~1", ...)
 * to a commit. An unknown or ambiguous REF is CDB_ENOTFOUND /
 * CDB_EAMBIGUOUS with a message quoting it; a REF naming something that is
 * not a commit (a tree or blob) is CDB_EINVALID.
 */
int cdb_git_resolve(struct cdb_git_commit *out, struct cdb_git *g, const char *ref,
                    struct cdb_arena *arena);

/*
 * The merge base of HEAD and REF (the newest common ancestor), written as
 * 40 hex digits into `out`. CDB_ENOTFOUND when there is none (unrelated
 * histories, an unborn HEAD, or a shallow clone that lacks it); errors of
 * cdb_git_resolve() for REF.
 */
int cdb_git_merge_base(char out[CDB_GIT_HEXSZ + 1], struct cdb_git *g, const char *ref);

/*
 * The upstream branch of the checked-out branch ("origin/main"), as a
 * malloc'ed string, or NULL when HEAD is detached or has no upstream.
 */
char *cdb_git_upstream(struct cdb_git *g);

/* One revision file as stored in a commit's tree. */
struct cdb_git_file {
	char *name;                      /* file name inside versions/ */
	char *path;                      /* path from the repository root */
	char blob_id[CDB_GIT_HEXSZ + 1]; /* id of the stored blob */
	char text_id[CDB_GIT_HEXSZ + 1]; /* cdb_git_text_id() of the contents: the checksum */
	char *data;                      /* contents as stored, NUL-terminated */
	size_t len;                      /* bytes in data */
};

/* The revision files of one commit. Everything is owned by `arena`. */
struct cdb_git_files {
	struct cdb_arena arena;
	struct cdb_git_commit commit;    /* the commit they were read from */
	struct cdb_git_file *files;      /* sorted by name */
	size_t n, cap;
};

void cdb_git_files_init(struct cdb_git_files *fs);
void cdb_git_files_release(struct cdb_git_files *fs);

/*
 * Read every "*.sql" file directly inside `versions_dir` (a path in the
 * work tree, absolute or relative to the current directory) as it is in the
 * tree of REF. When the directory does not exist at REF the set is empty
 * (every revision is new), which is not an error. `out` must be initialised.
 * Errors: those of cdb_git_resolve(); CDB_EINVALID when `versions_dir` is
 * outside the work tree.
 */
int cdb_git_list_files(struct cdb_git_files *out, struct cdb_git *g, const char *ref,
                       const char *versions_dir);

/* Where a revision file came from: the newest commit that added it. */
struct cdb_git_origin {
	bool found;                 /* false: not committed, or beyond the walk */
	struct cdb_git_commit commit;
};

/*
 * For each of the `n` file names (inside `versions_dir`), find the newest
 * commit reachable from `from` (a REF as for cdb_git_resolve(); NULL: HEAD)
 * that added it (it exists there and in none of
 * the commit's parents). One walk serves all files; it stops after
 * `max_commits` commits (0: a default of 10000). Files not found, a
 * shallow history's cut, an unborn HEAD: `found` stays false, never an
 * error; an unknown `from` is an error as for cdb_git_resolve(). `out` has
 * `n` entries; strings hang off `arena`.
 */
int cdb_git_origins(struct cdb_git_origin *out, struct cdb_git *g, const char *from,
                    const char *versions_dir,
                    const char *const *names, size_t n, size_t max_commits,
                    struct cdb_arena *arena);

#endif
