/* output.c - errors, warnings and the library's log lines, as the user sees them */
#include <stdarg.h>
#include <stdio.h>

#include "cli.h"

static void print_prefix(const struct cdb_cli *cli, const char *what, const char *sgr)
{
	bool on = cli && cli->color_err;

	fprintf(stderr, "%scdb: %s:%s ", cli_color(on, sgr), what, cli_color(on, CLI_SGR_RESET));
}

int cli_fail(int code)
{
	const struct cdb_cli *cli = cli_current;
	bool on = cli && cli->color_err;

	fflush(stdout);
	print_prefix(cli, "error", CLI_SGR_BOLD ";" CLI_SGR_RED);
	fprintf(stderr, "%s\n", cdb_error_message());
	for (int i = 0; i < cdb_error_ndetails(); i++)
		fprintf(stderr, "detail: %s\n", cdb_error_detail_at(i));
	for (int i = 0; i < cdb_error_nhints(); i++)
		fprintf(stderr, "%shint:%s %s\n", cli_color(on, CLI_SGR_YELLOW),
		        cli_color(on, CLI_SGR_RESET), cdb_error_hint_at(i));
	cdb_error_clear();
	return code == CDB_EUSAGE ? CDB_EXIT_USAGE : CDB_EXIT_ERROR;
}

int cli_usage_error(const struct cdb_cli *cli, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	print_prefix(cli, "error", CLI_SGR_BOLD ";" CLI_SGR_RED);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fprintf(stderr, "%s\n", cli && cli->cmd ? cli->cmd->usage : cli_global_usage);
	return CDB_EXIT_USAGE;
}

void cli_warn(const struct cdb_cli *cli, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	print_prefix(cli, "warning", CLI_SGR_BOLD ";" CLI_SGR_YELLOW);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}
