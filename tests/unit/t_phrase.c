/* t_phrase: many phrase lists in one pass (svc_phrase.c): nested and
 * overlapping hits, word bounds, Chinese, the same phrase in two lists,
 * stopping early, odd bytes, and random texts against a naive matcher, in
 * the order the header promises. */
#include "svc_phrase.h"
#include "tap.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_HITS 8192

struct hits {
	cs_phrase_hit h[MAX_HITS];
	size_t n, stop_after;   /* stop_after: return non-zero at that many hits (0: never) */
	int ordered;            /* every hit after the one before: by end, then longer first, then by index */
};

/* Does hit b come after hit a in the scan's order? */
static int after(const cs_phrase_hit *a, const cs_phrase_hit *b)
{
	if (a->end != b->end)
		return b->end > a->end;
	if (a->end - a->start != b->end - b->start)
		return b->end - b->start < a->end - a->start;
	return b->phrase > a->phrase;
}

static int keep(void *ctx, const cs_phrase_hit *h)
{
	struct hits *hs = ctx;
	if (hs->n && !after(&hs->h[hs->n - 1], h))
		hs->ordered = 0;
	if (hs->n < MAX_HITS)
		hs->h[hs->n++] = *h;
	return hs->stop_after && hs->n == hs->stop_after;
}

static void scan(const cs_phrases *p, const char *t, size_t len, struct hits *hs)
{
	hs->n = 0;
	hs->ordered = 1;
	cs_phrases_scan(p, t, len, keep, hs);
}

static int has(const struct hits *hs, uint32_t list, size_t s, size_t e)
{
	for (size_t i = 0; i < hs->n; i++)
		if (hs->h[i].list == list && hs->h[i].start == s && hs->h[i].end == e)
			return 1;
	return 0;
}

static uint32_t add(cs_phrases *p, const char *phrase, uint32_t list)
{
	return cs_phrases_add(p, phrase, strlen(phrase), list);
}

struct listed {
	const char *phrase;
	uint32_t list;
};

static cs_phrases *build(const struct listed *ph, size_t n)
{
	cs_phrases *p = cs_phrases_new();
	for (size_t i = 0; i < n; i++)
		add(p, ph[i].phrase, ph[i].list);
	cs_phrases_build(p);
	return p;
}

static size_t at(const char *t, const char *s) { return (size_t)(strstr(t, s) - t); }

static void test_english(struct hits *hs)
{
	static const struct listed phrases[] = {
		{"hi", 0}, {"thank you", 1}, {"thank you for calling", 1}, {"you for", 2}, {"hi", 3}, {"?", 4}, {"7-day", 5},
	};
	cs_phrases *p = build(phrases, 7);
	const char *t = "this: hi! thank you for calling. is it a 7-day plan? thank youu. hi";
	scan(p, t, strlen(t), hs);
	ok(!has(hs, 0, 1, 3), "a word-bounded phrase is not found inside a word (hi in this)");
	ok(has(hs, 0, 6, 8) && has(hs, 3, 6, 8), "the same phrase in two lists is reported for each");
	ok(has(hs, 1, 10, 19) && has(hs, 1, 10, 31), "nested phrases are both reported (thank you, thank you for calling)");
	ok(has(hs, 2, 16, 23), "an overlapping phrase too");
	ok(!has(hs, 1, at(t, "thank youu"), at(t, "thank youu") + 9), "thank you is not found in thank youu");
	ok(has(hs, 4, at(t, "?"), at(t, "?") + 1), "a phrase of punctuation needs no word bounds");
	ok(has(hs, 5, at(t, "7-day"), at(t, "7-day") + 5), "a phrase starting with a digit");
	ok(has(hs, 0, strlen(t) - 2, strlen(t)) && has(hs, 3, strlen(t) - 2, strlen(t)), "a phrase at the very end");
	ok(hs->ordered && hs->n == 9, "every hit once, in order of their end");
	ok(cs_phrases_count(p) == 7 && hs->h[0].phrase == 0 && hs->h[1].phrase == 4, "phrases are numbered as added");
	hs->stop_after = 2;
	scan(p, t, strlen(t), hs);
	ok(hs->n == 2, "the callback stops the scan");
	hs->stop_after = 0;
	scan(p, "", 0, hs);
	ok(hs->n == 0, "empty text");
	scan(p, "h\0hi\xff" "hi\xc3", 8, hs);
	ok(hs->n == 4 && has(hs, 0, 2, 4) && has(hs, 0, 5, 7), "NUL and bytes that are not UTF-8 are scanned as bytes");
	cs_phrases_free(p);

	p = cs_phrases_new();
	scan(p, "hi", 2, hs);
	cs_phrases_build(p);
	scan(p, "hi", 2, hs);
	ok(hs->n == 0, "no phrases: nothing, before or after the build");
	add(p, "hi", 0);
	cs_phrases_build(p);
	scan(p, "hi", 2, hs);
	ok(hs->n == 1, "phrases added after a build are found after the next build");
	cs_phrases_free(p);
}

