/* t_jw: the JSON writer (lib/kit_jw.c). */
#include "kit_json.h"
#include "kit_jw.h"
#include "tap.h"
#include <float.h>
#include <stdio.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

static int valid_json(const cs_buf *b)
{
	enum cs_jtype t;
	cs_jerr e;
	return cs_json_value(b->p, b->len, 64, &t, &e) == 0;
}

static void test_document(void)
{
	cs_buf b = CS_BUF_INIT;
	cs_jw w;
	cs_jw_init(&w, &b);
	cs_jw_object(&w);
	cs_jw_key(&w, "score");
	cs_jw_double(&w, 87.5);
	cs_jw_key(&w, "n");
	cs_jw_int(&w, -42);
	cs_jw_key(&w, "big");
	cs_jw_uint(&w, UINT64_MAX);
	cs_jw_key(&w, "ok");
	cs_jw_bool(&w, 1);
	cs_jw_key(&w, "none");
	cs_jw_null(&w);
	cs_jw_key(&w, "items");
	cs_jw_array(&w);
	cs_jw_object(&w);
	cs_jw_key(&w, "id");
	cs_jw_cstr(&w, "greeting");
	cs_jw_end_object(&w);
	cs_jw_raw(&w, "{\"k\":[1,2]}", 11);
	cs_jw_array(&w);
	cs_jw_end_array(&w);
	cs_jw_cstr(&w, NULL);
	cs_jw_end_array(&w);
	cs_jw_end_object(&w);
	is_int(cs_jw_finish(&w), 0, "a complete document");
	is_str(b.p, "{\"score\":87.5,\"n\":-42,\"big\":18446744073709551615,\"ok\":true,\"none\":null,"
	       "\"items\":[{\"id\":\"greeting\"},{\"k\":[1,2]},[],null]}", "every value type, nested");
	ok(valid_json(&b), "it parses");
	cs_buf_free(&b);
}

static const char *str_of(const char *s, size_t n, cs_buf *b)
{
	cs_jw w;
	cs_buf_reset(b);
	cs_jw_init(&w, b);
	cs_jw_str(&w, s, n);
	return b->p;
}

static void test_strings(void)
{
	cs_buf b = CS_BUF_INIT;
	is_str(str_of("a\"b\\c/d", 7, &b), "\"a\\\"b\\\\c/d\"", "quote and backslash escaped, slash kept");
	is_str(str_of("\n\t\r\b\f", 5, &b), "\"\\n\\t\\r\\b\\f\"", "short escapes");
	is_str(str_of("\x01\x1f\x7f", 3, &b), "\"\\u0001\\u001f\x7f\"", "other controls as \\u00XX, DEL kept");
	is_str(str_of("\0x", 2, &b), "\"\\u0000x\"", "NUL escaped");
	is_str(str_of("\xe2\x80\xa8 \xf0\x9f\x98\x80 中", 12, &b), "\"\xe2\x80\xa8 \xf0\x9f\x98\x80 中\"",
	       "U+2028, 4-byte and CJK UTF-8 kept");
	is_str(str_of("a\xff" "b\xc3", 4, &b), "\"a\xef\xbf\xbd" "b\xef\xbf\xbd\"", "invalid UTF-8 becomes U+FFFD");
	ok(valid_json(&b), "still valid JSON");
	for (int c = 0; c < 32; c++) {
		char s[1] = {(char)c};
		str_of(s, 1, &b);
		if (!valid_json(&b))
			ok(0, "control %d makes valid JSON", c);
	}
	ok(1, "every control character makes valid JSON");
	cs_buf_free(&b);
}

static const char *num(double v, cs_buf *b)
{
	cs_buf_reset(b);
	cs_json_double(b, v);
	return b->p;
}

/* 1 if no shorter precision reads back to v (the zeros that end a whole
 * number are no precision). */
