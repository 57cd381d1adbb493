/* cs-signals: hear the silent customers: frustration signals, journeys, alerts. */
#include "eng_signals.h"
#include "eng_signals_fit.h"
#include "eng_signals_trust.h"
#include "kit_libver.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_opt.h"
#include "kit_run.h"
#include <stdlib.h>
#include <string.h>

enum { OPT_THRESHOLDS = 256, OPT_SIGNALS_ONLY, OPT_NO_ALERTS, OPT_STATE, OPT_PURPOSE, OPT_CONSENT, OPT_MAX_OPEN,
       OPT_MODEL, OPT_NOW, OPT_UNTIL };

static const struct cs_opt options[] = {
	{"thresholds", 't', 1, "file", "the thresholds of every signal (cs-signals-thresholds(5); default: the built-in ones)", "file"},
	{"signals-only", OPT_SIGNALS_ONLY, 0, NULL, "write signal and alert records only, not the records read", NULL},
	{"no-alerts", OPT_NO_ALERTS, 0, NULL, "write no alert records", NULL},
	{"state", OPT_STATE, 1, "file", "keep alert cooldowns in this file across runs (SQLite, created 0600)", "file"},
	{"purpose", OPT_PURPOSE, 1, "name", "profile only records and customers with consent for this purpose", NULL},
	{"consent", OPT_CONSENT, 1, "file", "with --purpose: consents per customer (NDJSON: customer, consent)", "file"},
	{"max-open", OPT_MAX_OPEN, 1, "n", "hold at most n sessions open; the oldest ends early (default: no limit)", NULL},
	{"until", OPT_UNTIL, 1, "time", "the input covers time up to here: decide what waits for time to pass as of it", NULL},
	{0}
};

static const struct cs_libver libs[] = {
	{"libjq", cs_libver_jq}, {"zstd", cs_libver_zstd}, {"zlib", cs_libver_zlib}, {"PCRE2", cs_libver_pcre2},
	{"SQLite", cs_libver_sqlite}, {0}
};

static const struct cs_subcommand subcommands[] = {
	{"journey", "each customer's journey (sessions, contacts, tickets, signals) and churn risk"},
	{"fit", "learn the churn-risk weights from labelled customers"},
	{"eval", "AUC and precision at the top decile of the risk model on held-out customers"},
	{"trust", "the trust score per segment and day, and segment anomaly alerts"},
	{0}
};

static const struct cs_prog_def prog = {
	"cs-signals",
	"Hear the silent customers. Reads events (clicks, page views, errors,\n"
	"searches, forms, surveys), conversations, tickets and cs-ticket's alerts;\n"
	"finds rage, dead and error clicks, U-turns, refreshes, abandoned forms,\n"
	"help sought but never asked, repeat contacts, reopened tickets, SLA\n"
	"breaches, long waits, transfers, refunds, detractors and negative\n"
	"sentiment. Passes every record on (conversations with \"signals\" added)\n"
	"and writes a signal record for each finding, and alert records.",
	"file ...",
	options,
	"Input in time order (or grouped by customer in time order). A session\n"
	"ends after 30 minutes without an event. `cs-signals journey` writes one\n"
	"journey record per customer (cs-signals journey --help).\n",
	libs,
	subcommands,
};

static int handle(int key, const char *arg, void *ctx)
{
	struct cs_signals_opts *o = ctx;
	switch (key) {
	case 't': o->thresholds = arg; break;
	case OPT_SIGNALS_ONLY: o->signals_only = 1; break;
	case OPT_NO_ALERTS: o->alerts = 0; break;
	case OPT_STATE: o->state = arg; break;
	case OPT_PURPOSE: o->purpose = arg; break;
	case OPT_CONSENT: o->consent = arg; break;
	case OPT_MAX_OPEN: o->max_open = (size_t)cs_opt_int("max-open", arg, 1, 1000000000); break;
	case OPT_MODEL: o->model = arg; break;
	case OPT_NOW: o->now_ms = cs_opt_time_ms("now", arg); break;
	case OPT_UNTIL: o->until_ms = cs_opt_time_ms("until", arg); break;
	}
	return 0;
}

