/* fmt_helpdesk_zendesk: Zendesk Support and Zendesk Chat.
 *  - zendesk: {"ticket":{...}} (with "comments" inside it or beside it),
 *    {"tickets":[...]} pages and incremental exports (comments inside
 *    each ticket, or side-loaded beside them with a "ticket_id"), audits
 *    ({"audits":[{"ticket_id","created_at","author_id","events":[...]}]})
 *    and incremental ticket events ({"ticket_events":[{"ticket_id",
 *    "child_events":[...]}]}); bare tickets and audits too, in an array or
 *    one a line. Side-loaded "users" name the customer and tell end users
 *    from agents.
 *  - zendesk-chat: Chat API transcripts ({"type":"chat","visitor",
 *    "history":[{"type":"chat.msg","nick",...}]}) and offline messages.
 * A comment is the customer's when its author is the ticket's requester (or
 * an end user); the requester is the ticket's requester_id, else the
 * requester_id of a Create event, else the author of the ticket's first
 * comment. State is kept per ticket across the whole input, so audits in
 * NDJSON pages keep their channel and requester. */
#include "fmt_helpdesk.h"
#include "fmt_readers.h"
#include "kit_hash.h"
#include <string.h>

#define NAMES(t) t, sizeof t / sizeof t[0]

static const struct hd_name zd_channels[] = {
	{"email", "email"},         {"web", "web"},           {"web_form", "web"},   {"web_widget", "web"},
	{"api", "web"},             {"chat", "chat"},         {"chat_transcript", "chat"},
	{"native_messaging", "chat"}, {"voice", "phone"},    {"phone", "phone"},    {"sms", "sms"},
	{"text", "sms"},            {"twitter*", "social"},   {"facebook*", "social"}, {"instagram*", "social"},
	{"whatsapp*", "social"},    {"line", "social"},       {"wechat", "wechat"},  {"mobile_sdk", "app"},
	{"mobile", "app"}};
static const struct hd_name zd_status[] = {{"new", "open"},       {"open", "open"},     {"pending", "pending"},
					   {"hold", "pending"},   {"solved", "solved"}, {"closed", "closed"}};
static const struct hd_name zd_csat[] = {{"good", "5"}, {"bad", "1"}};

struct zt {           /* a ticket of this input */
	char *id;
	char *requester;   /* its requester's id, or NULL */
	char *channel;     /* cs channel of its via, or NULL */
	char *via;         /* the via channel as Zendesk names it */
	char *meta;        /* conversation fields still to give its first message, or NULL */
	char *subject;     /* an email ticket's subject, for its first message */
	char *customer;    /* the requester as the ticket's via names them, or NULL */
	size_t side;       /* side-loaded comments waiting for it */
	uint64_t ordinal;
};

struct zu {           /* a side-loaded user */
	char *customer;    /* the customer object for an end user, or NULL */
	int end_user;
};

struct zd {
	struct hd_rd r;
	cs_map tickets, users;
	hd_pool pool;
	struct zt *t;      /* the ticket being read */
	const char *tid;   /* its id */
	cs_jval dflt_ts, dflt_author;   /* an audit's, for its events */
};

static struct zt *zd_ticket_state(struct zd *z, const char *id)
{
	struct zt *t = cs_map_get(&z->tickets, id, strlen(id));
	if (!t) {
		t = hd_keep_zero(&z->pool, sizeof *t);
		t->id = hd_keep(&z->pool, id);
		cs_map_put(&z->tickets, t->id, strlen(id), t);
	}
	return t;
}

static const char *keep_text(struct zd *z, cs_jval v)
{
	const char *s = cs_jtext(v, &z->r.tmp);
	return s && *s ? hd_keep(&z->pool, s) : NULL;
}

static void zd_note_via(struct zd *z, struct zt *t, cs_jval owner)
{
	if (t->via)
		return;
	const char *via = cs_jtext(cs_jpath(owner, "via.channel"), &z->r.tmp);
	if (via && *via) {
		t->via = hd_keep(&z->pool, via);
		t->channel = (char *)hd_name_of(via, NAMES(zd_channels), "other");
	}
}

/* ---- side-loaded users ---- */

