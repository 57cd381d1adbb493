/* fmt_mail_mime: header fields, encoded words, MIME parts (see fmt_mail_mime.h). */
#include "fmt_mail_mime.h"
#include "fmt_text.h"
#include "kit_in.h"
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static int is_wsp(char c) { return c == ' ' || c == '\t'; }
static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c; }

static int all_ascii(const char *s, size_t n)
{
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		if (w & 0x8080808080808080ULL)
			return 0;
	}
	for (; i < n; i++)
		if (s[i] & 0x80)
			return 0;
	return 1;
}

/* ---- the header block ---- */

#define FIELD(s, f) {s, sizeof s - 1, f}
static const struct {
	const char *name;
	size_t len;
	enum mail_field f;
} field_names[] = {
	FIELD("from", MH_FROM), FIELD("to", MH_TO), FIELD("cc", MH_CC), FIELD("date", MH_DATE),
	FIELD("subject", MH_SUBJECT), FIELD("message-id", MH_MESSAGE_ID), FIELD("in-reply-to", MH_IN_REPLY_TO),
	FIELD("references", MH_REFERENCES), FIELD("content-type", MH_CONTENT_TYPE),
	FIELD("content-transfer-encoding", MH_ENCODING), FIELD("content-disposition", MH_DISPOSITION),
	FIELD("auto-submitted", MH_AUTO_SUBMITTED), FIELD("x-autoreply", MH_X_AUTOREPLY),
	FIELD("x-autorespond", MH_X_AUTORESPOND), FIELD("precedence", MH_PRECEDENCE),
};

/* The ':' ending a field name at the start of s[0..e), or NULL. */
static const char *field_colon(const char *s, const char *e)
{
	const char *p = s;
	while (p < e && *p > ' ' && *p < 127 && *p != ':')
		p++;
	if (p == s)
		return NULL;
	const char *q = p;
	while (q < e && is_wsp(*q))
		q++;
	return q < e && *q == ':' ? q : NULL;
}

int mail_is_header_line(const char *s, const char *e)
{
	const char *nl = memchr(s, '\n', (size_t)(e - s));
	return field_colon(s, nl ? nl : e) != NULL;
}

static cs_span *field_slot(mail_head *h, const char *name, const char *colon)
{
	size_t n = (size_t)(colon - name);
	while (n && is_wsp(name[n - 1]))
		n--;
	for (size_t i = 0; i < sizeof field_names / sizeof field_names[0]; i++)
		if (field_names[i].len == n && (name[0] | 0x20) == field_names[i].name[0] &&
		    strncasecmp(field_names[i].name, name, n) == 0)
			return h->v[field_names[i].f].p ? NULL : &h->v[field_names[i].f];
	return NULL;
}

/* mbox separators and their quoted forms may stand in a header block. */
static int is_from_line(const char *s, const char *e)
{
	while (s < e && *s == '>')
		s++;
	return e - s >= 5 && memcmp(s, "From ", 5) == 0;
}

void mail_head_parse(mail_head *h, const char *s, size_t n)
{
	const char *p = s, *e = s + n;
	cs_span *cur = NULL;
	memset(h, 0, sizeof *h);
	while (p < e) {
		const char *nl = memchr(p, '\n', (size_t)(e - p));
		const char *le = nl ? nl : e, *next = nl ? nl + 1 : e;
		if (le > p && le[-1] == '\r')
			le--;
		if (le == p) {
			h->body = next;
			return;
		}
		if (is_wsp(*p)) {
			if (cur)
				cur->n = (size_t)(le - cur->p);
		} else {
			const char *colon = field_colon(p, le);
			cur = colon ? field_slot(h, p, colon) : NULL;
			if (cur) {
				cur->p = colon + 1;
				cur->n = (size_t)(le - cur->p);
			} else if (!colon && !h->bad && !is_from_line(p, le)) {
				h->bad = p;
			}
		}
		p = next;
	}
	h->body = e;
	h->cut = 1;
}

void mail_unfold(cs_span v, cs_buf *out)
{
	cs_buf_reset(out);
	if (!v.p) {
		cs_buf_reserve(out, 0);
		out->p[0] = '\0';
		return;
	}
	const char *p = v.p, *e = v.p + v.n;
	while (p < e && is_space(*p))
		p++;
	while (e > p && is_space(e[-1]))
		e--;
	while (p < e) {
		const char *q = p;
		while (q < e && *q != '\r' && *q != '\n')
			q++;
		cs_buf_add(out, p, (size_t)(q - p));
		while (q < e && (*q == '\r' || *q == '\n'))
			q++;
		p = q;
	}
	cs_buf_addc(out, '\0');
	out->len--;
}

