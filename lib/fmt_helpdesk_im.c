/* fmt_helpdesk_im: messaging helpdesks.
 *  - intercom: conversations of the REST API ({"type":"conversation",
 *    "source":{...},"conversation_parts":{"conversation_parts":[...]}}):
 *    the source is the first message; a part's author type user, lead or
 *    contact is the customer, admin an agent, bot a bot; notes are internal;
 *    other part types (assignment, close, open, snoozed...) are system
 *    messages with the part type as event, or, when they carry a body, the
 *    author's message with that event.
 *  - chatwoot: conversation objects with their messages, API list pages
 *    ({"payload":[...]}, {"data":{"payload":[...]}}) and webhook events
 *    (message_created, message_updated, conversation_created,
 *    conversation_status_changed...). message_type 0/incoming is the
 *    customer's, 1/outgoing an agent's (a bot's when an agent bot sent it),
 *    2/activity a system message, 3/template an agent's or a bot's. */
#include "fmt_helpdesk.h"
#include "fmt_readers.h"
#include "kit_hash.h"
#include "kit_time.h"
#include <string.h>

#define NAMES(t) t, sizeof t / sizeof t[0]

/* What both readers hold for the conversation being read. */
struct im {
	struct hd_rd r;
	const char *channel;
	uint64_t ordinal;
	int meta_due;   /* r->meta still to be given to a message */
	cs_map seen;    /* chatwoot webhooks: conversations given their fields */
	hd_pool pool;
};

static int im_put(struct im *x, cs_jval at, const char *id, const char *role, const char *author, int internal,
		  const char *event, const char *subject)
{
	struct hd_rd *r = &x->r;
	struct hd_out o = {.id = id, .conv = r->conv.p, .ts = r->ts.len ? r->ts.p : NULL, .channel = x->channel,
			   .customer = r->customer.p, .role = role, .author = author, .text = r->text.p,
			   .textn = r->text.len, .attachments = r->attach.p, .internal = internal, .event = event,
			   .subject = subject, .conversation = x->meta_due ? r->meta.p : NULL,
			   .line = cs_doc_line(r->d, at.p), .ordinal = x->ordinal++};
	x->meta_due = 0;
	r->stop = hd_put(&r->m, r->d, &o);
	return r->stop;
}

/* ---- intercom ---- */

static const struct hd_name ic_state[] = {{"open", "open"}, {"snoozed", "pending"}, {"closed", "closed"}};
static const struct hd_name ic_priority[] = {{"priority", "high"}, {"not_priority", "normal"}};
static const struct hd_name ic_channels[] = {
	{"conversation", "chat"}, {"chat", "chat"},         {"email", "email"},    {"push", "app"},
	{"facebook", "social"},   {"instagram", "social"},  {"twitter", "social"}, {"whatsapp", "social"},
	{"sms", "sms"},           {"phone*", "phone"}};
static const struct hd_name ic_roles[] = {{"user", "customer"}, {"lead", "customer"}, {"contact", "customer"},
					  {"admin", "agent"},   {"team", "agent"},    {"bot", "bot"}};

/* The role of a source or part author; its id (or name) into r->author. */
static const char *ic_author(struct im *x, cs_jval author, const char **id)
{
	const char *type = cs_jtext(cs_jget(author, "type"), &x->r.tmp);
	const char *role = hd_name_of(type, NAMES(ic_roles), "agent");
	*id = hd_first_text(author, (const char *const[]){"id", "name", NULL}, &x->r.author);
	return role;
}

