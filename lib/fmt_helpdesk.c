/* fmt_helpdesk: helpdesk exports and APIs, each a JSON document, a JSON
 * array of records or NDJSON (all read through cs_doc_each_value).
 *  - zendesk (fmt_helpdesk_zendesk.c): tickets with comments, incremental
 *    exports, audits and ticket events;
 *  - zendesk-chat (here): Zendesk Chat transcripts (history of chat.* events);
 *  - freshdesk (here): tickets with their conversations;
 *  - intercom, chatwoot (fmt_helpdesk_im.c): conversations with parts or
 *    messages, and Chatwoot webhook events.
 * What they share is here too (see fmt_helpdesk.h). */
#include "fmt_helpdesk.h"
#include "fmt_readers.h"
#include "fmt_text.h"
#include "kit_mem.h"
#include "kit_time.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- shared ---- */

static void put_raw(cs_jw *w, const char *key, const char *json)
{
	if (json && *json && strcmp(json, "{}") != 0 && strcmp(json, "[]") != 0) {
		cs_jw_key(w, key);
		cs_jw_raw(w, json, strlen(json));
	}
}

int hd_put(cs_fmt_msg *m, cs_doc *d, const struct hd_out *o)
{
	char hash[20];
	const char *id = o->id;
	if (!id || !*id) {
		cs_fmt_hash_id(hash, cs_doc_format(d), o->conv, o->conv ? strlen(o->conv) : 0, o->ordinal, o->text,
			       o->textn);
		id = hash;
	}
	cs_fmt_begin(m, d, "message", o->line);
	cs_jw *w = &m->w;
	cs_fmt_cstr(w, "id", id);
	cs_fmt_cstr(w, "conversation_id", o->conv);
	if (o->ts)
		cs_fmt_time(w, "ts", o->ts, strlen(o->ts));
	cs_fmt_cstr(w, "channel", o->channel);
	put_raw(w, "customer", o->customer);
	cs_fmt_cstr(w, "role", o->role);
	cs_fmt_cstr(w, "author", o->author);
	cs_fmt_str(w, "text", o->text, o->textn);
	put_raw(w, "attachments", o->attachments);
	if (o->internal) {
		cs_jw_key(w, "internal");
		cs_jw_bool(w, 1);
	}
	cs_fmt_cstr(w, "event", o->event);
	cs_fmt_cstr(w, "subject", o->subject);
	cs_fmt_cstr(w, "via", o->via);
	put_raw(w, "conversation", o->conversation);
	return cs_fmt_end(m, id, strlen(id));
}

int hd_time(cs_jval v, cs_buf *out)
{
	cs_time t;
	cs_buf_reset(out);
	if (!cs_jis(v))
		return 1;
	const char *s = cs_jtext(v, out);
	if (!s || v.t == CS_J_TRUE || v.t == CS_J_FALSE || cs_time_parse(s, out->len, &t) < 0)
		return -1;
	/* written as cs writes times, so that writing it reads no time without
	 * an offset again (each is counted for the --tz notice) */
	char canonical[40];
	size_t n = cs_time_format(t, canonical);
	cs_buf_reset(out);
	cs_buf_add(out, canonical, n);
	cs_buf_addc(out, '\0');
	out->len--;
	return 0;
}

int hd_body(cs_jval v, int html, cs_buf *out, cs_buf *tmp)
{
	cs_buf_reset(out);
	if (!cs_jis(v))
		return 1;
	if (v.t != CS_J_STRING || !cs_jtext(v, tmp))
		return -1;
	if (html || cs_looks_html(tmp->p, tmp->len)) {
		cs_html_to_text(tmp->p, tmp->len, out);
	} else {
		cs_buf_add(out, tmp->p, tmp->len);
		cs_text_trim(out);
	}
	cs_buf_reserve(out, 1);
	out->p[out->len] = '\0';
	return 0;
}

int hd_body_else(int got, cs_jval v, int html, cs_buf *out, cs_buf *tmp)
{
	if (got < 0 || (got == 0 && out->len))
		return got;
	int alt = hd_body(v, html, out, tmp);
	return alt == 1 ? got : alt;
}

