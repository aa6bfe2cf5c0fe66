/* test_color.c - colour is a pure function of --color, NO_COLOR, TERM and isatty */
#include <criterion/criterion.h>

#include "cli.h"

Test(color, always_and_never_win_over_everything)
{
	cr_assert(cli_want_color(CLI_COLOR_ALWAYS, "1", "dumb", false));
	cr_assert(cli_want_color(CLI_COLOR_ALWAYS, NULL, NULL, false));
	cr_assert_not(cli_want_color(CLI_COLOR_NEVER, NULL, "xterm-256color", true));
}

Test(color, auto_needs_a_terminal)
{
	cr_assert(cli_want_color(CLI_COLOR_AUTO, NULL, "xterm-256color", true));
	cr_assert_not(cli_want_color(CLI_COLOR_AUTO, NULL, "xterm-256color", false));
}

Test(color, auto_honours_no_color_when_not_empty)
{
	cr_assert_not(cli_want_color(CLI_COLOR_AUTO, "1", "xterm", true));
	cr_assert_not(cli_want_color(CLI_COLOR_AUTO, "0", "xterm", true));
	/* https://no-color.org: an empty NO_COLOR does not count. */
	cr_assert(cli_want_color(CLI_COLOR_AUTO, "", "xterm", true));
}

Test(color, auto_refuses_dumb_or_missing_terminal_type)
{
	cr_assert_not(cli_want_color(CLI_COLOR_AUTO, NULL, "dumb", true));
	cr_assert_not(cli_want_color(CLI_COLOR_AUTO, NULL, NULL, true));
}

Test(color, sequences)
{
	cr_assert_str_eq(cli_color(false, CLI_SGR_RED), "");
	cr_assert_str_eq(cli_color(true, CLI_SGR_RED), "\033[31m");
	cr_assert_str_eq(cli_color(true, CLI_SGR_BOLD ";" CLI_SGR_RED), "\033[1;31m");
}