static int ic_part(cs_jval p, void *ctx)
{
	struct im *x = ctx;
	struct hd_rd *r = &x->r;
	if (p.t != CS_J_OBJECT)
		return hd_bad(r, p, 0, "conversation %s: a part is not an object", r->conv.p);
	cs_buf idb = CS_BUF_INIT, typeb = CS_BUF_INIT;
	const char *id = cs_jtext(cs_jget(p, "id"), &idb), *shown = id ? id : "(no id)";
	const char *type = cs_jtext(cs_jget(p, "part_type"), &typeb);
	if (hd_ts_of(r, cs_jget(p, "created_at"), "part", shown, "conversation", r->conv.p, "created_at") < 0)
		goto done;
	if (hd_body(cs_jget(p, "body"), 1, &r->text, &r->tmp) < 0) {
		hd_bad(r, p, 0, "part %s of conversation %s: the body is not a string", shown, r->conv.p);
		goto done;
	}
	hd_attachments(cs_jget(p, "attachments"), &r->attach, &r->tmp);
	const char *author;
	const char *role = ic_author(x, cs_jget(p, "author"), &author);
	int note = type && strcmp(type, "note") == 0, comment = !type || strcmp(type, "comment") == 0;
	if (!comment && !note && !r->text.len && !r->attach.len)
		role = "system";
	const char *event = comment || note ? NULL : type;
	im_put(x, p, id, role, strcmp(role, "customer") == 0 ? NULL : author, note, event, NULL);
done:
	cs_buf_free(&idb);
	cs_buf_free(&typeb);
	return r->stop;
}

static void ic_meta(struct im *x, cs_jval c)
{
	struct hd_rd *r = &x->r;
	cs_jw w;
	hd_meta_begin(r, &w);
	if (hd_body(cs_jpath(c, "source.subject"), 1, &r->text, &r->tmp) == 0 && r->text.len)
		cs_fmt_str(&w, "subject", r->text.p, r->text.len);
	cs_fmt_cstr(&w, "status", hd_name_of(cs_jtext(cs_jget(c, "state"), &r->tmp), NAMES(ic_state), NULL));
	cs_fmt_cstr(&w, "priority", hd_name_of(cs_jtext(cs_jget(c, "priority"), &r->tmp), NAMES(ic_priority), NULL));
	cs_jval tags = cs_jget(c, "tags");
	hd_meta_tags(r, &w, tags.t == CS_J_OBJECT ? cs_jget(tags, "tags") : tags);
	cs_jval rating = cs_jget(c, "conversation_rating");
	int64_t score = cs_jint(cs_jget(rating, "rating"), 0);
	if (score >= 1 && score <= 5) {
		cs_jw_key(&w, "csat");
		cs_jw_int(&w, score);
	}
	cs_fmt_cstr(&w, "csat_comment", cs_jtext(cs_jget(rating, "remark"), &r->tmp));
	cs_fmt_cstr(&w, "assignee", cs_jtext(cs_jget(c, "admin_assignee_id"), &r->tmp));
	cs_fmt_cstr(&w, "team", cs_jtext(cs_jget(c, "team_assignee_id"), &r->tmp));
	hd_meta_end(r, &w);
	x->meta_due = 1;
}

static int take_first(cs_jval item, void *ctx)
{
	*(cs_jval *)ctx = item;
	return 1;
}

/* The source's author when a customer wrote it, else the first of the
 * contacts ({"contacts":[...]} or [...]). */
static void ic_customer(struct im *x, cs_jval c)
{
	cs_jval author = cs_jpath(c, "source.author");
	const char *type = cs_jtext(cs_jget(author, "type"), &x->r.tmp);
	if (strcmp(hd_name_of(type, NAMES(ic_roles), ""), "customer") == 0) {
		hd_customer(&x->r.customer, cs_jget(author, "id"), cs_jget(author, "name"), cs_jget(author, "email"),
			    (cs_jval){0}, &x->r.tmp);
		return;
	}
	cs_jval contacts = cs_jget(c, "contacts");
	if (contacts.t == CS_J_OBJECT)
		contacts = cs_jget(contacts, "contacts");
	cs_jval first = {0};
	cs_jeach(contacts, take_first, &first);
	hd_customer(&x->r.customer, cs_jget(first, "id"), cs_jget(first, "name"), cs_jget(first, "email"),
		    (cs_jval){0}, &x->r.tmp);
}

