/* eng_qa_eval: checking a scorecard's conditions on one conversation (see eng_qa_eval.h). */
#include "eng_qa_eval.h"
#include "kit_mem.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Speech rates need this much agent talk. */
#define QA_MIN_RATE_MS 20000

#define GROW(arr, n, cap)                                                       \
	do {                                                                    \
		if ((n) == (cap)) {                                             \
			(cap) = (cap) ? (cap) * 2 : 16;                         \
			(arr) = cs_realloc((arr), (cap) * sizeof *(arr));       \
		}                                                               \
	} while (0)

unsigned qa_role_of(const char *s, size_t n)
{
	static const struct { const char *name; unsigned role; } roles[] = {
		{"customer", QA_ROLE_CUSTOMER}, {"agent", QA_ROLE_AGENT}, {"bot", QA_ROLE_BOT}, {"system", QA_ROLE_SYSTEM},
	};
	for (size_t i = 0; i < sizeof roles / sizeof *roles; i++)
		if (strlen(roles[i].name) == n && memcmp(roles[i].name, s, n) == 0)
			return roles[i].role;
	return QA_ROLE_OTHER;
}

void qa_conv_init(qa_conv *c, const qa_card *card, const cs_lexicon *lexicon, int max_evidence)
{
	memset(c, 0, sizeof *c);
	c->card = card;
	c->lexicon = lexicon;
	c->max_evidence = max_evidence;
	c->all_offsets = c->all_stamps = 1;
	size_t ncond = card ? (size_t)card->ncond : 0;
	c->results = cs_calloc(ncond + 1, sizeof *c->results);
	c->stamps = cs_calloc(ncond + 1, sizeof *c->stamps);
	c->scopes = cs_calloc((card ? (size_t)card->nscopes : 0) + 1, sizeof *c->scopes);
}

void qa_conv_free(qa_conv *c)
{
	free(c->msgs);
	cs_buf_free(&c->raw);
	cs_buf_free(&c->norm);
	cs_buf_free(&c->strs);
	cs_buf_free(&c->channel);
	free(c->orig);
	free(c->hits);
	free(c->emos);
	free(c->evs);
	free(c->results);
	free(c->stamps);
	free(c->scopes);
	free(c->scoped);
	free(c->seen);
	cs_norm_free(&c->norm_state);
	cs_senti_free(&c->senti);
}

void qa_conv_reset(qa_conv *c, const char *channel, size_t channel_len)
{
	c->nmsgs = c->nhits = c->nemos = c->nevs = c->orig_len = 0;
	c->all_offsets = c->all_stamps = 1;
	cs_buf_reset(&c->raw);
	cs_buf_reset(&c->norm);
	cs_buf_reset(&c->strs);
	cs_buf_reset(&c->channel);
	if (channel)
		cs_buf_add(&c->channel, channel, channel_len);
	if (++c->stamp == 0) {   /* wrapped: every stamp is stale again */
		size_t ncond = c->card ? (size_t)c->card->ncond : 0;
		memset(c->stamps, 0, (ncond + 1) * sizeof *c->stamps);
		for (int k = 0; c->card && k < c->card->nscopes; k++)
			c->scopes[k].stamp = 0;
		c->stamp = 1;
	}
	for (int m = 0; m < QA_M_N; m++)
		c->metric_known[m] = -1;
}

static size_t keep_str(qa_conv *c, const char *s, size_t n)
{
	size_t off = c->strs.len;
	if (n)
		cs_buf_add(&c->strs, s, n);
	return off;
}

struct scan_ctx {
	qa_conv *c;
	uint32_t msg;
	uint64_t lists;
};

static uint64_t list_bit(uint32_t list) { return (uint64_t)1 << (list & 63); }

static int on_phrase(void *ctx, const cs_phrase_hit *h)
{
	struct scan_ctx *sc = ctx;
	qa_conv *c = sc->c;
	GROW(c->hits, c->nhits, c->hits_cap);
	c->hits[c->nhits++] = (struct qa_hit){sc->msg, h->list, h->phrase, (uint32_t)h->start, (uint32_t)h->end};
	sc->lists |= list_bit(h->list);
	return 0;
}

static void keep_emotions(qa_conv *c, struct qa_msg *m, uint32_t msg)
{
	m->emo_first = c->nemos;
	m->emotions = 0;
	for (size_t i = 0; i < c->senti.nhits; i++) {
		const cs_emo_hit *h = &c->senti.hits[i];
		GROW(c->emos, c->nemos, c->emos_cap);
		c->emos[c->nemos++] = (struct qa_emo){msg, (uint32_t)h->start, (uint32_t)h->end, (int)h->emotion};
		m->emotions |= 1u << h->emotion;
	}
	m->emo_count = c->nemos - m->emo_first;
}

