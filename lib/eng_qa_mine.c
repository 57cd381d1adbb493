/* eng_qa_mine: `cs-qa mine` (see eng_qa_mine.h). */
#include "eng_qa_mine.h"
#include "kit_shard.h"
#include "kit_hash.h"
#include "kit_in.h"
#include "kit_json.h"
#include "kit_jval.h"
#include "kit_jw.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "svc_text.h"
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* What a term is counted in: conversations of each kind that hold it. */
enum { N_TARGET, N_REST, N_PREVIOUS, N_HIGH, N_AGENT_REST, N_KINDS };
static const char *const kind_names[N_KINDS] = {"target", "rest", "previous", "high", "agent_rest"};

struct term {
	uint64_t hash;
	uint32_t key_off, key_len;       /* side byte ('c' customer, 'a' agent) and the term, in keys */
	uint64_t n[N_KINDS];
	uint64_t stamp;                  /* the last conversation that counted it */
	uint32_t ex_off, ex_len;         /* an example: "conversation_id\0message_id", in keys */
	uint64_t ex_hash;                /* its cs_shard_hash */
	int ex_index;                    /* the example's message has no id: its place in messages, as digits */
};

struct cs_mine {
	struct cs_mine_opts o;
	struct term *terms;
	size_t nterms, terms_cap;
	uint32_t *index;                 /* open addressing: term number + 1, 0 empty */
	size_t index_cap;
	cs_buf keys, key, conv_id, msg_id, text;
	uint64_t totals[N_KINDS];
	uint64_t conversation;           /* stamps */
	uint64_t not_scored;             /* conversations without a qa field, left out */
	uint64_t others;                 /* records that are no conversation */
	cs_norm norm;
	cs_obj obj;
};

void cs_mine_opts_init(struct cs_mine_opts *o)
{
	*o = (struct cs_mine_opts){CS_MINE_EITHER, -0.05, 60, 90, 20, 3, NULL, 0};
}

/* ---- the term table ---- */

static void reindex(cs_mine *m)
{
	free(m->index);
	m->index_cap = m->index_cap ? m->index_cap * 2 : 4096;
	m->index = cs_calloc(m->index_cap, sizeof *m->index);
	for (size_t t = 0; t < m->nterms; t++) {
		size_t i = (size_t)m->terms[t].hash & (m->index_cap - 1);
		while (m->index[i])
			i = (i + 1) & (m->index_cap - 1);
		m->index[i] = (uint32_t)t + 1;
	}
}

static struct term *term_of(cs_mine *m, const char *key, size_t n)
{
	if ((m->nterms + 1) * 2 > m->index_cap)
		reindex(m);
	uint64_t h = cs_hash64(key, n, 0x7E2);
	size_t i = (size_t)h & (m->index_cap - 1);
	for (; m->index[i]; i = (i + 1) & (m->index_cap - 1)) {
		struct term *t = &m->terms[m->index[i] - 1];
		if (t->hash == h && t->key_len == n && memcmp(m->keys.p + t->key_off, key, n) == 0)
			return t;
	}
	if (m->nterms == m->terms_cap) {
		m->terms_cap = m->terms_cap ? m->terms_cap * 2 : 4096;
		m->terms = cs_realloc(m->terms, m->terms_cap * sizeof *m->terms);
	}
	struct term *t = &m->terms[m->nterms];
	memset(t, 0, sizeof *t);
	t->hash = h;
	t->key_off = (uint32_t)m->keys.len;
	t->key_len = (uint32_t)n;
	cs_buf_add(&m->keys, key, n);
	m->index[i] = (uint32_t)++m->nterms;
	return t;
}

/* The example is the candidate whose ids hash lowest, so the same one is
 * chosen whatever the order of the conversations and however they are split
 * into shards (a new lowest turns up about ln n times in n conversations). */
static void set_example(cs_mine *m, struct term *t, const char *conv, size_t cn, const char *msg, size_t mn,
			int index)
{
	if (!cn)
		return;
	size_t at = m->keys.len;
	cs_buf_add(&m->keys, conv, cn);
	cs_buf_addc(&m->keys, '\0');
	cs_buf_add(&m->keys, msg, mn);
	uint64_t h = cs_shard_hash(m->keys.p + at, m->keys.len - at);
	if (t->ex_len && h >= t->ex_hash) {
		m->keys.len = at;
		m->keys.p[at] = '\0';
		return;
	}
	t->ex_off = (uint32_t)at;
	t->ex_len = (uint32_t)(m->keys.len - at);
	t->ex_hash = h;
	t->ex_index = index;
}

