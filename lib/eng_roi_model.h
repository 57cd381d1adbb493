/* eng_roi_model: the business case of `cs-roi model` (cs-roi-model(5)).
 *
 * A model file names costs (one-off and yearly) and benefit drivers. Every
 * driver is a product of its inputs, times 12 when they are monthly:
 *     fte         fte x cost_per_fte (default staff_cost_per_fte)
 *     contacts    contacts_per_month x [share] x cost_per_contact x 12
 *     seconds     contacts_per_month x seconds_saved x cost_per_second x 12
 *                 (cost_per_second default: staff_cost_per_fte /
 *                 (productive_hours_per_fte x 3600))
 *     conversion  extra_inquiries_per_month x conversion x order_value
 *                 x [margin] x 12
 *     churn       customers_kept_per_month x lifetime_value x 12
 *     amount      yearly
 * Any input may instead be measured from `metrics` records (type roi.kpi):
 *     {"metric":"aht_s","before":"2026-01-01/2026-02-01","after":"2026-02-01/2026-03-01"}
 * is the improvement of the KPI from the first period to the second
 * (before - after for KPIs where lower is better, such as aht_s; after -
 * before otherwise); {"metric":"contacts","period":"A/B"} is a level (a
 * KPI over the period, or a count per month of 365.25/12 days). A period
 * takes the records whose window lies inside it, adds their counts and
 * sums and computes the KPI from them; "group" picks records by group. Of
 * a window's records, a period takes one grouping's, so that a file with
 * several `cs-roi kpi --by` runs counts each contact once: the records
 * grouped by the group's keys and no others (none: the ungrouped) when the
 * window has any, else the first grouping seen in it, as cs-roi report does.
 *
 * The figures, month by month over horizon_years (the conventions the
 * record carries and cs-roi-model(5) documents):
 *   - one-off costs at month 0; yearly costs 1/12 each month;
 *   - a driver brings yearly/12 each month, times m/ramp_months in month
 *     m < ramp_months (a linear ramp-up; none by default);
 *   - ROI = (total benefit - total cost) / total cost x 100 over the horizon;
 *   - payback: months until the cumulative net cash (starting at minus the
 *     one-off costs) is zero or more for the rest of the horizon,
 *     interpolated linearly within the month; null when it never is;
 *   - NPV = -one-off + sum over years y of (benefit_y - yearly costs) /
 *     (1 + rate)^y: yearly flows at the end of each year, one-off at time 0.
 * Money, ROI and months in the record are rounded to 2 decimals. */
#ifndef CS_ENG_ROI_MODEL_H
#define CS_ENG_ROI_MODEL_H
#include "eng_roi_format.h"
#include <stddef.h>
#include <stdint.h>
#include "kit_buf.h"
#include "kit_jval.h"
#include "kit_run.h"

#define CS_ROI_VERSION 1
#define CS_ROI_MAX_YEARS 30
#define CS_ROI_MAX_INPUTS 5
#define CS_ROI_DAYS_PER_MONTH (365.25 / 12)

enum cs_roi_basis { CS_ROI_FTE, CS_ROI_CONTACTS, CS_ROI_SECONDS, CS_ROI_CONVERSION, CS_ROI_CHURN, CS_ROI_AMOUNT };

/* A metrics record a period may take: its window, its grouping and what it
 * would add. */
typedef struct {
	int64_t from, to;            /* its window */
	char *grouping;              /* its group's keys, "channel,agent"; "" ungrouped */
	int exact;                   /* grouped by the measure's keys, no others */
	size_t seq;                  /* which record, in the order given */
	double num, den;             /* the KPI's numerator and denominator in it */
	int holding;                 /* for a count: the record holds it */
} cs_roi_candidate;

/* A period [from, to) in ms, and the counts added over it. */
typedef struct {
	int64_t from, to;
	char *text;                  /* as written: "2026-01-01/2026-02-01" */
	cs_roi_candidate *cand;      /* the records inside it, in the order given */
	size_t ncand, cand_cap;
	/* added from the records taken (cs_roi_model_measure) */
	double num, den;             /* the KPI's numerator and denominator added */
	uint64_t records;
	uint64_t holding;            /* for a count: the records that hold it */
} cs_roi_period;

/* An input measured from metrics records. */
typedef struct {
	char *metric;                /* a KPI (aht_s) or a count (contacts) */
	int change;                  /* 1: after vs before; 0: a level over one period */
	cs_roi_period before, after; /* a level uses after */
	char **group_keys, **group_values;   /* records whose group has these values (NULL-ended) */
	size_t ngroup;
} cs_roi_measure;

typedef struct {
	const char *key;             /* "fte", "cost_per_fte", ... (static) */
	double value;                /* given, defaulted, or measured (cs_roi_measure_finish) */
	int given;                   /* in the file (a default is shown only when it matters) */
	cs_roi_measure *measured;    /* NULL: a number */
} cs_roi_input;

