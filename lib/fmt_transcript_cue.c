/* fmt_transcript_cue: subtitle files of a call, one message a speaker's
 * part of a cue.
 *  - vtt: WebVTT ("WEBVTT" first; NOTE, STYLE and REGION blocks skipped;
 *    cues with or without an identifier, "hh:mm:ss.ttt --> hh:mm:ss.ttt"
 *    or "mm:ss.ttt", cue settings after). Each <v Name> span is a message.
 *  - srt: SubRip (numbered or unnumbered blocks, "hh:mm:ss,ttt -->
 *    hh:mm:ss,ttt", '.' also read), in any encoding tr_decode reads; blank
 *    lines inside a cue's text and cues not parted by a blank line are read.
 * In both: other tags are dropped and entities decoded; the lines of a
 * cue are joined with a space. Without a voice, a leading "Name: " (or
 * "Name：", or "[Name] ") names the speaker; lines starting with "- "
 * are different speakers' lines, each a message. A part that names no
 * speaker is left without speaker and role: guessing (the speaker before
 * it, say) would put words in the wrong mouth and skew the talk-time and
 * talk-over measured downstream. */
#include "fmt_transcript_call.h"
#include "fmt_readers.h"
#include "fmt_text.h"
#include "kit_utf8.h"
#include <stdio.h>
#include <string.h>

struct lines {
	const char *p, *e;
	uint64_t no;   /* the number of the line p starts */
};

struct line {
	const char *s;
	size_t n;
	uint64_t no;
};

static int next_line(struct lines *l, struct line *out)
{
	if (l->p >= l->e)
		return 0;
	const char *nl = memchr(l->p, '\n', (size_t)(l->e - l->p));
	const char *end = nl ? nl : l->e;
	out->s = l->p;
	out->n = (size_t)(end - l->p);
	if (out->n && out->s[out->n - 1] == '\r')
		out->n--;
	out->no = l->no++;
	l->p = nl ? nl + 1 : l->e;
	return 1;
}

