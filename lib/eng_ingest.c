#include "eng_ingest.h"
#include "kit_csv.h"
#include "kit_hash.h"
#include "kit_in.h"
#include "kit_jq.h"
#include "kit_json.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_out.h"
#include "kit_run.h"
#include "kit_time.h"
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct mref {
	size_t off, len;     /* the message's bytes in conv.body */
	int64_t ts;          /* for ordering: its time, or its predecessor's */
	uint32_t seq;        /* arrival order */
};

struct conv {
	char *key;
	size_t keylen;
	cs_buf id;           /* JSON string literal */
	cs_buf body;
	struct mref *ref;
	size_t n, cap;
	int has_ts;
	cs_time first, last; /* earliest and latest message times */
	int64_t last_seen;   /* stream time when last touched: drives closing */
	cs_buf channel, customer;   /* raw JSON values from the first message that had them */
	struct conv *prev, *next;
};

struct ingest {
	const struct cs_common *c;
	const struct cs_ingest_opts *o;
	cs_out *out;
	cs_map open;
	struct conv *head, *tail;   /* least recently touched first */
	size_t nopen;
	cs_fpset seen;
	int64_t stream_time;
	int have_stream_time;
	int early_noticed;
	struct cs_ingest_stats st;
	cs_buf key, idtext, scratch, edit, edit2;
	cs_obj obj, sub;
	struct conv *spare;        /* closed conversations kept for reuse, with their buffers */
	size_t nspare;
	cs_jq *where;              /* CSV path only; NDJSON uses cs_rec_loop's */
	/* CSV */
	char **header;
	size_t nheader;
	long *map_col;             /* column of each map item, -1 if absent */
	int header_done;
	const char *file;
};

void cs_ingest_opts_init(struct cs_ingest_opts *o)
{
	memset(o, 0, sizeof *o);
	o->format = CS_FMT_NDJSON;
	o->delimiter = ',';
	o->gap_ms = CS_INGEST_DEFAULT_GAP_MS;
	o->max_open = CS_INGEST_DEFAULT_MAX_OPEN;
	o->dedup = 1;
}

static void write_line(struct ingest *g, const char *p, size_t n)
{
	cs_out_write(g->out, p, n);
	cs_out_putc(g->out, '\n');
	g->st.written++;
}

/* ---- the open-conversation list ---- */

static void list_unlink(struct ingest *g, struct conv *v)
{
	if (v->prev)
		v->prev->next = v->next;
	else
		g->head = v->next;
	if (v->next)
		v->next->prev = v->prev;
	else
		g->tail = v->prev;
	v->prev = v->next = NULL;
}

static void list_append(struct ingest *g, struct conv *v)
{
	v->prev = g->tail;
	v->next = NULL;
	if (g->tail)
		g->tail->next = v;
	else
		g->head = v;
	g->tail = v;
}

static void conv_free(struct conv *v)
{
	free(v->key);
	cs_buf_free(&v->id);
	cs_buf_free(&v->body);
	cs_buf_free(&v->channel);
	cs_buf_free(&v->customer);
	free(v->ref);
	free(v);
}

