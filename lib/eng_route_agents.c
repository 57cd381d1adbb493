/* eng_route_agents: agents, selection, queues and --state (see eng_route_agents.h). */
#include "eng_route_agents.h"
#include "kit_conf.h"
#include "kit_hash.h"
#include "kit_in.h"
#include "kit_json.h"
#include "kit_jw.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_out.h"
#include "kit_time.h"
#include "svc_agents.h"
#include "svc_store.h"
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rr_pointer {
	char *queue;
	char *last;                      /* the agent last given a conversation of the queue */
};

struct hold {
	char *conversation_id, *agent, *channel;
	int cost;
	int64_t ends_at;
	int released;                    /* released early; the heap drops it when it comes up */
	struct hold *prev, *next;        /* every hold, for freeing and --state */
};

/* Things due at a time, in a min-heap: the earliest first, then the lower tie. */
struct due {
	int64_t at;
	uint64_t tie;
	void *p;
};

struct due_heap {
	struct due *e;
	size_t n, cap;
};

/* A waiting conversation with a known end, in the heap of ends: where it
 * waits, so that it is found by halving. Gone once it leaves the queue
 * (the heap drops it when it comes up). */
struct route_wait_end {
	size_t q;
	int priority;
	uint64_t seq;
	int gone;
};

/* A conversation that ended (released or abandoned), remembered for a day
 * after its end: a record of it seen again then is not routed again. A day
 * is far more than a replay is out of order or a job's input windows
 * overlap, and the state does not grow with every conversation ever seen. */
#define FINISHED_KEPT_MS (24 * 3600 * 1000LL)

struct finished {
	char *conversation_id;
	char *agent;                     /* the agent released; NULL: it left the queue */
	int64_t ended;
};

struct route_roster {
	struct route_agent *agents;      /* in the order they came: ties and round robin go by it */
	size_t n, cap;
	cs_map agent_ids;                /* agent id -> its index + 1 */
	uint64_t id_lookups;             /* agents found by id (route_roster_id_work) */
	struct route_waitq *queues;
	size_t nqueues, nwaiting;
	cs_map waiting_ids;              /* conversation id -> the queue's index + 1 */
	cs_map holds;                    /* conversation id -> struct hold */
	struct due_heap due;             /* holds with a known end, by ends_at */
	struct due_heap ends;            /* waiting conversations with a known end (route_wait_end), by end, then seq */
	struct hold *hold_list;
	struct rr_pointer *rr;
	size_t nrr;
	cs_map finished_ids;             /* conversation id -> struct finished */
	struct finished **finished;
	size_t nfinished, finished_cap, finished_kept;
	int64_t clock;
	uint64_t seq;
	int from_file;                   /* an agents file named the roster: the state adds no agent */
	cs_buf scratch;
};

route_roster *route_roster_new(void) { return cs_calloc(1, sizeof(route_roster)); }

static void free_agent(struct route_agent *a)
{
	free(a->id);
	for (size_t i = 0; i < a->nskills; i++)
		free(a->skills[i].name);
	free(a->skills);
	for (size_t i = 0; i < a->nchannels; i++)
		free(a->channels[i].channel);
	free(a->channels);
	for (size_t i = 0; i < a->nqueues; i++)
		free(a->queues[i]);
	free(a->queues);
	free(a->status);
}

static void free_wait(struct route_wait *w)
{
	free(w->conversation_id);
	free(w->channel);
	free(w->customer);
}

static void free_hold(route_roster *r, struct hold *h)
{
	if (h->prev)
		h->prev->next = h->next;
	else
		r->hold_list = h->next;
	if (h->next)
		h->next->prev = h->prev;
	free(h->conversation_id);
	free(h->agent);
	free(h->channel);
	free(h);
}

static void free_holds(route_roster *r);
static void free_finished(route_roster *r);

void route_roster_free(route_roster *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++)
		free_agent(&r->agents[i]);
	free(r->agents);
	cs_map_free(&r->agent_ids);
	for (size_t q = 0; q < r->nqueues; q++) {
		for (size_t i = 0; i < r->queues[q].n; i++)
			free_wait(&r->queues[q].items[i]);
		free(r->queues[q].items);
		free(r->queues[q].filter);
	}
	free(r->queues);
	cs_map_free(&r->waiting_ids);
	for (size_t i = 0; i < r->ends.n; i++)
		free(r->ends.e[i].p);
	free(r->ends.e);
	free_holds(r);
	for (size_t i = 0; i < r->nrr; i++) {
		free(r->rr[i].queue);
		free(r->rr[i].last);
	}
	free(r->rr);
	free_finished(r);
	cs_buf_free(&r->scratch);
	free(r);
}

size_t route_roster_count(const route_roster *r) { return r->n; }
const struct route_agent *route_roster_agent(const route_roster *r, size_t i) { return &r->agents[i]; }
int64_t route_roster_clock(const route_roster *r) { return r->clock; }
void route_roster_set_clock(route_roster *r, int64_t ms) { r->clock = ms > r->clock ? ms : r->clock; }
uint64_t route_roster_next_seq(route_roster *r) { return ++r->seq; }

uint64_t route_roster_id_work(const route_roster *r) { return r->id_lookups; }

static struct route_agent *find_agent(route_roster *r, const char *id)
{
	r->id_lookups++;
	uintptr_t i = (uintptr_t)cs_map_get(&r->agent_ids, id, strlen(id));
	return i ? &r->agents[i - 1] : NULL;
}

/* ---- reading agents ---- */

struct reading {
	route_roster *r;
	struct route_agent *a;
	cs_buf *err;
	const char *key;
};

static int set_skill(void *ctx, const char *name, size_t n, int level)
{
	struct route_agent *a = ctx;
	for (size_t i = 0; i < a->nskills; i++)
		if (strlen(a->skills[i].name) == n && memcmp(a->skills[i].name, name, n) == 0) {
			a->skills[i].level = level;
			return 0;
		}
	a->skills = cs_realloc(a->skills, (a->nskills + 1) * sizeof *a->skills);
	a->skills[a->nskills++] = (struct route_level){cs_strndup(name, n), level};
	return 0;
}

