/* revision.c - revision files: header, body, checksum, new files (see include/cdb/revision.h) */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <git2.h>

#include "cdb/alloc.h"
#include "cdb/error.h"
#include "cdb/git.h"
#include "cdb/path.h"
#include "cdb/revision.h"
#include "cdb/template.h"

#define MAGIC "-- cdb revision"
#define UPGRADE_MARK "-- +cdb upgrade"
#define DOWNGRADE_MARK "-- +cdb downgrade"

/* One line of `text`: [p, end) without the newline (and without a CR before it). */
struct line {
	const char *p, *end, *next; /* next: start of the following line, or NULL at the end */
};

static bool next_line(struct line *l, const char *text, size_t len, const char *from)
{
	const char *stop = text + len, *nl;

	if (!from || from >= stop)
		return false;
	nl = memchr(from, '\n', (size_t)(stop - from));
	l->p = from;
	l->end = nl ? nl : stop;
	l->next = nl ? nl + 1 : NULL;
	if (l->end > l->p && l->end[-1] == '\r')
		l->end--;
	return true;
}

static void trim(const char **p, const char **end)
{
	while (*p < *end && isspace((unsigned char)**p))
		(*p)++;
	while (*end > *p && isspace((unsigned char)(*end)[-1]))
		(*end)--;
}

/* True when the line, trailing blanks aside, is exactly `mark`. */
static bool line_is(const struct line *l, const char *mark)
{
	const char *p = l->p, *e = l->end;
	size_t n = strlen(mark);

	while (e > p && isspace((unsigned char)e[-1]))
		e--;
	return (size_t)(e - p) == n && !memcmp(p, mark, n);
}

/* The character making `id` unusable as a revision id, or 0. */
static int bad_id_char(const char *id)
{
	for (const unsigned char *c = (const unsigned char *)id; *c; c++)
		if (*c <= ' ' || *c == 0x7f || strchr("@-+:,", *c))
			return *c;
	return 0;
}

/* Split a comma-separated list into trimmed, non-empty items in `a`. */
static size_t split_list(char ***out, struct cdb_arena *a, const char *p, const char *end)
{
	size_t n = 0, cap = 0;
	char **v = NULL;

	while (p < end) {
		const char *c = memchr(p, ',', (size_t)(end - p)), *ie = c ? c : end, *ip = p;

		trim(&ip, &ie);
		if (ie > ip)
			*CDB_ARENA_PUSH(a, v, n, cap) = cdb_arena_strndup(a, ip, (size_t)(ie - ip));
		p = c ? c + 1 : end;
	}
	*out = v;
	return n;
}