static int mref_cmp(const void *a, const void *b)
{
	const struct mref *x = a, *y = b;
	if (x->ts != y->ts)
		return x->ts < y->ts ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void put_str(cs_out *out, const char *s) { cs_out_write(out, s, strlen(s)); }

static void put_time_field(cs_out *out, const char *name, cs_time t)
{
	char ts[40];
	size_t n = cs_time_format(t, ts);
	put_str(out, name);
	cs_out_write(out, ts, n);
	cs_out_putc(out, '"');
}

static void put_count(cs_out *out, size_t n)
{
	char digits[24];
	size_t k = sizeof digits;
	do
		digits[--k] = (char)('0' + n % 10);
	while (n /= 10);
	cs_out_write(out, digits + k, sizeof digits - k);
}

static int in_order(const struct mref *ref, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (mref_cmp(&ref[i - 1], &ref[i]) > 0)
			return 0;
	return 1;
}

/* Written straight to the output: the messages are not copied once more. */
static void emit_conversation(struct ingest *g, struct conv *v)
{
	cs_out *out = g->out;
	put_str(out, "{\"kind\":\"conversation\",\"id\":");
	cs_out_write(out, v->id.p, v->id.len);
	if (v->channel.len)
		put_str(out, ",\"channel\":"), cs_out_write(out, v->channel.p, v->channel.len);
	if (v->customer.len)
		put_str(out, ",\"customer\":"), cs_out_write(out, v->customer.p, v->customer.len);
	if (v->has_ts) {
		put_time_field(out, ",\"started\":\"", v->first);
		put_time_field(out, ",\"ended\":\"", v->last);
	}
	put_str(out, ",\"message_count\":");
	put_count(out, v->n);
	put_str(out, ",\"messages\":[");
	if (!in_order(v->ref, v->n))
		qsort(v->ref, v->n, sizeof *v->ref, mref_cmp);
	for (size_t i = 0; i < v->n; i++) {
		if (i)
			cs_out_putc(out, ',');
		cs_out_write(out, v->body.p + v->ref[i].off, v->ref[i].len);
	}
	put_str(out, "]}\n");
	g->st.written++;
	g->st.conversations++;
}

#define MAX_SPARE 64
/* Larger buffers are not kept: a small conversation given one would hold it
 * while open, and open conversations are many. */
#define SPARE_BODY_MAX 1024
#define SPARE_REFS_MAX 32

/* Keep a closed conversation's allocations for the next one to open. */
static void conv_recycle(struct ingest *g, struct conv *v)
{
	if (g->nspare >= MAX_SPARE) {
		conv_free(v);
		return;
	}
	if (v->body.cap > SPARE_BODY_MAX)
		cs_buf_free(&v->body);
	if (v->cap > SPARE_REFS_MAX) {
		free(v->ref);
		v->ref = NULL;
		v->cap = 0;
	}
	free(v->key);
	v->key = NULL;
	cs_buf_reset(&v->id);
	cs_buf_reset(&v->body);
	cs_buf_reset(&v->channel);
	cs_buf_reset(&v->customer);
	v->n = 0;
	v->has_ts = 0;
	v->next = g->spare;
	g->spare = v;
	g->nspare++;
}

static struct conv *conv_new(struct ingest *g)
{
	struct conv *v = g->spare;
	if (!v)
		return cs_calloc(1, sizeof *v);
	g->spare = v->next;
	g->nspare--;
	v->next = v->prev = NULL;
	return v;
}

static void conv_close(struct ingest *g, struct conv *v)
{
	if (!g->o->messages)
		emit_conversation(g, v);
	list_unlink(g, v);
	cs_map_del(&g->open, v->key, v->keylen);
	g->nopen--;
	conv_recycle(g, v);
}

static void expire(struct ingest *g)
{
	while (g->head && g->have_stream_time && g->head->last_seen + g->o->gap_ms < g->stream_time)
		conv_close(g, g->head);
}

static void advance_stream_time(struct ingest *g, int64_t ts)
{
	if (!g->have_stream_time) {
		g->have_stream_time = 1;
		g->stream_time = ts;
		for (struct conv *v = g->head; v; v = v->next)
			v->last_seen = ts;   /* touched before any time was known */
	} else if (ts > g->stream_time) {
		g->stream_time = ts;
	}
}

/* ---- one message ---- */

/* The top-level members cs-ingest reads, found in one pass (the last of a
 * repeated key wins, as with cs_obj_get). */
struct known {
	const cs_member *kind, *id, *ts, *channel, *customer, *conv_id;
};

static int key_is(const cs_member *m, const char *key, size_t n)
{
	return m->key.n == n && memcmp(m->key.p, key, n) == 0;
}

static void find_known_escaped(const cs_obj *obj, struct known *k)
{
	k->kind = cs_obj_get(obj, "kind", 4);
	k->id = cs_obj_get(obj, "id", 2);
	k->ts = cs_obj_get(obj, "ts", 2);
	k->channel = cs_obj_get(obj, "channel", 7);
	k->customer = cs_obj_get(obj, "customer", 8);
	k->conv_id = cs_obj_get(obj, "conversation_id", 15);
}

static void find_known(const cs_obj *obj, struct known *k)
{
	memset(k, 0, sizeof *k);
	for (const cs_member *m = obj->m, *end = m + obj->n; m < end; m++) {
		if (m->key_escaped) {
			find_known_escaped(obj, k);
			return;
		}
		switch (m->key.n) {
		case 2:
			if (key_is(m, "id", 2))
				k->id = m;
			else if (key_is(m, "ts", 2))
				k->ts = m;
			break;
		case 4:
			if (key_is(m, "kind", 4))
				k->kind = m;
			break;
		case 7:
			if (key_is(m, "channel", 7))
				k->channel = m;
			break;
		case 8:
			if (key_is(m, "customer", 8))
				k->customer = m;
			break;
		case 15:
			if (key_is(m, "conversation_id", 15))
				k->conv_id = m;
			break;
		}
	}
}

struct msg {
	struct known k;
	const char *text;
	size_t len;
	const cs_obj *obj;
	const char *file;
	uint64_t line;
	int has_ts;
	cs_time ts;
	int has_fp;            /* fp is its duplicate key's fingerprint */
	cs_fp fp;
	const cs_member *channel, *customer, *conv_id;
	cs_span cust_id;
	enum cs_jtype cust_id_type;
};

static void bad(struct ingest *g, const struct msg *m, const char *fmt, const char *arg)
{
	cs_error_at(m->file, m->line, fmt, arg);
	(void)g;
	cs_exit_raise(CS_EXIT_DATA);
}

static int read_ts(struct ingest *g, struct msg *m)
{
	const cs_member *t = m->k.ts;
	const char *s;
	size_t n;
	if (!t || t->type == CS_J_NULL)
		return 0;
	if (t->type == CS_J_NUMBER) {
		s = t->val.p, n = t->val.n;
	} else if (cs_json_str(t->val, t->type, &g->scratch, &s, &n) < 0) {
		bad(g, m, "ts is not a string or a number%s", "");
		return -1;
	}
	if (cs_time_parse(s, n, &m->ts) < 0) {
		char shown[80];
		snprintf(shown, sizeof shown, "%.*s", (int)(n > 60 ? 60 : n), s);
		bad(g, m, "unreadable time in ts: '%s'", shown);
		return -1;
	}
	m->has_ts = 1;
	return 0;
}

/* The id text of a member value (string contents or number digits) into dst. */
static int id_text(const cs_member *mem, cs_buf *scratch, cs_buf *dst)
{
	const char *s;
	size_t n;
	if (!mem || cs_json_id(mem->val, (enum cs_jtype)mem->type, scratch, &s, &n) < 0)
		return -1;
	cs_buf_add(dst, s, n);
	return 0;
}

static void channel_text(struct ingest *g, const struct msg *m, cs_buf *dst)
{
	const char *s;
	size_t n;
	if (m->channel && cs_json_str(m->channel->val, (enum cs_jtype)m->channel->type, &g->scratch, &s, &n) == 0)
		cs_buf_add(dst, s, n);
}

/* The fingerprint of what makes a message a duplicate: the same channel,
 * conversation_id (when the input gives one: many sources number messages
 * within a conversation) and id. Its place in the table is fetched now, to be
 * there when is_duplicate() looks. */
static void dedup_key(struct ingest *g, struct msg *m)
{
	const cs_member *id = m->k.id;
	m->has_fp = 0;
	if (!g->o->dedup || !id)
		return;
	cs_buf_reset(&g->idtext);
	channel_text(g, m, &g->idtext);
	cs_buf_addc(&g->idtext, '\x1f');
	if (m->conv_id)
		id_text(m->conv_id, &g->scratch, &g->idtext);
	cs_buf_addc(&g->idtext, '\x1f');
	if (id_text(id, &g->scratch, &g->idtext) < 0)
		return;
	m->fp = cs_fp_of(g->idtext.p, g->idtext.len);
	m->has_fp = 1;
	cs_fpset_prefetch(&g->seen, m->fp);
}

/* 1 if the message was seen before (see dedup_key). */
static int is_duplicate(struct ingest *g, const struct msg *m)
{
	return m->has_fp && !cs_fpset_add_fp(&g->seen, m->fp);
}

/* The grouping key: "i" + conversation id, or "k" + customer id + channel. */
static int group_key(struct ingest *g, struct msg *m)
{
	cs_buf_reset(&g->key);
	if (m->conv_id) {
		cs_buf_addc(&g->key, 'i');
		if (id_text(m->conv_id, &g->scratch, &g->key) < 0) {
			bad(g, m, "conversation_id is not a string or a number%s", "");
			return -1;
		}
		return 0;
	}
	const cs_member *cid = NULL;
	cs_jerr je;
	if (m->customer && m->customer->type == CS_J_OBJECT &&
	    cs_json_object(m->customer->val.p, m->customer->val.n, 0, &g->sub, &je) == 0)
		cid = cs_obj_get(&g->sub, "id", 2);
	if (cid) {
		m->cust_id = cid->val;
		m->cust_id_type = (enum cs_jtype)cid->type;
	}
	if (!cid || (m->cust_id_type != CS_J_STRING && m->cust_id_type != CS_J_NUMBER)) {
		bad(g, m, "message has no conversation_id and no customer.id to group by%s", "");
		return -1;
	}
	const char *s;
	size_t n;
	cs_buf_addc(&g->key, 'k');
	cs_json_id(m->cust_id, m->cust_id_type, &g->scratch, &s, &n);
	cs_buf_add(&g->key, s, n);
	cs_buf_addc(&g->key, '\x1f');
	channel_text(g, m, &g->key);
	return 0;
}

/* A deterministic id for a conversation made by grouping: customer, channel and first time. */
static void make_conv_id(struct conv *v, const struct msg *m)
{
	char buf[64];
	uint64_t h = cs_hash64(v->key, v->keylen, 0x5EED);
	if (m->has_ts)
		h ^= cs_hash64(&m->ts.ms, sizeof m->ts.ms, 0x7157);
	else
		h ^= cs_hash64(m->text, m->len, 0x7E47);
	snprintf(buf, sizeof buf, "\"c-%016" PRIx64 "\"", h);
	cs_buf_adds(&v->id, buf);
}

static struct conv *conv_open(struct ingest *g, const struct msg *m)
{
	if (g->nopen >= g->o->max_open && g->head) {
		if (!g->early_noticed++)
			cs_notice("more than %zu open conversations (--max-open): closing the oldest early; "
				  "--stats counts them", g->o->max_open);
		g->st.closed_early++;
		conv_close(g, g->head);
	}
	struct conv *v = conv_new(g);
	v->key = cs_strndup(g->key.p, g->key.len);
	v->keylen = g->key.len;
	if (m->conv_id && m->conv_id->type == CS_J_STRING)
		cs_buf_add(&v->id, m->conv_id->val.p, m->conv_id->val.n);
	else if (m->conv_id)
		cs_buf_add_jstr(&v->id, m->conv_id->val.p, m->conv_id->val.n);
	else
		make_conv_id(v, m);
	v->last_seen = g->stream_time;
	cs_map_put(&g->open, v->key, v->keylen, v);
	list_append(g, v);
	g->nopen++;
	return v;
}

static void conv_add(struct ingest *g, struct conv *v, const struct msg *m)
{
	if (!v->channel.len && m->channel)
		cs_buf_add(&v->channel, m->channel->val.p, m->channel->val.n);
	if (!v->customer.len && m->customer)
		cs_buf_add(&v->customer, m->customer->val.p, m->customer->val.n);
	if (m->has_ts) {
		if (!v->has_ts || m->ts.ms < v->first.ms)
			v->first = m->ts;
		if (!v->has_ts || m->ts.ms >= v->last.ms)
			v->last = m->ts;
		v->has_ts = 1;
	}
	if (g->o->messages)
		return;
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 8;
		v->ref = cs_realloc(v->ref, v->cap * sizeof *v->ref);
	}
	int64_t order = m->has_ts ? m->ts.ms : v->n ? v->ref[v->n - 1].ts : INT64_MIN;
	v->ref[v->n] = (struct mref){v->body.len, m->len, order, (uint32_t)v->n};
	v->n++;
	cs_buf_add(&v->body, m->text, m->len);
}