/* ---- charsets ---- */

static int ascii_based(const char *charset)
{
	static const char *const stateful[] = {"utf-7", "unicode-1-1-utf-7", "iso-2022", "hz", "utf-16", "utf-32", "ucs", NULL};
	for (const char *const *s = stateful; *s; s++)
		if (strncasecmp(charset, *s, strlen(*s)) == 0)
			return 0;
	return 1;
}

static int has_replacement(const char *s, size_t n) { return memmem(s, n, "\xEF\xBF\xBD", 3) != NULL; }

/* s[0..n) is UTF-8 but for 0xFF bytes, which no UTF-8 holds: the marks of
 * what --encoding could not convert (CS_IN_UNCONVERTED), or damage; either
 * way no other encoding is to be guessed. */
static int utf8_but_marks(const char *s, size_t n)
{
	size_t bad;
	while (!cs_utf8_valid(s, n, &bad)) {
		if ((unsigned char)s[bad] != CS_IN_UNCONVERTED)
			return 0;
		s += bad + 1;
		n -= bad + 1;
	}
	return 1;
}

static void guess_utf8(const char *s, size_t n, cs_buf *out)
{
	size_t bad;
	if (cs_utf8_valid(s, n, &bad)) {
		cs_buf_add(out, s, n);
		return;
	}
	if (utf8_but_marks(s, n)) {
		cs_utf8_replace(s, n, bad, out);
		return;
	}
	cs_buf gb = CS_BUF_INIT;
	cs_to_utf8("GB18030", s, n, &gb);
	if (!has_replacement(gb.p, gb.len))
		cs_buf_add(out, gb.p, gb.len);
	else
		cs_to_utf8("WINDOWS-1252", s, n, out);
	cs_buf_free(&gb);
}

void mail_text_utf8(const char *charset, const char *s, size_t n, cs_buf *out)
{
	if (!n)
		return;
	if (charset && (!*charset || strcasecmp(charset, "us-ascii") == 0 || strcasecmp(charset, "ascii") == 0))
		charset = NULL;
	if ((!charset || ascii_based(charset)) && all_ascii(s, n)) {
		cs_buf_add(out, s, n);
		return;
	}
	if (charset) {
		size_t mark = out->len;
		if (cs_to_utf8(charset, s, n, out) == 0)
			return;
		out->len = mark;   /* a charset iconv does not know: guess instead */
		out->p[mark] = '\0';
	}
	guess_utf8(s, n, out);
}

/* ---- transfer encodings ---- */

static int b64_value(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+' || c == '-')
		return 62;
	if (c == '/' || c == '_')
		return 63;
	return c == '=' ? -2 : -1;
}

/* Decode into o (room for n / 4 * 3 + 3 bytes) or only count (o NULL). A
 * '=' ends a quantum, so chunks joined after their padding read right;
 * other bytes outside the alphabet are skipped. */
static size_t b64_run(const char *s, size_t n, char *o)
{
	uint32_t acc = 0;
	int bits = 0;
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		int v = b64_value((unsigned char)s[i]);
		if (v == -2) {
			acc = 0;
			bits = 0;
			continue;
		}
		if (v < 0)
			continue;
		acc = acc << 6 | (uint32_t)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			if (o)
				o[k] = (char)(acc >> bits & 0xFF);
			k++;
		}
	}
	return k;
}

void mail_base64_decode(const char *s, size_t n, cs_buf *out)
{
	cs_buf_reserve(out, n / 4 * 3 + 3);
	out->len += b64_run(s, n, out->p + out->len);
	out->p[out->len] = '\0';
}

size_t mail_base64_size(const char *s, size_t n) { return b64_run(s, n, NULL); }

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = lower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* The byte of the two hex digits at p (before e), or -1. */
static int hex_pair(const char *p, const char *e)
{
	if (e - p < 2)
		return -1;
	int hi = hex_value(p[0]), lo = hex_value(p[1]);
	return hi < 0 || lo < 0 ? -1 : hi << 4 | lo;
}

