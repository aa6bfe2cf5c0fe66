/*
 * test_pg_db.c - the PostgreSQL dialect against a real server:
 * connections, scripts and their error lines, transactions and the
 * migration lock, quoting, the shadow database, introspection
 */
#include <signal.h>
#include <sys/wait.h>
#include <time.h>

#include "pgtest.h"

static int sql_lines;

/* Shadow databases of process `pid` (their names carry it; tests run in parallel). */
static int count_shadows(pid_t pid)
{
	char *prefix = xasprintf("cdb_shadow_%ld_", (long)pid);
	int n = pgtest_count_dbs(prefix);

	free(prefix);
	return n;
}

static void count_sql(enum cdb_log_level level, const char *msg, void *ctx)
{
	(void)msg;
	(void)ctx;
	if (level == CDB_LOG_SQL)
		sql_lines++;
}

Test(pg_connect, refused_is_one_line_without_password)
{
	struct cdb_config cfg;
	struct cdb_db *db = NULL;
	const char *msg;
	int rc;

	pgtest_admin_url();
	pgtest_config(&cfg);
	rc = cdb_db_open(&db, "postgresql://alice:s3cret@127.0.0.1:1/app?connect_timeout=5", &cfg);
	cr_assert_eq(rc, CDB_EDB);
	cr_assert_null(db);
	msg = cdb_error_message();
	cr_assert(strncmp(msg, "cannot connect to PostgreSQL at 127.0.0.1:1 as alice: ", 54) == 0, "got: %s", msg);
	cr_assert_null(strchr(msg, '\n'), "not one line: %s", msg);
	cr_assert_null(strstr(msg, "s3cret"));
	for (int i = 0; i < cdb_error_nhints(); i++)
		cr_assert_null(strstr(cdb_error_hint_at(i), "s3cret"));
}

Test(pg_connect, application_name_and_params_pass_through)
{
	struct cdb_config cfg;
	char *url = pgtest_create_db("conn");
	char *with = xasprintf("%s?application_name=cdbcheck&connect_timeout=7", url);
	struct cdb_db *db;
	char *v;

	pgtest_config(&cfg);
	db = pgtest_open(url, &cfg);
	v = pgtest_value(db, "SELECT current_setting('application_name')");
	cr_assert_str_eq(v, "cdb");
	free(v);
	cdb_db_close(db);
	db = pgtest_open(with, &cfg);
	v = pgtest_value(db, "SELECT current_setting('application_name')");
	cr_assert_str_eq(v, "cdbcheck");
	free(v);
	cdb_db_close(db);
	free(with);
	free(url);
}

Test(pg_quote, identifiers_and_literals)
{
	struct cdb_buf b = CDB_BUF_INIT;

	cdb_postgres_dialect.quote_ident(&b, "Event \"Venues\"");
	cr_assert_str_eq(b.ptr, "\"Event \"\"Venues\"\"\"");
	cdb_buf_reset(&b);
	cdb_postgres_dialect.quote_literal(&b, "it's a\\b");
	cr_assert_str_eq(b.ptr, "'it''s a\\b'");
	cdb_buf_release(&b);
}

Test(pg_exec, failing_statement_line_from_error_position)
{
	struct cdb_config cfg;
	char *url = pgtest_create_db("exec");
	struct cdb_db *db;
	struct cdb_exec_error err = {0};
	int rc;

	pgtest_config(&cfg);
	db = pgtest_open(url, &cfg);
	rc = db->vt->exec(db,
	                  "CREATE TABLE a (id int);\n"
	                  "\n"
	                  "-- a comment; with a semicolon\n"
	                  "CREATE TABLE b (\n"
	                  "    id int,\n"
	                  "    x nosuchtype\n"
	                  ");\n",
	                  &err);
	cr_assert_eq(rc, CDB_EDB);
	cr_assert_eq(err.line, 6, "line %d", err.line);
	cr_assert(strncmp(err.statement, "CREATE TABLE b (", 16) == 0, "statement: %s", err.statement);
	cr_assert(strstr(cdb_error_message(), "nosuchtype"), "%s", cdb_error_message());
	free(err.statement);

	/* no position from the server: the failing statement's first line */
	memset(&err, 0, sizeof err);
	rc = db->vt->exec(db, "SELECT 1;\nSELECT 2;\n\nSELECT 1 / 0;\n", &err);
	cr_assert_eq(rc, CDB_EDB);
	cr_assert_eq(err.line, 4, "line %d", err.line);
	free(err.statement);
	cdb_db_close(db);
	free(url);
}

Test(pg_exec, splits_scripts_with_bodies_and_quotes)
{
	struct cdb_config cfg;
	char *url = pgtest_create_db("split");
	struct cdb_db *db;
	char *v;

	pgtest_config(&cfg);
	db = pgtest_open(url, &cfg);
	pgtest_exec(db,
	            "CREATE TABLE t (id int, note text DEFAULT 'a;b', \"x;y\" int);\n"
	            "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $body$\n"
	            "BEGIN\n  NEW.note := 'x;'; RETURN NEW;\nEND;\n$body$;\n"
	            "CREATE FUNCTION g(a int) RETURNS int LANGUAGE sql\n"
	            "BEGIN ATOMIC\n  SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END;\nEND;\n"
	            "/* block; comment /* nested; */ */\n"
	            "INSERT INTO t VALUES (1, E'it\\'s;', 2);\n");
	v = pgtest_value(db, "SELECT note FROM t");
	cr_assert_str_eq(v, "it's;");
	free(v);
	v = pgtest_value(db, "SELECT g(5)");
	cr_assert_str_eq(v, "1");
	free(v);
	cdb_db_close(db);
	free(url);
}

Test(pg_tx, rollback_undoes_the_whole_step)
{
	struct cdb_config cfg;
	char *url = pgtest_create_db("tx");
	struct cdb_db *db;
	char *v;

	pgtest_config(&cfg);
	db = pgtest_open(url, &cfg);
	cr_assert_eq(db->vt->begin(db), 0, "%s", cdb_error_message());
	pgtest_exec(db, "CREATE TABLE a (id int); CREATE TABLE b (id int);");
	cr_assert_eq(db->vt->rollback(db), 0);
	v = pgtest_value(db, "SELECT coalesce(to_regclass('a')::text, 'none')");
	cr_assert_str_eq(v, "none");
	free(v);
	cdb_db_close(db);
	free(url);
}

