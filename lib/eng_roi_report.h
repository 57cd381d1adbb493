/* eng_roi_report: `cs-roi report`, metrics and the business case as a
 * report people read: one self-contained HTML file (inline SVG charts,
 * no scripts, no network, a stylesheet for phones, print and dark mode)
 * or Markdown tables for e-mail and chat.
 *
 * Input, any mix and order:
 *  - metrics records of type roi.kpi (cs-roi kpi): a window (a day, or an
 *    hour, a week... which the report names from window.from and
 *    window.to) and a group. The totals of a window come from its ungrouped
 *    records when it has any, else from its records of the first grouping
 *    seen in it, added (counts and sums; the KPIs worked out again from
 *    them, a record's own kpi used only when it is alone and its inputs are
 *    absent). The channel mix comes from the records grouped by channel
 *    alone, else by the first grouping that has a channel.
 *  - metrics records of type signals.trust (cs-signals trust): negative
 *    sentiment rate from the counts, trust as the mean of the segments'
 *    scores weighted by customers.
 *  - staffing records ({"kind":"staffing","window":..,"group":..,"agents":14,
 *    "rostered":18,"service_level":..,"asa_s":..,"occupancy":..,"volume":..,
 *    "aht_s":..,"actual_agents":12}): agents needed, rostered and actual;
 *    an interval cs-roi staff could not staff ("agents":null) is shown
 *    with its "reason" and counted.
 *  - at most one roi record (cs-roi model): the yearly figures, the cash
 *    flow by month (once-off costs at month 0, each year's net spread evenly
 *    over its months) with the record's payback month marked, the drivers,
 *    the costs, and the sensitivity as a tornado sorted by swing.
 *  - alert records, counted by type.
 * Other records are counted and left out. A metrics record without a
 * window, a staffing record without a window or agents (a number or
 * null), a roi record without years, or
 * a second roi record is a bad record.
 *
 * Output: the report, written when the input ends. Every section is there;
 * one whose data is absent says so in a line. The same input gives the same
 * bytes (no clock, no locale, no hash order). */
#ifndef CS_ENG_ROI_REPORT_H
#define CS_ENG_ROI_REPORT_H
#include <stddef.h>
#include "kit_buf.h"
#include "kit_opt.h"
#include "kit_run.h"

#include "eng_roi_format.h"

struct cs_roi_report_opts {
	enum cs_roi_format format;   /* --format html|md (html) */
	const char *title;           /* --title ("Customer service report") */
	const char *currency;        /* --currency: the roi record's otherwise */
	const char *tz;              /* --tz: the clock windows are named on (UTC) */
};

void cs_roi_report_opts_init(struct cs_roi_report_opts *o);
/* "html", "md" (or "markdown"): 0, else -1. */
int cs_roi_report_format(const char *s, enum cs_roi_format *f);

typedef struct cs_roi_report cs_roi_report;
/* A report passes no record through: cs-roi report refuses --where and
 * --split when it parses its options; --select picks the records it reads. */
cs_roi_report *cs_roi_report_new(const struct cs_roi_report_opts *o, struct cs_engine *engine);
void cs_roi_report_free(cs_roi_report *r);

/* ---- the pieces, for tests ---- */

/* Take one record (a JSON object, already valid): NULL, or why it is bad. */
const char *cs_roi_report_take(cs_roi_report *r, const char *json, size_t n);
/* The whole report of what was taken, appended to out. */
void cs_roi_report_render(cs_roi_report *r, cs_buf *out);

/* The sensitivity rows in tornado order: by swing |high - low| largest
 * first, ties by name; order[] gets the indices. */
void cs_roi_tornado_order(const double *low, const double *high, const char *const *name, size_t n,
			  size_t *order);
/* Cumulative net at the end of each month 0..12*nyears: -once at month 0,
 * then each year's net spread evenly (cum_net[y] at the end of year y+1). */
void cs_roi_cash_by_month(const double *cum_net, size_t nyears, double once, double *out);
#endif
