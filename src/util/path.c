/* path.c - file names and whole-file I/O (see include/cdb/path.h) */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cdb/alloc.h"
#include "cdb/error.h"
#include "cdb/path.h"

char *cdb_path_join(const char *a, const char *b)
{
	size_t la;

	if (b[0] == '/' || !a[0])
		return xstrdup(b);
	la = strlen(a);
	while (la > 1 && a[la - 1] == '/')
		la--;
	if (a[la - 1] == '/')
		return xasprintf("/%s", b);
	return xasprintf("%.*s/%s", (int)la, a, b);
}

char *cdb_path_absolute(const char *path, const char *base)
{
	char *joined, *out, *cwd = NULL;
	const char *p;
	size_t len = 0;

	if (path[0] == '/') {
		joined = xstrdup(path);
	} else {
		if (!base) {
			cwd = getcwd(NULL, 0);
			if (!cwd)
				return NULL;
			base = cwd;
		}
		if (base[0] != '/') {
			char *abs_base = cdb_path_absolute(base, NULL);

			if (!abs_base) {
				free(cwd);
				return NULL;
			}
			joined = cdb_path_join(abs_base, path);
			free(abs_base);
		} else {
			joined = cdb_path_join(base, path);
		}
	}
	free(cwd);

	/* Lexical clean-up: out holds "/a/b" without a trailing slash. */
	out = xmalloc(strlen(joined) + 2);
	for (p = joined; *p;) {
		const char *end;
		size_t n;

		while (*p == '/')
			p++;
		end = strchr(p, '/');
		n = end ? (size_t)(end - p) : strlen(p);
		if (n == 0)
			break;
		if (n == 1 && p[0] == '.') {
			/* nothing */
		} else if (n == 2 && p[0] == '.' && p[1] == '.') {
			while (len > 0 && out[len - 1] != '/')
				len--;
			if (len > 0)
				len--;
		} else {
			out[len++] = '/';
			memcpy(out + len, p, n);
			len += n;
		}
		p += n;
	}
	if (len == 0)
		out[len++] = '/';
	out[len] = '\0';
	free(joined);
	return out;
}

const char *cdb_path_relative_to(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	while (n > 0 && dir[n - 1] == '/')
		n--;
	if (path[0] != '/' || dir[0] != '/' || strncmp(path, dir, n) != 0)
		return path;
	if (path[n] == '\0')
		return ".";
	if (path[n] != '/')
		return path;
	while (path[n] == '/')
		n++;
	return path[n] ? path + n : ".";
}

/*
 * The directory messages are relative to: getcwd()'s answer and, when $PWD
 * is another name for it (a symbolic link on the way), $PWD too, so a path
 * built from either form is recognised. cdb never changes directory, so
 * both are read once.
 */
static struct {
	bool read;
	char *phys;    /* getcwd(), NULL when unreadable */
	char *logical; /* $PWD when it differs from phys and names the same directory */
} cwd_cache;