static void touch(struct ingest *g, struct conv *v)
{
	v->last_seen = g->stream_time;
	list_unlink(g, v);
	list_append(g, v);
}

static void write_flat(struct ingest *g, const struct msg *m, const struct conv *v)
{
	if (m->conv_id) {
		write_line(g, m->text, m->len);
		return;
	}
	cs_write_field(g->out, m->text, m->len, m->obj, "conversation_id", v->id.p, v->id.len);
	g->st.written++;
}

static int ingest_message(struct ingest *g, struct msg *m)
{
	m->channel = m->k.channel;
	m->customer = m->k.customer;
	m->conv_id = m->k.conv_id;
	if (m->conv_id && m->conv_id->type == CS_J_NULL)
		m->conv_id = NULL;
	dedup_key(g, m);
	if (read_ts(g, m) < 0 || group_key(g, m) < 0)
		return CS_REC_BAD;
	if (is_duplicate(g, m)) {
		g->st.duplicates++;
		return CS_REC_OK;
	}
	g->st.messages++;
	if (m->has_ts)
		advance_stream_time(g, m->ts.ms);
	if (g->o->messages && m->conv_id) {
		/* Already grouped: nothing to remember, the record passes as it is. */
		write_line(g, m->text, m->len);
		expire(g);
		return CS_REC_OK;
	}
	struct conv *v = cs_map_get(&g->open, g->key.p, g->key.len);
	if (v && !m->conv_id && m->has_ts && v->has_ts && m->ts.ms - v->last.ms > g->o->gap_ms) {
		conv_close(g, v);
		v = NULL;
	}
	if (!v)
		v = conv_open(g, m);
	conv_add(g, v, m);
	touch(g, v);
	if (g->o->messages)
		write_flat(g, m, v);
	expire(g);
	return CS_REC_OK;
}

