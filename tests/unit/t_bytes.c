/* t_bytes: the word-at-a-time byte tests (lib/kit_bytes.h): every length
 * from 0 to 40, a byte of the kind at every place or none, against a
 * byte-by-byte look; the word tests alone on every byte value. */
#include "kit_bytes.h"
#include "tap.h"

static int json_special(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }
static uint64_t quote8(uint64_t v) { return cs_has_byte8(v, '"'); }

static int none_bytewise(const char *s, size_t n, int (*is)(unsigned char))
{
	for (size_t i = 0; i < n; i++)
		if (is((unsigned char)s[i]))
			return 0;
	return 1;
}

static int is_quote(unsigned char c) { return c == '"'; }

static void test_words(void)
{
	int bad = 0;
	for (int c = 0; c < 256; c++)
		for (int at = 0; at < 8; at++) {
			char w[8];
			memset(w, 'a', sizeof w);
			w[at] = (char)c;
			uint64_t v = cs_load8(w);
			bad += !!cs_json_special8(v) != json_special((unsigned char)c);
			bad += !!cs_has_byte8(v, '"') != (c == '"');
		}
	is_int(bad, 0, "cs_json_special8 and cs_has_byte8: every byte value at every place of a word");
}

static void test_none8(void)
{
	static const unsigned char kinds[] = {0x00, 0x1f, '"', '\\', 0x7f, 0x80, 0xff, 'a'};
	char buf[48];
	int bad = 0, tried = 0;
	for (size_t n = 0; n <= 40; n++)
		for (size_t k = 0; k < sizeof kinds; k++)
			for (size_t at = 0; at <= n; at++) {   /* at == n: no odd byte */
				for (size_t i = 0; i < n; i++)
					buf[i] = (char)('b' + i % 20);
				if (at < n)
					buf[at] = (char)kinds[k];
				buf[n] = '"';   /* just past the end: never looked at */
				bad += cs_none8(buf, n, cs_json_special8) != none_bytewise(buf, n, json_special);
				bad += cs_none8(buf, n, quote8) != none_bytewise(buf, n, is_quote);
				tried++;
			}
	ok(bad == 0 && tried > 5000, "cs_none8: %d texts of 0-40 bytes, odd bytes anywhere, as a byte-wise look", tried);
}

/* Every byte value at each place of texts of 1 to 20 bytes: capitals lowered,
 * every other byte (0x80 and up, '@', '[') kept, as a byte-wise loop does. */
static void test_ascii_lower(void)
{
	int same = 1;
	for (size_t n = 1; n <= 20; n++)
		for (size_t at = 0; at < n; at++)
			for (int c = 0; c < 256; c++) {
				char in[20], out[21], want[20];
				for (size_t i = 0; i < n; i++)
					in[i] = (char)(i == at ? c : "AZaz@[`{\xc3\x9f"[(i * 7 + (size_t)c) % 10]);
				for (size_t i = 0; i < n; i++)
					want[i] = (char)(in[i] >= 'A' && in[i] <= 'Z' ? in[i] | 0x20 : in[i]);
				out[n] = 'x';
				cs_ascii_lower(out, in, n);
				same &= memcmp(out, want, n) == 0 && out[n] == 'x';
			}
	ok(same, "cs_ascii_lower: capitals lowered eight at a time, every other byte kept, nothing written past n");
}

/* A byte of 0x80 or more at each place of texts of 0 to 40 bytes, and none:
 * found where it is, from any start before it. */
static void test_ascii_end(void)
{
	int found = 1;
	for (size_t n = 0; n <= 40; n++)
		for (size_t at = 0; at <= n; at++) {
			char text[40];
			memset(text, 'a', sizeof text);
			if (at < n)
				text[at] = (char)(0x80 + at);
			for (size_t from = 0; from <= at; from++)
				found &= cs_ascii_end(text, from, n) == at;   /* at == n: none */
		}
	ok(found, "cs_ascii_end: the first byte of 0x80 or more from any start, or the end");
}

/* Newlines at the ends, together and apart, a NUL among them, and none. */
static void test_count_newlines(void)
{
	static const struct { const char *text; size_t n, want; } cases[] = {
		{"", 0, 0}, {"abc", 3, 0}, {"\n", 1, 1}, {"a\nb\n", 4, 2}, {"\n\n\n", 3, 3}, {"a\0\nb", 4, 1}, {"a\nb\nc", 3, 1},
	};
	int right = 1;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		right &= cs_count_newlines(cases[i].text, cases[i].n) == cases[i].want;
	ok(right, "cs_count_newlines: only the newlines within n, past a NUL");
}

int main(void)
{
	test_count_newlines();
	test_ascii_end();
	test_ascii_lower();
	test_words();
	test_none8();
	return tap_done();
}
