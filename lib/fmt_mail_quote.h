/* fmt_mail_quote: a mail's own words told apart from what it quotes
 * (an "On ... wrote:" line, "-----Original Message-----", "原始邮件",
 * "在 ... 写道：", Outlook's "From: ... Sent: ..." block, a trailing block
 * of '>' lines) and from its signature (after a "-- " line, or a closing
 * "Sent from my iPhone"). */
#ifndef CS_FMT_MAIL_QUOTE_H
#define CS_FMT_MAIL_QUOTE_H
#include <stddef.h>
#include "kit_json.h"

typedef struct {
	cs_span text, quoted, signature;   /* parts of the input, white space at the ends trimmed */
} mail_parts;

/* Split UTF-8 text s[0..n) (LF line ends); the spans point into s. */
mail_parts mail_split_quote(const char *s, size_t n);
#endif
