/* cs_json: a validating, byte-keeping JSON scanner for the record hot path.
 * It never builds a tree: it checks that a line is exactly one JSON object and
 * records where each top-level member's key and value lie in the caller's
 * bytes, so programs read the fields they need and write the record back with
 * its input bytes (number formatting, key order, big integers) kept.
 * Spans point into the caller's buffer; nothing here owns record bytes.
 * UTF-8 is checked by the input layer (cs_in), not here. */
#ifndef CS_JSON_H
#define CS_JSON_H
#include <stddef.h>
#include "kit_buf.h"

enum cs_jtype { CS_J_NONE, CS_J_OBJECT, CS_J_ARRAY, CS_J_STRING, CS_J_NUMBER, CS_J_TRUE, CS_J_FALSE, CS_J_NULL };

#define CS_JSON_DEFAULT_MAX_DEPTH 256   /* the same as jq 1.6, so every path agrees */

typedef struct {
	const char *p;
	size_t n;
} cs_span;

typedef struct {
	cs_span key;         /* the key's contents, without quotes, still escaped */
	cs_span val;         /* the value's raw bytes */
	unsigned char type;  /* enum cs_jtype of the value */
	unsigned char key_escaped; /* the key contains a backslash escape */
	unsigned char val_plain;   /* a string value the scanner saw no backslash in (0: not known) */
} cs_member;

/* Top-level members of one object, in input order. Reuse across records. */
typedef struct {
	cs_member *m;
	size_t n, cap;
	cs_span whole;       /* the object from '{' to '}' */
} cs_obj;

/* What kind of error: callers decide by this, never by the text. */
enum cs_jerr_code {
	CS_JERR_SYNTAX = 1,  /* not valid JSON */
	CS_JERR_EMPTY,       /* nothing but white space */
	CS_JERR_NOT_OBJECT,  /* valid start of a value, but not an object (cs_json_object) */
	CS_JERR_DEPTH,       /* nested deeper than max_depth */
	CS_JERR_TRAILING     /* a whole value, then more than white space after it */
};

typedef struct {
	size_t off;          /* byte offset of the error in the scanned text */
	const char *what;    /* static reason, e.g. "expected ',' or '}'" */
	enum cs_jerr_code code;
} cs_jerr;

/* Check that p[0..n) is exactly one JSON object, optionally surrounded by
 * white space, nested at most max_depth deep; fill obj with its top-level
 * members. Returns 0, or -1 with *err set. */
int cs_json_object(const char *p, size_t n, int max_depth, cs_obj *obj, cs_jerr *err);
/* Same for any single JSON value; *type gets its type. */
int cs_json_value(const char *p, size_t n, int max_depth, enum cs_jtype *type, cs_jerr *err);
void cs_obj_free(cs_obj *obj);

/* The member with this key (the last one if the key repeats), or NULL. */
const cs_member *cs_obj_get(const cs_obj *obj, const char *key, size_t keylen);
/* Follow a path of keys through nested objects starting at obj; returns 0 and
 * the value span/type, or -1 if a step is missing or not an object. */
int cs_obj_path(const cs_obj *obj, const char *const *keys, const size_t *lens, size_t nkeys,
		cs_span *val, enum cs_jtype *type);

/* The text of a string value: unescaped into scratch when it has escapes,
 * else pointing straight into the record. Returns 0, or -1 if the value is not
 * a string. \u escapes become UTF-8 (a lone surrogate becomes U+FFFD). */
int cs_json_str(cs_span val, enum cs_jtype type, cs_buf *scratch, const char **s, size_t *n);
/* A value as id text: a string's contents, or a number's digits as written
 * (so 12345678901234567890 stays exact). Returns -1 for other types. */
int cs_json_id(cs_span val, enum cs_jtype type, cs_buf *scratch, const char **s, size_t *n);
/* The same for a member's value, without looking for escapes in a string
 * the scanner found none in (val_plain). */
int cs_member_str(const cs_member *m, cs_buf *scratch, const char **s, size_t *n);
int cs_member_id(const cs_member *m, cs_buf *scratch, const char **s, size_t *n);
/* Compare a member's key to key[0..keylen). */
int cs_member_is(const cs_member *m, const char *key, size_t keylen);


/* Call fn for each element of an array value (already validated); stops and
 * returns fn's value when it is non-zero. */
int cs_json_each(cs_span arr, int (*fn)(cs_span item, enum cs_jtype type, void *ctx), void *ctx);
/* The members of an already validated object, in one pass (no checks),
 * into out (reused). Returns 0, or -1 if obj is not an object. */
int cs_json_members(cs_span obj, cs_obj *out);
/* cs_json_each, with an object element's members read in the same pass
 * into obj (reused) and given to fn; NULL for an element of another type. */
int cs_json_each_members(cs_span arr, cs_obj *obj,
			 int (*fn)(cs_span item, enum cs_jtype type, const cs_obj *members, void *ctx), void *ctx);
/* Append the valid JSON text json[0..n) to out without the white space
 * between its tokens (strings and numbers kept byte for byte). */
void cs_json_compact(const char *json, size_t n, cs_buf *out);
/* The type of an already validated value (CS_J_NONE for empty text). */
enum cs_jtype cs_json_type_of(cs_span v);
/* In an already validated object, the value of the last member whose raw
 * (still escaped) key is key[0..keylen). Returns 0, or -1 when there is none
 * or obj is not an object. */
int cs_json_member(cs_span obj, const char *key, size_t keylen, cs_span *val, enum cs_jtype *type);
#endif