int cdb_revision_parse_header(struct cdb_revision *out, struct cdb_arena *a, const char *file,
                              const char *text, size_t len)
{
	struct line l;
	const char *from = text;
	int lineno = 1;

	memset(out, 0, sizeof *out);
	out->file = cdb_arena_strdup(a, file);
	out->message = cdb_arena_strdup(a, "");
	/* A UTF-8 byte order mark from a Windows editor is not part of the text. */
	if (len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3))
		from += 3;
	if (!next_line(&l, text, len, from) || !line_is(&l, MAGIC))
		return cdb_error_set(CDB_EINVALID,
		                     "%s:1: not a cdb revision file (the first line must be '" MAGIC "')",
		                     cdb_path_display(file));
	for (from = l.next, lineno = 2; next_line(&l, text, len, from); from = l.next, lineno++) {
		const char *p = l.p, *e = l.end, *colon, *kp, *ke, *vp, *ve;
		int *seen_line = NULL;
		size_t klen;

		if (e - p < 2 || p[0] != '-' || p[1] != '-' || line_is(&l, UPGRADE_MARK) ||
		    line_is(&l, DOWNGRADE_MARK))
			break;
		{
			const char *q = p + 2;

			while (q < e && isspace((unsigned char)*q))
				q++;
			if (q == e)
				break; /* a bare "--" ends the header like a blank line */
		}
		colon = memchr(p, ':', (size_t)(e - p));
		if (!colon)
			return cdb_error_set(CDB_EINVALID,
			                     "%s:%d: malformed header line '%.*s' (expected '-- key: value')",
			                     cdb_path_display(file), lineno, (int)(e - p), p);
		kp = p + 2;
		ke = colon;
		trim(&kp, &ke);
		vp = colon + 1;
		ve = e;
		trim(&vp, &ve);
		klen = (size_t)(ke - kp);
#define KEY(k) (klen == sizeof(k) - 1 && !memcmp(kp, k, klen))
		if (KEY("revision")) {
			seen_line = &out->id_line;
		} else if (KEY("down_revision")) {
			seen_line = &out->down_line;
		} else if (KEY("depends_on")) {
			seen_line = &out->depends_line;
		} else if (KEY("branch_labels")) {
			seen_line = &out->labels_line;
		} else if (!KEY("message") && !KEY("created") && !KEY("author") &&
		           !KEY("transaction")) {
			return cdb_error_set(CDB_EINVALID, "%s:%d: unknown header key '%.*s'",
			                     cdb_path_display(file), lineno,
			                     (int)klen, kp);
		}
		if (seen_line && *seen_line)
			return cdb_error_set(CDB_EINVALID, "%s:%d: header key '%.*s' repeated (first on line %d)",
			                     cdb_path_display(file), lineno, (int)klen, kp,
			                     *seen_line);
		if (seen_line)
			*seen_line = lineno;

		if (KEY("revision")) {
			int bad;

			out->id = cdb_arena_strndup(a, vp, (size_t)(ve - vp));
			if (!out->id[0])
				return cdb_error_set(CDB_EINVALID, "%s:%d: empty revision id",
				                     cdb_path_display(file), lineno);
			bad = bad_id_char(out->id);
			if (bad)
				return cdb_error_set(CDB_EINVALID,
				                     "%s:%d: revision id '%s' contains '%c', which targets reserve",
				                     cdb_path_display(file), lineno, out->id,
				                     bad > ' ' ? bad : ' ');
			if (strlen(out->id) > CDB_REV_ID_MAX)
				return cdb_error_set(CDB_EINVALID,
				                     "%s:%d: revision id '%s' is longer than %d characters",
				                     cdb_path_display(file), lineno, out->id,
				                     CDB_REV_ID_MAX);
		} else if (KEY("down_revision")) {
			out->ndown = split_list(&out->down, a, vp, ve);
		} else if (KEY("depends_on")) {
			out->ndepends = split_list(&out->depends, a, vp, ve);
		} else if (KEY("branch_labels")) {
			out->nlabels = split_list(&out->labels, a, vp, ve);
		} else if (KEY("message")) {
			out->message = cdb_arena_strndup(a, vp, (size_t)(ve - vp));
		} else if (KEY("created")) {
			out->created = ve > vp ? cdb_arena_strndup(a, vp, (size_t)(ve - vp)) : NULL;
		} else if (KEY("author")) {
			out->author = ve > vp ? cdb_arena_strndup(a, vp, (size_t)(ve - vp)) : NULL;
		} else if (KEY("transaction")) {
			if (ve - vp == 4 && !memcmp(vp, "none", 4))
				out->no_transaction = true;
			else if (!(ve - vp == 7 && !memcmp(vp, "default", 7)) && ve > vp)
				return cdb_error_set(CDB_EINVALID,
				                     "%s:%d: transaction '%.*s' is not 'none' or 'default'",
				                     cdb_path_display(file), lineno, (int)(ve - vp),
				                     vp);
		}
#undef KEY
	}
	out->header_end = lineno;
	if (!out->id_line)
		return cdb_error_set(CDB_EINVALID, "%s:%d: header has no '-- revision: ID' line",
		                     cdb_path_display(file),
		                     lineno);
	for (size_t i = 0; i < out->ndown; i++)
		if (!strcmp(out->down[i], out->id))
			return cdb_error_set(CDB_EINVALID, "%s:%d: revision '%s' names itself as its parent",
			                     cdb_path_display(file), out->down_line, out->id);
	return 0;
}

