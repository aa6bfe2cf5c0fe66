/* test_revision.c - revision file header/body parsing, checksums, ids, slugs, writing */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cdb/alloc.h"
#include "cdb/config.h"
#include "cdb/error.h"
#include "cdb/path.h"
#include "cdb/revision.h"

static struct cdb_arena arena;
static char tmpdir[] = "/tmp/cdb-test-rev-XXXXXX";

static void setup(void)
{
	cdb_arena_init(&arena);
	cr_assert_not_null(mkdtemp(tmpdir));
}

static void teardown(void)
{
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);

	cdb_arena_release(&arena);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
}

TestSuite(revision, .init = setup, .fini = teardown);

static const char *sample =
	"-- cdb revision\n"
	"-- revision: 1f8e2c3a9b7d\n"
	"-- down_revision: 8a7c6b5d4e3f, 0000aaaa1111\n"
	"-- message: add movies\n"
	"-- created: 2026-11-24T22:40:11Z\n"
	"-- author: Jane Doe <jane@example.com>\n"
	"-- branch_labels: movies\n"
	"-- depends_on: 9999\n"
	"-- transaction: none\n"
	"\n"
	"-- +cdb upgrade\n"
	"CREATE TABLE movies (id INTEGER PRIMARY KEY, name TEXT);\n"
	"\n"
	"-- +cdb downgrade\n"
	"DROP TABLE movies;\n";

static int parse(struct cdb_revision *r, const char *text)
{
	return cdb_revision_parse_header(r, &arena, "x.sql", text, strlen(text));
}

static void parse_fails(const char *text, const char *needle)
{
	struct cdb_revision r;

	cr_assert_eq(parse(&r, text), CDB_EINVALID, "accepted: %s", text);
	cr_assert(strstr(cdb_error_message(), needle), "'%s' not in '%s'", needle, cdb_error_message());
}

Test(revision, header_fields)
{
	struct cdb_revision r;

	cr_assert_eq(parse(&r, sample), 0, "%s", cdb_error_message());
	cr_assert_str_eq(r.id, "1f8e2c3a9b7d");
	cr_assert_eq(r.ndown, 2);
	cr_assert_str_eq(r.down[0], "8a7c6b5d4e3f");
	cr_assert_str_eq(r.down[1], "0000aaaa1111");
	cr_assert_str_eq(r.message, "add movies");
	cr_assert_str_eq(r.created, "2026-11-24T22:40:11Z");
	cr_assert_str_eq(r.author, "Jane Doe <jane@example.com>");
	cr_assert_eq(r.nlabels, 1);
	cr_assert_str_eq(r.labels[0], "movies");
	cr_assert_eq(r.ndepends, 1);
	cr_assert(r.no_transaction);
	cr_assert_eq(r.id_line, 2);
	cr_assert_eq(r.down_line, 3);
	cr_assert_eq(r.depends_line, 8);
	cr_assert_eq(r.header_end, 10);
}

Test(revision, base_and_crlf)
{
	struct cdb_revision r;

	cr_assert_eq(parse(&r, "-- cdb revision\r\n-- revision: abc\r\n-- down_revision:\r\n\r\n"), 0,
	             "%s", cdb_error_message());
	cr_assert_str_eq(r.id, "abc");
	cr_assert_eq(r.ndown, 0);
	cr_assert_str_eq(r.message, "");
	cr_assert_not(r.no_transaction);
}

Test(revision, header_errors_name_file_and_line)
{
	parse_fails("CREATE TABLE x (a);\n", "x.sql:1:");
	parse_fails("-- cdb revision\n-- revision: a1\n-- colour: red\n", "x.sql:3: unknown header key 'colour'");
	parse_fails("-- cdb revision\n-- message: no id\n\n", "no '-- revision: ID'");
	parse_fails("-- cdb revision\n-- revision: a1\n-- revision: a2\n", "x.sql:3: header key 'revision' repeated");
	parse_fails("-- cdb revision\n-- revision: a1\n-- just a comment\n", "x.sql:3: malformed header line");
	parse_fails("-- cdb revision\n-- revision: a-1\n", "x.sql:2:");
	parse_fails("-- cdb revision\n-- revision:\n", "x.sql:2: empty revision id");
	parse_fails("-- cdb revision\n-- revision: a1\n-- transaction: maybe\n", "x.sql:3: transaction 'maybe'");
	parse_fails("-- cdb revision\n-- revision: a1\n-- down_revision: a1\n", "x.sql:3:");
}

