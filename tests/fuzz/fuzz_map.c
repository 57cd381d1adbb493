/* fuzz_map: cs-ingest's --map and --set specifications (field paths with
 * escapes, types), and converting a value with each parsed item. */
#include "eng_ingest_map.h"
#include "kit_msg.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *spec = malloc(size + 1);
	memcpy(spec, data, size);
	spec[size] = '\0';
	cs_fieldmap m = {0};
	char err[256];
	cs_buf out = CS_BUF_INIT;
	if (cs_fieldmap_parse(&m, spec, err, sizeof err) == 0 || cs_fieldmap_parse_set(&m, spec, err, sizeof err) == 0) {
		for (size_t i = 0; i < m.n; i++) {
			cs_buf_reset(&out);
			cs_fieldmap_convert(&m.item[i], "\"2026-03-01 09:00\"", 18, CS_J_STRING, 16, &out, err, sizeof err);
			cs_fieldmap_convert(&m.item[i], "1772419200", 10, CS_J_NUMBER, 16, &out, err, sizeof err);
		}
	}
	cs_fieldmap_free(&m);
	cs_buf_free(&out);
	free(spec);
	return 0;
}