Test(pg_lock, transaction_lock_times_out_with_elocked)
{
	struct cdb_config cfg, quick;
	char *url = pgtest_create_db("lock");
	struct cdb_db *a, *b;
	time_t t0;
	int rc;

	pgtest_config(&cfg);
	pgtest_config(&quick);
	quick.lock_timeout = 1;
	a = pgtest_open(url, &cfg);
	b = pgtest_open(url, &quick);
	cr_assert_eq(a->vt->begin(a), 0, "%s", cdb_error_message());
	t0 = time(NULL);
	rc = b->vt->begin(b);
	cr_assert_eq(rc, CDB_ELOCKED, "rc %d: %s", rc, cdb_error_message());
	cr_assert(time(NULL) - t0 < 10);
	cr_assert(strstr(cdb_error_message(), "migration lock"), "%s", cdb_error_message());
	cr_assert_eq(a->vt->commit(a), 0);
	cr_assert_eq(b->vt->begin(b), 0, "%s", cdb_error_message());
	cr_assert_eq(b->vt->commit(b), 0);

	/* the session lock (transaction: none) is the same lock */
	cr_assert_eq(a->vt->lock_session(a), 0, "%s", cdb_error_message());
	cr_assert_eq(b->vt->begin(b), CDB_ELOCKED);
	cr_assert_eq(b->vt->lock_session(b), CDB_ELOCKED);
	cr_assert_eq(a->vt->unlock_session(a), 0);
	cr_assert_eq(b->vt->lock_session(b), 0, "%s", cdb_error_message());
	cr_assert_eq(b->vt->unlock_session(b), 0);
	cdb_db_close(a);
	cdb_db_close(b);
	free(url);
}

static const char rich_schema[] =
	"CREATE SCHEMA billing;\n"
	"COMMENT ON SCHEMA billing IS 'money';\n"
	"CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');\n"
	"CREATE SEQUENCE ticket_seq START WITH 100 INCREMENT BY 5;\n"
	"CREATE TABLE users (\n"
	"    id serial PRIMARY KEY,\n"
	"    email varchar(120) NOT NULL UNIQUE,\n"
	"    name text COLLATE \"C\",\n"
	"    feeling mood DEFAULT 'ok',\n"
	"    tags text[],\n"
	"    lower_email text GENERATED ALWAYS AS (lower(email)) STORED,\n"
	"    CHECK (length(email) > 3)\n"
	");\n"
	"COMMENT ON TABLE users IS 'people';\n"
	"COMMENT ON COLUMN users.email IS 'login';\n"
	"CREATE TABLE billing.invoices (\n"
	"    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
	"    user_id int REFERENCES users (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,\n"
	"    number bigint DEFAULT nextval('ticket_seq'),\n"
	"    amount numeric(10,2)\n"
	");\n"
	"CREATE INDEX ix_users_lower ON users (lower(email)) WHERE name IS NOT NULL;\n"
	"CREATE UNIQUE INDEX ix_inv ON billing.invoices (user_id DESC NULLS LAST) INCLUDE (amount);\n"
	"CREATE VIEW happy_users AS SELECT id, email FROM users WHERE feeling = 'happy';\n"
	"CREATE MATERIALIZED VIEW billing.totals AS SELECT user_id, sum(amount) AS total\n"
	"    FROM billing.invoices GROUP BY user_id;\n"
	"CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\n"
	"CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();\n";

static void check_rich(const struct cdb_schema *s)
{
	const struct cdb_table *u = cdb_schema_table(s, "public", "users");
	const struct cdb_table *inv = cdb_schema_table(s, "billing", "invoices");
	const struct cdb_column *c;
	bool found_check = false, found_fk = false;

	cr_assert_not_null(u);
	cr_assert_not_null(inv);
	cr_assert_eq(u->ncolumns, 6);
	c = cdb_table_column(u, "id");
	cr_assert_str_eq(c->type, "integer");
	cr_assert_str_eq(c->serial_seq, "users_id_seq");
	cr_assert(c->notnull);
	c = cdb_table_column(u, "email");
	cr_assert_str_eq(c->type, "character varying(120)");
	cr_assert_str_eq(c->comment, "login");
	cr_assert_str_eq(cdb_table_column(u, "name")->collation, "\"C\"");
	cr_assert_str_eq(cdb_table_column(u, "feeling")->default_expr, "'ok'::mood");
	cr_assert_str_eq(cdb_table_column(u, "tags")->type, "text[]");
	cr_assert_str_eq(cdb_table_column(u, "lower_email")->generated, "lower((email)::text)");
	cr_assert_str_eq(u->comment, "people");
	cr_assert_eq(cdb_table_column(inv, "id")->identity, 'a');
	for (size_t i = 0; i < u->nconstraints; i++)
		if (u->constraints[i].kind == CDB_CON_CHECK) {
			cr_assert_str_eq(u->constraints[i].name, "users_email_check");
			found_check = true;
		}
	for (size_t i = 0; i < inv->nconstraints; i++)
		if (inv->constraints[i].kind == CDB_CON_FOREIGN) {
			const struct cdb_constraint *k = &inv->constraints[i];

			cr_assert_str_eq(k->name, "invoices_user_id_fkey");
			cr_assert_str_eq(k->ref_table, "users");
			cr_assert_str_eq(k->on_delete, "CASCADE");
			cr_assert(k->deferrable && k->initially_deferred);
			found_fk = true;
		}
	cr_assert(found_check && found_fk);
	/* constraint-backed indexes are not listed as indexes */
	cr_assert_eq(s->nindexes, 2, "%zu indexes", s->nindexes);
	cr_assert_not_null(cdb_schema_index(s, "public", "ix_users_lower"));
	cr_assert_str_eq(cdb_schema_index(s, "public", "ix_users_lower")->where, "name IS NOT NULL");
	cr_assert_str_eq(cdb_schema_index(s, "billing", "ix_inv")->keys[0], "user_id DESC NULLS LAST");
	cr_assert_eq(cdb_schema_index(s, "billing", "ix_inv")->ninclude, 1);
	cr_assert_eq(s->nviews, 2);
	cr_assert(cdb_schema_view(s, "billing", "totals")->materialized);
	cr_assert_eq(s->ntriggers, 1);
	cr_assert_eq(s->nenums, 1);
	cr_assert_eq(s->enums[0].nlabels, 3);
	cr_assert_str_eq(s->enums[0].labels[2], "happy");
	/* users_id_seq (serial), ticket_seq, and the identity's, marked as such */
	cr_assert_eq(s->nsequences, 3, "%zu sequences", s->nsequences);
	for (size_t i = 0; i < s->nsequences; i++) {
		const struct cdb_sequence *q = &s->sequences[i];

		if (strcmp(q->name, "invoices_id_seq") == 0)
			cr_assert(q->identity && q->owned_by && strcmp(q->owned_by, "invoices.id") == 0);
		else if (strcmp(q->name, "users_id_seq") == 0)
			cr_assert(!q->identity && q->owned_by && strcmp(q->owned_by, "users.id") == 0);
		else
			cr_assert(strcmp(q->name, "ticket_seq") == 0 && !q->owned_by && q->start == 100 && q->increment == 5);
	}
	cr_assert_eq(s->nfunctions, 1);
	cr_assert_eq(s->nnamespaces, 2);
}

