/* cmd_help.c - cdb help [COMMAND] */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

int cmd_help(int argc, char **argv, struct cdb_cli *cli)
{
	static const struct cli_option opts[] = { { 0, NULL, 0, NULL } };
	const struct cli_command *cmd;
	char **pos;
	int npos, status;

	if (!cli_parse(cli, opts, argc, argv, &npos, &pos, &status))
		return status;
	if (npos > 1) {
		free(pos);
		return cli_usage_error(cli, "too many arguments");
	}
	if (npos == 0) {
		cli_print_overview(stdout);
		free(pos);
		return CDB_EXIT_OK;
	}
	cmd = cli_command_find(pos[0]);
	if (!cmd) {
		const char *guess = cli_suggest_command(pos[0]);

		cdb_error_set(CDB_EUSAGE, "unknown command '%s'", pos[0]);
		if (guess)
			cdb_error_hint("did you mean '%s'?", guess);
		else
			cdb_error_hint("'cdb help' lists the commands");
		free(pos);
		return cli_fail(CDB_EUSAGE);
	}
	cli_print_help(stdout, cmd);
	free(pos);
	return CDB_EXIT_OK;
}
