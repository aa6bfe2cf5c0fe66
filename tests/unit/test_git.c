/*
 * test_git.c - git.c against real repositories built with the git CLI
 */
#include <criterion/criterion.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cdb/alloc.h"
#include "cdb/arena.h"
#include "cdb/error.h"
#include "cdb/git.h"

static char tmp[] = "/tmp/cdb-test-git-XXXXXX";

/* Run a shell command in the temporary directory; the test fails if it does. */
static void sh(const char *fmt, ...)
{
	char cmd[4096];
	char full[4400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	snprintf(full, sizeof full, "cd '%s' && { %s ; } >/dev/null 2>&1", tmp, cmd);
	cr_assert_eq(system(full), 0, "command failed: %s", cmd);
}

/* First line of a command's output, malloc'ed. */
static char *sh_out(const char *cmd)
{
	char full[4400], line[256] = "";
	FILE *p;

	snprintf(full, sizeof full, "cd '%s' && %s", tmp, cmd);
	p = popen(full, "r");
	cr_assert_not_null(p);
	if (!fgets(line, sizeof line, p))
		line[0] = '\0';
	pclose(p);
	line[strcspn(line, "\n")] = '\0';
	return xstrdup(line);
}

static void setup(void)
{
	cr_assert_not_null(mkdtemp(tmp));
	/* Keep the user's and the machine's git config out of the tests. */
	setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
	setenv("GIT_CEILING_DIRECTORIES", "/tmp", 1);
	sh("git init -q -b main repo && cd repo && git config user.name 'Jane Doe' && "
	   "git config user.email jane@example.com && mkdir -p migrations/versions");
}

static void teardown(void)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
	if (system(cmd) != 0)
		cr_log_warn("cannot remove %s", tmp);
	strcpy(tmp, "/tmp/cdb-test-git-XXXXXX");
}

static char *path(const char *rel)
{
	return xasprintf("%s/%s", tmp, rel);
}

TestSuite(git, .init = setup, .fini = teardown);

Test(git, open_outside_a_repository_is_not_found)
{
	struct cdb_git *g = NULL;
	char *dir = path("");

	cr_assert_eq(cdb_git_open(&g, dir), CDB_ENOTFOUND);
	cr_assert_null(g);
	cr_assert_not_null(strstr(cdb_error_message(), "not in a git repository"));
	free(dir);
}

Test(git, open_discovers_from_a_subdirectory)
{
	struct cdb_git *g = NULL;
	char *dir = path("repo/migrations/versions");
	char *real = realpath(tmp, NULL);
	char *want = xasprintf("%s/repo/", real);

	cr_assert_eq(cdb_git_open(&g, dir), 0);
	cr_assert_str_eq(cdb_git_workdir(g), want);
	cr_assert_not(cdb_git_is_shallow(g));
	cdb_git_free(g);
	free(want);
	free(real);
	free(dir);
}

Test(git, text_id_matches_git_hash_object_and_folds_crlf)
{
	const char *lf = "-- cdb revision\nSELECT 1;\n";
	const char *crlf = "-- cdb revision\r\nSELECT 1;\r\n";
	char a[CDB_GIT_HEXSZ + 1], b[CDB_GIT_HEXSZ + 1];
	char *want;

	sh("printf -- '-- cdb revision\\nSELECT 1;\\n' > lf.sql");
	want = sh_out("git hash-object lf.sql");
	cdb_git_text_id(a, lf, strlen(lf));
	cdb_git_text_id(b, crlf, strlen(crlf));
	cr_assert_str_eq(a, want);
	cr_assert_str_eq(b, want);
	free(want);
}

Test(git, author_comes_from_repository_config)
{
	char *dir = path("repo/migrations");
	char *outside = path("");
	char *author = cdb_git_author(dir);

	cr_assert_str_eq(author, "Jane Doe <jane@example.com>");
	free(author);
	cr_assert_null(cdb_git_author(outside));
	free(dir);
	free(outside);
}

