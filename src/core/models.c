/* models.c - model files and rename hints (see include/cdb/models.h) */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cdb/alloc.h"
#include "cdb/buf.h"
#include "cdb/error.h"
#include "cdb/models.h"
#include "cdb/path.h"

void cdb_rename_hints_init(struct cdb_rename_hints *h)
{
	memset(h, 0, sizeof(*h));
	cdb_arena_init(&h->arena);
}

void cdb_rename_hints_release(struct cdb_rename_hints *h)
{
	cdb_arena_release(&h->arena);
	cdb_rename_hints_init(h);
}

struct cdb_rename_hint *cdb_rename_hints_add(struct cdb_rename_hints *h, enum cdb_rename_kind kind,
                                             const char *schema, const char *table,
                                             const char *from, const char *to,
                                             const char *file, int line)
{
	struct cdb_rename_hint *r = CDB_ARENA_PUSH(&h->arena, h->items, h->n, h->cap);

	r->kind = kind;
	r->schema = cdb_arena_strdup(&h->arena, schema);
	r->table = cdb_arena_strdup(&h->arena, table);
	r->from = cdb_arena_strdup(&h->arena, from);
	r->to = cdb_arena_strdup(&h->arena, to);
	r->file = cdb_arena_strdup(&h->arena, file);
	r->line = line;
	return r;
}

/* A hint line being read: `p` moves over it, `end` is the end of the line. */
struct scan {
	const char *p, *end;
};

static void skip_space(struct scan *s)
{
	while (s->p < s->end && isspace((unsigned char)*s->p))
		s->p++;
}

/* Match keyword `kw` (case-insensitive) followed by space or end. */
static int keyword(struct scan *s, const char *kw)
{
	size_t n = strlen(kw);

	skip_space(s);
	if ((size_t)(s->end - s->p) < n || strncasecmp(s->p, kw, n))
		return 0;
	if (s->p + n < s->end && !isspace((unsigned char)s->p[n]))
		return 0;
	s->p += n;
	return 1;
}

/*
 * Read one name: "double quoted" (with "" for a quote), `backticked`,
 * [bracketed], or bare up to space or '.'. Malloc'ed, NULL when none.
 */
static char *name(struct scan *s)
{
	struct cdb_buf b = CDB_BUF_INIT;
	char close;

	skip_space(s);
	if (s->p >= s->end)
		return NULL;
	if (*s->p == '"' || *s->p == '`' || *s->p == '[') {
		close = *s->p == '[' ? ']' : *s->p;
		s->p++;
		for (;;) {
			if (s->p >= s->end) {
				cdb_buf_release(&b);
				return NULL;
			}
			if (*s->p == close) {
				if (close != ']' && s->p + 1 < s->end && s->p[1] == close) {
					cdb_buf_putc(&b, close);
					s->p += 2;
					continue;
				}
				s->p++;
				break;
			}
			cdb_buf_putc(&b, *s->p++);
		}
		if (!b.len) {
			cdb_buf_release(&b);
			return NULL;
		}
		return cdb_buf_detach(&b);
	}
	while (s->p < s->end && !isspace((unsigned char)*s->p) && *s->p != '.' && *s->p != ';')
		cdb_buf_putc(&b, *s->p++);
	if (!b.len)
		return NULL;
	return cdb_buf_detach(&b);
}

/* A dotted name of up to 3 parts; returns the number of parts read (0: error). */
static int dotted(struct scan *s, char *parts[3])
{
	int n = 0;

	parts[0] = parts[1] = parts[2] = NULL;
	for (;;) {
		if (n == 3)
			return 0;
		if (!(parts[n++] = name(s)))
			return 0;
		if (s->p < s->end && *s->p == '.') {
			s->p++;
			continue;
		}
		return n;
	}
}

