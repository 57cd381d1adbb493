/* svc_detect: sensitive numbers in text, checked, not just shaped: payment
 * card numbers (13 to 19 digits of a card network's issuer range and
 * length, whole or grouped by single spaces or dashes as cards are, Luhn
 * check, not glued to letters or digits, not named as an order, tracking or
 * reference number just before) and PRC resident ID numbers (18 characters,
 * check character, a plausible birth date); never inside a longer run of
 * digits. */
#ifndef CS_DETECT_H
#define CS_DETECT_H
#include <stddef.h>
#include <stdint.h>

enum cs_detect_kind { CS_DETECT_CARD, CS_DETECT_CN_ID };
/* First one at or after start: 1 and [*ms, *me); 0 none. */
int cs_detect_find(enum cs_detect_kind k, const char *text, size_t len, size_t start, size_t *ms, size_t *me);
const char *cs_detect_name(enum cs_detect_kind k);   /* "card_number", "id_number" */
/* The card number that starts at text[i]: where it ends, or 0. The one
 * card rule of cs_detect_find and svc_redact. */
size_t cs_card_number_at(const char *text, size_t len, size_t i);
#endif
