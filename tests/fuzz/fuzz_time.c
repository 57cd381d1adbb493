/* fuzz_time: every time and duration form cs reads; a parsed time formats
 * back and parses to the same instant. */
#include "kit_time.h"
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cs_time t, back;
	char buf[48];
	int64_t ms;
	if (cs_time_parse((const char *)data, size, &t) == 0) {
		size_t n = cs_time_format(t, buf);
		if (cs_time_parse(buf, n, &back) != 0 || back.ms != t.ms)
			abort();
	}
	if (size < 40) {
		char s[48];
		for (size_t i = 0; i < size; i++)
			s[i] = data[i] ? (char)data[i] : '0';
		s[size] = '\0';
		cs_duration_parse(s, &ms);
	}
	return 0;
}