static int zd_user(cs_jval u, void *ctx)
{
	struct zd *z = ctx;
	const char *id = cs_jtext(cs_jget(u, "id"), &z->r.tmp2);
	if (!id || !*id || cs_map_get(&z->users, id, z->r.tmp2.len))
		return 0;
	struct zu *zu = hd_keep_zero(&z->pool, sizeof *zu);
	const char *role = cs_jtext(cs_jget(u, "role"), &z->r.tmp);
	zu->end_user = role && strcmp(role, "end-user") == 0;
	hd_customer(&z->r.customer, cs_jget(u, "id"), cs_jget(u, "name"), cs_jget(u, "email"), cs_jget(u, "phone"),
		    &z->r.tmp);
	if (z->r.customer.len)
		zu->customer = hd_keep(&z->pool, z->r.customer.p);
	cs_map_put(&z->users, hd_keep(&z->pool, id), z->r.tmp2.len, zu);
	return 0;
}

/* {"key":"value"} into out. */
static void json_member_object(cs_buf *out, const char *key, const char *value)
{
	cs_jw w;
	cs_jw_init(&w, out);
	cs_jw_object(&w);
	cs_fmt_cstr(&w, key, value);
	cs_jw_end_object(&w);
}

static struct zu *zd_user_of(struct zd *z, const char *id)
{
	return id ? cs_map_get(&z->users, id, strlen(id)) : NULL;
}

/* The customer object of the current ticket into r->customer. */
static void zd_customer(struct zd *z)
{
	struct zu *u = zd_user_of(z, z->t->requester);
	cs_buf_reset(&z->r.customer);
	if (u && u->customer)
		cs_buf_adds(&z->r.customer, u->customer);
	else if (z->t->customer)
		cs_buf_adds(&z->r.customer, z->t->customer);
	else if (z->t->requester)
		json_member_object(&z->r.customer, "id", z->t->requester);
	cs_buf_addc(&z->r.customer, '\0');
	z->r.customer.len--;
}

/* ---- tickets ---- */

/* Zendesk rates good or bad: csat 5 or 1. Returns 1 when rated. */
static int put_csat(cs_jw *w, cs_jval score, cs_buf *tmp)
{
	const char *csat = hd_name_of(cs_jtext(score, tmp), NAMES(zd_csat), NULL);
	if (csat) {
		cs_jw_key(w, "csat");
		cs_jw_raw(w, csat, 1);
	}
	return csat != NULL;
}

static void zd_meta(struct zd *z, cs_jval t)
{
	struct hd_rd *r = &z->r;
	cs_jw w;
	hd_meta_begin(r, &w);
	cs_jval subject = cs_jget(t, "subject");
	cs_fmt_cstr(&w, "subject", cs_jtext(cs_jis(subject) ? subject : cs_jget(t, "raw_subject"), &r->tmp));
	cs_fmt_cstr(&w, "status", hd_name_of(cs_jtext(cs_jget(t, "status"), &r->tmp), NAMES(zd_status), NULL));
	cs_fmt_cstr(&w, "priority", cs_jtext(cs_jget(t, "priority"), &r->tmp));
	cs_fmt_cstr(&w, "type", cs_jtext(cs_jget(t, "type"), &r->tmp));
	hd_meta_tags(r, &w, cs_jget(t, "tags"));
	cs_jval sat = cs_jget(t, "satisfaction_rating");
	if (put_csat(&w, cs_jget(sat, "score"), &r->tmp)) {
		cs_fmt_cstr(&w, "csat_comment", cs_jtext(cs_jget(sat, "comment"), &r->tmp));
	}
	cs_fmt_cstr(&w, "group", cs_jtext(cs_jget(t, "group_id"), &r->tmp));
	cs_fmt_cstr(&w, "assignee", cs_jtext(cs_jget(t, "assignee_id"), &r->tmp));
	hd_meta_end(r, &w);
	z->t->meta = hd_keep(&z->pool, r->meta.p);
}

/* One message of the current ticket (text in r->text, attachments in
 * r->attach, time in r->ts); the ticket's fields go with its first. */