static int ic_conversation(struct im *x, cs_jval c, uint64_t line)
{
	struct hd_rd *r = &x->r;
	if (c.t != CS_J_OBJECT)
		return hd_bad(r, c, line, "a conversation is not a JSON object");
	const char *id = cs_jtext(cs_jget(c, "id"), &r->conv);
	if (!id || !*id)
		return hd_bad(r, c, 0, "a conversation without \"id\"");
	if (hd_ts_of(r, cs_jget(c, "created_at"), "conversation", id, NULL, NULL, "created_at") < 0)
		return r->stop;
	cs_jval source = cs_jget(c, "source"), parts = cs_jget(c, "conversation_parts");
	if (parts.t == CS_J_OBJECT)
		parts = cs_jget(parts, "conversation_parts");
	if (cs_jis(parts) && parts.t != CS_J_ARRAY)
		return hd_bad(r, c, 0, "conversation %s: \"conversation_parts\" is not a list", id);
	if (source.t != CS_J_OBJECT && !cs_jlen(parts))
		return hd_bad(r, c, 0, "conversation %s has no source and no parts", id);
	x->channel = hd_name_of(cs_jtext(cs_jget(source, "type"), &r->tmp), NAMES(ic_channels), "other");
	x->ordinal = 0;
	ic_customer(x, c);
	ic_meta(x, c);
	if (source.t == CS_J_OBJECT) {
		if (hd_body(cs_jget(source, "body"), 1, &r->text, &r->tmp) < 0)
			return hd_bad(r, source, 0, "conversation %s: the source body is not a string", id);
		hd_attachments(cs_jget(source, "attachments"), &r->attach, &r->tmp);
		cs_buf idb = CS_BUF_INIT, subj = CS_BUF_INIT;
		const char *author, *sid = cs_jtext(cs_jget(source, "id"), &idb);
		const char *role = ic_author(x, cs_jget(source, "author"), &author);
		const char *subject = NULL;
		if (strcmp(x->channel, "email") == 0 && hd_body(cs_jget(source, "subject"), 1, &subj, &r->tmp) == 0)
			subject = subj.p;
		im_put(x, source, sid, role, strcmp(role, "customer") == 0 ? NULL : author, 0, NULL, subject);
		cs_buf_free(&idb);
		cs_buf_free(&subj);
		if (r->stop)
			return 1;
	}
	r->stop = 0;
	cs_jeach(parts, ic_part, x);
	return r->stop;
}

static int ic_item(cs_jval c, void *ctx) { return ic_conversation(ctx, c, 0); }

/* A conversation, or a page of them ({"type":"conversation.list",
 * "conversations":[...]}). */
static int ic_value(cs_doc *d, const char *p, size_t n, enum cs_jtype t, uint64_t line, void *ctx)
{
	cs_jval v = {p, n, t};
	cs_jval list = cs_jget(v, "conversations");
	(void)d;
	if (list.t == CS_J_ARRAY)
		return cs_jeach(list, ic_item, ctx);
	return ic_conversation(ctx, v, line);
}

static int im_read(cs_doc *d, const char *data, size_t n,
		   int (*fn)(cs_doc *d, const char *p, size_t n, enum cs_jtype t, uint64_t line, void *ctx))
{
	struct im x = {.r = {.d = d}};
	int stop = cs_doc_each_value(d, data, n, 1, fn, &x);
	hd_rd_free(&x.r);
	cs_map_free(&x.seen);
	hd_pool_free(&x.pool);
	return stop;
}

static int read_intercom(cs_doc *d, const char *data, size_t n) { return im_read(d, data, n, ic_value); }

static int sniff_intercom(const char *head, size_t n, const char *path)
{
	(void)path;
	if (hd_has_kv(head, n, "\"conversation_parts\"", NULL) || hd_has_kv(head, n, "\"delivered_as\"", NULL) ||
	    hd_has_kv(head, n, "\"part_type\"", NULL))
		return 90;
	return hd_has_kv(head, n, "\"type\"", "\"conversation.list\"") ? 85 : 0;
}

const struct cs_doc_format cs_fmt_intercom = {
	"intercom", "Intercom conversations with their parts (REST API JSON)", sniff_intercom, read_intercom};

/* ---- chatwoot ---- */

