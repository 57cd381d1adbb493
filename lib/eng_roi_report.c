/* eng_roi_report: cs-roi report (see eng_roi_report.h). */
#include "eng_roi_report.h"
#include "eng_roi_svg.h"
#include "kit_hash.h"
#include "kit_json.h"
#include "kit_jval.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_out.h"
#include "kit_time.h"
#include "svc_window.h"
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_TITLE "Customer service report"
#define DESC_ALL_POINTS 14
#define MAX_CHART_YEARS 20      /* the cash-flow chart's months; the table has every year */

/* ---- what a metrics record adds up ---- */

enum count {
	C_CONTACTS, C_HANDLED, C_FCR_ELIGIBLE, C_FCR_RESOLVED, C_CSAT_RESPONSES, C_CSAT_POSITIVE, C_ANSWERED,
	C_ANSWERED_WITHIN, C_ABANDONED_AFTER, C_SLA_TARGETS, C_SLA_MET, C_QA_SCORED, C_SENTIMENT_SCORED,
	C_NEGATIVE, C_CUSTOMERS, C_QA_LOW, C_QA_MID, C_QA_HIGH, NCOUNTS
};
static const char *const count_names[NCOUNTS] = {
	"contacts", "handled", "fcr_eligible", "fcr_resolved", "csat_responses", "csat_positive", "answered",
	"answered_within_target", "abandoned_after_target", "sla_targets", "sla_met", "qa_scored",
	"sentiment_scored", "negative_sentiment", "customers", "qa_below_60", "qa_60_to_79", "qa_80_up"
};
enum sum { S_HANDLE_MS, S_QA_SCORE_MILLI, NSUMS };   /* thousandths, as cs-roi kpi writes them */
static const char *const sum_names[NSUMS] = {"handle_ms", "qa_score_milli"};
enum kpi { K_CSAT, K_FCR, K_AHT, K_SERVICE_LEVEL, K_SLA, K_QA, K_NEGATIVE, K_TRUST, NKPI };
static const char *const kpi_names[NKPI] = {
	"csat", "fcr", "aht_s", "service_level", "sla_attainment", "qa_score_mean", "negative_rate", "trust"
};

struct tally {
	double count[NCOUNTS], sum[NSUMS], kpi[NKPI];
	unsigned have_count, have_sum, have_kpi;
	size_t records;
	double trust_weighted, trust_weight;   /* trust x customers, customers */
};

struct metric {                  /* one metrics record */
	char *from;                  /* window.from */
	int64_t length_ms;           /* window.to - window.from, or -1 */
	char *grouping;              /* the group's dimension names, "channel,team"; "" ungrouped */
	char *channel;               /* group.channel, or NULL */
	struct tally t;
};

struct metrics {
	struct metric *m;
	size_t n, cap;
};

struct staffing {
	char *from, *group;
	char *reason;                /* why cs-roi staff gave no agents (agents NaN); NULL when it did */
	double agents, rostered, actual, service_level, asa_s, occupancy, volume, aht_s;
	size_t seq;                  /* input order, for ties */
};

struct alert_type {
	char *type;
	uint64_t count, critical;
};

struct year {
	double year, benefit, cost, net, cum;
};
struct driver {
	char *id, *name, *source, *formula;
	double first_year;
};
struct cost {
	char *name, *formula;
	double once, yearly;
};
struct sensitivity {
	char *driver;
	double roi[2], npv[2], payback[2];   /* minus_20, plus_20 */
};

struct roi {
	char *currency, *payback_rule, *roi_rule;
	double horizon, discount_rate, benefit_total, cost_total, net_total, roi_pct, npv, payback_months;
	struct year *years;
	size_t nyears;
	struct driver *drivers;
	size_t ndrivers;
	struct cost *costs;
	size_t ncosts;
	struct sensitivity *sens;
	size_t nsens;
};

struct cs_roi_report {
	struct cs_roi_report_opts o;
	struct metrics kpi, trust;
	struct staffing *staff;
	size_t nstaff, staff_cap;
	uint64_t staff_unsolved;     /* of them, the intervals cs-roi staff could not staff ("agents":null) */
	struct alert_type *alerts;
	size_t nalert_types;
	cs_map alert_index;          /* type -> index + 1 */
	struct roi *roi;
	cs_zone *zone;               /* --tz: the clock windows are named on; NULL: UTC */
	cs_buf scratch;
	uint64_t read, other_records, other_metrics, alerts_read;
	/* while rendering */
	cs_buf *out;
	unsigned charts;
	size_t table_cols;
	unsigned numeric_cols;
};

void cs_roi_report_opts_init(struct cs_roi_report_opts *o)
{
	*o = (struct cs_roi_report_opts){.format = CS_ROI_HTML, .title = DEFAULT_TITLE};
}

int cs_roi_report_format(const char *s, enum cs_roi_format *f)
{
	if (strcmp(s, "html") == 0)
		*f = CS_ROI_HTML;
	else if (strcmp(s, "md") == 0 || strcmp(s, "markdown") == 0)
		*f = CS_ROI_MD;
	else
		return -1;
	return 0;
}

/* ---- reading ---- */

static double num_of(cs_jval v) { return v.t == CS_J_NUMBER ? strtod(v.p, NULL) : NAN; }

static char *text_of(cs_jval v, cs_buf *scratch)
{
	const char *s = v.t == CS_J_STRING || v.t == CS_J_NUMBER ? cs_jtext(v, scratch) : NULL;
	return s ? cs_strndup(s, scratch->len) : NULL;
}

static int is_text(cs_jval v, cs_buf *scratch, const char *want)
{
	return v.t == CS_J_STRING && cs_jtext(v, scratch) && strcmp(scratch->p, want) == 0;
}

/* obj's numbers by name into v[] (0 when absent), bit i of have set when present. */
static void read_numbers(cs_jval obj, const char *const *names, int n, double *v, unsigned *have)
{
	for (int i = 0; i < n; i++) {
		double x = num_of(cs_jget(obj, names[i]));
		v[i] = isfinite(x) ? x : 0;
		*have |= isfinite(x) ? 1u << i : 0;
	}
}

static void read_tally(cs_jval rec, struct tally *t)
{
	cs_jval counts = cs_jget(rec, "counts"), sums = cs_jget(rec, "sums"), kpi = cs_jget(rec, "kpi");
	*t = (struct tally){.records = 1};
	read_numbers(counts, count_names, NCOUNTS, t->count, &t->have_count);
	read_numbers(sums, sum_names, NSUMS, t->sum, &t->have_sum);
	read_numbers(kpi, kpi_names, NKPI, t->kpi, &t->have_kpi);
	if (t->have_kpi & 1u << K_CSAT)
		t->kpi[K_CSAT] /= 100;   /* a percentage in the record, a share here */
	if (t->have_kpi & 1u << K_TRUST) {
		double weight = t->have_count & 1u << C_CUSTOMERS ? t->count[C_CUSTOMERS] : 1;
		t->trust_weighted = t->kpi[K_TRUST] * weight;
		t->trust_weight = weight;
	}
}

static void tally_add(struct tally *to, const struct tally *from)
{
	if (!to->records) {
		*to = *from;
		return;
	}
	for (int i = 0; i < NCOUNTS; i++)
		to->count[i] += from->count[i];
	for (int i = 0; i < NSUMS; i++)
		to->sum[i] += from->sum[i];
	to->have_count |= from->have_count;
	to->have_sum |= from->have_sum;
	to->records += from->records;
	to->trust_weighted += from->trust_weighted;
	to->trust_weight += from->trust_weight;
}

static double ratio(const struct tally *t, int num, int den, int num_is_sum, int den2)
{
	unsigned need_den = 1u << den | (den2 >= 0 ? 1u << den2 : 0);
	int have_num = num_is_sum ? (t->have_sum >> num & 1) : (t->have_count >> num & 1);
	if (!have_num || (t->have_count & need_den) != need_den)
		return NAN;
	double d = t->count[den] + (den2 >= 0 ? t->count[den2] : 0);
	return d > 0 ? (num_is_sum ? t->sum[num] : t->count[num]) / d : NAN;
}

/* A KPI worked out from the counts and sums; a lone record's own kpi when
 * its inputs are absent; NaN when neither. */
static double tally_kpi(const struct tally *t, enum kpi k)
{
	double v = NAN;
	switch (k) {
	case K_CSAT: v = ratio(t, C_CSAT_POSITIVE, C_CSAT_RESPONSES, 0, -1); break;
	case K_FCR: v = ratio(t, C_FCR_RESOLVED, C_FCR_ELIGIBLE, 0, -1); break;
	case K_AHT: v = ratio(t, S_HANDLE_MS, C_HANDLED, 1, -1) / 1000; break;
	case K_SERVICE_LEVEL: v = ratio(t, C_ANSWERED_WITHIN, C_ANSWERED, 0, C_ABANDONED_AFTER); break;
	case K_SLA: v = ratio(t, C_SLA_MET, C_SLA_TARGETS, 0, -1); break;
	case K_QA: v = ratio(t, S_QA_SCORE_MILLI, C_QA_SCORED, 1, -1) / 1000; break;
	case K_NEGATIVE: v = ratio(t, C_NEGATIVE, C_SENTIMENT_SCORED, 0, -1); break;
	case K_TRUST: return t->trust_weight > 0 ? t->trust_weighted / t->trust_weight : NAN;
	case NKPI: break;
	}
	if (isnan(v) && t->records == 1 && t->have_kpi & 1u << k)
		v = t->kpi[k];
	return v;
}

static double tally_count(const struct tally *t, enum count c)
{
	return t->have_count & 1u << c ? t->count[c] : NAN;
}

/* The group's dimension names joined by commas, and its channel. */
static void read_group(cs_jval group, cs_buf *scratch, char **grouping, char **channel)
{
	cs_buf names = CS_BUF_INIT;
	cs_obj obj = {0};
	*channel = NULL;
	if (group.t == CS_J_OBJECT && cs_json_members((cs_span){group.p, group.n}, &obj) == 0) {
		for (size_t i = 0; i < obj.n; i++) {
			if (names.len)
				cs_buf_addc(&names, ',');
			cs_buf_add(&names, obj.m[i].key.p, obj.m[i].key.n);
		}
		*channel = text_of(cs_jget(group, "channel"), scratch);
	}
	cs_obj_free(&obj);
	*grouping = names.p ? names.p : cs_strndup("", 0);
}