static int zd_put(struct zd *z, cs_jval at, const char *id, const char *role, const char *author, int internal,
		  const char *event, const char *subject, const char *via)
{
	struct hd_rd *r = &z->r;
	zd_customer(z);
	struct hd_out o = {.id = id, .conv = z->tid, .ts = r->ts.len ? r->ts.p : NULL,
			   .channel = z->t->channel ? z->t->channel : "other", .customer = r->customer.p,
			   .role = role, .author = author, .text = r->text.p, .textn = r->text.len,
			   .attachments = r->attach.p, .internal = internal, .event = event,
			   .subject = subject ? subject : z->t->meta ? z->t->subject : NULL,
			   .via = via ? via : z->t->via, .conversation = z->t->meta, .line = cs_doc_line(r->d, at.p),
			   .ordinal = z->t->ordinal++};
	z->t->meta = NULL;
	r->stop = hd_put(&r->m, r->d, &o);
	return r->stop;
}

static const char *event_type(cs_jval e, cs_buf *out)
{
	cs_jval type = cs_jget(e, "type");
	return cs_jtext(cs_jis(type) ? type : cs_jget(e, "event_type"), out);
}

/* A comment (or a Comment event of an audit) of the current ticket. */
static int zd_comment(cs_jval c, void *ctx)
{
	struct zd *z = ctx;
	struct hd_rd *r = &z->r;
	if (c.t != CS_J_OBJECT)
		return hd_bad(r, c, 0, "ticket %s: a comment is not an object", z->tid);
	const char *type = event_type(c, &r->tmp);
	if (type && strcmp(type, "Comment") != 0 && strcmp(type, "VoiceComment") != 0)
		return 0;
	cs_buf idb = CS_BUF_INIT, viab = CS_BUF_INIT;
	const char *id = cs_jtext(cs_jget(c, "id"), &idb), *shown = id ? id : "(no id)";
	cs_jval when = cs_jget(c, "created_at");
	if (hd_ts_of(r, cs_jis(when) ? when : z->dflt_ts, "comment", shown, "ticket", z->tid, "created_at") < 0)
		goto done;
	int got = hd_body(cs_jget(c, "body"), 0, &r->text, &r->tmp);
	got = hd_body_else(got, cs_jget(c, "plain_body"), 0, &r->text, &r->tmp);
	got = hd_body_else(got, cs_jget(c, "html_body"), 1, &r->text, &r->tmp);
	if (got < 0) {
		hd_bad(r, c, 0, "comment %s of ticket %s: the body is not a string", shown, z->tid);
		goto done;
	}
	cs_jval who = cs_jget(c, "author_id");
	const char *author = cs_jtext(cs_jis(who) ? who : z->dflt_author, &r->author);
	if (!z->t->requester && author)
		z->t->requester = hd_keep(&z->pool, author);
	struct zu *u = zd_user_of(z, author);
	int customer = author && (strcmp(author, z->t->requester) == 0 || (u && u->end_user));
	hd_attachments(cs_jget(c, "attachments"), &r->attach, &r->tmp);
	const char *via = cs_jtext(cs_jpath(c, "via.channel"), &viab);
	zd_put(z, c, id, customer ? "customer" : "agent", customer ? NULL : author,
	       !cs_jbool(cs_jget(c, "public"), 1), NULL, NULL, via);
done:
	cs_buf_free(&idb);
	cs_buf_free(&viab);
	return r->stop;
}

static void zd_select(struct zd *z, const char *tid)
{
	z->t = zd_ticket_state(z, tid);
	z->tid = z->t->id;
	z->dflt_ts = (cs_jval){0};
	z->dflt_author = (cs_jval){0};
}

/* An email ticket's subject, and its requester's name and address as its
 * via names them (for when no side-loaded user does). */
static void zd_ticket_people(struct zd *z, cs_jval t)
{
	if (!z->t->channel || strcmp(z->t->channel, "email") != 0)
		return;
	z->t->subject = (char *)keep_text(z, cs_jget(t, "subject"));
	cs_jval from = cs_jpath(t, "via.source.from");
	if (!z->t->requester || !cs_jis(cs_jget(from, "address")))
		return;
	cs_jw w;
	cs_buf_reset(&z->r.customer);
	cs_jw_init(&w, &z->r.customer);
	cs_jw_object(&w);
	cs_fmt_cstr(&w, "id", z->t->requester);
	cs_fmt_cstr(&w, "name", cs_jtext(cs_jget(from, "name"), &z->r.tmp));
	cs_fmt_cstr(&w, "email", cs_jtext(cs_jget(from, "address"), &z->r.tmp));
	cs_jw_end_object(&w);
	cs_buf_addc(&z->r.customer, '\0');
	if (z->r.customer.len)
		z->t->customer = hd_keep(&z->pool, z->r.customer.p);
}

