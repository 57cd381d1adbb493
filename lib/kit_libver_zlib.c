#include "kit_libver.h"
#include <zlib.h>
const char *cs_libver_zlib(void) { return zlibVersion(); }