/* window.to - window.from in ms, or -1 when either is absent or no time. */
static int64_t window_length(cs_jval from, cs_jval to)
{
	cs_time a, b;
	if (from.t != CS_J_STRING || to.t != CS_J_STRING || cs_time_parse(from.p + 1, from.n - 2, &a) != 0 ||
	    cs_time_parse(to.p + 1, to.n - 2, &b) != 0)
		return -1;
	return b.ms - a.ms;
}

static const char *take_metrics(cs_roi_report *r, cs_jval rec)
{
	cs_jval type = cs_jget(rec, "type");
	struct metrics *into = is_text(type, &r->scratch, "roi.kpi") ? &r->kpi
			       : is_text(type, &r->scratch, "signals.trust") ? &r->trust : NULL;
	if (!into) {
		r->other_metrics++;
		return NULL;
	}
	cs_jval from = cs_jpath(rec, "window.from");
	if (from.t != CS_J_STRING)
		return "a metrics record without \"window\":{\"from\":...}";
	if (into->n == into->cap) {
		into->cap = into->cap ? into->cap * 2 : 64;
		into->m = cs_realloc(into->m, into->cap * sizeof *into->m);
	}
	struct metric *m = &into->m[into->n++];
	m->from = text_of(from, &r->scratch);
	m->length_ms = window_length(from, cs_jpath(rec, "window.to"));
	read_group(cs_jget(rec, "group"), &r->scratch, &m->grouping, &m->channel);
	read_tally(rec, &m->t);
	return NULL;
}

/* "chat / team-a": the group's values. */
static char *group_label(cs_jval group, cs_buf *scratch)
{
	cs_buf label = CS_BUF_INIT;
	cs_obj obj = {0};
	const char *s;
	size_t n;
	if (group.t == CS_J_OBJECT && cs_json_members((cs_span){group.p, group.n}, &obj) == 0)
		for (size_t i = 0; i < obj.n; i++) {
			if (label.len)
				cs_buf_adds(&label, " / ");
			if (cs_json_id(obj.m[i].val, obj.m[i].type, scratch, &s, &n) == 0)
				cs_buf_add(&label, s, n);
		}
	cs_obj_free(&obj);
	return label.p ? label.p : cs_strndup("", 0);
}

/* The agents on duty: cs-roi staff --actual writes "actual":{"agents":...}. */
static double actual_agents(cs_jval rec)
{
	cs_jval actual = cs_jget(rec, "actual");
	return actual.t == CS_J_OBJECT ? num_of(cs_jget(actual, "agents")) : num_of(cs_jget(rec, "actual_agents"));
}

/* An interval cs-roi staff could not staff ("agents":null) is kept with
 * its reason ("needs more agents than --max-agents", "no handled
 * contacts"): the report shows and counts it. */
static const char *take_staffing(cs_roi_report *r, cs_jval rec)
{
	cs_jval from = cs_jpath(rec, "window.from");
	cs_jval given = cs_jget(rec, "agents");
	double agents = num_of(given);
	int unsolved = given.t == CS_J_NULL;
	if (from.t != CS_J_STRING || (!isfinite(agents) && !unsolved))
		return "a staffing record needs \"window\":{\"from\":...} and \"agents\"";
	char *reason = unsolved ? text_of(cs_jget(rec, "reason"), &r->scratch) : NULL;
	if (unsolved && !reason)
		reason = cs_strdup("no reason given");
	r->staff_unsolved += unsolved;
	if (r->nstaff == r->staff_cap) {
		r->staff_cap = r->staff_cap ? r->staff_cap * 2 : 64;
		r->staff = cs_realloc(r->staff, r->staff_cap * sizeof *r->staff);
	}
	r->staff[r->nstaff] = (struct staffing){
		.from = text_of(from, &r->scratch), .group = group_label(cs_jget(rec, "group"), &r->scratch),
		.reason = reason, .agents = agents, .rostered = num_of(cs_jget(rec, "rostered")),
		.actual = actual_agents(rec), .service_level = num_of(cs_jget(rec, "service_level")),
		.asa_s = num_of(cs_jget(rec, "asa_s")), .occupancy = num_of(cs_jget(rec, "occupancy")),
		.volume = num_of(cs_jget(rec, "volume")), .aht_s = num_of(cs_jget(rec, "aht_s")), .seq = r->nstaff};
	r->nstaff++;
	return NULL;
}

static void take_alert(cs_roi_report *r, cs_jval rec)
{
	cs_jval type = cs_jget(rec, "type");
	const char *name = type.t == CS_J_STRING ? cs_jtext(type, &r->scratch) : NULL;
	if (!name)
		name = "(no type)";
	size_t len = strlen(name);
	void *at = cs_map_get(&r->alert_index, name, len);
	if (!at) {
		r->alerts = cs_realloc(r->alerts, (r->nalert_types + 1) * sizeof *r->alerts);
		r->alerts[r->nalert_types] = (struct alert_type){.type = cs_strndup(name, len)};
		at = (void *)(uintptr_t)++r->nalert_types;
		cs_map_put(&r->alert_index, name, len, at);
	}
	struct alert_type *a = &r->alerts[(uintptr_t)at - 1];
	a->count++;
	a->critical += is_text(cs_jget(rec, "severity"), &r->scratch, "critical");
	r->alerts_read++;
}

/* ---- the roi record ---- */

struct roi_read {
	struct roi *roi;
	cs_buf *scratch;
};

static int read_year(cs_jval y, void *ctx)
{
	struct roi *roi = ((struct roi_read *)ctx)->roi;
	struct year *to = &roi->years[roi->nyears];
	to->year = num_of(cs_jget(y, "year"));
	to->benefit = num_of(cs_jget(y, "benefit"));
	to->cost = num_of(cs_jget(y, "cost"));
	to->net = num_of(cs_jget(y, "net"));
	to->cum = num_of(cs_jget(y, "cumulative_net"));
	if (isnan(to->net))
		to->net = to->benefit - to->cost;
	if (isnan(to->cum))
		to->cum = (roi->nyears ? roi->years[roi->nyears - 1].cum : 0) + to->net;
	roi->nyears++;
	return 0;
}

static int first_number(cs_jval v, void *ctx)
{
	*(double *)ctx = num_of(v);
	return 1;
}

static int read_driver(cs_jval d, void *ctx)
{
	struct roi_read *rd = ctx;
	struct driver *to = &rd->roi->drivers[rd->roi->ndrivers++];
	*to = (struct driver){.id = text_of(cs_jget(d, "id"), rd->scratch), .name = text_of(cs_jget(d, "name"), rd->scratch),
			      .source = text_of(cs_jget(d, "source"), rd->scratch),
			      .formula = text_of(cs_jget(d, "formula"), rd->scratch), .first_year = NAN};
	cs_jeach(cs_jget(d, "yearly"), first_number, &to->first_year);
	return 0;
}

static int read_cost(cs_jval c, void *ctx)
{
	struct roi_read *rd = ctx;
	struct cost *to = &rd->roi->costs[rd->roi->ncosts++];
	char *name = text_of(cs_jget(c, "name"), rd->scratch);
	*to = (struct cost){.name = name ? name : text_of(cs_jget(c, "id"), rd->scratch),
			    .formula = text_of(cs_jget(c, "formula"), rd->scratch), .once = num_of(cs_jget(c, "once")),
			    .yearly = num_of(cs_jget(c, "yearly"))};
	return 0;
}

static int read_sensitivity(cs_jval s, void *ctx)
{
	struct roi_read *rd = ctx;
	struct sensitivity *to = &rd->roi->sens[rd->roi->nsens];
	static const char *const sides[2] = {"minus_20", "plus_20"};
	char *driver = text_of(cs_jget(s, "driver"), rd->scratch);
	if (!driver)
		return 0;
	to->driver = driver;
	for (int k = 0; k < 2; k++) {
		cs_jval side = cs_jget(s, sides[k]);
		to->roi[k] = num_of(cs_jget(side, "roi_pct")) / 100;
		to->npv[k] = num_of(cs_jget(side, "npv"));
		to->payback[k] = num_of(cs_jget(side, "payback_months"));
	}
	rd->roi->nsens++;
	return 0;
}

static void *array_for(cs_jval arr, size_t size) { return cs_calloc(cs_jlen(arr) + 1, size); }

static struct roi *read_roi(cs_jval rec, cs_buf *scratch)
{
	struct roi *roi = cs_calloc(1, sizeof *roi);
	struct roi_read rd = {roi, scratch};
	cs_jval years = cs_jget(rec, "years"), drivers = cs_jget(rec, "drivers"), costs = cs_jget(rec, "costs");
	cs_jval sens = cs_jget(rec, "sensitivity"), conv = cs_jget(rec, "conventions");
	roi->currency = text_of(cs_jget(rec, "currency"), scratch);
	roi->payback_rule = text_of(cs_jget(conv, "payback"), scratch);
	roi->roi_rule = text_of(cs_jget(conv, "roi"), scratch);
	roi->horizon = num_of(cs_jget(rec, "horizon_years"));
	roi->discount_rate = num_of(cs_jget(rec, "discount_rate"));
	roi->benefit_total = num_of(cs_jget(rec, "benefit_total"));
	roi->cost_total = num_of(cs_jget(rec, "cost_total"));
	roi->net_total = num_of(cs_jget(rec, "net_total"));
	roi->roi_pct = num_of(cs_jget(rec, "roi_pct")) / 100;
	roi->npv = num_of(cs_jget(rec, "npv"));
	roi->payback_months = num_of(cs_jget(rec, "payback_months"));
	roi->years = array_for(years, sizeof *roi->years);
	cs_jeach(years, read_year, &rd);
	roi->drivers = array_for(drivers, sizeof *roi->drivers);
	cs_jeach(drivers, read_driver, &rd);
	roi->costs = array_for(costs, sizeof *roi->costs);
	cs_jeach(costs, read_cost, &rd);
	roi->sens = array_for(sens, sizeof *roi->sens);
	cs_jeach(sens, read_sensitivity, &rd);
	return roi;
}

static void roi_free(struct roi *roi)
{
	if (!roi)
		return;
	for (size_t i = 0; i < roi->ndrivers; i++) {
		free(roi->drivers[i].id);
		free(roi->drivers[i].name);
		free(roi->drivers[i].source);
		free(roi->drivers[i].formula);
	}
	for (size_t i = 0; i < roi->ncosts; i++) {
		free(roi->costs[i].name);
		free(roi->costs[i].formula);
	}
	for (size_t i = 0; i < roi->nsens; i++)
		free(roi->sens[i].driver);
	free(roi->currency);
	free(roi->payback_rule);
	free(roi->roi_rule);
	free(roi->years);
	free(roi->drivers);
	free(roi->costs);
	free(roi->sens);
	free(roi);
}

