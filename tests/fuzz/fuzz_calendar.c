/* fuzz_calendar: the business clock's readers and arithmetic. The input is
 * a calendar file; or, after a first byte 0xFF, an .ics file that a fixed
 * calendar imports; or, after 0xFE, a TZif zone file. A calendar that loads
 * answers due and elapsed at the edges of its kept weeks and of the years it
 * knows, and each due must be undone by elapsed. A calendar file that names
 * an .ics (or escapes a key with \u, which could spell one) is not read:
 * its path could be any file on the machine. */
#include "svc_clock.h"
#include "svc_zone.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define HOUR 3600000LL

static const int64_t starts[] = {
	1772409600000,     /* 2026-03-02T00:00:00Z */
	1772443800000,     /* 2026-03-02T09:30:00Z */
	-2208988800001,    /* just before 1900: a week not kept */
	10413791999999,    /* 2299-12-31T23:59:59.999Z: the last kept week */
	253401955200000,   /* 9999-12-28: the end of the years */
	-62135596800000,   /* 0001-01-01 */
};
static const int64_t targets[] = {0, 1, 8 * HOUR, 80 * HOUR};

static int has(const uint8_t *data, size_t size, const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i + n <= size; i++)
		if (memcmp(data + i, s, n) == 0)
			return 1;
	return 0;
}

static void ask(const cs_calendar *cal)
{
	for (size_t i = 0; i < sizeof starts / sizeof *starts; i++)
		for (size_t k = 0; k < sizeof targets / sizeof *targets; k++) {
			int64_t due;
			if (cs_clock_due(cal, starts[i], targets[k], &due) == 0 &&
			    (due < starts[i] || cs_clock_elapsed(cal, starts[i], due) != targets[k]))
				abort();
		}
	cs_clock_elapsed(cal, starts[0], starts[0] + 30 * 24 * HOUR);
	cs_clock_elapsed(cal, starts[2] - 7 * 24 * HOUR, starts[2] + 7 * 24 * HOUR);
}

static void zone(const uint8_t *data, size_t size)
{
	cs_buf err = CS_BUF_INIT;
	cs_zone *z = cs_zone_parse(data, size, &err);
	if (z) {
		for (size_t i = 0; i < sizeof starts / sizeof *starts; i++)
			if (cs_zone_instant(z, starts[i] / 1000) > starts[i] / 1000 + 93600)
				abort();
		cs_zone_offset(z, 4102444800);   /* 2100: the rule after the table */
		cs_zone_free(z);
	}
	cs_buf_free(&err);
}

static char path[64];

static void remove_ics(void) { unlink(path); }

/* The .ics goes to a file of its own that a fixed calendar names. */
static void ics(const uint8_t *data, size_t size, cs_buf *err)
{
	static char json[256];
	if (!path[0]) {
		snprintf(path, sizeof path, "/tmp/fuzz_calendar.%ld.ics", (long)getpid());
		atexit(remove_ics);
		snprintf(json, sizeof json,
			 "{\"timezone\":\"Asia/Shanghai\",\"hours\":{\"mon\":[[\"09:00\",\"12:00\"],[\"13:00\",\"18:00\"]],"
			 "\"sat\":[[\"00:00\",\"24:00\"]]},\"workdays\":[\"2026-10-10\"],\"ics\":\"%s\"}",
			 path);
	}
	FILE *f = fopen(path, "wb");
	if (!f)
		return;
	fwrite(data, 1, size, f);
	fclose(f);
	cs_calendar *cal = cs_calendar_parse("fuzz.json", json, strlen(json), err);
	if (cal)
		ask(cal);
	cs_calendar_free(cal);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cs_buf err = CS_BUF_INIT;
	if (size && data[0] == 0xFF)
		ics(data + 1, size - 1, &err);
	else if (size && data[0] == 0xFE)
		zone(data + 1, size - 1);
	else if (!has(data, size, "ics") && !has(data, size, "\\u")) {
		cs_calendar *cal = cs_calendar_parse("fuzz.json", (const char *)data, size, &err);
		if (cal)
			ask(cal);
		cs_calendar_free(cal);
	}
	cs_buf_free(&err);
	return 0;
}
