/* cs-answer: knowledge builds and cited answers that hand off when unsure. */
#include "eng_answer.h"
#include "eng_answer_build.h"
#include "eng_answer_fb.h"
#include "eng_answer_mine.h"
#include "fmt_kbdoc.h"
#include "kit_libver.h"
#include "kit_msg.h"
#include "kit_opt.h"
#include "kit_run.h"
#include "kit_time.h"
#include <stdlib.h>
#include <string.h>

static const struct cs_libver libs[] = {
	{"libjq", cs_libver_jq}, {"zstd", cs_libver_zstd}, {"zlib", cs_libver_zlib}, {"PCRE2", cs_libver_pcre2},
	{"SQLite", cs_libver_sqlite}, {"libunistring", cs_libver_unistring}, {"libstemmer", cs_libver_stemmer}, {0}
};

static const char *check_date(const char *opt, const char *arg)
{
	if (!cs_date_valid(arg, strlen(arg)))
		cs_usage_error("--%s: '%s' is not a date (YYYY-MM-DD)", opt, arg);
	return arg;
}

static double parse_unit(const char *opt, const char *arg)
{
	char *end;
	double v = strtod(arg, &end);
	if (end == arg || *end || !(v >= 0 && v <= 1))
		cs_usage_error("--%s: '%s' is not a number from 0 to 1", opt, arg);
	return v;
}

/* ---- cs-answer (answering) and cs-answer eval ---- */

enum { OPT_KB = 256, OPT_FIELD, OPT_TOP, OPT_MIN_CONF, OPT_EXPLAIN, OPT_GENERATE, OPT_GEN_TIMEOUT, OPT_TODAY,
       OPT_LATENCY, OPT_EXPECT };

#define KB_OPT {"kb", OPT_KB, 1, "file", "the knowledge base (SQLite, from cs-answer build)", "file"}
#define ASK_OPTS \
	KB_OPT, \
	{"field", OPT_FIELD, 1, "path", "the question at this path of any record (such as body.question)", NULL}, \
	{"min-confidence", OPT_MIN_CONF, 1, "x", "hand off to a person below this confidence (default 0.5)", NULL}, \
	{"today", OPT_TODAY, 1, "date", "the date effective dates are compared with (default: today)", NULL}

static const struct cs_opt options[] = {
	ASK_OPTS,
	{"top", 'k', 1, "n", "sources listed (default 10)", NULL},
	{"explain", OPT_EXPLAIN, 0, NULL, "show why each source ranked where it did", NULL},
	{"generate", OPT_GENERATE, 1, "cmd", "send a grounded prompt to this command's stdin; store its text", NULL},
	{"generate-timeout", OPT_GEN_TIMEOUT, 1, "s", "give the command this many seconds (default 120)", NULL},
	{0}
};

static const struct cs_opt eval_options[] = {
	ASK_OPTS,
	{"expect-field", OPT_EXPECT, 1, "name", "the expected entry id's field (default faq_id, else expected)", NULL},
	{"latency", OPT_LATENCY, 0, NULL, "also measure the time per question (median, p99)", NULL},
	{0}
};

static const struct cs_subcommand subcommands[] = {
	{"build", "index documents, FAQ tables and knowledge records into a knowledge base"},
	{"eval", "measure retrieval on questions with their expected entries"},
	{"feedback", "record helpful and unhelpful answers; learn phrasings"},
	{"review", "list entries with poor feedback or stale effective dates"},
	{"mine", "candidate FAQ records from resolved conversations"},
	{0}
};

static const struct cs_prog_def prog = {
	"cs-answer",
	"Answer questions from a knowledge base with cited sources. For each\n"
	"record with a question (\"question\", --field, or a conversation's latest\n"
	"customer message) adds \"answer\": the best entry's text, the top sources,\n"
	"a confidence, and a hand-off to a person when unsure. Other records pass\n"
	"through.",
	"file ...",
	options,
	"Build the knowledge base first: cs-answer build --kb FILE SOURCES...\n",
	libs,
	subcommands,
};

