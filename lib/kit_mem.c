#include "kit_mem.h"
#include "kit_msg.h"
#include <stdlib.h>
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
