/* t_regex: PCRE2 with limits (svc_regex.c): matches, start offsets, a bad
 * pattern, catastrophic backtracking stopped and counted, text that is not
 * all UTF-8, Traditional characters of a pattern read as Simplified. */
#include "svc_regex.h"
#include "tap.h"
#include <stdlib.h>
#include <string.h>

static cs_regex *compile(const char *pattern)
{
	cs_buf err = CS_BUF_INIT;
	cs_regex *re = cs_regex_new(pattern, strlen(pattern), &err);
	if (!re)
		printf("# %s: %s\n", pattern, err.p);
	cs_buf_free(&err);
	return re;
}

static void test_find(void)
{
	cs_regex *re = compile("order #?(\\d{5})");
	size_t ms = 0, me = 0;
	ok(re && cs_regex_find(re, "my order #55120 is", 18, 0, &ms, &me) == 1 && ms == 3 && me == 15, "finds a match");
	ok(cs_regex_find(re, "my order #55120 is", 18, 4, &ms, &me) == 0, "from a start offset");
	ok(cs_regex_find(re, "my order #55120 is", 18, 19, &ms, &me) == 0, "a start past the end is no match");
	cs_regex_free(re);

	re = compile("退款|refund");
	const char *t = "申请退款, refund";
	ok(cs_regex_find(re, t, strlen(t), 0, &ms, &me) == 1 && ms == 6 && me == 12, "Chinese, offsets in bytes");
	ok(cs_regex_find(re, t, strlen(t), 7, &ms, &me) == 1 && ms == 14,
	   "a start inside a character goes on from the next one");
	cs_regex_free(re);

	re = compile("\\bwait\\w*");
	ok(cs_regex_find(re, "still waiting", 13, 0, &ms, &me) == 1 && ms == 6 && me == 13, "\\b and \\w");
	cs_regex_free(re);
}

static void test_errors_and_limits(void)
{
	cs_buf err = CS_BUF_INIT;
	ok(cs_regex_new("(a", 2, &err) == NULL && strstr(err.p, "offset 2: "), "a bad pattern is refused with its offset");
	cs_buf_reset(&err);
	ok(cs_regex_new("a{2,1}", 6, &err) == NULL && strstr(err.p, "offset 5: "), "and PCRE2's message");
	cs_buf_free(&err);

	cs_regex *re = compile("(a+)+$");
	size_t len = 100000, ms, me;
	char *text = malloc(len + 1);
	memset(text, 'a', len);
	text[len - 1] = 'b';
	text[len] = '\0';
	ok(cs_regex_find(re, text, len, 0, &ms, &me) == -1 && cs_regex_limit_hits(re) == 1,
	   "catastrophic backtracking stops at the limit and is counted");
	ok(cs_regex_find(re, "aaa", 3, 0, &ms, &me) == 1 && cs_regex_limit_hits(re) == 1, "and the pattern still works");
	free(text);
	cs_regex_free(re);

	re = compile("^(\\w+\\s?)*$");
	char words[6000];
	for (size_t i = 0; i < sizeof words - 1; i++)
		words[i] = i % 7 == 6 ? ' ' : 'w';
	words[sizeof words - 2] = '!';
	words[sizeof words - 1] = '\0';
	ok(cs_regex_find(re, words, strlen(words), 0, &ms, &me) == -1, "a nested repeat over words stops too");
	cs_regex_free(re);
}

static void test_not_utf8(void)
{
	cs_regex *re = compile("refund");
	size_t ms = 0, me = 0;
	const char t[] = "a\xff\xfe refund \xc3";
	ok(cs_regex_find(re, t, sizeof t - 1, 0, &ms, &me) == 1 && ms == 4 && me == 10,
	   "bytes that are not UTF-8 do not hide a match elsewhere");
	ok(cs_regex_limit_hits(re) == 0, "and are not counted as a limit");
	cs_regex_free(re);
	re = compile("a.b");
	ok(cs_regex_find(re, "a\xff" "b", 3, 0, &ms, &me) == 0, "a byte that is not UTF-8 matches nothing, not even .");
	ok(cs_regex_find(re, "a\xc3\xa9" "b", 4, 0, &ms, &me) == 1 && me == 4, ". is a whole character");
	ok(cs_regex_find(re, "", 0, 0, &ms, &me) == 0, "empty text");
	cs_regex_free(re);
	cs_regex_thread_done();
}

