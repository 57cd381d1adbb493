/* fuzz_postings: a knowledge base's postings blobs as cs-answer decodes
 * them (kb_posting_next), damaged or not: every decode ends, at the end or
 * at damage, with numbers that only grow. */
#include "eng_answer_kb.h"
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kb_posting p;
	size_t at = 0;
	int64_t prev = 0;
	int more;
	while ((more = kb_posting_next(data, size, &at, prev, &p)) > 0) {
		if (p.n <= prev || at > size)
			abort();
		prev = p.n;
	}
	if (more == 0 && at != size)
		abort();
	return 0;
}
