/* kit_conf: reading a JSON configuration file (a scorecard, a routing
 * policy). The reader walks the document with kit_jval; any problem ends
 * the reading through cs_conf_bad(), which sets the error to
 * "FILE:LINE: [what: ]reason" and jumps back to the setjmp() on c->fail.
 * Memory registered with cs_conf_temp() is freed by cs_conf_free(), after
 * an error too. */
#ifndef CS_CONF_H
#define CS_CONF_H
#include <setjmp.h>
#include <stddef.h>
#include "kit_buf.h"
#include "kit_json.h"
#include "kit_jval.h"

#define CS_CONF_MAX_BYTES ((size_t)16 << 20)

typedef struct {
	const char *file, *text;     /* the name in messages, the document */
	size_t len;
	cs_buf *err;
	jmp_buf fail;
	const char *what;            /* "item 'greeting'": the part being read, for messages */
	unsigned long long first_line;   /* the line text starts on in file (0: 1), for a part read alone */
	cs_buf scratch;              /* for cs_jtext */
	void **temps;
	size_t ntemps;
} cs_conf;

/* An object's members, checked. */
typedef struct {
	cs_member *m;
	size_t n;
} cs_conf_members;

_Noreturn __attribute__((format(printf, 3, 4))) void cs_conf_bad(cs_conf *c, const char *at, const char *fmt, ...);
/* End the reading with message as it is: an error another reader made,
 * already "FILE:LINE: reason". */
_Noreturn void cs_conf_fail(cs_conf *c, const char *message);
/* The line of file that at is on. */
unsigned long long cs_conf_line(const cs_conf *c, const char *at);
/* The document's top value; not JSON: cs_conf_bad. */
cs_jval cs_conf_top(cs_conf *c);
/* A string (a copy the caller owns), a number, a whole number in
 * [min, max], true or false; anything else: cs_conf_bad naming key. */
char *cs_conf_text(cs_conf *c, cs_jval v, const char *key);
double cs_conf_number(cs_conf *c, cs_jval v, const char *key);
int cs_conf_int(cs_conf *c, cs_jval v, const char *key, int min, int max);
int cs_conf_bool(cs_conf *c, cs_jval v, const char *key);
/* An object's members: a key given twice or a key not in allowed (NULL:
 * any; "description" and "comment" always) is an error. */
cs_conf_members cs_conf_members_of(cs_conf *c, cs_jval v, const char *const *allowed, const char *what);
cs_jval cs_conf_val(const cs_member *m);
/* An array's elements (not an array: cs_conf_bad naming what). */
typedef struct {
	cs_jval *v;
	size_t n;
} cs_conf_elements;
cs_conf_elements cs_conf_elements_of(cs_conf *c, cs_jval arr, const char *what);
/* A string or an array of strings: *n copies the caller owns, in a list
 * ending in NULL; anything else is cs_conf_bad naming key, with nothing
 * kept and *n untouched. */
char **cs_conf_strings(cs_conf *c, cs_jval v, const char *key, size_t *n);
int cs_conf_key_is(const cs_member *m, const char *key);
/* Free p when the reading ends; returns p. */
void *cs_conf_temp(cs_conf *c, void *p);
/* The last n pointers given to cs_conf_temp are the caller's again. */
void cs_conf_keep(cs_conf *c, size_t n);
void cs_conf_free(cs_conf *c);
/* A whole file, at most CS_CONF_MAX_BYTES, into text: 0, or -1 with err
 * set to "FILE: reason". */
int cs_conf_slurp(const char *path, cs_buf *text, cs_buf *err);
/* The same, at most max bytes (a whole number of MiB). */
int cs_conf_slurp_max(const char *path, size_t max, cs_buf *text, cs_buf *err);
/* Each line of an NDJSON side file (an agents file, a consent list), blank
 * lines and lines starting with '#' skipped: fn(value, why, ctx) returns 0,
 * or -1 with why set. 0, or -1 with err set to "FILE:LINE: why" (or
 * "FILE: cannot be read"). */
int cs_conf_ndjson_each(const char *path, int (*fn)(cs_jval v, cs_buf *why, void *ctx), void *ctx, cs_buf *err);
#endif
