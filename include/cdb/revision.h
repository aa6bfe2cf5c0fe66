/*
 * revision.h - revision files (DESIGN §5)
 *
 * A revision file is SQL with a header of `-- key: value` comment lines:
 *
 *   -- cdb revision
 *   -- revision: 1f8e2c3a9b7d
 *   -- down_revision: 8a7c6b5d4e3f          (empty: a base; "a, b": a merge)
 *   -- message: add movies
 *   -- created: 2026-11-24T22:40:11Z
 *   -- author: Jane Doe <jane@example.com>
 *   -- branch_labels: movies                (optional, comma-separated)
 *   -- depends_on: 0a1b2c3d4e5f             (optional, comma-separated)
 *   -- transaction: none                    (optional; default: one transaction)
 *
 *   -- +cdb upgrade
 *   ...SQL...
 *   -- +cdb downgrade
 *   ...SQL...
 *
 * The header is the run of lines from the first one ("-- cdb revision") up
 * to the first line that is not a `--` comment (blank lines end it too).
 * Loading a versions directory reads headers only, never the SQL, so a
 * graph of 10,000 revisions loads at once; the body and checksum are read
 * by cdb_revision_load_body() when a revision is about to run or be shown.
 *
 * Ownership: every string and array of a struct cdb_revision hangs off the
 * arena passed to the function that filled it (normally a graph's arena).
 */
#ifndef CDB_REVISION_H
#define CDB_REVISION_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "cdb/arena.h"
#include "cdb/buf.h"
#include "cdb/config.h"

#define CDB_REV_ID_MAX 32      /* longest id accepted from --rev-id */
#define CDB_REV_ID_RANDOM 12   /* hex digits of a generated id */
#define CDB_CHECKSUM_HEX 40    /* hex digits of a checksum (git blob id) */

struct cdb_revision {
	/* --- from the header --- */
	char *id;              /* revision id */
	char **down;           /* down_revision ids (0: base, 2+: merge) */
	size_t ndown;
	char **depends;        /* depends_on ids */
	size_t ndepends;
	char **labels;         /* branch_labels */
	size_t nlabels;
	char *message;         /* "" when absent */
	char *created;         /* as written, NULL when absent */
	char *author;          /* as written, NULL when absent */
	bool no_transaction;   /* `transaction: none` */
	char *file;            /* path of the file (as given to the loader) */
	int id_line;           /* 1-based line of each header key in the file (0: absent), */
	int down_line;         /* so graph errors can say file:line */
	int depends_line;
	int labels_line;
	int header_end;        /* first line after the header */

	/* --- from the body: valid once `body_loaded` (cdb_revision_load_body) --- */
	bool body_loaded;
	char *upgrade_sql;     /* text of the upgrade section ("" when empty) */
	int upgrade_line;      /* file line of the first line of upgrade_sql */
	char *downgrade_sql;   /* text of the downgrade section ("" when empty) */
	int downgrade_line;    /* file line of the first line of downgrade_sql */
	char checksum[CDB_CHECKSUM_HEX + 1]; /* git blob id of the file, CRLF folded */

	/* --- filled by the graph (graph.h); NULL/0 for a loose revision --- */
	struct cdb_revision **parents;    /* resolved `down`, same order */
	struct cdb_revision **deps;       /* resolved `depends`, same order */
	struct cdb_revision **children;   /* revisions whose down_revision names this one, by id */
	size_t nchildren, children_cap;
	struct cdb_revision **dependents; /* revisions whose depends_on names this one, by id */
	size_t ndependents, dependents_cap;
	size_t order;          /* index in the graph's topological order */
	unsigned mark;         /* scratch for graph walks (graph.c only) */
};

/*
 * Parse the header of a revision held in `text` (`len` bytes, need not be
 * NUL-terminated, may stop right after the header). `file` is the name
 * used in messages and stored in out->file. Strings are copied into `a`.
 * Errors are CDB_EINVALID with "file:line: ..." (a missing "-- cdb revision"
 * first line, a header line without "key: value", an unknown or repeated
 * key, a missing or invalid revision id, a bad transaction value).
 * `out` is zeroed first.
 */
int cdb_revision_parse_header(struct cdb_revision *out, struct cdb_arena *a, const char *file,
                              const char *text, size_t len);

/*
 * Split the whole file text into the upgrade and downgrade sections and
 * compute the checksum, filling the body fields of `rev` (strings in `a`).
 * A missing `-- +cdb upgrade` or `-- +cdb downgrade` marker, or the markers
 * in the wrong order or repeated, is CDB_EINVALID with file:line.
 */
int cdb_revision_parse_body(struct cdb_revision *rev, struct cdb_arena *a, const char *text,
                            size_t len);