static int shortest(double v, const char *text)
{
	char t[400];
	int digits = 0, seen_nonzero = 0, upto_nonzero = 0;
	for (const char *p = text; *p && *p != 'e'; p++) {
		seen_nonzero |= *p >= '1' && *p <= '9';
		digits += seen_nonzero && *p >= '0' && *p <= '9';
		if (*p >= '1' && *p <= '9')
			upto_nonzero = digits;
	}
	digits = upto_nonzero;
	for (int prec = 1; prec < digits; prec++) {
		snprintf(t, sizeof t, "%.*g", prec, v);
		if (strtod(t, NULL) == v)
			return 0;
	}
	return 1;
}

/* What cs_json_double wrote before it stopped trying every precision: the
 * first %.Ng that reads back, but for whole numbers below 10^15, in
 * digits. The same text must come out. */
static void by_every_precision(double v, char *t, size_t n)
{
	if (v == 0) {
		snprintf(t, n, "%s", signbit(v) ? "-0" : "0");
		return;
	}
	if (fabs(v) < 1e15 && v == floor(v)) {
		snprintf(t, n, "%.0f", v);
		return;
	}
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(t, n, "%.*g", prec, v);
		if (strtod(t, NULL) == v)
			return;
	}
}

static void test_doubles_as_before(void)
{
	cs_buf b = CS_BUF_INIT;
	char want[40];
	int differ = 0, tried = 0;
	uint64_t state = 2463534242ULL;
	for (int i = 0; i < 280000; i++) {
		state ^= state << 13;
		state ^= state >> 7;
		state ^= state << 17;
		double v;
		double sign = state >> 63 ? -1 : 1;
		switch (i % 7) {
		case 0: memcpy(&v, &state, sizeof v); break;                           /* any bits */
		case 1: v = (double)(state % 100000) / 1000.0; break;                   /* a few decimals */
		case 2: v = (double)(state % 1000) * pow(10, (double)((int)((state >> 40) % 40) - 20)); break; /* round */
		case 3: v = (double)(state >> 11) / 9007199254740992.0; break;          /* a probability */
		case 4: v = sign * round((double)(state >> 11) / 9007199254740992.0 * 10000) / 10000; break; /* rounded */
		case 5: v = sign * (double)(state % 2000000000000000ULL) / 1e6; break; /* micro units, to 2e9 */
		default: v = sign * (double)(state % 10000000000ULL) / pow(10, (double)((state >> 40) % 8)); break;
		}
		if (!isfinite(v))
			continue;
		tried++;
		by_every_precision(v, want, sizeof want);
		if (strcmp(num(v, &b), want) != 0 && differ++ < 3)
			printf("# %.17g: %s, was %s\n", v, b.p, want);
	}
	ok(tried > 250000 && differ == 0, "%d doubles (any, decimals, round numbers of any size, probabilities, rounded, integers and decimals to 1e10) "
	   "written as trying every precision wrote them", tried);
	cs_buf_free(&b);
}

static void test_doubles(void)
{
	cs_buf b = CS_BUF_INIT;
	is_str(num(0.1, &b), "0.1", "0.1");
	is_str(num(1.0 / 3, &b), "0.3333333333333333", "1/3");
	is_str(num(3.0, &b), "3", "an integral double");
	is_str(num(380.0, &b), "380", "a whole number ending in 0: no exponent (it was 3.8e+02)");
	is_str(num(-100.0, &b), "-100", "-100");
	is_str(num(3600000000.0, &b), "3600000000", "a whole number above 10^9");
	is_str(num(1e15, &b), "1e+15", "10^15 and above: as %%g");
	is_str(num(1e21, &b), "1e+21", "1e21");
	is_str(num(1e-7, &b), "1e-07", "1e-7");
	is_str(num(5e-324, &b), "5e-324", "the smallest subnormal");
	is_str(num(DBL_MAX, &b), "1.7976931348623157e+308", "DBL_MAX");
	is_str(num(-0.0, &b), "-0", "negative zero");
	is_str(num(123456789012345680000.0, &b), "1.2345678901234568e+20", "a big one");
	uint64_t state = 88172645463325252ULL;
	int bad = 0;
	for (int i = 0; i < 100000; i++) {
		state ^= state << 13;
		state ^= state >> 7;
		state ^= state << 17;
		double v;
		memcpy(&v, &state, sizeof v);
		if (!isfinite(v))
			continue;
		num(v, &b);
		if ((strtod(b.p, NULL) != v || !shortest(v, b.p) || !valid_json(&b)) && bad++ < 3)
			printf("# %.17g written %s\n", v, b.p);
	}
	is_int(bad, 0, "100000 random doubles: read back exactly, shortest, valid JSON");
	cs_jw w;
	cs_buf_reset(&b);
	cs_jw_init(&w, &b);
	cs_jw_double(&w, NAN);
	ok(cs_jw_finish(&w) < 0 && strcmp(b.p, "null") == 0, "NaN: an error, and null written");
	cs_buf_reset(&b);
	cs_jw_init(&w, &b);
	cs_jw_double(&w, -INFINITY);
	ok(cs_jw_finish(&w) < 0, "-Infinity: an error");
	cs_buf_free(&b);
}