void mail_qp_decode(const char *s, size_t n, cs_buf *out)
{
	const char *p = s, *e = s + n;
	cs_buf_reserve(out, n);
	while (p < e) {
		const char *eq = memchr(p, '=', (size_t)(e - p));
		if (!eq) {
			cs_buf_add(out, p, (size_t)(e - p));
			break;
		}
		cs_buf_add(out, p, (size_t)(eq - p));
		int byte = hex_pair(eq + 1, e);
		if (byte >= 0) {
			cs_buf_addc(out, (char)byte);
			p = eq + 3;
			continue;
		}
		const char *q = eq + 1;   /* a soft line break: '=', maybe white space, the line end */
		while (q < e && is_wsp(*q))
			q++;
		if (q < e && *q == '\r')
			q++;
		if (q >= e || *q == '\n') {
			p = q < e ? q + 1 : e;
			continue;
		}
		cs_buf_addc(out, '=');
		p = eq + 1;
	}
}

/* ---- encoded words ---- */

struct words {
	cs_buf *out;
	cs_buf raw;        /* decoded bytes of the encoded words in a row of one charset */
	char charset[48];
};

static void words_flush(struct words *w)
{
	if (w->raw.len)
		mail_text_utf8(w->charset, w->raw.p, w->raw.len, w->out);
	cs_buf_reset(&w->raw);
}

static void q_decode(const char *s, size_t n, cs_buf *out)
{
	for (size_t i = 0; i < n; i++) {
		int byte = s[i] == '=' ? hex_pair(s + i + 1, s + n) : -1;
		if (s[i] == '_') {
			cs_buf_addc(out, ' ');
		} else if (byte >= 0) {
			cs_buf_addc(out, (char)byte);
			i += 2;
		} else
			cs_buf_addc(out, s[i]);
	}
}

/* An encoded word at s ("=?"): its charset, encoding and text; returns its
 * end, or NULL when it is none. */
static const char *encoded_word(const char *s, const char *e, cs_span *cs, char *enc, cs_span *text)
{
	const char *p = s + 2, *q = p;
	while (q < e && q - p < 40 && *q != '?' && *q > ' ')
		q++;
	if (q == p || q + 3 > e || *q != '?' || q[2] != '?')
		return NULL;
	*cs = (cs_span){p, (size_t)(q - p)};
	*enc = lower(q[1]);
	if (*enc != 'b' && *enc != 'q')
		return NULL;
	const char *t = q + 3, *end = t;
	while (end + 1 < e && end - t < 1000 && *end != '\n' && !(end[0] == '?' && end[1] == '='))
		end++;
	if (end + 1 >= e || end[0] != '?' || end[1] != '=')
		return NULL;
	*text = (cs_span){t, (size_t)(end - t)};
	return end + 2;
}

static void words_add(struct words *w, cs_span cs, char enc, cs_span text)
{
	char name[48];
	size_t k = 0;
	for (; k < cs.n && k + 1 < sizeof name && cs.p[k] != '*'; k++)
		name[k] = cs.p[k];
	name[k] = '\0';
	if (strcasecmp(name, w->charset) != 0) {
		words_flush(w);
		memcpy(w->charset, name, k + 1);
	}
	if (enc == 'b')
		mail_base64_decode(text.p, text.n, &w->raw);
	else
		q_decode(text.p, text.n, &w->raw);
}

void mail_decode_words(const char *s, size_t n, cs_buf *out)
{
	const char *p = s, *e = s + n;
	if (!memmem(s, n, "=?", 2)) {
		mail_text_utf8(NULL, s, n, out);
		return;
	}
	struct words w = {out, CS_BUF_INIT, ""};
	int after_word = 0;
	while (p < e) {
		const char *q = memmem(p, (size_t)(e - p), "=?", 2);
		cs_span cs, text;
		char enc;
		const char *end = q ? encoded_word(q, e, &cs, &enc, &text) : NULL;
		if (!q || !end) {
			const char *stop = q ? q + 2 : e;
			words_flush(&w);
			mail_text_utf8(NULL, p, (size_t)(stop - p), out);
			p = stop;
			after_word = 0;
			continue;
		}
		const char *g = p;
		while (g < q && is_space(*g))
			g++;
		if (!(after_word && g == q)) {
			words_flush(&w);
			mail_text_utf8(NULL, p, (size_t)(q - p), out);
		}
		words_add(&w, cs, enc, text);
		p = end;
		after_word = 1;
	}
	words_flush(&w);
	cs_buf_free(&w.raw);
}

