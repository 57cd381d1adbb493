/* fmt: the format table and what readers share (see fmt.h). */
#include "fmt.h"
#include "fmt_readers.h"
#include "kit_hash.h"
#include "kit_msg.h"
#include "kit_time.h"
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct cs_doc_format *const cs_fmt_all[] = {
	&cs_fmt_zendesk, &cs_fmt_zendesk_chat, &cs_fmt_freshdesk, &cs_fmt_intercom, &cs_fmt_chatwoot,
	&cs_fmt_mbox, &cs_fmt_eml, &cs_fmt_wechat_xml, &cs_fmt_wechat_kf,
	&cs_fmt_vtt, &cs_fmt_srt, &cs_fmt_transcript_csv, &cs_fmt_transcribe,
	&cs_fmt_sgd, &cs_fmt_abcd,
	NULL
};

/* ---- building one message ---- */

void cs_fmt_begin(cs_fmt_msg *m, cs_doc *d, const char *kind, uint64_t line)
{
	m->d = d;
	m->line = line;
	m->offset = 0;
	cs_buf_reset(&m->buf);
	cs_jw_init(&m->w, &m->buf);
	cs_jw_object(&m->w);
	cs_jw_key(&m->w, "kind");
	cs_jw_cstr(&m->w, kind);
}

int cs_fmt_end(cs_fmt_msg *m, const char *source_id, size_t idn)
{
	cs_jw *w = &m->w;
	cs_jw_key(w, "source");
	cs_jw_object(w);
	cs_fmt_cstr(w, "format", cs_doc_format(m->d));
	cs_fmt_cstr(w, "file", cs_doc_path(m->d));
	if (m->line) {
		cs_jw_key(w, "line");
		cs_jw_uint(w, m->line);
	}
	if (m->offset) {
		cs_jw_key(w, "offset");
		cs_jw_uint(w, m->offset);
	}
	if (source_id && idn)
		cs_fmt_str(w, "id", source_id, idn);
	cs_jw_end_object(w);
	cs_jw_end_object(w);
	if (cs_jw_finish(w) < 0)
		cs_die(CS_EXIT_INTERNAL, "internal error: the %s reader built invalid JSON", cs_doc_format(m->d));
	return cs_doc_feed(m->d, m->buf.p, m->buf.len, m->line);
}

void cs_fmt_msg_free(cs_fmt_msg *m) { cs_buf_free(&m->buf); }

void cs_fmt_str(cs_jw *w, const char *key, const char *s, size_t n)
{
	if (!s || !n)
		return;
	cs_jw_key(w, key);
	cs_jw_str(w, s, n);
}

void cs_fmt_cstr(cs_jw *w, const char *key, const char *s)
{
	if (s)
		cs_fmt_str(w, key, s, strlen(s));
}

void cs_fmt_time_ms(cs_jw *w, const char *key, int64_t ms)
{
	char buf[40];
	size_t n = cs_time_format((cs_time){.ms = ms, .has_ms = ms % 1000 != 0}, buf);
	cs_jw_key(w, key);
	cs_jw_str(w, buf, n);
}

int cs_fmt_time(cs_jw *w, const char *key, const char *s, size_t n)
{
	cs_time t;
	char buf[40];
	if (!s || !n || cs_time_parse(s, n, &t) < 0)
		return -1;
	size_t len = cs_time_format(t, buf);
	cs_jw_key(w, key);
	cs_jw_str(w, buf, len);
	return 0;
}

void cs_fmt_hash_id(char *out, const char *format, const char *conv, size_t convn, uint64_t ordinal,
		    const char *text, size_t textn)
{
	uint64_t h = cs_hash64(format, strlen(format), 0xC5F0);
	h = cs_hash64(conv ? conv : "", conv ? convn : 0, h);
	h = cs_hash64(&ordinal, sizeof ordinal, h);
	h = cs_hash64(text ? text : "", text ? textn : 0, h);
	snprintf(out, 20, "h-%016" PRIx64, h);
}

