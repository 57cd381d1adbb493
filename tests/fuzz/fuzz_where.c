/* fuzz_where: the native jq subset on arbitrary expressions and records: the
 * input's first line is the expression, the rest the record. */
#include "kit_json.h"
#include "kit_where.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nl = memchr(data, '\n', size);
	size_t elen = nl ? (size_t)(nl - data) : size;
	char *expr = malloc(elen + 1);
	memcpy(expr, data, elen);
	expr[elen] = '\0';
	cs_where *w = cs_where_compile(expr);
	if (w && nl) {
		const char *rec = (const char *)nl + 1;
		size_t rlen = size - elen - 1;
		cs_obj obj = {0};
		cs_jerr je;
		if (cs_json_object(rec, rlen, 64, &obj, &je) == 0)
			cs_where_eval(w, obj.whole.p, obj.whole.n, &obj, 64);
		cs_obj_free(&obj);
	}
	cs_where_free(w);
	free(expr);
	return 0;
}
