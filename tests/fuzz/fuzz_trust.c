/* fuzz_trust: cs-signals trust. The first line is a --weights value, the
 * second a --by value (each parsed strictly: a value taken must be in
 * range); the lines after are records, each a JSON object, fed as input,
 * then as --history to a run with --merge in America/New_York; both runs
 * write their output. */
#include "eng_signals_trust.h"
#include "fuzz_lines.h"
#include "kit_json.h"
#include "kit_time.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* The merging run works in days of a zone with daylight saving time. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (cs_time_set_zone("America/New_York") != 0)
		abort();
	return 0;
}

static void sink(void *ctx, const char *line, size_t n)
{
	(void)ctx;
	(void)line;
	(void)n;
}

static void check_options(struct cs_trust_opts *o, const char *weights, const char *by, cs_buf *err)
{
	if (cs_trust_parse_weights(weights, o->weights, err) == 0) {
		double total = 0;
		for (int i = 0; i < CS_TRUST_NCOMPONENTS; i++) {
			if (!(o->weights[i] >= 0 && o->weights[i] <= 1000))
				abort();
			total += o->weights[i];
		}
		if (total <= 0)
			abort();
	} else if (!err->len)
		abort();
	if (cs_trust_parse_by(by, o, err) == 0 && (o->nby < 1 || o->nby > CS_TRUST_NDIMS))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_trust_opts o;
	cs_buf err = CS_BUF_INIT;
	size_t at = 0, n;
	cs_trust_opts_init(&o);
	o.min_group = 1;
	char *weights = fuzz_next_line(data, size, &at, &n), *by = fuzz_next_line(data, size, &at, &n);
	check_options(&o, weights, by, &err);
	cs_trust *in = cs_trust_new(NULL, &o, NULL);
	o.merge = 1;
	o.tz = "America/New_York";
	cs_trust *merged = cs_trust_new(NULL, &o, NULL);
	cs_obj obj = {0};
	cs_jerr jerr;
	while (at < size) {
		char *line = fuzz_next_line(data, size, &at, &n);
		if (cs_json_object(line, n, CS_JSON_DEFAULT_MAX_DEPTH, &obj, &jerr) == 0) {
			cs_trust_add(in, line, n, &err);
			cs_trust_add(merged, line, n, &err);
			cs_trust_add_history(merged, line, n, &err);
		}
		free(line);
	}
	cs_trust_write(in, sink, NULL);
	cs_trust_write(merged, sink, NULL);
	cs_trust_free(in);
	cs_trust_free(merged);
	cs_obj_free(&obj);
	cs_buf_free(&err);
	free(weights);
	free(by);
	return 0;
}