void qa_conv_add(qa_conv *c, const struct qa_msg_in *in)
{
	GROW(c->msgs, c->nmsgs, c->msgs_cap);
	uint32_t msg = (uint32_t)c->nmsgs;
	struct qa_msg *m = &c->msgs[c->nmsgs++];
	memset(m, 0, sizeof *m);
	m->id_off = keep_str(c, in->id, in->id_len);
	m->id_len = in->id_len;
	m->event_off = keep_str(c, in->event, in->event_len);
	m->event_len = in->event_len;
	m->role = in->role;
	m->internal = in->internal;
	m->ts = in->ts;
	m->start_ms = in->start_ms;
	c->all_offsets &= in->start_ms != QA_NO_TIME;
	c->all_stamps &= in->ts != QA_NO_TIME;
	m->end_ms = in->end_ms;
	m->raw_off = c->raw.len;
	m->raw_len = in->text_len;
	cs_buf_add(&c->raw, in->text, in->text_len);

	cs_norm_text(&c->norm_state, in->text, in->text_len);
	const cs_buf *nt = &c->norm_state.text;
	m->norm_off = c->norm.len;
	m->norm_len = nt->len;
	cs_buf_add(&c->norm, nt->p, nt->len);
	if (c->orig_len + nt->len + 1 > c->orig_cap) {
		c->orig_cap = (c->orig_len + nt->len + 1) * 2;
		c->orig = cs_realloc(c->orig, c->orig_cap * sizeof *c->orig);
	}
	memcpy(c->orig + c->orig_len, c->norm_state.orig, (nt->len + 1) * sizeof *c->orig);
	c->orig_len += nt->len + 1;   /* each message's map ends with its length */

	m->hit_first = c->nhits;
	struct scan_ctx sc = {c, msg, 0};
	/* the card's phrases and the emotion words in one pass */
	cs_senti_score_scanning(c->lexicon, in->text, in->text_len, &c->norm_state, &c->senti,
				c->card ? c->card->phrases : NULL, on_phrase, &sc);
	m->hit_count = c->nhits - m->hit_first;
	m->lists = sc.lists;
	m->compound = c->senti.compound;
	m->label = c->senti.label;
	keep_emotions(c, m, msg);
}

/* ---- evidence ---- */

/* The message's map from normalized bytes to raw ones starts here. */
static const uint32_t *orig_map(const qa_conv *c, uint32_t msg)
{
	/* maps are stored one after another, each norm_len + 1 long */
	return c->orig + c->msgs[msg].norm_off + msg;
}

static void add_ev(qa_conv *c, struct qa_ev ev)
{
	GROW(c->evs, c->nevs, c->evs_cap);
	c->evs[c->nevs++] = ev;
}

/* Evidence for normalized bytes [s, e) of a message, as raw bytes. */
static struct qa_ev text_ev(const qa_conv *c, uint32_t msg, size_t s, size_t e)
{
	const uint32_t *map = orig_map(c, msg);
	size_t len = c->msgs[msg].norm_len;
	if (e > len)
		e = len;
	uint32_t rs = map[s], re;
	size_t j = e;
	if (e <= s) {
		re = rs;
	} else {
		while (j < len && map[j] == map[e - 1])
			j++;
		re = map[j];
	}
	return (struct qa_ev){0, msg, rs, re, 0, 0};
}

static struct qa_ev message_ev(const qa_conv *c, uint32_t msg)
{
	return (struct qa_ev){0, msg, 0, (uint32_t)c->msgs[msg].raw_len, 0, 0};
}

/* ---- metrics ---- */

/* When each message starts and ends in ms: call offsets when every message
 * has them, else timestamps when every message has one. */
static int timeline(const qa_conv *c, size_t i, int64_t *start, int64_t *end)
{
	const struct qa_msg *m = &c->msgs[i];
	if (c->all_offsets) {
		*start = m->start_ms;
		*end = m->end_ms != QA_NO_TIME ? m->end_ms : m->start_ms;
		return 2;
	}
	if (c->all_stamps) {
		*start = *end = m->ts;
		return 1;
	}
	return 0;
}