void cdb_revision_checksum(char out[CDB_CHECKSUM_HEX + 1], const void *data, size_t len)
{
	static bool git_ready;

	/*
	 * cdb_git_text_id() brackets its work with libgit2 init/shutdown, and a
	 * first init loads the TLS certificates; one init held for the process
	 * makes those nested calls cheap when a run checksums many revisions.
	 */
	if (!git_ready) {
		git_libgit2_init();
		git_ready = true;
	}
	cdb_git_text_id(out, data, len);
}

int cdb_revision_parse_body(struct cdb_revision *rev, struct cdb_arena *a, const char *text,
                            size_t len)
{
	struct line l;
	const char *from = text, *up = NULL, *up_end = NULL, *down = NULL;
	int lineno = 1, up_mark = 0, down_mark = 0;

	for (; next_line(&l, text, len, from); from = l.next, lineno++) {
		if (line_is(&l, UPGRADE_MARK)) {
			if (up_mark)
				return cdb_error_set(CDB_EINVALID, "%s:%d: second '" UPGRADE_MARK "' (first on line %d)",
				                     cdb_path_display(rev->file), lineno, up_mark);
			if (down_mark)
				return cdb_error_set(CDB_EINVALID, "%s:%d: '" UPGRADE_MARK "' after '" DOWNGRADE_MARK "'",
				                     cdb_path_display(rev->file), lineno);
			up_mark = lineno;
			up = l.next ? l.next : text + len;
		} else if (line_is(&l, DOWNGRADE_MARK)) {
			if (down_mark)
				return cdb_error_set(CDB_EINVALID, "%s:%d: second '" DOWNGRADE_MARK "' (first on line %d)",
				                     cdb_path_display(rev->file), lineno,
				                     down_mark);
			if (!up_mark)
				return cdb_error_set(CDB_EINVALID, "%s:%d: '" DOWNGRADE_MARK "' before '" UPGRADE_MARK "'",
				                     cdb_path_display(rev->file), lineno);
			down_mark = lineno;
			up_end = l.p;
			down = l.next ? l.next : text + len;
		}
	}
	if (!up_mark)
		return cdb_error_set(CDB_EINVALID, "%s: no '" UPGRADE_MARK "' line",
		                     cdb_path_display(rev->file));
	if (!down_mark)
		return cdb_error_set(CDB_EINVALID, "%s: no '" DOWNGRADE_MARK "' line",
		                     cdb_path_display(rev->file));
	rev->upgrade_sql = cdb_arena_strndup(a, up, (size_t)(up_end - up));
	rev->upgrade_line = up_mark + 1;
	rev->downgrade_sql = cdb_arena_strndup(a, down, (size_t)(text + len - down));
	rev->downgrade_line = down_mark + 1;
	cdb_revision_checksum(rev->checksum, text, len);
	rev->body_loaded = true;
	return 0;
}

/* True when `text` holds a complete header (a line after it has started). */
static bool header_complete(const char *text, size_t len)
{
	struct line l;
	const char *from = text;
	bool first = true;

	for (; next_line(&l, text, len, from); from = l.next) {
		if (!l.next)
			return false; /* the last line may be cut */
		if (first) {
			first = false;
			continue;
		}
		if (l.end - l.p < 2 || l.p[0] != '-' || l.p[1] != '-' || line_is(&l, UPGRADE_MARK))
			return true;
	}
	return false;
}

int cdb_revision_load_header(struct cdb_revision *out, struct cdb_arena *a, const char *path)
{
	return cdb_revision_load_header_at(out, a, AT_FDCWD, path, path);
}

