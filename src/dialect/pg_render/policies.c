/*
 * policies.c - row-level security policies
 */
#include <string.h>

#include "cdb/error.h"
#include "render_priv.h"

/* The command of a policy as a keyword; NULL for anything but the five the catalog has. */
static const char *policy_command(const char *cmd)
{
	static const char *const known[] = { "ALL", "SELECT", "INSERT", "UPDATE", "DELETE" };

	for (size_t i = 0; i < sizeof known / sizeof *known; i++)
		if (cmd && !strcmp(cmd, known[i]))
			return known[i];
	return NULL;
}

static void policy_roles(struct cdb_buf *b, const struct cdb_policy *p)
{
	cdb_buf_puts(b, " TO ");
	for (size_t i = 0; i < p->nroles; i++) {
		if (i)
			cdb_buf_puts(b, ", ");
		/* the pseudo-role; no role can be called "public" in any case */
		if (!strcmp(p->roles[i], "PUBLIC"))
			cdb_buf_puts(b, "PUBLIC");
		else
			pg_quote_ident(b, p->roles[i]);
	}
	if (!p->nroles)
		cdb_buf_puts(b, "PUBLIC");
}

/* An expression as pg_get_expr() printed it, replayed like the other printed definitions. */
static void policy_clause(struct cdb_buf *b, const char *keyword, const char *expr)
{
	if (!expr)
		return;
	cdb_buf_printf(b, "\n    %s (", keyword);
	cdb_buf_puts(b, expr);
	cdb_buf_putc(b, ')');
}

static bool roles_public(const struct cdb_policy *p)
{
	return p->nroles == 0 || (p->nroles == 1 && !strcmp(p->roles[0], "PUBLIC"));
}

/* A policy with a command the catalog does not have cannot be rendered, whichever way the op goes. */
static int check_command(const struct cdb_op *op)
{
	const struct cdb_policy *p = op->kind == CDB_OP_DROP_POLICY ? op->from_policy : op->to_policy;

	if (!policy_command(p->command))
		return cdb_error_set(CDB_ERROR, "cannot render policy '%s' on '%s': unknown command '%s'",
		                     p->name, op->table->name, p->command ? p->command : "");
	return 0;
}

/* "CREATE POLICY name ON table", DROP or ALTER as `verb` says */
static void policy_head(struct cdb_buf *b, const char *verb, const char *name, const struct cdb_table *t)
{
	cdb_buf_printf(b, "%s POLICY ", verb);
	pg_quote_ident(b, name);
	cdb_buf_puts(b, " ON ");
	pg_qtable(b, t);
}

int pg_render_create_policy(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;
	const struct cdb_policy *p = op->to_policy;
	const char *cmd = policy_command(p->command);
	int rc = check_command(op);

	if (rc)
		return rc;
	policy_head(b, "CREATE", p->name, op->table);
	if (!p->permissive)
		cdb_buf_puts(b, " AS RESTRICTIVE");
	if (strcmp(cmd, "ALL") != 0)
		cdb_buf_printf(b, " FOR %s", cmd);
	if (!roles_public(p))
		policy_roles(b, p);
	policy_clause(b, "USING", p->using_expr);
	policy_clause(b, "WITH CHECK", p->check_expr);
	cdb_buf_puts(b, ";\n");
	return 0;
}

int pg_render_drop_policy(const struct render *r, const struct cdb_op *op)
{
	int rc = check_command(op);

	if (rc || op->implied)
		return rc; /* implied: its DROP TABLE takes it */
	policy_head(r->out, "DROP", op->from_policy->name, op->table);
	cdb_buf_puts(r->out, ";\n");
	return 0;
}

int pg_render_alter_policy(const struct render *r, const struct cdb_op *op)
{
	struct cdb_buf *b = r->out;
	const struct cdb_policy *p = op->to_policy;
	int rc = check_command(op);

	if (rc)
		return rc;
	policy_head(b, "ALTER", op->from_policy->name, op->table);
	if (op->alter & CDB_ALTER_POLICY_ROLES)
		policy_roles(b, p);
	if (op->alter & CDB_ALTER_POLICY_USING)
		policy_clause(b, "USING", p->using_expr);
	if (op->alter & CDB_ALTER_POLICY_CHECK)
		policy_clause(b, "WITH CHECK", p->check_expr);
	cdb_buf_puts(b, ";\n");
	return 0;
}
