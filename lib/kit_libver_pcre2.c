#include "kit_libver.h"
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
const char *cs_libver_pcre2(void)
{
	static char version[32];
	if (!version[0])
		pcre2_config(PCRE2_CONFIG_VERSION, version);
	return version;
}