/* ---- terms of a text ---- */

static int stop_word(const char *w, size_t n)
{
	static const char *const words[] = {
		"a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "for", "with", "from", "by",
		"is", "are", "was", "were", "be", "been", "am", "it", "its", "it's", "this", "that", "these", "those",
		"i", "i'm", "me", "my", "we", "our", "you", "your", "he", "she", "they", "them", "his", "her", "their",
		"do", "does", "did", "have", "has", "had", "will", "would", "can", "could", "should", "so", "as",
		"not", "no", "yes", "what", "when", "where", "how", "why", "which", "who", "there", "here", "just",
		"also", "then", "than", "too", "very", "all", "any", "some", "about", "up", "out", "into", "over",
		"please", "hi", "hello", "ok", "okay", NULL};
	for (size_t i = 0; words[i]; i++)
		if (strlen(words[i]) == n && memcmp(words[i], w, n) == 0)
			return 1;
	return 0;
}

static int digits_only(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (w[i] < '0' || w[i] > '9')
			return 0;
	return 1;
}

/* Characters that make a Chinese n-gram mere glue (的订, 了吗). */
static int glue_char(uint32_t cp)
{
	static const uint32_t glue[] = {0x7684, 0x4E86, 0x662F, 0x6211, 0x4F60, 0x4ED6, 0x5979, 0x5B83, 0x4EEC, 0x5728,
		0x548C, 0x4E5F, 0x90FD, 0x5C31, 0x8FD8, 0x5417, 0x5462, 0x5427, 0x554A, 0x8FD9, 0x90A3, 0x4E2A, 0};
	for (size_t i = 0; glue[i]; i++)
		if (glue[i] == cp)
			return 1;
	return 0;
}

struct counting {
	cs_mine *m;
	char side;
	const int *kinds;                /* N_* the conversation counts in, ended by -1 */
	const char *conv, *msg;
	size_t conv_len, msg_len;
	int msg_index;                   /* msg is the message's place in messages (it has no id) */
	int example;                     /* keep an example from this conversation */
};

static void count_term(struct counting *c, const char *term, size_t n)
{
	cs_mine *m = c->m;
	cs_buf_reset(&m->key);
	cs_buf_addc(&m->key, c->side);
	cs_buf_add(&m->key, term, n);
	struct term *t = term_of(m, m->key.p, m->key.len);
	if (t->stamp == m->conversation)
		return;
	t->stamp = m->conversation;
	for (size_t k = 0; c->kinds[k] >= 0; k++)
		t->n[c->kinds[k]]++;
	if (c->example)
		set_example(m, t, c->conv, c->conv_len, c->msg, c->msg_len, c->msg_index);
}

/* English words and word pairs of normalized text. */
static void english_terms(struct counting *c, const char *s, size_t n)
{
	size_t prev_s = 0, prev_n = 0, i = 0;
	int have_prev = 0, prev_stop = 0;
	cs_buf pair = CS_BUF_INIT;
	while (i < n) {
		unsigned char ch = (unsigned char)s[i];
		int word = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '\'';
		if (!word) {
			if (ch >= 0x80) {   /* a non-ASCII character ends English words, unless a Latin letter */
				size_t j = i;
				uint32_t cp = cs_utf8_next(s, n, &j);
				if (cp >= 0xC0 && cp < 0x250) {
					i = j;
					continue;
				}
				have_prev = 0;
				i = j;
			} else {
				if (ch != ' ')
					have_prev = 0;   /* punctuation breaks pairs */
				i++;
			}
			continue;
		}
		size_t start = i;
		while (i < n && (((unsigned char)s[i] >= 'a' && (unsigned char)s[i] <= 'z') ||
				 (s[i] >= '0' && s[i] <= '9') || s[i] == '\''))
			i++;
		size_t len = i - start;
		int stop = stop_word(s + start, len), num = digits_only(s + start, len);
		if (!stop && !num && len >= 2)
			count_term(c, s + start, len);
		if (have_prev && !num && !(stop && prev_stop)) {
			cs_buf_reset(&pair);
			cs_buf_add(&pair, s + prev_s, prev_n);
			cs_buf_addc(&pair, ' ');
			cs_buf_add(&pair, s + start, len);
			count_term(c, pair.p, pair.len);
		}
		prev_s = start;
		prev_n = len;
		prev_stop = stop;
		have_prev = !num;
	}
	cs_buf_free(&pair);
}

