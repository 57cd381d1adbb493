/* t_opt: the command line (lib/kit_opt.c): common options, value helpers,
 * usage errors (each in a child process, as they exit). */
#include "kit_opt.h"
#include "tap.h"
#include "fixture.h"
#include <getopt.h>
#include <sys/wait.h>

enum { OPT_LONG_ONLY = 256 };

static const struct cs_opt opts[] = {
	{"format", 'f', 1, "format", "input format", NULL},
	{"messages", 'm', 0, NULL, "flat messages", NULL},
	{"dedup-window", OPT_LONG_ONLY, 1, "d", "window", NULL},
	{0}
};
static const struct cs_prog_def prog = {"t_opt", "test", "file ...", opts, NULL, NULL, NULL};

struct seen {
	const char *format;
	int messages;
};

static int handle(int key, const char *arg, void *ctx)
{
	struct seen *s = ctx;
	if (key == 'f')
		s->format = arg;
	else if (key == 'm')
		s->messages = 1;
	return 0;
}

static int parse(char **argv, struct cs_common *c, struct seen *s)
{
	int argc = 0;
	while (argv[argc])
		argc++;
	optind = 0;
	return cs_opt_parse(&prog, argc, argv, c, handle, s);
}

static void test_common(void)
{
	struct cs_common c;
	struct seen s = {0};
	char *argv[] = {"t_opt", "-m", "--format", "csv", "--select", ".a", "--where", ".b", "--stats=json",
			"--max-record", "64K", "--max-depth", "9", "--skip-bad", "-q", "x.ndjson", NULL};
	int first = parse(argv, &c, &s);
	is_int(first, 15, "operands start after the options");
	ok(s.messages && s.format && strcmp(s.format, "csv") == 0, "program options reach the handler");
	is_str(c.select, ".a", "--select");
	is_str(c.where, ".b", "--where");
	is_int(c.stats, CS_STATS_JSON, "--stats=json");
	is_int((long long)c.max_record, 64 << 10, "--max-record 64K");
	is_int(c.max_depth, 9, "--max-depth");
	ok(c.skip_bad && c.quiet && !c.progress, "--skip-bad, -q, and no progress when quiet");
	char *file_only[] = {"t_opt", "--stats-file", "s.json", NULL};
	parse(file_only, &c, &s);
	ok(c.stats == CS_STATS_TEXT && strcmp(c.stats_file, "s.json") == 0, "--stats-file alone asks for the stats");
}

static void test_values(void)
{
	is_int((long long)cs_opt_size("x", "4096"), 4096, "a plain size");
	is_int((long long)cs_opt_size("x", "3k"), 3 << 10, "k");
	is_int((long long)cs_opt_size("x", "2M"), 2 << 20, "M");
	is_int((long long)cs_opt_size("x", "1g"), 1 << 30, "g");
	is_int(cs_opt_int("x", "-5", -10, 10), -5, "a whole number in range");
	is_int(cs_opt_duration_ms("x", "1h30m"), 5400000, "a duration");
}

/* Parse argv in a child; returns the exit status, with stderr in errtext(). */
static int parse_fails(char **argv)
{
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid == 0) {
		struct cs_common c;
		struct seen s = {0};
		parse(argv, &c, &s);
		_exit(0);
	}
	int st;
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}


static void usage_is(char **argv, const char *want, const char *name)
{
	is_int(parse_fails(argv), 2, "%s: exit 2", name);
	const char *got = errtext();
	char expect[256];
	snprintf(expect, sizeof expect, "t_opt: %s\nTry 't_opt --help' for more information.\n", want);
	is_str(got, expect, "%s: the message", name);
}

static void test_usage_errors(void)
{
	char *misspelt[] = {"t_opt", "--selct", ".a", NULL};
	usage_is(misspelt, "unknown option '--selct'; did you mean '--select'?", "a misspelt option");
	char *far[] = {"t_opt", "--zzzzzz", NULL};
	usage_is(far, "unknown option '--zzzzzz'", "nothing near");
	char *value[] = {"t_opt", "--quiet=1", NULL};
	usage_is(value, "option '--quiet' takes no value", "a value for a flag");
	char *abbrev_value[] = {"t_opt", "--mess=1", NULL};
	usage_is(abbrev_value, "option '--messages' takes no value", "a value for an abbreviated flag");
	char *ambiguous[] = {"t_opt", "--s", NULL};
	usage_is(ambiguous, "option '--s' is ambiguous: --skip-bad, --select, --shard, --split, --stats, --stats-file, --share-dir", "an ambiguous abbreviation");
	char *empty_o[] = {"t_opt", "-o", "", NULL};
	usage_is(empty_o, "-o: empty file name", "an empty -o");
	char *no_value[] = {"t_opt", "--where", NULL};
	usage_is(no_value, "option '--where' needs a value", "a missing value");
	char *short_unknown[] = {"t_opt", "-Z", NULL};
	usage_is(short_unknown, "unknown option '-Z'", "an unknown letter");
	char *bad_size[] = {"t_opt", "--max-record", "12X", NULL};
	usage_is(bad_size, "--max-record: '12X' is not a size such as 4096, 64K, 64M or 1G", "a bad size");
}

int main(void)
{
	fixture_enter("t_opt");
	test_common();
	test_values();
	test_usage_errors();
	fixture_leave();
	return tap_done();
}
