#include "kit_libver.h"
#ifndef CS_CSV_VERSION
#define CS_CSV_VERSION "unknown"
#endif
/* libcsv has no version call; the build takes it from the package. */
const char *cs_libver_csv(void) { return CS_CSV_VERSION; }
