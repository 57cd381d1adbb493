#include "kit_libver.h"
#ifndef CS_JQ_VERSION
#define CS_JQ_VERSION "unknown"
#endif
/* libjq 1.6 has no version call; the build takes it from the package. */
const char *cs_libver_jq(void) { return CS_JQ_VERSION; }
