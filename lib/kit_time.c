/* cs_time: timestamp parsing and RFC 3339 formatting, without the locale.
 * UTC conversion is plain calendar arithmetic on the proleptic Gregorian
 * calendar; only naive times read in an IANA zone go through the C library
 * (localtime_r, after TZ is set once by cs_time_set_zone). */
#include "kit_time.h"
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#define TIME_DAY_S 86400
#define TIME_DAY_MS 86400000LL
/* Epoch numbers are read only for instants from 1990-01-01 up to (not
 * including) 2100-01-01: seconds, milliseconds and microseconds then have
 * digit counts that cannot be confused (9-10, 12-13, 15-16). */
#define TIME_PLAUSIBLE_FROM_S 631152000LL     /* 1990-01-01T00:00:00Z */
#define TIME_PLAUSIBLE_UNTIL_S 4102444800LL   /* 2100-01-01T00:00:00Z */
/* Years 0001-9999 in milliseconds since the epoch. */
#define TIME_MIN_MS (-62135596800000LL)      /* 0001-01-01T00:00:00Z */
#define TIME_MAX_MS 253402300799999LL        /* 9999-12-31T23:59:59.999Z */

/* Why a value was not read as a time, for cs_time_why(). */
enum time_why { WHY_NONE, WHY_FORMAT, WHY_YEAR, WHY_DIGITS, WHY_AMBIGUOUS, WHY_NO_SUCH, WHY_NIGHT };

static int time_is_digit(char c);

/* A date and time as written in the input, before its zone is resolved. */
typedef struct {
	int year, mon, day, hour, min, sec, ms;
	int has_ms;
	int has_off;   /* the input named its offset or zone */
	int off_min;   /* that offset, minutes east of UTC */
} time_fields;

/* Naive times are UTC until cs_time_set_zone() names another zone: a fixed
 * offset (time_zone_fixed, minutes east) or an IANA zone (through TZ). */
static int time_zone_utc = 1;
static int time_zone_fixed, time_zone_off_min;
/* --date-order for day/month/year dates, and --time-format patterns. */
static enum cs_date_order time_date_order = CS_DATE_ORDER_UNSET;
static const char *const *time_user_formats;
/* Times read without an offset, and the first of them, for the notice. */
static uint64_t time_naive_count;
static char time_naive_first[64];
/* Where time_naive_first was read (UNKNOWN_AT: not known; UINT64_MAX: none
 * is written yet), under its lock. */
#define UNKNOWN_AT (UINT64_MAX - 1)
static uint64_t time_naive_first_at = UINT64_MAX;
static pthread_mutex_t time_naive_lock = PTHREAD_MUTEX_INITIALIZER;
static _Thread_local uint64_t time_record_at;   /* cs_time_at_record() */

/* ---- calendar ---- */

static int time_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int time_month_days(int64_t y, int m)
{
	static const unsigned char days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && time_leap(y) ? 29 : days[m - 1];
}

/* Days since 1970-01-01. The year is counted from March so that the leap day
 * falls at the end; 400-year eras of 146097 days keep it exact for any year. */
static int64_t time_days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;                          /* 0..399 */
	int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1; /* 0..365 */
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;  /* 0..146096 */
	return era * 146097 + doe - 719468;
}

/* The inverse of time_days_from_civil(). */
static void time_civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

int64_t cs_days_from_civil(int64_t year, int month, int day) { return time_days_from_civil(year, month, day); }

void cs_civil_from_days(int64_t days, int64_t *year, int *month, int *day)
{
	time_civil_from_days(days, year, month, day);
}

/* ---- zone ---- */

static int time_ascii_ieq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
		char y = *b >= 'A' && *b <= 'Z' ? (char)(*b + 32) : *b;
		if (x != y)
			return 0;
	}
	return *a == *b;
}

/* IANA names use letters, digits, '/', '_', '-' and '+'. Refusing '.' also
 * refuses "..", so the name cannot leave the zoneinfo directory. */
static int time_zone_name_ok(const char *zone)
{
	if (!*zone || *zone == '/')
		return 0;
	for (const char *p = zone; *p; p++) {
		char c = *p;
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '/' || c == '_' || c == '-' || c == '+'))
			return 0;
	}
	return 1;
}

/* The zoneinfo directory also holds tables such as zone.tab; a zone file
 * starts with the TZif magic. The C library would read anything else as UTC
 * without a word, so check it here. */
static int time_is_tzif(const char *path)
{
	char magic[4];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	ssize_t n = read(fd, magic, sizeof magic);
	close(fd);
	return n == 4 && memcmp(magic, "TZif", 4) == 0;
}

/* "+08:00", "-0530", "+8", "UTC+08:00": minutes east of UTC, or -1. */
static int time_fixed_offset(const char *zone, int *off_min)
{
	const char *p = zone;
	if ((p[0] == 'U' || p[0] == 'u') && (p[1] == 'T' || p[1] == 't') && (p[2] == 'C' || p[2] == 'c'))
		p += 3;
	else if ((p[0] == 'G' || p[0] == 'g') && (p[1] == 'M' || p[1] == 'm') && (p[2] == 'T' || p[2] == 't'))
		p += 3;
	if (*p != '+' && *p != '-')
		return -1;
	int sign = *p++ == '-' ? -1 : 1, hh = 0, mm = 0, nd = 0;
	while (time_is_digit(*p) && nd < 2) {
		hh = hh * 10 + (*p++ - '0');
		nd++;
	}
	if (!nd)
		return -1;
	if (*p == ':')
		p++;
	if (*p) {
		if (!time_is_digit(p[0]) || !time_is_digit(p[1]) || p[2])
			return -1;
		mm = (p[0] - '0') * 10 + (p[1] - '0');
	}
	if (hh > 14 || mm > 59)
		return -1;
	*off_min = sign * (hh * 60 + mm);
	return 0;
}

