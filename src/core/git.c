/*
 * git.c - reading git through libgit2 (see git.h)
 */
#include "cdb/git.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <git2.h>

#include "cdb/alloc.h"
#include "cdb/buf.h"
#include "cdb/error.h"
#include "cdb/path.h"

#define DEFAULT_MAX_COMMITS 10000

struct cdb_git {
	git_repository *repo;
	char *workdir; /* realpath of the work tree, with a trailing '/' */
};

/* libgit2's last message, or a fallback; it never ends in a newline. */
static const char *git_msg(void)
{
	const git_error *e = git_error_last();
	return e && e->message ? e->message : "unknown libgit2 error";
}

int cdb_git_open(struct cdb_git **out, const char *dir)
{
	git_buf found = GIT_BUF_INIT;
	git_repository *repo = NULL;
	struct cdb_git *g = NULL;
	const char *wd;
	char *real = NULL;
	int rc;

	*out = NULL;
	git_libgit2_init();
	/* Like git, stop the upward search at GIT_CEILING_DIRECTORIES. */
	rc = git_repository_discover(&found, dir, 0, getenv("GIT_CEILING_DIRECTORIES"));
	if (rc == GIT_ENOTFOUND) {
		rc = cdb_error_set(CDB_ENOTFOUND, "'%s' is not in a git repository",
		                   cdb_path_display(dir));
		goto done;
	}
	if (rc < 0) {
		rc = cdb_error_set(CDB_ERROR, "cannot look for a git repository above '%s': %s",
		                   cdb_path_display(dir),
		                   git_msg());
		goto done;
	}
	if (git_repository_open(&repo, found.ptr) < 0) {
		rc = cdb_error_set(CDB_ERROR, "cannot open git repository '%s': %s", found.ptr, git_msg());
		goto done;
	}
	wd = git_repository_workdir(repo);
	if (!wd) {
		rc = cdb_error_set(CDB_EINVALID, "git repository '%s' has no work tree", found.ptr);
		goto done;
	}
	g = xcalloc(1, sizeof *g);
	g->repo = repo;
	repo = NULL;
	/* Resolve symlinks so paths under it compare with realpath() results. */
	real = realpath(wd, NULL);
	g->workdir = xasprintf("%s/", real ? real : wd);
	if (real && strcmp(real, "/") == 0)
		g->workdir[1] = '\0';
	*out = g;
	g = NULL;
	rc = 0;
done:
	free(real);
	git_repository_free(repo);
	git_buf_dispose(&found);
	if (rc < 0)
		git_libgit2_shutdown();
	return rc;
}

void cdb_git_free(struct cdb_git *g)
{
	if (!g)
		return;
	git_repository_free(g->repo);
	free(g->workdir);
	free(g);
	git_libgit2_shutdown();
}

const char *cdb_git_workdir(const struct cdb_git *g)
{
	return g->workdir;
}

bool cdb_git_is_shallow(struct cdb_git *g)
{
	return git_repository_is_shallow(g->repo) == 1;
}

/* A config string as a malloc'ed copy, NULL when unset or empty. */
static char *config_string(git_config *cfg, const char *key)
{
	git_buf v = GIT_BUF_INIT;
	char *s = NULL;

	if (git_config_get_string_buf(&v, cfg, key) == 0 && v.size > 0)
		s = xstrdup(v.ptr);
	git_buf_dispose(&v);
	return s;
}

char *cdb_git_author(const char *dir)
{
	struct cdb_git *g = NULL;
	git_config *cfg = NULL;
	char *name = NULL, *email = NULL, *author = NULL;

	if (cdb_git_open(&g, dir) < 0) {
		/* Outside a repository there is simply no author. */
		cdb_error_clear();
		return NULL;
	}
	/* The repository's config already layers local over global and system. */
	if (git_repository_config_snapshot(&cfg, g->repo) < 0)
		goto done;
	name = config_string(cfg, "user.name");
	email = config_string(cfg, "user.email");
	if (name && email)
		author = xasprintf("%s <%s>", name, email);
	else if (name)
		author = xstrdup(name);
	else if (email)
		author = xasprintf("<%s>", email);
done:
	free(name);
	free(email);
	git_config_free(cfg);
	cdb_git_free(g);
	return author;
}

