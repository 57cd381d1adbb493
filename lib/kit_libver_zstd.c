#include "kit_libver.h"
#include <zstd.h>
const char *cs_libver_zstd(void) { return ZSTD_versionString(); }
