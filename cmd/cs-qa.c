/* cs-qa: inspect every conversation with a scorecard, sentiment and risk alerts. */
#include "eng_qa.h"
#include "eng_qa_mine.h"
#include "kit_libver.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_opt.h"
#include "kit_run.h"
#include <stdlib.h>
#include <string.h>

enum { OPT_SCORECARD = 256, OPT_LEXICON, OPT_SENTIMENT_ONLY, OPT_ALERTS, OPT_EVIDENCE, OPT_CHECK, OPT_NO_MESSAGES, OPT_THREADS };

static const struct cs_opt options[] = {
	{"scorecard", 'c', 1, "file", "the scorecard: a file, or a name in the share directory (default: default)", "file"},
	{"lexicon", OPT_LEXICON, 1, "file", "more sentiment words: lines of word TAB valence (-4 to 4; repeatable)", "file"},
	{"sentiment-only", 's', 0, NULL, "score sentiment and emotions only, without a scorecard", NULL},
	{"alerts", OPT_ALERTS, 1, "mode", "records (alert records after the conversation, default), inline (qa.alerts only) "
					   "or only (alert records only)", "records|inline|only"},
	{"evidence", OPT_EVIDENCE, 1, "n", "evidence entries kept per item and alert (default 3)", NULL},
	{"no-message-sentiment", OPT_NO_MESSAGES, 0, NULL, "leave out qa.sentiment.messages (one entry a message)", NULL},
	{"threads", OPT_THREADS, 1, "n", "score with n threads (default: one a processor); the output is the same", NULL},
	{"check", OPT_CHECK, 0, NULL, "check the scorecard, print what it holds and exit", NULL},
	{0}
};

static const struct cs_libver libs[] = {
	{"libjq", cs_libver_jq}, {"zstd", cs_libver_zstd}, {"zlib", cs_libver_zlib},
	{"PCRE2", cs_libver_pcre2}, {"libunistring", cs_libver_unistring}, {0}
};

static const struct cs_subcommand subcommands[] = {
	{"mine", "find the terms of negative, low-scoring and best conversations"},
	{0}
};

static const struct cs_prog_def prog = {
	"cs-qa",
	"Inspect every conversation: score it with a scorecard, with evidence for\n"
	"each item; score sentiment and emotions per message and for the customer;\n"
	"raise alerts for risks. Adds \"qa\" to conversation records and writes\n"
	"alert records after them; other records pass through.",
	"file ...",
	options,
	"A record with a top-level \"text\" (a review, a survey comment) is scored for\n"
	"sentiment as one customer message. `cs-qa mine` finds the terms of negative\n"
	"and low-scoring conversations (cs-qa mine --help).\n",
	libs,
	subcommands,
};

struct args {
	struct cs_qa_opts o;
	int check;
};

static enum cs_qa_alerts parse_alerts(const char *arg)
{
	if (strcmp(arg, "records") == 0)
		return CS_QA_ALERTS_RECORDS;
	if (strcmp(arg, "inline") == 0)
		return CS_QA_ALERTS_INLINE;
	if (strcmp(arg, "only") == 0)
		return CS_QA_ALERTS_ONLY;
	cs_usage_error("--alerts: '%s' is not records, inline or only", arg);
}

static int handle(int key, const char *arg, void *ctx)
{
	struct args *a = ctx;
	switch (key) {
	case 'c': a->o.scorecard = arg; break;
	case OPT_LEXICON:
		a->o.lexicons = cs_realloc(a->o.lexicons, (a->o.nlexicons + 1) * sizeof *a->o.lexicons);
		a->o.lexicons[a->o.nlexicons++] = arg;
		break;
	case 's': a->o.sentiment_only = 1; break;
	case OPT_ALERTS: a->o.alerts = parse_alerts(arg); break;
	case OPT_EVIDENCE: a->o.max_evidence = (int)cs_opt_int("evidence", arg, 0, 1000); break;
	case OPT_NO_MESSAGES: a->o.messages_sentiment = 0; break;
	case OPT_THREADS: a->o.threads = (int)cs_opt_int("threads", arg, 1, 16); break;
	case OPT_CHECK: a->check = 1; break;
	}
	return 0;
}

/* ---- cs-qa mine ---- */

enum { MINE_TARGET = 256, MINE_NEGATIVE_AT, MINE_LOW_SCORE, MINE_BEST_SCORE, MINE_TOP, MINE_MIN_COUNT, MINE_PREVIOUS,
       MINE_PARTIAL };

