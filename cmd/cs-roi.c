/* cs-roi: the KPIs and the business case, from the records. */
#include "eng_roi_kpi.h"
#include "eng_roi_model.h"
#include "eng_roi_report.h"
#include "eng_roi_staff.h"
#include "kit_libver.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_opt.h"
#include "kit_run.h"
#include <stdlib.h>
#include <string.h>

static const struct cs_libver libs[] = {
	{"libjq", cs_libver_jq}, {"zstd", cs_libver_zstd}, {"zlib", cs_libver_zlib}, {"PCRE2", cs_libver_pcre2}, {0}
};

static const struct cs_subcommand subcommands[] = {
	{"kpi", "KPIs per window and group from conversations and events, as metrics records"},
	{"merge", "add metrics records of shards into the records of one run"},
	{"trend", "each KPI's latest week against the week before and the usual, flagged when unusual"},
	{"staff", "the agents an interval needs for a service-level target, by Erlang C"},
	{"model", "the business case: benefit per driver, costs, payback, ROI, NPV, sensitivity"},
	{"report", "the KPIs, staffing and the business case as a report for people: HTML or Markdown"},
	{0}
};

static const struct cs_opt no_options[] = {{0}};

static const struct cs_prog_def prog = {
	"cs-roi",
	"The KPIs and the business case, from the records the other programs\n"
	"write. Commands: kpi, merge, trend, staff, model, report (cs-roi COMMAND\n"
	"--help).",
	CS_NOT_FILES "command ...",
	no_options,
	"",
	libs,
	subcommands,
};

/* ---- cs-roi kpi and merge ---- */

enum { KPI_WINDOW = 256, KPI_BY, KPI_EXPLAIN, KPI_REPEAT_WINDOW, KPI_TARGET, KPI_COST_PER_HOUR, KPI_BASELINE_WEEKS,
       KPI_FLAG_Z, KPI_UNTIL };

#define KPI_SHAPE_OPTIONS \
	{"window", KPI_WINDOW, 1, "size", "day (default), week, month, or minutes that divide a day (15m, 30m, 1h); in --tz", NULL}, \
	{"repeat-window", KPI_REPEAT_WINDOW, 1, "duration", "FCR: a repeat contact on the same issue this soon undoes it (default 7d)", NULL}, \
	{"target", KPI_TARGET, 1, "pct/s", "the service level: answered within s seconds, target pct (default 80/20)", NULL}, \
	{"cost-per-hour", KPI_COST_PER_HOUR, 1, "amount", "an agent hour's loaded cost: cost per contact from handle time", NULL}, \
	{"explain", KPI_EXPLAIN, 0, NULL, "name in each record what its absent KPIs need", NULL}

static const struct cs_opt kpi_options[] = {
	{"by", KPI_BY, 1, "dims", "group by channel, team, intent, tier, agent, customer_tier (comma-separated)", NULL},
	{"until", KPI_UNTIL, 1, "time", "the input covers time up to here: FCR still open for contacts within a repeat window of it", NULL},
	KPI_SHAPE_OPTIONS,
	{0}
};

static const struct cs_opt merge_options[] = {
	KPI_SHAPE_OPTIONS,
	{0}
};

static const struct cs_opt trend_options[] = {
	{"baseline-weeks", KPI_BASELINE_WEEKS, 1, "n", "the weeks before last week that set the usual level (default 8)", NULL},
	{"flag-z", KPI_FLAG_Z, 1, "z", "flag a week this many deviations from the usual (default 2)", NULL},
	{"target", KPI_TARGET, 1, "pct/s", "the service level's target, as the daily records were made (default 80/20)", NULL},
	{"cost-per-hour", KPI_COST_PER_HOUR, 1, "amount", "as the daily records were made", NULL},
	{0}
};

static const struct cs_prog_def trend_prog = {
	"cs-roi trend",
	"Read daily metrics records (cs-roi kpi) and write, for each group and KPI\n"
	"of the latest ISO week, a trend record: the week's value, last week's and\n"
	"the change, the usual level (mean and deviation of the weeks before), and\n"
	"a flag, up or down, when the week lies --flag-z deviations from it.",
	"file ...",
	trend_options,
	"Weeks are summed from the days' counts and sums, then worked out; weeks\n"
	"are ISO weeks on the --tz clock. A flag needs three usual weeks.\n",
	libs,
	NULL,
};