/* A ticket; its comments are inside it, beside it (a single ticket's
 * document), side-loaded later in the page, or there is only its
 * description. */
static int zd_ticket(struct zd *z, cs_jval t, cs_jval beside)
{
	struct hd_rd *r = &z->r;
	if (t.t != CS_J_OBJECT)
		return hd_bad(r, t, 0, "a ticket is not a JSON object");
	const char *id = cs_jtext(cs_jget(t, "id"), &r->conv);
	if (!id || !*id)
		return hd_bad(r, t, 0, "a ticket without \"id\"");
	zd_select(z, id);
	if (hd_ts_of(r, cs_jget(t, "created_at"), "ticket", z->tid, NULL, NULL, "created_at") < 0)
		return r->stop;
	const char *req = keep_text(z, cs_jget(t, "requester_id"));
	if (req)
		z->t->requester = (char *)req;
	zd_note_via(z, z->t, t);
	zd_ticket_people(z, t);
	zd_meta(z, t);
	cs_jval comments = cs_jget(t, "comments");
	if (!cs_jis(comments))
		comments = beside;
	if (cs_jis(comments) && comments.t != CS_J_ARRAY)
		return hd_bad(r, comments, 0, "ticket %s: \"comments\" is not an array", z->tid);
	if (cs_jlen(comments)) {
		r->stop = 0;
		cs_jeach(comments, zd_comment, z);
		return r->stop;
	}
	if (z->t->side)
		return 0;   /* its comments are side-loaded after the tickets */
	int got = hd_body(cs_jget(t, "description"), 0, &r->text, &r->tmp);
	if (got < 0)
		return hd_bad(r, t, 0, "ticket %s: the description is not a string", z->tid);
	if (!r->text.len)
		return hd_bad(r, t, 0, "ticket %s has no comments and no description", z->tid);
	hd_attachments((cs_jval){0}, &r->attach, &r->tmp);
	return zd_put(z, t, NULL, "customer", NULL, 0, NULL, NULL, NULL);
}

static int zd_ticket_item(cs_jval t, void *ctx) { return zd_ticket(ctx, t, (cs_jval){0}); }

static int zd_count_side(cs_jval c, void *ctx)
{
	struct zd *z = ctx;
	const char *tid = cs_jtext(cs_jget(c, "ticket_id"), &z->r.tmp);
	if (tid && *tid)
		zd_ticket_state(z, tid)->side++;
	return 0;
}

static int zd_side_comment(cs_jval c, void *ctx)
{
	struct zd *z = ctx;
	const char *tid = cs_jtext(cs_jget(c, "ticket_id"), &z->r.conv);
	if (!tid || !*tid)
		return hd_bad(&z->r, c, 0, "a side-loaded comment without \"ticket_id\"");
	zd_select(z, tid);
	if (z->t->side)
		z->t->side--;
	return zd_comment(c, z);
}

/* ---- audits and ticket events ---- */

static int zd_create_field(cs_jval e, void *ctx)
{
	struct zd *z = ctx;
	const char *type = event_type(e, &z->r.tmp);
	const char *field = cs_jtext(cs_jget(e, "field_name"), &z->r.tmp2);
	if (!z->t->requester && type && strcmp(type, "Create") == 0 && field && strcmp(field, "requester_id") == 0)
		z->t->requester = (char *)keep_text(z, cs_jget(e, "value"));
	return 0;
}

