/* eng_ingest_dedup: the bounded table of message keys cs-ingest has seen.
 *
 * Keys are kept as fingerprints (kit_hash, 9 bytes a slot) in two generations. A new
 * key goes into the current one; a key is a duplicate if either holds it.
 * The current generation becomes the old one (and the old one is forgotten)
 *  - when stream time has moved window_ms past the current one's start, so
 *    a key is remembered for at least window_ms of stream time: a copy that
 *    arrives within the window of the first is always caught;
 *  - when the current one holds max/2 keys, so the table never holds more
 *    than max keys; keys forgotten this way are counted (forgotten), as a
 *    copy of one of them would no longer be caught.
 * window_ms 0 keeps keys for the whole run; max 0 sets no limit. */
#ifndef CS_ENG_INGEST_DEDUP_H
#define CS_ENG_INGEST_DEDUP_H
#include <stddef.h>
#include <stdint.h>
#include "kit_hash.h"

typedef struct {
	cs_fpset cur, old;
	int64_t window_ms;
	size_t max;
	int64_t cur_start;     /* stream time when cur became current */
	int have_start;
	uint64_t forgotten;    /* keys dropped early because of max */
	int rotated_early;     /* the first early drop has been noticed */
} cs_dedup;

void cs_dedup_init(cs_dedup *d, int64_t window_ms, size_t max);
void cs_dedup_free(cs_dedup *d);
/* Stream time has reached now: rotate the generations if the window says so. */
void cs_dedup_advance(cs_dedup *d, int64_t now);
/* Start loading fp's places, for a check a little later. */
void cs_dedup_prefetch(const cs_dedup *d, cs_fp fp);
/* 1 if fp was seen (it is a duplicate); else it is remembered and 0 returned. */
int cs_dedup_seen(cs_dedup *d, cs_fp fp);
#endif
