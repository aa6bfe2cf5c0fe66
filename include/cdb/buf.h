/*
 * buf.h - growable string
 *
 * Invariants: `ptr` is never NULL and always NUL-terminated at `len`
 * (it points to a shared empty string until the first append, so a buf must
 * be initialised with CDB_BUF_INIT or cdb_buf_init()). `cap` is 0 while
 * `ptr` is that shared string. Appending never fails (out of memory aborts).
 */
#ifndef CDB_BUF_H
#define CDB_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "cdb/error.h"

struct cdb_buf {
	char *ptr;  /* contents, NUL-terminated */
	size_t len; /* bytes used, not counting the NUL */
	size_t cap; /* bytes allocated; 0 while ptr is the shared empty string */
};

extern char cdb_buf__empty[];
#define CDB_BUF_INIT { cdb_buf__empty, 0, 0 }

void cdb_buf_init(struct cdb_buf *b);
/* Free the contents; the buf is left initialised and empty. */
void cdb_buf_release(struct cdb_buf *b);
/* Make the buf empty, keeping its memory. */
void cdb_buf_reset(struct cdb_buf *b);
/* Hand the contents to the caller (free() them); the buf is left empty. */
char *cdb_buf_detach(struct cdb_buf *b);

void cdb_buf_grow(struct cdb_buf *b, size_t extra);
void cdb_buf_put(struct cdb_buf *b, const void *data, size_t n);
void cdb_buf_puts(struct cdb_buf *b, const char *s);
void cdb_buf_putc(struct cdb_buf *b, char c);
void cdb_buf_printf(struct cdb_buf *b, const char *fmt, ...) CDB_PRINTF(2, 3);
void cdb_buf_vprintf(struct cdb_buf *b, const char *fmt, va_list ap);
/* Drop trailing whitespace. */
void cdb_buf_rtrim(struct cdb_buf *b);
void cdb_buf_truncate(struct cdb_buf *b, size_t len);

#endif