Test(pg_introspect, reads_everything_in_a_constant_number_of_queries)
{
	struct cdb_config cfg;
	struct cdb_introspect_opts o = { .version_table = "cdb_version", .history_table = "cdb_history" };
	char *url = pgtest_create_db("intro");
	struct cdb_db *db;
	struct cdb_schema s;
	struct cdb_buf more = CDB_BUF_INIT;
	int few;

	pgtest_config(&cfg);
	db = pgtest_open(url, &cfg);
	pgtest_exec(db, rich_schema);
	{
		struct cdb_buf vt = CDB_BUF_INIT;

		db->vt->version_tables_sql(&vt, &cfg);
		pgtest_exec(db, vt.ptr);
		cdb_buf_release(&vt);
	}
	db->echo = true;
	cdb_log_set_handler(count_sql, NULL);
	cdb_schema_init(&s);
	sql_lines = 0;
	cr_assert_eq(db->vt->introspect(&s, db, &o), 0, "%s", cdb_error_message());
	few = sql_lines;
	check_rich(&s);
	cr_assert_null(cdb_schema_table(&s, "public", "cdb_version"));
	cr_assert_null(cdb_schema_table(&s, "public", "cdb_history"));
	cdb_schema_release(&s);

	db->echo = false;
	for (int i = 0; i < 60; i++)
		cdb_buf_printf(&more,
		               "CREATE TABLE t%d (id serial PRIMARY KEY, u int REFERENCES users (id), v text UNIQUE);\n"
		               "CREATE INDEX ix_t%d ON t%d (v);\n"
		               "ALTER TABLE t%d ENABLE ROW LEVEL SECURITY;\n"
		               "CREATE POLICY p ON t%d USING (v <> '');\n",
		               i, i, i, i, i);
	pgtest_exec(db, more.ptr);
	db->echo = true;
	cdb_schema_init(&s);
	sql_lines = 0;
	cr_assert_eq(db->vt->introspect(&s, db, &o), 0, "%s", cdb_error_message());
	cr_assert_eq(sql_lines, few, "%d queries for 62 tables, %d for 2", sql_lines, few);
	cr_assert_eq(s.ntables, 62);
	cdb_schema_release(&s);
	cdb_log_set_handler(NULL, NULL);

	/* exclude globs and the schema list */
	o.exclude = "t1*,billing.*";
	cdb_schema_init(&s);
	cr_assert_eq(db->vt->introspect(&s, db, &o), 0, "%s", cdb_error_message());
	cr_assert_null(cdb_schema_table(&s, "public", "t12"));
	cr_assert_null(cdb_schema_table(&s, "billing", "invoices"));
	cr_assert_not_null(cdb_schema_table(&s, "public", "t2"));
	cr_assert_null(cdb_schema_index(&s, "public", "ix_t12"));
	cdb_schema_release(&s);
	o.exclude = NULL;
	o.schemas = "billing";
	cdb_schema_init(&s);
	cr_assert_eq(db->vt->introspect(&s, db, &o), 0, "%s", cdb_error_message());
	cr_assert_eq(s.ntables, 1);
	cdb_schema_release(&s);

	cdb_buf_release(&more);
	cdb_db_close(db);
	free(url);
}

/*
 * Row-level security, policies, UNLOGGED and storage parameters (the TOAST
 * table's as "toast.*"); the policies of an excluded table go with it.
 */