/* Does message i declare a hold ("event": "hold")? The wait after it is not dead air. */
static int declares_hold(const qa_conv *c, size_t i)
{
	const struct qa_msg *m = &c->msgs[i];
	return m->event_len == 4 && memcmp(c->strs.p + m->event_off, "hold", 4) == 0;
}

static int metric_silence(const qa_conv *c, double *v, uint32_t *msg)
{
	int64_t s, e, last_end = 0;
	int have = 0;
	double best = 0;
	for (size_t i = 0; i < c->nmsgs; i++) {
		if (!timeline(c, i, &s, &e))
			return 0;
		if (have && !(i > 0 && declares_hold(c, i - 1)) && s - last_end > best * 1000) {
			best = (double)(s - last_end) / 1000;
			*msg = (uint32_t)i;
		}
		if (!have || e > last_end)
			last_end = e;
		have = 1;
	}
	*v = best;
	return c->nmsgs > 1;
}

/* The first agent reply to the customer (first), or the longest wait from
 * the oldest unanswered customer message to the next agent message; a
 * private note is no reply (the customer did not see it). */
static int metric_response(const qa_conv *c, int first, double *v, uint32_t *msg)
{
	int64_t s, e, waiting = QA_NO_TIME;
	int found = 0;
	double best = 0;
	for (size_t i = 0; i < c->nmsgs; i++) {
		if (!timeline(c, i, &s, &e))
			return 0;
		unsigned role = c->msgs[i].role;
		if (role == QA_ROLE_CUSTOMER && waiting == QA_NO_TIME) {
			waiting = s;
		} else if (role == QA_ROLE_AGENT && !c->msgs[i].internal && waiting != QA_NO_TIME) {
			double wait = (double)(s - waiting) / 1000;
			if (!found || wait > best) {
				best = wait;
				*msg = (uint32_t)i;
			}
			found = 1;
			waiting = QA_NO_TIME;
			if (first)
				break;
		}
	}
	*v = best < 0 ? 0 : best;
	return found;
}

/* Agent turns that start over a customer turn by more than a second. */
static int metric_overlap(const qa_conv *c, int count, double *v, uint32_t *msg)
{
	int64_t s, e, cust_end = QA_NO_TIME;
	double n = 0, longest = 0;
	for (size_t i = 0; i < c->nmsgs; i++) {
		if (timeline(c, i, &s, &e) != 2)
			return 0;
		if (c->msgs[i].role == QA_ROLE_CUSTOMER) {
			cust_end = e;
		} else if (c->msgs[i].role == QA_ROLE_AGENT && cust_end != QA_NO_TIME && cust_end - s > 1000) {
			n++;
			if ((double)(cust_end - s) / 1000 > longest) {
				longest = (double)(cust_end - s) / 1000;
				*msg = (uint32_t)i;
			}
		}
	}
	*v = count ? n : longest;
	return 1;
}

/* A code point of a word in a script written with spaces between words:
 * ASCII letters and digits (full-width forms too, read as NFKC reads them),
 * the letters of Latin, Greek, Cyrillic and the others below U+2000, and
 * Hangul. */
static int word_char(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		cp -= 0xFEE0;
	return (cp < 0x80 && ((cp | 0x20) - 'a' < 26 || cp - '0' < 10 || cp == '\'')) || (cp >= 0xC0 && cp < 0x2000) ||
	       cp == 0x2019 ||   /* ’ as in I’m */
	       (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x3131 && cp <= 0x318E);
}

/* A character of a script written without spaces, counted one by one:
 * Han, and Japanese kana (but the middle dot). */
static int spaceless_char(uint32_t cp)
{
	return cs_is_han(cp) || (cp >= 0x3041 && cp <= 0x30FF && cp != 0x30FB) || (cp >= 0x31F0 && cp <= 0x31FF) ||
	       (cp >= 0xFF66 && cp <= 0xFF9D);
}

static size_t count_words(const char *s, size_t n, size_t *chars)
{
	size_t words = 0, i = 0;
	int in_word = 0;
	*chars = 0;
	while (i < n) {
		uint32_t cp = cs_utf8_next(s, n, &i);
		int letter = word_char(cp);
		*chars += (size_t)spaceless_char(cp);
		words += letter && !in_word;
		in_word = letter;
	}
	return words;
}