static int zd_notification(struct zd *z, cs_jval e)
{
	struct hd_rd *r = &z->r;
	cs_buf idb = CS_BUF_INIT, subj = CS_BUF_INIT;
	const char *rel = cs_jtext(cs_jpath(e, "via.source.rel"), &r->tmp);
	const char *event = rel && (strcmp(rel, "trigger") == 0 || strcmp(rel, "automation") == 0) ? "trigger"
												    : "notification";
	const char *id = cs_jtext(cs_jget(e, "id"), &idb);
	if (hd_body(cs_jget(e, "body"), 0, &r->text, &r->tmp) < 0) {
		hd_bad(r, e, 0, "notification %s of ticket %s: the body is not a string", id ? id : "(no id)", z->tid);
	} else {
		cs_jval from = cs_jpath(e, "via.source.from");
		const char *author = hd_first_text(from, (const char *const[]){"title", "id", NULL}, &r->author);
		hd_attachments((cs_jval){0}, &r->attach, &r->tmp);
		zd_put(z, e, id, "system", author, 0, event, cs_jtext(cs_jget(e, "subject"), &subj), NULL);
	}
	cs_buf_free(&idb);
	cs_buf_free(&subj);
	return r->stop;
}

/* The new value of a Change: "value" (audits), else the member named
 * after the field (child events of incremental ticket events). */
static cs_jval new_value(cs_jval e, const char *field)
{
	cs_jval v = cs_jget(e, "value");
	return cs_jis(v) ? v : cs_jget(e, field);
}

/* A Change of status or assignee: a system message carrying the new value
 * for the conversation record. */
static int zd_change(struct zd *z, cs_jval e, const char *field)
{
	struct hd_rd *r = &z->r;
	int status = strcmp(field, "status") == 0;
	cs_buf idb = CS_BUF_INIT, before = CS_BUF_INIT, after = CS_BUF_INIT;
	const char *id = cs_jtext(cs_jget(e, "id"), &idb);
	const char *was = cs_jtext(cs_jget(e, "previous_value"), &before), *now = cs_jtext(new_value(e, field), &after);
	cs_buf_reset(&r->text);
	cs_buf_printf(&r->text, "%s changed from %s to %s", status ? "status" : "assignee",
		      was && *was ? was : "(none)", now && *now ? now : "(none)");
	cs_jw w;
	hd_meta_begin(r, &w);
	cs_fmt_cstr(&w, status ? "status" : "assignee", status ? hd_name_of(now, NAMES(zd_status), now) : now);
	hd_meta_end(r, &w);
	if (!z->t->meta)
		z->t->meta = r->meta.p;   /* cleared by zd_put */
	hd_attachments((cs_jval){0}, &r->attach, &r->tmp);
	const char *author = cs_jtext(z->dflt_author, &r->author);
	zd_put(z, e, id, "system", author, 0, status ? "status_change" : "assignment", NULL, NULL);
	cs_buf_free(&idb);
	cs_buf_free(&before);
	cs_buf_free(&after);
	return r->stop;
}

/* The field a Change event is about, if cs reads it: field_name in an
 * audit; in a ticket event's child the field is a key, and an assignee_id
 * of null unassigns. */
static const char *changed_field(cs_jval e, const char *named)
{
	if (named)
		return strcmp(named, "status") == 0 || strcmp(named, "assignee_id") == 0 ? named : NULL;
	if (cs_jis(cs_jget(e, "status")))
		return "status";
	return cs_jget(e, "assignee_id").t != CS_J_NONE ? "assignee_id" : NULL;
}

static int zd_event(cs_jval e, void *ctx)
{
	struct zd *z = ctx;
	if (e.t != CS_J_OBJECT)
		return hd_bad(&z->r, e, 0, "ticket %s: an audit event is not an object", z->tid);
	cs_buf type = CS_BUF_INIT, field = CS_BUF_INIT;
	const char *t = event_type(e, &type), *f = cs_jtext(cs_jget(e, "field_name"), &field);
	int stop = 0;
	if (!t)
		stop = 0;
	else if (strcmp(t, "Comment") == 0 || strcmp(t, "VoiceComment") == 0)
		stop = zd_comment(e, z);
	else if (strcmp(t, "Notification") == 0)
		stop = zd_notification(z, e);
	else if (strcmp(t, "Change") == 0 && (f = changed_field(e, f)) != NULL)
		stop = zd_change(z, e, f);
	cs_buf_free(&type);
	cs_buf_free(&field);
	return stop;
}

