#include "kit_libver.h"
#include <stdio.h>
#include <unistring/version.h>
const char *cs_libver_unistring(void)
{
	static char version[32];
	if (!version[0])
		snprintf(version, sizeof version, "%d.%d.%d", _libunistring_version >> 16,
			 (_libunistring_version >> 8) & 0xff, _libunistring_version & 0xff);
	return version;
}
