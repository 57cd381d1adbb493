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

/* The text of cs_error("%s", n bytes c). */
static const char *error_of(size_t n, char c)
{
	char *big = malloc(n + 1);
	memset(big, c, n);
	big[n] = '\0';
	cs_error("%s", big);
	free(big);
	return errtext();
}

static void test_long_lines(void)
{
	const char *got = error_of(20000, 'x');
	size_t len = strlen(got);
	ok(len == 8191 && got[len - 1] == '\n' && memcmp(got + len - 4, "...", 3) == 0,
	   "a message over 8 KiB is cut to one line ending in ... (%zu bytes)", len);
}

static void test_control_characters(void)
{
	cs_error_at("a\nb\t\033[31m\177\302\233.ndjson", 3, "value '%s'", "x\ry");
	is_str(errtext(), "t_msg: a\\nb\\t\\033[31m\\177\\302\\233.ndjson:3: value 'x\\ry'\n",
	       "control characters, DEL and C1 controls escaped, in the file name and the reason");
	cs_error("caf\303\251 \302\240 \\n");
	is_str(errtext(), "t_msg: caf\303\251 \302\240 \\n\n", "other UTF-8 and backslashes as they are");
	const char *got = error_of(8200, '\n');
	size_t len = strlen(got);
	ok(len <= 8191 && got[len - 1] == '\n' && memcmp(got + len - 6, "\\n...", 5) == 0 && !memchr(got, '\n', len - 1),
	   "escapes that do not fit are cut whole, before the ... (%zu bytes)", len);
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
	test_control_characters();
	test_write();
	fixture_leave();
	return tap_done();
}