static void test_chinese(struct hits *hs)
{
	static const struct listed phrases[] = {
		{"差", 0}, {"出差", 1}, {"差评", 2}, {"退款", 3}, {"退款", 4}, {"refund", 5},
	};
	cs_phrases *p = build(phrases, 6);
	const char *t = "我出差评了退款refund退款";
	scan(p, t, strlen(t), hs);
	size_t cha = at(t, "差");
	ok(has(hs, 0, cha, cha + 3) && has(hs, 1, cha - 3, cha + 3) && has(hs, 2, cha, cha + 6),
	   "差 in 出差 and 差评: Chinese needs no bounds, blocking is the caller's");
	ok(has(hs, 3, at(t, "退款"), at(t, "退款") + 6) && has(hs, 4, at(t, "退款"), at(t, "退款") + 6),
	   "a Chinese phrase in two lists");
	ok(has(hs, 5, at(t, "refund"), at(t, "refund") + 6), "an English word between Chinese characters");
	ok(hs->n == 8 && hs->ordered, "every hit, in order of their end");
	cs_phrases_free(p);
}

/* A random string of n pieces from pieces[]. */
static size_t random_text(char *out, size_t n, const char *const *pieces, size_t npieces)
{
	size_t len = 0;
	for (size_t i = 0; i < n; i++) {
		const char *s = pieces[(size_t)rand() % npieces];
		memcpy(out + len, s, strlen(s));
		len += strlen(s);
	}
	return len;
}