static struct route_chan *channel_of(struct route_agent *a, const char *name, size_t n)
{
	for (size_t i = 0; i < a->nchannels; i++)
		if (strlen(a->channels[i].channel) == n && memcmp(a->channels[i].channel, name, n) == 0)
			return &a->channels[i];
	a->channels = cs_realloc(a->channels, (a->nchannels + 1) * sizeof *a->channels);
	a->channels[a->nchannels] = (struct route_chan){cs_strndup(name, n), 0, 0};
	return &a->channels[a->nchannels++];
}

static int set_max(void *a, const char *name, size_t n, int max)
{
	channel_of(a, name, n)->max = max;
	return 0;
}

static int set_load(void *a, const char *name, size_t n, int load)
{
	channel_of(a, name, n)->load = load;
	return 0;
}

static int add_queue(cs_jval item, void *ctx)
{
	struct reading *rd = ctx;
	if (item.t != CS_J_STRING)
		return 1;
	rd->a->queues = cs_realloc(rd->a->queues, (rd->a->nqueues + 1) * sizeof *rd->a->queues);
	rd->a->queues[rd->a->nqueues++] = cs_strdup(cs_jtext(item, &rd->r->scratch));
	return 0;
}

static int set_queues(struct reading *rd, cs_jval v)
{
	for (size_t i = 0; i < rd->a->nqueues; i++)
		free(rd->a->queues[i]);
	rd->a->nqueues = 0;
	if (v.t != CS_J_ARRAY || cs_jeach(v, add_queue, rd)) {
		cs_buf_printf(rd->err, "\"queues\" must be an array of strings");
		return -1;
	}
	return 0;
}

static int set_status(struct reading *rd, cs_jval v)
{
	const char *status = cs_agent_status_of(v, &rd->r->scratch, rd->err);
	if (!status)
		return -1;
	free(rd->a->status);
	rd->a->status = cs_strdup(status);
	return 0;
}

static int set_idle(struct reading *rd, cs_jval v)
{
	cs_time t;
	const char *s = cs_jtext(v, &rd->r->scratch);
	if (!s || cs_time_parse(s, strlen(s), &t) != 0) {
		cs_buf_printf(rd->err, "\"idle_since\" must be a time");
		return -1;
	}
	rd->a->idle_since = t.ms;
	return 0;
}

/* Units taken by the load: the cost of each conversation held. */
static void count_used(struct route_agent *a, const route_policy *p)
{
	a->used = 0;
	for (size_t i = 0; i < a->nchannels; i++)
		a->used += a->channels[i].load * (p ? route_policy_cost(p, a->channels[i].channel) : 1);
}

static int apply_fields(struct reading *rd, cs_jval v)
{
	struct route_agent *a = rd->a;
	cs_jval f;
	if ((f = cs_jget(v, "skills")).t != CS_J_NONE && cs_agent_levels(f, 0, 5, "skills", rd->err, set_skill, a))
		return -1;
	if ((f = cs_jget(v, "channels")).t != CS_J_NONE && cs_agent_levels(f, 0, 1000, "channels", rd->err, set_max, a))
		return -1;
	if ((f = cs_jget(v, "load")).t != CS_J_NONE) {
		for (size_t i = 0; i < a->nchannels; i++)
			a->channels[i].load = 0;
		if (cs_agent_levels(f, 0, 1000, "load", rd->err, set_load, a))
			return -1;
	}
	if ((f = cs_jget(v, "queues")).t != CS_J_NONE && set_queues(rd, f))
		return -1;
	if ((f = cs_jget(v, "status")).t != CS_J_NONE && set_status(rd, f))
		return -1;
	if ((f = cs_jget(v, "idle_since")).t != CS_J_NONE && set_idle(rd, f))
		return -1;
	if ((f = cs_jget(v, "capacity")).t != CS_J_NONE && cs_agent_number(f, 0, 1000000, &a->capacity)) {
		cs_buf_printf(rd->err, "\"capacity\" must be a whole number from 0 to 1000000");
		return -1;
	}
	return 0;
}

/* A deep copy of a, for an update to be read into. */
static struct route_agent copy_agent(const struct route_agent *a)
{
	struct route_agent c = *a;
	c.id = cs_strdup(a->id);
	c.status = cs_strdup(a->status);
	c.skills = cs_malloc(a->nskills * sizeof *c.skills);
	for (size_t i = 0; i < a->nskills; i++)
		c.skills[i] = (struct route_level){cs_strdup(a->skills[i].name), a->skills[i].level};
	c.channels = cs_malloc(a->nchannels * sizeof *c.channels);
	for (size_t i = 0; i < a->nchannels; i++)
		c.channels[i] = (struct route_chan){cs_strdup(a->channels[i].channel), a->channels[i].max,
						    a->channels[i].load};
	c.queues = cs_malloc(a->nqueues * sizeof *c.queues);
	for (size_t i = 0; i < a->nqueues; i++)
		c.queues[i] = cs_strdup(a->queues[i]);
	return c;
}

static void add_agent(route_roster *r, const struct route_agent *a)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->agents = cs_realloc(r->agents, r->cap * sizeof *r->agents);
	}
	r->agents[r->n++] = *a;
	cs_map_put(&r->agent_ids, a->id, strlen(a->id), (void *)(uintptr_t)r->n);
}

/* The id of the agent record v, its names checked; NULL with err set. */
static const char *record_id(route_roster *r, cs_jval v, cs_buf *err)
{
	cs_jval id = cs_jget(v, "id");
	if (v.t != CS_J_OBJECT || (id.t != CS_J_STRING && id.t != CS_J_NUMBER)) {
		cs_buf_printf(err, "an agent needs an \"id\"");
		return NULL;
	}
	return cs_agent_ids_check(v, err) == 0 ? cs_jtext(id, &r->scratch) : NULL;
}

/* The record v read whole into *a: a copy of base (NULL: a new agent named
 * id) with v's fields set. 0, or -1 with err set and nothing to free. */
static int read_agent(route_roster *r, cs_jval v, const char *id, const struct route_agent *base,
		      struct route_agent *a, cs_buf *err)
{
	*a = base ? copy_agent(base) : (struct route_agent){.id = cs_strdup(id), .status = cs_strdup("available")};
	struct reading rd = {r, a, err, NULL};
	if (apply_fields(&rd, v) != 0) {
		free_agent(a);
		return -1;
	}
	count_used(a, NULL);
	return 0;
}

/* The agent read whole replaces the roster's only when every field is
 * good: a bad record changes nothing. */