/* ---- cs-signals journey ---- */

static const struct cs_opt journey_options[] = {
	{"thresholds", 't', 1, "file", "the thresholds of every signal (cs-signals-thresholds(5))", "file"},
	{"model", OPT_MODEL, 1, "file", "the churn-risk model: a file, or a name in the share directory (default: built in)", "file"},
	{"now", OPT_NOW, 1, "time", "the churn risk as of this time (default: the end of each journey)", NULL},
	{"no-alerts", OPT_NO_ALERTS, 0, NULL, "write no signals.churn_risk alerts", NULL},
	{"state", OPT_STATE, 1, "file", "keep alert cooldowns in this file across runs (SQLite, created 0600)", "file"},
	{"purpose", OPT_PURPOSE, 1, "name", "profile only records and customers with consent for this purpose", NULL},
	{"consent", OPT_CONSENT, 1, "file", "with --purpose: consents per customer (NDJSON: customer, consent)", "file"},
	{"max-open", OPT_MAX_OPEN, 1, "n", "hold at most n sessions open; the oldest ends early", NULL},
	{"until", OPT_UNTIL, 1, "time", "the input covers time up to here: decide what waits for time to pass as of it", NULL},
	{0}
};

static const struct cs_prog_def journey_prog = {
	"cs-signals journey",
	"Write one journey record per customer: the sessions, conversations,\n"
	"tickets and signals in time order, the count of each signal, and the\n"
	"churn risk (0-100, a band, the top reasons in words), so the path of any\n"
	"customer who left can be replayed. A red risk raises signals.churn_risk.",
	"file ...",
	journey_options,
	"Customers in id order. Memory grows with the customers; split a large\n"
	"input by customer (cs(7), SCALING OUT) and run one part at a time.\n",
	libs,
	NULL,
};

/* ---- cs-signals fit and eval ---- */

enum { RISK_LABELS = 256, RISK_MODEL, RISK_L2, RISK_HALF_LIFE, RISK_NOW, RISK_HOLDOUT, RISK_SEED, RISK_MAX_ITER };

#define RISK_COMMON_OPTIONS \
	{"labels", RISK_LABELS, 1, "file", "who churned: CSV customer,churned or NDJSON (required)", "file"}, \
	{"l2", RISK_L2, 1, "x", "L2 penalty on the weights (default 1; 0 for none)", NULL}, \
	{"now", RISK_NOW, 1, "time", "score every customer as of this time (default: the end of their journey)", NULL}, \
	{"max-iter", RISK_MAX_ITER, 1, "n", "Newton steps at most (default 100)", NULL}

static const struct cs_opt fit_options[] = {
	RISK_COMMON_OPTIONS,
	{"half-life", RISK_HALF_LIFE, 1, "duration", "a signal weighs half after this long (default 14d)", NULL},
	{0}
};

static const struct cs_opt eval_options[] = {
	RISK_COMMON_OPTIONS,
	{"half-life", RISK_HALF_LIFE, 1, "duration", "a signal weighs half after this long (default 14d; --model: the model's)", NULL},
	{"model", RISK_MODEL, 1, "file", "score the held-out customers with this model instead of fitting one", "file"},
	{"holdout", RISK_HOLDOUT, 1, "share", "the share of customers held out, by a hash of their id (default 0.2)", NULL},
	{"seed", RISK_SEED, 1, "n", "another seed, another split (default 0)", NULL},
	{0}
};

static const struct cs_libver risk_libs[] = {{"zstd", cs_libver_zstd}, {"zlib", cs_libver_zlib}, {0}};

static const struct cs_prog_def fit_prog = {
	"cs-signals fit",
	"Learn the churn-risk weights from customers known to have left or stayed:\n"
	"L2-regularised logistic regression over the journeys' decayed signal\n"
	"counts. Writes a model file (cs-signals-risk(5)).",
	"journeys ...",
	fit_options,
	"Reads journey records (cs-signals journey). Customers without a label and\n"
	"labels without a journey are counted and left out; when every labelled\n"
	"customer churned, or none did, nothing is written (exit 1). The same input\n"
	"gives the same model, byte for byte.\n",
	risk_libs,
	NULL,
};

