/* eng_roi_kpi: KPIs per window and group, and their exact merge (see the
 * header). Counts and sums are whole numbers (times in milliseconds, QA
 * scores in thousandths), so shards add up to the same bytes as one run. */
#include "eng_roi_kpi.h"
#include "kit_dues.h"
#include "kit_hash.h"
#include "kit_jval.h"
#include "kit_jw.h"
#include "kit_statsum.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_time.h"
#include "kit_timeline.h"
#include "svc_survey.h"
#include "svc_window.h"
#include "svc_zone.h"
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the counts and sums of a window and group ---- */

#define COUNTS(X) \
	X(contacts) X(handled) X(customers) X(fcr_eligible) X(fcr_resolved) X(fcr_window_open) \
	X(fcr_survey_responses) X(fcr_survey_yes) X(csat_responses) X(csat_positive) X(nps_responses) \
	X(nps_promoters) X(nps_detractors) X(ces_responses) X(ces_easy) X(bot_sessions) X(bot_contained) \
	X(ai_eligible) X(ai_resolved) X(transfers) X(queued) X(answered) X(answered_within_target) X(abandoned) \
	X(abandoned_after_target) X(sla_targets) X(sla_met) X(qa_scored) X(sentiment_scored) \
	X(negative_sentiment) X(help_users) X(qa_below_60) X(qa_60_to_79) X(qa_80_up)
#define SUMS(X) X(handle_ms) X(wait_ms) X(ces_score) X(qa_score_milli)

#define AS_ENUM(name) C_##name,
enum { COUNTS(AS_ENUM) NCOUNTS };
#undef AS_ENUM
#define AS_ENUM(name) S_##name,
enum { SUMS(AS_ENUM) NSUMS };
#undef AS_ENUM
#define AS_NAME(name) #name,
static const char *const count_names[] = {COUNTS(AS_NAME)};
static const char *const sum_names[] = {SUMS(AS_NAME)};
#undef AS_NAME

enum dim { D_CHANNEL, D_TEAM, D_INTENT, D_TIER, D_AGENT, D_CUSTOMER_TIER, NDIMS };
static const char *const dim_names[NDIMS] = {"channel", "team", "intent", "tier", "agent", "customer_tier"};

struct bucket {
	int64_t from, to;
	char *group;                 /* the group object as written: {"channel":"chat"} */
	uint64_t count[NCOUNTS];
	int64_t sum[NSUMS];
	cs_fpset *seen;              /* the customers and help users counted, until the window closes */
};

/* A contact of the last --repeat-window, for FCR: at.t is its time. */
struct recent {
	cs_tl_node at;               /* first: a node is its contact */
	struct bucket *bucket;
	int repeated, contained;
};

/* A customer's contacts on one issue, in time order. */
struct thread {
	cs_tl_node *contacts;
	int counted;                 /* by count_open_windows */
};

struct cs_roi_kpi {
	struct cs_roi_kpi_opts o;
	cs_window_spec window;
	cs_zone *zone;
	const char *tz;              /* --tz as given, for messages (NULL: UTC) */
	enum dim by[NDIMS];
	size_t nby;
	cs_map buckets;              /* key -> struct bucket */
	struct bucket **all;
	size_t nall;
	cs_map threads;              /* thread_key -> struct thread (contacts of the repeat window) */
	cs_dues dues;                /* when to forget a thread's old contacts */
	uint64_t contacts_seen;      /* for the timelines' priorities */
	int64_t swept;               /* the watermark at the last closing of windows */
	uint64_t late;               /* customers seen in a window already closed */
	int64_t watermark;
	cs_buf key, text, group, scratch;
	uint64_t untimed, other, merged, merged_stats, bad_group;
	uint64_t untimed_conversations;   /* of untimed: conversations (the rest are events) */
	cs_statsum *stats;           /* merge: the --stats=json lines of shards, added up */
	uint64_t weeks_looked_at;    /* trend's work (cs_roi_kpi_work) */
	uint64_t contacts_looked_at; /* FCR's */
};

void cs_roi_kpi_opts_init(struct cs_roi_kpi_opts *o)
{
	*o = (struct cs_roi_kpi_opts){.window = "day", .repeat_window_ms = 7 * 86400000LL, .sl_share = 0.8,
				       .sl_answer_ms = 20000, .baseline_weeks = 8, .flag_z = 2,
				       .until_ms = INT64_MIN};
}

int cs_roi_parse_target(const char *text, double *share, int64_t *answer_ms)
{
	char *end;
	double pct = strtod(text, &end);
	if (end == text || *end != '/' || !(pct > 0 && pct <= 100))
		return -1;
	char *end2;
	double seconds = strtod(end + 1, &end2);
	if (end2 == end + 1 || *end2 || !(seconds >= 0 && seconds <= 86400))
		return -1;
	*share = pct / 100;
	*answer_ms = (int64_t)llround(seconds * 1000);
	return 0;
}

/* ---- buckets ---- */

static struct bucket *bucket_get(cs_roi_kpi *k, int64_t from, int64_t to, const char *group, size_t glen)
{
	cs_buf_reset(&k->key);
	cs_buf_printf(&k->key, "%lld\t%lld\t", (long long)from, (long long)to);
	cs_buf_add(&k->key, group, glen);
	struct bucket *b = cs_map_get(&k->buckets, k->key.p, k->key.len);
	if (b)
		return b;
	b = cs_calloc(1, sizeof *b);
	b->from = from;
	b->to = to;
	b->group = cs_strndup(group, glen);
	cs_map_put(&k->buckets, k->key.p, k->key.len, b);
	k->all = cs_realloc(k->all, (k->nall + 1) * sizeof *k->all);
	k->all[k->nall++] = b;
	return b;
}

static const char *dim_value(cs_roi_kpi *k, const cs_obj *obj, enum dim d, cs_buf *out)
{
	static const char *const team_keys[] = {"group", "team", NULL};
	cs_jval v = {0};
	switch (d) {
	case D_CHANNEL: v = cs_jmember(obj, "channel"); break;
	case D_TEAM: v = cs_jfirst(obj, team_keys); if (!cs_jis(v)) v = cs_jpath(cs_jmember(obj, "route"), "queue"); break;
	case D_INTENT: v = cs_jpath(cs_jmember(obj, "route"), "intent"); break;
	case D_TIER: v = cs_jpath(cs_jmember(obj, "route"), "tier"); break;
	case D_AGENT: v = cs_jmember(obj, "assignee"); break;
	case D_CUSTOMER_TIER: v = cs_jpath(cs_jmember(obj, "customer"), "tier"); break;
	case NDIMS: break;
	}
	(void)k;
	const char *s = v.t == CS_J_STRING || v.t == CS_J_NUMBER ? cs_jtext(v, out) : NULL;
	return s && *s ? s : "unknown";
}

/* The group object of a record: {"channel":"chat",...} in --by order. */
static void group_of(cs_roi_kpi *k, const cs_obj *obj)
{
	cs_jw w;
	cs_buf_reset(&k->group);
	cs_jw_init(&w, &k->group);
	cs_jw_object(&w);
	for (size_t i = 0; i < k->nby; i++) {
		cs_jw_key(&w, dim_names[k->by[i]]);
		cs_jw_cstr(&w, dim_value(k, obj, k->by[i], &k->scratch));
	}
	cs_jw_end_object(&w);
}

