/* arena.c - one-lifetime allocation (see include/cdb/arena.h) */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "cdb/arena.h"
#include "cdb/buf.h"

#define ALIGN 16
#define BLOCK_SIZE (64 * 1024)

struct cdb_arena_block {
	struct cdb_arena_block *next;
	/* keeps data[] aligned to ALIGN */
	_Alignas(ALIGN) unsigned char data[];
};

void cdb_arena_init(struct cdb_arena *a)
{
	a->head = NULL;
	a->used = a->size = 0;
}

void cdb_arena_release(struct cdb_arena *a)
{
	struct cdb_arena_block *b = a->head, *next;

	for (; b; b = next) {
		next = b->next;
		free(b);
	}
	cdb_arena_init(a);
}

void *cdb_arena_alloc(struct cdb_arena *a, size_t n)
{
	size_t want = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	struct cdb_arena_block *b;

#ifndef CDB_ARENA_MALLOC
	if (want <= BLOCK_SIZE / 4) {
		void *p;

		if (!a->head || a->used + want > a->size) {
			b = xmalloc(sizeof(*b) + BLOCK_SIZE);
			b->next = a->head;
			a->head = b;
			a->used = 0;
			a->size = BLOCK_SIZE;
		}
		p = a->head->data + a->used;
		a->used += want;
		memset(p, 0, n);
		return p;
	}
#endif
	/* a big object (or every object, for the sanitizers) gets its own block */
	b = xmalloc(sizeof(*b) + (want ? want : ALIGN));
	memset(b->data, 0, n);
	if (a->head) {
		b->next = a->head->next;
		a->head->next = b;
	} else {
		b->next = NULL;
		a->head = b;
		a->used = a->size = want;
	}
	return b->data;
}

char *cdb_arena_strndup(struct cdb_arena *a, const char *s, size_t n)
{
	size_t len;
	char *p;

	if (!s)
		return NULL;
	len = strnlen(s, n);
	p = cdb_arena_alloc(a, len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *cdb_arena_strdup(struct cdb_arena *a, const char *s)
{
	return s ? cdb_arena_strndup(a, s, strlen(s)) : NULL;
}

char *cdb_arena_sprintf(struct cdb_arena *a, const char *fmt, ...)
{
	struct cdb_buf b = CDB_BUF_INIT;
	va_list ap;
	char *p;

	va_start(ap, fmt);
	cdb_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	p = cdb_arena_strndup(a, b.ptr, b.len);
	cdb_buf_release(&b);
	return p;
}

void *cdb_arena_grow(struct cdb_arena *a, void *arr, size_t *cap, size_t need, size_t size)
{
	size_t ncap;
	void *p;

	if (need <= *cap)
		return arr;
	ncap = *cap ? *cap * 2 : 4;
	while (ncap < need)
		ncap *= 2;
	p = cdb_arena_alloc(a, ncap * size);
	if (arr && *cap)
		memcpy(p, arr, *cap * size);
	*cap = ncap;
	return p;
}
