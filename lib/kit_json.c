#include "kit_json.h"
#include "kit_bytes.h"
#include "kit_mem.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>


static inline int is_ws(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

static inline const char *skip_ws(const char *p, const char *e)
{
	while (p < e && (unsigned char)*p <= ' ' && is_ws(*p))
		p++;
	return p;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

#if defined(__SSE2__)
#include <emmintrin.h>

/* Bit i set if byte i of the 16 at p is '"', '\\' or below 0x20. */
static inline unsigned json_special16(const char *p)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i q = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
	__m128i b = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
	__m128i c = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0x1F)), _mm_set1_epi8(0x1F));
	return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(q, b), c));
}
#endif

/* The first byte in [p, e) that is '"', '\\' or below 0x20, or e. base is the
 * start of the caller's buffer: bytes in [base, e) may be read, nothing else. */
static inline const char *json_next_special(const char *p, const char *e, const char *base)
{
#if defined(__SSE2__)
	if (e - p >= 16) {   /* most strings end in their first 16 bytes */
		unsigned m = json_special16(p);
		if (m)
			return p + __builtin_ctz(m);
		p += 16;
		p = cs_json_special_skip(p, e);   /* a long string: 32 at a time */
	}
	while (e - p >= 16) {
		unsigned m = json_special16(p);
		if (m)
			return p + __builtin_ctz(m);
		p += 16;
	}
	if (p >= e)
		return e;
	if (e - base >= 16) {
		/* the last 16 bytes of the buffer, ending at e: only [p, e) counts */
		unsigned m = json_special16(e - 16) >> (16 - (e - p));
		return m ? p + __builtin_ctz(m) : e;
	}
#else
	(void)base;
	while (e - p >= 8) {
		if (cs_json_special8(cs_load8(p))) /* one of them is: look byte by byte */
			for (int k = 0; k < 8; k++) {
				unsigned char c = (unsigned char)p[k];
				if (c == '"' || c == '\\' || c < 0x20)
					return p + k;
			}
		p += 8;
	}
#endif
	while (p < e) {
		unsigned char c = (unsigned char)*p;
		if (c == '"' || c == '\\' || c < 0x20)
			return p;
		p++;
	}
	return e;
}

static const char *string_error(cs_jerr *err, const char *base, const char *at, const char *what)
{
	err->off = (size_t)(at - base);
	err->what = what;
	err->code = CS_JERR_SYNTAX;
	return NULL;
}

/* p is just past the opening quote. Returns the byte after the closing quote,
 * or NULL with err->what set; *escaped says whether a backslash occurred. */
static const char *scan_string(const char *p, const char *e, int *escaped, cs_jerr *err, const char *base)
{
	for (;;) {
		p = json_next_special(p, e, base);
		if (p >= e)
			goto unterminated;
		unsigned char c = (unsigned char)*p;
		if (c == '"')
			return p + 1;
		if (c == '\\') {
			*escaped = 1;
			if (e - p < 2)
				goto unterminated;
			switch (p[1]) {
			case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
				p += 2;
				continue;
			case 'u':
				if (e - p < 6 || hexval(p[2]) < 0 || hexval(p[3]) < 0 || hexval(p[4]) < 0 || hexval(p[5]) < 0) {
					return string_error(err, base, p, "invalid \\u escape");
				}
				p += 6;
				continue;
			default:
				return string_error(err, base, p, "invalid escape in string");
			}
		}
		return string_error(err, base, p, "control character in string");
	}
unterminated:
	return string_error(err, base, e, "unterminated string");
}

static inline int is_digit(char c) { return c >= '0' && c <= '9'; }

static const char *scan_number(const char *p, const char *e)
{
	if (p < e && *p == '-')
		p++;
	if (p >= e)
		return NULL;
	if (*p == '0')
		p++;
	else if (is_digit(*p))
		while (p < e && is_digit(*p))
			p++;
	else
		return NULL;
	if (p < e && *p == '.') {
		p++;
		if (p >= e || !is_digit(*p))
			return NULL;
		while (p < e && is_digit(*p))
			p++;
	}
	if (p < e && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < e && (*p == '+' || *p == '-'))
			p++;
		if (p >= e || !is_digit(*p))
			return NULL;
		while (p < e && is_digit(*p))
			p++;
	}
	return p;
}

