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

/* glibc puts its heap on transparent huge pages only when the tunable
 * glibc.malloc.hugetlb=1 is set as the process starts. A record stream
 * allocates all the time, and each fresh 4 KiB page is a fault that costs
 * microseconds on a virtual machine (a fifth to a third of a run here);
 * huge pages take one fault per 2 MiB. So a program starts itself once more
 * with the tunable added to GLIBC_TUNABLES, unless it is there already, the
 * kernel has huge pages off, or CS_NO_HUGE_PAGES is set; when that exec
 * fails, the run goes on as it is. Call first thing in main. */
void cs_mem_use_huge_pages(char **argv);
#endif
