/* eng_roi_record: the roi record of a business case, and `cs-roi model`
 * (see eng_roi_model.h). */
#include "eng_roi_model.h"
#include "eng_roi_text.h"
#include "kit_jw.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const char payback_convention[] =
	"months until the cumulative net cash is zero or more for the rest of the horizon; it starts at minus the "
	"one-off costs at month 0, and each month adds a twelfth of the yearly benefit (times the ramp-up) less a "
	"twelfth of the yearly costs; interpolated linearly within the month it turns; null when it never does";
static const char roi_convention[] = "(total benefit - total cost) / total cost x 100 over the horizon";
static const char npv_convention[] =
	"-one-off costs + sum over years y of (benefit_y - yearly costs) / (1 + discount_rate)^y: one-off costs at "
	"time 0, each year's flows at the end of the year";
static const char ramp_convention[] =
	"a driver brings a twelfth of its yearly benefit each month from month 1; with ramp_months R, month m < R "
	"brings m / R of it";
static const char measured_convention[] =
	"a measured input is the KPI over the metrics records whose window lies inside a period, one grouping's a "
	"window, from their added counts and sums (the improvement from before to after, or the level over one period; a count is per month "
	"of 365.25/12 days), rounded to 4 decimals";
static const char sensitivity_convention[] =
	"each driver's yearly benefit times 0.8 and 1.2, all else unchanged";

static double cents(double v) { return round(v * 100) / 100; }

/* Formula text: %m an amount (a double, to cents), %v a double as it is,
 * %d an int; anything else as written. */
static void say(cs_buf *out, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	for (const char *p = fmt; *p; p++) {
		if (p[0] == '%' && (p[1] == 'm' || p[1] == 'v' || p[1] == 'd')) {
			if (p[1] == 'd')
				cs_buf_printf(out, "%d", va_arg(ap, int));
			else {
				double v = va_arg(ap, double);
				cs_roi_num(out, p[1] == 'm' ? cents(v) : v);
			}
			p++;
		} else {
			cs_buf_add(out, p, 1);
		}
	}
	va_end(ap);
}

/* Whole numbers as integers (1200000 and 380, not 1.2e+06 and 3.8e+02);
 * NaN as null. */
static void number(cs_jw *w, double v)
{
	if (!isfinite(v))
		cs_jw_null(w);
	else if (v == rint(v) && fabs(v) < 9e15)
		cs_jw_int(w, (int64_t)v);
	else
		cs_jw_double(w, v);
}

/* An amount (or ROI, or months), rounded to cents. */
static void money(cs_jw *w, const char *key, double v)
{
	if (key)
		cs_jw_key(w, key);
	number(w, cents(v));
}

static void text_key(cs_jw *w, const char *key, const cs_buf *text)
{
	cs_jw_key(w, key);
	cs_jw_str(w, text->p ? text->p : "", text->len);
}

/* ---- the drivers ---- */

static void period_json(cs_jw *w, const char *key, const cs_roi_measure *ms, const cs_roi_period *p)
{
	cs_jw_key(w, key);
	cs_jw_object(w);
	cs_jw_key(w, "period");
	cs_jw_cstr(w, p->text);
	cs_jw_key(w, "value");
	number(w, round(cs_roi_period_value(ms, p) * 1e4) / 1e4);
	cs_jw_key(w, "records");
	cs_jw_uint(w, p->records);
	cs_jw_end_object(w);
}