static int metric_agent_talk(const qa_conv *c, enum qa_metric m, double *v)
{
	double agent = 0, all = 0, words = 0, han = 0, agent_ms = 0;
	int64_t s, e;
	int timed = 1;
	for (size_t i = 0; i < c->nmsgs; i++) {
		const struct qa_msg *msg = &c->msgs[i];
		timed &= timeline(c, i, &s, &e) == 2;
		size_t h;
		double amount = timed ? (double)(e - s) : (double)cs_utf8_count(c->raw.p + msg->raw_off, msg->raw_len);
		all += amount;
		if (msg->role == QA_ROLE_AGENT) {
			agent += amount;
			words += (double)count_words(c->raw.p + msg->raw_off, msg->raw_len, &h);
			han += (double)h;
			agent_ms += timed ? (double)(e - s) : 0;
		}
	}
	if (m == QA_M_AGENT_TALK_RATIO) {
		if (all <= 0)
			return 0;
		*v = agent / all;
		return 1;
	}
	if (!timed || agent_ms < QA_MIN_RATE_MS)   /* a rate from a few words says nothing */
		return 0;
	*v = (m == QA_M_AGENT_WPM ? words : han) / (agent_ms / 60000);
	return 1;
}

static int metric_sentiment(const qa_conv *c, enum qa_metric m, double *v, uint32_t *msg)
{
	double sum = 0, min = 2;
	size_t n = 0, first = 0, last = 0;
	for (size_t i = 0; i < c->nmsgs; i++) {
		if (c->msgs[i].role != QA_ROLE_CUSTOMER)
			continue;
		if (!n)
			first = i;
		last = i;
		sum += c->msgs[i].compound;
		if (c->msgs[i].compound < min) {
			min = c->msgs[i].compound;
			if (m == QA_M_SENTIMENT_MIN)
				*msg = (uint32_t)i;
		}
		n++;
	}
	if (!n)
		return 0;
	switch (m) {
	case QA_M_SENTIMENT_START: *v = c->msgs[first].compound; *msg = (uint32_t)first; break;
	case QA_M_SENTIMENT_END: *v = c->msgs[last].compound; *msg = (uint32_t)last; break;
	case QA_M_SENTIMENT_MIN: *v = min; break;
	case QA_M_SENTIMENT_MEAN: *v = sum / (double)n; break;
	default: *v = c->msgs[last].compound - c->msgs[first].compound; *msg = (uint32_t)last; break;
	}
	return 1;
}

static int compute_metric(qa_conv *c, enum qa_metric m, double *v, uint32_t *msg)
{
	int64_t s0, e0, s1, e1;
	*msg = UINT32_MAX;
	switch (m) {
	case QA_M_MAX_SILENCE_S: return metric_silence(c, v, msg);
	case QA_M_FIRST_RESPONSE_S: return metric_response(c, 1, v, msg);
	case QA_M_MAX_RESPONSE_S: return metric_response(c, 0, v, msg);
	case QA_M_INTERRUPTIONS: return metric_overlap(c, 1, v, msg);
	case QA_M_MAX_OVERLAP_S: return metric_overlap(c, 0, v, msg);
	case QA_M_AGENT_TALK_RATIO:
	case QA_M_AGENT_WPM:
	case QA_M_AGENT_CPM: return metric_agent_talk(c, m, v);
	case QA_M_CUSTOMER_ANGER: {
		double n = 0;
		for (size_t i = 0; i < c->nmsgs; i++)
			n += c->msgs[i].role == QA_ROLE_CUSTOMER && (c->msgs[i].emotions & (1u << CS_EMO_ANGER));
		*v = n;
		return 1;
	}
	case QA_M_MESSAGES: *v = (double)c->nmsgs; return 1;
	case QA_M_DURATION_S:
		if (!c->nmsgs || !timeline(c, 0, &s0, &e0) || !timeline(c, c->nmsgs - 1, &s1, &e1))
			return 0;
		*v = (double)((e1 > s1 ? e1 : s1) - s0) / 1000;
		return 1;
	default: return metric_sentiment(c, m, v, msg);
	}
}

int qa_metric(qa_conv *c, enum qa_metric m, double *value, uint32_t *msg)
{
	if (c->metric_known[m] < 0) {
		double v = 0;
		uint32_t at = UINT32_MAX;
		c->metric_known[m] = (signed char)compute_metric(c, m, &v, &at);
		c->metric[m] = v;
		c->metric_msg[m] = at;
	}
	*value = c->metric[m];
	*msg = c->metric_msg[m];
	return c->metric_known[m];
}

/* ---- conditions ---- */

static int in_list(char *const *list, size_t n, const char *s, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
			return 1;
	return 0;
}

