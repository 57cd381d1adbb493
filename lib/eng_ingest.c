/* eng_ingest: cs-ingest's engine (see eng_ingest.h). */
#include "eng_ingest.h"
#include "eng_ingest_dedup.h"
#include "kit_chain.h"
#include "kit_hash.h"
#include "kit_jw.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_time.h"
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct mref {
	cs_chain_at at;      /* the message's bytes in conv.body */
	size_t len;
	int64_t ts;          /* for ordering: its time, or its predecessor's */
	uint32_t seq;        /* arrival order */
};

struct conv {
	char *key;
	size_t keylen;
	cs_buf id;           /* JSON string literal */
	cs_chain body;       /* the messages as they came */
	struct mref *ref;
	size_t n, cap;
	int has_ts;
	cs_time first, last; /* earliest and latest message times */
	int64_t last_seen;   /* stream time when last touched: drives closing */
	cs_buf channel, customer;   /* raw JSON values from the first message that had them */
	cs_buf meta;         /* members of the messages' "conversation" objects, comma-separated */
	struct conv *prev, *next;
};

/* The top-level members cs-ingest reads, found in one pass (the last of a
 * repeated key wins, as with cs_obj_get). */
struct known {
	const cs_member *kind, *id, *ts, *channel, *customer, *conv_id;
	const cs_member *conv_fields;   /* "conversation": fields for the conversation record */
	const cs_member *source;        /* "source": where a reader found the message */
};

/* What turning a record as read into the record as written takes (--map,
 * "kind"): the main thread has one, and a producer's reading thread another
 * (prepare_fork), so records can be prepared there. */
/* A --map item's target, as rebuild_flat() writes it when the record lacks it. */
struct map_target {
	cs_buf key;                /* its first step as a JSON string literal */
	int key_escaped;           /* that literal holds an escape */
	int alone;                 /* a top-level target no other item sets */
};

struct prep {
	const struct cs_common *c;
	const struct cs_ingest_opts *o;
	int map_sets_kind;         /* --map or --set has kind as a target */
	int map_flat;              /* every --map source is a top-level field: one-pass mapping */
	cs_buf edit, edit2, mapped;
	cs_obj mapped_obj;
	cs_buf *map_vals;          /* one a --map item, for the one-pass mapping */
	cs_buf map_tv, map_key;
	unsigned char *moves;      /* per --map item: it moves a field (its source is not its target) */
	struct map_target *targets;  /* per --map item */
	struct key_memo *memo;     /* rebuild_flat()'s reading of the last record's keys, by place */
	size_t nmemo, memo_cap;
	cs_buf memo_keys;          /* their keys, unescaped, one after another */
	struct known known;        /* the members prepare() found, for the record whose */
	const cs_member *known_for;/* member array this is, and its count */
	size_t known_n;
	cs_buf early_id, early_scratch;   /* on_early()'s */
	ingest_redact *redact;     /* --redact, or NULL */
	cs_buf redacted;
	cs_obj redacted_obj;
	const ingest_identities *identities;   /* --identities, or NULL */
	ingest_identity_scratch identity;
	cs_buf identified;
	cs_obj identified_obj;
	_Atomic uint64_t *identity_counts;     /* matched, conflicts */
};

/* What on_early() finds in a record on the reading thread, for the record
 * as read (text, len): if prepare() changed it, none of this holds. One
 * cache line, which the main thread reads from the other core. */
#define KNOWN_FIELDS(X) X(kind) X(id) X(ts) X(channel) X(customer) X(conv_id) X(conv_fields) X(source)
#define EARLY_MAX_MEMBERS 65535
struct early {
	const char *text;
	size_t len;
	struct {                   /* struct known's, as 1 + their index in the members; 0: none */
#define X(f) uint16_t f;
		KNOWN_FIELDS(X)
#undef X
	} at;
	uint8_t has_ts;            /* the record's time as read_ts() reads it is ts_ms, ts_has_ms */
	uint8_t ts_has_ms;
	uint8_t fp_found;          /* has_fp and fp are what dedup_fingerprint() finds */
	uint8_t has_fp;
	int64_t ts_ms;
	cs_fp fp;
};
_Static_assert(sizeof(struct early) == 64, "struct early is one cache line");

struct cs_ingest {
	struct prep p;              /* first: prepare() takes the engine for its prep */
	const struct cs_common *c;
	const struct cs_ingest_opts *o;
	cs_run *run;                /* the run being served (set by each callback) */
	cs_map open;
	struct conv *head, *tail;   /* least recently touched first */
	size_t nopen;
	cs_dedup seen;
	int64_t stream_time;
	int have_stream_time;
	int early_noticed;
	uint64_t messages, conversations, duplicates, passed, closed_early;
	_Atomic uint64_t redacted[CS_PII_N];   /* what --redact replaced, by kind, on any thread */
	ingest_identities *identities;
	_Atomic uint64_t identity_counts[2];  /* records given a customer of --identities; of them, conflicts */
	cs_buf key, idtext, scratch, head_buf, meta_text;
	cs_obj meta_obj;
	cs_obj obj, sub;
	struct conv *spare;        /* closed conversations kept for reuse, with their buffers */
	size_t nspare;
	cs_chunk_pool chunks;      /* the open conversations' messages */
};

void cs_ingest_opts_init(struct cs_ingest_opts *o)
{
	memset(o, 0, sizeof *o);
	o->gap_ms = CS_INGEST_DEFAULT_GAP_MS;
	o->max_open = CS_INGEST_DEFAULT_MAX_OPEN;
	o->dedup = 1;
	o->dedup_window_ms = CS_INGEST_DEFAULT_DEDUP_WINDOW_MS;
	o->dedup_max = CS_INGEST_DEFAULT_DEDUP_MAX;
}

static void write_line(cs_ingest *g, const char *p, size_t n)
{
	cs_run_write_line(g->run, p, n);
}

/* ---- the open-conversation list ---- */

static void list_unlink(cs_ingest *g, struct conv *v)
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

static void list_append(cs_ingest *g, struct conv *v)
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
	cs_buf_free(&v->channel);
	cs_buf_free(&v->customer);
	cs_buf_free(&v->meta);
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

static int in_order(const struct mref *ref, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (mref_cmp(&ref[i - 1], &ref[i]) > 0)
			return 0;
	return 1;
}

#define MAX_SPARE 64
/* Larger lists are not kept: a small conversation given one would hold it
 * while open, and open conversations are many (a bound of --max-open times
 * this). */
#define SPARE_REFS_MAX 64

/* Keep a closed conversation's allocations for the next one to open. */
static void conv_recycle(cs_ingest *g, struct conv *v)
{
	cs_chain_release(&g->chunks, &v->body);
	if (g->nspare >= MAX_SPARE) {
		conv_free(v);
		return;
	}
	if (v->cap > SPARE_REFS_MAX) {
		free(v->ref);
		v->ref = NULL;
		v->cap = 0;
	}
	free(v->key);
	v->key = NULL;
	cs_buf_reset(&v->id);
	cs_buf_reset(&v->channel);
	cs_buf_reset(&v->customer);
	cs_buf_reset(&v->meta);
	v->n = 0;
	v->has_ts = 0;
	v->next = g->spare;
	g->spare = v;
	g->nspare++;
}

static struct conv *conv_new(cs_ingest *g)
{
	struct conv *v = g->spare;
	if (!v)
		return cs_calloc(1, sizeof *v);
	g->spare = v->next;
	g->nspare--;
	v->next = v->prev = NULL;
	return v;
}

static int key_is(const cs_member *m, const char *key, size_t n)
{
	return m->key.n == n && memcmp(m->key.p, key, n) == 0;
}