static void test_misuse(void)
{
	cs_buf b = CS_BUF_INIT;
	cs_jw w;
	cs_jw_init(&w, &b);
	cs_jw_object(&w);
	cs_jw_int(&w, 1);
	ok(cs_jw_finish(&w) < 0, "a value where a key is due");
	cs_jw_init(&w, &b);
	cs_jw_array(&w);
	cs_jw_key(&w, "k");
	ok(cs_jw_finish(&w) < 0, "a key in an array");
	cs_jw_init(&w, &b);
	cs_jw_array(&w);
	cs_jw_end_object(&w);
	ok(cs_jw_finish(&w) < 0, "the wrong end");
	cs_jw_init(&w, &b);
	cs_jw_object(&w);
	cs_jw_key(&w, "k");
	cs_jw_end_object(&w);
	ok(cs_jw_finish(&w) < 0, "a key without its value");
	cs_jw_init(&w, &b);
	cs_jw_object(&w);
	ok(cs_jw_finish(&w) < 0, "unbalanced");
	cs_jw_init(&w, &b);
	cs_jw_int(&w, 1);
	cs_jw_int(&w, 2);
	ok(cs_jw_finish(&w) < 0, "two top-level values");
	cs_jw_init(&w, &b);
	for (int i = 0; i < CS_JW_MAX_DEPTH + 1; i++)
		cs_jw_array(&w);
	ok(cs_jw_finish(&w) < 0, "nesting over the limit");
	cs_jw_init(&w, &b);
	ok(cs_jw_finish(&w) < 0, "nothing written");
	cs_buf_free(&b);
}

static const char *fixed(double v, int places, cs_buf *b)
{
	cs_jw w;
	cs_buf_reset(b);
	cs_jw_init(&w, b);
	cs_jw_fixed(&w, v, places);
	return b->p;
}

/* A key made at run time is looked at and escaped; a literal one is a
 * plain word, written as it is. */
static void test_keys(void)
{
	cs_buf b = CS_BUF_INIT;
	cs_jw w;
	char key[8];
	volatile char quote = '"';
	key[0] = 'a';
	key[1] = quote;
	key[2] = 'b';
	key[3] = '\0';
	cs_jw_init(&w, &b);
	cs_jw_object(&w);
	cs_jw_key(&w, key);
	cs_jw_int(&w, 1);
	cs_jw_key(&w, "plain_key");
	cs_jw_int(&w, 2);
	cs_jw_end_object(&w);
	is_str(b.p, "{\"a\\\"b\":1,\"plain_key\":2}", "a run-time key escaped, a literal one as it is");
	cs_buf_free(&b);
}