static const struct cs_prog_def eval_prog = {
	"cs-signals eval",
	"Check the churn-risk model on customers held out: fit on the others (or\n"
	"take --model), score the held-out ones and write one risk_eval record with\n"
	"AUC, precision in the top decile and the base rate.",
	"journeys ...",
	eval_options,
	"Customers are held out by a hash of their id and --seed, so a run is\n"
	"repeatable and a customer stays on one side as data grows.\n",
	risk_libs,
	NULL,
};

static int risk_handle(int key, const char *arg, void *ctx)
{
	struct cs_risk_fit_opts *o = ctx;
	switch (key) {
	case RISK_LABELS: o->labels = arg; break;
	case RISK_MODEL: o->model = arg; break;
	case RISK_L2: o->l2 = cs_opt_real("l2", arg, 0, 1e6); break;
	case RISK_HALF_LIFE:
		o->half_life_days = (double)cs_opt_duration_ms("half-life", arg) / 86400000.0;
		if (!(o->half_life_days >= 0.001 && o->half_life_days <= 3650))
			cs_usage_error("--half-life: '%s' is not from 90s to 3650d", arg);
		break;
	case RISK_NOW: o->now_ms = cs_opt_time_ms("now", arg); break;
	case RISK_HOLDOUT: o->holdout = cs_opt_real("holdout", arg, 0.01, 0.99); break;
	case RISK_SEED: o->seed = (uint64_t)cs_opt_int("seed", arg, 0, INT64_MAX); break;
	case RISK_MAX_ITER: o->max_iter = (int)cs_opt_int("max-iter", arg, 1, 10000); break;
	}
	return 0;
}

static int risk_main(int argc, char **argv, int eval)
{
	struct cs_common common;
	struct cs_risk_fit_opts o;
	struct cs_engine engine;
	cs_risk_fit_opts_init(&o);
	int first = cs_opt_parse_refusing(eval ? &eval_prog : &fit_prog,
					  CS_REFUSE_WHERE | (eval ? CS_REFUSE_SPLIT_TOTALS : CS_REFUSE_SPLIT), argc, argv,
					  &common, risk_handle, &o);
	cs_risk_fit *f = cs_risk_fit_new(&common, &o, eval, &engine);
	int status = cs_run_main(&common, &engine, argv + first, argc - first);
	cs_risk_fit_free(f);
	return status;
}

/* ---- cs-signals trust ---- */

enum { TRUST_BY = 256, TRUST_WEIGHTS, TRUST_NEGATIVE_AT, TRUST_MIN_GROUP, TRUST_HISTORY, TRUST_ANOMALY_Z, TRUST_MERGE,
       TRUST_PARTIAL };

static const struct cs_opt trust_options[] = {
	{"by", TRUST_BY, 1, "dims", "the segment: channel, intent, product, handled_by, comma-separated "
				    "(default channel,handled_by)", NULL},
	{"weights", TRUST_WEIGHTS, 1, "list", "the score's weights, such as fcr=1,repeat=1,negative=1,effort=1 "
					      "(default 1 each; 0 leaves one out)", NULL},
	{"negative-at", TRUST_NEGATIVE_AT, 1, "x", "negative: the customer's sentiment at the end or on average at most x "
						   "(default -0.05)", NULL},
	{"min-group", TRUST_MIN_GROUP, 1, "n", "show a segment-day's figures only with n customers or more (default 10)", NULL},
	{"history", TRUST_HISTORY, 1, "file", "earlier trust metrics records: the usual level of each segment", "file"},
	{"anomaly-z", TRUST_ANOMALY_Z, 1, "z", "alert at a robust |z| of z or more; critical at twice (default 3.5)", NULL},
	{"merge", TRUST_MERGE, 0, NULL, "read trust metrics records (of --partial shards) and add them up", NULL},
	{"partial", TRUST_PARTIAL, 0, NULL, "write every figure, unsuppressed and marked partial, for --merge; no alerts", NULL},
	{0}
};