Test(pg_introspect, reads_row_level_security_and_table_options)
{
	struct cdb_config cfg;
	struct cdb_introspect_opts o = { .version_table = "cdb_version", .history_table = "cdb_history" };
	char *url = pgtest_create_db("rls");
	struct cdb_db *db;
	struct cdb_schema s;
	const struct cdb_table *t;
	const struct cdb_policy *p;
	char *me;

	pgtest_config(&cfg);
	db = pgtest_open(url, &cfg);
	pgtest_exec(db,
	            "CREATE UNLOGGED TABLE docs (id int PRIMARY KEY, owner text, body text)\n"
	            "    WITH (fillfactor = 70, toast.autovacuum_enabled = false);\n"
	            "ALTER TABLE docs ENABLE ROW LEVEL SECURITY;\n"
	            "ALTER TABLE docs FORCE ROW LEVEL SECURITY;\n"
	            "CREATE POLICY \"a read\" ON docs FOR SELECT USING (owner = current_user);\n"
	            "CREATE POLICY b_write ON docs AS RESTRICTIVE FOR UPDATE TO CURRENT_USER\n"
	            "    USING (true) WITH CHECK (body <> '');\n"
	            "CREATE TABLE plain (id int);\n"
	            "CREATE TABLE skipped (id int);\n"
	            "ALTER TABLE skipped ENABLE ROW LEVEL SECURITY;\n"
	            "CREATE POLICY s ON skipped USING (id > 0);\n");
	cdb_schema_init(&s);
	cr_assert_eq(db->vt->introspect(&s, db, &o), 0, "%s", cdb_error_message());
	t = cdb_schema_table(&s, "public", "docs");
	cr_assert_not_null(t);
	cr_assert(t->rls && t->rls_forced && t->unlogged);
	cr_assert_eq(t->noptions, 2);
	cr_assert_str_eq(t->options[0], "fillfactor=70");
	cr_assert_str_eq(t->options[1], "toast.autovacuum_enabled=false");
	cr_assert_eq(t->npolicies, 2);
	p = &t->policies[0];
	cr_assert_str_eq(p->name, "a read");
	cr_assert(p->permissive);
	cr_assert_str_eq(p->command, "SELECT");
	cr_assert_eq(p->nroles, 1);
	cr_assert_str_eq(p->roles[0], "PUBLIC");
	cr_assert_not_null(p->using_expr);
	cr_assert_null(p->check_expr);
	p = &t->policies[1];
	cr_assert_str_eq(p->name, "b_write");
	cr_assert(!p->permissive);
	cr_assert_str_eq(p->command, "UPDATE");
	cr_assert_eq(p->nroles, 1);
	me = pgtest_value(db, "SELECT current_user");
	cr_assert_str_eq(p->roles[0], me);
	free(me);
	cr_assert_str_eq(p->using_expr, "true");
	cr_assert_str_eq(p->check_expr, "body <> ''::text");
	t = cdb_schema_table(&s, "public", "plain");
	cr_assert_not_null(t);
	cr_assert(!t->rls && !t->rls_forced && !t->unlogged && t->noptions == 0 && t->npolicies == 0);
	cr_assert_not_null(cdb_schema_table(&s, "public", "skipped"));
	cdb_schema_release(&s);

	o.exclude = "skip*";
	cdb_schema_init(&s);
	cr_assert_eq(db->vt->introspect(&s, db, &o), 0, "%s", cdb_error_message());
	cr_assert_null(cdb_schema_table(&s, "public", "skipped"));
	cr_assert_eq(cdb_schema_table(&s, "public", "docs")->npolicies, 2);
	cdb_schema_release(&s);
	cdb_db_close(db);
	free(url);
}

/*
 * Partitions are tables with a parent and a bound; of a partition only what
 * is its own is read, never what PostgreSQL copied from the parent, and a
 * partition of an excluded table goes with it, at every level.
 */
