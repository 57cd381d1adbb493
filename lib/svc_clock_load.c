/* svc_clock_load: reading a calendar file (cs-calendar(5)) and the
 * iCalendar file it may import holidays from. */
#include "svc_clock.h"
#include "svc_clock_cal.h"
#include "kit_conf.h"
#include "kit_mem.h"
#include "kit_time.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct loader {
	cs_conf c;
	cs_calendar *cal;
	const char *ics_file, *ics_text;   /* for messages on what the .ics gave */
	size_t ics_len;
	cs_buf line;                       /* an .ics line, unfolded */
	cs_zone *tzid_zone;                /* the last zone an .ics TZID named */
	char *tzid_name;
};

static const char *const day_keys[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun", NULL};

static int digits_of(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* A real date of the years 0001-9999 as a day number, or -1 in *ok. */
static int64_t day_of(int y, int m, int d, int *ok)
{
	int64_t day = cs_days_from_civil(y, m, d), year;
	int month, mday;
	cs_civil_from_days(day, &year, &month, &mday);
	*ok = y >= 1 && m >= 1 && m <= 12 && d >= 1 && year == y && month == m && mday == d;
	return day;
}

static void date_text(int64_t day, char out[16])
{
	int64_t y;
	int m, d;
	cs_civil_from_days(day, &y, &m, &d);
	snprintf(out, 16, "%04d-%02d-%02d", (int)y, m, d);
}

/* ---- hours ---- */

/* "HH:MM" as minutes after midnight; "24:00" ends a day. */
static int minutes_of(struct loader *L, cs_jval v)
{
	const char *s = v.t == CS_J_STRING ? cs_jtext(v, &L->c.scratch) : "";
	int h = strlen(s) == 5 && s[2] == ':' ? digits_of(s, 2) : -1, m = h >= 0 ? digits_of(s + 3, 2) : -1;
	if (h < 0 || m < 0 || h > 24 || m > 59 || (h == 24 && m > 0))
		cs_conf_bad(&L->c, v.p, "a time of day is \"HH:MM\", from \"00:00\" to \"24:00\"");
	return h * 60 + m;
}

static struct clock_frame frame_of(struct loader *L, cs_jval v)
{
	cs_conf_elements e = cs_conf_elements_of(&L->c, v, "a frame");
	if (e.n != 2)
		cs_conf_bad(&L->c, v.p, "a frame is [\"HH:MM\", \"HH:MM\"]: when it opens and when it closes");
	struct clock_frame f = {(int16_t)minutes_of(L, e.v[0]), (int16_t)minutes_of(L, e.v[1])};
	if (f.start >= f.end)
		cs_conf_bad(&L->c, v.p, "a frame must open before it closes (\"24:00\" closes at midnight)");
	return f;
}

/* The frames of a day, into h (which the calendar owns, so that an error
 * leaves nothing behind). */
static void frames_of(struct loader *L, cs_jval v, struct clock_hours *h, const char *what)
{
	cs_conf_elements e = cs_conf_elements_of(&L->c, v, what);
	h->v = cs_calloc(e.n + 1, sizeof *h->v);
	for (size_t i = 0; i < e.n; i++) {
		h->v[i] = frame_of(L, e.v[i]);
		h->n = i + 1;
		if (i > 0 && h->v[i].start < h->v[i - 1].end)
			cs_conf_bad(&L->c, e.v[i].p, "the frames of %s must be in order and must not overlap", what);
	}
}

static void week_of(struct loader *L, cs_jval v)
{
	cs_conf_members ms = cs_conf_members_of(&L->c, v, day_keys, "\"hours\"");
	size_t frames = 0;
	for (size_t i = 0; i < ms.n; i++)
		for (int d = 0; d < 7; d++)
			if (cs_conf_key_is(&ms.m[i], day_keys[d])) {
				char what[16];
				snprintf(what, sizeof what, "\"%s\"", day_keys[d]);
				frames_of(L, cs_conf_val(&ms.m[i]), &L->cal->week[d], what);
				frames += L->cal->week[d].n;
			}
	if (!frames)
		cs_conf_bad(&L->c, v.p, "\"hours\" opens on no day");
}

static void all_day(struct loader *L)
{
	for (int d = 0; d < 7; d++) {
		L->cal->week[d].v = cs_malloc(sizeof *L->cal->week[d].v);
		L->cal->week[d].v[0] = (struct clock_frame){0, CLOCK_DAY_MINUTES};
		L->cal->week[d].n = 1;
	}
}

/* ---- holidays and workdays ---- */

static struct clock_days *special_add(cs_calendar *cal, enum clock_kind kind, const char *at)
{
	if (cal->nspecial == cal->special_cap) {
		cal->special_cap = cal->special_cap ? 2 * cal->special_cap : 16;
		cal->special = cs_realloc(cal->special, cal->special_cap * sizeof *cal->special);
	}
	struct clock_days *d = &cal->special[cal->nspecial++];
	*d = (struct clock_days){.kind = kind, .at = at};
	return d;
}

static int64_t date_of(struct loader *L, cs_jval v)
{
	const char *s = v.t == CS_J_STRING ? cs_jtext(v, &L->c.scratch) : "";
	int ok = strlen(s) == 10 && s[4] == '-' && s[7] == '-';
	int64_t day = ok ? day_of(digits_of(s, 4), digits_of(s + 5, 2), digits_of(s + 8, 2), &ok) : 0;
	if (!ok)
		cs_conf_bad(&L->c, v.p, "a date is \"YYYY-MM-DD\", a real one of the years 0001-9999");
	return day;
}

static void range_of(struct loader *L, cs_jval v, struct clock_days *d)
{
	cs_conf_elements e = cs_conf_elements_of(&L->c, v, "a range");
	if (e.n != 2)
		cs_conf_bad(&L->c, v.p, "a range is [\"YYYY-MM-DD\", \"YYYY-MM-DD\"]: its first and last dates");
	d->first = date_of(L, e.v[0]);
	d->last = date_of(L, e.v[1]);
	if (d->last < d->first)
		cs_conf_bad(&L->c, v.p, "a range must not end before it starts");
}

/* {"date": ..., "hours": [...]}: hours are needed on a holiday (the ones
 * that stay open) and optional on a workday (Monday's otherwise). */
static void dated_of(struct loader *L, cs_jval v, struct clock_days *d)
{
	static const char *const keys[] = {"date", "hours", NULL};
	cs_conf_members ms = cs_conf_members_of(&L->c, v, keys, "a dated entry");
	cs_jval date = {0};
	for (size_t i = 0; i < ms.n; i++) {
		if (cs_conf_key_is(&ms.m[i], "date"))
			date = cs_conf_val(&ms.m[i]);
		else if (cs_conf_key_is(&ms.m[i], "hours"))
			frames_of(L, cs_conf_val(&ms.m[i]), &d->hours, "\"hours\"");
	}
	if (!date.p)
		cs_conf_bad(&L->c, v.p, "a dated entry needs a \"date\"");
	d->first = d->last = date_of(L, date);
	if (d->kind == CLOCK_PARTIAL && !d->hours.v)
		cs_conf_bad(&L->c, v.p, "a partial holiday needs \"hours\": the hours that stay open");
	if (d->kind == CLOCK_WORKDAY && d->hours.v && !d->hours.n)
		cs_conf_bad(&L->c, v.p, "a workday's \"hours\" must not be empty");
}

static void monday_hours(struct loader *L, cs_jval v, struct clock_days *d)
{
	const struct clock_hours *monday = &L->cal->week[0];
	if (!monday->n)
		cs_conf_bad(&L->c, v.p, "a workday takes Monday's hours, and Monday has none: give it \"hours\"");
	d->hours.v = cs_malloc(monday->n * sizeof *monday->v);
	memcpy(d->hours.v, monday->v, monday->n * sizeof *monday->v);
	d->hours.n = monday->n;
}

static void dates_of(struct loader *L, cs_jval v, int workdays)
{
	const char *what = workdays ? "\"workdays\"" : "\"holidays\"";
	cs_conf_elements e = cs_conf_elements_of(&L->c, v, what);
	for (size_t i = 0; i < e.n; i++) {
		cs_jval x = e.v[i];
		enum clock_kind kind = workdays ? CLOCK_WORKDAY : x.t == CS_J_OBJECT ? CLOCK_PARTIAL : CLOCK_HOLIDAY;
		struct clock_days *d = special_add(L->cal, kind, x.p);
		if (x.t == CS_J_STRING)
			d->first = d->last = date_of(L, x);
		else if (x.t == CS_J_ARRAY)
			range_of(L, x, d);
		else if (x.t == CS_J_OBJECT)
			dated_of(L, x, d);
		else
			cs_conf_bad(&L->c, x.p, "an entry of %s is a date, a [first, last] range or {\"date\", \"hours\"}", what);
		if (workdays && !d->hours.v)
			monday_hours(L, x, d);
	}
}

/* ---- iCalendar ---- */

/* Report on the .ics file from here on (at points into its text). */
static void ics_messages(struct loader *L)
{
	L->c.file = L->ics_file;
	L->c.text = L->ics_text;
	L->c.len = L->ics_len;
}

/* One content line, unfolded (a line break followed by a space or a tab
 * continues the line), into L->line; returns where the next one starts. */
static const char *ics_unfold(struct loader *L, const char *p, const char *end)
{
	cs_buf_reset(&L->line);
	for (;;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *stop = nl ? nl : end;
		cs_buf_add(&L->line, p, (size_t)(stop - p - (stop > p && stop[-1] == '\r')));
		p = nl ? nl + 1 : end;
		if (p == end || (*p != ' ' && *p != '\t'))
			return p;
		p++;
	}
}

/* The value of parameter TZID in params (";"-separated, NUL-ended), quotes
 * taken off, or NULL. */
static char *ics_tzid(char *params)
{
	for (char *p = params; p && *p;) {
		char *next = p;
		int quoted = 0;
		while (*next && (quoted || *next != ';'))
			quoted ^= *next++ == '"';
		char *after = *next ? next + 1 : NULL;
		*next = '\0';
		if (strncasecmp(p, "TZID=", 5) == 0) {
			p += 5;
			size_t n = strlen(p);
			if (n >= 2 && p[0] == '"' && p[n - 1] == '"') {
				p[n - 1] = '\0';
				p++;
			}
			return p;
		}
		p = after;
	}
	return NULL;
}

static const cs_zone *ics_zone(struct loader *L, char *params, const char *at)
{
	char *name = params ? ics_tzid(params) : NULL;
	if (!name || strcmp(name, L->cal->zone_name) == 0)
		return L->cal->zone;
	if (L->tzid_name && strcmp(name, L->tzid_name) == 0)
		return L->tzid_zone;
	cs_zone_free(L->tzid_zone);
	free(L->tzid_name);
	L->tzid_name = cs_strdup(name);
	cs_buf why = CS_BUF_INIT;
	L->tzid_zone = cs_zone_load(name, &why);
	if (!L->tzid_zone) {
		char msg[300];
		snprintf(msg, sizeof msg, "%s", why.p);
		cs_buf_free(&why);
		cs_conf_bad(&L->c, at, "TZID: %s", msg);
	}
	cs_buf_free(&why);
	return L->tzid_zone;
}

struct ics_time {
	int is_date;
	int64_t day;   /* a date */
	int64_t ms;    /* a date-time, as an instant */
};

/* YYYYMMDD, or YYYYMMDDTHHMMSS with Z (UTC), a TZID or neither (the
 * calendar's zone). */
static struct ics_time ics_time_of(struct loader *L, const char *value, char *params, const char *at)
{
	struct ics_time t = {0};
	size_t n = strlen(value);
	int ok = n == 8 || ((n == 15 || (n == 16 && value[15] == 'Z')) && value[8] == 'T');
	t.day = ok ? day_of(digits_of(value, 4), digits_of(value + 4, 2), digits_of(value + 6, 2), &ok) : 0;
	int timed = ok && n > 8, h = timed ? digits_of(value + 9, 2) : 0, m = timed ? digits_of(value + 11, 2) : 0;
	int s = timed ? digits_of(value + 13, 2) : 0;
	if (!ok || h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59)
		cs_conf_bad(&L->c, at, "a date is YYYYMMDD and a date-time YYYYMMDDTHHMMSS, with Z for UTC");
	t.is_date = n == 8;
	int64_t local = t.day * 86400 + h * 3600 + m * 60 + s;
	if (!t.is_date)
		t.ms = 1000 * (n == 16 ? local : cs_zone_instant(ics_zone(L, params, at), local));
	return t;
}

struct ics_event {
	const char *at;
	int open, nested, cancelled, repeats, duration, has_start, has_end;
	struct ics_time start, end;
};

static void closed_add(cs_calendar *cal, int64_t from, int64_t to)
{
	if (cal->nclosed == cal->closed_cap) {
		cal->closed_cap = cal->closed_cap ? 2 * cal->closed_cap : 16;
		cal->closed = cs_realloc(cal->closed, cal->closed_cap * sizeof *cal->closed);
	}
	cal->closed[cal->nclosed++] = (struct clock_span){from, to};
}

/* An all-day event closes its dates (DTEND is the day after the last);
 * one with times closes that stretch of time. */
static void ics_event_done(struct loader *L, const struct ics_event *ev)
{
	if (ev->cancelled)
		return;
	if (!ev->has_start)
		cs_conf_bad(&L->c, ev->at, "an event without DTSTART");
	if (ev->repeats)
		cs_conf_bad(&L->c, ev->at, "a repeating event (RRULE, RDATE): cs reads events of their own dates only");
	if (ev->duration)
		cs_conf_bad(&L->c, ev->at, "an event with DURATION: cs reads DTEND only");
	if (ev->has_end && ev->end.is_date != ev->start.is_date)
		cs_conf_bad(&L->c, ev->at, "DTSTART and DTEND must both be dates or both date-times");
	if (ev->start.is_date) {
		struct clock_days *d = special_add(L->cal, CLOCK_HOLIDAY, ev->at);
		d->in_ics = 1;
		d->first = ev->start.day;
		d->last = ev->has_end ? ev->end.day - 1 : ev->start.day;
		if (d->last < d->first)
			cs_conf_bad(&L->c, ev->at, "DTEND must come after DTSTART");
	} else if (ev->has_end) {
		if (ev->end.ms < ev->start.ms)
			cs_conf_bad(&L->c, ev->at, "DTEND must not come before DTSTART");
		if (ev->end.ms > ev->start.ms)
			closed_add(L->cal, ev->start.ms, ev->end.ms);
	}
}

/* BEGIN and END of components: a VEVENT's own properties count, not
 * those of what it holds (an alarm). */
static void ics_component(struct loader *L, struct ics_event *ev, int begin, const char *value, const char *at)
{
	if (ev->open && ev->nested) {
		ev->nested += begin ? 1 : -1;
		return;
	}
	int event = strcasecmp(value, "VEVENT") == 0;
	if (begin && ev->open)
		ev->nested = 1;
	else if (begin && event)
		*ev = (struct ics_event){.at = at, .open = 1};
	else if (!begin && event) {
		if (!ev->open)
			cs_conf_bad(&L->c, at, "END:VEVENT without BEGIN:VEVENT");
		ics_event_done(L, ev);
		ev->open = 0;
	}
}

static void ics_property(struct loader *L, struct ics_event *ev, const char *at)
{
	char *name = L->line.p, *colon = name;
	for (int quoted = 0; *colon && (quoted || *colon != ':'); colon++)
		quoted ^= *colon == '"';
	if (!*colon)
		return;   /* not NAME:VALUE; nothing cs reads */
	*colon = '\0';
	char *value = colon + 1, *params = strchr(name, ';');
	if (params)
		*params++ = '\0';
	if (strcasecmp(name, "BEGIN") == 0 || strcasecmp(name, "END") == 0)
		ics_component(L, ev, strcasecmp(name, "BEGIN") == 0, value, at);
	else if (!ev->open || ev->nested)
		return;
	else if (strcasecmp(name, "DTSTART") == 0) {
		ev->start = ics_time_of(L, value, params, at);
		ev->has_start = 1;
	} else if (strcasecmp(name, "DTEND") == 0) {
		ev->end = ics_time_of(L, value, params, at);
		ev->has_end = 1;
	} else if (strcasecmp(name, "DURATION") == 0)
		ev->duration = 1;
	else if (strcasecmp(name, "RRULE") == 0 || strcasecmp(name, "RDATE") == 0)
		ev->repeats = 1;
	else if (strcasecmp(name, "STATUS") == 0)
		ev->cancelled = strcasecmp(value, "CANCELLED") == 0;
}

static void ics_read(struct loader *L)
{
	const char *p = L->ics_text, *end = p + L->ics_len, *at;
	ics_messages(L);
	if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	at = p;
	p = ics_unfold(L, p, end);
	if (strcasecmp(L->line.p, "BEGIN:VCALENDAR") != 0)
		cs_conf_bad(&L->c, at, "not an iCalendar file: it must begin with BEGIN:VCALENDAR");
	struct ics_event ev = {0};
	while (p < end) {
		at = p;
		p = ics_unfold(L, p, end);
		ics_property(L, &ev, at);
	}
	if (ev.open)
		cs_conf_bad(&L->c, ev.at, "an event without END:VEVENT");
}

/* A path relative to the calendar file's directory. */
static char *path_beside(const char *file, const char *path)
{
	const char *slash = strrchr(file, '/');
	if (path[0] == '/' || !slash)
		return cs_strdup(path);
	size_t dir = (size_t)(slash - file) + 1, n = strlen(path);
	char *out = cs_malloc(dir + n + 1);
	memcpy(out, file, dir);
	memcpy(out + dir, path, n + 1);
	return out;
}

static void ics_of(struct loader *L, cs_jval v)
{
	char *path = cs_conf_temp(&L->c, path_beside(L->c.file, cs_conf_temp(&L->c, cs_conf_text(&L->c, v, "ics"))));
	cs_buf text = CS_BUF_INIT, why = CS_BUF_INIT;
	if (cs_conf_slurp(path, &text, &why) != 0) {
		char msg[600];
		snprintf(msg, sizeof msg, "%s", why.p);
		cs_buf_free(&text);
		cs_buf_free(&why);
		cs_conf_bad(&L->c, v.p, "\"ics\": %s", msg);
	}
	cs_buf_free(&why);
	L->ics_text = cs_conf_temp(&L->c, text.p ? text.p : cs_strdup(""));
	L->ics_len = text.len;
	L->ics_file = path;
	const char *file = L->c.file, *json = L->c.text;
	size_t len = L->c.len;
	ics_read(L);
	L->c.file = file;
	L->c.text = json;
	L->c.len = len;
}

/* ---- the whole ---- */

static int days_order(const void *a, const void *b)
{
	const struct clock_days *x = a, *y = b;
	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	return (int)x->kind - (int)y->kind;
}

static void clash(struct loader *L, const struct clock_days *d, const struct clock_days *before)
{
	char date[16];
	date_text(d->first, date);
	const char *why = "is given twice as a holiday";
	if (d->kind == CLOCK_WORKDAY && before->kind == CLOCK_WORKDAY)
		why = "is given twice in \"workdays\"";
	else if (d->kind == CLOCK_WORKDAY || before->kind == CLOCK_WORKDAY)
		why = "is both a holiday and a workday";
	if (d->in_ics)
		ics_messages(L);
	cs_conf_bad(&L->c, d->at, "%s %s", date, why);
}

/* Sort the dates; whole holidays may overlap (they merge), anything else
 * given twice for a date is an error. A moved entry leaves a zeroed slot,
 * so that the calendar frees each one once whatever happens. */
static void settle_dates(struct loader *L)
{
	cs_calendar *cal = L->cal;
	if (cal->nspecial)
		qsort(cal->special, cal->nspecial, sizeof *cal->special, days_order);
	size_t n = 0;
	for (size_t i = 0; i < cal->nspecial; i++) {
		struct clock_days d = cal->special[i], *before = n ? &cal->special[n - 1] : NULL;
		if (before && d.first <= before->last) {
			if (d.kind != CLOCK_HOLIDAY || before->kind != CLOCK_HOLIDAY)
				clash(L, &d, before);
			if (d.last > before->last)
				before->last = d.last;
			continue;
		}
		cal->special[i] = (struct clock_days){0};
		cal->special[n++] = d;
	}
	cal->nspecial = n;
	for (size_t i = 0; i < n; i++)
		cal->special[i].at = NULL;
}

static int spans_order(const void *a, const void *b)
{
	const struct clock_span *x = a, *y = b;
	return x->from < y->from ? -1 : x->from > y->from;
}

static void settle_closed(cs_calendar *cal)
{
	if (cal->nclosed)
		qsort(cal->closed, cal->nclosed, sizeof *cal->closed, spans_order);
	size_t n = 0;
	for (size_t i = 0; i < cal->nclosed; i++) {
		if (n && cal->closed[i].from <= cal->closed[n - 1].to) {
			if (cal->closed[i].to > cal->closed[n - 1].to)
				cal->closed[n - 1].to = cal->closed[i].to;
			continue;
		}
		cal->closed[n++] = cal->closed[i];
	}
	cal->nclosed = n;
}

static int open_all_week(const cs_calendar *cal)
{
	for (int d = 0; d < 7; d++)
		if (cal->week[d].n != 1 || cal->week[d].v[0].start != 0 || cal->week[d].v[0].end != CLOCK_DAY_MINUTES)
			return 0;
	return !cal->nspecial && !cal->nclosed;
}

static void zone_of(struct loader *L, cs_jval v, int always, cs_jval top)
{
	if (!v.p && !always)
		cs_conf_bad(&L->c, top.p, "the calendar has no \"timezone\" (an IANA name such as \"Asia/Shanghai\")");
	L->cal->zone_name = v.p ? cs_conf_text(&L->c, v, "timezone") : cs_strdup("UTC");
	cs_buf why = CS_BUF_INIT;
	L->cal->zone = cs_zone_load(L->cal->zone_name, &why);
	if (!L->cal->zone) {
		char msg[600];
		snprintf(msg, sizeof msg, "%s", why.p);
		cs_buf_free(&why);
		cs_conf_bad(&L->c, v.p, "\"timezone\": %s", msg);
	}
	cs_buf_free(&why);
}

enum { KEY_TIMEZONE, KEY_24X7, KEY_HOURS, KEY_HOLIDAYS, KEY_WORKDAYS, KEY_ICS, KEY_N };

/* The keys are read in a fixed order whatever their order in the file:
 * workdays need Monday's hours, the .ics the zone. */
static void load_top(struct loader *L, cs_jval top)
{
	static const char *const keys[] = {"timezone", "24x7", "hours", "holidays", "workdays", "ics", NULL};
	cs_conf_members ms = cs_conf_members_of(&L->c, top, keys, "the calendar");
	cs_jval v[KEY_N] = {{0}};
	for (size_t i = 0; i < ms.n; i++)
		for (int k = 0; k < KEY_N; k++)
			if (cs_conf_key_is(&ms.m[i], keys[k]))
				v[k] = cs_conf_val(&ms.m[i]);
	int always = v[KEY_24X7].p && cs_conf_bool(&L->c, v[KEY_24X7], "24x7");
	zone_of(L, v[KEY_TIMEZONE], always, top);
	if (always && v[KEY_HOURS].p)
		cs_conf_bad(&L->c, v[KEY_HOURS].p, "\"hours\" and \"24x7\": true cannot both be given");
	if (!always && !v[KEY_HOURS].p)
		cs_conf_bad(&L->c, top.p, "the calendar has no \"hours\" (nor \"24x7\": true)");
	if (always)
		all_day(L);
	else
		week_of(L, v[KEY_HOURS]);
	if (v[KEY_HOLIDAYS].p)
		dates_of(L, v[KEY_HOLIDAYS], 0);
	if (v[KEY_WORKDAYS].p)
		dates_of(L, v[KEY_WORKDAYS], 1);
	if (v[KEY_ICS].p)
		ics_of(L, v[KEY_ICS]);
	settle_dates(L);
	settle_closed(L->cal);
	L->cal->always = open_all_week(L->cal);
}

static void loader_free(struct loader *L)
{
	cs_conf_free(&L->c);
	cs_buf_free(&L->line);
	cs_zone_free(L->tzid_zone);
	free(L->tzid_name);
}

cs_calendar *cs_calendar_parse_in(const char *name, unsigned long long first_line, const char *what,
				  const char *text, size_t len, cs_buf *err)
{
	struct loader L = {.c = {.file = name, .text = text, .len = len, .err = err, .what = what,
				 .first_line = first_line}};
	L.cal = cs_calloc(1, sizeof *L.cal);
	if (setjmp(L.c.fail)) {
		loader_free(&L);
		cs_calendar_free(L.cal);
		return NULL;
	}
	load_top(&L, cs_conf_top(&L.c));
	loader_free(&L);
	clock_cache_init(L.cal);
	return L.cal;
}

cs_calendar *cs_calendar_parse(const char *name, const char *text, size_t len, cs_buf *err)
{
	return cs_calendar_parse_in(name, 1, NULL, text, len, err);
}

cs_calendar *cs_calendar_load(const char *path, cs_buf *err)
{
	cs_buf text = CS_BUF_INIT;
	cs_calendar *cal = NULL;
	if (cs_conf_slurp(path, &text, err) == 0)
		cal = cs_calendar_parse(path, text.p ? text.p : "", text.len, err);
	cs_buf_free(&text);
	return cal;
}
