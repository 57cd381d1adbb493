/* eng_route: cs-route's engine (see eng_route.h). */
#include "eng_route.h"
#include "eng_route_agents.h"
#include "eng_route_match.h"
#include "eng_route_policy.h"
#include "eng_route_read.h"
#include "kit_batch.h"
#include "kit_hash.h"
#include "kit_jval.h"
#include "kit_jw.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_out.h"
#include "kit_pool.h"
#include "kit_time.h"
#include "svc_intent.h"
#include "svc_regex.h"
#include "svc_sentiment.h"
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OUT_OF_SCOPE "out_of_scope"
#define NO_TIME ROUTE_NO_TIME
#define MAX_REASONS 16
#define MAX_THREADS CS_RELAY_MAX_WORKERS
#define ENDED_WAITING "the conversation ended while it waited: out of the queue"

void cs_route_opts_init(struct cs_route_opts *o)
{
	*o = (struct cs_route_opts){.threshold = -1, .ambiguity = -1, .select = -1, .alternatives = 2};
}

/* The decision for one conversation, as it is written. */
struct decision {
	const char *intent, *source;     /* source: rule, model, fallback, none */
	double confidence;
	uint32_t alt[8];
	double alt_conf[8];
	size_t nalt;
	const char *tier, *queue, *agent, *status, *filter;
	int priority;
	const struct route_target *target;
	size_t position;
	int human_requested, escalated, business_hours;
	cs_buf *reasons;                 /* MAX_REASONS buffers, reused */
	size_t nreasons;
};

/* What reading a batched record gave. */
struct item {
	int worker;                      /* whose out holds the reading's strings */
	struct route_reading rd;
};

struct cs_route {
	struct cs_route_opts o;
	cs_intent_model *model;
	route_rules *rules;
	route_asks *asks;
	route_policy *policy;
	route_roster *roster;
	route_state *state;              /* --state, locked for the run */
	int managing;                    /* agents known: assign and queue; else only choose the queue */
	cs_lexicon *lexicon;
	cs_lexicon *problem_lexicon;     /* lexicon, the words that name a problem neutral: escalation */
	cs_phrases *problem_words;       /* the words the two score apart, or NULL (cs_lexicon_changes) */
	cs_lexicon_job *lexicon_job;     /* loading, until load_everything ends */
	/* reading in parallel: a batch of records, a reader a thread */
	cs_pool *pool;
	struct route_reader readers[MAX_THREADS];
	int nreaders;
	cs_relay relay;                  /* records to read, each with its struct item; their strings in its outs */
	cs_obj obj;
	/* deciding in order */
	const struct route_reading *rd;  /* the record being decided */
	cs_buf lang, ask_text, id, channel, tier, customer;
	struct decision d;               /* the conversation being routed */
	cs_buf reasons[MAX_REASONS];
	struct decision upd;             /* a waiting one moving, meanwhile */
	cs_buf upd_reasons[MAX_REASONS];
	cs_buf scratch, out;
	/* The route_update records written lately, and those that came in and
	 * were passed on, byte for byte: a stream cs-route has been over brings
	 * them again, and each goes out once. */
	cs_recent updates_written, updates_came_in;
	struct {
		uint64_t routed, bot, human, assigned, queued, human_requested, escalated, out_of_scope, updates,
			updates_replaced, agent_records, passed, regex_limit_hits;
	} n;
};

/* ---- reasons ---- */

static void add_signed(cs_buf *b, long long v)
{
	if (v < 0)
		cs_buf_addc(b, '-');
	cs_buf_add_u64(b, v < 0 ? -(uint64_t)v : (uint64_t)v);
}

/* A reason, formatted here: every record has several, and vsnprintf was
 * a twentieth of all cs-route did. The formats are this file's: %s, %.*s,
 * %d, %zu, %ld and %lld (PRId64), %%; t_route and the golden tests write
 * each of them. */
static __attribute__((format(printf, 2, 3))) void reason(struct decision *d, const char *fmt, ...)
{
	if (d->nreasons == MAX_REASONS)
		return;
	cs_buf *b = &d->reasons[d->nreasons++];
	cs_buf_reset(b);
	va_list ap;
	va_start(ap, fmt);
	for (const char *f = fmt; *f; f++) {
		const char *pct = strchr(f, '%');
		if (!pct) {
			cs_buf_adds(b, f);
			break;
		}
		cs_buf_add(b, f, (size_t)(pct - f));
		f = pct + 1;
		if (*f == 's') {
			const char *str = va_arg(ap, const char *);
			cs_buf_adds(b, str ? str : "(null)");
		} else if (f[0] == '.' && f[1] == '*' && f[2] == 's') {
			int n = va_arg(ap, int);
			const char *str = va_arg(ap, const char *);
			cs_buf_add(b, str, strnlen(str, n < 0 ? 0 : (size_t)n));
			f += 2;
		} else if (*f == 'd') {
			add_signed(b, va_arg(ap, int));
		} else if (f[0] == 'z' && f[1] == 'u') {
			cs_buf_add_u64(b, va_arg(ap, size_t));
			f++;
		} else if (f[0] == 'l' && f[1] == 'd') {
			add_signed(b, va_arg(ap, long));
			f++;
		} else if (f[0] == 'l' && f[1] == 'l' && f[2] == 'd') {
			add_signed(b, va_arg(ap, long long));
			f += 2;
		} else if (*f == '%') {
			cs_buf_addc(b, '%');
		} else {
			cs_die(CS_EXIT_INTERNAL, "a reason's format has %%%c", *f);
		}
	}
	va_end(ap);
	cs_buf_reserve(b, 1);
	b->p[b->len] = '\0';
}

/* Numbers for reasons as printf writes them ("%.3f", "%g"), a buffer each,
 * without printf's floating point for most. */
struct nums {
	char t[6][32];
	int n;
};

static const char *fix(struct nums *u, double v, int places)
{
	char *o = u->t[u->n++ % 6];
	cs_fmt_fixed(o, sizeof u->t[0], v, places);
	return o;
}

static const char *gnum(struct nums *u, double v)
{
	char *o = u->t[u->n++ % 6];
	cs_fmt_g(o, sizeof u->t[0], v);
	return o;
}

static void reset_decision(struct decision *d)
{
	cs_buf *reasons = d->reasons;
	*d = (struct decision){.reasons = reasons};
}

/* ---- intent ---- */

static const char *label_of(const cs_route *r, uint32_t i) { return cs_intent_label(r->model, i); }

