#include "kit_libver.h"
/* libstemmer has no version call: the Debian package's, from the build. */
const char *cs_libver_stemmer(void) { return CS_STEMMER_VERSION; }
