/* eng_ticket_change: new tickets, changes, conversations, assignment (see eng_ticket_change.h). */
#include "eng_ticket_change.h"
#include "kit_hash.h"
#include "kit_jw.h"
#include "kit_mem.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SUBJECT_CHARS 80

/* ---- new tickets ---- */

/* The created event's data: the attributes known. */
static void created_data(const struct tk_ticket *d, cs_buf *out)
{
	cs_jw w;
	cs_jw_init(&w, out);
	cs_jw_object(&w);
	tk_jw_str(&w, "conversation_id", d->conversation_id);
	tk_jw_str(&w, "priority", tk_priority_name(d->priority));
	tk_jw_str(&w, "group", d->group);
	tk_jw_str(&w, "assignee", d->assignee);
	tk_jw_tags(&w, d);
	tk_jw_str(&w, "channel", d->channel);
	tk_jw_customer(&w, d);
	tk_jw_str(&w, "subject", d->subject);
	cs_jw_end_object(&w);
}

void tk_create(tk_store *s, struct tk_ticket *t, const struct tk_ticket *draft, int64_t ts, const char *actor)
{
	cs_buf data = CS_BUF_INIT;
	created_data(draft, &data);
	tk_ticket_clear(t);
	struct tk_event e = {.ticket = draft->id, .ts = ts, .actor = actor, .action = "created", .data = data.p};
	tk_store_append(s, t, &e);
	cs_buf_free(&data);
}

/* ---- changes ---- */

void tk_update_free(struct tk_update *u)
{
	free(u->ticket);
	free(u->actor);
	free(u->group);
	free(u->assignee);
	tk_tags_free(u->tags, u->ntags);
	tk_tags_free(u->add, u->nadd);
	tk_tags_free(u->remove, u->nremove);
	*u = (struct tk_update){0};
}

/* A string or number member as text (NULL when absent or another type). */
static const char *text_of(cs_jval v, cs_buf *scratch)
{
	return v.t == CS_J_STRING || v.t == CS_J_NUMBER ? cs_jtext(v, scratch) : NULL;
}

/* A string member's text, or NULL when it is another type. */
static const char *string_of(cs_jval v, cs_buf *scratch) { return v.t == CS_J_STRING ? cs_jtext(v, scratch) : NULL; }

/* "group" or "assignee": a string, or null to clear. */
static int read_clearable(cs_jval v, const char *name, char **out, cs_buf *scratch, cs_buf *err)
{
	if (v.t == CS_J_NULL)
		return 0;
	const char *s = string_of(v, scratch);
	if (!s) {
		cs_buf_printf(err, "\"%s\" must be a string, or null to clear it", name);
		return -1;
	}
	tk_set_str(out, s);
	return 0;
}

#define STATUS_NAMES "new, open, pending, on_hold, solved or closed"
#define PRIORITY_NAMES "low, normal, high or urgent"

static void not_one_of(cs_buf *err, const char *name, const char *s, const char *names)
{
	cs_buf_printf(err, "\"%s\": '%.60s' is not %s", name, s ? s : "(not a string)", names);
}

static int read_changes(cs_jval rec, struct tk_update *u, cs_buf *scratch, cs_buf *err)
{
	cs_jval v;
	const char *s;
	if ((v = cs_jget(rec, "status")).t != CS_J_NONE) {
		if (tk_status_of((s = string_of(v, scratch)), &u->status) != 0) {
			not_one_of(err, "status", s, STATUS_NAMES);
			return -1;
		}
		u->set |= TK_SET_STATUS;
	}
	if ((v = cs_jget(rec, "priority")).t != CS_J_NONE) {
		if (tk_priority_of((s = string_of(v, scratch)), &u->priority) != 0) {
			not_one_of(err, "priority", s, PRIORITY_NAMES);
			return -1;
		}
		u->set |= TK_SET_PRIORITY;
	}
	if ((v = cs_jget(rec, "group")).t != CS_J_NONE) {
		if (read_clearable(v, "group", &u->group, scratch, err) != 0)
			return -1;
		u->set |= TK_SET_GROUP;
	}
	if ((v = cs_jget(rec, "assignee")).t != CS_J_NONE) {
		if (read_clearable(v, "assignee", &u->assignee, scratch, err) != 0)
			return -1;
		u->set |= TK_SET_ASSIGNEE;
	}
	if ((v = cs_jget(rec, "tags")).t != CS_J_NONE) {
		if (v.t != CS_J_ARRAY || tk_tags_parse(v.p, v.n, &u->tags, &u->ntags) != 0) {
			cs_buf_printf(err, "\"tags\" must be an array of strings");
			return -1;
		}
		u->set |= TK_SET_TAGS;
	}
	return 0;
}

