/* fuzz_riskmodel: cs-signals' churn-risk model file reader. A model that
 * loads must write out (as a file and as one line) and read back the same,
 * and score a small customer within 0-100 with at most three reasons. */
#include "eng_signals_risk.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const int64_t now = 1772409600000;

static int same(const cs_risk_model *a, const cs_risk_model *b)
{
	if (a->version != b->version || a->half_life_days != b->half_life_days || a->bias != b->bias ||
	    a->red != b->red || a->yellow != b->yellow || a->n != b->n)
		return 0;
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->types[i], b->types[i]) != 0 || a->weights[i] != b->weights[i])
			return 0;
	return 1;
}

static void read_back(const cs_risk_model *m, int one_line)
{
	cs_buf text = CS_BUF_INIT, err = CS_BUF_INIT;
	if (one_line)
		cs_risk_model_json(m, &text);
	else
		cs_risk_model_write(m, "\"customers\": 1", &text);
	cs_risk_model *back = cs_risk_model_parse("back.json", text.p, text.len, &err);
	if (!back || !same(m, back))
		abort();
	cs_risk_model_free(back);
	cs_buf_free(&text);
	cs_buf_free(&err);
}

static void score_one(const cs_risk_model *m)
{
	cs_risk_features f = CS_RISK_FEATURES_INIT;
	for (size_t i = 0; i < m->n && i < 8; i++)
		cs_risk_features_add(&f, m->types[i], strlen(m->types[i]), now - (int64_t)i * CS_RISK_DAY_MS);
	cs_risk_features_add(&f, "repeat_contact", 14, now + 1);
	cs_risk_features_compute(&f, now, m);
	struct cs_risk_result r;
	cs_risk_score(m, &f, &r);
	if (r.score < 0 || r.score > 100 || r.nreasons > CS_RISK_REASONS)
		abort();
	for (size_t i = 0; i < r.nreasons; i++)
		if (!(r.reasons[i].contribution > 0) || strlen(r.reasons[i].text) >= sizeof r.reasons[i].text)
			abort();
	cs_risk_features_free(&f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cs_buf err = CS_BUF_INIT;
	cs_risk_model *m = cs_risk_model_parse("fuzz.json", (const char *)data, size, &err);
	if (m) {
		read_back(m, 0);
		read_back(m, 1);
		score_one(m);
		cs_risk_model_free(m);
	} else if (!err.p || strncmp(err.p, "fuzz.json:", 10) != 0) {
		abort();   /* every refusal names the file and line */
	}
	cs_buf_free(&err);
	return 0;
}
