/* fmt_wechat: WeChat customer service.
 *  - wechat-xml: official-account message pushes, <xml>...</xml> documents
 *    one after another (as a callback logs them), read with fmt_xml.
 *  - wechat-kf: customer-service JSON: the official account's chat record
 *    list ({"recordlist":[{openid, opercode, text, time, worker}]}), WeCom
 *    微信客服 sync_msg pages ({"msg_list":[...]}) and session lists.
 * Messages carry no conversation_id: a WeChat chat has none, so the engine
 * groups by the customer (OpenID or external_userid) and channel "wechat",
 * with the inactivity gap. WeChat pushes again when a server is slow to
 * answer: a message's id is its MsgId/msgid, and an event's a hash of what
 * identifies it, so the engine's duplicate table drops the copies. */
#include "fmt.h"
#include "fmt_readers.h"
#include "fmt_xml.h"
#include "kit_time.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- what both readers write ---- */

struct att {
	const char *type, *url, *name;   /* NUL-terminated; url and name may be NULL or empty */
};

/* What one message holds besides its source. Strings are NUL-terminated;
 * NULL or "" leaves the field out. */
struct wmsg {
	const char *id;
	cs_time ts;
	const char *customer, *ids_key;   /* the customer's id and the system it belongs to */
	const char *role, *author, *text, *event, *account;
	struct att att[2];
	int natt;
};

static int has(const char *s) { return s && *s; }

static void put_customer(cs_jw *w, const char *id, const char *ids_key)
{
	if (!has(id))
		return;
	cs_jw_key(w, "customer");
	cs_jw_object(w);
	cs_fmt_cstr(w, "id", id);
	cs_jw_key(w, "ids");
	cs_jw_object(w);
	cs_fmt_cstr(w, ids_key, id);
	cs_jw_end_object(w);
	cs_jw_end_object(w);
}

static void put_attachments(cs_jw *w, const struct att *att, int n)
{
	if (n <= 0)
		return;
	cs_jw_key(w, "attachments");
	cs_jw_array(w);
	for (int i = 0; i < n; i++) {
		cs_jw_object(w);
		cs_fmt_cstr(w, "type", att[i].type);
		if (has(att[i].url))
			cs_fmt_cstr(w, "url", att[i].url);
		if (has(att[i].name))
			cs_fmt_cstr(w, "name", att[i].name);
		cs_jw_end_object(w);
	}
	cs_jw_end_array(w);
}

/* Write msg from line; source_id is the id the source gave it (or NULL).
 * Returns 1 when the run stops. */
static int put_wmsg(cs_fmt_msg *m, cs_doc *d, uint64_t line, const struct wmsg *msg, const char *source_id)
{
	char ts[40];
	size_t tsn = cs_time_format(msg->ts, ts);
	cs_fmt_begin(m, d, "message", line);
	cs_jw *w = &m->w;
	cs_fmt_cstr(w, "id", msg->id);
	cs_fmt_str(w, "ts", ts, tsn);
	cs_fmt_cstr(w, "channel", "wechat");
	put_customer(w, msg->customer, msg->ids_key);
	cs_fmt_cstr(w, "role", msg->role);
	if (has(msg->author))
		cs_fmt_cstr(w, "author", msg->author);
	cs_jw_key(w, "text");
	cs_jw_cstr(w, msg->text ? msg->text : "");
	put_attachments(w, msg->att, msg->natt);
	if (has(msg->event))
		cs_fmt_cstr(w, "event", msg->event);
	if (has(msg->account))
		cs_fmt_cstr(w, "account", msg->account);
	return cs_fmt_end(m, source_id, source_id ? strlen(source_id) : 0);
}

static void add_att(struct wmsg *msg, const char *type, const char *url, const char *name)
{
	if (msg->natt < (int)(sizeof msg->att / sizeof msg->att[0]))
		msg->att[msg->natt++] = (struct att){type, url, name};
}