static void measure_json(cs_jw *w, const cs_roi_input *in)
{
	const cs_roi_measure *ms = in->measured;
	cs_jw_object(w);
	cs_jw_key(w, "value");
	number(w, in->value);
	cs_jw_key(w, "metric");
	cs_jw_cstr(w, ms->metric);
	if (ms->change)
		period_json(w, "before", ms, &ms->before);
	period_json(w, ms->change ? "after" : "period", ms, &ms->after);
	if (ms->ngroup) {
		cs_jw_key(w, "group");
		cs_jw_object(w);
		for (size_t i = 0; i < ms->ngroup; i++) {
			cs_jw_key(w, ms->group_keys[i]);
			cs_jw_cstr(w, ms->group_values[i]);
		}
		cs_jw_end_object(w);
	}
	cs_jw_key(w, "change");
	cs_jw_cstr(w, !ms->change ? "level" : cs_roi_metric_lower_better(ms->metric) ? "before - after" : "after - before");
	cs_jw_end_object(w);
}

static void default_json(cs_jw *w, const cs_roi_input *in)
{
	cs_jw_object(w);
	cs_jw_key(w, "value");
	number(w, in->value);
	cs_jw_key(w, "from");
	cs_jw_cstr(w, strcmp(in->key, "cost_per_fte") == 0      ? "staff_cost_per_fte"
		      : strcmp(in->key, "cost_per_second") == 0 ? "staff_cost_per_fte / (productive_hours_per_fte x 3600)"
								: "the default");
	cs_jw_end_object(w);
}

static int driver_measured(const cs_roi_driver *d)
{
	for (size_t k = 0; k < d->nin; k++)
		if (d->in[k].measured)
			return 1;
	return 0;
}

static void driver_json(cs_jw *w, const cs_roi_model *m, const cs_roi_driver *d, double run_rate, cs_buf *scratch)
{
	cs_jw_object(w);
	cs_jw_key(w, "id");
	cs_jw_cstr(w, d->id);
	cs_jw_key(w, "name");
	cs_jw_cstr(w, d->name);
	cs_jw_key(w, "basis");
	cs_jw_cstr(w, cs_roi_basis_name(d->basis));
	cs_jw_key(w, "source");
	cs_jw_cstr(w, driver_measured(d) ? "measured" : "given");
	money(w, "run_rate", run_rate);
	cs_jw_key(w, "yearly");
	cs_jw_array(w);
	for (int y = 1; y <= m->horizon_years; y++)
		money(w, NULL, run_rate * cs_roi_ramp_share(m, y));
	cs_jw_end_array(w);
	cs_buf_reset(scratch);
	cs_roi_driver_formula(d, scratch);
	text_key(w, "formula", scratch);
	cs_jw_key(w, "inputs");
	cs_jw_object(w);
	for (size_t k = 0; k < d->nin; k++) {
		if (!cs_roi_input_shown(&d->in[k]))
			continue;
		cs_jw_key(w, d->in[k].key);
		if (d->in[k].measured)
			measure_json(w, &d->in[k]);
		else if (d->in[k].given)
			number(w, d->in[k].value);
		else
			default_json(w, &d->in[k]);
	}
	cs_jw_end_object(w);
	cs_jw_end_object(w);
}

/* ---- the costs ---- */

static void cost_formula(const cs_roi_cost *k, cs_buf *out)
{
	if (k->once)
		say(out, k->yearly ? "%v once + " : "%v once", k->once);
	if (k->yearly || !k->once)
		say(out, "%v a year", k->yearly);
}

static void cost_json(cs_jw *w, const cs_roi_cost *k, cs_buf *scratch)
{
	cs_jw_object(w);
	cs_jw_key(w, "id");
	cs_jw_cstr(w, k->id);
	cs_jw_key(w, "name");
	cs_jw_cstr(w, k->name);
	money(w, "once", k->once);
	money(w, "yearly", k->yearly);
	cs_buf_reset(scratch);
	cost_formula(k, scratch);
	text_key(w, "formula", scratch);
	cs_jw_end_object(w);
}

/* ---- the years and the totals ---- */