static const struct cs_prog_def eval_prog = {
	"cs-answer eval",
	"Measure retrieval: questions (\"query\" or \"question\") with the entry\n"
	"expected (\"faq_id\" or \"expected\"). Writes one answer_eval record:\n"
	"hit@1, MRR@10 and hand-off rates.",
	"file ...",
	eval_options,
	NULL,
	libs,
	NULL,
};

static int handle(int key, const char *arg, void *ctx)
{
	struct cs_answer_opts *o = ctx;
	char *end;
	switch (key) {
	case OPT_KB: o->kb = arg; break;
	case OPT_FIELD: o->field = arg; break;
	case OPT_MIN_CONF: o->min_confidence = parse_unit("min-confidence", arg); break;
	case OPT_TODAY: o->today = check_date("today", arg); break;
	case 'k': o->top = (size_t)cs_opt_int("top", arg, 1, 100); break;
	case OPT_EXPLAIN: o->explain = 1; break;
	case OPT_GENERATE: o->generate = arg; break;
	case OPT_GEN_TIMEOUT:
		o->generate_timeout = strtod(arg, &end);
		if (end == arg || *end || !(o->generate_timeout > 0 && o->generate_timeout <= 86400))
			cs_usage_error("--generate-timeout: '%s' is not a number of seconds above 0", arg);
		break;
	case OPT_LATENCY: o->latency = 1; break;
	case OPT_EXPECT: o->expect_field = arg; break;
	}
	return 0;
}

static int answer_main(int argc, char **argv, int eval)
{
	struct cs_common common;
	struct cs_answer_opts o;
	struct cs_engine engine;
	cs_answer_opts_init(&o);
	o.eval = eval;
	int refuse = eval ? CS_REFUSE_WHERE | CS_REFUSE_SPLIT_TOTALS : 0;
	int first = cs_opt_parse_refusing(eval ? &eval_prog : &prog, refuse, argc, argv, &common, handle, &o);
	if (!o.kb)
		cs_usage_error("--kb FILE is required");
	cs_answer *a = cs_answer_new(&common, &o, &engine);
	int status = cs_run_main(&common, &engine, argv + first, argc - first);
	cs_answer_free(a);
	return status;
}

/* ---- cs-answer build ---- */

enum { B_KB = 256, B_SYNONYMS, B_NO_SYNONYMS, B_PASSAGE, B_OVERLAP, B_THREADS };

static const struct cs_opt build_options[] = {
	{"kb", B_KB, 1, "file", "the knowledge base to create or bring up to date", "file"},
	{"synonyms", B_SYNONYMS, 1, "file", "synonym groups, a line each (\"APP, 客户端, app\"), kept in the knowledge base",
	 "file"},
	{"no-synonyms", B_NO_SYNONYMS, 0, NULL, "forget the synonyms the knowledge base holds", NULL},
	{"passage", B_PASSAGE, 1, "bytes", "cut documents into passages of at most this size (default 1000)", NULL},
	{"overlap", B_OVERLAP, 1, "bytes", "passages of a section overlap this much (default 150)", NULL},
	{"threads", B_THREADS, 1, "n", "read and analyze entries with n threads (default: one a processor); the knowledge base is the same", NULL},
	{0}
};

static const struct cs_prog_def build_prog = {
	"cs-answer build",
	"Index sources into a knowledge base: Markdown and text documents (cut at\n"
	"headings, then into passages), FAQ tables (CSV or NDJSON: id, question,\n"
	"alternates, answer, tags) and knowledge records (NDJSON). A directory is\n"
	"read whole. Only what changed is indexed again; what no source gives any\n"
	"more is removed. Writes one kb_build record.",
	"source ...",
	build_options,
	NULL,
	libs,
	NULL,
};

struct build_args {
	struct cs_build_opts o;
	size_t passage, overlap;
};