void cdb_git_text_id(char out[CDB_GIT_HEXSZ + 1], const void *data, size_t len)
{
	static bool hash_ready;
	const char *p = data;
	char *folded = xmalloc(len + 1);
	size_t i, n = 0;
	git_oid oid;

	for (i = 0; i < len; i++) {
		if (p[i] == '\r' && i + 1 < len && p[i + 1] == '\n')
			continue;
		folded[n++] = p[i];
	}
	/*
	 * A first libgit2 init is costly (it loads TLS certificates), and a run
	 * may hash thousands of files: keep one init for the process.
	 */
	if (!hash_ready) {
		git_libgit2_init();
		hash_ready = true;
	}
	git_odb_hash(&oid, folded, n, GIT_OBJECT_BLOB);
	git_oid_tostr(out, CDB_GIT_HEXSZ + 1, &oid);
	free(folded);
}

static void commit_fill(struct cdb_git_commit *out, git_commit *c, struct cdb_arena *arena)
{
	const git_signature *sig = git_commit_author(c);
	git_buf sid = GIT_BUF_INIT;
	const char *summary = git_commit_summary(c);
	char date[32] = "";
	struct tm tm;
	time_t t;

	git_oid_tostr(out->id, sizeof out->id, git_commit_id(c));
	if (git_object_short_id(&sid, (const git_object *)c) == 0)
		out->short_id = cdb_arena_strdup(arena, sid.ptr);
	else
		out->short_id = cdb_arena_strndup(arena, out->id, 7);
	git_buf_dispose(&sid);
	out->author = sig ? cdb_arena_sprintf(arena, "%s <%s>", sig->name, sig->email)
	                  : cdb_arena_strdup(arena, "");
	if (sig) {
		t = (time_t)sig->when.time;
		if (gmtime_r(&t, &tm))
			strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
	}
	out->date = cdb_arena_strdup(arena, date);
	out->summary = cdb_arena_strdup(arena, summary ? summary : "");
}

/* REF peeled to a commit; *out is owned by the caller. */
static int resolve_commit(git_commit **out, struct cdb_git *g, const char *ref)
{
	git_object *obj = NULL, *peeled = NULL;
	int rc;

	*out = NULL;
	rc = git_revparse_single(&obj, g->repo, ref);
	if (rc == GIT_ENOTFOUND) {
		rc = cdb_error_set(CDB_ENOTFOUND, "unknown git revision '%s'", ref);
		cdb_error_hint("name a branch, a tag, a commit or 'origin/main'; fetch it first if it is remote");
		goto done;
	}
	if (rc == GIT_EAMBIGUOUS) {
		rc = cdb_error_set(CDB_EAMBIGUOUS, "ambiguous git revision '%s'", ref);
		cdb_error_hint("give more digits of the commit id");
		goto done;
	}
	if (rc < 0) {
		rc = cdb_error_set(CDB_ENOTFOUND, "cannot resolve git revision '%s': %s", ref, git_msg());
		goto done;
	}
	if (git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT) < 0) {
		rc = cdb_error_set(CDB_EINVALID, "git revision '%s' is not a commit", ref);
		goto done;
	}
	*out = (git_commit *)peeled;
	peeled = NULL;
	rc = 0;
done:
	git_object_free(peeled);
	git_object_free(obj);
	return rc;
}

int cdb_git_resolve(struct cdb_git_commit *out, struct cdb_git *g, const char *ref,
                    struct cdb_arena *arena)
{
	git_commit *c = NULL;
	int rc;

	memset(out, 0, sizeof *out);
	rc = resolve_commit(&c, g, ref);
	if (rc < 0)
		return rc;
	commit_fill(out, c, arena);
	git_commit_free(c);
	return 0;
}