static int zd_audit(cs_jval a, void *ctx)
{
	struct zd *z = ctx;
	struct hd_rd *r = &z->r;
	if (a.t != CS_J_OBJECT)
		return hd_bad(r, a, 0, "an audit is not a JSON object");
	const char *tid = cs_jtext(cs_jget(a, "ticket_id"), &r->conv);
	if (!tid || !*tid)
		return hd_bad(r, a, 0, "an audit without \"ticket_id\"");
	zd_select(z, tid);
	cs_jval events = cs_jget(a, "events");
	if (!cs_jis(events))
		events = cs_jget(a, "child_events");
	if (events.t != CS_J_ARRAY)
		return hd_bad(r, a, 0, "an audit of ticket %s without \"events\"", z->tid);
	cs_jval when = cs_jget(a, "created_at"), who = cs_jget(a, "author_id");
	z->dflt_ts = cs_jis(when) ? when : cs_jget(a, "timestamp");
	z->dflt_author = cs_jis(who) ? who : cs_jget(a, "updater_id");
	if (hd_ts_of(r, z->dflt_ts, "audit of ticket", z->tid, NULL, NULL, "created_at") < 0)
		return r->stop;
	zd_note_via(z, z->t, a);
	cs_jeach(events, zd_create_field, z);
	r->stop = 0;
	cs_jeach(events, zd_event, z);
	return r->stop;
}

/* ---- one value of the input ---- */

static int zd_page(struct zd *z, cs_jval v, cs_jval tickets)
{
	cs_jval side = cs_jget(v, "comments");
	cs_jeach(side, zd_count_side, z);
	z->r.stop = 0;
	if (cs_jeach(tickets, zd_ticket_item, z) || cs_jeach(side, zd_side_comment, z))
		return 1;
	return 0;
}

static int zd_value(cs_doc *d, const char *p, size_t n, enum cs_jtype t, uint64_t line, void *ctx)
{
	struct zd *z = ctx;
	cs_jval v = {p, n, t};
	(void)d;
	if (t != CS_J_OBJECT)
		return hd_bad(&z->r, (cs_jval){0}, line, "a record is not a JSON object");
	cs_jeach(cs_jget(v, "users"), zd_user, z);
	cs_jval ticket = cs_jget(v, "ticket"), tickets = cs_jget(v, "tickets"), audits = cs_jget(v, "audits");
	cs_jval audit = cs_jget(v, "audit"), events = cs_jget(v, "ticket_events");
	if (ticket.t == CS_J_OBJECT)
		return zd_ticket(z, ticket, cs_jget(v, "comments"));
	if (tickets.t == CS_J_ARRAY)
		return zd_page(z, v, tickets);
	if (audits.t == CS_J_ARRAY || events.t == CS_J_ARRAY)
		return cs_jeach(audits.t == CS_J_ARRAY ? audits : events, zd_audit, z);
	if (audit.t == CS_J_OBJECT)
		return zd_audit(audit, z);
	if (cs_jis(cs_jget(v, "ticket_id")) && (cs_jis(cs_jget(v, "events")) || cs_jis(cs_jget(v, "child_events"))))
		return zd_audit(v, z);
	if (cs_jis(cs_jget(v, "id")) && (cs_jis(cs_jget(v, "via")) || cs_jis(cs_jget(v, "requester_id")) ||
					 cs_jis(cs_jget(v, "description")) || cs_jis(cs_jget(v, "comments"))))
		return zd_ticket(z, v, (cs_jval){0});
	if (cs_jis(cs_jget(v, "comments")))
		return hd_bad(&z->r, (cs_jval){0}, line, "comments without a \"ticket\" or \"ticket_id\"");
	if (cs_jis(cs_jget(v, "users")))
		return 0;
	return hd_bad(&z->r, (cs_jval){0}, line, "not a Zendesk ticket, audit or export page");
}

static int read_zendesk(cs_doc *d, const char *data, size_t n)
{
	struct zd z = {.r = {.d = d}};
	int stop = cs_doc_each_value(d, data, n, 1, zd_value, &z);
	hd_rd_free(&z.r);
	cs_map_free(&z.tickets);
	cs_map_free(&z.users);
	hd_pool_free(&z.pool);
	return stop;
}