/* Position of a passage, to compare with before/after. */
static uint64_t pos_of(uint32_t msg, uint32_t byte) { return (uint64_t)msg << 32 | byte; }

/* Which messages a condition looks at: marks scoped[i], and sets the
 * bounds (c->lo, c->hi) that passages must lie within for before/after.
 * Returns 0 when it cannot tell (a time scope without times). */
static int scope_messages(qa_conv *c, const struct qa_scope *sc, unsigned char *scoped)
{
	size_t nrole = 0;
	for (size_t i = 0; i < c->nmsgs; i++)
		nrole += (c->msgs[i].role & sc->roles) != 0;
	int64_t s0 = 0, e0, s = 0, e, s_end = 0;
	int timed = (sc->first_s > 0 || sc->last_s > 0);
	if (timed && (!c->nmsgs || !timeline(c, 0, &s0, &e0) || !timeline(c, c->nmsgs - 1, &s, &s_end)))
		return 0;
	c->lo = 0;
	c->hi = UINT64_MAX;
	int after_none = 0;
	size_t anchor = SIZE_MAX;   /* the message of the after rule's hit: the rest of it is no turn of its own */
	if (sc->before >= 0) {
		const struct qa_result *r = qa_eval(c, c->card->rules[sc->before].cond);
		if (r->has_pos)
			c->hi = pos_of(r->pos_msg, r->pos_byte);
	}
	if (sc->after >= 0) {
		const struct qa_result *r = qa_eval(c, c->card->rules[sc->after].cond);
		if (r->has_pos) {
			c->lo = pos_of(r->pos_msg, r->pos_byte) + 1;
			anchor = r->pos_msg;
		} else {
			after_none = 1;
		}
	}
	size_t k = 0, taken_after = 0;
	for (size_t i = 0; i < c->nmsgs; i++) {
		scoped[i] = 0;
		if (!(c->msgs[i].role & sc->roles))
			continue;
		k++;
		if ((sc->first_turns && k > (size_t)sc->first_turns) || (sc->last_turns && nrole - k >= (size_t)sc->last_turns))
			continue;
		if (timed) {
			timeline(c, i, &s, &e);
			if ((sc->first_s > 0 && (double)(s - s0) > sc->first_s * 1000) ||
			    (sc->last_s > 0 && (double)(s_end - s) > sc->last_s * 1000))
				continue;
		}
		if (after_none || pos_of((uint32_t)i, 0) >= c->hi || pos_of((uint32_t)i, UINT32_MAX) < c->lo)
			continue;
		if (sc->within_turns && i != anchor && ++taken_after > (size_t)sc->within_turns)
			continue;
		scoped[i] = 1;
	}
	return 1;
}

/* Does a passage starting at byte s (normalized) of message i lie within the bounds? */
static int in_bounds(const qa_conv *c, size_t i, size_t s)
{
	uint64_t p = pos_of((uint32_t)i, (uint32_t)s);
	return p >= c->lo && p < c->hi;
}

/* The passages of one message that a condition's except_regex patterns
 * match: a hit of its any or regex list overlapping one does not count. */
#define QA_EXCEPT_MAX 32
struct qa_except {
	int found;                       /* the patterns ran on the message */
	size_t n;
	size_t s[QA_EXCEPT_MAX], e[QA_EXCEPT_MAX];
};

static int excepted(const struct qa_except *x, size_t s, size_t e)
{
	for (size_t k = 0; x && k < x->n; k++)
		if (s < x->e[k] && x->s[k] < (e > s ? e : s + 1))
			return 1;
	return 0;
}

/* The first hit of list in message i outside the passages of except, or NULL. */
static const struct qa_hit *first_hit(const qa_conv *c, size_t i, int list, const struct qa_except *except)
{
	const struct qa_msg *m = &c->msgs[i];
	const struct qa_hit *best = NULL;
	if (!(m->lists & list_bit((uint32_t)list)))
		return NULL;
	for (size_t h = m->hit_first; h < m->hit_first + m->hit_count; h++) {
		const struct qa_hit *hit = &c->hits[h];
		if (hit->list == (uint32_t)list && in_bounds(c, i, hit->s) && (!best || hit->s < best->s) &&
		    !excepted(except, hit->s, hit->e))
			best = hit;
	}
	return best;
}

