/* cs_statsum: --stats=json lines of shards added up, one line per program
 * (cs-roi merge). Every counter is a plain sum (kit_run.h), so the sum of a
 * stream's parts is what one run over the whole stream counts, with
 * other_shards as the one addition of --shard. */
#ifndef CS_STATSUM_H
#define CS_STATSUM_H
#include <stddef.h>
#include <stdint.h>
#include "kit_buf.h"
#include "kit_json.h"

typedef struct cs_statsum cs_statsum;

cs_statsum *cs_statsum_new(void);
/* Add one stats record (kind "stats"): 0, or -1 with why set (a counter
 * that is not a whole number, no program, a sum past 2^64). */
int cs_statsum_add(cs_statsum *s, const cs_obj *rec, cs_buf *why);
/* The sums, one JSON line per program (by program name), counters in the
 * order first seen, each line ended by '\n', appended to out. */
void cs_statsum_write(const cs_statsum *s, cs_buf *out);
size_t cs_statsum_count(const cs_statsum *s);   /* programs */
void cs_statsum_free(cs_statsum *s);
#endif
