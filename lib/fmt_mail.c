/* fmt_mail: mail, one message a record.
 *  - mbox: messages after "From " lines (mboxo and mboxrd: ">From " lines
 *    lose one '>'); a "From " line counts only where the next line is a
 *    header field, and only after a blank line unless it carries a date,
 *    so one in a body does not split its message.
 *  - eml: one message (RFC 5322) in a file.
 * Headers, MIME and charsets are read by fmt_mail_mime.c, quotes and
 * signatures told apart by fmt_mail_quote.c. Messages are threaded within
 * one input: through References and In-Reply-To (the root's Message-ID is
 * the conversation id), else through the subject without its Re:/Fwd:
 * prefixes and list tags and the customer's address. The sender of a
 * conversation's first message (its root, even when a reply comes first in
 * the mbox) is its customer; bounces and auto-replies are system messages. */
#include "fmt.h"
#include "fmt_mail_mime.h"
#include "fmt_mail_quote.h"
#include "fmt_readers.h"
#include "fmt_text.h"
#include "kit_hash.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_time.h"
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct conv {
	char *id;
	char *email;       /* the customer's address, lowercased ("" when unknown) */
	cs_buf customer;   /* the customer object, or empty */
	size_t n;          /* its messages so far */
};

enum mail_kind { MAIL_NORMAL, MAIL_BOUNCE, MAIL_AUTO };

struct mail {
	cs_doc *d;
	const char *format;
	cs_fmt_msg m;
	mail_body body;
	mail_head h;
	cs_buf from, name, subject, key, tmp, date, copy;
	const char *stripped;   /* the subject without its prefixes, in subject */
	int reply;              /* the subject had a reply or forward prefix */
	cs_map ids;             /* Message-ID: conversation index + 1 */
	cs_map subjects;        /* normalized subject '\n' customer address: conversation index + 1 */
	struct conv *conv;
	size_t nconv, capconv;
	const char *data, *first, *data_end;   /* the whole mbox, its first "From " line (NULL for eml) */
	cs_map later;           /* Message-ID: index + 1 into heads, of every message of the mbox */
	cs_span *heads;         /* those messages, from their header on */
	size_t nheads;
	int indexed;            /* later and heads are filled */
	uint64_t ordinal;
	int stop;
};

static void mail_free(struct mail *x)
{
	cs_fmt_msg_free(&x->m);
	mail_body_free(&x->body);
	cs_buf_free(&x->from);
	cs_buf_free(&x->name);
	cs_buf_free(&x->subject);
	cs_buf_free(&x->key);
	cs_buf_free(&x->tmp);
	cs_buf_free(&x->date);
	cs_buf_free(&x->copy);
	cs_map_free(&x->ids);
	cs_map_free(&x->subjects);
	cs_map_free(&x->later);
	free(x->heads);
	for (size_t i = 0; i < x->nconv; i++) {
		free(x->conv[i].id);
		free(x->conv[i].email);
		cs_buf_free(&x->conv[i].customer);
	}
	free(x->conv);
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* ---- subjects ---- */

/* Past one reply or forward prefix at p ("Re:", "FWD[2]:", "回复："), or p.
 * Chinese mail clients write them in either script (Outlook zh-TW: 回覆:,
 * 轉寄:). */
static const char *skip_prefix(const char *p, const char *e)
{
	static const char *const words[] = {"re", "fw", "fwd", "aw", "wg", "sv", "vs", "antw", "tr",
					    "回复", "答复", "转发", "回覆", "答覆", "回復", "轉寄", "轉發", NULL};
	for (const char *const *w = words; *w; w++) {
		size_t n = strlen(*w);
		if ((size_t)(e - p) < n || strncasecmp(p, *w, n) != 0)
			continue;
		const char *q = p + n;
		if (q < e && (*q == '[' || *q == '(')) {   /* "Re[2]:" */
			const char *c = q + 1;
			while (c < e && *c >= '0' && *c <= '9')
				c++;
			if (c < e && (*c == ']' || *c == ')'))
				q = c + 1;
		}
		while (q < e && *q == ' ')
			q++;
		if (q < e && *q == ':')
			return q + 1;
		if (e - q >= 3 && memcmp(q, "：", 3) == 0)
			return q + 3;
	}
	return p;
}

/* The subject without its prefixes and list tags, repeated ("Re: [list]
 * Fwd: x"); *reply: a prefix was there. */
static const char *strip_subject(const char *p, const char *e, int *reply)
{
	*reply = 0;
	for (;;) {
		while (p < e && is_space(*p))
			p++;
		const char *q = skip_prefix(p, e);
		*reply |= q != p;
		if (q == p && p < e && *p == '[') {
			const char *c = memchr(p, ']', (size_t)(e - p));
			if (c && c + 1 < e)
				q = c + 1;
		}
		if (q == p)
			return p;
		p = q;
	}
}

/* key = the stripped subject, lowercased, white space made single spaces. */
static void subject_key(const char *s, const char *e, cs_buf *key)
{
	int space = 0;
	cs_buf_reset(key);
	for (; s < e; s++) {
		if (is_space(*s)) {
			space = key->len > 0;
			continue;
		}
		if (space)
			cs_buf_addc(key, ' ');
		space = 0;
		cs_buf_addc(key, *s >= 'A' && *s <= 'Z' ? (char)(*s + 32) : *s);
	}
}

/* ---- times ---- */

/* The Date field made readable: comments dropped, white space single. */
static void clean_date(cs_span v, cs_buf *out)
{
	int depth = 0, space = 0;
	cs_buf_reset(out);
	for (const char *p = v.p, *e = v.p + v.n; p < e; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')' && depth)
			depth--;
		else if (depth)
			continue;
		else if (is_space(*p))
			space = out->len > 0;
		else {
			if (space)
				cs_buf_addc(out, ' ');
			space = 0;
			cs_buf_addc(out, *p);
		}
	}
}

