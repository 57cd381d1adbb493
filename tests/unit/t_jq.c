/* t_jq: the --where evaluator: outputs, errors, the static check, timeouts,
 * worker death and restart, big records, no leaked fds or children. */
#include "kit_jq.h"
#include "kit_mem.h"
#include "tap.h"
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define T_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define T_ASAN 1
#endif
#endif

static char err[1024];

/* expr for a test name: line breaks shown as \n so TAP stays one line. */
static const char *shown(const char *expr)
{
	static char buf[4][128];
	static int k;
	char *b = buf[k++ & 3];
	size_t n = 0;
	for (; *expr && n + 3 < sizeof buf[0]; expr++) {
		if (*expr == '\n' || *expr == '\t' || *expr == '\r') {
			b[n++] = '\\';
			b[n++] = *expr == '\n' ? 'n' : *expr == '\t' ? 't' : 'r';
		} else {
			b[n++] = *expr;
		}
	}
	b[n] = '\0';
	return b;
}


static int test_rec(cs_jq *jq, const char *rec)
{
	err[0] = '\0';
	return cs_jq_test(jq, rec, strlen(rec), err, sizeof err);
}

/* expr on one record with a fresh evaluator; -2 when it does not compile. */
static int eval1(const char *expr, const char *rec)
{
	cs_jq *jq = cs_jq_new(expr, 0.5, err, sizeof err);
	int r;
	if (!jq)
		return -2;
	r = test_rec(jq, rec);
	cs_jq_free(jq);
	return r;
}

static void rejects(const char *expr, const char *msg)
{
	cs_jq *jq;
	err[0] = '\0';
	jq = cs_jq_new(expr, 0.5, err, sizeof err);
	ok(!jq, "rejected: %s", shown(expr));
	is_str(err, msg, "reason for %s", shown(expr));
	cs_jq_free(jq);
}

static void allows(const char *expr, const char *rec, int want)
{
	int r = eval1(expr, rec);
	is_int(r, want, "allowed and evaluated: %s", shown(expr));
	if (r != want)
		printf("#   err '%s'\n", err);
}

/* The one child of this process (the worker), or 0. */
static pid_t only_child(void)
{
	char path[64], buf[256];
	FILE *f;
	long pid = 0;
	snprintf(path, sizeof path, "/proc/self/task/%ld/children", (long)getpid());
	if (!(f = fopen(path, "r")))
		return 0;
	if (!fgets(buf, sizeof buf, f) || sscanf(buf, "%ld", &pid) != 1)
		pid = 0;
	fclose(f);
	return (pid_t)pid;
}

static void test_outputs(void)
{
	is_int(eval1("true", "{}"), CS_JQ_TRUE, "true");
	is_int(eval1("false", "{}"), CS_JQ_FALSE, "false");
	is_int(eval1("null", "{}"), CS_JQ_FALSE, "null");
	is_int(eval1("empty", "{}"), CS_JQ_FALSE, "no output");
	is_int(eval1("0", "{}"), CS_JQ_TRUE, "0 is true");
	is_int(eval1("\"\"", "{}"), CS_JQ_TRUE, "empty string is true");
	is_int(eval1("false, true", "{}"), CS_JQ_FALSE, "the first output decides (false first)");
	is_int(eval1("true, error(\"x\")", "{}"), CS_JQ_TRUE, "later outputs are not evaluated");
	is_int(eval1("error(null)", "{}"), CS_JQ_FALSE, "error(null) is like empty, as in jq");
	is_int(eval1("# note\n.a == 1 # trailing", "{\"a\":1}"), CS_JQ_TRUE, "comments");
}