/* The ticket, the time and the actor of a ticket_update. */
static int read_head(cs_jval rec, struct tk_update *u, cs_buf *scratch, cs_buf *err)
{
	cs_jval ticket = cs_jget(rec, "ticket");
	if (ticket.t == CS_J_OBJECT)
		ticket = cs_jget(ticket, "id");
	if (ticket.t == CS_J_NONE)
		ticket = cs_jget(rec, "ticket_id");
	const char *id = text_of(ticket, scratch);
	if (!id || !*id) {
		cs_buf_printf(err, "a ticket_update needs \"ticket\", the ticket's id");
		return -1;
	}
	u->ticket = cs_strdup(id);
	cs_jval ts = cs_jget(rec, "ts"), actor = cs_jget(rec, "actor");
	if (cs_jis(ts) && cs_jtime(ts, &u->ts) != 0) {
		cs_buf_printf(err, "\"ts\" is not a time");
		return -1;
	}
	if (cs_jis(actor)) {
		const char *who = text_of(actor, scratch);
		if (!who) {
			cs_buf_printf(err, "\"actor\" must be a string");
			return -1;
		}
		tk_set_str(&u->actor, who);
	}
	return 0;
}

int tk_update_read(cs_jval rec, int64_t now, struct tk_update *u, cs_buf *err)
{
	cs_buf scratch = CS_BUF_INIT;
	*u = (struct tk_update){.ts = now};
	int status = read_head(rec, u, &scratch, err);
	if (status == 0)
		status = read_changes(rec, u, &scratch, err);
	if (status == 0 && !u->set) {
		cs_buf_printf(err, "a ticket_update needs status, priority, group, assignee or tags");
		status = -1;
	}
	if (status != 0)
		tk_update_free(u);
	cs_buf_free(&scratch);
	return status;
}

static int same_str(const char *a, const char *b) { return a && b ? strcmp(a, b) == 0 : a == b; }

/* One field's change: an event unless the value is the same, or (replay)
 * the store has it already. */
static void change(tk_store *s, struct tk_ticket *t, const struct tk_update *u, int replay, const char *field,
		   const char *old, const char *new_, struct tk_counts *n)
{
	if (same_str(old, new_)) {   /* the ticket has it: seen, when the store holds this change */
		if (replay && tk_store_has_change(s, t->id, u->ts, field, new_))
			n->changes_seen++;
		return;
	}
	if (replay && tk_store_has_change(s, t->id, u->ts, field, new_)) {
		n->changes_seen++;
		return;
	}
	/* old may point into t, which the event changes: copy it first. */
	char *was = old ? cs_strdup(old) : NULL;
	struct tk_event e = {.ticket = t->id, .ts = u->ts, .actor = u->actor ? u->actor : TK_ACTOR, .action = field,
			     .field = field, .old = was, .new_ = new_};
	tk_store_append(s, t, &e);
	free(was);
	n->changes++;
}

/* The tags t would have after u, as JSON. */
static void tags_after(const struct tk_ticket *t, const struct tk_update *u, cs_buf *out)
{
	struct tk_ticket next = {0};
	if (u->set & TK_SET_TAGS)
		for (size_t i = 0; i < u->ntags; i++)
			tk_tag_add(&next, u->tags[i]);
	else
		for (size_t i = 0; i < t->ntags; i++)
			tk_tag_add(&next, t->tags[i]);
	for (size_t i = 0; i < u->nadd; i++)
		tk_tag_add(&next, u->add[i]);
	for (size_t i = 0; i < u->nremove; i++)
		tk_tag_remove(&next, u->remove[i]);
	tk_tags_json(next.tags, next.ntags, out);
	tk_ticket_clear(&next);
}

