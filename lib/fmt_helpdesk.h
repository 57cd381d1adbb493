/* fmt_helpdesk.h: what the helpdesk readers share (fmt_helpdesk*.c:
 * zendesk, zendesk-chat, freshdesk, intercom, chatwoot): one message put
 * together from its parts, vendor bodies made plain text, attachment
 * lists, names for codes, and markers for sniffing. */
#ifndef CS_FMT_HELPDESK_H
#define CS_FMT_HELPDESK_H
#include "fmt.h"

/* One message, its fields in the schema's order; NULL or empty: left out. */
struct hd_out {
	const char *id;           /* NULL: a hash id of conv, ordinal and text */
	const char *conv;
	const char *ts;           /* a time text hd_time() read, or NULL */
	const char *channel;
	const char *customer;     /* a JSON object */
	const char *role, *author;
	const char *text;
	size_t textn;
	const char *attachments;  /* a JSON array */
	int internal;
	const char *event, *subject, *via;
	const char *conversation; /* a JSON object: fields for the conversation record */
	uint64_t line;
	uint64_t ordinal;         /* the message's place in its conversation */
};

/* Build and feed the message; returns 1 when the run stops. */
int hd_put(cs_fmt_msg *m, cs_doc *d, const struct hd_out *o);

/* A time value (an ISO string or unix digits): 1 when absent or null, 0
 * when readable (in out as RFC 3339 UTC), -1 when it is there but no time. */
int hd_time(cs_jval v, cs_buf *out);
/* The plain text of body v into out (tags dropped when html is set or it
 * looks like HTML, white space trimmed): 0, 1 when absent or null (out
 * empty), -1 when it is not a string. tmp is scratch. */
int hd_body(cs_jval v, int html, cs_buf *out, cs_buf *tmp);
/* The next field to take the text from, v, read as hd_body reads it when
 * the ones before gave no text (got: what they returned; an empty string
 * is no text): returns what hd_body would for all of them. */
int hd_body_else(int got, cs_jval v, int html, cs_buf *out, cs_buf *tmp);
/* The first of keys (NULL-terminated) whose value has text, into out. */
const char *hd_first_text(cs_jval obj, const char *const *keys, cs_buf *out);
/* A customer object {id, name, email, phone} from the values given (absent
 * ones left out) into out; out is empty when none has text. */
void hd_customer(cs_buf *out, cs_jval id, cs_jval name, cs_jval email, cs_jval phone, cs_buf *tmp);
/* The attachments of a vendor array (or one object) as [{type, url, name}] into out (empty
 * when there are none): the type from file_type or content_type, the url
 * from content_url, attachment_url, data_url or url, the name from
 * file_name, name or filename. */
void hd_attachments(cs_jval arr, cs_buf *out, cs_buf *tmp);
/* The tag names of an array of strings or of {"name"} objects, as a JSON
 * array into out (empty when none). */
void hd_tags(cs_jval arr, cs_buf *out, cs_buf *tmp);

struct hd_name {
	const char *from, *to;
};
/* The "to" of the pair whose "from" is s (a "from" ending in '*' matches
 * by prefix), else dflt. */
const char *hd_name_of(const char *s, const struct hd_name *table, size_t n, const char *dflt);

/* Sniffing: does head hold "key" (quotes included in key) followed by a
 * colon and, when val is not NULL, the JSON text val (quotes included)? */
int hd_has_kv(const char *head, size_t n, const char *key, const char *val);
int hd_has(const char *head, size_t n, const char *s);

/* What every helpdesk reader holds while it reads one input. */
struct hd_rd {
	cs_doc *d;
	cs_fmt_msg m;
	cs_buf conv, id, ts, text, author, customer, attach, meta, via, tmp, tmp2;
	int stop;
};
void hd_rd_free(struct hd_rd *r);
/* Report damage at v (a pointer into the input, or the line when NULL). */
int hd_bad(struct hd_rd *r, cs_jval at, uint64_t line, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* The conversation's fields into r->meta: begin, members, end (a
 * NUL-terminated JSON object); tags from an array as hd_tags() reads it. */
void hd_meta_begin(struct hd_rd *r, cs_jw *w);
void hd_meta_end(struct hd_rd *r, cs_jw *w);
void hd_meta_tags(struct hd_rd *r, cs_jw *w, cs_jval tags);

/* The time v into r->ts (its text; empty when absent): 0, or -1 when it
 * is no time, reported as "WHAT ID[ of OF_WHAT OF]: "KEY" is not a time: VALUE". */
int hd_ts_of(struct hd_rd *r, cs_jval v, const char *what, const char *id, const char *of_what, const char *of,
	     const char *key);

/* Keep what a reader allocates for the input, freed at its end. */
typedef struct {
	void **p;
	size_t n, cap;
} hd_pool;
char *hd_keep(hd_pool *pool, const char *s);   /* a copy of s, freed with the pool */
void *hd_keep_zero(hd_pool *pool, size_t size);
void hd_pool_free(hd_pool *pool);
#endif