int route_roster_apply(route_roster *r, cs_jval agent, cs_buf *err)
{
	const char *id = record_id(r, agent, err);
	if (!id)
		return -1;
	struct route_agent a, *old = find_agent(r, id);
	if (read_agent(r, agent, id, old, &a, err) != 0)
		return -1;
	if (old) {
		free_agent(old);
		*old = a;
	} else
		add_agent(r, &a);
	return 0;
}

/* A line of the file: its members checked too, as a record in the stream's
 * are not (a workforce feed may carry more). */
static int load_line(cs_jval v, cs_buf *why, void *ctx)
{
	if (cs_agent_members_check(v, why) != 0)
		return -1;
	return route_roster_apply(ctx, v, why);
}

int route_roster_load(route_roster *r, const char *path, cs_buf *err)
{
	r->from_file = 1;
	return cs_conf_ndjson_each(path, load_line, r, err);
}

/* ---- choosing ---- */

static int serves(const struct route_agent *a, const char *queue)
{
	if (a->nqueues == 0)
		return 1;
	for (size_t i = 0; i < a->nqueues; i++)
		if (strcmp(a->queues[i], queue) == 0)
			return 1;
	return 0;
}

static int skill_level(const struct route_agent *a, const char *skill)
{
	for (size_t i = 0; i < a->nskills; i++)
		if (strcmp(a->skills[i].name, skill) == 0)
			return a->skills[i].level;
	return -1;
}

static struct route_chan *find_channel(const struct route_agent *a, const char *channel)
{
	for (size_t i = 0; channel && i < a->nchannels; i++)
		if (strcmp(a->channels[i].channel, channel) == 0)
			return &a->channels[i];
	return NULL;
}

enum unfit { FIT, NOT_QUEUE, NOT_AVAILABLE, NO_CHANNEL, CHANNEL_FULL, NO_CAPACITY, NO_SKILL, UNFIT_N };

static enum unfit fit_of(const struct route_agent *a, const struct route_target *t, const char *channel, int cost)
{
	if (!serves(a, t->queue))
		return NOT_QUEUE;
	if (strcmp(a->status, "available") != 0)
		return NOT_AVAILABLE;
	const struct route_chan *c = find_channel(a, channel);
	if (!c || c->max == 0)
		return NO_CHANNEL;
	if (c->load >= c->max)
		return CHANNEL_FULL;
	if (a->capacity && a->used + cost > a->capacity)
		return NO_CAPACITY;
	for (size_t i = 0; i < t->nskills; i++)
		if (skill_level(a, t->skills[i].name) < t->skills[i].min_level)
			return NO_SKILL;
	return FIT;
}

static int skill_sum(const struct route_agent *a, const struct route_target *t)
{
	int sum = 0;
	for (size_t i = 0; i < t->nskills; i++)
		sum += skill_level(a, t->skills[i].name);
	return sum;
}

/* Load as a share of what the agent can hold, in thousandths. */
static long load_share(const struct route_agent *a, const char *channel)
{
	if (a->capacity)
		return (long)a->used * 1000 / a->capacity;
	const struct route_chan *c = find_channel(a, channel);
	return c && c->max ? (long)c->load * 1000 / c->max : 0;
}

/* Is b a better pick than a under mode? (list order breaks ties: a wins) */
static int better(const struct route_agent *a, const struct route_agent *b, enum route_select mode,
		  const struct route_target *t, const char *channel)
{
	if (mode == RS_BEST_SKILL && skill_sum(a, t) != skill_sum(b, t))
		return skill_sum(b, t) > skill_sum(a, t);
	if ((mode == RS_LEAST_LOADED || mode == RS_BEST_SKILL) && load_share(a, channel) != load_share(b, channel))
		return load_share(b, channel) < load_share(a, channel);
	return b->idle_since < a->idle_since;
}

static struct rr_pointer *rr_of(route_roster *r, const char *queue)
{
	for (size_t i = 0; i < r->nrr; i++)
		if (strcmp(r->rr[i].queue, queue) == 0)
			return &r->rr[i];
	r->rr = cs_realloc(r->rr, (r->nrr + 1) * sizeof *r->rr);
	r->rr[r->nrr] = (struct rr_pointer){cs_strdup(queue), NULL};
	return &r->rr[r->nrr++];
}

/* Round robin: the first fitting agent after the one last given the queue. */
static long pick_round_robin(route_roster *r, const struct route_target *t, const char *channel, int cost)
{
	struct rr_pointer *rr = rr_of(r, t->queue);
	const struct route_agent *last = rr->last ? find_agent(r, rr->last) : NULL;
	size_t start = last ? (size_t)(last - r->agents) + 1 : 0;
	for (size_t k = 0; k < r->n; k++) {
		size_t i = (start + k) % r->n;
		if (fit_of(&r->agents[i], t, channel, cost) == FIT)
			return (long)i;
	}
	return -1;
}

static const char *const unfit_names[UNFIT_N] = {
	"", "not in the queue", "not available", "not on the channel", "channel full", "out of capacity",
	"skills below the minimum",
};

static void explain_none(const route_roster *r, const struct route_target *t, const char *channel, int cost,
			 cs_buf *why)
{
	size_t count[UNFIT_N] = {0};
	for (size_t i = 0; i < r->n; i++)
		count[fit_of(&r->agents[i], t, channel, cost)]++;
	if (r->n == count[NOT_QUEUE]) {
		cs_buf_printf(why, "no agent serves queue %s", t->queue);
		return;
	}
	cs_buf_printf(why, "no agent free in %s:", t->queue);
	const char *sep = " ";
	for (int u = NOT_AVAILABLE; u < UNFIT_N; u++)
		if (count[u]) {
			cs_buf_printf(why, "%s%zu %s", sep, count[u], unfit_names[u]);
			sep = ", ";
		}
}

long route_roster_pick(route_roster *r, const struct route_target *t, enum route_select mode, const char *channel,
		       int cost, cs_buf *why_none)
{
	long best = -1;
	if (mode == RS_ROUND_ROBIN)
		best = pick_round_robin(r, t, channel, cost);
	else
		for (size_t i = 0; i < r->n; i++)
			if (fit_of(&r->agents[i], t, channel, cost) == FIT &&
			    (best < 0 || better(&r->agents[best], &r->agents[i], mode, t, channel)))
				best = (long)i;
	if (best < 0 && why_none)
		explain_none(r, t, channel, cost, why_none);
	return best;
}