int cs_time_set_zone(const char *zone)
{
	int off;
	if (!zone)
		return -1;
	if (time_ascii_ieq(zone, "UTC") || time_ascii_ieq(zone, "GMT") || time_ascii_ieq(zone, "Z")) {
		time_zone_utc = 1;
		time_zone_fixed = 0;
		return 0;
	}
	if (time_fixed_offset(zone, &off) == 0) {
		time_zone_utc = 0;
		time_zone_fixed = 1;
		time_zone_off_min = off;
		return 0;
	}
	if (cs_time_zone_hint(zone))
		return -1;   /* an abbreviation: ambiguous, or not what the C library would think */
	/* ':' and an absolute path make the C library load exactly the file checked. */
	char tz[4096];
	tz[0] = ':';
	if (cs_time_zone_file(zone, tz + 1, sizeof tz - 1) != 0 || !time_is_tzif(tz + 1) || setenv("TZ", tz, 1) != 0)
		return -1;
	tzset();
	time_zone_utc = 0;
	time_zone_fixed = 0;
	return 0;
}

int cs_time_zone_file(const char *zone, char *path, size_t size)
{
	if (!time_zone_name_ok(zone))
		return -1;
	const char *dir = getenv("TZDIR");
	if (!dir || !*dir)
		dir = "/usr/share/zoneinfo";
	size_t dl = strlen(dir), zl = strlen(zone);
	if (dl + zl + 2 > size)
		return -1;
	memcpy(path, dir, dl);
	path[dl] = '/';
	memcpy(path + dl + 1, zone, zl + 1);
	return 0;
}

const char *cs_time_zone_hint(const char *zone)
{
	static const struct {
		const char *abbr, *hint;
	} abbrs[] = {
		{"CST", "Asia/Shanghai (China), America/Chicago (US Central) or America/Havana"},
		{"CDT", "America/Chicago"}, {"EST", "America/New_York"}, {"EDT", "America/New_York"},
		{"MST", "America/Denver or America/Phoenix"}, {"MDT", "America/Denver"},
		{"PST", "America/Los_Angeles"}, {"PDT", "America/Los_Angeles"}, {"IST", "Asia/Kolkata or Europe/Dublin"},
		{"BST", "Europe/London"}, {"CET", "Europe/Paris or Europe/Berlin"}, {"CEST", "Europe/Paris or Europe/Berlin"},
		{"JST", "Asia/Tokyo"}, {"KST", "Asia/Seoul"}, {"HKT", "Asia/Hong_Kong"}, {"SGT", "Asia/Singapore"},
		{"AEST", "Australia/Sydney"}, {"AEDT", "Australia/Sydney"}, {"HST", "Pacific/Honolulu"},
		{"WET", "Europe/Lisbon"}, {"EET", "Europe/Athens or Europe/Helsinki"}, {"MSK", "Europe/Moscow"},
	};
	for (size_t i = 0; i < sizeof abbrs / sizeof abbrs[0]; i++)
		if (time_ascii_ieq(zone, abbrs[i].abbr))
			return abbrs[i].hint;
	return NULL;
}

void cs_time_set_date_order(enum cs_date_order order) { time_date_order = order; }
void cs_time_set_formats(const char *const *formats) { time_user_formats = formats; }

uint64_t cs_time_naive_count(const char **first)
{
	if (first)
		*first = __atomic_load_n(&time_naive_first_at, __ATOMIC_ACQUIRE) != UINT64_MAX ? time_naive_first : "";
	return __atomic_load_n(&time_naive_count, __ATOMIC_RELAXED);
}

/* Offset east of UTC in seconds at instant t, in the zone set by TZ. Worked
 * out from the broken-down local time so no tm_gmtoff extension is needed. */
static int time_local_offset(int64_t t, int64_t *off)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!localtime_r(&tt, &tm))
		return -1;
	int64_t local = time_days_from_civil((int64_t)tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) * TIME_DAY_S +
	                tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
	*off = local - t;
	return 0;
}

/* The instant of a naive local time (given as seconds on the local clock).
 * glibc's mktime(tm_isdst = -1) picks the side of a fall-back overlap by the
 * offset of its previous call, so the same input would map to different
 * instants depending on what came before. We decide ourselves, from the
 * offsets a day before and a day after:
 *   - overlap (01:30 on 2026-11-01 in New York happens twice): the first
 *     occurrence, i.e. the offset before the change (EDT, 05:30Z);
 *   - gap (02:30 on 2026-03-08 does not exist): read with the offset before
 *     the change (EST, 07:30Z, which is 03:30 EDT), as mktime does.
 * This assumes a zone changes offset at most once within a day of the time. */
static int time_local_to_utc(int64_t local, int64_t *utc)
{
	int64_t before, after, ob, oa;
	if (time_local_offset(local - TIME_DAY_S, &before) || time_local_offset(local + TIME_DAY_S, &after))
		return -1;
	if (time_local_offset(local - before, &ob))
		return -1;
	if (ob == before) {
		*utc = local - before;
		return 0;
	}
	if (time_local_offset(local - after, &oa))
		return -1;
	*utc = oa == after ? local - after : local - before;
	return 0;
}

/* ---- lexing ---- */

static int time_is_digit(char c) { return c >= '0' && c <= '9'; }
static int time_is_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
static int time_is_space(char c) { return c == ' ' || c == '\t'; }

/* Exactly n digits. */
static int time_num(const char **pp, const char *e, int n, int *v)
{
	const char *p = *pp;
	if (e - p < n)
		return -1;
	int x = 0;
	for (int i = 0; i < n; i++) {
		if (!time_is_digit(p[i]))
			return -1;
		x = x * 10 + (p[i] - '0');
	}
	*v = x;
	*pp = p + n;
	return 0;
}

int cs_date_valid(const char *s, size_t n)
{
	const char *p = s, *e = s + n;
	int y, m, d;
	if (n != 10 || time_num(&p, e, 4, &y) < 0 || *p++ != '-' || time_num(&p, e, 2, &m) < 0 || *p++ != '-' ||
	    time_num(&p, e, 2, &d) < 0)
		return 0;
	return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= time_month_days(y, m);
}

