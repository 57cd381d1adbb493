/* eng_signals_risk: the churn-risk model (see eng_signals_risk.h). */
#include "eng_signals_risk.h"
#include "kit_conf.h"
#include "kit_jw.h"
#include "kit_mem.h"
#include "kit_opt.h"
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const cs_risk_known_types[] = {
	"rage_click", "dead_click", "error_click", "u_turn", "excessive_refresh", "form_abandoned",
	"silent_help_seeker", "search_no_results", "repeat_contact", "reopened_ticket", "sla_breach", "transfer",
	"long_wait", "refund", "survey_detractor", "negative_sentiment", "worsening_sentiment",
};
const size_t cs_risk_nknown = sizeof cs_risk_known_types / sizeof *cs_risk_known_types;

/* Set by hand: what the customer said or lived through in a contact weighs
 * most, then what shows a goal missed, then friction alone. With the bias a
 * customer without signals scores 5, one repeat contact today 37, a repeat
 * contact and a detractor survey within a few days red. */
static const struct {
	const char *type;
	double weight;
} default_weights[] = {
	{"repeat_contact", 3.5}, {"survey_detractor", 3.5}, {"sla_breach", 3.0}, {"refund", 2.5},
	{"negative_sentiment", 2.5}, {"worsening_sentiment", 2.5}, {"silent_help_seeker", 2.5},
	{"reopened_ticket", 2.5}, {"form_abandoned", 1.5}, {"long_wait", 1.5}, {"transfer", 1.2},
	{"error_click", 1.2}, {"rage_click", 1.0}, {"search_no_results", 1.0}, {"excessive_refresh", 0.8},
	{"u_turn", 0.6}, {"dead_click", 0.4},
};
#ifndef CS_SHAREDIR
#define CS_SHAREDIR "/usr/local/share/cs"
#endif
#define DEFAULT_BIAS (-2.95)
#define DEFAULT_HALF_LIFE 14.0
#define DEFAULT_RED 70
#define DEFAULT_YELLOW 40
#define MAX_WEIGHT 100.0
#define MAX_TYPE_LEN 64

/* ---- the model ---- */

cs_risk_model *cs_risk_model_new(void)
{
	cs_risk_model *m = cs_calloc(1, sizeof *m);
	*m = (cs_risk_model){.version = CS_RISK_VERSION, .half_life_days = DEFAULT_HALF_LIFE, .bias = DEFAULT_BIAS,
			     .red = DEFAULT_RED, .yellow = DEFAULT_YELLOW};
	return m;
}

static size_t type_index(const cs_risk_model *m, const char *type, size_t n)
{
	for (size_t i = 0; i < m->n; i++)
		if (strlen(m->types[i]) == n && memcmp(m->types[i], type, n) == 0)
			return i;
	return SIZE_MAX;
}

static void set_weight(cs_risk_model *m, const char *type, size_t n, double weight)
{
	size_t i = type_index(m, type, n);
	if (i != SIZE_MAX) {
		m->weights[i] = weight;
		return;
	}
	m->types = cs_realloc(m->types, (m->n + 1) * sizeof *m->types);
	m->weights = cs_realloc(m->weights, (m->n + 1) * sizeof *m->weights);
	m->types[m->n] = cs_strndup(type, n);
	m->weights[m->n++] = weight;
}

void cs_risk_model_set(cs_risk_model *m, const char *type, double weight)
{
	set_weight(m, type, strlen(type), weight);
}

double cs_risk_model_weight(const cs_risk_model *m, const char *type)
{
	size_t i = type_index(m, type, strlen(type));
	return i == SIZE_MAX ? 0 : m->weights[i];
}

cs_risk_model *cs_risk_model_default(void)
{
	cs_risk_model *m = cs_risk_model_new();
	for (size_t i = 0; i < sizeof default_weights / sizeof *default_weights; i++)
		cs_risk_model_set(m, default_weights[i].type, default_weights[i].weight);
	return m;
}