static void test_literals(void)
{
	cs_regex *re = compile("(refund|return)s?\\b");
	const cs_relits *lits = cs_regex_literals(re);
	ok(lits && lits->n == 2 && memcmp(lits->text.p + lits->off[1], "return", 6) == 0,
	   "a pattern's literals, for a caller's own pass");
	size_t ms, me;
	ok(cs_regex_find_unfiltered(re, "any returns", 11, 0, &ms, &me) == 1 && ms == 4 && me == 11,
	   "and the match without the pattern's own pass");
	ok(cs_regex_find_unfiltered(re, "any returns", 11, 5, &ms, &me) == 0, "from a start offset");
	cs_regex_free(re);
	re = compile("(?i)refund");
	ok(cs_regex_literals(re) == NULL, "no literals when the pattern sets options");
	cs_regex_free(re);
}

/* Texts all in ASCII are matched by the pattern compiled without Unicode
 * properties: the same matches, and Chinese still a word character elsewhere. */
static void test_ascii_texts(void)
{
	cs_regex *re = compile("\\bhi\\w*\\b");
	size_t ms = 0, me = 0;
	ok(cs_regex_find(re, "oh, hiya!", 9, 0, &ms, &me) == 1 && ms == 4 && me == 8, "an ASCII text");
	ok(cs_regex_find(re, "ohhi", 4, 0, &ms, &me) == 0, "\\b in an ASCII text");
	ok(cs_regex_find(re, "\xe4\xb8\xadhi", 5, 0, &ms, &me) == 0, "a Han character is a word character: no \\b before hi");
	ok(cs_regex_find(re, "\xe3\x80\x82hi\xe4\xb8\xad", 8, 0, &ms, &me) == 1 && ms == 3 && me == 8,
	   "and \\w takes it in, where punctuation of CJK is no word character");
	ok(cs_regex_find(re, "hi", 2, 0, &ms, &me) == 1 && me == 2, "ASCII again after other texts");
	cs_regex_free(re);
	cs_regex_thread_done();
}

/* Normalized text has Simplified for Traditional (cs_t2s), so a pattern
 * written in Traditional is read the same way, in a class too, but for the
 * ends of a range. */
static void test_traditional(void)
{
	size_t ms = 0, me = 0;
	cs_regex *re = compile("還款|發票");
	const char *t = "申请还款";
	ok(re && cs_regex_find(re, t, strlen(t), 0, &ms, &me) == 1 && ms == 6 && me == 12,
	   "a Traditional pattern matches the Simplified text");
	ok(cs_regex_literals(re) && cs_regex_find_unfiltered(re, "发票", 6, 0, &ms, &me) == 1,
	   "and its literals, for the prefilter, are Simplified too");
	cs_regex_free(re);
	re = compile("[還發]款");
	ok(re && cs_regex_find(re, t, strlen(t), 0, &ms, &me) == 1, "in a class");
	cs_regex_free(re);
	re = compile("\\Q還\\E款");
	ok(re && cs_regex_find(re, t, strlen(t), 0, &ms, &me) == 1, "between \\Q and \\E");
	cs_regex_free(re);
	re = compile("[還-邊]");   /* folded, 还-边 would run backwards */
	ok(re != NULL, "the ends of a range stay as written");
	cs_regex_free(re);
	const char *members[] = {"[-還]", "[還-]", "[\\-還]", "[[:digit:]還]"};
	for (size_t k = 0; k < sizeof members / sizeof *members; k++) {
		re = compile(members[k]);
		ok(re && cs_regex_find(re, "还", 3, 0, &ms, &me) == 1, "%s: no range", members[k]);
		cs_regex_free(re);
	}
	cs_buf err = CS_BUF_INIT;
	ok(cs_regex_new("還(", 4, &err) == NULL && strstr(err.p, "offset 4: "), "an error's offset is in the pattern as written");
	cs_buf_free(&err);
}

int main(void)
{
	test_traditional();
	test_literals();
	test_ascii_texts();
	test_find();
	test_errors_and_limits();
	test_not_utf8();
	return tap_done();
}
