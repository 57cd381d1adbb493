#include "kit_buf.h"
#include "kit_bytes.h"
#include "kit_mem.h"
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cs_buf_grow(cs_buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	b->p = cs_realloc(b->p, cap);
	b->cap = cap;
}

void cs_buf_add_utf8(cs_buf *b, uint32_t cp)
{
	char u[4];
	size_t n;
	if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | cp >> 18);
		u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		u[2] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	cs_buf_add(b, u, n);
}

void cs_buf_printf(cs_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	cs_buf_reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void cs_buf_add_u64(cs_buf *b, uint64_t v)
{
	char t[20], *p = t + sizeof t;
	do {
		*--p = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	cs_buf_add(b, p, (size_t)(t + sizeof t - p));
}

void cs_buf_free(cs_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

/* 1 when no byte of s[0..n) needs escaping. */
static int jstr_plain(const char *s, size_t n)
{
	const char *from = cs_json_special_skip(s, s + n);
	return cs_none8(from, (size_t)(s + n - from), cs_json_special8);
}

void cs_buf_add_jstr(cs_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	cs_buf_reserve(b, n + 2);
	if (jstr_plain(s, n)) {   /* most strings: one copy */
		b->p[b->len] = '"';
		memcpy(b->p + b->len + 1, s, n);
		b->len += n + 2;
		b->p[b->len - 1] = '"';
		b->p[b->len] = '\0';
		return;
	}
	cs_buf_addc(b, '"');
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		/* eight plain bytes at a time: none below 0x20, no quote, no backslash */
		while (i + 8 <= n && !cs_json_special8(cs_load8(s + i)))
			i += 8;
		if (i >= n)
			break;
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		cs_buf_add(b, s + run, i - run);
		run = i + 1;
		switch (c) {
		case '"': cs_buf_add(b, "\\\"", 2); break;
		case '\\': cs_buf_add(b, "\\\\", 2); break;
		case '\n': cs_buf_add(b, "\\n", 2); break;
		case '\r': cs_buf_add(b, "\\r", 2); break;
		case '\t': cs_buf_add(b, "\\t", 2); break;
		case '\b': cs_buf_add(b, "\\b", 2); break;
		case '\f': cs_buf_add(b, "\\f", 2); break;
		default: {
			char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
			cs_buf_add(b, u, 6);
		}
		}
	}
	cs_buf_add(b, s + run, n - run);
	cs_buf_addc(b, '"');
}