void cs_risk_model_free(cs_risk_model *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++)
		free(m->types[i]);
	free(m->types);
	free(m->weights);
	free(m);
}

/* ---- reading a model file ---- */

static double finite_in(cs_conf *c, cs_jval v, const char *key, double lo, double hi)
{
	double d = cs_conf_number(c, v, key);
	if (!(d >= lo && d <= hi))
		cs_conf_bad(c, v.p, "\"%s\" must be a number from %g to %g", key, lo, hi);
	return d;
}

int cs_risk_type_ok(const char *type, size_t n)
{
	if (n == 0 || n > MAX_TYPE_LEN)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char ch = type[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '.' || ch == '-'))
			return 0;
	}
	return 1;
}

static void read_weights(cs_conf *c, cs_risk_model *m, cs_jval v)
{
	cs_conf_members ms = cs_conf_members_of(c, v, NULL, "\"weights\"");
	for (size_t i = 0; i < ms.n; i++) {
		const cs_span *key = &ms.m[i].key;
		if (cs_conf_key_is(&ms.m[i], "description") || cs_conf_key_is(&ms.m[i], "comment"))
			continue;
		if (!cs_risk_type_ok(key->p, key->n))
			cs_conf_bad(c, key->p, "\"weights\": \"%.*s\" is not a signal type (a-z, 0-9, _ . -, at most %d)",
				    (int)(key->n > 60 ? 60 : key->n), key->p, MAX_TYPE_LEN);
		char name[MAX_TYPE_LEN + 1];
		memcpy(name, key->p, key->n);
		name[key->n] = '\0';
		set_weight(m, key->p, key->n, finite_in(c, cs_conf_val(&ms.m[i]), name, -MAX_WEIGHT, MAX_WEIGHT));
	}
}

static void read_bands(cs_conf *c, cs_risk_model *m, cs_jval v)
{
	static const char *const keys[] = {"red", "yellow", NULL};
	cs_conf_members ms = cs_conf_members_of(c, v, keys, "\"bands\"");
	for (size_t i = 0; i < ms.n; i++) {
		cs_jval val = cs_conf_val(&ms.m[i]);
		if (cs_conf_key_is(&ms.m[i], "red"))
			m->red = cs_conf_int(c, val, "red", 1, 100);
		else if (cs_conf_key_is(&ms.m[i], "yellow"))
			m->yellow = cs_conf_int(c, val, "yellow", 0, 100);
	}
	if (m->yellow >= m->red)
		cs_conf_bad(c, v.p, "\"bands\": yellow (%d) must be below red (%d)", m->yellow, m->red);
}

static void read_top(cs_conf *c, cs_risk_model *m, cs_jval top)
{
	static const char *const keys[] = {"version", "half_life_days", "bias", "weights", "bands", "fit", NULL};
	cs_conf_members ms = cs_conf_members_of(c, top, keys, "the model");
	int has_version = 0, has_bias = 0, has_weights = 0;
	for (size_t i = 0; i < ms.n; i++) {
		cs_jval val = cs_conf_val(&ms.m[i]);
		if (cs_conf_key_is(&ms.m[i], "version") && (has_version = 1))
			m->version = cs_conf_int(c, val, "version", CS_RISK_VERSION, CS_RISK_VERSION);
		else if (cs_conf_key_is(&ms.m[i], "half_life_days"))
			m->half_life_days = finite_in(c, val, "half_life_days", 0.001, 3650);
		else if (cs_conf_key_is(&ms.m[i], "bias") && (has_bias = 1))
			m->bias = finite_in(c, val, "bias", -MAX_WEIGHT, MAX_WEIGHT);
		else if (cs_conf_key_is(&ms.m[i], "weights") && (has_weights = 1))
			read_weights(c, m, val);
		else if (cs_conf_key_is(&ms.m[i], "bands"))
			read_bands(c, m, val);
		else if (cs_conf_key_is(&ms.m[i], "fit") && val.t != CS_J_OBJECT)
			cs_conf_bad(c, val.p, "\"fit\" must be an object");
	}
	if (!has_version)
		cs_conf_bad(c, top.p, "no \"version\" (1)");
	if (!has_bias)
		cs_conf_bad(c, top.p, "no \"bias\"");
	if (!has_weights)
		cs_conf_bad(c, top.p, "no \"weights\"");
}

