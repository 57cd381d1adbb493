/* t_detect: sensitive numbers (svc_detect.c): card numbers with the Luhn
 * check, PRC resident ID numbers with their check character, province and
 * birth date; what must not match (order and phone numbers, numbers no
 * card network issues or groups so, longer runs). */
#include "svc_detect.h"
#include "tap.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int find(enum cs_detect_kind k, const char *t, size_t *ms, size_t *me)
{
	return cs_detect_find(k, t, strlen(t), 0, ms, me);
}

/* The span found in t, as a string ("" when none). */
static const char *found(enum cs_detect_kind k, const char *t)
{
	static char span[128];
	size_t ms = 0, me = 0;
	span[0] = '\0';
	if (find(k, t, &ms, &me) == 1 && me - ms < sizeof span)
		snprintf(span, sizeof span, "%.*s", (int)(me - ms), t + ms);
	return span;
}

struct example {
	const char *text, *want, *what;   /* want: the span found, "" for none */
};

static void check_examples(enum cs_detect_kind k, const struct example *ex, size_t n)
{
	for (size_t i = 0; i < n; i++)
		is_str(found(k, ex[i].text), ex[i].want, "%s", ex[i].what);
}

static void test_cards(void)
{
	static const struct example cards[] = {
		{"card 4111 1111 1111 1111.", "4111 1111 1111 1111", "a card grouped by spaces"},
		{"5500-0000-0000-0004", "5500-0000-0000-0004", "grouped by dashes"},
		{"卡号4111111111111111谢谢", "4111111111111111", "ungrouped, between Chinese"},
		{"amex 3782 822463 10005", "3782 822463 10005", "15 digits in groups of 4-6-5"},
		{"4222222222222", "4222222222222", "13 digits"},
		{"4111 1111 1111 1111 202", "4111 1111 1111 1111", "a security code after the number does not hide it"},
		{"it's 4111111111111111 12 28", "4111111111111111", "nor an expiry date"},
		{"ref 12 4111 1111 1111 1111", "4111 1111 1111 1111", "a group before it is left out"},
		{"4111 1111 1111 1112", "", "not a failed check digit"},
		{"order 2026030212345678", "", "not an order number"},
		{"call 138 0013 8000 or 400-820-8820", "", "not phone numbers"},
		{"x41111111111111110", "", "not inside a longer run of digits"},
		{"41111111111111111", "", "nor at the start of one"},
		{"4111  1111 1111 1111", "", "two spaces end a group"},
		{"4111 1111 1111 1111-", "4111 1111 1111 1111", "a trailing dash is not a group"},
		{"411111111111", "", "not 12 digits"},
		{"12345678901234567890123", "", "not a run of 23 digits"},
		{"4111111111111111abc", "", "not glued to letters after it"},
		{"jcb 3530111333300000, diners 30569309025904", "3530111333300000", "JCB"},
		{"diners 30569309025904", "30569309025904", "Diners Club, 14 digits"},
		{"6011 1111 1111 1117", "6011 1111 1111 1117", "Discover"},
		{"2221 0000 0000 0009", "2221 0000 0000 0009", "Mastercard's 2-series"},
		{"6222 0212 3456 7890 128", "6222 0212 3456 7890 128", "UnionPay, 19 digits in fours and a three"},
		{"card number is 4111 1111 1111 1111", "4111 1111 1111 1111", "named a card"},
		{"my order, paid with 4111 1111 1111 1111", "4111 1111 1111 1111", "an order said before it, not naming it"},
		{"border 4111111111111111", "4111111111111111", "a word that ends in order"},
	};
	check_examples(CS_DETECT_CARD, cards, sizeof cards / sizeof *cards);
}

/* Numbers that pass Luhn's check but are no card: no network issues them,
 * they are grouped as no card is, or their name says what they are. */