int tk_apply(tk_store *s, struct tk_ticket *t, const struct tk_update *u, int replay, struct tk_counts *n,
	     cs_buf *err)
{
	if ((u->set & TK_SET_STATUS) && u->status != t->status &&
	    !(replay && tk_store_has_change(s, t->id, u->ts, "status", tk_status_name(u->status))) &&
	    !tk_can_move(t->status, u->status)) {
		cs_buf_printf(err, "ticket %s cannot go from %s to %s", t->id, tk_status_name(t->status),
			      tk_status_name(u->status));
		return -1;
	}
	if (u->set & TK_SET_STATUS)
		change(s, t, u, replay, "status", tk_status_name(t->status), tk_status_name(u->status), n);
	if (u->set & TK_SET_PRIORITY)
		change(s, t, u, replay, "priority", tk_priority_name(t->priority), tk_priority_name(u->priority), n);
	if (u->set & TK_SET_GROUP)
		change(s, t, u, replay, "group", t->group, u->group, n);
	if (u->set & TK_SET_ASSIGNEE)
		change(s, t, u, replay, "assignee", t->assignee, u->assignee, n);
	if ((u->set & TK_SET_TAGS) || u->nadd || u->nremove) {
		cs_buf old = CS_BUF_INIT, now = CS_BUF_INIT;
		tk_tags_json(t->tags, t->ntags, &old);
		tags_after(t, u, &now);
		change(s, t, u, replay, "tags", old.p, now.p, n);
		cs_buf_free(&old);
		cs_buf_free(&now);
	}
	return 0;
}

/* ---- conversations ---- */

void tk_conversation_free(struct tk_conversation *c)
{
	free(c->id);
	free(c->ticket_id);
	tk_ticket_clear(&c->draft);
	for (size_t i = 0; i < c->nmsgs; i++) {
		free(c->msgs[i].id);
		free(c->msgs[i].author);
	}
	free(c->msgs);
	*c = (struct tk_conversation){0};
}

void tk_conversation_ticket_id(const char *conversation_id, unsigned seed, cs_buf *out)
{
	uint64_t h = cs_hash64(conversation_id, strlen(conversation_id), 0x7469636b6574ull + seed);
	cs_buf_reset(out);
	cs_buf_printf(out, "T-%012llx", (unsigned long long)(h >> 16));
}

/* The first line of text, at most SUBJECT_CHARS characters, as a subject. */
static char *subject_of(const char *text)
{
	size_t at = strspn(text, " \t\r\n"), end = at, chars = 0;
	while (text[end] && text[end] != '\n' && text[end] != '\r' && chars < SUBJECT_CHARS) {
		end++;
		while (((unsigned char)text[end] & 0xc0) == 0x80)
			end++;
		chars++;
	}
	while (end > at && (text[end - 1] == ' ' || text[end - 1] == '\t'))
		end--;
	return end > at ? cs_strndup(text + at, end - at) : NULL;
}

struct msg_reading {
	struct tk_conversation *c;
	int64_t last_ts;
	size_t index;
	cs_buf scratch, text;
	cs_buf *err;
};

/* A message without an id: a hash of its place, role, time as given and
 * text, the same each time the conversation is read (a time the message
 * lacks is not part of it: that one changes from run to run). */
static char *made_id(size_t index, enum tk_role role, cs_jval ts, const char *text)
{
	char buf[64];
	uint64_t place = index;
	uint64_t h = cs_hash64(&place, sizeof place, (uint64_t)role + 1);
	h = cs_hash64(ts.p ? ts.p : "", ts.p ? ts.n : 0, h);
	h = cs_hash64(text ? text : "", text ? strlen(text) : 0, h);
	snprintf(buf, sizeof buf, "#%016llx", (unsigned long long)h);
	return cs_strdup(buf);
}

