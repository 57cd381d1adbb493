/* fuzz_roimodel: the business case model file of cs-roi model. A model that
 * loads takes two metrics records, is measured (or refused with a reason
 * naming a driver), and writes a roi record that is one valid JSON object
 * and renders as Markdown and HTML without a script. */
#include "eng_roi_model.h"
#include "eng_roi_text.h"
#include "kit_json.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const metrics[] = {
	"{\"kind\":\"metrics\",\"type\":\"roi.kpi\",\"window\":{\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2026-01-02T00:00:00Z\"},"
	"\"group\":{\"channel\":\"chat\"},\"counts\":{\"contacts\":10,\"handled\":10,\"bot_sessions\":5,\"bot_contained\":2},"
	"\"sums\":{\"handle_s\":3600}}",
	"{\"kind\":\"metrics\",\"type\":\"roi.kpi\",\"window\":{\"from\":\"2026-02-01T00:00:00Z\",\"to\":\"2026-02-02T00:00:00Z\"},"
	"\"group\":{\"channel\":\"chat\"},\"counts\":{\"contacts\":12,\"handled\":10,\"bot_sessions\":5,\"bot_contained\":3},"
	"\"sums\":{\"handle_s\":3000}}",
};

static void write_out(cs_roi_model *m)
{
	cs_buf rec = CS_BUF_INIT, text = CS_BUF_INIT, why = CS_BUF_INIT;
	for (size_t i = 0; i < sizeof metrics / sizeof *metrics; i++)
		cs_roi_model_add_metrics(m, cs_jval_of(metrics[i], strlen(metrics[i])));
	if (cs_roi_model_measure(m, &why) != 0) {
		if (!why.p || strncmp(why.p, "driver ", 7) != 0)
			abort();
	} else {
		cs_roi_record(m, &rec);
		enum cs_jtype type;
		cs_jerr jerr;
		if (cs_json_value(rec.p, rec.len, CS_JSON_DEFAULT_MAX_DEPTH, &type, &jerr) < 0 || type != CS_J_OBJECT ||
		    memchr(rec.p, '\n', rec.len))
			abort();
		cs_jval v = cs_jval_of(rec.p, rec.len);
		cs_roi_text_md(v, &text);
		cs_roi_text_html_page(v, &text);
		if (strstr(text.p, "<script"))
			abort();
	}
	cs_buf_free(&rec);
	cs_buf_free(&text);
	cs_buf_free(&why);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cs_buf err = CS_BUF_INIT;
	cs_roi_model *m = cs_roi_model_parse("fuzz.json", (const char *)data, size, &err);
	if (m) {
		write_out(m);
		cs_roi_model_free(m);
	} else if (!err.p || strncmp(err.p, "fuzz.json:", 10) != 0) {
		abort();   /* every refusal names the file and line */
	}
	cs_buf_free(&err);
	return 0;
}
