/* eng_route_agents: cs-route's agents and their load, choosing an agent for
 * a target (longest idle, least loaded, round robin, best skill match),
 * the conversations waiting in queues, and the state kept between runs in
 * SQLite (--state).
 *
 * An agent takes a conversation when it is available, serves the queue
 * (no "queues": every queue), works the channel with room left (channels:
 * the most conversations at once), has the capacity units the channel
 * costs left (capacity; none: no limit) and every required skill at the
 * minimum level or above. Ties go to the agent listed first. */
#ifndef CS_ENG_ROUTE_AGENTS_H
#define CS_ENG_ROUTE_AGENTS_H
#include <stddef.h>
#include <stdint.h>
#include "eng_route_policy.h"
#include "kit_buf.h"
#include "kit_jval.h"

struct route_level {
	char *name;
	int level;
};

struct route_chan {
	char *channel;
	int max, load;
};

struct route_agent {
	char *id;
	struct route_level *skills;
	size_t nskills;
	struct route_chan *channels;
	size_t nchannels;
	char **queues;
	size_t nqueues;
	int capacity;                    /* units; 0: no limit */
	int used;                        /* units taken */
	char *status;
	int64_t idle_since;              /* ms: the last assignment's time (longest idle) */
	uint64_t assigned;               /* conversations cs-route gave it */
};

/* A conversation waiting for an agent. */
struct route_wait {
	char *conversation_id;
	char *filter;                    /* the filter whose targets it follows, "" the defaults */
	char *channel;
	size_t target;                   /* the target it waits at */
	int priority, cost;
	int64_t enqueued, target_since;  /* ms */
	int64_t widen_at;                /* ms: when it moves to the next target; INT64_MAX never */
	uint64_t seq;                    /* arrival order */
	int64_t ends_at;                 /* ms: the conversation's end when known (a replay), else INT64_MAX */
	char *customer;                  /* the conversation's customer as the shard key reads it, raw JSON: "{"id":…}"
					  * or a scalar; "" none. Its route_update records carry it, so they split with it. */
	struct route_wait_end *end;      /* the roster's: its place among the ends due (ends_at known), else NULL */
};

typedef struct route_roster route_roster;

route_roster *route_roster_new(void);
void route_roster_free(route_roster *r);
/* The agents file (NDJSON, one agent a line): 0, or -1 with err "FILE:LINE: reason". */
int route_roster_load(route_roster *r, const char *path, cs_buf *err);
/* An agent record (from the file or the stream): adds the agent, or
 * updates the fields it names. 0, or -1 with err set to the reason and
 * the roster as it was (a bad record is left out whole). */
int route_roster_apply(route_roster *r, cs_jval agent, cs_buf *err);
size_t route_roster_count(const route_roster *r);
const struct route_agent *route_roster_agent(const route_roster *r, size_t i);
/* The work of finding agents by id so far: agents compared with an id, one
 * a lookup (they are indexed by id). */
uint64_t route_roster_id_work(const route_roster *r);

/* The agent chosen for a conversation of channel (cost units) at target t,
 * or -1; why_none gets the reason none fits (agents counted by reason). */
long route_roster_pick(route_roster *r, const struct route_target *t, enum route_select mode, const char *channel,
		       int cost, cs_buf *why_none);
void route_roster_assign(route_roster *r, size_t agent, const char *queue, const char *channel, int cost,
			 int64_t now_ms);

/* The conversations waiting at one target of one filter, best first
 * (higher priority, then earlier arrival): they all need the same agents,
 * so when the first gets none, none behind it does. */
struct route_waitq {
	char *filter;
	size_t target;
	struct route_wait *items;
	size_t n, cap;
	int64_t next_widen;              /* the earliest widen_at */
};

/* Conversations an agent holds: each assignment is held until the
 * conversation ends (its "ended", when known, once the clock passes it; or
 * a later record of it that has ended), and its load is then released. */
void route_roster_hold(route_roster *r, const char *conversation_id, size_t agent, const char *channel, int cost,
		       int64_t ends_at);
/* The agent holding the conversation, or NULL. */
const char *route_roster_holder(const route_roster *r, const char *conversation_id);
/* Release the conversation's agent now: 1, or 0 when none holds it. */
int route_roster_release(route_roster *r, const char *conversation_id);
/* Release every hold that ended at or before now; returns how many. */
size_t route_roster_release_due(route_roster *r, int64_t now);
/* When the first hold with a known end ends: INT64_MAX when none has one. */
int64_t route_roster_next_release(route_roster *r);
/* Is the conversation waiting in a queue? Take it out (it ended while
 * waiting): 1, else 0. */
int route_roster_is_waiting(const route_roster *r, const char *conversation_id);
int route_roster_abandon(route_roster *r, const char *conversation_id);

/* Remember a conversation that ended, for a day after its end: agent the
 * one released, NULL when it left the queue. Is it one, with *agent set?
 * 1, else 0. */
void route_roster_finish(route_roster *r, const char *conversation_id, const char *agent, int64_t ended);
int route_roster_finished(const route_roster *r, const char *conversation_id, const char **agent);

/* Does a wait ahead of b? (higher priority, then earlier arrival) */
int route_wait_before(const struct route_wait *a, const struct route_wait *b);
/* How many of wq's conversations come before w. */
size_t route_waitq_ahead(const struct route_waitq *wq, const struct route_wait *w);
/* Add a copy of w to its queue; returns its place there (1-based). */
size_t route_roster_enqueue(route_roster *r, const struct route_wait *w);
size_t route_roster_waiting(const route_roster *r);   /* in every queue */
size_t route_roster_nqueues(const route_roster *r);
struct route_waitq *route_roster_queue(route_roster *r, size_t q);
/* Take item i out of queue q (its strings freed). */
void route_roster_unqueue(route_roster *r, size_t q, size_t i);
/* The earliest time a waiting conversation widens (INT64_MAX: none). */
int64_t route_roster_next_widen(const route_roster *r);
/* Recompute queue q's next_widen after its items changed in place. */
void route_roster_requeue_times(route_roster *r, size_t q);
/* The earliest end of a waiting conversation (INT64_MAX: none known). */
int64_t route_roster_next_end(route_roster *r);
/* The waiting conversation that ended first at or before now (by its end,
 * then arrival): 1 with its queue and place, which the caller takes out of
 * the queue; 0 when none has. */
int route_roster_ended(route_roster *r, int64_t now, size_t *q, size_t *i);

/* The stream's clock (ms, the latest conversation time seen) and the
 * arrival counter, both kept in the state. */
int64_t route_roster_clock(const route_roster *r);
void route_roster_set_clock(route_roster *r, int64_t ms);
uint64_t route_roster_next_seq(route_roster *r);

/* --state: a SQLite store held for the whole run. Open takes its write
 * lock (waiting up to 10 s for another run) and reads what an earlier run
 * left (a new file starts empty); commit writes everything back in the
 * same transaction and closes; close alone (a failed run) changes nothing.
 * A new file is made private (0600). On failure: NULL or non-zero, with err
 * set and the exit status in *status or the result: 5 (CS_EXIT_BUSY) when
 * the store is busy or locked, 3 when the file is not a cs-route state or is
 * damaged, 4 on an I/O error (a full disk, a file that cannot be made). */
typedef struct route_state route_state;
route_state *route_state_open(route_roster *r, const char *path, cs_buf *err, int *status);
int route_state_commit(route_state *st, const route_roster *r, cs_buf *err);
void route_state_close(route_state *st);
#endif
