/* fmt_text: HTML to text and charsets to UTF-8 (see fmt_text.h). */
#include "fmt_text.h"
#include "kit_in.h"
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- HTML ---- */

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/* Text is added through these, so white space collapses as it goes:
 * pending 1 = a space is due, 2 = a line break, 3 = a blank line. */
struct html_out {
	cs_buf *out;
	size_t start;
	int pending;
};

static void due(struct html_out *h, int what)
{
	if (what > h->pending)
		h->pending = what;
}

static void put_utf8(struct html_out *h, const char *s, size_t n)
{
	if (h->out->len > h->start) {
		if (h->pending == 1)
			cs_buf_addc(h->out, ' ');
		else if (h->pending == 2)
			cs_buf_addc(h->out, '\n');
		else if (h->pending == 3)
			cs_buf_adds(h->out, "\n\n");
	}
	h->pending = 0;
	cs_buf_add(h->out, s, n);
}

static void put_code_point(struct html_out *h, uint32_t cp)
{
	if (cp == 0xA0) {   /* &nbsp; is a space like any other */
		due(h, 1);
		return;
	}
	put_utf8(h, "", 0);   /* the white space due before it */
	cs_buf_add_utf8(h->out, cp);
}

static const struct {
	const char *name;
	uint32_t cp;
} entities[] = {
	{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0},
	{"copy", 0xA9}, {"reg", 0xAE}, {"trade", 0x2122}, {"hellip", 0x2026}, {"mdash", 0x2014},
	{"ndash", 0x2013}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D},
	{"bull", 0x2022}, {"middot", 0xB7}, {"euro", 0x20AC}, {"pound", 0xA3}, {"yen", 0xA5},
	{"cent", 0xA2}, {"deg", 0xB0}, {"times", 0xD7}, {"laquo", 0xAB}, {"raquo", 0xBB}, {"shy", 0xAD},
	{"zwj", 0x200D}, {"zwnj", 0x200C}, {"ensp", 0x2002}, {"emsp", 0x2003}, {"thinsp", 0x2009},
	{"lrm", 0x200E}, {"rlm", 0x200F},
};

size_t cs_html_entity(const char *s, const char *e, uint32_t *cp)
{
	const char *semi = memchr(s, ';', (size_t)(e - s) < 12 ? (size_t)(e - s) : 12);
	if (!semi || semi == s)
		return 0;
	size_t len = (size_t)(semi - s);
	if (*s == '#') {
		int hex = len > 1 && (s[1] == 'x' || s[1] == 'X');
		char digits[12];
		size_t nd = len - 1 - (size_t)hex;
		if (nd == 0 || nd >= sizeof digits)
			return 0;
		memcpy(digits, s + 1 + hex, nd);
		digits[nd] = '\0';
		char *end;
		unsigned long v = strtoul(digits, &end, hex ? 16 : 10);
		if (*end)
			return 0;
		*cp = v > 0x10FFFF ? 0xFFFD : (uint32_t)v;
		return len + 1;
	}
	for (size_t i = 0; i < sizeof entities / sizeof entities[0]; i++)
		if (strlen(entities[i].name) == len && memcmp(entities[i].name, s, len) == 0) {
			*cp = entities[i].cp;
			return len + 1;
		}
	return 0;
}

