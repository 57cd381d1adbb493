/* svc_detect: card and PRC resident ID numbers in text (see svc_detect.h). */
#include "svc_detect.h"
#include <string.h>

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

const char *cs_detect_name(enum cs_detect_kind k) { return k == CS_DETECT_CARD ? "card_number" : "id_number"; }

static int luhn_ok(const char *digits, size_t n)
{
	int sum = 0;
	for (size_t i = 0; i < n; i++) {
		int d = digits[n - 1 - i] - '0';
		if (i % 2) {
			d *= 2;
			if (d > 9)
				d -= 9;
		}
		sum += d;
	}
	return sum % 10 == 0;
}

/* The payment networks' issuer ranges (their first digits, from lo to hi
 * as a number of `digits` digits) and the lengths of their card numbers, a
 * bit per length: order, tracking and reference numbers start anywhere. */
#define LEN(n) (1u << (n))
#define LEN_13_TO_19 (LEN(13) | LEN(14) | LEN(15) | LEN(16) | LEN(17) | LEN(18) | LEN(19))
#define LEN_14_TO_19 (LEN_13_TO_19 & ~LEN(13))
#define LEN_16_TO_19 (LEN(16) | LEN(17) | LEN(18) | LEN(19))
static const struct issuer {
	unsigned lo, hi, digits, lengths;
} issuers[] = {
	{4, 4, 1, LEN(13) | LEN(16) | LEN(19)},   /* Visa */
	{51, 55, 2, LEN(16)},                      /* Mastercard */
	{2221, 2720, 4, LEN(16)},                  /* Mastercard's 2-series */
	{2200, 2204, 4, LEN_16_TO_19},             /* Mir */
	{34, 34, 2, LEN(15)},                      /* American Express */
	{37, 37, 2, LEN(15)},
	{300, 305, 3, LEN_14_TO_19},               /* Diners Club */
	{3095, 3095, 4, LEN_14_TO_19},
	{36, 36, 2, LEN_14_TO_19},
	{38, 39, 2, LEN_14_TO_19},
	{35, 35, 2, LEN_16_TO_19},                 /* JCB */
	{60, 60, 2, LEN_16_TO_19},                 /* Discover's 6011, RuPay */
	{62, 62, 2, LEN_16_TO_19},                 /* UnionPay */
	{64, 65, 2, LEN_16_TO_19},                 /* Discover */
	{81, 82, 2, LEN_16_TO_19},                 /* UnionPay, RuPay */
	{50, 50, 2, LEN_13_TO_19},                 /* Maestro */
	{56, 58, 2, LEN_13_TO_19},
	{63, 63, 2, LEN_13_TO_19},
	{67, 67, 2, LEN_13_TO_19},
	{9792, 9792, 4, LEN(16)},                  /* Troy */
};

static int issued(const char *digits, size_t n)
{
	for (size_t k = 0; k < sizeof issuers / sizeof *issuers; k++) {
		const struct issuer *is = &issuers[k];
		unsigned first = 0;
		for (unsigned d = 0; d < is->digits; d++)
			first = first * 10 + (unsigned)(digits[d] - '0');
		if (first >= is->lo && first <= is->hi && (is->lengths & LEN(n)))
			return 1;
	}
	return 0;
}

/* Groups as cards print them: none (one run), fours with a shorter last
 * group (4-4-4-4, 4-4-4-4-3), or American Express and Diners Club's 4-6-5
 * and 4-6-4; not an order number's 3-7-7. */
static int card_grouping(const size_t *digits_at_end, size_t ngroups)
{
	if (ngroups == 3 && digits_at_end[0] == 4 && digits_at_end[1] == 10 &&
	    (digits_at_end[2] == 15 || digits_at_end[2] == 14))
		return 1;
	for (size_t g = 0; g + 1 < ngroups; g++)
		if (digits_at_end[g] != 4 * (g + 1))
			return 0;
	return ngroups == 1 || digits_at_end[ngroups - 1] - digits_at_end[ngroups - 2] <= 4;
}

static int is_word_byte(unsigned char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/* w's length when text[0..end) ends with it, case aside and not glued to
 * a letter or digit before it (an ASCII w), else 0. */
static size_t ends_with_word(const char *text, size_t end, const char *w)
{
	size_t n = strlen(w);
	if (n > end)
		return 0;
	for (size_t k = 0; k < n; k++) {
		unsigned char c = (unsigned char)text[end - n + k];
		if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != (unsigned char)w[k])
			return 0;
	}
	int ascii = (unsigned char)w[0] < 0x80;
	return ascii && end > n && is_word_byte((unsigned char)text[end - n - 1]) ? 0 : n;
}

static size_t ends_with_any(const char *text, size_t end, const char *const *words, size_t nwords)
{
	for (size_t k = 0; k < nwords; k++) {
		size_t n = ends_with_word(text, end, words[k]);
		if (n)
			return n;
	}
	return 0;
}

/* Is the number at text[i] named as something else than a card ("order
 * 112-7034851-3920226", "tracking number: ...", "订单号：...")? The name,
 * then only words that label a number, signs and spaces up to it. */
