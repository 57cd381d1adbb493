/* eng_roi_model: the business case model file, its measured inputs and the
 * figures (see eng_roi_model.h). */
#include "eng_roi_model.h"
#include "kit_conf.h"
#include "kit_hash.h"
#include "kit_mem.h"
#include "kit_time.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_AMOUNT 1e12
#define MAX_ID_LEN 64

struct input_spec {
	const char *key;
	const char *unit;            /* after the number in a formula */
	double lo, hi;               /* a given value's range */
	int optional;
};

static const struct basis_spec {
	const char *name;
	int monthly;                 /* the product is a month's: x 12 */
	struct input_spec in[CS_ROI_MAX_INPUTS];
} bases[] = {
	[CS_ROI_FTE] = {"fte", 0, {{"fte", "FTE", 0, 1e6, 0}, {"cost_per_fte", "per FTE", 0, MAX_AMOUNT, 1}}},
	[CS_ROI_CONTACTS] = {"contacts", 1,
			     {{"contacts_per_month", "contacts a month", 0, MAX_AMOUNT, 0},
			      {"share", "taken", 0, 1, 1},
			      {"cost_per_contact", "per contact", 0, MAX_AMOUNT, 0}}},
	[CS_ROI_SECONDS] = {"seconds", 1,
			    {{"contacts_per_month", "contacts a month", 0, MAX_AMOUNT, 0},
			     {"seconds_saved", "s saved per contact", 0, 86400, 0},
			     {"cost_per_second", "per second", 0, MAX_AMOUNT, 1}}},
	[CS_ROI_CONVERSION] = {"conversion", 1,
			       {{"extra_inquiries_per_month", "extra inquiries a month", 0, MAX_AMOUNT, 0},
				{"conversion", "conversion", 0, 1, 0},
				{"order_value", "per order", 0, MAX_AMOUNT, 0},
				{"margin", "margin", 0, 1, 1}}},
	[CS_ROI_CHURN] = {"churn", 1,
			  {{"customers_kept_per_month", "customers kept a month", 0, MAX_AMOUNT, 0},
			   {"lifetime_value", "lifetime value", 0, MAX_AMOUNT, 0}}},
	[CS_ROI_AMOUNT] = {"amount", 0, {{"yearly", "a year", -MAX_AMOUNT, MAX_AMOUNT, 0}}},
};
#define NBASES (sizeof bases / sizeof *bases)

/* The KPIs a measured input can name, computed from the records' counts
 * and sums as `cs-roi kpi` computes them (cs-schema(7)). A sum kpi writes
 * in thousandths (num, times 0.001) may also come in whole units (num_whole)
 * from records written by hand or by another tool; a record's own is taken. */
static const struct kpi {
	const char *name, *num, *num_whole, *den, *den2;
	double scale;
	int lower_better;
} kpis[] = {
	{"aht_s", "sums.handle_ms", "sums.handle_s", "counts.handled", NULL, 1, 1},
	{"asa_s", "sums.wait_ms", "sums.wait_s", "counts.answered", NULL, 1, 1},
	{"fcr", "counts.fcr_resolved", NULL, "counts.fcr_eligible", NULL, 1, 0},
	{"containment", "counts.bot_contained", NULL, "counts.bot_sessions", NULL, 1, 0},
	{"ai_resolution", "counts.ai_resolved", NULL, "counts.ai_eligible", NULL, 1, 0},
	{"transfer_rate", "counts.transfers", NULL, "counts.handled", NULL, 1, 1},
	{"abandonment_rate", "counts.abandoned", NULL, "counts.queued", NULL, 1, 1},
	{"service_level", "counts.answered_within_target", NULL, "counts.answered", "counts.abandoned_after_target", 1, 0},
	{"sla_attainment", "counts.sla_met", NULL, "counts.sla_targets", NULL, 1, 0},
	{"csat", "counts.csat_positive", NULL, "counts.csat_responses", NULL, 100, 0},
	{"qa_score_mean", "sums.qa_score_milli", "sums.qa_score", "counts.qa_scored", NULL, 1, 0},
};

static const struct kpi *kpi_of(const char *metric)
{
	for (size_t i = 0; i < sizeof kpis / sizeof *kpis; i++)
		if (strcmp(kpis[i].name, metric) == 0)
			return &kpis[i];
	return NULL;
}

int cs_roi_metric_is_kpi(const char *metric) { return kpi_of(metric) != NULL; }

int cs_roi_metric_lower_better(const char *metric)
{
	const struct kpi *k = kpi_of(metric);
	return k && k->lower_better;
}