/* Between lo and hi digits; *count says how many were read. */
static int time_num_var(const char **pp, const char *e, int lo, int hi, int *v, int *count)
{
	const char *p = *pp;
	int x = 0, k = 0;
	while (p < e && k < hi && time_is_digit(*p)) {
		x = x * 10 + (*p++ - '0');
		k++;
	}
	if (k < lo || (p < e && time_is_digit(*p)))
		return -1;
	*v = x;
	*count = k;
	*pp = p;
	return 0;
}

/* One digit up to hi, as strptime(3) reads a number: a digit after them
 * belongs to the next field (%Y%m%d reads 20260301). */
static int time_num_upto(const char **pp, const char *e, int hi, int *v)
{
	int count;
	const char *stop = e - *pp > hi ? *pp + hi : e;
	return time_num_var(pp, stop, 1, hi, v, &count);
}

static int time_expect(const char **pp, const char *e, char c)
{
	if (*pp >= e || **pp != c)
		return -1;
	(*pp)++;
	return 0;
}

/* Spaces and tabs: at least min of them. */
static int time_skip_space(const char **pp, const char *e, int min)
{
	const char *p = *pp;
	while (p < e && time_is_space(*p))
		p++;
	if (p - *pp < min)
		return -1;
	*pp = p;
	return 0;
}

/* One or more digits of a fraction of a second: the first three become
 * milliseconds, *sub says whether any digit after them was not zero. */
static int time_frac(const char **pp, const char *e, int *ms, int *sub)
{
	const char *p = *pp;
	int x = 0, k = 0;
	*sub = 0;
	for (; p < e && time_is_digit(*p); p++, k++) {
		if (k < 3)
			x = x * 10 + (*p - '0');
		else if (*p != '0')
			*sub = 1;
	}
	if (k == 0)
		return -1;
	for (; k < 3; k++)
		x *= 10;
	*ms = x;
	*pp = p;
	return 0;
}

/* A run of letters, matched case-insensitively against the 3-letter names
 * packed in table; returns the index or -1. */
static int time_word3(const char **pp, const char *e, const char *table, int count)
{
	const char *p = *pp;
	if (e - p < 3 || (e - p > 3 && time_is_alpha(p[3])))
		return -1;
	char w[3];
	for (int i = 0; i < 3; i++) {
		if (!time_is_alpha(p[i]))
			return -1;
		w[i] = (char)(p[i] | 0x20);
	}
	for (int i = 0; i < count; i++)
		if (memcmp(w, table + 3 * i, 3) == 0) {
			*pp = p + 3;
			return i;
		}
	return -1;
}

static int time_fields_valid(const time_fields *f)
{
	return f->year >= 0 && f->year <= 9999 && f->mon >= 1 && f->mon <= 12 && f->day >= 1 && f->day <= time_month_days(f->year, f->mon) &&
	       f->hour <= 23 && f->min <= 59 && f->sec <= 59;
}

/* ---- ISO 8601 / RFC 3339 ---- */

/* HH sep MM [sep SS [.frac]]; sep 0 is the basic format (no separators). */
static int time_clock(const char **pp, const char *e, char sep, int frac_ok, time_fields *f)
{
	const char *p = *pp;
	if (time_num(&p, e, 2, &f->hour) || (sep && time_expect(&p, e, sep)) || time_num(&p, e, 2, &f->min))
		return -1;
	if (p < e && (sep ? *p == sep : time_is_digit(*p))) {
		p += sep != 0;
		if (time_num(&p, e, 2, &f->sec))
			return -1;
		if (frac_ok && p < e && *p == '.') {
			int sub;
			p++;
			if (time_frac(&p, e, &f->ms, &sub))
				return -1;
			f->has_ms = 1;
		}
	}
	*pp = p;
	return 0;
}

/* Z | ±HH[[:]MM] */
static int time_iso_offset(const char **pp, const char *e, time_fields *f)
{
	const char *p = *pp;
	int hh, mm = 0;
	f->has_off = 1;
	if (*p == 'Z' || *p == 'z') {
		f->off_min = 0;
		*pp = p + 1;
		return 0;
	}
	if (*p != '+' && *p != '-')
		return -1;
	int sign = *p++ == '-' ? -1 : 1;
	if (time_num(&p, e, 2, &hh))
		return -1;
	if (p < e) {
		if (*p == ':')
			p++;
		if (time_num(&p, e, 2, &mm))
			return -1;
	}
	if (hh > 23 || mm > 59)
		return -1;
	f->off_min = sign * (hh * 60 + mm);
	*pp = p;
	return 0;
}

static int time_iso(const char *p, const char *e, time_fields *f)
{
	char sep;
	if (time_num(&p, e, 4, &f->year))
		return -1;
	if (p < e && *p == '-') {
		sep = ':';
		if (time_expect(&p, e, '-') || time_num(&p, e, 2, &f->mon) || time_expect(&p, e, '-') ||
		    time_num(&p, e, 2, &f->day))
			return -1;
		if (p == e)
			return 0;  /* date only: midnight in the zone */
		if (*p != 'T' && *p != 't' && *p != ' ')
			return -1;
	} else {
		sep = 0;
		if (time_num(&p, e, 2, &f->mon) || time_num(&p, e, 2, &f->day))
			return -1;
		if (p == e || (*p != 'T' && *p != 't'))
			return -1;
	}
	p++;
	if (time_clock(&p, e, sep, 1, f))
		return -1;
	if (p < e && time_iso_offset(&p, e, f))
		return -1;
	return p == e ? 0 : -1;
}

/* ---- RFC 2822 ---- */

static int time_rfc2822_zone(const char **pp, const char *e, time_fields *f)
{
	static const struct { char name[4]; int off_h; } names[] = {
		{"ut", 0}, {"gmt", 0}, {"z", 0},
		{"est", -5}, {"edt", -4}, {"cst", -6}, {"cdt", -5},
		{"mst", -7}, {"mdt", -6}, {"pst", -8}, {"pdt", -7},
	};
	const char *p = *pp;
	if (p == e)
		return -1;
	f->has_off = 1;
	if (*p == '+' || *p == '-') {
		int sign = *p++ == '-' ? -1 : 1, hh, mm;
		if (time_num(&p, e, 2, &hh) || time_num(&p, e, 2, &mm) || hh > 23 || mm > 59)
			return -1;
		f->off_min = sign * (hh * 60 + mm);
		*pp = p;
		return 0;
	}
	char w[4];
	size_t k = 0;
	while (p < e && time_is_alpha(*p) && k < 3)
		w[k++] = (char)(*p++ | 0x20);
	w[k] = '\0';
	if (p < e && time_is_alpha(*p))
		return -1;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (k && strcmp(w, names[i].name) == 0) {
			f->off_min = names[i].off_h * 60;
			*pp = p;
			return 0;
		}
	return -1;
}

