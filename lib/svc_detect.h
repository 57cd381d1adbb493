/* svc_detect: sensitive numbers in text, checked, not just shaped: payment
 * card numbers (13 to 19 digits, grouped by single spaces or dashes or not,
 * Luhn check) and PRC resident ID numbers (18 characters, check character,
 * a plausible birth date); never inside a longer run of digits. */
#ifndef CS_DETECT_H
#define CS_DETECT_H
#include <stddef.h>
#include <stdint.h>

enum cs_detect_kind { CS_DETECT_CARD, CS_DETECT_CN_ID };
/* First one at or after start: 1 and [*ms, *me); 0 none. */
int cs_detect_find(enum cs_detect_kind k, const char *text, size_t len, size_t start, size_t *ms, size_t *me);
const char *cs_detect_name(enum cs_detect_kind k);   /* "card_number", "id_number" */
#endif
