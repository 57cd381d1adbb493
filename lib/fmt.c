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
	m->has_offset = 0;
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
	if (m->has_offset) {
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
	cs_jw_key(w, key);
	cs_jw_time(w, ms);
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
