/* eng_signals_journey: journeys per customer (see the header). */
#include "eng_signals_journey.h"
#include "kit_hash.h"
#include "kit_jw.h"
#include "kit_mem.h"
#include "kit_time.h"
#include <stdlib.h>
#include <string.h>

enum step_kind { STEP_SESSION, STEP_CONVERSATION, STEP_TICKET, STEP_SIGNAL };

struct step {
	enum step_kind kind;
	int64_t ts, end;
	uint64_t pages, events;
	char *id, *extra;          /* session id or contact id or signal id; channel or signal type */
	char *session;             /* a signal's session */
	size_t seq;                /* the order it was seen in */
};

struct type_count {
	const char *type;          /* the detector's static names */
	uint64_t n;
};

struct journey {
	char *customer;
	struct step *steps;
	size_t nsteps;
	struct type_count counts[32];
	size_t ncounts;
};

struct cs_journeys {
	cs_map by_customer;
	struct journey **all;
	size_t n;
	uint64_t anonymous;
};

cs_journeys *cs_journeys_new(void)
{
	return cs_calloc(1, sizeof(cs_journeys));
}

static struct journey *journey_of(cs_journeys *j, const char *customer)
{
	struct journey *p = cs_map_get(&j->by_customer, customer, strlen(customer));
	if (p)
		return p;
	p = cs_calloc(1, sizeof *p);
	p->customer = cs_strdup(customer);
	cs_map_put(&j->by_customer, customer, strlen(customer), p);
	j->all = cs_realloc(j->all, (j->n + 1) * sizeof *j->all);
	j->all[j->n++] = p;
	return p;
}

static struct step *add_step(struct journey *p, enum step_kind kind, int64_t ts, const char *id, const char *extra)
{
	p->steps = cs_realloc(p->steps, (p->nsteps + 1) * sizeof *p->steps);
	struct step *s = &p->steps[p->nsteps++];
	*s = (struct step){kind, ts, 0, 0, 0, id ? cs_strdup(id) : NULL, extra ? cs_strdup(extra) : NULL, NULL,
			   p->nsteps - 1};
	return s;
}

void cs_journeys_session(cs_journeys *j, const struct cs_sig_session *s)
{
	if (!s->customer) {
		j->anonymous++;
		return;
	}
	struct step *st = add_step(journey_of(j, s->customer), STEP_SESSION, s->start, s->session, NULL);
	st->end = s->end;
	st->pages = s->pages;
	st->events = s->events;
}

void cs_journeys_signal(cs_journeys *j, const struct cs_sig_hit *hit, const char *signal_id)
{
	if (!hit->customer)
		return;
	struct journey *p = journey_of(j, hit->customer);
	struct step *st = add_step(p, STEP_SIGNAL, hit->ts, signal_id, hit->type);
	st->session = hit->session ? cs_strdup(hit->session) : NULL;
	for (size_t i = 0; i < p->ncounts; i++)
		if (strcmp(p->counts[i].type, hit->type) == 0) {
			p->counts[i].n++;
			return;
		}
	if (p->ncounts < sizeof p->counts / sizeof p->counts[0])
		p->counts[p->ncounts++] = (struct type_count){hit->type, 1};
}

void cs_journeys_contact(cs_journeys *j, const char *customer, const char *step, const char *id, int64_t ts,
			 const char *channel)
{
	if (customer)
		add_step(journey_of(j, customer), strcmp(step, "ticket") == 0 ? STEP_TICKET : STEP_CONVERSATION, ts, id,
			 channel);
}

uint64_t cs_journeys_customers(const cs_journeys *j)
{
	return j->n;
}

uint64_t cs_journeys_anonymous(const cs_journeys *j)
{
	return j->anonymous;
}

static int by_customer(const void *a, const void *b)
{
	return strcmp((*(struct journey *const *)a)->customer, (*(struct journey *const *)b)->customer);
}

/* Time order; at the same instant sessions, contacts, then signals, and
 * otherwise the order they were seen. */
