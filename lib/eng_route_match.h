/* eng_route_match: what cs-route finds in an opening request by pattern:
 * asks for a person (share/route/human-request.txt and the policy's own
 * phrases), and the intents of a rules file (PCRE2 patterns with
 * priorities, cs-route-policy(5)). Both match normalized text (svc_text). */
#ifndef CS_ENG_ROUTE_MATCH_H
#define CS_ENG_ROUTE_MATCH_H
#include <stddef.h>
#include "kit_buf.h"
#include "svc_phrase.h"

typedef struct route_asks route_asks;
/* The phrase file and more phrases: NULL with err "FILE:LINE: reason". */
route_asks *route_asks_load(const char *path, const char *const *extra, size_t nextra, cs_buf *err);
route_asks *route_asks_load_mem(const char *name, const char *text, size_t len, cs_buf *err);
/* Does normalized text ask for a person? 1 with the words that ask in
 * text[*start, *end), else 0. A re: pattern that stops at the match limit
 * counts as no ask. */
int route_asks_find(const route_asks *a, const char *text, size_t len, size_t *start, size_t *end);
/* The same, with the caller's phrases `also` found in the same pass over
 * the text (cs_phrases_scan2), their hits to fn, and in *limited how many
 * patterns stopped at the match limit. */
int route_asks_find_also(const route_asks *a, const char *text, size_t len, size_t *start, size_t *end,
			 unsigned *limited, const cs_phrases *also, int (*fn)(void *ctx, const cs_phrase_hit *h),
			 void *ctx);
/* How many phrases (asks and not: phrases) and patterns. */
void route_asks_counts(const route_asks *a, size_t *phrases, size_t *patterns);
void route_asks_free(route_asks *a);

typedef struct route_rules route_rules;
route_rules *route_rules_load(const char *path, cs_buf *err);
route_rules *route_rules_load_mem(const char *name, const char *text, size_t len, cs_buf *err);
struct route_rule_hit {
	const char *intent, *name;
	double confidence;
	int priority;
	size_t start, end;               /* the match in the text */
	unsigned limited;                /* rules tried that stopped at the match limit (no match) */
	const char *limited_name;        /* the first of them */
};
/* The matching rule of highest priority (the first listed among equals): 1, else 0. */
int route_rules_find(const route_rules *r, const char *text, size_t len, struct route_rule_hit *hit);
size_t route_rules_count(const route_rules *r);
void route_rules_free(route_rules *r);
#endif