/* ---- parameters ---- */

/* The next "attr=value" after s (at ';'); returns where the next one is
 * looked for, or NULL at the end. value is unescaped into val. */
static const char *next_param(const char *p, const char *e, cs_span *attr, cs_buf *val)
{
	while (p < e && *p != ';')
		p++;
	if (p >= e)
		return NULL;
	p++;
	while (p < e && is_space(*p))
		p++;
	const char *a = p;
	while (p < e && *p != '=' && *p != ';')
		p++;
	const char *ae = p;
	while (ae > a && is_space(ae[-1]))
		ae--;
	*attr = (cs_span){a, (size_t)(ae - a)};
	cs_buf_reset(val);
	if (p >= e || *p != '=')
		return p;
	p++;
	while (p < e && is_space(*p))
		p++;
	if (p < e && *p == '"') {
		for (p++; p < e && *p != '"'; p++) {
			if (*p == '\\' && p + 1 < e)
				p++;
			cs_buf_addc(val, *p);
		}
		return p < e ? p + 1 : e;
	}
	const char *v = p;
	while (p < e && *p != ';')
		p++;
	const char *ve = p;
	while (ve > v && is_space(ve[-1]))
		ve--;
	cs_buf_add(val, v, (size_t)(ve - v));
	return p;
}

/* RFC 2231: "charset'lang'%xx..." (first) or "%xx..." into raw. */
static void ext_value(const char *s, size_t n, int first, char *charset, size_t cap, cs_buf *raw)
{
	const char *p = s, *e = s + n;
	if (first) {
		const char *q1 = memchr(p, '\'', n), *q2 = q1 ? memchr(q1 + 1, '\'', (size_t)(e - q1 - 1)) : NULL;
		if (q2) {
			size_t k = (size_t)(q1 - p) < cap - 1 ? (size_t)(q1 - p) : cap - 1;
			memcpy(charset, p, k);
			charset[k] = '\0';
			p = q2 + 1;
		}
	}
	for (; p < e; p++) {
		int byte = *p == '%' ? hex_pair(p + 1, e) : -1;
		if (byte >= 0) {
			cs_buf_addc(raw, (char)byte);
			p += 2;
		} else {
			cs_buf_addc(raw, *p);
		}
	}
}

int mail_param(const char *s, size_t n, const char *name, cs_buf *out)
{
	const char *p = s, *e = s + n;
	size_t nl = strlen(name);
	cs_buf val = CS_BUF_INIT, raw = CS_BUF_INIT;
	char charset[48] = "";
	int plain = 0, ext = 0;
	cs_span attr;
	cs_buf_reset(out);
	while ((p = next_param(p, e, &attr, &val)) != NULL) {
		if (attr.n == nl && strncasecmp(attr.p, name, nl) == 0) {
			if (!plain && !ext)
				mail_decode_words(val.p ? val.p : "", val.len, out);
			plain = 1;
		} else if (attr.n > nl && strncasecmp(attr.p, name, nl) == 0 && attr.p[nl] == '*') {
			const char *rest = attr.p + nl + 1, *re = attr.p + attr.n;
			int extended = re == rest || re[-1] == '*';
			int first = re == rest || (re - rest >= 1 && rest[0] == '0' && (re - rest == 1 || rest[1] == '*'));
			if (extended)
				ext_value(val.p ? val.p : "", val.len, first, charset, sizeof charset, &raw);
			else
				cs_buf_add(&raw, val.p ? val.p : "", val.len);
			ext = 1;
		}
	}
	if (ext) {
		cs_buf_reset(out);
		mail_text_utf8(charset[0] ? charset : NULL, raw.p ? raw.p : "", raw.len, out);
	}
	cs_buf_free(&val);
	cs_buf_free(&raw);
	cs_buf_reserve(out, 0);
	out->p[out->len] = '\0';
	return plain || ext ? 0 : -1;
}

/* ---- addresses ---- */

/* The end of the address that starts at p in a list (a ',' outside quotes,
 * angle brackets and comments). */
static const char *address_end(const char *p, const char *e)
{
	int quoted = 0, angle = 0, comment = 0;
	for (; p < e; p++) {
		if (quoted) {
			if (*p == '\\' && p + 1 < e)
				p++;
			else if (*p == '"')
				quoted = 0;
		} else if (*p == '"') {
			quoted = 1;
		} else if (*p == '(') {
			comment++;
		} else if (*p == ')' && comment) {
			comment--;
		} else if (*p == '<') {
			angle = 1;
		} else if (*p == '>') {
			angle = 0;
		} else if ((*p == ',' || *p == ';') && !angle && !comment) {
			return p;
		}
	}
	return e;
}

