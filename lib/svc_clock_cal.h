/* svc_clock_cal: the calendar as svc_clock.c computes with it and
 * svc_clock_load.c reads it into being; for those two files only. */
#ifndef CS_CLOCK_CAL_H
#define CS_CLOCK_CAL_H
#include <stddef.h>
#include <stdint.h>
#include "svc_clock.h"
#include "svc_zone.h"

#define CLOCK_DAY_MINUTES 1440

/* Local minutes after midnight: start < end <= 1440. */
struct clock_frame {
	int16_t start, end;
};

struct clock_hours {
	struct clock_frame *v;   /* in order, not overlapping; NULL when none were given */
	size_t n;
};

/* In this order on a tie, so a clash names the workday's line. */
enum clock_kind { CLOCK_HOLIDAY, CLOCK_PARTIAL, CLOCK_WORKDAY };

/* Dates first..last (days since 1970-01-01) that keep these hours instead
 * of their weekday's. */
struct clock_days {
	int64_t first, last;
	struct clock_hours hours;
	enum clock_kind kind;
	const char *at;   /* where the file gives it, while loading */
	int in_ics;       /* ... and which file: the .ics */
};

/* Business time [from, to), in UTC milliseconds. */
struct clock_span {
	int64_t from, to;
};

/* One ISO week (Monday to Sunday on the calendar's clock). */
struct clock_week {
	int64_t start, end;   /* the instants of its Monday 00:00 and the next one's */
	int64_t total;        /* business milliseconds */
	size_t n;
	struct clock_span v[];
};

struct cs_calendar {
	char *zone_name;
	cs_zone *zone;
	int always;                   /* calendar time */
	struct clock_hours week[7];   /* Monday first */
	struct clock_days *special;   /* by date, not overlapping */
	size_t nspecial, special_cap;
	struct clock_span *closed;    /* closures from the .ics, in order, not overlapping */
	size_t nclosed, closed_cap;
	void **chunks;                /* the kept weeks: chunks of pointers, filled on demand */
	size_t nchunks;
	int64_t kept_first;           /* the first kept week */
};

/* Set up the kept weeks of a calendar that has been read. */
void clock_cache_init(cs_calendar *cal);
#endif
