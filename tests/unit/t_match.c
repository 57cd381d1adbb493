/* t_match: the phrase matcher (svc_phrase.c) and sensitive numbers
 * (svc_detect.c); PCRE2 with limits is t_regex's. */
#include "svc_detect.h"
#include "svc_phrase.h"
#include "tap.h"
#include <stdlib.h>
#include <string.h>

struct hits {
	cs_phrase_hit h[4096];
	size_t n;
};

static int keep(void *ctx, const cs_phrase_hit *h)
{
	struct hits *hs = ctx;
	if (hs->n < 4096)
		hs->h[hs->n++] = *h;
	return 0;
}

static int has(const struct hits *hs, uint32_t list, size_t s, size_t e)
{
	for (size_t i = 0; i < hs->n; i++)
		if (hs->h[i].list == list && hs->h[i].start == s && hs->h[i].end == e)
			return 1;
	return 0;
}

static void test_phrases(void)
{
	cs_phrases *p = cs_phrases_new();
	const char *words[] = {"hi", "thank you", "thank you for calling", "差", "出差", "?"};
	for (size_t i = 0; i < 6; i++)
		cs_phrases_add(p, words[i], strlen(words[i]), (uint32_t)(i < 3 ? 0 : i));
	cs_phrases_add(p, "hi", 2, 9);
	cs_phrases_build(p);
	struct hits hs = {.n = 0};
	const char *t = "this: hi! thank you for calling. 我出差了? hi";
	cs_phrases_scan(p, t, strlen(t), keep, &hs);
	ok(!has(&hs, 0, 1, 3), "a word-bounded phrase is not found inside a word (hi in this)");
	ok(has(&hs, 0, 6, 8) && has(&hs, 9, 6, 8), "the same phrase in two lists is reported for each");
	ok(has(&hs, 0, 10, 19) && has(&hs, 0, 10, 31), "nested phrases are both reported");
	size_t cha = strstr(t, "差") - t;
	ok(has(&hs, 4, cha - 3, cha + 3) && has(&hs, 3, cha, cha + 3), "Chinese matches anywhere, overlaps included");
	ok(has(&hs, 5, strstr(t, "?") - t, strstr(t, "?") - t + 1), "a phrase of punctuation needs no word bounds");
	ok(has(&hs, 0, strlen(t) - 2, strlen(t)), "a phrase at the very end");
	hs.n = 0;
	cs_phrases_scan(p, "", 0, keep, &hs);
	cs_phrases_scan(p, "h\0hi\xff", 5, keep, &hs);
	ok(hs.n == 2, "empty text, NUL and invalid bytes are scanned safely");
	cs_phrases_free(p);

	/* against a naive matcher, on random text over a small alphabet */
	srand(7);
	const char alphabet[] = "abc ";
	cs_phrases *q = cs_phrases_new();
	char pats[60][6];
	for (int i = 0; i < 60; i++) {
		int n = 1 + rand() % 4;
		for (int k = 0; k < n; k++)
			pats[i][k] = alphabet[rand() % 3];   /* letters only: no spaces in phrases */
		pats[i][n] = '\0';
		cs_phrases_add(q, pats[i], (size_t)n, (uint32_t)i);
	}
	cs_phrases_build(q);
	int same = 1;
	for (int round = 0; round < 200 && same; round++) {
		char text[64];
		int n = rand() % 63;
		for (int k = 0; k < n; k++)
			text[k] = alphabet[rand() % 4];
		hs.n = 0;
		cs_phrases_scan(q, text, (size_t)n, keep, &hs);
		size_t expected = 0;
		for (int i = 0; i < 60; i++) {
			size_t pl = strlen(pats[i]);
			for (size_t s = 0; s + pl <= (size_t)n; s++) {
				if (memcmp(text + s, pats[i], pl) != 0)
					continue;
				int word = (s == 0 || text[s - 1] == ' ') && (s + pl == (size_t)n || text[s + pl] == ' ');
				if (!word)
					continue;
				expected++;
				same &= has(&hs, (uint32_t)i, s, s + pl);
			}
		}
		same &= expected == hs.n;
	}
	ok(same, "the same hits as a naive matcher on 200 random texts");
	cs_phrases_free(q);
}

static int card(const char *t)
{
	size_t ms, me;
	return cs_detect_find(CS_DETECT_CARD, t, strlen(t), 0, &ms, &me);
}

static int cn_id(const char *t, size_t *ms, size_t *me)
{
	return cs_detect_find(CS_DETECT_CN_ID, t, strlen(t), 0, ms, me);
}

static void test_detect(void)
{
	ok(card("card 4111 1111 1111 1111.") && card("5500-0000-0000-0004") && card("4111111111111111"),
	   "card numbers, grouped or not");
	ok(!card("4111 1111 1111 1112") && !card("order 2026030212345678") && !card("call 138 0013 8000"),
	   "not a failed check digit, an order number or a phone number");
	ok(!card("x41111111111111110"), "not a valid number inside a longer run of digits");
	size_t ms = 0, me = 0;
	ok(cn_id("身份证 11010519491231002X 谢谢", &ms, &me) && me - ms == 18, "a PRC ID with its check character");
	ok(cn_id("11010519491231002x", &ms, &me), "a lower-case x");
	ok(!cn_id("110105194912310021", &ms, &me) && !cn_id("110105194913310023", &ms, &me),
	   "not a wrong check character or a month 13");
	ok(strcmp(cs_detect_name(CS_DETECT_CARD), "card_number") == 0, "names");
}

int main(void)
{
	test_phrases();
	test_detect();
	return tap_done();
}
