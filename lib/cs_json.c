#include "cs_json.h"
#include "cs_mem.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/* Non-zero if any byte of v is '"', '\\' or below 0x20. May report a false
 * positive across a borrow, never a false negative: callers then look byte by byte. */
static inline uint64_t json_special(uint64_t v)
{
	uint64_t q = v ^ (ONES * '"'), b = v ^ (ONES * '\\');
	uint64_t zq = (q - ONES) & ~q, zb = (b - ONES) & ~b, lt = (v - ONES * 0x20) & ~v;
	return (zq | zb | lt) & HIGHS;
}

static inline int is_ws(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

static const char *skip_ws(const char *p, const char *e)
{
	while (p < e && is_ws(*p))
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

/* p is just past the opening quote. Returns the byte after the closing quote,
 * or NULL with err->what set; *escaped says whether a backslash occurred. */
static const char *scan_string(const char *p, const char *e, int *escaped, cs_jerr *err, const char *base)
{
	for (;;) {
		while (e - p >= 8) {
			uint64_t v;
			memcpy(&v, p, 8);
			if (json_special(v))
				break;
			p += 8;
		}
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
					err->off = (size_t)(p - base);
					err->what = "invalid \\u escape";
					return NULL;
				}
				p += 6;
				continue;
			default:
				err->off = (size_t)(p - base);
				err->what = "invalid escape in string";
				return NULL;
			}
		}
		if (c < 0x20) {
			err->off = (size_t)(p - base);
			err->what = "control character in string";
			return NULL;
		}
		p++;
	}
unterminated:
	err->off = (size_t)(e - base);
	err->what = "unterminated string";
	return NULL;
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
	char stack_small[64];
	char *stack;
};

static int fail(struct scan *s, const char *at, const char *what)
{
	s->err->off = (size_t)(at - s->base);
	s->err->what = what;
	return -1;
}

static void add_member(cs_obj *obj, const char *kp, size_t kn, int escaped)
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

/* Scan one scalar at p; returns its end or NULL (error set). */
static const char *scan_scalar(struct scan *s, const char *p)
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

/* Iterative scan of one value at p (no recursion, so hostile nesting cannot
 * overflow the C stack). Records top-level members of an object at depth 1. */
static const char *scan_value(struct scan *s, const char *p, enum cs_jtype *type)
{
	const char *e = s->end;
	int depth = 0;
	cs_member *cur = NULL;   /* top-level member whose value is being scanned */
	p = skip_ws(p, e);
	if (p >= e)
		return fail(s, p, "expected a value"), NULL;
	*type = *p == '{' ? CS_J_OBJECT : *p == '[' ? CS_J_ARRAY : scalar_type(*p);
	for (;;) {
		/* at a value */
		p = skip_ws(p, e);
		if (p >= e)
			return fail(s, p, "expected a value"), NULL;
		const char *vstart = p;
		int opened = 0;
		if (*p == '{' || *p == '[') {
			if (depth >= s->max_depth)
				return fail(s, p, "nesting too deep (--max-depth)"), NULL;
			s->stack[depth++] = *p;
			p = skip_ws(p + 1, e);
			opened = 1;
			if (p < e && (*p == '}' || *p == ']')) {
				if ((*p == '}') != (s->stack[depth - 1] == '{'))
					return fail(s, p, "mismatched bracket"), NULL;
				depth--;
				p++;
				opened = 0;
			}
		} else {
			p = scan_scalar(s, p);
			if (!p)
				return NULL;
		}
		if (cur && depth == 1 && !opened) {
			cur->val.p = vstart;
			cur->val.n = (size_t)(p - vstart);
			cur->type = (unsigned char)(*vstart == '{' ? CS_J_OBJECT : *vstart == '[' ? CS_J_ARRAY : scalar_type(*vstart));
			cur = NULL;
		}
		if (opened && depth == 2 && cur && !cur->val.p)
			cur->val.p = vstart;   /* end filled in when the container closes */
		/* after a value, or just inside a new container */
		for (;;) {
			if (depth == 0)
				return p;
			p = skip_ws(p, e);
			if (p >= e)
				return fail(s, p, s->stack[depth - 1] == '{' ? "expected ',' or '}'" : "expected ',' or ']'"), NULL;
			char top = s->stack[depth - 1];
			if (opened) {
				opened = 0;
				if (top == '[')
					break;        /* first array element */
				goto key;         /* first object key */
			}
			if (*p == ',') {
				p = skip_ws(p + 1, e);
				if (top == '[')
					break;
				goto key;
			}
			if ((top == '{' && *p == '}') || (top == '[' && *p == ']')) {
				p++;
				depth--;
				if (depth == 1 && s->obj && s->obj->n && s->obj->m[s->obj->n - 1].val.p &&
				    !s->obj->m[s->obj->n - 1].val.n) {
					cs_member *m = &s->obj->m[s->obj->n - 1];
					m->val.n = (size_t)(p - m->val.p);
					m->type = (unsigned char)(*m->val.p == '{' ? CS_J_OBJECT : CS_J_ARRAY);
				}
				continue;
			}
			return fail(s, p, top == '{' ? "expected ',' or '}'" : "expected ',' or ']'"), NULL;
key:
			if (p >= e || *p != '"')
				return fail(s, p, "expected a string key"), NULL;
			{
				int esc = 0;
				const char *kend = scan_string(p + 1, e, &esc, s->err, s->base);
				if (!kend)
					return NULL;
				if (depth == 1 && s->obj) {
					add_member(s->obj, p + 1, (size_t)(kend - p - 2), esc);
					cur = &s->obj->m[s->obj->n - 1];
				}
				p = skip_ws(kend, e);
				if (p >= e || *p != ':')
					return fail(s, p, "expected ':'"), NULL;
				p++;
			}
			break;
		}
	}
}