static const struct cs_prog_def trust_prog = {
	"cs-signals trust",
	"The trust score per segment and day, from first-contact resolution, repeat\n"
	"contacts, negative sentiment and customer effort (CES), as metrics records;\n"
	"alert records when a segment leaves its usual level for that weekday.",
	"file ...",
	trust_options,
	"Input: cs-signals' output (conversations with \"signals\", qa from cs-qa, CES\n"
	"surveys). Days are local days in the --tz zone. Shards split by customer\n"
	"merge exactly: cs-signals trust --partial on each, then --merge over their\n"
	"outputs (with --min-group and --history there).\n",
	libs,
	NULL,
};

static int trust_handle(int key, const char *arg, void *ctx)
{
	struct cs_trust_opts *o = ctx;
	cs_buf err = CS_BUF_INIT;
	int bad = 0;
	switch (key) {
	case TRUST_BY: bad = cs_trust_parse_by(arg, o, &err); break;
	case TRUST_WEIGHTS: bad = cs_trust_parse_weights(arg, o->weights, &err); break;
	case TRUST_NEGATIVE_AT: o->negative_at = cs_opt_real("negative-at", arg, -1, 1); break;
	case TRUST_MIN_GROUP: o->min_group = (uint64_t)cs_opt_int("min-group", arg, 1, 1000000000); break;
	case TRUST_HISTORY: o->history = arg; break;
	case TRUST_ANOMALY_Z: o->anomaly_z = cs_opt_real("anomaly-z", arg, 0.001, 1000); break;
	case TRUST_MERGE: o->merge = 1; break;
	case TRUST_PARTIAL: o->partial = 1; break;
	}
	if (bad)
		cs_usage_error("--%s: %s", key == TRUST_BY ? "by" : "weights", err.p);
	cs_buf_free(&err);
	return 0;
}

static int trust_main(int argc, char **argv)
{
	struct cs_common common;
	struct cs_trust_opts o;
	struct cs_engine engine;
	cs_trust_opts_init(&o);
	int first = cs_opt_parse_refusing(&trust_prog, CS_REFUSE_WHERE | CS_REFUSE_SPLIT_TOTALS, argc, argv, &common,
					  trust_handle, &o);
	if (o.partial && (o.history || o.merge))
		cs_usage_error("--partial writes shards: --history and --merge belong to the run that merges them");
	o.tz = common.tz;
	cs_trust *t = cs_trust_new(&common, &o, &engine);
	int status = cs_run_main(&common, &engine, argv + first, argc - first);
	cs_trust_free(t);
	return status;
}

static int run_engine(int first, int argc, char **argv, const struct cs_common *common, struct cs_signals_opts *o)
{
	struct cs_engine engine;
	int status;
	cs_signals *s = cs_signals_new(common, o, &engine, &status);
	if (!s)
		return status;
	status = cs_signals_close(s, cs_run_main(common, &engine, argv + first, argc - first));
	cs_signals_free(s);
	return status;
}

int main(int argc, char **argv)
{
	struct cs_common common;
	struct cs_signals_opts o;
	cs_mem_use_huge_pages(argv);
	cs_signals_opts_init(&o);
	if (argc > 1 && (strcmp(argv[1], "fit") == 0 || strcmp(argv[1], "eval") == 0))
		return risk_main(argc - 1, argv + 1, strcmp(argv[1], "eval") == 0);
	if (argc > 1 && strcmp(argv[1], "trust") == 0)
		return trust_main(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "journey") == 0) {
		o.journey = 1;
		int first = cs_opt_parse_refusing(&journey_prog, CS_REFUSE_WHERE, argc - 1, argv + 1, &common, handle, &o);
		return run_engine(first, argc - 1, argv + 1, &common, &o);
	}
	int first = cs_opt_parse(&prog, argc, argv, &common, handle, &o);
	return run_engine(first, argc, argv, &common, &o);
}