static int is_word(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

/* The naive matcher: every place each phrase occurs, with its bounds; all found in hs? */
static int naive_agrees(const struct hits *hs, char (*phrases)[32], size_t nphrases, const char *t, size_t len)
{
	size_t expected = 0;
	for (size_t i = 0; i < nphrases; i++) {
		size_t pl = strlen(phrases[i]);
		for (size_t s = 0; s + pl <= len; s++) {
			if (memcmp(t + s, phrases[i], pl) != 0)
				continue;
			if (is_word(phrases[i][0]) && s > 0 && is_word(t[s - 1]))
				continue;
			if (is_word(phrases[i][pl - 1]) && s + pl < len && is_word(t[s + pl]))
				continue;
			expected++;
			if (!has(hs, (uint32_t)i % 7, s, s + pl))
				return 0;
		}
	}
	return expected == hs->n && hs->ordered;
}

static void test_random(struct hits *hs)
{
	static const char *const pieces[] = {"a", "b", "1", " ", "差", "评", "出", "\xe5", "\0", ","};
	srand(7);
	for (int set = 0; set < 4; set++) {
		cs_phrases *p = cs_phrases_new();
		char phrases[200][32];
		size_t nphrases = set == 3 ? 200 : 40;
		for (size_t i = 0; i < nphrases; i++) {
			size_t len = random_text(phrases[i], 1 + (size_t)rand() % 4, pieces, 7);
			phrases[i][len] = '\0';   /* no NUL, invalid byte or comma in phrases */
			cs_phrases_add(p, phrases[i], len, (uint32_t)i % 7);
		}
		cs_phrases_build(p);
		int same = 1;
		for (int round = 0; round < 300 && same; round++) {
			char text[256];
			size_t len = random_text(text, (size_t)rand() % 60, pieces, sizeof pieces / sizeof *pieces);
			scan(p, text, len, hs);
			same = naive_agrees(hs, phrases, nphrases, text, len);
			if (!same)
				printf("# set %d round %d differs\n", set, round);
		}
		ok(same, "the same hits as a naive matcher on 300 random texts (phrase set %d)", set);
		cs_phrases_free(p);
	}
}

static int same_hits(const struct hits *a, const struct hits *b)
{
	if (a->n != b->n || a->ordered != b->ordered)
		return 0;
	for (size_t i = 0; i < a->n; i++)
		if (memcmp(&a->h[i], &b->h[i], sizeof a->h[i]) != 0)
			return 0;
	return 1;
}

/* Two phrase sets in one pass (cs_phrases_scan2): each set's hits as its own
 * scan gives them, on ASCII and mixed texts; one set stopping early leaves
 * the other going. */
static void test_two_sets(void)
{
	static struct hits p_alone, q_alone, p_both, q_both;
	static const char *const pieces[] = {"a", "b", "1", " ", "差", "评", "出", "\xe5", "ab", ","};
	srand(11);
	cs_phrases *p = cs_phrases_new(), *q = cs_phrases_new();
	for (size_t i = 0; i < 80; i++) {
		char phrase[32];
		size_t len = random_text(phrase, 1 + (size_t)rand() % 4, pieces, 7);
		cs_phrases_add(i % 2 ? p : q, phrase, len, (uint32_t)i % 5);
	}
	cs_phrases_build(p);
	cs_phrases_build(q);
	int same = 1, stops = 1;
	for (int round = 0; round < 600 && same && stops; round++) {
		char text[256];
		/* even rounds: ASCII only (two automata), odd: mixed (four) */
		size_t len = random_text(text, (size_t)rand() % 60, pieces, round % 2 ? 10 : 4);
		scan(p, text, len, &p_alone);
		scan(q, text, len, &q_alone);
		p_both.n = q_both.n = 0;
		p_both.ordered = q_both.ordered = 1;
		p_both.stop_after = q_both.stop_after = 0;
		cs_phrases_scan2(p, keep, &p_both, q, keep, &q_both, text, len);
		same = same_hits(&p_alone, &p_both) && same_hits(&q_alone, &q_both);
		if (p_alone.n >= 2) {
			p_both.n = q_both.n = 0;
			p_both.stop_after = 1;
			cs_phrases_scan2(p, keep, &p_both, q, keep, &q_both, text, len);
			stops = p_both.n == 1 && same_hits(&q_alone, &q_both);
		}
	}
	ok(same, "two sets in one pass: each set's hits, in its own order");
	ok(stops, "one set stopping early stops only its own hits");
	cs_phrases_free(p);
	cs_phrases_free(q);
}

/* Thousands of phrases: each is found in a text that holds them all. */
static void test_many(struct hits *hs)
{
	cs_phrases *p = cs_phrases_new();
	char text[5000 * 16];
	size_t len = 0;
	for (uint32_t i = 0; i < 5000; i++) {
		char phrase[16];
		int n = snprintf(phrase, sizeof phrase, i % 2 ? "w%ux" : "退%u款", i);
		cs_phrases_add(p, phrase, (size_t)n, i);
		memcpy(text + len, phrase, (size_t)n);
		len += (size_t)n;
		text[len++] = ' ';
	}
	cs_phrases_build(p);
	scan(p, text, len, hs);
	int each = hs->n == 5000;
	for (size_t i = 0; each && i < hs->n; i++)
		each = hs->h[i].list == i && hs->h[i].phrase == i;
	ok(each, "5000 phrases, each found once");
	cs_phrases_free(p);
}

/* Whether a text holds a hit at all: whole words stay whole, and an
 * empty set holds none. */
static void test_any(void)
{
	cs_phrases *p = cs_phrases_new(), *none = cs_phrases_new();
	cs_phrases_add(p, "no", 2, 0);
	cs_phrases_add_anywhere(p, "失败", strlen("失败"), 0);
	cs_phrases_build(p);
	cs_phrases_build(none);
	ok(cs_phrases_any(p, "oh no!", 6) && cs_phrases_any(p, "付款失败了", strlen("付款失败了")),
	   "a word, and Chinese inside a run");
	ok(!cs_phrases_any(p, "not now, I know", 15) && !cs_phrases_any(none, "oh no", 5),
	   "no word inside others, nothing in an empty set");
	cs_phrases_free(p);
	cs_phrases_free(none);
}

int main(void)
{
	static struct hits hs;
	test_english(&hs);
	test_chinese(&hs);
	test_random(&hs);
	test_many(&hs);
	test_two_sets();
	test_any();
	return tap_done();
}