static void intent_by_model(cs_route *r, struct decision *d, const struct route_reading *rd)
{
	d->nalt = rd->nalt;
	memcpy(d->alt, rd->alt, sizeof d->alt);
	memcpy(d->alt_conf, rd->alt_conf, sizeof d->alt_conf);
	double threshold = r->o.threshold >= 0 ? r->o.threshold : r->policy->threshold;
	double ambiguity = r->o.ambiguity >= 0 ? r->o.ambiguity : r->policy->ambiguity;
	const char *top = label_of(r, d->alt[0]);
	double gap = d->nalt > 1 ? d->alt_conf[0] - d->alt_conf[1] : 1;
	d->confidence = d->alt_conf[0];
	struct nums u = {0};
	if (cs_intent_is_oos_label(top)) {   /* a model trained on out-of-scope examples, as CLINC150's */
		d->intent = OUT_OF_SCOPE;
		d->source = "fallback";
		reason(d, "intent: best %s at %s is the model's label of out-of-scope examples: out_of_scope", top,
		       fix(&u, d->alt_conf[0], 3));
	} else if (d->alt_conf[0] < threshold) {
		d->intent = OUT_OF_SCOPE;
		d->source = "fallback";
		reason(d, "intent: best %s at %s is below the threshold %s: out_of_scope", top, fix(&u, d->alt_conf[0], 3),
		       gnum(&u, threshold));
	} else if (gap < ambiguity) {
		d->intent = OUT_OF_SCOPE;
		d->source = "fallback";
		reason(d, "intent: %s at %s and %s at %s are %s apart, less than the ambiguity threshold %s: out_of_scope",
		       top, fix(&u, d->alt_conf[0], 3), label_of(r, d->alt[1]), fix(&u, d->alt_conf[1], 3), fix(&u, gap, 3),
		       gnum(&u, ambiguity));
	} else {
		d->intent = top;
		d->source = "model";
		reason(d, "intent: %s at %s (threshold %s, ambiguity %s, next %s at %s)", top, fix(&u, d->alt_conf[0], 3),
		       gnum(&u, threshold), gnum(&u, ambiguity), d->nalt > 1 ? label_of(r, d->alt[1]) : "none",
		       fix(&u, d->nalt > 1 ? d->alt_conf[1] : 0.0, 3));
	}
}

static void decide_intent(cs_route *r, struct decision *d, const struct route_reading *rd, const char *strs)
{
	if (rd->rule_intent) {
		d->intent = rd->rule_intent;
		d->confidence = rd->rule_confidence;
		d->source = "rule";
		reason(d, "intent: %s by rule \"%s\" (priority %d) on \"%.*s\"", rd->rule_intent, rd->rule_name,
		       rd->rule_priority, (int)rd->rule_match.len, strs + rd->rule_match.off);
	} else if (rd->nalt)
		intent_by_model(r, d, rd);
	else {
		d->source = "none";
		reason(d, "intent: none (no model, and no rule matched%s)", rd->rule_limited ? " within the match limit" : "");
	}
	if (rd->rule_limited == 1)
		reason(d, "intent: rule \"%s\" stopped at the match limit and counted as no match", rd->rule_limited_name);
	else if (rd->rule_limited)
		reason(d, "intent: %zu rules stopped at the match limit and counted as no match, the first \"%s\"",
		       (size_t)rd->rule_limited, rd->rule_limited_name);
}

/* An ask pattern that stopped at the match limit matters when nothing else asked. */
static void decide_asked(cs_route *r, struct decision *d)
{
	d->human_requested = r->rd->asked;
	unsigned limited = r->rd->ask_limited;
	if (!d->human_requested && limited)
		reason(d, "asks for a person: %zu re: pattern%s stopped at the match limit and counted as no ask",
		       (size_t)limited, limited == 1 ? "" : "s");
}

/* ---- tier ---- */

static int emotion_named(const route_policy *p, unsigned emotions)
{
	for (size_t i = 0; i < p->nescalate_emotions; i++)
		for (int e = 0; e < CS_EMO_N; e++)
			if ((emotions >> e & 1) && strcmp(cs_emotion_name((enum cs_emotion)e), p->escalate_emotions[i]) == 0)
				return e;
	return -1;
}

/* A low sentiment escalates when it stays low with the words that name the
 * problem neutral ("lost", "failed", "被盗"): those say what happened, not
 * how the customer feels (share/route/problem-words.tsv). */
static void decide_escalation(cs_route *r, struct decision *d)
{
	const route_policy *p = r->policy;
	const struct route_reading *rd = r->rd;
	int emo = emotion_named(p, rd->emotions), low = rd->has_text && rd->sentiment <= p->escalate_at;
	struct nums u = {0};
	const char *sentiment = fix(&u, rd->sentiment, 3), *at = fix(&u, p->escalate_at, 2),
		   *without = fix(&u, rd->distress, 3);
	if (low && rd->distress <= p->escalate_at) {
		d->escalated = 1;
		if (strcmp(without, sentiment) == 0)
			reason(d, "escalated: the customer's sentiment %s is at or below %s (priority +%d)", sentiment, at,
			       p->escalate_priority);
		else
			reason(d, "escalated: the customer's sentiment %s is at or below %s, %s without the words that name "
				  "the problem (priority +%d)", sentiment, at, without, p->escalate_priority);
	} else if (emo >= 0) {
		d->escalated = 1;
		reason(d, "escalated: %s in the customer's words (priority +%d)", cs_emotion_name((enum cs_emotion)emo),
		       p->escalate_priority);
	} else if (low) {
		reason(d, "not escalated: the customer's sentiment %s is at or below %s only by the words that name the "
			  "problem, %s without them", sentiment, at, without);
	}
}

static void decide_tier(cs_route *r, struct decision *d)
{
	const route_policy *p = r->policy;
	int calm = (!r->rd->has_text || r->rd->sentiment > p->calm_above) && !(r->rd->emotions & 1u << CS_EMO_ANGER);
	d->tier = "human";
	struct nums u = {0};
	if (d->human_requested)
		reason(d, "tier: human, the customer asked for a person: \"%s\"", r->ask_text.p);
	else if (d->escalated)
		reason(d, "tier: human, escalated");
	else if (!d->intent || strcmp(d->intent, OUT_OF_SCOPE) == 0)
		reason(d, "tier: human, no intent a bot can take");
	else if (!route_bot_eligible(p, d->intent))
		reason(d, "tier: human, %s is not a bot intent in the policy", d->intent);
	else if (d->confidence < p->bot_min_confidence)
		reason(d, "tier: human, confidence %s is below the bot's %s", fix(&u, d->confidence, 3),
		       fix(&u, p->bot_min_confidence, 2));
	else if (!calm)
		reason(d, "tier: human, the customer is not calm (sentiment %s, calm above %s)", fix(&u, r->rd->sentiment, 3),
		       fix(&u, p->calm_above, 2));
	else {
		d->tier = "bot";
		const char *conf = fix(&u, d->confidence, 3), *least = fix(&u, p->bot_min_confidence, 2);
		reason(d, "tier: bot, %s is a bot intent at %s (at least %s) and the customer is calm", d->intent, conf,
		       least);
	}
}