static void test_records(void)
{
	static const struct { const char *rec; int want; } recs[] = {
		{ "{\"a\":0}", CS_JQ_FALSE }, { "{\"a\":2}", CS_JQ_TRUE },
		{ "{\"a\":1.5}\n", CS_JQ_TRUE }, { "{\"b\":1}", CS_JQ_FALSE },
		{ "{\"a\":1}", CS_JQ_FALSE }, { "{\"a\":\"x\"}", CS_JQ_TRUE },
	};
	cs_jq *jq = cs_jq_new(".a > 1", 2.0, err, sizeof err);
	ok(jq != NULL, ".a > 1 compiles");
	if (!jq)
		return;
	for (size_t i = 0; i < sizeof recs / sizeof recs[0]; i++)
		is_int(test_rec(jq, recs[i].rec), recs[i].want, ".a > 1 on %s", shown(recs[i].rec));
	cs_jq_free(jq);

	jq = cs_jq_new("select(.kind==\"message\")", 2.0, err, sizeof err);
	ok(jq != NULL, "select compiles");
	if (!jq)
		return;
	is_int(test_rec(jq, "{\"kind\":\"message\",\"x\":1}"), CS_JQ_TRUE, "select: match");
	is_int(test_rec(jq, "{\"kind\":\"note\"}"), CS_JQ_FALSE, "select: no match");
	is_int(test_rec(jq, "{}"), CS_JQ_FALSE, "select: missing field");
	cs_jq_free(jq);
}

static void test_errors(void)
{
	cs_jq *jq = cs_jq_new(".a.b", 2.0, err, sizeof err);
	ok(jq != NULL, ".a.b compiles");
	if (!jq)
		return;
	is_int(test_rec(jq, "{\"a\":5}"), CS_JQ_ERROR, ".a.b on a number is an error");
	is_str(err, "--where: Cannot index number with string \"b\"", "jq's message");
	is_int(test_rec(jq, "{\"a\":{\"b\":true}}"), CS_JQ_TRUE, "the same worker goes on");
	is_int(test_rec(jq, "{\"a\":"), CS_JQ_ERROR, "invalid JSON is an error");
	ok(!strncmp(err, "--where: invalid JSON: ", 23), "invalid JSON message: %s", err);
	is_int(test_rec(jq, "{} {}"), CS_JQ_ERROR, "two values are an error");
	is_int(test_rec(jq, ""), CS_JQ_ERROR, "no value is an error");
	cs_jq_free(jq);

	is_int(eval1("error(\"boom\\nagain\")", "{}"), CS_JQ_ERROR, "error(string)");
	is_str(err, "--where: boom again", "error text on one line");
	is_int(eval1("error({\"a\":1})", "{}"), CS_JQ_ERROR, "error(object)");
	is_str(err, "--where: {\"a\":1} (not a string)", "non-string error");
}

static void test_compile_errors(void)
{
	rejects(".[", "--where: syntax error, unexpected $end (Unix shell quoting issues?) "
		"at <top-level>, line 1");
	rejects("nosuchfn", "--where: nosuchfn/0 is not defined at <top-level>, line 1");
	rejects(".a |", "--where: syntax error, unexpected $end (Unix shell quoting issues?) "
		"at <top-level>, line 1");
	rejects("", "--where: empty expression");
	rejects("  \n\t", "--where: empty expression");
	rejects("# only a comment", "--where: empty expression");
}