/* An event name as cs writes them: lower case ("CLICK" -> "click"). */
static const char *lower(const char *s, cs_buf *out)
{
	cs_buf_reset(out);
	for (; s && *s; s++)
		cs_buf_addc(out, *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s);
	cs_buf_addc(out, '\0');
	return out->p;
}

/* "geo:LAT,LON" (RFC 5870) into out, or NULL without both. */
static const char *geo_uri(const char *lat, const char *lon, cs_buf *out)
{
	if (!has(lat) || !has(lon))
		return NULL;
	cs_buf_reset(out);
	cs_buf_printf(out, "geo:%s,%s", lat, lon);
	return out->p;
}

/* a, or a, a newline and b, into out. */
static const char *two_lines(const char *a, const char *b, cs_buf *out)
{
	cs_buf_reset(out);
	if (has(a))
		cs_buf_adds(out, a);
	if (has(a) && has(b))
		cs_buf_addc(out, '\n');
	if (has(b))
		cs_buf_adds(out, b);
	cs_buf_addc(out, '\0');
	return out->p;
}

/* ======================= wechat-xml ======================= */

#define PUSH_MAX_FIELDS 256

struct field {
	const char *name;
	size_t namen;
	size_t off, len;   /* the decoded text in push.vals */
	int depth;         /* 1: a child of <xml> */
};

struct push {
	cs_doc *d;
	cs_xml xml;
	cs_fmt_msg m;
	cs_buf vals;                    /* field texts, each NUL-terminated */
	cs_buf text, geo, event, key;   /* what a message is built from */
	struct field f[PUSH_MAX_FIELDS];
	size_t n;
	int open[CS_XML_MAX_DEPTH];     /* the field of each open element, or -1 */
	uint64_t line;                  /* where the push began */
};

static void push_free(struct push *x)
{
	cs_fmt_msg_free(&x->m);
	cs_buf_free(&x->vals);
	cs_buf_free(&x->text);
	cs_buf_free(&x->geo);
	cs_buf_free(&x->event);
	cs_buf_free(&x->key);
}

/* The text of element name, the one nearest the root; NULL when absent. */
static const char *get(const struct push *x, const char *name)
{
	size_t want = strlen(name);
	const struct field *best = NULL;
	for (size_t i = 0; i < x->n; i++)
		if (x->f[i].namen == want && memcmp(x->f[i].name, name, want) == 0 && (!best || x->f[i].depth < best->depth))
			best = &x->f[i];
	return best ? x->vals.p + best->off : NULL;
}

static int all_space(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			return 0;
	return 1;
}

/* Skip to the next "<xml" tag after p, to read on after damage. */
static void resync(cs_xml *xml, const char *p)
{
	const char *e = xml->e;
	while (p && p < e) {
		p = memmem(p, (size_t)(e - p), "<xml", 4);
		if (!p || (p + 4 < e && (p[4] == '>' || p[4] == ' ' || p[4] == '\t' || p[4] == '\n' || p[4] == '\r')))
			break;
		p += 4;
	}
	cs_xml_restart(xml, p ? p : e);
}

static void field_open(struct push *x)
{
	int depth = x->xml.depth - 1;   /* the root is depth 0 */
	x->open[x->xml.depth - 1] = -1;
	if (depth < 1 || x->n >= PUSH_MAX_FIELDS)
		return;
	/* The previous field's text ends here: keep it NUL-terminated. */
	cs_buf_addc(&x->vals, '\0');
	x->f[x->n] = (struct field){x->xml.name, x->xml.namen, x->vals.len, 0, depth};
	x->open[x->xml.depth - 1] = (int)x->n++;
}

/* Text inside the current element: appended to its field while it is the
 * last one written (text after a child element, mixed content, is not
 * kept). Returns -1 at a malformed reference. */
