/* log.c - progress reporting through the CLI's handler (see include/cdb/log.h) */
#include <stdarg.h>
#include <stdlib.h>

#include "cdb/buf.h"
#include "cdb/log.h"

static cdb_log_fn handler;
static void *handler_ctx;

void cdb_log_set_handler(cdb_log_fn fn, void *ctx)
{
	handler = fn;
	handler_ctx = ctx;
}

void cdb_log(enum cdb_log_level level, const char *fmt, ...)
{
	struct cdb_buf b = CDB_BUF_INIT;
	va_list ap;

	if (!handler)
		return;
	va_start(ap, fmt);
	cdb_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	handler(level, b.ptr, handler_ctx);
	cdb_buf_release(&b);
}