/* ---- filters and targets ---- */

static const struct route_target *targets_named(const route_policy *p, const char *filter, size_t *n)
{
	for (size_t i = 0; i < p->nfilters; i++)
		if (strcmp(p->filters[i].name, filter) == 0) {
			*n = p->filters[i].ntargets;
			return p->filters[i].targets;
		}
	*n = p->ndefaults;
	return p->defaults;
}

static const char *text_at(const cs_obj *record, const char *path, cs_buf *scratch)
{
	cs_jval v = cs_jmember_path(record, path);
	return v.t == CS_J_STRING ? cs_jtext(v, scratch) : NULL;
}

static void fill_facts(cs_route *r, const struct decision *d, const cs_obj *record, struct route_facts *f,
		       const char **emotions)
{
	*f = (struct route_facts){.intent = d->intent, .intent_source = d->source, .tier = d->tier,
				  .confidence = d->confidence, .sentiment = r->rd->sentiment, .has_sentiment = r->rd->has_text,
				  .business_hours = d->business_hours, .human_requested = d->human_requested,
				  .escalated = d->escalated, .record = record};
	f->nemotions = 0;
	for (int e = 0; e < CS_EMO_N; e++)
		if (r->rd->emotions >> e & 1)
			emotions[f->nemotions++] = cs_emotion_name((enum cs_emotion)e);
	f->emotions = emotions;
	f->language = r->lang.len ? r->lang.p : NULL;
	f->vip = cs_jbool(cs_jmember_path(record, "customer.vip"), 0);
}

static void choose_filter(cs_route *r, struct decision *d, const cs_obj *record, const char *channel,
			  const struct route_target **targets, size_t *ntargets)
{
	const route_policy *p = r->policy;
	struct route_facts f;
	const char *emotions[CS_EMO_N];
	fill_facts(r, d, record, &f, emotions);
	f.channel = channel;
	f.customer_tier = text_at(record, "customer.tier", &r->tier);
	for (size_t i = 0; i < p->nfilters; i++)
		if (route_cond_holds(&p->filters[i].when, &f, &r->scratch)) {
			d->filter = p->filters[i].name;
			*targets = p->filters[i].targets;
			*ntargets = p->filters[i].ntargets;
			reason(d, "filter \"%s\" matched (the first of %zu that does)", d->filter, p->nfilters);
			return;
		}
	d->filter = "";
	if (d->human_requested && p->ask_target.queue) {
		*targets = &p->ask_target;
		*ntargets = 1;
		reason(d, "no filter matched: the queue for asks for a person");
		return;
	}
	*targets = p->defaults;
	*ntargets = p->ndefaults;
	reason(d, p->nfilters ? "no filter matched: the default targets" : "the default targets (no filters)");
}

static enum route_select mode_of(const cs_route *r, const struct route_target *t)
{
	if (t->select >= 0)
		return (enum route_select)t->select;
	return r->o.select >= 0 ? (enum route_select)r->o.select : r->policy->select;
}

/* When a conversation waiting at target i moves on: its timeout after
 * since, if there is a next target. */
static int64_t widen_time(const struct route_target *t, size_t n, size_t i, int64_t since)
{
	return i + 1 < n && t[i].timeout_s ? since + t[i].timeout_s * 1000 : INT64_MAX;
}

/* w's place in its queue, as the agents see it: 1 + the conversations
 * waiting ahead of it (higher priority, then earlier) at any filter's
 * target of the same queue name. The roster keeps one wait queue a filter
 * and target, so the place it gives counts only that one. */
static size_t enqueue_placed(cs_route *r, const struct route_wait *w, const char *queue)
{
	size_t place = route_roster_enqueue(r->roster, w);
	for (size_t q = 0; q < route_roster_nqueues(r->roster); q++) {
		const struct route_waitq *wq = route_roster_queue(r->roster, q);
		size_t n;
		const struct route_target *t = targets_named(r->policy, wq->filter, &n);
		if (!wq->n || wq->target >= n || strcmp(t[wq->target].queue, queue) != 0 ||
		    (wq->target == w->target && strcmp(wq->filter, w->filter) == 0))
			continue;
		place += route_waitq_ahead(wq, w);
	}
	return place;
}

/* The record's customer as the shard key reads it (cs(7) SCALING OUT), as
 * raw JSON: {"id": …} of an object's id, or a string or number itself; ""
 * without one. */
static const char *customer_of(const cs_obj *record, cs_buf *out)
{
	const cs_member *m = cs_obj_get(record, "customer", 8);
	cs_span id = {0};
	enum cs_jtype type = CS_J_NONE;
	cs_buf_reset(out);
	if (m && m->type == CS_J_OBJECT && cs_json_member(m->val, "id", 2, &id, &type) == 0 &&
	    (type == CS_J_STRING || type == CS_J_NUMBER)) {
		cs_buf_adds(out, "{\"id\":");
		cs_buf_add(out, id.p, id.n);
		cs_buf_addc(out, '}');
	} else if (m && (m->type == CS_J_STRING || m->type == CS_J_NUMBER)) {
		cs_buf_add(out, m->val.p, m->val.n);
	}
	cs_buf_addc(out, '\0');
	return out->p;
}

/* Try the targets from the first; returns the target assigned or queued at. */
static void place(cs_route *r, struct decision *d, const struct route_target *targets, size_t n, const char *id,
		  const char *channel, const char *customer, int64_t now)
{
	int cost = route_policy_cost(r->policy, channel);
	cs_buf why = CS_BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		const struct route_target *t = &targets[i];
		d->queue = t->queue;
		d->target = t;
		d->priority = t->priority + (d->escalated ? r->policy->escalate_priority : 0);
		if (!r->managing)
			break;
		cs_buf_reset(&why);
		enum route_select mode = mode_of(r, t);
		long agent = route_roster_pick(r->roster, t, mode, channel, cost, &why);
		if (agent >= 0) {
			route_roster_assign(r->roster, (size_t)agent, t->queue, channel, cost, now);
			route_roster_hold(r->roster, id, (size_t)agent, channel, cost, r->rd->ended);
			d->agent = route_roster_agent(r->roster, (size_t)agent)->id;
			d->status = "assigned";
			const char *how = route_select_name(mode), *on = channel ? channel : "no channel";
			reason(d, "target %zu, queue %s: agent %s (%s, %s costs %d)", i + 1, t->queue, d->agent, how, on, cost);
			cs_buf_free(&why);
			return;
		}
		if (t->skip_if_no_agent && i + 1 < n) {
			reason(d, "target %zu, queue %s skipped: %s", i + 1, t->queue, why.p);
			continue;
		}
		struct route_wait w = {.conversation_id = (char *)id, .filter = (char *)(d->filter ? d->filter : ""),
				       .channel = (char *)channel, .target = i, .priority = d->priority, .cost = cost,
				       .enqueued = now, .target_since = now, .widen_at = widen_time(targets, n, i, now),
				       .seq = route_roster_next_seq(r->roster), .ends_at = r->rd->ended,
				       .customer = (char *)customer};
		d->status = "queued";
		d->position = enqueue_placed(r, &w, t->queue);
		reason(d, "target %zu, queue %s: waiting at place %zu, %s", i + 1, t->queue, d->position, why.p);
		cs_buf_free(&why);
		return;
	}
	cs_buf_free(&why);
	d->status = "routed";
	reason(d, "queue %s (no agents known: no assignment)", d->queue);
}