static int named_not_card(const char *text, size_t i)
{
	static const char *const names[] = {"order", "tracking", "track", "reference", "ref", "invoice",
					    "confirmation", "booking", "reservation", "shipment", "parcel",
					    "waybill", "receipt", "订单", "訂單", "单号", "單號", "运单", "運單",
					    "物流", "快递", "快遞"};
	static const char *const labels[] = {"number", "no", "nr", "num", "id", "code", "is", "was",
					     "号码", "號碼", "编号", "編號", "号", "號", "是", "为", "為", "：", "＃"};
	size_t end = i;
	for (int words = 0; words < 6; words++) {
		while (end > 0 && text[end - 1] && strchr(" \t:#.=-", text[end - 1]))
			end--;
		if (ends_with_any(text, end, names, sizeof names / sizeof *names))
			return 1;
		size_t n = ends_with_any(text, end, labels, sizeof labels / sizeof *labels);
		if (!n)
			return 0;
		end -= n;
	}
	return 0;
}

size_t cs_card_number_at(const char *text, size_t len, size_t i)
{
	if ((i > 0 && is_word_byte((unsigned char)text[i - 1])) || named_not_card(text, i))
		return 0;
	char digits[19];
	size_t group_end[19], digits_at_end[19], ngroups = 0, n = 0, j = i;
	for (;;) {
		while (j < len && is_digit((unsigned char)text[j])) {
			if (n < sizeof digits)
				digits[n] = text[j];
			n++;
			j++;
		}
		if (n > sizeof digits)
			break;
		group_end[ngroups] = j;
		digits_at_end[ngroups++] = n;
		if (j + 1 >= len || (text[j] != ' ' && text[j] != '-') || !is_digit((unsigned char)text[j + 1]))
			break;
		j++;
	}
	/* The longest that is a card, so a group after the number (an expiry
	 * year, a security code) does not hide it. */
	for (size_t g = ngroups; g-- > 0;) {
		size_t nd = digits_at_end[g], end = group_end[g];
		if (nd >= 13 && (end >= len || !is_word_byte((unsigned char)text[end])) && issued(digits, nd) &&
		    card_grouping(digits_at_end, g + 1) && luhn_ok(digits, nd))
			return end;
	}
	return 0;
}

static int two_digits(const char *d) { return (d[0] - '0') * 10 + (d[1] - '0'); }

/* A birth date YYYYMMDD that exists, 1900 to 2099. */
static int date_ok(const char *d)
{
	static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int year = two_digits(d) * 100 + two_digits(d + 2), month = two_digits(d + 4), day = two_digits(d + 6);
	if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1 || day > days[month - 1])
		return 0;
	int leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
	return month != 2 || day <= 28 || leap;
}

/* The first two digits name a province, region or the like (GB/T 2260). */
static int province_ok(const char *d)
{
	static const char *const codes = "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 "
					 "50 51 52 53 54 61 62 63 64 65 71 81 82";
	for (const char *c = codes; *c; c += c[2] ? 3 : 2)
		if (c[0] == d[0] && c[1] == d[1])
			return 1;
	return 0;
}

/* An 18-character PRC resident ID at text[i]: 17 digits and a check
 * character (ISO 7064 MOD 11-2), a province code, the birth date in
 * characters 7 to 14. Where it ends, or 0. */
static size_t cn_id_at(const char *text, size_t len, size_t i)
{
	static const int weight[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	static const char check[] = "10X98765432";
	if (i + 18 > len)
		return 0;
	int sum = 0;
	for (size_t k = 0; k < 17; k++) {
		if (!is_digit((unsigned char)text[i + k]))
			return 0;
		sum += (text[i + k] - '0') * weight[k];
	}
	char last = text[i + 17] == 'x' ? 'X' : text[i + 17];
	if (last != check[sum % 11] || !province_ok(text + i) || !date_ok(text + i + 6))
		return 0;
	if (i + 18 < len && (is_digit((unsigned char)text[i + 18]) || text[i + 18] == 'x' || text[i + 18] == 'X'))
		return 0;
	return i + 18;
}

/* The first digit at or after i (len when none), eight bytes at a time:
 * a byte is an ASCII digit when its top bit is clear and its low seven
 * bits are at least '0' and not above '9'. */
static size_t next_digit(const char *text, size_t len, size_t i)
{
	const uint64_t ones = 0x0101010101010101ull, tops = ones * 0x80;
	for (; i + 8 <= len; i += 8) {
		uint64_t x;
		memcpy(&x, text + i, 8);
		uint64_t low7 = x & ~tops;
		uint64_t from_0 = low7 + ones * (0x80 - '0'), above_9 = low7 + ones * (0x80 - '9' - 1);
		if (from_0 & ~above_9 & ~x & tops)
			break;
	}
	while (i < len && !is_digit((unsigned char)text[i]))
		i++;
	return i;
}

int cs_detect_find(enum cs_detect_kind k, const char *text, size_t len, size_t start, size_t *ms, size_t *me)
{
	size_t i = start;
	while (i < len) {
		i = next_digit(text, len, i);
		if (i >= len)
			break;
		int starts_run = i == 0 || !is_digit((unsigned char)text[i - 1]);
		size_t end = !starts_run ? 0 : k == CS_DETECT_CARD ? cs_card_number_at(text, len, i) : cn_id_at(text, len, i);
		if (end) {
			*ms = i;
			*me = end;
			return 1;
		}
		while (i < len && is_digit((unsigned char)text[i]))   /* on to the next run */
			i++;
	}
	return 0;
}