static void trim_span(const char **a, const char **b)
{
	while (*a < *b && (is_space(**a) || **a == '"'))
		(*a)++;
	while (*b > *a && (is_space((*b)[-1]) || (*b)[-1] == '"'))
		(*b)--;
}

/* One address s[0..e): the addr-spec (lowercased) and the display name. */
static void one_address(const char *s, const char *e, cs_buf *email, cs_buf *name)
{
	const char *lt = NULL, *gt = NULL;
	int quoted = 0;
	for (const char *p = s; p < e; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (*p == '<' && !quoted)
			lt = p;
		else if (*p == '>' && lt && !gt)
			gt = p;
	}
	const char *a, *b, *na = s, *nb = s;
	if (lt) {
		a = lt + 1;
		b = gt ? gt : e;
		na = s;
		nb = lt;
	} else {
		a = s;
		b = e;
		const char *c = e > s ? memchr(s, '(', (size_t)(e - s)) : NULL;
		if (c) {   /* "addr (Display Name)" */
			b = c;
			na = c + 1;
			const char *ce = memchr(c, ')', (size_t)(e - c));
			nb = ce ? ce : e;
		}
	}
	trim_span(&a, &b);
	for (const char *p = a; p < b; p++)
		if (!is_space(*p))
			cs_buf_addc(email, lower(*p));
	if (name) {
		trim_span(&na, &nb);
		mail_decode_words(na, (size_t)(nb - na), name);
		if (name->len)
			cs_text_trim(name);
	}
}

void mail_address(cs_span v, cs_buf *email, cs_buf *name)
{
	cs_buf_reset(email);
	cs_buf_reset(name);
	if (!v.p)
		return;
	const char *p = v.p, *e = v.p + v.n;
	while (p < e) {
		const char *end = address_end(p, e);
		one_address(p, end, email, name);
		if (memchr(email->p ? email->p : "", '@', email->len))
			break;
		cs_buf_reset(email);
		cs_buf_reset(name);
		p = end + 1;
	}
}

int mail_each_address(cs_span v, cs_buf *tmp, int (*fn)(const char *addr, size_t n, void *ctx), void *ctx)
{
	if (!v.p)
		return 0;
	const char *p = v.p, *e = v.p + v.n;
	while (p < e) {
		const char *end = address_end(p, e);
		cs_buf_reset(tmp);
		one_address(p, end, tmp, NULL);
		if (tmp->len && memchr(tmp->p, '@', tmp->len)) {
			int r = fn(tmp->p, tmp->len, ctx);
			if (r)
				return r;
		}
		p = end + 1;
	}
	return 0;
}

int mail_msgid(cs_span v, size_t i, cs_span *id)
{
	if (!v.p)
		return -1;
	const char *p = v.p, *e = v.p + v.n;
	for (;;) {
		const char *lt = memchr(p, '<', (size_t)(e - p));
		if (!lt)
			break;
		const char *gt = memchr(lt, '>', (size_t)(e - lt));
		if (!gt)
			break;
		const char *a = lt + 1, *b = gt;
		trim_span(&a, &b);
		if (b > a && i-- == 0) {
			*id = (cs_span){a, (size_t)(b - a)};
			return 0;
		}
		p = gt + 1;
	}
	if (p == v.p && i == 0) {   /* no brackets at all: a bare id */
		const char *a = v.p, *b = e;
		trim_span(&a, &b);
		if (b > a && memchr(a, '@', (size_t)(b - a)) && !memchr(a, ' ', (size_t)(b - a))) {
			*id = (cs_span){a, (size_t)(b - a)};
			return 0;
		}
	}
	return -1;
}

/* ---- MIME ---- */

/* The lowercased media type of a Content-Type value (unfolded into b->ct),
 * or dflt. */
static void media_type(mail_body *b, cs_span v, const char *dflt, char *out, size_t cap)
{
	mail_unfold(v, &b->ct);
	size_t k = 0;
	const char *p = b->ct.p;
	if (p)
		for (; k + 1 < cap && p[k] && p[k] != ';' && !is_space(p[k]); k++)
			out[k] = lower(p[k]);
	out[k] = '\0';
	if (!memchr(out, '/', k))
		snprintf(out, cap, "%s", dflt);
}