static void year_json(cs_jw *w, const cs_roi_model *m, const cs_roi_figures *f, double yearly_benefit, int y,
		      cs_buf *scratch)
{
	cs_jw_object(w);
	cs_jw_key(w, "year");
	cs_jw_int(w, y + 1);
	money(w, "benefit", f->benefit[y]);
	money(w, "cost", f->cost[y]);
	money(w, "net", f->net[y]);
	money(w, "cumulative_net", f->cumulative[y]);
	double months = round(cs_roi_ramp_share(m, y + 1) * 12 * 1e6) / 1e6;
	cs_buf_reset(scratch);
	if (months == 12)
		say(scratch, "%m (the full rate)", yearly_benefit);
	else
		say(scratch, "%m x %v / 12: %v months' worth of the full rate in the ramp-up", yearly_benefit, months,
		    months);
	text_key(w, "benefit_formula", scratch);
	cs_buf_reset(scratch);
	if (y == 0 && f->once)
		say(scratch, "%m once + ", f->once);
	say(scratch, "%m a year", f->yearly_cost);
	text_key(w, "cost_formula", scratch);
	cs_jw_end_object(w);
}

static void sum_formula(const double *v, size_t n, cs_buf *out)
{
	for (size_t i = 0; i < n; i++)
		say(out, i ? " + %m" : "%m", v[i]);
	if (!n)
		cs_buf_adds(out, "0");
}

static void npv_formula(const cs_roi_model *m, const cs_roi_figures *f, cs_buf *out)
{
	say(out, "-%m", f->once);
	for (int y = 0; y < f->years; y++)
		say(out, " + %m / %v^%d", f->benefit[y] - f->yearly_cost, 1 + m->discount_rate, y + 1);
}

static void payback_formula(const cs_roi_figures *f, cs_buf *out)
{
	if (isnan(f->payback_months)) {
		cs_buf_printf(out, "the cumulative net cash is still below zero after month %d", f->years * 12);
		return;
	}
	if (f->payback_after_month < 0) {
		cs_buf_adds(out, "0: the cumulative net cash is never below zero");
		return;
	}
	say(out, "%d + %m / %m: cash short by %m after month %d, %m net in month %d", f->payback_after_month,
	    f->payback_shortfall, f->payback_flow, f->payback_shortfall, f->payback_after_month, f->payback_flow,
	    f->payback_after_month + 1);
}

static void formulas_json(cs_jw *w, const cs_roi_model *m, const cs_roi_figures *f, const double *yearly,
			  cs_buf *scratch)
{
	cs_jw_key(w, "formulas");
	cs_jw_object(w);
	cs_buf_reset(scratch);
	sum_formula(yearly, m->ndrivers, scratch);
	text_key(w, "yearly_benefit", scratch);
	cs_buf_reset(scratch);
	sum_formula(f->benefit, (size_t)f->years, scratch);
	text_key(w, "benefit_total", scratch);
	cs_buf_reset(scratch);
	sum_formula(f->cost, (size_t)f->years, scratch);
	text_key(w, "cost_total", scratch);
	cs_buf_reset(scratch);
	say(scratch, "(%m - %m) / %m x 100", f->benefit_total, f->cost_total, f->cost_total);
	text_key(w, "roi_pct", scratch);
	cs_buf_reset(scratch);
	npv_formula(m, f, scratch);
	text_key(w, "npv", scratch);
	cs_buf_reset(scratch);
	payback_formula(f, scratch);
	text_key(w, "payback_months", scratch);
	cs_jw_end_object(w);
}

static void headline_json(cs_jw *w, const cs_roi_figures *f)
{
	money(w, "roi_pct", f->roi_pct);
	money(w, "npv", f->npv);
	money(w, "payback_months", f->payback_months);
}

