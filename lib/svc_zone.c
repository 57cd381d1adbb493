/* svc_zone: time zones from the system's zoneinfo (see svc_zone.h). */
#include "svc_zone.h"
#include "kit_conf.h"
#include "kit_mem.h"
#include "kit_time.h"
#include <stdlib.h>
#include <string.h>

#define ZONE_DAY 86400
/* RFC 8536 keeps offsets under 26 hours either way, so every instant at
 * which the clock shows L lies within two days of L. */
#define ZONE_MAX_OFFSET 93599
#define ZONE_WINDOW (2 * ZONE_DAY)
#define ZONE_MAX_TRANSITIONS 100000
#define ZONE_MAX_CHANGES 32
#define TZIF_HEADER 44

/* A date of a POSIX TZ rule: Jn (1-365, February 29 never counted), n
 * (0-365, counted) or Mm.w.d (week 5 is the last), with the local time of
 * the change. */
struct zone_date {
	char form;   /* 'J', 'D' or 'M' */
	int n, month, week, wday;
	int32_t time;
};

/* The rule in force after the table (the TZif footer). */
struct zone_rule {
	int32_t std, dst;   /* seconds east */
	int has_dst;
	struct zone_date start, end;
};

struct cs_zone {
	int64_t *at;     /* transitions, ascending */
	int32_t *off;    /* the offset from at[i] on */
	size_t n;
	int32_t first;   /* the offset before at[0] */
	int has_rule;
	struct zone_rule rule;
};

struct zone_change {
	int64_t at;
	int32_t off;
};

static int64_t zone_floor_div(int64_t a, int64_t b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

static int64_t zone_year_of(int64_t t)
{
	int64_t year;
	int month, day;
	cs_civil_from_days(zone_floor_div(t, ZONE_DAY), &year, &month, &day);
	return year;
}

/* ---- the POSIX TZ rule ---- */

static int rule_is_digit(char c) { return c >= '0' && c <= '9'; }

/* One to three digits, from lo to hi. */
static int rule_num(const char **pp, int lo, int hi, int *v)
{
	const char *p = *pp;
	int x = 0, digits = 0;
	while (rule_is_digit(*p) && digits < 3) {
		x = x * 10 + (*p++ - '0');
		digits++;
	}
	if (!digits || x < lo || x > hi)
		return -1;
	*v = x;
	*pp = p;
	return 0;
}

/* A zone abbreviation: three letters or more, or anything in <>. */
static int rule_name(const char **pp)
{
	const char *p = *pp;
	if (*p == '<') {
		p = strchr(p, '>');
		if (!p)
			return -1;
		*pp = p + 1;
		return 0;
	}
	while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))
		p++;
	if (p - *pp < 3)
		return -1;
	*pp = p;
	return 0;
}

/* Past c at *pp: 1, else 0. */
static int rule_skip(const char **pp, char c)
{
	if (**pp != c)
		return 0;
	(*pp)++;
	return 1;
}

/* [+-]h[h[h]][:mm[:ss]] as seconds. */
static int rule_hms(const char **pp, int max_hours, int32_t *out)
{
	const char *p = *pp;
	int sign = 1, h, m = 0, s = 0;
	if (*p == '+' || *p == '-')
		sign = *p++ == '-' ? -1 : 1;
	if (rule_num(&p, 0, max_hours, &h))
		return -1;
	if (rule_skip(&p, ':') && rule_num(&p, 0, 59, &m))
		return -1;
	if (rule_skip(&p, ':') && rule_num(&p, 0, 59, &s))
		return -1;
	*out = sign * (h * 3600 + m * 60 + s);
	*pp = p;
	return 0;
}