int cdb_revision_load_header_at(struct cdb_revision *out, struct cdb_arena *a, int dirfd,
                                const char *name, const char *path)
{
	/* Most headers fit in one small read; only odd files are read whole. */
	char chunk[2048];
	struct cdb_buf all = CDB_BUF_INIT;
	int fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC), ret;
	ssize_t n;

	if (fd < 0)
		return cdb_error_set(errno == ENOENT ? CDB_ENOTFOUND : CDB_ERROR, "cannot read '%s': %s",
		                     cdb_path_display(path), strerror(errno));
	do
		n = read(fd, chunk, sizeof chunk);
	while (n < 0 && errno == EINTR);
	close(fd);
	if (n < 0)
		return cdb_error_set(CDB_ERROR, "cannot read '%s': %s", cdb_path_display(path),
		                     strerror(errno));
	if ((size_t)n < sizeof chunk || header_complete(chunk, (size_t)n))
		return cdb_revision_parse_header(out, a, path, chunk, (size_t)n);
	ret = cdb_path_read(&all, path);
	if (!ret)
		ret = cdb_revision_parse_header(out, a, path, all.ptr, all.len);
	cdb_buf_release(&all);
	return ret;
}

int cdb_revision_load_body(struct cdb_revision *rev, struct cdb_arena *a)
{
	struct cdb_buf text = CDB_BUF_INIT;
	struct cdb_arena scratch = CDB_ARENA_INIT;
	struct cdb_revision again;
	int ret;

	if (rev->body_loaded)
		return 0;
	ret = cdb_path_read(&text, rev->file);
	if (ret)
		goto done;
	ret = cdb_revision_parse_header(&again, &scratch, rev->file, text.ptr, text.len);
	if (ret)
		goto done;
	if (strcmp(again.id, rev->id)) {
		ret = cdb_error_set(CDB_EINVALID, "%s: revision id changed from '%s' to '%s' while cdb ran",
		                    cdb_path_display(rev->file), rev->id, again.id);
		goto done;
	}
	ret = cdb_revision_parse_body(rev, a, text.ptr, text.len);
done:
	cdb_arena_release(&scratch);
	cdb_buf_release(&text);
	return ret;
}

int cdb_revision_check_id(const char *id)
{
	int bad;

	if (!id[0])
		return cdb_error_set(CDB_EUSAGE, "revision id must not be empty");
	if (strlen(id) > CDB_REV_ID_MAX)
		return cdb_error_set(CDB_EUSAGE, "revision id '%s' is longer than %d characters", id,
		                     CDB_REV_ID_MAX);
	bad = bad_id_char(id);
	if (bad > ' ' && bad != 0x7f)
		return cdb_error_set(CDB_EUSAGE,
		                     "revision id '%s' contains '%c' (ids cannot contain @ - + : , or spaces)",
		                     id, bad);
	if (bad)
		return cdb_error_set(CDB_EUSAGE,
		                     "revision id '%s' contains whitespace or a control character", id);
	return 0;
}

int cdb_revision_new_id(char out[CDB_REV_ID_RANDOM + 1])
{
	unsigned char bytes[CDB_REV_ID_RANDOM / 2];
	size_t got = 0;
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return cdb_error_set(CDB_ERROR, "cannot open '/dev/urandom': %s", strerror(errno));
	while (got < sizeof bytes) {
		ssize_t n = read(fd, bytes + got, sizeof bytes - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			close(fd);
			return cdb_error_set(CDB_ERROR, "cannot read '/dev/urandom': %s",
			                     n < 0 ? strerror(errno) : "end of file");
		}
		got += (size_t)n;
	}
	close(fd);
	for (size_t i = 0; i < sizeof bytes; i++)
		snprintf(out + 2 * i, 3, "%02x", bytes[i]);
	return 0;
}