/* ---- records of any kind ---- */

static int ingest_object(struct ingest *g, const char *text, size_t len, const cs_obj *obj,
			 const char *file, uint64_t line);

struct explode {
	struct ingest *g;
	const cs_obj *conv;
	const char *file;
	uint64_t line;
	int status;
};

/* One message of a conversation record, for --messages: gets the
 * conversation's id, channel and customer when it has none of its own. */
static int explode_one(cs_span item, enum cs_jtype type, void *ctx)
{
	static const char *const fields[][2] = {{"conversation_id", "id"}, {"channel", "channel"}, {"customer", "customer"}};
	struct explode *x = ctx;
	struct ingest *g = x->g;
	cs_obj mobj = {0};
	cs_jerr je;
	if (type != CS_J_OBJECT)
		return 0;
	cs_buf a = CS_BUF_INIT, b = CS_BUF_INIT;
	cs_buf_add(&a, item.p, item.n);
	for (size_t i = 0; i < 3; i++) {
		const cs_member *from = cs_obj_get(x->conv, fields[i][1], strlen(fields[i][1]));
		if (cs_json_object(a.p, a.len, 0, &mobj, &je) < 0 || !from ||
		    cs_obj_get(&mobj, fields[i][0], strlen(fields[i][0])))
			continue;
		cs_buf_reset(&b);
		cs_json_set_field(&b, mobj.whole.p, mobj.whole.n, &mobj, fields[i][0], from->val.p, from->val.n);
		cs_buf tmp = a;
		a = b;
		b = tmp;
	}
	cs_json_object(a.p, a.len, 0, &mobj, &je);
	int r = ingest_object(g, mobj.whole.p, mobj.whole.n, &mobj, x->file, x->line);
	if (r == CS_REC_BAD)
		x->status = CS_REC_BAD;
	cs_obj_free(&mobj);
	cs_buf_free(&a);
	cs_buf_free(&b);
	return r == CS_REC_BAD && !g->c->skip_bad;
}