static const struct cs_prog_def kpi_prog = {
	"cs-roi kpi",
	"Read conversations (with what cs-route, cs-qa, cs-ticket and cs-signals\n"
	"added) and survey and help-centre events; write one metrics record per\n"
	"window and group: counts and sums, and the KPIs worked out from them\n"
	"(FCR, AHT, ASA, abandonment, service level, CSAT, NPS, CES, containment,\n"
	"AI resolution, transfer rate, SLA attainment, QA, sentiment, self-service,\n"
	"cost per contact). A KPI whose inputs are absent is left out.",
	"file ...",
	kpi_options,
	"Records merge: run cs-roi kpi on each part of an input split by customer,\n"
	"then cs-roi merge over the parts' records (with the same --window, --tz,\n"
	"--repeat-window, --target and --cost-per-hour).\n",
	libs,
	NULL,
};

static const struct cs_prog_def merge_prog = {
	"cs-roi merge",
	"Add the metrics records (type roi.kpi) of the same window and group and\n"
	"work their KPIs out again from the sums: shards of an input split by\n"
	"customer merge into exactly the records of one run over it.",
	"file ...",
	merge_options,
	"Give the options the shards were run with.\n",
	libs,
	NULL,
};

static int kpi_handle(int key, const char *arg, void *ctx)
{
	struct cs_roi_kpi_opts *o = ctx;
	switch (key) {
	case KPI_WINDOW: o->window = arg; break;
	case KPI_BY: o->by = arg; break;
	case KPI_EXPLAIN: o->explain = 1; break;
	case KPI_REPEAT_WINDOW: o->repeat_window_ms = cs_opt_duration_ms("repeat-window", arg); break;
	case KPI_TARGET:
		if (cs_roi_parse_target(arg, &o->sl_share, &o->sl_answer_ms) != 0)
			cs_usage_error("--target: '%s' is not PERCENT/SECONDS such as 80/20", arg);
		break;
	case KPI_COST_PER_HOUR: o->cost_per_hour = cs_opt_real("cost-per-hour", arg, 0, 1e9); break;
	case KPI_BASELINE_WEEKS: o->baseline_weeks = (int)cs_opt_int("baseline-weeks", arg, 1, 520); break;
	case KPI_FLAG_Z: o->flag_z = cs_opt_real("flag-z", arg, 0.1, 100); break;
	case KPI_UNTIL: o->until_ms = cs_opt_time_ms("until", arg); break;
	}
	return 0;
}

/* mode: 0 kpi, 1 merge, 2 trend */
static int kpi_main(int argc, char **argv, int mode)
{
	struct cs_common common;
	struct cs_roi_kpi_opts o;
	struct cs_engine engine;
	int status;
	cs_roi_kpi_opts_init(&o);
	o.merge = mode > 0;
	o.trend = mode == 2;
	const struct cs_prog_def *def = mode == 2 ? &trend_prog : mode == 1 ? &merge_prog : &kpi_prog;
	int first = cs_opt_parse_refusing(def, CS_REFUSE_WHERE | CS_REFUSE_SPLIT_TOTALS, argc, argv, &common, kpi_handle, &o);
	cs_roi_kpi *k = cs_roi_kpi_new(&common, &o, &engine, &status);
	if (!k)
		return status;
	status = cs_run_main(&common, &engine, argv + first, argc - first);
	cs_roi_kpi_free(k);
	return status;
}

/* ---- cs-roi staff ---- */

enum { STAFF_VOLUME = 256, STAFF_INTERVAL, STAFF_AHT, STAFF_TARGET, STAFF_TARGET_ASA, STAFF_SHRINKAGE,
       STAFF_MAX_OCCUPANCY, STAFF_MAX_AGENTS, STAFF_BY, STAFF_ACTUAL, STAFF_JSON };

static const struct cs_opt staff_options[] = {
	{"volume", STAFF_VOLUME, 1, "n", "contacts per interval: staff for this volume, read no records", NULL},
	{"interval", STAFF_INTERVAL, 1, "duration", "the interval of --volume (default 30m); with conversations, "
						    "the window (default 15m)", NULL},
	{"aht", STAFF_AHT, 1, "duration", "the average handle time (such as 180s); with records, instead of the "
					  "measured one", NULL},
	{"target", STAFF_TARGET, 1, "pct/s", "the service level: percent answered within seconds (default 80/20)", NULL},
	{"target-asa", STAFF_TARGET_ASA, 1, "duration", "the average speed of answer at most this (alone: instead of "
							"--target)", NULL},
	{"shrinkage", STAFF_SHRINKAGE, 1, "share", "the share of paid time off the phones, for rostered heads "
						   "(default 0.3)", NULL},
	{"max-occupancy", STAFF_MAX_OCCUPANCY, 1, "share", "agents busy at most this share of the time (such as 0.85)",
	 NULL},
	{"max-agents", STAFF_MAX_AGENTS, 1, "n", "look no further than this many agents (default 100000)", NULL},
	{"by", STAFF_BY, 1, "fields", "group conversations by these fields, comma-separated (default channel)", NULL},
	{"actual", STAFF_ACTUAL, 0, NULL, "compare with the agents on duty (metrics sums.staffed_s, or the agents who "
					  "wrote)", NULL},
	{"json", STAFF_JSON, 0, NULL, "write staffing records (NDJSON), not text", NULL},
	{0}
};