static void test_static_check(void)
{
	char deep[700];
	rejects("import \"x\" as y; .", "--where: 'import' is not allowed");
	rejects("include \"x\"; .", "--where: 'include' is not allowed");
	rejects("modulemeta", "--where: 'modulemeta' is not allowed");
	rejects("input", "--where: 'input' is not allowed");
	rejects("[inputs]", "--where: 'inputs' is not allowed");
	rejects("input_filename", "--where: 'input_filename' is not allowed");
	rejects("input_line_number", "--where: 'input_line_number' is not allowed");
	rejects("$ENV.HOME", "--where: '$ENV' is not allowed");
	rejects("$ # jq 1.6 takes blanks here\n ENV", "--where: '$ENV' is not allowed");
	rejects("$__loc__", "--where: '$__loc__' is not allowed");
	rejects("$__prog_args", "--where: '$__prog_args' is not allowed");
	rejects("env", "--where: 'env' is not allowed");
	rejects("env.HOME", "--where: 'env' is not allowed");
	rejects("halt", "--where: 'halt' is not allowed");
	rejects("halt_error", "--where: 'halt_error' is not allowed");
	rejects("get_search_list", "--where: 'get_search_list' is not allowed");
	rejects("get_prog_origin", "--where: 'get_prog_origin' is not allowed");
	rejects("get_jq_origin", "--where: 'get_jq_origin' is not allowed");
	rejects("\"\\(env)\"", "--where: 'env' is not allowed");
	rejects("\"a \\(\"b \\(input) c\") d\"", "--where: 'input' is not allowed");
	rejects("@base64 \"x\\(env.PATH)\"", "--where: 'env' is not allowed");
	rejects("\"\\\\\" | env", "--where: 'env' is not allowed");
	rejects("# comment\nenv", "--where: 'env' is not allowed");
	rejects("{a: env}", "--where: 'env' is not allowed");
	rejects("{(env): 1}", "--where: 'env' is not allowed");
	rejects("{env}", "--where: 'env' is not allowed");
	rejects("{a: 1, env}", "--where: 'env' is not allowed");
	rejects("{$ENV}", "--where: '$ENV' is not allowed");
	rejects(".[env]", "--where: 'env' is not allowed");
	rejects(". env", "--where: 'env' is not allowed");
	rejects("..env", "--where: 'env' is not allowed");
	rejects("1.env", "--where: 'env' is not allowed");
	rejects(".5.env", "--where: 'env' is not allowed");
	rejects("...env", "--where: 'env' is not allowed");
	rejects("# a comment ends at CR too\renv", "--where: 'env' is not allowed");
	rejects("def env: 1; env", "--where: 'env' is not allowed");
	rejects("m::input", "--where: 'input' is not allowed");
	rejects("(.a]) | input", "--where: 'input' is not allowed");

	memset(deep, '(', 300);
	deep[300] = '.';
	memset(deep + 301, ')', 300);
	deep[601] = '\0';
	rejects(deep, "--where: expression nested too deeply");
	memset(deep, '[', 100);
	deep[100] = '\0';
	ok(eval1(deep, "{}") == -2 && strstr(err, "syntax error"), "100 levels pass the check");

	allows(".env == \"x\"", "{\"env\":\"x\"}", CS_JQ_TRUE);
	allows(".a.input", "{\"a\":{\"input\":true}}", CS_JQ_TRUE);
	allows("{\"import\":1}|.import == 1", "{}", CS_JQ_TRUE);
	allows("{import: 1, env: 2} | .env == 2", "{}", CS_JQ_TRUE);
	allows("{env:\n# key\n 1} | .env", "{}", CS_JQ_TRUE);
	allows("\"import\" | length == 6", "{}", CS_JQ_TRUE);
	allows("\"env \\\" input \\\\\" | length > 0", "{}", CS_JQ_TRUE);
	allows(".\"env\"", "{\"env\":1}", CS_JQ_TRUE);
	allows(".[\"input\"]", "{\"input\":false}", CS_JQ_FALSE);
	allows("\"\\(.env)\" == \"3\"", "{\"env\":3}", CS_JQ_TRUE);
	allows("# env input\ntrue", "{}", CS_JQ_TRUE);
	allows(". as $input | $input.a", "{\"a\":1}", CS_JQ_TRUE);
	allows("def myenv: .environment; myenv", "{\"environment\":0}", CS_JQ_TRUE);
	allows("@text \"\\(.a)\" == \"1\"", "{\"a\":1}", CS_JQ_TRUE);
	allows(".a?.env", "{\"a\":{\"env\":true}}", CS_JQ_TRUE);
	allows(".e5env", "{\"e5env\":1}", CS_JQ_TRUE);
	allows(".a[0].input", "{\"a\":[{\"input\":1}]}", CS_JQ_TRUE);
}

static void expect_timeout(const char *expr)
{
	cs_jq *jq = cs_jq_new(expr, 0.5, err, sizeof err);
	int r;
	ok(jq != NULL, "compiles: %s", expr);
	if (!jq)
		return;
	r = test_rec(jq, "{\"a\":1}");
	is_int(r, CS_JQ_ERROR, "%s is stopped", expr);
	is_str(err, "--where: timed out after 0.5s", "timeout message for %s", expr);
	/* The program is the same, so a record that ends quickly must too. */
	is_int(test_rec(jq, "{\"a\":-1}"), CS_JQ_FALSE, "a fresh worker answers the next record");
	cs_jq_free(jq);
}