static int field_text(struct push *x)
{
	cs_xml *xml = &x->xml;
	if (xml->depth < 2 || (!xml->cdata && all_space(xml->text, xml->textn)))
		return 0;
	int i = x->open[xml->depth - 1];
	if (i < 0 || x->f[i].off + x->f[i].len != x->vals.len)
		return 0;
	int r = cs_xml_decode(xml->text, xml->textn, xml->cdata, &x->vals);
	x->f[i].len = x->vals.len - x->f[i].off;
	return r;
}

static int put_push(struct push *x);

/* Report damage at where it is, and read on from the next push. */
static int push_damaged(struct push *x, const char *at, const char *why)
{
	uint64_t line = at < x->xml.e ? cs_doc_line(x->d, at) : x->line;
	int stop = cs_doc_bad(x->d, line, "%s", why);
	resync(&x->xml, at < x->xml.e ? at + 1 : at);
	return stop;
}

/* One push, its root <xml> just read; returns 1 when the run stops. */
static int read_push(struct push *x)
{
	cs_xml *xml = &x->xml;
	char why[200];
	int root_is_xml = xml->namen == 3 && memcmp(xml->name, "xml", 3) == 0;
	x->line = cs_doc_line(x->d, xml->at);
	x->n = 0;
	cs_buf_reset(&x->vals);
	for (;;) {
		switch (cs_xml_next(xml)) {
		case CS_XML_START:
			field_open(x);
			break;
		case CS_XML_TEXT:
			if (field_text(x) < 0)
				return push_damaged(x, xml->at, "a malformed entity or character reference");
			break;
		case CS_XML_END:
			if (xml->depth > 0)
				break;
			cs_buf_addc(&x->vals, '\0');
			if (!root_is_xml)
				return cs_doc_bad(x->d, x->line, "an element that is not a push <xml>");
			return put_push(x);
		case CS_XML_EOF:   /* not reached: an open element makes it an error */
		case CS_XML_ERROR:
			if (xml->at >= xml->e) {
				snprintf(why, sizeof why, "a push that is not closed: %s", xml->err);
				cs_xml_restart(xml, xml->e);
				return cs_doc_bad(x->d, x->line, "%s", why);
			}
			snprintf(why, sizeof why, "malformed XML: %s", xml->err);
			return push_damaged(x, xml->at, why);
		}
	}
}

/* How the customer's message reads: text and attachments by MsgType. */
static void push_content(struct push *x, const char *type, struct wmsg *msg)
{
	const char *media = get(x, "MediaId");
	if (strcmp(type, "text") == 0) {
		msg->text = get(x, "Content");
	} else if (strcmp(type, "image") == 0) {
		add_att(msg, "image", get(x, "PicUrl"), media);
	} else if (strcmp(type, "voice") == 0) {
		msg->text = get(x, "Recognition");   /* WeChat's speech recognition, when it is on */
		add_att(msg, "audio", NULL, media);
	} else if (strcmp(type, "video") == 0 || strcmp(type, "shortvideo") == 0) {
		add_att(msg, "video", NULL, media);
	} else if (strcmp(type, "location") == 0) {
		msg->text = get(x, "Label");
		add_att(msg, "location", geo_uri(get(x, "Location_X"), get(x, "Location_Y"), &x->geo), get(x, "Label"));
	} else if (strcmp(type, "link") == 0) {
		msg->text = two_lines(get(x, "Title"), get(x, "Description"), &x->text);
		add_att(msg, "link", get(x, "Url"), get(x, "Title"));
	} else {
		/* A type cs does not know (file, miniprogrampage...): what text it has. */
		msg->text = has(get(x, "Content")) ? get(x, "Content") : get(x, "Title");
		if (has(media) || has(get(x, "Url")))
			add_att(msg, type, get(x, "Url"), has(media) ? media : get(x, "Title"));
	}
}

