/* svc_clock: business time over a calendar's weeks (see svc_clock.h). */
#include "svc_clock.h"
#include "svc_clock_cal.h"
#include "kit_mem.h"
#include "kit_time.h"
#include <stdlib.h>
#include <string.h>

#define CLOCK_DAY_MS 86400000LL
#define CLOCK_MIN_MS (-62135596800000LL)   /* 0001-01-01T00:00:00Z */
#define CLOCK_MAX_MS 253402300799999LL     /* 9999-12-31T23:59:59.999Z */
/* Weeks are kept from 1900 to 2299, CLOCK_CHUNK pointers a chunk. */
#define CLOCK_KEPT_FROM 1900
#define CLOCK_KEPT_UNTIL 2300
#define CLOCK_CHUNK 256

static int64_t clock_floor_div(int64_t a, int64_t b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

/* ISO weeks start on Monday; 1970-01-01 was a Thursday, so week 0 starts
 * on 1969-12-29 (day -3). */
static int64_t clock_week_of_day(int64_t day) { return clock_floor_div(day + 3, 7); }

static int64_t clock_clamp(int64_t ms) { return ms < CLOCK_MIN_MS ? CLOCK_MIN_MS : ms > CLOCK_MAX_MS ? CLOCK_MAX_MS : ms; }

void clock_cache_init(cs_calendar *cal)
{
	cal->kept_first = clock_week_of_day(cs_days_from_civil(CLOCK_KEPT_FROM, 1, 1));
	int64_t weeks = clock_week_of_day(cs_days_from_civil(CLOCK_KEPT_UNTIL, 1, 1)) - cal->kept_first;
	cal->nchunks = (size_t)(weeks + CLOCK_CHUNK - 1) / CLOCK_CHUNK;
	cal->chunks = cs_calloc(cal->nchunks, sizeof *cal->chunks);
}

const cs_zone *cs_calendar_zone(const cs_calendar *cal) { return cal ? cal->zone : NULL; }

void cs_calendar_free(cs_calendar *cal)
{
	if (!cal)
		return;
	for (size_t i = 0; cal->chunks && i < cal->nchunks; i++) {
		void **chunk = cal->chunks[i];
		for (size_t k = 0; chunk && k < CLOCK_CHUNK; k++)
			free(chunk[k]);
		free(chunk);
	}
	free(cal->chunks);
	for (int d = 0; d < 7; d++)
		free(cal->week[d].v);
	for (size_t i = 0; i < cal->nspecial; i++)
		free(cal->special[i].hours.v);
	free(cal->special);
	free(cal->closed);
	cs_zone_free(cal->zone);
	free(cal->zone_name);
	free(cal);
}

/* ---- building a week ---- */

static const struct clock_hours *clock_hours_of(const cs_calendar *cal, int64_t day)
{
	size_t lo = 0, hi = cal->nspecial;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cal->special[mid].last < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < cal->nspecial && cal->special[lo].first <= day)
		return &cal->special[lo].hours;
	return &cal->week[((day + 3) % 7 + 7) % 7];
}

/* The instant at which the calendar's clock shows minute of day. */
static int64_t clock_instant(const cs_calendar *cal, int64_t day, int minute)
{
	return cs_zone_instant(cal->zone, day * 86400 + minute * 60) * 1000;
}