static void test_fixed(void)
{
	cs_buf b = CS_BUF_INIT;
	is_str(fixed(87.5, 2, &b), "87.5", "trailing zeros dropped");
	is_str(fixed(100, 2, &b), "100", "an integer without a point or exponent");
	is_str(fixed(-0.25, 4, &b), "-0.25", "negative below 1");
	is_str(fixed(-1.5, 1, &b), "-1.5", "negative above 1");
	is_str(fixed(-0.00004, 4, &b), "0", "rounds to zero without a sign");
	is_str(fixed(0.1 + 0.2, 4, &b), "0.3", "rounded to the places");
	is_str(fixed(2.00049, 3, &b), "2", "rounded down to an integer");
	is_str(fixed(0.9507, 4, &b), "0.9507", "all places");
	is_str(fixed(-12345.6789, 2, &b), "-12345.68", "rounded half away");
	is_str(fixed(1e20, 2, &b), "1e+20", "beyond 1e15 units: as cs_jw_double");
	cs_jw w;
	cs_jw_init(&w, &b);
	cs_jw_fixed(&w, NAN, 2);
	ok(cs_jw_finish(&w) < 0, "NaN is an error");
	cs_buf_free(&b);
}

static void test_time(void)
{
	cs_buf b = CS_BUF_INIT;
	cs_jw w;
	cs_jw_init(&w, &b);
	cs_jw_array(&w);
	cs_jw_time(&w, 1772413200000);
	cs_jw_time(&w, 1772413200500);
	cs_jw_time(&w, 1772413200001);
	cs_jw_time(&w, 0);
	cs_jw_end_array(&w);
	is_str(b.p, "[\"2026-03-02T01:00:00Z\",\"2026-03-02T01:00:00.500Z\",\"2026-03-02T01:00:00.001Z\",\"1970-01-01T00:00:00Z\"]",
	       "times in UTC with Z, milliseconds only when there is a part of a second");
	cs_buf_free(&b);
}

/* cs_fmt_fixed and cs_fmt_g against printf on values of every kind:
 * rounded and not, ties and near ties, negative, zero and minus zero,
 * tiny and huge. */
static void test_printf_like(void)
{
	uint64_t state = 88172645463325252ULL;
	int differ = 0, tried = 0;
	for (int i = 0; i < 300000; i++) {
		state ^= state << 13;
		state ^= state >> 7;
		state ^= state << 17;
		double sign = state >> 63 ? -1 : 1, v;
		switch (i % 6) {
		case 0: memcpy(&v, &state, sizeof v); break;
		case 1: v = sign * (double)(state % 2000001) / 1000.0; break;           /* ties at 2 places */
		case 2: v = sign * (double)(state >> 11) / 9007199254740992.0; break;
		case 3: v = sign * round((double)(state % 100000000) / 1e4) / 1e4 * (double)(state % 3); break;
		case 4: v = sign * (double)(state % 1000000000000ULL) / pow(10, (double)((state >> 40) % 12)); break;
		default: v = sign * (double)(state % 10) * 0.05; break;
		}
		if (!isfinite(v))
			continue;
		char got[64], want[64];
		int places = (int)(state % 7);
		cs_fmt_fixed(got, sizeof got, v, places);
		snprintf(want, sizeof want, "%.*f", places, v);
		if (strcmp(got, want) != 0 && differ++ < 3)
			printf("# %%.%df of %.17g: %s, printf %s\n", places, v, got, want);
		cs_fmt_g(got, sizeof got, v);
		snprintf(want, sizeof want, "%g", v);
		if (strcmp(got, want) != 0 && differ++ < 3)
			printf("# %%g of %.17g: %s, printf %s\n", v, got, want);
		tried++;
	}
	char got[64];
	cs_fmt_fixed(got, sizeof got, -0.0, 3);
	is_str(got, "-0.000", "minus zero keeps its sign, as printf's");
	cs_fmt_fixed(got, sizeof got, -0.0001, 2);
	is_str(got, "-0.00", "so does a negative that rounds to zero");
	cs_fmt_fixed(got, 4, 123.456, 2);
	is_str(got, "123", "cut to the buffer");
	ok(differ == 0 && tried > 250000, "%d values: %%.Nf and %%g as printf writes them", tried);
}

int main(void)
{
	test_printf_like();
	test_keys();
	test_fixed();
	test_time();
	test_document();
	test_strings();
	test_doubles();
	test_doubles_as_before();
	test_misuse();
	return tap_done();
}