Test(revision, body_sections_and_lines)
{
	struct cdb_revision r;

	cr_assert_eq(parse(&r, sample), 0);
	cr_assert_eq(cdb_revision_parse_body(&r, &arena, sample, strlen(sample)), 0, "%s",
	             cdb_error_message());
	cr_assert(r.body_loaded);
	cr_assert_str_eq(r.upgrade_sql, "CREATE TABLE movies (id INTEGER PRIMARY KEY, name TEXT);\n\n");
	cr_assert_eq(r.upgrade_line, 12);
	cr_assert_str_eq(r.downgrade_sql, "DROP TABLE movies;\n");
	cr_assert_eq(r.downgrade_line, 15);
	cr_assert_eq(strlen(r.checksum), 40);
}

Test(revision, body_errors)
{
	struct cdb_revision r;
	const char *no_down = "-- cdb revision\n-- revision: a1\n\n-- +cdb upgrade\nSELECT 1;\n";
	const char *swapped = "-- cdb revision\n-- revision: a1\n\n-- +cdb downgrade\n-- +cdb upgrade\n";
	const char *twice = "-- cdb revision\n-- revision: a1\n\n-- +cdb upgrade\n-- +cdb upgrade\n-- +cdb downgrade\n";

	cr_assert_eq(parse(&r, no_down), 0);
	cr_assert_eq(cdb_revision_parse_body(&r, &arena, no_down, strlen(no_down)), CDB_EINVALID);
	cr_assert(strstr(cdb_error_message(), "-- +cdb downgrade"));
	cr_assert_eq(cdb_revision_parse_body(&r, &arena, swapped, strlen(swapped)), CDB_EINVALID);
	cr_assert(strstr(cdb_error_message(), "x.sql:4:"), "%s", cdb_error_message());
	cr_assert_eq(cdb_revision_parse_body(&r, &arena, twice, strlen(twice)), CDB_EINVALID);
	cr_assert(strstr(cdb_error_message(), "x.sql:5:"), "%s", cdb_error_message());
}

static void git_hash_object(char out[41], const char *path)
{
	char *cmd = xasprintf("git hash-object '%s'", path);
	FILE *p = popen(cmd, "r");

	cr_assert_not_null(p);
	cr_assert_eq(fscanf(p, "%40s", out), 1);
	cr_assert_eq(pclose(p), 0);
	free(cmd);
}

Test(revision, checksum_matches_git_and_folds_crlf)
{
	char *path = cdb_path_join(tmpdir, "r.sql");
	char want[41], got[41], crlf_sum[41];
	struct cdb_buf crlf = CDB_BUF_INIT;

	cr_assert_eq(cdb_path_write_atomic(path, sample, strlen(sample), false), 0);
	git_hash_object(want, path);
	cdb_revision_checksum(got, sample, strlen(sample));
	cr_assert_str_eq(got, want);
	for (const char *c = sample; *c; c++) {
		if (*c == '\n')
			cdb_buf_putc(&crlf, '\r');
		cdb_buf_putc(&crlf, *c);
	}
	cdb_revision_checksum(crlf_sum, crlf.ptr, crlf.len);
	cr_assert_str_eq(crlf_sum, want);
	cdb_buf_release(&crlf);
	free(path);
}

Test(revision, load_header_then_body)
{
	char *path = cdb_path_join(tmpdir, "r.sql");
	struct cdb_revision r;
	struct cdb_buf big = CDB_BUF_INIT;

	/* a body far larger than the first read must not matter */
	cdb_buf_puts(&big, sample);
	for (int i = 0; i < 2000; i++)
		cdb_buf_puts(&big, "-- padding padding padding padding\n");
	cr_assert_eq(cdb_path_write_atomic(path, big.ptr, big.len, false), 0);
	cr_assert_eq(cdb_revision_load_header(&r, &arena, path), 0, "%s", cdb_error_message());
	cr_assert_str_eq(r.id, "1f8e2c3a9b7d");
	cr_assert_not(r.body_loaded);
	cr_assert_eq(cdb_revision_load_body(&r, &arena), 0, "%s", cdb_error_message());
	cr_assert(r.body_loaded);
	cr_assert_eq(r.downgrade_line, 15);
	cr_assert(strstr(r.downgrade_sql, "padding"));
	cdb_buf_release(&big);
	free(path);
}

Test(revision, check_id)
{
	cr_assert_eq(cdb_revision_check_id("abc123"), 0);
	cr_assert_eq(cdb_revision_check_id("release_2"), 0);
	cr_assert_eq(cdb_revision_check_id(""), CDB_EUSAGE);
	cr_assert_eq(cdb_revision_check_id("a@b"), CDB_EUSAGE);
	cr_assert(strstr(cdb_error_message(), "'@'"));
	cr_assert_eq(cdb_revision_check_id("a-b"), CDB_EUSAGE);
	cr_assert_eq(cdb_revision_check_id("a+b"), CDB_EUSAGE);
	cr_assert_eq(cdb_revision_check_id("a:b"), CDB_EUSAGE);
	cr_assert_eq(cdb_revision_check_id("a,b"), CDB_EUSAGE);
	cr_assert_eq(cdb_revision_check_id("a b"), CDB_EUSAGE);
	cr_assert_eq(cdb_revision_check_id("a\tb"), CDB_EUSAGE);
	cr_assert_eq(cdb_revision_check_id("0123456789abcdef0123456789abcdef"), 0);
	cr_assert_eq(cdb_revision_check_id("0123456789abcdef0123456789abcdef0"), CDB_EUSAGE);
}