static const struct hd_name cw_channels[] = {
	{"Channel::WebWidget", "chat"},   {"Channel::Email", "email"},         {"Channel::Whatsapp", "social"},
	{"Channel::Facebook*", "social"}, {"Channel::Instagram", "social"},    {"Channel::Twitter*", "social"},
	{"Channel::Telegram", "social"},  {"Channel::Line", "social"},         {"Channel::Sms", "sms"},
	{"Channel::TwilioSms", "sms"},    {"Channel::Api", "other"},           {"Channel::Voice", "phone"}};
static const struct hd_name cw_types[] = {{"0", "incoming"}, {"1", "outgoing"}, {"2", "activity"}, {"3", "template"},
					  {"incoming", "incoming"}, {"outgoing", "outgoing"}, {"activity", "activity"},
					  {"template", "template"}};
static const struct hd_name cw_status[] = {
	{"open", "open"}, {"pending", "pending"}, {"snoozed", "pending"}, {"resolved", "solved"}};
static const struct hd_name cw_bots[] = {{"AgentBot", "bot"}, {"agent_bot", "bot"}, {"Captain::Assistant", "bot"},
					 {"captain_assistant", "bot"}, {"User", "agent"}, {"user", "agent"}};

/* Who sent a message, from sender_type or sender.type: "bot", "agent" or
 * NULL (a contact, or unknown). */
static const char *cw_sender(struct im *x, cs_jval m)
{
	cs_jval st = cs_jget(m, "sender_type");
	return hd_name_of(cs_jtext(cs_jis(st) ? st : cs_jpath(m, "sender.type"), &x->r.tmp), NAMES(cw_bots), NULL);
}

static int cw_message(cs_jval m, void *ctx)
{
	struct im *x = ctx;
	struct hd_rd *r = &x->r;
	if (m.t != CS_J_OBJECT)
		return hd_bad(r, m, 0, "conversation %s: a message is not an object", r->conv.p);
	cs_buf idb = CS_BUF_INIT;
	const char *id = cs_jtext(cs_jget(m, "id"), &idb), *shown = id ? id : "(no id)";
	const char *type = hd_name_of(cs_jtext(cs_jget(m, "message_type"), &r->tmp), NAMES(cw_types), NULL);
	if (!type) {
		hd_bad(r, m, 0, "message %s of conversation %s: unknown \"message_type\"", shown, r->conv.p);
		goto done;
	}
	if (hd_ts_of(r, cs_jget(m, "created_at"), "message", shown, "conversation", r->conv.p, "created_at") < 0)
		goto done;
	if (hd_body(cs_jget(m, "content"), 0, &r->text, &r->tmp) < 0) {
		hd_bad(r, m, 0, "message %s of conversation %s: \"content\" is not a string", shown, r->conv.p);
		goto done;
	}
	hd_attachments(cs_jget(m, "attachments"), &r->attach, &r->tmp);
	const char *sender = cw_sender(x, m), *role = "system", *event = NULL;
	if (strcmp(type, "incoming") == 0)
		role = "customer";
	else if (strcmp(type, "outgoing") == 0)
		role = sender && strcmp(sender, "bot") == 0 ? "bot" : "agent";
	else if (strcmp(type, "template") == 0)
		role = sender && strcmp(sender, "agent") == 0 ? "agent" : "bot";
	else
		event = "activity";
	cs_jval sid = cs_jget(m, "sender_id");
	const char *author = NULL;
	if (strcmp(role, "customer") != 0 && strcmp(role, "system") != 0)
		author = cs_jis(sid) ? cs_jtext(sid, &r->author)
				     : hd_first_text(cs_jget(m, "sender"), (const char *const[]){"id", "name", NULL},
						     &r->author);
	im_put(x, m, id, role, author, cs_jbool(cs_jget(m, "private"), 0), event, NULL);
done:
	cs_buf_free(&idb);
	return r->stop;
}

/* The customer from a Chatwoot contact (meta.sender, or a sender). */
static void cw_person(struct im *x, cs_jval s)
{
	cs_jval phone = cs_jget(s, "phone_number");
	hd_customer(&x->r.customer, cs_jget(s, "id"), cs_jget(s, "name"), cs_jget(s, "email"), phone, &x->r.tmp);
}

