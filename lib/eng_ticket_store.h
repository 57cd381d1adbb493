/* eng_ticket_store: cs-ticket's tickets, their state machine and the SQLite
 * store (--db) that keeps them, event-sourced.
 *
 * Every change to a ticket is an event, appended in order (seq); the ticket
 * table holds each ticket's current state, and is what folding its events in
 * seq order gives (tk_fold): `cs-ticket recompute` rebuilds it from the
 * events alone. The tables:
 *
 *   event(seq INTEGER PRIMARY KEY, ticket TEXT, ts INTEGER, actor TEXT,
 *         action TEXT, field TEXT, old TEXT, new TEXT, data TEXT)
 *     ts in milliseconds since 1970 (UTC); action one of
 *       created    data: the first state {"conversation_id", "priority",
 *                  "group", "assignee", "tags", "channel", "customer":{"id",
 *                  "tier"}, "subject"}, the members known; status is new
 *       message    data: {"id", "conversation_id", "role": customer, agent
 *                  or bot, "public": true or false, "ts"}
 *       status, priority, group, assignee, tags
 *                  field: the same name; old and new: the values before and
 *                  after (NULL for none; tags as a JSON array, sorted)
 *       follow_up  field: follow_up_of; new: the closed ticket this one
 *                  follows up
 *     Other actions may be appended (the SLA clock's): they leave the
 *     ticket as it is (tk_event_changes_ticket). Events of one ticket are
 *     in seq order, the order they were applied in; their ts need not rise
 *     (an audit log replayed after newer conversations keeps its own times).
 *   ticket(id TEXT PRIMARY KEY, conversation_id, status, priority, grp,
 *          assignee, tags, channel, customer_id, customer_tier, subject,
 *          created, updated, follow_up_of)
 *     created is the created event's ts, updated the latest ts of any event.
 *   turn(grp, agent): the agent last given a ticket of the group (round robin).
 *   meta(key, value): format, next_id (numbers for `cs-ticket create`).
 *
 * The state machine (tk_can_move):
 *   new      -> open, pending, on_hold, solved, closed
 *   open     -> pending, on_hold, solved, closed
 *   pending  -> open, on_hold, solved, closed
 *   on_hold  -> open, pending, solved, closed
 *   solved   -> open (reopened), closed
 *   closed   -> nothing: a customer message to a closed ticket opens a new
 *               ticket that follows it up (follow_up_of)
 * Messages move a ticket by themselves: an agent's public reply to a new
 * ticket opens it; a customer message to a pending or solved one opens it
 * again. Setting the status a ticket has already is no change.
 *
 * Store errors during a run (a full disk, a damaged file) end it with exit 4
 * naming the file; a store another run holds past the busy timeout, exit 5. */
#ifndef CS_ENG_TICKET_STORE_H
#define CS_ENG_TICKET_STORE_H
#include <stddef.h>
#include <stdint.h>
#include "kit_buf.h"
#include "kit_jw.h"

enum tk_status { TK_NEW, TK_OPEN, TK_PENDING, TK_ON_HOLD, TK_SOLVED, TK_CLOSED, TK_NSTATUS };
enum tk_priority { TK_LOW, TK_NORMAL, TK_HIGH, TK_URGENT, TK_NPRIORITY };

const char *tk_status_name(enum tk_status s);
const char *tk_priority_name(enum tk_priority p);
/* The value named s: 0, or -1 when s names none. */
int tk_status_of(const char *s, enum tk_status *out);
int tk_priority_of(const char *s, enum tk_priority *out);
/* A conversation's "priority" as its source names it: ours in any case, or
 * lowest, medium, highest, critical; 0, or -1 when none of these. */
int tk_priority_from_source(const char *s, enum tk_priority *out);
/* May a ticket in from move to to? (to == from is no move: 0) */
int tk_can_move(enum tk_status from, enum tk_status to);
/* Solved and closed tickets are done; the others count as open work. */
int tk_status_done(enum tk_status s);

struct tk_ticket {
	char *id, *conversation_id;
	enum tk_status status;
	enum tk_priority priority;
	char *group, *assignee;          /* NULL: none */
	char **tags;                     /* sorted, no repeats */
	size_t ntags;
	char *channel, *customer_id, *customer_tier, *subject, *follow_up_of;   /* NULL: not known */
	int64_t created, updated;        /* ms */
};

void tk_ticket_clear(struct tk_ticket *t);   /* frees what it holds; zeroed */
/* Set a string member (NULL or "" clears it). */
void tk_set_str(char **member, const char *value);
/* Tags: add one (1 if it was new), take one out (1 if it was there), and
 * the list as a JSON array into out (appended). */
int tk_tag_add(struct tk_ticket *t, const char *tag);
int tk_tag_remove(struct tk_ticket *t, const char *tag);
void tk_tags_json(char *const *tags, size_t n, cs_buf *out);
/* A JSON array of strings into a sorted list without repeats: 0, or -1 when
 * it is something else. */
int tk_tags_parse(const char *json, size_t n, char ***tags, size_t *ntags);
void tk_tags_free(char **tags, size_t n);

/* The time now, ms since 1970 (UTC). */
int64_t tk_now(void);

/* JSON the ticket modules write: "key":"value" when value is not NULL, and
 * a time (ms) as RFC 3339 UTC, with milliseconds when it has them. */
void tk_jw_str(cs_jw *w, const char *key, const char *value);
void tk_jw_time(cs_jw *w, const char *key, int64_t ms);
/* "tags":[...] when t has tags; "customer":{"id","tier"} when it knows one. */
void tk_jw_tags(cs_jw *w, const struct tk_ticket *t);
void tk_jw_customer(cs_jw *w, const struct tk_ticket *t);

