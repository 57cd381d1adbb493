#include "kit_mem.h"
#include "kit_msg.h"
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

static _Noreturn void out_of_memory(size_t n)
{
	cs_die(CS_EXIT_IO, "out of memory (allocating %zu bytes)", n);
}

void *cs_malloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory(n);
	return p;
}

void *cs_calloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory(n * size);
	return p;
}

void *cs_realloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		out_of_memory(n);
	return q;
}

char *cs_strndup(const char *s, size_t n)
{
	char *d = cs_malloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *cs_strdup(const char *s) { return cs_strndup(s, strlen(s)); }

/* ---- huge pages for glibc's heap ---- */

/* Transparent huge pages are on at least for regions that ask (madvise). */
static int thp_available(void)
{
	char mode[128] = "";
	FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
	if (!f)
		return 0;
	size_t n = fread(mode, 1, sizeof mode - 1, f);
	fclose(f);
	mode[n] = '\0';
	return strstr(mode, "[always]") || strstr(mode, "[madvise]");
}

void cs_mem_use_huge_pages(char **argv)
{
	const char *old = getenv("GLIBC_TUNABLES");
	if (getenv("CS_NO_HUGE_PAGES") || (old && strstr(old, "glibc.malloc.hugetlb")) || !thp_available())
		return;
	char *saved = old ? strdup(old) : NULL;
	size_t n = (old ? strlen(old) + 1 : 0) + sizeof "glibc.malloc.hugetlb=1";
	char *value = malloc(n);
	if (!value || (old && !saved)) {
		free(value);
		free(saved);
		return;
	}
	snprintf(value, n, "%s%sglibc.malloc.hugetlb=1", old ? old : "", old && *old ? ":" : "");
	if (setenv("GLIBC_TUNABLES", value, 1) == 0)
		execv("/proc/self/exe", argv);
	/* exec failed (no /proc, say): go on as we are, the environment as it was */
	if (saved)
		setenv("GLIBC_TUNABLES", saved, 1);
	else
		unsetenv("GLIBC_TUNABLES");
	free(value);
	free(saved);
}
