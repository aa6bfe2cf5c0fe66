/*
 * arena.h - one-lifetime allocation
 *
 * Objects that live and die together (a schema, a diff, a revision graph)
 * share an arena and are freed in one call. Allocation never fails. Built
 * with -Darena_malloc=true every allocation is its own malloc block, so ASan
 * and valgrind see each object's bounds.
 */
#ifndef CDB_ARENA_H
#define CDB_ARENA_H

#include <stddef.h>

#include "cdb/error.h"

struct cdb_arena_block;

struct cdb_arena {
	struct cdb_arena_block *head; /* newest block first */
	size_t used;                  /* bytes used in head */
	size_t size;                  /* bytes available in head */
};

#define CDB_ARENA_INIT { NULL, 0, 0 }

void cdb_arena_init(struct cdb_arena *a);
/* Free everything allocated from the arena; it is left empty and usable. */
void cdb_arena_release(struct cdb_arena *a);

/* Zeroed memory, aligned for any type. */
void *cdb_arena_alloc(struct cdb_arena *a, size_t n);
/* A copy of `s` (NULL gives NULL). */
char *cdb_arena_strdup(struct cdb_arena *a, const char *s);
char *cdb_arena_strndup(struct cdb_arena *a, const char *s, size_t n);
char *cdb_arena_sprintf(struct cdb_arena *a, const char *fmt, ...) CDB_PRINTF(2, 3);
/*
 * Grow an arena array of `*cap` elements of `size` bytes to hold `need`;
 * the old storage is abandoned to the arena. Use CDB_ARENA_PUSH.
 */
void *cdb_arena_grow(struct cdb_arena *a, void *arr, size_t *cap, size_t need, size_t size);

/* Append one zeroed slot to arena array `arr` (count `n`, capacity `cap`); yields its address. */
#define CDB_ARENA_PUSH(a, arr, n, cap) \
	((arr) = cdb_arena_grow((a), (arr), &(cap), (n) + 1, sizeof *(arr)), &(arr)[(n)++])

#endif