static const struct cs_opt mine_options[] = {
	{"target", MINE_TARGET, 1, "set", "the conversations to contrast: negative, low or either (default)", "negative|low|either"},
	{"negative-at", MINE_NEGATIVE_AT, 1, "x", "negative: the customer's mean sentiment at most x (default -0.05)", NULL},
	{"low-score", MINE_LOW_SCORE, 1, "n", "low: qa.score below n (default 60)", NULL},
	{"best-score", MINE_BEST_SCORE, 1, "n", "best practice: agent terms of conversations scoring n or more (default 90)", NULL},
	{"top", MINE_TOP, 1, "n", "terms in each list (default 20)", NULL},
	{"min-count", MINE_MIN_COUNT, 1, "n", "conversations a term needs in its set (default 3)", NULL},
	{"previous", MINE_PREVIOUS, 1, "file", "the period before (scored conversations or --partial counts): emerging terms", "file"},
	{"partial", MINE_PARTIAL, 0, NULL, "write the counts (term_counts, term_totals) to merge later, not the lists", NULL},
	{0}
};

static const struct cs_prog_def mine_prog = {
	"cs-qa mine",
	"Find the terms of scored conversations (cs-qa's output) that stand out:\n"
	"the customer's terms over-represented in negative or low-scoring\n"
	"conversations, terms emerging since --previous, and the agent's terms of\n"
	"the best-scoring conversations. Writes mined records, best first.",
	"file ...",
	mine_options,
	"Counts merge: run --partial on each shard, then cs-qa mine over the partial\n"
	"outputs together.\n",
	libs,
	NULL,
};

static int mine_handle(int key, const char *arg, void *ctx)
{
	struct cs_mine_opts *o = ctx;
	switch (key) {
	case MINE_TARGET:
		if (strcmp(arg, "negative") == 0)
			o->target = CS_MINE_NEGATIVE;
		else if (strcmp(arg, "low") == 0)
			o->target = CS_MINE_LOW;
		else if (strcmp(arg, "either") == 0)
			o->target = CS_MINE_EITHER;
		else
			cs_usage_error("--target: '%s' is not negative, low or either", arg);
		break;
	case MINE_NEGATIVE_AT: o->negative_at = cs_opt_real("negative-at", arg, -1, 1); break;
	case MINE_LOW_SCORE: o->low_score = cs_opt_real("low-score", arg, 0, 100); break;
	case MINE_BEST_SCORE: o->best_score = cs_opt_real("best-score", arg, 0, 100); break;
	case MINE_TOP: o->top = (size_t)cs_opt_int("top", arg, 1, 100000); break;
	case MINE_MIN_COUNT: o->min_count = (size_t)cs_opt_int("min-count", arg, 1, 1000000000); break;
	case MINE_PREVIOUS: o->previous = arg; break;
	case MINE_PARTIAL: o->partial = 1; break;
	}
	return 0;
}

/* The common options --check takes: the scorecard's is a file of the share directory. */
static const char *const check_common[] = {"quiet", "share-dir", "tz", NULL};

static int mine_main(int argc, char **argv)
{
	struct cs_common common;
	struct cs_mine_opts o;
	struct cs_engine engine;
	cs_mine_opts_init(&o);
	int first = cs_opt_parse_refusing(&mine_prog, CS_REFUSE_WHERE | CS_REFUSE_SPLIT_TOTALS, argc, argv, &common,
					  mine_handle, &o);
	cs_mine *m = cs_mine_new(&common, &o, &engine);
	int status = cs_run_main(&common, &engine, argv + first, argc - first);
	cs_mine_free(m);
	return status;
}

/* ---- end of cs-qa mine ---- */

int main(int argc, char **argv)
{
	struct cs_common common;
	struct args a;
	struct cs_engine engine;
	cs_mem_use_huge_pages(argv);
	if (argc > 1 && strcmp(argv[1], "mine") == 0)
		return mine_main(argc - 1, argv + 1);
	cs_qa_opts_init(&a.o);
	a.check = 0;
	int first = cs_opt_parse(&prog, argc, argv, &common, handle, &a);
	if (a.check) {
		cs_opt_refuse_common(check_common, "--check reads no records and prints to standard output");
		int status = cs_qa_check(&a.o);
		free(a.o.lexicons);
		return status;
	}
	cs_qa *q = cs_qa_new(&common, &a.o, &engine);
	int status = cs_run_main(&common, &engine, argv + first, argc - first);
	cs_qa_free(q);
	free(a.o.lexicons);
	return status;
}