static void test_timeouts(void)
{
	expect_timeout("def f: f; if .a > 0 then f else false end");
	expect_timeout("if .a > 0 then repeat(.) | select(false) else false end");
	expect_timeout("if .a > 0 then range(infinite) | select(. < 0) else false end");
}

static void test_memory(void)
{
	cs_jq *jq = cs_jq_new("if .a > 0 then [range(1e9)] | length > 0 else .b end", 0.5,
		err, sizeof err);
	ok(jq != NULL, "[range(1e9)] compiles");
	if (!jq)
		return;
	is_int(test_rec(jq, "{\"a\":1}"), CS_JQ_ERROR, "[range(1e9)] is stopped");
	ok(!strncmp(err, "--where: ", 9), "with a reason: %s", err);
	is_int(test_rec(jq, "{\"a\":0,\"b\":true}"), CS_JQ_TRUE, "the next record is fine");
	cs_jq_free(jq);
#ifdef T_ASAN
	for (int i = 0; i < 6; i++)
		ok(1, "# SKIP no address-space limit under ASan");
#else
	jq = cs_jq_new("if .a > 0 then (\"x\" | reduce range(40) as $i (.; . + .) | length) > 0 "
		"else .b end", 20.0, err, sizeof err);
	ok(jq != NULL, "string doubling compiles");
	if (!jq)
		return;
	is_int(test_rec(jq, "{\"a\":1}"), CS_JQ_ERROR, "doubling a string to 2^40 bytes fails");
	is_str(err, "--where: evaluation failed (out of memory)", "as out of memory");
	is_int(test_rec(jq, "{\"a\":1}"), CS_JQ_ERROR, "and again in a fresh worker");
	is_str(err, "--where: evaluation failed (out of memory)", "as out of memory");
	is_int(test_rec(jq, "{\"a\":0,\"b\":1}"), CS_JQ_TRUE, "the parent and the next record are fine");
	cs_jq_free(jq);
#endif
}

static void test_big_record(void)
{
	size_t n = 1 << 20;
	char *rec = cs_malloc(n + 64);
	cs_jq *jq = cs_jq_new(".a > 1 and (.s | length) == 1048576", 5.0, err, sizeof err);
	int len;
	ok(jq != NULL, "compiles");
	if (!jq) {
		free(rec);
		return;
	}
	len = snprintf(rec, 16, "{\"s\":\"");
	memset(rec + len, 'x', n);
	len += (int)n;
	len += snprintf(rec + len, 64, "\",\"a\":2}");
	is_int(cs_jq_test(jq, rec, (size_t)len, err, sizeof err), CS_JQ_TRUE, "a 1 MB record");
	is_int(cs_jq_test(jq, rec, (size_t)len - 1, err, sizeof err), CS_JQ_ERROR,
		"a truncated 1 MB record");
	ok(strlen(err) < 200 && !strncmp(err, "--where: invalid JSON: ", 23),
		"its message does not echo the record: %.100s", err);
	rec[len - 2] = '0';
	is_int(cs_jq_test(jq, rec, (size_t)len, err, sizeof err), CS_JQ_FALSE, "and again, false");

	/* A worker that died while idle: the big write must not raise SIGPIPE. */
	pid_t w = only_child();
	if (w > 0 && kill(w, SIGKILL) == 0) {
		usleep(100000);
		is_int(cs_jq_test(jq, rec, (size_t)len, err, sizeof err), CS_JQ_ERROR,
			"a killed worker is an error, not SIGPIPE");
		is_str(err, "--where: evaluation failed (worker killed by signal 9)", "the reason");
		rec[len - 2] = '2';
		is_int(cs_jq_test(jq, rec, (size_t)len, err, sizeof err), CS_JQ_TRUE, "then a new worker");
	} else {
		for (int i = 0; i < 3; i++)
			ok(1, "# SKIP no /proc/self/task/PID/children");
	}
	cs_jq_free(jq);
	free(rec);
}

