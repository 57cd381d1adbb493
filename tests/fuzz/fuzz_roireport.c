/* fuzz_roireport: cs-roi report over any records. The input's lines that
 * are JSON objects (as the record source would pass them) are taken; the
 * report of both formats is made. It must end (no crash, no leak), an HTML
 * report must be one closed page with no markup from the records (no
 * "<script"), no figure or coordinate may be written as nan or inf, and
 * the same records must give the same bytes twice. */
#include "eng_roi_report.h"
#include "kit_json.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void take_lines(cs_roi_report *r, const char *text, size_t n)
{
	cs_obj obj = {0};
	cs_jerr err;
	for (size_t at = 0; at < n;) {
		const char *nl = memchr(text + at, '\n', n - at);
		size_t end = nl ? (size_t)(nl - text) : n;
		if (cs_json_object(text + at, end - at, CS_JSON_DEFAULT_MAX_DEPTH, &obj, &err) == 0)
			cs_roi_report_take(r, text + at, end - at);
		at = end + 1;
	}
	cs_obj_free(&obj);
}

/* A coordinate written as nan or inf: an attribute value no record text
 * can make (its quotes are escaped). */
static int overflowed(const char *html)
{
	static const char *const bad[] = {"\"nan\"", "\"-nan\"", "\"inf\"", "\"-inf\"", NULL};
	for (size_t i = 0; bad[i]; i++)
		if (strstr(html, bad[i]))
			return 1;
	return 0;
}

static void render(const char *text, size_t n, enum cs_roi_format format, cs_buf *out)
{
	struct cs_roi_report_opts o;
	cs_roi_report_opts_init(&o);
	o.format = format;
	cs_roi_report *r = cs_roi_report_new(&o, NULL);
	take_lines(r, text, n);
	cs_roi_report_render(r, out);
	cs_roi_report_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	for (int format = CS_ROI_HTML; format <= CS_ROI_MD; format++) {
		cs_buf a = CS_BUF_INIT, b = CS_BUF_INIT;
		render((const char *)data, size, format, &a);
		render((const char *)data, size, format, &b);
		if (a.len != b.len || memcmp(a.p, b.p, a.len) != 0)
			abort();
		if (format == CS_ROI_HTML && (strstr(a.p, "<script") || a.len < 8 || strcmp(a.p + a.len - 8, "</html>\n") != 0))
			abort();
		if (format == CS_ROI_HTML && overflowed(a.p))
			abort();
		cs_buf_free(&a);
		cs_buf_free(&b);
	}
	return 0;
}