const char *cs_roi_basis_name(enum cs_roi_basis b) { return bases[b].name; }

/* ---- freeing ---- */

static void period_free(cs_roi_period *p)
{
	free(p->text);
	for (size_t i = 0; i < p->ncand; i++)
		free(p->cand[i].grouping);
	free(p->cand);
}

static void measure_free(cs_roi_measure *ms)
{
	if (!ms)
		return;
	free(ms->metric);
	period_free(&ms->before);
	period_free(&ms->after);
	for (size_t i = 0; ms->group_keys && ms->group_keys[i]; i++) {
		free(ms->group_keys[i]);
		free(ms->group_values[i]);
	}
	free(ms->group_keys);
	free(ms->group_values);
	free(ms);
}

void cs_roi_model_free(cs_roi_model *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->ndrivers; i++) {
		free(m->drivers[i].id);
		free(m->drivers[i].name);
		for (size_t k = 0; k < m->drivers[i].nin; k++)
			measure_free(m->drivers[i].in[k].measured);
	}
	for (size_t i = 0; i < m->ncosts; i++) {
		free(m->costs[i].id);
		free(m->costs[i].name);
	}
	free(m->drivers);
	free(m->costs);
	free(m->currency);
	free(m);
}

size_t cs_roi_model_measured(const cs_roi_model *m)
{
	size_t n = 0;
	for (size_t i = 0; i < m->ndrivers; i++)
		for (size_t k = 0; k < m->drivers[i].nin; k++)
			n += m->drivers[i].in[k].measured != NULL;
	return n;
}

/* ---- reading a model file ---- */

static double number_in(cs_conf *c, cs_jval v, const char *key, double lo, double hi)
{
	double d = cs_conf_number(c, v, key);
	if (!(d >= lo && d <= hi))
		cs_conf_bad(c, v.p, "\"%s\" must be a number from %g to %g", key, lo, hi);
	return d;
}

static int id_ok(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > MAX_ID_LEN)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '-' ||
		      s[i] == '.'))
			return 0;
	return 1;
}

static int id_taken(const cs_roi_model *m, const char *id, int drivers)
{
	size_t n = drivers ? m->ndrivers : m->ncosts;
	for (size_t i = 0; i + 1 < n; i++)   /* the last is the one being read */
		if (strcmp(drivers ? m->drivers[i].id : m->costs[i].id, id) == 0)
			return 1;
	return 0;
}

/* The id of the driver or cost read last, once in the model. */
static char *read_id(cs_conf *c, const cs_roi_model *m, cs_jval v, int drivers)
{
	char *id = cs_conf_temp(c, cs_conf_text(c, v, "id"));
	if (!id_ok(id))
		cs_conf_bad(c, v.p, "\"id\": \"%.60s\" is not an id (a-z, 0-9, _ . -, at most %d)", id, MAX_ID_LEN);
	if (id_taken(m, id, drivers))
		cs_conf_bad(c, v.p, "the id \"%s\" is given twice", id);
	cs_conf_keep(c, 1);
	return id;
}

static void read_period(cs_conf *c, cs_jval v, const char *key, cs_roi_period *p)
{
	char *text = cs_conf_temp(c, cs_conf_text(c, v, key));
	const char *slash = strchr(text, '/');
	cs_time from, to;
	if (!slash || cs_time_parse(text, (size_t)(slash - text), &from) != 0 ||
	    cs_time_parse(slash + 1, strlen(slash + 1), &to) != 0)
		cs_conf_bad(c, v.p, "\"%s\": \"%.60s\" is not a period FROM/TO (2026-01-01/2026-02-01)", key, text);
	if (from.ms >= to.ms)
		cs_conf_bad(c, v.p, "\"%s\": \"%.60s\" ends before it starts", key, text);
	cs_conf_keep(c, 1);
	*p = (cs_roi_period){.from = from.ms, .to = to.ms, .text = text};
}

static void read_group(cs_conf *c, cs_jval v, cs_roi_measure *ms)
{
	cs_conf_members g = cs_conf_members_of(c, v, NULL, "\"group\"");
	ms->group_keys = cs_calloc(g.n + 1, sizeof *ms->group_keys);
	ms->group_values = cs_calloc(g.n + 1, sizeof *ms->group_values);
	for (size_t i = 0; i < g.n; i++) {
		if (cs_conf_key_is(&g.m[i], "description") || cs_conf_key_is(&g.m[i], "comment"))
			continue;
		char *key = ms->group_keys[ms->ngroup] = cs_strndup(g.m[i].key.p, g.m[i].key.n);
		ms->group_values[ms->ngroup] = cs_conf_text(c, cs_conf_val(&g.m[i]), key);
		ms->ngroup++;
	}
}