Test(pg_introspect, partitions_carry_only_what_is_their_own)
{
	static const char schema[] =
		"CREATE TABLE customers (id int PRIMARY KEY);\n"
		"CREATE TABLE orders (id int NOT NULL, region text NOT NULL, day date NOT NULL,\n"
		"    customer_id int REFERENCES customers (id), total int CHECK (total > -5),\n"
		"    PRIMARY KEY (id, region, day)) PARTITION BY LIST (region);\n"
		"CREATE INDEX orders_customer_idx ON orders (customer_id);\n"
		"CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\n"
		"CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();\n"
		"CREATE TABLE orders_eu PARTITION OF orders (CONSTRAINT eu_total CHECK (total >= 0))\n"
		"    FOR VALUES IN ('de', 'fr') PARTITION BY RANGE (day);\n"
		"CREATE TABLE orders_eu_2024 PARTITION OF orders_eu FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');\n"
		"CREATE TABLE orders_rest (LIKE orders INCLUDING CONSTRAINTS);\n"
		"ALTER TABLE orders ATTACH PARTITION orders_rest DEFAULT;\n"
		"CREATE INDEX orders_rest_total_idx ON orders_rest (total);\n"
		"CREATE TABLE refunds (id int PRIMARY KEY, order_id int, region text, day date,\n"
		"    FOREIGN KEY (order_id, region, day) REFERENCES orders (id, region, day));\n";
	struct cdb_config cfg;
	struct cdb_introspect_opts o = { .version_table = "cdb_version", .history_table = "cdb_history" };
	char *url = pgtest_create_db("part");
	struct cdb_db *db;
	struct cdb_schema s;
	const struct cdb_table *t;

	pgtest_config(&cfg);
	db = pgtest_open(url, &cfg);
	pgtest_exec(db, schema);
	cdb_schema_init(&s);
	cr_assert_eq(db->vt->introspect(&s, db, &o), 0, "%s", cdb_error_message());
	cr_assert_eq(s.ntables, 6, "%zu tables", s.ntables);

	t = cdb_schema_table(&s, "public", "orders");
	cr_assert_str_eq(t->partition_key, "LIST (region)");
	cr_assert_null(t->parent);
	cr_assert_eq(t->ncolumns, 5);
	cr_assert_eq(t->nconstraints, 3, "%zu constraints on orders", t->nconstraints);

	t = cdb_schema_table(&s, "public", "orders_eu");
	cr_assert_str_eq(t->parent_schema, "public");
	cr_assert_str_eq(t->parent, "orders");
	cr_assert_str_eq(t->bound, "FOR VALUES IN ('de', 'fr')");
	cr_assert_str_eq(t->partition_key, "RANGE (day)");
	cr_assert_eq(t->ncolumns, 0, "inherited columns read: %zu", t->ncolumns);
	cr_assert_eq(t->nconstraints, 1, "%zu constraints on orders_eu", t->nconstraints);
	cr_assert_str_eq(t->constraints[0].name, "eu_total");

	t = cdb_schema_table(&s, "public", "orders_eu_2024");
	cr_assert_str_eq(t->parent, "orders_eu");
	cr_assert_str_eq(t->bound, "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
	cr_assert_null(t->partition_key);
	cr_assert_eq(t->nconstraints, 0);

	/* attached, not created as a partition: its columns and constraints are the parent's now */
	t = cdb_schema_table(&s, "public", "orders_rest");
	cr_assert_str_eq(t->bound, "DEFAULT");
	cr_assert_eq(t->ncolumns, 0, "columns of an attached partition read: %zu", t->ncolumns);
	cr_assert_eq(t->nconstraints, 0, "%zu constraints on orders_rest", t->nconstraints);

	/* one foreign key to the partitioned table, not one per partition */
	t = cdb_schema_table(&s, "public", "refunds");
	cr_assert_eq(t->nconstraints, 2, "%zu constraints on refunds", t->nconstraints);

	/* the parent's index prints without ONLY; the partitions' copies of it are not read */
	cr_assert_eq(s.nindexes, 2, "%zu indexes", s.nindexes);
	cr_assert_str_eq(cdb_schema_index(&s, "public", "orders_customer_idx")->definition,
	                 "CREATE INDEX orders_customer_idx ON public.orders USING btree (customer_id)");
	cr_assert_not_null(cdb_schema_index(&s, "public", "orders_rest_total_idx"));
	cr_assert_eq(s.ntriggers, 1, "%zu triggers", s.ntriggers);
	cdb_schema_release(&s);

	o.exclude = "orders";
	cdb_schema_init(&s);
	cr_assert_eq(db->vt->introspect(&s, db, &o), 0, "%s", cdb_error_message());
	cr_assert_eq(s.ntables, 2, "%zu tables with orders excluded", s.ntables);
	cr_assert_null(cdb_schema_table(&s, "public", "orders_eu_2024"));
	cdb_schema_release(&s);

	cdb_db_close(db);
	free(url);
}

/*
 * Introspection fixes search_path and turns JIT off for its own queries;
 * the session's settings are as they were afterwards, in a transaction of
 * the caller's and outside one.
 */
Test(pg_introspect, session_settings_are_put_back)
{
	struct cdb_config cfg;
	struct cdb_introspect_opts o = { .version_table = "cdb_version", .history_table = "cdb_history" };
	char *url = pgtest_create_db("settings");
	struct cdb_db *db;
	struct cdb_schema s;
	char *v;

	pgtest_config(&cfg);
	db = pgtest_open(url, &cfg);
	pgtest_exec(db, "CREATE SCHEMA app; CREATE TABLE app.t (id int DEFAULT 1);"
	                "SET search_path = app, public; SET jit = on; SET jit_above_cost = 0;");
	for (int in_tx = 0; in_tx < 2; in_tx++) {
		if (in_tx)
			pgtest_exec(db, "BEGIN; SET LOCAL jit = off; SET LOCAL search_path = public, app");
		cdb_schema_init(&s);
		cr_assert_eq(db->vt->introspect(&s, db, &o), 0, "%s", cdb_error_message());
		cr_assert_not_null(cdb_schema_table(&s, "app", "t"));
		cdb_schema_release(&s);
		v = pgtest_value(db, "SELECT current_setting('search_path') || ' ' || current_setting('jit')");
		cr_assert_str_eq(v, in_tx ? "public, app off" : "app, public on");
		free(v);
	}
	pgtest_exec(db, "ROLLBACK");
	v = pgtest_value(db, "SELECT current_setting('search_path') || ' ' || current_setting('jit')");
	cr_assert_str_eq(v, "app, public on");
	free(v);
	cdb_db_close(db);
	free(url);
}

Test(pg_shadow, models_load_into_a_temporary_database_that_is_dropped)
{
	struct cdb_config cfg;
	struct cdb_introspect_opts o = { .version_table = "cdb_version", .history_table = "cdb_history" };
	char *url = pgtest_create_db("shadow");
	char *file = pgtest_write_file(rich_schema);
	const char *files[1] = { file };
	struct cdb_db *db;
	struct cdb_schema s;
	int before = count_shadows(getpid());

	pgtest_config(&cfg);
	db = pgtest_open(url, &cfg);
	cdb_schema_init(&s);
	cr_assert_eq(db->vt->load_models(&s, db, &cfg, files, 1, &o), 0, "%s", cdb_error_message());
	check_rich(&s);
	cdb_schema_release(&s);
	cr_assert_eq(count_shadows(getpid()), before);
	/* the target itself was not touched */
	{
		char *v = pgtest_value(db, "SELECT count(*) FROM pg_class WHERE relname = 'users'");

		cr_assert_str_eq(v, "0");
		free(v);
	}
	cdb_db_close(db);
	unlink(file);
	free(file);
	free(url);
}

Test(pg_shadow, failing_model_names_file_and_line_and_drops_the_database)
{
	struct cdb_config cfg;
	struct cdb_introspect_opts o = {0};
	char *url = pgtest_create_db("badmodel");
	char *file = pgtest_write_file("CREATE TABLE a (id int);\n\nCREATE TABLE b (\n  id int REFERENCES nothere (id)\n);\n");
	const char *files[1] = { file };
	struct cdb_db *db;
	struct cdb_schema s;
	/* no error position for a missing relation: the statement's first line */
	char *expect = xasprintf("%s:3: ", file);
	int before = count_shadows(getpid());
	int rc;

	pgtest_config(&cfg);
	db = pgtest_open(url, &cfg);
	cdb_schema_init(&s);
	rc = db->vt->load_models(&s, db, &cfg, files, 1, &o);
	cr_assert_eq(rc, CDB_EINVALID, "rc %d", rc);
	cr_assert(strncmp(cdb_error_message(), expect, strlen(expect)) == 0, "got: %s", cdb_error_message());
	cr_assert(strstr(cdb_error_message(), "nothere"), "%s", cdb_error_message());
	cdb_schema_release(&s);
	cr_assert_eq(count_shadows(getpid()), before);
	cdb_db_close(db);
	unlink(file);
	free(file);
	free(expect);
	free(url);
}

Test(pg_shadow, without_createdb_the_hint_names_shadow_url)
{
	struct cdb_config cfg;
	struct cdb_introspect_opts o = {0};
	char *url = pgtest_create_db("nocreate");
	char *file = pgtest_write_file("CREATE TABLE a (id int);\n");
	const char *files[1] = { file };
	struct cdb_db *admin, *db;
	struct cdb_schema s;
	char *plain_url;
	bool hinted = false;
	int rc;

	pgtest_config(&cfg);
	admin = pgtest_open(url, &cfg);
	pgtest_exec(admin, "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cdb_nocreate')"
	                   " THEN CREATE ROLE cdb_nocreate LOGIN NOCREATEDB; END IF; END $$;");
	cdb_db_close(admin);
	/* same server and database, connecting as the unprivileged role */
	{
		const char *at = strchr(url, '@');

		cr_assert_not_null(at);
		plain_url = xasprintf("postgresql://cdb_nocreate%s", at);
	}
	db = pgtest_open(plain_url, &cfg);
	cdb_schema_init(&s);
	rc = db->vt->load_models(&s, db, &cfg, files, 1, &o);
	cr_assert_eq(rc, CDB_EDB, "rc %d: %s", rc, cdb_error_message());
	cr_assert(strstr(cdb_error_message(), "cannot create a temporary database"), "%s", cdb_error_message());
	for (int i = 0; i < cdb_error_nhints(); i++)
		if (strstr(cdb_error_hint_at(i), "set shadow_url in cdb.ini"))
			hinted = true;
	cr_assert(hinted);
	cdb_schema_release(&s);
	cdb_db_close(db);
	unlink(file);
	free(file);
	free(plain_url);
	free(url);
}

/* The one value `sql` gives in the database at `url`. */
static void assert_value_at(const char *url, const struct cdb_config *cfg, const char *sql, const char *want)
{
	struct cdb_db *db = pgtest_open(url, cfg);
	char *v = pgtest_value(db, sql);

	cr_assert_str_eq(v, want, "%s", sql);
	free(v);
	cdb_db_close(db);
}

/* Loading model `file` through `db` is refused before anything runs, with `what` in the message. */
static void assert_load_refused(struct cdb_db *db, const struct cdb_config *cfg, const char *file,
                                const char *what)
{
	struct cdb_introspect_opts o = {0};
	const char *files[1] = { file };
	struct cdb_schema s;
	int rc;

	cdb_schema_init(&s);
	rc = db->vt->load_models(&s, db, cfg, files, 1, &o);
	cr_assert_eq(rc, CDB_EINVALID, "rc %d: %s", rc, cdb_error_message());
	cr_assert(strstr(cdb_error_message(), what), "%s", cdb_error_message());
	cdb_schema_release(&s);
}

Test(pg_shadow, an_empty_shadow_url_becomes_cdbs_and_is_wiped_on_every_run)
{
	struct cdb_config cfg;
	struct cdb_introspect_opts o = {0};
	char *url = pgtest_create_db("target");
	char *shadow = pgtest_create_db("shadowdb");
	char *file = pgtest_write_file("CREATE SCHEMA extra;\nCREATE TABLE extra.a (id int);\n");
	const char *files[1] = { file };
	struct cdb_db *db;
	struct cdb_schema s;

	pgtest_config(&cfg);
	cfg.shadow_url = shadow;
	db = pgtest_open(url, &cfg);
	/* the second round finds the first one's models: cdb's own, so wiped */
	for (int round = 0; round < 2; round++) {
		cdb_schema_init(&s);
		cr_assert_eq(db->vt->load_models(&s, db, &cfg, files, 1, &o), 0, "%s", cdb_error_message());
		cr_assert_eq(s.ntables, 1);
		cr_assert_str_eq(s.tables[0].name, "a");
		/* public comes back as a fresh database has it */
		cr_assert_eq(s.nnamespaces, 2);
		cdb_schema_release(&s);
	}
	cdb_db_close(db);
	assert_value_at(shadow, &cfg, "SELECT count(*) FROM pg_class WHERE relname = 'a'", "1");
	unlink(file);
	free(file);
	free(shadow);
	free(url);
}

/* A shadow_url database that holds objects cdb did not put there is refused, and left as it is. */
Test(pg_shadow, a_shadow_url_holding_someone_elses_objects_is_refused_untouched)
{
	struct cdb_config cfg;
	char *url = pgtest_create_db("target");
	char *shadow = pgtest_create_db("shadowdb");
	char *file = pgtest_write_file("CREATE TABLE a (id int);\n");
	struct cdb_db *db;

	pgtest_config(&cfg);
	db = pgtest_open(shadow, &cfg);
	pgtest_exec(db, "CREATE TABLE junk (id int); INSERT INTO junk VALUES (1), (2);"
	                " CREATE SCHEMA extra; CREATE TABLE extra.old (x int);");
	cdb_db_close(db);
	cfg.shadow_url = shadow;
	db = pgtest_open(url, &cfg);
	assert_load_refused(db, &cfg, file, "not empty and not cdb's shadow database");
	cdb_db_close(db);
	assert_value_at(shadow, &cfg,
	                "SELECT (SELECT count(*) FROM junk) || ' '"
	                " || (SELECT count(*) FROM pg_class WHERE relname = 'old')",
	                "2 1");
	unlink(file);
	free(file);
	free(shadow);
	free(url);
}

/*
 * shadow_url naming the database being migrated, by another spelling of
 * its address, is refused before anything is dropped, whether that
 * database is empty or not.
 */
Test(pg_shadow, a_shadow_url_that_is_the_target_is_refused_untouched)
{
	struct cdb_config cfg;
	char *url = pgtest_create_db("target");
	char *file = pgtest_write_file("CREATE TABLE a (id int);\n");
	struct cdb_db *db;
	const char *at = strstr(url, "@127.0.0.1:");
	char *alias;

	/* the same server by another name */
	cr_assert_not_null(at, "pgtest URLs name 127.0.0.1: %s", url);
	alias = xasprintf("%.*s@localhost:%s", (int)(at - url), url, at + strlen("@127.0.0.1:"));
	pgtest_config(&cfg);
	cfg.shadow_url = alias;
	db = pgtest_open(url, &cfg);
	assert_load_refused(db, &cfg, file, "is the database being migrated");
	pgtest_exec(db, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (7);");
	assert_load_refused(db, &cfg, file, "is the database being migrated");
	cdb_db_close(db);
	assert_value_at(url, &cfg,
	                "SELECT (SELECT sum(id) FROM kept) || ' '"
	                " || (SELECT count(*) FROM pg_class WHERE relname = 'a')",
	                "7 0");
	unlink(file);
	free(file);
	free(alias);
	free(url);
}

/*
 * A child process that loads the model `file` for the database at `url`;
 * it is meant to be interrupted, so it exits 3 or 4 only when it is not.
 */
static pid_t fork_load(const char *url, const char *file, const struct cdb_config *cfg)
{
	pid_t pid;

	fflush(NULL);
	pid = fork();
	cr_assert(pid >= 0);
	if (pid == 0) {
		struct cdb_introspect_opts o = {0};
		const char *files[1] = { file };
		struct cdb_db *db = NULL;
		struct cdb_schema s;

		if (cdb_db_open(&db, url, cfg))
			_exit(3);
		cdb_schema_init(&s);
		db->vt->load_models(&s, db, cfg, files, 1, &o);
		_exit(4); /* not reached: the signal is re-raised after the clean-up */
	}
	return pid;
}

Test(pg_shadow, interrupted_load_drops_the_database_and_dies_of_the_signal)
{
	struct cdb_config cfg;
	char *url = pgtest_create_db("sigint");
	char *file = pgtest_write_file("CREATE TABLE a (id int);\nSELECT pg_sleep(30);\n");
	int status;
	pid_t pid;

	pgtest_config(&cfg);
	/* a target that holds something: the models get a database of their own */
	{
		struct cdb_db *db = pgtest_open(url, &cfg);

		pgtest_exec(db, "CREATE TABLE other (id int)");
		cdb_db_close(db);
	}
	pid = fork_load(url, file, &cfg);
	/* wait until the shadow database exists, then interrupt */
	for (int i = 0; i < 100 && count_shadows(pid) == 0; i++)
		usleep(100 * 1000);
	cr_assert_eq(count_shadows(pid), 1);
	usleep(300 * 1000);
	kill(pid, SIGINT);
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFSIGNALED(status) && WTERMSIG(status) == SIGINT, "status %d", status);
	cr_assert_eq(count_shadows(pid), 0);
	unlink(file);
	free(file);
	free(url);
}

Test(pg_scratch, scratch_database_is_dropped_on_close)
{
	struct cdb_config cfg;
	char *url = pgtest_create_db("scratch");
	struct cdb_db *db, *scratch = NULL;
	int before = count_shadows(getpid());

	pgtest_config(&cfg);
	db = pgtest_open(url, &cfg);
	cr_assert_eq(db->vt->open_scratch(&scratch, db, &cfg), 0, "%s", cdb_error_message());
	pgtest_exec(scratch, "CREATE TABLE x (id int)");
	cr_assert_eq(count_shadows(getpid()), before + 1);
	cdb_db_close(scratch);
	cr_assert_eq(count_shadows(getpid()), before);
	cdb_db_close(db);
	free(url);
}

/* --- models into an empty target, inside a rolled-back transaction -------- */

static struct cdb_buf sql_log = CDB_BUF_INIT;

static void log_sql(enum cdb_log_level level, const char *msg, void *ctx)
{
	(void)ctx;
	if (level == CDB_LOG_SQL) {
		cdb_buf_puts(&sql_log, msg);
		cdb_buf_puts(&sql_log, "\n");
	}
}

/*
 * Load `models` into a database prepared by `setup` (NULL: left empty) with
 * every statement logged; `s` gets the models' schema. Returns load_models'
 * status; `*shadow` tells whether a database of their own was created.
 */
static int load_logged(const char *tag, const char *setup, const char *models, struct cdb_schema *s,
                       bool *shadow, char **url_out)
{
	struct cdb_config cfg;
	struct cdb_introspect_opts o = { .version_table = "cdb_version", .history_table = "cdb_history" };
	char *url = pgtest_create_db(tag);
	char *file = pgtest_write_file(models);
	const char *files[1] = { file };
	struct cdb_db *db;
	int rc;

	pgtest_config(&cfg);
	db = pgtest_open(url, &cfg);
	if (setup)
		pgtest_exec(db, setup);
	cdb_buf_reset(&sql_log);
	db->echo = true;
	cdb_log_set_handler(log_sql, NULL);
	rc = db->vt->load_models(s, db, &cfg, files, 1, &o);
	cdb_log_set_handler(NULL, NULL);
	*shadow = strstr(sql_log.ptr ? sql_log.ptr : "", "CREATE DATABASE") != NULL;
	cdb_db_close(db);
	unlink(file);
	free(file);
	*url_out = url;
	return rc;
}

/* Relations of the user's in the database at `url`, as "name,name,...". */
static char *user_relations(const char *url)
{
	struct cdb_config cfg;
	struct cdb_db *db;
	char *v;

	pgtest_config(&cfg);
	db = pgtest_open(url, &cfg);
	v = pgtest_value(db, "SELECT coalesce(string_agg(relname, ',' ORDER BY relname), '') FROM pg_class"
	                     " WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'S', 'i')");
	cdb_db_close(db);
	return v;
}

Test(pg_target, empty_target_reads_models_in_a_rolled_back_transaction)
{
	struct cdb_schema s;
	bool shadow = true;
	char *url, *rels;

	cdb_schema_init(&s);
	cr_assert_eq(load_logged("tgt_empty", NULL, rich_schema, &s, &shadow, &url), 0, "%s",
	             cdb_error_message());
	check_rich(&s);
	cr_assert_not(shadow, "a shadow database was created for an empty target:\n%s", sql_log.ptr);
	cr_assert(strstr(sql_log.ptr, "ROLLBACK"), "%s", sql_log.ptr);
	rels = user_relations(url);
	cr_assert_str_eq(rels, "", "the models stayed in the target: %s", rels);
	cdb_schema_release(&s);
	free(rels);
	free(url);
}

Test(pg_target, cdb_own_tables_keep_the_target_empty)
{
	struct cdb_schema s;
	struct cdb_config cfg;
	struct cdb_buf own = CDB_BUF_INIT;
	bool shadow = true;
	char *url, *rels;

	pgtest_config(&cfg);
	cdb_postgres_dialect.version_tables_sql(&own, &cfg);
	cdb_schema_init(&s);
	cr_assert_eq(load_logged("tgt_own", own.ptr, "CREATE TABLE a (id int PRIMARY KEY);\n", &s, &shadow, &url),
	             0, "%s", cdb_error_message());
	cr_assert_not(shadow, "%s", sql_log.ptr);
	cr_assert_not_null(cdb_schema_table(&s, "public", "a"));
	cr_assert_null(cdb_schema_table(&s, "public", "cdb_version"));
	rels = user_relations(url);
	cr_assert_str_eq(rels, "cdb_history,cdb_history_id_seq,cdb_history_pkey,cdb_version,cdb_version_pkey");
	cdb_schema_release(&s);
	cdb_buf_release(&own);
	free(rels);
	free(url);
}

Test(pg_target, target_with_objects_gets_a_shadow_database)
{
	static const char *const setups[] = {
		"CREATE TABLE other (id int)",
		"CREATE SCHEMA app",
		"CREATE TYPE mood AS ENUM ('ok')",
		"CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'",
		"CREATE SEQUENCE s",
		"CREATE DOMAIN d AS int",
	};

	for (size_t i = 0; i < sizeof setups / sizeof *setups; i++) {
		struct cdb_schema s;
		bool shadow = false;
		char *url, *tag = xasprintf("tgt_full%zu", i);

		cdb_schema_init(&s);
		cr_assert_eq(load_logged(tag, setups[i], "CREATE TABLE a (id int);\n", &s, &shadow, &url), 0,
		             "%s", cdb_error_message());
		cr_assert(shadow, "no shadow database beside: %s", setups[i]);
		cr_assert_not_null(cdb_schema_table(&s, "public", "a"));
		cr_assert_null(cdb_schema_table(&s, "public", "other"));
		cdb_schema_release(&s);
		free(tag);
		free(url);
	}
}

Test(pg_target, models_that_end_transactions_never_run_in_the_target)
{
	static const char *const models[] = {
		"CREATE TABLE a (id int);\nCOMMIT;\nCREATE TABLE b (id int);\n",
		"BEGIN;\nCREATE TABLE a (id int);\nCREATE TABLE b (id int);\nEND;\n",
		"CREATE TABLE a (id int);\n/* done */ ROLLBACK;\nCREATE TABLE b (id int);\n",
		"CREATE TABLE a (id int);\nsavepoint x;\nCREATE TABLE b (id int);\nrelease x;\n",
	};

	for (size_t i = 0; i < sizeof models / sizeof *models; i++) {
		struct cdb_schema s;
		bool shadow = false;
		char *url, *rels, *tag = xasprintf("tgt_tx%zu", i);

		cdb_schema_init(&s);
		/* the shadow database may refuse some of them: only the target matters */
		(void)load_logged(tag, NULL, models[i], &s, &shadow, &url);
		cdb_error_clear();
		cr_assert(shadow, "ran in the target: %s", models[i]);
		rels = user_relations(url);
		cr_assert_str_eq(rels, "", "%s left: %s", models[i], rels);
		cdb_schema_release(&s);
		free(rels);
		free(tag);
		free(url);
	}
}

Test(pg_target, statements_refused_in_a_transaction_fall_back_to_a_shadow_database)
{
	struct cdb_schema s;
	bool shadow = false;
	char *url, *rels;
	const struct cdb_table *t;

	cdb_schema_init(&s);
	cr_assert_eq(load_logged("tgt_conc", NULL,
	                         "CREATE TABLE a (id int, name text);\n"
	                         "CREATE INDEX CONCURRENTLY a_name ON a (name);\n",
	                         &s, &shadow, &url),
	             0, "%s", cdb_error_message());
	cr_assert(shadow, "%s", sql_log.ptr);
	t = cdb_schema_table(&s, "public", "a");
	cr_assert_not_null(t);
	cr_assert_not_null(cdb_schema_index(&s, "public", "a_name"));
	rels = user_relations(url);
	cr_assert_str_eq(rels, "");
	cdb_schema_release(&s);
	free(rels);
	free(url);
}

Test(pg_target, interrupted_load_rolls_back_and_dies_of_the_signal)
{
	struct cdb_config cfg;
	char *url = pgtest_create_db("tgt_sigint");
	char *file = pgtest_write_file("CREATE TABLE a (id int);\nSELECT pg_sleep(30);\n");
	struct cdb_db *db;
	struct timespec t0, t1;
	int status;
	pid_t pid;
	char *v = NULL, *rels;

	pgtest_config(&cfg);
	pid = fork_load(url, file, &cfg);
	/* wait until the models sleep inside the target, then interrupt */
	db = pgtest_open(url, &cfg);
	for (int i = 0; i < 100; i++) {
		free(v);
		v = pgtest_value(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
		                     " AND pid <> pg_backend_pid() AND query LIKE '%pg_sleep(30)%' AND state = 'active'");
		if (strcmp(v, "1") == 0)
			break;
		usleep(100 * 1000);
	}
	cr_assert_str_eq(v, "1", "the models never reached the target");
	free(v);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	kill(pid, SIGINT);
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	cr_assert(WIFSIGNALED(status) && WTERMSIG(status) == SIGINT, "status %d", status);
	cr_assert_lt(t1.tv_sec - t0.tv_sec, 10, "the running statement was not cancelled");
	cr_assert_eq(count_shadows(pid), 0);
	cdb_db_close(db);
	rels = user_relations(url);
	cr_assert_str_eq(rels, "", "the models stayed in the target: %s", rels);
	free(rels);
	unlink(file);
	free(file);
	free(url);
}

Test(pg_shadow, a_file_that_cannot_be_one_transaction_runs_statement_by_statement)
{
	/* a new label used at once, and an index built concurrently: both refuse one transaction */
	static const char models[] =
		"CREATE TYPE mood AS ENUM ('ok');\n"
		"ALTER TYPE mood ADD VALUE 'happy';\n"
		"CREATE TABLE a (id int, m mood DEFAULT 'happy');\n"
		"CREATE INDEX CONCURRENTLY a_id ON a (id);\n";
	struct cdb_schema s;
	bool shadow = false;
	char *url;
	const struct cdb_table *t;

	cdb_schema_init(&s);
	cr_assert_eq(load_logged("one_tx", "CREATE TABLE other (id int)", models, &s, &shadow, &url), 0, "%s",
	             cdb_error_message());
	cr_assert(shadow);
	t = cdb_schema_table(&s, "public", "a");
	cr_assert_not_null(t);
	cr_assert_not_null(cdb_schema_index(&s, "public", "a_id"));
	cr_assert_eq(s.nenums, 1);
	cdb_schema_release(&s);
	free(url);
}

Test(pg_target, a_large_schema_gets_a_shadow_database)
{
	/* every relation created in one transaction stays locked to its end */
	struct cdb_buf models = CDB_BUF_INIT;
	struct cdb_schema s;
	bool shadow = false;
	char *url, *rels;

	for (int i = 0; i < 501; i++)
		cdb_buf_printf(&models, "CREATE TABLE t%03d (id int PRIMARY KEY);\n", i);
	cdb_schema_init(&s);
	cr_assert_eq(load_logged("tgt_large", NULL, models.ptr, &s, &shadow, &url), 0, "%s", cdb_error_message());
	cr_assert(shadow, "501 statements ran in the target's transaction");
	cr_assert_eq(s.ntables, 501);
	rels = user_relations(url);
	cr_assert_str_eq(rels, "");
	cdb_schema_release(&s);
	cdb_buf_release(&models);
	free(rels);
	free(url);
}
