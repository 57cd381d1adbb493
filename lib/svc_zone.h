/* svc_zone: a time zone read from the system's zoneinfo (TZif files, RFC
 * 8536, with the POSIX TZ rule at their end for the years after the table),
 * for code that converts between instants and local clock times in a zone
 * of its own: no TZ variable, no lock, and a loaded zone is read-only, so
 * threads may share it. Times here are whole seconds; "local" seconds count
 * from 1970-01-01T00:00 on the zone's clock. */
#ifndef CS_ZONE_H
#define CS_ZONE_H
#include <stddef.h>
#include <stdint.h>
#include "kit_buf.h"

typedef struct cs_zone cs_zone;

/* An IANA name ("Asia/Shanghai", "Etc/GMT-8") from $TZDIR or
 * /usr/share/zoneinfo, or "UTC" (no file needed). NULL with err set to a
 * reason when there is no such zone or its file is not one cs reads. */
cs_zone *cs_zone_load(const char *name, cs_buf *err);
/* The same from a TZif file's bytes. */
cs_zone *cs_zone_parse(const unsigned char *data, size_t len, cs_buf *err);
void cs_zone_free(cs_zone *z);

/* Seconds east of UTC at instant t. */
int32_t cs_zone_offset(const cs_zone *z, int64_t t);
/* The instant at which the zone's clock shows local. A time that a change
 * skips (spring forward) gives the first instant after the gap, which is the
 * change itself; a time that the clock shows twice (fall back) gives the
 * first of the two. So later local times never give earlier instants. Good
 * for years 0001-9999. */
int64_t cs_zone_instant(const cs_zone *z, int64_t local);
#endif