/* ---- writing ---- */

static void write_reasons(cs_jw *w, const struct decision *d)
{
	cs_jw_key(w, "reasons");
	cs_jw_array(w);
	for (size_t i = 0; i < d->nreasons; i++)
		cs_jw_str(w, d->reasons[i].p, d->reasons[i].len);
	cs_jw_end_array(w);
}

static void write_placement(cs_jw *w, const struct decision *d)
{
	cs_jw_key(w, "tier");
	cs_jw_cstr(w, d->tier);
	cs_jw_key(w, "queue");
	cs_jw_cstr(w, d->queue);
	cs_jw_key(w, "priority");
	cs_jw_int(w, d->priority);
	if (d->target && d->target->nskills) {
		cs_jw_key(w, "skills");
		cs_jw_object(w);
		for (size_t i = 0; i < d->target->nskills; i++) {
			cs_jw_key(w, d->target->skills[i].name);
			cs_jw_int(w, d->target->skills[i].min_level);
		}
		cs_jw_end_object(w);
	}
	cs_jw_key(w, "status");
	cs_jw_cstr(w, d->status);
	cs_jw_key(w, "agent");
	cs_jw_cstr(w, d->agent);
	if (d->position) {
		cs_jw_key(w, "position");
		cs_jw_uint(w, d->position);
		if (d->target && d->target->timeout_s) {
			cs_jw_key(w, "widen_after_s");
			cs_jw_int(w, d->target->timeout_s);
		}
	}
}

static void write_route(cs_route *r, const struct decision *d, cs_buf *out)
{
	cs_jw w;
	cs_buf_reset(out);
	cs_jw_init(&w, out);
	cs_jw_object(&w);
	cs_jw_key(&w, "intent");
	cs_jw_cstr(&w, d->intent);
	cs_jw_key(&w, "confidence");
	if (d->intent)
		cs_jw_double(&w, round(d->confidence * 10000) / 10000);
	else
		cs_jw_null(&w);   /* no intent, no confidence: the policy reads it as missing too */
	cs_jw_key(&w, "source");
	cs_jw_cstr(&w, d->source);
	cs_jw_key(&w, "alternatives");
	cs_jw_array(&w);
	size_t listed = d->nalt < (size_t)r->o.alternatives + 1 ? d->nalt : (size_t)r->o.alternatives + 1;
	for (size_t i = 1; i < listed; i++) {
		cs_jw_object(&w);
		cs_jw_key(&w, "intent");
		cs_jw_cstr(&w, cs_intent_label(r->model, d->alt[i]));
		cs_jw_key(&w, "confidence");
		cs_jw_double(&w, round(d->alt_conf[i] * 10000) / 10000);
		cs_jw_end_object(&w);
	}
	cs_jw_end_array(&w);
	write_placement(&w, d);
	cs_jw_key(&w, "human_requested");
	cs_jw_bool(&w, d->human_requested);
	cs_jw_key(&w, "escalated");
	cs_jw_bool(&w, d->escalated);
	cs_jw_key(&w, "sentiment");
	if (r->rd->has_text)
		cs_jw_double(&w, round(r->rd->sentiment * 10000) / 10000);
	else
		cs_jw_null(&w);
	cs_jw_key(&w, "language");
	cs_jw_cstr(&w, r->lang.len ? r->lang.p : NULL);
	cs_jw_key(&w, "filter");
	cs_jw_cstr(&w, d->filter && *d->filter ? d->filter : NULL);
	write_reasons(&w, d);
	cs_jw_end_object(&w);
}

/* ---- waiting conversations ---- */

/* The customer kept with a waiting conversation (customer_of) as a record
 * writes it: {"id": a string}, a number's digits as cs-signals and
 * cs-ticket write them. */
static void write_customer(cs_jw *w, const char *kept)
{
	cs_jval v = cs_jval_of(kept, strlen(kept));
	cs_buf id = CS_BUF_INIT;
	if (cs_jtext(v.t == CS_J_OBJECT ? cs_jget(v, "id") : v, &id)) {
		cs_jw_key(w, "customer");
		cs_jw_object(w);
		cs_jw_key(w, "id");
		cs_jw_str(w, id.p, id.len);
		cs_jw_end_object(w);
	}
	cs_buf_free(&id);
}

/* A route_update names the conversation and carries its customer (the
 * shard key's part of it), so that --split puts it with the conversation. */
static void write_update(cs_route *r, cs_run *run, const struct route_wait *w_of, const struct decision *d)
{
	cs_jw w;
	cs_buf_reset(&r->out);
	cs_jw_init(&w, &r->out);
	cs_jw_object(&w);
	cs_jw_key(&w, "kind");
	cs_jw_cstr(&w, "route_update");
	cs_jw_key(&w, "conversation_id");
	cs_jw_cstr(&w, w_of->conversation_id);
	write_customer(&w, w_of->customer);
	cs_jw_key(&w, "route");
	cs_jw_object(&w);
	write_placement(&w, d);
	write_reasons(&w, d);
	cs_jw_end_object(&w);
	cs_jw_end_object(&w);
	r->n.updates++;
	if (cs_recent_has(&r->updates_came_in, r->out.p, r->out.len)) {
		r->n.updates_replaced++;   /* it came in before the record that moved it, and stands */
		return;
	}
	cs_recent_add(&r->updates_written, r->out.p, r->out.len);
	cs_run_write_line(run, r->out.p, r->out.len);
}

/* A waiting conversation that has waited out its target moves to the
 * next (as far as the clock allows), with a route_update record. */
static void widen_one(cs_route *r, cs_run *run, size_t q, size_t i, int64_t now)
{
	struct decision *d = &r->upd;
	struct route_waitq *wq = route_roster_queue(r->roster, q);
	struct route_wait w = wq->items[i];
	size_t n;
	const struct route_target *t = targets_named(r->policy, w.filter, &n);
	w.conversation_id = cs_strdup(w.conversation_id);
	w.channel = cs_strdup(w.channel);
	w.customer = cs_strdup(w.customer);
	route_roster_unqueue(r->roster, q, i);
	reset_decision(d);
	while (w.target + 1 < n && now >= w.widen_at) {
		const struct route_target *from = &t[w.target], *to = &t[w.target + 1];
		reason(d, "waited %" PRId64 " s in queue %s: widened to queue %s", from->timeout_s, from->queue, to->queue);
		w.target_since = w.widen_at;
		w.priority += to->priority - from->priority;   /* the new target's, keeping any escalation */
		w.target++;
		w.widen_at = widen_time(t, n, w.target, w.target_since);
	}
	d->tier = "human";
	d->target = &t[w.target];
	d->queue = d->target->queue;
	d->priority = w.priority;
	d->status = "queued";
	d->position = enqueue_placed(r, &w, d->queue);
	write_update(r, run, &w, d);
	free(w.conversation_id);
	free(w.channel);
	free(w.customer);
}