/* An event: a system message; the key (menu key, scene, URL) is its text. */
static void push_event(struct push *x, struct wmsg *msg)
{
	const char *ev = get(x, "Event");
	msg->role = "system";
	msg->event = lower(has(ev) ? ev : "event", &x->event);
	msg->text = get(x, "EventKey");
	/* kf_create_session/kf_close_session name the agent; kf_switch_session the new one. */
	msg->author = has(get(x, "KfAccount")) ? get(x, "KfAccount") : get(x, "ToKfAccount");
	if (strcmp(msg->event, "location") == 0)
		add_att(msg, "location", geo_uri(get(x, "Latitude"), get(x, "Longitude"), &x->geo), NULL);
}

/* No MsgId (events): a hash of the sender, the second and what happened,
 * the same for every retry of the push. */
static void push_hash_id(struct push *x, const char *from, int64_t secs, const char *type, char *id)
{
	const char *parts[] = {type, get(x, "Event"), get(x, "EventKey"), get(x, "Content")};
	cs_buf_reset(&x->key);
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		if (parts[i])
			cs_buf_adds(&x->key, parts[i]);
		cs_buf_addc(&x->key, '\n');
	}
	cs_fmt_hash_id(id, "wechat-xml", from, strlen(from), (uint64_t)secs, x->key.p, x->key.len);
}

static int put_push(struct push *x)
{
	const char *from = get(x, "FromUserName"), *ct = get(x, "CreateTime"), *type = get(x, "MsgType");
	if (!has(type) && get(x, "Encrypt"))
		return cs_doc_bad(x->d, x->line,
				  "an encrypted push (<Encrypt>): cs cannot read it without the account's "
				  "EncodingAESKey; decrypt it first");
	if (!has(from))
		return cs_doc_bad(x->d, x->line, "a push without <FromUserName>");
	struct wmsg msg = {.customer = from, .ids_key = "wechat", .role = "customer", .account = get(x, "ToUserName")};
	if (!has(ct))
		return cs_doc_bad(x->d, x->line, "a push without <CreateTime>");
	if (cs_time_parse(ct, strlen(ct), &msg.ts) < 0)
		return cs_doc_bad(x->d, x->line, "<CreateTime> '%.40s' is not a time: %s", ct, cs_time_why(ct, strlen(ct)));
	if (!has(type))
		return cs_doc_bad(x->d, x->line, "a push without <MsgType>");
	if (strcmp(type, "event") == 0)
		push_event(x, &msg);
	else
		push_content(x, type, &msg);
	char hashed[20];
	const char *msgid = get(x, "MsgId");
	if (has(msgid)) {
		msg.id = msgid;
	} else {
		push_hash_id(x, from, msg.ts.ms / 1000, type, hashed);
		msg.id = hashed;
	}
	return put_wmsg(&x->m, x->d, x->line, &msg, has(msgid) ? msgid : NULL);
}

static int read_wechat_xml(cs_doc *d, const char *data, size_t n)
{
	struct push *x = calloc(1, sizeof *x);
	if (!x)
		return cs_doc_bad(d, 0, "out of memory");
	x->d = d;
	cs_xml_init(&x->xml, data, n, cs_doc_common(d)->max_depth);
	int stop = 0;
	while (!stop) {
		enum cs_xml_tok t = cs_xml_next(&x->xml);
		if (t == CS_XML_EOF)
			break;
		if (t == CS_XML_START) {
			stop = read_push(x);
		} else if (t == CS_XML_TEXT) {
			x->line = cs_doc_line(d, x->xml.at);
			stop = push_damaged(x, x->xml.at, "text outside a push <xml>");
		} else {
			x->line = cs_doc_line(d, x->xml.at < x->xml.e ? x->xml.at : data);
			char why[200];
			snprintf(why, sizeof why, "malformed XML: %s", x->xml.err);
			stop = push_damaged(x, x->xml.at, why);
		}
	}
	push_free(x);
	free(x);
	return stop;
}