static int parse_date(cs_buf *s, cs_time *t)
{
	if (!s->len)
		return -1;
	if (cs_time_parse(s->p, s->len, t) == 0)
		return 0;
	cs_buf_adds(s, " +0000");   /* no zone: UTC, as RFC 5322 reads "-0000" */
	return cs_time_parse(s->p, s->len, t);
}

/* The date of an mbox "From sender Thu Dec  3 08:18:26 2026" line. */
static int from_line_date(const char *p, const char *e, cs_buf *tmp, cs_time *t)
{
	char day[3], mon[4], hms[9], year[5];
	const char *q = p + 5;
	while (q < e && *q == ' ')
		q++;
	while (q < e && *q != ' ')   /* the sender */
		q++;
	cs_buf_reset(tmp);
	cs_buf_add(tmp, q, (size_t)(e - q));
	if (sscanf(tmp->p, " %*3s %3s %2s %8s %4s", mon, day, hms, year) != 4)
		return -1;
	cs_buf_reset(tmp);
	cs_buf_printf(tmp, "%s %s %s %s%s +0000", day, mon, year, strlen(hms) == 7 ? "0" : "", hms);
	return cs_time_parse(tmp->p, tmp->len, t);
}

/* ---- what a message is ---- */

static int has_ci(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	char c = needle[0];   /* lowercase or not a letter */
	for (size_t i = 0; i + k <= n; i++)
		if ((s[i] | (c >= 'a' && c <= 'z' ? 0x20 : 0)) == c && strncasecmp(s + i, needle, k) == 0)
			return 1;
	return 0;
}

static int any_of(const char *s, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (has_ci(s, n, *list))
			return 1;
	return 0;
}

static int starts_any(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (strncasecmp(s, *list, strlen(*list)) == 0)
			return 1;
	return 0;
}

static int value_is(const mail_head *h, enum mail_field f, const char *const *list)
{
	cs_span v = h->v[f];
	return v.p && any_of(v.p, v.n, list);
}