/* The waiting conversation due to widen first: the earliest widen_at, then
 * the earliest arrival. Not the order of the queues, which differs once
 * --state has rebuilt them, so a run split in two widens as one run does. */
static int next_due(route_roster *ro, int64_t now, size_t *due_q, size_t *due_i)
{
	const struct route_wait *best = NULL;
	for (size_t q = 0; q < route_roster_nqueues(ro); q++) {
		const struct route_waitq *wq = route_roster_queue(ro, q);
		if (wq->next_widen > now)
			continue;
		for (size_t i = 0; i < wq->n; i++) {
			const struct route_wait *w = &wq->items[i];
			if (w->widen_at <= now &&
			    (!best || w->widen_at < best->widen_at || (w->widen_at == best->widen_at && w->seq < best->seq))) {
				best = w;
				*due_q = q;
				*due_i = i;
			}
		}
	}
	return best != NULL;
}

static void widen_due(cs_route *r, cs_run *run)
{
	int64_t now = route_roster_clock(r->roster);
	size_t q, i;
	while (next_due(r->roster, now, &q, &i))
		widen_one(r, run, q, i, now);
	for (q = 0; q < route_roster_nqueues(r->roster); q++)
		if (route_roster_queue(r->roster, q)->next_widen <= now)
			route_roster_requeue_times(r->roster, q);
}

/* The queue whose first conversation comes first, among those not blocked. */
static long best_head(route_roster *ro, const unsigned char *blocked)
{
	long best = -1;
	for (size_t q = 0; q < route_roster_nqueues(ro); q++) {
		const struct route_waitq *wq = route_roster_queue(ro, q);
		if (!blocked[q] && wq->n &&
		    (best < 0 || route_wait_before(&wq->items[0], &route_roster_queue(ro, (size_t)best)->items[0])))
			best = (long)q;
	}
	return best;
}

/* Give waiting conversations the agents there are now, best first; a queue
 * whose first gets no agent is done (those behind need the same agents). */
static void assign_waiting(cs_route *r, cs_run *run)
{
	struct decision *d = &r->upd;
	size_t nq = route_roster_nqueues(r->roster);
	unsigned char *blocked = cs_calloc(nq + 1, 1);
	long q;
	while ((q = best_head(r->roster, blocked)) >= 0) {
		struct route_wait *w = &route_roster_queue(r->roster, (size_t)q)->items[0];
		size_t n;
		const struct route_target *targets = targets_named(r->policy, w->filter, &n);
		const struct route_target *t = w->target < n ? &targets[w->target] : NULL;
		enum route_select mode = t ? mode_of(r, t) : RS_LONGEST_IDLE;
		long agent = t ? route_roster_pick(r->roster, t, mode, *w->channel ? w->channel : NULL, w->cost, NULL) : -1;
		if (agent < 0) {
			blocked[q] = 1;
			continue;
		}
		route_roster_assign(r->roster, (size_t)agent, t->queue, w->channel, w->cost, route_roster_clock(r->roster));
		route_roster_hold(r->roster, w->conversation_id, (size_t)agent, w->channel, w->cost, w->ends_at);
		reset_decision(d);
		d->tier = "human";
		d->queue = t->queue;
		d->target = t;
		d->priority = w->priority;
		d->agent = route_roster_agent(r->roster, (size_t)agent)->id;
		d->status = "assigned";
		reason(d, "queue %s: agent %s is free now (%s)", t->queue, d->agent, route_select_name(mode));
		write_update(r, run, w, d);
		route_roster_unqueue(r->roster, (size_t)q, 0);
		r->n.assigned++;
	}
	free(blocked);
}

/* Waiting conversations whose end the clock has reached leave their queue,
 * the earliest end first, each with a route_update: as when a later record
 * of one has ended (known_again), but no record of it is there to say so. */
static void abandon_ended(cs_route *r, cs_run *run)
{
	struct decision *d = &r->upd;
	size_t q, i;
	while (route_roster_ended(r->roster, route_roster_clock(r->roster), &q, &i)) {
		const struct route_wait *w = &route_roster_queue(r->roster, q)->items[i];
		size_t n;
		const struct route_target *t = targets_named(r->policy, w->filter, &n);
		reset_decision(d);
		d->tier = "human";
		d->target = w->target < n ? &t[w->target] : NULL;
		d->queue = d->target ? d->target->queue : NULL;
		d->priority = w->priority;
		d->status = "abandoned";
		reason(d, ENDED_WAITING);
		write_update(r, run, w, d);
		route_roster_finish(r->roster, w->conversation_id, NULL, w->ends_at);
		route_roster_unqueue(r->roster, q, i);
	}
}

/* What the clock brought, in this order: the conversations that ended
 * while waiting leave the queues (the holds that ended were released
 * before), those due widen, then the free agents go to those still
 * waiting. */
static void drain(cs_route *r, cs_run *run)
{
	abandon_ended(r, run);
	widen_due(r, run);
	assign_waiting(r, run);
}

/* Has the clock, at now, anything due? The holds that ended are released
 * here; waiting conversations that ended or are to widen are drain's. */
static int clock_due(cs_route *r, int64_t now)
{
	int released = route_roster_release_due(r->roster, now) > 0;
	return released || (route_roster_waiting(r->roster) &&
			    (now >= route_roster_next_widen(r->roster) || now >= route_roster_next_end(r->roster)));
}

/* The first time a hold ends, a waiting conversation ends or widens: the
 * next thing the clock can bring. */
static int64_t next_due_time(cs_route *r)
{
	int64_t at = route_roster_next_release(r->roster);
	if (route_roster_waiting(r->roster)) {
		int64_t end = route_roster_next_end(r->roster), widen = route_roster_next_widen(r->roster);
		at = end < at ? end : at;
		at = widen < at ? widen : at;
	}
	return at;
}

/* Move the clock towards now through each time something falls due on the
 * way, earliest first, and do what falls due then: an agent freed between
 * two records is there for a conversation still waiting at that time, one
 * that ends later waits no longer than its end. */