static void on_usr1(int sig)
{
	(void)sig;
	_exit(42);
}

static int count_dir(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	int n = 0;
	if (!d)
		return -1;
	while ((e = readdir(d)))
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

/* The worker keeps none of the caller's fds or signal handlers. */
static void test_isolation(void)
{
	struct sigaction sa, old;
	char path[64];
	FILE *extra = tmpfile();
	cs_jq *jq;
	pid_t w;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, &old);
	jq = cs_jq_new(".a", 2.0, err, sizeof err);
	ok(jq && cs_jq_worker_pid(jq) == 0, "no worker before a record needs one");
	if (jq)
		test_rec(jq, "{}");
	w = jq ? (pid_t)cs_jq_worker_pid(jq) : 0;
	ok(jq && w > 0 && w == only_child(), "the first record started the worker");
	if (!jq || w <= 0) {
		cs_jq_free(jq);
		for (int i = 0; i < 3; i++)
			ok(1, "# SKIP no worker pid");
	} else {
		snprintf(path, sizeof path, "/proc/%ld/fd", (long)w);
		is_int(count_dir(path), 4, "the worker has stdin, stdout, stderr and its socket");
		kill(w, SIGUSR1);
		usleep(100000);
		is_int(test_rec(jq, "{\"a\":1}"), CS_JQ_ERROR, "SIGUSR1 ended the worker");
		is_str(err, "--where: evaluation failed (worker killed by signal 10)",
			"by default action, not the caller's handler");
		cs_jq_free(jq);
	}
	sigaction(SIGUSR1, &old, NULL);
	if (extra)
		fclose(extra);
}

/* The worker's environment is empty (read from /proc). */
static void test_environment(void)
{
	char path[64];
	setenv("CS_SECRET_FOR_TEST", "do-not-leak", 1);
	cs_jq *jq = cs_jq_new(".", 2.0, err, sizeof err);
	test_rec(jq, "{}");
	snprintf(path, sizeof path, "/proc/%ld/environ", cs_jq_worker_pid(jq));
	FILE *f = fopen(path, "r");
	int c, text = 0, read_it = f != NULL;
	while (f && (c = getc(f)) != EOF)
		text += c != 0;
	if (f)
		fclose(f);
	ok(read_it, "the worker's environ can be read");
	is_int(text, 0, "and holds nothing but NUL bytes: its environment is empty and wiped");
	cs_jq_free(jq);
	unsetenv("CS_SECRET_FOR_TEST");
}

static void verdicts_one_by_one(cs_jq *jq, const char *const *recs, const size_t *lens, size_t n, int *want)
{
	for (size_t i = 0; i < n; i++)
		want[i] = cs_jq_test(jq, recs[i], lens[i], err, sizeof err);
}

/* A batch decides as records one by one do; a record that times out is
 * named alone and the others keep their verdicts; a batch bigger than the
 * socket buffers completes; a killed worker is replaced. */