static void sensitivity_json(cs_jw *w, const cs_roi_model *m, const double *yearly)
{
	double *varied = cs_malloc(m->ndrivers * sizeof *varied);
	cs_jw_key(w, "sensitivity");
	cs_jw_array(w);
	for (size_t i = 0; i < m->ndrivers; i++) {
		cs_jw_object(w);
		cs_jw_key(w, "driver");
		cs_jw_cstr(w, m->drivers[i].id);
		cs_jw_key(w, "name");
		cs_jw_cstr(w, m->drivers[i].name);
		for (int side = 0; side < 2; side++) {
			memcpy(varied, yearly, m->ndrivers * sizeof *varied);
			varied[i] *= side ? 1.2 : 0.8;
			cs_roi_figures f;
			cs_roi_figures_of(m, varied, &f);
			cs_jw_key(w, side ? "plus_20" : "minus_20");
			cs_jw_object(w);
			money(w, "run_rate", varied[i]);
			headline_json(w, &f);
			cs_jw_end_object(w);
		}
		cs_jw_end_object(w);
	}
	cs_jw_end_array(w);
	free(varied);
}

static void conventions_json(cs_jw *w)
{
	static const char *const pairs[][2] = {
		{"payback", payback_convention}, {"roi", roi_convention}, {"npv", npv_convention},
		{"ramp", ramp_convention}, {"measured", measured_convention}, {"sensitivity", sensitivity_convention},
		{"rounding", "money, ROI and months rounded to 2 decimals after the computation"},
	};
	cs_jw_key(w, "conventions");
	cs_jw_object(w);
	for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
		cs_jw_key(w, pairs[i][0]);
		cs_jw_cstr(w, pairs[i][1]);
	}
	cs_jw_end_object(w);
}

static void settings_json(cs_jw *w, const cs_roi_model *m)
{
	cs_jw_key(w, "kind");
	cs_jw_cstr(w, "roi");
	if (m->currency) {
		cs_jw_key(w, "currency");
		cs_jw_cstr(w, m->currency);
	}
	cs_jw_key(w, "horizon_years");
	cs_jw_int(w, m->horizon_years);
	cs_jw_key(w, "discount_rate");
	number(w, m->discount_rate);
	cs_jw_key(w, "ramp_months");
	cs_jw_int(w, m->ramp_months);
}

static void totals_json(cs_jw *w, const cs_roi_model *m, const cs_roi_figures *f, const double *yearly,
			cs_buf *scratch)
{
	double yearly_benefit = 0;
	for (size_t i = 0; i < m->ndrivers; i++)
		yearly_benefit += yearly[i];
	cs_jw_key(w, "years");
	cs_jw_array(w);
	for (int y = 0; y < f->years; y++)
		year_json(w, m, f, yearly_benefit, y, scratch);
	cs_jw_end_array(w);
	money(w, "yearly_benefit", yearly_benefit);
	money(w, "first_year_cost", f->cost[0]);
	money(w, "benefit_total", f->benefit_total);
	money(w, "cost_total", f->cost_total);
	money(w, "net_total", f->net_total);
	headline_json(w, f);
}

void cs_roi_record(const cs_roi_model *m, cs_buf *out)
{
	double *yearly = cs_malloc((m->ndrivers + 1) * sizeof *yearly);
	for (size_t i = 0; i < m->ndrivers; i++)
		yearly[i] = cs_roi_driver_yearly(&m->drivers[i]);
	cs_roi_figures f;
	cs_roi_figures_of(m, yearly, &f);
	cs_buf scratch = CS_BUF_INIT;
	cs_jw w;
	cs_jw_init(&w, out);
	cs_jw_object(&w);
	settings_json(&w, m);
	totals_json(&w, m, &f, yearly, &scratch);
	cs_jw_key(&w, "drivers");
	cs_jw_array(&w);
	for (size_t i = 0; i < m->ndrivers; i++)
		driver_json(&w, m, &m->drivers[i], yearly[i], &scratch);
	cs_jw_end_array(&w);
	cs_jw_key(&w, "costs");
	cs_jw_array(&w);
	for (size_t i = 0; i < m->ncosts; i++)
		cost_json(&w, &m->costs[i], &scratch);
	cs_jw_end_array(&w);
	sensitivity_json(&w, m, yearly);
	formulas_json(&w, m, &f, yearly, &scratch);
	conventions_json(&w);
	cs_jw_end_object(&w);
	cs_buf_free(&scratch);
	free(yearly);
}