const char *hd_first_text(cs_jval obj, const char *const *keys, cs_buf *out)
{
	for (; *keys; keys++) {
		const char *s = cs_jtext(cs_jget(obj, *keys), out);
		if (s && *s)
			return s;
	}
	cs_buf_reset(out);
	return NULL;
}

static void put_text(cs_jw *w, const char *key, cs_jval v, cs_buf *tmp, int *any)
{
	const char *s = cs_jtext(v, tmp);
	if (s && *s) {
		if (!*any)
			cs_jw_object(w);
		*any = 1;
		cs_fmt_str(w, key, s, tmp->len);
	}
}

void hd_customer(cs_buf *out, cs_jval id, cs_jval name, cs_jval email, cs_jval phone, cs_buf *tmp)
{
	cs_jw w;
	int any = 0;
	cs_buf_reset(out);
	cs_jw_init(&w, out);
	put_text(&w, "id", id, tmp, &any);
	put_text(&w, "name", name, tmp, &any);
	put_text(&w, "email", email, tmp, &any);
	put_text(&w, "phone", phone, tmp, &any);
	if (any)
		cs_jw_end_object(&w);
	cs_buf_addc(out, '\0');
	out->len--;
}

static const char *attachment_type(const char *t)
{
	static const char *const kinds[] = {"image", "audio", "video"};
	for (size_t i = 0; t && i < sizeof kinds / sizeof kinds[0]; i++) {
		size_t k = strlen(kinds[i]);
		if (strncmp(t, kinds[i], k) == 0 && (t[k] == '\0' || t[k] == '/'))
			return kinds[i];
	}
	return "file";
}

struct attach {
	cs_jw w;
	cs_buf *tmp;
	cs_buf url;
	int n;
};

static int put_attachment(cs_jval a, void *ctx)
{
	static const char *const type_keys[] = {"file_type", "content_type", "mime_type", NULL};
	static const char *const url_keys[] = {"content_url", "attachment_url", "data_url", "url", NULL};
	static const char *const name_keys[] = {"file_name", "name", "filename", NULL};
	struct attach *at = ctx;
	if (a.t != CS_J_OBJECT)
		return 0;
	const char *url = hd_first_text(a, url_keys, &at->url);
	if (!url && !hd_first_text(a, name_keys, at->tmp))
		return 0;
	if (!at->n++)
		cs_jw_array(&at->w);
	cs_jw_object(&at->w);
	cs_fmt_cstr(&at->w, "type", attachment_type(hd_first_text(a, type_keys, at->tmp)));
	cs_fmt_cstr(&at->w, "url", url);
	cs_fmt_cstr(&at->w, "name", hd_first_text(a, name_keys, at->tmp));
	cs_jw_end_object(&at->w);
	return 0;
}

void hd_attachments(cs_jval arr, cs_buf *out, cs_buf *tmp)
{
	struct attach at = {.tmp = tmp, .url = CS_BUF_INIT};
	cs_buf_reset(out);
	cs_jw_init(&at.w, out);
	if (arr.t == CS_J_OBJECT)
		put_attachment(arr, &at);
	else
		cs_jeach(arr, put_attachment, &at);
	if (at.n)
		cs_jw_end_array(&at.w);
	cs_buf_addc(out, '\0');
	out->len--;
	cs_buf_free(&at.url);
}

struct tags {
	cs_jw w;
	cs_buf *tmp;
	int n;
};

static int put_tag(cs_jval t, void *ctx)
{
	struct tags *tg = ctx;
	const char *s = cs_jtext(t.t == CS_J_OBJECT ? cs_jget(t, "name") : t, tg->tmp);
	if (s && *s) {
		if (!tg->n++)
			cs_jw_array(&tg->w);
		cs_jw_str(&tg->w, s, tg->tmp->len);
	}
	return 0;
}

void hd_tags(cs_jval arr, cs_buf *out, cs_buf *tmp)
{
	struct tags tg = {.tmp = tmp};
	cs_buf_reset(out);
	cs_jw_init(&tg.w, out);
	cs_jeach(arr, put_tag, &tg);
	if (tg.n)
		cs_jw_end_array(&tg.w);
	cs_buf_addc(out, '\0');
	out->len--;
}