static int scan_run(struct scan *s, enum cs_jtype *type)
{
	s->stack = s->max_depth <= (int)sizeof s->stack_small ? s->stack_small : cs_malloc((size_t)s->max_depth);
	const char *p = scan_value(s, s->base, type);
	if (s->stack != s->stack_small)
		free(s->stack);
	if (!p)
		return -1;
	p = skip_ws(p, s->end);
	if (p != s->end)
		return fail(s, p, "unexpected data after the value");
	return 0;
}

int cs_json_object(const char *p, size_t n, int max_depth, cs_obj *obj, cs_jerr *err)
{
	struct scan s = {.base = p, .end = p + n, .max_depth = max_depth > 0 ? max_depth : CS_JSON_DEFAULT_MAX_DEPTH,
			 .obj = obj, .err = err};
	enum cs_jtype type;
	obj->n = 0;
	const char *first = skip_ws(p, p + n);
	if (first < p + n && *first != '{')
		return fail(&s, first, "not a JSON object");
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
	struct scan s = {.base = p, .end = p + n, .max_depth = max_depth > 0 ? max_depth : CS_JSON_DEFAULT_MAX_DEPTH,
			 .obj = NULL, .err = err};
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

int cs_member_is(const cs_member *m, const char *key, size_t keylen)
{
	if (!m->key_escaped)
		return m->key.n == keylen && memcmp(m->key.p, key, keylen) == 0;
	cs_buf tmp = CS_BUF_INIT;
	unescape(m->key.p, m->key.n, &tmp);
	int same = tmp.len == keylen && memcmp(tmp.p, key, keylen) == 0;
	cs_buf_free(&tmp);
	return same;
}

const cs_member *cs_obj_get(const cs_obj *obj, const char *key, size_t keylen)
{
	for (size_t i = obj->n; i-- > 0;)
		if (cs_member_is(&obj->m[i], key, keylen))
			return &obj->m[i];
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

int cs_json_str(cs_span val, enum cs_jtype type, cs_buf *scratch, const char **s, size_t *n)
{
	if (type != CS_J_STRING)
		return -1;
	const char *p = val.p + 1;
	size_t len = val.n - 2;
	if (!memchr(p, '\\', len)) {
		*s = p;
		*n = len;
		return 0;
	}
	unescape(p, len, scratch);
	*s = scratch->p;
	*n = scratch->len;
	return 0;
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

/* End of the valid value at p (no checks: the text was validated before). */
static const char *skip_valid(const char *p, const char *e)
{
	int depth = 0;
	do {
		p = skip_ws(p, e);
		if (*p == '"') {
			p++;
			while (*p != '"')
				p += *p == '\\' ? 2 : 1;
			p++;
		} else if (*p == '{' || *p == '[') {
			depth++;
			p++;
		} else if (*p == '}' || *p == ']') {
			depth--;
			p++;
		} else if (*p == ',' || *p == ':') {
			p++;
		} else {
			while (p < e && !strchr(",]} \t\r\n", *p))
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