static int rule_date(const char **pp, struct zone_date *d)
{
	const char *p = *pp;
	d->form = *p == 'M' || *p == 'J' ? *p++ : 'D';
	if (d->form == 'M') {
		if (rule_num(&p, 1, 12, &d->month) || !rule_skip(&p, '.') || rule_num(&p, 1, 5, &d->week) ||
		    !rule_skip(&p, '.') || rule_num(&p, 0, 6, &d->wday))
			return -1;
	} else if (rule_num(&p, d->form == 'J', 365, &d->n))
		return -1;
	d->time = 2 * 3600;
	if (rule_skip(&p, '/') && rule_hms(&p, 167, &d->time))
		return -1;
	*pp = p;
	return 0;
}

/* "CST-8", "EST5EDT,M3.2.0,M11.1.0", "<+0330>-3:30": 0, or -1. A DST name
 * without dates is refused (zic always writes them). */
static int rule_parse(const char *s, struct zone_rule *r)
{
	const char *p = s;
	int32_t west;
	if (rule_name(&p) || rule_hms(&p, 24, &west))
		return -1;
	r->std = -west;
	if (!*p)
		return 0;
	if (rule_name(&p))
		return -1;
	r->has_dst = 1;
	r->dst = r->std + 3600;
	if (*p && *p != ',') {
		if (rule_hms(&p, 24, &west))
			return -1;
		r->dst = -west;
	}
	if (!rule_skip(&p, ',') || rule_date(&p, &r->start) || !rule_skip(&p, ',') || rule_date(&p, &r->end) || *p)
		return -1;
	return 0;
}

static int zone_leap(int64_t year) { return cs_days_from_civil(year, 3, 1) - cs_days_from_civil(year, 2, 28) == 2; }

/* The day (since 1970-01-01) of a rule's date in year. */
static int64_t rule_day(int64_t year, const struct zone_date *d)
{
	int64_t jan1 = cs_days_from_civil(year, 1, 1);
	if (d->form == 'J')
		return jan1 + d->n - 1 + (zone_leap(year) && d->n >= 60);
	if (d->form == 'D')
		return jan1 + d->n;
	int64_t first = cs_days_from_civil(year, d->month, 1);
	int64_t next = d->month == 12 ? cs_days_from_civil(year + 1, 1, 1) : cs_days_from_civil(year, d->month + 1, 1);
	int first_wday = (int)((first % 7 + 7 + 4) % 7);   /* 1970-01-01 was a Thursday */
	int64_t day = first + (d->wday - first_wday + 7) % 7 + 7 * (d->week - 1);
	while (day >= next)
		day -= 7;
	return day;
}

/* The rule's changes in the years from..to, in time order; the order of a
 * year's two changes is kept for a tie, so that a zone on DST all year (a
 * change to standard time and back at one instant) stays on DST. */
static size_t rule_changes(const struct zone_rule *r, int64_t from, int64_t to, struct zone_change *out, size_t max)
{
	size_t n = 0;
	for (int64_t y = from; y <= to && n + 2 <= max; y++) {
		out[n++] = (struct zone_change){rule_day(y, &r->start) * ZONE_DAY + r->start.time - r->std, r->dst};
		out[n++] = (struct zone_change){rule_day(y, &r->end) * ZONE_DAY + r->end.time - r->dst, r->std};
	}
	for (size_t i = 1; i < n; i++)
		for (size_t k = i; k > 0 && out[k].at < out[k - 1].at; k--) {
			struct zone_change swap = out[k];
			out[k] = out[k - 1];
			out[k - 1] = swap;
		}
	return n;
}

static int32_t rule_offset(const struct zone_rule *r, int64_t t)
{
	if (!r->has_dst)
		return r->std;
	struct zone_change c[6];
	int64_t year = zone_year_of(t);
	size_t n = rule_changes(r, year - 1, year + 1, c, 6);
	int32_t off = c[0].off == r->dst ? r->std : r->dst;
	for (size_t i = 0; i < n && c[i].at <= t; i++)
		off = c[i].off;
	return off;
}

/* ---- offsets and instants ---- */