cs_risk_model *cs_risk_model_parse(const char *name, const char *text, size_t len, cs_buf *err)
{
	struct {
		cs_conf c;
		cs_risk_model *m;
	} L = {.c = {.file = name, .text = text, .len = len, .err = err}, .m = cs_risk_model_new()};
	if (setjmp(L.c.fail)) {
		cs_conf_free(&L.c);
		cs_risk_model_free(L.m);
		return NULL;
	}
	read_top(&L.c, L.m, cs_conf_top(&L.c));
	cs_conf_free(&L.c);
	return L.m;
}

cs_risk_model *cs_risk_model_load(const char *path, cs_buf *err)
{
	cs_buf text = CS_BUF_INIT;
	cs_risk_model *m = NULL;
	if (cs_conf_slurp(path, &text, err) == 0)
		m = cs_risk_model_parse(path, text.p ? text.p : "", text.len, err);
	cs_buf_free(&text);
	return m;
}

cs_risk_model *cs_risk_model_open(const char *name, cs_buf *err)
{
	if (!name)
		return cs_risk_model_default();
	cs_buf path = CS_BUF_INIT;
	size_t n = strlen(name);
	if (strchr(name, '/') || (n > 5 && strcmp(name + n - 5, ".json") == 0))
		cs_buf_adds(&path, name);
	else
		cs_buf_printf(&path, "%s/signals/%s.json", cs_share_dir() ? cs_share_dir() : CS_SHAREDIR, name);
	cs_risk_model *m = cs_risk_model_load(path.p, err);
	cs_buf_free(&path);
	return m;
}

/* ---- writing one ---- */

static void put_number(cs_buf *out, const char *key, double v)
{
	cs_json_string(out, key, strlen(key));
	cs_buf_adds(out, ": ");
	cs_json_double(out, v);
}

void cs_risk_model_write(const cs_risk_model *m, const char *extra, cs_buf *out)
{
	cs_buf_printf(out, "{\n  \"version\": %d,\n  ", m->version);
	put_number(out, "half_life_days", m->half_life_days);
	cs_buf_adds(out, ",\n  ");
	put_number(out, "bias", m->bias);
	cs_buf_adds(out, ",\n  \"weights\": {");
	for (size_t i = 0; i < m->n; i++) {
		cs_buf_adds(out, i ? ",\n    " : "\n    ");
		put_number(out, m->types[i], m->weights[i]);
	}
	cs_buf_printf(out, "%s},\n  \"bands\": {\"red\": %d, \"yellow\": %d}", m->n ? "\n  " : "", m->red, m->yellow);
	if (extra)
		cs_buf_printf(out, ",\n  \"fit\": {%s}", extra);
	cs_buf_adds(out, "\n}\n");
}

void cs_risk_model_json(const cs_risk_model *m, cs_buf *out)
{
	cs_jw w;
	cs_jw_init(&w, out);
	cs_jw_object(&w);
	cs_jw_key(&w, "version");
	cs_jw_int(&w, m->version);
	cs_jw_key(&w, "half_life_days");
	cs_jw_double(&w, m->half_life_days);
	cs_jw_key(&w, "bias");
	cs_jw_double(&w, m->bias);
	cs_jw_key(&w, "weights");
	cs_jw_object(&w);
	for (size_t i = 0; i < m->n; i++) {
		cs_jw_key(&w, m->types[i]);
		cs_jw_double(&w, m->weights[i]);
	}
	cs_jw_end_object(&w);
	cs_jw_key(&w, "bands");
	cs_jw_object(&w);
	cs_jw_key(&w, "red");
	cs_jw_int(&w, m->red);
	cs_jw_key(&w, "yellow");
	cs_jw_int(&w, m->yellow);
	cs_jw_end_object(&w);
	cs_jw_end_object(&w);
}