/* Chinese character pairs and triples within runs of Han characters. */
static void chinese_terms(struct counting *c, const char *s, size_t n)
{
	size_t at[3] = {0, 0, 0}, run = 0, i = 0;
	uint32_t cps[3] = {0, 0, 0};
	while (i < n) {
		size_t start = i;
		uint32_t cp = cs_utf8_next(s, n, &i);
		if (!cs_is_han(cp)) {
			run = 0;
			continue;
		}
		at[0] = at[1];
		at[1] = at[2];
		at[2] = start;
		cps[0] = cps[1];
		cps[1] = cps[2];
		cps[2] = cp;
		run++;
		if (run >= 2 && !glue_char(cps[1]) && !glue_char(cps[2]))
			count_term(c, s + at[1], i - at[1]);
		if (run >= 3 && !glue_char(cps[0]) && !glue_char(cps[1]) && !glue_char(cps[2]))
			count_term(c, s + at[0], i - at[0]);
	}
}

/* ---- conversations ---- */

static double number_at(cs_jval v, const char *path, int *ok)
{
	cs_jval x = cs_jpath(v, path);
	*ok = x.t == CS_J_NUMBER;
	return *ok ? strtod(x.p, NULL) : 0;
}

struct msg_ctx {
	cs_mine *m;
	struct counting customer, agent;
	uint32_t at;                     /* the next message's place in messages */
};

static int count_message(cs_jval msg, void *ctx)
{
	struct msg_ctx *mc = ctx;
	cs_mine *m = mc->m;
	uint32_t at = mc->at++;
	const char *role = cs_jtext(cs_jget(msg, "role"), &m->key);
	struct counting *c = !role ? NULL : strcmp(role, "customer") == 0 ? &mc->customer
					      : strcmp(role, "agent") == 0 ? &mc->agent : NULL;
	if (!c || c->kinds[0] < 0)
		return 0;
	const char *id = cs_jtext(cs_jget(msg, "id"), &m->msg_id);
	c->msg_index = !id || !*id;
	if (c->msg_index) {   /* named by its place, as cs-qa's evidence names it */
		cs_buf_reset(&m->msg_id);
		cs_buf_printf(&m->msg_id, "%" PRIu32, at);
	}
	c->msg = m->msg_id.p;
	c->msg_len = m->msg_id.len;
	if (!cs_jtext(cs_jget(msg, "text"), &m->text))
		return 0;
	cs_norm_text(&m->norm, m->text.p, m->text.len);
	english_terms(c, m->norm.text.p, m->norm.text.len);
	chinese_terms(c, m->norm.text.p, m->norm.text.len);
	return 0;
}

/* Which sets a conversation counts in: kinds for its customer side and its agent side. */
static void conversation_sets(const cs_mine *m, cs_jval qa, int previous, int *cust, int *agent)
{
	int have_mean, have_score;
	double mean = number_at(qa, "sentiment.customer.mean", &have_mean);
	double score = number_at(qa, "score", &have_score);
	int negative = have_mean && mean <= m->o.negative_at, low = have_score && score < m->o.low_score;
	int target = m->o.target == CS_MINE_NEGATIVE ? negative : m->o.target == CS_MINE_LOW ? low : negative || low;
	cust[0] = previous ? N_PREVIOUS : target ? N_TARGET : N_REST;
	cust[1] = -1;
	agent[0] = previous ? -1 : have_score && score >= m->o.best_score ? N_HIGH : N_AGENT_REST;
	agent[1] = -1;
}

static void add_conversation(cs_mine *m, cs_jval conv, int previous)
{
	cs_jval qa = cs_jget(conv, "qa"), messages = cs_jget(conv, "messages");
	if (messages.t != CS_J_ARRAY) {
		m->others++;   /* alert records and the like: nothing to mine */
		return;
	}
	if (qa.t != CS_J_OBJECT) {
		m->not_scored++;
		return;
	}
	int cust[2], agent[2];
	conversation_sets(m, qa, previous, cust, agent);
	m->conversation++;
	const char *id = cs_jtext(cs_jget(conv, "id"), &m->conv_id);
	size_t cn = id ? m->conv_id.len : 0;
	struct msg_ctx mc = {m, {m, 'c', cust, id ? id : "", NULL, cn, 0, 0, cust[0] == N_TARGET},
			     {m, 'a', agent, id ? id : "", NULL, cn, 0, 0, agent[0] == N_HIGH}, 0};
	m->totals[cust[0]]++;
	if (agent[0] >= 0)
		m->totals[agent[0]]++;
	cs_jeach(messages, count_message, &mc);
}