static const struct cs_prog_def staff_prog = {
	"cs-roi staff",
	"The agents an interval needs for a service-level target, by Erlang C:\n"
	"with --volume and --aht for one interval; else per window and group,\n"
	"from metrics records (cs-roi kpi --window 15m) or conversations. Prints\n"
	"the service level, ASA and occupancy behind the answer, and the heads\n"
	"to roster after shrinkage.",
	"file ...",
	staff_options,
	"Erlang C assumes no caller abandons and overstates the agents needed\n"
	"when callers do; see cs-roi(1), STAFFING, for the formulas.\n",
	libs,
	NULL,
};

static int staff_handle(int key, const char *arg, void *ctx)
{
	struct cs_staff_opts *o = ctx;
	cs_buf err = CS_BUF_INIT;
	switch (key) {
	case STAFF_VOLUME: o->volume = cs_opt_real("volume", arg, 0, 1e9); break;
	case STAFF_INTERVAL:
		o->interval_s = (double)cs_opt_duration_ms("interval", arg) / 1000;
		if (!(o->interval_s >= 60 && o->interval_s <= 86400))
			cs_usage_error("--interval: '%s' is not from 1m to 1d", arg);
		o->interval_set = 1;
		break;
	case STAFF_AHT:
		o->aht_s = (double)cs_opt_duration_ms("aht", arg) / 1000;
		if (!(o->aht_s >= 1 && o->aht_s <= 86400))
			cs_usage_error("--aht: '%s' is not from 1s to 1d", arg);
		break;
	case STAFF_TARGET:
		if (cs_staff_parse_target(arg, &o->target, &err) < 0)
			cs_usage_error("--target: %s", err.p);
		o->target_set = 1;
		break;
	case STAFF_TARGET_ASA:
		o->target.max_asa_s = (double)cs_opt_duration_ms("target-asa", arg) / 1000;
		if (!(o->target.max_asa_s >= 1 && o->target.max_asa_s <= 86400))
			cs_usage_error("--target-asa: '%s' is not from 1s to 1d", arg);
		break;
	case STAFF_SHRINKAGE: o->shrinkage = cs_opt_real("shrinkage", arg, 0, 0.9); break;
	case STAFF_MAX_OCCUPANCY: o->target.max_occupancy = cs_opt_real("max-occupancy", arg, 0.1, 1); break;
	case STAFF_MAX_AGENTS: o->max_agents = (long)cs_opt_int("max-agents", arg, 1, 10000000); break;
	case STAFF_BY:
		if (cs_staff_parse_by(arg, o, &err) < 0)
			cs_usage_error("--by: %s", err.p);
		break;
	case STAFF_ACTUAL: o->actual = 1; break;
	case STAFF_JSON: o->json = 1; break;
	}
	cs_buf_free(&err);
	return 0;
}

static int staff_main(int argc, char **argv)
{
	struct cs_common common;
	struct cs_staff_opts o;
	struct cs_engine engine;
	cs_buf err = CS_BUF_INIT;
	cs_staff_opts_init(&o);
	/* text or staffing records, the figures are totals of the whole input */
	int first = cs_opt_parse_refusing(&staff_prog, CS_REFUSE_WHERE | CS_REFUSE_SPLIT_TOTALS, argc, argv, &common,
					  staff_handle, &o);
	if (cs_staff_check(&o, argc - first, &err) < 0)
		cs_usage_error("%s", err.p);
	cs_buf_free(&err);
	if (o.volume >= 0) {
		static const char *const given_common[] = {"output", "quiet", NULL};
		cs_opt_refuse_common(given_common, "--volume reads no records");
		return cs_staff_given(&common, &o);
	}
	cs_staff *s = cs_staff_new(&common, &o, &engine);
	int status = cs_run_main(&common, &engine, argv + first, argc - first);
	cs_staff_free(s);
	return status;
}

/* ---- cs-roi model ---- */

enum { MODEL_FORMAT = 256 };

static const struct cs_opt model_options[] = {
	{"format", MODEL_FORMAT, 1, "format", "json (the roi record, default), md or html", "json|md|html"},
	{0}
};

static const struct cs_prog_def model_prog = {
	"cs-roi model",
	"The business case: yearly benefit per driver, costs, net per year, payback,\n"
	"ROI, NPV and a sensitivity table, every figure with its formula.",
	"model.json [metrics ...]",
	model_options,
	"The model file is cs-roi-model(5). Measured inputs read metrics records\n"
	"(cs-roi kpi) from the files, or standard input when none are given.\n",
	libs,
	NULL,
};

