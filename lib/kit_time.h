/* cs_time: timestamps to UTC. Every time value in cs records is an RFC 3339
 * string in UTC ("2026-03-01T09:00:00Z", or with ".123" milliseconds when the
 * input had a fractional second). No function here depends on the locale. */
#ifndef CS_TIME_H
#define CS_TIME_H
#include <stddef.h>
#include <stdint.h>

typedef struct {
	int64_t ms;   /* milliseconds since 1970-01-01T00:00:00Z */
	int has_ms;   /* the input carried a fraction of a second (or was epoch milliseconds) */
} cs_time;

/* Set the zone for timestamps without an offset (IANA name such as
 * "Asia/Shanghai", or "UTC"). Returns 0, or -1 if the zone is unknown (no
 * TZif file of that name under $TZDIR or /usr/share/zoneinfo); a failed call
 * keeps the previous zone. "UTC", "GMT" and "Z" (any case) need no zoneinfo;
 * any other zone sets TZ in the process environment. A local time skipped by
 * a DST change is read with the offset before it, one that occurs twice as
 * the first occurrence. */
int cs_time_set_zone(const char *zone);

/* Parse s[0..n): ISO 8601 / RFC 3339 ("2026-03-01T09:00:00+08:00", "...Z",
 * "2026-03-01 09:00:00", "2026-03-01T09:00", "2026-03-01", fraction with any
 * number of digits, truncated to milliseconds), RFC 2822 ("Sun, 01 Mar 2026
 * 09:00:00 +0800", "GMT", "UT", the US zones), and epoch numbers: an integer or
 * decimal below 1e11 in absolute value is seconds, from 1e11 up it is
 * milliseconds. Strict: no surrounding whitespace, no 24:00 and no leap
 * second 60; fractions below the millisecond are dropped toward the past.
 * Returns 0 on success, -1 if it is not a time we read (out untouched). */
int cs_time_parse(const char *s, size_t n, cs_time *out);

/* Format t as RFC 3339 UTC into buf (at least 32 bytes); returns the length.
 * Years outside 0000-9999 get a '-' sign or more digits; any int64 fits. */
size_t cs_time_format(cs_time t, char *buf);

/* Parse a duration such as "30m", "90s", "2h", "1d", "1w", "1h30m", "500ms" or
 * a bare number of seconds into milliseconds. Units appear at most once, largest
 * first. Returns 0, or -1 on a malformed or overflowing value. */
int cs_duration_parse(const char *s, int64_t *ms);
const char *cs_time_why(const char *s, size_t n); /* TEMPORARY */
#endif