static int parse_hint(struct cdb_rename_hints *h, const char *file, int line, struct scan *s)
{
	char *a[3] = { NULL, NULL, NULL }, *to = NULL;
	int n, kind, rc = CDB_EINVALID;

	if (!keyword(s, "rename"))
		goto done;
	if (keyword(s, "table"))
		kind = CDB_RENAME_TABLE;
	else if (keyword(s, "column"))
		kind = CDB_RENAME_COLUMN;
	else
		goto done;
	n = dotted(s, a);
	if (!keyword(s, "to") || !(to = name(s)))
		goto done;
	skip_space(s);
	if (s->p < s->end && *s->p == ';')
		s->p++;
	skip_space(s);
	if (s->p != s->end)
		goto done;
	if (kind == CDB_RENAME_TABLE && n == 1)
		cdb_rename_hints_add(h, CDB_RENAME_TABLE, NULL, NULL, a[0], to, file, line);
	else if (kind == CDB_RENAME_TABLE && n == 2)
		cdb_rename_hints_add(h, CDB_RENAME_TABLE, a[0], NULL, a[1], to, file, line);
	else if (kind == CDB_RENAME_COLUMN && n == 2)
		cdb_rename_hints_add(h, CDB_RENAME_COLUMN, NULL, a[0], a[1], to, file, line);
	else if (kind == CDB_RENAME_COLUMN && n == 3)
		cdb_rename_hints_add(h, CDB_RENAME_COLUMN, a[0], a[1], a[2], to, file, line);
	else
		goto done;
	rc = 0;
done:
	free(a[0]);
	free(a[1]);
	free(a[2]);
	free(to);
	return rc;
}

int cdb_rename_hints_scan(struct cdb_rename_hints *h, const char *file, const char *text)
{
	const char *line = text, *eol;
	int lineno = 0;
	struct scan s;

	for (; *line; line = *eol ? eol + 1 : eol) {
		lineno++;
		eol = strchr(line, '\n');
		if (!eol)
			eol = line + strlen(line);
		s.p = line;
		s.end = eol;
		if (s.end > s.p && s.end[-1] == '\r')
			s.end--;
		skip_space(&s);
		if (s.end - s.p < 2 || strncmp(s.p, "--", 2))
			continue;
		s.p += 2;
		if (!keyword(&s, "cdb:")) {
			/* "--cdb:rename" without the space is still meant as a hint */
			skip_space(&s);
			if (s.end - s.p < 4 || strncasecmp(s.p, "cdb:", 4))
				continue;
			s.p += 4;
		}
		if (parse_hint(h, file, lineno, &s) < 0) {
			cdb_error_set(CDB_EINVALID, "%s:%d: malformed cdb hint '%.*s'",
			              cdb_path_display(file), lineno,
			              (int)(eol - line), line);
			cdb_error_hint("write '-- cdb: rename table OLD to NEW' or "
			               "'-- cdb: rename column TABLE.OLD to NEW'");
			return CDB_EINVALID;
		}
	}
	return 0;
}

void cdb_models_init(struct cdb_models *m)
{
	memset(m, 0, sizeof(*m));
	cdb_arena_init(&m->arena);
	cdb_rename_hints_init(&m->hints);
}

void cdb_models_release(struct cdb_models *m)
{
	cdb_rename_hints_release(&m->hints);
	cdb_arena_release(&m->arena);
	cdb_models_init(m);
}

static int cmp_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int cdb_models_load(struct cdb_models *m, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct cdb_buf text = CDB_BUF_INIT;
	struct stat st;
	size_t i, len;
	int rc = 0;

	if (!d) {
		int err = errno;

		rc = cdb_error_set(err == ENOENT ? CDB_ENOTFOUND : CDB_ERROR,
		                   "cannot open models directory '%s': %s", cdb_path_display(dir),
		                   strerror(err));
		if (err == ENOENT)
			cdb_error_hint("run 'cdb init' first, or set 'models' in cdb.ini");
		return rc;
	}
	while ((e = readdir(d))) {
		char *path;

		len = strlen(e->d_name);
		if (e->d_name[0] == '.' || len < 5 || strcmp(e->d_name + len - 4, ".sql"))
			continue;
		path = cdb_arena_sprintf(&m->arena, "%s/%s", dir, e->d_name);
		/* follow symlinks; skip directories named *.sql */
		if (stat(path, &st) < 0 || !S_ISREG(st.st_mode))
			continue;
		*CDB_ARENA_PUSH(&m->arena, m->files, m->nfiles, m->files_cap) = path;
	}
	closedir(d);
	if (m->nfiles > 1)
		qsort(m->files, m->nfiles, sizeof(*m->files), cmp_path);
	for (i = 0; i < m->nfiles; i++) {
		cdb_buf_reset(&text);
		if ((rc = cdb_path_read(&text, m->files[i])) < 0)
			goto done;
		if ((rc = cdb_rename_hints_scan(&m->hints, m->files[i], text.ptr)) < 0)
			goto done;
	}
done:
	cdb_buf_release(&text);
	return rc;
}
