/* cs_mem: allocation that never returns NULL; on failure the run ends with
 * "out of memory" and exit 4, so callers do not check. */
#ifndef CS_MEM_H
#define CS_MEM_H
#include <stddef.h>
void *cs_malloc(size_t n);
void *cs_calloc(size_t n, size_t size);
void *cs_realloc(void *p, size_t n);
char *cs_strdup(const char *s);
char *cs_strndup(const char *s, size_t n);
#endif