/* Does message i hold a phrase of list (a pattern's literals) starting at or after byte from? */
static int hit_from(const qa_conv *c, size_t i, int list, size_t from)
{
	const struct qa_msg *m = &c->msgs[i];
	if (!(m->lists & list_bit((uint32_t)list)))
		return 0;
	for (size_t h = m->hit_first; h < m->hit_first + m->hit_count; h++)
		if (c->hits[h].list == (uint32_t)list && c->hits[h].s >= from)
			return 1;
	return 0;
}

/* The first match of re in message i from byte from, or 0; lits is the
 * list of the pattern's literals (the scan found them), or -1 for a pattern
 * without. */
static inline int regex_next(qa_conv *c, cs_regex *re, int lits, size_t i, size_t from, size_t *ms, size_t *me)
{
	const struct qa_msg *m = &c->msgs[i];
	if (from > m->norm_len || (lits >= 0 && !hit_from(c, i, lits, from)))
		return 0;
	int rc = cs_regex_find_unfiltered(re, c->norm.p + m->norm_off, m->norm_len, from, ms, me);
	if (rc < 0)
		c->regex_limit_hits++;
	return rc > 0;
}

/* The first match within the bounds and outside the passages of except,
 * searching on from each match that is not. */
static int regex_hit(qa_conv *c, cs_regex *re, int lits, size_t i, int bounded, const struct qa_except *except,
		     size_t *ms, size_t *me)
{
	size_t from = 0;
	while (regex_next(c, re, lits, i, from, ms, me)) {
		if ((!bounded || in_bounds(c, i, *ms)) && !excepted(except, *ms, *me))
			return 1;
		from = *me > *ms ? *me : *ms + 1;
	}
	return 0;
}

/* The patterns of t as one alternation would match: the leftmost match of
 * any, of two at one place the earlier pattern's. Several patterns each led
 * by a literal word run much faster than one alternation of them, for which
 * PCRE2 finds no character a match must start with. */
static int leftmost_regex_hit(qa_conv *c, const struct qa_text *t, size_t i, const struct qa_except *except,
			      size_t *ms, size_t *me)
{
	int found = 0;
	for (size_t k = 0; k < t->nregex; k++) {
		size_t s, e;
		if (regex_hit(c, t->regex[k], t->regex_lits[k], i, 1, except, &s, &e) && (!found || s < *ms)) {
			*ms = s;
			*me = e;
			found = 1;
		}
	}
	return found;
}

static int detect_hit(const qa_conv *c, unsigned kinds, size_t i, size_t *ms, size_t *me)
{
	const struct qa_msg *m = &c->msgs[i];
	for (int k = 0; k < 2; k++) {
		size_t from = 0;
		while ((kinds & (1u << k)) &&
		       cs_detect_find((enum cs_detect_kind)k, c->norm.p + m->norm_off, m->norm_len, from, ms, me) > 0) {
			if (in_bounds(c, i, *ms))
				return 1;
			from = *me;
		}
	}
	return 0;
}

/* The matches of t's except_regex patterns in message i, found on the first call. */
static const struct qa_except *except_of(qa_conv *c, const struct qa_text *t, size_t i, struct qa_except *x)
{
	for (size_t k = 0; !x->found && k < t->nexcept_regex; k++) {
		size_t from = 0, ms, me;
		while (x->n < QA_EXCEPT_MAX && regex_next(c, t->except_regex[k], t->except_regex_lits[k], i, from, &ms, &me)) {
			x->s[x->n] = ms;
			x->e[x->n++] = me;
			from = me > ms ? me : ms + 1;
		}
	}
	x->found = 1;
	return x;
}

