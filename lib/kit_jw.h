/* kit_jw: a small streaming JSON writer into a cs_buf, for the field a
 * program adds ("qa":{...}) and the records it builds. Commas and colons
 * come by themselves; strings are escaped (invalid UTF-8 becomes U+FFFD, so
 * the output is always valid UTF-8 JSON); integers are exact; doubles are
 * written in the shortest form that reads back to the same value, and NaN or
 * Infinity are never written. Misuse (a value where a key is due, a key in an
 * array, an unbalanced end, nesting over CS_JW_MAX_DEPTH) or a non-finite
 * double sets a sticky error that cs_jw_finish() reports; nothing aborts.
 * The writer allocates nothing but the buffer's bytes, and keeps no pointer
 * into them: a caller may hand out and reset the buffer between values. */
#ifndef CS_JW_H
#define CS_JW_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "kit_buf.h"

#define CS_JW_MAX_DEPTH 64

typedef struct {
	cs_buf *out;
	int depth;
	unsigned char is_object[CS_JW_MAX_DEPTH]; /* per level: object (1) or array (0) */
	unsigned char count[CS_JW_MAX_DEPTH];     /* per level: anything written yet (0/1) */
	int want_value;                           /* a key was written, its value is due */
	int done;                                 /* a complete top-level value was written */
	int error;
} cs_jw;

void cs_jw_init(cs_jw *w, cs_buf *out);   /* appends to out */
void cs_jw_object(cs_jw *w);
void cs_jw_end_object(cs_jw *w);
void cs_jw_array(cs_jw *w);
void cs_jw_end_array(cs_jw *w);
void cs_jw_keyn(cs_jw *w, const char *key, size_t n);
/* Where a key may go: marks it written and sets *comma (one goes before
 * it); 0, changing nothing, when no key may go here. */
static inline int cs_jw_key_open(cs_jw *w, int *comma)
{
	if (w->error || w->depth == 0 || !w->is_object[w->depth - 1] || w->want_value)
		return 0;
	*comma = w->count[w->depth - 1];
	w->count[w->depth - 1] = 1;
	w->want_value = 1;
	return 1;
}
/* A key that needs no escapes, after the comma when one is due. */
static inline void cs_jw_put_key(cs_buf *b, const char *key, size_t n, int comma)
{
	cs_buf_reserve(b, n + 4);
	char *p = b->p + b->len;
	if (comma)
		*p++ = ',';
	*p++ = '"';
	memcpy(p, key, n);
	p += n;
	*p++ = '"';
	*p++ = ':';
	*p = '\0';
	b->len = (size_t)(p - b->p);
}
/* Inline, so that a literal key's length is known when compiling and the
 * key is written in place without a check: the program's own literal keys
 * are plain words (tests/check/style.sh holds them to it). Any other key,
 * or a key where none may go, is cs_jw_keyn's. */
static inline void cs_jw_key(cs_jw *w, const char *key)
{
	size_t n = strlen(key);
	int comma;
	if (__builtin_constant_p(n) && cs_jw_key_open(w, &comma))
		cs_jw_put_key(w->out, key, n, comma);
	else
		cs_jw_keyn(w, key, n);
}
void cs_jw_str(cs_jw *w, const char *s, size_t n);
void cs_jw_cstr(cs_jw *w, const char *s);   /* NULL writes null */
void cs_jw_int(cs_jw *w, int64_t v);
void cs_jw_uint(cs_jw *w, uint64_t v);
void cs_jw_double(cs_jw *w, double v);      /* NaN, Inf: error, and null written */
/* v rounded to `places` decimals (at most 9), trailing zeros dropped, an
 * integer without a point ("87.5", "100", "-0.25"); beyond 1e15 units, or
 * not finite, as cs_jw_double. */
void cs_jw_fixed(cs_jw *w, double v, int places);
void cs_jw_bool(cs_jw *w, int v);
void cs_jw_null(cs_jw *w);
/* A time as cs records write the times a program gives (cs-schema(7)):
 * RFC 3339 in UTC ending in Z, with milliseconds when ms has a part of a
 * second ("2026-03-02T01:00:00Z", "...:00.250Z"). */
void cs_jw_time(cs_jw *w, int64_t ms);
/* An already valid JSON value, copied as it is. */
void cs_jw_raw(cs_jw *w, const char *json, size_t n);
/* The same, with the value's bytes sent straight to put(sink): first what
 * the buffer holds (it is then emptied), then json, so a large value is not
 * copied into the buffer. For streaming a document out as it is built. */
void cs_jw_raw_to(cs_jw *w, const char *json, size_t n, void (*put)(void *sink, const char *p, size_t n),
		  void *sink);
/* 0 when one complete, balanced value was written without error, else -1. */
int cs_jw_finish(const cs_jw *w);

/* Append the shortest text of finite v that strtod reads back exactly. */
void cs_json_double(cs_buf *b, double v);
/* What printf writes for "%.*f" (places 0-6) and for "%g", into out[size]:
 * most values without printf (a decimal far from a tie; one of six
 * significant digits or fewer), the others by it. */
void cs_fmt_fixed(char *out, size_t size, double v, int places);
void cs_fmt_g(char *out, size_t size, double v);
/* Append s[0..n) as a JSON string literal, invalid UTF-8 replaced. */
void cs_json_string(cs_buf *b, const char *s, size_t n);
#endif