static int explode_conversation(struct ingest *g, const char *text, size_t len, const cs_obj *obj,
				const char *file, uint64_t line)
{
	const cs_member *msgs = cs_obj_get(obj, "messages", 8);
	struct explode x = {g, obj, file, line, CS_REC_OK};
	(void)text, (void)len;
	if (msgs && msgs->type == CS_J_ARRAY)
		cs_json_each(msgs->val, explode_one, &x);
	return x.status;
}

/* A record without a kind is a message in a foreign export: it gets
 * "kind":"message" as its first key, the rest of its bytes kept. */
static int ingest_kindless(struct ingest *g, const char *text, size_t len, const char *file, uint64_t line)
{
	cs_buf b = CS_BUF_INIT;
	cs_obj obj = {0};
	cs_jerr je;
	const char *rest = text + 1;
	while (*rest == ' ' || *rest == '\t' || *rest == '\n' || *rest == '\r')
		rest++;
	cs_buf_adds(&b, *rest == '}' ? "{\"kind\":\"message\"" : "{\"kind\":\"message\",");
	cs_buf_add(&b, rest, len - (size_t)(rest - text));
	cs_json_object(b.p, b.len, 0, &obj, &je);
	struct msg m = {.text = b.p, .len = b.len, .obj = &obj, .file = file, .line = line};
	find_known(&obj, &m.k);
	int r = ingest_message(g, &m);
	cs_obj_free(&obj);
	cs_buf_free(&b);
	return r;
}

static int kind_is(const cs_member *k, const char *want)
{
	return k->type == CS_J_STRING && k->val.n == strlen(want) + 2 && memcmp(k->val.p + 1, want, k->val.n - 2) == 0;
}

static int ingest_object(struct ingest *g, const char *text, size_t len, const cs_obj *obj,
			 const char *file, uint64_t line)
{
	struct msg m = {.text = text, .len = len, .obj = obj, .file = file, .line = line};
	find_known(obj, &m.k);
	const cs_member *kind = m.k.kind;
	if (kind && !kind_is(kind, "message")) {
		if (kind_is(kind, "conversation") && g->o->messages)
			return explode_conversation(g, text, len, obj, file, line);
		g->st.passed++;
		write_line(g, text, len);
		return CS_REC_OK;
	}
	if (!kind)
		return ingest_kindless(g, text, len, file, line);
	return ingest_message(g, &m);
}

/* ---- --map on NDJSON records ---- */

