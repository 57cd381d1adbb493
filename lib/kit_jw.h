/* TEMPORARY stub of the JSON writer until it lands. */
#ifndef CS_JW_H
#define CS_JW_H
#include <stddef.h>
#include <stdint.h>
#include "kit_buf.h"
#define CS_JW_MAX_DEPTH 64
typedef struct {
	cs_buf *out;
	int depth;
	unsigned char first[CS_JW_MAX_DEPTH];
	int error;
	int after_key;
} cs_jw;
void cs_jw_init(cs_jw *w, cs_buf *out);
void cs_jw_object(cs_jw *w);
void cs_jw_end_object(cs_jw *w);
void cs_jw_array(cs_jw *w);
void cs_jw_end_array(cs_jw *w);
void cs_jw_key(cs_jw *w, const char *key);
void cs_jw_str(cs_jw *w, const char *s, size_t n);
void cs_jw_cstr(cs_jw *w, const char *s);
void cs_jw_uint(cs_jw *w, uint64_t v);
void cs_jw_raw(cs_jw *w, const char *json, size_t n);
int cs_jw_finish(const cs_jw *w);
#endif