Test(revision, new_ids_are_random_hex)
{
	char a[13], b[13];

	cr_assert_eq(cdb_revision_new_id(a), 0);
	cr_assert_eq(cdb_revision_new_id(b), 0);
	cr_assert_eq(strlen(a), 12);
	cr_assert_eq(strspn(a, "0123456789abcdef"), 12);
	cr_assert_str_neq(a, b);
}

static void slug_is(const char *msg, int max, const char *want)
{
	struct cdb_buf b = CDB_BUF_INIT;

	cdb_revision_slug(&b, msg, max);
	cr_assert_str_eq(b.ptr, want, "slug of '%s': '%s'", msg, b.ptr);
	cdb_buf_release(&b);
}

Test(revision, slug)
{
	slug_is("Add Movies", 40, "add_movies");
	slug_is("  add -- the   users' table!! ", 40, "add_the_users_table");
	slug_is("héllo wörld", 40, "h_llo_w_rld");
	slug_is("abcdefgh ijkl", 9, "abcdefgh");
	slug_is("!!!", 40, "");
	slug_is("a very long message", 0, "a_very_long_message");
}

Test(revision, file_names)
{
	struct cdb_buf b = CDB_BUF_INIT;
	time_t t = 1795560011; /* 2026-11-24T22:40:11Z */

	cr_assert_eq(cdb_revision_file_name(&b, "%(rev)s_%(slug)s", "1f8e", "Add movies", 40, t), 0);
	cr_assert_str_eq(b.ptr, "1f8e_add_movies.sql");
	cdb_buf_reset(&b);
	cr_assert_eq(cdb_revision_file_name(&b, "%(year)d_%(month).2d_%(day).2d_%(hour).2d%(minute).2d%(second).2d_%(rev)s",
	                                    "1f8e", "x", 40, t), 0, "%s", cdb_error_message());
	cr_assert_str_eq(b.ptr, "2026_11_24_224011_1f8e.sql");
	cdb_buf_reset(&b);
	cr_assert_eq(cdb_revision_file_name(&b, "%(epoch)s-%(rev)s", "r", "", 40, t), 0);
	cr_assert_str_eq(b.ptr, "1795560011-r.sql");
	cdb_buf_reset(&b);
	/* no slug: no dangling separator */
	cr_assert_eq(cdb_revision_file_name(&b, "%(rev)s_%(slug)s", "1f8e", "", 40, t), 0);
	cr_assert_str_eq(b.ptr, "1f8e.sql");
	cdb_buf_reset(&b);
	cr_assert_eq(cdb_revision_file_name(&b, "%(nope)s", "r", "", 40, t), CDB_EINVALID);
	cr_assert(strstr(cdb_error_message(), "nope"));
	cr_assert_eq(cdb_revision_file_name(&b, "a/%(rev)s", "r", "", 40, t), CDB_EINVALID);
	cdb_buf_release(&b);
}

static void project(struct cdb_config *cfg)
{
	char *versions;

	cdb_config_defaults(cfg, tmpdir);
	versions = cdb_path_join(tmpdir, "migrations/versions");
	cr_assert_eq(cdb_path_mkdirs(versions), 0);
	free(versions);
}

