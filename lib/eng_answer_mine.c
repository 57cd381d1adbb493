/* eng_answer_mine: candidate FAQs from solved conversations (see eng_answer_mine.h). */
#include "eng_answer_mine.h"
#include "eng_answer_group.h"
#include "kit_hash.h"
#include "kit_jval.h"
#include "kit_jw.h"
#include "kit_mem.h"
#include "svc_analyze.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ALTERNATES 10

void cs_amine_opts_init(struct cs_amine_opts *o)
{
	*o = (struct cs_amine_opts){.min_score = 80, .repeat_ms = 7 * 86400000LL, .similarity = 0.5, .min_count = 1};
}

struct cand {
	char *conversation, *customer, *question, *answer;
	int64_t started;
	uint64_t *terms;             /* sorted term hashes */
	size_t nterms;
	double score;                /* qa.score, or -1 */
	int repeat;
	long group;
};

/* A contact: every conversation read, solved or not, for repeat contacts. */
struct contact {
	char *customer;
	int64_t started;
};

struct cs_amine {
	struct cs_amine_opts o;
	struct contact *contacts;
	size_t ncontacts, contact_cap;
	cs_analyzer *an;
	struct cand *c;
	size_t n, cap;
	cs_buf tmp, question, answer, role;
	uint64_t *terms;
	size_t nterms, tcap;
	uint64_t read, unsolved, low_score, no_pair;
};

static int solved(cs_amine *m, cs_jval status)
{
	static const char *const ok[] = {"solved", "resolved", "closed"};
	const char *s = status.t == CS_J_STRING ? cs_jtext(status, &m->tmp) : NULL;
	if (!s)
		return status.t == CS_J_NONE;
	for (int i = 0; i < 3; i++)
		if (strcmp(s, ok[i]) == 0)
			return 1;
	return 0;
}

struct pair_ctx {
	cs_amine *m;
	int agent_seen;
};

/* The question: the longest customer message before the first agent reply
 * (not the greeting before it); the answer: the longest agent reply. A
 * private note ("internal": true) is no reply: the customer never saw it. */
static int read_message(cs_jval msg, void *ctx)
{
	struct pair_ctx *p = ctx;
	cs_amine *m = p->m;
	const char *role = cs_jtext(cs_jget(msg, "role"), &m->role);
	cs_jval text = cs_jget(msg, "text");
	if (!role || text.t != CS_J_STRING || cs_jbool(cs_jget(msg, "internal"), 0))
		return 0;
	const char *t = cs_jtext(text, &m->tmp);
	if (strcmp(role, "customer") == 0 && !p->agent_seen) {
		if (strlen(t) > m->question.len) {
			cs_buf_reset(&m->question);
			cs_buf_adds(&m->question, t);
		}
	} else if (strcmp(role, "agent") == 0 && m->question.len) {
		p->agent_seen = 1;
		if (strlen(t) > m->answer.len) {
			cs_buf_reset(&m->answer);
			cs_buf_adds(&m->answer, t);
		}
	}
	return 0;
}