/* A window is closed, and its set of customers seen freed, once the input
 * has moved a repeat window past its end: input comes in time order, late
 * by a repeat window at most. */
static void close_windows(cs_roi_kpi *k)
{
	if (k->swept != INT64_MIN && k->watermark - k->swept < 3600000)
		return;
	k->swept = k->watermark;
	for (size_t i = 0; i < k->nall; i++) {
		struct bucket *b = k->all[i];
		if (b->seen && k->watermark - b->to > k->o.repeat_window_ms) {
			cs_fpset_free(b->seen);
			free(b->seen);
			b->seen = NULL;
		}
	}
}

static struct bucket *bucket_of(cs_roi_kpi *k, const cs_obj *obj, int64_t t)
{
	int64_t from, to;
	cs_window_of(&k->window, t, &from, &to);
	group_of(k, obj);
	if (t > k->watermark) {
		k->watermark = t;
		close_windows(k);
	}
	return bucket_get(k, from, to, k->group.p, k->group.len);
}

/* A customer counted once per window and group (what: customer or help user). */
static int first_in_bucket(cs_roi_kpi *k, struct bucket *b, const char *what, const char *id)
{
	if (!b->seen && k->watermark - b->to > k->o.repeat_window_ms) {
		k->late++;
		return 0;
	}
	if (!b->seen)
		b->seen = cs_calloc(1, sizeof *b->seen);
	cs_buf_reset(&k->key);
	cs_buf_printf(&k->key, "%s\t%s", what, id);
	return cs_fpset_add(b->seen, k->key.p, k->key.len);
}

/* ---- reading a conversation ---- */

struct talk {
	int64_t first_customer, first_agent, last;   /* INT64_MIN: none */
	int agents, bots, transfers;
	cs_buf role, event;
	cs_obj m;                    /* a message's members, read once */
};

static int scan_message(cs_jval msg, void *ctx)
{
	struct talk *t = ctx;
	if (msg.t != CS_J_OBJECT || cs_json_members((cs_span){msg.p, msg.n}, &t->m) != 0)
		return 0;
	const char *role = cs_jtext(cs_jmember(&t->m, "role"), &t->role);
	const char *event = cs_jtext(cs_jmember(&t->m, "event"), &t->event);
	int64_t ts = INT64_MIN;   /* untimed: the role still counts, the times do not */
	cs_jtime(cs_jmember(&t->m, "ts"), &ts);
	if (event && strcmp(event, "transfer") == 0)
		t->transfers++;
	if (!role)
		return 0;
	if (strcmp(role, "customer") == 0 && t->first_customer == INT64_MIN)
		t->first_customer = ts;
	if (strcmp(role, "agent") == 0 && !cs_jbool(cs_jmember(&t->m, "internal"), 0)) {
		t->agents++;
		if (t->first_agent == INT64_MIN)
			t->first_agent = ts;
	}
	if (strcmp(role, "bot") == 0)
		t->bots++;
	if (ts > t->last)
		t->last = ts;
	return 0;
}

static double number(cs_jval v, int *has)
{
	*has = v.t == CS_J_NUMBER;
	return *has ? strtod(v.p, NULL) : 0;
}

static void count_handling(cs_roi_kpi *k, struct bucket *b, const cs_obj *obj, const struct talk *t)
{
	int64_t ended;
	if (cs_jtime(cs_jmember(obj, "ended"), &ended) < 0)
		ended = t->last;
	int has;
	double given = number(cs_jmember(obj, "handle_s"), &has);
	if (t->agents) {
		b->count[C_handled]++;
		int timed = t->first_agent != INT64_MIN && ended > t->first_agent;
		b->sum[S_handle_ms] += has ? (int64_t)llround(given * 1000) : timed ? ended - t->first_agent : 0;
	}
	int abandoned = cs_jbool(cs_jmember(obj, "abandoned"), 0);
	if (t->agents || abandoned || t->first_customer != INT64_MIN) {
		int64_t start = t->first_customer != INT64_MIN ? t->first_customer : INT64_MIN;
		if (t->agents && start != INT64_MIN && t->first_agent >= start) {
			b->count[C_queued]++;
			b->count[C_answered]++;
			b->sum[S_wait_ms] += t->first_agent - start;
			b->count[C_answered_within_target] += t->first_agent - start <= k->o.sl_answer_ms;
		} else if (abandoned) {
			b->count[C_queued]++;
			b->count[C_abandoned]++;
			b->count[C_abandoned_after_target] += start != INT64_MIN && ended - start > k->o.sl_answer_ms;
		}
	}
	b->count[C_transfers] += t->transfers > 0 || cs_jint(cs_jmember(obj, "transfers"), 0) > 0;
}

static void count_quality(struct bucket *b, const cs_obj *obj)
{
	int has;
	cs_jval qa = cs_jmember(obj, "qa");
	double score = number(cs_jget(qa, "score"), &has);
	if (has) {
		b->count[C_qa_scored]++;
		b->sum[S_qa_score_milli] += (int64_t)llround(score * 1000);
		b->count[score < 60 ? C_qa_below_60 : score < 80 ? C_qa_60_to_79 : C_qa_80_up]++;
	}
	double end = number(cs_jpath(qa, "sentiment.customer.end"), &has);
	if (has) {
		b->count[C_sentiment_scored]++;
		b->count[C_negative_sentiment] += end <= -0.05;
	}
	double csat = number(cs_jmember(obj, "csat"), &has);
	if (has && csat >= 1 && csat <= 5) {
		b->count[C_csat_responses]++;
		b->count[C_csat_positive] += csat >= 4;
	}
}

/* The earlier cycles of a metric that missed their target (cs-ticket's
 * "misses" of next_response and periodic_update): each is a decided
 * target, not met. qa_score_ok's rule: no count a merge would overflow. */
#define SLA_MISSES_MAX UINT32_MAX

/* A metric's misses into *n (0 when it has none): 0, or -1 when "misses"
 * is not a whole number of cycles. */
static int sla_misses(cs_jval metric, uint64_t *n)
{
	cs_jval v = cs_jget(metric, "misses");
	*n = 0;
	if (v.t == CS_J_NONE)
		return 0;
	return cs_jwhole(v, n) == 0 && *n <= SLA_MISSES_MAX ? 0 : -1;
}

static int sla_metric(const cs_member *m, void *ctx)
{
	struct bucket *b = ctx;
	cs_buf state = CS_BUF_INIT;
	cs_jval metric = cs_jval_of(m->val.p, m->val.n);
	const char *s = cs_jtext(cs_jget(metric, "state"), &state);
	if (s && (strcmp(s, "met") == 0 || strcmp(s, "breached") == 0)) {
		b->count[C_sla_targets]++;
		b->count[C_sla_met] += s[0] == 'm';
	}
	uint64_t misses;
	if (sla_misses(metric, &misses) == 0)
		b->count[C_sla_targets] += misses;
	cs_buf_free(&state);
	return 0;
}

