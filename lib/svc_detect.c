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

/* A card number at text[i], the start of a run of digits: groups of digits
 * joined by single spaces or dashes, 13 to 19 digits in all, ending where a
 * group ends (never inside a run of digits). The longest that passes the
 * Luhn check, so a group after the number (an expiry year, a security
 * code) does not hide it. */
static int card_at(const char *text, size_t len, size_t i, size_t *me)
{
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
	while (ngroups-- > 0)
		if (digits_at_end[ngroups] >= 13 && luhn_ok(digits, digits_at_end[ngroups])) {
			*me = group_end[ngroups];
			return 1;
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
 * characters 7 to 14. */
static int cn_id_at(const char *text, size_t len, size_t i, size_t *me)
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
	*me = i + 18;
	return 1;
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
		if (starts_run && (k == CS_DETECT_CARD ? card_at(text, len, i, me) : cn_id_at(text, len, i, me))) {
			*ms = i;
			return 1;
		}
		while (i < len && is_digit((unsigned char)text[i]))   /* on to the next run */
			i++;
	}
	return 0;
}
