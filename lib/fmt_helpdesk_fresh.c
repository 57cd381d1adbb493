/* fmt_helpdesk_fresh: Freshdesk tickets (API v2 {"id","subject",
 * "description_text","status","priority","source","requester_id",
 * "conversations":[...]}), in an array, one a line or one after another.
 * The description is the customer's first message; each conversation entry
 * is a message (incoming: the customer's; private: an internal note).
 * Codes become names: status 2 open, 3 pending, 4 resolved (solved),
 * 5 closed; priority 1 low, 2 medium, 3 high, 4 urgent; source 1 and 10
 * email, 2 and 9 web, 3 phone, 5 and 6 social, 7 chat, 8 app. */
#include "fmt_helpdesk.h"
#include "fmt_readers.h"
#include <string.h>

static const struct hd_name fd_status[] = {{"2", "open"}, {"3", "pending"}, {"4", "solved"}, {"5", "closed"}};
static const struct hd_name fd_priority[] = {{"1", "low"}, {"2", "medium"}, {"3", "high"}, {"4", "urgent"}};
static const struct hd_name fd_source[] = {{"1", "email"}, {"2", "web"},  {"3", "phone"}, {"5", "social"},
					   {"6", "social"}, {"7", "chat"}, {"8", "app"},   {"9", "web"},
					   {"10", "email"}};
#define NAMES(t) t, sizeof t / sizeof t[0]

struct fd {
	struct hd_rd r;
	const char *channel;
	uint64_t ordinal;
	int meta_due;   /* the conversation's fields are still to be written */
};

static void fd_meta(struct fd *x, cs_jval t)
{
	struct hd_rd *r = &x->r;
	cs_jw w;
	hd_meta_begin(r, &w);
	cs_fmt_cstr(&w, "subject", cs_jtext(cs_jget(t, "subject"), &r->tmp));
	cs_fmt_cstr(&w, "status", hd_name_of(cs_jtext(cs_jget(t, "status"), &r->tmp), NAMES(fd_status), NULL));
	cs_fmt_cstr(&w, "priority", hd_name_of(cs_jtext(cs_jget(t, "priority"), &r->tmp), NAMES(fd_priority), NULL));
	cs_fmt_cstr(&w, "type", cs_jtext(cs_jget(t, "type"), &r->tmp));
	hd_meta_tags(r, &w, cs_jget(t, "tags"));
	cs_fmt_cstr(&w, "group", cs_jtext(cs_jget(t, "group_id"), &r->tmp));
	hd_meta_end(r, &w);
	x->meta_due = 1;
}

static void fd_customer(struct fd *x, cs_jval t)
{
	cs_jval req = cs_jget(t, "requester");
	cs_jval id = cs_jis(cs_jget(req, "id")) ? cs_jget(req, "id") : cs_jget(t, "requester_id");
	cs_jval email = cs_jis(cs_jget(req, "email")) ? cs_jget(req, "email") : cs_jget(t, "email");
	cs_jval phone = cs_jis(cs_jget(req, "phone")) ? cs_jget(req, "phone") : cs_jget(req, "mobile");
	hd_customer(&x->r.customer, id, cs_jget(req, "name"), email, phone, &x->r.tmp);
}

/* One message of the ticket x->r.conv; ts in r->ts, text in r->text. */
static int fd_put(struct fd *x, cs_jval at, const char *id, const char *role, const char *author, int internal,
		  const char *subject)
{
	struct hd_rd *r = &x->r;
	struct hd_out o = {.id = id, .conv = r->conv.p, .ts = r->ts.len ? r->ts.p : NULL, .channel = x->channel,
			   .customer = r->customer.p, .role = role, .author = author, .text = r->text.p,
			   .textn = r->text.len, .attachments = r->attach.p, .internal = internal,
			   .subject = subject, .line = cs_doc_line(r->d, at.p), .ordinal = x->ordinal++};
	if (x->meta_due)
		o.conversation = r->meta.p;
	x->meta_due = 0;
	r->stop = hd_put(&r->m, r->d, &o);
	return r->stop;
}