Test(git, resolve_names_the_unknown_ref)
{
	struct cdb_arena arena = CDB_ARENA_INIT;
	struct cdb_git_commit c;
	struct cdb_git *g = NULL;
	char *dir = path("repo");
	char *head1;

	sh("cd repo && git commit -q --allow-empty -m one && git commit -q --allow-empty -m two");
	head1 = sh_out("cd repo && git rev-parse HEAD~1");
	cr_assert_eq(cdb_git_open(&g, dir), 0);
	cr_assert_eq(cdb_git_resolve(&c, g, "no-such-branch", &arena), CDB_ENOTFOUND);
	cr_assert_not_null(strstr(cdb_error_message(), "'no-such-branch'"));
	cr_assert_eq(cdb_git_resolve(&c, g, "HEAD~1", &arena), 0);
	cr_assert_str_eq(c.id, head1);
	cr_assert_str_eq(c.summary, "one");
	cr_assert_str_eq(c.author, "Jane Doe <jane@example.com>");
	cr_assert_eq(strlen(c.date), 20);
	cr_assert_eq(cdb_git_resolve(&c, g, "HEAD^{tree}", &arena), CDB_EINVALID);
	cdb_git_free(g);
	cdb_arena_release(&arena);
	free(head1);
	free(dir);
}

Test(git, list_files_reads_the_tree_at_ref)
{
	struct cdb_git_files fs;
	struct cdb_git *g = NULL;
	char *dir = path("repo");
	char *versions = path("repo/migrations/versions");
	char *blob;

	sh("cd repo && echo x > README && git add README && git commit -q -m init");
	sh("cd repo && printf 'b\\r\\n' > migrations/versions/b.sql && echo a > migrations/versions/a.sql && "
	   "echo n > migrations/versions/notes.txt && git add . && git commit -q -m revs");
	blob = sh_out("cd repo && git rev-parse HEAD:migrations/versions/b.sql");
	cr_assert_eq(cdb_git_open(&g, dir), 0);

	/* Before the directory existed: an empty set, not an error. */
	cdb_git_files_init(&fs);
	cr_assert_eq(cdb_git_list_files(&fs, g, "HEAD~1", versions), 0);
	cr_assert_eq(fs.n, 0);
	cdb_git_files_release(&fs);

	cr_assert_eq(cdb_git_list_files(&fs, g, "main", versions), 0);
	cr_assert_eq(fs.n, 2);
	cr_assert_str_eq(fs.files[0].name, "a.sql");
	cr_assert_str_eq(fs.files[1].name, "b.sql");
	cr_assert_str_eq(fs.files[1].path, "migrations/versions/b.sql");
	cr_assert_str_eq(fs.files[1].blob_id, blob);
	cr_assert_eq(fs.files[1].len, 3);
	cr_assert_str_eq(fs.files[1].data, "b\r\n");
	cr_assert_str_neq(fs.files[1].text_id, fs.files[1].blob_id);
	cdb_git_files_release(&fs);

	/* A directory outside the work tree is refused. */
	cr_assert_eq(cdb_git_list_files(&fs, g, "main", "/"), CDB_EINVALID);
	cdb_git_files_release(&fs);
	cdb_git_free(g);
	free(blob);
	free(versions);
	free(dir);
}

Test(git, origins_find_the_commit_that_added_each_file)
{
	struct cdb_arena arena = CDB_ARENA_INIT;
	struct cdb_git_origin o[3];
	const char *names[] = { "a.sql", "b.sql", "c.sql" };
	struct cdb_git *g = NULL;
	char *dir = path("repo");
	char *versions = path("repo/migrations/versions");
	char *ca, *cb;

	sh("cd repo && echo a > migrations/versions/a.sql && git add . && git commit -q -m 'add a'");
	ca = sh_out("cd repo && git rev-parse HEAD");
	sh("cd repo && git checkout -q -b feature && echo b > migrations/versions/b.sql && git add . && "
	   "git commit -q -m 'add b' && echo a2 >> migrations/versions/a.sql && git commit -qam 'edit a'");
	cb = sh_out("cd repo && git rev-parse HEAD~1");
	sh("cd repo && git checkout -q main && git commit -q --allow-empty -m other && "
	   "git merge -q --no-ff -m merge feature && echo c > migrations/versions/c.sql");
	cr_assert_eq(cdb_git_open(&g, dir), 0);
	cr_assert_eq(cdb_git_origins(o, g, NULL, versions, names, 3, 0, &arena), 0);
	cr_assert(o[0].found);
	cr_assert_str_eq(o[0].commit.id, ca);
	cr_assert(o[1].found);
	cr_assert_str_eq(o[1].commit.id, cb);
	cr_assert_str_eq(o[1].commit.summary, "add b");
	cr_assert_not(o[2].found);

	/* From another ref: the walk starts there. */
	sh("cd repo && git checkout -q -b side HEAD~1 && echo d > migrations/versions/d.sql && "
	   "git add migrations/versions/d.sql && git commit -q -m 'add d' && git checkout -q main");
	names[2] = "d.sql";
	cr_assert_eq(cdb_git_origins(o, g, NULL, versions, names, 3, 0, &arena), 0);
	cr_assert_not(o[2].found);
	cr_assert_eq(cdb_git_origins(o, g, "side", versions, names, 3, 0, &arena), 0);
	cr_assert(o[2].found);
	cr_assert_str_eq(o[2].commit.summary, "add d");
	cr_assert_eq(cdb_git_origins(o, g, "nope", versions, names, 3, 0, &arena), CDB_ENOTFOUND);
	cdb_git_free(g);
	cdb_arena_release(&arena);
	free(ca);
	free(cb);
	free(versions);
	free(dir);
}

