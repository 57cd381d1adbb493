/* fuzz_intent: scoring texts with the intent model's word cache. Each line
 * of the input is a text, scored by a scratch that lives across inputs (its
 * cache warm, filling and starting over) and by one whose cache is emptied
 * first (scoring with another model does that): the scores must be the same
 * bit for bit, whatever the bytes (invalid UTF-8, long words, Han runs). */
#include "svc_intent.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const names[] = {"order_status", "refund", "account"};
static const struct {
	const char *text;
	uint32_t label;
} examples[] = {
	{"where is my order", 0}, {"my parcel has not arrived", 0}, {"track my package please", 0},
	{"我的订单还没到", 0}, {"快递到哪里了", 0}, {"I want a refund", 1}, {"give me my money back", 1},
	{"refund my order please", 1}, {"我要退款", 1}, {"退货怎么办", 1}, {"I forgot my password", 2},
	{"cannot log in to my account", 2}, {"reset my password", 2}, {"忘记密码了", 2}, {"账号被锁了", 2},
};
#define NEX (sizeof examples / sizeof *examples)

static cs_intent_model *model, *other;
static cs_intent_scratch *warm, *cold;

static cs_intent_model *train(uint64_t seed)
{
	struct cs_intent_example ex[NEX];
	for (size_t i = 0; i < NEX; i++)
		ex[i] = (struct cs_intent_example){examples[i].text, strlen(examples[i].text), examples[i].label};
	struct cs_intent_params p;
	cs_intent_params_init(&p);
	p.seed = seed;
	return cs_intent_train(ex, NEX, names, 3, &p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!model) {
		model = train(1);
		other = train(2);
		warm = cs_intent_scratch_new();
		cold = cs_intent_scratch_new();
	}
	const char *text = (const char *)data, *end = text + size;
	while (text <= end) {
		const char *nl = memchr(text, '\n', (size_t)(end - text));
		size_t len = (size_t)((nl ? nl : end) - text);
		double a[3], b[3];
		cs_intent_scores(model, text, len, warm, a);
		cs_intent_scores(other, "", 0, cold, b);
		cs_intent_scores(model, text, len, cold, b);
		if (memcmp(a, b, sizeof a) != 0)
			abort();
		if (!nl)
			break;
		text = nl + 1;
	}
	return 0;
}