static void test_batches(void)
{
	const char *recs[] = {"{\"a\":2}", "{\"a\":0}", "{\"a\":null}", "{\"b\":1}", "{\"a\":\"x\"}", "{\"a\":{\"b\":1}}"};
	size_t n = sizeof recs / sizeof recs[0], lens[6];
	int want[6];
	struct cs_jq_verdict v[6];
	for (size_t i = 0; i < n; i++)
		lens[i] = strlen(recs[i]);
	cs_jq *jq = cs_jq_new(".a | if type == \"object\" then .b.c else . end | select(. != 0) | . and true", 2.0, err, sizeof err);
	verdicts_one_by_one(jq, recs, lens, n, want);
	cs_jq_test_batch(jq, recs, lens, n, v);
	int same = 1;
	for (size_t i = 0; i < n; i++)
		same &= v[i].result == want[i];
	ok(same, "a mixed batch (true, false, null, no output, an error) decides as one by one");
	cs_jq_free(jq);

	const char *slow[] = {"{\"slow\":false}", "{\"slow\":true}", "{\"slow\":false,\"x\":1}"};
	size_t slow_len[3] = {strlen(slow[0]), strlen(slow[1]), strlen(slow[2])};
	jq = cs_jq_new("if .slow then [limit(100000000; repeat(1))] | length > 0 else true end", 0.3, err, sizeof err);
	cs_jq_test_batch(jq, slow, slow_len, 3, v);
	ok(v[0].result == CS_JQ_TRUE && v[2].result == CS_JQ_TRUE, "the records around a slow one keep their verdicts");
	ok(v[1].result == CS_JQ_ERROR && strcmp(v[1].err, "--where: timed out after 0.3s") == 0,
	   "only the slow record times out (%s)", v[1].err);
	cs_jq_test_batch(jq, slow, slow_len, 1, v);
	ok(v[0].result == CS_JQ_TRUE, "and the next batch works");
	cs_jq_free(jq);

	enum { MANY = 5000, REC = 2048 };
	char *big = cs_malloc((size_t)MANY * REC);
	const char **many = cs_malloc(MANY * sizeof *many);
	size_t *many_len = cs_malloc(MANY * sizeof *many_len);
	struct cs_jq_verdict *mv = cs_malloc(MANY * sizeof *mv);
	for (int i = 0; i < MANY; i++) {
		char *r = big + (size_t)i * REC;
		int k = snprintf(r, REC, "{\"i\":%d,\"pad\":\"", i);
		memset(r + k, 'p', REC - (size_t)k - 3);
		memcpy(r + REC - 3, "\"}", 2);
		many[i] = r;
		many_len[i] = REC - 1;
	}
	jq = cs_jq_new(".i % 2 == 0", 10.0, err, sizeof err);
	cs_jq_test_batch(jq, many, many_len, MANY, mv);
	int right = 1;
	for (int i = 0; i < MANY; i++)
		right &= mv[i].result == (i % 2 == 0 ? CS_JQ_TRUE : CS_JQ_FALSE);
	ok(right, "a batch of 5000 records of 2 KiB (10 MB, beyond the socket buffers)");
	kill((pid_t)cs_jq_worker_pid(jq), SIGKILL);
	usleep(50000);
	cs_jq_test_batch(jq, many, many_len, 3, mv);
	ok(mv[0].result == CS_JQ_TRUE && mv[1].result == CS_JQ_FALSE && mv[2].result == CS_JQ_TRUE,
	   "a worker killed between batches is replaced");
	cs_jq_free(jq);
	free(big);
	free(many);
	free(many_len);
	free(mv);
}

/* Output buffered before the fork is written once, by the parent. */
static void test_stdio(void)
{
	FILE *f = tmpfile();
	char buf[32] = "";
	cs_jq *jq;
	ok(f != NULL, "tmpfile");
	if (!f)
		return;
	setvbuf(f, NULL, _IOFBF, 4096);
	fputs("once", f);
	jq = cs_jq_new("def f: f; f", 0.2, err, sizeof err);
	ok(jq && test_rec(jq, "{}") == CS_JQ_ERROR, "a worker was killed");
	cs_jq_free(jq);
	fflush(f);
	rewind(f);
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	is_str(buf, "once", "buffered output written once");
	fclose(f);
}

static void test_throughput(void)
{
	cs_jq *jq = cs_jq_new(".a > 1", 2.0, err, sizeof err);
	int n = 20000, good = 0;
	if (!jq) {
		ok(0, "compiles");
		return;
	}
	for (int i = 0; i < n; i++)
		good += test_rec(jq, i & 1 ? "{\"a\":2,\"kind\":\"message\"}" : "{\"a\":0}") == (i & 1);
	is_int(good, n, "%d records in a row", n);
	cs_jq_free(jq);
}

int main(void)
{
	int fds = count_dir("/proc/self/fd");
	test_outputs();
	test_records();
	test_errors();
	test_compile_errors();
	test_static_check();
	test_timeouts();
	test_memory();
	test_big_record();
	test_isolation();
	test_environment();
	test_batches();
	test_stdio();
	test_throughput();
	is_int(count_dir("/proc/self/fd"), fds, "no file descriptor leaked");
	errno = 0;
	ok(waitpid(-1, NULL, WNOHANG) < 0 && errno == ECHILD, "no child left behind");
	return tap_done();
}