Test(git, shallow_and_detached_checkouts_do_not_crash)
{
	struct cdb_arena arena = CDB_ARENA_INIT;
	struct cdb_git_origin o[2];
	struct cdb_git_files fs;
	const char *names[] = { "a.sql", "b.sql" };
	struct cdb_git *g = NULL;
	char *dir = path("shallow");
	char *versions = path("shallow/migrations/versions");
	char *cmd;

	sh("cd repo && echo a > migrations/versions/a.sql && git add . && git commit -q -m 'add a' && "
	   "echo b > migrations/versions/b.sql && git add . && git commit -q -m 'add b'");
	cmd = xasprintf("git clone -q --depth 1 'file://%s/repo' shallow && cd shallow && "
	                "git checkout -q --detach HEAD", tmp);
	sh("%s", cmd);
	cr_assert_eq(cdb_git_open(&g, dir), 0);
	cr_assert(cdb_git_is_shallow(g));
	cr_assert_null(cdb_git_upstream(g));
	cr_assert_eq(cdb_git_origins(o, g, NULL, versions, names, 2, 0, &arena), 0);
	/* The only commit is the shallow boundary: who added the files is unknown. */
	cr_assert_not(o[0].found);
	cr_assert_not(o[1].found);
	cdb_git_files_init(&fs);
	cr_assert_eq(cdb_git_list_files(&fs, g, "HEAD", versions), 0);
	cr_assert_eq(fs.n, 2);
	cdb_git_files_release(&fs);
	cr_assert_eq(cdb_git_resolve(&fs.commit, g, "HEAD~1", &arena), CDB_ENOTFOUND);
	cdb_git_free(g);
	cdb_arena_release(&arena);
	free(cmd);
	free(versions);
	free(dir);
}

Test(git, upstream_of_a_tracking_branch)
{
	struct cdb_git *g = NULL;
	char *dir = path("clone");
	char *cmd, *up;

	sh("cd repo && git commit -q --allow-empty -m one");
	cmd = xasprintf("git clone -q 'file://%s/repo' clone && cd clone && git checkout -q -b topic", tmp);
	sh("%s", cmd);
	cr_assert_eq(cdb_git_open(&g, dir), 0);
	cr_assert_null(cdb_git_upstream(g));
	sh("cd clone && git checkout -q main");
	up = cdb_git_upstream(g);
	cr_assert_str_eq(up, "origin/main");
	free(up);
	cdb_git_free(g);
	free(cmd);
	free(dir);
}

Test(git, merge_base_of_head_and_a_ref)
{
	struct cdb_git *g = NULL;
	char mb[CDB_GIT_HEXSZ + 1];
	char *dir = path("repo");
	char *fork;

	sh("cd repo && git commit -q --allow-empty -m one && git commit -q --allow-empty -m fork");
	fork = sh_out("cd repo && git rev-parse HEAD");
	sh("cd repo && git checkout -q -b side && git commit -q --allow-empty -m s1 && "
	   "git checkout -q main && git commit -q --allow-empty -m m1 && git commit -q --allow-empty -m m2");
	cr_assert_eq(cdb_git_open(&g, dir), 0);
	cr_assert_eq(cdb_git_merge_base(mb, g, "side"), 0);
	cr_assert_str_eq(mb, fork);
	cr_assert_eq(cdb_git_merge_base(mb, g, "HEAD~1"), 0);
	cr_assert_eq(cdb_git_merge_base(mb, g, "nope"), CDB_ENOTFOUND);
	/* Unrelated history: no merge base. */
	sh("cd repo && git checkout -q --orphan lone && git commit -q --allow-empty -m lone && git checkout -q main");
	cr_assert_eq(cdb_git_merge_base(mb, g, "lone"), CDB_ENOTFOUND);
	cdb_git_free(g);
	free(fork);
	free(dir);
}