char *cdb_git_upstream(struct cdb_git *g)
{
	git_reference *head = NULL;
	git_config *cfg = NULL;
	git_object *obj = NULL;
	char *key = NULL, *remote = NULL, *merge = NULL, *s = NULL;
	const char *branch;

	/*
	 * Read branch.<name>.remote/merge ourselves: git_branch_upstream() goes
	 * through git_remote_lookup(), which leaks in libgit2 1.5 with pcre2.
	 * The default refspec maps refs/heads/X of remote R to R/X.
	 */
	if (git_repository_head(&head, g->repo) < 0 || !git_reference_is_branch(head))
		goto done;
	branch = git_reference_shorthand(head);
	if (git_repository_config_snapshot(&cfg, g->repo) < 0)
		goto done;
	key = xasprintf("branch.%s.remote", branch);
	remote = config_string(cfg, key);
	free(key);
	key = xasprintf("branch.%s.merge", branch);
	merge = config_string(cfg, key);
	if (!remote || !merge || strncmp(merge, "refs/heads/", 11) != 0)
		goto done;
	if (strcmp(remote, ".") == 0)
		s = xstrdup(merge + 11);
	else
		s = xasprintf("%s/%s", remote, merge + 11);
	/* Only an upstream that has been fetched is of any use. */
	if (git_revparse_single(&obj, g->repo, s) < 0) {
		free(s);
		s = NULL;
	}
done:
	git_object_free(obj);
	free(key);
	free(remote);
	free(merge);
	git_config_free(cfg);
	git_reference_free(head);
	git_error_clear();
	return s;
}

void cdb_git_files_init(struct cdb_git_files *fs)
{
	memset(fs, 0, sizeof *fs);
	cdb_arena_init(&fs->arena);
}

void cdb_git_files_release(struct cdb_git_files *fs)
{
	cdb_arena_release(&fs->arena);
	memset(fs, 0, sizeof *fs);
	cdb_arena_init(&fs->arena);
}

/*
 * realpath() of `path`, which need not exist: the longest existing prefix is
 * resolved and the rest appended (a migrations directory may be missing from
 * the work tree and still exist at REF).
 */
static char *resolve_path(const char *path)
{
	char *real, *parent, *slash, *out;

	real = realpath(path, NULL);
	if (real)
		return real;
	slash = strrchr(path, '/');
	if (!slash)
		return NULL;
	if (slash == path)
		return xstrdup(path);
	parent = xstrndup(path, (size_t)(slash - path));
	real = resolve_path(parent);
	free(parent);
	if (!real)
		return NULL;
	out = xasprintf("%s%s%s", real, real[strlen(real) - 1] == '/' ? "" : "/", slash + 1);
	free(real);
	return out;
}

/*
 * The path of `dir` relative to the work tree root ("" for the root itself)
 * as a malloc'ed string, or CDB_EINVALID when it lies outside.
 */
static int repo_relpath(char **out, struct cdb_git *g, const char *dir)
{
	char *abs, *real;
	size_t wl = strlen(g->workdir), rl;

	*out = NULL;
	if (dir[0] == '/') {
		abs = xstrdup(dir);
	} else {
		char cwd[PATH_MAX];
		if (!getcwd(cwd, sizeof cwd))
			return cdb_error_set(CDB_ERROR, "cannot get the current directory: %s", strerror(errno));
		abs = xasprintf("%s/%s", cwd, dir);
	}
	real = resolve_path(abs);
	free(abs);
	if (!real)
		return cdb_error_set(CDB_EINVALID, "cannot resolve '%s'", cdb_path_display(dir));
	rl = strlen(real);
	while (rl > 1 && real[rl - 1] == '/')
		real[--rl] = '\0';
	if (rl + 1 == wl && strncmp(real, g->workdir, rl) == 0) {
		*out = xstrdup("");
	} else if (rl >= wl && strncmp(real, g->workdir, wl) == 0) {
		*out = xstrdup(real + wl);
	} else {
		int rc = cdb_error_set(CDB_EINVALID, "'%s' is outside the git work tree '%s'",
		                       cdb_path_display(dir),
		                       g->workdir);
		free(real);
		return rc;
	}
	free(real);
	return 0;
}

static bool is_sql_name(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && strcmp(name + n - 4, ".sql") == 0;
}

static int file_cmp(const void *a, const void *b)
{
	const struct cdb_git_file *x = a, *y = b;
	return strcmp(x->name, y->name);
}

/*
 * The tree at `relpath` in commit `c`, NULL in *out when the path does not
 * exist there (or is not a directory).
 */
