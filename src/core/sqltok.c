/* sqltok.c - SQL tokenizer and normal form (see include/cdb/sqltok.h) */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "cdb/sqltok.h"

static bool word_start(unsigned char c)
{
	return isalpha(c) || c == '_' || c >= 0x80;
}

static bool word_char(unsigned char c)
{
	return isalnum(c) || c == '_' || c == '$' || c >= 0x80;
}

/* Skip a quoted run starting at p (on the opening quote); doubled closers are escapes. */
static const char *skip_quoted(const char *p, char close)
{
	p++;
	while (*p) {
		if (*p == close) {
			if (close != ']' && p[1] == close) {
				p += 2;
				continue;
			}
			return p + 1;
		}
		p++;
	}
	return p;
}

enum cdb_tok_kind cdb_tok_next(const char **pos, struct cdb_tok *t)
{
	const char *p = *pos, *s;
	static const char *const ops[] = { "->>", "||", "<=", ">=", "<>", "!=", "==", "<<", ">>", "->", "::", NULL };
	size_t i;

	for (;;) {
		while (*p && isspace((unsigned char)*p))
			p++;
		if (p[0] == '-' && p[1] == '-') {
			while (*p && *p != '\n')
				p++;
			continue;
		}
		if (p[0] == '/' && p[1] == '*') {
			const char *e = strstr(p + 2, "*/");

			p = e ? e + 2 : p + strlen(p);
			continue;
		}
		break;
	}
	s = p;
	t->p = s;
	if (!*p) {
		t->kind = CDB_TOK_END;
	} else if ((*p == 'x' || *p == 'X' || *p == 'e' || *p == 'E') && p[1] == '\'') {
		p = skip_quoted(p + 1, '\'');
		t->kind = CDB_TOK_STRING;
	} else if (word_start((unsigned char)*p)) {
		while (word_char((unsigned char)*p))
			p++;
		t->kind = CDB_TOK_WORD;
	} else if (*p == '\'') {
		p = skip_quoted(p, '\'');
		t->kind = CDB_TOK_STRING;
	} else if (*p == '"' || *p == '`' || *p == '[') {
		p = skip_quoted(p, *p == '[' ? ']' : *p);
		t->kind = CDB_TOK_QUOTED;
	} else if (isdigit((unsigned char)*p) || (*p == '.' && isdigit((unsigned char)p[1]))) {
		if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
			p += 2;
			while (isxdigit((unsigned char)*p))
				p++;
		} else {
			while (isdigit((unsigned char)*p) || *p == '.')
				p++;
			if ((*p == 'e' || *p == 'E') &&
			    (isdigit((unsigned char)p[1]) ||
			     ((p[1] == '+' || p[1] == '-') && isdigit((unsigned char)p[2])))) {
				p += 2;
				while (isdigit((unsigned char)*p))
					p++;
			}
		}
		t->kind = CDB_TOK_NUMBER;
	} else {
		t->kind = CDB_TOK_PUNCT;
		for (i = 0; ops[i]; i++)
			if (!strncmp(p, ops[i], strlen(ops[i])))
				break;
		p += ops[i] ? strlen(ops[i]) : 1;
	}
	t->n = (size_t)(p - s);
	*pos = p;
	return t->kind;
}

bool cdb_tok_is(const struct cdb_tok *t, const char *kw)
{
	return t->kind == CDB_TOK_WORD && strlen(kw) == t->n && !strncasecmp(t->p, kw, t->n);
}

bool cdb_tok_punct(const struct cdb_tok *t, const char *s)
{
	return t->kind == CDB_TOK_PUNCT && strlen(s) == t->n && !strncmp(t->p, s, t->n);
}