static int build_handle(int key, const char *arg, void *ctx)
{
	struct build_args *b = ctx;
	switch (key) {
	case B_KB: b->o.kb = arg; break;
	case B_SYNONYMS: b->o.synonyms = arg; break;
	case B_NO_SYNONYMS: b->o.clear_synonyms = 1; break;
	case B_PASSAGE: b->passage = (size_t)cs_opt_int("passage", arg, 200, 100000); break;
	case B_OVERLAP: b->overlap = (size_t)cs_opt_int("overlap", arg, 0, 50000); break;
	case B_THREADS: b->o.threads = (int)cs_opt_int("threads", arg, 1, 16); break;
	}
	return 0;
}

static const struct cs_doc_format *const kb_formats[] = {&cs_fmt_markdown, &cs_fmt_plaintext, NULL};

static int build_main(int argc, char **argv)
{
	struct cs_common common;
	struct build_args b = {.passage = 1000, .overlap = 150};
	struct cs_engine engine;
	int first = cs_opt_parse_refusing(&build_prog, CS_REFUSE_WHERE | CS_REFUSE_SPLIT_TOTALS, argc, argv, &common,
					  build_handle, &b);
	if (!b.o.kb)
		cs_usage_error("--kb FILE is required");
	if (b.overlap >= b.passage / 2)
		cs_usage_error("--overlap: %zu is not below half of --passage (%zu)", b.overlap, b.passage);
	if (first == argc)
		cs_usage_error("no sources: give files or directories (- for standard input)");
	cs_fmt_kbdoc_set_passage(b.passage, b.overlap);
	common.format = "auto";
	common.formats = kb_formats;
	int nfiles;
	char **files = cs_build_expand(argv + first, argc - first, &nfiles);
	cs_build *bd = cs_build_new(&common, &b.o, &engine);
	int status = nfiles ? cs_run_main(&common, &engine, files, nfiles) : 0;
	if (!nfiles)
		cs_error("no sources found under the directories given");
	cs_build_free(bd);
	cs_build_expand_free(files);
	return nfiles ? status : CS_EXIT_USAGE;
}

/* ---- cs-answer feedback, review, mine ---- */

enum { F_KB = 256, F_TODAY, F_MIN_VOTES, F_MAX_UNHELPFUL, F_EXPIRING, M_MIN_SCORE, M_REPEAT, M_SIMILARITY,
       M_MIN_COUNT };

static const struct cs_opt feedback_options[] = {
	{"kb", F_KB, 1, "file", "the knowledge base to record the votes in", "file"},
	{0}
};

static const struct cs_opt review_options[] = {
	{"kb", F_KB, 1, "file", "the knowledge base to review", "file"},
	{"today", F_TODAY, 1, "date", "the date effective dates are compared with (default: today)", NULL},
	{"min-votes", F_MIN_VOTES, 1, "n", "votes before the share of unhelpful ones counts (default 3)", NULL},
	{"max-unhelpful", F_MAX_UNHELPFUL, 1, "x", "list entries with at least this share unhelpful (default 0.5)", NULL},
	{"expiring", F_EXPIRING, 1, "days", "list entries that expire within this many days (default 30)", NULL},
	{0}
};

static const struct cs_opt mine_options[] = {
	{"min-score", M_MIN_SCORE, 1, "n", "a scored conversation needs qa.score at least this (default 80)", NULL},
	{"repeat-window", M_REPEAT, 1, "duration", "the customer came back within this: not solved (default 7d)", NULL},
	{"similarity", M_SIMILARITY, 1, "x", "merge questions sharing this share of terms (default 0.5)", NULL},
	{"min-count", M_MIN_COUNT, 1, "n", "leave out groups of fewer conversations (default 1)", NULL},
	{0}
};

static const struct cs_prog_def feedback_prog = {
	"cs-answer feedback",
	"Record votes on answers: {\"question\":..., \"id\": the entry, \"helpful\":\n"
	"true or false}. A helpful vote teaches the entry the question's phrasing;\n"
	"unhelpful ones demote it. Writes one kb_feedback record.",
	"file ...", feedback_options, NULL, libs, NULL,
};

