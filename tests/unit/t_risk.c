/* t_risk: cs-signals' churn-risk model (eng_signals_risk) and its fit and
 * eval (eng_signals_fit): decay, scores, bands and reasons, the model file
 * and its errors, AUC and precision at the top decile worked out by hand,
 * logistic regression, and fit and eval run whole over journey records,
 * including a synthetic population whose churn follows known weights. */
#include "eng_signals_fit.h"
#include "eng_signals_risk.h"
#include "fixture.h"
#include "run_fixture.h"
#include "kit_time.h"
#include "tap.h"
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define DAY CS_RISK_DAY_MS
static const int64_t NOW = 1772409600000;   /* 2026-03-02T00:00:00Z */

static int near(double got, double want, double tol)
{
	if (fabs(got - want) <= tol)
		return 1;
	printf("#   got %.9f, want %.9f\n", got, want);
	return 0;
}

static double x_after(const char *type, const int64_t *ts, size_t n, int64_t now, const cs_risk_model *m)
{
	cs_risk_features f = CS_RISK_FEATURES_INIT;
	for (size_t i = 0; i < n; i++)
		cs_risk_features_add(&f, type, strlen(type), ts[i]);
	cs_risk_features_compute(&f, now, m);
	double x = cs_risk_features_x(&f, type);
	cs_risk_features_free(&f);
	return x;
}

static void test_decay(void)
{
	cs_risk_model *m = cs_risk_model_default();
	int64_t today[] = {NOW}, one_half_life[] = {NOW - 14 * DAY}, two[] = {NOW - 28 * DAY};
	int64_t both[] = {NOW, NOW - 14 * DAY}, later[] = {NOW + DAY};
	ok(near(x_after("rage_click", today, 1, NOW, m), log1p(1.0), 1e-12), "a signal now weighs 1: x = log1p(1)");
	ok(near(x_after("rage_click", one_half_life, 1, NOW, m), log1p(0.5), 1e-12),
	   "after one half-life (14 days) it weighs half: x = log1p(0.5)");
	ok(near(x_after("rage_click", two, 1, NOW, m), log1p(0.25), 1e-12), "after two, a quarter");
	ok(near(x_after("rage_click", both, 2, NOW, m), log1p(1.5), 1e-12), "signals of a type add before log1p");
	ok(near(x_after("rage_click", later, 1, NOW, m), 0, 0), "a signal after now is left out");
	m->half_life_days = 7;
	ok(near(x_after("rage_click", one_half_life, 1, NOW, m), log1p(0.25), 1e-12),
	   "the half-life comes from the model: 14 days at 7 is two half-lives");
	cs_risk_model_free(m);
}

static void add_n(cs_risk_features *f, const char *type, int n, int64_t at)
{
	for (int i = 0; i < n; i++)
		cs_risk_features_add(f, type, strlen(type), at);
}

static void score(const cs_risk_model *m, cs_risk_features *f, struct cs_risk_result *r)
{
	cs_risk_features_compute(f, NOW, m);
	cs_risk_score(m, f, r);
}

/* A repeat contact and a detractor survey, days ago, alone. */
static void contact_and_detractor(const cs_risk_model *m, cs_risk_features *f, struct cs_risk_result *r, int days)
{
	cs_risk_features_clear(f);
	add_n(f, "repeat_contact", 1, NOW - days * DAY);
	add_n(f, "survey_detractor", 1, NOW - days * DAY);
	score(m, f, r);
}

