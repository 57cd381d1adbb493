/* fuzz_scorecard: cs-qa's scorecard reader, and every condition of a
 * scorecard that loads checked against a small conversation with times,
 * call offsets, English and Chinese text. */
#include "eng_qa_card.h"
#include "eng_qa_eval.h"
#include "svc_sentiment.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct qa_msg_in msgs[] = {
	{"m1", "", "Hello, I was charged TWICE for order 55120!", 2, 0, 44, QA_ROLE_CUSTOMER, 1772413200000, 0, 4000,
	 0},
	{"m2", "hold", "您好，非常抱歉，我先核实一下。请稍等", 2, 4, 54, QA_ROLE_AGENT, 1772413230000, 3000, 9000, 0},
	{"m3", "", "card 4111 1111 1111 1111, id 11010519491231002X? anything else", 2, 0, 62, QA_ROLE_AGENT,
	 QA_NO_TIME, 9500, 12000, 0},
};

static void check_all(qa_conv *c, const qa_card *card)
{
	for (size_t i = 0; i < card->nitems; i++) {
		const struct qa_item *it = &card->items[i];
		if (it->applies)
			qa_eval(c, it->applies);
		qa_eval(c, it->pass ? it->pass : it->fail);
	}
	for (size_t i = 0; i < card->nalerts; i++)
		qa_eval(c, card->alerts[i].when);
	for (int m = 0; m < QA_M_N; m++) {
		double v;
		uint32_t at;
		qa_metric(c, (enum qa_metric)m, &v, &at);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cs_buf err = CS_BUF_INIT;
	qa_card *card = qa_card_load_mem("fuzz.json", (const char *)data, size, &err);
	if (card) {
		cs_lexicon *lx = cs_lexicon_new();
		qa_conv c;
		qa_conv_init(&c, card, lx, 3);
		for (int round = 0; round < 2; round++) {   /* twice: the memo must be reset */
			qa_conv_reset(&c, "phone", 5);
			for (size_t i = 0; i < sizeof msgs / sizeof *msgs; i++) {
				struct qa_msg_in in = msgs[i];
				in.text_len = strlen(in.text);
				qa_conv_add(&c, &in);
			}
			check_all(&c, card);
		}
		qa_conv_free(&c);
		cs_lexicon_free(lx);
		qa_card_free(card);
	}
	cs_buf_free(&err);
	return 0;
}
