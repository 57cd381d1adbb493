/* fuzz_model: the intent model reader (the bytes after zstd), and a model
 * that loads scoring a text. */
#include "svc_intent.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cs_buf err = CS_BUF_INIT;
	cs_intent_model *m = cs_intent_load_mem((const char *)data, size, "fuzz.model", &err);
	if (m) {
		double *scores = malloc(cs_intent_labels(m) * sizeof *scores);
		cs_intent_scratch *s = cs_intent_scratch_new();
		cs_intent_scores(m, "where is my refund 我的退款", 30, s, scores);
		cs_intent_confidence(m, scores);
		cs_intent_scratch_free(s);
		free(scores);
		cs_intent_free(m);
	}
	cs_buf_free(&err);
	return 0;
}
