/* error.c - the last-error message (see include/cdb/error.h) */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "cdb/buf.h"
#include "cdb/error.h"

#define MAX_HINTS 8
#define MAX_DETAILS 32

static struct {
	int code;
	char *message;
	char *hints[MAX_HINTS];
	int nhints;
	char *details[MAX_DETAILS];
	int ndetails;
} last;

void cdb_error_clear(void)
{
	free(last.message);
	last.message = NULL;
	for (int i = 0; i < last.nhints; i++)
		free(last.hints[i]);
	for (int i = 0; i < last.ndetails; i++)
		free(last.details[i]);
	last.nhints = last.ndetails = 0;
	last.code = CDB_OK;
}

int cdb_error_vset(int code, const char *fmt, va_list ap)
{
	struct cdb_buf b = CDB_BUF_INIT;

	cdb_buf_vprintf(&b, fmt, ap);
	cdb_error_clear();
	last.message = cdb_buf_detach(&b);
	last.code = code;
	return code;
}

int cdb_error_set(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cdb_error_vset(code, fmt, ap);
	va_end(ap);
	return code;
}

static char *vformat(const char *fmt, va_list ap)
{
	struct cdb_buf b = CDB_BUF_INIT;

	cdb_buf_vprintf(&b, fmt, ap);
	return cdb_buf_detach(&b);
}

void cdb_error_hint(const char *fmt, ...)
{
	va_list ap;

	if (last.nhints == MAX_HINTS)
		return;
	va_start(ap, fmt);
	last.hints[last.nhints++] = vformat(fmt, ap);
	va_end(ap);
}

void cdb_error_detail(const char *fmt, ...)
{
	va_list ap;

	if (last.ndetails == MAX_DETAILS)
		return;
	va_start(ap, fmt);
	last.details[last.ndetails++] = vformat(fmt, ap);
	va_end(ap);
}

void cdb_error_prefix(const char *fmt, ...)
{
	struct cdb_buf b = CDB_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	cdb_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	cdb_buf_printf(&b, ": %s", cdb_error_message());
	free(last.message);
	last.message = cdb_buf_detach(&b);
}

const char *cdb_error_message(void)
{
	return last.message ? last.message : "unknown error";
}

int cdb_error_code(void) { return last.code; }
int cdb_error_nhints(void) { return last.nhints; }
const char *cdb_error_hint_at(int i) { return last.hints[i]; }
int cdb_error_ndetails(void) { return last.ndetails; }
const char *cdb_error_detail_at(int i) { return last.details[i]; }

void cdb_error_save(struct cdb_error_saved *s)
{
	s->code = cdb_error_code();
	s->message = xstrdup(cdb_error_message());
	s->nhints = cdb_error_nhints() < 8 ? cdb_error_nhints() : 8;
	for (int i = 0; i < s->nhints; i++)
		s->hints[i] = xstrdup(cdb_error_hint_at(i));
	s->ndetails = cdb_error_ndetails() < 32 ? cdb_error_ndetails() : 32;
	for (int i = 0; i < s->ndetails; i++)
		s->details[i] = xstrdup(cdb_error_detail_at(i));
}

int cdb_error_restore(struct cdb_error_saved *s, const char *prefix)
{
	int code = s->code;

	if (!code)
		cdb_error_clear();
	else if (prefix)
		cdb_error_set(code, "%s: %s", prefix, s->message);
	else
		cdb_error_set(code, "%s", s->message);
	for (int i = 0; i < s->ndetails; i++) {
		if (code)
			cdb_error_detail("%s", s->details[i]);
		free(s->details[i]);
	}
	for (int i = 0; i < s->nhints; i++) {
		if (code)
			cdb_error_hint("%s", s->hints[i]);
		free(s->hints[i]);
	}
	free(s->message);
	return code;
}
