/* t_run: the run skeleton (lib/kit_run.c) and record sources (lib/kit_src.c),
 * with a small test engine. Each run is a child process (a run owns the
 * process's one output and its exit status); results are read from files. */
#include "kit_opt.h"
#include "kit_run.h"
#include "tap.h"
#include "fixture.h"
#include <sys/wait.h>

/* The test engine: prepare adds "p":1 unless the record has "raw"; record
 * writes the record with "seen":N (its order), or rejects one with "bad";
 * finish writes {"end":COUNT}; counters add "engine_records". */
struct engine_state {
	int seen;
	cs_buf buf;
	cs_obj obj;
};

static int prepare(void *ctx, cs_rec *rec)
{
	struct engine_state *s = ctx;
	cs_jerr je;
	if (cs_obj_get(&rec->obj, "raw", 3))
		return CS_REC_OK;
	cs_buf_reset(&s->buf);
	cs_json_set_field(&s->buf, rec->text, rec->len, &rec->obj, "p", "1", 1);
	if (cs_json_object(s->buf.p, s->buf.len, 0, &s->obj, &je) < 0)
		return CS_REC_BAD;
	rec->text = s->buf.p;
	rec->len = s->buf.len;
	rec->obj = s->obj;
	return CS_REC_OK;
}

static int record(void *ctx, cs_run *run, const cs_rec *rec)
{
	struct engine_state *s = ctx;
	char n[24];
	if (cs_obj_get(&rec->obj, "bad", 3)) {
		cs_rec_bad(rec, "the engine refuses this record");
		return CS_REC_BAD;
	}
	snprintf(n, sizeof n, "%d", ++s->seen);
	cs_run_write_field(run, rec, "seen", n, strlen(n));
	return CS_REC_OK;
}

static void finish(void *ctx, cs_run *run)
{
	struct engine_state *s = ctx;
	char line[64];
	snprintf(line, sizeof line, "{\"end\":%d}", s->seen);
	cs_run_write_line(run, line, strlen(line));
}

static void counters(void *ctx, cs_stats *st)
{
	struct engine_state *s = ctx;
	cs_stats_add(st, "engine_records", (uint64_t)s->seen);
}

static const struct cs_opt no_opts[] = {{0}};
static const struct cs_prog_def prog = {"t_run", "test", "file ...", no_opts, NULL, NULL, NULL};

static int no_handle(int key, const char *arg, void *ctx)
{
	(void)key, (void)arg, (void)ctx;
	return 0;
}

/* Run the skeleton with argv (NULL-ended) in a child; returns its exit status. */
static int run(const char *format, char **argv)
{
	int argc = 0;
	while (argv[argc])
		argc++;
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid == 0) {
		struct cs_common c;
		struct engine_state s = {0};
		struct cs_engine e = {.ctx = &s, .prepare = prepare, .record = record, .finish = finish,
				      .counters = counters};
		optind = 0;
		int first = cs_opt_parse(&prog, argc, argv, &c, no_handle, NULL);
		c.format = format;
		int status = cs_run_main(&c, &e, argv + first, argc - first);
		fflush(stderr);
		_exit(status);
	}
	int st;
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static const char *file_text(const char *name)
{
	static char *last;
	size_t n;
	free(last);
	last = read_all(name, &n);
	return last;
}

static void test_order_and_stats(void)
{
	write_str("in.ndjson", "{\"a\":1}\n\n{\"raw\":1,\"a\":2}\n  \n{\"a\":3}\n");
	char *argv[] = {"t_run", "-o", "out.ndjson", "--stats=json", "--stats-file", "stats.json", "in.ndjson", NULL};
	is_int(run(NULL, argv), 0, "a clean run exits 0");
	is_str(file_text("out.ndjson"),
	       "{\"a\":1,\"p\":1,\"seen\":1}\n{\"raw\":1,\"a\":2,\"seen\":2}\n{\"a\":3,\"p\":1,\"seen\":3}\n{\"end\":3}\n",
	       "records go through prepare and record in input order, then finish");
	is_str(file_text("stats.json"),
	       "{\"kind\":\"stats\",\"program\":\"t_run\",\"read\":3,\"written\":4,\"blank\":2,\"rejected\":0,"
	       "\"skipped\":0,\"dropped\":0,\"replaced\":0,\"inputs_failed\":0,\"stopped\":0,\"engine_records\":3}\n",
	       "one stats line: common counters, then the engine's");
	is_str(errtext(), "", "nothing on stderr");
}

