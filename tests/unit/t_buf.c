/* t_buf: the growable byte buffer (lib/kit_buf.c). */
#include "kit_buf.h"
#include "tap.h"
#include <stdio.h>

/* The escaped form of s[0..n), a byte at a time, to compare with. */
static void escape_slowly(const char *s, size_t n, cs_buf *out)
{
	cs_buf_addc(out, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\') {
			cs_buf_addc(out, '\\');
			cs_buf_addc(out, (char)c);
		} else if (c == '\n') {
			cs_buf_adds(out, "\\n");
		} else if (c < 0x20) {
			cs_buf_printf(out, "\\u%04x", c);
		} else {
			cs_buf_addc(out, (char)c);
		}
	}
	cs_buf_addc(out, '"');
}

/* Long strings, scanned many bytes at a time: one special byte at every
 * place of a 100-byte string (text with UTF-8 and DEL around it) is found. */
static void test_jstr_long(void)
{
	static const char specials[] = {'"', '\\', '\n', 0x01, 0x1f};
	cs_buf got = CS_BUF_INIT, want = CS_BUF_INIT;
	int same = 1;
	for (size_t k = 0; k < sizeof specials; k++)
		for (size_t at = 0; at < 100; at++) {
			char s[100];
			for (size_t i = 0; i < sizeof s; i++)
				s[i] = i % 7 == 3 ? (char)0x7f : i % 5 == 1 ? (char)0xe4 : (char)('a' + i % 26);
			s[at] = specials[k];
			cs_buf_reset(&got);
			cs_buf_reset(&want);
			cs_buf_add_jstr(&got, s, sizeof s);
			escape_slowly(s, sizeof s, &want);
			same &= got.len == want.len && memcmp(got.p, want.p, got.len) == 0;
		}
	ok(same, "long strings: a special byte is escaped wherever it stands");
	cs_buf_free(&got);
	cs_buf_free(&want);
}

int main(void)
{
	cs_buf b = CS_BUF_INIT;
	cs_buf_adds(&b, "");
	ok(b.p && b.p[0] == '\0' && b.len == 0, "an empty add still gives a NUL-terminated buffer");
	for (int i = 0; i < 100000; i++)
		cs_buf_addc(&b, (char)('0' + i % 10));
	ok(b.len == 100000 && b.cap > b.len && b.p[b.len] == '\0', "grows, and stays NUL-terminated");
	ok(b.p[99999] == '9' && b.p[12345] == '5', "keeps every byte in order");
	cs_buf_reset(&b);
	ok(b.len == 0 && b.p[0] == '\0' && b.cap >= 100000, "reset keeps the memory");
	cs_buf_printf(&b, "%s-%d", "x", 42);
	cs_buf_printf(&b, "%0300d", 7);
	ok(b.len == 4 + 300 && strncmp(b.p, "x-42000", 7) == 0 && b.p[b.len - 1] == '7', "printf appends, long output too");
	cs_buf_reset(&b);
	cs_buf_add(&b, "a\0b", 3);
	ok(b.len == 3 && b.p[1] == '\0' && b.p[2] == 'b', "binary bytes are kept");
	cs_buf_reset(&b);
	cs_buf_add_jstr(&b, "q\"\\\n\x01\x7f" "中", 9);
	is_str(b.p, "\"q\\\"\\\\\\n\\u0001\x7f" "中\"", "a JSON string: quote, backslash, controls escaped, DEL and UTF-8 kept");
	cs_buf_reset(&b);
	test_jstr_long();
	cs_buf_add_u64(&b, 0);
	cs_buf_addc(&b, ' ');
	cs_buf_add_u64(&b, 42);
	cs_buf_addc(&b, ' ');
	cs_buf_add_u64(&b, UINT64_MAX);
	is_str(b.p, "0 42 18446744073709551615", "unsigned integers in decimal, the largest too");
	cs_buf_reset(&b);
	cs_buf_free(&b);
	ok(b.p == NULL && b.len == 0 && b.cap == 0, "free empties it");
	return tap_done();
}