static int sniff_wechat_xml(const char *head, size_t n, const char *path)
{
	(void)path;
	const char *root = memmem(head, n, "<xml>", 5);
	if (!root)
		return 0;
	if (memmem(head, n, "<FromUserName>", 14) && memmem(head, n, "<MsgType>", 9))
		return 92;
	if (memmem(head, n, "<ToUserName>", 12) && memmem(head, n, "<Encrypt>", 9))
		return 90;
	return memmem(head, n, "<ToUserName>", 12) || memmem(head, n, "<CreateTime>", 12) ? 80 : 0;
}

const struct cs_doc_format cs_fmt_wechat_xml = {
	"wechat-xml", "WeChat official-account message pushes (<xml> documents: MsgType, FromUserName, MsgId)",
	sniff_wechat_xml, read_wechat_xml};

/* ======================= wechat-kf ======================= */

struct kf {
	cs_doc *d;
	cs_fmt_msg m;
	cs_buf customer, author, text, event, id, time, media, url, title, key, account, type, geo;
	uint64_t line;
	int stop;
};

static void kf_free(struct kf *x)
{
	cs_buf *bufs[] = {&x->customer, &x->author, &x->text, &x->event, &x->id, &x->time,
			  &x->media, &x->url, &x->title, &x->key, &x->account, &x->type, &x->geo};
	cs_fmt_msg_free(&x->m);
	for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++)
		cs_buf_free(bufs[i]);
}

/* v as text in out, "" when it is absent or not text. */
static const char *jstr(cs_jval v, cs_buf *out)
{
	const char *s = cs_jtext(v, out);
	return s ? s : "";
}

/* The time v holds (unix seconds), or -1 with nothing read. */
static int jtime(struct kf *x, cs_jval v, cs_time *out)
{
	const char *s = cs_jtext(v, &x->time);
	return s && cs_time_parse(s, strlen(s), out) == 0 ? 0 : -1;
}

/* A stable id for a record without one: who, when and what. */
static const char *kf_hash_id(struct kf *x, const struct wmsg *msg, const char *what, char *out)
{
	cs_buf_reset(&x->key);
	cs_buf_printf(&x->key, "%s\n%s\n%s\n%s", what, msg->author ? msg->author : "", msg->event ? msg->event : "",
		      msg->text ? msg->text : "");
	cs_fmt_hash_id(out, "wechat-kf", msg->customer, strlen(msg->customer), (uint64_t)(msg->ts.ms / 1000), x->key.p,
		       x->key.len);
	return out;
}

/* ---- the official account's chat records ---- */

static const char *opercode_event(int64_t code, char *buf, size_t size)
{
	switch (code) {
	case 1000: return "session_queued";       /* created, not yet taken by an agent */
	case 1001: return "session_accepted";
	case 1002: return "session_initiated";    /* the agent started it */
	case 1003: return "session_transferred";
	case 1004: return "session_closed";
	case 1005: return "session_grabbed";      /* an agent took it from the queue */
	default: snprintf(buf, size, "opercode_%lld", (long long)code); return buf;
	}
}

/* The record list shows media as "[image]", "[voice]", "[video]". */
static void media_placeholder(struct wmsg *msg)
{
	static const char *const shown[][2] = {{"[image]", "image"}, {"[voice]", "audio"}, {"[video]", "video"}};
	for (size_t i = 0; i < sizeof shown / sizeof shown[0]; i++)
		if (msg->text && strcmp(msg->text, shown[i][0]) == 0) {
			msg->text = "";
			add_att(msg, shown[i][1], NULL, NULL);
		}
}