static const char *take_roi(cs_roi_report *r, cs_jval rec)
{
	if (r->roi)
		return "a second roi record: a report shows one business case";
	cs_jval years = cs_jget(rec, "years");
	if (years.t != CS_J_ARRAY || cs_jlen(years) == 0)
		return "a roi record without \"years\"";
	r->roi = read_roi(rec, &r->scratch);
	return NULL;
}

static const char *take(cs_roi_report *r, const char *json, size_t n)
{
	cs_jval rec = cs_jval_of(json, n), kind = cs_jget(rec, "kind");
	if (is_text(kind, &r->scratch, "metrics"))
		return take_metrics(r, rec);
	if (is_text(kind, &r->scratch, "staffing"))
		return take_staffing(r, rec);
	if (is_text(kind, &r->scratch, "roi"))
		return take_roi(r, rec);
	if (is_text(kind, &r->scratch, "alert"))
		take_alert(r, rec);
	else
		r->other_records++;
	return NULL;
}

const char *cs_roi_report_take(cs_roi_report *r, const char *json, size_t n)
{
	const char *why = take(r, json, n);
	r->read += !why;
	return why;
}

/* ---- the document, in either format ---- */

static int html(const cs_roi_report *r) { return r->o.format == CS_ROI_HTML; }
static void put(cs_roi_report *r, const char *s) { cs_buf_adds(r->out, s); }

static void put_text(cs_roi_report *r, const char *s, size_t n)
{
	if (html(r))
		cs_roi_html_escape(r->out, s, n);
	else
		cs_roi_md_escape(r->out, s, n);
}

static void put_texts(cs_roi_report *r, const char *s) { put_text(r, s, strlen(s)); }

static void section_begin(cs_roi_report *r, const char *id, const char *heading)
{
	if (html(r))
		cs_buf_printf(r->out, "<section id=\"%s\">\n<h2>%s</h2>\n", id, heading);
	else
		cs_buf_printf(r->out, "## %s\n\n", heading);
}

static void section_end(cs_roi_report *r) { put(r, html(r) ? "</section>\n" : ""); }

static void para_class(cs_roi_report *r, const char *text, const char *cls)
{
	if (html(r) && cls)
		cs_buf_printf(r->out, "<p class=\"%s\">", cls);
	else if (html(r))
		put(r, "<p>");
	put_texts(r, text);
	put(r, html(r) ? "</p>\n" : "\n\n");
}

static void para(cs_roi_report *r, const char *text) { para_class(r, text, NULL); }
static void absent(cs_roi_report *r, const char *text) { para_class(r, text, "none"); }

static void table_begin(cs_roi_report *r, const char *caption, const char *const *heads, unsigned numeric)
{
	size_t n = 0;
	while (heads[n])
		n++;
	r->table_cols = n;
	r->numeric_cols = numeric;
	if (html(r)) {
		put(r, "<div class=\"tw\"><table>\n<caption>");
		put_texts(r, caption);
		put(r, "</caption>\n<thead><tr>");
		for (size_t i = 0; i < n; i++) {
			put(r, numeric >> i & 1 ? "<th scope=\"col\" class=\"n\">" : "<th scope=\"col\">");
			put_texts(r, heads[i]);
			put(r, "</th>");
		}
		put(r, "</tr></thead>\n<tbody>\n");
		return;
	}
	put(r, "*");
	put_texts(r, caption);
	put(r, "*\n\n|");
	for (size_t i = 0; i < n; i++) {
		put(r, " ");
		put_texts(r, heads[i]);
		put(r, " |");
	}
	put(r, "\n|");
	for (size_t i = 0; i < n; i++)
		put(r, numeric >> i & 1 ? " ---: |" : " --- |");
	put(r, "\n");
}

static void row_begin(cs_roi_report *r) { put(r, html(r) ? "<tr>" : "|"); }
static void row_end(cs_roi_report *r) { put(r, html(r) ? "</tr>\n" : "\n"); }
static void table_end(cs_roi_report *r) { put(r, html(r) ? "</tbody></table></div>\n" : "\n"); }

/* Cell col of the row: the first is the row's header. */
static void cell(cs_roi_report *r, size_t col, const char *text)
{
	int numeric = r->numeric_cols >> col & 1;
	if (html(r))
		put(r, col == 0 ? "<th scope=\"row\">" : numeric ? "<td class=\"n\">" : "<td>");
	else
		put(r, " ");
	put_texts(r, text ? text : "");
	put(r, html(r) ? (col == 0 ? "</th>" : "</td>") : " |");
}

static void cell_num(cs_roi_report *r, size_t col, double v, enum cs_roi_unit unit)
{
	cs_buf_reset(&r->scratch);
	cs_roi_fmt(&r->scratch, v, unit);
	cell(r, col, r->scratch.p);
}

/* One sentence of a series: every point, or its ends and extremes. */
static void desc_series(cs_buf *d, const char *name, const char *const *labels, const double *v, size_t n,
			enum cs_roi_unit unit)
{
	size_t have = 0, lo = SIZE_MAX, hi = SIZE_MAX, first = SIZE_MAX, last = SIZE_MAX;
	for (size_t i = 0; i < n; i++) {
		if (!isfinite(v[i]))
			continue;
		have++;
		first = first == SIZE_MAX ? i : first;
		last = i;
		lo = lo == SIZE_MAX || v[i] < v[lo] ? i : lo;
		hi = hi == SIZE_MAX || v[i] > v[hi] ? i : hi;
	}
	cs_buf_printf(d, "%s: ", name);
	if (!have) {
		cs_buf_adds(d, "no values");
		return;
	}
	if (have <= DESC_ALL_POINTS) {
		for (size_t i = 0, k = 0; i < n; i++)
			if (isfinite(v[i])) {
				cs_buf_printf(d, "%s%s ", k++ ? ", " : "", labels[i]);
				cs_roi_fmt(d, v[i], unit);
			}
		return;
	}
	const size_t at[4] = {first, last, lo, hi};
	static const char *const what[4] = {"first", "last", "lowest", "highest"};
	for (int k = 0; k < 4; k++) {
		cs_buf_printf(d, "%s%s ", k ? ", " : "", what[k]);
		cs_roi_fmt(d, v[at[k]], unit);
		cs_buf_printf(d, " (%s)", labels[at[k]]);
	}
	cs_buf_printf(d, ", over %zu points", have);
}

enum chart_kind { LINES, BARS, HBARS, TORNADO };

/* Draw c (HTML only; Markdown has the table that follows every chart).
 * A chart without desc gets one from its series. */
static void chart(cs_roi_report *r, enum chart_kind kind, struct cs_svg_chart *c)
{
	if (!html(r))
		return;
	char id[24];
	cs_buf desc = CS_BUF_INIT;
	snprintf(id, sizeof id, "c%u", ++r->charts);
	c->id = id;
	if (!c->desc) {
		for (size_t k = 0; k < c->nseries; k++) {
			if (k)
				cs_buf_adds(&desc, "; ");
			desc_series(&desc, c->series[k].name, c->labels, c->series[k].v, c->n, c->unit);
		}
		cs_buf_addc(&desc, '.');
		c->desc = desc.p;
	}
	put(r, "<figure>\n<figcaption aria-hidden=\"true\">");
	put_texts(r, c->title);
	put(r, "</figcaption>\n");
	switch (kind) {
	case LINES: cs_svg_lines(r->out, c); break;
	case BARS: cs_svg_bars(r->out, c); break;
	case HBARS: cs_svg_hbars(r->out, c); break;
	case TORNADO: cs_svg_tornado(r->out, c); break;
	}
	put(r, "</figure>\n");
	cs_buf_free(&desc);
}

/* ---- windows and channels ---- */

struct series_set {
	char **name;                 /* the windows or channels, sorted */
	char **label;                /* as shown */
	struct tally *t;
	size_t n;
};

/* Which records make each window's figures (take[i] for m->m[i]): the
 * ungrouped ones when the window has any, else those of the first grouping
 * seen in it. A window a --by run alone covers keeps its figures beside
 * windows an ungrouped run covers. */
static unsigned char *taken_by_window(const struct metrics *m)
{
	cs_map chosen = {0};   /* window.from -> index + 1 of the record whose grouping it takes */
	unsigned char *take = cs_calloc(m->n + 1, 1);
	for (size_t i = 0; i < m->n; i++) {
		const char *from = m->m[i].from;
		uintptr_t at = (uintptr_t)cs_map_get(&chosen, from, strlen(from));
		if (!at || (!*m->m[i].grouping && *m->m[at - 1].grouping))
			cs_map_put(&chosen, from, strlen(from), (void *)(uintptr_t)(i + 1));
	}
	for (size_t i = 0; i < m->n; i++) {
		const char *from = m->m[i].from;
		const struct metric *pick = &m->m[(uintptr_t)cs_map_get(&chosen, from, strlen(from)) - 1];
		take[i] = strcmp(m->m[i].grouping, pick->grouping) == 0;
	}
	cs_map_free(&chosen);
	return take;
}

/* The records of one grouping (none when it is NULL). */
static unsigned char *taken_of_grouping(const struct metrics *m, const char *grouping)
{
	unsigned char *take = cs_calloc(m->n + 1, 1);
	for (size_t i = 0; grouping && i < m->n; i++)
		take[i] = strcmp(m->m[i].grouping, grouping) == 0;
	return take;
}

