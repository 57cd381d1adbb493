/* TEMPORARY stub */
#include "kit_jw.h"
#include <inttypes.h>
#include <string.h>
void cs_jw_init(cs_jw *w, cs_buf *out) { memset(w, 0, sizeof *w); w->out = out; }
static void sep(cs_jw *w)
{
	if (w->after_key) { w->after_key = 0; return; }
	if (w->depth && !w->first[w->depth]) cs_buf_addc(w->out, ',');
	if (w->depth) w->first[w->depth] = 0;
}
static void open_(cs_jw *w, char c) { sep(w); cs_buf_addc(w->out, c); w->first[++w->depth] = 1; }
void cs_jw_object(cs_jw *w) { open_(w, '{'); }
void cs_jw_array(cs_jw *w) { open_(w, '['); }
void cs_jw_end_object(cs_jw *w) { cs_buf_addc(w->out, '}'); w->depth--; }
void cs_jw_end_array(cs_jw *w) { cs_buf_addc(w->out, ']'); w->depth--; }
void cs_jw_key(cs_jw *w, const char *key) { sep(w); cs_buf_add_jstr(w->out, key, strlen(key)); cs_buf_addc(w->out, ':'); w->after_key = 1; }
void cs_jw_str(cs_jw *w, const char *s, size_t n) { sep(w); cs_buf_add_jstr(w->out, s, n); }
void cs_jw_cstr(cs_jw *w, const char *s) { cs_jw_str(w, s, strlen(s)); }
void cs_jw_uint(cs_jw *w, uint64_t v) { sep(w); cs_buf_printf(w->out, "%" PRIu64, v); }
void cs_jw_raw(cs_jw *w, const char *json, size_t n) { sep(w); cs_buf_add(w->out, json, n); }
int cs_jw_finish(const cs_jw *w) { return w->depth == 0 && !w->error ? 0 : -1; }