/* The kind's value is the string literal want (quotes included, as in "\"message\""). */
#define kind_is(k, want) ((k)->type == CS_J_STRING && (k)->val.n == sizeof(want) - 1 && \
			  memcmp((k)->val.p, want, sizeof(want) - 1) == 0)

static void find_known_escaped(const cs_obj *obj, struct known *k)
{
	k->kind = cs_obj_get(obj, "kind", 4);
	k->id = cs_obj_get(obj, "id", 2);
	k->ts = cs_obj_get(obj, "ts", 2);
	k->channel = cs_obj_get(obj, "channel", 7);
	k->customer = cs_obj_get(obj, "customer", 8);
	k->conv_id = cs_obj_get(obj, "conversation_id", 15);
	k->conv_fields = cs_obj_get(obj, "conversation", 12);
	k->source = cs_obj_get(obj, "source", 6);
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
		case 6:
			if (key_is(m, "source", 6))
				k->source = m;
			break;
		case 7:
			if (key_is(m, "channel", 7))
				k->channel = m;
			break;
		case 8:
			if (key_is(m, "customer", 8))
				k->customer = m;
			break;
		case 12:
			if (key_is(m, "conversation", 12))
				k->conv_fields = m;
			break;
		case 15:
			if (key_is(m, "conversation_id", 15))
				k->conv_id = m;
			break;
		}
	}
}

static void put_time(cs_jw *w, const char *key, cs_time t)
{
	char ts[40];
	size_t n = cs_time_format(t, ts);
	cs_jw_key(w, key);
	cs_jw_str(w, ts, n);
}

static void put_out(void *out, const char *p, size_t n) { cs_out_write(out, p, n); }

/* Keys of the conversation record that cs-ingest writes itself. */
static int own_key(const cs_member *m)
{
	static const char *const own[] = {"kind", "id", "channel", "customer", "started", "ended", "message_count", "messages"};
	for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
		if (cs_member_is(m, own[i], strlen(own[i])))
			return 1;
	return 0;
}

static int key_later(const cs_obj *o, size_t i)
{
	for (size_t j = i + 1; j < o->n; j++)
		if (o->m[j].key.n == o->m[i].key.n && memcmp(o->m[j].key.p, o->m[i].key.p, o->m[i].key.n) == 0)
			return 1;
	return 0;
}

/* The fields the messages gave for their conversation (subject, status,
 * tags...), the last one of each name, in the order first seen. */
static void put_meta(cs_ingest *g, cs_jw *w, const struct conv *v)
{
	cs_jerr je;
	if (!v->meta.len)
		return;
	cs_buf_reset(&g->meta_text);
	cs_buf_addc(&g->meta_text, '{');
	cs_buf_add(&g->meta_text, v->meta.p, v->meta.len);
	cs_buf_addc(&g->meta_text, '}');
	if (cs_json_object(g->meta_text.p, g->meta_text.len, g->c->max_depth, &g->meta_obj, &je) < 0)
		return;   /* cannot happen: each part was a valid object's members */
	for (size_t i = 0; i < g->meta_obj.n; i++) {
		const cs_member *m = &g->meta_obj.m[i];
		if (own_key(m) || key_later(&g->meta_obj, i) || m->key_escaped)
			continue;
		cs_jw_keyn(w, m->key.p, m->key.n);
		cs_jw_raw(w, m->val.p, m->val.n);
	}
}

/* One message of the array: the writer puts what comes before it (a comma),
 * then its bytes go out a chunk at a time. */
static void put_message(cs_jw *w, const struct mref *r, cs_out *out)
{
	cs_jw_raw_to(w, "", 0, put_out, out);
	cs_chain_put(r->at, r->len, put_out, out);
}

/* Built with the JSON writer; the messages go straight from the body to the
 * output, not through the writer's buffer. */
static void emit_conversation(cs_ingest *g, struct conv *v)
{
	cs_out *out = cs_run_out(g->run);
	cs_buf *b = &g->head_buf;
	cs_jw w;
	/* the messages came over a while: ask for all of them at once */
	for (size_t i = 0; i < v->n; i++)
		cs_chain_prefetch(v->ref[i].at, v->ref[i].len);
	cs_buf_reset(b);
	cs_jw_init(&w, b);
	cs_jw_object(&w);
	cs_jw_key(&w, "kind");
	cs_jw_cstr(&w, "conversation");
	cs_jw_key(&w, "id");
	cs_jw_raw(&w, v->id.p, v->id.len);
	if (v->channel.len) {
		cs_jw_key(&w, "channel");
		cs_jw_raw(&w, v->channel.p, v->channel.len);
	}
	if (v->customer.len) {
		cs_jw_key(&w, "customer");
		cs_jw_raw(&w, v->customer.p, v->customer.len);
	}
	if (v->has_ts) {
		put_time(&w, "started", v->first);
		put_time(&w, "ended", v->last);
	}
	put_meta(g, &w, v);
	cs_jw_key(&w, "message_count");
	cs_jw_uint(&w, v->n);
	cs_jw_key(&w, "messages");
	cs_jw_array(&w);
	if (!in_order(v->ref, v->n))
		qsort(v->ref, v->n, sizeof *v->ref, mref_cmp);
	for (size_t i = 0; i < v->n; i++)
		put_message(&w, &v->ref[i], out);
	cs_jw_end_array(&w);
	cs_jw_end_object(&w);
	if (cs_jw_finish(&w) < 0)
		cs_die(CS_EXIT_INTERNAL, "internal error: a conversation record did not close");
	cs_out_write(out, b->p, b->len);
	cs_run_end_line(g->run);
	g->conversations++;
}

static void conv_close(cs_ingest *g, struct conv *v)
{
	if (!g->o->messages)
		emit_conversation(g, v);
	list_unlink(g, v);
	cs_map_del(&g->open, v->key, v->keylen);
	g->nopen--;
	conv_recycle(g, v);
}

/* Close what has been silent for more than --gap of stream time. Times lie
 * within years 0001-9999 (kit_time), so the differences cannot overflow. */
static void expire(cs_ingest *g)
{
	while (g->head && g->have_stream_time && g->stream_time - g->head->last_seen > g->o->gap_ms)
		conv_close(g, g->head);
}

static void advance_stream_time(cs_ingest *g, int64_t ts)
{
	if (!g->have_stream_time) {
		g->have_stream_time = 1;
		g->stream_time = ts;
		for (struct conv *v = g->head; v; v = v->next)
			v->last_seen = ts;   /* touched before any time was known */
	} else if (ts > g->stream_time) {
		g->stream_time = ts;
	}
	cs_dedup_advance(&g->seen, g->stream_time);
}

/* ---- one message ---- */

struct msg {
	struct known k;
	const char *text;
	size_t len;
	const struct early *early;   /* found for this very record, or NULL */
	const cs_obj *obj;
	const char *file;
	uint64_t line;
	int has_ts;
	cs_time ts;
	int has_fp;            /* fp is its duplicate key's fingerprint */
	cs_fp fp;
	const cs_member *channel, *customer, *conv_id;
};

static void bad(const struct msg *m, const char *fmt, const char *arg)
{
	cs_error_at(m->file, m->line, fmt, arg);
	cs_exit_raise(CS_EXIT_DATA);
}

/* 1 if ts holds a time as read_ts() would read it, with an offset or zone:
 * a time without one is read again on the main thread, which counts it. */
