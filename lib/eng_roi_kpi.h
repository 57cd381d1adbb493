/* eng_roi_kpi: `cs-roi kpi`, `cs-roi merge` and `cs-roi trend`. kpi reads conversations
 * (with what cs-route, cs-qa, cs-ticket and cs-signals added) and survey
 * and help-centre events, and writes one metrics record per window and
 * group: counts and sums, which merge by adding, and the KPIs worked out
 * from them (cs-roi(1) gives every formula). merge reads such records
 * (from shards) and adds those of the same window and group; the KPIs are
 * worked out again from the sums, so shards split by customer merge into
 * exactly the records of one run. trend reads daily records and compares
 * each group's KPIs in the latest ISO week with the week before and with
 * the usual level of the weeks before that (one trend record per group and
 * KPI). Memory holds the windows and groups, the
 * contacts of the last --repeat-window (for FCR) and, per window and
 * group, a fingerprint of each customer seen (9 bytes), not the input. */
#ifndef CS_ENG_ROI_KPI_H
#define CS_ENG_ROI_KPI_H
#include <stdint.h>
#include "kit_opt.h"
#include "kit_run.h"

struct cs_roi_kpi_opts {
	const char *window;          /* --window: day, week, month, 15m, ... (day) */
	const char *by;              /* --by: channel,team,intent,tier,agent,customer_tier (none) */
	int explain;                 /* --explain: each record says what its absent KPIs need */
	int64_t repeat_window_ms;    /* --repeat-window (7d): FCR's */
	double sl_share;             /* --target 80/20: the service level's share ... */
	int64_t sl_answer_ms;        /* ... and answer time */
	double cost_per_hour;        /* --cost-per-hour: loaded agent cost, for cost per contact (0: none) */
	int64_t until_ms;            /* --until: the input covers time up to here (INT64_MIN: its latest) */
	int merge;                   /* cs-roi merge (or trend: read metrics records) */
	int trend;                   /* cs-roi trend: weeks compared from daily records */
	int baseline_weeks;          /* trend: the weeks before last week that set the usual (8) */
	double flag_z;               /* trend: flag a change this many deviations from the usual (2) */
};

void cs_roi_kpi_opts_init(struct cs_roi_kpi_opts *o);
/* "80/20": 0, or -1. */
int cs_roi_parse_target(const char *text, double *share, int64_t *answer_ms);

typedef struct cs_roi_kpi cs_roi_kpi;
/* NULL after reporting an error; *status is then the exit status. */
cs_roi_kpi *cs_roi_kpi_new(const struct cs_common *c, const struct cs_roi_kpi_opts *o, struct cs_engine *engine,
			   int *status);
void cs_roi_kpi_free(cs_roi_kpi *k);

/* The work done so far, for tests that it follows the input's size. */
struct cs_roi_kpi_work {
	uint64_t weeks;              /* trend: weeks of a group looked at */
	uint64_t contacts;           /* kpi: kept contacts looked at for FCR */
};
struct cs_roi_kpi_work cs_roi_kpi_work(const cs_roi_kpi *k);
#endif