static int kf_record(cs_jval rec, void *ctx)
{
	struct kf *x = ctx;
	char event_buf[32], code_text[24], hashed[20];
	x->line = cs_doc_line(x->d, rec.p);
	struct wmsg msg = {.ids_key = "wechat"};
	msg.customer = jstr(cs_jget(rec, "openid"), &x->customer);
	if (!*msg.customer)
		return x->stop = cs_doc_bad(x->d, x->line, "a chat record without \"openid\"");
	if (jtime(x, cs_jget(rec, "time"), &msg.ts) < 0)
		return x->stop = cs_doc_bad(x->d, x->line, "a chat record without a readable \"time\"");
	int64_t code = cs_jint(cs_jget(rec, "opercode"), -1);
	msg.author = jstr(cs_jget(rec, "worker"), &x->author);
	msg.text = jstr(cs_jget(rec, "text"), &x->text);
	if (code == 2002) {
		msg.role = "agent";
	} else if (code == 2001 || code == 2003) {
		msg.role = "customer";   /* received by the account (2001) or by the agent (2003) */
		msg.author = NULL;
	} else if (code >= 0) {
		msg.role = "system";
		msg.event = opercode_event(code, event_buf, sizeof event_buf);
	} else {
		return x->stop = cs_doc_bad(x->d, x->line, "a chat record without a numeric \"opercode\"");
	}
	media_placeholder(&msg);
	snprintf(code_text, sizeof code_text, "%lld", (long long)code);
	msg.id = kf_hash_id(x, &msg, code_text, hashed);
	return x->stop = put_wmsg(&x->m, x->d, x->line, &msg, NULL);
}

/* ---- WeCom 微信客服 sync_msg ---- */

/* A msgmenu's lines: the head, each choice's content, the tail. */
static int menu_choice(cs_jval item, void *ctx)
{
	struct kf *x = ctx;
	const char *type = cs_jtext(cs_jget(item, "type"), &x->title);
	const char *content = type ? cs_jtext(cs_jget(cs_jget(item, type), "content"), &x->key) : NULL;
	if (has(content)) {
		if (x->text.len)
			cs_buf_addc(&x->text, '\n');
		cs_buf_adds(&x->text, content);
	}
	return 0;
}

static const char *menu_text(struct kf *x, cs_jval menu)
{
	cs_buf_reset(&x->text);
	const char *head = cs_jtext(cs_jget(menu, "head_content"), &x->title);
	if (has(head))
		cs_buf_adds(&x->text, head);
	cs_jeach(cs_jget(menu, "list"), menu_choice, x);
	const char *tail = cs_jtext(cs_jget(menu, "tail_content"), &x->title);
	if (has(tail)) {
		if (x->text.len)
			cs_buf_addc(&x->text, '\n');
		cs_buf_adds(&x->text, tail);
	}
	cs_buf_addc(&x->text, '\0');
	return x->text.p;
}

/* What a message of msgtype type says: its text and attachments. */
static void sync_content(struct kf *x, cs_jval msgv, const char *type, struct wmsg *msg)
{
	cs_jval body = cs_jget(msgv, type);
	if (strcmp(type, "text") == 0) {
		msg->text = jstr(cs_jget(body, "content"), &x->text);
	} else if (strcmp(type, "image") == 0 || strcmp(type, "voice") == 0 || strcmp(type, "video") == 0 ||
		   strcmp(type, "file") == 0) {
		add_att(msg, strcmp(type, "voice") == 0 ? "audio" : type, NULL, jstr(cs_jget(body, "media_id"), &x->media));
	} else if (strcmp(type, "location") == 0) {
		const char *name = jstr(cs_jget(body, "name"), &x->title);
		msg->text = two_lines(name, jstr(cs_jget(body, "address"), &x->key), &x->text);
		cs_buf lat = CS_BUF_INIT, lon = CS_BUF_INIT;
		add_att(msg, "location",
			geo_uri(jstr(cs_jget(body, "latitude"), &lat), jstr(cs_jget(body, "longitude"), &lon), &x->geo),
			name);
		cs_buf_free(&lat);
		cs_buf_free(&lon);
	} else if (strcmp(type, "link") == 0) {
		const char *title = jstr(cs_jget(body, "title"), &x->title);
		msg->text = two_lines(title, jstr(cs_jget(body, "desc"), &x->key), &x->text);
		add_att(msg, "link", jstr(cs_jget(body, "url"), &x->url), title);
	} else if (strcmp(type, "business_card") == 0) {
		add_att(msg, "business_card", NULL, jstr(cs_jget(body, "userid"), &x->media));
	} else if (strcmp(type, "miniprogram") == 0) {
		msg->text = jstr(cs_jget(body, "title"), &x->text);
		add_att(msg, "miniprogram", NULL, jstr(cs_jget(body, "pagepath"), &x->media));
	} else if (strcmp(type, "msgmenu") == 0) {
		msg->text = menu_text(x, body);
	} else {
		msg->text = jstr(cs_jget(body, "content"), &x->text);
	}
}

