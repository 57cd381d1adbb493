/* t_msg: the message module and exit-code table (lib/kit_msg.c). */
#include "kit_msg.h"
#include "tap.h"
#include "fixture.h"
#include <sys/wait.h>

static void test_highest_wins(void)
{
	static const int orders[][4] = {{1, 4, 2, 0}, {4, 1, 2, 0}, {2, 2, 4, 1}, {0, 0, 0, 0}};
	static const int want[] = {4, 4, 4, 0};
	for (size_t i = 0; i < sizeof orders / sizeof orders[0]; i++) {
		fflush(stdout);
		pid_t pid = fork();
		if (pid == 0) {
			for (int k = 0; k < 4; k++)
				cs_exit_raise(orders[i][k]);
			_exit(cs_exit_status());
		}
		int st;
		waitpid(pid, &st, 0);
		is_int(WEXITSTATUS(st), want[i], "raises %d %d %d %d: the highest, %d, wins", orders[i][0], orders[i][1],
		       orders[i][2], orders[i][3], want[i]);
	}
}

static void test_formats(void)
{
	cs_error("plain reason");
	cs_error_at("in.ndjson", 12, "bad %s", "thing");
	cs_error_at("in.ndjson", 0, "no line");
	is_str(errtext(), "t_msg: plain reason\nt_msg: in.ndjson:12: bad thing\nt_msg: in.ndjson: no line\n",
	       "PROG: reason, PROG: FILE:LINE: reason, and no line for 0");
	cs_msg_set_quiet(1);
	cs_notice("hidden");
	cs_notice_at("f", 1, "hidden too");
	cs_error("shown");
	is_str(errtext(), "t_msg: shown\n", "--quiet hides notices, not errors");
	cs_msg_set_quiet(0);
	cs_notice("a notice");
	is_str(errtext(), "t_msg: a notice\n", "notices show otherwise");
}

static void test_long_lines(void)
{
	size_t n = 20000;
	char *big = malloc(n + 1);
	memset(big, 'x', n);
	big[n] = '\0';
	cs_error("%s", big);
	const char *got = errtext();
	size_t len = strlen(got);
	ok(len == 8191 && got[len - 1] == '\n' && memcmp(got + len - 4, "...", 3) == 0,
	   "a message over 8 KiB is cut to one line ending in ... (%zu bytes)", len);
	free(big);
}

static void test_write(void)
{
	is_int(cs_msg_write(STDERR_FILENO, "one write\n", 10), 0, "cs_msg_write");
	is_str(errtext(), "one write\n", "writes its bytes");
	is_int(cs_msg_write(-1, "x", 1), -1, "and reports a bad descriptor");
}

int main(void)
{
	fixture_enter("t_msg");
	test_highest_wins();
	test_formats();
	test_long_lines();
	test_write();
	fixture_leave();
	return tap_done();
}