/* ---- features ---- */

static cs_risk_feature *feature_of(cs_risk_features *f, const char *type, size_t n)
{
	for (size_t i = 0; i < f->n; i++)
		if (strlen(f->f[i].type) == n && memcmp(f->f[i].type, type, n) == 0)
			return &f->f[i];
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 4;
		f->f = cs_realloc(f->f, f->cap * sizeof *f->f);
	}
	f->f[f->n] = (cs_risk_feature){.type = cs_strndup(type, n)};
	return &f->f[f->n++];
}

void cs_risk_features_add(cs_risk_features *f, const char *type, size_t type_len, int64_t ts_ms)
{
	cs_risk_feature *k = feature_of(f, type, type_len);
	if (k->nts == k->cap) {
		k->cap = k->cap ? k->cap * 2 : 4;
		k->ts = cs_realloc(k->ts, k->cap * sizeof *k->ts);
	}
	k->ts[k->nts++] = ts_ms;
}

static double half_life_ms(double days) { return days * (double)CS_RISK_DAY_MS; }

static void compute_one(cs_risk_feature *k, int64_t now_ms, double half_life)
{
	k->decayed = 0;
	k->count = k->recent = 0;
	k->latest_ms = INT64_MIN;
	for (size_t i = 0; i < k->nts; i++) {
		if (k->ts[i] > now_ms)
			continue;
		double age = (double)now_ms - (double)k->ts[i];
		k->decayed += exp2(-age / half_life);
		k->count++;
		k->recent += age <= half_life;
		if (k->ts[i] > k->latest_ms)
			k->latest_ms = k->ts[i];
	}
	k->x = log1p(k->decayed);
}

void cs_risk_features_compute(cs_risk_features *f, int64_t now_ms, const cs_risk_model *m)
{
	f->now_ms = now_ms;
	f->half_life_days = m->half_life_days;
	for (size_t i = 0; i < f->n; i++)
		compute_one(&f->f[i], now_ms, half_life_ms(m->half_life_days));
}

double cs_risk_features_x(const cs_risk_features *f, const char *type)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->f[i].type, type) == 0)
			return f->f[i].x;
	return 0;
}

void cs_risk_features_clear(cs_risk_features *f)
{
	for (size_t i = 0; i < f->n; i++) {
		free(f->f[i].type);
		free(f->f[i].ts);
	}
	f->n = 0;
}

void cs_risk_features_free(cs_risk_features *f)
{
	cs_risk_features_clear(f);
	free(f->f);
	*f = (cs_risk_features)CS_RISK_FEATURES_INIT;
}

/* ---- reasons in words ---- */

static const struct {
	const char *type, *one, *many;
} nouns[] = {
	{"rage_click", "rage click", "rage clicks"},
	{"dead_click", "dead click", "dead clicks"},
	{"error_click", "click that hit an error", "clicks that hit an error"},
	{"u_turn", "U-turn (back to the page before within seconds)", "U-turns (back to the page before within seconds)"},
	{"excessive_refresh", "burst of page refreshes", "bursts of page refreshes"},
	{"form_abandoned", "form abandoned", "forms abandoned"},
	{"silent_help_seeker", "help-centre visit that never became a ticket",
	 "help-centre visits that never became a ticket"},
	{"search_no_results", "search with no results", "searches with no results"},
	{"repeat_contact", "repeat contact on the same issue", "repeat contacts on the same issue"},
	{"reopened_ticket", "reopened ticket", "reopened tickets"},
	{"sla_breach", "missed service-level target", "missed service-level targets"},
	{"transfer", "transfer between teams", "transfers between teams"},
	{"long_wait", "long wait for an answer", "long waits for an answer"},
	{"refund", "refund", "refunds"},
	{"return", "return", "returns"},
	{"survey_detractor", "detractor survey answer", "detractor survey answers"},
	{"negative_sentiment", "conversation in a negative tone", "conversations in a negative tone"},
	{"worsening_sentiment", "conversation whose tone worsened", "conversations whose tone worsened"},
};