/* The index of the first transition after t. */
static size_t zone_after(const cs_zone *z, int64_t t)
{
	size_t lo = 0, hi = z->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (z->at[mid] <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int zone_ruled(const cs_zone *z, int64_t t) { return z->has_rule && (z->n == 0 || t > z->at[z->n - 1]); }

int32_t cs_zone_offset(const cs_zone *z, int64_t t)
{
	if (zone_ruled(z, t))
		return rule_offset(&z->rule, t);
	size_t i = zone_after(z, t);
	return i == 0 ? z->first : z->off[i - 1];
}

/* The changes in (lo, hi], from the table and then from the rule. */
static size_t zone_changes(const cs_zone *z, int64_t lo, int64_t hi, struct zone_change *out)
{
	size_t n = 0;
	for (size_t i = zone_after(z, lo); i < z->n && z->at[i] <= hi && n < ZONE_MAX_CHANGES; i++)
		out[n++] = (struct zone_change){z->at[i], z->off[i]};
	if (!z->has_rule || !z->rule.has_dst || !zone_ruled(z, hi))
		return n;
	struct zone_change c[ZONE_MAX_CHANGES];
	size_t nc = rule_changes(&z->rule, zone_year_of(lo) - 1, zone_year_of(hi) + 1, c, ZONE_MAX_CHANGES);
	for (size_t i = 0; i < nc && n < ZONE_MAX_CHANGES; i++)
		if (c[i].at > lo && c[i].at <= hi && zone_ruled(z, c[i].at))
			out[n++] = c[i];
	return n;
}

/* The changes cut time into stretches of one offset each; the first
 * stretch whose clock shows local gives the instant, and a stretch whose
 * clock starts past local means local fell in the gap before it. */
int64_t cs_zone_instant(const cs_zone *z, int64_t local)
{
	struct zone_change c[ZONE_MAX_CHANGES];
	int64_t lo = local - ZONE_WINDOW;
	int32_t off = cs_zone_offset(z, lo);
	size_t n = zone_changes(z, lo, local + ZONE_WINDOW, c);
	for (size_t k = 0; k < n; k++) {
		if (local < c[k].at + off)
			return local - off;
		if (local < c[k].at + c[k].off)
			return c[k].at;
		off = c[k].off;
	}
	return local - off;
}

/* ---- reading TZif ---- */

struct tzif_header {
	int version;
	uint32_t isut, isstd, leap, time, type, chars;
};

static uint32_t tzif_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static int64_t tzif_be64(const unsigned char *p) { return (int64_t)((uint64_t)tzif_be32(p) << 32 | tzif_be32(p + 4)); }

static int tzif_header(const unsigned char *p, size_t len, struct tzif_header *h)
{
	if (len < TZIF_HEADER || memcmp(p, "TZif", 4) != 0)
		return -1;
	h->version = p[4];
	uint32_t *counts[6] = {&h->isut, &h->isstd, &h->leap, &h->time, &h->type, &h->chars};
	for (int i = 0; i < 6; i++)
		*counts[i] = tzif_be32(p + 20 + 4 * i);
	return 0;
}

/* The bytes of a data block whose times take tsize bytes; 0 when the
 * counts are beyond what a zone holds. */
static size_t tzif_block(const struct tzif_header *h, size_t tsize)
{
	if (h->time > ZONE_MAX_TRANSITIONS || h->type == 0 || h->type > 256 || h->chars > 65536 || h->leap > 65536 ||
	    h->isstd > h->type || h->isut > h->type)
		return 0;
	return h->time * tsize + h->time + h->type * 6 + h->chars + h->leap * (tsize + 4) + h->isstd + h->isut;
}

static int zone_offset_ok(int32_t off) { return off >= -ZONE_MAX_OFFSET && off <= ZONE_MAX_OFFSET; }

static int tzif_offset(const unsigned char *types, unsigned type, int32_t *off)
{
	*off = (int32_t)tzif_be32(types + 6 * type);
	return zone_offset_ok(*off) ? 0 : -1;
}

static int tzif_transitions(cs_zone *z, const unsigned char *block, const struct tzif_header *h, size_t tsize)
{
	const unsigned char *index = block + h->time * tsize, *types = index + h->time;
	if (tzif_offset(types, 0, &z->first))
		return -1;
	z->at = cs_malloc((h->time + 1) * sizeof *z->at);
	z->off = cs_malloc((h->time + 1) * sizeof *z->off);
	for (uint32_t i = 0; i < h->time; i++) {
		int64_t t = tsize == 8 ? tzif_be64(block + 8 * i) : (int32_t)tzif_be32(block + 4 * i);
		if (index[i] >= h->type || (i > 0 && t <= z->at[i - 1]) || tzif_offset(types, index[i], &z->off[i]))
			return -1;
		z->at[i] = t;
		z->n = i + 1;
	}
	return 0;
}

/* The footer: the rule between two newlines; an empty one says the last
 * transition's offset holds for ever. */
static int tzif_footer(cs_zone *z, const unsigned char *p, const unsigned char *end)
{
	if (p >= end || *p != '\n')
		return -1;
	const unsigned char *nl = memchr(p + 1, '\n', (size_t)(end - p - 1));
	if (!nl || nl - p > 256)
		return -1;
	if (nl == p + 1)
		return 0;
	char rule[256];
	memcpy(rule, p + 1, (size_t)(nl - p - 1));
	rule[nl - p - 1] = '\0';
	z->has_rule = 1;
	if (rule_parse(rule, &z->rule) || !zone_offset_ok(z->rule.std) || !zone_offset_ok(z->rule.dst))
		return -1;
	return 0;
}

static const char *tzif_read(cs_zone *z, const unsigned char *data, size_t len)
{
	struct tzif_header h;
	size_t size;
	if (tzif_header(data, len, &h))
		return "not a TZif zone file";
	if (!(size = tzif_block(&h, 4)) || size > len - TZIF_HEADER)
		return "a damaged zone file";
	const unsigned char *block = data + TZIF_HEADER, *end = data + len;
	size_t tsize = 4;
	if (h.version >= '2') {
		const unsigned char *second = block + size;
		if (tzif_header(second, (size_t)(end - second), &h) || !(size = tzif_block(&h, 8)) ||
		    size > (size_t)(end - second) - TZIF_HEADER)
			return "a damaged zone file";
		block = second + TZIF_HEADER;
		tsize = 8;
	}
	if (h.leap)
		return "a zone with leap seconds (right/...), which cs does not read";
	if (tzif_transitions(z, block, &h, tsize))
		return "a damaged zone file";
	if (tsize == 8 && tzif_footer(z, block + size, end))
		return "a zone file whose rule cs cannot read";
	return NULL;
}

cs_zone *cs_zone_parse(const unsigned char *data, size_t len, cs_buf *err)
{
	cs_zone *z = cs_calloc(1, sizeof *z);
	const char *why = tzif_read(z, data, len);
	if (!why)
		return z;
	cs_buf_reset(err);
	cs_buf_adds(err, why);
	cs_zone_free(z);
	return NULL;
}

cs_zone *cs_zone_load(const char *name, cs_buf *err)
{
	if (strcmp(name, "UTC") == 0)
		return cs_calloc(1, sizeof(cs_zone));
	char path[4096];
	cs_buf data = CS_BUF_INIT, why = CS_BUF_INIT;
	cs_zone *z = NULL;
	cs_buf_reset(err);
	if (cs_time_zone_file(name, path, sizeof path) != 0)
		cs_buf_printf(err, "\"%s\" is not the name of a time zone (such as \"Asia/Shanghai\")", name);
	else if (cs_conf_slurp(path, &data, &why) != 0)
		cs_buf_printf(err, "no time zone \"%s\" in the system's zoneinfo (%s)", name, why.p);
	else if (!(z = cs_zone_parse((const unsigned char *)data.p, data.len, &why)))
		cs_buf_printf(err, "time zone \"%s\": %s", name, why.p);
	cs_buf_free(&data);
	cs_buf_free(&why);
	return z;
}

void cs_zone_free(cs_zone *z)
{
	if (!z)
		return;
	free(z->at);
	free(z->off);
	free(z);
}