static void advance_clock(cs_route *r, cs_run *run, int64_t now)
{
	int64_t at;
	while (r->managing && (at = next_due_time(r)) < now) {
		route_roster_set_clock(r->roster, at);
		int64_t clock = route_roster_clock(r->roster);
		if (!clock_due(r, clock))
			break;
		drain(r, run);
		if (next_due_time(r) <= clock)
			break;   /* nothing more this time can do: the rest at now */
	}
	route_roster_set_clock(r->roster, now);
}

/* ---- records ---- */

static void count_decision(cs_route *r, const struct decision *d)
{
	r->n.routed++;
	if (strcmp(d->tier, "bot") == 0)
		r->n.bot++;
	else
		r->n.human++;
	r->n.assigned += d->status && strcmp(d->status, "assigned") == 0;
	r->n.queued += d->status && strcmp(d->status, "queued") == 0;
	r->n.human_requested += d->human_requested;
	r->n.escalated += d->escalated;
	r->n.out_of_scope += d->intent && strcmp(d->intent, OUT_OF_SCOPE) == 0;
}

static void decide_hours(cs_route *r, struct decision *d, int64_t ts)
{
	d->business_hours = 1;
	if (!r->policy->hours.set)
		return;
	if (ts == NO_TIME) {
		reason(d, "business hours: no time in the record, taken as open");
		return;
	}
	d->business_hours = route_in_hours(&r->policy->hours, ts);
	reason(d, "business hours: %s", d->business_hours ? "open" : "closed");
}

static void set_agent(cs_route *r, struct decision *d, const char *agent)
{
	cs_buf_reset(&r->scratch);
	cs_buf_adds(&r->scratch, agent);
	d->agent = r->scratch.p;
}

/* A conversation that ended already (released or abandoned; remembered for
 * a day after): it keeps the status it ended with and gets no agent. */
static int ended_before(cs_route *r, struct decision *d, const char *id)
{
	const char *agent = NULL;
	if (!route_roster_finished(r->roster, id, &agent))
		return 0;
	if (agent)
		set_agent(r, d, agent);
	d->status = agent ? "released" : "abandoned";
	reason(d, "the conversation has ended already: not routed again");
	return 1;
}

/* A conversation seen before: held by an agent (released when this record
 * has ended), waiting (out of the queue when it has ended) or ended. 1 if
 * so, with the decision's status and reason; 0 for a new conversation. */
static int known_again(cs_route *r, struct decision *d, const char *id, const struct route_target *targets,
		       size_t n)
{
	const char *holder = *id ? route_roster_holder(r->roster, id) : NULL;
	int ended = r->rd->ended != ROUTE_NO_TIME && r->rd->ended != INT64_MAX;
	d->queue = n ? targets[0].queue : NULL;
	if (holder) {
		set_agent(r, d, holder);
		if (!ended) {
			d->status = "assigned";
			reason(d, "already with agent %s: not routed again", d->agent);
			return 1;
		}
		route_roster_release(r->roster, id);
		route_roster_finish(r->roster, id, d->agent, r->rd->ended);
		d->status = "released";
		reason(d, "the conversation has ended: agent %s released", d->agent);
		return 1;   /* route_one drains the queues after writing this record */
	}
	if (!route_roster_is_waiting(r->roster, id))
		return ended_before(r, d, id);
	if (!ended) {
		d->status = "queued";
		reason(d, "already waiting: not routed again");
		return 1;
	}
	route_roster_abandon(r->roster, id);
	route_roster_finish(r->roster, id, NULL, r->rd->ended);
	d->status = "abandoned";
	reason(d, ENDED_WAITING);
	return 1;
}

static void copy_str(cs_buf *to, const char *strs, struct route_str at)
{
	cs_buf_reset(to);
	cs_buf_add(to, strs + at.off, at.len);
	cs_buf_addc(to, '\0');
	to->len--;
}

static void route_one(cs_route *r, cs_run *run, const cs_rec *rec, const struct route_reading *rd, const char *strs)
{
	struct decision *d = &r->d;
	const cs_obj *record = &rec->obj;
	reset_decision(d);
	r->rd = rd;
	copy_str(&r->lang, strs, rd->lang);
	copy_str(&r->ask_text, strs, rd->ask);
	copy_str(&r->id, strs, rd->id);
	decide_intent(r, d, rd, strs);
	decide_asked(r, d);
	r->n.regex_limit_hits += rd->rule_limited + rd->ask_limited;
	decide_escalation(r, d);
	decide_tier(r, d);
	if (rd->ts != ROUTE_NO_TIME)
		advance_clock(r, run, rd->ts);
	int64_t now = route_roster_clock(r->roster);
	if (r->managing && clock_due(r, now))
		drain(r, run);
	decide_hours(r, d, rd->ts);
	const char *id = r->id.p ? r->id.p : "";
	if (strcmp(d->tier, "bot") == 0) {
		d->queue = r->policy->bot_queue;
		d->status = "bot";
	} else {
		const struct route_target *targets;
		size_t n;
		const char *channel = text_at(record, "channel", &r->channel);
		choose_filter(r, d, record, channel, &targets, &n);
		if (!r->managing || !known_again(r, d, id, targets, n))   /* no channel: "other", as cs-schema(7) lists it */
			place(r, d, targets, n, id, channel ? channel : "other", customer_of(record, &r->customer), now);
	}
	count_decision(r, d);
	write_route(r, d, &r->out);
	cs_run_write_field(run, rec, "route", r->out.p, r->out.len);
	/* the agent this record freed goes to a waiting conversation: its
	 * route_update follows the record, as cs-route(1) says */
	if (d->status && strcmp(d->status, "released") == 0)
		drain(r, run);
}

static int agent_record(cs_route *r, cs_run *run, const cs_rec *rec, cs_jval record)
{
	cs_buf why = CS_BUF_INIT;
	if (route_roster_apply(r->roster, record, &why) != 0) {
		cs_rec_bad(rec, "agent record: %s", why.p);
		cs_buf_free(&why);
		return CS_REC_BAD;
	}
	cs_buf_free(&why);
	r->managing = 1;
	r->n.agent_records++;
	cs_run_write_line(run, rec->text, rec->len);
	drain(r, run);
	return CS_REC_OK;
}

/* ---- batches ---- */

static void read_items(void *ctx, int w)
{
	cs_route *r = ctx;
	struct route_reader *k = &r->readers[w];
	cs_batch *b = cs_relay_working(&r->relay);
	k->out = cs_relay_out(&r->relay, r->relay.working, w);
	cs_obj obj = {0};
	size_t i;
	while ((i = cs_batch_take(b)) != SIZE_MAX) {
		struct item *it = cs_batch_extra(b, i);
		cs_rec rec;
		cs_batch_rec_at(b, i, &obj, &rec);
		it->worker = w;
		route_read(k, &rec, &it->rd);
	}
	cs_obj_free(&obj);
}