static int add_term(const cs_token *t, void *ctx)
{
	cs_amine *m = ctx;
	if (m->nterms == m->tcap) {
		m->tcap = m->tcap ? 2 * m->tcap : 64;
		m->terms = cs_realloc(m->terms, m->tcap * sizeof *m->terms);
	}
	m->terms[m->nterms++] = cs_hash64(t->term, t->len, 0x6d);
	return 0;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

/* The question's distinct terms, sorted, into c. */
static void term_set(cs_amine *m, struct cand *c)
{
	m->nterms = 0;
	cs_analyze(m->an, c->question, strlen(c->question), add_term, m);
	qsort(m->terms, m->nterms, sizeof *m->terms, cmp_u64);
	size_t k = 0;
	for (size_t i = 0; i < m->nterms; i++)
		if (!k || m->terms[i] != m->terms[k - 1])
			m->terms[k++] = m->terms[i];
	c->terms = cs_malloc((k ? k : 1) * sizeof *c->terms);
	memcpy(c->terms, m->terms, k * sizeof *c->terms);
	c->nterms = k;
}

static char *text_of(cs_amine *m, cs_jval v)
{
	const char *s = (v.t == CS_J_STRING || v.t == CS_J_NUMBER) ? cs_jtext(v, &m->tmp) : NULL;
	return s ? cs_strdup(s) : NULL;
}

static int64_t started_of(const cs_rec *rec)
{
	int64_t ms;
	return cs_jtime(cs_jmember(&rec->obj, "started"), &ms) == 0 ? ms : INT64_MIN;
}

static void note_contact(cs_amine *m, const char *customer, int64_t started)
{
	if (!customer || started == INT64_MIN)
		return;
	if (m->ncontacts == m->contact_cap) {
		m->contact_cap = m->contact_cap ? 2 * m->contact_cap : 64;
		m->contacts = cs_realloc(m->contacts, m->contact_cap * sizeof *m->contacts);
	}
	m->contacts[m->ncontacts++] = (struct contact){cs_strdup(customer), started};
}

/* The ids mining keeps as C strings (cs-schema(7): none may hold U+0000). */
static const char *const conversation_ids[] = {"id", "customer.id", NULL};

static int record(void *ctx, cs_run *run, const cs_rec *rec)
{
	cs_amine *m = ctx;
	(void)run;
	cs_jval messages = cs_jmember(&rec->obj, "messages");
	if (messages.t != CS_J_ARRAY)
		return CS_REC_OK;
	if (cs_rec_ids_check(rec, conversation_ids) != CS_REC_OK)
		return CS_REC_BAD;
	m->read++;
	char *customer = text_of(m, cs_jget(cs_jmember(&rec->obj, "customer"), "id"));
	int64_t started = started_of(rec);
	note_contact(m, customer, started);
	free(customer);
	if (!solved(m, cs_jmember(&rec->obj, "status"))) {
		m->unsolved++;
		return CS_REC_OK;
	}
	cs_jval score = cs_jget(cs_jmember(&rec->obj, "qa"), "score");
	if (score.t == CS_J_NUMBER && cs_jint(score, 0) < m->o.min_score) {
		m->low_score++;
		return CS_REC_OK;
	}
	cs_buf_reset(&m->question);
	cs_buf_reset(&m->answer);
	struct pair_ctx p = {m, 0};
	cs_jeach(messages, read_message, &p);
	if (!m->question.len || !m->answer.len) {
		m->no_pair++;
		return CS_REC_OK;
	}
	if (m->n == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 64;
		m->c = cs_realloc(m->c, m->cap * sizeof *m->c);
	}
	struct cand *c = &m->c[m->n++];
	*c = (struct cand){.score = score.t == CS_J_NUMBER ? (double)cs_jint(score, 0) : -1, .group = -1};
	c->conversation = text_of(m, cs_jmember(&rec->obj, "id"));
	if (!c->conversation) {   /* no id: where it was read */
		size_t n = strlen(rec->file) + 24;
		c->conversation = cs_malloc(n);
		snprintf(c->conversation, n, "%s:%llu", rec->file, (unsigned long long)rec->line);
	}
	c->customer = text_of(m, cs_jget(cs_jmember(&rec->obj, "customer"), "id"));
	c->started = started;
	c->question = cs_strndup(m->question.p, m->question.len);
	c->answer = cs_strndup(m->answer.p, m->answer.len);
	term_set(m, c);
	return CS_REC_OK;
}

/* ---- repeat contacts ---- */

static int cmp_contact(const void *a, const void *b)
{
	const struct contact *x = a, *y = b;
	int c = strcmp(x->customer, y->customer);
	if (c)
		return c;
	return (x->started > y->started) - (x->started < y->started);
}

/* The first contact of customer after ms, or NULL (contacts sorted). */
static const struct contact *next_contact(const cs_amine *m, const char *customer, int64_t ms)
{
	size_t lo = 0, hi = m->ncontacts;
	struct contact key = {(char *)customer, ms};
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cmp_contact(&m->contacts[mid], &key) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < m->ncontacts && strcmp(m->contacts[lo].customer, customer) == 0)
		return &m->contacts[lo];
	return NULL;
}

/* A conversation the same customer followed within the window (with any
 * conversation, solved or not) was not solved for good. */
static void mark_repeats(cs_amine *m)
{
	if (m->ncontacts)
		qsort(m->contacts, m->ncontacts, sizeof *m->contacts, cmp_contact);
	for (size_t i = 0; i < m->n; i++) {
		struct cand *c = &m->c[i];
		if (!c->customer || c->started == INT64_MIN)
			continue;
		const struct contact *next = next_contact(m, c->customer, c->started);
		c->repeat = next && next->started - c->started <= m->o.repeat_ms;
	}
}

/* ---- near duplicates ---- */

struct group {
	size_t first;                /* the candidate whose question stands for the group */
	size_t *members, n;
	size_t best;                 /* the best-scored member: its answer */
};

static void add_member(struct group *g, size_t i)
{
	if ((g->n & (g->n - 1)) == 0)   /* 0, 1, 2, 4, ...: full */
		g->members = cs_realloc(g->members, (g->n ? 2 * g->n : 1) * sizeof *g->members);
	g->members[g->n++] = i;
}

/* Each candidate but a repeat joins the first group whose question is
 * similar enough (eng_answer_group). */