/*
 * Read the header of file `path` only (stopping where the header ends) into
 * `out`. CDB_ENOTFOUND / CDB_ERROR for I/O failures, else as
 * cdb_revision_parse_header().
 */
int cdb_revision_load_header(struct cdb_revision *out, struct cdb_arena *a, const char *path);
/*
 * The same for file `name` relative to directory descriptor `dirfd`
 * (AT_FDCWD: the cwd), saving a path lookup per file when a whole
 * directory is loaded; `path` is the name used in messages and out->file.
 */
int cdb_revision_load_header_at(struct cdb_revision *out, struct cdb_arena *a, int dirfd,
                                const char *name, const char *path);

/*
 * Read rev->file whole and fill the body fields and checksum (a no-op when
 * already loaded). Errors as cdb_revision_parse_body() plus I/O errors; a
 * file whose header changed since it was loaded is CDB_EINVALID.
 */
int cdb_revision_load_body(struct cdb_revision *rev, struct cdb_arena *a);

/*
 * The checksum of a revision's text: its git blob id with every CRLF folded
 * to LF (equal to `git hash-object FILE` for a file without CR). Writes 40
 * hex digits and a NUL.
 */
void cdb_revision_checksum(char out[CDB_CHECKSUM_HEX + 1], const void *data, size_t len);

/*
 * Check an id given by the user (--rev-id): non-empty, at most
 * CDB_REV_ID_MAX characters, printable, and none of "@-+:," or whitespace
 * (those characters mean something in targets). Returns 0 or CDB_EUSAGE
 * with a message quoting the id and naming the offending character.
 */
int cdb_revision_check_id(const char *id);

/*
 * A new random id: CDB_REV_ID_RANDOM lower-case hex digits from
 * /dev/urandom, NUL-terminated. Returns 0 or CDB_ERROR.
 */
int cdb_revision_new_id(char out[CDB_REV_ID_RANDOM + 1]);

/*
 * The file-name slug of a message, appended to `out`: lower-cased, each run
 * of characters other than ASCII letters and digits replaced by one '_',
 * no leading or trailing '_', cut to `max` characters (0: no limit)
 * without leaving a trailing '_'. An empty result is left empty.
 */
void cdb_revision_slug(struct cdb_buf *out, const char *message, int max);

/*
 * The file name (without directory, with ".sql") for a revision, from the
 * config's file_template: %(rev)s, %(slug)s, %(year)d, %(month).2d,
 * %(day).2d, %(hour).2d, %(minute).2d, %(second).2d, %(epoch)s (UTC).
 * A template yielding an empty name, a '/' or an unknown token is
 * CDB_EINVALID. Appended to `out`.
 */
int cdb_revision_file_name(struct cdb_buf *out, const char *file_template, const char *rev,
                           const char *message, int truncate_slug_length, time_t when);

/* What to put in a new revision file. NULL/0 fields take the defaults shown. */
struct cdb_revision_spec {
	const char *id;                 /* NULL: a new random id (see cdb_revision_new_id) */
	const char *const *down;        /* parents (empty: a base) */
	size_t ndown;
	const char *message;            /* NULL: "" */
	const char *const *labels;      /* branch_labels */
	size_t nlabels;
	const char *const *depends;     /* depends_on */
	size_t ndepends;
	const char *author;             /* NULL: git config user.name/email of the project, else $USER */
	const char *upgrade_sql;        /* NULL: "" (the template's default body) */
	const char *downgrade_sql;      /* NULL: "" */
	bool no_transaction;            /* write `-- transaction: none` */
	time_t created;                 /* 0: now */
};

/*
 * Render the revision `spec` with template text `tmpl` (NULL: the
 * project's cfg->template_file, or the embedded script.sql.tmpl when that
 * file does not exist) into `out`. The given id is validated with
 * cdb_revision_check_id(). The result always parses back with
 * cdb_revision_parse_header/_body.
 */
int cdb_revision_render(struct cdb_buf *out, const struct cdb_config *cfg, const char *tmpl,
                        const struct cdb_revision_spec *spec, char id_out[CDB_REV_ID_MAX + 1]);

/*
 * Render `spec` and write it atomically into cfg->versions_dir under the
 * name from cfg->file_template. The versions directory must exist (a
 * missing one is CDB_ENOTFOUND with the hint to run 'cdb init'); an
 * existing file of that name is CDB_EEXISTS; a read-only directory is
 * CDB_ERROR and leaves nothing behind. On success *out_path is the path
 * written (malloc'ed) and, when `id_out` is not NULL, the id is copied there.
 * The caller checks that the id is not already used in the graph.
 */
int cdb_revision_write(char **out_path, const struct cdb_config *cfg,
                       const struct cdb_revision_spec *spec, char id_out[CDB_REV_ID_MAX + 1]);

#endif
