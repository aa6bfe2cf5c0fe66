/* cmd_downgrade.c - cdb downgrade [--sql] [TARGET] */
#include <stdlib.h>

#include "migrate_common.h"

int cmd_downgrade(int argc, char **argv, struct cdb_cli *cli)
{
	bool sql = false;
	const struct cli_option opts[] = {
		{ 0, "sql", CLI_OPT_FLAG, &sql },
		{ 0, NULL, 0, NULL },
	};
	char **pos;
	int npos, status;

	if (!cli_parse(cli, opts, argc, argv, &npos, &pos, &status))
		return status;
	if (npos > 1)
		status = cli_usage_error(cli, "one target at most (got '%s' and '%s')", pos[0], pos[1]);
	else
		status = cli_run_migration(cli, CDB_DOWN, npos ? pos[0] : NULL, sql);
	free(pos);
	return status;
}