static int read_message(cs_jval m, void *ctx)
{
	struct msg_reading *r = ctx;
	size_t i = r->index++;
	enum tk_role role;
	if (m.t != CS_J_OBJECT) {
		cs_buf_printf(r->err, "messages[%zu] is not an object", i);
		return 1;
	}
	if (tk_role_of(cs_jtext(cs_jget(m, "role"), &r->scratch), &role) != 0)
		return 0;   /* system messages and the like make no event */
	cs_jval ts = cs_jget(m, "ts");
	int64_t ms = r->last_ts;
	if (cs_jis(ts) && cs_jtime(ts, &ms) != 0) {
		cs_buf_printf(r->err, "messages[%zu]: \"ts\" is not a time", i);
		return 1;
	}
	r->last_ts = ms;
	const char *text = cs_jtext(cs_jget(m, "text"), &r->text);
	struct tk_conversation *c = r->c;
	if (role == TK_CUSTOMER && !c->draft.subject && text)
		c->draft.subject = subject_of(text);
	const char *id = text_of(cs_jget(m, "id"), &r->scratch);
	struct tk_msg msg = {.id = id && *id ? cs_strdup(id) : made_id(i, role, ts, text), .role = role, .ts = ms};
	msg.author = cs_jtext(cs_jget(m, "author"), &r->scratch) ? cs_strdup(r->scratch.p) : NULL;
	cs_jval pub = cs_jget(m, "public");
	msg.public = role == TK_CUSTOMER || (pub.t == CS_J_TRUE || pub.t == CS_J_FALSE ? pub.t == CS_J_TRUE
							: !cs_jbool(cs_jget(m, "internal"), 0));
	c->msgs = cs_realloc(c->msgs, (c->nmsgs + 1) * sizeof *c->msgs);
	c->msgs[c->nmsgs++] = msg;
	return 0;
}

static void read_attributes(cs_jval rec, struct tk_conversation *c, cs_buf *scratch)
{
	struct tk_ticket *d = &c->draft;
	cs_jval route = cs_jget(rec, "route"), customer = cs_jget(rec, "customer");
	tk_set_str(&d->channel, cs_jtext(cs_jget(rec, "channel"), scratch));
	tk_set_str(&d->customer_id, text_of(cs_jget(customer, "id"), scratch));
	tk_set_str(&d->customer_tier, text_of(cs_jget(customer, "tier"), scratch));
	tk_set_str(&d->subject, cs_jtext(cs_jget(rec, "subject"), scratch));
	const char *priority = cs_jtext(cs_jget(rec, "priority"), scratch);
	if (tk_priority_from_source(priority, &d->priority) != 0) {
		d->priority = TK_NORMAL;
		c->priority_unknown = priority != NULL;
	}
	c->has_status = tk_status_of(cs_jtext(cs_jget(rec, "status"), scratch), &c->status) == 0;
	cs_jval group = cs_jget(rec, "group"), assignee = cs_jget(rec, "assignee");
	tk_set_str(&d->group, text_of(cs_jis(group) ? group : cs_jget(route, "queue"), scratch));
	tk_set_str(&d->assignee, text_of(cs_jis(assignee) ? assignee : cs_jget(route, "agent"), scratch));
	cs_jval tags = cs_jget(rec, "tags");
	if (tags.t == CS_J_ARRAY && tk_tags_parse(tags.p, tags.n, &d->tags, &d->ntags) != 0)
		d->ntags = 0;
}

