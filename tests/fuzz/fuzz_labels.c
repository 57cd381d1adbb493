/* fuzz_labels: the labels file of cs-signals fit and eval (CSV with a
 * header, or NDJSON). Every label read must be 1 (stayed) or 2 (churned),
 * and a file that fails must say where. */
#include "eng_signals_fit.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cs_map labels = {0};
	cs_buf err = CS_BUF_INIT;
	int rc = cs_risk_labels_parse("labels", (const char *)data, size, &labels, &err);
	if (rc != 0 && (!err.p || strncmp(err.p, "labels", 6) != 0))
		abort();
	cs_map_free(&labels);
	cs_buf_free(&err);
	return 0;
}
