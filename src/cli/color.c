/* color.c - whether to colour output, as a pure function of its inputs */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

bool cli_want_color(enum cli_color_mode mode, const char *no_color, const char *term, bool isatty)
{
	switch (mode) {
	case CLI_COLOR_ALWAYS:
		return true;
	case CLI_COLOR_NEVER:
		return false;
	case CLI_COLOR_AUTO:
		break;
	}
	/* https://no-color.org: present and non-empty disables colour. */
	if (no_color && *no_color)
		return false;
	if (!isatty)
		return false;
	if (!term || strcmp(term, "dumb") == 0)
		return false;
	return true;
}

const char *cli_color(bool on, const char *sgr)
{
	/* A small ring of buffers so several colours fit in one printf. */
	static char ring[8][16];
	static unsigned next;
	char *s;

	if (!on)
		return "";
	s = ring[next++ % 8];
	snprintf(s, sizeof ring[0], "\033[%sm", sgr);
	return s;
}

void cli_decide_color(struct cdb_cli *cli)
{
	const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");

	cli->color_out = cli_want_color(cli->color_mode, no_color, term, isatty(STDOUT_FILENO));
	cli->color_err = cli_want_color(cli->color_mode, no_color, term, isatty(STDERR_FILENO));
}
