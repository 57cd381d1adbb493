/* fmt_mail_mime: one mail message taken apart: its header fields (RFC
 * 5322, with RFC 2047 encoded words), its MIME body (RFC 2045-2049) as
 * plain UTF-8 text, and the list of its attachments. Nothing here keeps a
 * pointer beyond the message it was given; nothing recurses deeper than
 * MAIL_MAX_DEPTH. */
#ifndef CS_FMT_MAIL_MIME_H
#define CS_FMT_MAIL_MIME_H
#include <stddef.h>
#include "kit_buf.h"
#include "kit_json.h"
#include "kit_jw.h"

#define MAIL_MAX_DEPTH 20

/* The header fields the readers look at. */
enum mail_field {
	MH_FROM, MH_TO, MH_CC, MH_DATE, MH_SUBJECT, MH_MESSAGE_ID, MH_IN_REPLY_TO, MH_REFERENCES,
	MH_CONTENT_TYPE, MH_ENCODING, MH_DISPOSITION, MH_AUTO_SUBMITTED, MH_X_AUTOREPLY, MH_X_AUTORESPOND,
	MH_PRECEDENCE, MH_COUNT
};

typedef struct {
	cs_span v[MH_COUNT];   /* each field's raw value, folded as it was (p NULL: absent; the first counts) */
	const char *body;      /* the body's first byte (the end when there is none) */
	const char *bad;       /* the first line of the block that is no header field, or NULL */
	int cut;               /* the input ended inside the header block */
} mail_head;

/* Read the header block at the start of s[0..n). */
void mail_head_parse(mail_head *h, const char *s, size_t n);
/* 1 if the line at s looks like a header field ("Name: value"). */
int mail_is_header_line(const char *s, const char *e);

/* The value unfolded, white space at both ends removed, into out (reset). */
void mail_unfold(cs_span v, cs_buf *out);
/* Append header text s[0..n) as UTF-8: encoded words decoded (the white
 * space between two of them dropped), raw 8-bit bytes guessed. */
void mail_decode_words(const char *s, size_t n, cs_buf *out);
/* A parameter of a structured value ("text/plain; charset=utf-8"), RFC
 * 2231 "name*=charset''%xx" included, into out (reset, UTF-8): 0, or -1
 * when it is absent. */
int mail_param(const char *s, size_t n, const char *name, cs_buf *out);
/* The first address of an address list: its addr-spec lowercased into
 * email, its display name decoded into name (both reset). */
void mail_address(cs_span v, cs_buf *email, cs_buf *name);
/* Call fn for each address (lowercased) of a list; stops at fn's first
 * non-zero value and returns it. */
int mail_each_address(cs_span v, cs_buf *tmp, int (*fn)(const char *addr, size_t n, void *ctx), void *ctx);
/* The i-th (0-based) "<id>" of a field, without the brackets; 0 when found. */
int mail_msgid(cs_span v, size_t i, cs_span *id);

/* Text in charset (NULL: none declared) to UTF-8, appended to out. 8-bit
 * text without a charset, or with one iconv does not know, is read as
 * UTF-8 when it is valid, else GB18030 when that reads it cleanly, else
 * windows-1252. */
void mail_text_utf8(const char *charset, const char *s, size_t n, cs_buf *out);
/* Transfer decodings, appended to out; both take broken input as it is. */
void mail_base64_decode(const char *s, size_t n, cs_buf *out);
size_t mail_base64_size(const char *s, size_t n);
void mail_qp_decode(const char *s, size_t n, cs_buf *out);

/* The body of one message. */
typedef struct {
	cs_buf text;          /* its readable text (text/plain preferred, else HTML as text) */
	cs_buf att;           /* its attachments as a JSON array, empty when none */
	size_t natt;
	int delivery_status;  /* a delivery-status report is in it (a bounce) */
	int truncated;        /* a multipart lacks its closing boundary */
	int too_deep;         /* parts nested deeper than MAIL_MAX_DEPTH were left out */
	cs_span orig_id;      /* a bounced or quoted message's Message-ID, if one is attached */
	cs_buf dec, tmp, ct;  /* scratch */
	cs_jw aw;
} mail_body;

/* Read the body of the message whose header is h, body[0..n), into b
 * (reset first; b's spans point into body). */
void mail_body_read(mail_body *b, const mail_head *h, const char *body, size_t n);
void mail_body_free(mail_body *b);
#endif