static void test_score(void)
{
	cs_risk_model *m = cs_risk_model_default();
	cs_risk_features f = CS_RISK_FEATURES_INIT;
	struct cs_risk_result r;
	score(m, &f, &r);
	is_int(r.score, 5, "no signals: 5");
	is_str(cs_risk_band_name(r.band), "green", "no signals: green");
	is_int(r.nreasons, 0, "no signals: no reasons");

	add_n(&f, "repeat_contact", 1, NOW);
	score(m, &f, &r);
	/* -2.95 + 3.5 ln 2 = -0.524; sigmoid 0.372 */
	is_int(r.score, 37, "one repeat contact now: 37");
	is_str(cs_risk_band_name(r.band), "green", "one repeat contact alone is not yellow");

	/* x = log1p(2^(-1/14)) = 0.66870 each; -2.95 + 7 * 0.66870 = 1.7309; sigmoid 0.8496 */
	contact_and_detractor(m, &f, &r, 1);
	is_int(r.score, 85, "a repeat contact and a detractor survey a day ago: 85");
	is_str(cs_risk_band_name(r.band), "red", "... red");
	ok(r.probability > 0.849 && r.probability < 0.85, "the probability before rounding");
	/* x = log1p(2^(-1/2)) = 0.53480 each; -2.95 + 7 * 0.53480 = 0.7936; sigmoid 0.6886 */
	contact_and_detractor(m, &f, &r, 7);
	is_int(r.score, 69, "the same a week ago: 69");
	is_str(cs_risk_band_name(r.band), "yellow", "... yellow");
	contact_and_detractor(m, &f, &r, 1);

	add_n(&f, "rage_click", 3, NOW - 2 * DAY);
	add_n(&f, "dead_click", 2, NOW - 3 * DAY);
	add_n(&f, "u_turn", 1, NOW - 40 * DAY);
	score(m, &f, &r);
	is_int(r.nreasons, 3, "five types: three reasons");
	is_str(r.reasons[0].type, "repeat_contact", "equal contributions: by type name");
	is_str(r.reasons[1].type, "survey_detractor", "then the other");
	is_str(r.reasons[2].type, "rage_click", "then rage clicks (1.0 x log1p(3 x 2^(-2/14)) = 1.31)");
	ok(near(r.reasons[2].contribution, log1p(3 * exp2(-2.0 / 14)), 1e-12), "the contribution is w x");
	is_str(r.reasons[2].text, "3 rage clicks in the last 14 days, the latest 2 days ago", "rage clicks in words");
	is_str(r.reasons[0].text, "1 repeat contact on the same issue in the last 14 days, the latest 1 day ago",
	       "one repeat contact in words");
	int without = (int)lround(100 / (1 + exp(-(r.logit - r.reasons[0].contribution))));
	is_int(r.reasons[0].points, r.score - without, "points: the score lost without the reason");
	ok(r.reasons[0].points > r.reasons[2].points && r.reasons[2].points > 0, "points follow the contributions");

	cs_risk_features_clear(&f);
	add_n(&f, "u_turn", 1, NOW - 40 * DAY);
	add_n(&f, "u_turn", 1, NOW - DAY);
	add_n(&f, "x_custom", 2, NOW - 20 * DAY);
	cs_risk_model_set(m, "x_custom", 2);
	cs_risk_model_set(m, "dead_click", -1);
	add_n(&f, "dead_click", 4, NOW);
	score(m, &f, &r);
	is_int(r.nreasons, 2, "a negative contribution is never a reason");
	is_str(r.reasons[0].type, "x_custom", "a type the defaults lack, weighed by the model");
	is_str(r.reasons[0].text, "2 signals of type x_custom, the latest 20 days ago",
	       "an unknown type, none in the last half-life: a generic phrase");
	is_str(r.reasons[1].text,
	       "1 U-turn (back to the page before within seconds) in the last 14 days (2 in all), the latest 1 day ago",
	       "some in the last half-life, some before");

	cs_risk_features_clear(&f);
	add_n(&f, "sla_breach", 1, NOW - 12 * 3600 * 1000LL);
	m->red = 95;
	m->yellow = 50;
	score(m, &f, &r);
	/* -2.95 + 3 log1p(2^(-0.5/14)) = -0.8829 -> 29 */
	is_int(r.score, 29, "a breach 12 hours ago: 29");
	is_str(r.reasons[0].text, "1 missed service-level target in the last 14 days, the latest less than a day ago",
	       "less than a day");
	add_n(&f, "refund", 3, NOW);
	score(m, &f, &r);
	ok(r.score >= 50 && r.score < 95, "score %d", r.score);
	is_str(cs_risk_band_name(r.band), "yellow", "bands from the model: yellow at 50, red at 95");
	cs_risk_features_free(&f);
	cs_risk_model_free(m);
}

static int same_model(const cs_risk_model *a, const cs_risk_model *b)
{
	if (a->version != b->version || a->half_life_days != b->half_life_days || a->bias != b->bias ||
	    a->red != b->red || a->yellow != b->yellow || a->n != b->n)
		return 0;
	for (size_t i = 0; i < a->n; i++)
		if (cs_risk_model_weight(b, a->types[i]) != a->weights[i])
			return 0;
	return 1;
}