void cdb_revision_slug(struct cdb_buf *out, const char *message, int max)
{
	size_t start = out->len;
	bool pending = false;

	for (const unsigned char *c = (const unsigned char *)message; *c; c++) {
		if (isalnum(*c) && *c < 0x80) {
			if (pending && out->len > start)
				cdb_buf_putc(out, '_');
			pending = false;
			cdb_buf_putc(out, (char)tolower(*c));
		} else {
			pending = true;
		}
	}
	if (max > 0 && out->len - start > (size_t)max)
		cdb_buf_truncate(out, start + (size_t)max);
	while (out->len > start && out->ptr[out->len - 1] == '_')
		cdb_buf_truncate(out, out->len - 1);
}

int cdb_revision_file_name(struct cdb_buf *out, const char *file_template, const char *rev,
                           const char *message, int truncate_slug_length, time_t when)
{
	struct tm tm;
	size_t start = out->len;
	const char *p = file_template;

	gmtime_r(&when, &tm);
	while (*p) {
		const char *close, *spec;
		size_t nlen;
		long long num = 0;
		bool is_num = true, zero = false;
		int width = 0, prec = -1;
		struct cdb_buf val = CDB_BUF_INIT;

		if (p[0] != '%') {
			cdb_buf_putc(out, *p++);
			continue;
		}
		if (p[1] == '%') {
			cdb_buf_putc(out, '%');
			p += 2;
			continue;
		}
		if (p[1] != '(' || !(close = strchr(p + 2, ')')))
			return cdb_error_set(CDB_EINVALID, "file_template '%s': expected %%(name)s at '%s'",
			                     file_template, p);
		nlen = (size_t)(close - p - 2);
#define TOK(t) (nlen == sizeof(t) - 1 && !memcmp(p + 2, t, nlen))
		if (TOK("rev")) {
			is_num = false;
			cdb_buf_puts(&val, rev);
		} else if (TOK("slug")) {
			is_num = false;
			cdb_revision_slug(&val, message ? message : "", truncate_slug_length);
		} else if (TOK("year")) {
			num = tm.tm_year + 1900;
		} else if (TOK("month")) {
			num = tm.tm_mon + 1;
		} else if (TOK("day")) {
			num = tm.tm_mday;
		} else if (TOK("hour")) {
			num = tm.tm_hour;
		} else if (TOK("minute")) {
			num = tm.tm_min;
		} else if (TOK("second")) {
			num = tm.tm_sec;
		} else if (TOK("epoch")) {
			num = (long long)when;
		} else {
			return cdb_error_set(CDB_EINVALID, "file_template '%s': unknown token '%%(%.*s)'",
			                     file_template, (int)nlen, p + 2);
		}
#undef TOK
		/* printf-style conversion: [0][width][.prec](s|d) */
		spec = close + 1;
		if (*spec == '0') {
			zero = true;
			spec++;
		}
		while (isdigit((unsigned char)*spec))
			width = width * 10 + (*spec++ - '0');
		if (*spec == '.') {
			prec = 0;
			spec++;
			while (isdigit((unsigned char)*spec))
				prec = prec * 10 + (*spec++ - '0');
		}
		if (*spec != 's' && *spec != 'd') {
			cdb_buf_release(&val);
			return cdb_error_set(CDB_EINVALID,
			                     "file_template '%s': conversion after '%%(%.*s)' must end in s or d",
			                     file_template, (int)nlen, p + 2);
		}
		if (is_num) {
			char digits[32];
			int nd = snprintf(digits, sizeof digits, "%lld", num);
			int pad = (prec > nd ? prec : nd);

			if (zero && width > pad)
				pad = width;
			for (int i = nd; i < pad; i++)
				cdb_buf_putc(&val, '0');
			cdb_buf_puts(&val, digits);
		}
		for (int i = (int)val.len; i < width; i++)
			cdb_buf_putc(out, ' ');
		cdb_buf_put(out, val.ptr, val.len);
		cdb_buf_release(&val);
		p = spec + 1;
	}
	/* An empty slug leaves a dangling separator: "abc_" reads as a mistake. */
	while (out->len > start && strchr("_- ", out->ptr[out->len - 1]))
		cdb_buf_truncate(out, out->len - 1);
	if (out->len == start)
		return cdb_error_set(CDB_EINVALID, "file_template '%s' gives an empty file name",
		                     file_template);
	if (memchr(out->ptr + start, '/', out->len - start))
		return cdb_error_set(CDB_EINVALID, "file_template '%s' gives a name with '/': '%s'",
		                     file_template, out->ptr + start);
	cdb_buf_puts(out, ".sql");
	return 0;
}

