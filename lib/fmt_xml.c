/* fmt_xml: a small XML tokenizer (see fmt_xml.h). */
#include "fmt_xml.h"
#include <stdio.h>
#include <string.h>

void cs_xml_init(cs_xml *x, const char *data, size_t n, int max_depth)
{
	memset(x, 0, sizeof *x);
	x->data = data;
	x->p = data;
	x->e = data + n;
	x->max_depth = max_depth > 0 && max_depth < CS_XML_MAX_DEPTH ? max_depth : CS_XML_MAX_DEPTH;
}

void cs_xml_restart(cs_xml *x, const char *p)
{
	x->p = x->unclosed ? x->e : p;
	x->depth = 0;
	x->close_pending = 0;
	x->err[0] = '\0';
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static int name_start(unsigned char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':' || c >= 0x80; }

static int name_char(unsigned char c) { return name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

static const char *skip_space(const char *p, const char *e)
{
	while (p < e && is_space(*p))
		p++;
	return p;
}

static const char *skip_name(const char *p, const char *e)
{
	if (p >= e || !name_start((unsigned char)*p))
		return p;
	while (p < e && name_char((unsigned char)*p))
		p++;
	return p;
}

static enum cs_xml_tok fail(cs_xml *x, const char *at, const char *fmt, const char *name, size_t namen)
{
	char shown[64];
	size_t k = namen < sizeof shown - 1 ? namen : sizeof shown - 1;
	memcpy(shown, name ? name : "", k);
	shown[k] = '\0';
	snprintf(x->err, sizeof x->err, fmt, shown);
	x->at = at;
	x->p = x->e;
	x->depth = -1;   /* sticky: every later call repeats the error */
	return CS_XML_ERROR;
}

static enum cs_xml_tok fail_msg(cs_xml *x, const char *at, const char *why)
{
	return fail(x, at, "%s", why, strlen(why));
}

static int starts(const char *p, const char *e, const char *lit)
{
	size_t n = strlen(lit);
	return (size_t)(e - p) >= n && memcmp(p, lit, n) == 0;
}

/* The end of lit after p, or NULL. */
static const char *after(const char *p, const char *e, const char *lit)
{
	size_t n = strlen(lit);
	const char *q = memmem(p, (size_t)(e - p), lit, n);
	return q ? q + n : NULL;
}

/* The attributes of a start tag from p: name = "value" pairs, then > or />. */
static const char *scan_attrs(cs_xml *x, const char *p, int *empty)
{
	const char *e = x->e;
	for (;;) {
		const char *q = skip_space(p, e);
		if (q < e && *q == '>') {
			*empty = 0;
			return q + 1;
		}
		if (q + 1 < e && q[0] == '/' && q[1] == '>') {
			*empty = 1;
			return q + 2;
		}
		if (q == p || q >= e)
			return NULL;
		const char *name_end = skip_name(q, e);
		if (name_end == q)
			return NULL;
		q = skip_space(name_end, e);
		if (q >= e || *q != '=')
			return NULL;
		q = skip_space(q + 1, e);
		if (q >= e || (*q != '"' && *q != '\''))
			return NULL;
		const char *close = memchr(q + 1, *q, (size_t)(e - q - 1));
		if (!close || memchr(q + 1, '<', (size_t)(close - q - 1)))
			return NULL;
		p = close + 1;
	}
}

static enum cs_xml_tok start_tag(cs_xml *x, const char *lt)
{
	const char *name = lt + 1, *name_end = skip_name(name, x->e);
	if (name_end == name)
		return fail_msg(x, lt, "'<' that begins no tag");
	int empty;
	const char *end = scan_attrs(x, name_end, &empty);
	if (!end)
		return fail(x, lt, "the start tag <%s> is malformed or not closed", name, (size_t)(name_end - name));
	if (x->depth >= x->max_depth)
		return fail(x, lt, "elements nested too deep at <%s>", name, (size_t)(name_end - name));
	x->at = lt;
	x->name = name;
	x->namen = (size_t)(name_end - name);
	x->attrs = name_end;
	x->attrsn = (size_t)(end - (empty ? 2 : 1) - name_end);
	x->open[x->depth] = x->name;
	x->openn[x->depth] = x->namen;
	x->depth++;
	x->close_pending = empty;
	x->p = end;
	return CS_XML_START;
}

static enum cs_xml_tok end_tag(cs_xml *x, const char *lt)
{
	const char *name = lt + 2, *name_end = skip_name(name, x->e);
	const char *q = skip_space(name_end, x->e);
	size_t namen = (size_t)(name_end - name);
	if (name_end == name || q >= x->e || *q != '>')
		return fail(x, lt, "a malformed end tag </%s", name, namen);
	if (x->depth == 0)
		return fail(x, lt, "</%s> closes no element", name, namen);
	int top = x->depth - 1;
	if (x->openn[top] != namen || memcmp(x->open[top], name, namen) != 0) {
		char want[64];
		size_t k = x->openn[top] < sizeof want - 1 ? x->openn[top] : sizeof want - 1;
		memcpy(want, x->open[top], k);
		want[k] = '\0';
		snprintf(x->err, sizeof x->err, "</%.*s> where </%s> was expected", (int)(namen < 60 ? namen : 60), name,
			 want);
		x->at = lt;
		x->p = x->e;
		x->depth = -1;
		return CS_XML_ERROR;
	}
	x->at = lt;
	x->name = name;
	x->namen = namen;
	x->depth--;
	x->p = q + 1;
	return CS_XML_END;
}

/* <!DOCTYPE ...> with an internal subset in [...], skipped unread. */
static const char *skip_doctype(const char *p, const char *e)
{
	char quote = 0;
	int in_subset = 0;
	for (; p < e; p++) {
		if (quote) {
			quote = *p == quote ? 0 : quote;
		} else if (*p == '"' || *p == '\'') {
			quote = *p;
		} else if (*p == '[') {
			in_subset = 1;
		} else if (*p == ']') {
			in_subset = 0;
		} else if (*p == '>' && !in_subset) {
			return p + 1;
		}
	}
	return NULL;
}

/* A comment, PI, DOCTYPE or CDATA section at lt; 1 when skipped, 0 for a
 * TEXT token (CDATA), -1 after an error. */
static int markup(cs_xml *x, const char *lt)
{
	const char *end, *why;
	int cdata = 0;
	if (starts(lt, x->e, "<!--")) {
		end = after(lt + 4, x->e, "-->");
		why = "a comment that is not closed";
	} else if (starts(lt, x->e, "<?")) {
		end = after(lt + 2, x->e, "?>");
		why = "a processing instruction that is not closed";
	} else if (starts(lt, x->e, "<!DOCTYPE") && x->depth == 0) {
		end = skip_doctype(lt + 9, x->e);
		why = "a DOCTYPE that is not closed";
	} else if (starts(lt, x->e, "<![CDATA[")) {
		cdata = 1;
		end = x->depth ? after(lt + 9, x->e, "]]>") : NULL;
		why = x->depth ? "a CDATA section that is not closed" : "a CDATA section outside every element";
	} else {
		fail_msg(x, lt, "a markup declaration cs does not read");
		return -1;
	}
	if (!end) {
		/* Its terminator is nowhere further on: reading on from a later
		 * point would only find the same, scanning to the end each time. */
		x->unclosed = 1;
		fail_msg(x, lt, why);
		return -1;
	}
	x->p = end;
	if (!cdata)
		return 1;
	x->text = lt + 9;
	x->textn = (size_t)(end - 3 - x->text);
	x->cdata = 1;
	x->at = lt;
	return 0;
}

static enum cs_xml_tok text_run(cs_xml *x)
{
	const char *p = x->p, *lt = memchr(p, '<', (size_t)(x->e - p));
	const char *end = lt ? lt : x->e;
	x->p = end;
	if (x->depth == 0 && skip_space(p, end) == end)
		return CS_XML_EOF;   /* nothing: the caller goes on */
	x->at = p;
	x->text = p;
	x->textn = (size_t)(end - p);
	x->cdata = 0;
	return CS_XML_TEXT;
}

enum cs_xml_tok cs_xml_next(cs_xml *x)
{
	if (x->depth < 0)
		return CS_XML_ERROR;
	if (x->close_pending) {
		x->close_pending = 0;
		x->depth--;
		return CS_XML_END;
	}
	while (x->p < x->e) {
		const char *lt = x->p;
		if (*lt != '<') {
			if (text_run(x) == CS_XML_TEXT)
				return CS_XML_TEXT;
			continue;
		}
		if (lt + 1 < x->e && lt[1] == '/')
			return end_tag(x, lt);
		if (lt + 1 < x->e && (lt[1] == '!' || lt[1] == '?')) {
			int r = markup(x, lt);
			if (r < 0)
				return CS_XML_ERROR;
			if (r == 0)
				return CS_XML_TEXT;
			continue;
		}
		return start_tag(x, lt);
	}
	if (x->depth > 0) {
		int top = x->depth - 1;
		return fail(x, x->e, "the input ends inside <%s>", x->open[top], x->openn[top]);
	}
	return CS_XML_EOF;
}

/* ---- references ---- */

/* &#N; or &#xH; in ref[0..n) (between '&' and ';'): the code point, or -1. */
static long char_ref(const char *ref, size_t n)
{
	int hex = n > 1 && ref[1] == 'x';
	size_t i = hex ? 2 : 1;
	unsigned long c = 0;
	if (i >= n)
		return -1;
	for (; i < n; i++) {
		int d;
		char ch = ref[i];
		if (ch >= '0' && ch <= '9')
			d = ch - '0';
		else if (hex && ch >= 'a' && ch <= 'f')
			d = ch - 'a' + 10;
		else if (hex && ch >= 'A' && ch <= 'F')
			d = ch - 'A' + 10;
		else
			return -1;
		c = c * (hex ? 16 : 10) + (unsigned long)d;
		if (c > 0x10FFFF)
			return -1;
	}
	if (c == 0 || (c >= 0xD800 && c <= 0xDFFF))
		return -1;
	return (long)c;
}

static int named_ref(const char *ref, size_t n)
{
	static const struct {
		const char *name;
		char c;
	} known[] = {{"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''}};
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strlen(known[i].name) == n && memcmp(known[i].name, ref, n) == 0)
			return known[i].c;
	return -1;
}

int cs_xml_decode(const char *s, size_t n, int cdata, cs_buf *out)
{
	const char *e = s + n;
	if (cdata) {
		cs_buf_add(out, s, n);
		return 0;
	}
	while (s < e) {
		const char *amp = memchr(s, '&', (size_t)(e - s));
		if (!amp) {
			cs_buf_add(out, s, (size_t)(e - s));
			return 0;
		}
		cs_buf_add(out, s, (size_t)(amp - s));
		size_t room = (size_t)(e - amp - 1) < 12 ? (size_t)(e - amp - 1) : 12;
		const char *semi = memchr(amp + 1, ';', room);
		if (!semi)
			return -1;
		const char *ref = amp + 1;
		size_t refn = (size_t)(semi - ref);
		if (refn && ref[0] == '#') {
			long c = char_ref(ref, refn);
			if (c < 0)
				return -1;
			cs_buf_add_utf8(out, (uint32_t)c);
		} else {
			int c = named_ref(ref, refn);
			if (c < 0)
				return -1;
			cs_buf_addc(out, (char)c);
		}
		s = semi + 1;
	}
	return 0;
}

int cs_xml_attr(const cs_xml *x, const char *name, cs_buf *out)
{
	const char *p = x->attrs, *e = x->attrs + x->attrsn;
	size_t want = strlen(name);
	cs_buf_reset(out);
	while ((p = skip_space(p, e)) < e) {
		const char *n0 = p, *n1 = skip_name(p, e);
		if (n1 == n0)
			return -1;
		const char *q = skip_space(skip_space(n1, e) + 1, e);   /* past '=' */
		if (q >= e)
			return -1;
		const char *close = memchr(q + 1, *q, (size_t)(e - q - 1));
		if (!close)
			return -1;
		if ((size_t)(n1 - n0) == want && memcmp(n0, name, want) == 0) {
			int r = cs_xml_decode(q + 1, (size_t)(close - q - 1), 0, out);
			cs_buf_addc(out, '\0');
			out->len--;
			return r;
		}
		p = close + 1;
	}
	return -1;
}