static void test_model_file(const cs_risk_model *shipped)
{
	cs_buf err = CS_BUF_INIT, text = CS_BUF_INIT;
	cs_risk_model *d = cs_risk_model_default();
	ok(shipped && same_model(d, shipped), "share/signals/risk.json holds the compiled-in defaults");
	for (size_t i = 0; i < cs_risk_nknown; i++)
		ok(cs_risk_model_weight(d, cs_risk_known_types[i]) > 0, "a default weight for %s", cs_risk_known_types[i]);
	static const char *const heavier[] = {"repeat_contact", "sla_breach", "survey_detractor", "refund",
					      "negative_sentiment", "worsening_sentiment", "silent_help_seeker", NULL};
	for (size_t i = 0; heavier[i]; i++)
		ok(cs_risk_model_weight(d, heavier[i]) > cs_risk_model_weight(d, "dead_click"), "%s weighs more than a "
		   "dead click", heavier[i]);

	cs_risk_model *opened = cs_risk_model_open(NULL, &err);
	ok(opened && same_model(d, opened), "no model named: the compiled-in defaults");
	cs_risk_model_free(opened);
	cs_risk_model_write(d, "\"customers\": 3", &text);
	cs_risk_model *back = cs_risk_model_parse("w.json", text.p, text.len, &err);
	ok(back && same_model(d, back), "a written model reads back the same (with a fit object)");
	cs_risk_model_free(back);
	cs_buf_reset(&text);
	cs_risk_model_json(d, &text);
	back = cs_risk_model_parse("j.json", text.p, text.len, &err);
	ok(back && same_model(d, back), "so does the one-line form");
	cs_risk_model_free(back);

	static const struct {
		const char *text, *err, *what;
	} bad[] = {
		{"{\"version\":1,\"bias\":-3,\n\"wieghts\":{}}", "risk.json:2: unknown key \"wieghts\" in the model",
		 "a misspelt key"},
		{"{\"version\":1,\"bias\":-3,\"weights\":{\n\"rage_click\":0.4,\n\"dead_click\":\"high\"}}",
		 "risk.json:3: \"dead_click\" must be a number", "a weight that is not a number"},
		{"{\"version\":1,\"bias\":-3,\"weights\":{\n\"rage_click\":0.4,\n\"rage_click\":0.5}}",
		 "risk.json:3: the key \"rage_click\" is given twice in \"weights\"", "a weight given twice"},
		{"{\"version\":1,\n\"bias\":-3,\n\"bias\":-2,\"weights\":{}}", "risk.json:3: the key \"bias\" is given twice in the model",
		 "a top-level key given twice"},
		{"{\"version\":1,\"bias\":-3,\"weights\":{\"rage_click\":1e999}}",
		 "risk.json:1: \"rage_click\" must be a number from -100 to 100", "a weight out of range"},
		{"{\"version\":2,\"bias\":-3,\"weights\":{}}", "risk.json:1: \"version\" must be a whole number from 1 to 1",
		 "version 2"},
		{"{\"version\":1,\"weights\":{}}", "risk.json:1: no \"bias\"", "no bias"},
		{"{\"version\":1,\"bias\":-3,\"weights\":{},\n\"bands\":{\"red\":40,\"yellow\":40}}",
		 "risk.json:2: \"bands\": yellow (40) must be below red (40)", "bands the wrong way round"},
		{"{\"version\":1,\"bias\":-3,\"weights\":{\"Rage Click\":1}}",
		 "risk.json:1: \"weights\": \"Rage Click\" is not a signal type (a-z, 0-9, _ . -, at most 64)",
		 "a type name with capitals and a space"},
		{"{\"version\":1,\"half_life_days\":0,\"bias\":-3,\"weights\":{}}",
		 "risk.json:1: \"half_life_days\" must be a number from 0.001 to 3650", "a half-life of 0"},
		{"{\"version\":1,\n\"bias\":-3,", "risk.json:2: not valid JSON", "JSON cut short"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		cs_buf_reset(&err);
		cs_risk_model *m = cs_risk_model_parse("risk.json", bad[i].text, strlen(bad[i].text), &err);
		ok(!m && err.p && strncmp(err.p, bad[i].err, strlen(bad[i].err)) == 0, "%s: %s", bad[i].what,
		   err.p ? err.p : "(accepted)");
		cs_risk_model_free(m);
	}
	cs_buf_reset(&err);
	ok(!cs_risk_model_load("none.json", &err) && strstr(err.p, "none.json: "), "a missing file: %s", err.p);
	cs_buf_free(&err);
	cs_buf_free(&text);
	cs_risk_model_free(d);
}

static void test_auc(void)
{
	double up[] = {0.1, 0.2, 0.3, 0.4}, tie[] = {0.5, 0.5, 0.5, 0.5}, s1[] = {0.1, 0.4, 0.35, 0.8};
	double s2[] = {0.5, 0.5, 0.2, 0.9};
	unsigned char y[] = {0, 0, 1, 1}, y2[] = {1, 0, 0, 1}, inv[] = {1, 1, 0, 0}, none[] = {0, 0, 0, 0};
	ok(near(cs_risk_auc(up, y, 4), 1, 1e-12), "perfect ranking: 1");
	ok(near(cs_risk_auc(up, inv, 4), 0, 1e-12), "inverse ranking: 0");
	ok(near(cs_risk_auc(tie, y, 4), 0.5, 1e-12), "all tied: 0.5");
	ok(near(cs_risk_auc(s1, y, 4), 0.75, 1e-12), "3 of 4 pairs ranked right: 0.75");
	ok(near(cs_risk_auc(s2, y2, 4), 0.875, 1e-12), "a tied pair counts a half: (1 + 1 + 1 + 0.5) / 4");
	ok(isnan(cs_risk_auc(up, none, 4)), "one class: no AUC");

	double s[20];
	unsigned char yy[20] = {0};
	for (int i = 0; i < 20; i++)
		s[i] = i;
	yy[19] = yy[4] = 1;
	size_t k;
	ok(near(cs_risk_precision_top(s, yy, 20, 0.1, &k), 0.5, 1e-12) && k == 2,
	   "top decile of 20: the 2 highest, 1 churned: 0.5");
	yy[18] = 1;
	ok(near(cs_risk_precision_top(s, yy, 20, 0.1, &k), 1, 1e-12), "both churned: 1");
	double t[10] = {0.9, 0.9, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
	unsigned char ty[10] = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
	ok(near(cs_risk_precision_top(t, ty, 10, 0.1, &k), 0.5, 1e-12) && k == 1,
	   "one place, two tied for it, one churned: 0.5");
	ok(near(cs_risk_precision_top(t, ty, 5, 0.1, &k), 0.5, 1e-12) && k == 1, "at least one place");
	ok(isnan(cs_risk_precision_top(t, ty, 0, 0.1, &k)) && k == 0, "no customers: none");
}

static uint64_t rng_state;
static double uniform(void)
{
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return (double)((z ^ (z >> 31)) >> 11) * 0x1p-53;
}

static void test_logistic(void)
{
	enum { N = 400, K = 3 };
	static double x[N * K];
	static unsigned char y[N];
	const double truth[K] = {2, -1, 0}, b0 = -0.5;
	rng_state = 7;
	for (int i = 0; i < N; i++) {
		double z = b0;
		for (int j = 0; j < K; j++)
			z += truth[j] * (x[i * K + j] = 3 * uniform());
		y[i] = uniform() < 1 / (1 + exp(-z));
	}
	double w[K], w2[K], b, b2;
	struct cs_logit_info info;
	cs_risk_logistic(x, y, N, K, 1.0, 100, w, &b, &info);
	ok(info.converged && info.iterations < 30, "Newton converges (%d iterations)", info.iterations);
	double dot = 0, nw = 0, nt = 0;
	for (int j = 0; j < K; j++) {
		dot += w[j] * truth[j];
		nw += w[j] * w[j];
		nt += truth[j] * truth[j];
	}
	ok(dot / sqrt(nw * nt) > 0.95, "the fitted weights point the true way (cosine %.3f)", dot / sqrt(nw * nt));
	ok(w[0] > 1 && w[1] < -0.5 && fabs(w[2]) < 0.5, "w = %.3f %.3f %.3f", w[0], w[1], w[2]);
	double g[K + 1] = {0};
	for (int i = 0; i < N; i++) {
		double z = b;
		for (int j = 0; j < K; j++)
			z += w[j] * x[i * K + j];
		double r = 1 / (1 + exp(-z)) - y[i];
		for (int j = 0; j < K; j++)
			g[j] += r * x[i * K + j];
		g[K] += r;
	}
	int flat = fabs(g[K]) < 1e-6;
	for (int j = 0; j < K; j++)
		flat = flat && fabs(g[j] + 1.0 * w[j]) < 1e-6;
	ok(flat, "at the optimum the penalised gradient is 0");
	cs_risk_logistic(x, y, N, K, 1.0, 100, w2, &b2, &info);
	ok(memcmp(w, w2, sizeof w) == 0 && b == b2, "the same data, the same fit to the bit");
	cs_risk_logistic(x, y, N, K, 1e6, 100, w2, &b2, &info);
	ok(fabs(w2[0]) < 0.01 && fabs(w2[1]) < 0.01, "a huge l2 shrinks the weights to 0");

	/* separable: a type only the churned have; l2 keeps the weight finite */
	double xs[8] = {0, 0, 0, 0, 1, 1, 1, 1};
	unsigned char ys[8] = {0, 0, 0, 0, 1, 1, 1, 1};
	cs_risk_logistic(xs, ys, 8, 1, 0.1, 100, w, &b, &info);
	ok(info.converged && w[0] > 3 && isfinite(w[0]) && b < 0, "separable data: a large finite weight %.3f", w[0]);
}

static void test_labels(void)
{
	cs_map labels = {0};
	cs_buf err = CS_BUF_INIT;
	const char *csv = "customer,churned\nc1,1\nc2,0\n\"c,3\",true\nc4,No\nc1,yes\n";
	is_int(cs_risk_labels_parse("l.csv", csv, strlen(csv), &labels, &err), 0, "CSV labels");
	ok(labels.n == 4 && cs_map_get(&labels, "c1", 2) == (void *)2 && cs_map_get(&labels, "c2", 2) == (void *)1 &&
	   cs_map_get(&labels, "c,3", 3) == (void *)2 && cs_map_get(&labels, "c4", 2) == (void *)1,
	   "1/0, true, No; a quoted id; the same label twice is fine");
	cs_map_free(&labels);
	const char *nd = "{\"customer\":\"c1\",\"churned\":true}\n\n{\"customer\":{\"id\":\"c2\"},\"churned\":0}\n";
	is_int(cs_risk_labels_parse("l.ndjson", nd, strlen(nd), &labels, &err), 0, "NDJSON labels");
	ok(labels.n == 2 && cs_map_get(&labels, "c1", 2) == (void *)2 && cs_map_get(&labels, "c2", 2) == (void *)1,
	   "customer as a string or an object with id");
	cs_map_free(&labels);
	static const struct {
		const char *text, *err;
	} bad[] = {
		{"id,label\nc1,1\nc2,maybe\n", "l:3: the label must be 1/0, true/false or yes/no"},
		{"who,what\nc1,1\n", "l:1: the header must name a customer column"},
		{"customer,churned\nc1,1\nc1,0\n", "l:3: customer \"c1\" is labelled both churned and not"},
		{"{\"customer\":\"c1\",\"churned\":true}\n{\"customer\":\"c2\"}\n", "l:2: \"churned\" must be"},
		{"{\"customer\":\"c1\",\"churned\":true}\n{oops\n", "l:2: not a JSON object"},
		{"customer,churned\n\"c1,1\n", "l:2: unterminated"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		cs_buf_reset(&err);
		int rc = cs_risk_labels_parse("l", bad[i].text, strlen(bad[i].text), &labels, &err);
		ok(rc != 0 && err.p && strncmp(err.p, bad[i].err, strlen(bad[i].err)) == 0, "bad labels: %s",
		   err.p ? err.p : "(accepted)");
		cs_map_free(&labels);
	}
	cs_buf_free(&err);
}

static void test_held_out(void)
{
	int held = 0, again = 1;
	char id[32];
	for (int i = 0; i < 10000; i++) {
		int n = snprintf(id, sizeof id, "cust-%d", i);
		int h = cs_risk_held_out(id, (size_t)n, 0, 0.2);
		held += h;
		again = again && h == cs_risk_held_out(id, (size_t)n, 0, 0.2);
	}
	ok(held > 1900 && held < 2100, "about a fifth held out (%d of 10000)", held);
	ok(again, "the same id, the same side");
	int moved = 0;
	for (int i = 0; i < 1000; i++) {
		int n = snprintf(id, sizeof id, "cust-%d", i);
		moved += cs_risk_held_out(id, (size_t)n, 0, 0.2) != cs_risk_held_out(id, (size_t)n, 1, 0.2);
	}
	ok(moved > 100, "another seed, another split (%d of 1000 moved)", moved);
}

/* ---- fit and eval, whole ---- */

struct risk_run {
	int eval;
	const struct cs_risk_fit_opts *o;
};

static void *make_fit(const struct cs_common *c, const void *opts, struct cs_engine *e)
{
	const struct risk_run *r = opts;
	return cs_risk_fit_new(c, r->o, r->eval, e);
}

static void free_fit(void *f) { cs_risk_fit_free(f); }

static int run_engine(int eval, const struct cs_risk_fit_opts *o, const char *out, const char *in)
{
	struct risk_run r = {eval, o};
	return fixture_run("t_risk", make_fit, free_fit, &r, out, in);
}

static void put_ts(cs_buf *b, int64_t ms)
{
	char ts[40];
	cs_time_format((cs_time){.ms = ms}, ts);
	cs_buf_adds(b, ts);
}

/* A journey record with n signals of types[i] at ages_days[i]. */
static void journey(cs_buf *b, const char *id, const char *const *types, const double *ages_days, size_t n)
{
	cs_buf_printf(b, "{\"kind\":\"journey\",\"customer\":{\"id\":\"%s\"},\"from\":\"", id);
	put_ts(b, NOW - 60 * DAY);
	cs_buf_adds(b, "\",\"to\":\"");
	put_ts(b, NOW);
	cs_buf_adds(b, "\",\"steps\":[{\"ts\":\"");
	put_ts(b, NOW - 60 * DAY);
	cs_buf_adds(b, "\",\"step\":\"session\",\"session\":\"s1\"}");
	for (size_t i = 0; i < n; i++) {
		cs_buf_adds(b, ",{\"ts\":\"");
		put_ts(b, NOW - (int64_t)(ages_days[i] * (double)DAY));
		cs_buf_printf(b, "\",\"step\":\"signal\",\"type\":\"%s\",\"id\":\"sig-%zu\"}", types[i], i);
	}
	cs_buf_adds(b, "],\"counts\":{}}\n");
}

static const char *const sim_types[] = {"repeat_contact", "refund", "rage_click", "dead_click"};
static const double sim_weights[] = {3.0, 2.0, 0.6, 0.0}, sim_bias = -3.0;

/* Customers whose churn follows sim_weights over the model's features. */
static void synthesize(size_t n, const char *journeys, const char *labels)
{
	cs_buf j = CS_BUF_INIT, l = CS_BUF_INIT;
	cs_risk_model *m = cs_risk_model_new();
	cs_buf_adds(&l, "customer,churned\n");
	rng_state = 42;
	for (size_t c = 0; c < n; c++) {
		const char *types[32];
		double ages[32];
		size_t k = 0;
		cs_risk_features f = CS_RISK_FEATURES_INIT;
		for (size_t t = 0; t < 4; t++)
			for (int s = (int)(uniform() * (t == 2 ? 6 : 4)); s > 0; s--) {
				types[k] = sim_types[t];
				ages[k] = uniform() * 45;
				cs_risk_features_add(&f, types[k], strlen(types[k]), NOW - (int64_t)(ages[k] * (double)DAY));
				k++;
			}
		cs_risk_features_compute(&f, NOW, m);
		double z = sim_bias;
		for (size_t t = 0; t < 4; t++)
			z += sim_weights[t] * cs_risk_features_x(&f, sim_types[t]);
		cs_risk_features_free(&f);
		char id[32];
		snprintf(id, sizeof id, "cust-%zu", c);
		journey(&j, id, types, ages, k);
		cs_buf_printf(&l, "%s,%d\n", id, uniform() < 1 / (1 + exp(-z)));
	}
	write_file(journeys, j.p, j.len);
	write_file(labels, l.p, l.len);
	cs_buf_free(&j);
	cs_buf_free(&l);
	cs_risk_model_free(m);
}

static double number_after(const char *text, const char *key)
{
	const char *at = text ? strstr(text, key) : NULL;
	return at ? strtod(at + strlen(key), NULL) : NAN;
}

static void test_fit_whole(void)
{
	cs_buf j = CS_BUF_INIT;
	const char *t1[] = {"repeat_contact", "repeat_contact", "refund"}, *t2[] = {"dead_click"};
	const char *t3[] = {"repeat_contact", "refund"}, *t4[] = {"rage_click", "dead_click"};
	double a1[] = {1, 3, 2}, a2[] = {5}, a3[] = {10, 12}, a4[] = {1, 2};
	journey(&j, "c1", t1, a1, 3);
	journey(&j, "c2", t2, a2, 1);
	journey(&j, "c3", t3, a3, 2);
	journey(&j, "c4", t4, a4, 2);
	journey(&j, "c5", NULL, NULL, 0);
	journey(&j, "c9", t2, a2, 1);
	cs_buf_adds(&j, "{\"kind\":\"signal\",\"type\":\"rage_click\"}\n");
	write_file("j.ndjson", j.p, j.len);
	write_str("labels.csv", "customer,churned\nc1,1\nc2,0\nc3,1\nc4,0\nc5,0\nc7,1\n");
	struct cs_risk_fit_opts o;
	cs_risk_fit_opts_init(&o);
	o.labels = "labels.csv";
	is_int(run_engine(0, &o, "m1.json", "j.ndjson"), 0, "fit: exit 0");
	const char *e = errtext();
	ok(strstr(e, "1 customer with a journey but no label left out") &&
	   strstr(e, "1 label without a journey left out"), "fit counts what it leaves out");
	cs_buf err = CS_BUF_INIT;
	cs_risk_model *m = cs_risk_model_load("m1.json", &err);
	ok(m != NULL, "the model it writes loads: %s", err.p ? err.p : "");
	if (m) {
		ok(m->n == 4 && cs_risk_model_weight(m, "repeat_contact") > 0 && cs_risk_model_weight(m, "dead_click") < 0,
		   "weights for the types seen: repeat contacts for churn, dead clicks against");
		ok(cs_risk_model_weight(m, "sla_breach") == 0, "no weight for a type nobody had");
	}
	size_t n1, n2;
	char *first = read_all("m1.json", &n1);
	ok(strstr(first, "\"fit\": {\"customers\": 5, \"churned\": 2, \"l2\": 1, \"iterations\": ") != NULL,
	   "the fit object says what it was fitted on");
	is_int(run_engine(0, &o, "m2.json", "j.ndjson"), 0, "fit again");
	char *second = read_all("m2.json", &n2);
	ok(n1 == n2 && memcmp(first, second, n1) == 0, "the same input, the same model file");
	errtext();

	write_str("m3.json", "keep me\n");
	write_str("one.csv", "customer,churned\nc1,1\nc3,1\n");
	o.labels = "one.csv";
	is_int(run_engine(0, &o, "m3.json", "j.ndjson"), 1, "one class only: exit 1");
	ok(strstr(errtext(), "2 labelled customers, 2 churned and 0 stayed: fitting needs both") != NULL,
	   "and says why");
	free(second);
	second = read_all("m3.json", &n2);
	is_str(second, "keep me\n", "the old model is left as it was");

	write_str("bad.csv", "customer,churned\nc1,1\nc2,perhaps\n");
	o.labels = "bad.csv";
	is_int(run_engine(0, &o, "m4.json", "j.ndjson"), 1, "a bad label: exit 1");
	ok(strstr(errtext(), "--labels bad.csv:3: the label must be") != NULL, "with file and line");

	write_str("bad-model.json", "{\"version\":1,\n\"bias\":\"low\",\"weights\":{}}");
	o.labels = "labels.csv";
	o.model = "bad-model.json";
	is_int(run_engine(1, &o, "e.json", "j.ndjson"), 3, "eval --model with a bad model: exit 3");
	ok(strstr(errtext(), "bad-model.json:2: \"bias\" must be a number") != NULL, "with file and line");

	o.model = "m1.json";
	o.holdout = 0.01;
	is_int(run_engine(1, &o, "e0.json", "j.ndjson"), 0, "eval with nobody held out: exit 0");
	ok(strstr(errtext(), "no AUC: no customer held out") != NULL, "and says there is no AUC");
	char *e0 = read_all("e0.json", &n1);
	ok(strstr(e0, "\"held_out\":0,") && strstr(e0, "\"auc\":null,\"precision_top_decile\":null,"),
	   "the measures are null: %s", e0);
	free(e0);
	o.holdout = 0.2;

	write_str("badj.ndjson", "{\"kind\":\"journey\",\"customer\":{\"id\":\"c1\"},\"steps\":[{\"step\":\"signal\","
		  "\"type\":\"refund\",\"ts\":\"yesterday\"}]}\n");
	o.model = NULL;
	is_int(run_engine(0, &o, "m5.json", "badj.ndjson"), 1, "a journey step without a time: exit 1");
	ok(strstr(errtext(), "badj.ndjson:1: a step without a readable \"ts\"") != NULL, "with file and line");
	free(first);
	free(second);
	cs_risk_model_free(m);
	cs_buf_free(&err);
	cs_buf_free(&j);
}

static void test_eval_synthetic(void)
{
	synthesize(3000, "sim.ndjson", "sim.csv");
	struct cs_risk_fit_opts o;
	cs_risk_fit_opts_init(&o);
	o.labels = "sim.csv";
	o.holdout = 0.3;
	is_int(run_engine(1, &o, "eval.json", "sim.ndjson"), 0, "eval: exit 0");
	size_t n;
	char *rec = read_all("eval.json", &n);
	ok(strncmp(rec, "{\"kind\":\"risk_eval\",\"customers\":3000,\"train\":", 45) == 0, "one risk_eval record: %.60s",
	   rec);
	double auc = number_after(rec, "\"auc\":"), held = number_after(rec, "\"held_out\":");
	double top = number_after(rec, "\"precision_top_decile\":"), base = number_after(rec, "\"base_rate\":");
	ok(auc > 0.7, "customers whose churn follows known weights: held-out AUC %.3f > 0.7", auc);
	ok(held > 800 && held < 1000, "about 30%% held out (%.0f)", held);
	ok(top > base * 1.5, "the top decile churns more than the base rate (%.3f against %.3f)", top, base);
	ok(strstr(rec, "\"model\":{\"version\":1,") != NULL, "the fitted model is in the record");
	const char *model = strstr(rec, "\"weights\":");
	for (size_t t = 0; t < 4; t++) {
		char key[40];
		snprintf(key, sizeof key, "\"%s\":", sim_types[t]);
		double w = number_after(model, key);
		ok(fabs(w - sim_weights[t]) < 0.5, "fit on the training customers finds %s's weight %.1f (%.3f)",
		   sim_types[t], sim_weights[t], w);
	}
	errtext();

	write_str("sim-model.json", "{\"version\":1,\"half_life_days\":14,\"bias\":-3,\"weights\":{"
		  "\"repeat_contact\":3,\"refund\":2,\"rage_click\":0.6}}");
	o.model = "sim-model.json";
	is_int(run_engine(1, &o, "eval2.json", "sim.ndjson"), 0, "eval --model");
	char *rec2 = read_all("eval2.json", &n);
	double auc2 = number_after(rec2, "\"auc\":");
	ok(auc2 > 0.7 && fabs(auc2 - auc) < 0.05, "the true weights score the same held-out customers alike (%.3f)",
	   auc2);
	ok(strstr(rec2, "\"train\":0,") && strstr(rec2, "\"model_file\":\"sim-model.json\""),
	   "with --model nothing is trained and the file is named");
	o.model = "risk";
	is_int(run_engine(1, &o, "eval3.json", "sim.ndjson"), 0, "eval --model risk: the shipped model by name");
	char *rec3 = read_all("eval3.json", &n);
	ok(strstr(rec3, "\"bias\":-2.95,") && number_after(rec3, "\"auc\":") > 0.7,
	   "the defaults rank these customers too (AUC %.3f)", number_after(rec3, "\"auc\":"));
	free(rec3);
	free(rec);
	free(rec2);
	errtext();
}

int main(void)
{
	cs_buf err = CS_BUF_INIT;
	cs_risk_model *shipped = cs_risk_model_load("share/signals/risk.json", &err);
	if (!shipped)
		printf("# %s\n", err.p);
	char share[4096];
	if (getcwd(share, sizeof share - 8))
		setenv("CS_SHARE_DIR", strncat(share, "/share", 7), 1);
	fixture_enter("t_risk");
	test_decay();
	test_score();
	test_model_file(shipped);
	test_auc();
	test_logistic();
	test_labels();
	test_held_out();
	test_fit_whole();
	test_eval_synthetic();
	cs_risk_model_free(shipped);
	cs_buf_free(&err);
	if (!getenv("T_RISK_KEEP"))
		fixture_leave();
	else
		printf("# kept %s\n", fixture_dir);
	return tap_done();
}