static void read_metric(cs_conf *c, cs_jval v, cs_roi_measure *ms)
{
	ms->metric = cs_conf_text(c, v, "metric");
	if (kpi_of(ms->metric))
		return;
	if (!id_ok(ms->metric) || strchr(ms->metric, '.'))
		cs_conf_bad(c, v.p, "\"metric\": \"%.60s\" is neither a KPI (aht_s, containment, ...) nor a count",
			    ms->metric);
}

/* {"metric":..., "before":..., "after":...} or {"metric":..., "period":...},
 * into out (which the model owns already, so an error frees what is read). */
static void read_measure(cs_conf *c, cs_jval v, const char *key, cs_roi_measure *out)
{
	static const char *const keys[] = {"metric", "before", "after", "period", "group", NULL};
	char what[96];
	snprintf(what, sizeof what, "the measured \"%s\"", key);
	cs_conf_members_of(c, v, keys, what);
	cs_jval metric = cs_jget(v, "metric"), before = cs_jget(v, "before"), after = cs_jget(v, "after");
	cs_jval period = cs_jget(v, "period"), group = cs_jget(v, "group");
	if (metric.t == CS_J_NONE)
		cs_conf_bad(c, v.p, "%s names no \"metric\"", what);
	if (period.t != CS_J_NONE ? before.t != CS_J_NONE || after.t != CS_J_NONE
				  : before.t == CS_J_NONE || after.t == CS_J_NONE)
		cs_conf_bad(c, v.p, "%s needs \"before\" and \"after\", or one \"period\"", what);
	read_metric(c, metric, out);
	out->change = period.t == CS_J_NONE;
	if (out->change)
		read_period(c, before, "before", &out->before);
	read_period(c, out->change ? after : period, out->change ? "after" : "period", &out->after);
	if (group.t != CS_J_NONE)
		read_group(c, group, out);
}

static void read_input(cs_conf *c, cs_jval v, const struct input_spec *spec, cs_roi_input *in)
{
	in->key = spec->key;
	in->given = 1;
	if (v.t != CS_J_OBJECT) {
		in->value = number_in(c, v, spec->key, spec->lo, spec->hi);
		return;
	}
	in->measured = cs_calloc(1, sizeof *in->measured);
	read_measure(c, v, spec->key, in->measured);
}

static enum cs_roi_basis read_basis(cs_conf *c, cs_jval driver)
{
	cs_jval v = cs_jget(driver, "basis");
	if (v.t == CS_J_NONE)
		cs_conf_bad(c, driver.p, "a driver needs a \"basis\" (fte, contacts, seconds, conversion, churn, amount)");
	char *name = cs_conf_temp(c, cs_conf_text(c, v, "basis"));
	for (size_t b = 0; b < NBASES; b++)
		if (strcmp(bases[b].name, name) == 0)
			return (enum cs_roi_basis)b;
	cs_conf_bad(c, v.p, "\"basis\": \"%.60s\" is not fte, contacts, seconds, conversion, churn or amount", name);
}

static void fill_default(cs_conf *c, const cs_roi_model *m, cs_jval at, cs_roi_input *in)
{
	if (strcmp(in->key, "cost_per_fte") == 0) {
		if (!(m->staff_cost_per_fte > 0))
			cs_conf_bad(c, at.p, "\"cost_per_fte\" is needed when the model gives no \"staff_cost_per_fte\"");
		in->value = m->staff_cost_per_fte;
	} else if (strcmp(in->key, "cost_per_second") == 0) {
		if (!(m->staff_cost_per_fte > 0 && m->productive_hours_per_fte > 0))
			cs_conf_bad(c, at.p, "\"cost_per_second\" is needed when the model gives no "
					     "\"staff_cost_per_fte\" and \"productive_hours_per_fte\"");
		in->value = m->staff_cost_per_fte / (m->productive_hours_per_fte * 3600);
	} else {
		in->value = 1;   /* share, margin */
	}
}

static void read_driver_inputs(cs_conf *c, const cs_roi_model *m, cs_jval v, cs_roi_driver *d)
{
	const struct basis_spec *b = &bases[d->basis];
	for (size_t k = 0; k < CS_ROI_MAX_INPUTS && b->in[k].key; k++) {
		cs_roi_input *in = &d->in[d->nin++];
		cs_jval val = cs_jget(v, b->in[k].key);
		if (val.t != CS_J_NONE) {
			read_input(c, val, &b->in[k], in);
			continue;
		}
		in->key = b->in[k].key;
		if (!b->in[k].optional)
			cs_conf_bad(c, v.p, "a %s driver needs \"%s\"", b->name, b->in[k].key);
		fill_default(c, m, v, in);
	}
}

