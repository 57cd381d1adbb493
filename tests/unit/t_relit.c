/* t_relit: the literals a pattern cannot match without (lib/svc_relit.c),
 * and the regex prefilter built on them (lib/svc_regex.c): every match
 * PCRE2 finds holds one of them, and cs_regex_find finds what PCRE2 does. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "svc_regex.h"
#include "svc_relit.h"
#include "tap.h"
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

/* The pattern's literals, sorted and joined by commas ("" for none). */
static const char *required(const char *pattern)
{
	static char out[1024];
	cs_relits lits = {0};
	size_t n = cs_relit_required(pattern, strlen(pattern), &lits);
	char words[CS_RELIT_MAX][64];
	for (size_t k = 0; k < n; k++)
		snprintf(words[k], sizeof words[k], "%.*s", (int)lits.len[k], lits.text.p + lits.off[k]);
	qsort(words, n, sizeof *words, (int (*)(const void *, const void *))strcmp);
	out[0] = '\0';
	for (size_t k = 0; k < n; k++) {
		if (k)
			strcat(out, ",");
		strcat(out, words[k]);
	}
	cs_buf_free(&lits.text);
	return out;
}

static void test_required(void)
{
	is_str(required("refund"), "refund", "a literal");
	is_str(required("退款|refund"), "refund,退款", "alternatives at the top: each one's");
	is_str(required("colou?r"), "colo", "an optional character ends the run before it");
	is_str(required("ab+c"), "ab", "a repeated character belongs to the run before it, then a run starts over");
	is_str(required("a{2,3}bcd"), "bcd", "the longest of several runs");
	is_str(required("[abc]def"), "def", "a class is no literal");
	is_str(required("(foo|bar)+bazz"), "bazz", "a group's literals or a run: the longer shortest wins");
	is_str(required("(?:foo|barr)x"), "barr,foo", "a group of words");
	is_str(required("(?:foo)?bar"), "bar", "an optional group requires nothing");
	is_str(required("x(?=abcdef)"), "x", "a lookahead's literals are not consumed: left out");
	is_str(required("(?<!abcdef)x"), "x", "nor a lookbehind's");
	is_str(required("\\bhi\\b"), "hi", "word bounds are no characters");
	is_str(required("a\\.b\\-c"), "a.b-c", "escaped punctuation is literal");
	is_str(required("(?<name>bcd)a"), "bcd", "a named group");
	is_str(required("中文\\s*客服"), "中文", "Chinese characters, whole; of equals, the first");
	is_str(required("^\\W*(?:human|agent)\\W*$"), "agent,human", "anchors and classes around a group");
	is_str(required("(?:talk|speak)\\s+(?:to|with)\\s+(?:a\\s+)?(?:person|human)\\b"), "human,person",
	       "the group whose shortest literal is longest");
	is_str(required("(?:abc|abd)x(?:efg)"), "efg", "of sets with the same shortest, the smaller");
	is_str(required("i\\s+(?:want|need)"), "need,want", "a group longer than the run before it");
	is_str(required("[[:alpha:]]x"), "x", "a POSIX class inside a class");
	is_str(required("[[:]|[^y|[9]abc"), "", "\"[:]\" is no POSIX class: the class is \"[\" and \":\", then an alternative");
	is_str(required("[[:a]b:]xyz]"), "b:]xyz]", "nor is one with \"]\" before its \":]\": the class ends there");

	static const char *none[] = {
		"(?i)refund", "a(?i)b", "\\d+", "(a|)", "(?:a|b*)", "\\x41bc", "\\p{Han}+", "(abc)\\1", "\\Qab\\E",
		"a{,3}", "{abc", "(?#x)abc", "(?>abc)", "abc)", "(abc", "[abc", "(*UTF)abc", ".*", "a*", "",
		"(?=abc)", "\\", "\\Kabc",
	};
	int all_none = 1;
	for (size_t i = 0; i < sizeof none / sizeof *none; i++)
		if (required(none[i])[0]) {
			printf("# %s: %s\n", none[i], required(none[i]));
			all_none = 0;
		}
	ok(all_none, "no literals for what is beyond the analysis, or requires none");
}

