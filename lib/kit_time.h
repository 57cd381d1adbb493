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
	int naive;    /* the input named no offset or zone: read in the --tz zone */
} cs_time;

enum cs_date_order { CS_DATE_ORDER_UNSET, CS_DATE_ORDER_MDY, CS_DATE_ORDER_DMY, CS_DATE_ORDER_YMD };

/* Set the zone for timestamps without an offset (IANA name such as
 * "Asia/Shanghai", or "UTC"). Returns 0, or -1 if the zone is unknown (no
 * TZif file of that name under $TZDIR or /usr/share/zoneinfo); a failed call
 * keeps the previous zone. "UTC", "GMT" and "Z" (any case) need no zoneinfo;
 * any other zone sets TZ in the process environment. A local time skipped by
 * a DST change is read with the offset before it, one that occurs twice as
 * the first occurrence. */
int cs_time_set_zone(const char *zone);
/* The zoneinfo file of an IANA zone name, into path (size bytes): under
 * $TZDIR, else /usr/share/zoneinfo. 0, or -1 when the name is not one (a
 * character IANA names do not use, "..", a leading '/') or is too long. */
int cs_time_zone_file(const char *zone, char *path, size_t size);
/* Besides IANA names, cs_time_set_zone() takes a fixed offset: "+08:00",
 * "-0530", "+8", "UTC+8". It refuses abbreviations such as CST, which name
 * several zones; for those this gives the IANA names meant (else NULL). */
const char *cs_time_zone_hint(const char *zone);
/* How to read A/B/YYYY dates: month first (mdy), day first (dmy). Unset,
 * a part over 12 decides, and a date that could be read both ways is not
 * read (cs_time_why() says to name the order). */
void cs_time_set_date_order(enum cs_date_order order);
/* Patterns tried before the built-in forms (--time-format), NULL-terminated
 * and kept by the caller: strptime-like directives %Y %y %m %d %e %H %I %M
 * %S %f (a fraction) %p %b %B %a %z %Z %s %T %F %%; a space matches any run
 * of blanks; other characters match themselves (年 月 日 too). */
void cs_time_set_formats(const char *const *formats);
/* s[0..n) read by one such pattern: 0, or -1. */
int cs_time_parse_format(const char *fmt, const char *s, size_t n, cs_time *out);
/* 1 when s[0..n) is a time written as cs_time_format() writes it, in range
 * ("2026-03-01T09:00:00Z", "...:00.250Z"; days past the 28th aside): read and
 * written again it stays the same bytes. */
int cs_time_is_canonical(const char *s, size_t n);
/* How many times were read without an offset so far, and (in *first) the
 * text of the first: programs say once that they were read as UTC when no
 * --tz was given. */
uint64_t cs_time_naive_count(const char **first);
/* The place in the input (from 1) of the record this thread reads times for
 * now, so that "the first" is the first in input order when two threads
 * read times (cs_ahead sets it on both); 0, the default: not known, a time
 * taken only while none known is. */
void cs_time_at_record(uint64_t ordinal);

/* Parse s[0..n): ISO 8601 / RFC 3339 ("2026-03-01T09:00:00+08:00", "...Z",
 * "2026-03-01 09:00:00", "2026-03-01T09:00", "2026-03-01", the basic form
 * "20260301T090000Z", a fraction with any number of digits, truncated to
 * milliseconds) and RFC 2822 ("Sun, 01 Mar 2026 09:00:00 +0800", "GMT", "UT",
 * the US zones), and the forms people and spreadsheets write:
 * "2026/03/01 09:15", "2026-03-01 9:15", "2026.3.1", "2026-03-01 09:15:00 UTC",
 * "2026年3月1日 09:15", "2026年3月1日 下午3:15", "03/01/2026 09:15 AM" and
 * "01.03.2026 09:15" (day and month in the --date-order, see below); before
 * a 12-hour clock, 上午 is AM, 下午 PM and 晚上 (at night) PM from 6 to 11
 * o'clock, while 晚上12:30 to 5:59, either side of midnight, are not times.
 * Values of digits only are never guessed:
 *   - 8 digits are YYYYMMDD and 14 digits YYYYMMDDhhmmss (a valid date, read
 *     in the --tz zone like other times without an offset);
 *   - otherwise an epoch time, taken only for an instant from 1990-01-01 up
 *     to 2100-01-01 (UTC): seconds (9-10 digits, a fraction allowed),
 *     milliseconds (12-13 digits, a fraction allowed) or microseconds (15-16
 *     digits), told apart by magnitude;
 *   - anything else ("5", "0", "123456", a negative or 11-digit number,
 *     "20261399") is not a time.
 * Times outside the years 0001-9999 (after conversion to UTC) are rejected
 * in every form, and no arithmetic on an input can overflow. Strict: no
 * surrounding whitespace, no 24:00 and no leap second 60; fractions below the
 * millisecond are dropped toward the past. Returns 0 on success, -1 if it is
 * not a time we read (out untouched); cs_time_why() says why. */
int cs_time_parse(const char *s, size_t n, cs_time *out);

/* The same, for a time the caller reads in a zone of its own when it has
 * no offset (a calendar's): not counted by cs_time_naive_count(). */
int cs_time_parse_uncounted(const char *s, size_t n, cs_time *out);
/* The same, a time without an offset read as the clock reading it is (as
 * if UTC) whatever the --tz zone, for the caller to place in a zone. */
int cs_time_parse_clock(const char *s, size_t n, cs_time *out);

/* A short reason s[0..n) is not a time: "year out of range 0001-9999",
 * "digits are not YYYYMMDD, YYYYMMDDhhmmss or an epoch time in 1990-2100",
 * for a form cs reads with a date or clock that does not exist "the date
 * 2026-02-29 does not exist: February 2026 has 28 days", or "not a time
 * format cs reads". */
const char *cs_time_why(const char *s, size_t n);

/* 1 when s[0..n) is exactly YYYY-MM-DD and a day of the calendar (year
 * 0001-9999, the month's days, 29 February in leap years only). */
int cs_date_valid(const char *s, size_t n);

/* Days since 1970-01-01 of a date of the proleptic Gregorian calendar
 * (month 1-12), and the date of such a day; exact for any year. */
int64_t cs_days_from_civil(int64_t year, int month, int day);
void cs_civil_from_days(int64_t days, int64_t *year, int *month, int *day);

/* t + d in *out; -1 (out untouched) if it would overflow. */
int cs_time_add_ms(int64_t t, int64_t d, int64_t *out);
/* t + d, saturated at the int64 limits: for "last seen + gap" checks. */
int64_t cs_time_add_sat(int64_t t, int64_t d);

/* Format t as RFC 3339 UTC into buf (at least 32 bytes); returns the length.
 * Years outside 0000-9999 get a '-' sign or more digits; any int64 fits. */
size_t cs_time_format(cs_time t, char *buf);

/* Parse a duration such as "30m", "90s", "2h", "1d", "1w", "1h30m", "500ms" or
 * a bare number of seconds into milliseconds. Units appear at most once, largest
 * first. Returns 0, or -1 on a malformed or overflowing value. */
int cs_duration_parse(const char *s, int64_t *ms);

/* Seconds on the monotonic clock, for timeouts and latencies. */
double cs_monotonic_s(void);
#endif