static int zoned_ts(const cs_member *t, cs_buf *scratch, cs_time *ts)
{
	const char *s = t->val.p;
	size_t n = t->val.n;
	if (t->type == CS_J_NULL || (t->type != CS_J_NUMBER && cs_member_str(t, scratch, &s, &n) < 0))
		return 0;
	return cs_time_parse_uncounted(s, n, ts) == 0 && !ts->naive;
}

static int read_ts(cs_ingest *g, struct msg *m)
{
	if (m->early && m->early->has_ts) {
		m->ts = (cs_time){.ms = m->early->ts_ms, .has_ms = m->early->ts_has_ms};
		m->has_ts = 1;
		return 0;
	}
	const cs_member *t = m->k.ts;
	const char *s = t ? t->val.p : NULL;
	size_t n = t ? t->val.n : 0;
	if (!t || t->type == CS_J_NULL)
		return 0;
	if (t->type != CS_J_NUMBER && cs_member_str(t, &g->scratch, &s, &n) < 0) {
		bad(m, "ts is not a string or a number%s", "");
		return -1;
	}
	if (cs_time_parse(s, n, &m->ts) < 0) {
		char shown[200];
		snprintf(shown, sizeof shown, "'%.*s' (%s)", (int)(n > 60 ? 60 : n), s, cs_time_why(s, n));
		bad(m, "unreadable time in ts: %s", shown);
		return -1;
	}
	m->has_ts = 1;
	return 0;
}

/* Append one part of a composite key: its length, then its bytes, so no
 * two different lists of parts make the same key. */
static void key_part(cs_buf *dst, const char *s, size_t n)
{
	uint64_t len = n;
	cs_buf_reserve(dst, sizeof len + n);
	memcpy(dst->p + dst->len, &len, sizeof len);
	memcpy(dst->p + dst->len + sizeof len, s, n);
	dst->len += sizeof len + n;
	dst->p[dst->len] = '\0';
}

/* The id text of a member value (string contents or number digits) as a key part. */
static int id_part(const cs_member *mem, cs_buf *scratch, cs_buf *dst)
{
	const char *s;
	size_t n;
	if (!mem || cs_member_id(mem, scratch, &s, &n) < 0)
		return -1;
	key_part(dst, s, n);
	return 0;
}

static void channel_part(const struct msg *m, cs_buf *dst, cs_buf *scratch)
{
	const char *s = "";
	size_t n = 0;
	if (m->channel && cs_member_str(m->channel, scratch, &s, &n) < 0) {
		s = m->channel->val.p;   /* not a string: its JSON text */
		n = m->channel->val.n;
	}
	key_part(dst, s, n);
}

/* The fingerprint of what makes a message a duplicate: the same channel,
 * conversation_id (when the input gives one: many sources number messages
 * within a conversation) and id. */
static void dedup_fingerprint(const struct cs_ingest_opts *o, struct msg *m, cs_buf *idtext, cs_buf *scratch)
{
	m->has_fp = 0;
	if (!o->dedup || !m->k.id)
		return;
	cs_buf_reset(idtext);
	channel_part(m, idtext, scratch);
	if (!m->conv_id || id_part(m->conv_id, scratch, idtext) < 0)
		cs_buf_addc(idtext, 'n');   /* no conversation id: a part no length prefix starts with */
	if (id_part(m->k.id, scratch, idtext) < 0)
		return;
	m->fp = cs_fp_of(idtext->p, idtext->len);
	m->has_fp = 1;
}

/* The fingerprint, found early or now; its place in the table is fetched
 * now, to be there when is_duplicate() looks. */
static void dedup_key(cs_ingest *g, struct msg *m)
{
	if (m->early && m->early->fp_found) {
		m->has_fp = m->early->has_fp;
		m->fp = m->early->fp;
	} else {
		dedup_fingerprint(g->o, m, &g->idtext, &g->scratch);
	}
	if (m->has_fp)
		cs_dedup_prefetch(&g->seen, m->fp);
}

/* The fields a message's keys are made of, as ingest_message() takes them. */
static void message_fields(struct msg *m)
{
	m->channel = m->k.channel;
	m->customer = m->k.customer;
	m->conv_id = m->k.conv_id && m->k.conv_id->type != CS_J_NULL ? m->k.conv_id : NULL;
}

/* The engine's early(): on the reading thread, what of a message does not
 * depend on the messages before it (its members, time, duplicate key). */
static void on_early(void *forked, const cs_rec *rec, void *out)
{
	struct prep *p = forked;
	struct early *e = out;
	const cs_member *base = rec->obj.m;
	e->text = NULL;
	if (rec->obj.n > EARLY_MAX_MEMBERS)
		return;
	struct msg m;
	find_known(&rec->obj, &m.k);
#define X(f) e->at.f = m.k.f ? (uint16_t)(m.k.f - base + 1) : 0;
	KNOWN_FIELDS(X)
#undef X
	e->text = rec->text;
	e->len = rec->len;
	e->has_ts = e->fp_found = 0;
	if (m.k.kind && !kind_is(m.k.kind, "\"message\""))
		return;
	cs_time ts;
	e->has_ts = m.k.ts && zoned_ts(m.k.ts, &p->early_scratch, &ts);
	e->ts_ms = e->has_ts ? ts.ms : 0;
	e->ts_has_ms = e->has_ts && ts.has_ms;
	message_fields(&m);
	dedup_fingerprint(p->o, &m, &p->early_id, &p->early_scratch);
	e->fp_found = 1;
	e->has_fp = m.has_fp;
	e->fp = m.fp;
}

/* rec's early findings, if they are for rec as it is now. */
static const struct early *early_of(const cs_rec *rec)
{
	const struct early *e = rec->early;
	return e && e->text == rec->text && e->len == rec->len ? e : NULL;
}

static void early_known(const struct early *e, const cs_obj *obj, struct known *k)
{
#define X(f) k->f = e->at.f ? obj->m + e->at.f - 1 : NULL;
	KNOWN_FIELDS(X)
#undef X
}

static int is_duplicate(cs_ingest *g, const struct msg *m)
{
	return m->has_fp && cs_dedup_seen(&g->seen, m->fp);
}

/* The customer.id member of a message, or NULL. */
static const cs_member *customer_id(cs_ingest *g, const struct msg *m)
{
	cs_jerr je;
	if (!m->customer || m->customer->type != CS_J_OBJECT)
		return NULL;
	if (cs_json_object(m->customer->val.p, m->customer->val.n, g->c->max_depth, &g->sub, &je) < 0)
		return NULL;   /* cannot happen: the record was scanned with the same limit */
	const cs_member *cid = cs_obj_get(&g->sub, "id", 2);
	return cid && (cid->type == CS_J_STRING || cid->type == CS_J_NUMBER) ? cid : NULL;
}

static int check_conv_id(const struct msg *m)
{
	if (m->conv_id->type == CS_J_STRING || m->conv_id->type == CS_J_NUMBER)
		return 0;
	bad(m, "conversation_id is not a string or a number%s", "");
	return -1;
}