/* An event of the 微信客服 account (origin 4): a system message. */
static void sync_event(struct kf *x, cs_jval ev, struct wmsg *msg)
{
	msg->role = "system";
	msg->event = jstr(cs_jget(ev, "event_type"), &x->text);
	if (!*msg->event)
		msg->event = "event";
	if (!*msg->customer)
		msg->customer = jstr(cs_jget(ev, "external_userid"), &x->customer);
	cs_jval agent = cs_jget(ev, "servicer_userid");
	msg->author = jstr(cs_jis(agent) ? agent : cs_jget(ev, "new_servicer_userid"), &x->author);
	msg->text = NULL;
}

static int sync_msg(cs_jval mv, void *ctx)
{
	struct kf *x = ctx;
	char hashed[20];
	x->line = cs_doc_line(x->d, mv.p);
	struct wmsg msg = {.ids_key = "wecom"};
	msg.customer = jstr(cs_jget(mv, "external_userid"), &x->customer);
	msg.account = jstr(cs_jget(mv, "open_kfid"), &x->account);
	if (jtime(x, cs_jget(mv, "send_time"), &msg.ts) < 0)
		return x->stop = cs_doc_bad(x->d, x->line, "a message without a readable \"send_time\"");
	const char *type = jstr(cs_jget(mv, "msgtype"), &x->type);
	int64_t origin = cs_jint(cs_jget(mv, "origin"), -1);
	if (origin == 4 || strcmp(type, "event") == 0) {
		sync_event(x, cs_jget(mv, "event"), &msg);
		if (!*msg.customer)
			return 0;   /* about an agent alone (servicer_status_change): no conversation's */
	} else if (origin == 3 || origin == 5) {
		if (!*msg.customer)
			return x->stop = cs_doc_bad(x->d, x->line, "a message without \"external_userid\"");
		msg.role = origin == 3 ? "customer" : "agent";
		if (origin == 5)
			msg.author = jstr(cs_jget(mv, "servicer_userid"), &x->author);
		sync_content(x, mv, type, &msg);
	} else {
		return x->stop = cs_doc_bad(x->d, x->line, "a message whose \"origin\" is not 3, 4 or 5");
	}
	const char *msgid = jstr(cs_jget(mv, "msgid"), &x->id);
	msg.id = *msgid ? msgid : kf_hash_id(x, &msg, type, hashed);
	return x->stop = put_wmsg(&x->m, x->d, x->line, &msg, *msgid ? msgid : NULL);
}

/* ---- session lists ---- */

struct session_kind {
	struct kf *x;
	const char *event, *time_key;
	cs_jval top;   /* the answer, for a kf_account given once */
};

