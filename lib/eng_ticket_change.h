/* eng_ticket_change: what changes tickets, under the rules of the state
 * machine (eng_ticket_store.h): new tickets, the changes a ticket_update
 * record or a command asks for, conversations and their messages (with the
 * moves messages make and follow-ups of closed tickets), and assignment.
 * Every change is an event; a caller puts the ticket's row when it is done
 * with it.
 *
 * A ticket_update record (tk_update_read):
 *   {"kind":"ticket_update", "ticket": id (or {"id": ...}, as cs-ticket
 *    writes it back), "ts": time (default: now), "actor": who,
 *    "status", "priority", "group", "assignee" (null clears the last two),
 *    "tags": the whole list}
 * Replayed, a change the store holds already (same ticket, time, field and
 * value) is skipped, so an audit log read twice changes nothing.
 *
 * A conversation (tk_conversation_read, cs-schema(7)) goes to its ticket:
 * the conversation's "ticket_id" when it has one, else "T-" and 12 hex
 * digits of a hash of its id; a closed ticket's follow-ups after it. Its
 * first sight creates the ticket: subject (else the first customer line),
 * channel, customer id and tier, priority, tags, group (else route.queue),
 * assignee (else route.agent), then its status once the messages are in.
 * Messages of role customer, agent or bot are appended once each, told
 * apart by conversation and message id (a message without an id by a hash
 * of its time, role and text); "public": false or "internal": true makes an
 * internal note. A customer message to a closed ticket opens a follow-up
 * ("ID-2", "ID-3", ...) with the closed ticket's attributes. */
#ifndef CS_ENG_TICKET_CHANGE_H
#define CS_ENG_TICKET_CHANGE_H
#include <stddef.h>
#include <stdint.h>
#include "eng_ticket_agents.h"
#include "eng_ticket_store.h"
#include "kit_buf.h"
#include "kit_jval.h"

#define TK_ACTOR "cs-ticket"

/* What a record or a run did, for --stats. */
struct tk_counts {
	uint64_t created, follow_ups, messages, messages_seen, changes, changes_seen, assigned;
};

/* Make a ticket with draft's attributes (its id, conversation, priority,
 * group, assignee, tags, channel, customer, subject) at ts: the created
 * event, folded into t (cleared first). */
void tk_create(tk_store *s, struct tk_ticket *t, const struct tk_ticket *draft, int64_t ts, const char *actor);

/* ---- changes ---- */

enum {
	TK_SET_STATUS = 1, TK_SET_PRIORITY = 2, TK_SET_GROUP = 4, TK_SET_ASSIGNEE = 8, TK_SET_TAGS = 16
};

struct tk_update {
	char *ticket;
	int64_t ts;
	char *actor;
	unsigned set;                    /* TK_SET_* */
	enum tk_status status;
	enum tk_priority priority;
	char *group, *assignee;          /* NULL with the bit set: clear */
	char **tags;                     /* TK_SET_TAGS: the whole list */
	size_t ntags;
	char **add, **remove;            /* tags added and taken out (after tags) */
	size_t nadd, nremove;
};

/* A ticket_update record into u (now is its ts when it has none): 0, or
 * -1 with err set to the reason and nothing held in u. */
int tk_update_read(cs_jval rec, int64_t now, struct tk_update *u, cs_buf *err);
void tk_update_free(struct tk_update *u);

/* Apply u to t: an event for each field that changes (status, priority,
 * group, assignee, tags, in that order); with replay, one the store holds
 * already is skipped. 0, or -1 with err "ticket ID cannot go from A to B"
 * and nothing changed. */
int tk_apply(tk_store *s, struct tk_ticket *t, const struct tk_update *u, int replay, struct tk_counts *n,
	     cs_buf *err);

/* ---- conversations ---- */

struct tk_msg {
	char *id, *author;
	enum tk_role role;
	int public;
	int64_t ts;
};

struct tk_conversation {
	char *id, *ticket_id;
	struct tk_ticket draft;          /* the attributes a new ticket takes */
	int has_status;
	enum tk_status status;
	int priority_unknown;            /* a "priority" none of ours: read as normal */
	int64_t started;
	struct tk_msg *msgs;
	size_t nmsgs;
};

/* A conversation record into c: 0, or -1 with err set and nothing held in
 * c. A message without a time takes the one before it, else the
 * conversation's start, else now. */
int tk_conversation_read(cs_jval rec, int64_t now, struct tk_conversation *c, cs_buf *err);
void tk_conversation_free(struct tk_conversation *c);

/* The ticket id of a conversation id: "T-" and 12 hex digits (seed 0; the
 * next seeds when that id is another conversation's). */
void tk_conversation_ticket_id(const char *conversation_id, unsigned seed, cs_buf *out);

/* Take the conversation in: find or create its ticket, append the messages
 * not seen yet. t gets the ticket the conversation is on now. */
void tk_take_conversation(tk_store *s, const struct tk_conversation *c, struct tk_ticket *t, struct tk_counts *n);

/* ---- assignment ---- */

/* Give t an agent from the roster when it has a group, no assignee and is
 * not solved or closed: 1 when it got one. */
int tk_auto_assign(tk_store *s, const tk_roster *r, enum tk_assign_mode mode, struct tk_ticket *t, int64_t ts);
#endif
