/* buf.c - growable string (see include/cdb/buf.h) */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "cdb/buf.h"

char cdb_buf__empty[1];

void cdb_buf_init(struct cdb_buf *b)
{
	b->ptr = cdb_buf__empty;
	b->len = b->cap = 0;
}

void cdb_buf_release(struct cdb_buf *b)
{
	if (b->cap)
		free(b->ptr);
	cdb_buf_init(b);
}

void cdb_buf_reset(struct cdb_buf *b)
{
	cdb_buf_truncate(b, 0);
}

void cdb_buf_truncate(struct cdb_buf *b, size_t len)
{
	if (len >= b->len)
		return;
	b->len = len;
	if (b->cap)
		b->ptr[len] = '\0';
}

char *cdb_buf_detach(struct cdb_buf *b)
{
	char *p = b->cap ? b->ptr : xstrdup("");

	cdb_buf_init(b);
	return p;
}

void cdb_buf_grow(struct cdb_buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	size_t ncap;

	if (need <= b->cap)
		return;
	ncap = b->cap ? b->cap : 64;
	while (ncap < need)
		ncap *= 2;
	if (b->cap) {
		b->ptr = xrealloc(b->ptr, ncap);
	} else {
		b->ptr = xmalloc(ncap);
		b->ptr[0] = '\0';
	}
	b->cap = ncap;
}

void cdb_buf_put(struct cdb_buf *b, const void *data, size_t n)
{
	cdb_buf_grow(b, n);
	memcpy(b->ptr + b->len, data, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

void cdb_buf_puts(struct cdb_buf *b, const char *s)
{
	cdb_buf_put(b, s, strlen(s));
}

void cdb_buf_putc(struct cdb_buf *b, char c)
{
	cdb_buf_put(b, &c, 1);
}

void cdb_buf_vprintf(struct cdb_buf *b, const char *fmt, va_list ap)
{
	char small[256];
	va_list ap2;
	int n;

	/* one pass for the common short string, a second only when it did not fit */
	va_copy(ap2, ap);
	n = vsnprintf(small, sizeof(small), fmt, ap2);
	va_end(ap2);
	if (n <= 0)
		return;
	if ((size_t)n < sizeof(small)) {
		cdb_buf_put(b, small, (size_t)n);
		return;
	}
	cdb_buf_grow(b, (size_t)n);
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void cdb_buf_printf(struct cdb_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cdb_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void cdb_buf_rtrim(struct cdb_buf *b)
{
	size_t n = b->len;

	while (n > 0 && isspace((unsigned char)b->ptr[n - 1]))
		n--;
	cdb_buf_truncate(b, n);
}
