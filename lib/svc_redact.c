/* svc_redact: personal data in free text replaced by a placeholder. */
#include "svc_redact.h"
#include "kit_mem.h"
#include "svc_detect.h"
#include "svc_text.h"
#include <stdlib.h>
#include <string.h>

static const char *const pii_names[CS_PII_N] = {"card", "id", "iban", "email", "phone"};
static const char *const placeholders[CS_PII_N] = {"[CARD]", "[ID]", "[IBAN]", "[EMAIL]", "[PHONE]"};

const char *cs_pii_name(enum cs_pii p) { return pii_names[p]; }

int cs_pii_parse(const char *list, unsigned *mask, cs_buf *err)
{
	*mask = 0;
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, ",");
		int found = n == 3 && memcmp(p, "all", 3) == 0;
		if (found)
			*mask = CS_PII_ALL;
		for (int k = 0; k < CS_PII_N && !found; k++)
			if (strlen(pii_names[k]) == n && memcmp(p, pii_names[k], n) == 0) {
				*mask |= 1u << k;
				found = 1;
			}
		if (!found) {
			cs_buf_printf(err, "'%.*s' is not card, id, iban, email, phone or all", (int)n, p);
			return -1;
		}
		p += n + (p[n] == ',');
	}
	return 0;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static int is_alnum(char c) { return is_digit(c) || is_upper(c) || (c >= 'a' && c <= 'z'); }
static int is_word(char c) { return is_alnum(c) || c == '_'; }

/* Does nothing that continues a number or a word follow at s[j]? */
static int ends_here(const char *s, size_t n, size_t j) { return j >= n || !is_word(s[j]); }

/* Digits from s[i] with single separators from seps between them, into
 * digits (at most max); group_end[k]: where the k-th group ends. Returns
 * how many digits; *groups how many groups. */
struct digit_run {
	char d[24];
	size_t nd, groups, group_end[24], group_digits[24];
};

static void read_digits(const char *s, size_t n, size_t i, const char *seps, struct digit_run *r)
{
	r->nd = r->groups = 0;
	size_t j = i;
	while (j < n && r->nd < sizeof r->d) {
		if (is_digit(s[j])) {
			r->d[r->nd++] = s[j++];
			if (j >= n || !is_digit(s[j])) {
				r->group_end[r->groups] = j;
				r->group_digits[r->groups++] = r->nd;
			}
		} else if (r->nd && s[j] && strchr(seps, s[j]) && j + 1 < n && is_digit(s[j + 1]) && is_digit(s[j - 1])) {
			j++;
		} else {
			break;
		}
	}
}

static int two(const char *p) { return (p[0] - '0') * 10 + (p[1] - '0'); }