void route_roster_assign(route_roster *r, size_t agent, const char *queue, const char *channel, int cost,
			 int64_t now_ms)
{
	struct route_agent *a = &r->agents[agent];
	struct route_chan *c = find_channel(a, channel);
	if (c)
		c->load++;
	a->used += cost;
	a->assigned++;
	a->idle_since = now_ms > a->idle_since ? now_ms : a->idle_since + 1;
	struct rr_pointer *rr = rr_of(r, queue);
	free(rr->last);
	rr->last = cs_strdup(a->id);
}

/* ---- due times ---- */

static int due_before(const struct due *a, const struct due *b)
{
	return a->at != b->at ? a->at < b->at : a->tie < b->tie;
}

static void due_push(struct due_heap *h, int64_t at, uint64_t tie, void *p)
{
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 64;
		h->e = cs_realloc(h->e, h->cap * sizeof *h->e);
	}
	struct due d = {at, tie, p};
	size_t i = h->n++;
	while (i > 0 && due_before(&d, &h->e[(i - 1) / 2])) {
		h->e[i] = h->e[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	h->e[i] = d;
}

/* The first thing due at or before now, taken out: its p, else NULL. */
static void *due_pop(struct due_heap *h, int64_t now)
{
	if (!h->n || h->e[0].at > now)
		return NULL;
	void *top = h->e[0].p;
	struct due last = h->e[--h->n];
	size_t i = 0;
	for (;;) {
		size_t c = 2 * i + 1;
		if (c >= h->n)
			break;
		if (c + 1 < h->n && due_before(&h->e[c + 1], &h->e[c]))
			c++;
		if (!due_before(&h->e[c], &last))
			break;
		h->e[i] = h->e[c];
		i = c;
	}
	if (h->n)
		h->e[i] = last;
	return top;
}

/* ---- waiting ---- */

int route_wait_before(const struct route_wait *a, const struct route_wait *b)
{
	return a->priority != b->priority ? a->priority > b->priority : a->seq < b->seq;
}

static struct route_waitq *queue_of(route_roster *r, const char *filter, size_t target)
{
	for (size_t q = 0; q < r->nqueues; q++)
		if (r->queues[q].target == target && strcmp(r->queues[q].filter, filter) == 0)
			return &r->queues[q];
	r->queues = cs_realloc(r->queues, (r->nqueues + 1) * sizeof *r->queues);
	r->queues[r->nqueues] = (struct route_waitq){.filter = cs_strdup(filter), .target = target,
						     .next_widen = INT64_MAX};
	return &r->queues[r->nqueues++];
}

/* w's entry among the ends due, when its end is known (queue q). */
static struct route_wait_end *end_of(route_roster *r, const struct route_wait *w, size_t q)
{
	if (w->ends_at == INT64_MAX)
		return NULL;
	struct route_wait_end *e = cs_malloc(sizeof *e);
	*e = (struct route_wait_end){q, w->priority, w->seq, 0};
	due_push(&r->ends, w->ends_at, w->seq, e);
	return e;
}

size_t route_roster_enqueue(route_roster *r, const struct route_wait *w)
{
	struct route_waitq *q = queue_of(r, w->filter, w->target);
	if (q->n == q->cap) {
		q->cap = q->cap ? q->cap * 2 : 16;
		q->items = cs_realloc(q->items, q->cap * sizeof *q->items);
	}
	size_t at = q->n;   /* from the back: most arrive last at their priority */
	while (at > 0 && route_wait_before(w, &q->items[at - 1]))
		at--;
	memmove(q->items + at + 1, q->items + at, (q->n - at) * sizeof *q->items);
	q->items[at] = *w;
	q->items[at].conversation_id = cs_strdup(w->conversation_id);
	q->items[at].filter = q->filter;
	q->items[at].channel = cs_strdup(w->channel ? w->channel : "");
	q->items[at].customer = cs_strdup(w->customer ? w->customer : "");
	q->items[at].end = end_of(r, w, (size_t)(q - r->queues));
	q->n++;
	r->nwaiting++;
	q->next_widen = w->widen_at < q->next_widen ? w->widen_at : q->next_widen;
	if (*w->conversation_id)
		cs_map_put(&r->waiting_ids, w->conversation_id, strlen(w->conversation_id),
			   (void *)(uintptr_t)(q - r->queues + 1));
	return at + 1;
}

size_t route_roster_waiting(const route_roster *r) { return r->nwaiting; }
size_t route_roster_nqueues(const route_roster *r) { return r->nqueues; }
struct route_waitq *route_roster_queue(route_roster *r, size_t q) { return &r->queues[q]; }

void route_roster_unqueue(route_roster *r, size_t q, size_t i)
{
	struct route_waitq *wq = &r->queues[q];
	const char *id = wq->items[i].conversation_id;
	if (*id && (uintptr_t)cs_map_get(&r->waiting_ids, id, strlen(id)) == q + 1)
		cs_map_del(&r->waiting_ids, id, strlen(id));
	if (wq->items[i].end)
		wq->items[i].end->gone = 1;
	free_wait(&wq->items[i]);
	memmove(wq->items + i, wq->items + i + 1, (wq->n - i - 1) * sizeof *wq->items);
	wq->n--;
	r->nwaiting--;
}

void route_roster_requeue_times(route_roster *r, size_t q)
{
	struct route_waitq *wq = &r->queues[q];
	wq->next_widen = INT64_MAX;
	for (size_t i = 0; i < wq->n; i++)
		wq->next_widen = wq->items[i].widen_at < wq->next_widen ? wq->items[i].widen_at : wq->next_widen;
}

/* wq is in that order: the first that does not come before w, found by
 * halving, is their count. */
size_t route_waitq_ahead(const struct route_waitq *wq, const struct route_wait *w)
{
	size_t lo = 0, hi = wq->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (route_wait_before(&wq->items[mid], w))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Drop the ends at the heap's top whose conversations have left the queue. */
static void drop_gone_ends(route_roster *r)
{
	while (r->ends.n && ((struct route_wait_end *)r->ends.e[0].p)->gone)
		free(due_pop(&r->ends, INT64_MAX));
}

int64_t route_roster_next_end(route_roster *r)
{
	drop_gone_ends(r);
	return r->ends.n ? r->ends.e[0].at : INT64_MAX;
}

int route_roster_ended(route_roster *r, int64_t now, size_t *q, size_t *i)
{
	drop_gone_ends(r);
	struct route_wait_end *e = due_pop(&r->ends, now);
	if (!e)
		return 0;
	struct route_waitq *wq = &r->queues[e->q];
	struct route_wait probe = {.priority = e->priority, .seq = e->seq};
	size_t at = route_waitq_ahead(wq, &probe);
	while (at < wq->n && wq->items[at].end != e && wq->items[at].seq == e->seq)
		at++;   /* a damaged state may repeat a seq */
	if (at >= wq->n || wq->items[at].end != e)
		cs_die(CS_EXIT_INTERNAL, "a waiting conversation is not where its end says");
	wq->items[at].end = NULL;
	*q = e->q;
	*i = at;
	free(e);
	return 1;
}

int64_t route_roster_next_widen(const route_roster *r)
{
	int64_t at = INT64_MAX;
	for (size_t q = 0; q < r->nqueues; q++)
		at = r->queues[q].next_widen < at ? r->queues[q].next_widen : at;
	return at;
}

/* ---- holds ---- */

static void free_holds(route_roster *r)
{
	while (r->hold_list)
		free_hold(r, r->hold_list);
	cs_map_free(&r->holds);
	free(r->due.e);
}

static void unload(route_roster *r, const struct hold *h)
{
	struct route_agent *a = find_agent(r, h->agent);
	if (!a)
		return;
	struct route_chan *c = find_channel(a, h->channel);
	if (c && c->load > 0)
		c->load--;
	a->used = a->used > h->cost ? a->used - h->cost : 0;
}

/* A hold by the agent's name: one from the state may be of an agent the
 * agents file no longer lists, who still has the conversation. */
static void hold_named(route_roster *r, const char *conversation_id, const char *agent, const char *channel, int cost,
		       int64_t ends_at)
{
	size_t n = strlen(conversation_id);
	if (!n || cs_map_get(&r->holds, conversation_id, n))
		return;
	struct hold *h = cs_malloc(sizeof *h);
	*h = (struct hold){cs_strdup(conversation_id), cs_strdup(agent), cs_strdup(channel ? channel : ""),
			   cost, ends_at, 0, NULL, r->hold_list};
	if (r->hold_list)
		r->hold_list->prev = h;
	r->hold_list = h;
	cs_map_put(&r->holds, conversation_id, n, h);
	if (ends_at != INT64_MAX)
		due_push(&r->due, ends_at, 0, h);
}

void route_roster_hold(route_roster *r, const char *conversation_id, size_t agent, const char *channel, int cost,
		       int64_t ends_at)
{
	hold_named(r, conversation_id, r->agents[agent].id, channel, cost, ends_at);
}

const char *route_roster_holder(const route_roster *r, const char *conversation_id)
{
	const struct hold *h = cs_map_get(&r->holds, conversation_id, strlen(conversation_id));
	return h ? h->agent : NULL;
}

int route_roster_release(route_roster *r, const char *conversation_id)
{
	struct hold *h = cs_map_del(&r->holds, conversation_id, strlen(conversation_id));
	if (!h)
		return 0;
	unload(r, h);
	if (h->ends_at != INT64_MAX)
		h->released = 1;   /* the heap still points at it */
	else
		free_hold(r, h);
	return 1;
}

int64_t route_roster_next_release(route_roster *r)
{
	while (r->due.n && ((struct hold *)r->due.e[0].p)->released)
		free_hold(r, due_pop(&r->due, INT64_MAX));
	return r->due.n ? r->due.e[0].at : INT64_MAX;
}

size_t route_roster_release_due(route_roster *r, int64_t now)
{
	size_t n = 0;
	struct hold *h;
	while ((h = due_pop(&r->due, now))) {
		if (!h->released) {
			cs_map_del(&r->holds, h->conversation_id, strlen(h->conversation_id));
			unload(r, h);
			route_roster_finish(r, h->conversation_id, h->agent, h->ends_at);
			n++;
		}
		free_hold(r, h);
	}
	return n;
}

int route_roster_is_waiting(const route_roster *r, const char *conversation_id)
{
	return *conversation_id && cs_map_get(&r->waiting_ids, conversation_id, strlen(conversation_id)) != NULL;
}

int route_roster_abandon(route_roster *r, const char *conversation_id)
{
	uintptr_t q = (uintptr_t)cs_map_get(&r->waiting_ids, conversation_id, strlen(conversation_id));
	if (!q)
		return 0;
	struct route_waitq *wq = &r->queues[q - 1];
	for (size_t i = 0; i < wq->n; i++)
		if (strcmp(wq->items[i].conversation_id, conversation_id) == 0) {
			route_roster_unqueue(r, q - 1, i);
			return 1;
		}
	return 0;
}

/* ---- ended conversations ---- */

static void free_finished(route_roster *r)
{
	for (size_t i = 0; i < r->nfinished; i++) {
		free(r->finished[i]->conversation_id);
		free(r->finished[i]->agent);
		free(r->finished[i]);
	}
	free(r->finished);
	cs_map_free(&r->finished_ids);
}

static int finished_kept(const route_roster *r, int64_t ended) { return ended > r->clock - FINISHED_KEPT_MS; }

/* Forget the conversations that ended more than a day before the clock. */
static void prune_finished(route_roster *r)
{
	size_t kept = 0;
	for (size_t i = 0; i < r->nfinished; i++) {
		struct finished *f = r->finished[i];
		if (finished_kept(r, f->ended)) {
			r->finished[kept++] = f;
			continue;
		}
		cs_map_del(&r->finished_ids, f->conversation_id, strlen(f->conversation_id));
		free(f->conversation_id);
		free(f->agent);
		free(f);
	}
	r->nfinished = kept;
	r->finished_kept = kept;
}

void route_roster_finish(route_roster *r, const char *conversation_id, const char *agent, int64_t ended)
{
	size_t n = strlen(conversation_id);
	if (!n || !finished_kept(r, ended) || cs_map_get(&r->finished_ids, conversation_id, n))
		return;
	if (r->nfinished >= 2 * r->finished_kept + 64)   /* now and then: the work stays linear */
		prune_finished(r);
	if (r->nfinished == r->finished_cap) {
		r->finished_cap = r->finished_cap ? r->finished_cap * 2 : 64;
		r->finished = cs_realloc(r->finished, r->finished_cap * sizeof *r->finished);
	}
	struct finished *f = cs_malloc(sizeof *f);
	*f = (struct finished){cs_strdup(conversation_id), agent ? cs_strdup(agent) : NULL, ended};
	r->finished[r->nfinished++] = f;
	cs_map_put(&r->finished_ids, conversation_id, n, f);
}

int route_roster_finished(const route_roster *r, const char *conversation_id, const char **agent)
{
	const struct finished *f = *conversation_id ? cs_map_get(&r->finished_ids, conversation_id,
								   strlen(conversation_id))
						    : NULL;
	if (!f || !finished_kept(r, f->ended))
		return 0;
	*agent = f->agent;
	return 1;
}

/* ---- --state ---- */

static const char *const schema_sql =
	"CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value INTEGER);"
	"CREATE TABLE IF NOT EXISTS agents(id TEXT PRIMARY KEY, ord INTEGER, def TEXT, used INTEGER,"
	" idle_since INTEGER, assigned INTEGER);"
	"CREATE TABLE IF NOT EXISTS round_robin(queue TEXT PRIMARY KEY, last TEXT);"
	"CREATE TABLE IF NOT EXISTS waiting(conversation_id TEXT, filter TEXT, channel TEXT, target INTEGER,"
	" priority INTEGER, cost INTEGER, enqueued INTEGER, target_since INTEGER, widen_at INTEGER, seq INTEGER,"
	" ends_at INTEGER);"
	"CREATE TABLE IF NOT EXISTS holds(conversation_id TEXT PRIMARY KEY, agent TEXT, channel TEXT, cost INTEGER,"
	" ends_at INTEGER);"
	"CREATE TABLE IF NOT EXISTS finished(conversation_id TEXT PRIMARY KEY, agent TEXT, ended INTEGER);";

struct route_state {
	sqlite3 *db;
	char *path;
};

static int is_busy(sqlite3 *db)
{
	int code = db ? sqlite3_errcode(db) & 0xff : SQLITE_OK;
	return code == SQLITE_BUSY || code == SQLITE_LOCKED;
}

/* The error of the last call on db, and the exit status it calls for: 5
 * busy or locked, 3 a file that is not a database or is damaged (how the
 * run was set up), 4 an I/O error, a full disk among them. */
static int db_fail(sqlite3 *db, const char *path, cs_buf *err)
{
	int code = db ? sqlite3_errcode(db) & 0xff : SQLITE_CANTOPEN;
	cs_buf_reset(err);
	cs_buf_printf(err, "%s: %s", path, db ? sqlite3_errmsg(db) : "cannot open");
	if (is_busy(db)) {
		cs_buf_adds(err, " (another cs-route holds it)");
		return CS_EXIT_BUSY;
	}
	return code == SQLITE_NOTADB || code == SQLITE_CORRUPT ? CS_EXIT_CONFIG : CS_EXIT_IO;
}

/* Is the file empty, or a store cs-route wrote: its five tables, and a meta
 * table holding its clock, seq and version 1 and nothing else? Anything else
 * (a cs-answer knowledge base has a meta table too) is another program's
 * and must not be rewritten. 1 yes, 0 no, -1 when it cannot be read. */
static int is_route_store(sqlite3 *db)
{
	sqlite3_int64 objects = cs_store_number(db, "SELECT count(*) FROM sqlite_master");
	if (objects <= 0)
		return objects < 0 ? -1 : 1;
	return cs_store_number(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN"
				" ('meta', 'agents', 'round_robin', 'waiting', 'holds')") == 5 &&
	       cs_store_number(db, "SELECT count(*) FROM meta WHERE key = 'version' AND value = 1") == 1 &&
	       cs_store_number(db, "SELECT count(*) FROM meta WHERE key NOT IN ('clock', 'seq', 'version')") == 0;
}

/* A store of an earlier release has no waiting.customer: add it (empty). */
static int add_customer_column(sqlite3 *db)
{
	if (cs_store_number(db, "SELECT count(*) FROM pragma_table_info('waiting') WHERE name = 'customer'") != 0)
		return 0;
	return sqlite3_exec(db, "ALTER TABLE waiting ADD COLUMN customer TEXT NOT NULL DEFAULT ''", NULL, NULL, NULL) ==
			       SQLITE_OK
		       ? 0
		       : -1;
}

static sqlite3 *open_fail(sqlite3 *db, const char *path, cs_buf *err, int *status)
{
	*status = db_fail(db, path, err);
	sqlite3_close(db);
	return NULL;
}

/* Open the store and take its write lock, waiting up to 10 s for another
 * run. A new file is private (0600: it holds conversation and customer
 * ids). A file that is not a cs-route store is left as it is. */
static sqlite3 *db_open(const char *path, cs_buf *err, int *status)
{
	sqlite3 *db = NULL;
	if (cs_create_private(path, err) != 0) {
		*status = CS_EXIT_IO;
		return NULL;
	}
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    sqlite3_busy_timeout(db, 10000) != SQLITE_OK)
		return open_fail(db, path, err, status);
	int ours = is_route_store(db);
	if (ours < 0)
		return open_fail(db, path, err, status);
	if (!ours) {
		cs_buf_reset(err);
		cs_buf_printf(err, "%s: not a cs-route state file (left unchanged)", path);
		*status = CS_EXIT_CONFIG;
		sqlite3_close(db);
		return NULL;
	}
	if (sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, schema_sql, NULL, NULL, NULL) != SQLITE_OK || add_customer_column(db) != 0)
		return open_fail(db, path, err, status);
	return db;
}

