/* svc_redact: personal data in free text replaced by a placeholder.
 *
 * What is found, each checked beyond its shape so that order numbers and
 * amounts stay:
 *   card   a payment card number, by svc_detect's one rule: 13 to 19
 *          digits of a card network's prefix and length, grouped as
 *          cards are or not, that pass Luhn's check, not named an order,
 *          tracking or reference number just before          -> [CARD]
 *   id     a Chinese resident ID: 17 digits and a digit or X whose ISO 7064
 *          check character is right, born 1900 or later       -> [ID]
 *   iban   two capitals, two check digits, 11 to 30 letters or digits
 *          (spaces every four allowed), mod 97 is 1            -> [IBAN]
 *   email  local@domain.tld                                     -> [EMAIL]
 *   phone  "+" and 8 to 15 digits; a Chinese mobile (1[3-9] and 9 digits,
 *          +86 or not); 0xx-xxxxxxxx landlines; (xxx) xxx-xxxx and
 *          xxx-xxx-xxxx                                        -> [PHONE]
 * A number glued to letters or other digits is none of these. Full-width
 * forms (U+FF01-U+FF5E) and the ideographic space are read as ASCII, as
 * NFKC reads them; the original bytes are what is replaced. */
#ifndef CS_REDACT_H
#define CS_REDACT_H
#include <stddef.h>
#include <stdint.h>
#include "kit_buf.h"

enum cs_pii { CS_PII_CARD, CS_PII_ID, CS_PII_IBAN, CS_PII_EMAIL, CS_PII_PHONE, CS_PII_N };
#define CS_PII_ALL ((1u << CS_PII_N) - 1)

/* "card", "email", ... */
const char *cs_pii_name(enum cs_pii p);
/* A comma-separated list of names, or "all", into *mask: 0, or -1 with the
 * unknown name in err. */
int cs_pii_parse(const char *list, unsigned *mask, cs_buf *err);

/* s[0..n) with what mask asks for replaced, into out (reset first); adds
 * to counts[kind] and returns how many were replaced (out is s when 0). */
size_t cs_redact(const char *s, size_t n, unsigned mask, cs_buf *out, uint64_t counts[CS_PII_N]);

#endif