/* Does message i match every per-message key of t? Adds its evidence. */
static int message_matches(qa_conv *c, const struct qa_text *t, size_t i)
{
	const struct qa_msg *m = &c->msgs[i];
	size_t first_ev = c->nevs, ms, me;
	struct qa_except except;   /* its passages are filled when found is set */
	except.found = 0;
	except.n = 0;
	if (t->any >= 0) {
		const struct qa_hit *h = first_hit(c, i, t->any, NULL);
		if (h && t->nexcept_regex)
			h = first_hit(c, i, t->any, except_of(c, t, i, &except));
		if (!h)
			return 0;
		add_ev(c, text_ev(c, (uint32_t)i, h->s, h->e));
	}
	if (t->nregex) {
		if (!leftmost_regex_hit(c, t, i, NULL, &ms, &me) ||
		    (t->nexcept_regex && !leftmost_regex_hit(c, t, i, except_of(c, t, i, &except), &ms, &me)))
			goto no;
		add_ev(c, text_ev(c, (uint32_t)i, ms, me));
	}
	for (size_t k = 0; k < t->nnot_regex; k++)
		if (regex_hit(c, t->not_regex[k], t->not_regex_lits[k], i, 0, NULL, &ms, &me))
			goto no;
	if (t->detect) {
		if (!detect_hit(c, t->detect, i, &ms, &me))
			goto no;
		add_ev(c, text_ev(c, (uint32_t)i, ms, me));
	}
	if ((t->has_sent_max && m->compound > t->sent_max) || (t->has_sent_min && m->compound < t->sent_min))
		goto no;
	if (t->emotion >= 0) {
		if (!(m->emotions & (1u << t->emotion)))
			goto no;
		for (size_t k = m->emo_first; k < m->emo_first + m->emo_count; k++)
			if (c->emos[k].emotion == t->emotion) {
				add_ev(c, (struct qa_ev){0, (uint32_t)i, c->emos[k].s, c->emos[k].e, 0, 0});
				break;
			}
	}
	if (t->nevents && !in_list(t->events, t->nevents, c->strs.p + m->event_off, m->event_len))
		goto no;
	if (c->nevs == first_ev)   /* matched by sentiment or event alone: the whole message */
		add_ev(c, message_ev(c, (uint32_t)i));
	return 1;
no:
	c->nevs = first_ev;
	return 0;
}

/* Distinct phrases of list seen in the scoped messages; evidence of each first sighting. */
static uint32_t phrases_seen(qa_conv *c, int list, const unsigned char *scoped)
{
	uint32_t size = c->card->lists[list].size, distinct = 0;
	if (size > c->seen_cap) {
		c->seen_cap = size;
		c->seen = cs_realloc(c->seen, size);
	}
	memset(c->seen, 0, size);
	for (size_t i = 0; i < c->nmsgs; i++) {
		const struct qa_msg *m = &c->msgs[i];
		if (!scoped[i] || !(m->lists & list_bit((uint32_t)list)))
			continue;
		for (size_t h = m->hit_first; h < m->hit_first + m->hit_count; h++) {
			const struct qa_hit *hit = &c->hits[h];
			uint32_t pos = c->card->phrase_pos[hit->phrase];
			if (hit->list != (uint32_t)list || c->seen[pos] || !in_bounds(c, i, hit->s))
				continue;
			c->seen[pos] = 1;
			distinct++;
			add_ev(c, text_ev(c, hit->msg, hit->s, hit->e));
		}
	}
	return distinct;
}

static int channel_matches(const qa_conv *c, const struct qa_text *t)
{
	return !t->nchannels || in_list(t->channels, t->nchannels, c->channel.p ? c->channel.p : "", c->channel.len);
}

/* The messages of cond's scope (worked out once a conversation for all the
 * conditions that share it), with c->lo and c->hi set to its bounds; NULL
 * when it cannot tell. The rules of before/after were checked first
 * (qa_eval_first), so nothing here evaluates another condition. */
static const unsigned char *scoped_for(qa_conv *c, const struct qa_cond *cond)
{
	size_t stride = c->nmsgs + 1, need = (size_t)c->card->nscopes * stride;
	if (need > c->scoped_cap) {
		c->scoped_cap = need * 2;
		c->scoped = cs_realloc(c->scoped, c->scoped_cap);
	}
	unsigned char *mine = c->scoped + (size_t)cond->scope_id * stride;
	struct qa_scoped *s = &c->scopes[cond->scope_id];
	if (s->stamp != c->stamp) {
		s->stamp = c->stamp;
		s->known = scope_messages(c, &cond->scope, mine);
		s->lo = c->lo;
		s->hi = c->hi;
	}
	c->lo = s->lo;
	c->hi = s->hi;
	return s->known ? mine : NULL;
}

static signed char eval_text(qa_conv *c, const struct qa_cond *cond)
{
	const struct qa_text *t = &cond->text;
	if (!channel_matches(c, t))
		return 0;
	/* after a rule without a hit nothing is in scope: false, none and channel included */
	if (cond->scope.after >= 0 && !qa_eval(c, c->card->rules[cond->scope.after].cond)->has_pos)
		return 0;
	const unsigned char *mine = scoped_for(c, cond);
	if (!mine)
		return -1;
	signed char ok = 1;
	if (t->message_level) {
		size_t hits = 0;
		for (size_t i = 0; i < c->nmsgs; i++)
			hits += mine[i] && message_matches(c, t, i);
		ok = hits >= (size_t)t->count_at_least;
	}
	if (ok && t->all >= 0)
		ok = phrases_seen(c, t->all, mine) == c->card->lists[t->all].size;
	if (ok && t->at_least >= 0)
		ok = phrases_seen(c, t->at_least, mine) >= (uint32_t)t->at_least_n;
	if (ok && t->none >= 0) {
		size_t before = c->nevs;
		ok = phrases_seen(c, t->none, mine) == 0;
		if (ok)
			c->nevs = before;
	}
	return ok;
}

