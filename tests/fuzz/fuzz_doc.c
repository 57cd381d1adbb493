/* fuzz_doc: every document format of cs-ingest (lib/fmt*.c) on arbitrary
 * bytes. The first byte picks the format (modulo their number), the rest is
 * the input. Whatever a reader feeds must be one valid JSON object with a
 * "kind"; anything else traps. Seeds: tests/fuzz/corpus/doc/FORMAT-*, each
 * file starting with the byte of its format's index in cs_fmt_all. */
#include "fmt.h"
#include "kit_opt.h"
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_record(const char *json, size_t n, void *ctx)
{
	cs_obj *obj = ctx;
	cs_jerr err;
	if (cs_json_object(json, n, CS_JSON_DEFAULT_MAX_DEPTH, obj, &err) < 0 || !cs_obj_get(obj, "kind", 4) ||
	    memchr(json, '\n', n))
		__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t nfmt = 0;
	while (cs_fmt_all[nfmt])
		nfmt++;
	if (size < 1 || nfmt == 0)
		return 0;
	const struct cs_doc_format *fmt = cs_fmt_all[data[0] % nfmt];
	struct cs_common c = {.max_depth = 64, .max_record = (size_t)1 << 20};
	cs_obj obj = {0};
	const char *text = (const char *)data + 1;
	if (fmt->sniff)
		fmt->sniff(text, size - 1, NULL);
	cs_doc_read_mem(fmt, &c, text, size - 1, check_record, &obj);
	cs_obj_free(&obj);
	return 0;
}