static void count_sla(struct bucket *b, const cs_obj *obj)
{
	cs_jval sla = cs_jpath(cs_jmember(obj, "ticket"), "sla");
	cs_obj members = {0};
	if (sla.t == CS_J_OBJECT && cs_json_members((cs_span){sla.p, sla.n}, &members) == 0)
		for (size_t i = 0; i < members.n; i++)
			sla_metric(&members.m[i], b);
	cs_obj_free(&members);
}

/* ---- FCR: a contact is resolved unless the customer comes back on the same issue ---- */


static struct recent *recent_of(cs_tl_node *n) { return (struct recent *)(void *)n; }

static void free_node(cs_tl_node *n, void *ctx)
{
	(void)ctx;
	free(recent_of(n));
}

/* A thread's key: the customer's length, the customer, the issue; both
 * are C strings, so the key is one too (kit_dues keeps C strings). */
static const char *thread_key(cs_roi_kpi *k, const char *customer, const char *issue)
{
	cs_buf_reset(&k->key);
	cs_buf_printf(&k->key, "%zu:", strlen(customer));
	cs_buf_adds(&k->key, customer);
	cs_buf_adds(&k->key, issue);
	return k->key.p;
}

static void thread_drop(cs_roi_kpi *k, const char *key)
{
	struct thread *th = cs_map_del(&k->threads, key, strlen(key));
	if (!th)
		return;
	cs_tl_each(th->contacts, free_node, NULL);
	free(th);
}

/* Forget the thread's contacts a repeat window before now; 1 if none is left. */
static int forget_old(cs_roi_kpi *k, struct thread *th, int64_t now)
{
	cs_tl_node *n;
	while ((n = cs_tl_pop_before(&th->contacts, now - k->o.repeat_window_ms, &k->contacts_looked_at)))
		free(recent_of(n));
	return th->contacts == NULL;
}

static void run_dues(cs_roi_kpi *k, int64_t now)
{
	const cs_due *d;
	while ((d = cs_dues_due(&k->dues, now))) {
		struct thread *th = cs_map_get(&k->threads, d->key, strlen(d->key));
		if (th && forget_old(k, th, now))
			thread_drop(k, d->key);
		cs_dues_pop(&k->dues);
	}
}

static int first_item(cs_jval item, void *ctx)
{
	*(cs_jval *)ctx = item;
	return 1;
}

/* route.intent, else the first tag, else "unknown" (as cs-signals reads it). */
static const char *issue_of(const cs_obj *obj, cs_buf *out)
{
	cs_jval v = cs_jpath(cs_jmember(obj, "route"), "intent");
	if (v.t != CS_J_STRING)
		cs_jeach(cs_jmember(obj, "tags"), first_item, &v);
	const char *s = v.t == CS_J_STRING ? cs_jtext(v, out) : NULL;
	return s && *s ? s : "unknown";
}

static void unresolve(struct recent *r)
{
	r->repeated = 1;
	r->bucket->count[C_fcr_resolved]--;
	r->bucket->count[C_ai_resolved] -= r->contained;
}

static struct thread *thread_get(cs_roi_kpi *k, const char *key)
{
	struct thread *th = cs_map_get(&k->threads, key, strlen(key));
	if (!th) {
		th = cs_calloc(1, sizeof *th);
		cs_map_put(&k->threads, key, strlen(key), th);
	}
	return th;
}

/* A contact at t: the customer's earlier one on its issue, a repeat window
 * before at most, was not resolved at first contact; and when an earlier
 * contact comes late, after a later one on its issue, it is the one not
 * resolved. Each contact so marks the one before it, so of the earlier
 * contacts within the window only the last can still be resolved, and a
 * contact needs to look at its two neighbours in time only. Contacts are
 * kept until the input is two repeat windows past them, as input may be
 * late by one (another customer's record must not make a late one miss
 * its match). */
static void count_fcr(cs_roi_kpi *k, struct bucket *b, const char *customer, const char *issue, int64_t t,
		      int contained)
{
	run_dues(k, k->watermark - k->o.repeat_window_ms);
	const char *key = thread_key(k, customer, issue);
	struct thread *th = thread_get(k, key);
	b->count[C_fcr_eligible]++;
	b->count[C_fcr_resolved]++;
	b->count[C_ai_resolved] += contained;
	uint64_t seq = k->contacts_seen++;
	struct recent *now = cs_calloc(1, sizeof *now);
	*now = (struct recent){{NULL, NULL, t, (uint32_t)cs_hash_quick(&seq, sizeof seq)}, b, 0, contained};
	struct recent *before = recent_of(cs_tl_last_until(th->contacts, t, &k->contacts_looked_at));
	struct recent *after = recent_of(cs_tl_first_after(th->contacts, t, &k->contacts_looked_at));
	if (before && t - before->at.t <= k->o.repeat_window_ms && !before->repeated)
		unresolve(before);
	if (after && after->at.t - t <= k->o.repeat_window_ms)
		unresolve(now);
	cs_tl_insert(&th->contacts, &now->at, &k->contacts_looked_at);
	cs_dues_push(&k->dues, key, t + k->o.repeat_window_ms);
}

/* A source's handle time, when it gives one: seconds, not negative (a
 * sign error would make AHT and cost per contact negative). */
static int handle_time_ok(cs_jval v)
{
	if (v.t == CS_J_NONE || v.t == CS_J_NULL)
		return 1;
	int has;
	double s = number(v, &has);
	return has && s >= 0 && s < 1e12;
}

/* A "qa.score" is cs-qa's, from 0 to 100: another number would add a
 * negative or overflowing qa_score_milli, which no merge takes. */
static int qa_score_ok(cs_jval qa)
{
	cs_jval v = cs_jget(qa, "score");
	int has;
	double score = number(v, &has);
	return !has || (score >= 0 && score <= 100);
}

/* Each metric's "misses" in "ticket.sla", when given, is a whole number of
 * cycles that sla_targets can add up. */
static int sla_misses_ok(cs_jval ticket)
{
	cs_jval sla = cs_jget(ticket, "sla");
	cs_obj members = {0};
	int ok = 1;
	if (sla.t == CS_J_OBJECT && cs_json_members((cs_span){sla.p, sla.n}, &members) == 0)
		for (size_t i = 0; i < members.n && ok; i++) {
			uint64_t n;
			ok = sla_misses(cs_jval_of(members.m[i].val.p, members.m[i].val.n), &n) == 0;
		}
	cs_obj_free(&members);
	return ok;
}

/* The name of "started" or "ended" when it is given but no time, else NULL:
 * such a record is bad, not one to place by its messages instead. */
static const char *unreadable_time(const cs_obj *obj)
{
	static const char *const names[] = {"started", "ended"};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		cs_jval v = cs_jmember(obj, names[i]);
		int64_t ms;
		if (v.t != CS_J_NONE && v.t != CS_J_NULL && cs_jtime(v, &ms) < 0)
			return names[i];
	}
	return NULL;
}

/* The record's customer id, or NULL: "customer.id", or "customer" itself
 * when it is a bare id, a string or a number (as cs-signals and the shard
 * key take it). */
