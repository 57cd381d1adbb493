/* cs-route: intents, tiers, queues and agents for every conversation, each decision explained. */
#include "eng_route.h"
#include "eng_route_learn.h"
#include "eng_route_policy.h"
#include "kit_libver.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_opt.h"
#include "kit_run.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct cs_libver libs[] = {
	{"libjq", cs_libver_jq}, {"zstd", cs_libver_zstd}, {"zlib", cs_libver_zlib}, {"PCRE2", cs_libver_pcre2},
	{"SQLite", cs_libver_sqlite}, {"libunistring", cs_libver_unistring},
	{"libstemmer", cs_libver_stemmer}, {0}
};

static double parse_unit(const char *opt, const char *arg)
{
	char *end;
	double v = strtod(arg, &end);
	if (end == arg || *end || !(v >= 0 && v <= 1))
		cs_usage_error("--%s: '%s' is not a number from 0 to 1", opt, arg);
	return v;
}

static const char *parse_format(const char *arg)
{
	static const char *const known[] = {"auto", "ndjson", "csv", "tsv", NULL};
	for (int i = 0; known[i]; i++)
		if (strcmp(arg, known[i]) == 0)
			return known[i];
	cs_usage_error("--format: '%s' is not auto, ndjson, csv or tsv", arg);
}

/* ---- cs-route (routing) ---- */

enum { OPT_RULES = 256, OPT_AGENTS, OPT_STATE, OPT_FIELD, OPT_THRESHOLD, OPT_AMBIGUITY, OPT_MODE, OPT_ALTERNATIVES,
       OPT_THREADS, OPT_CHECK };

static const struct cs_opt options[] = {
	{"model", 'm', 1, "file", "an intent model from cs-route train", "file"},
	{"rules", OPT_RULES, 1, "file", "intent rules: PCRE2 patterns with priorities, before the model", "file"},
	{"policy", 'p', 1, "file", "the routing policy: a file, or a name in share/route (cs-route-policy(5))", "file"},
	{"agents", OPT_AGENTS, 1, "file", "the agents: NDJSON, one agent a line (skills, channels, status, load)", "file"},
	{"state", OPT_STATE, 1, "file", "keep agent load, queues and turns in this SQLite file between runs", "file"},
	{"field", OPT_FIELD, 1, "path", "route any record on the text at this path (such as text or body.question)", NULL},
	{"threshold", OPT_THRESHOLD, 1, "x", "fallback: an intent below this confidence is out_of_scope (policy's, or 0.3)", NULL},
	{"ambiguity", OPT_AMBIGUITY, 1, "x", "fallback: out_of_scope when the best two are closer than this (policy's, or 0)", NULL},
	{"mode", OPT_MODE, 1, "mode", "choose agents by longest_idle, least_loaded, round_robin or best_skill (policy's)",
	 "longest_idle|least_loaded|round_robin|best_skill"},
	{"alternatives", OPT_ALTERNATIVES, 1, "n", "intents listed after the best in route.alternatives (default 2)", NULL},
	{"threads", OPT_THREADS, 1, "n", "read records with n threads (default: one a processor); the output is the same", NULL},
	{"check", OPT_CHECK, 0, NULL, "check the model, rules, policy, agents and state, print what they hold and exit", NULL},
	{0}
};

static const struct cs_subcommand subcommands[] = {
	{"train", "learn an intent model from labelled examples"},
	{"eval", "score an intent model, or cross-validate"},
	{0}
};

static const struct cs_prog_def prog = {
	"cs-route",
	"Route every conversation on its opening request: the intent (rules, then\n"
	"a trained model, with fallback thresholds), an ask for a person, the\n"
	"customer's sentiment, then bot or human, the policy's first matching\n"
	"filter, its targets in order and an agent. Adds \"route\" to conversation\n"
	"records with the reasons; agent records update the roster; other records\n"
	"pass through.",
	"file ...",
	options,
	"A customer asking for a person (\"转人工\", \"talk to an agent\") always goes to a\n"
	"human. Learn a model with `cs-route train`, measure it with `cs-route eval`.\n",
	libs,
	subcommands,
};

static int check;