static void read_driver(cs_conf *c, cs_roi_model *m, cs_jval v)
{
	const char *allowed[3 + CS_ROI_MAX_INPUTS + 1] = {"id", "name", "basis"};
	if (v.t != CS_J_OBJECT)
		cs_conf_bad(c, v.p, "a driver must be an object");
	cs_roi_driver *d = &m->drivers[m->ndrivers];
	*d = (cs_roi_driver){.basis = read_basis(c, v)};
	for (size_t k = 0; k < CS_ROI_MAX_INPUTS && bases[d->basis].in[k].key; k++)
		allowed[3 + k] = bases[d->basis].in[k].key;
	cs_conf_members_of(c, v, allowed, "a driver");
	cs_jval id = cs_jget(v, "id"), name = cs_jget(v, "name");
	if (id.t == CS_J_NONE)
		cs_conf_bad(c, v.p, "a driver needs an \"id\"");
	m->ndrivers++;   /* from here freed with the model */
	d->id = read_id(c, m, id, 1);
	d->name = name.t == CS_J_NONE ? cs_strdup(d->id) : cs_conf_text(c, name, "name");
	read_driver_inputs(c, m, v, d);
}

static void read_cost(cs_conf *c, cs_roi_model *m, cs_jval v)
{
	static const char *const keys[] = {"id", "name", "once", "yearly", NULL};
	cs_conf_members ms = cs_conf_members_of(c, v, keys, "a cost");
	cs_jval id = cs_jget(v, "id"), name = cs_jget(v, "name");
	if (id.t == CS_J_NONE)
		cs_conf_bad(c, v.p, "a cost needs an \"id\"");
	cs_roi_cost *k = &m->costs[m->ncosts++];
	*k = (cs_roi_cost){0};
	k->id = read_id(c, m, id, 0);
	k->name = name.t == CS_J_NONE ? cs_strdup(k->id) : cs_conf_text(c, name, "name");
	int amounts = 0;
	for (size_t i = 0; i < ms.n; i++) {
		cs_jval val = cs_conf_val(&ms.m[i]);
		if (cs_conf_key_is(&ms.m[i], "once") && ++amounts)
			k->once = number_in(c, val, "once", 0, MAX_AMOUNT);
		else if (cs_conf_key_is(&ms.m[i], "yearly") && ++amounts)
			k->yearly = number_in(c, val, "yearly", 0, MAX_AMOUNT);
	}
	if (!amounts)
		cs_conf_bad(c, v.p, "the cost \"%s\" needs \"once\", \"yearly\" or both", k->id);
}

static void read_list(cs_conf *c, cs_roi_model *m, cs_jval v, int drivers)
{
	cs_conf_elements e = cs_conf_elements_of(c, v, drivers ? "\"drivers\"" : "\"costs\"");
	if (drivers && e.n == 0)
		cs_conf_bad(c, v.p, "\"drivers\" is empty: a business case needs a benefit");
	for (size_t i = 0; i < e.n; i++) {
		if (drivers) {
			m->drivers = cs_realloc(m->drivers, (m->ndrivers + 1) * sizeof *m->drivers);
			read_driver(c, m, e.v[i]);
		} else {
			m->costs = cs_realloc(m->costs, (m->ncosts + 1) * sizeof *m->costs);
			read_cost(c, m, e.v[i]);
		}
	}
}

static void read_settings(cs_conf *c, cs_roi_model *m, const cs_conf_members *ms)
{
	for (size_t i = 0; i < ms->n; i++) {
		cs_jval val = cs_conf_val(&ms->m[i]);
		if (cs_conf_key_is(&ms->m[i], "version"))
			m->version = cs_conf_int(c, val, "version", CS_ROI_VERSION, CS_ROI_VERSION);
		else if (cs_conf_key_is(&ms->m[i], "currency"))
			m->currency = cs_conf_text(c, val, "currency");
		else if (cs_conf_key_is(&ms->m[i], "horizon_years"))
			m->horizon_years = cs_conf_int(c, val, "horizon_years", 1, CS_ROI_MAX_YEARS);
		else if (cs_conf_key_is(&ms->m[i], "discount_rate"))
			m->discount_rate = number_in(c, val, "discount_rate", 0, 1);
		else if (cs_conf_key_is(&ms->m[i], "ramp_months"))
			m->ramp_months = cs_conf_int(c, val, "ramp_months", 0, 120);
		else if (cs_conf_key_is(&ms->m[i], "staff_cost_per_fte"))
			m->staff_cost_per_fte = number_in(c, val, "staff_cost_per_fte", 0, MAX_AMOUNT);
		else if (cs_conf_key_is(&ms->m[i], "productive_hours_per_fte"))
			m->productive_hours_per_fte = number_in(c, val, "productive_hours_per_fte", 1, 8784);
	}
}