/* A one-word value (Content-Transfer-Encoding, the disposition), lowercased. */
static void token(mail_body *b, cs_span v, char *out, size_t cap)
{
	mail_unfold(v, &b->tmp);
	size_t k = 0;
	for (; k + 1 < cap && k < b->tmp.len && b->tmp.p[k] != ';' && !is_space(b->tmp.p[k]); k++)
		out[k] = lower(b->tmp.p[k]);
	out[k] = '\0';
}

static void ct_param(mail_body *b, const char *name, char *out, size_t cap)
{
	out[0] = '\0';
	if (b->ct.len && mail_param(b->ct.p, b->ct.len, name, &b->tmp) == 0 && b->tmp.len < cap)
		memcpy(out, b->tmp.p, b->tmp.len + 1);
}

static void add_attachment(mail_body *b, const char *type, const char *name, size_t namen, size_t size)
{
	cs_jw *w = &b->aw;
	if (!b->natt++) {
		cs_jw_init(w, &b->att);
		cs_jw_array(w);
	}
	const char *kind = strncmp(type, "image/", 6) == 0 ? "image"
			 : strncmp(type, "audio/", 6) == 0 ? "audio"
			 : strncmp(type, "video/", 6) == 0 ? "video" : "file";
	cs_jw_object(w);
	cs_jw_key(w, "type");
	cs_jw_cstr(w, kind);
	if (namen) {
		cs_jw_key(w, "name");
		cs_jw_str(w, name, namen);
	}
	cs_jw_key(w, "size");
	cs_jw_uint(w, size);
	cs_jw_key(w, "content_type");
	cs_jw_cstr(w, type);
	cs_jw_end_object(w);
}

enum cte { CTE_IDENTITY, CTE_BASE64, CTE_QP };

static enum cte transfer_encoding(mail_body *b, const mail_head *h)
{
	char enc[24];
	token(b, h->v[MH_ENCODING], enc, sizeof enc);
	return strcmp(enc, "base64") == 0 ? CTE_BASE64 : strcmp(enc, "quoted-printable") == 0 ? CTE_QP : CTE_IDENTITY;
}

/* The body decoded into b->dec, or left where it is. */
static cs_span decoded(mail_body *b, enum cte cte, const char *p, const char *e)
{
	if (cte == CTE_IDENTITY)
		return (cs_span){p, (size_t)(e - p)};
	cs_buf_reset(&b->dec);
	if (cte == CTE_BASE64)
		mail_base64_decode(p, (size_t)(e - p), &b->dec);
	else
		mail_qp_decode(p, (size_t)(e - p), &b->dec);
	return (cs_span){b->dec.p ? b->dec.p : "", b->dec.len};
}

static void text_part(mail_body *b, const mail_head *h, int html, const char *p, const char *e)
{
	char charset[48];
	ct_param(b, "charset", charset, sizeof charset);
	cs_span body = decoded(b, transfer_encoding(b, h), p, e);
	size_t mark = b->text.len;
	if (mark)
		cs_buf_adds(&b->text, "\n\n");
	size_t start = b->text.len;
	const char *lead = body.p;
	while (lead < body.p + body.n && is_space(*lead))
		lead++;
	if (!html && lead < body.p + body.n && *lead == '<' && cs_looks_html(body.p, body.n < 4096 ? body.n : 4096))
		html = 1;   /* HTML sent as text/plain */
	if (html) {
		cs_buf_reset(&b->tmp);
		mail_text_utf8(charset[0] ? charset : NULL, body.p, body.n, &b->tmp);
		cs_html_to_text(b->tmp.p ? b->tmp.p : "", b->tmp.len, &b->text);
	} else {
		mail_text_utf8(charset[0] ? charset : NULL, body.p, body.n, &b->text);
	}
	if (!b->text.p)
		return;
	const char *t = b->text.p + start, *te = b->text.p + b->text.len;
	while (t < te && is_space(*t))
		t++;
	if (t == te) {   /* nothing readable: no separator either */
		b->text.len = mark;
		b->text.p[mark] = '\0';
	}
}

/* The Message-ID of an attached message or its header block. */
static void note_original(mail_body *b, const char *p, const char *e)
{
	mail_head inner;
	if (b->orig_id.p)
		return;
	mail_head_parse(&inner, p, (size_t)(e - p));
	mail_msgid(inner.v[MH_MESSAGE_ID], 0, &b->orig_id);
}