/* Unquote into `out` (appending). */
static void unquote(struct cdb_buf *out, const struct cdb_tok *t)
{
	char close;
	size_t i;

	if (t->kind != CDB_TOK_QUOTED || t->n < 2) {
		cdb_buf_put(out, t->p, t->n);
		return;
	}
	close = t->p[0] == '[' ? ']' : t->p[0];
	for (i = 1; i < t->n - 1; i++) {
		cdb_buf_putc(out, t->p[i]);
		if (t->p[i] == close && close != ']' && i + 1 < t->n - 1 && t->p[i + 1] == close)
			i++;
	}
}

char *cdb_tok_ident(struct cdb_arena *a, const struct cdb_tok *t)
{
	struct cdb_buf b = CDB_BUF_INIT;
	char *s;

	unquote(&b, t);
	s = cdb_arena_strndup(a, b.ptr, b.len);
	cdb_buf_release(&b);
	return s;
}

static bool plain_word(const char *s, size_t n)
{
	size_t i;

	if (!n || !word_start((unsigned char)s[0]))
		return false;
	for (i = 1; i < n; i++)
		if (!word_char((unsigned char)s[i]))
			return false;
	return true;
}

void cdb_sql_normalize(struct cdb_buf *out, const char *sql, size_t len, bool fold)
{
	struct cdb_buf text = CDB_BUF_INIT, id = CDB_BUF_INIT;
	const char *pos;
	struct cdb_tok t;
	bool first = true;
	size_t i;

	/* the tokenizer wants a NUL-terminated text */
	cdb_buf_put(&text, sql, len);
	pos = text.ptr;
	while (cdb_tok_next(&pos, &t) != CDB_TOK_END) {
		if (!first)
			cdb_buf_putc(out, ' ');
		first = false;
		switch (t.kind) {
		case CDB_TOK_WORD:
		case CDB_TOK_QUOTED:
			cdb_buf_reset(&id);
			unquote(&id, &t);
			if (fold)
				for (i = 0; i < id.len; i++)
					id.ptr[i] = (char)tolower((unsigned char)id.ptr[i]);
			if (plain_word(id.ptr, id.len)) {
				cdb_buf_put(out, id.ptr, id.len);
			} else {
				cdb_buf_putc(out, '"');
				for (i = 0; i < id.len; i++) {
					if (id.ptr[i] == '"')
						cdb_buf_putc(out, '"');
					cdb_buf_putc(out, id.ptr[i]);
				}
				cdb_buf_putc(out, '"');
			}
			break;
		case CDB_TOK_PUNCT:
			if (cdb_tok_punct(&t, "=="))
				cdb_buf_puts(out, "=");
			else if (cdb_tok_punct(&t, "!="))
				cdb_buf_puts(out, "<>");
			else
				cdb_buf_put(out, t.p, t.n);
			break;
		default:
			cdb_buf_put(out, t.p, t.n);
			break;
		}
	}
	cdb_buf_release(&id);
	cdb_buf_release(&text);
}

bool cdb_sql_equal(const char *a, const char *b, bool fold)
{
	struct cdb_buf na = CDB_BUF_INIT, nb = CDB_BUF_INIT;
	bool eq;

	if (!a || !b)
		return a == b;
	if (!strcmp(a, b))
		return true;
	cdb_sql_normalize(&na, a, strlen(a), fold);
	cdb_sql_normalize(&nb, b, strlen(b), fold);
	eq = !strcmp(na.ptr, nb.ptr);
	cdb_buf_release(&na);
	cdb_buf_release(&nb);
	return eq;
}

/* An identifier character for cdb_sql_mentions: not '$', which ends a dollar-quoted body. */
static bool mention_char(unsigned char c)
{
	return c != '$' && word_char(c);
}

bool cdb_sql_mentions(const char *text, const char *word)
{
	size_t n = strlen(word);

	if (!n || !text)
		return false;
	for (const char *p = strstr(text, word); p; p = strstr(p + 1, word))
		if ((p == text || !mention_char((unsigned char)p[-1])) && !mention_char((unsigned char)p[n]))
			return true;
	return false;
}