static void read_cwd(void)
{
	const char *pwd = getenv("PWD");
	struct stat a, b;

	cwd_cache.read = true;
	cwd_cache.phys = getcwd(NULL, 0);
	if (pwd && pwd[0] == '/' && (!cwd_cache.phys || strcmp(pwd, cwd_cache.phys) != 0) &&
	    stat(pwd, &a) == 0 && stat(".", &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
		cwd_cache.logical = cdb_path_absolute(pwd, "/");
}

const char *cdb_path_display(const char *path)
{
	const char *shown = path;

	if (!cwd_cache.read)
		read_cwd();
	if (cwd_cache.phys)
		shown = cdb_path_relative_to(path, cwd_cache.phys);
	if (shown == path && cwd_cache.logical)
		shown = cdb_path_relative_to(path, cwd_cache.logical);
	return shown;
}

char *cdb_path_dirname(const char *path)
{
	size_t len = strlen(path);

	while (len > 1 && path[len - 1] == '/')
		len--;
	while (len > 0 && path[len - 1] != '/')
		len--;
	if (len == 0)
		return xstrdup(".");
	while (len > 1 && path[len - 1] == '/')
		len--;
	return xstrndup(path, len);
}

const char *cdb_path_basename(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

bool cdb_path_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool cdb_path_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

int cdb_path_mkdirs(const char *path)
{
	char *copy;
	int ret = 0;

	if (cdb_path_is_dir(path))
		return 0;
	copy = xstrdup(path);
	for (char *p = copy + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char saved = *p;

		*p = '\0';
		if (mkdir(copy, 0777) < 0 && errno != EEXIST) {
			ret = cdb_error_set(CDB_ERROR, "cannot create directory '%s': %s",
			                    cdb_path_display(copy),
			                    strerror(errno));
			goto done;
		}
		*p = saved;
		if (!saved)
			break;
	}
	if (!cdb_path_is_dir(path))
		ret = cdb_error_set(CDB_ERROR, "cannot create directory '%s': %s",
		                    cdb_path_display(path),
		                    strerror(ENOTDIR));
done:
	free(copy);
	return ret;
}

int cdb_path_read(struct cdb_buf *out, const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	int ret = 0;

	if (fd < 0)
		return cdb_error_set(errno == ENOENT ? CDB_ENOTFOUND : CDB_ERROR,
		                     "cannot read '%s': %s", cdb_path_display(path),
		                     strerror(errno));
	for (;;) {
		ssize_t n;

		cdb_buf_grow(out, 65536);
		n = read(fd, out->ptr + out->len, out->cap - out->len - 1);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			ret = cdb_error_set(CDB_ERROR, "cannot read '%s': %s",
			                    cdb_path_display(path), strerror(errno));
			goto done;
		}
		if (n == 0)
			break;
		out->len += (size_t)n;
		out->ptr[out->len] = '\0';
	}
done:
	close(fd);
	return ret;
}

static int write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

int cdb_path_write_atomic(const char *path, const void *data, size_t len, bool exclusive)
{
	char *dir = cdb_path_dirname(path);
	char *tmp = xasprintf("%s/.%s.tmpXXXXXX", dir, cdb_path_basename(path));
	int fd = -1, dfd, ret = 0;

	if (exclusive && cdb_path_exists(path)) {
		ret = cdb_error_set(CDB_EEXISTS, "'%s' already exists", cdb_path_display(path));
		goto done;
	}
	if (!cdb_path_is_dir(dir)) {
		bool exists = cdb_path_exists(dir);

		ret = cdb_error_set(exists ? CDB_ERROR : CDB_ENOTFOUND,
		                    "cannot write into directory '%s': %s", cdb_path_display(dir),
		                    strerror(exists ? ENOTDIR : ENOENT));
		goto done;
	}
	fd = mkstemp(tmp);
	if (fd < 0) {
		ret = cdb_error_set(CDB_ERROR, "cannot write into directory '%s': %s",
		                    cdb_path_display(dir),
		                    strerror(errno));
		goto done;
	}
	/* mkstemp creates 0600; a revision file is an ordinary project file. */
	{
		mode_t mask = umask(0);

		umask(mask);
		(void)fchmod(fd, 0666 & ~mask);
	}
	if (write_all(fd, data, len) < 0 || fsync(fd) < 0) {
		ret = cdb_error_set(CDB_ERROR, "cannot write '%s': %s", cdb_path_display(tmp),
		                    strerror(errno));
		goto fail;
	}
	if (close(fd) < 0) {
		fd = -1;
		ret = cdb_error_set(CDB_ERROR, "cannot write '%s': %s", cdb_path_display(tmp),
		                    strerror(errno));
		goto fail;
	}
	fd = -1;
	if (exclusive) {
		/* link() refuses to replace, closing the race with a file made meanwhile. */
		if (link(tmp, path) < 0) {
			if (errno == EEXIST)
				ret = cdb_error_set(CDB_EEXISTS, "'%s' already exists",
				                    cdb_path_display(path));
			else
				ret = cdb_error_set(CDB_ERROR, "cannot write '%s': %s",
				                    cdb_path_display(path),
				                    strerror(errno));
			goto fail;
		}
		unlink(tmp);
	} else if (rename(tmp, path) < 0) {
		ret = cdb_error_set(CDB_ERROR, "cannot write '%s': %s", cdb_path_display(path),
		                    strerror(errno));
		goto fail;
	}
	/* Make the new directory entry durable too. */
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		(void)fsync(dfd);
		close(dfd);
	}
	goto done;
fail:
	if (fd >= 0)
		close(fd);
	unlink(tmp);
done:
	free(tmp);
	free(dir);
	return ret;
}

void cdb_path_list_release(struct cdb_path_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->paths[i]);
	free(l->paths);
	l->paths = NULL;
	l->n = l->cap = 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int cdb_path_list_sql(struct cdb_path_list *out, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t first = out->n;

	if (!d)
		return cdb_error_set(errno == ENOENT ? CDB_ENOTFOUND : CDB_ERROR,
		                     "cannot open directory '%s': %s", cdb_path_display(dir),
		                     strerror(errno));
	errno = 0;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		char *full;

		if (e->d_name[0] == '.' || len < 5 || strcmp(e->d_name + len - 4, ".sql"))
			continue;
		full = cdb_path_join(dir, e->d_name);
		if (e->d_type != DT_REG && e->d_type != DT_UNKNOWN && e->d_type != DT_LNK) {
			free(full);
			continue;
		}
		if (e->d_type != DT_REG) {
			struct stat st;

			if (stat(full, &st) < 0 || !S_ISREG(st.st_mode)) {
				free(full);
				continue;
			}
		}
		XGROW(out->paths, out->cap, out->n + 1);
		out->paths[out->n++] = full;
	}
	closedir(d);
	if (out->n - first > 1)
		qsort(out->paths + first, out->n - first, sizeof *out->paths, cmp_str);
	return 0;
}