static const char *scan_literal(const char *p, const char *e, const char *lit, size_t n)
{
	return (size_t)(e - p) >= n && memcmp(p, lit, n) == 0 ? p + n : NULL;
}

struct scan {
	const char *base, *end;
	int max_depth;
	cs_obj *obj;      /* top-level members recorded here when not NULL */
	cs_jerr *err;
	char *stack;      /* open brackets; stack_small until nesting outgrows it */
	int stack_cap;
	char stack_small[64];
};

static int fail_code(struct scan *s, const char *at, const char *what, enum cs_jerr_code code)
{
	s->err->off = (size_t)(at - s->base);
	s->err->what = what;
	s->err->code = code;
	return -1;
}

static int fail(struct scan *s, const char *at, const char *what)
{
	return fail_code(s, at, what, CS_JERR_SYNTAX);
}

static const char *fail_at(struct scan *s, const char *at, const char *what)
{
	fail(s, at, what);
	return NULL;
}

/* Room for depth + 1 open brackets (depth < max_depth). */
static void stack_need(struct scan *s, int depth)
{
	if (depth < s->stack_cap)
		return;
	char *big = cs_malloc((size_t)s->max_depth);
	memcpy(big, s->stack, (size_t)s->stack_cap);
	s->stack = big;
	s->stack_cap = s->max_depth;
}

static inline cs_member *add_member(cs_obj *obj, const char *kp, size_t kn, int escaped)
{
	if (obj->n == obj->cap) {
		obj->cap = obj->cap ? obj->cap * 2 : 16;
		obj->m = cs_realloc(obj->m, obj->cap * sizeof *obj->m);
	}
	cs_member *m = &obj->m[obj->n++];
	m->key.p = kp;
	m->key.n = kn;
	m->key_escaped = (unsigned char)escaped;
	m->val.p = NULL;
	m->val.n = 0;
	m->type = CS_J_NONE;
	m->val_plain = 0;
	return m;
}

static enum cs_jtype scalar_type(char c)
{
	switch (c) {
	case '"': return CS_J_STRING;
	case 't': return CS_J_TRUE;
	case 'f': return CS_J_FALSE;
	case 'n': return CS_J_NULL;
	default: return CS_J_NUMBER;
	}
}

/* Scan one scalar at p (not white space, p < end); returns its end or NULL (error set). */
static inline const char *scan_scalar(struct scan *s, const char *p)
{
	const char *q;
	int esc = 0;
	switch (*p) {
	case '"':
		return scan_string(p + 1, s->end, &esc, s->err, s->base);
	case 't': q = scan_literal(p, s->end, "true", 4); break;
	case 'f': q = scan_literal(p, s->end, "false", 5); break;
	case 'n': q = scan_literal(p, s->end, "null", 4); break;
	default: q = scan_number(p, s->end); break;
	}
	if (!q)
		fail(s, p, "expected a value");
	return q;
}

static const char *expected_close(char top)
{
	return top == '{' ? "expected ',' or '}'" : "expected ',' or ']'";
}

/* Scan a member key at p and the ':' after it; returns the first byte of the
 * value (white space skipped) or NULL (error set). *kend is just past the key's
 * closing quote. */
static inline const char *scan_key(struct scan *s, const char *p, const char **kend, int *esc)
{
	const char *e = s->end;
	if (p >= e || *p != '"')
		return fail_at(s, p, "expected a string key");
	*kend = scan_string(p + 1, e, esc, s->err, s->base);
	if (!*kend)
		return NULL;
	p = *kend;
	if (p < e && *p != ':')
		p = skip_ws(p, e);
	if (p >= e || *p != ':')
		return fail_at(s, p, "expected ':'");
	return skip_ws(p + 1, e);
}

/* Iterative scan of one value at p (p < end, not white space) inside `outer`
 * open brackets (no recursion, so hostile nesting cannot overflow the C
 * stack). Records nothing. Returns the end of the value or NULL. */
