/* kit_jw: a small streaming JSON writer (see kit_jw.h). */
#include "kit_jw.h"
#include "kit_bytes.h"
#include "kit_in.h"
#include "kit_time.h"
#include <inttypes.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cs_jw_init(cs_jw *w, cs_buf *out)
{
	memset(w, 0, sizeof *w);
	w->out = out;
}

/* Before any value: the separator it needs, or an error if none may come. */
static int begin_value(cs_jw *w)
{
	if (w->error || w->done) {
		w->error = 1;
		return 0;
	}
	if (w->depth == 0)
		return 1;
	if (w->is_object[w->depth - 1]) {
		if (!w->want_value) {
			w->error = 1;   /* a value where a key is due */
			return 0;
		}
		w->want_value = 0;
		return 1;
	}
	if (w->count[w->depth - 1])
		cs_buf_addc(w->out, ',');
	w->count[w->depth - 1] = 1;
	return 1;
}

/* After a value at this level: a top-level value completes the document. */
static void end_value(cs_jw *w)
{
	if (w->depth == 0)
		w->done = 1;
}

static void open_level(cs_jw *w, char c, int is_object)
{
	if (!begin_value(w))
		return;
	if (w->depth == CS_JW_MAX_DEPTH) {
		w->error = 1;
		return;
	}
	cs_buf_addc(w->out, c);
	w->is_object[w->depth] = (unsigned char)is_object;
	w->count[w->depth] = 0;
	w->depth++;
}

static void close_level(cs_jw *w, char c, int is_object)
{
	if (w->error || w->depth == 0 || w->is_object[w->depth - 1] != is_object || w->want_value) {
		w->error = 1;
		return;
	}
	cs_buf_addc(w->out, c);
	w->depth--;
	end_value(w);
}

void cs_jw_object(cs_jw *w) { open_level(w, '{', 1); }
void cs_jw_end_object(cs_jw *w) { close_level(w, '}', 1); }
void cs_jw_array(cs_jw *w) { open_level(w, '[', 0); }
void cs_jw_end_array(cs_jw *w) { close_level(w, ']', 0); }

static int plain_ascii(const char *s, size_t n);

void cs_jw_keyn(cs_jw *w, const char *key, size_t n)
{
	int comma;
	if (!cs_jw_key_open(w, &comma)) {
		w->error = 1;
		return;
	}
	if (plain_ascii(key, n)) {
		cs_jw_put_key(w->out, key, n, comma);
		return;
	}
	if (comma)
		cs_buf_addc(w->out, ',');
	cs_json_string(w->out, key, n);
	cs_buf_addc(w->out, ':');
}

/* One scalar's text, after the separator it needs. */
static void scalar(cs_jw *w, const char *text, size_t n)
{
	if (!begin_value(w))
		return;
	cs_buf_add(w->out, text, n);
	end_value(w);
}

void cs_jw_str(cs_jw *w, const char *s, size_t n)
{
	if (!begin_value(w))
		return;
	cs_json_string(w->out, s, n);
	end_value(w);
}

void cs_jw_cstr(cs_jw *w, const char *s)
{
	if (s)
		cs_jw_str(w, s, strlen(s));
	else
		cs_jw_null(w);
}

/* The decimal digits of v at the end of t[24]; returns where they start. */
static char *digits(uint64_t v, char *end)
{
	do
		*--end = (char)('0' + v % 10);
	while (v /= 10);
	return end;
}

/* k / 10^places as k / 10^n with the trailing zeros of its fraction
 * dropped; returns n. */
static int drop_zeros(uint64_t *k, int places)
{
	while (places > 0 && *k % 10 == 0) {
		*k /= 10;
		places--;
	}
	return places;
}

/* k's digits at the end of a buffer ending at end, with a point before
 * its last places digits (zero-padded); returns where they start. */
static char *digits_fixed(uint64_t k, int places, char *end)
{
	char *p = end;
	for (int i = 0; i < places; i++) {
		*--p = (char)('0' + k % 10);
		k /= 10;
	}
	if (places > 0)
		*--p = '.';
	return digits(k, p);
}

void cs_jw_int(cs_jw *w, int64_t v)
{
	char t[24], *end = t + sizeof t;
	char *p = digits(v < 0 ? 0 - (uint64_t)v : (uint64_t)v, end);
	if (v < 0)
		*--p = '-';
	scalar(w, p, (size_t)(end - p));
}

void cs_jw_uint(cs_jw *w, uint64_t v)
{
	char t[24], *end = t + sizeof t;
	char *p = digits(v, end);
	scalar(w, p, (size_t)(end - p));
}

