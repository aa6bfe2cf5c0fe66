/* test_path.c - path helpers, whole-file reads, atomic writes, *.sql listing */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cdb/alloc.h"
#include "cdb/error.h"
#include "cdb/path.h"

static char tmpdir[] = "/tmp/cdb-test-path-XXXXXX";

static void setup(void)
{
	cr_assert_not_null(mkdtemp(tmpdir));
}

static void teardown(void)
{
	char *cmd = xasprintf("chmod -R u+w '%s' && rm -rf '%s'", tmpdir, tmpdir);

	cr_assert_eq(system(cmd), 0);
	free(cmd);
}

TestSuite(path, .init = setup, .fini = teardown);

static void check_str(char *got, const char *want)
{
	cr_assert_str_eq(got, want);
	free(got);
}

Test(path, join)
{
	check_str(cdb_path_join("a", "b"), "a/b");
	check_str(cdb_path_join("a/", "b"), "a/b");
	check_str(cdb_path_join("/", "b"), "/b");
	check_str(cdb_path_join("a", "/abs"), "/abs");
	check_str(cdb_path_join("", "b"), "b");
}

Test(path, absolute_cleans_lexically)
{
	check_str(cdb_path_absolute("x/./y/../z", "/base"), "/base/x/z");
	check_str(cdb_path_absolute("../..", "/a/b/c"), "/a");
	check_str(cdb_path_absolute("../../../..", "/a"), "/");
	check_str(cdb_path_absolute("/abs//p/", "/ignored"), "/abs/p");
	{
		char *cwd = getcwd(NULL, 0);
		char *want = cdb_path_join(cwd, "sub/rel");

		check_str(cdb_path_absolute("rel", "sub"), want);
		free(want);
		free(cwd);
	}
}

Test(path, dirname_basename)
{
	check_str(cdb_path_dirname("/a/b/c"), "/a/b");
	check_str(cdb_path_dirname("/a"), "/");
	check_str(cdb_path_dirname("a"), ".");
	check_str(cdb_path_dirname("a/b/"), "a");
	cr_assert_str_eq(cdb_path_basename("/x/y.sql"), "y.sql");
	cr_assert_str_eq(cdb_path_basename("y.sql"), "y.sql");
}

Test(path, relative_to)
{
	cr_assert_str_eq(cdb_path_relative_to("/p/models/x.sql", "/p"), "models/x.sql");
	cr_assert_str_eq(cdb_path_relative_to("/p/models/x.sql", "/p/"), "models/x.sql");
	cr_assert_str_eq(cdb_path_relative_to("/p/models/x.sql", "/p/models"), "x.sql");
	cr_assert_str_eq(cdb_path_relative_to("/p", "/p"), ".");
	cr_assert_str_eq(cdb_path_relative_to("/p/", "/p"), ".");
	cr_assert_str_eq(cdb_path_relative_to("/a/b", "/"), "a/b");
	/* a longer name that shares the prefix is not below the directory */
	cr_assert_str_eq(cdb_path_relative_to("/project2/x.sql", "/project"), "/project2/x.sql");
	cr_assert_str_eq(cdb_path_relative_to("/q/x.sql", "/p"), "/q/x.sql");
	cr_assert_str_eq(cdb_path_relative_to("/p", "/p/models"), "/p");
	cr_assert_str_eq(cdb_path_relative_to("models/x.sql", "/p"), "models/x.sql");
	cr_assert_str_eq(cdb_path_relative_to("/p/x.sql", "p"), "/p/x.sql");
	{
		/* the result points into the argument: no copy to free */
		const char *path = "/p/models/x.sql";

		cr_assert_eq(cdb_path_relative_to(path, "/p"), path + 3);
	}
}

/* Each Criterion test runs in its own process, so each reads the cwd afresh. */
Test(path, display_relative_to_cwd)
{
	char *real = realpath(tmpdir, NULL);
	char *models = cdb_path_join(real, "models/x.sql");
	char *sub = cdb_path_join(real, "sub");

	cr_assert_eq(mkdir(sub, 0777), 0);
	cr_assert_eq(chdir(real), 0);
	cr_assert_eq(unsetenv("PWD"), 0);
	cr_assert_str_eq(cdb_path_display(models), "models/x.sql");
	cr_assert_str_eq(cdb_path_display(sub), "sub");
	cr_assert_str_eq(cdb_path_display(real), ".");
	cr_assert_str_eq(cdb_path_display("/nowhere/else.sql"), "/nowhere/else.sql");
	cr_assert_str_eq(cdb_path_display("models/x.sql"), "models/x.sql");
	free(sub);
	free(models);
	free(real);
}

Test(path, display_outside_cwd_stays_absolute)
{
	char *real = realpath(tmpdir, NULL);
	char *sub = cdb_path_join(real, "sub");
	char *models = cdb_path_join(real, "models/x.sql");

	cr_assert_eq(mkdir(sub, 0777), 0);
	cr_assert_eq(chdir(sub), 0);
	cr_assert_str_eq(cdb_path_display(models), models);
	free(models);
	free(sub);
	free(real);
}

Test(path, display_through_symlinked_cwd)
{
	char *real = realpath(tmpdir, NULL);
	char *dir = cdb_path_join(real, "real");
	char *link = cdb_path_join(real, "link");
	char *via_link = cdb_path_join(link, "models/x.sql");
	char *via_dir = cdb_path_join(dir, "models/x.sql");

	cr_assert_eq(mkdir(dir, 0777), 0);
	cr_assert_eq(symlink(dir, link), 0);
	cr_assert_eq(chdir(link), 0);
	cr_assert_eq(setenv("PWD", link, 1), 0);
	/* getcwd() says .../real, the shell says .../link: both are "here" */
	cr_assert_str_eq(cdb_path_display(via_dir), "models/x.sql");
	cr_assert_str_eq(cdb_path_display(via_link), "models/x.sql");
	free(via_dir);
	free(via_link);
	free(link);
	free(dir);
	free(real);
}