static const char *scan_nested(struct scan *s, const char *p, int outer)
{
	const char *e = s->end;
	int depth = outer;
	for (;;) {
		/* at a value: p < e, not white space */
		if (*p == '{' || *p == '[') {
			if (depth >= s->max_depth) {
				fail_code(s, p, "nesting too deep (--max-depth)", CS_JERR_DEPTH);
				return NULL;
			}
			stack_need(s, depth);
			char open = *p;
			s->stack[depth++] = open;
			p = skip_ws(p + 1, e);
			if (p >= e)
				return fail_at(s, p, expected_close(open));
			if (*p == '}' || *p == ']') {
				if ((*p == '}') != (open == '{'))
					return fail_at(s, p, "mismatched bracket");
				depth--;
				p++;
			} else if (open == '[') {
				continue;         /* first array element */
			} else {
				goto key;         /* first object key */
			}
		} else {
			p = scan_scalar(s, p);
			if (!p)
				return NULL;
		}
		/* after a value */
		for (;;) {
			if (depth == outer)
				return p;
			p = skip_ws(p, e);
			char top = s->stack[depth - 1];
			if (p >= e)
				return fail_at(s, p, expected_close(top));
			if (*p == ',') {
				p = skip_ws(p + 1, e);
				if (top == '[')
					goto value;
				goto key;
			}
			if (*p == (top == '{' ? '}' : ']')) {
				p++;
				depth--;
				continue;
			}
			return fail_at(s, p, expected_close(top));
		}
key:
		{
			const char *kend;
			int esc = 0;
			p = scan_key(s, p, &kend, &esc);
			if (!p)
				return NULL;
		}
value:
		if (p >= e)
			return fail_at(s, p, "expected a value");
	}
}

#if defined(__SSE2__)
/* The end of a string (just past its closing quote) that starts after the
 * quote at p, when that quote is among the 16 bytes after p and no escape or
 * control character comes before it; else NULL. Reads only below e. */
static inline const char *short_plain_string(const char *p, const char *e)
{
	if (e - p <= 16)
		return NULL;
	unsigned m = json_special16(p + 1);
	if (!m)
		return NULL;
	const char *q = p + 1 + __builtin_ctz(m);
	return *q == '"' ? q + 1 : NULL;
}

/* The end of a compact object at p ('{') of short plain keys and short
 * plain strings, numbers or literals (a customer's {"id":"c-1"}), or NULL
 * for anything else, left to scan_nested() to read and judge. */
static const char *compact_flat_object(const char *p, const char *e)
{
	if (++p < e && *p == '}')
		return p + 1;
	for (;;) {
		const char *kend = p < e && *p == '"' ? short_plain_string(p, e) : NULL;
		if (!kend || e - kend < 3 || *kend != ':')
			return NULL;
		const char *v = kend + 1;
		switch (*v) {
		case '"': p = short_plain_string(v, e); break;
		case 't': p = scan_literal(v, e, "true", 4); break;
		case 'f': p = scan_literal(v, e, "false", 5); break;
		case 'n': p = scan_literal(v, e, "null", 4); break;
		default: p = scan_number(v, e); break;
		}
		if (!p || p >= e)
			return NULL;
		if (*p == '}')
			return p + 1;
		if (*p++ != ',')
			return NULL;
	}
}

/* The members of the compact form most records take ("key":value, no white
 * space, short keys without escapes) from the key at p, in one tight loop.
 * Returns past the closing '}' (*closed set), or the key where the general
 * loop is to go on (nothing recorded for it), or NULL with the error set
 * that the general loop would set. */