static int apply_map(struct ingest *g, const cs_rec *rec, const char **text, size_t *len)
{
	const cs_fieldmap *map = &g->o->map;
	cs_buf val = CS_BUF_INIT;
	char err[256];
	int r = CS_REC_OK;
	cs_buf_reset(&g->edit2);
	cs_buf_add(&g->edit2, rec->text, rec->len);
	for (size_t i = 0; i < map->n && r == CS_REC_OK; i++) {
		const cs_fieldmap_item *it = &map->item[i];
		cs_span v;
		enum cs_jtype t;
		cs_buf_reset(&val);
		if (it->const_json)
			cs_buf_adds(&val, it->const_json);
		else if (cs_obj_path(&rec->obj, (const char *const *)it->from.name, it->from.len, it->from.n, &v, &t) < 0 ||
			 t == CS_J_NULL)
			continue;
		if (!it->const_json && cs_fieldmap_convert(it, v.p, v.n, t, 0, &val, err, sizeof err) < 0) {
			cs_rec_bad(rec, "--map %s: %s", it->to_text, err);
			r = CS_REC_BAD;
		} else if (cs_json_set_path(g->edit2.p, g->edit2.len, &it->to, val.p, val.len, g->c->max_depth, &g->edit) < 0) {
			cs_rec_bad(rec, "--map %s: a field on the way is not an object", it->to_text);
			r = CS_REC_BAD;
		} else {
			cs_buf tmp = g->edit2;
			g->edit2 = g->edit;
			g->edit = tmp;
		}
	}
	for (size_t i = 0; i < map->n && r == CS_REC_OK && g->o->drop_mapped; i++) {
		if (map->item[i].const_json || strcmp(map->item[i].to_text, map->item[i].from_text) == 0)
			continue;
		cs_json_del_path(g->edit2.p, g->edit2.len, &map->item[i].from, g->c->max_depth, &g->edit);
		cs_buf tmp = g->edit2;
		g->edit2 = g->edit;
		g->edit = tmp;
	}
	cs_buf_free(&val);
	*text = g->edit2.p;
	*len = g->edit2.len;
	return r;
}

static int ndjson_record(cs_rec *rec, void *ctx)
{
	struct ingest *g = ctx;
	if (!g->o->map.n)
		return ingest_object(g, rec->text, rec->len, &rec->obj, rec->file, rec->line);
	const cs_member *kind = cs_obj_get(&rec->obj, "kind", 4);
	if (kind && !kind_is(kind, "message"))
		return ingest_object(g, rec->text, rec->len, &rec->obj, rec->file, rec->line);
	const char *text;
	size_t len;
	cs_jerr je;
	if (apply_map(g, rec, &text, &len) != CS_REC_OK)
		return CS_REC_BAD;
	/* the mapped text lives in edit2; move it out so the message path may reuse the buffers */
	cs_buf mapped = g->edit2;
	g->edit2 = (cs_buf)CS_BUF_INIT;
	cs_json_object(mapped.p, mapped.len, g->c->max_depth, &g->obj, &je);
	int r = ingest_object(g, mapped.p, mapped.len, &g->obj, rec->file, rec->line);
	cs_buf_free(&g->edit2);
	g->edit2 = mapped;
	return r;
}

/* ---- CSV ---- */

static long header_index(struct ingest *g, const char *name)
{
	if (g->o->no_header) {
		char *end;
		long col = strtol(name, &end, 10);
		return *name && !*end && col >= 1 ? col - 1 : -1;
	}
	for (size_t i = 0; i < g->nheader; i++)
		if (strcmp(g->header[i], name) == 0)
			return (long)i;
	return -1;
}

static void free_header(struct ingest *g)
{
	for (size_t i = 0; i < g->nheader; i++)
		free(g->header[i]);
	free(g->header);
	free(g->map_col);
	g->header = NULL;
	g->map_col = NULL;
	g->nheader = 0;
}

static int csv_header(struct ingest *g, const cs_csv_row *row)
{
	free_header(g);
	g->nheader = row->n;
	g->header = cs_malloc((row->n ? row->n : 1) * sizeof *g->header);
	for (size_t i = 0; i < row->n; i++) {
		if (g->o->no_header) {
			char num[24];
			snprintf(num, sizeof num, "%zu", i + 1);
			g->header[i] = cs_strdup(num);
		} else {
			g->header[i] = cs_strndup(row->cell[i], row->len[i]);
		}
	}
	g->map_col = cs_malloc((g->o->map.n + 1) * sizeof *g->map_col);
	for (size_t i = 0; i < g->o->map.n; i++) {
		g->map_col[i] = g->o->map.item[i].const_json ? -1 : header_index(g, g->o->map.item[i].from_text);
		if (g->map_col[i] < 0 && !g->o->no_header && !g->o->map.item[i].const_json)
			cs_notice_at(g->file, row->line, "--map %s: no column named '%s'", g->o->map.item[i].to_text,
				     g->o->map.item[i].from_text);
	}
	g->header_done = 1;
	return 0;
}

