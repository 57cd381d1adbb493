/* cs_buf: a growable byte buffer. The buffer owns its bytes; p is always
 * NUL-terminated after any cs_buf_* call (the NUL is not counted in len). */
#ifndef CS_BUF_H
#define CS_BUF_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct {
	char *p;
	size_t len, cap;
} cs_buf;

#define CS_BUF_INIT {0, 0, 0}

/* Room for extra more bytes and the NUL; the slow part out of line. */
void cs_buf_grow(cs_buf *b, size_t extra);
static inline void cs_buf_reserve(cs_buf *b, size_t extra)
{
	if (b->len + extra + 1 > b->cap)
		cs_buf_grow(b, extra);
}

/* Inline: the record hot paths append a few bytes at a time. */
static inline void cs_buf_add(cs_buf *b, const void *p, size_t n)
{
	cs_buf_reserve(b, n);
	if (n)
		memcpy(b->p + b->len, p, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static inline void cs_buf_addc(cs_buf *b, char c)
{
	cs_buf_reserve(b, 1);
	b->p[b->len++] = c;
	b->p[b->len] = '\0';
}

/* Inline too: most callers append a literal, whose length is known here. */
static inline void cs_buf_adds(cs_buf *b, const char *s) { cs_buf_add(b, s, strlen(s)); }

void cs_buf_printf(cs_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static inline void cs_buf_reset(cs_buf *b)
{
	b->len = 0;
	if (b->p)
		b->p[0] = '\0';
}

void cs_buf_free(cs_buf *b);
/* Append code point cp as UTF-8; one that is none (0, a surrogate, over
 * U+10FFFF) becomes U+FFFD. */
void cs_buf_add_utf8(cs_buf *b, uint32_t cp);
/* v in decimal. */
void cs_buf_add_u64(cs_buf *b, uint64_t v);
/* Append s as a JSON string literal, quotes included (control characters and
 * quotes escaped; UTF-8 copied as is). */
void cs_buf_add_jstr(cs_buf *b, const char *s, size_t n);
#endif
