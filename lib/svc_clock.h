/* svc_clock: the business clock. A calendar (cs-calendar(5): a time zone,
 * weekly hours in frames, holidays whole or partial, make-up workdays,
 * closures imported from iCalendar) answers two questions: how much business
 * time lies between two instants, and when a target of business time is
 * reached. Both take constant time per week spanned: the business time of
 * each week is worked out once, as UTC intervals and their total, and kept.
 *
 * Instants are milliseconds since 1970-01-01T00:00:00Z, clamped to the years
 * 0001-9999. A NULL calendar, a "24x7" one and one open 00:00-24:00 every day
 * without holidays count calendar time.
 *
 * Threads: a loaded calendar may be shared read-only by any number of
 * threads. The weeks it keeps (those from 1900 to 2299; others are worked out
 * on each call) are filled in as they are first asked for and published with
 * atomic compare-and-swap, so no lock is taken; cs_calendar_free() only when
 * no thread uses the calendar any more. Memory: a few hundred bytes per week
 * asked for. */
#ifndef CS_CLOCK_H
#define CS_CLOCK_H
#include <stdint.h>
#include "kit_buf.h"
#include "svc_zone.h"

typedef struct cs_calendar cs_calendar;

/* A calendar file, or NULL with err set to "FILE:LINE: reason" (or
 * "FILE: reason" when it cannot be read). */
cs_calendar *cs_calendar_load(const char *path, cs_buf *err);
/* The same from memory; name is the file's name for messages and the
 * directory an "ics" path is relative to. */
cs_calendar *cs_calendar_parse(const char *name, const char *text, size_t len, cs_buf *err);
/* A calendar written inside another file (a policy file's "calendars"):
 * text starts on first_line of name, and what ("calendar \"biz\"") opens
 * every message after FILE:LINE. */
cs_calendar *cs_calendar_parse_in(const char *name, unsigned long long first_line, const char *what,
				  const char *text, size_t len, cs_buf *err);
void cs_calendar_free(cs_calendar *cal);
/* The calendar's zone (NULL for a NULL calendar), for reading and printing
 * times in it with cs_zone_offset() and cs_zone_instant(). */
const cs_zone *cs_calendar_zone(const cs_calendar *cal);

/* Business milliseconds in [from_ms, to_ms); 0 when to_ms <= from_ms. */
int64_t cs_clock_elapsed(const cs_calendar *cal, int64_t from_ms, int64_t to_ms);
/* The first instant due >= from_ms with cs_clock_elapsed(from_ms, due) ==
 * target_ms: a target that ends exactly at the end of a frame is due at that
 * instant, not at the next opening, and a zero target is due at from_ms.
 * 0, or -1 (due untouched) for a negative target or one not reached by the
 * end of year 9999. */
int cs_clock_due(const cs_calendar *cal, int64_t from_ms, int64_t target_ms, int64_t *due_ms);

/* A duration of business time: numbers each followed by a unit d, h, m or
 * s, at most once each and largest first ("90m", "4h", "1h30m", "2d",
 * "45s"). A d is 24 hours of business time, not a working day: "2d" on a
 * calendar of 8 hours a day runs six working days. 0, or -1 for anything
 * else (empty, a sign, a bare number, an overflow). */
int cs_clock_duration(const char *s, int64_t *ms);
#endif