static int handle(int key, const char *arg, void *ctx)
{
	struct cs_route_opts *o = ctx;
	enum route_select mode;
	switch (key) {
	case 'm': o->model = arg; break;
	case OPT_RULES: o->rules = arg; break;
	case 'p': o->policy = arg; break;
	case OPT_AGENTS: o->agents = arg; break;
	case OPT_STATE: o->state = arg; break;
	case OPT_FIELD: o->field = arg; break;
	case OPT_THRESHOLD: o->threshold = parse_unit("threshold", arg); break;
	case OPT_AMBIGUITY: o->ambiguity = parse_unit("ambiguity", arg); break;
	case OPT_MODE:
		if (route_select_of(arg, &mode) != 0)
			cs_usage_error("--mode: '%s' is not longest_idle, least_loaded, round_robin or best_skill", arg);
		o->select = (int)mode;
		break;
	case OPT_ALTERNATIVES: o->alternatives = (int)cs_opt_int("alternatives", arg, 0, 7); break;
	case OPT_THREADS: o->threads = (int)cs_opt_int("threads", arg, 1, 16); break;
	case OPT_CHECK: check = 1; break;
	}
	return 0;
}

/* ---- cs-route train and eval ---- */

enum { L_TEXT = 256, L_LABEL, L_C, L_SEED, L_THREADS, L_CALIBRATE, L_MODEL, L_FOLDS, L_OOS, L_THRESHOLD,
       L_AMBIGUITY, L_SWEEP, L_TOP, L_FORMAT };

#define LEARN_COMMON_OPTS \
	{"format", L_FORMAT, 1, "format", "the examples' format: auto (default), ndjson, csv or tsv", "auto|ndjson|csv|tsv"}, \
	{"text-field", L_TEXT, 1, "name", "the field (CSV column) holding the text (default text)", NULL}, \
	{"label-field", L_LABEL, 1, "name", "the field holding the label (default label, else category, else intent)", NULL}, \
	{"c", 'C', 1, "x", "the SVM's regularization C (default 1)", NULL}, \
	{"seed", L_SEED, 1, "n", "the seed for example order and folds (default 1)", NULL}, \
	{"threads", L_THREADS, 1, "n", "trainings (the folds, the model) and groups of eight intents at once (default: one a processor); the same model", NULL}

static const struct cs_opt train_options[] = {
	LEARN_COMMON_OPTS,
	{"calibrate", L_CALIBRATE, 1, "k", "fit the confidence on k held-out folds (default 3; 0: on the training data)", NULL},
	{0}
};

static const struct cs_opt eval_options[] = {
	LEARN_COMMON_OPTS,
	{"model", L_MODEL, 1, "file", "the model to score (else cross-validate with --folds)", "file"},
	{"folds", L_FOLDS, 1, "k", "cross-validate: train on k-1 folds, score the held-out one, k times (default 5)", NULL},
	{"oos-label", L_OOS, 1, "name", "the out-of-scope label (default oos or out_of_scope)", NULL},
	{"threshold", L_THRESHOLD, 1, "x", "predict out-of-scope below this confidence (default 0)", NULL},
	{"ambiguity", L_AMBIGUITY, 1, "x", "predict out-of-scope when the best two are closer than this (default 0)", NULL},
	{"sweep", L_SWEEP, 0, NULL, "list in-scope accuracy and out-of-scope recall for thresholds 0 to 0.95", NULL},
	{"top-confused", L_TOP, 1, "n", "the most confused pairs listed (default 10)", NULL},
	{0}
};

static const struct cs_prog_def train_prog = {
	"cs-route train",
	"Learn an intent model from labelled examples: CSV with a header naming\n"
	"the text and label columns (BANKING77's text,category) or NDJSON with\n"
	"text and label (CLINC150). Writes one model file (-o), the same for the\n"
	"same examples, options and seed.",
	"file ...",
	train_options,
	"Features: word 1-2-grams and character 2-5-grams inside words (any language,\n"
	"Chinese without a segmenter), sublinear TF-IDF; one linear SVM an intent.\n",
	libs,
	NULL,
};

static const struct cs_prog_def eval_prog = {
	"cs-route eval",
	"Measure intent detection on labelled examples: with --model, that model;\n"
	"else k-fold cross-validation. Writes one intent_eval record: accuracy,\n"
	"macro-F1, per-intent precision and recall, the most confused pairs,\n"
	"calibration, and out-of-scope recall and in-scope accuracy.",
	"file ...",
	eval_options,
	NULL,
	libs,
	NULL,
};