static const char *col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? (const char *)s : "";
}

/* An agent as the JSON the agents file holds (its whole definition and load). */
static void agent_json(const struct route_agent *a, cs_buf *out)
{
	cs_jw w;
	cs_jw_init(&w, out);
	cs_jw_object(&w);
	cs_jw_key(&w, "id");
	cs_jw_cstr(&w, a->id);
	cs_jw_key(&w, "status");
	cs_jw_cstr(&w, a->status);
	cs_jw_key(&w, "skills");
	cs_jw_object(&w);
	for (size_t i = 0; i < a->nskills; i++) {
		cs_jw_key(&w, a->skills[i].name);
		cs_jw_int(&w, a->skills[i].level);
	}
	cs_jw_end_object(&w);
	cs_jw_key(&w, "channels");
	cs_jw_object(&w);
	for (size_t i = 0; i < a->nchannels; i++) {
		cs_jw_key(&w, a->channels[i].channel);
		cs_jw_int(&w, a->channels[i].max);
	}
	cs_jw_end_object(&w);
	cs_jw_key(&w, "load");
	cs_jw_object(&w);
	for (size_t i = 0; i < a->nchannels; i++) {
		cs_jw_key(&w, a->channels[i].channel);
		cs_jw_int(&w, a->channels[i].load);
	}
	cs_jw_end_object(&w);
	if (a->nqueues) {
		cs_jw_key(&w, "queues");
		cs_jw_array(&w);
		for (size_t i = 0; i < a->nqueues; i++)
			cs_jw_cstr(&w, a->queues[i]);
		cs_jw_end_array(&w);
	}
	if (a->capacity) {
		cs_jw_key(&w, "capacity");
		cs_jw_int(&w, a->capacity);
	}
	cs_jw_end_object(&w);
}

