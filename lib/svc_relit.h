/* svc_relit: the literals a regular expression cannot match without, for a
 * prefilter: a text that holds none of them needs no match attempt. Only
 * the plain part of PCRE2's syntax is understood (literals, escaped
 * punctuation, classes, \b \s \w \d and the like, groups, lookarounds,
 * alternation, quantifiers); a pattern with anything else (option settings
 * such as (?i), backreferences, \Q, \x, \p ...) has no literals, so it is
 * always matched. Literals are exact bytes: patterns run without
 * PCRE2_CASELESS or PCRE2_EXTENDED. */
#ifndef CS_RELIT_H
#define CS_RELIT_H
#include <stddef.h>
#include "kit_buf.h"

#define CS_RELIT_MAX 32

/* One of these occurs in every match: lit[i] is text[off[i] ..+ len[i]). */
typedef struct {
	size_t n;
	size_t off[CS_RELIT_MAX], len[CS_RELIT_MAX];
	cs_buf text;
} cs_relits;

/* The required literals of pattern into out (reset first); returns how
 * many, 0 when none are known. Free out->text after. */
size_t cs_relit_required(const char *pattern, size_t len, cs_relits *out);
#endif