void cs_jw_double(cs_jw *w, double v)
{
	if (!isfinite(v)) {
		scalar(w, "null", 4);
		w->error = 1;
		return;
	}
	if (!begin_value(w))
		return;
	cs_json_double(w->out, v);
	end_value(w);
}

void cs_jw_fixed(cs_jw *w, double v, int places)
{
	places = places < 0 ? 0 : places > 9 ? 9 : places;
	uint64_t scale = 1;
	for (int i = 0; i < places; i++)
		scale *= 10;
	if (!isfinite(v) || fabs(v) * (double)scale >= 1e15) {
		cs_jw_double(w, v);
		return;
	}
	int64_t units = (int64_t)llround(v * (double)scale);
	uint64_t mag = units < 0 ? 0 - (uint64_t)units : (uint64_t)units;
	places = drop_zeros(&mag, places);
	char t[48], *end = t + sizeof t, *p = digits_fixed(mag, places, end);
	if (units < 0)
		*--p = '-';
	scalar(w, p, (size_t)(end - p));
}

void cs_jw_bool(cs_jw *w, int v) { scalar(w, v ? "true" : "false", v ? 4 : 5); }
void cs_jw_null(cs_jw *w) { scalar(w, "null", 4); }
void cs_jw_raw(cs_jw *w, const char *json, size_t n) { scalar(w, json, n); }

void cs_jw_time(cs_jw *w, int64_t ms)
{
	char text[40];
	size_t n = cs_time_format((cs_time){.ms = ms, .has_ms = ms % 1000 != 0}, text);
	cs_jw_str(w, text, n);
}

void cs_jw_raw_to(cs_jw *w, const char *json, size_t n, void (*put)(void *sink, const char *p, size_t n),
		  void *sink)
{
	if (!begin_value(w))
		return;
	put(sink, w->out->p, w->out->len);
	cs_buf_reset(w->out);
	put(sink, json, n);
	end_value(w);
}

int cs_jw_finish(const cs_jw *w)
{
	return !w->error && w->done && w->depth == 0 ? 0 : -1;
}

/* ---- numbers and strings ---- */

/* printf may write the locale's decimal point; JSON wants '.'. */
static void fix_decimal_point(char *s)
{
	for (; *s; s++)
		if (*s == ',')
			*s = '.';
}

/* The significant digits of a %g text: from its first non-zero digit to
 * its last, the point not counted ("2210000" has 3, "0.0125" 3). */
static int significant_digits(const char *t)
{
	int first = -1, last = -1, k = 0;
	for (; *t && *t != 'e'; t++) {
		if (*t < '0' || *t > '9')
			continue;
		if (*t != '0') {
			if (first < 0)
				first = k;
			last = k;
		}
		k++;
	}
	return first < 0 ? 1 : last - first + 1;
}

static int reads_back(const char *t, double v) { return strtod(t, NULL) == v; }

/* v when it is the double nearest k / 10^6 for an integer k, with
 * 1e-4 <= |v| < 1e9 (rounded scores, confidences, money): k's digits with
 * the point put back, no printf. That is the text below: k / 10^6 has at
 * most 15 significant digits, so %.15g rounds v to it (DBL_DIG), and %g
 * writes it without an exponent, as its exponent is at least -4 and below
 * its number of significant digits; an integer ending in 0 would take an
 * exponent ("1e+02"), so it is left to the general path. Returns 0 when v
 * is not such a number. */
static int add_decimal(cs_buf *b, double v)
{
	double a = fabs(v);
	if (!(a >= 1e-4 && a < 1e9))
		return 0;
	uint64_t k = (uint64_t)llround(a * 1e6);
	if ((double)k / 1e6 != a || (k % 1000000 == 0 && k / 1000000 % 10 == 0))
		return 0;
	int places = drop_zeros(&k, 6);
	char t[32], *end = t + sizeof t, *p = digits_fixed(k, places, end);
	if (v < 0)
		*--p = '-';
	cs_buf_add(b, p, (size_t)(end - p));
	return 1;
}

/* A whole number below 10^15 in its digits: %g would write 380 as
 * "3.8e+02", which reads back but not for grep, awk or a spreadsheet. */
static int add_integer(cs_buf *b, double v)
{
	double a = fabs(v);
	if (!(a < 1e15) || a != floor(a))
		return 0;
	char t[24], *end = t + sizeof t, *p = digits_fixed((uint64_t)a, 0, end);
	if (v < 0)
		*--p = '-';
	cs_buf_add(b, p, (size_t)(end - p));
	return 1;
}

static void put_text(char *out, size_t size, const char *p, const char *end)
{
	size_t n = (size_t)(end - p) < size ? (size_t)(end - p) : size - 1;
	memcpy(out, p, n);
	out[n] = '\0';
}

