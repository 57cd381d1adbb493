/* fmt_transcript: call transcripts, one call a file, as phone messages
 * with their offsets (start_ms, end_ms) and speakers. The readers are in
 * fmt_transcript_cue.c (vtt, srt), fmt_transcript_csv.c (transcript-csv)
 * and fmt_transcript_aws.c (transcribe); this is what they share.
 *
 * Roles: a speaker label that names a role is that role (see
 * tr_role_of_label; Transcribe's ParticipantRole and channels are mapped
 * by its reader). The other labelled speakers: when some speaker of the
 * call is explicitly the agent they are customers; otherwise the first of
 * them to speak is the agent (calls are answered by the service) and the
 * rest are customers. A turn with no speaker gets no role. */
#include "fmt_transcript_call.h"
#include "fmt_text.h"
#include "kit_in.h"
#include "kit_mem.h"
#include "kit_opt.h"
#include "kit_time.h"
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <strings.h>

void tr_call_init(tr_call *c, cs_doc *d)
{
	memset(c, 0, sizeof *c);
	c->d = d;
}

void tr_call_free(tr_call *c)
{
	cs_buf_free(&c->conv);
	cs_buf_free(&c->meta);
	cs_buf_free(&c->arena);
	free(c->turn);
	cs_fmt_msg_free(&c->m);
	c->turn = NULL;
	c->n = c->cap = 0;
}

static int ends_with(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);
	return n > k && strncasecmp(s + n - k, suffix, k) == 0;
}

void tr_call_id_from_path(tr_call *c, const char *data, size_t n)
{
	const char *path = cs_doc_path(c->d);
	cs_buf_reset(&c->conv);
	if (!path || path[0] == '<' || strcmp(path, "-") == 0) {
		char id[20];
		cs_fmt_hash_id(id, cs_doc_format(c->d), NULL, 0, 0, data, n);
		cs_buf_adds(&c->conv, id);
		return;
	}
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	size_t len = strlen(base);
	static const char *const packed[] = {".gz", ".zst", ".bz2", ".xz"};
	for (size_t i = 0; i < sizeof packed / sizeof packed[0]; i++)
		if (ends_with(base, len, packed[i]))
			len -= strlen(packed[i]);
	const char *dot = memrchr(base, '.', len);
	if (dot && dot > base)
		len = (size_t)(dot - base);
	cs_buf_add(&c->conv, base, len);
}

void tr_call_keep(tr_call *c, const char *s, size_t n, size_t *off, size_t *len)
{
	*off = c->arena.len;
	*len = s ? n : 0;
	if (s && n)
		cs_buf_add(&c->arena, s, n);
}

tr_turn *tr_call_add(tr_call *c, const char *spk, size_t spkn, int64_t start_ms, int64_t end_ms, const char *text,
		     size_t textn, uint64_t line)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 32;
		c->turn = cs_realloc(c->turn, c->cap * sizeof *c->turn);
	}
	tr_turn *t = &c->turn[c->n++];
	memset(t, 0, sizeof *t);
	tr_call_keep(c, spk, spkn, &t->spk, &t->spkn);
	tr_call_keep(c, text, textn, &t->text, &t->textn);
	t->start_ms = start_ms;
	t->end_ms = end_ms;
	t->line = line;
	t->ordinal = c->next_ordinal++;
	t->role = tr_role_of_label(spk, spk ? spkn : 0);
	return t;
}

/* ---- roles ---- */