struct tk_event {
	int64_t seq;                     /* 0 until appended */
	const char *ticket;
	int64_t ts;
	const char *actor, *action;
	const char *field, *old, *new_;  /* NULL for none */
	const char *data;                /* JSON, or NULL */
};

/* Is the event one of the ticket's own (created, message, or a change of
 * status, priority, group, assignee, tags or follow_up_of)? Events of other
 * actions (the SLA clock's alerts) are kept with the ticket's but leave it
 * as it is. */
int tk_event_changes_ticket(const struct tk_event *e);
/* Apply one event to the ticket's state, as recompute does: created sets
 * the first state from its data, a change sets its field, and each of the
 * ticket's own events moves updated on to its ts when later. */
void tk_fold(struct tk_ticket *t, const struct tk_event *e);

/* A message event's data, read back. */
enum tk_role { TK_CUSTOMER, TK_AGENT, TK_BOT };
struct tk_message {
	const char *id, *conversation_id;   /* into the caller's scratch buffers */
	enum tk_role role;
	int public;
	int64_t ts;
};
const char *tk_role_name(enum tk_role r);
int tk_role_of(const char *s, enum tk_role *out);   /* 0, or -1 */
/* 0, or -1 when e is no message event or its data is damaged. id and
 * conversation_id point into idbuf and convbuf. */
int tk_event_message(const struct tk_event *e, struct tk_message *m, cs_buf *idbuf, cs_buf *convbuf);

/* ---- the store ---- */

typedef struct tk_store tk_store;

/* Open the store. write: create the file (mode 0600) when missing, make it
 * WAL, and create the tables; else the file must exist. NULL with err set
 * and *status an exit code: 3 not a cs-ticket store, 4 cannot open or
 * read, 5 busy (another run holds it past the 10 s busy timeout). */
tk_store *tk_store_open(const char *path, int write, cs_buf *err, int *status);
/* Close; a transaction still open is rolled back. */
void tk_store_close(tk_store *s);
const char *tk_store_path(const tk_store *s);

/* Transactions: begin takes the write lock (BEGIN IMMEDIATE, waiting up to
 * the busy timeout), or a read snapshot (read-only stores); commit ends it.
 * in_tx: one is open. A record's changes go inside a savepoint, so a bad
 * record takes back what it did (tk_store_mark, tk_store_undo, tk_store_keep). */
void tk_store_begin(tk_store *s);
void tk_store_commit(tk_store *s);
int tk_store_in_tx(const tk_store *s);
void tk_store_mark(tk_store *s);
void tk_store_undo(tk_store *s);
void tk_store_keep(tk_store *s);

/* The ticket id: 1 and *t filled (cleared first), or 0 when there is none. */
int tk_store_get(tk_store *s, const char *id, struct tk_ticket *t);
/* Write the ticket's row (insert or replace). */
void tk_store_put(tk_store *s, const struct tk_ticket *t);
/* Append an event of t (e->ticket is t's id) and fold it into t; returns
 * its seq. The row is the caller's to put once the record is done. */
int64_t tk_store_append(tk_store *s, struct tk_ticket *t, struct tk_event *e);

/* Has the conversation's message id been appended to any ticket? */
int tk_store_has_message(tk_store *s, const char *conversation_id, const char *message_id);
/* Is there an event of the ticket with this ts, action and new value? (a
 * replayed change) */
int tk_store_has_change(tk_store *s, const char *ticket, int64_t ts, const char *action, const char *new_);
/* The ticket that follows up id (into out), or NULL. */
const char *tk_store_follow_up(tk_store *s, const char *id, cs_buf *out);
/* Open tickets (not solved or closed) assigned to agent. */
int64_t tk_store_load(tk_store *s, const char *agent);
/* The round-robin turn of a group: the agent last given one (into out, or
 * NULL), and setting it. */
const char *tk_store_turn(tk_store *s, const char *group, cs_buf *out);
void tk_store_set_turn(tk_store *s, const char *group, const char *agent);
/* The next number for a ticket made by `cs-ticket create` (kept in meta). */
int64_t tk_store_next_number(tk_store *s);

/* ---- readers (for show, list, export, history, and the SLA clock) ----
 * A reader runs inside the caller's transaction when one is open (else each
 * reader's statement sees a snapshot of its own: open one with
 * tk_store_begin to read several things alike) and calls fn for each row
 * until fn returns non-zero, which it returns (else 0). The row (event,
 * ticket) is valid during the call only. fn may read the store, other
 * readers included; it should not write the table it is iterating (SQLite
 * may or may not show it the rows it writes): collect the ids first, then
 * change them. */

/* One ticket's events in seq order. */
int tk_store_each_event(tk_store *s, const char *ticket, int (*fn)(const struct tk_event *e, void *ctx), void *ctx);

struct tk_query {
	unsigned statuses;               /* bits 1u << enum tk_status; 0: any */
	const char *group, *assignee;    /* NULL: any */
};
#define TK_OPEN_WORK ((1u << TK_NEW) | (1u << TK_OPEN) | (1u << TK_PENDING) | (1u << TK_ON_HOLD))
/* The tickets that match q, by id. */
int tk_store_each_ticket(tk_store *s, const struct tk_query *q, int (*fn)(const struct tk_ticket *t, void *ctx),
			 void *ctx);

/* Rebuild the ticket table from the events, in the caller's write
 * transaction; counts into *tickets and *events. */
void tk_store_recompute(tk_store *s, uint64_t *tickets, uint64_t *events);
#endif
