/* svc_regex: PCRE2 patterns for rules, with a match limit and a depth limit
 * so that no pattern can run away on any text; a limit hit is no match,
 * counted for the caller to report. A pattern may be shared by threads. */
#ifndef CS_REGEX_H
#define CS_REGEX_H
#include <stddef.h>
#include <stdint.h>
#include "kit_buf.h"
#include "svc_phrase.h"
#include "svc_relit.h"

typedef struct cs_regex cs_regex;
/* NULL with err = "offset N: PCRE2's message" when the pattern does not compile. The pattern
 * matches normalized text (svc_text), so its Traditional Chinese characters are read as
 * Simplified ones, as the text's are (cs_t2s), except the ends of a range in a class. */
cs_regex *cs_regex_new(const char *pattern, size_t len, cs_buf *err);
/* First match in text[0..len) at or after start: 1 and [*ms, *me); 0 none; -1 a limit was hit.
 * A byte of text that is not UTF-8 matches nothing; the rest of the text matches as usual. */
int cs_regex_find(cs_regex *re, const char *text, size_t len, size_t start, size_t *ms, size_t *me);
/* The literals one of which is in every match (svc_relit), or NULL when none are known. A caller
 * that finds them in a pass of its own over many patterns' literals calls the next only where
 * one is at or after start: it is cs_regex_find without the pattern's own pass. */
const cs_relits *cs_regex_literals(const cs_regex *re);
/* Add the pattern's literals (cs_regex_literals) to p as phrases of list, matched anywhere;
 * returns how many (0 when none are known). Their indexes in p follow one another. */
size_t cs_regex_add_literals(const cs_regex *re, cs_phrases *p, uint32_t list);
int cs_regex_find_unfiltered(cs_regex *re, const char *text, size_t len, size_t start, size_t *ms, size_t *me);
uint64_t cs_regex_limit_hits(const cs_regex *re);
void cs_regex_free(cs_regex *re);
/* The first capital ASCII letter the pattern would have to meet in the text, or NULL: for
 * patterns matched on case-folded text, where such a pattern never matches. */
const char *cs_regex_capital(const char *p, size_t n);
/* A thread that matched is done: free its match data (also fine on the main thread at the end). */
void cs_regex_thread_done(void);
#endif