static void read_top(cs_conf *c, cs_roi_model *m, cs_jval top)
{
	static const char *const keys[] = {"version", "currency", "horizon_years", "discount_rate", "ramp_months",
					   "staff_cost_per_fte", "productive_hours_per_fte", "costs", "drivers", NULL};
	cs_conf_members ms = cs_conf_members_of(c, top, keys, "the model");
	m->version = 0;
	read_settings(c, m, &ms);
	if (m->version != CS_ROI_VERSION)
		cs_conf_bad(c, top.p, "no \"version\" (1)");
	cs_jval costs = cs_jget(top, "costs"), drivers = cs_jget(top, "drivers");
	if (costs.t == CS_J_NONE)
		cs_conf_bad(c, top.p, "no \"costs\"");
	if (drivers.t == CS_J_NONE)
		cs_conf_bad(c, top.p, "no \"drivers\"");
	read_list(c, m, costs, 0);
	read_list(c, m, drivers, 1);
}

cs_roi_model *cs_roi_model_parse(const char *name, const char *text, size_t len, cs_buf *err)
{
	struct {
		cs_conf c;
		cs_roi_model *m;
	} L = {.c = {.file = name, .text = text, .len = len, .err = err}, .m = cs_calloc(1, sizeof *L.m)};
	*L.m = (cs_roi_model){.version = CS_ROI_VERSION, .horizon_years = 3, .discount_rate = 0.08};
	if (setjmp(L.c.fail)) {
		cs_conf_free(&L.c);
		cs_roi_model_free(L.m);
		return NULL;
	}
	read_top(&L.c, L.m, cs_conf_top(&L.c));
	cs_conf_free(&L.c);
	return L.m;
}

cs_roi_model *cs_roi_model_load(const char *path, cs_buf *err)
{
	cs_buf text = CS_BUF_INIT;
	cs_roi_model *m = NULL;
	if (cs_conf_slurp(path, &text, err) == 0)
		m = cs_roi_model_parse(path, text.p ? text.p : "", text.len, err);
	cs_buf_free(&text);
	return m;
}

/* ---- measuring ---- */

static double number_at(cs_jval record, const char *path, cs_buf *scratch)
{
	cs_jval v = cs_jpath(record, path);
	if (v.t != CS_J_NUMBER || !cs_jtext(v, scratch))
		return 0;
	double d = strtod(scratch->p, NULL);
	return isfinite(d) ? d : 0;
}

/* Does the record's group have the measure's values (it may have more keys)? */
static int group_matches(const cs_roi_measure *ms, cs_jval record, cs_buf *scratch)
{
	cs_jval group = cs_jget(record, "group");
	for (size_t i = 0; i < ms->ngroup; i++) {
		const char *got = cs_jtext(cs_jget(group, ms->group_keys[i]), scratch);
		if (!got || strcmp(got, ms->group_values[i]) != 0)
			return 0;
	}
	return 1;
}

/* The record's group keys joined by commas ("channel,agent"; "" ungrouped):
 * the grouping of the cs-roi kpi --by run that wrote it. */
static char *grouping_of(cs_jval record, size_t *nkeys)
{
	cs_jval group = cs_jget(record, "group");
	cs_obj keys = {0};
	cs_buf names = CS_BUF_INIT;
	cs_buf_adds(&names, "");   /* "" for an ungrouped record, not NULL */
	if (group.t == CS_J_OBJECT && cs_json_members((cs_span){group.p, group.n}, &keys) == 0)
		for (size_t i = 0; i < keys.n; i++) {
			if (i)
				cs_buf_addc(&names, ',');
			cs_buf_add(&names, keys.m[i].key.p, keys.m[i].key.n);
		}
	*nkeys = keys.n;
	cs_obj_free(&keys);
	return names.p;
}

