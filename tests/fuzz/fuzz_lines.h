/* fuzz_lines.h: fuzz inputs read line by line (options first, then records). */
#ifndef FUZZ_LINES_H
#define FUZZ_LINES_H
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The next line of data[*at..size), NUL-terminated in a copy; free() it. */
static inline char *fuzz_next_line(const uint8_t *data, size_t size, size_t *at, size_t *n)
{
	const uint8_t *nl = memchr(data + *at, '\n', size - *at);
	*n = nl ? (size_t)(nl - data) - *at : size - *at;
	char *s = malloc(*n + 1);
	memcpy(s, data + *at, *n);
	s[*n] = '\0';
	*at += *n + (nl != NULL);
	return s;
}
#endif