static int sniff_zendesk(const char *head, size_t n, const char *path)
{
	(void)path;
	if (hd_has_kv(head, n, "\"audits\"", "[") || hd_has_kv(head, n, "\"ticket_events\"", "[") ||
	    hd_has_kv(head, n, "\"plain_body\"", NULL) || hd_has_kv(head, n, "\"raw_subject\"", NULL))
		return 92;
	if (hd_has_kv(head, n, "\"via\"", "{") &&
	    (hd_has_kv(head, n, "\"requester_id\"", NULL) || hd_has_kv(head, n, "\"submitter_id\"", NULL) ||
	     hd_has_kv(head, n, "\"ticket_id\"", NULL)))
		return 90;
	return 0;
}

const struct cs_doc_format cs_fmt_zendesk = {
	"zendesk", "Zendesk tickets with comments, incremental exports, audits and ticket events (API JSON)",
	sniff_zendesk, read_zendesk};

/* ---- zendesk-chat ---- */

static const struct hd_name zc_events[] = {{"chat.memberjoin", "join"},       {"chat.memberleave", "leave"},
					   {"chat.rating", "rating"},         {"chat.comment", "comment"},
					   {"chat.request.rating", "rating_request"}, {"chat.file", "file"}};

struct zc {
	struct hd_rd r;
	uint64_t ordinal;
	int meta_due;
};

static int zc_put(struct zc *x, cs_jval at, const char *role, const char *author, const char *event)
{
	struct hd_rd *r = &x->r;
	struct hd_out o = {.conv = r->conv.p, .ts = r->ts.len ? r->ts.p : NULL, .channel = "chat",
			   .customer = r->customer.p, .role = role, .author = author, .text = r->text.p,
			   .textn = r->text.len, .attachments = r->attach.p, .event = event,
			   .conversation = x->meta_due ? r->meta.p : NULL, .line = cs_doc_line(r->d, at.p),
			   .ordinal = x->ordinal++};
	x->meta_due = 0;
	r->stop = hd_put(&r->m, r->d, &o);
	return r->stop;
}

/* chat.msg from "visitor" is the customer's, from "agent:ID" an agent's
 * (author ID); another nick (a trigger) is a bot's. */
static int zc_msg(struct zc *x, cs_jval h)
{
	struct hd_rd *r = &x->r;
	const char *nick = cs_jtext(cs_jget(h, "nick"), &r->author);
	if (hd_body(cs_jget(h, "msg"), 0, &r->text, &r->tmp) < 0)
		return hd_bad(r, h, 0, "chat %s: a message that is not a string", r->conv.p);
	hd_attachments(cs_jget(h, "attachment"), &r->attach, &r->tmp);
	if (nick && strncmp(nick, "visitor", 7) == 0)
		return zc_put(x, h, "customer", NULL, NULL);
	if (nick && strncmp(nick, "agent:", 6) == 0)
		return zc_put(x, h, "agent", nick + 6, NULL);
	const char *name = cs_jtext(cs_jget(h, "name"), &r->author);
	return zc_put(x, h, "bot", name, NULL);
}

static int zc_event(cs_jval h, void *ctx)
{
	struct zc *x = ctx;
	struct hd_rd *r = &x->r;
	if (h.t != CS_J_OBJECT)
		return hd_bad(r, h, 0, "chat %s: a history entry is not an object", r->conv.p);
	cs_buf typeb = CS_BUF_INIT;
	const char *type = cs_jtext(cs_jget(h, "type"), &typeb);
	if (hd_ts_of(r, cs_jget(h, "timestamp"), "chat", r->conv.p, NULL, NULL, "timestamp") < 0) {
		cs_buf_free(&typeb);
		return r->stop;
	}
	if (type && (strcmp(type, "chat.msg") == 0 || strcmp(type, "chat.file") == 0)) {
		zc_msg(x, h);
	} else {
		const char *bare = type && strncmp(type, "chat.", 5) == 0 ? type + 5 : type;
		const char *event = hd_name_of(type, NAMES(zc_events), bare);
		cs_jval rating = cs_jget(h, "new_rating"), comment = cs_jget(h, "new_comment");
		hd_body(cs_jis(rating) ? rating : comment, 0, &r->text, &r->tmp);
		hd_attachments((cs_jval){0}, &r->attach, &r->tmp);
		const char *nick = cs_jtext(cs_jget(h, "nick"), &r->tmp2);
		const char *who = nick && strncmp(nick, "agent:", 6) == 0 ? nick + 6 : NULL;
		zc_put(x, h, "system", who, event ? event : "event");
	}
	cs_buf_free(&typeb);
	return r->stop;
}

