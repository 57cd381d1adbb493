/* fuzz_lexicon: the sentiment lexicon readers (word TAB valence lines, as
 * --lexicon reads them; or, by the first byte, one of the shipped files:
 * VADER's, the emoji lexicon, the Chinese rules, the emotion words), then the
 * scorer on a few texts and on the input itself, with the words just read:
 * the input scores the same with the token cache the texts warmed as with an
 * empty one. */
#include "svc_sentiment.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const texts[] = {"not very GOOD but kind of ok!!", "服务不太好，但是价格很便宜！", "😁 no problem"};
	cs_lexicon *lx = cs_lexicon_new();
	cs_buf err = CS_BUF_INIT;
	static const char *const shipped[] = {"vader_lexicon.txt", "emoji_utf8_lexicon.txt", "zh_rules.tsv",
					      "emotions.tsv"};
	/* a first byte 0..3: a shipped file; anything else (text) is read as --lexicon reads it */
	if (size && data[0] < sizeof shipped / sizeof *shipped)
		cs_lexicon_load_shipped_mem(lx, shipped[data[0]], (const char *)data + 1, size - 1, &err);
	else
		cs_lexicon_load_mem(lx, "fuzz.tsv", (const char *)data, size, &err);
	cs_senti s = CS_SENTI_INIT;
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
		cs_senti_score(lx, texts[i], strlen(texts[i]), &s);
	cs_senti_score(lx, (const char *)data, size, &s);
	cs_senti_score(lx, (const char *)data, size, &s);   /* now every token of it that fits is cached */
	cs_senti cold = CS_SENTI_INIT;
	cs_senti_score(lx, (const char *)data, size, &cold);
	if (s.compound != cold.compound || s.pos != cold.pos || s.neg != cold.neg || s.label != cold.label ||
	    s.nhits != cold.nhits)
		abort();
	cs_senti_free(&cold);
	cs_senti_free(&s);
	cs_lexicon_free(lx);
	cs_buf_free(&err);
	return 0;
}