struct learn_args {
	struct cs_learn_opts o;
	const char *format;
};

static int learn_handle(int key, const char *arg, void *ctx)
{
	struct learn_args *a = ctx;
	char *end;
	switch (key) {
	case L_FORMAT: a->format = parse_format(arg); break;
	case L_TEXT: a->o.text_field = arg; break;
	case L_LABEL: a->o.label_field = arg; break;
	case 'C':
		a->o.c = strtod(arg, &end);
		if (end == arg || *end || !(a->o.c > 0 && a->o.c <= 1000))
			cs_usage_error("-C: '%s' is not a number above 0 (at most 1000)", arg);
		break;
	case L_SEED: a->o.seed = (uint64_t)cs_opt_int("seed", arg, 1, (long long)1 << 62); break;
	case L_THREADS: a->o.threads = (int)cs_opt_int("threads", arg, 1, 16); break;
	case L_CALIBRATE:
		a->o.calibrate_folds = (int)cs_opt_int("calibrate", arg, 0, 20);
		if (a->o.calibrate_folds == 1)
			cs_usage_error("--calibrate: 1 fold holds nothing out; give 0 or 2 to 20");
		break;
	case L_MODEL: a->o.model = arg; break;
	case L_FOLDS: a->o.folds = (int)cs_opt_int("folds", arg, 2, 100); break;
	case L_OOS: a->o.oos_label = arg; break;
	case L_THRESHOLD: a->o.threshold = parse_unit("threshold", arg); break;
	case L_AMBIGUITY: a->o.ambiguity = parse_unit("ambiguity", arg); break;
	case L_SWEEP: a->o.sweep = 1; break;
	case L_TOP: a->o.top_confused = (int)cs_opt_int("top-confused", arg, 0, 10000); break;
	}
	return 0;
}

static int learn_main(int argc, char **argv, int eval)
{
	struct cs_common common;
	struct learn_args a = {.format = NULL};
	struct cs_engine engine;
	cs_learn_opts_init(&a.o);
	int refuse = CS_REFUSE_WHERE | (eval ? CS_REFUSE_SPLIT_TOTALS : CS_REFUSE_SPLIT);
	int first = cs_opt_parse_refusing(eval ? &eval_prog : &train_prog, refuse, argc, argv, &common, learn_handle,
					  &a);
	common.format = a.format ? a.format : "auto";
	if (eval && a.o.model && a.o.folds)
		cs_usage_error("--model and --folds: give one (score a model, or cross-validate)");
	if (eval && !a.o.model && !a.o.folds)
		a.o.folds = 5;
	if (!eval && !common.output && isatty(STDOUT_FILENO))
		cs_usage_error("a model is binary: write it with -o FILE");
	cs_learn *l = cs_learn_new(&common, &a.o, eval, &engine);
	int status = cs_run_main(&common, &engine, argv + first, argc - first);
	cs_learn_free(l);
	return status;
}

int main(int argc, char **argv)
{
	struct cs_common common;
	struct cs_route_opts o;
	struct cs_engine engine;
	cs_mem_use_huge_pages(argv);
	if (argc > 1 && strcmp(argv[1], "train") == 0)
		return learn_main(argc - 1, argv + 1, 0);
	if (argc > 1 && strcmp(argv[1], "eval") == 0)
		return learn_main(argc - 1, argv + 1, 1);
	cs_route_opts_init(&o);
	int first = cs_opt_parse(&prog, argc, argv, &common, handle, &o);
	if (check) {
		static const char *const check_common[] = {"quiet", "share-dir", "tz", NULL};
		cs_opt_refuse_common(check_common, "--check reads no records and prints to standard output");
		return cs_route_check(&o);
	}
	if (common.shard_n && (o.agents || o.state))
		cs_usage_error("--shard with --%s: one run routes a pool of agents, and part K holds only some of its "
			       "conversations; run each pool whole (cs(7) Stores), or --split it in one run",
			       o.agents ? "agents" : "state");
	cs_route *r = cs_route_new(&common, &o, &engine);
	int status = cs_run_main(&common, &engine, argv + first, argc - first);
	cs_route_free(r);
	return status;
}
