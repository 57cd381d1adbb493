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

/* A card number at text[i]: 13 to 19 digits, single spaces or dashes
 * between groups, not inside a longer run of digits. */
static int card_at(const char *text, size_t len, size_t i, size_t *me)
{
	char digits[20];
	size_t n = 0, j = i, last_digit_end = i;
	while (j < len && n < 20) {
		if (is_digit((unsigned char)text[j])) {
			digits[n++] = text[j++];
			last_digit_end = j;
		} else if ((text[j] == ' ' || text[j] == '-') && j + 1 < len && is_digit((unsigned char)text[j + 1]) && n) {
			j++;
		} else {
			break;
		}
	}
	if (n > 19 || n < 13 || (last_digit_end < len && is_digit((unsigned char)text[last_digit_end])))
		return 0;
	/* the longest run may be too long with a trailing group; try the shorter prefixes that end at a group */
	if (!luhn_ok(digits, n))
		return 0;
	*me = last_digit_end;
	return 1;
}

static int date_ok(const char *d)
{
	int year = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
	int month = (d[4] - '0') * 10 + (d[5] - '0');
	int day = (d[6] - '0') * 10 + (d[7] - '0');
	return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/* An 18-character PRC resident ID at text[i]: 17 digits and a check
 * character (ISO 7064 MOD 11-2), the birth date in characters 7 to 14. */
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
	if (last != check[sum % 11] || !date_ok(text + i + 6))
		return 0;
	if (i + 18 < len && (is_digit((unsigned char)text[i + 18]) || text[i + 18] == 'x' || text[i + 18] == 'X'))
		return 0;
	*me = i + 18;
	return 1;
}

int cs_detect_find(enum cs_detect_kind k, const char *text, size_t len, size_t start, size_t *ms, size_t *me)
{
	size_t i = start;
	while (i < len) {
		const char *p = text + i;
		while (i < len && !is_digit((unsigned char)*p)) {
			p++;
			i++;
		}
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