Test(path, display_ignores_a_stale_pwd)
{
	char *real = realpath(tmpdir, NULL);
	char *a = cdb_path_join(real, "a");
	char *b = cdb_path_join(real, "b");
	char *in_b = cdb_path_join(b, "x.sql");

	cr_assert_eq(mkdir(a, 0777), 0);
	cr_assert_eq(mkdir(b, 0777), 0);
	cr_assert_eq(chdir(a), 0);
	/* $PWD left over from before a chdir names another directory */
	cr_assert_eq(setenv("PWD", b, 1), 0);
	cr_assert_str_eq(cdb_path_display(in_b), in_b);
	free(in_b);
	free(b);
	free(a);
	free(real);
}

Test(path, write_then_read)
{
	char *f = cdb_path_join(tmpdir, "f.txt");
	struct cdb_buf b = CDB_BUF_INIT;
	struct stat st;

	cr_assert_eq(cdb_path_write_atomic(f, "hello\n", 6, false), 0);
	cr_assert_eq(cdb_path_read(&b, f), 0);
	cr_assert_str_eq(b.ptr, "hello\n");
	cr_assert_eq(stat(f, &st), 0);
	cr_assert(S_ISREG(st.st_mode));
	/* overwrite */
	cr_assert_eq(cdb_path_write_atomic(f, "bye", 3, false), 0);
	cdb_buf_reset(&b);
	cr_assert_eq(cdb_path_read(&b, f), 0);
	cr_assert_str_eq(b.ptr, "bye");
	/* exclusive refuses */
	cr_assert_eq(cdb_path_write_atomic(f, "x", 1, true), CDB_EEXISTS);
	cdb_buf_reset(&b);
	cr_assert_eq(cdb_path_read(&b, f), 0);
	cr_assert_str_eq(b.ptr, "bye");
	cdb_buf_release(&b);
	free(f);
}

Test(path, read_missing_is_notfound)
{
	struct cdb_buf b = CDB_BUF_INIT;
	char *f = cdb_path_join(tmpdir, "nope");

	cr_assert_eq(cdb_path_read(&b, f), CDB_ENOTFOUND);
	cr_assert(strstr(cdb_error_message(), "nope"));
	free(f);
	cdb_buf_release(&b);
}

Test(path, atomic_write_into_readonly_dir_leaves_nothing)
{
	char *d = cdb_path_join(tmpdir, "ro");
	char *f = cdb_path_join(d, "x.sql");
	struct cdb_path_list l = CDB_PATH_LIST_INIT;
	char *cmd = xasprintf("ls -A '%s' | wc -l", d);
	FILE *p;
	int n = -1;

	cr_assert_eq(mkdir(d, 0555), 0);
	/* root ignores permissions: write as nobody, keeping the saved uid to come back */
	if (geteuid() == 0) {
		cr_assert_eq(chmod(tmpdir, 0755), 0);
		cr_assert_eq(seteuid(65534), 0);
	}
	cr_assert_eq(cdb_path_write_atomic(f, "x", 1, false), CDB_ERROR);
	if (getuid() == 0)
		cr_assert_eq(seteuid(0), 0);
	cr_assert(strstr(cdb_error_message(), "Permission denied"), "%s", cdb_error_message());
	cr_assert(strstr(cdb_error_message(), d), "%s", cdb_error_message());
	p = popen(cmd, "r");
	cr_assert_eq(fscanf(p, "%d", &n), 1);
	pclose(p);
	cr_assert_eq(n, 0);
	cr_assert_eq(cdb_path_list_sql(&l, d), 0);
	cr_assert_eq(l.n, 0);
	cdb_path_list_release(&l);
	free(cmd);
	free(f);
	free(d);
}

Test(path, atomic_write_missing_dir)
{
	char *f = cdb_path_join(tmpdir, "no/such/x.sql");

	cr_assert_eq(cdb_path_write_atomic(f, "x", 1, false), CDB_ENOTFOUND);
	free(f);
}

Test(path, list_sql_sorted_and_filtered)
{
	const char *names[] = { "b.sql", "a.sql", ".hidden.sql", "c.txt", "10.sql" };
	struct cdb_path_list l = CDB_PATH_LIST_INIT;

	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		char *f = cdb_path_join(tmpdir, names[i]);

		cr_assert_eq(cdb_path_write_atomic(f, "", 0, false), 0);
		free(f);
	}
	{
		char *sub = cdb_path_join(tmpdir, "dir.sql");

		cr_assert_eq(mkdir(sub, 0777), 0);
		free(sub);
	}
	cr_assert_eq(cdb_path_list_sql(&l, tmpdir), 0);
	cr_assert_eq(l.n, 3);
	cr_assert_str_eq(cdb_path_basename(l.paths[0]), "10.sql");
	cr_assert_str_eq(cdb_path_basename(l.paths[1]), "a.sql");
	cr_assert_str_eq(cdb_path_basename(l.paths[2]), "b.sql");
	cdb_path_list_release(&l);
}

Test(path, mkdirs)
{
	char *d = cdb_path_join(tmpdir, "x/y/z");

	cr_assert_eq(cdb_path_mkdirs(d), 0);
	cr_assert(cdb_path_is_dir(d));
	cr_assert_eq(cdb_path_mkdirs(d), 0);
	free(d);
}