/* What the record would add to the metric's numerator and denominator. */
static void candidate_counts(cs_roi_candidate *c, const char *metric, cs_jval record, cs_buf *scratch)
{
	const struct kpi *k = kpi_of(metric);
	if (!k) {
		char path[96];
		snprintf(path, sizeof path, "counts.%s", metric);
		c->num = number_at(record, path, scratch);
		c->holding = cs_jpath(record, path).t == CS_J_NUMBER;
		return;
	}
	if (k->num_whole && cs_jpath(record, k->num).t != CS_J_NUMBER)
		c->num = number_at(record, k->num_whole, scratch);
	else
		c->num = number_at(record, k->num, scratch) * (k->num_whole ? 0.001 : 1);
	c->den = number_at(record, k->den, scratch);
	if (k->den2)
		c->den += number_at(record, k->den2, scratch);
}

static void keep_candidate(cs_roi_period *p, const cs_roi_measure *ms, cs_jval record, size_t seq, cs_buf *scratch)
{
	if (p->ncand == p->cand_cap) {
		p->cand_cap = p->cand_cap ? p->cand_cap * 2 : 16;
		p->cand = cs_realloc(p->cand, p->cand_cap * sizeof *p->cand);
	}
	cs_roi_candidate *c = &p->cand[p->ncand++];
	size_t nkeys;
	*c = (cs_roi_candidate){.seq = seq};
	cs_jtime(cs_jpath(record, "window.from"), &c->from);
	cs_jtime(cs_jpath(record, "window.to"), &c->to);
	c->grouping = grouping_of(record, &nkeys);
	c->exact = nkeys == ms->ngroup;
	candidate_counts(c, ms->metric, record, scratch);
}

static int is_kpi_metrics(cs_jval record, cs_buf *scratch)
{
	const char *kind = cs_jtext(cs_jget(record, "kind"), scratch);
	if (!kind || strcmp(kind, "metrics") != 0)
		return 0;
	const char *type = cs_jtext(cs_jget(record, "type"), scratch);
	return type && strcmp(type, "roi.kpi") == 0;
}

size_t cs_roi_model_add_metrics(cs_roi_model *m, cs_jval record)
{
	cs_buf scratch = CS_BUF_INIT;
	int64_t from, to;
	size_t kept = 0, seq = m->records_seen++;
	if (is_kpi_metrics(record, &scratch) && cs_jtime(cs_jpath(record, "window.from"), &from) == 0 &&
	    cs_jtime(cs_jpath(record, "window.to"), &to) == 0)
		for (size_t i = 0; i < m->ndrivers; i++)
			for (size_t k = 0; k < m->drivers[i].nin; k++) {
				cs_roi_measure *ms = m->drivers[i].in[k].measured;
				if (!ms || !group_matches(ms, record, &scratch))
					continue;
				cs_roi_period *periods[2] = {ms->change ? &ms->before : NULL, &ms->after};
				for (int p = 0; p < 2; p++)
					if (periods[p] && from >= periods[p]->from && to <= periods[p]->to) {
						keep_candidate(periods[p], ms, record, seq, &scratch);
						kept++;
					}
			}
	cs_buf_free(&scratch);
	return kept;
}

enum { KEPT = 1, USED = 2 };   /* what became of a record, by seq */

/* Add up the records the period takes: of each window's, those of the
 * grouping by the measure's keys alone when it has any, else those of the
 * first grouping seen in it. Two --by runs over the same contacts, or an
 * ungrouped run beside a --by run, would otherwise count them twice. */
static void take_one_grouping(cs_roi_period *p, unsigned char *fate)
{
	cs_map chosen = {0};   /* window -> index + 1 of the candidate whose grouping it takes */
	for (size_t i = 0; i < p->ncand; i++) {
		const int64_t window[2] = {p->cand[i].from, p->cand[i].to};
		uintptr_t at = (uintptr_t)cs_map_get(&chosen, window, sizeof window);
		if (!at || (p->cand[i].exact && !p->cand[at - 1].exact))
			cs_map_put(&chosen, window, sizeof window, (void *)(uintptr_t)(i + 1));
	}
	p->num = p->den = 0;
	p->records = p->holding = 0;
	for (size_t i = 0; i < p->ncand; i++) {
		const cs_roi_candidate *c = &p->cand[i];
		const int64_t window[2] = {c->from, c->to};
		const cs_roi_candidate *pick = &p->cand[(uintptr_t)cs_map_get(&chosen, window, sizeof window) - 1];
		fate[c->seq] |= KEPT;
		if (strcmp(c->grouping, pick->grouping) != 0)
			continue;
		fate[c->seq] |= USED;
		p->num += c->num;
		p->den += c->den;
		p->records++;
		p->holding += c->holding;
	}
	cs_map_free(&chosen);
}