static int is_alpha(unsigned char ch) { return (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'; }

static int is_word_of(const char *w, size_t n, const char *const *words, size_t nwords)
{
	for (size_t i = 0; i < nwords; i++)
		if (strlen(words[i]) == n && strncasecmp(w, words[i], n) == 0)
			return 1;
	return 0;
}

/* The label s[0..n) holds one of the Chinese terms zh or, whole and in any
 * case, one of the ASCII words. */
static int label_has(const char *s, size_t n, const char *const *zh, size_t nzh, const char *const *words,
		     size_t nwords)
{
	for (size_t i = 0; i < nzh; i++)
		if (memmem(s, n, zh[i], strlen(zh[i])))
			return 1;
	for (size_t i = 0; i < n;) {
		if (!is_alpha((unsigned char)s[i])) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < n && is_alpha((unsigned char)s[j]))
			j++;
		if (is_word_of(s + i, j - i, words, nwords))
			return 1;
		i = j;
	}
	return 0;
}

#define NWORDS(a) a, sizeof a / sizeof a[0]

/* An agent word anywhere in the label wins over a customer word: "Customer
 * Care Agent" is the agent. */
enum tr_role tr_role_of_label(const char *s, size_t n)
{
	static const char *const agents[] = {"agent", "representative", "rep", "support", "operator", "advisor"};
	static const char *const customers[] = {"customer", "caller", "client", "user"};
	static const char *const agents_zh[] = {"客服", "坐席", "座席", "人工"};
	static const char *const customers_zh[] = {"客户", "用户", "顾客"};
	if (!s || !n)
		return TR_ROLE_NONE;
	if (label_has(s, n, NWORDS(agents_zh), NWORDS(agents)))
		return TR_ROLE_AGENT;
	return label_has(s, n, NWORDS(customers_zh), NWORDS(customers)) ? TR_ROLE_CUSTOMER : TR_ROLE_NONE;
}

#undef NWORDS

static int same_speaker(const tr_call *c, const tr_turn *a, const tr_turn *b)
{
	return a->spkn == b->spkn && memcmp(c->arena.p + a->spk, c->arena.p + b->spk, a->spkn) == 0;
}

static void give_roles(tr_call *c)
{
	const tr_turn *first = NULL;
	int explicit_agent = 0;
	for (size_t i = 0; i < c->n; i++) {
		explicit_agent |= c->turn[i].role == TR_ROLE_AGENT;
		if (!first && c->turn[i].role == TR_ROLE_NONE && c->turn[i].spkn)
			first = &c->turn[i];
	}
	for (size_t i = 0; i < c->n; i++) {
		tr_turn *t = &c->turn[i];
		if (t->role != TR_ROLE_NONE || !t->spkn)
			continue;
		t->role = !explicit_agent && same_speaker(c, t, first) ? TR_ROLE_AGENT : TR_ROLE_CUSTOMER;
	}
}

/* ---- messages ---- */

static void put_arena_str(tr_call *c, const char *key, size_t off, size_t n)
{
	cs_fmt_str(&c->m.w, key, c->arena.p + off, n);
}

static int put_turn(tr_call *c, const tr_turn *t, int first)
{
	char id[192];
	snprintf(id, sizeof id, "%.160s#%" PRIu64, c->conv.p ? c->conv.p : "", t->ordinal);
	cs_fmt_begin(&c->m, c->d, "message", t->line);
	cs_jw *w = &c->m.w;
	cs_fmt_cstr(w, "id", id);
	cs_fmt_str(w, "conversation_id", c->conv.p, c->conv.len);
	const struct cs_common *common = cs_doc_common(c->d);
	if (common->has_call_start)
		cs_fmt_time_ms(w, "ts", cs_time_add_sat(common->call_start_ms, t->start_ms > 0 ? t->start_ms : 0));
	cs_fmt_cstr(w, "channel", "phone");
	cs_fmt_cstr(w, "role", t->role == TR_ROLE_AGENT ? "agent" : t->role == TR_ROLE_CUSTOMER ? "customer" : NULL);
	cs_jw_key(w, "text");
	cs_jw_str(w, c->arena.p + t->text, t->textn);
	if (t->start_ms >= 0) {
		cs_jw_key(w, "start_ms");
		cs_jw_int(w, t->start_ms);
	}
	if (t->end_ms >= 0) {
		cs_jw_key(w, "end_ms");
		cs_jw_int(w, t->end_ms);
	}
	put_arena_str(c, "speaker", t->spk, t->spkn);
	put_arena_str(c, "sentiment", t->sent, t->sentn);
	if (first && c->meta.len) {
		cs_jw_key(w, "conversation");
		cs_jw_raw(w, c->meta.p, c->meta.len);
	}
	if (t->sidn)
		return cs_fmt_end(&c->m, c->arena.p + t->sid, t->sidn);
	return cs_fmt_end(&c->m, id, strlen(id));
}

int tr_call_flush(tr_call *c)
{
	int stop = 0;
	give_roles(c);
	for (size_t i = 0; i < c->n && !stop; i++)
		stop = put_turn(c, &c->turn[i], i == 0);
	c->n = 0;
	cs_buf_reset(&c->arena);
	cs_buf_reset(&c->meta);
	return stop;
}

/* ---- offsets ---- */

static int is_digit(char ch) { return ch >= '0' && ch <= '9'; }

/* Digits at *p (at most max of them, at least one): their value. */
static int read_digits(const char **p, const char *e, size_t max, int64_t *v)
{
	const char *s = *p;
	int64_t x = 0;
	while (*p < e && is_digit(**p) && (size_t)(*p - s) < max) {
		x = x * 10 + (**p - '0');
		(*p)++;
	}
	*v = x;
	return *p > s && !(*p < e && is_digit(**p)) ? 0 : -1;
}

/* The milliseconds of a fraction's digits at *p: three digits, the fourth
 * rounding, the rest skipped. */
static int64_t read_fraction(const char **p, const char *e)
{
	int64_t ms = 0;
	int k = 0;
	for (; *p < e && is_digit(**p); (*p)++, k++) {
		if (k < 3)
			ms = ms * 10 + (**p - '0');
		else if (k == 3 && **p >= '5')
			ms++;
	}
	for (; k < 3; k++)
		ms *= 10;
	return ms;
}

int tr_seconds_ms(const char *s, size_t n, int64_t *ms)
{
	const char *p = s, *e = s + n;
	int64_t sec;
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	if (p == e || (!is_digit(*p) && *p != '.'))
		return -1;
	if (*p == '.')
		sec = 0;
	else if (read_digits(&p, e, 12, &sec) < 0)
		return -1;
	int64_t frac = 0;
	if (p < e && *p == '.') {
		p++;
		frac = read_fraction(&p, e);
	}
	*ms = sec * 1000 + frac;
	return p == e ? 0 : -1;
}

int tr_int_ms(const char *s, size_t n, int64_t *ms)
{
	const char *p = s, *e = s + n;
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	return read_digits(&p, e, 15, ms) == 0 && p == e ? 0 : -1;
}

const char *tr_clock_ms(const char *p, const char *e, int64_t *ms, const char **end)
{
	int64_t part[3];
	int k = 0;
	for (;;) {
		if (read_digits(&p, e, k == 0 ? 9 : 2, &part[k]) < 0)
			return "not a time (hh:mm:ss.ttt)";
		k++;
		if (k == 3 || p >= e || *p != ':')
			break;
		p++;
	}
	if (k < 2)
		return "not a time (hh:mm:ss.ttt)";
	int64_t h = k == 3 ? part[0] : 0, m = part[k - 2], s = part[k - 1];
	if (m > 59)
		return "minutes over 59";
	if (s > 59)
		return "seconds over 59";
	int64_t frac = 0;
	if (p < e && (*p == '.' || *p == ',') && p + 1 < e && is_digit(p[1])) {
		p++;
		frac = read_fraction(&p, e);
	}
	*ms = ((h * 60 + m) * 60 + s) * 1000 + frac;
	*end = p;
	return NULL;
}

const char *tr_time_ms(const char *s, size_t n, int64_t *ms)
{
	const char *p = s, *e = s + n, *end;
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	if (!memchr(p, ':', (size_t)(e - p)))
		return tr_seconds_ms(p, (size_t)(e - p), ms) == 0 ? NULL : "not a time in seconds";
	const char *why = tr_clock_ms(p, e, ms, &end);
	return why ? why : end == e ? NULL : "not a time (hh:mm:ss.ttt)";
}

const char *tr_clock_text(int64_t ms, char *out)
{
	snprintf(out, 32, "%02" PRId64 ":%02" PRId64 ":%02" PRId64 ".%03" PRId64, ms / 3600000, ms / 60000 % 60,
		 ms / 1000 % 60, ms % 1000);
	return out;
}

/* ---- encodings ---- */

static int has_replacement(const cs_buf *b) { return b->len && memmem(b->p, b->len, "\xEF\xBF\xBD", 3) != NULL; }

void tr_decode(const cs_doc *d, const char *data, size_t n, cs_buf *tmp, const char **out, size_t *outn)
{
	size_t bad;
	cs_buf_reset(tmp);
	if (n >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		n -= 3;
	}
	if (n >= 2 && ((unsigned char)data[0] == 0xFF || (unsigned char)data[0] == 0xFE) &&
	    (unsigned char)data[1] == ((unsigned char)data[0] ^ 0x01)) {
		cs_to_utf8((unsigned char)data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE", data + 2, n - 2, tmp);
	} else if (cs_doc_converted(d) || cs_utf8_valid(data, n, &bad)) {   /* not guessed again */
		*out = data;
		*outn = n;
		return;
	} else {
		cs_to_utf8("GB18030", data, n, tmp);
		if (has_replacement(tmp)) {
			cs_buf_reset(tmp);
			cs_to_utf8("windows-1252", data, n, tmp);
		}
	}
	cs_buf_addc(tmp, '\0');
	tmp->len--;
	*out = tmp->p;
	*outn = tmp->len;
}