static int is_space(char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v'; }

static int is_blank(const struct line *ln)
{
	for (size_t i = 0; i < ln->n; i++)
		if (!is_space(ln->s[i]))
			return 0;
	return 1;
}

static int has_arrow(const struct line *ln) { return memmem(ln->s, ln->n, "-->", 3) != NULL; }

static int all_digits(const struct line *ln)
{
	size_t i = 0;
	while (i < ln->n && ln->s[i] >= '0' && ln->s[i] <= '9')
		i++;
	while (i < ln->n && is_space(ln->s[i]))
		i++;
	return ln->n && i == ln->n && ln->s[0] >= '0' && ln->s[0] <= '9';
}

/* "WORD" alone or followed by white space, at the start of the line. */
static int starts_word(const struct line *ln, const char *word)
{
	size_t k = strlen(word);
	return ln->n >= k && memcmp(ln->s, word, k) == 0 && (ln->n == k || is_space(ln->s[k]));
}

static const char *skip_ws(const char *p, const char *e)
{
	while (p < e && is_space(*p))
		p++;
	return p;
}

/* A timing line: its start and end; NULL, or what is wrong with it. */
static const char *parse_timing(const struct line *ln, int64_t *start, int64_t *end)
{
	const char *p = skip_ws(ln->s, ln->s + ln->n), *e = ln->s + ln->n, *q;
	const char *why = tr_clock_ms(p, e, start, &q);
	if (why)
		return why;
	p = skip_ws(q, e);
	if (e - p < 3 || memcmp(p, "-->", 3) != 0)
		return "no '-->' after the start time";
	p = skip_ws(p + 3, e);
	if (p == e)
		return "a cue without an end time";
	if ((why = tr_clock_ms(p, e, end, &q)))
		return why;
	if (q < e && !is_space(*q))
		return "not a time (hh:mm:ss.ttt)";
	if (*end < *start)
		return "the cue ends before it starts";
	return NULL;
}

/* ---- one cue's text ---- */

struct cues {
	tr_call call;
	cs_doc *d;
	struct lines l;
	int vtt;
	cs_buf payload;     /* the pending cue's text lines, '\n' between them */
	int pending;
	int64_t start, end;
	uint64_t line;
	cs_buf seg;         /* one voice's part of the payload, tags gone */
	cs_buf voice;       /* its <v> name */
	int in_voice;
	cs_buf joined;      /* a part's text */
	cs_buf decoded;
};

/* An entity at p ("&name;"): appended to out; returns the bytes it took,
 * or 0 when it is no entity (the '&' is then text). */
static size_t entity(const char *p, const char *e, cs_buf *out)
{
	uint32_t cp;
	size_t n = p + 1 < e ? cs_html_entity(p + 1, e, &cp) : 0;
	if (!n)
		return 0;
	if (cp == 0xA0)
		cs_buf_addc(out, ' ');   /* &nbsp; is a space in a transcript */
	else
		cs_buf_add_utf8(out, cp);
	return n + 1;
}

/* The lines of s[0..n) trimmed and joined by a space, into out. */
static void join_lines(const char *s, size_t n, cs_buf *out)
{
	const char *p = s, *e = s + n;
	cs_buf_reset(out);
	while (p < e) {
		const char *nl = memchr(p, '\n', (size_t)(e - p));
		const char *end = nl ? nl : e, *a = skip_ws(p, end), *b = end;
		while (b > a && is_space(b[-1]))
			b--;
		if (b > a) {
			if (cs_utf8_space_between(out->p, out->len, a, (size_t)(b - a)))
				cs_buf_addc(out, ' ');
			cs_buf_add(out, a, (size_t)(b - a));
		}
		p = nl ? nl + 1 : e;
	}
}

static int is_letter(unsigned char ch) { return ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') || ch >= 0x80; }

/* A plausible speaker name s[0..n): a letter, at most four words, no
 * sentence punctuation. */
static int is_name(const char *s, size_t n)
{
	int letter = 0, spaces = 0;
	if (!n || n > 48)
		return 0;
	for (size_t i = 0; i < n; i++) {
		letter |= is_letter((unsigned char)s[i]);
		spaces += s[i] == ' ';
		if (strchr(",!?;\"<>[]{}", s[i]))
			return 0;
	}
	return letter && spaces <= 3;
}

/* A speaker named at the start of text ("Name: ", "Name：", "[Name] "):
 * 1 with the name's place and where the rest starts. */
static int name_prefix(const char *s, size_t n, size_t *namen, size_t *rest)
{
	if (n && s[0] == '[') {
		const char *close = memchr(s, ']', n < 50 ? n : 50);
		if (!close || !is_name(s + 1, (size_t)(close - s - 1)))
			return 0;
		const char *r = skip_ws(close + 1, s + n);
		if (r == s + n)
			return 0;   /* "[Music]" alone is a sound, not a speaker */
		*namen = (size_t)(close - s);
		*rest = (size_t)(r - s);
		return 1;
	}
	size_t lim = n < 52 ? n : 52;
	for (size_t i = 0; i < lim; i++) {
		size_t colon = s[i] == ':' ? 1 : i + 3 <= n && memcmp(s + i, "\xEF\xBC\x9A", 3) == 0 ? 3 : 0;
		if (!colon)
			continue;
		if (colon == 1 && i + 1 < n && !is_space(s[i + 1]))
			return 0;
		size_t k = i;
		while (k && is_space(s[k - 1]))
			k--;
		if (!is_name(s, k))
			return 0;
		*namen = k;
		*rest = (size_t)(skip_ws(s + i + colon, s + n) - s);
		return 1;
	}
	return 0;
}

static void add_part(struct cues *x, const char *spk, size_t spkn, const char *text, size_t textn)
{
	if (textn)
		tr_call_add(&x->call, spk, spkn, x->start, x->end, text, textn, x->line);
}

/* One part of a cue without a voice, its speaker named in it or unknown. */
static void add_unvoiced(struct cues *x, const char *s, size_t n)
{
	size_t namen, rest;
	join_lines(s, n, &x->joined);
	const char *t = x->joined.p;
	size_t tn = x->joined.len;
	if (name_prefix(t, tn, &namen, &rest)) {
		const char *name = t + (t[0] == '[');
		size_t nn = namen - (t[0] == '[');
		add_part(x, name, nn, t + rest, tn - rest);
		return;
	}
	add_part(x, NULL, 0, t, tn);
}

/* A line that starts a "- " part (another speaker). */
static int dash_line(const char *p, const char *e)
{
	p = skip_ws(p, e);
	return e - p >= 2 && p[0] == '-' && (is_space(p[1]) || is_letter((unsigned char)p[1]));
}

static void end_segment(struct cues *x)
{
	if (!x->seg.len)
		return;
	const char *s = x->seg.p, *e = s + x->seg.len;
	if (x->in_voice) {
		join_lines(s, x->seg.len, &x->joined);
		add_part(x, x->voice.p, x->voice.len, x->joined.p, x->joined.len);
		cs_buf_reset(&x->seg);
		return;
	}
	const char *part = s;
	for (const char *p = s; p < e;) {
		const char *nl = memchr(p, '\n', (size_t)(e - p));
		const char *end = nl ? nl : e;
		if (dash_line(p, end)) {
			if (p > part)
				add_unvoiced(x, part, (size_t)(p - part));
			p = skip_ws(p, end) + 1;
			part = p;
		}
		p = nl ? nl + 1 : e;
	}
	if (e > part)
		add_unvoiced(x, part, (size_t)(e - part));
	cs_buf_reset(&x->seg);
}

/* A <v Name> or <v.class Name> tag's name into x->voice. */
static void take_voice(struct cues *x, const char *t, size_t n)
{
	const char *p = t + 1, *e = t + n;
	while (p < e && !is_space(*p))
		p++;   /* classes */
	p = skip_ws(p, e);
	while (e > p && is_space(e[-1]))
		e--;
	cs_buf_reset(&x->voice);
	if (e > p)
		cs_buf_add(&x->voice, p, (size_t)(e - p));
	x->in_voice = 1;
}

/* The tag at p ('<'): a voice starts or ends a segment, others go.
 * Returns where the text goes on. */
static const char *tag(struct cues *x, const char *p, const char *e)
{
	const char *close = p + 1;
	while (close < e && *close != '>' && *close != '\n')
		close++;
	if (close == e || *close == '\n')
		return close;   /* an unclosed tag runs to the end of its line */
	const char *t = p + 1;
	size_t n = (size_t)(close - t);
	if (n >= 1 && t[0] == 'v' && (n == 1 || is_space(t[1]) || t[1] == '.')) {
		end_segment(x);
		take_voice(x, t, n);
	} else if (n == 2 && memcmp(t, "/v", 2) == 0) {
		end_segment(x);
		x->in_voice = 0;
	}
	return close + 1;
}

static int starts_tag(const char *p, const char *e)
{
	if (e - p < 2)
		return 0;
	unsigned char ch = (unsigned char)p[1];
	return ch == '/' || (ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z');
}

static void put_cue(struct cues *x)
{
	x->pending = 0;
	x->in_voice = 0;
	cs_buf_reset(&x->seg);
	if (!x->payload.len)
		return;
	const char *p = x->payload.p, *e = p + x->payload.len;
	while (p < e) {
		size_t took;
		if (*p == '<' && starts_tag(p, e)) {
			p = tag(x, p, e);
		} else if (*p == '&' && (took = entity(p, e, &x->seg))) {
			p += took;
		} else {
			cs_buf_addc(&x->seg, *p);
			p++;
		}
	}
	end_segment(x);
}

/* ---- blocks ---- */

enum state { OUT, IN_CUE, SKIP };

static int bad_timing(struct cues *x, const struct line *ln, const char *why)
{
	return cs_doc_bad(x->d, ln->no, "%s in the timing line '%.*s'", why, (int)(ln->n < 80 ? ln->n : 80), ln->s);
}

/* Is the text line ln the start of the next cue (a timing line, or a
 * number before one)? */
static int starts_cue(struct cues *x, const struct line *ln)
{
	if (has_arrow(ln))
		return 1;
	struct lines peek = x->l;
	struct line next;
	return all_digits(ln) && next_line(&peek, &next) && has_arrow(&next);
}

/* A block starts at ln; returns 1 to stop. */
static int start_block(struct cues *x, const struct line *ln, enum state *st)
{
	struct line timing = *ln;
	if (!has_arrow(ln)) {
		struct lines peek = x->l;
		struct line next;
		if (next_line(&peek, &next) && !is_blank(&next) && has_arrow(&next)) {
			x->l = peek;
			timing = next;
		} else if (!x->vtt && x->pending) {
			cs_buf_addc(&x->payload, '\n');   /* a blank line inside the cue's text */
			cs_buf_add(&x->payload, ln->s, ln->n);
			*st = IN_CUE;
			return 0;
		} else {
			*st = SKIP;
			return cs_doc_bad(x->d, ln->no, "a block without a timing line ('-->'): '%.*s'",
					  (int)(ln->n < 60 ? ln->n : 60), ln->s);
		}
	}
	if (x->pending)
		put_cue(x);
	const char *why = parse_timing(&timing, &x->start, &x->end);
	if (why) {
		*st = SKIP;
		return bad_timing(x, &timing, why);
	}
	x->pending = 1;
	x->line = ln->no;
	cs_buf_reset(&x->payload);
	*st = IN_CUE;
	return 0;
}

static int is_meta_block(const struct line *ln)
{
	return !has_arrow(ln) && (starts_word(ln, "NOTE") || starts_word(ln, "STYLE") || starts_word(ln, "REGION"));
}

static int read_blocks(struct cues *x, enum state st)
{
	struct line ln;
	while (next_line(&x->l, &ln)) {
		if (is_blank(&ln)) {
			st = OUT;
			continue;
		}
		if (st == IN_CUE && !starts_cue(x, &ln)) {
			if (x->payload.len)
				cs_buf_addc(&x->payload, '\n');
			cs_buf_add(&x->payload, ln.s, ln.n);
			continue;
		}
		if (st == SKIP && !has_arrow(&ln))
			continue;
		if (st == OUT && x->vtt && is_meta_block(&ln)) {
			st = SKIP;
			continue;
		}
		if (start_block(x, &ln, &st))
			return 1;
	}
	if (x->pending)
		put_cue(x);
	return tr_call_flush(&x->call);
}

static void cues_free(struct cues *x)
{
	tr_call_free(&x->call);
	cs_buf_free(&x->payload);
	cs_buf_free(&x->seg);
	cs_buf_free(&x->voice);
	cs_buf_free(&x->joined);
	cs_buf_free(&x->decoded);
}

static int is_vtt_header(const char *p, size_t n)
{
	return n >= 6 && memcmp(p, "WEBVTT", 6) == 0 && (n == 6 || is_space(p[6]) || p[6] == '\n');
}

static int read_cues(cs_doc *d, const char *data, size_t n, int vtt)
{
	struct cues x = {.d = d, .vtt = vtt};
	const char *text;
	size_t len;
	int stop;
	tr_call_init(&x.call, d);
	tr_call_id_from_path(&x.call, data, n);
	tr_decode(d, data, n, &x.decoded, &text, &len);
	x.l = (struct lines){text, text + len, 1};
	if (vtt && !is_vtt_header(text, len))
		stop = cs_doc_bad(d, 1, "not WebVTT: the first line is not 'WEBVTT'");
	else
		stop = read_blocks(&x, vtt ? SKIP : OUT);
	cues_free(&x);
	return stop;
}

static int read_vtt(cs_doc *d, const char *data, size_t n) { return read_cues(d, data, n, 1); }
static int read_srt(cs_doc *d, const char *data, size_t n) { return read_cues(d, data, n, 0); }

static const char *skip_bom(const char *p, const char *e)
{
	return e - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0 ? p + 3 : p;
}

static int sniff_vtt(const char *head, size_t n, const char *path)
{
	const char *p = skip_bom(head, head + n);
	(void)path;
	return is_vtt_header(p, (size_t)(head + n - p)) ? 95 : 0;
}

/* A timing line first, or a number line and a timing line within the
 * first lines (a title may come before). */
static int sniff_srt(const char *head, size_t n, const char *path)
{
	struct lines l = {skip_bom(head, head + n), head + n, 1};
	struct line ln;
	int64_t a, b;
	int number_before = 0, first = 1;
	(void)path;
	while (l.no <= 20 && next_line(&l, &ln)) {
		if (is_blank(&ln))
			continue;
		if (has_arrow(&ln) && !parse_timing(&ln, &a, &b))
			return number_before ? 90 : first ? 80 : 0;
		number_before = all_digits(&ln);
		first = 0;
	}
	return 0;
}

const struct cs_doc_format cs_fmt_vtt = {"vtt", "WebVTT call transcripts (cues with <v Speaker> voices)", sniff_vtt,
					 read_vtt};
const struct cs_doc_format cs_fmt_srt = {"srt", "SubRip (.srt) call transcripts (numbered cues, \"Name: \" speakers)",
					 sniff_srt, read_srt};
