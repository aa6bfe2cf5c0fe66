/*
 * log.h - how the library reports progress without printing
 *
 * Only src/cli/ prints. The library calls cdb_log() for progress lines and
 * echoed SQL; the CLI installs a handler that decides (by -q/-v and colour)
 * what reaches stdout/stderr. Without a handler nothing is printed.
 */
#ifndef CDB_LOG_H
#define CDB_LOG_H

#include "cdb/error.h"

enum cdb_log_level {
	CDB_LOG_SQL,      /* a statement about to run (-v) */
	CDB_LOG_PROGRESS, /* one line per applied step (silenced by -q) */
	CDB_LOG_INFO,     /* informational line (silenced by -q) */
	CDB_LOG_WARNING,  /* something the user should read, on stderr */
};

typedef void (*cdb_log_fn)(enum cdb_log_level level, const char *msg, void *ctx);

void cdb_log_set_handler(cdb_log_fn fn, void *ctx);
void cdb_log(enum cdb_log_level level, const char *fmt, ...) CDB_PRINTF(2, 3);

#endif
