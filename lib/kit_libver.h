/* kit_libver: the version of each library a program may link, one module
 * (kit_libver_NAME.c) per library, so that listing a library in a program's
 * struct cs_prog_def is what links it. */
#ifndef CS_LIBVER_H
#define CS_LIBVER_H
const char *cs_libver_jq(void);
const char *cs_libver_zstd(void);
const char *cs_libver_zlib(void);
const char *cs_libver_pcre2(void);
const char *cs_libver_sqlite(void);
const char *cs_libver_unistring(void);
const char *cs_libver_stemmer(void);
#endif
