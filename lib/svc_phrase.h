/* svc_phrase: many phrase lists found in one pass over a text (an
 * Aho-Corasick automaton), for rules with hundreds of phrases: matching
 * costs the text's length, not the number of phrases. Phrases and text are
 * normalized by the caller (svc_text). */
#ifndef CS_PHRASE_H
#define CS_PHRASE_H
#include <stddef.h>
#include <stdint.h>
#include "kit_buf.h"

typedef struct cs_phrases cs_phrases;
cs_phrases *cs_phrases_new(void);
/* Add a phrase (already normalized by cs_norm_phrase) to list `list`; returns the phrase's index
 * (the same phrase in two lists is two indexes, both reported). Word bounds: where the phrase
 * starts (ends) with an ASCII letter or digit, it matches only where the text has no ASCII letter
 * or digit right before (after) it, so "hi" does not match "this"; Chinese needs no bounds. */
uint32_t cs_phrases_add(cs_phrases *p, const char *phrase, size_t len, uint32_t list);
/* The same without word bounds: the phrase matches wherever its bytes occur. */
uint32_t cs_phrases_add_anywhere(cs_phrases *p, const char *phrase, size_t len, uint32_t list);
void cs_phrases_build(cs_phrases *p);     /* after the last add, before the first scan */
typedef struct { uint32_t list, phrase; size_t start, end; } cs_phrase_hit;  /* bytes in the text */
/* Every hit in text (overlapping and nested ones too), in order of their end; fn returns non-zero to stop. */
void cs_phrases_scan(const cs_phrases *p, const char *text, size_t len,
                     int (*fn)(void *ctx, const cs_phrase_hit *h), void *ctx);
/* Two phrase sets over one text in one pass (their automata step side by
 * side, so the loads of each overlap): p's hits to pfn, q's to qfn, each in
 * the order cs_phrases_scan gives them. */
void cs_phrases_scan2(const cs_phrases *p, int (*pfn)(void *ctx, const cs_phrase_hit *h), void *pctx,
		      const cs_phrases *q, int (*qfn)(void *ctx, const cs_phrase_hit *h), void *qctx, const char *text,
		      size_t len);
/* Whether text holds a hit of p (the scan stops at the first). */
int cs_phrases_any(const cs_phrases *p, const char *text, size_t len);
size_t cs_phrases_count(const cs_phrases *p);
void cs_phrases_free(cs_phrases *p);
#endif
