/* kit_jval: JSON already validated (a record's member, a document read
 * whole), read by key and path without building a tree. */
#ifndef CS_JVAL_H
#define CS_JVAL_H
#include <stddef.h>
#include <stdint.h>
#include "kit_buf.h"
#include "kit_json.h"

typedef struct {
	const char *p;    /* the value's bytes; NULL when absent */
	size_t n;
	enum cs_jtype t;  /* CS_J_NONE when absent */
} cs_jval;

cs_jval cs_jval_of(const char *p, size_t n);
/* obj.key (CS_J_NONE if obj is no object or lacks it); path: "via.channel". */
cs_jval cs_jget(cs_jval obj, const char *key);
cs_jval cs_jpath(cs_jval v, const char *path);
int cs_jis(cs_jval v);   /* present and not null */
/* A record's top-level member by key (CS_J_NONE when absent), and the first
 * of keys[] (NULL-terminated) that is present and not null. */
cs_jval cs_jmember(const cs_obj *obj, const char *key);
/* cs_jpath from a record's top-level members: its first step is found among
 * them, not by scanning the record again (a conversation's messages). */
cs_jval cs_jmember_path(const cs_obj *obj, const char *path);
cs_jval cs_jfirst(const cs_obj *obj, const char *const *keys);
/* Whether a record's top-level member key is the string str, written
 * without escapes ("kind":"alert"): the test for a kind or a source. */
int cs_jmember_is(const cs_obj *obj, const char *key, const char *str);
/* The value as text into out (NUL-terminated, reset first): a string
 * unescaped, a number's digits, true/false; NULL for anything else. */
const char *cs_jtext(cs_jval v, cs_buf *out);
/* The instant a record's time holds, in *ms: a string cs_time_parse()
 * reads, or a number (epoch seconds or milliseconds, as cs-ingest reads
 * "ts":1772442000). 0, or -1 for anything else (absent, null, unreadable). */
int cs_jtime(cs_jval v, int64_t *ms);
/* As an integer: a number, or a string of digits; dflt otherwise. */
int64_t cs_jint(cs_jval v, int64_t dflt);
/* A count as JSON numbers write it: digits only (no sign, fraction or
 * exponent), at most 2^64 - 1, into *out: 0, or -1 for anything else. */
int cs_jwhole(cs_jval v, uint64_t *out);
int cs_jbool(cs_jval v, int dflt);   /* true/false, or dflt */
/* fn for each element of an array (nothing for anything else); stops at
 * fn's first non-zero value and returns it. */
int cs_jeach(cs_jval arr, int (*fn)(cs_jval item, void *ctx), void *ctx);
/* cs_jeach, an object element's members read in the same pass into obj
 * (reused) and given to fn (NULL for other elements). */
int cs_jeach_members(cs_jval arr, cs_obj *obj, int (*fn)(cs_jval item, const cs_obj *members, void *ctx), void *ctx);
size_t cs_jlen(cs_jval arr);

/* Ids and U+0000. The programs key customers, conversations, tickets and
 * agents on C strings, which end at U+0000: "a\u0000x" would be "a", the
 * same customer as "a\u0000y". An id that holds it is refused as a bad
 * record (cs-schema(7)), in words that end in CS_ID_NUL. */
#define CS_ID_NUL "holds U+0000, which no id may"
/* Whether v is a string holding U+0000 (JSON can only write it \u0000). */
int cs_jholds_nul(cs_jval v);
/* The first of paths[] (NULL-terminated, steps split at '.'; a step
 * "name[]" goes into each element of the array name) that holds U+0000 in
 * the object obj: 1 and why set to "\"messages[2].id\" " CS_ID_NUL; else 0. */
int cs_jids_nul(const cs_obj *obj, const char *const *paths, cs_buf *why);
/* The same in an object read by key (cs_jget) rather than by its members. */
int cs_jval_ids_nul(cs_jval obj, const char *const *paths, cs_buf *why);
#endif