/* [Day ","] D Mon YY[YY] HH:MM[:SS] zone [(comment)] */
static int time_rfc2822(const char *p, const char *e, time_fields *f)
{
	static const char days[] = "montuewedthufrisatsun";
	static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	int ndig;
	if (p < e && time_is_alpha(*p)) {
		if (time_word3(&p, e, days, 7) < 0 || time_skip_space(&p, e, 0) || time_expect(&p, e, ',') ||
		    time_skip_space(&p, e, 0))
			return -1;
	}
	if (time_num_var(&p, e, 1, 2, &f->day, &ndig) || time_skip_space(&p, e, 1))
		return -1;
	if ((f->mon = time_word3(&p, e, months, 12) + 1) == 0 || time_skip_space(&p, e, 1))
		return -1;
	if (time_num_var(&p, e, 2, 4, &f->year, &ndig) || time_skip_space(&p, e, 1))
		return -1;
	if (ndig == 2)  /* RFC 2822 4.3 */
		f->year += f->year < 50 ? 2000 : 1900;
	else if (ndig == 3)
		f->year += 1900;
	if (time_clock(&p, e, ':', 0, f) || time_skip_space(&p, e, 1) || time_rfc2822_zone(&p, e, f))
		return -1;
	if (p < e) {
		if (time_skip_space(&p, e, 0) || time_expect(&p, e, '('))
			return -1;
		while (p < e && *p != '(' && *p != ')')
			p++;
		if (time_expect(&p, e, ')'))
			return -1;
	}
	return p == e ? 0 : -1;
}

static int time_fields_to_ms(const time_fields *f, int64_t *ms);
static int time_digits(const char *s, int k);
static int time_in_range(int64_t ms);

/* ---- the forms people and spreadsheets write ---- */

static int time_match(const char **pp, const char *e, const char *lit)
{
	size_t n = strlen(lit);
	if ((size_t)(e - *pp) < n || memcmp(*pp, lit, n) != 0)
		return 0;
	*pp += n;
	return 1;
}

static void time_spaces(const char **pp, const char *e)
{
	while (*pp < e && time_is_space(**pp))
		(*pp)++;
}

/* 晚上 (at night) before a 12-hour clock: 6 to 11 o'clock are the evening;
 * 12 to 5 could be either side of midnight (晚上12:30 is half past midnight,
 * but of which day?). */
#define NIGHT 2

/* [上午|下午|晚上]H:MM[:SS[.frac]] [AM|PM], the hour one or two digits. */
static enum time_why time_loose_clock(const char **pp, const char *e, time_fields *f)
{
	const char *p = *pp;
	int nd, pm = -1;
	if (time_match(&p, e, "上午"))
		pm = 0;
	else if (time_match(&p, e, "下午"))
		pm = 1;
	else if (time_match(&p, e, "晚上"))
		pm = NIGHT;
	if (time_num_var(&p, e, 1, 2, &f->hour, &nd) || time_expect(&p, e, ':') || time_num(&p, e, 2, &f->min))
		return WHY_FORMAT;
	if (p < e && *p == ':') {
		p++;
		if (time_num(&p, e, 2, &f->sec))
			return WHY_FORMAT;
		if (p < e && (*p == '.' || *p == ',')) {
			int sub;
			p++;
			if (time_frac(&p, e, &f->ms, &sub))
				return WHY_FORMAT;
			f->has_ms = 1;
		}
	}
	const char *q = p;
	time_spaces(&q, e);
	if (e - q >= 2 && (q[1] == 'M' || q[1] == 'm') && (q[0] == 'A' || q[0] == 'a' || q[0] == 'P' || q[0] == 'p') &&
	    (e - q == 2 || !time_is_alpha(q[2]))) {
		pm = q[0] == 'P' || q[0] == 'p';
		p = q + 2;
	}
	if (pm >= 0) {
		if (f->hour < 1 || f->hour > 12)
			return WHY_FORMAT;
		if (pm == NIGHT && (f->hour == 12 || f->hour < 6))
			return WHY_NIGHT;
		f->hour = f->hour % 12 + (pm ? 12 : 0);
	}
	*pp = p;
	return WHY_NONE;
}

/* " UTC", " GMT", "Z", "+08:00", " +0800" after a time, or nothing. */
static int time_loose_zone(const char **pp, const char *e, time_fields *f)
{
	const char *p = *pp;
	time_spaces(&p, e);
	if (p == e)
		return 0;
	if (time_match(&p, e, "UTC") || time_match(&p, e, "GMT") || time_match(&p, e, "Z")) {
		f->has_off = 1;
		f->off_min = 0;
		if (p < e && (*p == '+' || *p == '-') && time_iso_offset(&p, e, f))
			return -1;   /* "UTC+08:00" */
		*pp = p;
		return 0;
	}
	if ((*p == '+' || *p == '-') && time_iso_offset(&p, e, f) == 0) {
		*pp = p;
		return 0;
	}
	return -1;
}

/* The day and month of A sep B sep YYYY under the --date-order. */
static enum time_why time_day_month(int a, int b, time_fields *f)
{
	enum cs_date_order order = time_date_order;
	if (order == CS_DATE_ORDER_UNSET || order == CS_DATE_ORDER_YMD) {
		if (a > 12 && b <= 12)
			order = CS_DATE_ORDER_DMY;
		else if (b > 12 && a <= 12)
			order = CS_DATE_ORDER_MDY;
		else if (a == b)
			order = CS_DATE_ORDER_MDY;   /* 03/03: either reading is the same day */
		else
			return a > 12 ? WHY_FORMAT : WHY_AMBIGUOUS;
	}
	f->mon = order == CS_DATE_ORDER_MDY ? a : b;
	f->day = order == CS_DATE_ORDER_MDY ? b : a;
	return WHY_NONE;
}