static void test_where_select(void)
{
	write_str("in.ndjson", "{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n{\"a\":4}\n");
	char *argv[] = {"t_run", "-o", "out.ndjson", "--select", ".a != 2", "--where", ".p == 1 and .a > 2",
			"--stats", "in.ndjson", NULL};
	is_int(run(NULL, argv), 0, "--select and --where run");
	is_str(file_text("out.ndjson"), "{\"a\":1,\"p\":1}\n{\"a\":3,\"p\":1,\"seen\":1}\n{\"a\":4,\"p\":1,\"seen\":2}\n{\"end\":2}\n",
	       "select drops a:2; where passes a:1 through as prepared, and sees prepare's field");
	is_str(errtext(), "t_run: stats: read 4, written 4, blank 0, rejected 0, skipped 1, dropped 1, replaced 0, "
	       "inputs_failed 0, stopped 0, engine_records 2\n", "skipped and dropped are counted");
	char *jq_only[] = {"t_run", "-o", "out.ndjson", "--where", "[.a] | add > 2", "in.ndjson", NULL};
	is_int(run(NULL, jq_only), 0, "a jq-only --where runs");
	is_str(file_text("out.ndjson"), "{\"a\":1,\"p\":1}\n{\"a\":2,\"p\":1}\n{\"a\":3,\"p\":1,\"seen\":1}\n"
	       "{\"a\":4,\"p\":1,\"seen\":2}\n{\"end\":2}\n", "and keeps the order of records it held for the worker");
}

static void test_bad_records(void)
{
	write_str("old.ndjson", "old\n");
	write_str("in.ndjson", "{\"a\":1}\n{\"bad\":1}\n[1]\n{\"a\":2}\n");
	char *stop[] = {"t_run", "-o", "old.ndjson", "--stats", "in.ndjson", NULL};
	is_int(run(NULL, stop), 1, "a bad record stops the run with exit 1");
	is_str(file_text("old.ndjson"), "old\n", "and -o is left as it was");
	is_str(errtext(), "t_run: in.ndjson:2: the engine refuses this record\n"
	       "t_run: stats: read 2, written 1, blank 0, rejected 1, skipped 0, dropped 0, replaced 0, "
	       "inputs_failed 0, stopped 1, engine_records 1\n", "the stats line is written even so, with stopped 1");
	char *skip[] = {"t_run", "-o", "out.ndjson", "--skip-bad", "in.ndjson", NULL};
	is_int(run(NULL, skip), 1, "--skip-bad goes on and exits 1");
	is_str(file_text("out.ndjson"), "{\"a\":1,\"p\":1,\"seen\":1}\n{\"a\":2,\"p\":1,\"seen\":2}\n{\"end\":2}\n",
	       "the good records are all written");
	is_str(errtext(), "t_run: in.ndjson:2: the engine refuses this record\nt_run: in.ndjson:3: not a JSON object\n"
	       "t_run: 2 bad records left out\n", "each bad record is named, then counted");
}

static void test_missing_input(void)
{
	write_str("a.ndjson", "{\"a\":1}\n");
	char *argv[] = {"t_run", "-o", "out.ndjson", "a.ndjson", "nope.ndjson", "a.ndjson", NULL};
	is_int(run(NULL, argv), 4, "an unreadable input: exit 4");
	is_str(file_text("out.ndjson"), "{\"a\":1,\"p\":1,\"seen\":1}\n{\"a\":1,\"p\":1,\"seen\":2}\n{\"end\":2}\n",
	       "the run went on with the next file and finished");
	is_str(errtext(), "t_run: nope.ndjson: No such file or directory\nt_run: 1 input could not be read to the end\n",
	       "the input and the count are reported");
}

static void test_csv_same_record(void)
{
	write_str("in.csv", "a,b,c\n1,x y,\n\"2\",\"q\"\"\",z\n");
	char *argv[] = {"t_run", "-o", "out.ndjson", "in.csv", NULL};
	is_int(run("csv", argv), 0, "a CSV source runs the same loop");
	is_str(file_text("out.ndjson"),
	       "{\"a\":\"1\",\"b\":\"x y\",\"source\":{\"format\":\"csv\",\"file\":\"in.csv\",\"line\":2},\"p\":1,\"seen\":1}\n"
	       "{\"a\":\"2\",\"b\":\"q\\\"\",\"c\":\"z\",\"source\":{\"format\":\"csv\",\"file\":\"in.csv\",\"line\":3},\"p\":1,\"seen\":2}\n"
	       "{\"end\":2}\n", "each row is a record named by the header, empty cells left out, its source last");
	write_str("in.csv", "a,b\n1,2\n3\n4,5\n");
	char *where[] = {"t_run", "-o", "out.ndjson", "--skip-bad", "--where", ".a == \"4\"", "in.csv", NULL};
	is_int(run("csv", where), 1, "a ragged row is a bad record, as in NDJSON");
	is_str(file_text("out.ndjson"),
	       "{\"a\":\"1\",\"b\":\"2\",\"source\":{\"format\":\"csv\",\"file\":\"in.csv\",\"line\":2},\"p\":1}\n"
	       "{\"a\":\"4\",\"b\":\"5\",\"source\":{\"format\":\"csv\",\"file\":\"in.csv\",\"line\":4},\"p\":1,\"seen\":1}\n"
	       "{\"end\":1}\n", "--where and --skip-bad behave the same for CSV");
	is_str(errtext(), "t_run: in.csv:3: row has 1 fields but the header has 2\nt_run: 1 bad record left out\n",
	       "the row is named by its line");
}

int main(void)
{
	fixture_enter("t_run");
	test_order_and_stats();
	test_where_select();
	test_bad_records();
	test_missing_input();
	test_csv_same_record();
	fixture_leave();
	return tap_done();
}