static const char *customer_id(const cs_obj *obj, cs_buf *out)
{
	cs_jval who = cs_jmember(obj, "customer");
	if (who.t == CS_J_OBJECT)
		who = cs_jget(who, "id");
	const char *s = who.t == CS_J_STRING || who.t == CS_J_NUMBER ? cs_jtext(who, out) : NULL;
	return s && *s ? s : NULL;
}

static void read_conversation(cs_roi_kpi *k, const cs_obj *obj)
{
	struct talk t = {INT64_MIN, INT64_MIN, INT64_MIN, 0, 0, 0, CS_BUF_INIT, CS_BUF_INIT, {0}};
	cs_jeach(cs_jmember(obj, "messages"), scan_message, &t);
	int64_t started;
	if (cs_jtime(cs_jmember(obj, "started"), &started) < 0)
		started = t.first_customer != INT64_MIN ? t.first_customer : t.first_agent;
	if (started == INT64_MIN) {
		k->untimed++;
		k->untimed_conversations++;
	} else {
		struct bucket *b = bucket_of(k, obj, started);
		b->count[C_contacts]++;
		count_handling(k, b, obj, &t);
		count_quality(b, obj);
		count_sla(b, obj);
		cs_buf tier = CS_BUF_INIT, id = CS_BUF_INIT, issue = CS_BUF_INIT;
		const char *route_tier = cs_jtext(cs_jpath(cs_jmember(obj, "route"), "tier"), &tier);
		int bot = t.bots > 0 || (route_tier && strcmp(route_tier, "bot") == 0);
		b->count[C_bot_sessions] += bot;
		b->count[C_bot_contained] += bot && !t.agents;
		const char *customer = customer_id(obj, &id);
		if (customer) {
			b->count[C_customers] += first_in_bucket(k, b, "c", customer);
			b->count[C_ai_eligible] += bot;   /* only these can be followed */
			count_fcr(k, b, customer, issue_of(obj, &issue), started, bot && !t.agents);
		}
		cs_buf_free(&tier);
		cs_buf_free(&id);
		cs_buf_free(&issue);
	}
	cs_buf_free(&t.role);
	cs_buf_free(&t.event);
	cs_obj_free(&t.m);
}

/* ---- events: surveys and the help centre ---- */

/* A csat, nps or ces score on its scale (cs_survey_on_scale). */
static void count_scaled(struct bucket *b, const char *metric, double score)
{
	if (strcmp(metric, "csat") == 0) {
		b->count[C_csat_responses]++;
		b->count[C_csat_positive] += score >= 4;
	} else if (strcmp(metric, "nps") == 0) {
		b->count[C_nps_responses]++;
		b->count[C_nps_promoters] += score >= 9;
		b->count[C_nps_detractors] += score <= 6;
	} else {
		b->count[C_ces_responses]++;
		b->count[C_ces_easy] += score >= 5;
		b->sum[S_ces_score] += (int64_t)score;
	}
}

static void read_survey(struct bucket *b, cs_jval survey)
{
	cs_buf m = CS_BUF_INIT;
	const char *metric = cs_jtext(cs_jget(survey, "metric"), &m);
	int has;
	double score = number(cs_jget(survey, "score"), &has);
	cs_jval yes = cs_jget(survey, "resolved");
	if (metric && strcmp(metric, "resolved") == 0 && (has || yes.t == CS_J_TRUE || yes.t == CS_J_FALSE)) {
		b->count[C_fcr_survey_responses]++;
		b->count[C_fcr_survey_yes] += has ? score > 0 : yes.t == CS_J_TRUE;
	} else if (has && cs_survey_on_scale(metric, score) == 1) {
		count_scaled(b, metric, score);
	}
	cs_buf_free(&m);
}

/* Whether the path (or URL) name is dir or under it: dir ("/help") followed
 * by the end, a '/', a query or a fragment, so "/helpful-tips" is not. */
static int under_dir(const char *name, const char *dir)
{
	size_t n = strlen(dir);
	for (const char *at = strstr(name, dir); at; at = strstr(at + 1, dir))
		if (at[n] == '\0' || at[n] == '/' || at[n] == '?' || at[n] == '#')
			return 1;
	return 0;
}

static int is_help(const cs_obj *obj, cs_buf *scratch)
{
	const char *type = cs_jtext(cs_jmember(obj, "type"), scratch);
	if (!type)
		return 0;
	if (strcmp(type, "help_view") == 0)
		return 1;
	if (strcmp(type, "page_view") != 0)
		return 0;
	const char *name = cs_jtext(cs_jmember(obj, "name"), scratch);
	return name && (under_dir(name, "/help") || under_dir(name, "/faq") || under_dir(name, "/support"));
}

static void read_event(cs_roi_kpi *k, const cs_obj *obj)
{
	cs_jval survey = cs_jmember(obj, "survey");
	int help = is_help(obj, &k->scratch);
	if (survey.t != CS_J_OBJECT && !help) {
		k->other++;
		return;
	}
	int64_t ts;
	if (cs_jtime(cs_jmember(obj, "ts"), &ts) < 0) {
		k->untimed++;
		return;
	}
	/* an event's group comes from its props (channel), the rest unknown */
	cs_jval props = cs_jmember(obj, "props");
	cs_obj pobj = {0};
	if (props.t == CS_J_OBJECT)
		cs_json_members((cs_span){props.p, props.n}, &pobj);
	struct bucket *b = bucket_of(k, &pobj, ts);
	cs_obj_free(&pobj);
	if (survey.t == CS_J_OBJECT)
		read_survey(b, survey);
	cs_buf id = CS_BUF_INIT;
	const char *customer = customer_id(obj, &id);
	if (help && customer)
		b->count[C_help_users] += first_in_bucket(k, b, "h", customer);
	cs_buf_free(&id);
}

/* ---- merging metrics records ---- */

/* What one metrics record adds to its window and group. */
struct amounts {
	uint64_t count[NCOUNTS], sum[NSUMS];
};

static int past(cs_buf *why, const char *what, const char *name, uint64_t max)
{
	cs_buf_printf(why, "%s.%s adds up past %" PRIu64, what, name, max);
	return -1;
}

/* A count or sum (what.name) added to *total, which stays at most max: 0,
 * or -1 with why set. Each is a whole number from 0 up, as kpi writes
 * them: a sign or a fraction would wrap or be cut short into made-up KPIs. */
static int add_amount(cs_jval v, const char *what, const char *name, uint64_t max, uint64_t *total, cs_buf *why)
{
	uint64_t x;
	if (!cs_jis(v))
		return 0;
	if (cs_jwhole(v, &x) < 0 || x > max) {
		cs_buf_printf(why, "%s.%s is not a whole number from 0 up", what, name);
		return -1;
	}
	if (*total > max - x)
		return past(why, what, name, max);
	*total += x;
	return 0;
}

/* A metrics record's "counts" or "sums" (what) into totals: 0, or -1 with
 * why set; members of other names are left out. */