/* The tag's name at s (after '<' and an optional '/'), lowercased into name. */
static void tag_name(const char *s, const char *e, char *name, size_t cap)
{
	size_t k = 0;
	while (s < e && k + 1 < cap && (((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z') || (*s >= '0' && *s <= '9')))
		name[k++] = (char)(*s++ | 0x20);
	name[k] = '\0';
}

static int name_in(const char *name, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(name, *list) == 0)
			return 1;
	return 0;
}

static const char *const line_tags[] = {"br", "tr", "li", "dt", "dd", NULL};
static const char *const block_tags[] = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
					 "table", "ul", "ol", "pre", "hr", "section", "article", "header", "footer", NULL};
static const char *const hidden_tags[] = {"script", "style", "head", "title", NULL};

/* Past the end of the element whose content is hidden, from its start tag's end. */
static const char *skip_hidden(const char *p, const char *e, const char *name)
{
	size_t n = strlen(name);
	for (; p < e; p++)
		if (*p == '<' && p + 1 < e && p[1] == '/' && (size_t)(e - p) > n + 2 && strncasecmp(p + 2, name, n) == 0) {
			const char *gt = memchr(p, '>', (size_t)(e - p));
			return gt ? gt + 1 : e;
		}
	return e;
}

/* A tag at p ('<'): what it means for the text; returns where text goes on. */
static const char *html_tag(struct html_out *h, const char *p, const char *e)
{
	if (e - p >= 4 && memcmp(p, "<!--", 4) == 0) {
		const char *end = memmem(p + 4, (size_t)(e - p - 4), "-->", 3);
		return end ? end + 3 : e;
	}
	int closing = p + 1 < e && p[1] == '/';
	char name[16];
	tag_name(p + 1 + closing, e, name, sizeof name);
	const char *gt = memchr(p, '>', (size_t)(e - p));
	const char *next = gt ? gt + 1 : e;
	if (!closing && name_in(name, hidden_tags))
		return skip_hidden(next, e, name);
	if (name_in(name, line_tags))
		due(h, 2);
	else if (name_in(name, block_tags))
		due(h, 3);
	else if (strcmp(name, "td") == 0 || strcmp(name, "th") == 0)
		due(h, 1);
	return next;
}

void cs_html_to_text(const char *s, size_t n, cs_buf *out)
{
	struct html_out h = {out, out->len, 0};
	const char *p = s, *e = s + n;
	while (p < e) {
		const char *q = p;
		while (q < e && *q != '<' && *q != '&' && !is_space(*q))
			q++;
		if (q > p)
			put_utf8(&h, p, (size_t)(q - p));
		if (q >= e)
			break;
		if (is_space(*q)) {
			due(&h, 1);
			p = q + 1;
		} else if (*q == '<' && q + 1 < e && (q[1] == '/' || q[1] == '!' || ((q[1] | 0x20) >= 'a' && (q[1] | 0x20) <= 'z'))) {
			p = html_tag(&h, q, e);
		} else if (*q == '&') {
			uint32_t cp;
			size_t len = cs_html_entity(q + 1, e, &cp);
			if (len) {
				put_code_point(&h, cp);
				p = q + 1 + len;
			} else {
				put_utf8(&h, "&", 1);
				p = q + 1;
			}
		} else {
			put_utf8(&h, q, 1);
			p = q + 1;
		}
	}
}

int cs_looks_html(const char *s, size_t n)
{
	static const char *const tags[] = {"<p>", "<p ", "<div", "<br", "<html", "<body", "<span", "<table", "<a href",
					   "<b>", "<strong", "<ul", "<li", "<img", "<!DOCTYPE", "<!doctype", NULL};
	for (const char *const *t = tags; *t; t++)
		if (memmem(s, n, *t, strlen(*t)))
			return 1;
	return 0;
}

/* ---- charsets ---- */

static const struct {
	const char *label, *iconv_name;
} charset_alias[] = {
	{"gb2312", "GB18030"}, {"gbk", "GB18030"}, {"x-gbk", "GB18030"}, {"cp936", "GB18030"}, {"euc-cn", "GB18030"},
	{"iso-8859-1", "WINDOWS-1252"}, {"latin1", "WINDOWS-1252"}, {"us-ascii", "WINDOWS-1252"}, {"ascii", "WINDOWS-1252"},
	{"big5", "BIG5-HKSCS"}, {"shift_jis", "CP932"}, {"shift-jis", "CP932"}, {"sjis", "CP932"}, {"x-sjis", "CP932"},
	{"euc-kr", "CP949"}, {"ks_c_5601-1987", "CP949"}, {"utf8", "UTF-8"}, {"unicode-1-1-utf-7", "UTF-7"},
};

static const char *iconv_name(const char *charset)
{
	for (size_t i = 0; i < sizeof charset_alias / sizeof charset_alias[0]; i++)
		if (strcasecmp(charset, charset_alias[i].label) == 0)
			return charset_alias[i].iconv_name;
	return charset;
}

static int is_utf8(const char *charset) { return !charset || !*charset || strcasecmp(charset, "utf-8") == 0 || strcasecmp(charset, "utf8") == 0; }

static void add_valid_utf8(const char *s, size_t n, cs_buf *out)
{
	size_t bad;
	if (cs_utf8_valid(s, n, &bad))
		cs_buf_add(out, s, n);
	else
		cs_utf8_replace(s, n, bad, out);
}

/* Convert with cd; a byte iconv cannot take becomes U+FFFD and is skipped. */
static void convert(iconv_t cd, const char *s, size_t n, cs_buf *out)
{
	cs_buf tmp = CS_BUF_INIT;
	char *in = (char *)s;
	size_t left = n;
	cs_buf_reserve(&tmp, n * 4 + 16);
	while (left > 0) {
		cs_buf_reserve(&tmp, left * 4 + 16);
		char *o = tmp.p + tmp.len;
		size_t room = tmp.cap - tmp.len - 1;
		size_t r = iconv(cd, &in, &left, &o, &room);
		tmp.len = (size_t)(o - tmp.p);
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG)
			continue;
		cs_buf_adds(&tmp, "\xEF\xBF\xBD");   /* EILSEQ or EINVAL: a bad or cut sequence */
		in++;
		left--;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	for (;;) {   /* flush a stateful encoding's shift sequence */
		cs_buf_reserve(&tmp, 16);
		char *o = tmp.p + tmp.len;
		size_t room = tmp.cap - tmp.len - 1;
		if (iconv(cd, NULL, NULL, &o, &room) != (size_t)-1 || errno != E2BIG) {
			tmp.len = (size_t)(o - tmp.p);
			break;
		}
	}
	add_valid_utf8(tmp.p, tmp.len, out);
	cs_buf_free(&tmp);
}

int cs_to_utf8(const char *charset, const char *s, size_t n, cs_buf *out)
{
	if (is_utf8(charset)) {
		add_valid_utf8(s, n, out);
		return 0;
	}
	iconv_t cd = iconv_open("UTF-8", iconv_name(charset));
	if (cd == (iconv_t)-1) {
		add_valid_utf8(s, n, out);
		return -1;
	}
	convert(cd, s, n, out);
	iconv_close(cd);
	return 0;
}

void cs_text_trim(cs_buf *out)
{
	if (!out->p)
		return;
	size_t a = 0, b = out->len;
	while (a < b && is_space(out->p[a]))
		a++;
	while (b > a && is_space(out->p[b - 1]))
		b--;
	memmove(out->p, out->p + a, b - a);
	out->len = b - a;
	out->p[out->len] = '\0';
}