/* ---- partial counts, read back ---- */

/* Counts of an earlier period count as previous; its agent side is not used. */
static int counted_kind(int k, int previous)
{
	if (!previous)
		return k;
	return k == N_TARGET || k == N_REST || k == N_PREVIOUS ? N_PREVIOUS : -1;
}

static void add_totals(cs_mine *m, cs_jval rec, int previous)
{
	for (int k = 0; k < N_KINDS; k++) {
		int to = counted_kind(k, previous);
		int64_t v = cs_jint(cs_jget(rec, kind_names[k]), 0);
		if (v > 0 && to >= 0)
			m->totals[to] += (uint64_t)v;
	}
}

static void add_counts(cs_mine *m, cs_jval rec, int previous)
{
	const char *side = cs_jtext(cs_jget(rec, "side"), &m->key);
	char s = side && strcmp(side, "agent") == 0 ? 'a' : 'c';
	if (!cs_jtext(cs_jget(rec, "term"), &m->text))
		return;
	cs_buf_reset(&m->key);
	cs_buf_addc(&m->key, s);
	cs_buf_add(&m->key, m->text.p, m->text.len);
	struct term *t = term_of(m, m->key.p, m->key.len);
	for (int k = 0; k < N_KINDS; k++) {
		int to = counted_kind(k, previous);
		int64_t v = cs_jint(cs_jget(rec, kind_names[k]), 0);
		if (v > 0 && to >= 0)
			t->n[to] += (uint64_t)v;
	}
	cs_jval ex = cs_jget(rec, "example"), index = cs_jget(ex, "message_index");
	if (ex.t != CS_J_OBJECT || !cs_jtext(cs_jget(ex, "conversation_id"), &m->conv_id))
		return;
	if (cs_jtext(cs_jget(ex, "message_id"), &m->msg_id))
		set_example(m, t, m->conv_id.p, m->conv_id.len, m->msg_id.p, m->msg_id.len, 0);
	else if (index.t == CS_J_NUMBER && cs_jtext(index, &m->msg_id))
		set_example(m, t, m->conv_id.p, m->conv_id.len, m->msg_id.p, m->msg_id.len, 1);
}

static void add_record(cs_mine *m, cs_jval rec, int previous)
{
	const char *kind = cs_jtext(cs_jget(rec, "kind"), &m->key);
	if (kind && strcmp(kind, "term_totals") == 0)
		add_totals(m, rec, previous);
	else if (kind && strcmp(kind, "term_counts") == 0)
		add_counts(m, rec, previous);
	else
		add_conversation(m, rec, previous);
}

static int record(void *ctx, cs_run *run, const cs_rec *rec)
{
	(void)run;
	add_record(ctx, cs_jval_of(rec->text, rec->len), 0);
	return CS_REC_OK;
}

static void add_previous(void *ctx, const char *line, size_t len) { add_record(ctx, cs_jval_of(line, len), 1); }

/* ---- the report ---- */

static double xlogx_ratio(double o, double e) { return o > 0 && e > 0 ? o * log(o / e) : 0; }

double cs_mine_g2(double a, double b, double n1, double n2)
{
	double n = n1 + n2, with = a + b, without = n - with;
	if (n1 <= 0 || n2 <= 0 || with <= 0 || without <= 0)
		return 0;
	return 2 * (xlogx_ratio(a, n1 * with / n) + xlogx_ratio(b, n2 * with / n) +
		    xlogx_ratio(n1 - a, n1 * without / n) + xlogx_ratio(n2 - b, n2 * without / n));
}

struct ranked {
	size_t term;
	double g2;
};