static int subtree(git_tree **out, struct cdb_git *g, git_commit *c, const char *relpath)
{
	git_tree *root = NULL;
	git_tree_entry *e = NULL;
	int rc;

	*out = NULL;
	if (git_commit_tree(&root, c) < 0)
		return cdb_error_set(CDB_ERROR, "cannot read the tree of a commit: %s", git_msg());
	if (!*relpath) {
		*out = root;
		return 0;
	}
	rc = git_tree_entry_bypath(&e, root, relpath);
	if (rc == GIT_ENOTFOUND) {
		rc = 0;
		git_error_clear();
		goto done;
	}
	if (rc < 0) {
		rc = cdb_error_set(CDB_ERROR, "cannot read '%s' from git: %s", relpath, git_msg());
		goto done;
	}
	if (git_tree_entry_type(e) != GIT_OBJECT_TREE) {
		rc = 0;
		goto done;
	}
	if (git_tree_lookup(out, g->repo, git_tree_entry_id(e)) < 0) {
		rc = cdb_error_set(CDB_ERROR, "cannot read '%s' from git: %s", relpath, git_msg());
		goto done;
	}
	rc = 0;
done:
	git_tree_entry_free(e);
	git_tree_free(root);
	return rc;
}

int cdb_git_list_files(struct cdb_git_files *out, struct cdb_git *g, const char *ref,
                       const char *versions_dir)
{
	git_commit *c = NULL;
	git_tree *tree = NULL;
	git_blob *blob = NULL;
	char *rel = NULL;
	size_t i, n;
	int rc;

	rc = repo_relpath(&rel, g, versions_dir);
	if (rc < 0)
		goto done;
	rc = resolve_commit(&c, g, ref);
	if (rc < 0)
		goto done;
	commit_fill(&out->commit, c, &out->arena);
	rc = subtree(&tree, g, c, rel);
	if (rc < 0 || !tree)
		goto done;
	n = git_tree_entrycount(tree);
	for (i = 0; i < n; i++) {
		const git_tree_entry *e = git_tree_entry_byindex(tree, i);
		const char *name = git_tree_entry_name(e);
		struct cdb_git_file *f;
		size_t len;

		if (git_tree_entry_type(e) != GIT_OBJECT_BLOB || !is_sql_name(name))
			continue;
		if (git_blob_lookup(&blob, g->repo, git_tree_entry_id(e)) < 0) {
			rc = cdb_error_set(CDB_ERROR, "cannot read '%s%s%s' at '%s': %s", rel, *rel ? "/" : "",
			                   name, ref, git_msg());
			goto done;
		}
		f = CDB_ARENA_PUSH(&out->arena, out->files, out->n, out->cap);
		f->name = cdb_arena_strdup(&out->arena, name);
		f->path = cdb_arena_sprintf(&out->arena, "%s%s%s", rel, *rel ? "/" : "", name);
		git_oid_tostr(f->blob_id, sizeof f->blob_id, git_tree_entry_id(e));
		len = (size_t)git_blob_rawsize(blob);
		f->data = cdb_arena_alloc(&out->arena, len + 1);
		memcpy(f->data, git_blob_rawcontent(blob), len);
		f->len = len;
		cdb_git_text_id(f->text_id, f->data, f->len);
		git_blob_free(blob);
		blob = NULL;
	}
	if (out->n > 1)
		qsort(out->files, out->n, sizeof *out->files, file_cmp);
	rc = 0;
done:
	git_blob_free(blob);
	git_tree_free(tree);
	git_commit_free(c);
	free(rel);
	return rc;
}

/*
 * The walk of cdb_git_origins(): newest commit first, like `git log`, over
 * every parent that exists. libgit2's revwalk gives up on a shallow clone's
 * missing parents, so the walk is done here and simply stops there.
 */
struct walk {
	git_oid *seen;    /* open-addressing set of queued commit ids */
	size_t seen_cap;  /* power of two */
	size_t nseen;
	git_commit **queue; /* commits waiting to be visited (owned) */
	size_t nqueue, queue_cap;
};

static size_t oid_hash(const git_oid *id, size_t cap)
{
	size_t h = 0;
	memcpy(&h, id->id, sizeof h < GIT_OID_RAWSZ ? sizeof h : GIT_OID_RAWSZ);
	return h & (cap - 1);
}