/* The conversation's id, channel, customer and fields from conversation
 * object c (an API conversation or a webhook's "conversation"); -1 when it
 * has no id (reported). */
static int cw_begin(struct im *x, cs_jval c, cs_jval at, const char *fallback_id)
{
	struct hd_rd *r = &x->r;
	const char *id = cs_jtext(cs_jget(c, "id"), &r->conv);
	if (!id || !*id) {
		if (!fallback_id) {
			hd_bad(r, at, 0, "a conversation without \"id\"");
			return -1;
		}
		cs_buf_reset(&r->conv);
		cs_buf_adds(&r->conv, fallback_id);
		cs_buf_addc(&r->conv, '\0');
		r->conv.len--;
	}
	cs_jval ch = cs_jget(c, "channel");
	x->channel = hd_name_of(cs_jtext(cs_jis(ch) ? ch : cs_jpath(c, "meta.channel"), &r->tmp), NAMES(cw_channels),
				"other");
	cw_person(x, cs_jpath(c, "meta.sender"));
	cs_jw w;
	hd_meta_begin(r, &w);
	cs_fmt_cstr(&w, "status", hd_name_of(cs_jtext(cs_jget(c, "status"), &r->tmp), NAMES(cw_status), NULL));
	cs_fmt_cstr(&w, "priority", cs_jtext(cs_jget(c, "priority"), &r->tmp));
	hd_meta_tags(r, &w, cs_jget(c, "labels"));
	cs_jval assignee = cs_jpath(c, "meta.assignee");
	cs_fmt_cstr(&w, "assignee", hd_first_text(assignee, (const char *const[]){"name", "id", NULL}, &r->tmp));
	hd_meta_end(r, &w);
	x->meta_due = 1;
	x->ordinal = 0;
	return 0;
}

/* Only the first message of a conversation gets its fields (webhooks of
 * one conversation arrive one record at a time). */
static void cw_once(struct im *x)
{
	if (cs_map_get(&x->seen, x->r.conv.p, x->r.conv.len)) {
		x->meta_due = 0;
		return;
	}
	cs_map_put(&x->seen, hd_keep(&x->pool, x->r.conv.p), x->r.conv.len, x);
}

static int cw_conversation(struct im *x, cs_jval c, cs_jval at)
{
	if (cw_begin(x, c, at, NULL) < 0)
		return x->r.stop;
	cs_jval msgs = cs_jget(c, "messages");
	if (cs_jis(msgs) && msgs.t != CS_J_ARRAY)
		return hd_bad(&x->r, msgs, 0, "conversation %s: \"messages\" is not a list", x->r.conv.p);
	if (!cs_jlen(msgs))
		return 0;
	cw_once(x);
	x->r.stop = 0;
	cs_jeach(msgs, cw_message, x);
	return x->r.stop;
}

/* conversation_status_changed: a system message carrying the new status. */
static int cw_status_change(struct im *x, cs_jval c)
{
	struct hd_rd *r = &x->r;
	cs_jval when = cs_jget(c, "updated_at");
	if (!cs_jis(when))
		when = cs_jget(c, "timestamp");
	if (hd_ts_of(r, when, "conversation", r->conv.p, NULL, NULL, "updated_at") < 0)
		return r->stop;
	cs_time t = {0};
	if (r->ts.len)
		cs_time_parse(r->ts.p, r->ts.len, &t);
	const char *raw = cs_jtext(cs_jget(c, "status"), &r->tmp2);
	cs_buf_reset(&r->text);
	cs_buf_printf(&r->text, "status changed to %s", raw && *raw ? raw : "(none)");
	cs_jw w;
	hd_meta_begin(r, &w);
	cs_fmt_cstr(&w, "status", hd_name_of(raw, NAMES(cw_status), NULL));
	hd_meta_end(r, &w);
	x->meta_due = 1;
	hd_attachments((cs_jval){0}, &r->attach, &r->tmp);
	x->ordinal = (uint64_t)t.ms;   /* the hash id: one status change per instant */
	return im_put(x, c, NULL, "system", NULL, 0, "status_change", NULL);
}