static int fd_conversation(cs_jval c, void *ctx)
{
	struct fd *x = ctx;
	struct hd_rd *r = &x->r;
	if (c.t != CS_J_OBJECT)
		return hd_bad(r, c, 0, "ticket %s: a conversation is not an object", r->conv.p);
	const char *id = cs_jtext(cs_jget(c, "id"), &r->id);
	cs_jval when = cs_jget(c, "created_at");
	if (hd_ts_of(r, when, "conversation", id ? id : "(no id)", "ticket", r->conv.p, "created_at") < 0)
		return r->stop;
	int got = hd_body(cs_jget(c, "body_text"), 0, &r->text, &r->tmp);
	got = hd_body_else(got, cs_jget(c, "body"), 1, &r->text, &r->tmp);
	if (got < 0)
		return hd_bad(r, c, 0, "conversation %s of ticket %s: the body is not a string", id ? id : "(no id)",
			      r->conv.p);
	hd_attachments(cs_jget(c, "attachments"), &r->attach, &r->tmp);
	int incoming = cs_jbool(cs_jget(c, "incoming"), 0), internal = cs_jbool(cs_jget(c, "private"), 0);
	const char *author = cs_jtext(cs_jget(c, "user_id"), &r->author);
	return fd_put(x, c, id, incoming && !internal ? "customer" : "agent", incoming ? NULL : author, internal,
		      NULL);
}

static int fd_ticket(struct fd *x, cs_jval t, uint64_t line)
{
	struct hd_rd *r = &x->r;
	if (t.t != CS_J_OBJECT)
		return hd_bad(r, t, line, "a ticket is not a JSON object");
	if (!cs_jtext(cs_jget(t, "id"), &r->conv) || !r->conv.len)
		return hd_bad(r, (cs_jval){0}, line, "a ticket without \"id\"");
	if (hd_ts_of(r, cs_jget(t, "created_at"), "ticket", r->conv.p, NULL, NULL, "created_at") < 0)
		return r->stop;
	x->channel = hd_name_of(cs_jtext(cs_jget(t, "source"), &r->tmp), NAMES(fd_source), "other");
	x->ordinal = 0;
	fd_customer(x, t);
	fd_meta(x, t);
	cs_jval convs = cs_jget(t, "conversations");
	int got = hd_body(cs_jget(t, "description_text"), 0, &r->text, &r->tmp);
	got = hd_body_else(got, cs_jget(t, "description"), 1, &r->text, &r->tmp);
	if (got < 0)
		return hd_bad(r, t, 0, "ticket %s: the description is not a string", r->conv.p);
	if (!r->text.len && !cs_jlen(convs))
		return hd_bad(r, t, 0, "ticket %s has no description and no conversations", r->conv.p);
	if (r->text.len) {
		hd_attachments(cs_jget(t, "attachments"), &r->attach, &r->tmp);
		const char *subject = cs_jtext(cs_jget(t, "subject"), &r->tmp2);
		if (fd_put(x, t, NULL, "customer", NULL, 0, strcmp(x->channel, "email") == 0 ? subject : NULL))
			return 1;
	}
	if (cs_jis(convs) && convs.t != CS_J_ARRAY)
		return hd_bad(r, convs, 0, "ticket %s: \"conversations\" is not an array", r->conv.p);
	r->stop = 0;
	cs_jeach(convs, fd_conversation, x);
	return r->stop;
}

static int fd_value(cs_doc *d, const char *p, size_t n, enum cs_jtype t, uint64_t line, void *ctx)
{
	(void)d;
	return fd_ticket(ctx, (cs_jval){p, n, t}, line);
}

static int read_freshdesk(cs_doc *d, const char *data, size_t n)
{
	struct fd x = {.r = {.d = d}};
	int stop = cs_doc_each_value(d, data, n, 1, fd_value, &x);
	hd_rd_free(&x.r);
	return stop;
}

static int sniff_freshdesk(const char *head, size_t n, const char *path)
{
	(void)path;
	if (hd_has(head, n, "\"via\"") || hd_has(head, n, "\"conversation_parts\""))
		return 0;
	if (hd_has_kv(head, n, "\"description_text\"", NULL) || hd_has_kv(head, n, "\"fr_due_by\"", NULL) ||
	    (hd_has_kv(head, n, "\"body_text\"", NULL) && hd_has_kv(head, n, "\"incoming\"", NULL)))
		return 90;
	return hd_has_kv(head, n, "\"requester_id\"", NULL) && hd_has_kv(head, n, "\"responder_id\"", NULL) ? 85 : 0;
}

const struct cs_doc_format cs_fmt_freshdesk = {
	"freshdesk", "Freshdesk tickets with their conversations (API v2 JSON)", sniff_freshdesk, read_freshdesk};
