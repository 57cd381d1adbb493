/* kit_jedit: JSON editing on record bytes. Nothing here re-serialises a
 * record: edits splice new bytes between the input's, so key order, number
 * formatting and big integers outside the edit are kept.
 *  - paths: dotted names (customer.id), a backslash escapes '.', ',', '=', ':'
 *    and '\\' inside a name;
 *  - set a path (creating nested objects), delete a path;
 *  - splice one top-level member (replace in place, or append as the last key)
 *    into a buffer or any byte sink. */
#ifndef CS_JEDIT_H
#define CS_JEDIT_H
#include <stddef.h>
#include "kit_buf.h"
#include "kit_json.h"

#define CS_PATH_MAX 16

typedef struct {
	char *name[CS_PATH_MAX];
	size_t len[CS_PATH_MAX];
	size_t n;
} cs_path;

/* Parse a dotted path with the escapes above. Returns 0 or -1. */
int cs_path_parse(cs_path *p, const char *s, size_t n);
void cs_path_free(cs_path *p);

/* Where spliced bytes go: a buffer, the output, ... */
typedef void (*cs_put_fn)(void *sink, const char *p, size_t n);

/* text[0..len) (the object obj describes) with "key":value set: value (raw
 * JSON) replaces the member's value in place when obj has the key (the last
 * one if it repeats), else it is appended as the last member. */
void cs_json_splice_field(cs_put_fn put, void *sink, const char *text, size_t len, const cs_obj *obj,
			  const char *key, const char *value, size_t vlen);
/* The same, appended to dst. */
void cs_json_set_field(cs_buf *dst, const char *text, size_t len, const cs_obj *obj,
		       const char *key, const char *value, size_t vlen);

/* Set path in the object text[0..len) to value (raw JSON), creating nested
 * objects as needed; the result goes to out (replaced). Returns 0, or -1 if a
 * step of the path exists and is not an object. */
int cs_json_set_path(const char *text, size_t len, const cs_path *path, const char *value, size_t vlen,
		     int max_depth, cs_buf *out);
/* Remove path from the object; out gets the result (a copy when absent). */
void cs_json_del_path(const char *text, size_t len, const cs_path *path, int max_depth, cs_buf *out);
#endif