/* The date of a loose form: YYYY-M-D, YYYY/M/D, YYYY.M.D, YYYY年M月D日,
 * or M/D/YYYY, D/M/YYYY, D.M.YYYY, D-M-YYYY (the order from --date-order,
 * or from a part over 12). */
static enum time_why time_loose_date(const char **pp, const char *e, time_fields *f)
{
	const char *p = *pp;
	int a, b, nd;
	if (time_num_var(&p, e, 1, 4, &a, &nd))
		return WHY_FORMAT;
	if (nd == 4) {
		f->year = a;
		if (time_match(&p, e, "年")) {
			if (time_num_var(&p, e, 1, 2, &f->mon, &nd) || !time_match(&p, e, "月") ||
			    time_num_var(&p, e, 1, 2, &f->day, &nd) || !(time_match(&p, e, "日") || time_match(&p, e, "号")))
				return WHY_FORMAT;
		} else {
			char sep = p < e ? *p : 0;
			if ((sep != '-' && sep != '/' && sep != '.') || time_expect(&p, e, sep) ||
			    time_num_var(&p, e, 1, 2, &f->mon, &nd) || time_expect(&p, e, sep) ||
			    time_num_var(&p, e, 1, 2, &f->day, &nd))
				return WHY_FORMAT;
		}
		*pp = p;
		return WHY_NONE;
	}
	char sep = p < e ? *p : 0;
	if (nd > 2 || (sep != '/' && sep != '.' && sep != '-') || time_expect(&p, e, sep) ||
	    time_num_var(&p, e, 1, 2, &b, &nd) || time_expect(&p, e, sep) || time_num(&p, e, 4, &f->year))
		return WHY_FORMAT;
	enum time_why why = time_day_month(a, b, f);
	if (why == WHY_NONE)
		*pp = p;
	return why;
}

static enum time_why time_loose(const char *p, const char *e, time_fields *f)
{
	enum time_why why = time_loose_date(&p, e, f);
	if (why != WHY_NONE)
		return why;
	if (p == e)
		return WHY_NONE;
	/* a clock must follow, then perhaps a zone: no trailing blanks, no zone on a date */
	if (*p == 'T')
		p++;
	else
		time_spaces(&p, e);
	if (p == e)
		return WHY_FORMAT;
	why = time_loose_clock(&p, e, f);
	if (why != WHY_NONE)
		return why;
	if (time_loose_zone(&p, e, f) || p != e)
		return WHY_FORMAT;
	return WHY_NONE;
}

/* ---- --time-format: strptime-like patterns ---- */

static int time_month_name(const char **pp, const char *e, int *mon)
{
	static const char *const names[] = {"january", "february", "march", "april", "may", "june", "july",
					    "august", "september", "october", "november", "december"};
	for (int i = 0; i < 12; i++) {
		size_t full = strlen(names[i]);
		if ((size_t)(e - *pp) >= full && strncasecmp(*pp, names[i], full) == 0) {
			*pp += full;
			*mon = i + 1;
			return 0;
		}
	}
	for (int i = 0; i < 12; i++)
		if (e - *pp >= 3 && strncasecmp(*pp, names[i], 3) == 0) {
			*pp += 3 + ((e - *pp > 3 && (*pp)[3] == '.') ? 1 : 0);
			*mon = i + 1;
			return 0;
		}
	return -1;
}

/* One directive of a pattern at s; -1 when the text does not match. */
static int time_directive(char d, const char **pp, const char *e, time_fields *f, int *pm)
{
	int v;
	switch (d) {
	case 'Y': return time_num(pp, e, 4, &f->year);
	case 'y':
		if (time_num(pp, e, 2, &v))
			return -1;
		f->year = v < 69 ? 2000 + v : 1900 + v;   /* as POSIX strptime */
		return 0;
	case 'm': return time_num_upto(pp, e, 2, &f->mon);
	case 'd': case 'e': time_spaces(pp, e); return time_num_upto(pp, e, 2, &f->day);
	case 'H': case 'k': return time_num_upto(pp, e, 2, &f->hour);
	case 'I': case 'l':
		if (time_num_upto(pp, e, 2, &f->hour) || f->hour < 1 || f->hour > 12)
			return -1;
		if (*pm < 0)
			*pm = 0;
		return 0;
	case 'M': return time_num_upto(pp, e, 2, &f->min);
	case 'S': return time_num_upto(pp, e, 2, &f->sec);
	case 'f': {
		int sub;
		f->has_ms = 1;
		return time_frac(pp, e, &f->ms, &sub);
	}
	case 'p':
		if (e - *pp < 2 || ((*pp)[1] | 0x20) != 'm')
			return -1;
		if (((*pp)[0] | 0x20) != 'a' && ((*pp)[0] | 0x20) != 'p')
			return -1;
		*pm = ((*pp)[0] | 0x20) == 'p' ? 2 : 1;
		*pp += 2;
		return 0;
	case 'b': case 'B': case 'h': return time_month_name(pp, e, &f->mon);
	case 'a': case 'A':
		while (*pp < e && time_is_alpha(**pp))
			(*pp)++;
		return 0;
	case 'z': return time_iso_offset(pp, e, f);
	case 'Z': return time_loose_zone(pp, e, f);
	case 's': {
		int64_t secs = 0;
		if (*pp >= e || !time_is_digit(**pp))
			return -1;
		for (; *pp < e && time_is_digit(**pp) && secs < INT64_MAX / 100; (*pp)++)
			secs = secs * 10 + (**pp - '0');
		int64_t days = secs / TIME_DAY_S;
		int64_t y;
		time_civil_from_days(days, &y, &f->mon, &f->day);
		if (y > 9999)
			return -1;
		f->year = (int)y;
		f->hour = (int)(secs % TIME_DAY_S / 3600);
		f->min = (int)(secs % 3600 / 60);
		f->sec = (int)(secs % 60);
		f->has_off = 1;
		f->off_min = 0;
		return 0;
	}
	case 'T':
		return time_directive('H', pp, e, f, pm) || time_expect(pp, e, ':') || time_directive('M', pp, e, f, pm) ||
		       time_expect(pp, e, ':') || time_directive('S', pp, e, f, pm);
	case 'F':
		return time_directive('Y', pp, e, f, pm) || time_expect(pp, e, '-') || time_directive('m', pp, e, f, pm) ||
		       time_expect(pp, e, '-') || time_directive('d', pp, e, f, pm);
	case '%': return time_expect(pp, e, '%');
	default: return -1;
	}
}