static int kf_session(cs_jval sv, void *ctx)
{
	struct session_kind *k = ctx;
	struct kf *x = k->x;
	char hashed[20];
	x->line = cs_doc_line(x->d, sv.p);
	struct wmsg msg = {.ids_key = "wechat", .role = "system", .event = k->event};
	msg.customer = jstr(cs_jget(sv, "openid"), &x->customer);
	if (!*msg.customer)
		return x->stop = cs_doc_bad(x->d, x->line, "a session without \"openid\"");
	if (jtime(x, cs_jget(sv, k->time_key), &msg.ts) < 0)
		return x->stop = cs_doc_bad(x->d, x->line, "a session without a readable \"%s\"", k->time_key);
	cs_jval agent = cs_jget(sv, "kf_account");
	msg.author = jstr(cs_jis(agent) ? agent : cs_jget(k->top, "kf_account"), &x->author);
	msg.id = kf_hash_id(x, &msg, k->event, hashed);
	return x->stop = put_wmsg(&x->m, x->d, x->line, &msg, NULL);
}

/* ---- one JSON value: an API answer or a single record ---- */

static int kf_each(struct kf *x, cs_jval list, int (*fn)(cs_jval, void *), void *ctx)
{
	x->stop = 0;
	cs_jeach(list, fn, ctx);
	return x->stop;
}

static int kf_value(cs_doc *d, const char *p, size_t n, enum cs_jtype t, uint64_t line, void *ctx)
{
	struct kf *x = ctx;
	cs_jval v = {p, n, t};
	if (t != CS_J_OBJECT)
		return cs_doc_bad(d, line, "not a JSON object");
	int64_t errcode = cs_jint(cs_jget(v, "errcode"), 0);
	if (errcode != 0)
		return cs_doc_bad(d, line, "an API error answer (errcode %lld: %s)", (long long)errcode,
				  jstr(cs_jget(v, "errmsg"), &x->text));
	if (cs_jget(v, "recordlist").t == CS_J_ARRAY)
		return kf_each(x, cs_jget(v, "recordlist"), kf_record, x);
	if (cs_jget(v, "msg_list").t == CS_J_ARRAY)
		return kf_each(x, cs_jget(v, "msg_list"), sync_msg, x);
	struct session_kind session = {x, "session", "createtime", v}, waiting = {x, "session_waiting", "latest_time", v};
	if (cs_jget(v, "sessionlist").t == CS_J_ARRAY)
		return kf_each(x, cs_jget(v, "sessionlist"), kf_session, &session);
	if (cs_jget(v, "waitcaselist").t == CS_J_ARRAY)
		return kf_each(x, cs_jget(v, "waitcaselist"), kf_session, &waiting);
	if (cs_jis(cs_jget(v, "opercode")))
		return kf_record(v, x);
	if (cs_jis(cs_jget(v, "origin")) && cs_jis(cs_jget(v, "send_time")))
		return sync_msg(v, x);
	if (cs_jis(cs_jget(v, "createtime")))
		return kf_session(v, &session);
	if (cs_jis(cs_jget(v, "latest_time")))
		return kf_session(v, &waiting);
	return cs_doc_bad(d, line, "not a WeChat customer-service record list, sync_msg page or session list");
}

static int read_wechat_kf(cs_doc *d, const char *data, size_t n)
{
	struct kf x = {.d = d};
	int stop = cs_doc_each_value(d, data, n, 1, kf_value, &x);
	kf_free(&x);
	return stop;
}

static int sniff_wechat_kf(const char *head, size_t n, const char *path)
{
	(void)path;
#define HAS(lit) (memmem(head, n, "\"" lit "\"", sizeof lit + 1) != NULL)
	if (HAS("recordlist") || (HAS("opercode") && HAS("openid") && HAS("worker")))
		return 90;
	if (HAS("msg_list") || (HAS("open_kfid") && HAS("origin") && HAS("send_time")))
		return 90;
	if (HAS("sessionlist") || HAS("waitcaselist"))
		return 88;
	if (HAS("kf_account") && HAS("createtime"))
		return 80;
	return 0;
#undef HAS
}

const struct cs_doc_format cs_fmt_wechat_kf = {
	"wechat-kf",
	"WeChat customer-service JSON: official-account chat records (recordlist), WeCom 微信客服 sync_msg pages, "
	"session lists",
	sniff_wechat_kf, read_wechat_kf};
