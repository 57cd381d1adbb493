/* fmt_xml: a small XML tokenizer for the readers of XML exports (WeChat
 * pushes). It hands out start tags (with their attributes' text), end tags
 * and text (character data and CDATA sections, undecoded) one at a time,
 * checks that tags nest and close, and skips comments, processing
 * instructions and a DOCTYPE (whose declarations are not read: only the five
 * predefined entities and character references are known). Nesting is
 * limited, so hostile input costs no more than its length. */
#ifndef CS_FMT_XML_H
#define CS_FMT_XML_H
#include <stddef.h>
#include "kit_buf.h"

#define CS_XML_MAX_DEPTH 256

enum cs_xml_tok { CS_XML_EOF, CS_XML_START, CS_XML_END, CS_XML_TEXT, CS_XML_ERROR };

typedef struct {
	const char *data, *p, *e;   /* the input, the place reached, its end */
	int max_depth;
	int depth;                  /* elements open after the current token */
	const char *open[CS_XML_MAX_DEPTH];   /* their names */
	size_t openn[CS_XML_MAX_DEPTH];
	int close_pending;          /* an empty-element tag's END comes next */
	int unclosed;               /* a comment, PI, CDATA or DOCTYPE runs to the end */
	/* the current token */
	const char *at;             /* where it (or the error) starts */
	const char *name;           /* START, END: the element's name */
	size_t namen;
	const char *attrs;          /* START: the attributes' text, as written */
	size_t attrsn;
	const char *text;           /* TEXT: the raw characters */
	size_t textn;
	int cdata;                  /* TEXT: from <![CDATA[...]]> (no references) */
	char err[160];              /* ERROR: why */
} cs_xml;

/* Read data[0..n); max_depth at most CS_XML_MAX_DEPTH (less is kept). */
void cs_xml_init(cs_xml *x, const char *data, size_t n, int max_depth);
/* Restart at p (a point in the same input), no element open; at the end
 * after a comment, PI, CDATA section or DOCTYPE that is never closed. */
void cs_xml_restart(cs_xml *x, const char *p);
/* The next token. White space outside every element is skipped; other text
 * there is a TEXT token at depth 0. After ERROR or EOF, more calls repeat it. */
enum cs_xml_tok cs_xml_next(cs_xml *x);
/* Append s[0..n), text or an attribute value, to out with its references
 * (&lt; &gt; &amp; &quot; &apos; &#N; &#xH;) replaced; cdata: as is.
 * Returns 0, or -1 at an unknown or malformed reference (out then holds the
 * text up to it). */
int cs_xml_decode(const char *s, size_t n, int cdata, cs_buf *out);
/* The value of the current START token's attribute name, decoded into out
 * (reset first, NUL-terminated). Returns 0, or -1 when it has none or its
 * value is malformed. */
int cs_xml_attr(const cs_xml *x, const char *name, cs_buf *out);
#endif