static const char *scan_compact_members(struct scan *s, const char *p, int *closed)
{
	const char *e = s->end;
	for (;;) {
		const char *kend = short_plain_string(p, e);
		if (!kend || e - kend < 2 || *kend != ':')
			return p;
		const char *v = kend + 1, *ve;
		int plain = 0;
		enum cs_jtype t;
		switch (*v) {
		case '"': {
			int esc = 0;
			ve = short_plain_string(v, e);
			if (!ve && !(ve = scan_string(v + 1, e, &esc, s->err, s->base)))
				return NULL;
			plain = !esc;
			t = CS_J_STRING;
			break;
		}
		case '{':
		case '[':
			ve = *v == '{' && s->max_depth > 1 ? compact_flat_object(v, e) : NULL;
			if (!ve && !(ve = scan_nested(s, v, 1)))
				return NULL;
			t = *v == '{' ? CS_J_OBJECT : CS_J_ARRAY;
			break;
		default:
			if (is_ws(*v))
				return p;
			if (!(ve = scan_scalar(s, v)))
				return NULL;
			t = scalar_type(*v);
			break;
		}
		if (ve >= e || (*ve != ',' && *ve != '}'))
			return p;   /* white space or an error after the value: the general loop's */
		cs_member *m = add_member(s->obj, p + 1, (size_t)(kend - p - 2), 0);
		m->val.p = v;
		m->val.n = (size_t)(ve - v);
		m->type = (unsigned char)t;
		m->val_plain = (unsigned char)plain;
		if (*ve == '}') {
			*closed = 1;
			return ve + 1;
		}
		p = ve + 1;
		if (p >= e || *p != '"')
			return p;
	}
}
#endif

/* The top-level object at p ('{'), recording its members in s->obj. */
static const char *scan_top_object(struct scan *s, const char *p)
{
	const char *e = s->end;
	cs_obj *obj = s->obj;
	s->stack[0] = '{';        /* max_depth >= 1: the object itself always fits */
	p = skip_ws(p + 1, e);
	if (p >= e)
		return fail_at(s, p, "expected ',' or '}'");
	if (*p == '}')
		return p + 1;
	if (*p == ']')
		return fail_at(s, p, "mismatched bracket");
#if defined(__SSE2__)
	if (*p == '"') {
		int closed = 0;
		p = scan_compact_members(s, p, &closed);
		if (!p || closed)
			return p;
		p = skip_ws(p, e);
	}
#endif
	for (;;) {
		const char *kstart = p, *kend;
		int esc = 0;
		p = scan_key(s, p, &kend, &esc);
		if (!p)
			return NULL;
		cs_member *m = add_member(obj, kstart + 1, (size_t)(kend - kstart - 2), esc);
		if (p >= e)
			return fail_at(s, p, "expected a value");
		const char *v = p;
		enum cs_jtype t;
		int val_esc = 0;
		switch (*p) {
		case '"':
			p = scan_string(p + 1, e, &val_esc, s->err, s->base);
			t = CS_J_STRING;
			m->val_plain = !val_esc;
			break;
		case '{':
		case '[':
			p = scan_nested(s, p, 1);
			t = *v == '{' ? CS_J_OBJECT : CS_J_ARRAY;
			break;
		default:
			p = scan_scalar(s, p);
			t = scalar_type(*v);
			break;
		}
		if (!p)
			return NULL;
		m->val.p = v;
		m->val.n = (size_t)(p - v);
		m->type = (unsigned char)t;
		if (p < e && *p != ',' && *p != '}')
			p = skip_ws(p, e);
		if (p >= e)
			return fail_at(s, p, "expected ',' or '}'");
		if (*p == ',') {
			p = skip_ws(p + 1, e);
			continue;
		}
		if (*p == '}')
			return p + 1;
		return fail_at(s, p, "expected ',' or '}'");
	}
}

static int scan_run(struct scan *s, enum cs_jtype *type)
{
	const char *e = s->end, *p = skip_ws(s->base, e);
	s->stack = s->stack_small;
	s->stack_cap = (int)sizeof s->stack_small;
	if (p >= e)
		return fail(s, p, "expected a value");
	*type = *p == '{' ? CS_J_OBJECT : *p == '[' ? CS_J_ARRAY : scalar_type(*p);
	p = s->obj && *p == '{' ? scan_top_object(s, p) : scan_nested(s, p, 0);
	if (s->stack != s->stack_small)
		free(s->stack);
	if (!p)
		return -1;
	p = skip_ws(p, e);
	if (p != e)
		return fail_code(s, p, "unexpected data after the value", CS_JERR_TRAILING);
	return 0;
}