/* ---- cs-roi model ---- */

struct roi_run {
	cs_roi_model *model;
	const struct cs_roi_model_opts *opts;
	uint64_t used, left_out, set_aside;   /* set aside: in left_out */
};

/* The record (counted as written when run is given) or the page. */
static void write_result(struct roi_run *r, cs_out *out, cs_run *run)
{
	cs_buf record = CS_BUF_INIT, text = CS_BUF_INIT;
	cs_roi_record(r->model, &record);
	if (r->opts->format == CS_ROI_JSON && run) {
		cs_run_write_line(run, record.p, record.len);
	} else if (r->opts->format == CS_ROI_JSON) {
		cs_buf_adds(&record, "\n");
		cs_out_write(out, record.p, record.len);
	} else {
		cs_jval v = cs_jval_of(record.p, record.len);
		if (r->opts->format == CS_ROI_MD)
			cs_roi_text_md(v, &text);
		else
			cs_roi_text_html_page(v, &text);
		cs_out_write(out, text.p, text.len);
	}
	cs_buf_free(&record);
	cs_buf_free(&text);
}

static int run_record(void *ctx, cs_run *run, const cs_rec *rec)
{
	(void)run;
	struct roi_run *r = ctx;
	cs_roi_model_add_metrics(r->model, cs_jval_of(rec->text, rec->len));
	return CS_REC_OK;
}

static void run_finish(void *ctx, cs_run *run)
{
	struct roi_run *r = ctx;
	cs_buf why = CS_BUF_INIT;
	if (cs_roi_model_measure(r->model, &why) != 0)
		cs_die(CS_EXIT_DATA, "%s: %s", r->opts->model, why.p);
	cs_buf_free(&why);
	r->used = r->model->records_used;
	r->set_aside = r->model->records_set_aside;
	r->left_out = r->model->records_seen - r->used;
	write_result(r, cs_run_out(run), run);
}

static void run_counters(void *ctx, cs_stats *st)
{
	struct roi_run *r = ctx;
	cs_stats_add(st, "metrics_used", r->used);
	cs_stats_add(st, "records_left_out", r->left_out);
}

static void run_summary(void *ctx, const struct cs_common *c)
{
	(void)c;
	struct roi_run *r = ctx;
	uint64_t other = r->left_out - r->set_aside;
	if (other)
		cs_notice("%llu record%s left out: not roi.kpi metrics in a measured period and group",
			  (unsigned long long)other, other == 1 ? "" : "s");
	if (r->set_aside)
		cs_notice("%llu metrics record%s left out: another grouping of the same window is counted",
			  (unsigned long long)r->set_aside, r->set_aside == 1 ? "" : "s");
}

int cs_roi_model_main(const struct cs_common *c, const struct cs_roi_model_opts *o, char **files, int nfiles)
{
	cs_buf err = CS_BUF_INIT;
	struct roi_run r = {.model = cs_roi_model_load(o->model, &err), .opts = o};
	if (!r.model)
		cs_die(CS_EXIT_CONFIG, "%s", err.p);
	cs_buf_free(&err);
	int status;
	struct cs_engine engine = {.ctx = &r, .record = run_record, .finish = run_finish, .counters = run_counters,
				   .summary = run_summary};
	if (nfiles == 0 && cs_roi_model_measured(r.model) == 0) {   /* nothing to read: no standard input either */
		cs_out *out = cs_out_open(c->output);
		write_result(&r, out, NULL);
		cs_out_close(out);
		cs_stats_write_unread(c, &engine, o->format == CS_ROI_JSON);
		status = cs_exit_status();
	} else {
		status = cs_run_main(c, &engine, files, nfiles);
	}
	cs_roi_model_free(r.model);
	return status;
}