/* The first closure that ends after t. */
static size_t clock_closed_after(const cs_calendar *cal, int64_t t)
{
	size_t lo = 0, hi = cal->nclosed;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cal->closed[mid].to <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void clock_span_add(struct clock_week *wk, int64_t from, int64_t to)
{
	if (to <= from)
		return;   /* a frame inside a DST gap */
	if (wk->n && from <= wk->v[wk->n - 1].to) {
		if (to > wk->v[wk->n - 1].to)
			wk->v[wk->n - 1].to = to;
		return;
	}
	wk->v[wk->n++] = (struct clock_span){from, to};
}

/* The week's spans less the closures, which may split a span in two. */
static void clock_cut(const cs_calendar *cal, struct clock_week *wk)
{
	struct clock_span *in = cs_malloc((wk->n + 1) * sizeof *in);
	size_t n = wk->n, c0 = clock_closed_after(cal, wk->start);
	memcpy(in, wk->v, n * sizeof *in);
	wk->n = 0;
	for (size_t i = 0; i < n; i++) {
		int64_t at = in[i].from;
		for (size_t c = c0; c < cal->nclosed && cal->closed[c].from < in[i].to; c++) {
			clock_span_add(wk, at, cal->closed[c].from);
			if (cal->closed[c].to > at)
				at = cal->closed[c].to;
		}
		clock_span_add(wk, at, in[i].to);
	}
	free(in);
}

/* Week w as UTC spans; into (reallocated) when given. */
static struct clock_week *clock_week_build(const cs_calendar *cal, int64_t w, struct clock_week *into)
{
	int64_t monday = 7 * w - 3;
	const struct clock_hours *hours[7];
	size_t max = 0;
	for (int d = 0; d < 7; d++) {
		hours[d] = clock_hours_of(cal, monday + d);
		max += hours[d]->n;
	}
	int64_t start = clock_instant(cal, monday, 0), end = clock_instant(cal, monday + 7, 0);
	for (size_t c = clock_closed_after(cal, start); c < cal->nclosed && cal->closed[c].from < end; c++)
		max++;
	struct clock_week *wk = cs_realloc(into, sizeof *wk + (max + 1) * sizeof wk->v[0]);
	*wk = (struct clock_week){.start = start, .end = end};
	for (int d = 0; d < 7; d++)
		for (size_t f = 0; f < hours[d]->n; f++)
			clock_span_add(wk, clock_instant(cal, monday + d, hours[d]->v[f].start),
				       clock_instant(cal, monday + d, hours[d]->v[f].end));
	if (cal->nclosed)
		clock_cut(cal, wk);
	for (size_t i = 0; i < wk->n; i++)
		wk->total += wk->v[i].to - wk->v[i].from;
	return wk;
}

/* ---- the kept weeks ---- */

/* made into an empty slot, else what another thread put there first. */
static void *clock_publish(void **slot, void *made)
{
	void *seen = NULL;
	if (__atomic_compare_exchange_n(slot, &seen, made, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
		return made;
	free(made);
	return seen;
}

/* Week w: kept, or built into *scratch (which the next call may reuse). */
static const struct clock_week *clock_week(const cs_calendar *cal, int64_t w, struct clock_week **scratch)
{
	int64_t i = w - cal->kept_first;
	if (i < 0 || i >= (int64_t)cal->nchunks * CLOCK_CHUNK)
		return *scratch = clock_week_build(cal, w, *scratch);
	void **slot = &cal->chunks[i / CLOCK_CHUNK];
	void **chunk = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
	if (!chunk)
		chunk = clock_publish(slot, cs_calloc(CLOCK_CHUNK, sizeof *chunk));
	slot = &chunk[i % CLOCK_CHUNK];
	struct clock_week *wk = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
	if (!wk)
		wk = clock_publish(slot, clock_week_build(cal, w, NULL));
	return wk;
}

/* The week holding instant ms. A guess from the UTC date is at most a week
 * off, since no zone is a day away from UTC. */
static const struct clock_week *clock_week_at(const cs_calendar *cal, int64_t ms, int64_t *w,
					      struct clock_week **scratch)
{
	*w = clock_week_of_day(clock_floor_div(ms, CLOCK_DAY_MS));
	const struct clock_week *wk = clock_week(cal, *w, scratch);
	if (ms < wk->start)
		wk = clock_week(cal, --*w, scratch);
	else if (ms >= wk->end)
		wk = clock_week(cal, ++*w, scratch);
	return wk;
}

/* ---- the two questions ---- */

static int64_t clock_within(const struct clock_week *wk, int64_t from, int64_t to)
{
	int64_t sum = 0;
	for (size_t i = 0; i < wk->n && wk->v[i].from < to; i++) {
		int64_t lo = wk->v[i].from > from ? wk->v[i].from : from;
		int64_t hi = wk->v[i].to < to ? wk->v[i].to : to;
		if (hi > lo)
			sum += hi - lo;
	}
	return sum;
}

int64_t cs_clock_elapsed(const cs_calendar *cal, int64_t from_ms, int64_t to_ms)
{
	int64_t from = clock_clamp(from_ms), to = clock_clamp(to_ms);
	if (to <= from)
		return 0;
	if (!cal || cal->always)
		return to - from;
	struct clock_week *scratch = NULL;
	int64_t w;
	const struct clock_week *wk = clock_week_at(cal, from, &w, &scratch);
	int64_t sum = clock_within(wk, from, to);
	while (to > wk->end) {
		wk = clock_week(cal, ++w, &scratch);
		sum += to >= wk->end ? wk->total : clock_within(wk, wk->start, to);
	}
	free(scratch);
	return sum;
}

/* Spend *left of business time in wk from instant from: 1 with the
 * instant it runs out in *due, else 0 with *left what remains. */
static int clock_spend(const struct clock_week *wk, int64_t from, int64_t *left, int64_t *due)
{
	for (size_t i = 0; i < wk->n; i++) {
		if (wk->v[i].to <= from)
			continue;
		int64_t start = wk->v[i].from > from ? wk->v[i].from : from;
		if (wk->v[i].to - start >= *left) {
			*due = start + *left;
			return 1;
		}
		*left -= wk->v[i].to - start;
	}
	return 0;
}

int cs_clock_due(const cs_calendar *cal, int64_t from_ms, int64_t target_ms, int64_t *due_ms)
{
	int64_t from = clock_clamp(from_ms), due = from, left = target_ms;
	if (target_ms < 0)
		return -1;
	if (!cal || cal->always || target_ms == 0) {
		if (target_ms > CLOCK_MAX_MS - from)
			return -1;
		*due_ms = from + target_ms;
		return 0;
	}
	struct clock_week *scratch = NULL;
	int64_t w, last = clock_week_of_day(CLOCK_MAX_MS / CLOCK_DAY_MS) + 1;
	const struct clock_week *wk = clock_week_at(cal, from, &w, &scratch);
	int found = clock_spend(wk, from, &left, &due);
	while (!found && ++w <= last) {
		wk = clock_week(cal, w, &scratch);
		if (wk->total < left)
			left -= wk->total;
		else
			found = clock_spend(wk, wk->start, &left, &due);
	}
	free(scratch);
	if (!found || due > CLOCK_MAX_MS)
		return -1;
	*due_ms = due;
	return 0;
}

/* ---- durations ---- */

/* cs_duration_parse() also reads bare seconds, weeks and milliseconds;
 * a business target takes d, h, m and s only, each after its number. */
int cs_clock_duration(const char *s, int64_t *ms)
{
	if (!s || !*s || !strchr("dhms", s[strlen(s) - 1]))
		return -1;
	for (const char *p = s; *p; p++) {
		int digit = *p >= '0' && *p <= '9', unit = strchr("dhms", *p) != NULL;
		if (!(digit || unit) || (p[0] == 'm' && p[1] == 's'))
			return -1;
	}
	return cs_duration_parse(s, ms);
}
