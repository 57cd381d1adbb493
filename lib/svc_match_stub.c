/* TEMPORARY naive stubs until the matching services land. */
#include "svc_detect.h"
#include "svc_phrase.h"
#include "svc_regex.h"
#include "kit_mem.h"
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>
struct cs_phrases { char **p; size_t *n; uint32_t *list; size_t count; };
cs_phrases *cs_phrases_new(void) { return cs_calloc(1, sizeof(cs_phrases)); }
uint32_t cs_phrases_add(cs_phrases *p, const char *phrase, size_t len, uint32_t list)
{
	p->p = cs_realloc(p->p, (p->count + 1) * sizeof *p->p);
	p->n = cs_realloc(p->n, (p->count + 1) * sizeof *p->n);
	p->list = cs_realloc(p->list, (p->count + 1) * sizeof *p->list);
	p->p[p->count] = cs_strndup(phrase, len);
	p->n[p->count] = len;
	p->list[p->count] = list;
	return (uint32_t)p->count++;
}
void cs_phrases_build(cs_phrases *p) { (void)p; }
static int alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
void cs_phrases_scan(const cs_phrases *p, const char *text, size_t len, int (*fn)(void *ctx, const cs_phrase_hit *h), void *ctx)
{
	for (size_t e = 1; e <= len; e++)
		for (size_t i = 0; i < p->count; i++) {
			size_t n = p->n[i];
			if (n == 0 || n > e || memcmp(text + e - n, p->p[i], n) != 0)
				continue;
			size_t s = e - n;
			if (alnum(p->p[i][0]) && s > 0 && alnum(text[s - 1]))
				continue;
			if (alnum(p->p[i][n - 1]) && e < len && alnum(text[e]))
				continue;
			cs_phrase_hit h = {p->list[i], (uint32_t)i, s, e};
			if (fn(ctx, &h))
				return;
		}
}
size_t cs_phrases_count(const cs_phrases *p) { return p->count; }
void cs_phrases_free(cs_phrases *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->count; i++)
		free(p->p[i]);
	free(p->p); free(p->n); free(p->list); free(p);
}
struct cs_regex { pcre2_code *code; pcre2_match_data *md; uint64_t limits; };
cs_regex *cs_regex_new(const char *pattern, size_t len, cs_buf *err)
{
	int ec; PCRE2_SIZE off;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, len, PCRE2_UTF | PCRE2_UCP, &ec, &off, NULL);
	if (!code) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(ec, msg, sizeof msg);
		cs_buf_printf(err, "offset %zu: %s", (size_t)off, (char *)msg);
		return NULL;
	}
	cs_regex *re = cs_calloc(1, sizeof *re);
	re->code = code;
	re->md = pcre2_match_data_create_from_pattern(code, NULL);
	return re;
}
int cs_regex_find(cs_regex *re, const char *text, size_t len, size_t start, size_t *ms, size_t *me)
{
	int rc = pcre2_match(re->code, (PCRE2_SPTR)text, len, start, 0, re->md, NULL);
	if (rc < 0)
		return rc == PCRE2_ERROR_NOMATCH ? 0 : (re->limits++, -1);
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(re->md);
	*ms = ov[0]; *me = ov[1];
	return 1;
}
uint64_t cs_regex_limit_hits(const cs_regex *re) { return re->limits; }
void cs_regex_free(cs_regex *re)
{
	if (!re) return;
	pcre2_match_data_free(re->md); pcre2_code_free(re->code); free(re);
}
int cs_detect_find(enum cs_detect_kind k, const char *text, size_t len, size_t start, size_t *ms, size_t *me)
{
	size_t want = k == CS_DETECT_CARD ? 16 : 18;
	for (size_t i = start; i + want <= len; i++) {
		size_t j = i;
		while (j < len && text[j] >= '0' && text[j] <= '9') j++;
		if (j - i == want) { *ms = i; *me = j; return 1; }
		if (j > i) i = j;
	}
	return 0;
}
const char *cs_detect_name(enum cs_detect_kind k) { return k == CS_DETECT_CARD ? "card_number" : "id_number"; }