static enum mail_kind message_kind(struct mail *x)
{
	static const char *const daemons[] = {"mailer-daemon", "postmaster@", NULL};
	static const char *const bounce_subjects[] = {"undelivered mail returned to sender", "delivery status notification",
						      "mail delivery failed", "returned mail:", "undeliverable:",
						      "delivery failure", "failure notice", "退信", "投递失败", NULL};
	static const char *const report[] = {"delivery-status", NULL};
	static const char *const auto_subjects[] = {"out of office", "automatic reply", "auto-reply", "autoreply",
						    "auto reply", "auto:", "自动回复", "自动答复", "自動回覆", "自動回復",
						    "自動答覆", NULL};
	static const char *const auto_prec[] = {"auto_reply", "bulk", "junk", NULL};
	static const char *const not_auto[] = {"no", NULL};
	const mail_head *h = &x->h;
	const char *subj = x->subject.p ? x->subject.p : "";
	if ((x->from.len && any_of(x->from.p, x->from.len, daemons)) || value_is(h, MH_CONTENT_TYPE, report) ||
	    x->body.delivery_status || any_of(subj, x->subject.len, bounce_subjects))
		return MAIL_BOUNCE;
	cs_span as = h->v[MH_AUTO_SUBMITTED];
	if ((as.p && !value_is(h, MH_AUTO_SUBMITTED, not_auto)) || h->v[MH_X_AUTOREPLY].p || h->v[MH_X_AUTORESPOND].p)
		return MAIL_AUTO;
	int auto_subject = starts_any(subj, auto_subjects);
	if (auto_subject || (value_is(h, MH_PRECEDENCE, auto_prec) && has_ci(subj, x->subject.len, "office")))
		return MAIL_AUTO;
	return MAIL_NORMAL;
}

/* ---- threads ---- */

static void *as_value(size_t i) { return (void *)(uintptr_t)(i + 1); }

static long conv_of(const cs_map *map, const char *k, size_t n)
{
	void *v = cs_map_get(map, k, n);
	return v ? (long)((uintptr_t)v - 1) : -1;
}