void hd_meta_begin(struct hd_rd *r, cs_jw *w)
{
	cs_buf_reset(&r->meta);
	cs_jw_init(w, &r->meta);
	cs_jw_object(w);
}

void hd_meta_end(struct hd_rd *r, cs_jw *w)
{
	cs_jw_end_object(w);
	cs_buf_addc(&r->meta, '\0');
	r->meta.len--;
}

void hd_meta_tags(struct hd_rd *r, cs_jw *w, cs_jval tags)
{
	hd_tags(tags, &r->tmp2, &r->tmp);
	if (r->tmp2.len) {
		cs_jw_key(w, "tags");
		cs_jw_raw(w, r->tmp2.p, r->tmp2.len);
	}
}

const char *hd_name_of(const char *s, const struct hd_name *table, size_t n, const char *dflt)
{
	if (!s)
		return dflt;
	for (size_t i = 0; i < n; i++) {
		size_t k = strlen(table[i].from);
		if (k && table[i].from[k - 1] == '*' ? strncmp(s, table[i].from, k - 1) == 0
						     : strcmp(s, table[i].from) == 0)
			return table[i].to;
	}
	return dflt;
}

static const char *skip_ws(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

int hd_has_kv(const char *head, size_t n, const char *key, const char *val)
{
	const char *p = head, *e = head + n;
	size_t kn = strlen(key), vn = val ? strlen(val) : 0;
	while (p < e && (p = memmem(p, (size_t)(e - p), key, kn))) {
		const char *q = skip_ws(p + kn, e);
		p += kn;
		if (q >= e || *q != ':')
			continue;
		q = skip_ws(q + 1, e);
		if (!val || ((size_t)(e - q) >= vn && memcmp(q, val, vn) == 0))
			return 1;
	}
	return 0;
}

int hd_has(const char *head, size_t n, const char *s) { return memmem(head, n, s, strlen(s)) != NULL; }

void *hd_keep_zero(hd_pool *pool, size_t size)
{
	if (pool->n == pool->cap) {
		pool->cap = pool->cap ? pool->cap * 2 : 16;
		pool->p = cs_realloc(pool->p, pool->cap * sizeof *pool->p);
	}
	void *p = cs_calloc(1, size);
	pool->p[pool->n++] = p;
	return p;
}

char *hd_keep(hd_pool *pool, const char *s)
{
	size_t n = strlen(s);
	char *p = hd_keep_zero(pool, n + 1);
	memcpy(p, s, n);
	return p;
}

void hd_pool_free(hd_pool *pool)
{
	for (size_t i = 0; i < pool->n; i++)
		free(pool->p[i]);
	free(pool->p);
	*pool = (hd_pool){0};
}

void hd_rd_free(struct hd_rd *r)
{
	cs_fmt_msg_free(&r->m);
	cs_buf *bufs[] = {&r->conv, &r->id, &r->ts, &r->text, &r->author, &r->customer, &r->attach, &r->meta,
			  &r->via, &r->tmp, &r->tmp2};
	for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++)
		cs_buf_free(bufs[i]);
}

int hd_bad(struct hd_rd *r, cs_jval at, uint64_t line, const char *fmt, ...)
{
	char why[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	for (char *c = why; *c; c++)
		if ((unsigned char)*c < 0x20)
			*c = '?';   /* ids and values from the input stay on one line */
	if (at.p)
		line = cs_doc_line(r->d, at.p);
	r->stop = cs_doc_bad(r->d, line, "%s", why);
	return r->stop;
}

int hd_ts_of(struct hd_rd *r, cs_jval v, const char *what, const char *id, const char *of_what, const char *of,
	     const char *key)
{
	if (hd_time(v, &r->ts) >= 0)
		return 0;
	const char *s = cs_jtext(v, &r->tmp2);
	hd_bad(r, v, 0, "%s %.80s%s%s%s%.80s: \"%s\" is not a time: %.60s", what, id, of ? " of " : "",
	       of ? of_what : "", of ? " " : "", of ? of : "", key, s ? s : "(not a string or number)");
	cs_buf_reset(&r->ts);
	return -1;
}
