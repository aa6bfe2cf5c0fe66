/*
 * alloc.h - allocation that cannot fail
 *
 * Running out of memory prints one line and aborts (git's xmalloc), so no
 * caller checks for NULL after an allocation.
 */
#ifndef CDB_ALLOC_H
#define CDB_ALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new malloc'ed string. */
char *xasprintf(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;

/* Grow `*arr` (of `*cap` elements of `size` bytes) to hold at least `need`. */
void xgrow(void **arr, size_t *cap, size_t need, size_t size);
#define XGROW(arr, cap, need) xgrow((void **)&(arr), &(cap), (need), sizeof *(arr))

#endif