/* s[0..n) read by pattern fmt; 0 and fields, or -1. */
static int time_pattern(const char *fmt, const char *p, const char *e, time_fields *f)
{
	int pm = -1;
	f->day = f->mon = 1;   /* a pattern without %d or %m means the first */
	while (*fmt) {
		if (*fmt == '%' && fmt[1]) {
			if (time_directive(fmt[1], &p, e, f, &pm))
				return -1;
			fmt += 2;
		} else if (time_is_space(*fmt)) {
			time_spaces(&p, e);
			fmt++;
		} else {
			if (p >= e || *p != *fmt)
				return -1;
			p++;
			fmt++;
		}
	}
	if (p != e)
		return -1;
	if (pm > 0) {
		if (f->hour < 1 || f->hour > 12)
			return -1;
		f->hour = f->hour % 12 + (pm == 2 ? 12 : 0);
	}
	return 0;
}

int cs_time_parse_format(const char *fmt, const char *s, size_t n, cs_time *out)
{
	time_fields f = {0};
	int64_t ms;
	if (!s || time_pattern(fmt, s, s + n, &f) || f.year < 1 || time_fields_to_ms(&f, &ms) || !time_in_range(ms))
		return -1;
	out->ms = ms;
	out->has_ms = f.has_ms;
	out->naive = !f.has_off;
	return 0;
}

/* ---- digit-only times ---- */

/* s[0..n) is digits with at most one '.' inside. *int_digits counts the
 * digits before it; 0 if the text has another shape. */
static int time_digit_shape(const char *s, size_t n, size_t *int_digits, int *has_frac)
{
	size_t i = 0;
	while (i < n && time_is_digit(s[i]))
		i++;
	*int_digits = i;
	*has_frac = i < n && s[i] == '.';
	if (!i)
		return 0;
	if (*has_frac) {
		size_t f = ++i;
		while (i < n && time_is_digit(s[i]))
			i++;
		if (i == f)
			return 0;
	}
	return i == n;
}

/* YYYYMMDD or YYYYMMDDhhmmss, read like other times without a zone. */
static int time_compact(const char *s, size_t n, time_fields *f)
{
	f->year = time_digits(s, 4);
	f->mon = time_digits(s + 4, 2);
	f->day = time_digits(s + 6, 2);
	if (n == 14) {
		f->hour = time_digits(s + 8, 2);
		f->min = time_digits(s + 10, 2);
		f->sec = time_digits(s + 12, 2);
	}
	return time_fields_valid(f) ? 0 : -1;
}

/* Epoch seconds, milliseconds or microseconds, told apart by magnitude and
 * taken only in 1990-2100; a fraction is allowed on seconds and
 * milliseconds, and below the millisecond it is dropped. */
static int time_epoch(const char *s, size_t n, size_t int_digits, cs_time *out)
{
	int64_t v = 0, scale;
	int frac_ms = 0, sub;
	if (int_digits > 16)
		return -1;
	for (size_t i = 0; i < int_digits; i++)
		v = v * 10 + (s[i] - '0');
	if (v >= TIME_PLAUSIBLE_FROM_S && v < TIME_PLAUSIBLE_UNTIL_S)
		scale = 1000;
	else if (v >= TIME_PLAUSIBLE_FROM_S * 1000 && v < TIME_PLAUSIBLE_UNTIL_S * 1000)
		scale = 1;
	else if (v >= TIME_PLAUSIBLE_FROM_S * 1000000 && v < TIME_PLAUSIBLE_UNTIL_S * 1000000 && int_digits == n)
		scale = 0;   /* microseconds: no fraction */
	else
		return -1;
	if (int_digits < n) {
		const char *p = s + int_digits + 1;
		if (time_frac(&p, s + n, &frac_ms, &sub))
			return -1;
	}
	out->ms = scale == 1000 ? v * 1000 + frac_ms : scale == 1 ? v : v / 1000;
	out->has_ms = scale != 1000 || int_digits < n;
	return 0;
}

/* A value of digits only: a compact date, an epoch time, or nothing. */
static enum time_why time_digits_only(const char *s, size_t n, size_t int_digits, int has_frac, cs_time *out)
{
	time_fields f = {0};
	int64_t ms;
	if (!has_frac && (n == 8 || n == 14)) {
		if (time_compact(s, n, &f) == 0 && time_fields_to_ms(&f, &ms) == 0 && time_in_range(ms)) {
			out->ms = ms;
			out->has_ms = 0;
			out->naive = 1;
			return WHY_NONE;
		}
		return WHY_DIGITS;
	}
	return time_epoch(s, n, int_digits, out) == 0 ? WHY_NONE : WHY_DIGITS;
}

/* ---- API ---- */

/* Set while cs_time_parse_clock() reads: a naive time is its clock reading. */
static _Thread_local int time_as_clock;

static int time_fields_to_ms(const time_fields *f, int64_t *ms)
{
	if (!time_fields_valid(f))
		return -1;
	int64_t local = time_days_from_civil(f->year, f->mon, f->day) * TIME_DAY_S +
	                f->hour * 3600 + f->min * 60 + f->sec;
	int64_t utc;
	if (f->has_off)
		utc = local - (int64_t)f->off_min * 60;
	else if (time_zone_utc || time_as_clock)
		utc = local;
	else if (time_zone_fixed)
		utc = local - (int64_t)time_zone_off_min * 60;
	else if (time_local_to_utc(local, &utc))
		return -1;
	*ms = utc * 1000 + f->ms;
	return 0;
}

