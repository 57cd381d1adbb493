/* svc_window: reporting windows on a zone's clock: the day, the ISO week
 * (Monday first), the month, or an interval of whole minutes (15m, 30m,
 * 1h) that holds an instant, as the instants [from, to). A day across a
 * daylight-saving change is 23 or 25 hours long; an interval starts at each
 * instant the local clock shows a multiple of its size from midnight, so
 * the intervals tile time: one across a change is longer or shorter (a 2h
 * interval from 00:00 lasts 3 hours when the clocks go back at 02:00), and
 * the hour shown twice holds two 1h intervals. */
#ifndef CS_SVC_WINDOW_H
#define CS_SVC_WINDOW_H
#include <stdint.h>
#include "kit_buf.h"
#include "svc_zone.h"

enum cs_window_kind { CS_WINDOW_DAY, CS_WINDOW_WEEK, CS_WINDOW_MONTH, CS_WINDOW_MINUTES };

typedef struct {
	enum cs_window_kind kind;
	int minutes;                 /* CS_WINDOW_MINUTES: 1 to 1440, dividing a day */
	const cs_zone *zone;         /* the caller's; NULL: UTC */
} cs_window_spec;

/* "day", "week", "month", or a duration of whole minutes that divides a
 * day ("15m", "30m", "1h"): 0, or -1 with err set. */
int cs_window_parse(const char *text, cs_window_spec *w, cs_buf *err);
/* The window holding instant t (milliseconds): *from and *to in ms. */
void cs_window_of(const cs_window_spec *w, int64_t t, int64_t *from, int64_t *to);
/* The window's local start as text for ids: "2026-03-02", "2026-W10",
 * "2026-03", "2026-03-02T09:30" (and its UTC offset, "2026-11-01T01:00-04:00",
 * in the hour a clock change repeats); out holds at least 24 bytes. */
void cs_window_label(const cs_window_spec *w, int64_t from, char *out);
#endif