static int by_g2(const void *x, const void *y, void *ctx)
{
	const struct ranked *a = x, *b = y;
	const cs_mine *m = ctx;
	if (a->g2 != b->g2)
		return a->g2 > b->g2 ? -1 : 1;
	const struct term *ta = &m->terms[a->term], *tb = &m->terms[b->term];
	size_t n = ta->key_len < tb->key_len ? ta->key_len : tb->key_len;
	if (ta->key_len != tb->key_len)   /* equal G²: the longer term first, its parts are then left out */
		return ta->key_len > tb->key_len ? -1 : 1;
	return memcmp(m->keys.p + ta->key_off, m->keys.p + tb->key_off, n);
}

/* The sum of the counts of the kinds in mask. */
static uint64_t sum(const uint64_t *n, unsigned mask)
{
	uint64_t total = 0;
	for (int k = 0; k < N_KINDS; k++)
		if (mask & (1u << k))
			total += n[k];
	return total;
}

/* Is term r[i] inside a term listed before it with the same counts (么可 in
 * 什么可以)? Then it says nothing more. */
static int part_of_listed(const cs_mine *m, const struct ranked *r, size_t i, unsigned in, unsigned out)
{
	const struct term *t = &m->terms[r[i].term];
	for (size_t k = 0; k < i; k++) {
		const struct term *o = &m->terms[r[k].term];
		if (sum(o->n, in) == sum(t->n, in) && sum(o->n, out) == sum(t->n, out) && o->key_len > t->key_len &&
		    memmem(m->keys.p + o->key_off + 1, o->key_len - 1, m->keys.p + t->key_off + 1, t->key_len - 1))
			return 1;
	}
	return 0;
}

/* A term's example: its conversation and its message, by id or by place. */
static void write_example(cs_jw *w, const cs_mine *m, const struct term *t)
{
	if (!t->ex_len)
		return;
	const char *ex = m->keys.p + t->ex_off;
	size_t cn = strlen(ex);
	cs_jw_key(w, "example");
	cs_jw_object(w);
	cs_jw_key(w, "conversation_id");
	cs_jw_str(w, ex, cn);
	if (t->ex_index) {
		cs_jw_key(w, "message_index");
		cs_jw_raw(w, ex + cn + 1, t->ex_len - cn - 1);
	} else {
		cs_jw_key(w, "message_id");
		cs_jw_str(w, ex + cn + 1, t->ex_len - cn - 1);
	}
	cs_jw_end_object(w);
}

/* The terms of one side most over-represented in the conversations of the
 * kinds in `in` against those of the kinds in `out`. */
static void write_list(cs_mine *m, cs_run *run, const char *type, char side, unsigned in, unsigned out)
{
	struct ranked *r = cs_malloc((m->nterms + 1) * sizeof *r);
	size_t nr = 0;
	uint64_t total_in = sum(m->totals, in), total_out = sum(m->totals, out);
	double n1 = (double)total_in, n2 = (double)total_out;
	for (size_t t = 0; t < m->nterms; t++) {
		const struct term *term = &m->terms[t];
		double a = (double)sum(term->n, in), b = (double)sum(term->n, out);
		if (m->keys.p[term->key_off] != side || a < (double)m->o.min_count || n1 <= 0 || a / n1 <= b / (n2 > 0 ? n2 : 1))
			continue;
		r[nr++] = (struct ranked){t, cs_mine_g2(a, b, n1, n2)};
	}
	qsort_r(r, nr, sizeof *r, by_g2, m);
	cs_buf line = CS_BUF_INIT;
	size_t written = 0;
	for (size_t i = 0; i < nr && written < m->o.top; i++) {
		const struct term *t = &m->terms[r[i].term];
		uint64_t a = sum(t->n, in), b = sum(t->n, out);
		if (part_of_listed(m, r, i, in, out))
			continue;
		written++;
		cs_buf_reset(&line);
		cs_jw w;
		cs_jw_init(&w, &line);
		cs_jw_object(&w);
		cs_jw_key(&w, "kind");
		cs_jw_cstr(&w, "mined");
		cs_jw_key(&w, "type");
		cs_jw_cstr(&w, type);
		cs_jw_key(&w, "side");
		cs_jw_cstr(&w, side == 'a' ? "agent" : "customer");
		cs_jw_key(&w, "term");
		cs_jw_str(&w, m->keys.p + t->key_off + 1, t->key_len - 1);
		cs_jw_key(&w, "conversations");
		cs_jw_uint(&w, a);
		cs_jw_key(&w, "of");
		cs_jw_uint(&w, total_in);
		cs_jw_key(&w, "baseline_conversations");
		cs_jw_uint(&w, b);
		cs_jw_key(&w, "baseline_of");
		cs_jw_uint(&w, total_out);
		cs_jw_key(&w, "g2");
		cs_jw_double(&w, round(r[i].g2 * 1000) / 1000);
		cs_jw_key(&w, "ratio");
		/* half a conversation added out of the set, so a term never seen there has a finite ratio */
		cs_jw_double(&w, round(((double)a / n1) / (((double)b + 0.5) / (n2 + 0.5)) * 1000) / 1000);
		write_example(&w, m, t);
		cs_jw_end_object(&w);
		cs_run_write_line(run, line.p, line.len);
	}
	cs_buf_free(&line);
	free(r);
}