/* Every member but the bracket stack, which scan_run() sets: a designated
 * initializer would clear its 64 bytes for every record. */
static void scan_init(struct scan *s, const char *p, size_t n, int max_depth, cs_obj *obj, cs_jerr *err)
{
	s->base = p;
	s->end = p + n;
	s->max_depth = max_depth > 0 ? max_depth : CS_JSON_DEFAULT_MAX_DEPTH;
	s->obj = obj;
	s->err = err;
}

int cs_json_object(const char *p, size_t n, int max_depth, cs_obj *obj, cs_jerr *err)
{
	struct scan s;
	scan_init(&s, p, n, max_depth, obj, err);
	enum cs_jtype type;
	obj->n = 0;
	const char *first = skip_ws(p, p + n);
	if (first == p + n)
		return fail_code(&s, first, "empty line (expected a JSON object)", CS_JERR_EMPTY);
	if (*first != '{')
		return fail_code(&s, first, "not a JSON object", CS_JERR_NOT_OBJECT);
	if (scan_run(&s, &type) < 0)
		return -1;
	const char *last = p + n;
	while (last > first && is_ws(last[-1]))
		last--;
	obj->whole.p = first;
	obj->whole.n = (size_t)(last - first);
	return 0;
}

int cs_json_value(const char *p, size_t n, int max_depth, enum cs_jtype *type, cs_jerr *err)
{
	struct scan s;
	scan_init(&s, p, n, max_depth, NULL, err);
	return scan_run(&s, type);
}

void cs_obj_free(cs_obj *obj)
{
	free(obj->m);
	obj->m = NULL;
	obj->n = obj->cap = 0;
}

