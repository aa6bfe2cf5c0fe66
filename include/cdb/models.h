/*
 * models.h - the declared schema: model files and rename hints
 *
 * The models are plain SQL files (`*.sql` in the models directory), executed in sorted path
 * order into a scratch database by the dialect (DESIGN §3); cdb never parses
 * them as SQL. The only thing cdb reads in them is rename hints, comment lines
 * of the form
 *
 *     -- cdb: rename table accounts to users
 *     -- cdb: rename column users.mail to email
 *
 * (keywords case-insensitive; names may be double-quoted; a table may be
 * qualified "schema.table" on PostgreSQL). A hint applies when its old name
 * exists in the database and its new name in the models; otherwise the diff
 * ignores it.
 */
#ifndef CDB_MODELS_H
#define CDB_MODELS_H

#include <stdbool.h>
#include <stddef.h>

#include "cdb/arena.h"

enum cdb_rename_kind {
	CDB_RENAME_TABLE,  /* rename table [schema.]from to to */
	CDB_RENAME_COLUMN, /* rename column [schema.]table.from to to */
};

struct cdb_rename_hint {
	enum cdb_rename_kind kind;
	char *schema;  /* schema of the table, NULL when not qualified */
	char *table;   /* COLUMN: the table (its name in the models); TABLE: NULL */
	char *from;    /* old name (in the database) */
	char *to;      /* new name (in the models) */
	char *file;    /* model file the hint was read from, NULL when added by the CLI */
	int line;      /* 1-based line in `file`, 0 when added by the CLI */
};

/*
 * A list of hints with its own arena. Initialise with cdb_rename_hints_init(),
 * free with cdb_rename_hints_release(). The CLI adds the renames a user
 * confirms at the "possible rename" prompt with cdb_rename_hints_add().
 */
struct cdb_rename_hints {
	struct cdb_arena arena;       /* owns every string below */
	struct cdb_rename_hint *items;/* in file order, then in order added */
	size_t n, cap;
};

void cdb_rename_hints_init(struct cdb_rename_hints *h);
void cdb_rename_hints_release(struct cdb_rename_hints *h);

/* Append a hint (strings copied; `schema`, `table`, `file` may be NULL). Returns it. */
struct cdb_rename_hint *cdb_rename_hints_add(struct cdb_rename_hints *h, enum cdb_rename_kind kind,
                                             const char *schema, const char *table,
                                             const char *from, const char *to,
                                             const char *file, int line);

/*
 * Scan `text` (the contents of model file `file`, used for messages) for
 * hints and append them to `h`. A line starting with "-- cdb:" that is not a
 * well-formed hint is CDB_EINVALID "file:line: ..." so typos do not silently
 * turn a rename into drop + add. Returns 0 or a negative CDB_E* code.
 */
int cdb_rename_hints_scan(struct cdb_rename_hints *h, const char *file, const char *text);

/*
 * The model files of one project: every regular `*.sql` file directly in the
 * models directory, sorted by byte-wise path order, and the hints they carry.
 */
struct cdb_models {
	struct cdb_arena arena;       /* owns `files` and the paths */
	char **files;                 /* full paths ("dir/name.sql"), sorted */
	size_t nfiles, files_cap;
	struct cdb_rename_hints hints;/* hints from all files, in file order */
};

void cdb_models_init(struct cdb_models *m);
void cdb_models_release(struct cdb_models *m);

/*
 * List the `*.sql` files of directory `dir` into `m` (initialised by the
 * caller) and scan each for rename hints. A missing or unreadable directory
 * is CDB_ENOTFOUND / CDB_ERROR with a hint to run `cdb init`; an empty
 * directory is not an error (the models declare an empty schema).
 * Returns 0 or a negative CDB_E* code.
 */
int cdb_models_load(struct cdb_models *m, const char *dir);

#endif