/* Every period's records taken, and the model's count of records used and
 * set aside. */
static void take_records(cs_roi_model *m)
{
	unsigned char *fate = cs_calloc(m->records_seen + 1, 1);
	for (size_t i = 0; i < m->ndrivers; i++)
		for (size_t k = 0; k < m->drivers[i].nin; k++) {
			cs_roi_measure *ms = m->drivers[i].in[k].measured;
			if (ms && ms->change)
				take_one_grouping(&ms->before, fate);
			if (ms)
				take_one_grouping(&ms->after, fate);
		}
	m->records_used = m->records_set_aside = 0;
	for (size_t i = 0; i < m->records_seen; i++) {
		m->records_used += (fate[i] & USED) != 0;
		m->records_set_aside += fate[i] == KEPT;
	}
	free(fate);
}

/* The metric over a period: the KPI from the added counts, or a count per
 * month. 0, or -1 with why set. */
static int period_value(const cs_roi_measure *ms, const cs_roi_period *p, double *value, cs_buf *why)
{
	const struct kpi *k = kpi_of(ms->metric);
	if (p->records == 0) {
		cs_buf_printf(why, "no metrics records with a window inside %s", p->text);
		return -1;
	}
	if (!k && !p->holding) {   /* a misspelt count is unknown, not 0 */
		cs_buf_printf(why, "%s is not known in %s: the records there have no counts.%s", ms->metric, p->text,
			      ms->metric);
		return -1;
	}
	if (!k) {
		*value = p->num / ((double)(p->to - p->from) / 86400000.0 / CS_ROI_DAYS_PER_MONTH);
		return 0;
	}
	if (!(p->den > 0)) {
		cs_buf_printf(why, "%s is not known in %s: the records there have no %s", ms->metric, p->text, k->den);
		return -1;
	}
	*value = k->scale * p->num / p->den;
	return 0;
}

/* A measured input's value: a level, or the improvement from before to after. */
static int measure_value(const cs_roi_measure *ms, double *value, cs_buf *why)
{
	double before = 0, after;
	if (period_value(ms, &ms->after, &after, why) != 0 ||
	    (ms->change && period_value(ms, &ms->before, &before, why) != 0))
		return -1;
	const struct kpi *k = kpi_of(ms->metric);
	*value = !ms->change ? after : k && k->lower_better ? before - after : after - before;
	return 0;
}

int cs_roi_model_measure(cs_roi_model *m, cs_buf *why)
{
	take_records(m);
	for (size_t i = 0; i < m->ndrivers; i++)
		for (size_t k = 0; k < m->drivers[i].nin; k++) {
			cs_roi_input *in = &m->drivers[i].in[k];
			if (!in->measured)
				continue;
			cs_buf reason = CS_BUF_INIT;
			int failed = measure_value(in->measured, &in->value, &reason);
			in->value = round(in->value * 1e4) / 1e4;   /* the value printed is the value used */
			if (failed)
				cs_buf_printf(why, "driver %s: %s: %s", m->drivers[i].id, in->key, reason.p);
			cs_buf_free(&reason);
			if (failed)
				return -1;
		}
	return 0;
}

/* A measured period's KPI (or count a month) for the record; NaN when unknown. */
double cs_roi_period_value(const cs_roi_measure *ms, const cs_roi_period *p)
{
	cs_buf why = CS_BUF_INIT;
	double v;
	if (period_value(ms, p, &v, &why) != 0)
		v = NAN;
	cs_buf_free(&why);
	return v;
}

/* ---- the figures ---- */

double cs_roi_driver_yearly(const cs_roi_driver *d)
{
	double product = bases[d->basis].monthly ? 12 : 1;
	for (size_t k = 0; k < d->nin; k++)
		product *= d->in[k].value;
	return product;
}

/* The share of a month's full benefit that month (1-based) brings. */
static double ramp_of_month(const cs_roi_model *m, int month)
{
	return month < m->ramp_months ? (double)month / m->ramp_months : 1;
}

double cs_roi_ramp_share(const cs_roi_model *m, int year)
{
	double share = 0;
	for (int month = (year - 1) * 12 + 1; month <= year * 12; month++)
		share += ramp_of_month(m, month);
	return share / 12;
}

/* Months until the cumulative net cash is zero or more for good (NaN when
 * it is still negative at the end of the horizon), and how it was found. */