int tk_conversation_read(cs_jval rec, int64_t now, struct tk_conversation *c, cs_buf *err)
{
	cs_buf scratch = CS_BUF_INIT;
	*c = (struct tk_conversation){0};
	tk_ticket_clear(&c->draft);
	const char *id = text_of(cs_jget(rec, "id"), &scratch);
	if (!id || !*id) {
		cs_buf_printf(err, "a conversation needs an \"id\"");
		cs_buf_free(&scratch);
		return -1;
	}
	c->id = cs_strdup(id);
	tk_set_str(&c->ticket_id, text_of(cs_jget(rec, "ticket_id"), &scratch));
	tk_set_str(&c->draft.conversation_id, c->id);
	read_attributes(rec, c, &scratch);
	cs_jval started = cs_jget(rec, "started");
	c->started = now;
	if (cs_jis(started) && cs_jtime(started, &c->started) != 0) {
		cs_buf_printf(err, "\"started\" is not a time");
		cs_buf_free(&scratch);
		tk_conversation_free(c);
		return -1;
	}
	struct msg_reading r = {c, c->started, 0, CS_BUF_INIT, CS_BUF_INIT, err};
	cs_jval msgs = cs_jget(rec, "messages");
	int bad = msgs.t != CS_J_NONE && msgs.t != CS_J_NULL && msgs.t != CS_J_ARRAY;
	if (bad)
		cs_buf_printf(err, "\"messages\" must be an array");
	else
		bad = cs_jeach(msgs, read_message, &r);
	/* Without "started", the ticket is as old as the first message. */
	if (!cs_jis(started) && c->nmsgs)
		c->started = c->msgs[0].ts;
	cs_buf_free(&r.scratch);
	cs_buf_free(&r.text);
	cs_buf_free(&scratch);
	if (bad)
		tk_conversation_free(c);
	return bad ? -1 : 0;
}

/* The conversation's first ticket: its id into id (the conversation's
 * ticket_id, else the hash, passing over ids another conversation holds). */
static int first_ticket(tk_store *s, const struct tk_conversation *c, struct tk_ticket *t, cs_buf *id)
{
	if (c->ticket_id) {
		cs_buf_reset(id);
		cs_buf_adds(id, c->ticket_id);
		return tk_store_get(s, id->p, t);
	}
	for (unsigned seed = 0;; seed++) {
		tk_conversation_ticket_id(c->id, seed, id);
		if (!tk_store_get(s, id->p, t))
			return 0;
		if (same_str(t->conversation_id, c->id))
			return 1;
	}
}

/* Follow the follow-ups to the ticket the conversation is on now; how many
 * tickets the chain holds. (The bound stops a loop a damaged store could
 * hold.) */
static unsigned latest_ticket(tk_store *s, struct tk_ticket *t)
{
	cs_buf next = CS_BUF_INIT;
	unsigned depth = 1;
	while (depth < 100000 && tk_store_follow_up(s, t->id, &next) && tk_store_get(s, next.p, t))
		depth++;
	cs_buf_free(&next);
	return depth;
}

static void move(tk_store *s, struct tk_ticket *t, enum tk_status to, int64_t ts, const char *actor,
		 struct tk_counts *n)
{
	struct tk_update u = {.ts = ts, .actor = (char *)actor, .set = TK_SET_STATUS, .status = to};
	change(s, t, &u, 0, "status", tk_status_name(t->status), tk_status_name(to), n);
}

/* A customer wrote to a closed ticket: t becomes its follow-up. */
static void follow_up(tk_store *s, struct tk_ticket *t, const char *root, unsigned *depth, int64_t ts,
		      struct tk_counts *n)
{
	struct tk_ticket draft = *t, probe = {0};
	cs_buf id = CS_BUF_INIT;
	do {
		cs_buf_reset(&id);
		cs_buf_printf(&id, "%s-%u", root, ++*depth);
	} while (tk_store_get(s, id.p, &probe));
	tk_ticket_clear(&probe);
	tk_store_put(s, t);
	char *closed = cs_strdup(t->id);
	draft.id = id.p;
	struct tk_ticket fresh = {0};
	tk_create(s, &fresh, &draft, ts, TK_ACTOR);
	struct tk_event e = {.ticket = fresh.id, .ts = ts, .actor = TK_ACTOR, .action = "follow_up",
			     .field = "follow_up_of", .new_ = closed};
	tk_store_append(s, &fresh, &e);
	tk_ticket_clear(t);
	*t = fresh;
	free(closed);
	cs_buf_free(&id);
	n->follow_ups++;
}