/* The load the state gives an agent of the agents file (0 on a channel it
 * does not name). Its definition there is read whole all the same, as
 * without the file: a bad one is a damaged state, not a load to take. */
static int state_load(route_roster *r, struct route_agent *a, cs_jval def, cs_buf *err)
{
	struct route_agent saved;
	const char *id = record_id(r, def, err);
	if (!id || read_agent(r, def, id, NULL, &saved, err) != 0)
		return -1;
	for (size_t i = 0; i < a->nchannels; i++) {
		const struct route_chan *c = find_channel(&saved, a->channels[i].channel);
		a->channels[i].load = c ? c->load : 0;
	}
	free_agent(&saved);
	return 0;
}

/* An agent from the state. An agents file, read before, names the roster
 * (its skills, channels, queues and status win; an agent it does not list
 * has left); the state brings load, units, idle time and counts. Without
 * one, the state's agents are the roster. */
static int state_agent(route_roster *r, sqlite3_stmt *st, cs_buf *err)
{
	const char *def = col_text(st, 1);
	struct route_agent *a = find_agent(r, col_text(st, 0));
	enum cs_jtype type;
	cs_jerr jerr;
	if (!a && r->from_file)
		return 0;
	if (cs_json_value(def, strlen(def), CS_JSON_DEFAULT_MAX_DEPTH, &type, &jerr) < 0)
		return -1;
	if (!a) {
		if (route_roster_apply(r, cs_jval_of(def, strlen(def)), err) != 0)
			return -1;
		a = find_agent(r, col_text(st, 0));
	} else if (state_load(r, a, cs_jval_of(def, strlen(def)), err) != 0)
		return -1;
	if (!a)
		return -1;
	a->used = sqlite3_column_int(st, 2);
	a->idle_since = sqlite3_column_int64(st, 3);
	a->assigned = (uint64_t)sqlite3_column_int64(st, 4);
	return 0;
}