/* The grouping key: 'i' + conversation id, or 'k' + customer id + channel. */
static int group_key(cs_ingest *g, struct msg *m)
{
	cs_buf_reset(&g->key);
	if (m->conv_id) {
		cs_buf_addc(&g->key, 'i');
		if (id_part(m->conv_id, &g->scratch, &g->key) < 0) {
			bad(m, "conversation_id is not a string or a number%s", "");
			return -1;
		}
		return 0;
	}
	const cs_member *cid = customer_id(g, m);
	if (!cid) {
		bad(m, "message has no conversation_id and no customer.id to group by%s", "");
		return -1;
	}
	cs_buf_addc(&g->key, 'k');
	id_part(cid, &g->scratch, &g->key);
	channel_part(m, &g->key, &g->scratch);
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

static void close_oldest_early(cs_ingest *g)
{
	if (!g->early_noticed++)
		cs_notice("more than %zu open conversations (--max-open): closing the oldest early; "
			  "--stats counts them", g->o->max_open);
	g->closed_early++;
	conv_close(g, g->head);
}

static struct conv *conv_open(cs_ingest *g, const struct msg *m)
{
	if (g->nopen >= g->o->max_open && g->head)
		close_oldest_early(g);
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

static void conv_note_times(struct conv *v, const struct msg *m)
{
	if (!m->has_ts)
		return;
	if (!v->has_ts || m->ts.ms < v->first.ms)
		v->first = m->ts;
	if (!v->has_ts || m->ts.ms >= v->last.ms)
		v->last = m->ts;
	v->has_ts = 1;
}

/* The members of the message's "conversation" object, for put_meta(). */
static void add_meta(struct conv *v, const struct msg *m)
{
	const cs_member *cm = m->k.conv_fields;
	if (!cm || cm->type != CS_J_OBJECT)
		return;
	const char *p = cm->val.p + 1, *e = cm->val.p + cm->val.n - 1;   /* inside the braces */
	while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	if (p == e)
		return;
	if (v->meta.len)
		cs_buf_addc(&v->meta, ',');
	cs_buf_add(&v->meta, p, (size_t)(e - p));
}

static void conv_add(cs_ingest *g, struct conv *v, const struct msg *m)
{
	add_meta(v, m);
	if (!v->channel.len && m->channel)
		cs_buf_add(&v->channel, m->channel->val.p, m->channel->val.n);
	if (!v->customer.len && m->customer)
		cs_buf_add(&v->customer, m->customer->val.p, m->customer->val.n);
	conv_note_times(v, m);
	if (g->o->messages)
		return;
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 8;
		v->ref = cs_realloc(v->ref, v->cap * sizeof *v->ref);
	}
	int64_t order = m->has_ts ? m->ts.ms : v->n ? v->ref[v->n - 1].ts : INT64_MIN;
	cs_chain_at at = cs_chain_add(&g->chunks, &v->body, m->text, m->len);
	v->ref[v->n] = (struct mref){at, m->len, order, (uint32_t)v->n};
	v->n++;
}

static void touch(cs_ingest *g, struct conv *v)
{
	v->last_seen = g->stream_time;
	list_unlink(g, v);
	list_append(g, v);
}

static void write_flat(cs_ingest *g, const struct msg *m, const struct conv *v)
{
	if (m->conv_id) {
		write_line(g, m->text, m->len);
		return;
	}
	cs_rec rec = {.text = m->text, .len = m->len, .obj = *m->obj};
	cs_run_write_field(g->run, &rec, "conversation_id", v->id.p, v->id.len);
}

/* A turn of a call transcript (its "source" a transcript reader's): the
 * transcript is one call, however long a silence in it. */
static int transcript_turn(cs_ingest *g, const struct msg *m)
{
	static const char *const formats[] = {"vtt", "srt", "transcript-csv", "transcribe"};
	cs_jerr je;
	if (!m->conv_id || !m->k.source || m->k.source->type != CS_J_OBJECT ||
	    cs_json_object(m->k.source->val.p, m->k.source->val.n, g->c->max_depth, &g->sub, &je) < 0)
		return 0;
	const cs_member *format = cs_obj_get(&g->sub, "format", 6);
	if (!format || format->type != CS_J_STRING)
		return 0;
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)   /* the readers write them unescaped */
		if (format->val.n == strlen(formats[i]) + 2 && memcmp(format->val.p + 1, formats[i], format->val.n - 2) == 0)
			return 1;
	return 0;
}

/* Silent for more than --gap since its last message: a new conversation. */
static int gap_ends(const cs_ingest *g, const struct conv *v, const struct msg *m)
{
	return !m->conv_id && m->has_ts && v->has_ts && m->ts.ms - v->last.ms > g->o->gap_ms;
}