static char *dup_n(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	if (!p)
		abort();
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static size_t new_conv(struct mail *x, const char *id, size_t idn)
{
	if (x->nconv == x->capconv) {
		x->capconv = x->capconv ? x->capconv * 2 : 16;
		x->conv = realloc(x->conv, x->capconv * sizeof *x->conv);
		if (!x->conv)
			abort();
	}
	struct conv *c = &x->conv[x->nconv];
	*c = (struct conv){dup_n(id, idn), dup_n("", 0), CS_BUF_INIT, 0};
	return x->nconv++;
}

/* Is addr[0..n) one of the service's own (--our-address: an address, or
 * any address of an @domain)? */
static int is_ours(const struct mail *x, const char *addr, size_t n)
{
	const char *const *ours = cs_doc_common(x->d)->mail_ours;
	for (size_t i = 0; ours && ours[i]; i++) {
		size_t k = strlen(ours[i]);
		if (ours[i][0] == '@' ? n > k && strncasecmp(addr + n - k, ours[i], k) == 0
				      : n == k && strncasecmp(addr, ours[i], k) == 0)
			return 1;
	}
	return 0;
}

static int take_if_not_ours(const char *addr, size_t n, void *ctx)
{
	struct mail *x = ctx;
	if (is_ours(x, addr, n))
		return 0;
	cs_buf_reset(&x->tmp);
	cs_buf_add(&x->tmp, addr, n);
	return 1;
}

/* The first recipient of the message with header h (To, then Cc) that is
 * not the service's, into x->tmp (empty when none). */
static void first_not_ours(struct mail *x, const mail_head *h)
{
	cs_buf addr = CS_BUF_INIT;
	cs_buf_reset(&x->tmp);
	if (!mail_each_address(h->v[MH_TO], &addr, take_if_not_ours, x))
		mail_each_address(h->v[MH_CC], &addr, take_if_not_ours, x);
	cs_buf_free(&addr);
}

/* The customer of a new conversation, from the message with header h sent
 * by from (display name fname): the sender, or for a bounce or an
 * auto-reply the one it went to; for mail the service sent first
 * (--our-address), the first recipient who is not the service. */
static void set_customer(struct mail *x, struct conv *c, const mail_head *h, const cs_buf *from, const cs_buf *fname,
			 enum mail_kind kind)
{
	cs_buf *email = &x->tmp, *name = &x->key;
	if (kind == MAIL_NORMAL && is_ours(x, from->p, from->len)) {
		first_not_ours(x, h);
		cs_buf_reset(name);
	} else if (kind == MAIL_NORMAL) {
		cs_buf_reset(email);
		cs_buf_add(email, from->p, from->len);
		cs_buf_reset(name);
		cs_buf_add(name, fname->p, fname->len);
	} else {
		mail_address(h->v[MH_TO], email, name);
	}
	if (!email->len)
		return;
	free(c->email);
	c->email = dup_n(email->p, email->len);
	cs_jw w;
	cs_buf_reset(&c->customer);
	cs_jw_init(&w, &c->customer);
	cs_jw_object(&w);
	cs_fmt_str(&w, "id", email->p, email->len);
	cs_fmt_str(&w, "name", name->p, name->len);
	cs_fmt_str(&w, "email", email->p, email->len);
	cs_jw_end_object(&w);
}

/* The subject key of the conversation c, registered for later messages. */
static void register_subject(struct mail *x, const struct conv *c, size_t ci)
{
	subject_key(x->stripped, x->subject.p + x->subject.len, &x->key);
	if (!x->key.len || !c->email[0])
		return;
	cs_buf_addc(&x->key, '\n');
	cs_buf_adds(&x->key, c->email);
	if (conv_of(&x->subjects, x->key.p, x->key.len) < 0)
		cs_map_put(&x->subjects, x->key.p, x->key.len, as_value(ci));
}

struct subject_find {
	struct mail *x;
	size_t base;
	long found;
};

static int subject_try(const char *addr, size_t n, void *ctx)
{
	struct subject_find *f = ctx;
	cs_buf *key = &f->x->key;
	key->len = f->base;
	cs_buf_add(key, addr, n);
	f->found = conv_of(&f->x->subjects, key->p, key->len);
	return f->found >= 0;
}

/* A conversation of the same subject with the sender or a recipient as its customer. */
static long by_subject(struct mail *x)
{
	subject_key(x->stripped, x->subject.p + x->subject.len, &x->key);
	if (!x->key.len)
		return -1;
	cs_buf_addc(&x->key, '\n');
	struct subject_find f = {x, x->key.len, -1};
	cs_buf addr = CS_BUF_INIT;
	if (x->from.len)
		subject_try(x->from.p, x->from.len, &f);
	if (f.found < 0 && !mail_each_address(x->h.v[MH_TO], &addr, subject_try, &f))
		mail_each_address(x->h.v[MH_CC], &addr, subject_try, &f);
	cs_buf_free(&addr);
	return f.found;
}

static const char *mbox_next(const char *data, const char *p, const char *e, const char **msg, int *quoted);

/* Every message of the mbox by its Message-ID, once a reply names a root
 * not seen yet: a reply may come before its root in the file. */
static void index_messages(struct mail *x)
{
	mail_head h;
	size_t cap = 0;
	x->indexed = 1;
	for (const char *p = x->first, *e = x->data_end; p && p < e;) {
		const char *msg;
		int quoted;
		const char *next = mbox_next(x->data, p, e, &msg, &quoted);
		cs_span id;
		mail_head_parse(&h, msg, (size_t)(next - msg));
		p = next;
		if (h.bad || h.cut || mail_msgid(h.v[MH_MESSAGE_ID], 0, &id) != 0 || cs_map_get(&x->later, id.p, id.n))
			continue;
		if (x->nheads == cap) {
			cap = cap ? 2 * cap : 64;
			x->heads = cs_realloc(x->heads, cap * sizeof *x->heads);
		}
		x->heads[x->nheads] = (cs_span){msg, (size_t)(next - msg)};
		cs_map_put(&x->later, id.p, id.n, as_value(x->nheads++));
	}
}

/* The message of the mbox whose Message-ID is id, its header into h: 1, or 0. */
static int find_message(struct mail *x, cs_span id, mail_head *h)
{
	if (!x->indexed)
		index_messages(x);
	long i = conv_of(&x->later, id.p, id.n);
	if (i < 0)
		return 0;
	mail_head_parse(h, x->heads[i].p, x->heads[i].n);
	return 1;
}

/* The root a message's References (first id), else In-Reply-To, names. */
static int named_root(const mail_head *h, cs_span *root)
{
	return mail_msgid(h->v[MH_REFERENCES], 0, root) == 0 || mail_msgid(h->v[MH_IN_REPLY_TO], 0, root) == 0;
}

/* A reply names root, not seen yet: while that message is further on in
 * the mbox, the root it names in turn. Returns the thread's root; *top (1
 * when found) the header of the last of them in the mbox, which started
 * the thread. */
static cs_span root_further_on(struct mail *x, cs_span root, mail_head *top, int *found)
{
	mail_head h;
	cs_span up;
	*found = 0;
	for (int hops = 0; hops < 64 && find_message(x, root, &h); hops++) {
		*top = h;
		*found = 1;
		if (!named_root(&h, &up) || (up.n == root.n && memcmp(up.p, root.p, up.n) == 0))
			break;
		root = up;
	}
	return root;
}

/* The customer of a thread whose first message, with header h, comes later in the mbox. */
static void customer_from_root(struct mail *x, struct conv *c, const mail_head *h)
{
	cs_buf from = CS_BUF_INIT, name = CS_BUF_INIT;
	mail_address(h->v[MH_FROM], &from, &name);
	if (from.len)
		set_customer(x, c, h, &from, &name, MAIL_NORMAL);
	cs_buf_free(&from);
	cs_buf_free(&name);
}

/* The conversation of a reply to root, which no message seen so far is in. */
static long thread_of_root(struct mail *x, cs_span root)
{
	mail_head top;
	int found;
	root = root_further_on(x, root, &top, &found);
	long ci = conv_of(&x->ids, root.p, root.n);
	if (ci >= 0)
		return ci;
	ci = (long)new_conv(x, root.p, root.n);
	cs_map_put(&x->ids, root.p, root.n, as_value((size_t)ci));
	if (found)
		customer_from_root(x, &x->conv[ci], &top);
	return ci;
}

/* The conversation of the message (created when new). */
static size_t thread(struct mail *x, cs_span msgid, enum mail_kind kind)
{
	const mail_head *h = &x->h;
	cs_span ref, root = {NULL, 0};
	long ci = -1;
	for (size_t i = 0; ci < 0 && mail_msgid(h->v[MH_REFERENCES], i, &ref) == 0; i++) {
		ci = conv_of(&x->ids, ref.p, ref.n);
		if (!root.p)
			root = ref;
	}
	if (ci < 0 && mail_msgid(h->v[MH_IN_REPLY_TO], 0, &ref) == 0) {
		ci = conv_of(&x->ids, ref.p, ref.n);
		if (!root.p)
			root = ref;
	}
	if (ci < 0 && x->body.orig_id.p) {   /* a bounce of a message seen */
		ci = conv_of(&x->ids, x->body.orig_id.p, x->body.orig_id.n);
		if (!root.p)
			root = x->body.orig_id;
	}
	if (ci < 0 && msgid.p)   /* a reply that came first named it as its root */
		ci = conv_of(&x->ids, msgid.p, msgid.n);
	if (ci < 0 && !root.p)
		ci = by_subject(x);
	if (ci < 0) {
		if (root.p) {
			ci = thread_of_root(x, root);
		} else if (msgid.p && !x->reply) {
			ci = (long)new_conv(x, msgid.p, msgid.n);   /* it starts the thread */
		} else {
			char id[40];
			subject_key(x->stripped, x->subject.p + x->subject.len, &x->key);
			cs_buf_addc(&x->key, '\n');
			cs_buf_add(&x->key, x->from.p, x->from.len);
			snprintf(id, sizeof id, "subj-%016" PRIx64, cs_hash64(x->key.p, x->key.len, 0x5B1));
			ci = (long)new_conv(x, id, strlen(id));
		}
	}
	struct conv *c = &x->conv[ci];
	if (!c->email[0])
		set_customer(x, c, &x->h, &x->from, &x->name, kind);
	if (msgid.p && conv_of(&x->ids, msgid.p, msgid.n) < 0)
		cs_map_put(&x->ids, msgid.p, msgid.n, as_value((size_t)ci));
	register_subject(x, c, (size_t)ci);
	return (size_t)ci;
}

/* ---- one message ---- */

static void header_text(struct mail *x, enum mail_field f, cs_buf *out)
{
	mail_unfold(x->h.v[f], &x->tmp);
	cs_buf_reset(out);
	mail_decode_words(x->tmp.p, x->tmp.len, out);
	cs_buf_reserve(out, 0);
	out->p[out->len] = '\0';
}

static void put_time(struct mail *x, const char *from_line, const char *from_end)
{
	cs_time t;
	int ok = -1;
	if (x->h.v[MH_DATE].p) {
		clean_date(x->h.v[MH_DATE], &x->date);
		ok = parse_date(&x->date, &t);
	}
	if (ok < 0 && from_line)
		ok = from_line_date(from_line, from_end, &x->date, &t);
	if (ok == 0)
		cs_fmt_time_ms(&x->m.w, "ts", t.ms);
}

static const char *role_of(const struct conv *c, const struct mail *x, enum mail_kind kind)
{
	if (kind != MAIL_NORMAL)
		return "system";
	if (cs_doc_common(x->d)->mail_ours)
		return is_ours(x, x->from.p, x->from.len) ? "agent" : "customer";
	if (!c->email[0] || (x->from.len == strlen(c->email) && memcmp(x->from.p, c->email, x->from.len) == 0))
		return "customer";
	return "agent";
}

static int put_message(struct mail *x, const char *from_line, const char *from_end)
{
	cs_span msgid = {NULL, 0};
	mail_msgid(x->h.v[MH_MESSAGE_ID], 0, &msgid);
	enum mail_kind kind = message_kind(x);
	size_t ci = thread(x, msgid, kind);
	struct conv *c = &x->conv[ci];
	const char *role = role_of(c, x, kind);
	mail_parts parts = mail_split_quote(x->body.text.p ? x->body.text.p : "", x->body.text.len);
	char hid[20];
	cs_jw *w = &x->m.w;
	uint64_t offset = x->m.offset;
	cs_fmt_begin(&x->m, x->d, "message", x->m.line);
	x->m.offset = offset;
	x->m.has_offset = 1;
	if (msgid.p) {
		cs_fmt_str(w, "id", msgid.p, msgid.n);
	} else {
		cs_fmt_hash_id(hid, x->format, c->id, strlen(c->id), x->ordinal, x->body.text.p, x->body.text.len);
		cs_fmt_cstr(w, "id", hid);
	}
	cs_fmt_cstr(w, "conversation_id", c->id);
	put_time(x, from_line, from_end);
	cs_fmt_cstr(w, "channel", "email");
	if (c->customer.len) {
		cs_jw_key(w, "customer");
		cs_jw_raw(w, c->customer.p, c->customer.len);
	}
	cs_fmt_cstr(w, "role", role);
	if (strcmp(role, "agent") == 0)
		cs_fmt_str(w, "author", x->from.p, x->from.len);
	cs_jw_key(w, "text");
	cs_jw_str(w, parts.text.p, parts.text.n);
	if (x->body.natt) {
		cs_jw_key(w, "attachments");
		cs_jw_raw(w, x->body.att.p, x->body.att.len);
	}
	if (kind != MAIL_NORMAL)
		cs_fmt_cstr(w, "event", kind == MAIL_BOUNCE ? "bounce" : "auto_reply");
	cs_fmt_str(w, "subject", x->subject.p, x->subject.len);
	cs_fmt_str(w, "quoted", parts.quoted.p, parts.quoted.n);
	cs_fmt_str(w, "signature", parts.signature.p, parts.signature.n);
	size_t strippedn = (size_t)(x->subject.p + x->subject.len - x->stripped);
	if (c->n++ == 0 && strippedn) {
		cs_jw_key(w, "conversation");
		cs_jw_object(w);
		cs_fmt_str(w, "subject", x->stripped, strippedn);
		cs_jw_end_object(w);
	}
	x->ordinal++;
	return cs_fmt_end(&x->m, msgid.p, msgid.n);
}

static uint64_t lines_in(const char *p, const char *e)
{
	uint64_t n = 0;
	while (p < e && (p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
		n++;
		p++;
	}
	return n;
}

/* Read the message s[0..n) whose first line is line (from_line: its mbox
 * separator, or NULL). Returns 1 when the run stops. */
static int one_message(struct mail *x, const char *s, size_t n, uint64_t line, const char *from_line,
		       const char *from_end)
{
	mail_head *h = &x->h;
	mail_head_parse(h, s, n);
	if (h->bad)
		return cs_doc_bad(x->d, line + lines_in(s, h->bad), "a line in the message's header is no header field");
	if (h->cut)
		return cs_doc_bad(x->d, line, "the message ends inside its header (no blank line before the body)");
	if (!h->v[MH_FROM].p && !h->v[MH_MESSAGE_ID].p && !h->v[MH_DATE].p && !h->v[MH_SUBJECT].p)
		return cs_doc_bad(x->d, line, "a message without From, Date, Subject or Message-ID");
	mail_address(h->v[MH_FROM], &x->from, &x->name);
	cs_buf_reserve(&x->from, 0);
	header_text(x, MH_SUBJECT, &x->subject);
	cs_text_trim(&x->subject);
	x->stripped = strip_subject(x->subject.p, x->subject.p + x->subject.len, &x->reply);
	mail_body_read(&x->body, h, h->body, (size_t)(s + n - h->body));
	if (x->body.truncated)
		cs_notice_at(cs_doc_path(x->d), line, "the message's MIME parts lack their closing boundary: read as far as they go");
	if (x->body.too_deep)
		cs_notice_at(cs_doc_path(x->d), line, "MIME parts nested deeper than %d left out", MAIL_MAX_DEPTH);
	return put_message(x, from_line, from_end);
}

static void mail_init(struct mail *x, cs_doc *d, const char *format)
{
	memset(x, 0, sizeof *x);
	x->d = d;
	x->format = format;
}

/* ---- mbox ---- */

static const char *line_end(const char *p, const char *e)
{
	const char *nl = memchr(p, '\n', (size_t)(e - p));
	return nl ? nl : e;
}

static const char *next_line(const char *p, const char *e)
{
	const char *nl = memchr(p, '\n', (size_t)(e - p));
	return nl ? nl + 1 : e;
}

/* A separator's own line often carries its date ("... Thu Dec  3 08:18:26 2026"). */
static int dated(const char *p, const char *e)
{
	int colons = 0, digits = 0, run = 0;
	for (; p < e; p++) {
		colons += *p == ':';
		run = *p >= '0' && *p <= '9' ? run + 1 : 0;
		if (run == 4)
			digits = 1;
	}
	return colons >= 2 && digits;
}

/* The next "From " line that separates messages, at or after p (a line's
 * start); *quoted: a ">From " line comes before it. */
static const char *next_separator(const char *data, const char *p, const char *e, int *quoted)
{
	*quoted = 0;
	while (p < e) {
		const char *q = memchr(p, 'F', (size_t)(e - p));   /* faster than memmem: capitals are rare */
		if (!q)
			return e;
		p = q + 1;
		if (e - q < 5 || memcmp(q, "From ", 5) != 0)
			continue;
		if (q > data && q[-1] == '>') {
			*quoted = 1;
			continue;
		}
		if (q == data || q[-1] != '\n')
			continue;
		const char *after = next_line(q, e);
		int blank_before = q - 1 > data && (q[-2] == '\n' || (q[-2] == '\r' && q - 2 > data && q[-3] == '\n'));
		if (after < e && mail_is_header_line(after, e) && (blank_before || dated(q, line_end(q, e))))
			return q;
	}
	return e;
}

/* mboxrd and mboxo: ">From " lines lose one '>' (into x->copy). */
static void unquote_from(struct mail *x, const char *s, const char *e)
{
	cs_buf_reset(&x->copy);
	for (const char *p = s; p < e;) {
		const char *n = next_line(p, e), *q = p;
		while (q < n && *q == '>')
			q++;
		if (q > p && n - q >= 5 && memcmp(q, "From ", 5) == 0)
			p++;
		cs_buf_add(&x->copy, p, (size_t)(n - p));
		p = n;
	}
}

static const char *skip_blank_lines(const char *p, const char *e)
{
	if (e - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < e && (*p == '\n' || *p == '\r'))
		p++;
	return p;
}

/* The message whose "From " line is at p: *msg its first header line,
 * *quoted whether ">From " lines are in it. Returns the next "From " line. */
static const char *mbox_next(const char *data, const char *p, const char *e, const char **msg, int *quoted)
{
	*msg = next_line(p, e);
	return next_separator(data, *msg, e, quoted);
}

static int read_mbox(cs_doc *d, const char *data, size_t n)
{
	const char *e = data + n, *p = skip_blank_lines(data, e);
	if (e - p < 5 || memcmp(p, "From ", 5) != 0)
		return cs_doc_bad(d, cs_doc_line(d, p), "not an mbox: no \"From \" line at the start");
	struct mail x;
	mail_init(&x, d, "mbox");
	x.data = data;
	x.first = p;
	x.data_end = e;
	int stop = 0;
	while (p < e && !stop) {
		const char *from_end = line_end(p, e), *msg;
		int quoted;
		const char *next = mbox_next(data, p, e, &msg, &quoted);
		uint64_t line = cs_doc_line(d, p);
		x.m.line = line;
		x.m.offset = (uint64_t)(p - data);
		size_t len = next > msg ? (size_t)(next - msg) : 0;
		if (quoted) {
			unquote_from(&x, msg, next);
			stop = one_message(&x, x.copy.p, x.copy.len, line + 1, p, from_end);
		} else {
			stop = one_message(&x, msg, len, line + 1, p, from_end);
		}
		p = next;
	}
	mail_free(&x);
	return stop;
}

/* ---- eml ---- */

static int read_eml(cs_doc *d, const char *data, size_t n)
{
	const char *e = data + n, *p = skip_blank_lines(data, e), *from = NULL, *from_end = NULL;
	if (e - p >= 5 && memcmp(p, "From ", 5) == 0) {   /* saved with its mbox separator */
		from = p;
		from_end = line_end(p, e);
		p = next_line(p, e);
	}
	uint64_t line = cs_doc_line(d, p);
	if (p >= e || !mail_is_header_line(p, e))
		return cs_doc_bad(d, line, "not a mail message: no header field at the start");
	struct mail x;
	mail_init(&x, d, "eml");
	x.m.line = line;
	x.m.offset = (uint64_t)(p - data);
	int stop = one_message(&x, p, (size_t)(e - p), line, from, from_end);
	mail_free(&x);
	return stop;
}

/* ---- sniffing ---- */

/* How many of the well-known fields the header block at p holds. */
static int mail_fields(const char *p, const char *e)
{
	static const char *const names[] = {"From:", "To:", "Subject:", "Date:", "Message-ID:", "MIME-Version:",
					    "Received:", "Return-Path:", "Delivered-To:", "Content-Type:", NULL};
	int n = 0, lines = 0;
	while (p < e && lines++ < 200) {
		const char *le = line_end(p, e);
		if (le == p || (le == p + 1 && *p == '\r'))
			break;
		if (*p != ' ' && *p != '\t') {
			if (!mail_is_header_line(p, e))
				break;
			for (const char *const *s = names; *s; s++)
				if ((size_t)(le - p) >= strlen(*s) && strncasecmp(p, *s, strlen(*s)) == 0)
					n++;
		}
		p = le + 1;
	}
	return n;
}

static int path_ends(const char *path, const char *ext)
{
	size_t n = path ? strlen(path) : 0, k = strlen(ext);
	return n > k && strcasecmp(path + n - k, ext) == 0;
}

static int sniff_mbox(const char *head, size_t n, const char *path)
{
	const char *e = head + n, *p = skip_blank_lines(head, e);
	if (e - p < 5 || memcmp(p, "From ", 5) != 0)
		return 0;
	int fields = mail_fields(next_line(p, e), e);
	if (fields >= 2)
		return 95;
	return fields || path_ends(path, ".mbox") || path_ends(path, ".mbx") ? 80 : 0;
}

static int sniff_eml(const char *head, size_t n, const char *path)
{
	const char *e = head + n, *p = skip_blank_lines(head, e);
	if (e - p >= 5 && memcmp(p, "From ", 5) == 0)
		return path_ends(path, ".eml") ? 90 : 0;
	int fields = mail_fields(p, e);
	if (fields >= 2)
		return path_ends(path, ".eml") ? 95 : 85;
	return fields && path_ends(path, ".eml") ? 80 : 0;
}

const struct cs_doc_format cs_fmt_mbox = {
	"mbox", "Unix mailboxes (mboxo, mboxrd): messages threaded into conversations", sniff_mbox, read_mbox};
const struct cs_doc_format cs_fmt_eml = {"eml", "one mail message (RFC 5322, MIME)", sniff_eml, read_eml};