static int by_time(const void *a, const void *b)
{
	const struct step *x = a, *y = b;
	if (x->ts != y->ts)
		return x->ts < y->ts ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void write_time(cs_jw *w, const char *key, int64_t ms)
{
	cs_jw_key(w, key);
	cs_jw_time(w, ms);
}

static const char *const step_names[] = {"session", "conversation", "ticket", "signal"};

static void write_step(cs_jw *w, const struct step *s)
{
	cs_jw_object(w);
	write_time(w, "ts", s->ts);
	cs_jw_key(w, "step");
	cs_jw_cstr(w, step_names[s->kind]);
	if (s->kind == STEP_SIGNAL) {
		cs_jw_key(w, "type");
		cs_jw_cstr(w, s->extra);
	}
	cs_jw_key(w, s->kind == STEP_SESSION ? "session" : "id");
	cs_jw_cstr(w, s->id);
	if (s->kind == STEP_SESSION) {
		write_time(w, "end", s->end);
		cs_jw_key(w, "pages");
		cs_jw_uint(w, s->pages);
		cs_jw_key(w, "events");
		cs_jw_uint(w, s->events);
	} else if (s->kind == STEP_SIGNAL && s->session) {
		cs_jw_key(w, "session");
		cs_jw_cstr(w, s->session);
	} else if (s->kind != STEP_SIGNAL && s->extra) {
		cs_jw_key(w, "channel");
		cs_jw_cstr(w, s->extra);
	}
	cs_jw_end_object(w);
}

static int64_t journey_end(const struct journey *p)
{
	const struct step *last = &p->steps[p->nsteps - 1];
	int64_t end = last->kind == STEP_SESSION ? last->end : last->ts;
	for (size_t i = 0; i < p->nsteps; i++)
		if (p->steps[i].kind == STEP_SESSION && p->steps[i].end > end)
			end = p->steps[i].end;
	return end;
}

static void write_risk(cs_jw *w, const struct cs_risk_result *r)
{
	cs_jw_key(w, "risk");
	cs_jw_object(w);
	cs_jw_key(w, "score");
	cs_jw_int(w, r->score);
	cs_jw_key(w, "band");
	cs_jw_cstr(w, cs_risk_band_name(r->band));
	cs_jw_key(w, "reasons");
	cs_jw_array(w);
	for (size_t i = 0; i < r->nreasons; i++) {
		cs_jw_object(w);
		cs_jw_key(w, "type");
		cs_jw_cstr(w, r->reasons[i].type);
		cs_jw_key(w, "points");
		cs_jw_int(w, r->reasons[i].points);
		cs_jw_key(w, "text");
		cs_jw_cstr(w, r->reasons[i].text);
		cs_jw_end_object(w);
	}
	cs_jw_end_array(w);
	cs_jw_end_object(w);
}

static void write_journey(struct journey *p, int64_t end, const struct cs_risk_result *risk, cs_buf *out)
{
	cs_jw w;
	cs_buf_reset(out);
	cs_jw_init(&w, out);
	cs_jw_object(&w);
	cs_jw_key(&w, "kind");
	cs_jw_cstr(&w, "journey");
	cs_jw_key(&w, "customer");
	cs_jw_object(&w);
	cs_jw_key(&w, "id");
	cs_jw_cstr(&w, p->customer);
	cs_jw_end_object(&w);
	write_time(&w, "from", p->steps[0].ts);
	write_time(&w, "to", end);
	cs_jw_key(&w, "counts");
	cs_jw_object(&w);
	for (size_t i = 0; i < p->ncounts; i++) {
		cs_jw_key(&w, p->counts[i].type);
		cs_jw_uint(&w, p->counts[i].n);
	}
	cs_jw_end_object(&w);
	write_risk(&w, risk);
	cs_jw_key(&w, "steps");
	cs_jw_array(&w);
	for (size_t i = 0; i < p->nsteps; i++)
		write_step(&w, &p->steps[i]);
	cs_jw_end_array(&w);
	cs_jw_end_object(&w);
}

static void score(const struct journey *p, const cs_risk_model *m, int64_t now, cs_risk_features *f,
		  struct cs_risk_result *r)
{
	cs_risk_features_clear(f);
	for (size_t i = 0; i < p->nsteps; i++)
		if (p->steps[i].kind == STEP_SIGNAL)
			cs_risk_features_add(f, p->steps[i].extra, strlen(p->steps[i].extra), p->steps[i].ts);
	cs_risk_features_compute(f, now, m);
	cs_risk_score(m, f, r);
}

/* The signals of the reasons' types, latest first, at most CS_SIG_EVIDENCE_MAX. */
static size_t reason_evidence(const struct journey *p, const struct cs_risk_result *r, int64_t now,
			      struct cs_sig_ref *ev)
{
	size_t n = 0;
	for (size_t i = p->nsteps; i-- > 0 && n < CS_SIG_EVIDENCE_MAX;) {
		const struct step *s = &p->steps[i];
		if (s->kind != STEP_SIGNAL || s->ts > now)
			continue;
		for (size_t k = 0; k < r->nreasons; k++)
			if (strcmp(r->reasons[k].type, s->extra) == 0) {
				ev[n++] = (struct cs_sig_ref){s->id, "signal", s->ts};
				break;
			}
	}
	return n;
}

void cs_journeys_write(cs_journeys *j, const cs_risk_model *m, int64_t now_ms,
		       void (*fn)(const struct cs_journey_out *out, void *ctx), void *ctx)
{
	cs_buf out = CS_BUF_INIT;
	cs_risk_features f = CS_RISK_FEATURES_INIT;
	struct cs_risk_result r;
	struct cs_sig_ref ev[CS_SIG_EVIDENCE_MAX];
	if (j->n)   /* a part of a --shard run may have no journey: qsort wants an array */
		qsort(j->all, j->n, sizeof *j->all, by_customer);
	for (size_t i = 0; i < j->n; i++) {
		struct journey *p = j->all[i];
		qsort(p->steps, p->nsteps, sizeof *p->steps, by_time);
		int64_t end = journey_end(p);
		int64_t now = now_ms == INT64_MIN ? end : now_ms;
		score(p, m, now, &f, &r);
		write_journey(p, end, &r, &out);
		struct cs_journey_out o = {&out, p->customer, now, &r, ev, reason_evidence(p, &r, now, ev)};
		fn(&o, ctx);
	}
	cs_risk_features_free(&f);
	cs_buf_free(&out);
}

void cs_journeys_free(cs_journeys *j)
{
	if (!j)
		return;
	for (size_t i = 0; i < j->n; i++) {
		struct journey *p = j->all[i];
		for (size_t k = 0; k < p->nsteps; k++) {
			free(p->steps[k].id);
			free(p->steps[k].extra);
			free(p->steps[k].session);
		}
		free(p->steps);
		free(p->customer);
		free(p);
	}
	free(j->all);
	cs_map_free(&j->by_customer);
	free(j);
}