/* A statement's rows are read: finalize it, and keep the first error (a
 * step that failed ends its loop as the last row would). */
static int finalized(sqlite3_stmt *st, int rc)
{
	int done = sqlite3_finalize(st);
	return rc == SQLITE_OK ? done : rc;
}

/* What earlier runs left: 0; -1 when SQLite fails (its error is db's);
 * -2 with err set when an agent's definition is damaged. */
static int load_rows(route_roster *r, sqlite3 *db, cs_buf *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, "SELECT id, def, used, idle_since, assigned FROM agents ORDER BY ord", -1, &st, NULL);
	while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		if (state_agent(r, st, err) != 0) {
			sqlite3_finalize(st);
			return -2;
		}
	rc = finalized(st, rc);
	rc = rc == SQLITE_OK ? sqlite3_prepare_v2(db, "SELECT queue, last FROM round_robin", -1, &st, NULL) : rc;
	while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
		struct rr_pointer *p = rr_of(r, col_text(st, 0));
		free(p->last);
		p->last = cs_strdup(col_text(st, 1));
	}
	rc = finalized(st, rc);
	rc = rc == SQLITE_OK ? sqlite3_prepare_v2(db, "SELECT conversation_id, filter, channel, target, priority, cost,"
						      " enqueued, target_since, widen_at, seq, ends_at, customer FROM waiting ORDER BY seq",
						      -1, &st, NULL)
			     : rc;
	while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
		struct route_wait w = {.conversation_id = (char *)col_text(st, 0), .filter = (char *)col_text(st, 1)};
		w.channel = (char *)col_text(st, 2);
		w.target = (size_t)sqlite3_column_int64(st, 3);
		w.priority = sqlite3_column_int(st, 4);
		w.cost = sqlite3_column_int(st, 5);
		w.enqueued = sqlite3_column_int64(st, 6);
		w.target_since = sqlite3_column_int64(st, 7);
		w.widen_at = sqlite3_column_int64(st, 8);
		w.seq = (uint64_t)sqlite3_column_int64(st, 9);
		w.ends_at = sqlite3_column_int64(st, 10);
		w.customer = (char *)col_text(st, 11);
		route_roster_enqueue(r, &w);
	}
	rc = finalized(st, rc);
	rc = rc == SQLITE_OK ? sqlite3_prepare_v2(db, "SELECT conversation_id, agent, channel, cost, ends_at FROM holds",
						      -1, &st, NULL)
			     : rc;
	while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		hold_named(r, col_text(st, 0), col_text(st, 1), col_text(st, 2), sqlite3_column_int(st, 3),
			   sqlite3_column_int64(st, 4));   /* its agent's load is in the state already */
	rc = finalized(st, rc);
	rc = rc == SQLITE_OK ? sqlite3_prepare_v2(db, "SELECT conversation_id, agent, ended FROM finished ORDER BY rowid",
						      -1, &st, NULL)
			     : rc;
	while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		route_roster_finish(r, col_text(st, 0),
				    sqlite3_column_type(st, 1) == SQLITE_NULL ? NULL : col_text(st, 1),
				    sqlite3_column_int64(st, 2));
	rc = finalized(st, rc);
	rc = rc == SQLITE_OK ? sqlite3_prepare_v2(db, "SELECT key, value FROM meta", -1, &st, NULL) : rc;
	while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
		if (strcmp(col_text(st, 0), "clock") == 0)
			r->clock = sqlite3_column_int64(st, 1);
		else if (strcmp(col_text(st, 0), "seq") == 0)
			r->seq = (uint64_t)sqlite3_column_int64(st, 1);
	}
	rc = finalized(st, rc);
	return rc == SQLITE_OK ? 0 : -1;
}