static void noun_of(const char *type, size_t count, char *out, size_t size)
{
	for (size_t i = 0; i < sizeof nouns / sizeof *nouns; i++)
		if (strcmp(nouns[i].type, type) == 0) {
			snprintf(out, size, "%s", count == 1 ? nouns[i].one : nouns[i].many);
			return;
		}
	snprintf(out, size, "%s of type %s", count == 1 ? "signal" : "signals", type);
}

static void age_text(int64_t age_ms, char *out, size_t size)
{
	int64_t days = age_ms / CS_RISK_DAY_MS;
	if (days < 1)
		snprintf(out, size, "less than a day ago");
	else
		snprintf(out, size, "%lld day%s ago", (long long)days, days == 1 ? "" : "s");
}

void cs_risk_reason_text(const cs_risk_feature *f, int64_t now_ms, double half_life_days, char *out, size_t size)
{
	char noun[96], age[48];
	size_t shown = f->recent ? f->recent : f->count;
	noun_of(f->type, shown, noun, sizeof noun);
	age_text(now_ms - f->latest_ms, age, sizeof age);
	if (!f->recent)
		snprintf(out, size, "%zu %s, the latest %s", f->count, noun, age);
	else if (f->recent == f->count)
		snprintf(out, size, "%zu %s in the last %g days, the latest %s", f->recent, noun, half_life_days, age);
	else
		snprintf(out, size, "%zu %s in the last %g days (%zu in all), the latest %s", f->recent, noun,
			 half_life_days, f->count, age);
}

/* ---- the score ---- */

double cs_risk_sigmoid(double z)
{
	if (z >= 0)
		return 1 / (1 + exp(-z));
	double e = exp(z);
	return e / (1 + e);
}

static int score_of(double logit) { return (int)lround(100 * cs_risk_sigmoid(logit)); }

const char *cs_risk_band_name(enum cs_risk_band b)
{
	return b == CS_RISK_RED ? "red" : b == CS_RISK_YELLOW ? "yellow" : "green";
}

/* Keep the largest positive contributions, largest first (equal ones by type). */
static void keep_reason(struct cs_risk_result *r, const cs_risk_feature *k, double c)
{
	size_t at = r->nreasons;
	while (at > 0 && (c > r->reasons[at - 1].contribution ||
			  (c == r->reasons[at - 1].contribution && strcmp(k->type, r->reasons[at - 1].type) < 0)))
		at--;
	if (at >= CS_RISK_REASONS)
		return;
	size_t last = r->nreasons < CS_RISK_REASONS ? r->nreasons : CS_RISK_REASONS - 1;
	memmove(&r->reasons[at + 1], &r->reasons[at], (last - at) * sizeof *r->reasons);
	r->reasons[at] = (struct cs_risk_reason){.type = k->type, .contribution = c};
	if (r->nreasons < CS_RISK_REASONS)
		r->nreasons++;
}

void cs_risk_score(const cs_risk_model *m, const cs_risk_features *f, struct cs_risk_result *r)
{
	*r = (struct cs_risk_result){.logit = m->bias};
	for (size_t i = 0; i < f->n; i++) {
		const cs_risk_feature *k = &f->f[i];
		double c = cs_risk_model_weight(m, k->type) * k->x;
		r->logit += c;
		if (c > 0)
			keep_reason(r, k, c);
	}
	r->probability = cs_risk_sigmoid(r->logit);
	r->score = score_of(r->logit);
	r->band = r->score >= m->red ? CS_RISK_RED : r->score >= m->yellow ? CS_RISK_YELLOW : CS_RISK_GREEN;
	for (size_t i = 0; i < r->nreasons; i++) {
		struct cs_risk_reason *why = &r->reasons[i];
		why->points = r->score - score_of(r->logit - why->contribution);
		for (size_t k = 0; k < f->n; k++)
			if (f->f[k].type == why->type)
				cs_risk_reason_text(&f->f[k], f->now_ms, f->half_life_days, why->text, sizeof why->text);
	}
}