/* digits s[0..k) as a number, or -1 if one is not a digit */
static int time_digits(const char *s, int k)
{
	int v = 0;
	for (int i = 0; i < k; i++) {
		if (!time_is_digit(s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* The form cs writes, "YYYY-MM-DDTHH:MM:SS[.mmm]Z", read without the general
 * parser. Returns -1 (not an error) for anything else, and for days after
 * the 28th or second 60, which the general parser checks against the month. */
/* Records of one stream mostly share the minute of the one before: the
 * minute last read, per thread, so its date arithmetic is done once. */
static _Thread_local struct {
	char prefix[16];   /* "YYYY-MM-DDTHH:MM" */
	int64_t ms;        /* that minute, in ms since the epoch */
} time_last_minute;

static int time_canonical(const char *s, size_t n, cs_time *out)
{
	if ((n != 20 && n != 24) || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
	    s[16] != ':' || s[n - 1] != 'Z' || (n == 24 && s[19] != '.'))
		return -1;
	int sec = time_digits(s + 17, 2), ms = n == 24 ? time_digits(s + 20, 3) : 0;
	if (sec < 0 || sec > 59 || ms < 0)
		return -1;
	if (memcmp(s, time_last_minute.prefix, 16) != 0) {
		int y = time_digits(s, 4), mo = time_digits(s + 5, 2), d = time_digits(s + 8, 2);
		int h = time_digits(s + 11, 2), mi = time_digits(s + 14, 2);
		if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 28 || h < 0 || h > 23 || mi < 0 || mi > 59)
			return -1;
		memcpy(time_last_minute.prefix, s, 16);
		time_last_minute.ms = ((time_days_from_civil(y, mo, d) * 24 + h) * 60 + mi) * 60000LL;
	}
	out->ms = time_last_minute.ms + sec * 1000LL + ms;
	out->has_ms = n == 24;
	return 0;
}

static int time_in_range(int64_t ms) { return ms >= TIME_MIN_MS && ms <= TIME_MAX_MS; }

int cs_time_is_canonical(const char *s, size_t n)
{
	cs_time t;
	return time_canonical(s, n, &t) == 0 && time_in_range(t.ms);
}

/* The fields of a time in a form cs reads whose date or clock does not
 * exist, as the last time_parse() on this thread found them. */
static _Thread_local time_fields time_no_such;

static enum time_why time_parse(const char *s, size_t n, cs_time *out)
{
	size_t int_digits;
	int has_frac;
	if (!s || n == 0)
		return WHY_FORMAT;
	if (time_canonical(s, n, out) == 0)
		return time_in_range(out->ms) ? WHY_NONE : WHY_YEAR;
	const char *e = s + n;
	time_fields f = {0};
	for (const char *const *fmt = time_user_formats; fmt && *fmt; fmt++) {
		memset(&f, 0, sizeof f);
		if (time_pattern(*fmt, s, e, &f) == 0)
			goto fields;
	}
	if (time_digit_shape(s, n, &int_digits, &has_frac))
		return time_digits_only(s, n, int_digits, has_frac, out);
	memset(&f, 0, sizeof f);
	if (time_iso(s, e, &f) != 0) {
		memset(&f, 0, sizeof f);
		if (time_rfc2822(s, e, &f) != 0) {
			memset(&f, 0, sizeof f);
			enum time_why why = time_loose(s, e, &f);
			if (why != WHY_NONE)
				return why;
		}
	}
fields:;
	int64_t ms;
	if (f.year > 9999 || f.year < 1)
		return WHY_YEAR;
	if (!time_fields_valid(&f)) {
		time_no_such = f;
		return WHY_NO_SUCH;
	}
	if (time_fields_to_ms(&f, &ms))
		return WHY_FORMAT;
	if (!time_in_range(ms))
		return WHY_YEAR;
	out->ms = ms;
	out->has_ms = f.has_ms;
	out->naive = !f.has_off;
	return WHY_NONE;
}

void cs_time_at_record(uint64_t ordinal) { time_record_at = ordinal; }

/* Times are read on the reading thread too (document formats, a share of
 * CSV rows): the count is atomic, and the first text is the one read for the
 * earliest record, whichever thread read it. */
static void time_note_naive(const char *s, size_t n)
{
	__atomic_fetch_add(&time_naive_count, 1, __ATOMIC_RELAXED);
	uint64_t at = time_record_at ? time_record_at : UNKNOWN_AT;
	if (at >= __atomic_load_n(&time_naive_first_at, __ATOMIC_ACQUIRE))
		return;   /* an earlier one is noted: the common case, without the lock */
	pthread_mutex_lock(&time_naive_lock);
	if (at < time_naive_first_at) {
		size_t k = n < sizeof time_naive_first - 1 ? n : sizeof time_naive_first - 1;
		memcpy(time_naive_first, s, k);
		time_naive_first[k] = '\0';
		__atomic_store_n(&time_naive_first_at, at, __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(&time_naive_lock);
}

int cs_time_parse_uncounted(const char *s, size_t n, cs_time *out)
{
	cs_time t = {0};
	if (time_parse(s, n, &t) != WHY_NONE)
		return -1;
	*out = t;
	return 0;
}

int cs_time_parse_clock(const char *s, size_t n, cs_time *out)
{
	time_as_clock = 1;
	int rc = cs_time_parse_uncounted(s, n, out);
	time_as_clock = 0;
	return rc;
}

int cs_time_parse(const char *s, size_t n, cs_time *out)
{
	if (cs_time_parse_uncounted(s, n, out) != 0)
		return -1;
	if (out->naive)
		time_note_naive(s, n);
	return 0;
}

/* Which part of time_no_such does not exist, and why: "the date
 * 2026-02-29 does not exist: February 2026 has 28 days". */
static const char *time_no_such_why(void)
{
	static const char *const months[] = {"January", "February", "March", "April", "May", "June", "July",
					     "August", "September", "October", "November", "December"};
	static _Thread_local char why[128];
	const time_fields *f = &time_no_such;
	char date[16], clock[16];
	snprintf(date, sizeof date, "%04d-%02d-%02d", f->year, f->mon, f->day);
	snprintf(clock, sizeof clock, "%02d:%02d:%02d", f->hour, f->min, f->sec);
	if (f->mon < 1 || f->mon > 12)
		snprintf(why, sizeof why, "the date %s does not exist: months are 01 to 12", date);
	else if (f->day < 1 || f->day > time_month_days(f->year, f->mon))
		snprintf(why, sizeof why, "the date %s does not exist: %s %04d has %d days", date, months[f->mon - 1],
			 f->year, time_month_days(f->year, f->mon));
	else
		snprintf(why, sizeof why, "the time %s does not exist: %s", clock,
			 f->hour > 23 ? "hours are 00 to 23"
			 : f->min > 59 ? "minutes are 00 to 59"
				       : "seconds are 00 to 59, with no leap second");
	return why;
}

const char *cs_time_why(const char *s, size_t n)
{
	cs_time t;
	switch (time_parse(s, n, &t)) {
	case WHY_NO_SUCH: return time_no_such_why();
	case WHY_NONE: return "a time";
	case WHY_YEAR: return "year out of range 0001-9999";
	case WHY_DIGITS: return "digits are not YYYYMMDD, YYYYMMDDhhmmss or an epoch time in 1990-2100";
	case WHY_AMBIGUOUS: return "day and month could be either way round: name the order with --date-order mdy or dmy";
	case WHY_NIGHT: return "晚上 (at night) with 12 to 5 o'clock could be either side of midnight: write the time on the 24-hour clock";
	default: return "not a time format cs reads";
	}
}

int cs_time_add_ms(int64_t t, int64_t d, int64_t *out)
{
	int64_t r;
	if (__builtin_add_overflow(t, d, &r))
		return -1;
	*out = r;
	return 0;
}

int64_t cs_time_add_sat(int64_t t, int64_t d)
{
	int64_t r;
	if (!__builtin_add_overflow(t, d, &r))
		return r;
	return d > 0 ? INT64_MAX : INT64_MIN;
}

/* v in at least width digits; returns the end. */
static char *time_put(char *p, uint64_t v, int width)
{
	char tmp[20];
	int k = 0;
	do {
		tmp[k++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (k < width)
		tmp[k++] = '0';
	while (k)
		*p++ = tmp[--k];
	return p;
}

/* v (below 100) as two digits. */
static char *time_put2(char *p, unsigned v)
{
	p[0] = (char)('0' + v / 10);
	p[1] = (char)('0' + v % 10);
	return p + 2;
}

/* The longest output, for INT64_MIN, is "-292275055-05-16T16:47:04.192Z":
 * 30 bytes and the NUL. */
size_t cs_time_format(cs_time t, char *buf)
{
	int64_t days = t.ms / TIME_DAY_MS, rem = t.ms % TIME_DAY_MS;
	if (rem < 0) {
		rem += TIME_DAY_MS;
		days--;
	}
	int64_t y;
	int m, d;
	time_civil_from_days(days, &y, &m, &d);
	char *p = buf;
	if (y < 0)
		*p++ = '-';
	p = time_put(p, y < 0 ? (uint64_t)-y : (uint64_t)y, 4);
	*p++ = '-';
	p = time_put2(p, (unsigned)m);
	*p++ = '-';
	p = time_put2(p, (unsigned)d);
	*p++ = 'T';
	p = time_put2(p, (unsigned)(rem / 3600000));
	*p++ = ':';
	p = time_put2(p, (unsigned)(rem / 60000 % 60));
	*p++ = ':';
	p = time_put2(p, (unsigned)(rem / 1000 % 60));
	if (t.has_ms) {
		unsigned ms = (unsigned)(rem % 1000);
		*p++ = '.';
		*p++ = (char)('0' + ms / 100);
		p = time_put2(p, ms % 100);
	}
	*p++ = 'Z';
	*p = '\0';
	return (size_t)(p - buf);
}

static const struct { char unit[3]; int64_t ms; } time_units[] = {
	{"w", 7 * TIME_DAY_MS}, {"d", TIME_DAY_MS}, {"h", 3600000}, {"m", 60000}, {"s", 1000}, {"ms", 1},
};

/* One or more digits, not beyond INT64_MAX. */
static int time_duration_num(const char **pp, int64_t *v)
{
	const char *p = *pp;
	int64_t x = 0;
	if (!time_is_digit(*p))
		return -1;
	for (; time_is_digit(*p); p++) {
		if (x > (INT64_MAX - (*p - '0')) / 10)
			return -1;
		x = x * 10 + (*p - '0');
	}
	*v = x;
	*pp = p;
	return 0;
}

/* The index of the unit at *pp in time_units, or -1. */
static int time_duration_unit(const char **pp)
{
	const char *p = *pp;
	int u = -1;
	if (p[0] == 'm' && p[1] == 's')
		u = 5;
	else
		for (int i = 0; i < 5; i++)
			if (*p == time_units[i].unit[0])
				u = i;
	if (u >= 0)
		*pp = p + strlen(time_units[u].unit);
	return u;
}

/* A bare number of seconds, or NUMBER UNIT pairs with units w d h m s ms,
 * each at most once and from the largest down ("1h30m", not "30m1h"). */
int cs_duration_parse(const char *s, int64_t *ms)
{
	if (!s)
		return -1;
	const char *p = s;
	int64_t v, total = 0;
	if (time_duration_num(&p, &v))
		return -1;
	if (!*p) {
		if (v > INT64_MAX / 1000)
			return -1;
		*ms = v * 1000;
		return 0;
	}
	int next = 0;
	for (p = s; *p;) {
		if (time_duration_num(&p, &v))
			return -1;
		int u = time_duration_unit(&p);
		if (u < next)
			return -1;
		next = u + 1;
		if (v > INT64_MAX / time_units[u].ms || total > INT64_MAX - v * time_units[u].ms)
			return -1;
		total += v * time_units[u].ms;
	}
	*ms = total;
	return 0;
}

double cs_monotonic_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