static void zc_meta(struct zc *x, cs_jval chat)
{
	struct hd_rd *r = &x->r;
	cs_jw w;
	hd_meta_begin(r, &w);
	hd_meta_tags(r, &w, cs_jget(chat, "tags"));
	put_csat(&w, cs_jget(chat, "rating"), &r->tmp);
	cs_fmt_cstr(&w, "csat_comment", cs_jtext(cs_jget(chat, "comment"), &r->tmp));
	cs_fmt_cstr(&w, "department", cs_jtext(cs_jget(chat, "department_name"), &r->tmp));
	hd_meta_end(r, &w);
	x->meta_due = 1;
}

static int zc_chat(struct zc *x, cs_jval chat, uint64_t line)
{
	struct hd_rd *r = &x->r;
	if (chat.t != CS_J_OBJECT)
		return hd_bad(r, chat, line, "a chat is not a JSON object");
	const char *id = cs_jtext(cs_jget(chat, "id"), &r->conv);
	if (!id || !*id)
		return hd_bad(r, chat, 0, "a chat without \"id\"");
	if (hd_ts_of(r, cs_jget(chat, "timestamp"), "chat", id, NULL, NULL, "timestamp") < 0)
		return r->stop;
	cs_jval v = cs_jget(chat, "visitor");
	hd_customer(&r->customer, cs_jget(v, "id"), cs_jget(v, "name"), cs_jget(v, "email"), cs_jget(v, "phone"),
		    &r->tmp);
	zc_meta(x, chat);
	x->ordinal = 0;
	cs_jval history = cs_jget(chat, "history");
	if (history.t != CS_J_ARRAY) {
		/* an offline message: the visitor's one message */
		if (hd_body(cs_jget(chat, "message"), 0, &r->text, &r->tmp) < 0 || !r->text.len)
			return hd_bad(r, chat, 0, "chat %s has no \"history\" and no \"message\"", id);
		hd_attachments((cs_jval){0}, &r->attach, &r->tmp);
		return zc_put(x, chat, "customer", NULL, NULL);
	}
	r->stop = 0;
	cs_jeach(history, zc_event, x);
	return r->stop;
}

static int zc_item(cs_jval chat, void *ctx) { return zc_chat(ctx, chat, 0); }

/* A chat, or a page of the Chat API ({"chats":[...]}). */
static int zc_value(cs_doc *d, const char *p, size_t n, enum cs_jtype t, uint64_t line, void *ctx)
{
	struct zc *x = ctx;
	cs_jval v = {p, n, t};
	cs_jval chats = cs_jget(v, "chats");
	(void)d;
	if (chats.t == CS_J_ARRAY)
		return cs_jeach(chats, zc_item, x);
	return zc_chat(x, v, line);
}

static int read_zendesk_chat(cs_doc *d, const char *data, size_t n)
{
	struct zc x = {.r = {.d = d}};
	int stop = cs_doc_each_value(d, data, n, 1, zc_value, &x);
	hd_rd_free(&x.r);
	return stop;
}

static int sniff_zendesk_chat(const char *head, size_t n, const char *path)
{
	(void)path;
	if (hd_has_kv(head, n, "\"type\"", "\"chat.msg\"") ||
	    (hd_has_kv(head, n, "\"history\"", "[") && hd_has_kv(head, n, "\"visitor\"", "{")))
		return 90;
	return hd_has_kv(head, n, "\"type\"", "\"offline_msg\"") && hd_has_kv(head, n, "\"visitor\"", "{") ? 85 : 0;
}

const struct cs_doc_format cs_fmt_zendesk_chat = {
	"zendesk-chat", "Zendesk Chat transcripts (Chat API: visitor and history of chat.* events)",
	sniff_zendesk_chat, read_zendesk_chat};