static int read_amounts(cs_jval obj, const char *what, const char *const *names, size_t n, uint64_t max,
			uint64_t *totals, cs_buf *why)
{
	cs_obj members = {0};
	int bad = 0;
	if (obj.t != CS_J_OBJECT || cs_json_members((cs_span){obj.p, obj.n}, &members) != 0) {
		cs_obj_free(&members);
		if (obj.t == CS_J_NONE)
			return 0;
		cs_buf_printf(why, "%s must be an object of whole numbers", what);
		return -1;
	}
	for (size_t i = 0; i < members.n && !bad; i++)
		for (size_t j = 0; j < n && !bad; j++)
			if (cs_member_is(&members.m[i], names[j], strlen(names[j])))
				bad = add_amount(cs_jval_of(members.m[i].val.p, members.m[i].val.n), what, names[j], max,
						 &totals[j], why) < 0;
	cs_obj_free(&members);
	return bad ? -1 : 0;
}

/* A record's amounts added to b, all or none (a bad record is left out
 * whole): 0, or -1 with why set. */
static int add_amounts(struct bucket *b, const struct amounts *a, cs_buf *why)
{
	for (size_t i = 0; i < NCOUNTS; i++)
		if (b->count[i] > UINT64_MAX - a->count[i])
			return past(why, "counts", count_names[i], UINT64_MAX);
	for (size_t i = 0; i < NSUMS; i++)
		if ((uint64_t)b->sum[i] > INT64_MAX - a->sum[i])
			return past(why, "sums", sum_names[i], INT64_MAX);
	for (size_t i = 0; i < NCOUNTS; i++)
		b->count[i] += a->count[i];
	for (size_t i = 0; i < NSUMS; i++)
		b->sum[i] += (int64_t)a->sum[i];
	return 0;
}

/* Is [from, to) a window of --window in --tz? merge names each window by
 * them: another window would get an id that is not its own (seven days'
 * records, one week's id). */
static int window_named(const cs_roi_kpi *k, int64_t from, int64_t to)
{
	int64_t wf, wt;
	cs_window_of(&k->window, from, &wf, &wt);
	return wf == from && wt == to;
}

static int read_metrics(cs_roi_kpi *k, const cs_rec *rec)
{
	cs_jval window = cs_jmember(&rec->obj, "window"), group = cs_jmember(&rec->obj, "group");
	int64_t from, to;
	if (cs_jtime(cs_jget(window, "from"), &from) < 0 || cs_jtime(cs_jget(window, "to"), &to) < 0 ||
	    group.t != CS_J_OBJECT) {
		cs_rec_bad(rec, "a metrics record needs window.from, window.to and a group object");
		return CS_REC_BAD;
	}
	if (!k->o.trend && !window_named(k, from, to)) {
		cs_rec_bad(rec, "its window is not one of --window %s%s%s: give merge the --window and --tz its parts "
				"were made with (cs-roi trend rolls days up into weeks)",
			   k->o.window ? k->o.window : "day", k->tz ? " in " : " in UTC", k->tz ? k->tz : "");
		return CS_REC_BAD;
	}
	struct amounts a = {{0}, {0}};
	cs_buf_reset(&k->scratch);
	int bad = read_amounts(cs_jmember(&rec->obj, "counts"), "counts", count_names, NCOUNTS, UINT64_MAX, a.count,
			       &k->scratch) < 0 ||
		  read_amounts(cs_jmember(&rec->obj, "sums"), "sums", sum_names, NSUMS, INT64_MAX, a.sum, &k->scratch) < 0;
	if (!bad) {
		cs_buf_reset(&k->text);
		cs_json_compact(group.p, group.n, &k->text);
		bad = add_amounts(bucket_get(k, from, to, k->text.p, k->text.len), &a, &k->scratch) < 0;
	}
	if (bad) {
		cs_rec_bad(rec, "%s", k->scratch.p);
		return CS_REC_BAD;
	}
	k->merged++;
	return CS_REC_OK;
}

static int read_stats(cs_roi_kpi *k, const cs_rec *rec)
{
	cs_buf why = CS_BUF_INIT;
	int bad = cs_statsum_add(k->stats, &rec->obj, &why) < 0;
	if (bad)
		cs_rec_bad(rec, "%s", why.p);
	cs_buf_free(&why);
	if (bad)
		return CS_REC_BAD;
	k->merged_stats++;
	return CS_REC_OK;
}

/* The ids customers are counted by, and --by agent's. */
static const char *const conversation_ids[] = {"customer", "customer.id", "assignee", NULL};
static const char *const event_ids[] = {"customer", "customer.id", NULL};

static int record(void *ctx, cs_run *run, const cs_rec *rec)
{
	cs_roi_kpi *k = ctx;
	(void)run;
	const char *kind = cs_jtext(cs_jmember(&rec->obj, "kind"), &k->scratch);
	if (k->o.merge) {
		const char *type = kind && strcmp(kind, "metrics") == 0 ? cs_jtext(cs_jmember(&rec->obj, "type"), &k->scratch)
									: NULL;
		if (type && strcmp(type, "roi.kpi") == 0)
			return read_metrics(k, rec);
		if (k->stats && kind && strcmp(kind, "stats") == 0)
			return read_stats(k, rec);
		k->other++;
	} else if (kind && strcmp(kind, "conversation") == 0) {
		if (cs_rec_ids_check(rec, conversation_ids) != CS_REC_OK)
			return CS_REC_BAD;
		if (!handle_time_ok(cs_jmember(&rec->obj, "handle_s"))) {
			cs_rec_bad(rec, "\"handle_s\" must be a number of seconds from 0 up");
			return CS_REC_BAD;
		}
		if (!qa_score_ok(cs_jmember(&rec->obj, "qa"))) {
			cs_rec_bad(rec, "\"qa.score\" must be a number from 0 to 100");
			return CS_REC_BAD;
		}
		if (!sla_misses_ok(cs_jmember(&rec->obj, "ticket"))) {
			cs_rec_bad(rec, "\"misses\" in \"ticket.sla\" must be a whole number of cycles");
			return CS_REC_BAD;
		}
		const char *bad_time = unreadable_time(&rec->obj);
		if (bad_time) {
			cs_rec_bad(rec, "\"%s\" is not a time", bad_time);
			return CS_REC_BAD;
		}
		read_conversation(k, &rec->obj);
	} else if (kind && strcmp(kind, "event") == 0) {
		if (cs_rec_ids_check(rec, event_ids) != CS_REC_OK)
			return CS_REC_BAD;
		read_event(k, &rec->obj);
	} else {
		k->other++;
	}
	return CS_REC_OK;
}

/* ---- the KPIs ---- */

struct kpi_def {
	const char *name;
	int num, den;                 /* count indexes; num < 0: a sum (-1 - index) */
	double scale;                 /* 100 for percentages, 0.001 for ms to s, ... */
	const char *needs;            /* for --explain */
};