static int set_top(struct ingest *g, cs_buf *rec, const char *key, const char *val, size_t vlen)
{
	cs_jerr je;
	cs_json_object(rec->p, rec->len, 0, &g->obj, &je);
	if (cs_obj_get(&g->obj, key, strlen(key)) && strcmp(key, "kind") != 0)
		return 0;
	cs_buf_reset(&g->edit);
	cs_json_set_field(&g->edit, rec->p, rec->len, &g->obj, key, val, vlen);
	cs_buf tmp = *rec;
	*rec = g->edit;
	g->edit = tmp;
	return 0;
}

static int col_is_mapped_source(struct ingest *g, size_t col)
{
	for (size_t i = 0; i < g->o->map.n; i++)
		if (g->map_col[i] == (long)col)
			return 1;
	return 0;
}

/* Build the record of one CSV row into rec. Returns 0, or -1 (reported). */
static int csv_build(struct ingest *g, const cs_csv_row *row, cs_buf *rec)
{
	cs_buf val = CS_BUF_INIT;
	char err[256];
	cs_buf_reset(rec);
	cs_buf_adds(rec, "{\"kind\":\"message\"}");
	for (size_t i = 0; i < g->o->map.n; i++) {
		const cs_fieldmap_item *it = &g->o->map.item[i];
		long col = g->map_col[i];
		cs_buf_reset(&val);
		if (it->const_json)
			cs_buf_adds(&val, it->const_json);
		else if (col < 0 || (size_t)col >= row->n || row->len[col] == 0)
			continue;
		else if (cs_fieldmap_convert(it, row->cell[col], row->len[col], CS_J_STRING, 1, &val, err, sizeof err) < 0) {
			cs_error_at(g->file, row->line, "--map %s: %s", it->to_text, err);
			cs_buf_free(&val);
			return -1;
		}
		if (cs_json_set_path(rec->p, rec->len, &it->to, val.p, val.len, 0, &g->edit) < 0) {
			cs_error_at(g->file, row->line, "--map %s: a field on the way is not an object", it->to_text);
			cs_buf_free(&val);
			return -1;
		}
		cs_buf tmp = *rec;
		*rec = g->edit;
		g->edit = tmp;
	}
	int kind_mapped = 0;
	for (size_t i = 0; i < g->o->map.n; i++)
		kind_mapped |= g->o->map.item[i].to.n == 1 && strcmp(g->o->map.item[i].to.name[0], "kind") == 0;
	for (size_t col = 0; col < row->n; col++) {
		if (row->len[col] == 0 || (g->o->drop_mapped && col_is_mapped_source(g, col)) ||
		    (kind_mapped && strcmp(g->header[col], "kind") == 0))
			continue;
		cs_buf_reset(&val);
		cs_buf_add_jstr(&val, row->cell[col], row->len[col]);
		set_top(g, rec, g->header[col], val.p, val.len);
	}
	cs_buf_free(&val);
	return 0;
}

static int csv_where(struct ingest *g, const char *text, size_t len, uint64_t line)
{
	char err[512];
	int r = cs_jq_test(g->where, text, len, err, sizeof err);
	if (r == CS_JQ_ERROR) {
		cs_error_at(g->file, line, "%s", err);
		cs_exit_raise(CS_EXIT_DATA);
		return CS_REC_BAD;
	}
	return r == CS_JQ_TRUE ? CS_REC_OK : CS_REC_STOP;
}

static int csv_row(const cs_csv_row *row, void *ctx)
{
	struct ingest *g = ctx;
	if (!g->header_done) {
		csv_header(g, row);
		if (!g->o->no_header)
			return 0;
	}
	g->st.read++;
	int r = CS_REC_OK;
	cs_buf rec = CS_BUF_INIT;
	cs_jerr je;
	if (row->n != g->nheader) {
		cs_error_at(g->file, row->line, "row has %zu fields but the %s has %zu", row->n,
			    g->o->no_header ? "first row" : "header", g->nheader);
		cs_exit_raise(CS_EXIT_DATA);
		r = CS_REC_BAD;
	} else if (csv_build(g, row, &rec) < 0) {
		cs_exit_raise(CS_EXIT_DATA);
		r = CS_REC_BAD;
	} else if (g->where && (r = csv_where(g, rec.p, rec.len, row->line)) == CS_REC_STOP) {
		g->st.skipped++;
		write_line(g, rec.p, rec.len);
		r = CS_REC_OK;
	} else if (r == CS_REC_OK) {
		cs_obj obj = {0};
		cs_json_object(rec.p, rec.len, 0, &obj, &je);
		r = ingest_object(g, rec.p, rec.len, &obj, g->file, row->line);
		cs_obj_free(&obj);
	}
	cs_buf_free(&rec);
	if (r == CS_REC_BAD) {
		g->st.rejected++;
		return g->c->skip_bad ? 0 : 1;
	}
	return 0;
}

