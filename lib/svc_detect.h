#ifndef CS_DETECT_H
#define CS_DETECT_H
#include <stddef.h>
#include <stdint.h>
#include "kit_buf.h"

enum cs_detect_kind { CS_DETECT_CARD, CS_DETECT_CN_ID };
/* First one at or after start: 1 and [*ms, *me); 0 none. */
int cs_detect_find(enum cs_detect_kind k, const char *text, size_t len, size_t start, size_t *ms, size_t *me);
const char *cs_detect_name(enum cs_detect_kind k);   /* "card_number", "id_number" */
#endif
