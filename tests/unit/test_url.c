/* test_url.c - database URL parsing and password masking */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "cdb/config.h"
#include "cdb/error.h"

static void check_mask(const char *url, const char *want)
{
	char *got = cdb_url_mask(url);

	cr_assert_str_eq(got, want);
	free(got);
}

Test(url, sqlite_relative_absolute_memory)
{
	struct cdb_url u;

	cr_assert_eq(cdb_url_parse(&u, "sqlite:///app.db", "/proj"), 0);
	cr_assert_eq(u.kind, CDB_URL_SQLITE);
	cr_assert_str_eq(u.path, "/proj/app.db");
	cdb_url_release(&u);

	cr_assert_eq(cdb_url_parse(&u, "sqlite:///data/../x.db", "/proj"), 0);
	cr_assert_str_eq(u.path, "/proj/x.db");
	cdb_url_release(&u);

	cr_assert_eq(cdb_url_parse(&u, "sqlite:////var/lib/app.db", "/proj"), 0);
	cr_assert_str_eq(u.path, "/var/lib/app.db");
	cdb_url_release(&u);

	cr_assert_eq(cdb_url_parse(&u, "sqlite://", NULL), 0);
	cr_assert_null(u.path);
	cdb_url_release(&u);

	cr_assert_eq(cdb_url_parse(&u, "sqlite:///:memory:", NULL), 0);
	cr_assert_null(u.path);
	cdb_url_release(&u);

	cr_assert_eq(cdb_url_parse(&u, "sqlite+pysqlite:///a%20b.db?mode=ro", "/p"), 0);
	cr_assert_str_eq(u.path, "/p/a b.db");
	cr_assert_eq(u.nparams, 1);
	cr_assert_str_eq(u.param_keys[0], "mode");
	cr_assert_str_eq(u.param_values[0], "ro");
	cdb_url_release(&u);
}

Test(url, sqlite_two_slashes_is_an_error)
{
	struct cdb_url u;

	cr_assert_eq(cdb_url_parse(&u, "sqlite://app.db", NULL), CDB_EINVALID);
	cr_assert(strstr(cdb_error_message(), "sqlite://app.db"));
}

Test(url, postgres_full)
{
	struct cdb_url u;

	cr_assert_eq(cdb_url_parse(&u, "postgresql://bob:s%40cret@db.example:5433/app?sslmode=require&application_name=cdb", NULL), 0);
	cr_assert_eq(u.kind, CDB_URL_POSTGRES);
	cr_assert_str_eq(u.user, "bob");
	cr_assert_str_eq(u.password, "s@cret");
	cr_assert_str_eq(u.host, "db.example");
	cr_assert_str_eq(u.port, "5433");
	cr_assert_str_eq(u.dbname, "app");
	cr_assert_eq(u.nparams, 2);
	cr_assert_str_eq(u.param_keys[0], "sslmode");
	cr_assert_str_eq(u.param_values[0], "require");
	cr_assert_str_eq(u.param_keys[1], "application_name");
	cdb_url_release(&u);
}

Test(url, postgres_variants)
{
	struct cdb_url u;

	cr_assert_eq(cdb_url_parse(&u, "postgres://localhost/db", NULL), 0);
	cr_assert_eq(u.kind, CDB_URL_POSTGRES);
	cr_assert_null(u.user);
	cr_assert_null(u.password);
	cr_assert_str_eq(u.host, "localhost");
	cr_assert_null(u.port);
	cr_assert_str_eq(u.dbname, "db");
	cdb_url_release(&u);

	cr_assert_eq(cdb_url_parse(&u, "postgresql+psycopg2://u@/db?host=/var/run/postgresql", NULL), 0);
	cr_assert_str_eq(u.user, "u");
	cr_assert_null(u.host);
	cr_assert_str_eq(u.dbname, "db");
	cr_assert_str_eq(u.param_values[0], "/var/run/postgresql");
	cdb_url_release(&u);

	cr_assert_eq(cdb_url_parse(&u, "postgresql://[::1]:5432/x", NULL), 0);
	cr_assert_str_eq(u.host, "::1");
	cr_assert_str_eq(u.port, "5432");
	cdb_url_release(&u);

	cr_assert_eq(cdb_url_parse(&u, "postgresql://", NULL), 0);
	cr_assert_null(u.host);
	cr_assert_null(u.dbname);
	cdb_url_release(&u);
}

Test(url, bad_port)
{
	struct cdb_url u;

	cr_assert_eq(cdb_url_parse(&u, "postgresql://u:pw@h:54x/db", NULL), CDB_EINVALID);
	cr_assert(strstr(cdb_error_message(), "54x"));
	/* the password never shows */
	cr_assert_null(strstr(cdb_error_message(), "pw"));
}

Test(url, unknown_scheme_names_it_and_lists_accepted)
{
	struct cdb_url u;

	cr_assert_eq(cdb_url_parse(&u, "mysql://root:hunter2@h/db", NULL), CDB_EINVALID);
	cr_assert(strstr(cdb_error_message(), "'mysql'"), "%s", cdb_error_message());
	cr_assert_null(strstr(cdb_error_message(), "hunter2"));
	cr_assert_eq(cdb_error_nhints(), 1);
	cr_assert(strstr(cdb_error_hint_at(0), "postgresql"));
	cr_assert(strstr(cdb_error_hint_at(0), "sqlite"));

	cr_assert_eq(cdb_url_parse(&u, "app.db", NULL), CDB_EINVALID);
	cr_assert(strstr(cdb_error_message(), "app.db"));
}

Test(url, mask)
{
	check_mask("postgresql://user:pass@host/db", "postgresql://user:***@host/db");
	check_mask("postgresql://user@host/db", "postgresql://user@host/db");
	check_mask("postgresql://u:p@ss@host:5/db?x=@", "postgresql://u:***@host:5/db?x=@");
	check_mask("sqlite:///app.db", "sqlite:///app.db");
	check_mask("not a url", "not a url");
	/* libpq takes the password as a query parameter too */
	check_mask("postgresql://u@host/db?sslmode=require&password=s3cret&x=1",
	           "postgresql://u@host/db?sslmode=require&password=***&x=1");
	check_mask("postgres://u:a@host/db?PASSWORD=b#frag", "postgres://u:***@host/db?PASSWORD=***#frag");
	check_mask("postgresql:///db?passwordx=1&password=", "postgresql:///db?passwordx=1&password=***");
}