static void attached_message(mail_body *b, const mail_head *h, const char *p, const char *e)
{
	enum cte cte = transfer_encoding(b, h);
	mail_head inner = {0};
	if (cte == CTE_IDENTITY) {
		note_original(b, p, e);
		mail_head_parse(&inner, p, (size_t)(e - p));
	}
	cs_buf_reset(&b->tmp);
	if (h->v[MH_DISPOSITION].p) {
		mail_unfold(h->v[MH_DISPOSITION], &b->dec);
		mail_param(b->dec.p, b->dec.len, "filename", &b->tmp);
	}
	if (!b->tmp.len && cte == CTE_IDENTITY && inner.v[MH_SUBJECT].p) {
		mail_unfold(inner.v[MH_SUBJECT], &b->dec);
		mail_decode_words(b->dec.p, b->dec.len, &b->tmp);
	}
	size_t size = cte == CTE_BASE64 ? mail_base64_size(p, (size_t)(e - p)) : decoded(b, cte, p, e).n;
	add_attachment(b, "message/rfc822", b->tmp.p, b->tmp.len, size);
}

static void leaf(mail_body *b, const mail_head *h, const char *type, const char *p, const char *e)
{
	char disp[16];
	token(b, h->v[MH_DISPOSITION], disp, sizeof disp);
	if (strcmp(type, "message/delivery-status") == 0 || strcmp(type, "message/global-delivery-status") == 0) {
		b->delivery_status = 1;
		return;
	}
	if (strcmp(type, "text/rfc822-headers") == 0 || strcmp(type, "message/rfc822-headers") == 0) {
		note_original(b, p, e);
		return;
	}
	int attachment = strcmp(disp, "attachment") == 0;
	if (!attachment && (strcmp(type, "text/plain") == 0 || strcmp(type, "text/html") == 0)) {
		text_part(b, h, type[5] == 'h', p, e);
		return;
	}
	if (strcmp(type, "message/rfc822") == 0 || strcmp(type, "message/global") == 0) {
		attached_message(b, h, p, e);
		return;
	}
	cs_buf *name = &b->ct;   /* the Content-Type value is not needed any more */
	cs_buf_reset(&b->dec);
	if (h->v[MH_DISPOSITION].p) {
		mail_unfold(h->v[MH_DISPOSITION], &b->tmp);
		mail_param(b->tmp.p, b->tmp.len, "filename", &b->dec);
	}
	if (!b->dec.len && b->ct.len) {
		mail_param(b->ct.p, b->ct.len, "name", &b->tmp);
		cs_buf_reset(&b->dec);
		cs_buf_add(&b->dec, b->tmp.p, b->tmp.len);
	}
	enum cte cte = transfer_encoding(b, h);
	size_t size = (size_t)(e - p);
	if (cte == CTE_BASE64) {
		size = mail_base64_size(p, size);
	} else if (cte == CTE_QP) {
		cs_buf_reset(name);
		mail_qp_decode(p, size, name);
		size = name->len;
	}
	add_attachment(b, type, b->dec.p, b->dec.len, size);
}

static void entity(mail_body *b, const mail_head *h, const char *p, const char *e, int depth, const char *dflt);

/* The next line at or after p that is "--boundary" (closing: "--boundary--"). */
static const char *find_boundary(const char *start, const char *p, const char *e, const char *needle, size_t nn,
				 int *closing, const char **after)
{
	while (p < e) {
		const char *q = memmem(p, (size_t)(e - p), needle, nn);
		if (!q)
			return NULL;
		p = q + 1;
		if (q != start && q[-1] != '\n')
			continue;
		const char *r = q + nn;
		*closing = e - r >= 2 && r[0] == '-' && r[1] == '-';
		if (*closing)
			r += 2;
		while (r < e && (is_wsp(*r) || *r == '\r'))
			r++;
		if (r < e && *r != '\n')
			continue;   /* a longer boundary that starts with this one */
		*after = r < e ? r + 1 : e;
		return q;
	}
	return NULL;
}

/* Where a part ends: before the line break that belongs to the boundary. */
static const char *part_end(const char *start, const char *boundary)
{
	const char *q = boundary;
	if (q > start && q[-1] == '\n')
		q--;
	if (q > start && q[-1] == '\r')
		q--;
	return q;
}

struct child {
	const char *p, *e;
};

