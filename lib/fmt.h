/* fmt: cs-ingest's input formats beyond NDJSON, CSV and plain JSON records
 * (kit_src reads those), as struct cs_doc_format readers, and what every
 * reader shares: building a message record, reading vendor JSON by key,
 * times, stable ids. A reader lives in fmt_<family>.c and is listed in
 * cs_fmt_all (fmt.c). */
#ifndef CS_FMT_H
#define CS_FMT_H
#include <stddef.h>
#include <stdint.h>
#include "kit_buf.h"
#include "kit_json.h"
#include "kit_jval.h"
#include "kit_jw.h"
#include "kit_src.h"

/* Every document format cs-ingest reads, NULL-terminated. */
extern const struct cs_doc_format *const cs_fmt_all[];

/* ---- building one message ---- */

typedef struct {
	cs_doc *d;
	cs_buf buf;
	cs_jw w;          /* write the message's keys and values here */
	uint64_t line;    /* where it starts in the input (0: unknown) */
	uint64_t offset;  /* its byte offset, written when has_offset (with the line or alone) */
	int has_offset;
} cs_fmt_msg;

/* Start a record: {"kind":KIND (message, conversation...). m is reusable:
 * call cs_fmt_msg_free() once at the end. */
void cs_fmt_begin(cs_fmt_msg *m, cs_doc *d, const char *kind, uint64_t line);
/* Add "source":{"format","file","line","offset","id"} (each when known),
 * close the record and feed it. Returns 1 when the run stops. */
int cs_fmt_end(cs_fmt_msg *m, const char *source_id, size_t idn);
void cs_fmt_msg_free(cs_fmt_msg *m);

/* "key":"s" when n > 0 (nothing for an empty string). */
void cs_fmt_str(cs_jw *w, const char *key, const char *s, size_t n);
void cs_fmt_cstr(cs_jw *w, const char *key, const char *s);
/* "key":"<RFC 3339 UTC>" from a time text cs_time_parse() reads; -1 (nothing
 * written) when it reads none. */
int cs_fmt_time(cs_jw *w, const char *key, const char *s, size_t n);
void cs_fmt_time_ms(cs_jw *w, const char *key, int64_t ms);
/* A stable id for a message that has none in its source: "h-" and 16 hex
 * digits of its format, conversation, place in it and text, so reading the
 * same export twice gives the same ids. out holds at least 20 bytes. */
void cs_fmt_hash_id(char *out, const char *format, const char *conv, size_t convn, uint64_t ordinal,
		    const char *text, size_t textn);

/* ---- vendor JSON (kit_jval.h) ---- */

/* "key":value, the value copied compactly (nothing when absent). */
void cs_fmt_raw(cs_jw *w, const char *key, cs_jval v);
#endif