static void payback_of(const cs_roi_model *m, double yearly_benefit, cs_roi_figures *f)
{
	int months = f->years * 12, last_negative = f->once > 0 ? 0 : -1;
	double cumulative = -f->once, shortfall = f->once;
	for (int month = 1; month <= months; month++) {
		double was = cumulative;
		cumulative += yearly_benefit / 12 * ramp_of_month(m, month) - f->yearly_cost / 12;
		if (cumulative < 0)
			last_negative = month;
		else if (last_negative == month - 1)
			shortfall = -was;
	}
	f->payback_after_month = last_negative;
	if (last_negative == months) {
		f->payback_months = NAN;
	} else if (last_negative < 0) {
		f->payback_months = 0;
	} else {
		f->payback_shortfall = shortfall;
		f->payback_flow = yearly_benefit / 12 * ramp_of_month(m, last_negative + 1) - f->yearly_cost / 12;
		f->payback_months = last_negative + shortfall / f->payback_flow;
	}
}

void cs_roi_figures_of(const cs_roi_model *m, const double *yearly, cs_roi_figures *f)
{
	*f = (cs_roi_figures){.years = m->horizon_years};
	double yearly_benefit = 0, npv_flows = 0;
	for (size_t i = 0; i < m->ncosts; i++) {
		f->once += m->costs[i].once;
		f->yearly_cost += m->costs[i].yearly;
	}
	for (size_t i = 0; i < m->ndrivers; i++)
		yearly_benefit += yearly[i];
	double cumulative = 0;
	for (int y = 0; y < f->years; y++) {
		f->benefit[y] = yearly_benefit * cs_roi_ramp_share(m, y + 1);
		f->cost[y] = f->yearly_cost + (y == 0 ? f->once : 0);
		f->net[y] = f->benefit[y] - f->cost[y];
		f->cumulative[y] = cumulative += f->net[y];
		f->benefit_total += f->benefit[y];
		f->cost_total += f->cost[y];
		npv_flows += (f->benefit[y] - f->yearly_cost) / pow(1 + m->discount_rate, y + 1);
	}
	f->net_total = f->benefit_total - f->cost_total;
	f->roi_pct = f->cost_total > 0 ? f->net_total / f->cost_total * 100 : NAN;
	f->npv = -f->once + npv_flows;
	payback_of(m, yearly_benefit, f);
}

/* ---- formulas ---- */

void cs_roi_num(cs_buf *out, double v)
{
	char text[64];
	if (v == rint(v) && fabs(v) < 1e15) {
		snprintf(text, sizeof text, "%.0f", v);
	} else {
		int digits = 1;
		do
			snprintf(text, sizeof text, "%.*f", digits, v);
		while (strtod(text, NULL) != v && ++digits < 10);
		size_t n = strlen(text);
		while (n > 1 && text[n - 1] == '0')
			text[--n] = '\0';
	}
	cs_buf_adds(out, strcmp(text, "-0") == 0 ? "0" : text);
}

/* A default share or margin of 1 changes nothing: left out of formulas. */
int cs_roi_input_shown(const cs_roi_input *in)
{
	return in->given || (strcmp(in->key, "share") != 0 && strcmp(in->key, "margin") != 0);
}

static const char *unit_of(enum cs_roi_basis b, const char *key)
{
	for (size_t k = 0; k < CS_ROI_MAX_INPUTS && bases[b].in[k].key; k++)
		if (strcmp(bases[b].in[k].key, key) == 0)
			return bases[b].in[k].unit;
	return "";
}

static void measured_text(const cs_roi_measure *ms, cs_buf *out)
{
	if (!ms->change) {
		cs_buf_printf(out, " (measured: %s over %s)", ms->metric, ms->after.text);
		return;
	}
	cs_buf_printf(out, " (measured: %s ", ms->metric);
	cs_roi_num(out, round(cs_roi_period_value(ms, &ms->before) * 1e4) / 1e4);
	cs_buf_adds(out, " before, ");
	cs_roi_num(out, round(cs_roi_period_value(ms, &ms->after) * 1e4) / 1e4);
	cs_buf_adds(out, " after)");
}

void cs_roi_driver_formula(const cs_roi_driver *d, cs_buf *out)
{
	const char *sep = "";
	for (size_t k = 0; k < d->nin; k++) {
		const cs_roi_input *in = &d->in[k];
		if (!cs_roi_input_shown(in))
			continue;
		cs_buf_adds(out, sep);
		cs_roi_num(out, in->value);
		cs_buf_printf(out, " %s", unit_of(d->basis, in->key));
		if (in->measured)
			measured_text(in->measured, out);
		sep = " x ";
	}
	if (bases[d->basis].monthly)
		cs_buf_adds(out, " x 12 months");
}