/* A message on its own: a webhook's, or one of a messages page. */
static int cw_lone_message(struct im *x, cs_jval m, cs_jval conv)
{
	struct hd_rd *r = &x->r;
	cs_buf fb = CS_BUF_INIT;
	const char *fallback = cs_jtext(cs_jget(m, "conversation_id"), &fb);
	int bad = cw_begin(x, conv, m, fallback && *fallback ? fallback : NULL) < 0;
	cs_buf_free(&fb);
	if (bad)
		return r->stop;
	cs_jval s = cs_jget(m, "sender");
	const char *type = hd_name_of(cs_jtext(cs_jget(m, "message_type"), &r->tmp), NAMES(cw_types), "");
	if (!r->customer.len && strcmp(type, "incoming") == 0)
		cw_person(x, s);
	cw_once(x);
	return cw_message(m, x);
}

static int cw_webhook(struct im *x, cs_jval v, const char *event)
{
	if (strncmp(event, "message_", 8) == 0)
		return cw_lone_message(x, v, cs_jget(v, "conversation"));
	if (strncmp(event, "conversation_", 13) != 0)
		return 0;   /* contact_*, webwidget_triggered, typing: no messages */
	if (strcmp(event, "conversation_status_changed") == 0) {
		/* before its messages, so lines are looked up going forward */
		if (cw_begin(x, v, v, NULL) < 0)
			return x->r.stop;
		if (cw_status_change(x, v))
			return 1;
	}
	return cw_conversation(x, v, v);
}

static int cw_item(cs_jval v, void *ctx)
{
	struct im *x = ctx;
	if (v.t != CS_J_OBJECT)
		return hd_bad(&x->r, v, 0, "a payload entry is not an object");
	if (cs_jis(cs_jget(v, "message_type")))
		return cw_lone_message(x, v, (cs_jval){0});
	return cw_conversation(x, v, v);
}

static int cw_value(cs_doc *d, const char *p, size_t n, enum cs_jtype t, uint64_t line, void *ctx)
{
	struct im *x = ctx;
	cs_jval v = {p, n, t};
	(void)d;
	if (t != CS_J_OBJECT)
		return hd_bad(&x->r, v, line, "a record is not a JSON object");
	cs_buf eb = CS_BUF_INIT;
	const char *event = cs_jtext(cs_jget(v, "event"), &eb);
	int stop;
	cs_jval payload = cs_jget(v, "payload");
	if (payload.t != CS_J_ARRAY)
		payload = cs_jpath(v, "data.payload");
	if (event && *event)
		stop = cw_webhook(x, v, event);
	else if (payload.t == CS_J_ARRAY)
		stop = cs_jeach(payload, cw_item, x);
	else if (cs_jis(cs_jget(v, "messages")) || cs_jis(cs_jget(v, "inbox_id")) || cs_jis(cs_jget(v, "meta")))
		stop = cw_conversation(x, v, v);
	else if (cs_jis(cs_jget(v, "message_type")))
		stop = cw_lone_message(x, v, (cs_jval){0});
	else
		stop = hd_bad(&x->r, v, line, "not a Chatwoot conversation, message or webhook event");
	cs_buf_free(&eb);
	return stop;
}

static int read_chatwoot(cs_doc *d, const char *data, size_t n) { return im_read(d, data, n, cw_value); }

static int sniff_chatwoot(const char *head, size_t n, const char *path)
{
	(void)path;
	if (!hd_has_kv(head, n, "\"message_type\"", NULL))
		return hd_has(head, n, "\"Channel::") && hd_has_kv(head, n, "\"inbox_id\"", NULL) ? 85 : 0;
	if (hd_has(head, n, "\"Channel::") || hd_has_kv(head, n, "\"inbox_id\"", NULL) ||
	    hd_has_kv(head, n, "\"sender_type\"", NULL) || hd_has_kv(head, n, "\"event\"", "\"message_") ||
	    hd_has_kv(head, n, "\"event\"", "\"conversation_"))
		return 90;
	return 0;
}

const struct cs_doc_format cs_fmt_chatwoot = {
	"chatwoot", "Chatwoot conversations with their messages, and webhook events (JSON)", sniff_chatwoot,
	read_chatwoot};
