/*
 * error.h - error codes and the last-error message
 *
 * Library functions return int: 0 on success, a negative CDB_E* code on
 * failure. The failing function records one message (and optional hint
 * lines) with cdb_error_set(); callers propagate the code unchanged and do
 * not overwrite the message (libgit2's model). Only src/cli/ prints it.
 */
#ifndef CDB_ERROR_H
#define CDB_ERROR_H

#include <stdarg.h>

enum cdb_error_code {
	CDB_OK = 0,
	CDB_ERROR = -1,     /* generic runtime failure */
	CDB_ENOTFOUND = -3, /* object (revision, file, table) not found */
	CDB_EEXISTS = -4,   /* object already exists */
	CDB_EAMBIGUOUS = -5,/* prefix or target matches several objects */
	CDB_EINVALID = -6,  /* malformed input (file, header, URL, config) */
	CDB_ELOCKED = -7,   /* lock not acquired within lock_timeout */
	CDB_EUSAGE = -8,    /* bad command-line usage (exit 64) */
	CDB_EDB = -9,       /* the database server reported an error */
};

/* Exit status of the cdb command (see DESIGN §1). */
enum cdb_exit {
	CDB_EXIT_OK = 0,
	CDB_EXIT_FINDINGS = 1, /* check found something to fix */
	CDB_EXIT_ERROR = 2,    /* runtime error */
	CDB_EXIT_USAGE = 64,   /* usage error */
};

#if defined(__GNUC__)
#define CDB_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define CDB_PRINTF(f, a)
#endif

/*
 * Record the message of the current failure, replacing any earlier message
 * and hints. Lower case, no full stop, subject quoted:
 * "cannot open 'cdb.ini': No such file or directory". Returns `code`, so
 * `return cdb_error_set(CDB_EINVALID, "...")` reads naturally.
 */
int cdb_error_set(int code, const char *fmt, ...) CDB_PRINTF(2, 3);
int cdb_error_vset(int code, const char *fmt, va_list ap);

/* Append a "hint:" line to the current error (up to 8 are kept). */
void cdb_error_hint(const char *fmt, ...) CDB_PRINTF(1, 2);

/* Append a "detail:" line to the current error (up to 32 are kept). */
void cdb_error_detail(const char *fmt, ...) CDB_PRINTF(1, 2);

/* Prefix the current message with "<prefix>: ", e.g. a file:line. */
void cdb_error_prefix(const char *fmt, ...) CDB_PRINTF(1, 2);

/* The current message, or "unknown error" when none was set. Never NULL. */
const char *cdb_error_message(void);

/* The code passed to the last cdb_error_set(), CDB_OK after clear. */
int cdb_error_code(void);

/* Number of hint/detail lines and each line by index. */
int cdb_error_nhints(void);
const char *cdb_error_hint_at(int i);
int cdb_error_ndetails(void);
const char *cdb_error_detail_at(int i);

/* Forget the current message, hints and details. */
void cdb_error_clear(void);

/*
 * The current error (message, code, hints, details), kept while clean-up
 * code that may fail or clear it runs.
 */
struct cdb_error_saved {
	int code;
	char *message;
	char *hints[8];
	int nhints;
	char *details[32];
	int ndetails;
};
void cdb_error_save(struct cdb_error_saved *s);
/*
 * Make `s` the current error again, its message prefixed by "<prefix>: "
 * (NULL: none), and free it; a saved "no error" clears. Returns the code.
 */
int cdb_error_restore(struct cdb_error_saved *s, const char *prefix);

#endif