void cs_fmt_fixed(char *out, size_t size, double v, int places)
{
	static const double scale[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
	double scaled = places >= 0 && places <= 6 ? fabs(v) * scale[places] : INFINITY;
	double below = floor(scaled);
	/* far from a tie (the product's error is far smaller): k is what the
	 * exact value rounds to; near one, or large, printf decides */
	if (!(scaled < 1e9) || fabs(scaled - below - 0.5) < 1e-6) {
		snprintf(out, size, "%.*f", places, v);
		return;
	}
	uint64_t k = (uint64_t)below + (scaled - below > 0.5);
	char t[48], *end = t + sizeof t, *p = digits_fixed(k, places, end);
	if (signbit(v))
		*--p = '-';
	put_text(out, size, p, end);
}

void cs_fmt_g(char *out, size_t size, double v)
{
	double a = fabs(v);
	uint64_t k = a >= 1e-4 && a < 1e6 ? (uint64_t)llround(a * 1e6) : 0;
	if (!k || (double)k / 1e6 != a) {
		snprintf(out, size, "%g", v);
		return;
	}
	/* v is the double nearest k / 10^6: six significant digits or fewer
	 * are its %g text, without an exponent in this range */
	int places = drop_zeros(&k, 6);
	uint64_t sig = k;
	int ndigits = 0;
	for (; sig; sig /= 10)
		ndigits++;
	if (ndigits > 6) {
		snprintf(out, size, "%g", v);
		return;
	}
	char t[48], *end = t + sizeof t, *p = digits_fixed(k, places, end);
	if (v < 0)
		*--p = '-';
	put_text(out, size, p, end);
}

/* A whole number below 10^15 in digits (add_integer), else the shortest
 * %.Ng that reads back as v, N from 1 to 17. Not by trying
 * each N: when a text of 15 digits or fewer reads back, %.15g rounds to it
 * (DBL_DIG is 15), so its significant digits are that N; otherwise N is 16
 * or 17 (a subnormal has fewer bits: each N is tried). The text is then
 * printed with that N, so that the notation %g picks (an exponent or not)
 * is the one for N. */
void cs_json_double(cs_buf *b, double v)
{
	char t[40];
	if (v == 0) {
		cs_buf_adds(b, signbit(v) ? "-0" : "0");
		return;
	}
	if (add_integer(b, v) || add_decimal(b, v))
		return;
	if (fabs(v) < DBL_MIN) {   /* subnormal: fewer bits, so DBL_DIG does not hold; try each N */
		for (int prec = 1; prec <= 17; prec++) {
			snprintf(t, sizeof t, "%.*g", prec, v);
			fix_decimal_point(t);
			if (reads_back(t, v))
				break;
		}
		cs_buf_adds(b, t);
		return;
	}
	snprintf(t, sizeof t, "%.15g", v);
	fix_decimal_point(t);
	if (reads_back(t, v)) {
		int n = significant_digits(t);
		if (n < 15) {
			snprintf(t, sizeof t, "%.*g", n, v);
			fix_decimal_point(t);
		}
	} else {
		snprintf(t, sizeof t, "%.16g", v);
		fix_decimal_point(t);
		if (!reads_back(t, v)) {
			snprintf(t, sizeof t, "%.17g", v);
			fix_decimal_point(t);
		}
	}
	cs_buf_adds(b, t);
}

/* Non-zero when one of the eight bytes of v JSON escapes or is above 0x7F. */
static inline uint64_t not_plain8(uint64_t v) { return cs_json_special8(v) | (v & CS_HIGH8); }

/* 1 if s[0..n) is ASCII from space to DEL without a quote or backslash:
 * copied as it is. */
static int plain_ascii(const char *s, size_t n) { return cs_none8(s, n, not_plain8); }

void cs_json_string(cs_buf *b, const char *s, size_t n)
{
	size_t bad;
	if (plain_ascii(s, n)) {   /* keys and most short values */
		cs_buf_reserve(b, n + 2);
		b->p[b->len++] = '"';
		if (n)   /* s may be NULL then: an empty buffer's text */
			memcpy(b->p + b->len, s, n);
		b->len += n;
		b->p[b->len++] = '"';
		b->p[b->len] = '\0';
		return;
	}
	if (cs_utf8_valid(s, n, &bad)) {
		cs_buf_add_jstr(b, s, n);
		return;
	}
	cs_buf fixed = CS_BUF_INIT;
	cs_utf8_replace(s, n, bad, &fixed);
	cs_buf_add_jstr(b, fixed.p, fixed.len);
	cs_buf_free(&fixed);
}