#define SUM(i) (-1 - (i))
static const struct kpi_def kpis[] = {
	{"fcr", C_fcr_resolved, C_fcr_eligible, 1, "conversations with a customer id (repeat-contact variant)"},
	{"fcr_survey", C_fcr_survey_yes, C_fcr_survey_responses, 1, "survey events with metric \"resolved\""},
	{"aht_s", SUM(S_handle_ms), C_handled, 0.001, "conversations with an agent's reply, or handle_s"},
	{"asa_s", SUM(S_wait_ms), C_answered, 0.001, "a customer message and an agent reply, with times"},
	{"abandonment_rate", C_abandoned, C_queued, 1, "conversations marked \"abandoned\" or answered"},
	{"service_level", C_answered_within_target, -100, 1, "answered or abandoned conversations with times"},
	{"csat", C_csat_positive, C_csat_responses, 100, "a csat (1-5) on conversations or csat survey events"},
	{"nps", -200, C_nps_responses, 100, "survey events with metric nps"},
	{"ces_mean", SUM(S_ces_score), C_ces_responses, 1, "survey events with metric ces (1-7)"},
	{"ces_easy_rate", C_ces_easy, C_ces_responses, 1, "survey events with metric ces (1-7)"},
	{"containment", C_bot_contained, C_bot_sessions, 1, "bot messages or route.tier bot (cs-route)"},
	{"ai_resolution", C_ai_resolved, C_ai_eligible, 1, "bot sessions with a customer id"},
	{"transfer_rate", C_transfers, C_handled, 1, "conversations with an agent's reply"},
	{"sla_attainment", C_sla_met, C_sla_targets, 1, "ticket.sla from cs-ticket --policy"},
	{"qa_score_mean", SUM(S_qa_score_milli), C_qa_scored, 0.001, "qa.score from cs-qa"},
	{"negative_rate", C_negative_sentiment, C_sentiment_scored, 1, "qa.sentiment from cs-qa"},
	{"self_service_score", C_help_users, C_customers, 1, "help-centre events and conversations with customer ids"},
	{"cost_per_contact", -300, C_handled, 1, "--cost-per-hour and conversations with an agent's reply"},
};
#define NKPIS (sizeof kpis / sizeof kpis[0])

/* v rounded to 1/per: dividing by a power of ten gives the double nearest the decimal. */
static double round_to(double v, double per)
{
	return round(v * per) / per;
}

/* KPI i of bucket b: 1 and *value, or 0 when its inputs are absent. */
static int kpi_value(const cs_roi_kpi *k, const struct bucket *b, size_t i, double *value)
{
	const struct kpi_def *d = &kpis[i];
	double den = d->den == -100 ? (double)(b->count[C_answered] + b->count[C_abandoned_after_target])
				      : (double)b->count[d->den];
	if (den <= 0 || (d->num == -300 && k->o.cost_per_hour <= 0))
		return 0;
	double num = d->num == -200   ? (double)b->count[C_nps_promoters] - (double)b->count[C_nps_detractors]
		     : d->num == -300 ? (double)b->sum[S_handle_ms] / 3.6e6 * k->o.cost_per_hour
		     : d->num < 0     ? (double)b->sum[-1 - d->num]
				      : (double)b->count[d->num];
	double v = num / den * d->scale;
	*value = d->scale == 100 || d->num == -300 || d->scale == 0.001 ? round_to(v, 100) : round_to(v, 10000);
	return 1;
}

/* ---- writing ---- */

static void write_time(cs_jw *w, const char *key, int64_t ms)
{
	cs_jw_key(w, key);
	cs_jw_time(w, ms);
}

/* A duration in the largest unit that holds it whole (7 days, 36 hours,
 * 90 minutes): the definition must state the window used, not a rounded one. */
static void duration_text(int64_t ms, char *out, size_t size)
{
	static const struct {
		int64_t ms;
		const char *one, *many;
	} units[] = {{86400000, "day", "days"},     {3600000, "hour", "hours"},
		     {60000, "minute", "minutes"}, {1000, "second", "seconds"},
		     {1, "millisecond", "milliseconds"}};
	size_t i = 0;
	while (ms % units[i].ms != 0)
		i++;
	long long n = (long long)(ms / units[i].ms);
	snprintf(out, size, "%lld %s", n, n == 1 ? units[i].one : units[i].many);
}

static void write_variants(cs_roi_kpi *k, cs_jw *w)
{
	char text[160], window[48];
	cs_jw_key(w, "variants");
	cs_jw_object(w);
	cs_jw_key(w, "fcr");
	duration_text(k->o.repeat_window_ms, window, sizeof window);
	snprintf(text, sizeof text, "no repeat contact by the customer on the same issue within %s", window);
	cs_jw_cstr(w, text);
	cs_jw_key(w, "service_level");
	snprintf(text, sizeof text, "answered within %g s / (answered + abandoned after %g s), target %g%%",
		 (double)k->o.sl_answer_ms / 1000, (double)k->o.sl_answer_ms / 1000, k->o.sl_share * 100);
	cs_jw_cstr(w, text);
	cs_jw_key(w, "csat");
	cs_jw_cstr(w, "4-5 of 5");
	cs_jw_end_object(w);
}

static void write_numbers(cs_jw *w, const char *key, const char *const *names, size_t n, const uint64_t *ucounts,
			  const int64_t *sums)
{
	cs_jw_key(w, key);
	cs_jw_object(w);
	for (size_t i = 0; i < n; i++) {
		cs_jw_key(w, names[i]);
		if (ucounts)
			cs_jw_uint(w, ucounts[i]);
		else
			cs_jw_int(w, sums[i]);
	}
	cs_jw_end_object(w);
}

static void write_kpis(cs_roi_kpi *k, cs_jw *w, const struct bucket *b)
{
	double v;
	cs_jw_key(w, "kpi");
	cs_jw_object(w);
	for (size_t i = 0; i < NKPIS; i++)
		if (kpi_value(k, b, i, &v)) {
			cs_jw_key(w, kpis[i].name);
			cs_jw_double(w, v);
		}
	cs_jw_end_object(w);
	if (!k->o.explain)
		return;
	cs_jw_key(w, "absent");
	cs_jw_object(w);
	for (size_t i = 0; i < NKPIS; i++)
		if (!kpi_value(k, b, i, &v)) {
			cs_jw_key(w, kpis[i].name);
			cs_jw_cstr(w, kpis[i].needs);
		}
	cs_jw_key(w, "occupancy");
	cs_jw_cstr(w, "agents' available time, which cs records do not carry yet");
	cs_jw_end_object(w);
}

static void write_bucket(cs_roi_kpi *k, cs_run *run, const struct bucket *b)
{
	char label[24];
	cs_jw w;
	cs_buf_reset(&k->text);
	cs_window_label(&k->window, b->from, label);
	cs_buf_printf(&k->text, "kpi-%s-%016llx", label, (unsigned long long)cs_hash64(b->group, strlen(b->group), 0x6b7069));
	cs_buf out = CS_BUF_INIT;
	cs_jw_init(&w, &out);
	cs_jw_object(&w);
	cs_jw_key(&w, "kind");
	cs_jw_cstr(&w, "metrics");
	cs_jw_key(&w, "type");
	cs_jw_cstr(&w, "roi.kpi");
	cs_jw_key(&w, "id");
	cs_jw_str(&w, k->text.p, k->text.len);
	cs_jw_key(&w, "window");
	cs_jw_object(&w);
	write_time(&w, "from", b->from);
	write_time(&w, "to", b->to);
	cs_jw_end_object(&w);
	cs_jw_key(&w, "group");
	cs_jw_raw(&w, b->group, strlen(b->group));
	write_numbers(&w, "counts", count_names, NCOUNTS, b->count, NULL);
	write_numbers(&w, "sums", sum_names, NSUMS, NULL, b->sum);
	write_kpis(k, &w, b);
	write_variants(k, &w);
	cs_jw_end_object(&w);
	cs_run_write_line(run, out.p, out.len);
	cs_buf_free(&out);
}