static void test_not_cards(void)
{
	static const struct example not_cards[] = {
		{"order 112-7034851-3920226 shipped", "", "an Amazon order id (3-7-7)"},
		{"您的订单号 2314567890123456784 已经发货了", "", "a 19-digit order number after 订单号"},
		{"1234567890123007", "", "no issuer starts with 1"},
		{"7100000000000004 and 9100000000000000", "", "nor with 7 or 91"},
		{"411111111111116", "", "Visa has no 15 digits"},
		{"4111 111111 111111", "", "4-6-6 is no card grouping"},
		{"4111 1111 1111 1111111", "", "nor four and a seven"},
		{"order number: 4111 1111 1111 1111", "", "named an order number"},
		{"Tracking No. 4111111111111111", "", "a tracking number"},
		{"your order id is #4111111111111111", "", "an order id"},
		{"reference 4111-1111-1111-1111", "", "a reference"},
		{"订单号：4111111111111111", "", "订单号"},
		{"快递单号4111111111111111", "", "单号"},
		{"訂單編號 4111111111111111", "", "訂單編號"},
	};
	check_examples(CS_DETECT_CARD, not_cards, sizeof not_cards / sizeof *not_cards);
}

static void test_card_offsets(void)
{
	const char *two = "4111111111111111 and 5500000000000004";
	size_t ms = 0, me = 0;
	ok(cs_detect_find(CS_DETECT_CARD, two, strlen(two), 16, &ms, &me) == 1 && ms == 21 && me == 37,
	   "the next one from a start offset");
	ok(cs_detect_find(CS_DETECT_CARD, "", 0, 0, &ms, &me) == 0, "empty text");
	ok(cs_detect_find(CS_DETECT_CARD, "4111111111111111", 16, 17, &ms, &me) == 0, "a start past the end");
}

static void test_cn_ids(void)
{
	static const struct example ids[] = {
		{"身份证 11010519491231002X 谢谢", "11010519491231002X", "a PRC ID with its check character"},
		{"id:11010519491231002x", "11010519491231002x", "a lower-case x (normalized text)"},
		{"440304200002291236", "440304200002291236", "born on 29 February of a leap year"},
		{"440304190002291237 44030419000229123X", "", "not of 1900, no leap year"},
		{"310104198004314569", "", "not born on 31 April"},
		{"110105194913310023", "", "not in a month 13"},
		{"110105194912310021", "", "not a wrong check character"},
		{"990105194912310023", "", "not a province 99"},
		{"111010519491231002X", "", "not inside a longer run of digits"},
		{"11010519491231002X1", "", "nor followed by a digit"},
		{"订单 202603021234567890 电话 13800138000", "", "order and phone numbers"},
		{"1101051949123100", "", "too short at the end of the text"},
	};
	check_examples(CS_DETECT_CN_ID, ids, sizeof ids / sizeof *ids);
	size_t ms = 0, me = 0;
	const char *t = "310104198004304563 又 11010519491231002X";
	ok(cs_detect_find(CS_DETECT_CN_ID, t, strlen(t), 1, &ms, &me) == 1 && ms == 23, "from a start offset");
}

/* Long text with digits here and there: every Luhn-valid card put in is found, at its place. */
static void test_scan(void)
{
	size_t len = 1 << 16, ms = 0, me = 0, found_at = 0, count = 0;
	char *t = malloc(len);
	for (size_t i = 0; i < len; i++)
		t[i] = (char)(i % 97 == 0 ? '7' : 'a' + i % 26);
	memcpy(t + 40000, " 4111-1111-1111-1111 ", 21);
	t[60000] = '\0';
	t[60001] = (char)0xff;
	memcpy(t + 60002, "5500000000000004 ", 17);
	for (size_t from = 0; cs_detect_find(CS_DETECT_CARD, t, len, from, &ms, &me) == 1; from = me) {
		found_at += ms;
		count++;
	}
	ok(count == 2 && found_at == 40001 + 60002, "cards in long text, past NUL and bytes that are not UTF-8");
	ok(strcmp(cs_detect_name(CS_DETECT_CARD), "card_number") == 0 &&
	   strcmp(cs_detect_name(CS_DETECT_CN_ID), "id_number") == 0, "the detectors' names");
	free(t);
}

int main(void)
{
	test_cards();
	test_not_cards();
	test_card_offsets();
	test_cn_ids();
	test_scan();
	return tap_done();
}
