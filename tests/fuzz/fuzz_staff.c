/* fuzz_staff: cs-roi staff measured from records. The first line is a
 * --target value, the second a --by value (each parsed strictly: a value
 * taken must be in range); the lines after are records, each a JSON
 * object, fed to two runs (JSON with --actual, and text with --aht 3m and
 * 30-minute windows) that write every result. Every figure written must be
 * finite, and the staffing of each window meets its target. */
#include "eng_roi_staff.h"
#include "fuzz_lines.h"
#include "kit_json.h"
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A line must be valid UTF-8 JSON (JSON mode) or text without NUL. */
static void sink_json(void *ctx, const char *line, size_t n)
{
	cs_obj obj = {0};
	cs_jerr err;
	(void)ctx;
	if (cs_json_object(line, n, CS_JSON_DEFAULT_MAX_DEPTH, &obj, &err) != 0)
		abort();
	cs_obj_free(&obj);
}

static void sink_text(void *ctx, const char *line, size_t n)
{
	(void)ctx;
	if (memchr(line, '\n', n) || memchr(line, '\0', n))
		abort();
}

static void check_options(struct cs_staff_opts *o, const char *target, const char *by, cs_buf *err)
{
	if (cs_staff_parse_target(target, &o->target, err) == 0) {
		if (!(o->target.service_level > 0 && o->target.service_level < 1))
			abort();
		if (!(o->target.answer_s >= 0 && o->target.answer_s <= 86400))
			abort();
	} else if (!err->len)
		abort();
	if (cs_staff_parse_by(by, o, err) == 0 && (o->nby < 1 || o->nby > CS_STAFF_MAX_BY))
		abort();
}

/* The answer for a small load meets the target, one fewer does not. */
static void check_staffing(const struct cs_staff_opts *o, double a)
{
	struct cs_staff_figures f, below;
	long n = cs_staff_agents(a, 180, &o->target, 2000, &f);
	if (n < 0)
		return;
	if (!cs_staff_meets(&f, &o->target) || !isfinite(f.service_level) || !isfinite(f.asa_s))
		abort();
	if (n > 1 && (double)(n - 1) > a && cs_staff_figures_of(n - 1, a, 180, o->target.answer_s, &below) == 0
	    && cs_staff_meets(&below, &o->target))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_staff_opts o;
	cs_buf err = CS_BUF_INIT;
	size_t at = 0, n;
	cs_staff_opts_init(&o);
	char *target = fuzz_next_line(data, size, &at, &n), *by = fuzz_next_line(data, size, &at, &n);
	check_options(&o, target, by, &err);
	check_staffing(&o, size % 97 / 3.0);
	o.json = 1;
	o.actual = 1;
	o.max_agents = 5000;
	cs_staff *js = cs_staff_new(NULL, &o, NULL);
	o.json = 0;
	o.aht_s = 180;
	o.interval_s = 1800;
	o.interval_set = 1;
	cs_staff *text = cs_staff_new(NULL, &o, NULL);
	while (at < size) {
		char *line = fuzz_next_line(data, size, &at, &n);
		cs_staff_add(js, line, n, &err);
		cs_staff_add(text, line, n, &err);
		free(line);
	}
	cs_staff_write(js, sink_json, NULL);
	cs_staff_write(text, sink_text, NULL);
	cs_staff_free(js);
	cs_staff_free(text);
	cs_buf_free(&err);
	free(target);
	free(by);
	return 0;
}