static int model_handle(int key, const char *arg, void *ctx)
{
	struct cs_roi_model_opts *o = ctx;
	if (key != MODEL_FORMAT)
		return 0;
	if (strcmp(arg, "json") == 0)
		o->format = CS_ROI_JSON;
	else if (strcmp(arg, "md") == 0)
		o->format = CS_ROI_MD;
	else if (strcmp(arg, "html") == 0)
		o->format = CS_ROI_HTML;
	else
		cs_usage_error("--format: '%s' is not json, md or html", arg);
	return 0;
}

static int model_main(int argc, char **argv)
{
	struct cs_common common;
	struct cs_roi_model_opts o = {0};
	int first = cs_opt_parse_refusing(&model_prog, CS_REFUSE_WHERE | CS_REFUSE_SPLIT, argc, argv, &common, model_handle,
					  &o);
	if (first >= argc)
		cs_usage_error("a model file is needed (cs-roi-model(5))");
	o.model = argv[first];
	return cs_roi_model_main(&common, &o, argv + first + 1, argc - first - 1);
}

/* ---- cs-roi report ---- */

enum { REPORT_FORMAT = 256, REPORT_TITLE, REPORT_CURRENCY };

static const struct cs_opt report_options[] = {
	{"format", REPORT_FORMAT, 1, "format", "html (default): one self-contained page; md: Markdown tables", "html|md"},
	{"title", REPORT_TITLE, 1, "text", "the report's title (default \"Customer service report\")", NULL},
	{"currency", REPORT_CURRENCY, 1, "code", "the currency money is shown in (default: the roi record's)", NULL},
	{0}
};

static const struct cs_prog_def report_prog = {
	"cs-roi report",
	"Turn metrics and the business case into a report for people: one\n"
	"self-contained HTML page (inline SVG charts, no scripts or network, for\n"
	"screens, phones and print, light and dark) or Markdown tables for e-mail\n"
	"and chat: KPI trends, channel mix, SLA attainment, quality and sentiment,\n"
	"staffing versus actual, cash flow and payback, sensitivity, alerts.",
	"file ...",
	report_options,
	"Reads metrics records (cs-roi kpi, cs-signals trust), staffing records\n"
	"(cs-roi staff --json), one roi record (cs-roi model) and alerts; other\n"
	"records are counted and left out. A section without data says so. The\n"
	"same input gives the same bytes. Windows are named on the --tz clock:\n"
	"give it the --tz cs-roi kpi was given.\n",
	libs,
	NULL,
};

static int report_handle(int key, const char *arg, void *ctx)
{
	struct cs_roi_report_opts *o = ctx;
	switch (key) {
	case REPORT_FORMAT:
		if (cs_roi_report_format(arg, &o->format) != 0)
			cs_usage_error("--format: '%s' is neither html nor md", arg);
		break;
	case REPORT_TITLE: o->title = arg; break;
	case REPORT_CURRENCY: o->currency = arg; break;
	}
	return 0;
}

static int report_main(int argc, char **argv)
{
	struct cs_common common;
	struct cs_roi_report_opts o;
	struct cs_engine engine;
	cs_roi_report_opts_init(&o);
	int first = cs_opt_parse_refusing(&report_prog, CS_REFUSE_WHERE | CS_REFUSE_SPLIT, argc, argv, &common,
					  report_handle, &o);
	o.tz = common.tz;
	cs_roi_report *r = cs_roi_report_new(&o, &engine);
	int status = cs_run_main(&common, &engine, argv + first, argc - first);
	cs_roi_report_free(r);
	return status;
}

int main(int argc, char **argv)
{
	cs_mem_use_huge_pages(argv);
	if (argc > 1 && strcmp(argv[1], "kpi") == 0)
		return kpi_main(argc - 1, argv + 1, 0);
	if (argc > 1 && strcmp(argv[1], "merge") == 0)
		return kpi_main(argc - 1, argv + 1, 1);
	if (argc > 1 && strcmp(argv[1], "trend") == 0)
		return kpi_main(argc - 1, argv + 1, 2);
	if (argc > 1 && strcmp(argv[1], "report") == 0)
		return report_main(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "model") == 0)
		return model_main(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "staff") == 0)
		return staff_main(argc - 1, argv + 1);
	static const char *const no_common[] = {NULL};
	struct cs_common common;
	cs_opt_parse_only(&prog, no_common, argc, argv, &common, NULL, NULL);
	cs_usage_error("a command is needed: kpi, merge, trend, staff, model or report");
}