route_state *route_state_open(route_roster *r, const char *path, cs_buf *err, int *status)
{
	*status = 0;
	sqlite3 *db = db_open(path, err, status);
	if (!db)
		return NULL;
	cs_buf why = CS_BUF_INIT;
	int loaded = load_rows(r, db, &why);
	if (loaded == -1) {
		cs_buf_free(&why);
		open_fail(db, path, err, status);
		return NULL;
	}
	if (loaded != 0) {
		*status = CS_EXIT_CONFIG;
		cs_buf_reset(err);
		cs_buf_printf(err, "%s: %s", path, why.p ? why.p : "damaged state");
		cs_buf_free(&why);
		sqlite3_close(db);
		return NULL;
	}
	cs_buf_free(&why);
	route_state *st = cs_malloc(sizeof *st);
	st->db = db;
	st->path = cs_strdup(path);
	return st;
}

static int exec_bind(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int save_agents(const route_roster *r, sqlite3 *db)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "INSERT INTO agents VALUES(?1, ?2, ?3, ?4, ?5, ?6)", -1, &st, NULL) != SQLITE_OK)
		return -1;
	cs_buf def = CS_BUF_INIT;
	int status = 0;
	for (size_t i = 0; i < r->n && status == 0; i++) {
		const struct route_agent *a = &r->agents[i];
		cs_buf_reset(&def);
		agent_json(a, &def);
		sqlite3_bind_text(st, 1, a->id, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		sqlite3_bind_text(st, 3, def.p, (int)def.len, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, a->used);
		sqlite3_bind_int64(st, 5, a->idle_since);
		sqlite3_bind_int64(st, 6, (sqlite3_int64)a->assigned);
		status = exec_bind(st);
	}
	cs_buf_free(&def);
	sqlite3_finalize(st);
	return status;
}

static int save_holds(const route_roster *r, sqlite3 *db)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "INSERT INTO holds VALUES(?1, ?2, ?3, ?4, ?5)", -1, &st, NULL) != SQLITE_OK)
		return -1;
	int status = 0;
	for (const struct hold *h = r->hold_list; h && status == 0; h = h->next) {
		if (h->released)
			continue;
		sqlite3_bind_text(st, 1, h->conversation_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, h->agent, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, h->channel, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, h->cost);
		sqlite3_bind_int64(st, 5, h->ends_at);
		status = exec_bind(st);
	}
	sqlite3_finalize(st);
	return status;
}

static int save_finished(const route_roster *r, sqlite3 *db)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "INSERT INTO finished VALUES(?1, ?2, ?3)", -1, &st, NULL) != SQLITE_OK)
		return -1;
	int status = 0;
	for (size_t i = 0; i < r->nfinished && status == 0; i++) {
		const struct finished *f = r->finished[i];
		if (!finished_kept(r, f->ended))
			continue;
		sqlite3_bind_text(st, 1, f->conversation_id, -1, SQLITE_STATIC);
		if (f->agent)
			sqlite3_bind_text(st, 2, f->agent, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(st, 2);
		sqlite3_bind_int64(st, 3, f->ended);
		status = exec_bind(st);
	}
	sqlite3_finalize(st);
	return status;
}

static int save_rest(const route_roster *r, sqlite3 *db)
{
	sqlite3_stmt *st;
	int status = sqlite3_prepare_v2(db, "INSERT INTO round_robin VALUES(?1, ?2)", -1, &st, NULL) == SQLITE_OK ? 0 : -1;
	for (size_t i = 0; i < r->nrr && status == 0; i++) {
		sqlite3_bind_text(st, 1, r->rr[i].queue, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, r->rr[i].last ? r->rr[i].last : "", -1, SQLITE_STATIC);
		status = exec_bind(st);
	}
	sqlite3_finalize(st);
	if (status || sqlite3_prepare_v2(db, "INSERT INTO waiting(conversation_id, filter, channel, target, priority, cost,"
					 " enqueued, target_since, widen_at, seq, ends_at, customer)"
					 " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
					 -1, &st, NULL) != SQLITE_OK)
		return -1;
	for (size_t q = 0; q < r->nqueues; q++)
		for (size_t i = 0; i < r->queues[q].n && status == 0; i++) {
			const struct route_wait *w = &r->queues[q].items[i];
			sqlite3_bind_text(st, 1, w->conversation_id, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, w->filter, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 3, w->channel, -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 4, (sqlite3_int64)w->target);
			sqlite3_bind_int(st, 5, w->priority);
			sqlite3_bind_int(st, 6, w->cost);
			sqlite3_bind_int64(st, 7, w->enqueued);
			sqlite3_bind_int64(st, 8, w->target_since);
			sqlite3_bind_int64(st, 9, w->widen_at);
			sqlite3_bind_int64(st, 10, (sqlite3_int64)w->seq);
			sqlite3_bind_int64(st, 11, w->ends_at);
			sqlite3_bind_text(st, 12, w->customer, -1, SQLITE_STATIC);
			status = exec_bind(st);
		}
	sqlite3_finalize(st);
	if (status || save_holds(r, db) != 0 || save_finished(r, db) != 0)
		return -1;
	char meta[160];
	snprintf(meta, sizeof meta, "INSERT INTO meta VALUES('clock', %lld), ('seq', %llu), ('version', 1);",
		 (long long)r->clock, (unsigned long long)r->seq);
	return status == 0 && sqlite3_exec(db, meta, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

int route_state_commit(route_state *st, const route_roster *r, cs_buf *err)
{
	int status = 0;
	if (sqlite3_exec(st->db, "DELETE FROM agents; DELETE FROM round_robin; DELETE FROM waiting; DELETE FROM holds;"
			 " DELETE FROM finished; DELETE FROM meta;",
			 NULL, NULL, NULL) != SQLITE_OK ||
	    save_agents(r, st->db) != 0 || save_rest(r, st->db) != 0 ||
	    sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		status = db_fail(st->db, st->path, err);
	route_state_close(st);
	return status;
}

void route_state_close(route_state *st)
{
	if (!st)
		return;
	sqlite3_close(st->db);   /* an open transaction is rolled back */
	free(st->path);
	free(st);
}