static void message_data(const struct tk_conversation *c, const struct tk_msg *m, cs_buf *out)
{
	cs_jw w;
	cs_buf_reset(out);
	cs_jw_init(&w, out);
	cs_jw_object(&w);
	tk_jw_str(&w, "id", m->id);
	tk_jw_str(&w, "conversation_id", c->id);
	tk_jw_str(&w, "role", tk_role_name(m->role));
	cs_jw_key(&w, "public");
	cs_jw_bool(&w, m->public);
	tk_jw_time(&w, "ts", m->ts);
	cs_jw_end_object(&w);
}

static const char *actor_of(const struct tk_conversation *c, const struct tk_msg *m)
{
	if (m->author)
		return m->author;
	if (m->role == TK_CUSTOMER && c->draft.customer_id)
		return c->draft.customer_id;
	return tk_role_name(m->role);
}

/* Append one message, with the move it makes. */
static void add_message(tk_store *s, const struct tk_conversation *c, const struct tk_msg *m, struct tk_ticket *t,
			cs_buf *data, struct tk_counts *n)
{
	const char *actor = actor_of(c, m);
	message_data(c, m, data);
	struct tk_event e = {.ticket = t->id, .ts = m->ts, .actor = actor, .action = "message", .data = data->p};
	tk_store_append(s, t, &e);
	n->messages++;
	if (m->role == TK_AGENT && m->public && t->status == TK_NEW)
		move(s, t, TK_OPEN, m->ts, actor, n);
	else if (m->role == TK_CUSTOMER && (t->status == TK_PENDING || t->status == TK_SOLVED))
		move(s, t, TK_OPEN, m->ts, actor, n);
}

void tk_take_conversation(tk_store *s, const struct tk_conversation *c, struct tk_ticket *t, struct tk_counts *n)
{
	cs_buf root = CS_BUF_INIT, data = CS_BUF_INIT;
	uint64_t events_before = n->created + n->follow_ups + n->messages + n->changes;
	int found = first_ticket(s, c, t, &root);
	unsigned depth = 1;
	if (found) {
		depth = latest_ticket(s, t);
	} else {
		struct tk_ticket draft = c->draft;
		draft.id = root.p;
		tk_create(s, t, &draft, c->started, TK_ACTOR);
		n->created++;
	}
	for (size_t i = 0; i < c->nmsgs; i++) {
		const struct tk_msg *m = &c->msgs[i];
		if (tk_store_has_message(s, c->id, m->id)) {
			n->messages_seen++;
			continue;
		}
		if (t->status == TK_CLOSED && m->role == TK_CUSTOMER)
			follow_up(s, t, root.p, &depth, m->ts, n);
		add_message(s, c, m, t, &data, n);
	}
	/* The conversation's own status counts on its first sight only: later,
	 * the ticket's changes are the ticket's. */
	if (!found && c->has_status && tk_can_move(t->status, c->status)) {
		int64_t ts = c->nmsgs ? c->msgs[c->nmsgs - 1].ts : c->started;
		move(s, t, c->status, ts, TK_ACTOR, n);
	}
	if (n->created + n->follow_ups + n->messages + n->changes != events_before)
		tk_store_put(s, t);
	cs_buf_free(&root);
	cs_buf_free(&data);
}

/* ---- assignment ---- */

static int64_t store_load(void *ctx, const char *agent) { return tk_store_load(ctx, agent); }

int tk_auto_assign(tk_store *s, const tk_roster *r, enum tk_assign_mode mode, struct tk_ticket *t, int64_t ts)
{
	if (!r || !t->group || t->assignee || tk_status_done(t->status))
		return 0;
	cs_buf last = CS_BUF_INIT;
	const char *turn = mode == TK_ROUND_ROBIN ? tk_store_turn(s, t->group, &last) : NULL;
	long a = tk_roster_pick(r, t->group, mode, turn, store_load, s);
	cs_buf_free(&last);
	if (a < 0)
		return 0;
	const char *agent = tk_roster_agent(r, (size_t)a)->id;
	struct tk_counts n = {0};
	struct tk_update u = {.ts = ts, .set = TK_SET_ASSIGNEE};
	change(s, t, &u, 0, "assignee", NULL, agent, &n);
	if (mode == TK_ROUND_ROBIN)
		tk_store_set_turn(s, t->group, agent);
	return 1;
}