static signed char eval_metric(qa_conv *c, const struct qa_cond *cond)
{
	double v;
	uint32_t msg;
	if (!qa_metric(c, cond->metric, &v, &msg))
		return -1;
	add_ev(c, (struct qa_ev){1, msg, 0, 0, (int)cond->metric, v});
	switch (cond->op) {
	case QA_OP_ABOVE: return v > cond->value;
	case QA_OP_AT_LEAST: return v >= cond->value;
	case QA_OP_BELOW: return v < cond->value;
	default: return v <= cond->value;
	}
}

/* Copy a kid's evidence to the end of the pool (it becomes the parent's). */
static void take_ev(qa_conv *c, const struct qa_result *kid)
{
	for (size_t i = 0; i < kid->ev_count; i++) {
		struct qa_ev ev = c->evs[kid->ev_first + i];
		add_ev(c, ev);
	}
}

/* and / or: Kleene logic; the evidence is that of the kids that decide. */
static signed char eval_logic(qa_conv *c, const struct qa_cond *cond)
{
	int is_and = cond->kind == QA_AND;
	signed char val = is_and ? 1 : 0;
	for (size_t k = 0; k < cond->nkids; k++) {
		const struct qa_result *r = qa_eval(c, cond->kids[k]);
		if (r->val == (is_and ? 0 : 1)) {
			val = r->val;
		} else if (r->val < 0 && val == (is_and ? 1 : 0)) {
			val = -1;
		}
	}
	for (size_t k = 0; k < cond->nkids; k++) {
		const struct qa_result *r = qa_eval(c, cond->kids[k]);
		if (r->val == val || val < 0)
			take_ev(c, r);
	}
	return val;
}

/* A rule's first hit, for before/after: only a condition that holds has
 * one (a false count_at_least keeps its hits as evidence, a not its kid's). */
static void set_position(qa_conv *c, struct qa_result *r)
{
	r->has_pos = 0;
	for (size_t i = r->ev_first; r->val == 1 && i < r->ev_first + r->ev_count; i++) {
		const struct qa_ev *ev = &c->evs[i];
		if (ev->msg == UINT32_MAX || ev->is_metric)
			continue;
		if (!r->has_pos || pos_of(ev->msg, ev->s) < pos_of(r->pos_msg, r->pos_byte)) {
			r->pos_msg = ev->msg;
			r->pos_byte = ev->s;
			r->has_pos = 1;
		}
	}
}

const struct qa_result *qa_eval_first(qa_conv *c, const struct qa_cond *cond)
{
	struct qa_result *r;
	signed char val;
	/* Evaluate kids first: their evidence must not land inside this one's run. */
	if (cond->kind == QA_REF)
		qa_eval(c, c->card->rules[cond->ref].cond);
	for (size_t k = 0; k < cond->nkids; k++)
		qa_eval(c, cond->kids[k]);
	if (cond->kind == QA_TEXT) {
		if (cond->scope.before >= 0)
			qa_eval(c, c->card->rules[cond->scope.before].cond);
		if (cond->scope.after >= 0)
			qa_eval(c, c->card->rules[cond->scope.after].cond);
	}
	size_t ev_start = c->nevs;
	switch (cond->kind) {
	case QA_TEXT: val = eval_text(c, cond); break;
	case QA_METRIC: val = eval_metric(c, cond); break;
	case QA_NOT: {
		const struct qa_result *kid = qa_eval(c, cond->kids[0]);
		take_ev(c, kid);
		val = kid->val < 0 ? -1 : !kid->val;
		break;
	}
	case QA_REF: {
		const struct qa_result *kid = qa_eval(c, c->card->rules[cond->ref].cond);
		take_ev(c, kid);
		val = kid->val;
		break;
	}
	default: val = eval_logic(c, cond); break;
	}
	r = &c->results[cond->index];
	r->val = val;
	r->ev_first = ev_start;
	r->ev_count = c->nevs - ev_start;
	set_position(c, r);
	c->stamps[cond->index] = c->stamp;
	return r;
}