typedef struct {
	char *id, *name;
	enum cs_roi_basis basis;
	cs_roi_input in[CS_ROI_MAX_INPUTS];
	size_t nin;
} cs_roi_driver;

typedef struct {
	char *id, *name;
	double once, yearly;
} cs_roi_cost;

typedef struct {
	int version;
	char *currency;              /* NULL: none named */
	int horizon_years;           /* 1-30, default 3 */
	double discount_rate;        /* default 0.08 */
	int ramp_months;             /* 0: full benefit from month 1 */
	double staff_cost_per_fte, productive_hours_per_fte;   /* 0: not given */
	cs_roi_cost *costs;
	size_t ncosts;
	cs_roi_driver *drivers;
	size_t ndrivers;
	/* the records given, and of them (after cs_roi_model_measure) those
	 * taken and those set aside for another grouping of their window */
	size_t records_seen, records_used, records_set_aside;
} cs_roi_model;

/* A model file: NULL with err "FILE:LINE: reason" (exit 3 for callers). */
cs_roi_model *cs_roi_model_parse(const char *name, const char *text, size_t len, cs_buf *err);
cs_roi_model *cs_roi_model_load(const char *path, cs_buf *err);
void cs_roi_model_free(cs_roi_model *m);
/* How many inputs are measured (0: no metrics needed). */
size_t cs_roi_model_measured(const cs_roi_model *m);
const char *cs_roi_basis_name(enum cs_roi_basis b);

/* ---- measuring ---- */

/* Offer one record to every measured input: a metrics record (type
 * roi.kpi) is kept by each period and group it falls in. Returns how many
 * periods kept it (0: left out). */
size_t cs_roi_model_add_metrics(cs_roi_model *m, cs_jval record);
/* Take one grouping of each window's records kept (see above), and set
 * every measured input's value from them, rounded to 4 decimals: 0, or -1
 * with why set ("driver aht_reduction: seconds_saved: no metrics records
 * with a window inside 2026-01-01/2026-02-01"). */
int cs_roi_model_measure(cs_roi_model *m, cs_buf *why);
/* A measured period's KPI, or count a month; NaN when unknown. */
double cs_roi_period_value(const cs_roi_measure *ms, const cs_roi_period *p);
/* Is this metric a KPI (aht_s, containment, ...)? Any other is a count. */
int cs_roi_metric_is_kpi(const char *metric);
/* Is lower better for it (aht_s, asa_s, transfer_rate, abandonment_rate)? */
int cs_roi_metric_lower_better(const char *metric);

/* ---- the figures ---- */

typedef struct {
	int years;
	double once, yearly_cost;    /* costs added */
	double benefit[CS_ROI_MAX_YEARS], cost[CS_ROI_MAX_YEARS], net[CS_ROI_MAX_YEARS], cumulative[CS_ROI_MAX_YEARS];
	double benefit_total, cost_total, net_total;
	double roi_pct;              /* NaN when there is no cost */
	double npv;
	double payback_months;       /* NaN when not within the horizon */
	/* how: the last month-end (0: the start) with cumulative net cash below
	 * zero (-1: none), the cash short then and the next month's net flow */
	int payback_after_month;
	double payback_shortfall, payback_flow;
} cs_roi_figures;

/* A driver's yearly benefit at full run rate (the product of its inputs). */
double cs_roi_driver_yearly(const cs_roi_driver *d);
/* The share of a year's full benefit that year y (1-based) brings under the
 * model's ramp-up. */
double cs_roi_ramp_share(const cs_roi_model *m, int year);
/* The figures with the drivers at yearly[0..ndrivers) a year. */
void cs_roi_figures_of(const cs_roi_model *m, const double *yearly, cs_roi_figures *f);

/* Plain decimal text of v (no exponent, at most 9 decimals), for formulas. */
void cs_roi_num(cs_buf *out, double v);
/* "4 FTE x 100000 per FTE", "2000 extra inquiries a month x 0.05 conversion
 * x 300 per order x 12 months"; a measured input says what it came from. */
void cs_roi_driver_formula(const cs_roi_driver *d, cs_buf *out);

/* Does the input appear in formulas and the record (a share or margin of 1
 * not given changes nothing and does not)? */
int cs_roi_input_shown(const cs_roi_input *in);

/* The roi record (one line, no newline) of a measured model. */
void cs_roi_record(const cs_roi_model *m, cs_buf *out);

/* ---- cs-roi model ---- */

struct cs_roi_model_opts {
	const char *model;           /* the model file (the first operand) */
	enum cs_roi_format format;   /* --format json|md|html */
};

/* The whole subcommand: read the model (a bad one: exit 3), read the
 * metrics files (none: standard input, but only when an input is
 * measured), write the record or the page. Returns the exit status. */
int cs_roi_model_main(const struct cs_common *c, const struct cs_roi_model_opts *o, char **files, int nfiles);
#endif
