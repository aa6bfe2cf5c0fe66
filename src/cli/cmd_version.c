/* cmd_version.c - cdb version */
#include <stdio.h>
#include <stdlib.h>


#include "cli.h"

int cmd_version(int argc, char **argv, struct cdb_cli *cli)
{
	static const struct cli_option opts[] = { { 0, NULL, 0, NULL } };
	char **pos;
	int npos, status;

	if (!cli_parse(cli, opts, argc, argv, &npos, &pos, &status))
		return status;
	free(pos);
	if (npos > 0)
		return cli_usage_error(cli, "too many arguments");
	printf("cdb %s\n", CDB_VERSION);
	return CDB_EXIT_OK;
}
