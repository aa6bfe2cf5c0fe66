/* cmd_check.c - placeholder until its owner writes the command */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cmd_check(int argc, char **argv, struct cdb_cli *cli)
{
	static const struct cli_option opts[] = { { 0, NULL, 0, NULL } };
	char **pos;
	int npos, status;

	/* Options are not known yet; only --help is answered. */
	if (!cli_parse(cli, opts, 1, argv, &npos, &pos, &status))
		return status;
	free(pos);
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			cli_print_help(stdout, cli->cmd);
			return CDB_EXIT_OK;
		}
	}
	cdb_error_set(CDB_ERROR, "'cdb check' is not implemented yet");
	return cli_fail(CDB_ERROR);
}
