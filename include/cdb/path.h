/*
 * path.h - file names and whole-file I/O
 *
 * Paths are plain NUL-terminated strings. Functions that build a path return
 * a malloc'ed string the caller frees. Functions that touch the file system
 * return 0 or a negative CDB_E* code with the message set, naming the path.
 */
#ifndef CDB_PATH_H
#define CDB_PATH_H

#include <stdbool.h>
#include <stddef.h>

#include "cdb/buf.h"

/*
 * `a` and `b` joined with one '/'. When `b` is absolute it is returned
 * alone; an empty `a` gives `b`. Malloc'ed.
 */
char *cdb_path_join(const char *a, const char *b);

/*
 * `path` made absolute against `base` (NULL: the current directory) and
 * cleaned lexically: "." components, repeated and trailing slashes are
 * dropped and "x/.." pairs folded. Symbolic links are not resolved.
 * Malloc'ed; NULL only when the current directory cannot be read.
 */
char *cdb_path_absolute(const char *path, const char *base);

/*
 * `path` relative to directory `dir` when it lies below it, else `path`
 * itself, so the result points into `path`: ("/p/models/x.sql", "/p")
 * gives "models/x.sql", `dir` itself gives ".", "/q/x.sql" and relative
 * paths come back unchanged. Lexical: both are expected clean (as
 * cdb_path_absolute() makes them); trailing slashes of `dir` are ignored.
 */
const char *cdb_path_relative_to(const char *path, const char *dir);

/*
 * `path` as cdb shows it to a user, like git: relative to the current
 * directory when the file is below it ("models/x.sql"), else unchanged
 * (absolute). The directory is read once, on the first call, both as
 * getcwd() gives it and as $PWD names it when that is the same directory
 * through a symbolic link. Points into `path`, or is "."; never NULL.
 * Messages and normal output use it; JSON output and files cdb writes keep
 * absolute paths.
 */
const char *cdb_path_display(const char *path);

/* The directory part of `path` ("." when it has none, "/" for "/x"). Malloc'ed. */
char *cdb_path_dirname(const char *path);

/* The last component of `path` (points into `path`). */
const char *cdb_path_basename(const char *path);

/* True when `path` names an existing directory / an existing file of any kind. */
bool cdb_path_is_dir(const char *path);
bool cdb_path_exists(const char *path);

/*
 * Create directory `path` and its missing parents (mode 0777 & ~umask).
 * An existing directory is not an error. Returns 0, or CDB_ERROR naming
 * the directory that could not be made.
 */
int cdb_path_mkdirs(const char *path);

/*
 * Append the whole contents of file `path` to `out`. Returns 0,
 * CDB_ENOTFOUND when it does not exist, CDB_ERROR for other failures
 * ("cannot read 'x': Permission denied").
 */
int cdb_path_read(struct cdb_buf *out, const char *path);

/*
 * Write `len` bytes to `path` atomically: a temporary file in the same
 * directory is written, fsync'ed and renamed over `path`, then the directory
 * is fsync'ed. On any failure the temporary file is removed and nothing is
 * left behind; a read-only or missing directory is CDB_ERROR naming it.
 * With `exclusive`, an existing `path` is CDB_EEXISTS and is left untouched.
 */
int cdb_path_write_atomic(const char *path, const void *data, size_t len, bool exclusive);

/* A list of paths; release with cdb_path_list_release(). */
struct cdb_path_list {
	char **paths; /* malloc'ed absolute (or dir-prefixed) paths, sorted by strcmp */
	size_t n;     /* number of paths */
	size_t cap;   /* allocated slots */
};
#define CDB_PATH_LIST_INIT { NULL, 0, 0 }
void cdb_path_list_release(struct cdb_path_list *l);

/*
 * Append to `out` the regular files directly inside `dir` whose name ends
 * in `.sql` (hidden files skipped), each as cdb_path_join(dir, name), and
 * sort the list. `out` must be initialised (CDB_PATH_LIST_INIT). A missing
 * directory is CDB_ENOTFOUND naming it; other failures CDB_ERROR.
 */
int cdb_path_list_sql(struct cdb_path_list *out, const char *dir);

#endif