static int by_string(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Add the records taken into set, one entry per key (window or channel);
 * keys first collected into index. */
static void add_keys(struct series_set *set, cs_map *index, const struct metrics *m, const unsigned char *take,
		     int by_channel)
{
	for (size_t i = 0; i < m->n; i++) {
		const struct metric *x = &m->m[i];
		const char *key = by_channel ? x->channel : x->from;
		if (!take[i] || !key || cs_map_get(index, key, strlen(key)))
			continue;
		cs_map_put(index, key, strlen(key), (void *)1);
		set->name = cs_realloc(set->name, (set->n + 1) * sizeof *set->name);
		set->name[set->n++] = (char *)key;
	}
}

static void index_keys(struct series_set *set, cs_map *index)
{
	if (set->n)
		qsort(set->name, set->n, sizeof *set->name, by_string);
	for (size_t i = 0; i < set->n; i++)
		cs_map_put(index, set->name[i], strlen(set->name[i]), (void *)(uintptr_t)(i + 1));
	set->t = cs_calloc(set->n + 1, sizeof *set->t);
}

static void tally_into(struct tally *t, cs_map *index, const struct metrics *m, const unsigned char *take,
		       int by_channel)
{
	for (size_t i = 0; i < m->n; i++) {
		const struct metric *x = &m->m[i];
		const char *key = by_channel ? x->channel : x->from;
		if (take[i] && key)
			tally_add(&t[(uintptr_t)cs_map_get(index, key, strlen(key)) - 1], &x->t);
	}
}

/* A window's start on the --tz clock (the one cs-roi kpi made its windows
 * on): "2026-03-02" for the start of a day there, "2026-03-02 09:30" for a
 * time in it, with the offset when that clock shows the time twice. */
static char *window_label(const cs_zone *zone, const char *from)
{
	cs_time t;
	if (cs_time_parse_uncounted(from, strlen(from), &t) != 0)
		return cs_strdup(from);
	cs_window_spec clock = {CS_WINDOW_MINUTES, 1, zone};
	char label[24];
	cs_window_label(&clock, t.ms, label);
	label[10] = ' ';
	if (strcmp(label + 10, " 00:00") == 0)
		label[10] = 0;
	return cs_strdup(label);
}

/* Labels for windows on zone's clock, or the names themselves (zone_clock 0). */
static void set_labels(struct series_set *set, const cs_zone *zone, int zone_clock)
{
	set->label = cs_calloc(set->n + 1, sizeof *set->label);
	for (size_t i = 0; i < set->n; i++)
		set->label[i] = zone_clock ? window_label(zone, set->name[i]) : cs_strdup(set->name[i]);
}

static void set_free(struct series_set *set)
{
	for (size_t i = 0; i < set->n; i++)
		free(set->label[i]);
	free(set->name);
	free(set->label);
	free(set->t);
}

#define HOUR_MS 3600000LL
#define DAY_MS (24 * HOUR_MS)

/* What the windows are called: "day", "days", by "day", "Day"; a window of
 * 15 minutes "window", "windows", by "15-minute window", "Window" and its
 * length "15 minutes". */
struct window_unit {
	char one[16], many[16], by[32], head[16], length[24];
};

static void plain_unit(struct window_unit *u, const char *name)
{
	*u = (struct window_unit){0};
	snprintf(u->one, sizeof u->one, "%s", name);
	snprintf(u->many, sizeof u->many, "%ss", name);
	snprintf(u->by, sizeof u->by, "%s", name);
	snprintf(u->head, sizeof u->head, "%c%s", name[0] - 'a' + 'A', name + 1);
}

/* A window of n minutes or hours (unit "minute", "hour"). */
static void sized_unit(struct window_unit *u, long long n, const char *unit)
{
	plain_unit(u, "window");
	snprintf(u->by, sizeof u->by, "%lld-%s window", n, unit);
	snprintf(u->length, sizeof u->length, "%lld %ss", n, unit);
}

/* The unit of a window of length ms, as cs-roi kpi --window makes them (a
 * local day, week or month may be an hour off across a daylight-saving
 * change); a record without window.to is a day's, as by default. */
static void window_unit_of(int64_t ms, struct window_unit *u)
{
	if (ms < 0 || llabs(ms - DAY_MS) <= HOUR_MS)
		plain_unit(u, "day");
	else if (llabs(ms - 7 * DAY_MS) <= HOUR_MS)
		plain_unit(u, "week");
	else if (ms >= 28 * DAY_MS - HOUR_MS && ms <= 31 * DAY_MS + HOUR_MS)
		plain_unit(u, "month");
	else if (ms == HOUR_MS)
		plain_unit(u, "hour");
	else if (ms > 0 && ms < DAY_MS && ms % HOUR_MS == 0)
		sized_unit(u, (long long)(ms / HOUR_MS), "hour");
	else if (ms > 0 && ms < DAY_MS && ms % 60000 == 0)
		sized_unit(u, (long long)(ms / 60000), "minute");
	else
		plain_unit(u, "window");
}

/* The unit all the records taken of m share, into u (u->by "" at first);
 * "window" when two differ. */
static void common_unit(const struct metrics *m, const unsigned char *take, struct window_unit *u)
{
	struct window_unit this;
	for (size_t i = 0; i < m->n; i++) {
		if (!take[i])
			continue;
		window_unit_of(m->m[i].length_ms, &this);
		if (!*u->by)
			*u = this;
		else if (strcmp(u->by, this.by) != 0)
			plain_unit(u, "window");
	}
}

struct period {
	struct series_set windows;   /* the windows of roi.kpi and signals.trust */
	struct window_unit unit;     /* what they are: days, hours, weeks... */
	struct tally *trust;         /* per window */
	struct series_set channels;  /* by contacts, most first */
	struct tally total, trust_total;
};

static void windows_of(const cs_roi_report *r, struct period *p)
{
	cs_map index = {0};
	unsigned char *kt = taken_by_window(&r->kpi), *tt = taken_by_window(&r->trust);
	add_keys(&p->windows, &index, &r->kpi, kt, 0);
	add_keys(&p->windows, &index, &r->trust, tt, 0);
	index_keys(&p->windows, &index);
	p->trust = cs_calloc(p->windows.n + 1, sizeof *p->trust);
	tally_into(p->windows.t, &index, &r->kpi, kt, 0);
	tally_into(p->trust, &index, &r->trust, tt, 0);
	for (size_t i = 0; i < p->windows.n; i++) {
		tally_add(&p->total, &p->windows.t[i]);
		tally_add(&p->trust_total, &p->trust[i]);
	}
	set_labels(&p->windows, r->zone, 1);
	cs_map_free(&index);
	common_unit(&r->kpi, kt, &p->unit);
	common_unit(&r->trust, tt, &p->unit);
	free(kt);
	free(tt);
	if (!*p->unit.by)
		plain_unit(&p->unit, "day");
}

struct channel {
	char *name;
	struct tally t;
};

static int by_contacts(const void *a, const void *b)
{
	const struct channel *x = a, *y = b;
	double cx = x->t.count[C_CONTACTS], cy = y->t.count[C_CONTACTS];
	return cx > cy ? -1 : cx < cy ? 1 : strcmp(x->name, y->name);
}

static void channels_of(const cs_roi_report *r, struct period *p)
{
	cs_map index = {0};
	const char *grouping = NULL;
	for (size_t i = 0; i < r->kpi.n && !grouping; i++)
		if (strcmp(r->kpi.m[i].grouping, "channel") == 0)
			grouping = "channel";
	for (size_t i = 0; i < r->kpi.n && !grouping; i++)
		if (r->kpi.m[i].channel)
			grouping = r->kpi.m[i].grouping;
	struct series_set *s = &p->channels;
	unsigned char *take = taken_of_grouping(&r->kpi, grouping);
	add_keys(s, &index, &r->kpi, take, 1);
	index_keys(s, &index);
	tally_into(s->t, &index, &r->kpi, take, 1);
	free(take);
	struct channel *c = cs_malloc((s->n + 1) * sizeof *c);
	for (size_t i = 0; i < s->n; i++)
		c[i] = (struct channel){s->name[i], s->t[i]};
	qsort(c, s->n, sizeof *c, by_contacts);
	for (size_t i = 0; i < s->n; i++) {
		s->name[i] = c[i].name;
		s->t[i] = c[i].t;
	}
	free(c);
	set_labels(s, NULL, 0);
	cs_map_free(&index);
}

static void period_free(struct period *p)
{
	set_free(&p->windows);
	set_free(&p->channels);
	free(p->trust);
}

/* ---- the sections ---- */

static double *kpi_series(const struct tally *t, size_t n, enum kpi k)
{
	double *v = cs_malloc((n + 1) * sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = tally_kpi(&t[i], k);
	return v;
}

static int any_value(const double *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (isfinite(v[i]))
			return 1;
	return 0;
}

/* A chart of one series over the windows, when it has a value. */
/* "KPIs by day", "KPIs by hour": what into out (reset first). */
static const char *titled_by_window(const struct period *p, const char *what, cs_buf *out)
{
	cs_buf_reset(out);
	cs_buf_printf(out, "%s by %s", what, p->unit.by);
	return out->p;
}

static void window_chart(cs_roi_report *r, const struct period *p, const char *what, const char *name,
			 const double *v, enum cs_roi_unit unit, enum chart_kind kind)
{
	if (!any_value(v, p->windows.n))
		return;
	cs_buf title = CS_BUF_INIT;
	struct cs_svg_series s = {name, v};
	struct cs_svg_chart c = {.title = titled_by_window(p, what, &title),
				 .labels = (const char *const *)p->windows.label, .n = p->windows.n, .series = &s,
				 .nseries = 1, .unit = unit, .zero_based = kind == BARS, .marker = NAN,
				 .width = kind == LINES ? 420 : 0};
	chart(r, kind, &c);
	cs_buf_free(&title);
}

static void multiples(cs_roi_report *r, int open) { put(r, !html(r) ? "" : open ? "<div class=\"multiples\">\n" : "</div>\n"); }

struct shown {
	enum kpi k;
	const char *name, *title;
	enum cs_roi_unit unit;
};

static const struct shown trend_kpis[] = {
	{K_CSAT, "CSAT", "CSAT (share of 4-5 ratings)", CS_U_PCT},
	{K_FCR, "FCR", "First contact resolution", CS_U_PCT},
	{K_AHT, "AHT", "Average handle time", CS_U_SEC},
	{K_SERVICE_LEVEL, "Service level", "Service level", CS_U_PCT},
};
#define NTRENDS (sizeof trend_kpis / sizeof *trend_kpis)

static void write_kpis(cs_roi_report *r, const struct period *p)
{
	section_begin(r, "kpis", "KPI trends");
	if (!r->kpi.n) {
		absent(r, "No roi.kpi metrics records in the input: no KPI trends (cs-roi kpi writes them).");
		section_end(r);
		return;
	}
	double *v[NTRENDS];
	int drawn = 0;
	multiples(r, 1);
	for (size_t i = 0; i < NTRENDS; i++) {
		v[i] = kpi_series(p->windows.t, p->windows.n, trend_kpis[i].k);
		drawn += any_value(v[i], p->windows.n);
		window_chart(r, p, trend_kpis[i].title, trend_kpis[i].name, v[i], trend_kpis[i].unit, LINES);
	}
	multiples(r, 0);
	if (!drawn)
		absent(r, "The roi.kpi records carry none of CSAT, FCR, AHT and service level.");
	const char *const heads[] = {p->unit.head, "Contacts", "CSAT", "FCR", "AHT", "Service level", NULL};
	cs_buf caption = CS_BUF_INIT;
	table_begin(r, titled_by_window(p, "KPIs", &caption), heads, 0x3e);
	cs_buf_free(&caption);
	for (size_t d = 0; d < p->windows.n; d++) {
		row_begin(r);
		cell(r, 0, p->windows.label[d]);
		cell_num(r, 1, tally_count(&p->windows.t[d], C_CONTACTS), CS_U_COUNT);
		for (size_t i = 0; i < NTRENDS; i++)
			cell_num(r, 2 + i, v[i][d], trend_kpis[i].unit);
		row_end(r);
	}
	table_end(r);
	for (size_t i = 0; i < NTRENDS; i++)
		free(v[i]);
	section_end(r);
}

static void channel_chart(cs_roi_report *r, const struct period *p, const char *title, const char *name,
			  const double *v, enum cs_roi_unit unit)
{
	if (!any_value(v, p->channels.n))
		return;
	struct cs_svg_series s = {name, v};
	struct cs_svg_chart c = {.title = title, .labels = (const char *const *)p->channels.label,
				 .n = p->channels.n, .series = &s, .nseries = 1, .unit = unit, .marker = NAN};
	chart(r, HBARS, &c);
}

static void write_channels(cs_roi_report *r, const struct period *p)
{
	section_begin(r, "channels", "Channel mix");
	const struct series_set *ch = &p->channels;
	if (!ch->n) {
		absent(r, "No metrics grouped by channel in the input: no channel mix (cs-roi kpi --by channel).");
		section_end(r);
		return;
	}
	double *contacts = cs_malloc((ch->n + 1) * sizeof *contacts), total = 0;
	for (size_t i = 0; i < ch->n; i++) {
		contacts[i] = tally_count(&ch->t[i], C_CONTACTS);
		total += isfinite(contacts[i]) ? contacts[i] : 0;
	}
	channel_chart(r, p, "Contacts by channel", "Contacts", contacts, CS_U_COUNT);
	static const char *const heads[] = {"Channel", "Contacts", "Share", "CSAT", "FCR", "AHT", NULL};
	table_begin(r, "Channels over the period", heads, 0x3e);
	for (size_t i = 0; i < ch->n; i++) {
		row_begin(r);
		cell(r, 0, ch->label[i]);
		cell_num(r, 1, contacts[i], CS_U_COUNT);
		cell_num(r, 2, total > 0 ? contacts[i] / total : NAN, CS_U_PCT);
		cell_num(r, 3, tally_kpi(&ch->t[i], K_CSAT), CS_U_PCT);
		cell_num(r, 4, tally_kpi(&ch->t[i], K_FCR), CS_U_PCT);
		cell_num(r, 5, tally_kpi(&ch->t[i], K_AHT), CS_U_SEC);
		row_end(r);
	}
	table_end(r);
	free(contacts);
	section_end(r);
}

static void write_sla(cs_roi_report *r, const struct period *p)
{
	section_begin(r, "sla", "SLA attainment");
	double *v = kpi_series(p->windows.t, p->windows.n, K_SLA);
	if (!any_value(v, p->windows.n)) {
		absent(r, "No SLA targets in the metrics (counts sla_targets and sla_met): no SLA attainment.");
	} else {
		window_chart(r, p, "SLA attainment", "SLA attainment", v, CS_U_PCT, BARS);
		const char *const heads[] = {p->unit.head, "SLA targets", "Met", "Attainment", NULL};
		cs_buf caption = CS_BUF_INIT;
		table_begin(r, titled_by_window(p, "SLA attainment", &caption), heads, 0xe);
		cs_buf_free(&caption);
		for (size_t d = 0; d < p->windows.n; d++) {
			row_begin(r);
			cell(r, 0, p->windows.label[d]);
			cell_num(r, 1, tally_count(&p->windows.t[d], C_SLA_TARGETS), CS_U_COUNT);
			cell_num(r, 2, tally_count(&p->windows.t[d], C_SLA_MET), CS_U_COUNT);
			cell_num(r, 3, v[d], CS_U_PCT);
			row_end(r);
		}
		table_end(r);
	}
	free(v);
	section_end(r);
}

static void qa_by_channel(cs_roi_report *r, const struct period *p, const double *qa)
{
	if (!any_value(qa, p->channels.n))
		return;
	channel_chart(r, p, "QA score (mean, 0-100) by channel", "QA score", qa, CS_U_SCORE);
	static const char *const heads[] = {"Channel", "QA scored", "QA score", NULL};
	table_begin(r, "QA score by channel", heads, 0x6);
	for (size_t i = 0; i < p->channels.n; i++) {
		row_begin(r);
		cell(r, 0, p->channels.label[i]);
		cell_num(r, 1, tally_count(&p->channels.t[i], C_QA_SCORED), CS_U_COUNT);
		cell_num(r, 2, qa[i], CS_U_SCORE);
		row_end(r);
	}
	table_end(r);
}

/* The negative sentiment rate of a window: from signals.trust, else roi.kpi. */
static double *negative_series(const struct period *p)
{
	double *v = kpi_series(p->trust, p->windows.n, K_NEGATIVE);
	for (size_t d = 0; d < p->windows.n; d++)
		if (!isfinite(v[d]))
			v[d] = tally_kpi(&p->windows.t[d], K_NEGATIVE);
	return v;
}

/* How the QA scores of the period fall: below 60, 60 to 79, 80 and up. */
static void qa_distribution(cs_roi_report *r, const struct period *p)
{
	static const char *const bands[] = {"below 60", "60 to 79", "80 and up"};
	double n[3] = {tally_count(&p->total, C_QA_LOW), tally_count(&p->total, C_QA_MID), tally_count(&p->total, C_QA_HIGH)};
	if (!any_value(n, 3) || n[0] + n[1] + n[2] <= 0)
		return;
	struct cs_svg_series s = {"Conversations", n};
	struct cs_svg_chart c = {.title = "QA scores of the period", .labels = bands, .n = 3, .series = &s,
				 .nseries = 1, .unit = CS_U_COUNT, .marker = NAN};
	chart(r, HBARS, &c);
	static const char *const heads[] = {"QA score", "Conversations", "Share", NULL};
	table_begin(r, "QA scores of the period", heads, 0x6);
	for (size_t i = 0; i < 3; i++) {
		row_begin(r);
		cell(r, 0, bands[i]);
		cell_num(r, 1, n[i], CS_U_COUNT);
		cell_num(r, 2, n[i] / (n[0] + n[1] + n[2]), CS_U_PCT);
		row_end(r);
	}
	table_end(r);
}

static void write_quality(cs_roi_report *r, const struct period *p)
{
	section_begin(r, "quality", "Quality and sentiment");
	double *qa = kpi_series(p->windows.t, p->windows.n, K_QA), *neg = negative_series(p);
	double *trust = kpi_series(p->trust, p->windows.n, K_TRUST);
	double *qa_channel = kpi_series(p->channels.t, p->channels.n, K_QA);
	if (!any_value(qa, p->windows.n) && !any_value(neg, p->windows.n) && !any_value(trust, p->windows.n)) {
		absent(r, "No QA scores, sentiment or trust score in the input: no quality and sentiment trends.");
	} else {
		multiples(r, 1);
		window_chart(r, p, "QA score (mean, 0-100)", "QA score", qa, CS_U_SCORE, LINES);
		window_chart(r, p, "Negative sentiment rate", "Negative sentiment", neg, CS_U_PCT, LINES);
		window_chart(r, p, "Trust score (0-100)", "Trust", trust, CS_U_SCORE, LINES);
		multiples(r, 0);
		qa_by_channel(r, p, qa_channel);
		qa_distribution(r, p);
		const char *const heads[] = {p->unit.head, "QA scored", "QA score", "Sentiment scored", "Negative",
					     "Trust", NULL};
		cs_buf caption = CS_BUF_INIT;
		table_begin(r, titled_by_window(p, "Quality and sentiment", &caption), heads, 0x3e);
		cs_buf_free(&caption);
		for (size_t d = 0; d < p->windows.n; d++) {
			const struct tally *t = p->trust[d].have_count & 1u << C_SENTIMENT_SCORED ? &p->trust[d]
												 : &p->windows.t[d];
			row_begin(r);
			cell(r, 0, p->windows.label[d]);
			cell_num(r, 1, tally_count(&p->windows.t[d], C_QA_SCORED), CS_U_COUNT);
			cell_num(r, 2, qa[d], CS_U_SCORE);
			cell_num(r, 3, tally_count(t, C_SENTIMENT_SCORED), CS_U_COUNT);
			cell_num(r, 4, neg[d], CS_U_PCT);
			cell_num(r, 5, trust[d], CS_U_SCORE);
			row_end(r);
		}
		table_end(r);
	}
	free(qa);
	free(neg);
	free(trust);
	free(qa_channel);
	section_end(r);
}

static int by_window(const void *a, const void *b)
{
	const struct staffing *x = a, *y = b;
	int c = strcmp(x->from, y->from);
	c = c ? c : strcmp(x->group, y->group);
	return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

static char *interval_label(const cs_zone *zone, const struct staffing *s)
{
	char *when = window_label(zone, s->from);
	if (!*s->group)
		return when;
	cs_buf b = CS_BUF_INIT;
	cs_buf_printf(&b, "%s %s", when, s->group);
	free(when);
	return b.p;
}

static void staffing_table(cs_roi_report *r, const struct staffing *s, size_t n, char **labels)
{
	static const char *const heads[] = {"Interval", "Volume", "AHT", "Needed", "Rostered", "Actual",
					    "Service level", "ASA", "Occupancy", NULL};
	table_begin(r, "Staffing by interval", heads, 0x1fe);
	for (size_t i = 0; i < n; i++) {
		row_begin(r);
		cell(r, 0, labels[i]);
		cell_num(r, 1, s[i].volume, CS_U_COUNT);
		cell_num(r, 2, s[i].aht_s, CS_U_SEC);
		if (s[i].reason)
			cell(r, 3, s[i].reason);
		else
			cell_num(r, 3, s[i].agents, CS_U_COUNT);
		cell_num(r, 4, s[i].rostered, CS_U_COUNT);
		cell_num(r, 5, s[i].actual, CS_U_COUNT);
		cell_num(r, 6, s[i].service_level, CS_U_PCT);
		cell_num(r, 7, s[i].asa_s, CS_U_SEC);
		cell_num(r, 8, s[i].occupancy, CS_U_PCT);
		row_end(r);
	}
	table_end(r);
}

/* "; 2 that cs-roi staff could not staff: needs more agents than
 * --max-agents (1), no handled contacts (1)": each reason once, in the
 * order of the intervals. */
static void unsolved_text(const struct staffing *s, size_t n, cs_buf *out)
{
	cs_map index = {0};   /* reason -> its place in first + 1 */
	const struct staffing **first = cs_malloc((n + 1) * sizeof *first);
	size_t *times = cs_calloc(n + 1, sizeof *times), nreasons = 0, unsolved = 0;
	for (size_t i = 0; i < n; i++) {
		if (!s[i].reason)
			continue;
		size_t len = strlen(s[i].reason);
		uintptr_t at = (uintptr_t)cs_map_get(&index, s[i].reason, len);
		if (!at) {
			first[nreasons] = &s[i];
			at = ++nreasons;
			cs_map_put(&index, s[i].reason, len, (void *)at);
		}
		times[at - 1]++;
		unsolved++;
	}
	if (unsolved)
		cs_buf_printf(out, "; %zu that cs-roi staff could not staff:", unsolved);
	for (size_t k = 0; k < nreasons; k++)
		cs_buf_printf(out, "%s %s (%zu)", k ? "," : "", first[k]->reason, times[k]);
	cs_map_free(&index);
	free(first);
	free(times);
}

static void write_staffing(cs_roi_report *r)
{
	section_begin(r, "staffing", "Staffing versus actual");
	size_t n = r->nstaff, short_staffed = 0;
	if (!n) {
		absent(r, "No staffing records in the input: no staffing versus actual (cs-roi staff writes them).");
		section_end(r);
		return;
	}
	struct staffing *s = cs_malloc(n * sizeof *s);
	memcpy(s, r->staff, n * sizeof *s);
	qsort(s, n, sizeof *s, by_window);
	char **labels = cs_malloc(n * sizeof *labels);
	double *v = cs_malloc(3 * n * sizeof *v);
	for (size_t i = 0; i < n; i++) {
		labels[i] = interval_label(r->zone, &s[i]);
		v[i] = s[i].agents;
		v[n + i] = s[i].rostered;
		v[2 * n + i] = s[i].actual;
		double present = isfinite(s[i].actual) ? s[i].actual : s[i].rostered;
		short_staffed += isfinite(present) && present < s[i].agents;
	}
	struct cs_svg_series series[3] = {{"Needed", v}, {"Rostered", v + n}, {"Actual", v + 2 * n}};
	size_t nseries = any_value(v + 2 * n, n) ? 3 : any_value(v + n, n) ? 2 : 1;
	struct cs_svg_chart c = {.title = "Agents needed, rostered and actual", .labels = (const char *const *)labels,
				 .n = n, .series = series, .nseries = nseries, .unit = CS_U_COUNT, .marker = NAN};
	if (any_value(v, 3 * n))
		chart(r, BARS, &c);
	cs_buf_reset(&r->scratch);
	cs_buf_printf(&r->scratch, "%zu interval%s; %zu with fewer agents present (actual, else rostered) than needed", n,
		      n == 1 ? "" : "s", short_staffed);
	unsolved_text(s, n, &r->scratch);
	cs_buf_addc(&r->scratch, '.');
	char *text = cs_strdup(r->scratch.p);
	para(r, text);
	free(text);
	staffing_table(r, s, n, labels);
	for (size_t i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
	free(v);
	free(s);
	section_end(r);
}

void cs_roi_cash_by_month(const double *cum_net, size_t nyears, double once, double *out)
{
	double start = -once;
	out[0] = start;
	for (size_t y = 0; y < nyears; y++) {
		for (int m = 1; m <= 12; m++)
			out[y * 12 + (size_t)m] = start + (cum_net[y] - start) * m / 12.0;
		start = cum_net[y];
	}
}

static const char *currency_of(const cs_roi_report *r)
{
	return r->o.currency ? r->o.currency : r->roi && r->roi->currency ? r->roi->currency : "";
}

/* "Benefit (CNY)" */
static char *money_head(const cs_roi_report *r, const char *what)
{
	cs_buf b = CS_BUF_INIT;
	const char *cur = currency_of(r);
	if (*cur)
		cs_buf_printf(&b, "%s (%s)", what, cur);
	else
		cs_buf_adds(&b, what);
	return b.p;
}

/* A total of the record, else the sum of its years' figures. */
static double total_of(const struct roi *roi, double given, size_t field)
{
	if (isfinite(given))
		return given;
	double sum = 0;
	for (size_t y = 0; y < roi->nyears; y++)
		sum += field == 0 ? roi->years[y].benefit : field == 1 ? roi->years[y].cost : roi->years[y].net;
	return sum;
}

static void business_summary(cs_roi_report *r, const struct roi *roi)
{
	cs_buf *b = &r->scratch;
	const char *cur = currency_of(r);
	double years = isfinite(roi->horizon) ? roi->horizon : (double)roi->nyears;
	cs_buf_reset(b);
	cs_buf_printf(b, "Over %g year%s%s%s: benefit ", years, years == 1 ? "" : "s", *cur ? ", in " : "", cur);
	cs_roi_fmt(b, total_of(roi, roi->benefit_total, 0), CS_U_MONEY);
	cs_buf_adds(b, ", cost ");
	cs_roi_fmt(b, total_of(roi, roi->cost_total, 1), CS_U_MONEY);
	cs_buf_adds(b, ", net ");
	cs_roi_fmt(b, total_of(roi, roi->net_total, 2), CS_U_MONEY);
	cs_buf_adds(b, "; ROI ");
	cs_roi_fmt(b, roi->roi_pct, CS_U_PCT);
	if (isfinite(roi->npv)) {
		cs_buf_adds(b, "; NPV ");
		if (isfinite(roi->discount_rate)) {
			cs_buf_adds(b, "at ");
			cs_roi_fmt(b, roi->discount_rate, CS_U_PCT);
			cs_buf_addc(b, ' ');
		}
		cs_roi_fmt(b, roi->npv, CS_U_MONEY);
	}
	if (isfinite(roi->payback_months)) {
		cs_buf_adds(b, "; payback after ");
		cs_roi_fmt(b, roi->payback_months, CS_U_MONTHS);
		cs_buf_adds(b, " months.");
	} else {
		cs_buf_adds(b, "; no payback within the horizon.");
	}
	char *text = cs_strdup(b->p);
	para(r, text);
	free(text);
}

static void cash_chart(cs_roi_report *r, const struct roi *roi)
{
	size_t years = roi->nyears < MAX_CHART_YEARS ? roi->nyears : MAX_CHART_YEARS, months = years * 12;
	double *cum = cs_malloc(years * sizeof *cum), *v = cs_malloc((months + 1) * sizeof *v), once = 0;
	for (size_t y = 0; y < years; y++)
		cum[y] = roi->years[y].cum;
	for (size_t i = 0; i < roi->ncosts; i++)
		once += isfinite(roi->costs[i].once) ? roi->costs[i].once : 0;
	cs_roi_cash_by_month(cum, years, once, v);
	if (!any_value(cum, years)) {   /* years without figures: the table says n/a */
		free(cum);
		free(v);
		return;
	}
	char **labels = cs_malloc((months + 1) * sizeof *labels);
	cs_buf desc = CS_BUF_INIT, marker = CS_BUF_INIT;
	for (size_t m = 0; m <= months; m++) {
		cs_buf b = CS_BUF_INIT;
		cs_buf_printf(&b, "%zu", m);
		labels[m] = b.p;
	}
	cs_buf_adds(&desc, "Cumulative net at the end of each month: ");
	cs_roi_fmt(&desc, v[0], CS_U_MONEY);
	cs_buf_printf(&desc, " at month 0 (once-off costs), then %zu months to ", months);
	cs_roi_fmt(&desc, v[months], CS_U_MONEY);
	int marked = isfinite(roi->payback_months) && roi->payback_months <= (double)months;
	if (marked) {
		cs_buf_adds(&desc, "; payback after ");
		cs_roi_fmt(&desc, roi->payback_months, CS_U_MONTHS);
		cs_buf_adds(&desc, " months");
		cs_buf_adds(&marker, "payback: ");
		cs_roi_fmt(&marker, roi->payback_months, CS_U_MONTHS);
		cs_buf_adds(&marker, " months");
	}
	cs_buf_addc(&desc, '.');
	char *title = money_head(r, "Cumulative net by month");
	struct cs_svg_series s = {"Cumulative net", v};
	struct cs_svg_chart c = {.title = title, .desc = desc.p, .labels = (const char *const *)labels, .n = months + 1,
				 .series = &s, .nseries = 1, .unit = CS_U_MONEY,
				 .marker = marked ? roi->payback_months : NAN, .marker_label = marker.p};
	chart(r, BARS, &c);
	for (size_t m = 0; m <= months; m++)
		free(labels[m]);
	free(labels);
	free(title);
	free(cum);
	free(v);
	cs_buf_free(&desc);
	cs_buf_free(&marker);
}

static void years_table(cs_roi_report *r, const struct roi *roi)
{
	char *h[5] = {money_head(r, "Benefit"), money_head(r, "Cost"), money_head(r, "Net"),
		      money_head(r, "Cumulative net")};
	const char *const heads[] = {"Year", h[0], h[1], h[2], h[3], NULL};
	table_begin(r, "The business case by year", heads, 0x1e);
	for (size_t y = 0; y < roi->nyears; y++) {
		const struct year *x = &roi->years[y];
		row_begin(r);
		cs_buf_reset(&r->scratch);
		cs_roi_fmt(&r->scratch, isfinite(x->year) ? x->year : (double)(y + 1), CS_U_NUM);
		char *year = cs_strdup(r->scratch.p);
		cell(r, 0, year);
		free(year);
		cell_num(r, 1, x->benefit, CS_U_MONEY);
		cell_num(r, 2, x->cost, CS_U_MONEY);
		cell_num(r, 3, x->net, CS_U_MONEY);
		cell_num(r, 4, x->cum, CS_U_MONEY);
		row_end(r);
	}
	table_end(r);
	for (int i = 0; i < 4; i++)
		free(h[i]);
}

static void drivers_table(cs_roi_report *r, const struct roi *roi)
{
	if (!roi->ndrivers)
		return;
	char *year1 = money_head(r, "Year 1");
	const char *const heads[] = {"Benefit driver", "Source", year1, "Formula", NULL};
	table_begin(r, "Benefit drivers", heads, 0x4);
	for (size_t i = 0; i < roi->ndrivers; i++) {
		const struct driver *d = &roi->drivers[i];
		row_begin(r);
		cell(r, 0, d->name ? d->name : d->id);
		cell(r, 1, d->source);
		cell_num(r, 2, d->first_year, CS_U_MONEY);
		cell(r, 3, d->formula);
		row_end(r);
	}
	table_end(r);
	free(year1);
}

static void costs_table(cs_roi_report *r, const struct roi *roi)
{
	if (!roi->ncosts)
		return;
	char *once = money_head(r, "Once"), *yearly = money_head(r, "Yearly");
	const char *const heads[] = {"Cost", once, yearly, "Formula", NULL};
	table_begin(r, "Costs", heads, 0x6);
	for (size_t i = 0; i < roi->ncosts; i++) {
		const struct cost *c = &roi->costs[i];
		row_begin(r);
		cell(r, 0, c->name);
		cell_num(r, 1, c->once, CS_U_MONEY);
		cell_num(r, 2, c->yearly, CS_U_MONEY);
		cell(r, 3, c->formula);
		row_end(r);
	}
	table_end(r);
	free(once);
	free(yearly);
}

static void write_business_case(cs_roi_report *r)
{
	section_begin(r, "business-case", "Business case: cash flow and payback");
	if (!r->roi) {
		absent(r, "No roi record in the input: no business case (cs-roi model writes one).");
	} else {
		business_summary(r, r->roi);
		cash_chart(r, r->roi);
		years_table(r, r->roi);
		drivers_table(r, r->roi);
		costs_table(r, r->roi);
	}
	section_end(r);
}

struct swing {
	double size;
	const char *name;
	size_t i;
};

static int by_swing(const void *a, const void *b)
{
	const struct swing *x = a, *y = b;
	if (x->size != y->size)
		return x->size > y->size ? -1 : 1;
	int c = strcmp(x->name, y->name);
	return c ? c : (x->i > y->i) - (x->i < y->i);
}

void cs_roi_tornado_order(const double *low, const double *high, const char *const *name, size_t n, size_t *order)
{
	struct swing *s = cs_malloc((n + 1) * sizeof *s);
	for (size_t i = 0; i < n; i++) {
		double size = fabs(high[i] - low[i]);
		s[i] = (struct swing){isfinite(size) ? size : -1, name[i], i};
	}
	qsort(s, n, sizeof *s, by_swing);
	for (size_t i = 0; i < n; i++)
		order[i] = s[i].i;
	free(s);
}

static const char *driver_name(const struct roi *roi, const char *id)
{
	for (size_t i = 0; i < roi->ndrivers; i++)
		if (roi->drivers[i].id && strcmp(roi->drivers[i].id, id) == 0 && roi->drivers[i].name)
			return roi->drivers[i].name;
	return id;
}

static void sensitivity_table(cs_roi_report *r, const struct roi *roi, const size_t *order, const char *const *names)
{
	char *npv_low = money_head(r, "NPV at -20%"), *npv_high = money_head(r, "NPV at +20%");
	const char *const heads[] = {"Driver", "ROI at -20%", "ROI at +20%", "Swing (points)", npv_low, npv_high,
				     "Payback at -20% (months)", "Payback at +20% (months)", NULL};
	table_begin(r, "ROI, NPV and payback with each driver 20% lower and higher", heads, 0xfe);
	for (size_t k = 0; k < roi->nsens; k++) {
		const struct sensitivity *s = &roi->sens[order[k]];
		row_begin(r);
		cell(r, 0, names[order[k]]);
		cell_num(r, 1, s->roi[0], CS_U_PCT);
		cell_num(r, 2, s->roi[1], CS_U_PCT);
		cell_num(r, 3, fabs(s->roi[1] - s->roi[0]), CS_U_PCT);
		cell_num(r, 4, s->npv[0], CS_U_MONEY);
		cell_num(r, 5, s->npv[1], CS_U_MONEY);
		cell_num(r, 6, s->payback[0], CS_U_MONTHS);
		cell_num(r, 7, s->payback[1], CS_U_MONTHS);
		row_end(r);
	}
	table_end(r);
	free(npv_low);
	free(npv_high);
}

static void tornado_desc(cs_buf *d, const struct roi *roi, const size_t *order, const char *const *names)
{
	cs_buf_adds(d, "ROI over the horizon is ");
	cs_roi_fmt(d, roi->roi_pct, CS_U_PCT);
	cs_buf_adds(d, "; with one driver 20% lower and higher:");
	for (size_t k = 0; k < roi->nsens; k++) {
		const struct sensitivity *s = &roi->sens[order[k]];
		cs_buf_printf(d, "%s %s ", k ? ";" : "", names[order[k]]);
		cs_roi_fmt(d, s->roi[0], CS_U_PCT);
		cs_buf_adds(d, " to ");
		cs_roi_fmt(d, s->roi[1], CS_U_PCT);
	}
	cs_buf_addc(d, '.');
}

static void write_sensitivity(cs_roi_report *r)
{
	section_begin(r, "sensitivity", "Sensitivity");
	const struct roi *roi = r->roi;
	if (!roi || !roi->nsens) {
		absent(r, "No sensitivity in the input (the roi record of cs-roi model carries it): no tornado.");
		section_end(r);
		return;
	}
	size_t n = roi->nsens, *order = cs_malloc(n * sizeof *order);
	const char **names = cs_malloc(n * sizeof *names), **sorted = cs_malloc(n * sizeof *sorted);
	double *v = cs_malloc(4 * n * sizeof *v), *low = v + 2 * n, *high = v + 3 * n;
	for (size_t i = 0; i < n; i++) {
		names[i] = driver_name(roi, roi->sens[i].driver);
		low[i] = roi->sens[i].roi[0];
		high[i] = roi->sens[i].roi[1];
	}
	cs_roi_tornado_order(low, high, names, n, order);
	for (size_t k = 0; k < n; k++) {
		sorted[k] = names[order[k]];
		v[k] = low[order[k]];
		v[n + k] = high[order[k]];
	}
	cs_buf desc = CS_BUF_INIT, base = CS_BUF_INIT;
	tornado_desc(&desc, roi, order, names);
	cs_buf_adds(&base, "as modelled: ");
	cs_roi_fmt(&base, roi->roi_pct, CS_U_PCT);
	struct cs_svg_series series[2] = {{"Driver 20% lower", v}, {"Driver 20% higher", v + n}};
	struct cs_svg_chart c = {.title = "ROI with each driver 20% lower and higher, largest swing first",
				 .desc = desc.p, .labels = sorted, .n = n, .series = series, .nseries = 2,
				 .unit = CS_U_PCT, .marker = NAN, .marker_label = base.p,
				 .base = isfinite(roi->roi_pct) ? roi->roi_pct : 0};
	if (any_value(v, 2 * n))
		chart(r, TORNADO, &c);
	sensitivity_table(r, roi, order, names);
	cs_buf_free(&desc);
	cs_buf_free(&base);
	free(order);
	free(names);
	free(sorted);
	free(v);
	section_end(r);
}

static int by_alerts(const void *a, const void *b)
{
	const struct alert_type *x = a, *y = b;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->type, y->type);
}

static void write_alerts(cs_roi_report *r)
{
	section_begin(r, "alerts", "Alerts");
	if (!r->nalert_types) {
		absent(r, "No alert records in the input.");
		section_end(r);
		return;
	}
	struct alert_type *a = cs_malloc(r->nalert_types * sizeof *a);
	memcpy(a, r->alerts, r->nalert_types * sizeof *a);
	qsort(a, r->nalert_types, sizeof *a, by_alerts);
	static const char *const heads[] = {"Type", "Alerts", "Critical", NULL};
	table_begin(r, "Alerts by type, most first", heads, 0x6);
	for (size_t i = 0; i < r->nalert_types; i++) {
		row_begin(r);
		cell(r, 0, a[i].type);
		cell_num(r, 1, (double)a[i].count, CS_U_COUNT);
		cell_num(r, 2, (double)a[i].critical, CS_U_COUNT);
		row_end(r);
	}
	table_end(r);
	free(a);
	section_end(r);
}

/* ---- the page ---- */

static const char style[] =
	":root{color-scheme:light dark;--fg:#1f2328;--bg:#fff;--muted:#59636e;--line:#d1d9e0;--card:#f6f8fa;"
	"--s0:#0969da;--s1:#bc4c00;--s2:#1a7f37;--s3:#8250df;--neg:#cf222e}\n"
	"@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--line:#3d444d;"
	"--card:#151b23;--s0:#4493f8;--s1:#f0883e;--s2:#3fb950;--s3:#ab7df8;--neg:#ff7b72}}\n"
	"*{box-sizing:border-box}\n"
	"body{margin:0;background:var(--bg);color:var(--fg);"
	"font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",\"Liberation Sans\",sans-serif}\n"
	"main{max-width:60rem;margin:0 auto;padding:1rem}\n"
	"h1{font-size:1.6rem;margin:.5rem 0}\n"
	"h2{font-size:1.25rem;border-bottom:1px solid var(--line);padding-bottom:.25rem;margin:2rem 0 .75rem}\n"
	".meta,.none,caption,footer{color:var(--muted)}\n"
	".tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(9rem,1fr));gap:.5rem;margin:0}\n"
	".tiles div{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.4rem .7rem}\n"
	".tiles dt{font-size:.8rem;color:var(--muted)}\n"
	".tiles dd{margin:0;font-size:1.3rem;font-weight:600;font-variant-numeric:tabular-nums}\n"
	".multiples{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:0 1rem}\n"
	"figure{margin:.75rem 0}\nfigcaption{font-weight:600;font-size:.9rem}\n"
	"svg.chart{display:block;width:100%;height:auto;font-size:12px}\n"
	"svg text{fill:var(--fg)}\n"
	"svg .grid{stroke:var(--line)}\n"
	"svg .axis{stroke:var(--muted)}\n"
	"svg .marker{stroke:var(--neg);stroke-width:1.5;stroke-dasharray:4 3}\n"
	"svg .marker-label{fill:var(--neg)}\n"
	"svg .line{fill:none;stroke-width:2}\n"
	".line.s0{stroke:var(--s0)}.line.s1{stroke:var(--s1)}.line.s2{stroke:var(--s2)}.line.s3{stroke:var(--s3)}\n"
	".m.s0,.key.s0{fill:var(--s0)}.m.s1,.key.s1{fill:var(--s1)}.m.s2,.key.s2{fill:var(--s2)}"
	".m.s3,.key.s3{fill:var(--s3)}\n"
	"rect.m.s0.neg{fill:var(--neg)}\n"
	".tw{overflow-x:auto}\n"
	"table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.25rem 0 1rem;"
	"font-variant-numeric:tabular-nums}\n"
	"caption{text-align:left;font-size:.85rem;padding:.25rem 0}\n"
	"th,td{padding:.25rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}\n"
	"thead th{border-bottom-width:2px}\n"
	"tbody th{font-weight:normal}\n"
	".n{text-align:right;white-space:nowrap}\n"
	"footer{margin-top:2rem;font-size:.85rem}\n"
	"@media (max-width:40rem){main{padding:.5rem}th,td{padding:.2rem .3rem}"
	"figure{overflow-x:auto}svg.chart{min-width:30rem}}\n"
	"@media print{:root{--fg:#000;--bg:#fff;--muted:#444;--line:#bbb;--card:#fff}"
	"body{font-size:10pt}main{max-width:none;padding:0}section{break-before:auto}"
	"figure,table,.tiles{break-inside:avoid}h2{break-after:avoid}.tw{overflow:visible}}\n";

/* "2026-03-02 to 2026-03-04: 3 days of metrics.", "...: 8 windows of
 * metrics, 15 minutes each." */
static void period_line(const struct period *p, cs_buf *out)
{
	size_t n = p->windows.n;
	cs_buf_printf(out, "%s to %s: %zu %s of metrics", p->windows.label[0], p->windows.label[n - 1], n,
		      n == 1 ? p->unit.one : p->unit.many);
	if (*p->unit.length)
		cs_buf_printf(out, ", %s %s", p->unit.length, n == 1 ? "long" : "each");
	cs_buf_addc(out, '.');
}

static void write_head(cs_roi_report *r, const struct period *p)
{
	cs_buf meta = CS_BUF_INIT;
	if (p->windows.n)
		period_line(p, &meta);
	else
		cs_buf_adds(&meta, "No dated metrics in the input.");
	if (html(r)) {
		put(r, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		       "<meta name=\"color-scheme\" content=\"light dark\">\n"
		       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
		       "<title>");
		put_texts(r, r->o.title);
		cs_buf_printf(r->out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n<header>\n<h1>", style);
		put_texts(r, r->o.title);
		put(r, "</h1>\n<p class=\"meta\">");
		put_texts(r, meta.p);
		put(r, "</p>\n</header>\n");
	} else {
		put(r, "# ");
		put_texts(r, r->o.title);
		put(r, "\n\n");
		put_texts(r, meta.p);
		put(r, "\n\n");
	}
	cs_buf_free(&meta);
}

struct figure {
	const char *name;
	double v;
	enum cs_roi_unit unit;
};

static void write_figures(cs_roi_report *r, const struct figure *f, size_t n)
{
	if (html(r)) {
		put(r, "<dl class=\"tiles\">\n");
		for (size_t i = 0; i < n; i++) {
			if (!isfinite(f[i].v))
				continue;
			put(r, "<div><dt>");
			put_texts(r, f[i].name);
			put(r, "</dt><dd>");
			cs_roi_fmt(r->out, f[i].v, f[i].unit);
			put(r, "</dd></div>\n");
		}
		put(r, "</dl>\n");
		return;
	}
	static const char *const heads[] = {"Measure", "Value", NULL};
	table_begin(r, "The period at a glance", heads, 0x2);
	for (size_t i = 0; i < n; i++) {
		if (!isfinite(f[i].v))
			continue;
		row_begin(r);
		cell(r, 0, f[i].name);
		cell_num(r, 1, f[i].v, f[i].unit);
		row_end(r);
	}
	table_end(r);
}

static void write_summary(cs_roi_report *r, const struct period *p)
{
	const struct tally *t = &p->total;
	const struct roi *roi = r->roi;
	double negative = tally_kpi(&p->trust_total, K_NEGATIVE);
	char *npv = money_head(r, "NPV");
	const struct figure f[] = {
		{"Contacts", tally_count(t, C_CONTACTS), CS_U_COUNT},
		{"CSAT", tally_kpi(t, K_CSAT), CS_U_PCT},
		{"First contact resolution", tally_kpi(t, K_FCR), CS_U_PCT},
		{"Average handle time", tally_kpi(t, K_AHT), CS_U_SEC},
		{"Service level", tally_kpi(t, K_SERVICE_LEVEL), CS_U_PCT},
		{"SLA attainment", tally_kpi(t, K_SLA), CS_U_PCT},
		{"QA score", tally_kpi(t, K_QA), CS_U_SCORE},
		{"Negative sentiment", isfinite(negative) ? negative : tally_kpi(t, K_NEGATIVE), CS_U_PCT},
		{"Trust score", tally_kpi(&p->trust_total, K_TRUST), CS_U_SCORE},
		{"ROI over the horizon", roi ? roi->roi_pct : NAN, CS_U_PCT},
		{"Payback (months)", roi ? roi->payback_months : NAN, CS_U_MONTHS},
		{npv, roi ? roi->npv : NAN, CS_U_MONEY},
	};
	section_begin(r, "summary", "At a glance");
	size_t shown = 0;
	for (size_t i = 0; i < sizeof f / sizeof *f; i++)
		shown += isfinite(f[i].v);
	if (shown)
		write_figures(r, f, sizeof f / sizeof *f);
	else
		absent(r, "No metrics and no business case in the input.");
	section_end(r);
	free(npv);
}

static void write_foot(cs_roi_report *r)
{
	cs_buf *b = &r->scratch;
	cs_buf_reset(b);
	cs_buf_printf(b, "Records read: %llu (%zu roi.kpi metrics, %zu signals.trust metrics, %zu staffing",
		      (unsigned long long)r->read, r->kpi.n, r->trust.n, r->nstaff);
	if (r->staff_unsolved)
		cs_buf_printf(b, " of which %llu cs-roi staff could not staff", (unsigned long long)r->staff_unsolved);
	cs_buf_printf(b, ", %d business case%s, %llu alerts); left out: %llu metrics of other types and %llu records of "
			 "other kinds. KPIs are worked out again from the counts and sums they add up.",
		      r->roi != NULL, r->roi ? "" : "s", (unsigned long long)r->alerts_read,
		      (unsigned long long)r->other_metrics, (unsigned long long)r->other_records);
	char *text = cs_strdup(b->p);
	if (html(r))
		put(r, "<footer>\n");
	else
		put(r, "---\n\n");
	para(r, text);
	free(text);
	if (r->roi && r->roi->roi_rule) {
		cs_buf_reset(b);
		cs_buf_printf(b, "ROI: %s.", r->roi->roi_rule);
		text = cs_strdup(b->p);
		para(r, text);
		free(text);
	}
	if (r->roi && r->roi->payback_rule) {
		cs_buf_reset(b);
		cs_buf_printf(b, "Payback: %s.", r->roi->payback_rule);
		text = cs_strdup(b->p);
		para(r, text);
		free(text);
	}
	if (html(r))
		put(r, "</footer>\n</main>\n</body>\n</html>\n");
}

void cs_roi_report_render(cs_roi_report *r, cs_buf *out)
{
	struct period p = {0};
	r->out = out;
	r->charts = 0;
	windows_of(r, &p);
	channels_of(r, &p);
	write_head(r, &p);
	write_summary(r, &p);
	write_kpis(r, &p);
	write_channels(r, &p);
	write_sla(r, &p);
	write_quality(r, &p);
	write_staffing(r);
	write_business_case(r);
	write_sensitivity(r);
	write_alerts(r);
	write_foot(r);
	period_free(&p);
	r->out = NULL;
}

/* ---- the engine ---- */

static int record(void *ctx, cs_run *run, const cs_rec *rec)
{
	(void)run;
	const char *why = cs_roi_report_take(ctx, rec->text, rec->len);
	if (why) {
		cs_rec_bad(rec, "%s", why);
		return CS_REC_BAD;
	}
	return CS_REC_OK;
}

static void finish(void *ctx, cs_run *run)
{
	cs_buf out = CS_BUF_INIT;
	cs_roi_report_render(ctx, &out);
	cs_out_write(cs_run_out(run), out.p, out.len);
	cs_buf_free(&out);
}

static void counters(void *ctx, cs_stats *st)
{
	cs_roi_report *r = ctx;
	cs_stats_add(st, "kpi_metrics", r->kpi.n);
	cs_stats_add(st, "trust_metrics", r->trust.n);
	cs_stats_add(st, "staffing", r->nstaff);
	cs_stats_add(st, "staffing_unsolved", r->staff_unsolved);
	cs_stats_add(st, "roi", r->roi != NULL);
	cs_stats_add(st, "alerts", r->alerts_read);
	cs_stats_add(st, "other_metrics", r->other_metrics);
	cs_stats_add(st, "other_records", r->other_records);
}

cs_roi_report *cs_roi_report_new(const struct cs_roi_report_opts *o, struct cs_engine *engine)
{
	cs_roi_report *r = cs_calloc(1, sizeof *r);
	r->o = *o;
	if (!r->o.title)
		r->o.title = DEFAULT_TITLE;
	cs_buf err = CS_BUF_INIT;
	if (o->tz && !(r->zone = cs_zone_load(o->tz, &err)))
		cs_usage_error("--tz: %s", err.p);
	cs_buf_free(&err);
	if (engine)
		*engine = (struct cs_engine){.ctx = r, .record = record, .finish = finish, .counters = counters};
	return r;
}

static void metrics_free(struct metrics *m)
{
	for (size_t i = 0; i < m->n; i++) {
		free(m->m[i].from);
		free(m->m[i].grouping);
		free(m->m[i].channel);
	}
	free(m->m);
}

void cs_roi_report_free(cs_roi_report *r)
{
	if (!r)
		return;
	metrics_free(&r->kpi);
	metrics_free(&r->trust);
	for (size_t i = 0; i < r->nstaff; i++) {
		free(r->staff[i].from);
		free(r->staff[i].group);
		free(r->staff[i].reason);
	}
	free(r->staff);
	for (size_t i = 0; i < r->nalert_types; i++)
		free(r->alerts[i].type);
	free(r->alerts);
	cs_map_free(&r->alert_index);
	roi_free(r->roi);
	cs_zone_free(r->zone);
	cs_buf_free(&r->scratch);
	free(r);
}
