/* cs-signals: hear the silent customers: frustration signals, journeys, alerts. */
#include "eng_signals.h"
#include "kit_libver.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_opt.h"
#include "kit_run.h"
#include <stdlib.h>
#include <string.h>

enum { OPT_THRESHOLDS = 256, OPT_SIGNALS_ONLY, OPT_NO_ALERTS, OPT_STATE, OPT_PURPOSE, OPT_CONSENT, OPT_MAX_OPEN };

static const struct cs_opt options[] = {
	{"thresholds", 't', 1, "file", "the thresholds of every signal (cs-signals-thresholds(5); default: the built-in ones)", "file"},
	{"signals-only", OPT_SIGNALS_ONLY, 0, NULL, "write signal and alert records only, not the records read", NULL},
	{"no-alerts", OPT_NO_ALERTS, 0, NULL, "write no alert records", NULL},
	{"state", OPT_STATE, 1, "file", "keep alert cooldowns in this file across runs (SQLite, created 0600)", "file"},
	{"purpose", OPT_PURPOSE, 1, "name", "profile only records and customers with consent for this purpose", NULL},
	{"consent", OPT_CONSENT, 1, "file", "with --purpose: consents per customer (NDJSON: customer, consent)", "file"},
	{"max-open", OPT_MAX_OPEN, 1, "n", "hold at most n sessions open; the oldest ends early (default: no limit)", NULL},
	{0}
};

static const struct cs_libver libs[] = {
	{"libjq", cs_libver_jq}, {"zstd", cs_libver_zstd}, {"zlib", cs_libver_zlib}, {"PCRE2", cs_libver_pcre2},
	{"SQLite", cs_libver_sqlite}, {0}
};

static const struct cs_subcommand subcommands[] = {
	{"journey", "write each customer's journey: sessions, contacts, tickets and signals in time order"},
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
	}
	return 0;
}

/* ---- cs-signals journey ---- */

static const struct cs_opt journey_options[] = {
	{"thresholds", 't', 1, "file", "the thresholds of every signal (cs-signals-thresholds(5))", "file"},
	{"purpose", OPT_PURPOSE, 1, "name", "profile only records and customers with consent for this purpose", NULL},
	{"consent", OPT_CONSENT, 1, "file", "with --purpose: consents per customer (NDJSON: customer, consent)", "file"},
	{"max-open", OPT_MAX_OPEN, 1, "n", "hold at most n sessions open; the oldest ends early", NULL},
	{0}
};

static const struct cs_prog_def journey_prog = {
	"cs-signals journey",
	"Write one journey record per customer: the sessions, conversations,\n"
	"tickets and signals in time order, and the count of each signal, so the\n"
	"path of any customer who left can be replayed. Customers in id order.",
	"file ...",
	journey_options,
	"Memory grows with the customers; split a large input by customer\n"
	"(cs(7), SCALING OUT) and run one part at a time.\n",
	libs,
	NULL,
};

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
	if (argc > 1 && strcmp(argv[1], "journey") == 0) {
		o.journey = 1;
		o.alerts = 0;
		int first = cs_opt_parse(&journey_prog, argc - 1, argv + 1, &common, handle, &o);
		return run_engine(first, argc - 1, argv + 1, &common, &o);
	}
	int first = cs_opt_parse(&prog, argc, argv, &common, handle, &o);
	return run_engine(first, argc, argv, &common, &o);
}