/* Add `id` to the seen set; false when it was already there. */
static bool walk_mark(struct walk *w, const git_oid *id)
{
	size_t i;

	if (2 * (w->nseen + 1) > w->seen_cap) {
		git_oid *old = w->seen;
		size_t oldcap = w->seen_cap, j;

		w->seen_cap = oldcap ? 2 * oldcap : 256;
		w->seen = xcalloc(w->seen_cap, sizeof *w->seen);
		for (j = 0; j < oldcap; j++)
			if (!git_oid_is_zero(&old[j])) {
				for (i = oid_hash(&old[j], w->seen_cap); !git_oid_is_zero(&w->seen[i]);
				     i = (i + 1) & (w->seen_cap - 1))
					;
				w->seen[i] = old[j];
			}
		free(old);
	}
	for (i = oid_hash(id, w->seen_cap); !git_oid_is_zero(&w->seen[i]); i = (i + 1) & (w->seen_cap - 1))
		if (git_oid_equal(&w->seen[i], id))
			return false;
	w->seen[i] = *id;
	w->nseen++;
	return true;
}

/* Queue commit `id` unless seen; a commit that cannot be read is left out. */
static void walk_push(struct walk *w, git_repository *repo, const git_oid *id)
{
	git_commit *c;

	if (!walk_mark(w, id))
		return;
	if (git_commit_lookup(&c, repo, id) < 0) {
		git_error_clear();
		return;
	}
	XGROW(w->queue, w->queue_cap, w->nqueue + 1);
	w->queue[w->nqueue++] = c;
}

/* The newest queued commit (the caller frees it), NULL when none is left. */
static git_commit *walk_pop(struct walk *w)
{
	size_t i, best = 0;
	git_commit *c;

	if (w->nqueue == 0)
		return NULL;
	for (i = 1; i < w->nqueue; i++)
		if (git_commit_time(w->queue[i]) > git_commit_time(w->queue[best]))
			best = i;
	c = w->queue[best];
	w->queue[best] = w->queue[--w->nqueue];
	return c;
}

static void walk_release(struct walk *w)
{
	size_t i;

	for (i = 0; i < w->nqueue; i++)
		git_commit_free(w->queue[i]);
	free(w->queue);
	free(w->seen);
}

/* True when `id` was queued in `w`. */
static bool walk_has(const struct walk *w, const git_oid *id)
{
	size_t i;

	if (w->seen_cap == 0)
		return false;
	for (i = oid_hash(id, w->seen_cap); !git_oid_is_zero(&w->seen[i]); i = (i + 1) & (w->seen_cap - 1))
		if (git_oid_equal(&w->seen[i], id))
			return true;
	return false;
}

/*
 * Our own merge base, on the walk above: every commit reachable from REF
 * (up to the cap), then the newest commit reachable from HEAD among them.
 * git_merge_base() leaks when a shallow clone's parents are missing.
 */
int cdb_git_merge_base(char out[CDB_GIT_HEXSZ + 1], struct cdb_git *g, const char *ref)
{
	struct walk theirs = { 0 }, ours = { 0 };
	git_commit *c = NULL, *head = NULL;
	size_t n;
	int rc;

	out[0] = '\0';
	rc = resolve_commit(&c, g, ref);
	if (rc < 0)
		return rc;
	if (resolve_commit(&head, g, "HEAD") < 0) {
		rc = cdb_error_set(CDB_ENOTFOUND, "HEAD has no commit yet");
		goto done;
	}
	walk_push(&theirs, g->repo, git_commit_id(c));
	git_commit_free(c);
	for (n = 0; n < DEFAULT_MAX_COMMITS && (c = walk_pop(&theirs)) != NULL; n++) {
		unsigned k, np = git_commit_parentcount(c);
		for (k = 0; k < np; k++)
			walk_push(&theirs, g->repo, git_commit_parent_id(c, k));
		git_commit_free(c);
	}
	c = NULL;
	walk_push(&ours, g->repo, git_commit_id(head));
	rc = cdb_error_set(CDB_ENOTFOUND, "HEAD and '%s' have no common ancestor here", ref);
	for (n = 0; n < DEFAULT_MAX_COMMITS && (c = walk_pop(&ours)) != NULL; n++) {
		unsigned k, np = git_commit_parentcount(c);

		if (walk_has(&theirs, git_commit_id(c))) {
			git_oid_tostr(out, CDB_GIT_HEXSZ + 1, git_commit_id(c));
			cdb_error_clear();
			rc = 0;
			break;
		}
		for (k = 0; k < np; k++)
			walk_push(&ours, g->repo, git_commit_parent_id(c, k));
		git_commit_free(c);
		c = NULL;
	}
done:
	git_commit_free(c);
	git_commit_free(head);
	walk_release(&theirs);
	walk_release(&ours);
	return rc;
}