static long csv_read_cb(void *rctx, char *dst, size_t n)
{
	return cs_in_read(rctx, dst, n);
}

/* Returns 1 if the run stopped early. */
static int run_csv(struct ingest *g, char **files, int nfiles)
{
	struct cs_in_opts io = {.max_record = g->c->max_record, .encoding = g->o->encoding};
	cs_in *in = cs_in_new(files, nfiles, &io);
	int stopped = 0;
	char err[512];
	if (g->c->where && !(g->where = cs_jq_new(g->c->where, g->c->where_timeout, err, sizeof err)))
		cs_usage_error("%s", err);
	do {
		g->header_done = 0;
		g->file = cs_in_name(in);
		int r = cs_csv_read(csv_read_cb, in, g->file, g->o->delimiter, g->c->max_record, csv_row, g);
		if (r == CS_CSV_READ_ERROR || (r != CS_CSV_END && !g->c->skip_bad))
			stopped = 1;
		if (r == CS_CSV_SYNTAX)
			g->st.rejected++;
	} while (!stopped && cs_in_next_file(in));
	cs_jq_free(g->where);
	cs_in_free(in);
	free_header(g);
	return stopped;
}

/* ---- the run ---- */

static void print_stats(const struct ingest *g)
{
	const struct cs_ingest_stats *s = &g->st;
	static const char *const names[] = {"read", "written", "messages", "conversations", "duplicates",
					    "rejected", "passed", "skipped", "closed_early", "replaced"};
	const uint64_t v[] = {s->read, s->written, s->messages, s->conversations, s->duplicates,
			      s->rejected, s->passed, s->skipped, s->closed_early, s->replaced};
	if (g->o->stats == CS_STATS_JSON) {
		fprintf(stderr, "{\"kind\":\"stats\",\"program\":\"%s\"", cs_prog());
		for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
			fprintf(stderr, ",\"%s\":%" PRIu64, names[i], v[i]);
		fprintf(stderr, "}\n");
		return;
	}
	fprintf(stderr, "%s: stats:", cs_prog());
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		fprintf(stderr, "%s %s %" PRIu64, i ? "," : "", names[i], v[i]);
	fputc('\n', stderr);
}

static void ingest_free(struct ingest *g)
{
	while (g->head) {
		struct conv *v = g->head;
		list_unlink(g, v);
		conv_free(v);
	}
	while (g->spare) {
		struct conv *v = g->spare;
		g->spare = v->next;
		conv_free(v);
	}
	cs_map_free(&g->open);
	cs_fpset_free(&g->seen);
	cs_buf_free(&g->key);
	cs_buf_free(&g->idtext);
	cs_buf_free(&g->scratch);
	cs_buf_free(&g->edit);
	cs_buf_free(&g->edit2);
	cs_obj_free(&g->obj);
	cs_obj_free(&g->sub);
}

int cs_ingest_run(const struct cs_common *c, const struct cs_ingest_opts *o, char **files, int nfiles)
{
	struct ingest g = {.c = c, .o = o};
	int stopped;
	g.out = cs_out_open(c->output);
	if (o->format == CS_FMT_CSV) {
		stopped = run_csv(&g, files, nfiles);
	} else {
		struct cs_loop_stats ls;
		cs_rec_loop(c, files, nfiles, g.out, ndjson_record, &g, &ls);
		stopped = ls.stopped;
		g.st.rejected = ls.rejected;
		g.st.skipped = ls.skipped;
		g.st.replaced = ls.replaced;
		g.st.read = ls.read;
		g.st.written += ls.skipped;
	}
	if (stopped) {
		cs_out_abort(g.out);
		ingest_free(&g);
		cs_exit(cs_exit_status());
	}
	while (g.head)
		conv_close(&g, g.head);
	cs_out_close(g.out);
	if (g.st.replaced)
		cs_notice("replaced %" PRIu64 " invalid UTF-8 sequence%s with U+FFFD", g.st.replaced,
			  g.st.replaced == 1 ? "" : "s");
	if (g.st.duplicates && !o->stats)
		cs_notice("%" PRIu64 " duplicate message%s left out (--no-dedup keeps them)", g.st.duplicates,
			  g.st.duplicates == 1 ? "" : "s");
	if (g.st.rejected)
		cs_error("%" PRIu64 " bad record%s left out", g.st.rejected, g.st.rejected == 1 ? "" : "s");
	if (o->stats)
		print_stats(&g);
	ingest_free(&g);
	return cs_exit_status();
}
