/* fuzz_redact: cs-ingest --redact on any text: no read outside it, and
 * the output is the input with spans replaced by placeholders (at most 7
 * bytes each), whatever the kinds asked for. */
#include "svc_redact.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static cs_buf out = CS_BUF_INIT;
	uint64_t counts[CS_PII_N] = {0};
	unsigned mask = size ? (data[0] & CS_PII_ALL) | 1u : CS_PII_ALL;
	size_t found = cs_redact((const char *)data, size, mask, &out, counts);
	uint64_t counted = 0;
	for (int k = 0; k < CS_PII_N; k++)
		counted += counts[k];
	if (counted != found || (found && out.len > size + found * 7))
		abort();
	return 0;
}