/* ---- vendor JSON ---- */

cs_jval cs_jval_of(const char *p, size_t n)
{
	cs_jval v = {p, n, cs_json_type_of((cs_span){p, n})};
	if (v.t == CS_J_NONE)
		v.p = NULL;
	return v;
}

void cs_fmt_raw(cs_jw *w, const char *key, cs_jval v)
{
	if (v.t == CS_J_NONE)
		return;
	cs_buf tmp = CS_BUF_INIT;
	cs_json_compact(v.p, v.n, &tmp);
	cs_jw_key(w, key);
	cs_jw_raw(w, tmp.p, tmp.len);
	cs_buf_free(&tmp);
}

cs_jval cs_jget(cs_jval obj, const char *key)
{
	cs_jval v = {NULL, 0, CS_J_NONE};
	cs_span val;
	enum cs_jtype t;
	if (obj.t == CS_J_OBJECT && cs_json_member((cs_span){obj.p, obj.n}, key, strlen(key), &val, &t) == 0)
		v = (cs_jval){val.p, val.n, t};
	return v;
}

cs_jval cs_jpath(cs_jval v, const char *path)
{
	char step[128];
	while (*path && v.t != CS_J_NONE) {
		size_t k = strcspn(path, ".");
		if (k >= sizeof step)
			return (cs_jval){NULL, 0, CS_J_NONE};
		memcpy(step, path, k);
		step[k] = '\0';
		v = cs_jget(v, step);
		path += k + (path[k] == '.');
	}
	return v;
}

int cs_jis(cs_jval v) { return v.t != CS_J_NONE && v.t != CS_J_NULL; }

const char *cs_jtext(cs_jval v, cs_buf *out)
{
	const char *s;
	size_t n;
	cs_buf_reset(out);
	switch (v.t) {
	case CS_J_STRING:
		if (cs_json_str((cs_span){v.p, v.n}, v.t, out, &s, &n) < 0)
			return NULL;
		if (s != out->p) {
			cs_buf_reset(out);
			cs_buf_add(out, s, n);
		}
		break;
	case CS_J_NUMBER:
	case CS_J_TRUE:
	case CS_J_FALSE:
		cs_buf_add(out, v.p, v.n);
		break;
	default:
		return NULL;
	}
	cs_buf_reserve(out, 1);
	out->p[out->len] = '\0';
	return out->p;
}

int64_t cs_jint(cs_jval v, int64_t dflt)
{
	char buf[32];
	if ((v.t != CS_J_NUMBER && v.t != CS_J_STRING) || v.n == 0 || v.n >= sizeof buf)
		return dflt;
	size_t skip = v.t == CS_J_STRING;
	memcpy(buf, v.p + skip, v.n - 2 * skip);
	buf[v.n - 2 * skip] = '\0';
	char *end;
	long long x = strtoll(buf, &end, 10);
	return end != buf && (*end == '\0' || *end == '.') ? (int64_t)x : dflt;
}

int cs_jbool(cs_jval v, int dflt) { return v.t == CS_J_TRUE ? 1 : v.t == CS_J_FALSE ? 0 : dflt; }

struct jeach {
	int (*fn)(cs_jval item, void *ctx);
	void *ctx;
};

static int jeach_one(cs_span item, enum cs_jtype type, void *ctx)
{
	struct jeach *e = ctx;
	return e->fn((cs_jval){item.p, item.n, type}, e->ctx);
}

int cs_jeach(cs_jval arr, int (*fn)(cs_jval item, void *ctx), void *ctx)
{
	struct jeach e = {fn, ctx};
	if (arr.t != CS_J_ARRAY)
		return 0;
	return cs_json_each((cs_span){arr.p, arr.n}, jeach_one, &e);
}

static int count_one(cs_jval item, void *ctx)
{
	(void)item;
	++*(size_t *)ctx;
	return 0;
}

size_t cs_jlen(cs_jval arr)
{
	size_t n = 0;
	cs_jeach(arr, count_one, &n);
	return n;
}