static void part(mail_body *b, const char *p, const char *e, int depth, const char *dflt)
{
	mail_head h;
	mail_head_parse(&h, p, (size_t)(e - p));
	if (h.bad == p) {   /* no header at all: everything is body */
		memset(&h, 0, sizeof h);
		h.body = p;
	}
	entity(b, &h, h.body, e, depth, dflt);
}

static int blank(const char *p, const char *e)
{
	while (p < e && is_space(*p))
		p++;
	return p == e;
}

/* multipart/alternative: text/plain when it has text, else HTML, else the last part. */
static void alternative(mail_body *b, const struct child *c, size_t n, int depth)
{
	size_t plain = n, html = n;
	for (size_t i = 0; i < n; i++) {
		mail_head h;
		char type[64];
		mail_head_parse(&h, c[i].p, (size_t)(c[i].e - c[i].p));
		media_type(b, h.v[MH_CONTENT_TYPE], "text/plain", type, sizeof type);
		if (plain == n && strcmp(type, "text/plain") == 0 && !blank(h.body, c[i].e))
			plain = i;
		else if (html == n && strcmp(type, "text/html") == 0)
			html = i;
	}
	size_t pick = plain < n ? plain : html < n ? html : n - 1;
	part(b, c[pick].p, c[pick].e, depth + 1, "text/plain");
}

#define MAX_ALTERNATIVES 16

static void multipart(mail_body *b, const char *type, const char *boundary, const char *p, const char *e, int depth)
{
	char needle[208];
	size_t nn = (size_t)snprintf(needle, sizeof needle, "--%s", boundary);
	int closing = 0, alt = strcmp(type, "multipart/alternative") == 0;
	const char *dflt = strcmp(type, "multipart/digest") == 0 ? "message/rfc822" : "text/plain";
	const char *after, *at = find_boundary(p, p, e, needle, nn, &closing, &after);
	struct child alts[MAX_ALTERNATIVES];
	size_t nalt = 0;
	if (!at) {   /* no boundary at all: read it as text */
		b->truncated = 1;
		text_part(b, &(mail_head){0}, 0, p, e);
		return;
	}
	while (!closing) {
		const char *start = after, *next = find_boundary(p, start, e, needle, nn, &closing, &after);
		const char *end = next ? part_end(start, next) : e;
		if (!next)
			b->truncated = 1;
		if (!alt)
			part(b, start, end, depth + 1, dflt);
		else if (nalt < MAX_ALTERNATIVES)
			alts[nalt++] = (struct child){start, end};
		if (!next)
			break;
	}
	if (nalt)
		alternative(b, alts, nalt, depth);
}

static void entity(mail_body *b, const mail_head *h, const char *p, const char *e, int depth, const char *dflt)
{
	char type[64];
	if (depth > MAIL_MAX_DEPTH) {
		b->too_deep = 1;
		return;
	}
	media_type(b, h->v[MH_CONTENT_TYPE], dflt, type, sizeof type);
	if (strncmp(type, "multipart/", 10) == 0) {
		char boundary[200];
		ct_param(b, "boundary", boundary, sizeof boundary);
		if (boundary[0]) {
			multipart(b, type, boundary, p, e, depth);
			return;
		}
		snprintf(type, sizeof type, "text/plain");
	}
	leaf(b, h, type, p, e);
}

void mail_body_read(mail_body *b, const mail_head *h, const char *body, size_t n)
{
	cs_buf_reset(&b->text);
	cs_buf_reset(&b->att);
	b->natt = 0;
	b->delivery_status = b->truncated = b->too_deep = 0;
	b->orig_id = (cs_span){NULL, 0};
	entity(b, h, body, body + n, 0, "text/plain");
	if (b->natt)
		cs_jw_end_array(&b->aw);
	size_t k = 0;   /* CRLF to LF */
	for (size_t i = 0; i < b->text.len; i++)
		if (!(b->text.p[i] == '\r' && (i + 1 == b->text.len || b->text.p[i + 1] == '\n')))
			b->text.p[k++] = b->text.p[i];
	b->text.len = k;
	if (b->text.p)
		b->text.p[k] = '\0';
}

void mail_body_free(mail_body *b)
{
	cs_buf_free(&b->text);
	cs_buf_free(&b->att);
	cs_buf_free(&b->dec);
	cs_buf_free(&b->tmp);
	cs_buf_free(&b->ct);
}