static int by_window_group(const void *a, const void *b)
{
	const struct bucket *x = *(struct bucket *const *)a, *y = *(struct bucket *const *)b;
	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	if (x->to != y->to)
		return x->to < y->to ? -1 : 1;
	return strcmp(x->group, y->group);
}

static void count_open(cs_tl_node *n, void *ctx)
{
	cs_roi_kpi *k = ctx;
	struct recent *r = recent_of(n);
	k->contacts_looked_at++;
	if (!r->repeated && k->watermark - r->at.t < k->o.repeat_window_ms) {
		r->bucket->count[C_fcr_window_open]++;
		r->repeated = 1;   /* counted once */
	}
}

/* Contacts whose repeat window the input did not cover: their FCR may
 * still change. Every thread kept has a due (its contacts' own). */
static void count_open_windows(cs_roi_kpi *k)
{
	for (size_t i = 0; i < k->dues.n; i++) {
		const cs_due *d = cs_dues_at(&k->dues, i);
		struct thread *th = cs_map_get(&k->threads, d->key, strlen(d->key));
		if (th && !th->counted) {
			th->counted = 1;
			cs_tl_each(th->contacts, count_open, k);
		}
	}
}

/* ---- trends: weeks from daily records ---- */

struct week_set {
	cs_map map;                  /* week from + group -> struct bucket */
	struct bucket **all;
	size_t n;
};

static struct bucket *week_bucket(cs_roi_kpi *k, struct week_set *ws, const struct bucket *day)
{
	cs_window_spec week = {CS_WINDOW_WEEK, 0, k->zone};
	int64_t from, to;
	cs_window_of(&week, day->from, &from, &to);
	cs_buf_reset(&k->key);
	cs_buf_printf(&k->key, "%lld\t", (long long)from);
	cs_buf_adds(&k->key, day->group);
	struct bucket *w = cs_map_get(&ws->map, k->key.p, k->key.len);
	if (!w) {
		w = cs_calloc(1, sizeof *w);
		w->from = from;
		w->to = to;
		w->group = day->group;   /* the day's: they live as long */
		cs_map_put(&ws->map, k->key.p, k->key.len, w);
		ws->all = cs_realloc(ws->all, (ws->n + 1) * sizeof *ws->all);
		ws->all[ws->n++] = w;
	}
	for (size_t i = 0; i < NCOUNTS; i++)
		w->count[i] += day->count[i];
	for (size_t i = 0; i < NSUMS; i++)
		w->sum[i] += day->sum[i];
	return w;
}

/* The usual level: mean and sample deviation of the baseline weeks' values. */
struct usual {
	double mean, sd;
	size_t n;
	int64_t from, to;
};

/* The weeks of one group, oldest first. */
struct group_weeks {
	struct bucket *const *w;
	size_t n;
};

static void usual_of(cs_roi_kpi *k, const struct group_weeks *g, size_t kpi, int64_t before, struct usual *u)
{
	double sum = 0, sq = 0, v;
	*u = (struct usual){0, 0, 0, INT64_MAX, INT64_MIN};
	for (size_t i = g->n; i-- > 0 && u->n < (size_t)k->o.baseline_weeks;) {   /* newest first */
		const struct bucket *w = g->w[i];
		k->weeks_looked_at++;
		if (w->from >= before || !kpi_value(k, w, kpi, &v))
			continue;
		sum += v;
		sq += v * v;
		u->n++;
		u->from = w->from < u->from ? w->from : u->from;
		u->to = w->to > u->to ? w->to : u->to;
	}
	if (!u->n)
		return;
	u->mean = sum / (double)u->n;
	u->sd = u->n > 1 ? sqrt(fmax(0, (sq - sum * sum / (double)u->n) / (double)(u->n - 1))) : 0;
}

static const struct bucket *find_week(cs_roi_kpi *k, const struct group_weeks *g, int64_t from)
{
	for (size_t i = g->n; i-- > 0;) {
		k->weeks_looked_at++;
		if (g->w[i]->from == from)
			return g->w[i];
	}
	return NULL;
}

static void write_week(cs_jw *w, const char *key, const struct bucket *b, int has, double v)
{
	cs_jw_key(w, key);
	cs_jw_object(w);
	write_time(w, "from", b->from);
	write_time(w, "to", b->to);
	cs_jw_key(w, "value");
	if (has)
		cs_jw_double(w, v);
	else
		cs_jw_null(w);
	cs_jw_end_object(w);
}

/* A change flagged "up" or "down" when it lies flag_z deviations from the
 * usual, with three usual weeks at least; a deviation of 0 counts as 1% of
 * the mean, so a flat line that moves is flagged. A line flat at 0 has no
 * deviation to count in at all: any move off it is flagged, and its z,
 * which would be infinite, is not known (*has_z 0). */
static const char *flag_of(const cs_roi_kpi *k, const struct usual *u, double v, double *z, int *has_z)
{
	*has_z = 0;
	if (u->n < 3)
		return NULL;
	double sd = fmax(u->sd, fabs(u->mean) * 0.01);
	if (!(sd > 0))
		return v > u->mean ? "up" : v < u->mean ? "down" : NULL;
	*has_z = 1;
	*z = round_to((v - u->mean) / sd, 100);
	return fabs(*z) < k->o.flag_z ? NULL : *z > 0 ? "up" : "down";
}

static void write_trend(cs_roi_kpi *k, cs_run *run, const struct group_weeks *g, size_t kpi)
{
	const struct bucket *now = g->w[g->n - 1];
	double v, before = 0, z = 0;
	int has_z;
	if (!kpi_value(k, now, kpi, &v))
		return;
	cs_window_spec week = {CS_WINDOW_WEEK, 0, k->zone};
	int64_t last_from, last_to;
	cs_window_of(&week, now->from - 1, &last_from, &last_to);
	const struct bucket *last = find_week(k, g, last_from);
	int has_last = last && kpi_value(k, last, kpi, &before);
	struct usual u;
	usual_of(k, g, kpi, last_from, &u);
	const char *flag = flag_of(k, &u, v, &z, &has_z);
	cs_buf out = CS_BUF_INIT;
	cs_jw w;
	cs_jw_init(&w, &out);
	cs_jw_object(&w);
	cs_jw_key(&w, "kind");
	cs_jw_cstr(&w, "trend");
	cs_jw_key(&w, "group");
	cs_jw_raw(&w, now->group, strlen(now->group));
	cs_jw_key(&w, "kpi");
	cs_jw_cstr(&w, kpis[kpi].name);
	write_week(&w, "this_week", now, 1, v);
	if (last)
		write_week(&w, "last_week", last, has_last, before);
	if (has_last) {
		cs_jw_key(&w, "change");
		cs_jw_double(&w, round_to(v - before, 10000));
	}
	if (u.n) {
		cs_jw_key(&w, "usual");
		cs_jw_object(&w);
		write_time(&w, "from", u.from);
		write_time(&w, "to", u.to);
		cs_jw_key(&w, "weeks");
		cs_jw_uint(&w, u.n);
		cs_jw_key(&w, "mean");
		cs_jw_double(&w, round_to(u.mean, 10000));
		cs_jw_key(&w, "sd");
		cs_jw_double(&w, round_to(u.sd, 10000));
		cs_jw_end_object(&w);
	}
	if (flag) {
		cs_jw_key(&w, "z");
		if (has_z)
			cs_jw_double(&w, z);
		else
			cs_jw_null(&w);
	}
	cs_jw_key(&w, "flag");
	cs_jw_cstr(&w, flag);
	cs_jw_end_object(&w);
	cs_run_write_line(run, out.p, out.len);
	cs_buf_free(&out);
}