int cdb_git_origins(struct cdb_git_origin *out, struct cdb_git *g, const char *from,
                    const char *versions_dir,
                    const char *const *names, size_t n, size_t max_commits,
                    struct cdb_arena *arena)
{
	struct walk w = { 0 };
	git_commit *c = NULL, *start = NULL;
	git_tree *tree = NULL, **ptrees = NULL;
	git_reference *head = NULL;
	char *rel = NULL;
	size_t left = n, seen = 0, i, k, np = 0;
	int rc;

	memset(out, 0, n * sizeof *out);
	if (n == 0)
		return 0;
	if (max_commits == 0)
		max_commits = DEFAULT_MAX_COMMITS;
	rc = repo_relpath(&rel, g, versions_dir);
	if (rc < 0)
		goto done;
	if (from) {
		rc = resolve_commit(&start, g, from);
		if (rc < 0)
			goto done;
		walk_push(&w, g->repo, git_commit_id(start));
	} else if (git_repository_head(&head, g->repo) == 0 && git_reference_target(head)) {
		walk_push(&w, g->repo, git_reference_target(head));
	}
	/* An unborn HEAD queues nothing: every origin is unknown. */
	while (left > 0 && seen < max_commits && (c = walk_pop(&w)) != NULL) {
		bool cut = false, same = false;

		seen++;
		rc = subtree(&tree, g, c, rel);
		if (rc < 0)
			goto done;
		np = git_commit_parentcount(c);
		ptrees = xcalloc(np ? np : 1, sizeof *ptrees);
		for (k = 0; k < np; k++) {
			git_commit *p = NULL;

			if (git_commit_parent(&p, c, (unsigned)k) < 0) {
				cut = true; /* beyond a shallow clone's cut: cannot tell */
				git_error_clear();
				continue;
			}
			walk_push(&w, g->repo, git_commit_id(p));
			if (tree) {
				rc = subtree(&ptrees[k], g, p, rel);
				if (rc < 0) {
					git_commit_free(p);
					goto done;
				}
				if (ptrees[k] && git_oid_equal(git_tree_id(ptrees[k]), git_tree_id(tree)))
					same = true;
			}
			git_commit_free(p);
		}
		/* A shallow clone's boundary commit may also show no parents at all. */
		if (np == 0 && cdb_git_is_shallow(g))
			cut = true;
		if (!tree || cut || same)
			goto next;
		for (i = 0; i < n; i++) {
			bool added = true;

			if (out[i].found || !git_tree_entry_byname(tree, names[i]))
				continue;
			for (k = 0; k < np && added; k++)
				if (ptrees[k] && git_tree_entry_byname(ptrees[k], names[i]))
					added = false;
			if (added) {
				out[i].found = true;
				commit_fill(&out[i].commit, c, arena);
				left--;
			}
		}
next:
		for (k = 0; k < np; k++)
			git_tree_free(ptrees[k]);
		free(ptrees);
		ptrees = NULL;
		np = 0;
		git_tree_free(tree);
		tree = NULL;
		git_commit_free(c);
		c = NULL;
	}
	git_error_clear();
	rc = 0;
done:
	if (ptrees) {
		for (k = 0; k < np; k++)
			git_tree_free(ptrees[k]);
		free(ptrees);
	}
	git_tree_free(tree);
	git_commit_free(c);
	git_commit_free(start);
	git_reference_free(head);
	walk_release(&w);
	free(rel);
	return rc;
}