static struct group *group_all(cs_amine *m, size_t *ngroups)
{
	struct cs_termset *sets = cs_malloc((m->n ? m->n : 1) * sizeof *sets);
	size_t *of = cs_malloc((m->n ? m->n : 1) * sizeof *of), n = 0;
	for (size_t i = 0; i < m->n; i++)
		if (!m->c[i].repeat) {
			of[n] = i;
			sets[n++] = (struct cs_termset){m->c[i].terms, m->c[i].nterms};
		}
	size_t *group = cs_malloc((n ? n : 1) * sizeof *group);
	size_t ng = cs_simgroup(sets, n, m->o.similarity, group, NULL);
	struct group *g = cs_calloc(ng ? ng : 1, sizeof *g);
	for (size_t j = 0; j < n; j++) {
		struct group *k = &g[group[j]];
		size_t i = of[j];
		if (!k->n)
			*k = (struct group){.first = i, .best = i};
		add_member(k, i);
		if (m->c[i].score > m->c[k->best].score)
			k->best = i;
	}
	free(sets);
	free(of);
	free(group);
	*ngroups = ng;
	return g;
}

static int cmp_group(const void *a, const void *b)
{
	const struct group *x = a, *y = b;
	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	return (x->first > y->first) - (x->first < y->first);
}

static void write_group(cs_amine *m, cs_run *run, const struct group *g, cs_buf *out)
{
	const struct cand *first = &m->c[g->first];
	char id[32];
	snprintf(id, sizeof id, "mined-%016llx",
		 (unsigned long long)cs_hash64(first->question, strlen(first->question), 0x6d));
	cs_jw w;
	cs_buf_reset(out);
	cs_jw_init(&w, out);
	cs_jw_object(&w);
	cs_jw_key(&w, "kind");
	cs_jw_cstr(&w, "faq_candidate");
	cs_jw_key(&w, "id");
	cs_jw_cstr(&w, id);
	cs_jw_key(&w, "question");
	cs_jw_cstr(&w, first->question);
	cs_jw_key(&w, "alternates");
	cs_jw_array(&w);
	for (size_t i = 1; i < g->n && i <= MAX_ALTERNATES; i++)
		cs_jw_cstr(&w, m->c[g->members[i]].question);
	cs_jw_end_array(&w);
	cs_jw_key(&w, "answer");
	cs_jw_cstr(&w, m->c[g->best].answer);
	cs_jw_key(&w, "conversations");
	cs_jw_array(&w);
	for (size_t i = 0; i < g->n; i++)
		cs_jw_cstr(&w, m->c[g->members[i]].conversation);
	cs_jw_end_array(&w);
	cs_jw_key(&w, "count");
	cs_jw_uint(&w, g->n);
	cs_jw_end_object(&w);
	cs_run_write_line(run, out->p, out->len);
}

static void finish(void *ctx, cs_run *run)
{
	cs_amine *m = ctx;
	size_t ng;
	mark_repeats(m);
	struct group *g = group_all(m, &ng);
	if (ng)
		qsort(g, ng, sizeof *g, cmp_group);
	cs_buf out = CS_BUF_INIT;
	for (size_t k = 0; k < ng; k++) {
		if (g[k].n >= m->o.min_count)
			write_group(m, run, &g[k], &out);
		free(g[k].members);
	}
	free(g);
	cs_buf_free(&out);
}

static void counters(void *ctx, cs_stats *st)
{
	cs_amine *m = ctx;
	uint64_t repeats = 0;
	for (size_t i = 0; i < m->n; i++)
		repeats += (uint64_t)m->c[i].repeat;
	cs_stats_add(st, "conversations", m->read);
	cs_stats_add(st, "not_solved", m->unsolved);
	cs_stats_add(st, "low_score", m->low_score);
	cs_stats_add(st, "no_question_or_answer", m->no_pair);
	cs_stats_add(st, "repeat_contact", repeats);
}

cs_amine *cs_amine_new(const struct cs_common *c, const struct cs_amine_opts *o, struct cs_engine *engine)
{
	cs_amine *m = cs_calloc(1, sizeof *m);
	(void)c;
	m->o = *o;
	m->an = cs_analyzer_new();
	*engine = (struct cs_engine){.ctx = m, .record = record, .finish = finish, .counters = counters};
	return m;
}

void cs_amine_free(cs_amine *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++) {
		struct cand *c = &m->c[i];
		free(c->conversation);
		free(c->customer);
		free(c->question);
		free(c->answer);
		free(c->terms);
	}
	free(m->c);
	for (size_t i = 0; i < m->ncontacts; i++)
		free(m->contacts[i].customer);
	free(m->contacts);
	free(m->terms);
	cs_buf_free(&m->tmp);
	cs_buf_free(&m->question);
	cs_buf_free(&m->answer);
	cs_buf_free(&m->role);
	cs_analyzer_free(m->an);
	free(m);
}