/* GB 11643: 17 digits, a check character, a birth date at 6..13. */
static size_t id_at(const char *s, size_t n, size_t i)
{
	static const int weight[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	if (i + 18 > n)
		return 0;
	int sum = 0;
	for (int k = 0; k < 17; k++) {
		if (!is_digit(s[i + k]))
			return 0;
		sum += (s[i + k] - '0') * weight[k];
	}
	char check = "10X98765432"[sum % 11], last = s[i + 17] == 'x' ? 'X' : s[i + 17];
	int year = two(s + i + 6) * 100 + two(s + i + 8), month = two(s + i + 10), day = two(s + i + 12);
	if (last != check || year < 1900 || month < 1 || month > 12 || day < 1 || day > 31)
		return 0;
	return ends_here(s, n, i + 18) ? i + 18 : 0;
}

/* Two capitals, two digits, then letters and digits (a space every four
 * allowed), 15 to 34 in all, whose number mod 97 is 1. */
static size_t iban_at(const char *s, size_t n, size_t i)
{
	if (i + 15 > n || !is_upper(s[i]) || !is_upper(s[i + 1]) || !is_digit(s[i + 2]) || !is_digit(s[i + 3]))
		return 0;
	char c[34];
	size_t nc = 0, j = i;
	while (j < n && nc < sizeof c) {
		if (is_digit(s[j]) || is_upper(s[j]))
			c[nc++] = s[j++];
		else if (s[j] == ' ' && nc % 4 == 0 && j + 1 < n && (is_digit(s[j + 1]) || is_upper(s[j + 1])))
			j++;
		else
			break;
	}
	if (nc < 15 || !ends_here(s, n, j))
		return 0;
	unsigned rem = 0;
	for (size_t k = 0; k < nc; k++) {
		char ch = c[(k + 4) % nc];
		unsigned v = is_digit(ch) ? (unsigned)(ch - '0') : (unsigned)(ch - 'A' + 10);
		rem = (v >= 10 ? rem * 100 : rem * 10) + v;
		rem %= 97;
	}
	return rem == 1 ? j : 0;
}

static int local_char(char c) { return is_alnum(c) || (c && strchr("._%+-", c)); }
static int domain_char(char c) { return is_alnum(c) || c == '-'; }

/* local@label.label...: where it ends, or 0; *local_end: where the run of
 * local-part characters from i ends (no address starts before it). */
static size_t email_at(const char *s, size_t n, size_t i, size_t *local_end)
{
	size_t j = i;
	while (j < n && local_char(s[j]))
		j++;
	*local_end = j;
	if (j == i || j >= n || s[j] != '@' || s[i] == '.')
		return 0;
	size_t end = 0, labels = 0, k = j + 1;
	for (;;) {
		size_t start = k;
		while (k < n && domain_char(s[k]))
			k++;
		if (k == start)
			break;
		labels++;
		int alpha_tld = k - start >= 2 && !is_digit(s[start]) && !is_digit(s[k - 1]);
		if (labels >= 2 && alpha_tld)
			end = k;
		if (k + 1 >= n || s[k] != '.' || !domain_char(s[k + 1]))
			break;
		k++;
	}
	return end && ends_here(s, n, end) ? end : 0;
}

static size_t phone_plus(const char *s, size_t n, size_t i)
{
	struct digit_run r;
	if (i + 1 >= n || !is_digit(s[i + 1]))
		return 0;
	read_digits(s, n, i + 1, " -.", &r);
	size_t end = r.groups ? r.group_end[r.groups - 1] : 0;
	return r.nd >= 8 && r.nd <= 15 && ends_here(s, n, end) ? end : 0;
}

/* Groups of exactly these sizes, one separator (from seps) between each. */
static size_t grouped(const char *s, size_t n, size_t i, const char *seps, const size_t *sizes, size_t ngroups)
{
	size_t j = i;
	for (size_t g = 0; g < ngroups; g++) {
		if (g && (j >= n || !strchr(seps, s[j]) || !s[j] || (g > 1 && s[j] != s[j - sizes[g - 1] - 1])))
			return 0;
		j += g > 0;
		for (size_t k = 0; k < sizes[g]; k++, j++)
			if (j >= n || !is_digit(s[j]))
				return 0;
	}
	return ends_here(s, n, j) ? j : 0;
}

static size_t phone_digits(const char *s, size_t n, size_t i)
{
	static const size_t mobile[3] = {3, 4, 4}, nanp[3] = {3, 3, 4}, landline3[2] = {3, 8}, landline4[2] = {4, 7};
	struct digit_run r;
	read_digits(s, n, i, " -", &r);
	size_t end = r.groups ? r.group_end[r.groups - 1] : 0;
	if (r.nd == 11 && r.d[0] == '1' && r.d[1] >= '3' && (r.groups == 1 || grouped(s, n, i, " -", mobile, 3)) &&
	    ends_here(s, n, end))
		return end;
	size_t j;
	if ((j = grouped(s, n, i, "-.", nanp, 3)) || (s[i] == '0' && (j = grouped(s, n, i, "- ", landline3, 2))) ||
	    (s[i] == '0' && (j = grouped(s, n, i, "- ", landline4, 2))))
		return j;
	return 0;
}

/* (xxx) xxx-xxxx or (xxx)xxx-xxxx */
static size_t phone_paren(const char *s, size_t n, size_t i)
{
	static const size_t rest[2] = {3, 4};
	if (i + 5 >= n || !is_digit(s[i + 1]) || !is_digit(s[i + 2]) || !is_digit(s[i + 3]) || s[i + 4] != ')')
		return 0;
	size_t j = i + 5 + (s[i + 5] == ' ');
	return grouped(s, n, j, "-.", rest, 2);
}

/* The first kind of personal data the mask asks for that starts at s[i]:
 * where it ends, or 0. */
static size_t match_at(const char *s, size_t n, size_t i, unsigned mask, size_t *no_email_before, enum cs_pii *kind)
{
	size_t end;
#define TRY(k, expr)                                   \
	if ((mask & (1u << (k))) && (end = (expr)) > i) { \
		*kind = (k);                               \
		return end;                                \
	}
	if (i >= *no_email_before && local_char(s[i])) {
		size_t local_end = i;
		TRY(CS_PII_EMAIL, email_at(s, n, i, &local_end));
		*no_email_before = local_end;
	}
	if (is_upper(s[i]))
		TRY(CS_PII_IBAN, iban_at(s, n, i));
	if (is_digit(s[i])) {
		TRY(CS_PII_ID, id_at(s, n, i));
		TRY(CS_PII_CARD, cs_card_number_at(s, n, i));
		TRY(CS_PII_PHONE, phone_digits(s, n, i));
	}
	if (s[i] == '+')
		TRY(CS_PII_PHONE, phone_plus(s, n, i));
	if (s[i] == '(')
		TRY(CS_PII_PHONE, phone_paren(s, n, i));
#undef TRY
	return 0;
}

/* The text the detectors read, and where each of its bytes came from in
 * the original (at[vn] is the original's length); at is NULL when they are
 * the same bytes. */
struct view {
	const char *p;
	size_t n;
	size_t *at;
};

static size_t original_at(const struct view *v, size_t k) { return v->at ? v->at[k] : k; }

static size_t redact_view(const struct view *v, const char *s, size_t n, unsigned mask, cs_buf *out,
			  uint64_t counts[CS_PII_N])
{
	const char *t = v->p;
	size_t copied = 0, found = 0, no_email_before = 0;
	for (size_t i = 0; i < v->n;) {
		enum cs_pii kind;
		size_t end = i == 0 || !is_word(t[i - 1]) ? match_at(t, v->n, i, mask, &no_email_before, &kind) : 0;
		if (!end) {
			i++;
			continue;
		}
		size_t from = original_at(v, i);
		cs_buf_add(out, s + copied, from - copied);
		cs_buf_adds(out, placeholders[kind]);
		counts[kind]++;
		found++;
		i = end;
		copied = original_at(v, end);
	}
	if (found)
		cs_buf_add(out, s + copied, n - copied);
	return found;
}

/* The ASCII character a full-width form (U+FF01-U+FF5E) or the ideographic
 * space (U+3000) at s[i..n) stands for, as NFKC reads it, or 0. */
static char full_width_at(const char *s, size_t n, size_t i)
{
	if (i + 3 <= n && memcmp(s + i, "\xE3\x80\x80", 3) == 0)
		return ' ';
	return cs_full_width_ascii(s + i, n - i);
}

static int has_full_width(const char *s, size_t n)
{
	for (size_t i = 0; i + 3 <= n; i++)
		if ((s[i] == '\xEF' || s[i] == '\xE3') && full_width_at(s, n, i))
			return 1;
	return 0;
}

/* s with its full-width forms folded to ASCII, as an IME in full-width mode
 * types digits, letters and "@": the detectors read that. */
static void fold_full_width(const char *s, size_t n, struct view *v)
{
	char *p = cs_malloc(n + 1);
	v->at = cs_malloc((n + 1) * sizeof *v->at);
	size_t k = 0;
	for (size_t i = 0; i < n; k++) {
		char c = full_width_at(s, n, i);
		v->at[k] = i;
		p[k] = c ? c : s[i];
		i += c ? 3 : 1;
	}
	v->at[k] = n;
	v->p = p;
	v->n = k;
}

size_t cs_redact(const char *s, size_t n, unsigned mask, cs_buf *out, uint64_t counts[CS_PII_N])
{
	cs_buf_reset(out);
	struct view v = {s, n, NULL};
	if (!has_full_width(s, n))
		return redact_view(&v, s, n, mask, out, counts);
	fold_full_width(s, n, &v);
	size_t found = redact_view(&v, s, n, mask, out, counts);
	free((char *)v.p);
	free(v.at);
	return found;
}
