/* fmt_mail_quote: quoted replies and signatures (see fmt_mail_quote.h). */
#include "fmt_mail_quote.h"
#include <string.h>
#include <strings.h>

typedef struct {
	const char *p, *e;   /* the line without its line break, trailing white space trimmed */
	const char *next;    /* the next line's start */
} line;

static line line_at(const char *p, const char *e)
{
	const char *nl = memchr(p, '\n', (size_t)(e - p));
	line l = {p, nl ? nl : e, nl ? nl + 1 : e};
	while (l.e > l.p && (l.e[-1] == ' ' || l.e[-1] == '\t' || l.e[-1] == '\r'))
		l.e--;
	return l;
}

static const char *skip_wsp(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

static int starts(line l, const char *s)
{
	size_t n = strlen(s);
	return (size_t)(l.e - l.p) >= n && strncasecmp(l.p, s, n) == 0;
}

static int ends(line l, const char *s)
{
	size_t n = strlen(s);
	return (size_t)(l.e - l.p) >= n && memcmp(l.e - n, s, n) == 0;
}

static int has(line l, const char *s) { return memmem(l.p, (size_t)(l.e - l.p), s, strlen(s)) != NULL; }

static int is_blank(line l) { return skip_wsp(l.p, l.e) == l.e; }

/* "-----Original Message-----", "------------------ 原始邮件 ------------------". */
static int original_message(line l)
{
	const char *p = skip_wsp(l.p, l.e);
	if (l.e - p < 3 || p[0] != '-' || p[1] != '-')
		return 0;
	return has(l, "Original Message") || has(l, "original message") || has(l, "ORIGINAL MESSAGE") ||
	       has(l, "原始邮件") || has(l, "Ursprüngliche Nachricht");
}

static int wrote_end(line l)
{
	return ends(l, "wrote:") || ends(l, "写道：") || ends(l, "写道:") || ends(l, "schrieb:") || ends(l, "a écrit :") ||
	       ends(l, "a écrit:");
}

/* "On <date>, <name> wrote:", also wrapped over two lines; "在 ... 写道：". */
static int wrote_header(line l, const char *e)
{
	if (!(starts(l, "On ") || starts(l, "在") || starts(l, "Am ") || starts(l, "Le ")))
		return 0;
	if (wrote_end(l))
		return 1;
	line n2 = line_at(l.next, e);
	return l.next < e && !is_blank(n2) && n2.e - n2.p < 200 && wrote_end(n2);
}

/* Outlook: "From: ..." then "Sent: ..." (or "Date:" with "Subject:") within
 * a few lines; the Chinese Outlook's "发件人:" and "发送时间:". */
static int outlook_header(line l, const char *e)
{
	int zh = starts(l, "发件人:") || starts(l, "发件人：");
	if (!(starts(l, "From:") || starts(l, "*From:*") || zh))
		return 0;
	int sent = 0, date = 0, subject = 0;
	const char *p = l.next;
	for (int i = 0; i < 6 && p < e; i++) {
		line n = line_at(p, e);
		const char *q = skip_wsp(n.p, n.e);
		line t = {q, n.e, n.next};
		sent |= starts(t, "Sent:") || starts(t, "*Sent:*") || starts(t, "发送时间:") || starts(t, "发送时间：");
		date |= starts(t, "Date:") || starts(t, "时间:") || starts(t, "日期:");
		subject |= starts(t, "Subject:") || starts(t, "主题:") || starts(t, "主题：");
		p = n.next;
	}
	return sent || (date && subject);
}

static int is_rule(line l)   /* "________________" before an Outlook header */
{
	const char *p = skip_wsp(l.p, l.e);
	if (l.e - p < 10)
		return 0;
	for (; p < l.e; p++)
		if (*p != '_' && *p != '-')
			return 0;
	return 1;
}

/* Where the quoted part starts (e when nothing is quoted). */
static const char *quote_start(const char *s, const char *e)
{
	const char *prev_rule = NULL, *trail = NULL;
	for (const char *p = s; p < e;) {
		line l = line_at(p, e);
		if (original_message(l) || wrote_header(l, e))
			return l.p;
		if (outlook_header(l, e))
			return prev_rule ? prev_rule : l.p;
		if (l.p < l.e && l.p[0] == '>') {
			if (!trail)
				trail = l.p;
		} else if (!is_blank(l)) {
			trail = NULL;
		}
		prev_rule = is_rule(l) ? l.p : is_blank(l) ? prev_rule : NULL;
		p = l.next;
	}
	return trail ? trail : e;
}

static int sent_from(line l)
{
	static const char *const lines[] = {"Sent from my ", "Sent from Mail for ", "Sent from Outlook", "Sent from Yahoo",
					    "Get Outlook for ", "发自我的", "从我的", "Envoyé de mon ", "Von meinem ", NULL};
	for (const char *const *s = lines; *s; s++)
		if (starts(l, *s))
			return 1;
	return 0;
}

/* Where the signature starts in s[0..e) (e when there is none): after the
 * last "-- " line, or the closing "Sent from my ..." line. */
static const char *signature_start(const char *s, const char *e, const char **sig_text)
{
	const char *dash = NULL, *dash_next = NULL, *last = NULL;
	for (const char *p = s; p < e;) {
		line l = line_at(p, e);
		if (l.e - l.p == 2 && memcmp(l.p, "--", 2) == 0) {   /* "-- " with its space trimmed */
			dash = l.p;
			dash_next = l.next;
		}
		if (!is_blank(l))
			last = l.p;
		p = l.next;
	}
	if (dash) {
		*sig_text = dash_next;
		return dash;
	}
	if (last && sent_from(line_at(last, e))) {
		*sig_text = last;
		return last;
	}
	*sig_text = e;
	return e;
}

static cs_span trimmed(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
		e--;
	return (cs_span){p, (size_t)(e - p)};
}

mail_parts mail_split_quote(const char *s, size_t n)
{
	const char *e = s + n, *q = quote_start(s, e), *sig_text;
	const char *sig = signature_start(s, q, &sig_text);
	mail_parts r = {trimmed(s, sig), trimmed(q, e), trimmed(sig_text, q)};
	return r;
}
