/* fuzz_signals: cs-signals' readers. The input is a thresholds file; or,
 * after a first byte 0xFF, NDJSON records (events, conversations, tickets)
 * read as cs-signals reads them and fed to the detector with thresholds
 * small enough for every window to open and close, then finished. */
#include "eng_signals_conf.h"
#include "eng_signals_detect.h"
#include "eng_signals_read.h"
#include "kit_json.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void on_hit(void *ctx, const struct cs_sig_hit *h)
{
	size_t *n = ctx;
	*n += h->nev + strlen(h->type) + strlen(h->detail);
}

static void on_ticket(int64_t ts, const char *how, void *ctx)
{
	*(size_t *)ctx += (size_t)(ts & 1) + strlen(how);
}

static void feed(cs_sig_detector *d, cs_sig_reader *r, const char *line, size_t n, size_t *seen)
{
	cs_obj obj = {0};
	cs_jerr err;
	if (cs_json_object(line, n, 64, &obj, &err) == 0) {
		struct cs_sig_event e;
		struct cs_sig_contact c;
		struct cs_sig_contact_result res;
		const char *why;
		int64_t ts;
		if (cs_sig_read_event(r, &obj, &e, &why) == 0)
			cs_sig_see_event(d, &e);
		else if (cs_sig_read_contact(r, &obj, &c) == 0)
			cs_sig_see_contact(d, &c, &res);
		cs_sig_ticket_reopens(&obj, on_ticket, seen);
		*seen += (size_t)cs_sig_ticket_event_reopens(&obj, &ts);
		*seen += (size_t)(cs_sig_consent(cs_jmember(&obj, "consent"), "retention") + 1);
	}
	cs_obj_free(&obj);
}

static void records(const char *text, size_t size)
{
	struct cs_sig_conf conf;
	cs_sig_conf_default(&conf);
	conf.session_idle_ms = 60000;
	conf.help_within_ms = 120000;
	conf.repeat_within_ms = 180000;
	size_t seen = 0;
	struct cs_sig_callbacks cb = {&seen, on_hit, NULL};
	cs_sig_detector *d = cs_sig_detector_new(&conf, &cb, 4);
	cs_sig_reader *r = cs_sig_reader_new();
	for (size_t at = 0; at < size;) {
		const char *nl = memchr(text + at, '\n', size - at);
		size_t end = nl ? (size_t)(nl - text) : size;
		feed(d, r, text + at, end - at, &seen);
		at = end + 1;
	}
	cs_sig_finish(d, INT64_MIN);
	cs_sig_reader_free(r);
	cs_sig_detector_free(d);
	cs_sig_conf_free(&conf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 0 && data[0] == 0xFF) {
		records((const char *)data + 1, size - 1);
		return 0;
	}
	struct cs_sig_conf conf;
	cs_sig_conf_default(&conf);
	cs_buf err = CS_BUF_INIT;
	cs_sig_conf_load_mem(&conf, "fuzz.json", (const char *)data, size, &err);
	cs_sig_conf_free(&conf);
	cs_buf_free(&err);
	return 0;
}