static uint64_t next_random(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* Texts of words some patterns hold, in random order; for each, PCRE2 on
 * its own and cs_regex_find (with its prefilter) agree, and a match holds
 * a literal. */
static void test_prefilter(void)
{
	static const char *patterns[] = {
		"\\b(?:talk|speak|chat|connect|transfer|put|get)\\s+(?:me\\s+)?(?:to|with|through\\s+to)\\s+"
		"(?:a\\s+|an\\s+|the\\s+)?(?:real\\s+|live\\s+)?(?:person|human|agent|rep|operator)\\b",
		"^\\W*(?:human|agent|person)\\W*$", "colou?r", "ab+c", "(?:foo|bar)x", "x(?=abc)", "转\\s*人工", "a\\.b",
		"(?<!no )refund", "wait(?:ing)?\\s+for",
	};
	static const char *words[] = {
		"talk", "to", "a", "person", "human", "agent", "speak", "with", "rep", "get", "me", " ", "  ", "!", "color",
		"colour", "abbbc", "ac", "foox", "barx", "xabc", "x", "转", "人工", "a.b", "no ", "refund", "waiting",
		"for", "wait", "中文", "ab", "c",
	};
	size_t npat = sizeof patterns / sizeof *patterns, nwords = sizeof words / sizeof *words;
	uint64_t rng = 0x9E3779B97F4A7C15ull;
	int agree = 1, holds = 1, filtered = 0;
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	for (size_t p = 0; p < npat; p++) {
		int ec;
		PCRE2_SIZE off;
		pcre2_code *code = pcre2_compile((PCRE2_SPTR)patterns[p], PCRE2_ZERO_TERMINATED,
						 PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF, &ec, &off, NULL);
		cs_buf err = CS_BUF_INIT;
		cs_regex *re = cs_regex_new(patterns[p], strlen(patterns[p]), &err);
		cs_relits lits = {0};
		size_t nlits = cs_relit_required(patterns[p], strlen(patterns[p]), &lits);
		filtered += nlits > 0;
		for (int t = 0; t < 3000 && code && re; t++) {
			char text[256];
			size_t len = 0, nw = 1 + next_random(&rng) % 8;
			for (size_t w = 0; w < nw; w++) {
				const char *word = words[next_random(&rng) % nwords];
				memcpy(text + len, word, strlen(word));
				len += strlen(word);
				if (next_random(&rng) % 2)
					text[len++] = ' ';
			}
			text[len] = '\0';
			size_t start = next_random(&rng) % 4 == 0 ? next_random(&rng) % (len + 1) : 0;
			int rc = pcre2_match(code, (PCRE2_SPTR)text, len, start, 0, md, NULL);
			size_t ms = 0, me = 0;
			int got = cs_regex_find(re, text, len, start, &ms, &me);
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
			if (rc >= 0 && ((text[start] & 0xC0) != 0x80)) {
				agree &= got == 1 && ms == ov[0] && me == ov[1];
				int any = nlits == 0;
				for (size_t k = 0; k < nlits && !any; k++)
					any = memmem(text + ov[0], ov[1] - ov[0], lits.text.p + lits.off[k], lits.len[k]) != NULL;
				holds &= any;
			} else if (rc == PCRE2_ERROR_NOMATCH) {
				agree &= got == 0;
			}
		}
		cs_buf_free(&lits.text);
		cs_buf_free(&err);
		cs_regex_free(re);
		pcre2_code_free(code);
	}
	pcre2_match_data_free(md);
	ok(filtered == (int)npat, "every pattern of the test has a prefilter");
	ok(agree, "with its prefilter cs_regex_find finds what PCRE2 finds, from any start");
	ok(holds, "and every match holds one of the pattern's literals");
}

int main(void)
{
	test_required();
	test_prefilter();
	cs_regex_thread_done();
	return tap_done();
}