static void write_partial(cs_mine *m, cs_run *run)
{
	cs_buf line = CS_BUF_INIT;
	cs_jw w;
	cs_jw_init(&w, &line);
	cs_jw_object(&w);
	cs_jw_key(&w, "kind");
	cs_jw_cstr(&w, "term_totals");
	for (int k = 0; k < N_KINDS; k++) {
		cs_jw_key(&w, kind_names[k]);
		cs_jw_uint(&w, m->totals[k]);
	}
	cs_jw_end_object(&w);
	cs_run_write_line(run, line.p, line.len);
	for (size_t i = 0; i < m->nterms; i++) {
		const struct term *t = &m->terms[i];
		cs_buf_reset(&line);
		cs_jw_init(&w, &line);
		cs_jw_object(&w);
		cs_jw_key(&w, "kind");
		cs_jw_cstr(&w, "term_counts");
		cs_jw_key(&w, "side");
		cs_jw_cstr(&w, m->keys.p[t->key_off] == 'a' ? "agent" : "customer");
		cs_jw_key(&w, "term");
		cs_jw_str(&w, m->keys.p + t->key_off + 1, t->key_len - 1);
		for (int k = 0; k < N_KINDS; k++)
			if (t->n[k]) {
				cs_jw_key(&w, kind_names[k]);
				cs_jw_uint(&w, t->n[k]);
			}
		write_example(&w, m, t);
		cs_jw_end_object(&w);
		cs_run_write_line(run, line.p, line.len);
	}
	cs_buf_free(&line);
}

#define KIND(k) (1u << (k))

static void finish(void *ctx, cs_run *run)
{
	cs_mine *m = ctx;
	if (m->o.previous)
		cs_in_each_object("--previous", m->o.previous, add_previous, m);
	if (m->o.partial) {
		write_partial(m, run);
		return;
	}
	write_list(m, run, "over_represented", 'c', KIND(N_TARGET), KIND(N_REST));
	if (m->totals[N_PREVIOUS])
		write_list(m, run, "emerging", 'c', KIND(N_TARGET) | KIND(N_REST), KIND(N_PREVIOUS));
	write_list(m, run, "best_practice", 'a', KIND(N_HIGH), KIND(N_AGENT_REST));
}

static void counters(void *ctx, cs_stats *st)
{
	cs_mine *m = ctx;
	cs_stats_add(st, "conversations", m->conversation);
	cs_stats_add(st, "not_scored", m->not_scored);
	cs_stats_add(st, "other_records", m->others);
	cs_stats_add(st, "terms", m->nterms);
}

static void summary(void *ctx, const struct cs_common *c)
{
	cs_mine *m = ctx;
	(void)c;
	if (m->not_scored)
		cs_notice("%llu conversations without \"qa\" were left out (score them with cs-qa first)",
			  (unsigned long long)m->not_scored);
}

cs_mine *cs_mine_new(const struct cs_common *c, const struct cs_mine_opts *o, struct cs_engine *engine)
{
	(void)c;
	cs_mine *m = cs_calloc(1, sizeof *m);
	m->o = *o;
	*engine = (struct cs_engine){.ctx = m, .record = record, .finish = finish, .counters = counters, .summary = summary};
	return m;
}

void cs_mine_free(cs_mine *m)
{
	if (!m)
		return;
	free(m->terms);
	free(m->index);
	cs_buf_free(&m->keys);
	cs_buf_free(&m->key);
	cs_buf_free(&m->conv_id);
	cs_buf_free(&m->msg_id);
	cs_buf_free(&m->text);
	cs_norm_free(&m->norm);
	cs_obj_free(&m->obj);
	free(m);
}