static int ingest_message(cs_ingest *g, struct msg *m)
{
	message_fields(m);
	dedup_key(g, m);
	/* A message already grouped, written flat, needs no grouping key. */
	int grouped = g->o->messages && m->conv_id;
	if (read_ts(g, m) < 0 || (grouped ? check_conv_id(m) : group_key(g, m)) < 0)
		return CS_REC_BAD;
	if (m->has_ts)
		advance_stream_time(g, m->ts.ms);
	if (m->has_ts && !grouped && transcript_turn(g, m)) {
		struct conv *call = cs_map_get(&g->open, g->key.p, g->key.len);
		if (call)
			touch(g, call);
	}
	/* before the lookup, so that a conversation silent for more than --gap
	 * is closed whether or not other messages came in between */
	expire(g);
	if (is_duplicate(g, m)) {
		g->duplicates++;
		return CS_REC_OK;
	}
	g->messages++;
	if (grouped) {
		/* Already grouped: nothing to remember, the record passes as it is. */
		write_line(g, m->text, m->len);
		expire(g);
		return CS_REC_OK;
	}
	struct conv *v = cs_map_get(&g->open, g->key.p, g->key.len);
	if (v && gap_ends(g, v, m)) {
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

static int ingest_object(cs_ingest *g, const char *text, size_t len, const cs_obj *obj,
			 const char *file, uint64_t line, const struct early *early);

/* A record without a kind is a message in a foreign export: it gets
 * "kind":"message" as its first key, the rest of its bytes kept. */
static void add_kind(cs_buf *dst, const char *text, size_t len)
{
	const char *rest = text + 1;
	while (*rest == ' ' || *rest == '\t' || *rest == '\n' || *rest == '\r')
		rest++;
	cs_buf_adds(dst, *rest == '}' ? "{\"kind\":\"message\"" : "{\"kind\":\"message\",");
	cs_buf_add(dst, rest, len - (size_t)(rest - text));
}

struct explode {
	cs_ingest *g;
	const cs_obj *conv;
	const char *file;
	uint64_t line;
	int status;
};

static const char *const inherited[][2] = {{"conversation_id", "id"}, {"channel", "channel"}, {"customer", "customer"}};

/* msg (scanned into mobj) with the fields it lacks taken from the conversation. */
static void inherit_fields(struct explode *x, cs_buf *msg, cs_obj *mobj)
{
	cs_buf tmp = CS_BUF_INIT;
	cs_jerr je;
	for (size_t i = 0; i < sizeof inherited / sizeof inherited[0]; i++) {
		const cs_member *from = cs_obj_get(x->conv, inherited[i][1], strlen(inherited[i][1]));
		if (!from || cs_obj_get(mobj, inherited[i][0], strlen(inherited[i][0])))
			continue;
		cs_buf_reset(&tmp);
		cs_json_set_field(&tmp, mobj->whole.p, mobj->whole.n, mobj, inherited[i][0], from->val.p, from->val.n);
		cs_buf swap = *msg;
		*msg = tmp;
		tmp = swap;
		if (cs_json_object(msg->p, msg->len, x->g->c->max_depth, mobj, &je) < 0)
			cs_die(CS_EXIT_INTERNAL, "internal error: an inherited field broke a message (%s)", je.what);
	}
	cs_buf_free(&tmp);
}

/* One message of a conversation record, for --messages: gets
 * "kind":"message" and the conversation's id, channel and customer when it
 * has none of its own. */
static int explode_one(cs_span item, enum cs_jtype type, void *ctx)
{
	struct explode *x = ctx;
	cs_ingest *g = x->g;
	cs_obj mobj = {0};
	cs_jerr je;
	if (type != CS_J_OBJECT) {
		cs_error_at(x->file, x->line, "a message of the conversation is not an object");
		cs_exit_raise(CS_EXIT_DATA);
		x->status = CS_REC_BAD;
		return 1;
	}
	cs_buf msg = CS_BUF_INIT;
	cs_buf_add(&msg, item.p, item.n);
	/* the conversation was scanned with the same limit, so its messages fit */
	if (cs_json_object(msg.p, msg.len, g->c->max_depth, &mobj, &je) < 0)
		cs_die(CS_EXIT_INTERNAL, "internal error: a message no longer scans (%s)", je.what);
	if (!cs_obj_get(&mobj, "kind", 4)) {
		cs_buf_reset(&msg);
		add_kind(&msg, item.p, item.n);
		if (cs_json_object(msg.p, msg.len, g->c->max_depth, &mobj, &je) < 0)
			cs_die(CS_EXIT_INTERNAL, "internal error: a message with its kind no longer scans (%s)", je.what);
	}
	inherit_fields(x, &msg, &mobj);
	int r = ingest_object(g, mobj.whole.p, mobj.whole.n, &mobj, x->file, x->line, NULL);
	cs_obj_free(&mobj);
	cs_buf_free(&msg);
	if (r == CS_REC_BAD)
		x->status = CS_REC_BAD;
	return r == CS_REC_BAD;
}

static int explode_conversation(cs_ingest *g, const cs_obj *obj, const char *file, uint64_t line)
{
	const cs_member *msgs = cs_obj_get(obj, "messages", 8);
	struct explode x = {g, obj, file, line, CS_REC_OK};
	if (msgs && msgs->type == CS_J_ARRAY)
		cs_json_each(msgs->val, explode_one, &x);
	return x.status;
}

static int ingest_object(cs_ingest *g, const char *text, size_t len, const cs_obj *obj,
			 const char *file, uint64_t line, const struct early *early)
{
	/* set field by field: zeroing the whole struct (rep stos) cost more
	 * than all of this; ingest_message() sets the rest before reading it */
	struct msg m;
	m.text = text;
	m.len = len;
	m.obj = obj;
	m.file = file;
	m.line = line;
	m.has_ts = 0;
	m.has_fp = 0;
	m.early = early;
	if (obj->m == g->p.known_for && obj->n == g->p.known_n)
		m.k = g->p.known;   /* found by prepare() for this very record */
	else if (early)
		early_known(early, obj, &m.k);
	else
		find_known(obj, &m.k);
	const cs_member *kind = m.k.kind;
	if (kind && !kind_is(kind, "\"message\"")) {
		if (kind_is(kind, "\"conversation\"") && g->o->messages)
			return explode_conversation(g, obj, file, line);
		g->passed++;
		write_line(g, text, len);
		return CS_REC_OK;
	}
	return ingest_message(g, &m);
}

/* ---- the record as cs-ingest writes it: --map, then "kind" ---- */

static void swap_edit(struct prep *g)
{
	cs_buf tmp = g->edit2;
	g->edit2 = g->edit;
	g->edit = tmp;
}

/* The value one --map item gives from its source's value v of type t
 * (CS_J_NONE: the source is absent), into val; 0, 1 when the source is
 * absent or null, -1 (reported). */
static int map_convert(struct prep *g, const cs_rec *rec, const cs_fieldmap_item *it, cs_span v, enum cs_jtype t,
		       cs_buf *val)
{
	char err[256];
	cs_buf_reset(val);
	if (it->const_json) {
		cs_buf_adds(val, it->const_json);
		return 0;
	}
	if (t == CS_J_NONE || t == CS_J_NULL)
		return 1;
	if (cs_fieldmap_convert(it, v.p, v.n, t, g->c->max_depth, val, err, sizeof err) < 0) {
		cs_rec_bad(rec, "--map %s: %s", it->to_text, err);
		return -1;
	}
	return 0;
}

/* Where item it takes its value from in rec: its dotted path, or in a CSV
 * row the column of that whole name (dots are no steps there), in column. */
static const cs_path *source_path(const cs_fieldmap_item *it, const cs_rec *rec, cs_path *column)
{
	if (!rec->columns || it->from.n == 1)
		return &it->from;
	column->n = 1;
	column->name[0] = it->from_text;
	column->len[0] = strlen(it->from_text);
	return column;
}

/* The value one --map item gives, its source looked up by path. */
static int map_value(struct prep *g, const cs_rec *rec, const cs_fieldmap_item *it, cs_buf *val)
{
	cs_span v = {0};
	enum cs_jtype t = CS_J_NONE;
	cs_path column;
	const cs_path *from = source_path(it, rec, &column);
	if (!it->const_json && cs_obj_path(&rec->obj, (const char *const *)from->name, from->len, from->n, &v, &t) < 0)
		t = CS_J_NONE;
	return map_convert(g, rec, it, v, t, val);
}

/* ---- --map in one pass, for maps whose sources are top-level fields ---- */

static int map_is_flat(const cs_fieldmap *map)
{
	for (size_t i = 0; i < map->n; i++)
		if (!map->item[i].const_json && map->item[i].from.n != 1)
			return 0;
	return 1;
}

static int same_name(const char *a, size_t an, const char *b, size_t bn) { return an == bn && memcmp(a, b, an) == 0; }

/* Is the member's (unescaped) key the first step of some item's target? */
static int is_target(const cs_fieldmap *map, const char *key, size_t kn)
{
	for (size_t i = 0; i < map->n; i++)
		if (same_name(map->item[i].to.name[0], map->item[i].to.len[0], key, kn))
			return 1;
	return 0;
}

/* Does a moving item take its value from this member? */
static int is_moved_source(const struct prep *g, const char *key, size_t kn)
{
	const cs_fieldmap *map = &g->o->map;
	for (size_t i = 0; i < map->n; i++)
		if (g->moves[i] && same_name(map->item[i].from.name[0], map->item[i].from.len[0], key, kn))
			return 1;
	return 0;
}

/* The value for target key (first step) from the items that set it, in
 * order, starting from base (the record's own value, or NULL): a top-level
 * item replaces it, a nested one sets a path inside. Into out. vals[i] is
 * empty when item i's source is absent. */
static int target_value(struct prep *g, const char *key, size_t kn, const char *base, size_t bn, const cs_buf *vals,
			cs_buf *out)
{
	const cs_fieldmap *map = &g->o->map;
	cs_buf_reset(out);
	if (base)
		cs_buf_add(out, base, bn);
	for (size_t i = 0; i < map->n; i++) {
		const cs_fieldmap_item *it = &map->item[i];
		if (!vals[i].len || !same_name(it->to.name[0], it->to.len[0], key, kn))
			continue;
		if (it->to.n == 1) {
			cs_buf_reset(out);
			cs_buf_add(out, vals[i].p, vals[i].len);
			continue;
		}
		cs_path rest = {.n = it->to.n - 1};   /* the steps after the first, borrowed */
		for (size_t k = 1; k < it->to.n; k++) {
			rest.name[k - 1] = it->to.name[k];
			rest.len[k - 1] = it->to.len[k];
		}
		if (!out->len || *out->p != '{') {
			cs_buf_reset(out);
			if (rest.n == 1 && *vals[i].p != '{' && *vals[i].p != '[') {
				/* a new object holding one scalar: written here, as set_path would */
				cs_buf_addc(out, '{');
				cs_buf_add_jstr(out, rest.name[0], rest.len[0]);
				cs_buf_addc(out, ':');
				cs_buf_add(out, vals[i].p, vals[i].len);
				cs_buf_addc(out, '}');
				continue;
			}
			cs_buf_adds(out, "{}");
		}
		if (cs_json_set_path(out->p, out->len, &rest, vals[i].p, vals[i].len, g->c->max_depth, &g->edit) < 0)
			return -1;
		cs_buf_reset(out);
		cs_buf_add(out, g->edit.p, g->edit.len);
	}
	return 0;
}

/* The mapped record is built in g->mapped with its members noted in
 * g->mapped_obj as offsets, made pointers at the end: it is valid JSON by
 * construction, so it is not scanned again. type: the value's, or -1 to
 * find it. */
static void put_member(struct prep *g, const char *rawkey, size_t rkn, int key_escaped, const char *val, size_t vn,
		       int type)
{
	cs_buf *dst = &g->mapped;
	cs_obj *o = &g->mapped_obj;
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 16;
		o->m = cs_realloc(o->m, o->cap * sizeof *o->m);
	}
	cs_buf_reserve(dst, rkn + vn + 4);   /* ,"key":value */
	char *at = dst->p + dst->len;
	cs_member *m = &o->m[o->n];
	*at++ = o->n++ ? ',' : '{';
	*at++ = '"';
	m->key.p = (const char *)(uintptr_t)(at - dst->p);
	m->key.n = rkn;
	m->key_escaped = (unsigned char)key_escaped;
	m->val_plain = 0;
	memcpy(at, rawkey, rkn);
	at += rkn;
	*at++ = '"';
	*at++ = ':';
	m->val.p = (const char *)(uintptr_t)(at - dst->p);
	m->val.n = vn;
	m->type = type >= 0 ? (unsigned char)type : (unsigned char)cs_json_type_of((cs_span){val, vn});
	memcpy(at, val, vn);
	dst->len = (size_t)(at + vn - dst->p);
	dst->p[dst->len] = '\0';
}

static void finish_members(struct prep *g)
{
	cs_obj *o = &g->mapped_obj;
	cs_buf_adds(&g->mapped, o->n ? "}" : "{}");
	for (size_t k = 0; k < o->n; k++) {
		o->m[k].key.p = g->mapped.p + (uintptr_t)o->m[k].key.p;
		o->m[k].val.p = g->mapped.p + (uintptr_t)o->m[k].val.p;
	}
	o->whole = (cs_span){g->mapped.p, g->mapped.len};
}

/* The member's key, unescaped, in kp and kn (scratch holds it when needed). */
static void member_key(const cs_member *m, cs_buf *scratch, const char **kp, size_t *kn)
{
	*kp = m->key.p;
	*kn = m->key.n;
	if (m->key_escaped) {
		cs_span quoted = {m->key.p - 1, m->key.n + 2};
		cs_json_str(quoted, CS_J_STRING, scratch, kp, kn);
	}
}

/* Will the mapped record have a "kind"? */
static int mapped_has_kind(struct prep *g, const cs_buf *vals)
{
	const cs_fieldmap *map = &g->o->map;
	for (size_t i = 0; i < map->n; i++)
		if (vals[i].len && same_name(map->item[i].to.name[0], map->item[i].to.len[0], "kind", 4))
			return 1;
	/* prepare() found the record's own kind: it stays unless moved away */
	return g->known.kind && (g->o->keep_mapped || is_target(map, "kind", 4) || !is_moved_source(g, "kind", 4));
}

/* What the mapping does with a member, found from its key alone. */
enum key_role { KEY_KEPT, KEY_TARGET, KEY_MOVED };

struct key_memo {
	size_t off, n;             /* the key in memo_keys */
	enum key_role role;
	uint64_t items;            /* KEY_TARGET: the items (below 64) whose target it is */
	uint64_t sources;          /* the items (below 64) whose source it is */
};

static struct key_memo key_reading(const struct prep *g, const char *kp, size_t kn)
{
	const cs_fieldmap *map = &g->o->map;
	struct key_memo mm = {0, kn, KEY_KEPT, 0, 0};
	for (size_t i = 0; i < map->n && i < 64; i++)
		if (!map->item[i].const_json && same_name(map->item[i].from.name[0], map->item[i].from.len[0], kp, kn))
			mm.sources |= (uint64_t)1 << i;
	if (is_target(map, kp, kn)) {
		mm.role = KEY_TARGET;
		for (size_t i = 0; i < map->n && i < 64; i++)
			if (same_name(map->item[i].to.name[0], map->item[i].to.len[0], kp, kn))
				mm.items |= (uint64_t)1 << i;
	} else if (!g->o->keep_mapped && is_moved_source(g, kp, kn)) {
		mm.role = KEY_MOVED;
	}
	return mm;
}

/* The reading of the key at place k: the last record's when it had the same
 * key there (records of one source mostly have the same keys in the same
 * order), else worked out and remembered in place of the last one's. */
static const struct key_memo *key_at(struct prep *g, size_t k, const char *kp, size_t kn)
{
	if (k < g->nmemo) {
		const struct key_memo *mm = &g->memo[k];
		if (mm->n == kn && memcmp(g->memo_keys.p + mm->off, kp, kn) == 0)
			return mm;
		g->memo_keys.len = mm->off;   /* the places after k are read again too */
		g->nmemo = k;
	}
	if (g->nmemo == g->memo_cap) {
		g->memo_cap = g->memo_cap ? g->memo_cap * 2 : 16;
		g->memo = cs_realloc(g->memo, g->memo_cap * sizeof *g->memo);
	}
	struct key_memo *mm = &g->memo[g->nmemo++];
	*mm = key_reading(g, kp, kn);
	mm->off = g->memo_keys.len;
	cs_buf_add(&g->memo_keys, kp, kn);
	return mm;
}

/* The mapped record: "kind":"message" first when it would have none, the
 * record's members in order (a moved source left out, a target replaced
 * where it stands), then the targets it did not have, in item order. */
static int rebuild_flat(struct prep *g, const cs_rec *rec, cs_buf *vals)
{
	const cs_fieldmap *map = &g->o->map;
	cs_buf *tv = &g->map_tv;
	int r = 0;
	uint64_t had = 0;   /* the items (below 64) whose target the record has */
	cs_buf_reset(&g->mapped);
	g->mapped_obj.n = 0;
	if (!mapped_has_kind(g, vals))
		put_member(g, "kind", 4, 0, "\"message\"", 9, CS_J_STRING);
	for (size_t k = 0; k < rec->obj.n && !r; k++) {
		const cs_member *m = &rec->obj.m[k];
		const struct key_memo *mm = &g->memo[k];   /* read_keys() read them all */
		if (mm->role == KEY_TARGET) {
			had |= mm->items;
			r = target_value(g, g->memo_keys.p + mm->off, mm->n, m->val.p, m->val.n, vals, tv);
			put_member(g, m->key.p, m->key.n, m->key_escaped, tv->p, tv->len, -1);
		} else if (mm->role == KEY_KEPT) {
			put_member(g, m->key.p, m->key.n, m->key_escaped, m->val.p, m->val.n, m->type);
		}
	}
	for (size_t i = 0; i < map->n && !r; i++) {
		const cs_fieldmap_item *it = &map->item[i];
		const char *kp = it->to.name[0];
		size_t kn = it->to.len[0], j;
		if (!vals[i].len || (i < 64 ? had >> i & 1 : cs_obj_get(&rec->obj, kp, kn) != NULL))
			continue;
		for (j = 0; j < i; j++)   /* an earlier item has written this target already */
			if (vals[j].len && same_name(map->item[j].to.name[0], map->item[j].to.len[0], kp, kn))
				break;
		if (j < i)
			continue;
		const struct map_target *to = &g->targets[i];
		const cs_buf *lit = &to->key;
		if (to->alone) {   /* the value is the item's own */
			put_member(g, lit->p + 1, lit->len - 2, to->key_escaped, vals[i].p, vals[i].len, -1);
			continue;
		}
		r = target_value(g, kp, kn, NULL, 0, vals, tv);
		put_member(g, lit->p + 1, lit->len - 2, to->key_escaped, tv->p, tv->len, -1);
	}
	finish_members(g);
	return r;
}

/* The reading of every key of the record, in g->memo by place, and in
 * source[i] the place of item i's source (the last member of that name, as
 * cs_obj_get finds it), or SIZE_MAX, for the items below 64. */
static void read_keys(struct prep *g, const cs_rec *rec, size_t *source)
{
	for (size_t i = 0; i < g->o->map.n && i < 64; i++)
		source[i] = SIZE_MAX;
	for (size_t k = 0; k < rec->obj.n; k++) {
		const char *kp;
		size_t kn;
		member_key(&rec->obj.m[k], &g->map_key, &kp, &kn);
		for (uint64_t from = key_at(g, k, kp, kn)->sources; from; from &= from - 1)
			source[__builtin_ctzll(from)] = k;
	}
}

/* map_value() for an item whose source's place read_keys() found. */
static int map_value_at(struct prep *g, const cs_rec *rec, const cs_fieldmap_item *it, size_t at, cs_buf *val)
{
	const cs_member *m = at < rec->obj.n ? &rec->obj.m[at] : NULL;
	return map_convert(g, rec, it, m ? m->val : (cs_span){0}, m ? (enum cs_jtype)m->type : CS_J_NONE, val);
}

static int apply_map_flat(struct prep *g, const cs_rec *rec)
{
	const cs_fieldmap *map = &g->o->map;
	if (!g->map_vals)
		g->map_vals = cs_calloc(map->n, sizeof *g->map_vals);
	cs_buf *vals = g->map_vals;   /* an empty one: the source is absent */
	size_t source[64];
	int r = CS_REC_OK;
	read_keys(g, rec, source);
	for (size_t i = 0; i < map->n && r == CS_REC_OK; i++)
		if ((i < 64 ? map_value_at(g, rec, &map->item[i], source[i], &vals[i])
			    : map_value(g, rec, &map->item[i], &vals[i])) < 0)
			r = CS_REC_BAD;
	if (r == CS_REC_OK && rebuild_flat(g, rec, vals) < 0) {
		cs_rec_bad(rec, "--map: a field on the way is not an object, or the record is nested too deep");
		r = CS_REC_BAD;
	}
	return r;
}

/* --map, moving its sources unless --keep-mapped, into edit2. Returns
 * CS_REC_OK or CS_REC_BAD (reported). */
static int apply_map(struct prep *g, const cs_rec *rec)
{
	const cs_fieldmap *map = &g->o->map;
	cs_buf val = CS_BUF_INIT;
	int r = CS_REC_OK;
	cs_buf_reset(&g->edit2);
	cs_buf_add(&g->edit2, rec->text, rec->len);
	for (size_t i = 0; i < map->n && r == CS_REC_OK; i++) {
		int got = map_value(g, rec, &map->item[i], &val);
		if (got < 0)
			r = CS_REC_BAD;
		else if (got > 0)
			continue;
		else if (cs_json_set_path(g->edit2.p, g->edit2.len, &map->item[i].to, val.p, val.len, g->c->max_depth,
					  &g->edit) < 0) {
			cs_rec_bad(rec, "--map %s: a field on the way is not an object, or the record is nested too deep",
				   map->item[i].to_text);
			r = CS_REC_BAD;
		} else {
			swap_edit(g);
		}
	}
	for (size_t i = 0; i < map->n && r == CS_REC_OK && !g->o->keep_mapped; i++) {
		cs_path column;
		if (!g->moves[i])
			continue;
		cs_json_del_path(g->edit2.p, g->edit2.len, source_path(&map->item[i], rec, &column), g->c->max_depth,
				 &g->edit);
		swap_edit(g);
	}
	cs_buf_free(&val);
	return r;
}

static int prepare_record(struct prep *g, cs_rec *rec)
{
	const struct early *e = early_of(rec);
	if (e)
		early_known(e, &rec->obj, &g->known);
	else
		find_known(&rec->obj, &g->known);
	g->known_for = rec->obj.m;
	g->known_n = rec->obj.n;
	const cs_member *kind = g->known.kind;
	if (kind && !kind_is(kind, "\"message\"") && !g->map_sets_kind)
		return CS_REC_OK;   /* another kind passes as it is, unless --map decides kinds */
	if (!g->o->map.n && kind)
		return CS_REC_OK;
	if (g->map_flat && g->o->map.n) {
		if (apply_map_flat(g, rec) != CS_REC_OK)
			return CS_REC_BAD;
		rec->text = g->mapped.p;
		rec->len = g->mapped.len;
		rec->obj = g->mapped_obj;
		return CS_REC_OK;
	}
	const char *text = rec->text;
	size_t len = rec->len;
	if (g->o->map.n) {
		if (apply_map(g, rec) != CS_REC_OK)
			return CS_REC_BAD;
		text = g->edit2.p;
		len = g->edit2.len;
		kind = NULL;   /* --map may have set one */
	}
	cs_buf_reset(&g->mapped);
	cs_jerr je;
	if (cs_json_object(text, len, g->c->max_depth, &g->mapped_obj, &je) == 0 && !kind &&
	    !cs_obj_get(&g->mapped_obj, "kind", 4))
		add_kind(&g->mapped, text, len);
	else
		cs_buf_add(&g->mapped, text, len);
	if (cs_json_object(g->mapped.p, g->mapped.len, g->c->max_depth, &g->mapped_obj, &je) < 0) {
		cs_rec_bad(rec, "after --map: %s", je.what);
		return CS_REC_BAD;
	}
	rec->text = g->mapped.p;
	rec->len = g->mapped.len;
	rec->obj = g->mapped_obj;
	return CS_REC_OK;
}

/* rec is now text (a changed copy of it), read into obj. */
static int take_changed(cs_rec *rec, const cs_buf *text, cs_obj *obj, const struct prep *g, const char *by)
{
	cs_jerr je;
	if (cs_json_object(text->p, text->len, g->c->max_depth, obj, &je) < 0) {
		cs_rec_bad(rec, "after %s: %s", by, je.what);   /* a bug: what they write is JSON */
		return CS_REC_BAD;
	}
	rec->text = text->p;
	rec->len = text->len;
	rec->obj = *obj;
	return CS_REC_OK;
}

/* The record as prepared, then, when it is a message or a conversation,
 * with its customer made one of --identities and --redact's replacements. */
static int prepare(void *ctx, cs_rec *rec)
{
	struct prep *g = ctx;
	int r = prepare_record(g, rec);
	if (r != CS_REC_OK || (!g->redact && !g->identities))
		return r;
	const cs_member *kind = cs_obj_get(&rec->obj, "kind", 4);
	if (!kind || !(kind_is(kind, "\"message\"") || kind_is(kind, "\"conversation\"")))
		return r;
	int matched = g->identities ? ingest_identity_apply(g->identities, rec->text, rec->len, &rec->obj,
							    &g->identity, &g->identified)
				    : IDENTITY_NONE;
	if (matched != IDENTITY_NONE) {
		atomic_fetch_add_explicit(&g->identity_counts[0], 1, memory_order_relaxed);
		atomic_fetch_add_explicit(&g->identity_counts[1], matched == IDENTITY_CONFLICT, memory_order_relaxed);
		if ((r = take_changed(rec, &g->identified, &g->identified_obj, g, "--identities")) != CS_REC_OK)
			return r;
	}
	if (g->redact && ingest_redact_record(g->redact, rec->text, rec->len, &g->redacted))
		r = take_changed(rec, &g->redacted, &g->redacted_obj, g, "--redact");
	return r;
}

/* ---- the engine's callbacks ---- */

static int on_record(void *ctx, cs_run *run, const cs_rec *rec)
{
	cs_ingest *g = ctx;
	g->run = run;
	int r = ingest_object(g, rec->text, rec->len, &rec->obj, rec->file, rec->line, early_of(rec));
	g->p.known_for = NULL;   /* what prepare() found was for this record only */
	return r;
}

static void on_finish(void *ctx, cs_run *run)
{
	cs_ingest *g = ctx;
	g->run = run;
	while (g->head)
		conv_close(g, g->head);
}

static void on_counters(void *ctx, cs_stats *st)
{
	cs_ingest *g = ctx;
	cs_stats_add(st, "messages", g->messages);
	cs_stats_add(st, "conversations", g->conversations);
	cs_stats_add(st, "duplicates", g->duplicates);
	cs_stats_add(st, "passed", g->passed);
	cs_stats_add(st, "closed_early", g->closed_early);
	cs_stats_add(st, "dedup_forgotten", g->seen.forgotten);
	static const char *const redacted_names[CS_PII_N] = {"redacted_card", "redacted_id", "redacted_iban",
							     "redacted_email", "redacted_phone"};
	for (int k = 0; k < CS_PII_N && g->o->redact; k++)
		cs_stats_add(st, redacted_names[k], atomic_load(&g->redacted[k]));
	if (g->identities) {
		cs_stats_add(st, "identified", atomic_load(&g->identity_counts[0]));
		cs_stats_add(st, "identity_conflicts", atomic_load(&g->identity_counts[1]));
	}
}

static void on_summary(void *ctx, const struct cs_common *c)
{
	cs_ingest *g = ctx;
	if (g->duplicates && !c->stats)
		cs_notice("%" PRIu64 " duplicate message%s left out (--no-dedup keeps them)", g->duplicates,
			  g->duplicates == 1 ? "" : "s");
}

/* A CSV header: say which --map sources it lacks. */
static void on_header(void *ctx, const char *file, uint64_t line, char *const *names, size_t n)
{
	cs_ingest *g = ctx;
	for (size_t i = 0; i < g->o->map.n; i++) {
		const cs_fieldmap_item *it = &g->o->map.item[i];
		size_t k = 0;
		if (it->const_json)
			continue;
		while (k < n && strcmp(names[k], it->from_text) != 0)
			k++;
		if (k == n)
			cs_notice_at(file, line, "--map %s: no column named '%s'", it->to_text, it->from_text);
	}
}

static void prep_init(struct prep *p, cs_ingest *g)
{
	const struct cs_ingest_opts *o = g->o;
	p->c = g->c;
	p->o = o;
	if (o->redact)
		p->redact = ingest_redact_new(o->redact, g->redacted);
	p->identities = g->identities;
	p->identity_counts = g->identity_counts;
	p->map_flat = map_is_flat(&o->map);
	p->moves = cs_calloc(o->map.n ? o->map.n : 1, 1);
	p->targets = cs_calloc(o->map.n ? o->map.n : 1, sizeof *p->targets);
	for (size_t i = 0; i < o->map.n; i++) {
		const cs_fieldmap_item *it = &o->map.item[i];
		struct map_target *to = &p->targets[i];
		p->map_sets_kind |= it->to.n == 1 && strcmp(it->to.name[0], "kind") == 0;
		p->moves[i] = !it->const_json && strcmp(it->to_text, it->from_text) != 0;
		cs_buf_add_jstr(&to->key, it->to.name[0], it->to.len[0]);
		to->key_escaped = memchr(to->key.p, '\\', to->key.len) != NULL;
		to->alone = it->to.n == 1;
		for (size_t j = 0; j < o->map.n; j++)
			if (j != i && same_name(o->map.item[j].to.name[0], o->map.item[j].to.len[0], it->to.name[0],
						it->to.len[0]))
				to->alone = 0;
	}
}

static void prep_free(struct prep *p)
{
	ingest_redact_free(p->redact);
	cs_buf_free(&p->redacted);
	cs_obj_free(&p->redacted_obj);
	ingest_identity_scratch_free(&p->identity);
	cs_buf_free(&p->identified);
	cs_obj_free(&p->identified_obj);
	cs_buf_free(&p->edit);
	cs_buf_free(&p->edit2);
	cs_buf_free(&p->mapped);
	cs_obj_free(&p->mapped_obj);
	for (size_t i = 0; p->map_vals && i < p->o->map.n; i++)
		cs_buf_free(&p->map_vals[i]);
	free(p->map_vals);
	for (size_t i = 0; p->targets && i < p->o->map.n; i++)
		cs_buf_free(&p->targets[i].key);
	free(p->targets);
	free(p->moves);
	free(p->memo);
	cs_buf_free(&p->memo_keys);
	cs_buf_free(&p->map_tv);
	cs_buf_free(&p->map_key);
	cs_buf_free(&p->early_id);
	cs_buf_free(&p->early_scratch);
}

/* A prep of its own for the reading thread: prepare() takes it as it takes the engine. */
static void *prepare_fork(void *ctx)
{
	cs_ingest *g = (cs_ingest *)ctx;   /* only its counters are written, atomically */
	struct prep *p = cs_calloc(1, sizeof *p);
	prep_init(p, g);
	return p;
}

static void prepare_fork_free(void *forked)
{
	if (!forked)
		return;
	prep_free(forked);
	free(forked);
}

cs_ingest *cs_ingest_new(const struct cs_common *c, const struct cs_ingest_opts *o, struct cs_engine *e)
{
	cs_ingest *g = cs_calloc(1, sizeof *g);
	g->c = c;
	g->o = o;
	if (o->identities) {
		cs_buf err = CS_BUF_INIT;
		if (!(g->identities = ingest_identities_load(o->identities, &err)))
			cs_die(CS_EXIT_CONFIG, "--identities %s", err.p);
	}
	prep_init(&g->p, g);
	cs_dedup_init(&g->seen, o->dedup_window_ms, o->dedup_max);
	*e = (struct cs_engine){.ctx = g, .prepare = prepare, .prepare_fork = prepare_fork,
				.prepare_fork_free = prepare_fork_free, .record = on_record,
				.early_size = sizeof(struct early), .early = on_early, .finish = on_finish,
				.counters = on_counters, .summary = on_summary, .header = on_header,
				.shard_output = 1};
	return g;
}

static void free_conv_list(struct conv *v)
{
	while (v) {
		struct conv *next = v->next;
		conv_free(v);
		v = next;
	}
}

void cs_ingest_free(cs_ingest *g)
{
	if (!g)
		return;
	ingest_identities_free(g->identities);
	free_conv_list(g->head);
	free_conv_list(g->spare);
	cs_map_free(&g->open);
	cs_dedup_free(&g->seen);
	cs_chunk_pool_free(&g->chunks);
	cs_buf *bufs[] = {&g->key, &g->idtext, &g->scratch, &g->head_buf, &g->meta_text};
	for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++)
		cs_buf_free(bufs[i]);
	cs_obj_free(&g->obj);
	cs_obj_free(&g->sub);
	cs_obj_free(&g->meta_obj);
	prep_free(&g->p);
	free(g);
}