/* An empty value ("-- down_revision: ") leaves no trailing blank in the header. */
static void trim_header_lines(struct cdb_buf *b, size_t start)
{
	size_t r = start, w = start;

	while (r < b->len) {
		char *nl = memchr(b->ptr + r, '\n', b->len - r);
		size_t end = nl ? (size_t)(nl - b->ptr) : b->len, e = end;
		bool header = end - r >= 2 && b->ptr[r] == '-' && b->ptr[r + 1] == '-';

		if (!header)
			break;
		while (e > r && (b->ptr[e - 1] == ' ' || b->ptr[e - 1] == '\t'))
			e--;
		memmove(b->ptr + w, b->ptr + r, e - r);
		w += e - r;
		r = end;
		if (nl) {
			b->ptr[w++] = '\n';
			r++;
		}
	}
	/* the rest (body) moves down unchanged */
	memmove(b->ptr + w, b->ptr + r, b->len - r);
	cdb_buf_truncate(b, w + (b->len - r));
}

/* A header value must stay on its line. */
static char *one_line(const char *s)
{
	char *out = xstrdup(s ? s : "");

	for (char *c = out; *c; c++)
		if (*c == '\n' || *c == '\r')
			*c = ' ';
	return out;
}

static void join(struct cdb_buf *b, const char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			cdb_buf_puts(b, ", ");
		cdb_buf_puts(b, v[i]);
	}
}

static char *default_author(const struct cdb_config *cfg)
{
	char *a = cdb_git_author(cfg && cfg->dir ? cfg->dir : ".");
	const char *user;
	struct passwd *pw;

	if (a)
		return a;
	user = getenv("USER");
	if (user && user[0])
		return xstrdup(user);
	pw = getpwuid(getuid());
	return xstrdup(pw ? pw->pw_name : "");
}

int cdb_revision_render(struct cdb_buf *out, const struct cdb_config *cfg, const char *tmpl,
                        const struct cdb_revision_spec *spec, char id_out[CDB_REV_ID_MAX + 1])
{
	char idbuf[CDB_REV_ID_MAX + 1], date[32];
	struct cdb_buf down = CDB_BUF_INIT, extra = CDB_BUF_INIT, tmplbuf = CDB_BUF_INIT;
	char *message = NULL, *author = NULL;
	time_t when = spec->created ? spec->created : time(NULL);
	struct tm tm;
	int ret;

	if (spec->id) {
		ret = cdb_revision_check_id(spec->id);
		if (ret)
			goto done;
		snprintf(idbuf, sizeof idbuf, "%s", spec->id);
	} else {
		ret = cdb_revision_new_id(idbuf);
		if (ret)
			goto done;
	}
	if (!tmpl) {
		ret = cfg && cfg->template_file ? cdb_path_read(&tmplbuf, cfg->template_file)
		                                : CDB_ENOTFOUND;
		if (ret == CDB_ENOTFOUND) {
			cdb_error_clear();
			tmpl = cdb_template_get("script.sql.tmpl");
			ret = 0;
		} else if (ret) {
			goto done;
		} else {
			tmpl = tmplbuf.ptr;
		}
		if (!tmpl) {
			ret = cdb_error_set(CDB_ERROR, "no revision template");
			goto done;
		}
	}
	join(&down, spec->down, spec->ndown);
	if (spec->nlabels) {
		cdb_buf_puts(&extra, "-- branch_labels: ");
		join(&extra, spec->labels, spec->nlabels);
	}
	if (spec->ndepends) {
		if (extra.len)
			cdb_buf_putc(&extra, '\n');
		cdb_buf_puts(&extra, "-- depends_on: ");
		join(&extra, spec->depends, spec->ndepends);
	}
	if (spec->no_transaction) {
		if (extra.len)
			cdb_buf_putc(&extra, '\n');
		cdb_buf_puts(&extra, "-- transaction: none");
	}
	message = one_line(spec->message);
	author = spec->author ? one_line(spec->author) : default_author(cfg);
	{
		char *a1 = one_line(author);

		free(author);
		author = a1;
	}
	gmtime_r(&when, &tm);
	strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
	{
		const char *keys[] = { "revision", "down_revision", "message", "create_date",
		                       "author", "upgrades", "downgrades", "extra_headers" };
		const char *values[] = { idbuf, down.ptr, message, date, author,
		                         spec->upgrade_sql ? spec->upgrade_sql : "",
		                         spec->downgrade_sql ? spec->downgrade_sql : "", extra.ptr };

		size_t start = out->len;

		ret = cdb_template_expand(out, tmpl, keys, values, sizeof keys / sizeof *keys);
		if (ret) {
			cdb_error_prefix("%s", cfg && cfg->template_file
			                       ? cdb_path_display(cfg->template_file) : "template");
			goto done;
		}
		trim_header_lines(out, start);
	}
	if (id_out)
		snprintf(id_out, CDB_REV_ID_MAX + 1, "%s", idbuf);
done:
	free(message);
	free(author);
	cdb_buf_release(&down);
	cdb_buf_release(&extra);
	cdb_buf_release(&tmplbuf);
	return ret;
}

