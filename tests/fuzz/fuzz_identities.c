/* fuzz_identities: cs-ingest --identities files (each line of the input a
 * customer line; one that is not JSON is skipped, as the loader reports
 * it), then a record whose customer the input's own last line describes
 * is matched: the record written must be JSON again. */
#include "eng_ingest_identity.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void match_record(const ingest_identities *ids, const char *customer, size_t n)
{
	cs_buf rec = CS_BUF_INIT, out = CS_BUF_INIT;
	cs_buf_adds(&rec, "{\"kind\":\"message\",\"channel\":\"chat\",\"customer\":");
	cs_buf_add(&rec, customer, n);
	cs_buf_adds(&rec, ",\"text\":\"hi\"}");
	cs_obj obj = {0};
	cs_jerr jerr;
	ingest_identity_scratch sc = {0};
	if (cs_json_object(rec.p, rec.len, 64, &obj, &jerr) == 0 &&
	    ingest_identity_apply(ids, rec.p, rec.len, &obj, &sc, &out) != IDENTITY_NONE &&
	    cs_json_object(out.p, out.len, 64, &obj, &jerr) != 0)
		abort();
	ingest_identity_scratch_free(&sc);
	cs_obj_free(&obj);
	cs_buf_free(&rec);
	cs_buf_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ingest_identities *ids = ingest_identities_new();
	cs_buf why = CS_BUF_INIT;
	const char *p = (const char *)data, *end = p + size, *last = NULL;
	size_t last_n = 0;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		enum cs_jtype type;
		cs_jerr jerr;
		if (cs_json_value(p, n, 64, &type, &jerr) == 0) {
			ingest_identities_add(ids, cs_jval_of(p, n), &why);
			if (type == CS_J_OBJECT)
				last = p, last_n = n;
		}
		cs_buf_reset(&why);
		p += n + 1;
	}
	if (last)
		match_record(ids, last, last_n);
	cs_buf_free(&why);
	ingest_identities_free(ids);
	return 0;
}