Test(revision, write_renders_and_parses_back)
{
	struct cdb_config cfg;
	const char *down[] = { "aaaa", "bbbb" }, *labels[] = { "feature" }, *deps[] = { "cccc" };
	struct cdb_revision_spec spec = {
		.id = "1234abcd", .down = down, .ndown = 2, .message = "Merge\nthe heads",
		.labels = labels, .nlabels = 1, .depends = deps, .ndepends = 1,
		.author = "Ann <ann@example.com>", .upgrade_sql = "SELECT 1;", .downgrade_sql = "SELECT 2;",
		.no_transaction = true, .created = 1795560011,
	};
	char *path = NULL, id[CDB_REV_ID_MAX + 1];
	struct cdb_revision r;
	struct cdb_buf text = CDB_BUF_INIT;

	project(&cfg);
	cr_assert_eq(cdb_revision_write(&path, &cfg, &spec, id), 0, "%s", cdb_error_message());
	cr_assert_str_eq(id, "1234abcd");
	cr_assert_str_eq(cdb_path_basename(path), "1234abcd_merge_the_heads.sql");
	cr_assert_eq(cdb_revision_load_header(&r, &arena, path), 0, "%s", cdb_error_message());
	cr_assert_str_eq(r.id, "1234abcd");
	cr_assert_eq(r.ndown, 2);
	cr_assert_str_eq(r.down[1], "bbbb");
	cr_assert_str_eq(r.message, "Merge the heads");
	cr_assert_str_eq(r.created, "2026-11-24T22:40:11Z");
	cr_assert_str_eq(r.author, "Ann <ann@example.com>");
	cr_assert_str_eq(r.labels[0], "feature");
	cr_assert_str_eq(r.depends[0], "cccc");
	cr_assert(r.no_transaction);
	cr_assert_eq(cdb_revision_load_body(&r, &arena), 0, "%s", cdb_error_message());
	cr_assert(strstr(r.upgrade_sql, "SELECT 1;"));
	cr_assert(strstr(r.downgrade_sql, "SELECT 2;"));
	cr_assert_eq(cdb_path_read(&text, path), 0);
	cr_assert(strncmp(text.ptr, "-- cdb revision\n", 16) == 0);

	/* the same name again is refused, the first file untouched */
	{
		char *again = NULL;

		cr_assert_eq(cdb_revision_write(&again, &cfg, &spec, NULL), CDB_EEXISTS);
		cr_assert_null(again);
	}
	cdb_buf_release(&text);
	free(path);
	cdb_config_release(&cfg);
}

Test(revision, write_random_id_and_project_template)
{
	struct cdb_config cfg;
	struct cdb_revision_spec spec = { .message = "first" };
	char *path = NULL, id[CDB_REV_ID_MAX + 1];
	struct cdb_revision r;
	const char *tmpl = "-- cdb revision\n-- revision: ${revision}\n-- down_revision: ${down_revision}\n"
	                   "-- message: ${message}\n-- created: ${create_date}\n-- author: ${author}\n"
	                   "${extra_headers}\n-- +cdb upgrade\n-- custom template\n${upgrades}\n"
	                   "-- +cdb downgrade\n${downgrades}\n";
	struct cdb_buf text = CDB_BUF_INIT;

	project(&cfg);
	cr_assert_eq(cdb_path_write_atomic(cfg.template_file, tmpl, strlen(tmpl), false), 0);
	cr_assert_eq(cdb_revision_write(&path, &cfg, &spec, id), 0, "%s", cdb_error_message());
	cr_assert_eq(strlen(id), 12);
	cr_assert_eq(cdb_revision_load_header(&r, &arena, path), 0);
	cr_assert_str_eq(r.id, id);
	cr_assert_eq(r.ndown, 0);
	cr_assert_not_null(r.author);
	cr_assert_eq(cdb_path_read(&text, path), 0);
	cr_assert(strstr(text.ptr, "-- custom template"));
	/* an empty value leaves no trailing blank */
	cr_assert(strstr(text.ptr, "\n-- down_revision:\n"), "%s", text.ptr);
	cdb_buf_release(&text);
	free(path);
	cdb_config_release(&cfg);
}

Test(revision, write_bad_id_and_missing_versions_dir)
{
	struct cdb_config cfg;
	struct cdb_revision_spec spec = { .id = "bad@id", .message = "x" };
	char *path = NULL;

	project(&cfg);
	cr_assert_eq(cdb_revision_write(&path, &cfg, &spec, NULL), CDB_EUSAGE);
	cdb_config_release(&cfg);

	cdb_config_defaults(&cfg, "/nonexistent-cdb-dir");
	spec.id = NULL;
	cr_assert_eq(cdb_revision_write(&path, &cfg, &spec, NULL), CDB_ENOTFOUND);
	cr_assert(strstr(cdb_error_hint_at(0), "cdb init"));
	cdb_config_release(&cfg);
}

Test(revision, write_into_readonly_dir_leaves_nothing)
{
	struct cdb_config cfg;
	struct cdb_revision_spec spec = { .id = "ro01", .message = "x" };
	char *path = NULL, *cmd;
	int ret;

	project(&cfg);
	cr_assert_eq(chmod(cfg.versions_dir, 0555), 0);
	cr_assert_eq(chmod(tmpdir, 0755), 0);
	/* root ignores permissions: act as nobody, keeping the saved uid */
	if (geteuid() == 0)
		cr_assert_eq(seteuid(65534), 0);
	ret = cdb_revision_write(&path, &cfg, &spec, NULL);
	if (getuid() == 0)
		cr_assert_eq(seteuid(0), 0);
	cr_assert_eq(ret, CDB_ERROR, "%s", cdb_error_message());
	cr_assert(strstr(cdb_error_message(), cfg.versions_dir), "%s", cdb_error_message());
	cmd = xasprintf("test -z \"$(ls -A '%s')\"", cfg.versions_dir);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
	cdb_config_release(&cfg);
}