int cdb_revision_write(char **out_path, const struct cdb_config *cfg,
                       const struct cdb_revision_spec *spec, char id_out[CDB_REV_ID_MAX + 1])
{
	struct cdb_buf text = CDB_BUF_INIT, name = CDB_BUF_INIT;
	struct cdb_arena scratch = CDB_ARENA_INIT;
	struct cdb_revision check;
	char id[CDB_REV_ID_MAX + 1];
	char *path = NULL;
	time_t when = spec->created ? spec->created : time(NULL);
	struct cdb_revision_spec s = *spec;
	int ret;

	*out_path = NULL;
	if (!cdb_path_is_dir(cfg->versions_dir)) {
		ret = cdb_error_set(CDB_ENOTFOUND, "versions directory '%s' does not exist",
		                    cdb_path_display(cfg->versions_dir));
		cdb_error_hint("run 'cdb init' to create a project");
		goto done;
	}
	s.created = when;
	ret = cdb_revision_render(&text, cfg, NULL, &s, id);
	if (ret)
		goto done;
	/* A template edited into something cdb cannot read back is caught now. */
	ret = cdb_revision_parse_header(&check, &scratch, cfg->template_file, text.ptr, text.len);
	if (!ret)
		ret = cdb_revision_parse_body(&check, &scratch, text.ptr, text.len);
	if (ret) {
		cdb_error_hint("the revision template '%s' must keep the header and the '-- +cdb' markers",
		               cdb_path_display(cfg->template_file));
		goto done;
	}
	if (strcmp(check.id, id)) {
		ret = cdb_error_set(CDB_EINVALID, "revision template '%s' does not put ${revision} in the header",
		                    cdb_path_display(cfg->template_file));
		goto done;
	}
	ret = cdb_revision_file_name(&name, cfg->file_template, id, spec->message,
	                             cfg->truncate_slug_length, when);
	if (ret)
		goto done;
	path = cdb_path_join(cfg->versions_dir, name.ptr);
	ret = cdb_path_write_atomic(path, text.ptr, text.len, true);
	if (ret)
		goto done;
	*out_path = path;
	path = NULL;
	if (id_out)
		snprintf(id_out, CDB_REV_ID_MAX + 1, "%s", id);
done:
	free(path);
	cdb_arena_release(&scratch);
	cdb_buf_release(&text);
	cdb_buf_release(&name);
	return ret;
}