static const struct cs_prog_def review_prog = {
	"cs-answer review",
	"List the entries their owners should look at: mostly unhelpful votes,\n"
	"expired or expiring soon, not yet effective. One review record each.",
	NULL, review_options, NULL, libs, NULL,
};

static const struct cs_prog_def mine_prog = {
	"cs-answer mine",
	"Candidate FAQ records from solved conversations (good qa.score, no\n"
	"repeat contact): the customer's request and the agent's answer, near\n"
	"duplicates merged, most asked first, for a person to review.",
	"file ...", mine_options, NULL, libs, NULL,
};

struct sub_args {
	struct cs_feedback_opts fb;
	struct cs_review_opts rv;
	struct cs_amine_opts mn;
};

static int sub_handle(int key, const char *arg, void *ctx)
{
	struct sub_args *a = ctx;
	switch (key) {
	case F_KB: a->fb.kb = a->rv.kb = arg; break;
	case F_TODAY: a->rv.today = check_date("today", arg); break;
	case F_MIN_VOTES: a->rv.min_votes = (int)cs_opt_int("min-votes", arg, 1, 1000000); break;
	case F_MAX_UNHELPFUL: a->rv.max_unhelpful = parse_unit("max-unhelpful", arg); break;
	case F_EXPIRING: a->rv.expiring_days = (int)cs_opt_int("expiring", arg, 0, 3650); break;
	case M_MIN_SCORE: a->mn.min_score = (double)cs_opt_int("min-score", arg, 0, 100); break;
	case M_REPEAT: a->mn.repeat_ms = cs_opt_duration_ms("repeat-window", arg); break;
	case M_SIMILARITY: a->mn.similarity = parse_unit("similarity", arg); break;
	case M_MIN_COUNT: a->mn.min_count = (uint64_t)cs_opt_int("min-count", arg, 1, 1000000); break;
	}
	return 0;
}

static int feedback_main(int argc, char **argv)
{
	struct cs_common common;
	struct sub_args a = {0};
	struct cs_engine engine;
	int first = cs_opt_parse_refusing(&feedback_prog, CS_REFUSE_WHERE | CS_REFUSE_SPLIT_TOTALS, argc, argv, &common,
					  sub_handle, &a);
	if (!a.fb.kb)
		cs_usage_error("--kb FILE is required");
	cs_feedback *f = cs_feedback_new(&common, &a.fb, &engine);
	int status = cs_run_main(&common, &engine, argv + first, argc - first);
	cs_feedback_free(f);
	return status;
}

/* review reads no records: of the common options it takes the output's */
static const char *const review_common[] = {"output", "quiet", NULL};

static int review_main(int argc, char **argv)
{
	struct cs_common common;
	struct sub_args a = {0};
	cs_review_opts_init(&a.rv);
	int first = cs_opt_parse_only(&review_prog, review_common, argc, argv, &common, sub_handle, &a);
	if (!a.rv.kb)
		cs_usage_error("--kb FILE is required");
	if (first < argc)
		cs_usage_error("review reads no files: '%s'", argv[first]);
	return cs_review_run(&common, &a.rv);
}

static int mine_main(int argc, char **argv)
{
	struct cs_common common;
	struct sub_args a = {0};
	struct cs_engine engine;
	cs_amine_opts_init(&a.mn);
	int first = cs_opt_parse_refusing(&mine_prog, CS_REFUSE_WHERE | CS_REFUSE_SPLIT_TOTALS, argc, argv, &common,
					  sub_handle, &a);
	cs_amine *m = cs_amine_new(&common, &a.mn, &engine);
	int status = cs_run_main(&common, &engine, argv + first, argc - first);
	cs_amine_free(m);
	return status;
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "build") == 0)
		return build_main(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "eval") == 0)
		return answer_main(argc - 1, argv + 1, 1);
	if (argc > 1 && strcmp(argv[1], "feedback") == 0)
		return feedback_main(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "review") == 0)
		return review_main(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "mine") == 0)
		return mine_main(argc - 1, argv + 1);
	return answer_main(argc, argv, 0);
}