/* A route_update that comes in: left out (1, counted) when this run wrote
 * the same already (one that followed the record that moved it), else
 * passed on and remembered, so that the run does not write it again. */
static int update_again(cs_route *r, const cs_rec *rec)
{
	if (!cs_jmember_is(&rec->obj, "kind", "route_update"))
		return 0;
	if (cs_recent_has(&r->updates_written, rec->text, rec->len)) {
		r->n.updates_replaced++;
		return 1;
	}
	cs_recent_add(&r->updates_came_in, rec->text, rec->len);
	return 0;
}

/* The id the agents' holds and queues key a conversation on. */
static const char *const conversation_ids[] = {"id", NULL};

/* Decide batch `side` in input order. */
static void decide_batch(void *ctx, cs_run *run, int side)
{
	cs_route *r = ctx;
	cs_batch *b = &r->relay.batch[side];
	for (size_t i = 0; i < b->n && !cs_run_stopped(run); i++) {
		const struct item *it = cs_batch_extra(b, i);
		cs_rec rec;
		cs_batch_rec_at(b, i, &r->obj, &rec);
		if (it->rd.kind == RK_AGENT) {
			if (agent_record(r, run, &rec, cs_jval_of(rec.text, rec.len)) != CS_REC_OK)
				cs_run_record_bad(run);
		} else if (it->rd.kind == RK_ROUTE) {
			if (cs_rec_ids_check(&rec, conversation_ids) == CS_REC_OK)
				route_one(r, run, &rec, &it->rd, cs_relay_out(&r->relay, side, it->worker)->p);
			else
				cs_run_record_bad(run);
		} else if (!update_again(r, &rec)) {
			r->n.passed++;
			cs_run_write_line(run, rec.text, rec.len);
		}
	}
	cs_batch_clear(b);
}

static void flush(void *ctx, cs_run *run)
{
	cs_route *r = ctx;
	cs_relay_flush(&r->relay, run);
}

/* Records are read on the pool, a batch at a time, and decided in input
 * order on this thread (reading depends on no decision). */
static int record(void *ctx, cs_run *run, const cs_rec *rec)
{
	cs_route *r = ctx;
	cs_relay_add(&r->relay, rec, run);
	return CS_REC_OK;
}

static void counters(void *ctx, cs_stats *st)
{
	cs_route *r = ctx;
	cs_stats_add(st, "routed", r->n.routed);
	cs_stats_add(st, "to_bot", r->n.bot);
	cs_stats_add(st, "to_human", r->n.human);
	cs_stats_add(st, "assigned", r->n.assigned);
	cs_stats_add(st, "queued", r->n.queued);
	cs_stats_add(st, "human_requested", r->n.human_requested);
	cs_stats_add(st, "escalated", r->n.escalated);
	cs_stats_add(st, "out_of_scope", r->n.out_of_scope);
	cs_stats_add(st, "route_updates", r->n.updates);
	cs_stats_add(st, "route_updates_replaced", r->n.updates_replaced);
	cs_stats_add(st, "agent_records", r->n.agent_records);
	cs_stats_add(st, "passed_through", r->n.passed);
	cs_stats_add(st, "regex_limit_hits", r->n.regex_limit_hits);
}

static void finish(void *ctx, cs_run *run)
{
	cs_route *r = ctx;
	flush(r, run);
}

/* --state is kept once the routed records are out: a write error keeps
 * nothing, so a retry does not count the conversations twice. */
static void commit(void *ctx, cs_run *run)
{
	cs_route *r = ctx;
	(void)run;
	if (!r->o.state)
		return;
	cs_buf err = CS_BUF_INIT;
	int status = route_state_commit(r->state, r->roster, &err);
	r->state = NULL;
	if (status != 0)
		cs_die(status, "--state %s", err.p);
	cs_buf_free(&err);
}

static void summary(void *ctx, const struct cs_common *c)
{
	cs_route *r = ctx;
	(void)c;
	if (r->n.regex_limit_hits)
		cs_notice("%" PRIu64 " regex matches stopped at the match limit and counted as no match",
			  r->n.regex_limit_hits);
	size_t waiting = route_roster_waiting(r->roster);
	if (r->managing && waiting)
		cs_notice("%zu conversation%s still waiting for an agent%s", waiting, waiting == 1 ? "" : "s",
			  r->o.state ? " (kept in the state)" : "");
}

/* ---- setting up ---- */

static char *share_path(const char *name, const char *dir, const char *ext)
{
	cs_buf path = CS_BUF_INIT;
	size_t n = strlen(name);
	if (strchr(name, '/') || (n > strlen(ext) && strcmp(name + n - strlen(ext), ext) == 0))
		cs_buf_adds(&path, name);
	else
		cs_buf_printf(&path, "%s/%s/%s%s", cs_share_dir(), dir, name, ext);
	return path.p;
}

static void load_everything(cs_route *r)
{
	cs_buf err = CS_BUF_INIT, dir = CS_BUF_INIT;
	cs_buf_printf(&dir, "%s/lexicons", cs_share_dir());
	r->lexicon_job = cs_lexicon_defaults_start(dir.p);   /* read while the rest is */
	cs_buf_free(&dir);
	if (r->o.model && !(r->model = cs_intent_load(r->o.model, &err)))
		cs_die(CS_EXIT_CONFIG, "--model %s", err.p);
	if (r->o.rules && !(r->rules = route_rules_load(r->o.rules, &err)))
		cs_die(CS_EXIT_CONFIG, "--rules %s", err.p);
	char *path = share_path(r->o.policy ? r->o.policy : "default", "route", ".json");
	r->policy = route_policy_load(path, &err);
	free(path);
	if (!r->policy)
		cs_die(CS_EXIT_CONFIG, "--policy %s", err.p);
	char *asks = share_path("human-request", "route", ".txt");
	r->asks = route_asks_load(asks, (const char *const *)r->policy->extra_asks, r->policy->nextra_asks, &err);
	free(asks);
	if (!r->asks)
		cs_die(CS_EXIT_CONFIG, "%s", err.p);
	r->roster = route_roster_new();
	if (r->o.agents && route_roster_load(r->roster, r->o.agents, &err) != 0)
		cs_die(CS_EXIT_CONFIG, "--agents %s", err.p);
	int status = 0;
	if (r->o.state && !(r->state = route_state_open(r->roster, r->o.state, &err, &status)))
		cs_die(status, "--state %s", err.p);
	r->managing = route_roster_count(r->roster) > 0;   /* agents known; agent records in the stream add them */
	r->lexicon = cs_lexicon_defaults_finish(r->lexicon_job, &err);
	r->lexicon_job = NULL;
	if (!r->lexicon)
		cs_die(CS_EXIT_CONFIG, "lexicon %s", err.p);
	r->problem_lexicon = cs_lexicon_copy(r->lexicon);
	char *problem = share_path("problem-words", "route", ".tsv");
	int bad = cs_lexicon_load_file(r->problem_lexicon, problem, &err);
	free(problem);
	if (bad)
		cs_die(CS_EXIT_CONFIG, "%s", err.p);
	r->problem_words = cs_lexicon_changes(r->lexicon, r->problem_lexicon);
	cs_buf_free(&err);
}

