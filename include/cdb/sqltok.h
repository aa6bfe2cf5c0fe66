/*
 * sqltok.h - a small SQL tokenizer and a formatting-independent normal form
 *
 * cdb never parses the models as SQL (DESIGN §3), but SQLite keeps CREATE
 * text exactly as written, so two spellings of one schema ("VARCHAR(20)" and
 * "varchar ( 20 )", `"id"` and `id`) must compare equal. This tokenizer
 * splits text into words, quoted identifiers, strings, numbers and
 * punctuation, skipping whitespace and comments; the normal form joins the
 * tokens with single spaces, unquotes identifiers and, for SQLite, folds
 * their case. Pointers in tokens point into the scanned text.
 */
#ifndef CDB_SQLTOK_H
#define CDB_SQLTOK_H

#include <stdbool.h>
#include <stddef.h>

#include "cdb/arena.h"
#include "cdb/buf.h"

enum cdb_tok_kind {
	CDB_TOK_END,    /* end of text */
	CDB_TOK_WORD,   /* bare identifier or keyword */
	CDB_TOK_QUOTED, /* "ident", `ident` or [ident] */
	CDB_TOK_STRING, /* 'literal' (also X'..' blobs and E'..') */
	CDB_TOK_NUMBER, /* 12, 1.5e3, 0x1F */
	CDB_TOK_PUNCT,  /* operator or punctuation, e.g. "(", "<=", "||" */
};

struct cdb_tok {
	enum cdb_tok_kind kind;
	const char *p; /* first byte of the token in the text */
	size_t n;      /* length in bytes, quotes included */
};

/*
 * Read the token at `*pos`, skipping whitespace and comments, and advance
 * `*pos` past it. An unterminated quote or comment runs to the end of the
 * text. Returns the token's kind (CDB_TOK_END at the end).
 */
enum cdb_tok_kind cdb_tok_next(const char **pos, struct cdb_tok *t);

/* True when `t` is the bare word `kw` (case-insensitive). */
bool cdb_tok_is(const struct cdb_tok *t, const char *kw);

/* True when `t` is the punctuation `s`. */
bool cdb_tok_punct(const struct cdb_tok *t, const char *s);

/* An identifier token's value, unquoted (a word as is); arena-owned. */
char *cdb_tok_ident(struct cdb_arena *a, const struct cdb_tok *t);

/*
 * Append the normal form of `len` bytes of `sql` to `out`: tokens joined by
 * one space; identifiers unquoted (and re-quoted with "" only when they are
 * not plain words); with `fold`, words and identifiers lower-cased; "==" as
 * "=", "!=" as "<>". Strings and numbers are kept as written.
 */
void cdb_sql_normalize(struct cdb_buf *out, const char *sql, size_t len, bool fold);

/* True when `a` and `b` have the same normal form (NULL equals only NULL). */
bool cdb_sql_equal(const char *a, const char *b, bool fold);

/*
 * Does `word` stand in `text` as a whole identifier (not part of a longer
 * one, by the tokenizer's idea of an identifier character, except '$':
 * "FROM users$function$" mentions users)? A plain text search, so it also
 * sees inside strings and dollar-quoted bodies.
 */
bool cdb_sql_mentions(const char *text, const char *word);

#endif