static int by_group_week(const void *a, const void *b)
{
	const struct bucket *x = *(struct bucket *const *)a, *y = *(struct bucket *const *)b;
	int c = strcmp(x->group, y->group);
	if (c)
		return c;
	return x->from < y->from ? -1 : x->from > y->from;
}

/* Each group's weeks side by side, so a group's trends look at its own
 * weeks only; groups come in the order of their text, as in kpi's output. */
static void write_trends(cs_roi_kpi *k, cs_run *run)
{
	struct week_set ws = {0};
	int64_t latest = INT64_MIN;
	for (size_t i = 0; i < k->nall; i++) {
		struct bucket *w = week_bucket(k, &ws, k->all[i]);
		latest = w->from > latest ? w->from : latest;
	}
	if (ws.n)
		qsort(ws.all, ws.n, sizeof *ws.all, by_group_week);
	for (size_t i = 0, j; i < ws.n; i = j) {
		for (j = i + 1; j < ws.n && strcmp(ws.all[j]->group, ws.all[i]->group) == 0; j++)
			;
		struct group_weeks g = {ws.all + i, j - i};
		if (g.w[g.n - 1]->from == latest)
			for (size_t kpi = 0; kpi < NKPIS; kpi++)
				write_trend(k, run, &g, kpi);
	}
	for (size_t i = 0; i < ws.n; i++)
		free(ws.all[i]);
	free(ws.all);
	cs_map_free(&ws.map);
}

static void finish(void *ctx, cs_run *run)
{
	cs_roi_kpi *k = ctx;
	if (k->o.until_ms > k->watermark)   /* every part of a split input ends alike */
		k->watermark = k->o.until_ms;
	if (!k->o.merge)
		count_open_windows(k);
	if (k->nall)
		qsort(k->all, k->nall, sizeof *k->all, by_window_group);
	if (k->o.trend) {
		write_trends(k, run);
		return;
	}
	for (size_t i = 0; i < k->nall; i++)
		write_bucket(k, run, k->all[i]);
	if (k->stats && cs_statsum_count(k->stats)) {
		cs_buf_reset(&k->text);
		cs_statsum_write(k->stats, &k->text);
		for (const char *line = k->text.p, *nl; (nl = strchr(line, '\n')) != NULL; line = nl + 1)
			cs_run_write_line(run, line, (size_t)(nl - line));
	}
}

static void counters(void *ctx, cs_stats *st)
{
	cs_roi_kpi *k = ctx;
	cs_stats_add(st, "windows_groups", k->nall);
	cs_stats_add(st, "untimed", k->untimed);
	cs_stats_add(st, "late_customers", k->late);
	cs_stats_add(st, "other_records", k->other);
	if (k->o.merge)
		cs_stats_add(st, "merged", k->merged);
	if (k->stats)
		cs_stats_add(st, "merged_stats", k->merged_stats);
}

static const char *plural(uint64_t n, const char *one, const char *many) { return n == 1 ? one : many; }

/* What was left out for want of a time: exit 0 would otherwise hide it. */
static void summary(void *ctx, const struct cs_common *c)
{
	cs_roi_kpi *k = ctx;
	(void)c;
	uint64_t conversations = k->untimed_conversations, events = k->untimed - conversations;
	if (conversations)
		cs_notice("%" PRIu64 " conversation%s left out: no \"started\" and no message \"ts\" to place %s in a "
			  "window (a call transcript has none unless cs-ingest --call-start gives it one)",
			  conversations, plural(conversations, "", "s"), plural(conversations, "it", "them"));
	if (events)
		cs_notice("%" PRIu64 " survey or help centre event%s left out: no \"ts\"", events, plural(events, "", "s"));
}

/* ---- life ---- */

static int parse_by(cs_roi_kpi *k, const char *by)
{
	for (const char *p = by; p && *p;) {
		size_t n = strcspn(p, ",");
		size_t d = 0;
		while (d < NDIMS && (strlen(dim_names[d]) != n || memcmp(dim_names[d], p, n) != 0))
			d++;
		if (d == NDIMS || k->nby == NDIMS) {
			cs_error("--by: '%.*s' is not channel, team, intent, tier, agent or customer_tier", (int)n, p);
			return 2;
		}
		k->by[k->nby++] = (enum dim)d;
		p += n + (p[n] == ',');
	}
	return 0;
}

cs_roi_kpi *cs_roi_kpi_new(const struct cs_common *c, const struct cs_roi_kpi_opts *o, struct cs_engine *engine,
			   int *status)
{
	cs_roi_kpi *k = cs_calloc(1, sizeof *k);
	k->o = *o;
	k->watermark = INT64_MIN;
	k->swept = INT64_MIN;
	cs_buf err = CS_BUF_INIT;
	*status = 0;
	if (cs_window_parse(o->window, &k->window, &err) != 0) {
		cs_error("--window: %s", err.p);
		*status = 2;
	} else if (c->tz && !(k->zone = cs_zone_load(c->tz, &err))) {
		cs_error("--tz: %s", err.p);
		*status = 2;
	} else {
		*status = parse_by(k, o->by);
	}
	cs_buf_free(&err);
	if (*status) {
		cs_roi_kpi_free(k);
		return NULL;
	}
	k->window.zone = k->zone;
	k->tz = c->tz;
	if (o->merge && !o->trend)
		k->stats = cs_statsum_new();
	*engine = (struct cs_engine){.ctx = k, .record = record, .finish = finish, .counters = counters,
				       .summary = summary};
	return k;
}

struct cs_roi_kpi_work cs_roi_kpi_work(const cs_roi_kpi *k)
{
	return (struct cs_roi_kpi_work){k->weeks_looked_at, k->contacts_looked_at};
}

void cs_roi_kpi_free(cs_roi_kpi *k)
{
	if (!k)
		return;
	cs_statsum_free(k->stats);
	for (size_t i = 0; i < k->nall; i++) {
		if (k->all[i]->seen)
			cs_fpset_free(k->all[i]->seen);
		free(k->all[i]->seen);
		free(k->all[i]->group);
		free(k->all[i]);
	}
	free(k->all);
	cs_map_free(&k->buckets);
	for (size_t i = 0; i < k->dues.n; i++)
		thread_drop(k, cs_dues_at(&k->dues, i)->key);
	cs_dues_free(&k->dues);
	cs_map_free(&k->threads);
	cs_zone_free(k->zone);
	cs_buf_free(&k->key);
	cs_buf_free(&k->text);
	cs_buf_free(&k->group);
	cs_buf_free(&k->scratch);
	free(k);
}