/* Intents each reading keeps: those written, and never fewer than two,
 * since the ambiguity check needs the runner-up even when none is written. */
static size_t intents_kept(const cs_route *r)
{
	size_t written = (size_t)r->o.alternatives + 1;
	return written < 2 ? 2 : written;
}

static void start_readers(cs_route *r)
{
	r->pool = cs_pool_new(cs_pool_threads(r->o.threads, MAX_THREADS), read_items, r, cs_regex_thread_done);
	r->nreaders = cs_pool_size(r->pool);
	for (int w = 0; w < r->nreaders; w++) {
		struct route_reader *k = &r->readers[w];
		*k = (struct route_reader){.model = r->model, .rules = r->rules, .asks = r->asks, .lexicon = r->lexicon,
					   .problem_lexicon = r->problem_lexicon, .problem_words = r->problem_words, .escalate_at = r->policy->escalate_at,
					   .field = r->o.field, .want_alt = intents_kept(r)};
		route_reader_init(k);
	}
	cs_relay_init(&r->relay, sizeof(struct item), r->pool, (cs_relay_calls){r, decide_batch});
}

/* The engine, reachable while it lives: a bad file ends the run inside
 * load_everything, and the leak checker must not take that for a leak. */
static cs_route *live;

cs_route *cs_route_new(const struct cs_common *c, const struct cs_route_opts *o, struct cs_engine *engine)
{
	(void)c;
	cs_route *r = live = cs_calloc(1, sizeof *r);
	r->o = *o;
	r->d.reasons = r->reasons;
	r->upd.reasons = r->upd_reasons;
	load_everything(r);
	start_readers(r);
	*engine = (struct cs_engine){.ctx = r, .record = record, .finish = finish, .commit = commit, .flush = flush,
				     .counters = counters, .summary = summary};
	return r;
}

void cs_route_free(cs_route *r)
{
	if (!r)
		return;
	if (live == r)
		live = NULL;
	cs_pool_free(r->pool);
	for (int w = 0; w < r->nreaders; w++)
		route_reader_free(&r->readers[w]);
	cs_intent_free(r->model);
	route_rules_free(r->rules);
	route_asks_free(r->asks);
	route_policy_free(r->policy);
	route_roster_free(r->roster);
	route_state_close(r->state);
	cs_lexicon_free(r->lexicon);
	cs_lexicon_free(r->problem_lexicon);
	cs_phrases_free(r->problem_words);
	for (size_t i = 0; i < MAX_REASONS; i++) {
		cs_buf_free(&r->reasons[i]);
		cs_buf_free(&r->upd_reasons[i]);
	}
	cs_relay_free(&r->relay);
	cs_obj_free(&r->obj);
	cs_buf_free(&r->lang);
	cs_buf_free(&r->ask_text);
	cs_buf_free(&r->id);
	cs_buf_free(&r->channel);
	cs_buf_free(&r->tier);
	cs_buf_free(&r->customer);
	cs_buf_free(&r->scratch);
	cs_buf_free(&r->out);
	cs_recent_free(&r->updates_written);
	cs_recent_free(&r->updates_came_in);
	free(r);
}

/* ---- --check ---- */

static void print_target(const struct route_target *t, const char *sep)
{
	printf("%s%s (priority %d", sep, t->queue, t->priority);
	for (size_t k = 0; k < t->nskills; k++)
		printf(", %s >= %d", t->skills[k].name, t->skills[k].min_level);
	if (t->timeout_s)
		printf(", widen after %lld s", (long long)t->timeout_s);
	if (t->skip_if_no_agent)
		printf(", skipped when no agent is free");
	if (t->select >= 0)
		printf(", %s", route_select_name((enum route_select)t->select));
	printf(")");
}

static void print_targets(const char *name, const struct route_target *t, size_t n)
{
	printf("  %s:", name);
	for (size_t i = 0; i < n; i++)
		print_target(&t[i], i ? " then " : " ");
	printf("\n");
}

static void print_policy(const route_policy *p)
{
	printf("policy %s: threshold %g, ambiguity %g, selection %s, escalation at sentiment %g (priority +%d)\n",
	       p->file, p->threshold, p->ambiguity, route_select_name(p->select), p->escalate_at, p->escalate_priority);
	printf("  bot: %zu intent%s, confidence at least %g, calm above %g, queue %s\n", p->nbot_intents,
	       p->nbot_intents == 1 ? "" : "s", p->bot_min_confidence, p->calm_above, p->bot_queue);
	if (p->hours.set)
		printf("  business hours: %02d:%02d to %02d:%02d at UTC%c%02d:%02d, %zu holiday%s\n", p->hours.open_min / 60,
		       p->hours.open_min % 60, p->hours.close_min / 60, p->hours.close_min % 60,
		       p->hours.offset_min < 0 ? '-' : '+', abs(p->hours.offset_min) / 60, abs(p->hours.offset_min) % 60,
		       p->hours.nholidays, p->hours.nholidays == 1 ? "" : "s");
	for (size_t i = 0; i < p->nfilters; i++) {
		char label[160];
		snprintf(label, sizeof label, "filter %s", p->filters[i].name);
		print_targets(label, p->filters[i].targets, p->filters[i].ntargets);
	}
	print_targets("default", p->defaults, p->ndefaults);
}

int cs_route_check(const struct cs_route_opts *o)
{
	cs_route *r = live = cs_calloc(1, sizeof *r);
	r->o = *o;
	load_everything(r);
	if (r->model) {
		size_t intents = cs_intent_labels(r->model), features = cs_intent_features(r->model);
		printf("model %s: %zu intents, %zu features, temperature %g\n", o->model, intents, features,
		       cs_intent_temperature(r->model));
	}
	if (r->rules)
		printf("rules %s: %zu\n", o->rules, route_rules_count(r->rules));
	print_policy(r->policy);
	size_t phrases, patterns, available = 0, n = route_roster_count(r->roster);
	route_asks_counts(r->asks, &phrases, &patterns);
	printf("asks for a person: %zu phrases, %zu patterns\n", phrases, patterns);
	for (size_t i = 0; i < n; i++)
		available += strcmp(route_roster_agent(r->roster, i)->status, "available") == 0;
	size_t waiting = route_roster_waiting(r->roster);
	if (n || o->agents || o->state)
		printf("agents: %zu (%zu available), %zu conversation%s waiting\n", n, available, waiting,
		       waiting == 1 ? "" : "s");
	cs_route_free(r);
	cs_out_stdio_flush();
	return CS_EXIT_OK;
}