static size_t utf8_put(char *d, unsigned cp)
{
	if (cp < 0x80) {
		d[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		d[0] = (char)(0xC0 | cp >> 6);
		d[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		d[0] = (char)(0xE0 | cp >> 12);
		d[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		d[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	d[0] = (char)(0xF0 | cp >> 18);
	d[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	d[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	d[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

static unsigned hex4(const char *p)
{
	return (unsigned)(hexval(p[0]) << 12 | hexval(p[1]) << 8 | hexval(p[2]) << 4 | hexval(p[3]));
}

/* Unescape the contents of an already validated string (without quotes). */
static void unescape(const char *p, size_t n, cs_buf *out)
{
	const char *e = p + n;
	cs_buf_reset(out);
	cs_buf_reserve(out, n);
	while (p < e) {
		const char *bs = memchr(p, '\\', (size_t)(e - p));
		if (!bs) {
			cs_buf_add(out, p, (size_t)(e - p));
			break;
		}
		cs_buf_add(out, p, (size_t)(bs - p));
		char c = bs[1], tmp[4];
		p = bs + 2;
		switch (c) {
		case 'b': cs_buf_addc(out, '\b'); break;
		case 'f': cs_buf_addc(out, '\f'); break;
		case 'n': cs_buf_addc(out, '\n'); break;
		case 'r': cs_buf_addc(out, '\r'); break;
		case 't': cs_buf_addc(out, '\t'); break;
		case 'u': {
			unsigned cp = hex4(p);
			p += 4;
			if (cp >= 0xD800 && cp < 0xDC00 && e - p >= 6 && p[0] == '\\' && p[1] == 'u') {
				unsigned lo = hex4(p + 2);
				if (lo >= 0xDC00 && lo < 0xE000) {
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					p += 6;
				}
			}
			if (cp >= 0xD800 && cp < 0xE000)
				cp = 0xFFFD;
			cs_buf_add(out, tmp, utf8_put(tmp, cp));
			break;
		}
		default: cs_buf_addc(out, c); break;
		}
	}
}

/* Keys are short: compare them without a call into the C library. */
static inline int same_bytes(const char *x, const char *y, size_t n)
{
	uint64_t a, b;
	if (n >= 8) {
		const char *xe = x + n - 8, *ye = y + n - 8;
		for (; x < xe; x += 8, y += 8) {
			memcpy(&a, x, 8);
			memcpy(&b, y, 8);
			if (a != b)
				return 0;
		}
		memcpy(&a, xe, 8);
		memcpy(&b, ye, 8);
		return a == b;
	}
	if (n >= 4) {
		uint32_t c, d, f, g;
		memcpy(&c, x, 4);
		memcpy(&d, y, 4);
		memcpy(&f, x + n - 4, 4);
		memcpy(&g, y + n - 4, 4);
		return c == d && f == g;
	}
	for (size_t i = 0; i < n; i++)
		if (x[i] != y[i])
			return 0;
	return 1;
}

/* Whether the escaped key k[0..kn) reads as key: the slow path of
 * cs_member_is() and cs_json_member(), kept out of line. */
static __attribute__((noinline)) int escaped_is(const char *k, size_t kn, const char *key, size_t keylen)
{
	cs_buf tmp = CS_BUF_INIT;
	unescape(k, kn, &tmp);
	int same = tmp.len == keylen && memcmp(tmp.p, key, keylen) == 0;
	cs_buf_free(&tmp);
	return same;
}

static int escaped_key_is(const cs_member *m, const char *key, size_t keylen)
{
	return escaped_is(m->key.p, m->key.n, key, keylen);
}

static inline int member_is(const cs_member *m, const char *key, size_t keylen)
{
	if (!m->key_escaped)
		return m->key.n == keylen && same_bytes(m->key.p, key, keylen);
	return escaped_key_is(m, key, keylen);
}

int cs_member_is(const cs_member *m, const char *key, size_t keylen)
{
	return member_is(m, key, keylen);
}

const cs_member *cs_obj_get(const cs_obj *obj, const char *key, size_t keylen)
{
	if (!obj->n)
		return NULL;   /* an empty object may have no member array at all */
	const cs_member *first = obj->m, *m = first + obj->n;
	while (m > first) {
		m--;
		if (!((m->key.n == keylen) | m->key_escaped)) /* one test for the usual miss */
			continue;
		if (!m->key_escaped) {
			if (same_bytes(m->key.p, key, keylen))
				return m;
		} else if (m->key.n >= keylen && escaped_key_is(m, key, keylen)) {
			return m; /* unescaping never makes a key longer */
		}
	}
	return NULL;
}

int cs_obj_path(const cs_obj *obj, const char *const *keys, const size_t *lens, size_t nkeys,
		cs_span *val, enum cs_jtype *type)
{
	const cs_member *m = nkeys ? cs_obj_get(obj, keys[0], lens[0]) : NULL;
	if (!m)
		return -1;
	cs_span v = m->val;
	enum cs_jtype t = (enum cs_jtype)m->type;
	cs_obj sub = {0};
	for (size_t i = 1; i < nkeys; i++) {
		cs_jerr err;
		if (t != CS_J_OBJECT || cs_json_object(v.p, v.n, 0, &sub, &err) < 0)
			goto missing;
		const cs_member *sm = cs_obj_get(&sub, keys[i], lens[i]);
		if (!sm)
			goto missing;
		v = sm->val;
		t = (enum cs_jtype)sm->type;
	}
	cs_obj_free(&sub);
	*val = v;
	*type = t;
	return 0;
missing:
	cs_obj_free(&sub);
	return -1;
}

static inline uint64_t has_backslash8(uint64_t v) { return cs_has_byte8(v, '\\'); }

/* Whether p[0..n) holds a backslash; the strings are short, so no library call. */
static inline int has_backslash(const char *p, size_t n)
{
#if defined(__SSE2__)
	if (n >= 16) {
		const __m128i bs = _mm_set1_epi8('\\');
		size_t i = 0;
		for (; i + 16 < n; i += 16)
			if (_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(p + i)), bs)))
				return 1;
		return _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(p + n - 16)), bs)) != 0;
	}
#endif
	return !cs_none8(p, n, has_backslash8);
}

int cs_json_str(cs_span val, enum cs_jtype type, cs_buf *scratch, const char **s, size_t *n)
{
	if (type != CS_J_STRING)
		return -1;
	const char *p = val.p + 1;
	size_t len = val.n - 2;
	if (!has_backslash(p, len)) {
		*s = p;
		*n = len;
		return 0;
	}
	unescape(p, len, scratch);
	*s = scratch->p;
	*n = scratch->len;
	return 0;
}

int cs_member_str(const cs_member *m, cs_buf *scratch, const char **s, size_t *n)
{
	if (m->type == CS_J_STRING && m->val_plain) {
		*s = m->val.p + 1;
		*n = m->val.n - 2;
		return 0;
	}
	return cs_json_str(m->val, (enum cs_jtype)m->type, scratch, s, n);
}

int cs_member_id(const cs_member *m, cs_buf *scratch, const char **s, size_t *n)
{
	if (m->type == CS_J_NUMBER) {
		*s = m->val.p;
		*n = m->val.n;
		return 0;
	}
	return cs_member_str(m, scratch, s, n);
}

int cs_json_id(cs_span val, enum cs_jtype type, cs_buf *scratch, const char **s, size_t *n)
{
	if (type == CS_J_NUMBER) {
		*s = val.p;
		*n = val.n;
		return 0;
	}
	return cs_json_str(val, type, scratch, s, n);
}

/* Past the closing quote of a valid string whose contents start at p:
 * escapes taken in order (a backslash and the byte after it), sixteen
 * bytes a step while neither a quote nor a backslash comes (a call to
 * memchr cost more than the short strings of keys and ids). */
static const char *skip_string_valid(const char *p, const char *e)
{
#if defined(__SSE2__)
	while (e - p >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
		unsigned q = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
		unsigned b = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
		if (!(q | b)) {
			p += 16;
			continue;
		}
		unsigned first = (unsigned)__builtin_ctz(q | b);
		if (q >> first & 1)
			return p + first + 1;
		p += first + 2;   /* the backslash and the byte it escapes */
	}
#endif
	while (p < e) {
		if (*p == '"')
			return p + 1;
		p += *p == '\\' ? 2 : 1;
	}
	return e;
}

/* The byte after a number or a literal: ',', ']', '}' or white space. */
static inline int ends_scalar(char c)
{
	return c == ',' || c == ']' || c == '}' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* End of the valid value at p (no checks: the text was validated before). */
static const char *skip_valid(const char *p, const char *e)
{
	int depth = 0;
	do {
		p = skip_ws(p, e);
		if (*p == '"') {
			p = skip_string_valid(p + 1, e);
		} else if (*p == '{' || *p == '[') {
			depth++;
			p++;
		} else if (*p == '}' || *p == ']') {
			depth--;
			p++;
		} else if (*p == ',' || *p == ':') {
			p++;
		} else {
			while (p < e && !ends_scalar(*p))
				p++;
		}
	} while (depth > 0 && p < e);
	return p;
}

int cs_json_each(cs_span arr, int (*fn)(cs_span item, enum cs_jtype type, void *ctx), void *ctx)
{
	const char *p = arr.p + 1, *e = arr.p + arr.n - 1;
	for (;;) {
		p = skip_ws(p, e);
		if (p >= e)
			return 0;
		const char *end = skip_valid(p, e);
		enum cs_jtype t = *p == '{' ? CS_J_OBJECT : *p == '[' ? CS_J_ARRAY : scalar_type(*p);
		int r = fn((cs_span){p, (size_t)(end - p)}, t, ctx);
		if (r)
			return r;
		p = skip_ws(end, e);
		if (p < e && *p == ',')
			p++;
	}
}

enum cs_jtype cs_json_type_of(cs_span v)
{
	const char *p = skip_ws(v.p, v.p + v.n);
	if (p >= v.p + v.n)
		return CS_J_NONE;
	return *p == '{' ? CS_J_OBJECT : *p == '[' ? CS_J_ARRAY : scalar_type(*p);
}

int cs_json_member(cs_span obj, const char *key, size_t keylen, cs_span *val, enum cs_jtype *type)
{
	const char *p = skip_ws(obj.p, obj.p + obj.n), *e = obj.p + obj.n;
	int found = 0;
	if (p >= e || *p != '{')
		return -1;
	e = p + (skip_valid(p, e) - p) - 1;   /* the closing brace */
	for (p++;;) {
		p = skip_ws(p, e);
		if (p >= e || *p != '"')
			return found ? 0 : -1;
		const char *k = ++p;
		int escaped = 0;
		while (*p != '"') {
			escaped |= *p == '\\';
			p += *p == '\\' ? 2 : 1;
		}
		size_t kn = (size_t)(p - k);
		p = skip_ws(p + 1, e);   /* past the quote, to ':' */
		p = skip_ws(p + 1, e);
		const char *end = skip_valid(p, e);
		/* "te\u0078t" is the member text: unescaping never makes a key longer */
		if (escaped ? kn >= keylen && escaped_is(k, kn, key, keylen) : kn == keylen && memcmp(k, key, kn) == 0) {
			*val = (cs_span){p, (size_t)(end - p)};
			*type = *p == '{' ? CS_J_OBJECT : *p == '[' ? CS_J_ARRAY : scalar_type(*p);
			found = 1;
		}
		p = skip_ws(end, e);
		if (p < e && *p == ',')
			p++;
	}
}

/* The members of the object whose '{' is at p (its '}' before e) into
 * out; returns past the '}'. */
static const char *scan_members(const char *p, const char *e, cs_obj *out)
{
	out->n = 0;
	for (p++;;) {
		p = skip_ws(p, e);
		if (p >= e || *p != '"')
			return p < e ? p + 1 : e;
		const char *k = p + 1;
		p = skip_string_valid(k, e);
		size_t kn = (size_t)(p - 1 - k);
		p = skip_ws(p, e);   /* to ':' */
		p = skip_ws(p + 1, e);
		const char *end = skip_valid(p, e);
		if (out->n == out->cap) {
			out->cap = out->cap ? out->cap * 2 : 16;
			out->m = cs_realloc(out->m, out->cap * sizeof *out->m);
		}
		cs_member *m = &out->m[out->n++];
		m->key = (cs_span){k, kn};
		m->val = (cs_span){p, (size_t)(end - p)};
		m->type = (unsigned char)(*p == '{' ? CS_J_OBJECT : *p == '[' ? CS_J_ARRAY : scalar_type(*p));
		m->key_escaped = memchr(k, '\\', kn) != NULL;
		m->val_plain = 0;
		p = skip_ws(end, e);
		if (p < e && *p == ',')
			p++;
	}
}

int cs_json_members(cs_span obj, cs_obj *out)
{
	const char *p = skip_ws(obj.p, obj.p + obj.n), *e = obj.p + obj.n;
	out->n = 0;
	if (p >= e || *p != '{')
		return -1;
	out->whole = (cs_span){p, (size_t)(e - p)};
	scan_members(p, e, out);
	return 0;
}

int cs_json_each_members(cs_span arr, cs_obj *obj,
			 int (*fn)(cs_span item, enum cs_jtype type, const cs_obj *members, void *ctx), void *ctx)
{
	const char *p = arr.p + 1, *e = arr.p + arr.n - 1;
	for (;;) {
		p = skip_ws(p, e);
		if (p >= e)
			return 0;
		const char *end;
		const cs_obj *members = NULL;
		if (*p == '{') {
			end = scan_members(p, e, obj);
			obj->whole = (cs_span){p, (size_t)(end - p)};
			members = obj;
		} else {
			end = skip_valid(p, e);
		}
		enum cs_jtype t = *p == '{' ? CS_J_OBJECT : *p == '[' ? CS_J_ARRAY : scalar_type(*p);
		int r = fn((cs_span){p, (size_t)(end - p)}, t, members, ctx);
		if (r)
			return r;
		p = skip_ws(end, e);
		if (p < e && *p == ',')
			p++;
	}
}

void cs_json_compact(const char *json, size_t n, cs_buf *out)
{
	int in_str = 0;
	for (size_t i = 0; i < n; i++) {
		char ch = json[i];
		if (in_str) {
			if (ch == '\\' && i + 1 < n) {
				cs_buf_addc(out, ch);
				ch = json[++i];
			} else if (ch == '"') {
				in_str = 0;
			}
		} else if (ch == '"') {
			in_str = 1;
		} else if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
			continue;
		}
		cs_buf_addc(out, ch);
	}
}

