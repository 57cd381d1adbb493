/* cs_in: input streams (see kit_in.h).
 *
 * Each file goes through up to three stages, each pulling from the one before:
 * the file descriptor (behind a few peeked magic bytes), a decompressor (zstd or
 * gzip) and an iconv converter. The last stage writes into buf, where lines are
 * cut. For a plain UTF-8 file read(2) writes straight into buf, and a line that
 * lies inside buf is handed out in place; only a line longer than buf is
 * assembled in a separate buffer. */
#include "kit_in.h"
#include "kit_bytes.h"
#include "kit_buf.h"
#include "kit_json.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_opt.h"
#include "kit_time.h"
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#define IN_BUF_SIZE ((size_t)1 << 17)
/* Free space buf always offers the converter: one output character or more. */
#define IN_MIN_ROOM 16
#define IN_MAX_READ ((size_t)1 << 30)

enum in_codec { IN_PLAIN, IN_ZSTD, IN_GZIP };

/* Where iconv refused a byte sequence: the first such place of a line. */
struct in_unconverted {
	uint64_t line;
	unsigned char byte;
	unsigned char incomplete; /* cut short by the end of the file */
};
enum in_state { IN_UNOPENED, IN_OPEN, IN_DONE };

struct cs_in {
	char **files;
	int nfiles, fidx;
	enum in_state state;
	const char *name;
	int fd, fd_owned, src_eof;
	size_t rdcap; /* most bytes per read(2) or decompressed chunk */

	unsigned char peek[4]; /* first bytes of the file, read to find the codec */
	size_t peek_pos, peek_len;

	enum in_codec codec;
	unsigned char *zbuf; /* compressed input */
	size_t zcap;
	int zfull;           /* the last call filled its output: more may be pending */
	ZSTD_DCtx *zstd;
	ZSTD_inBuffer zin;
	size_t zret;         /* last ZSTD_decompressStream result: 0 at a frame's end */
	z_stream gz;
	int gz_live, gz_end;

	char *encoding;      /* --encoding, NULL for UTF-8 */
	iconv_t cd;
	int cd_live, cd_need;
	const char *cd_enc;
	char *cbuf;          /* input not yet converted */
	size_t ccap, cpos, clen;
	uint64_t cd_lines;   /* newlines converted so far, for error messages */
	size_t cd_unit;      /* bytes a sequence iconv refuses is skipped by */
	int converted;       /* the current file goes through iconv */
	struct in_unconverted *unconv; /* its CS_IN_UNCONVERTED marks not yet reported */
	size_t nunconv, unconv_cap, unconv_pos;

	char *buf;           /* decoded bytes; [pos, end) not yet handed out */
	size_t cap, pos, end, scan;
	cs_buf line;         /* the start of a line longer than buf */
	cs_buf rep;          /* a line with invalid UTF-8 replaced */
	int discard;         /* skipping the rest of an over-long line */

	size_t max_record;
	int check_utf8, replace;
	uint64_t lineno, nbytes, nreplaced;

	char *(*lend_fresh)(void *ctx);   /* cs_in_lend */
	void (*lend_retire)(void *ctx, char *buf);
	void *lend_ctx;
	int lent;            /* buf holds lines on loan: its bytes before pos stay as they are */
	int last_lent;       /* the line handed out last lies in buf */

	void (*wait_hook)(void *ctx);
	void *wait_ctx;
	int fd_may_wait;     /* not a regular file: a read may wait for data */
};

static const unsigned char in_zstd_magic[] = {0x28, 0xB5, 0x2F, 0xFD};
static const unsigned char in_gzip_magic[] = {0x1F, 0x8B};
static const unsigned char in_utf16le_bom[] = {0xFF, 0xFE};
static const unsigned char in_utf16be_bom[] = {0xFE, 0xFF};
static const unsigned char in_utf8_bom[] = {0xEF, 0xBB, 0xBF};

static int in_hinted; /* the encoding hint is given once per run */

void cs_in_hint_encoding(const char *name)
{
	/* iconv, not cs-ingest --encoding: cs-ingest makes records without a
	 * kind messages, and groups them */
	if (cs_opt_takes("encoding"))
		cs_notice("%s: if the file is not UTF-8, name its encoding with --encoding", name);
	else if (cs_opt_takes("invalid-utf8"))
		cs_notice("%s: if the file is not UTF-8, convert it first (iconv -f NAME -t UTF-8), or replace the "
			  "invalid bytes with --invalid-utf8 replace", name);
	else
		cs_notice("%s: if the file is not UTF-8, convert it first (iconv -f NAME -t UTF-8)", name);
}

static int in_fatal(int code)
{
	cs_exit_raise(code);
	return CS_IN_FATAL;
}

/* 1: p[0..n) starts with m; 0: it does not; -1: too short to tell yet. */
static int in_prefix(const unsigned char *p, size_t n, const unsigned char *m, size_t mlen)
{
	size_t k = n < mlen ? n : mlen;
	if (memcmp(p, m, k) != 0)
		return 0;
	return n >= mlen ? 1 : -1;
}

/* A zstd frame's magic, or a skippable frame's (0x184D2A50 to 0x184D2A5F,
 * little-endian), which pzstd, seekable zstd and metadata writers put
 * first: as in_prefix. */
static int in_zstd_prefix(const unsigned char *p, size_t n)
{
	static const unsigned char skippable_rest[] = {0x2A, 0x4D, 0x18};
	int z = in_prefix(p, n, in_zstd_magic, sizeof in_zstd_magic);
	if (z != 0)
		return z;
	if ((p[0] & 0xF0) != 0x50)
		return 0;
	return in_prefix(p + 1, n - 1, skippable_rest, sizeof skippable_rest);
}

static int in_is_utf8_name(const char *enc)
{
	return !enc || !strcasecmp(enc, "UTF-8") || !strcasecmp(enc, "UTF8");
}

static void in_set_name(cs_in *in)
{
	const char *f = in->files[in->fidx];
	in->name = strcmp(f, "-") == 0 ? "<stdin>" : f;
}

/* ---- stage 1: the file descriptor ---- */

/* Tell the hook before a read that would wait for data to arrive. */
static void in_before_read(cs_in *in)
{
	if (!in->wait_hook || !in->fd_may_wait)
		return;
	struct pollfd p = {.fd = in->fd, .events = POLLIN};
	if (poll(&p, 1, 0) == 0)
		in->wait_hook(in->wait_ctx);
}

static long in_read_fd(cs_in *in, void *dst, size_t n)
{
	if (in->src_eof)
		return 0;
	if (n > in->rdcap)
		n = in->rdcap;
	in_before_read(in);
	for (;;) {
		ssize_t r = read(in->fd, dst, n);
		if (r > 0)
			return (long)r;
		if (r == 0) {
			in->src_eof = 1; /* a terminal would block on a second read */
			return 0;
		}
		if (errno != EINTR) {
			cs_error("%s: read error: %s", in->name, strerror(errno));
			return in_fatal(CS_EXIT_IO);
		}
	}
}

static long in_src_read(cs_in *in, void *dst, size_t n)
{
	size_t k = in->peek_len - in->peek_pos;
	if (k == 0)
		return in_read_fd(in, dst, n);
	if (k > n)
		k = n;
	memcpy(dst, in->peek + in->peek_pos, k);
	in->peek_pos += k;
	return (long)k;
}

/* Peek only as many bytes as it takes to rule the magic numbers in or out, so
 * that interactive input is not held back. */
static int in_detect_codec(cs_in *in)
{
	for (;;) {
		int z = in_zstd_prefix(in->peek, in->peek_len);
		int g = in_prefix(in->peek, in->peek_len, in_gzip_magic, sizeof in_gzip_magic);
		if (z == 1)
			return IN_ZSTD;
		if (g == 1)
			return IN_GZIP;
		if (z == 0 && g == 0)
			return IN_PLAIN;
		long r = in_read_fd(in, in->peek + in->peek_len, sizeof in->peek - in->peek_len);
		if (r < 0)
			return (int)r;
		if (r == 0)
			return IN_PLAIN;
		in->peek_len += (size_t)r;
	}
}

/* ---- stage 2: decompression ---- */

static void in_zbuf_alloc(cs_in *in)
{
	if (!in->zbuf) {
		in->zcap = in->cap;
		in->zbuf = cs_malloc(in->zcap);
	}
	in->zfull = 0;
}

static void in_zstd_start(cs_in *in)
{
	if (!in->zstd) {
		in->zstd = ZSTD_createDCtx();
		if (!in->zstd)
			cs_die(CS_EXIT_IO, "out of memory (zstd decompression context)");
	} else {
		ZSTD_DCtx_reset(in->zstd, ZSTD_reset_session_only);
	}
	in_zbuf_alloc(in);
	in->zin = (ZSTD_inBuffer){in->zbuf, 0, 0};
	in->zret = 1;
}

static void in_gzip_start(cs_in *in)
{
	memset(&in->gz, 0, sizeof in->gz);
	if (inflateInit2(&in->gz, 16 + MAX_WBITS) != Z_OK)
		cs_die(CS_EXIT_IO, "out of memory (zlib inflate state)");
	in->gz_live = 1;
	in->gz_end = 0;
	in_zbuf_alloc(in);
}

static long in_zstd_read(cs_in *in, char *dst, size_t n)
{
	if (n > in->rdcap)
		n = in->rdcap;
	for (;;) {
		if (in->zin.pos == in->zin.size && !in->zfull) {
			long r = in_src_read(in, in->zbuf, in->zcap);
			if (r < 0)
				return r;
			if (r == 0) {
				if (in->zret == 0)
					return 0;
				cs_error("%s: truncated zstd frame (unexpected end of input)", in->name);
				return in_fatal(CS_EXIT_IO);
			}
			in->zin = (ZSTD_inBuffer){in->zbuf, (size_t)r, 0};
		}
		ZSTD_outBuffer out = {dst, n, 0};
		size_t pos_before = in->zin.pos;
		size_t ret = ZSTD_decompressStream(in->zstd, &out, &in->zin);
		if (ZSTD_isError(ret)) {
			cs_error("%s: corrupt zstd data: %s", in->name, ZSTD_getErrorName(ret));
			return in_fatal(CS_EXIT_IO);
		}
		/* A call that neither read nor wrote (the frame ended exactly as the
		 * output filled) returns the size of a next frame's header: keep the
		 * 0 of the frame's end, which only new input may replace. */
		if (in->zin.pos != pos_before || out.pos)
			in->zret = ret;
		in->zfull = out.pos == out.size;
		if (out.pos)
			return (long)out.pos;
	}
}

static long in_gzip_read(cs_in *in, char *dst, size_t n)
{
	z_stream *z = &in->gz;
	if (n > in->rdcap)
		n = in->rdcap;
	for (;;) {
		if (z->avail_in == 0 && !in->zfull) {
			long r = in_src_read(in, in->zbuf, in->zcap);
			if (r < 0)
				return r;
			if (r == 0) {
				if (in->gz_end)
					return 0;
				cs_error("%s: truncated gzip stream (unexpected end of input)", in->name);
				return in_fatal(CS_EXIT_IO);
			}
			z->next_in = in->zbuf;
			z->avail_in = (uInt)r;
		}
		if (in->gz_end && z->avail_in) { /* another member follows */
			inflateReset(z);
			in->gz_end = 0;
		}
		z->next_out = (Bytef *)dst;
		z->avail_out = (uInt)n;
		int ret = inflate(z, Z_NO_FLUSH);
		if (ret == Z_STREAM_END) {
			in->gz_end = 1;
		} else if (ret != Z_OK && ret != Z_BUF_ERROR) {
			cs_error("%s: corrupt gzip data: %s", in->name, z->msg ? z->msg : zError(ret));
			return in_fatal(CS_EXIT_IO);
		}
		size_t got = n - z->avail_out;
		in->zfull = z->avail_out == 0;
		if (got)
			return (long)got;
	}
}

static long in_dec_read(cs_in *in, char *dst, size_t n)
{
	switch (in->codec) {
	case IN_ZSTD: return in_zstd_read(in, dst, n);
	case IN_GZIP: return in_gzip_read(in, dst, n);
	default: return in_src_read(in, dst, n);
	}
}

/* ---- stage 3: conversion to UTF-8 ---- */

static int in_enc_is(const char *enc, const char *const *prefixes)
{
	for (; *prefixes; prefixes++)
		if (!strncasecmp(enc, *prefixes, strlen(*prefixes)))
			return 1;
	return 0;
}

/* A sequence iconv refuses is skipped a code unit at a time, so that the
 * text after it stays aligned. */
static size_t in_unit_size(const char *enc)
{
	static const char *const wide2[] = {"UTF-16", "UTF16", "UCS-2", "UCS2", NULL};
	static const char *const wide4[] = {"UTF-32", "UTF32", "UCS-4", "UCS4", NULL};
	if (in_enc_is(enc, wide2))
		return 2;
	return in_enc_is(enc, wide4) ? 4 : 1;
}

static int in_iconv_start(cs_in *in, const char *enc)
{
	in->cd = iconv_open("UTF-8", enc);
	if (in->cd == (iconv_t)-1) {
		cs_error("%s: cannot convert from %s: %s", in->name, enc, strerror(errno));
		return in_fatal(CS_EXIT_IO);
	}
	in->cd_live = 1;
	in->cd_enc = enc;
	in->cd_unit = in_unit_size(enc);
	in->cd_need = 0;
	in->converted = 1;
	in->cpos = in->clen = 0;
	if (!in->cbuf) {
		in->ccap = in->cap;
		in->cbuf = cs_malloc(in->ccap);
	}
	return 0;
}

static uint64_t in_count_nl(const char *p, size_t n)
{
	uint64_t k = 0;
	const char *e = p + n;
	while ((p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
		k++;
		p++;
	}
	return k;
}

/* Remember where the sequence at cpos could not be converted (in error
 * mode, once a line: the record is bad whatever else it holds). */
static void in_note_unconverted(cs_in *in, int incomplete)
{
	uint64_t line = in->cd_lines + 1;
	if (in->replace || (in->nunconv > in->unconv_pos && in->unconv[in->nunconv - 1].line == line))
		return;
	if (in->nunconv == in->unconv_cap) {
		in->unconv_cap = in->unconv_cap ? 2 * in->unconv_cap : 16;
		in->unconv = cs_realloc(in->unconv, in->unconv_cap * sizeof *in->unconv);
	}
	in->unconv[in->nunconv++] = (struct in_unconverted){line, (unsigned char)in->cbuf[in->cpos],
							    (unsigned char)incomplete};
}

/* The sequence at cpos, which iconv refuses, becomes CS_IN_UNCONVERTED in
 * dst: the reader rejects the record holding it, and the text around it is
 * read on. Returns the 1 byte written. */
static long in_put_unconverted(cs_in *in, char *dst, int incomplete)
{
	size_t skip = in->clen - in->cpos;
	in_note_unconverted(in, incomplete);
	if (skip > in->cd_unit && !incomplete)
		skip = in->cd_unit;
	in->cpos += skip;
	*dst = (char)CS_IN_UNCONVERTED;
	return 1;
}

/* End of input: a partial character left over is unconverted; a stateful
 * encoding may still have output to flush. */
static long in_cvt_finish(cs_in *in, char *dst, size_t n)
{
	if (in->cpos < in->clen)
		return in_put_unconverted(in, dst, 1);
	char *op = dst;
	size_t ol = n;
	iconv(in->cd, NULL, NULL, &op, &ol);
	return (long)(op - dst);
}

static long in_cvt_read(cs_in *in, char *dst, size_t n)
{
	if (!in->cd_live)
		return in_dec_read(in, dst, n);
	for (;;) {
		if (in->cpos == in->clen || in->cd_need) {
			memmove(in->cbuf, in->cbuf + in->cpos, in->clen - in->cpos);
			in->clen -= in->cpos;
			in->cpos = 0;
			long r = in_dec_read(in, in->cbuf + in->clen, in->ccap - in->clen);
			if (r < 0)
				return r;
			if (r == 0)
				return in_cvt_finish(in, dst, n);
			in->clen += (size_t)r;
			in->cd_need = 0;
		}
		char *ip = in->cbuf + in->cpos, *op = dst;
		size_t il = in->clen - in->cpos, ol = n;
		int err = iconv(in->cd, &ip, &il, &op, &ol) == (size_t)-1 ? errno : 0;
		size_t got = (size_t)(op - dst);
		in->cpos = (size_t)(ip - in->cbuf);
		in->cd_lines += in_count_nl(dst, got);
		if (got) /* a refused sequence is marked on the next call */
			return (long)got;
		if (err == EILSEQ)
			return in_put_unconverted(in, dst, 0);
		if (err == EINVAL) {
			in->cd_need = 1;
		} else if (err == E2BIG) {
			cs_error("%s: cannot convert from %s: output character too long", in->name, in->cd_enc);
			return in_fatal(CS_EXIT_DATA);
		}
	}
}

/* ---- the decoded buffer ---- */

/* buf has lines on loan: hand it on and take a fresh one, with buf's bytes
 * from keep_from on at its front. */
static void in_next_buffer(cs_in *in, size_t keep_from)
{
	char *fresh = in->lend_fresh(in->lend_ctx);
	memcpy(fresh, in->buf + keep_from, in->end - keep_from);
	in->lend_retire(in->lend_ctx, in->buf);
	in->buf = fresh;
	in->lent = 0;
}

/* Append decoded bytes to buf; 0 at the end of the file. The unread part
 * [pos, end) moves to the front first so a line being cut stays contiguous
 * (into a fresh buffer if lines of this one are on loan); when it fills buf
 * it moves on to in->line. */
static long in_fill(cs_in *in)
{
	if (in->pos > 0 || in->lent) {
		size_t keep = in->end - in->pos;
		if (in->lent)
			in_next_buffer(in, in->pos);
		else
			memmove(in->buf, in->buf + in->pos, keep);
		in->scan = in->scan > in->pos ? in->scan - in->pos : 0;
		in->end = keep;
		in->pos = 0;
	}
	if (in->cap - in->end < IN_MIN_ROOM) {
		cs_buf_add(&in->line, in->buf, in->end);
		in->end = in->scan = 0;
	}
	long r = in_cvt_read(in, in->buf + in->end, in->cap - in->end);
	if (r > 0)
		in->end += (size_t)r;
	return r;
}

/* Fill buf until it can tell whether the file starts with m: 1, 0 or CS_IN_FATAL. */
static int in_starts_with(cs_in *in, const unsigned char *m, size_t mlen)
{
	for (;;) {
		int k = in_prefix((const unsigned char *)in->buf + in->pos, in->end - in->pos, m, mlen);
		if (k >= 0)
			return k;
		long r = in_fill(in);
		if (r <= 0)
			return r < 0 ? (int)r : 0;
	}
}

/* Conversion from enc on, for the bytes read so far too. */
static int in_convert_from_start(cs_in *in, const char *enc)
{
	int k = in_iconv_start(in, enc);
	if (k < 0)
		return k;
	in->clen = in->end - in->pos;
	memcpy(in->cbuf, in->buf + in->pos, in->clen);
	in->pos = in->end = 0;
	return 0;
}

/* A UTF-16 BOM, little- or big-endian, switches conversion on (the BOM
 * converted is a UTF-8 one). */
static int in_utf16_bom(cs_in *in)
{
	static const struct {
		const unsigned char *bom;
		const char *enc;
	} boms[] = {{in_utf16le_bom, "UTF-16LE"}, {in_utf16be_bom, "UTF-16BE"}};
	for (size_t i = 0; i < sizeof boms / sizeof boms[0]; i++) {
		int k = in_starts_with(in, boms[i].bom, 2);
		if (k < 0)
			return k;
		if (k)
			return in_convert_from_start(in, boms[i].enc);
	}
	return 0;
}

/* A UTF-16 BOM switches conversion on; then a UTF-8 BOM (converted or not) goes. */
static int in_head(cs_in *in)
{
	int k;
	if (!in->cd_live && (k = in_utf16_bom(in)) < 0)
		return k;
	k = in_starts_with(in, in_utf8_bom, sizeof in_utf8_bom);
	if (k < 0)
		return k;
	if (k)
		in->pos += sizeof in_utf8_bom;
	in->scan = in->pos;
	return 0;
}

static int in_open(cs_in *in)
{
	const char *f = in->files[in->fidx];
	in_set_name(in);
	in->lineno = in->cd_lines = 0;
	in->converted = 0;
	in->nunconv = in->unconv_pos = 0;
	in->pos = in->end = in->scan = 0;
	in->peek_pos = in->peek_len = 0;
	in->src_eof = in->discard = 0;
	in->line.len = 0;
	if (strcmp(f, "-") == 0) {
		in->fd = 0;
		in->fd_owned = 0;
	} else {
		in->fd = open(f, O_RDONLY | O_CLOEXEC);
		if (in->fd < 0) {
			cs_error("%s: %s", in->name, strerror(errno));
			return in_fatal(CS_EXIT_IO);
		}
		in->fd_owned = 1;
	}
	struct stat st;
	in->fd_may_wait = fstat(in->fd, &st) != 0 || !S_ISREG(st.st_mode);
	in->state = IN_OPEN;
	int r = in_detect_codec(in);
	if (r < 0)
		return r;
	in->codec = (enum in_codec)r;
	if (in->codec == IN_ZSTD)
		in_zstd_start(in);
	else if (in->codec == IN_GZIP)
		in_gzip_start(in);
	if (in->encoding && (r = in_iconv_start(in, in->encoding)) < 0)
		return r;
	return in_head(in);
}

/* Done with the current file, whether at its end or after an error. */
static void in_close(cs_in *in)
{
	if (in->state == IN_OPEN && in->fd_owned)
		close(in->fd);
	in->fd = -1;
	in->fd_owned = 0;
	if (in->gz_live)
		inflateEnd(&in->gz);
	in->gz_live = 0;
	if (in->cd_live)
		iconv_close(in->cd);
	in->cd_live = 0;
	in->pos = in->end = in->scan = 0;
	in->discard = 0;
	in->state = IN_DONE;
}

/* ---- UTF-8 ---- */

/* The sequence at p[0..n), p[0] >= 0x80: its length if valid, else minus the
 * length of its maximal invalid subpart (the bytes one U+FFFD replaces). The
 * second byte's range rules out overlongs, surrogates and code points above
 * U+10FFFF. */
static inline int in_utf8_seq(const unsigned char *p, size_t n)
{
	unsigned c = p[0], lo = 0x80, hi = 0xBF;
	int len;
	if (c < 0xC2)
		return -1;
	if (c < 0xE0) {
		len = 2;
	} else if (c < 0xF0) {
		len = 3;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c < 0xF5) {
		len = 4;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		return -1;
	}
	if (n < 2 || p[1] < lo || p[1] > hi)
		return -1;
	for (int k = 2; k < len; k++)
		if ((size_t)k >= n || (p[k] & 0xC0) != 0x80)
			return -k;
	return len;
}

/* Three-byte sequences (most of CJK) get a branch-light check of their own. */
static inline int in_utf8_seq3(const unsigned char *p)
{
	unsigned c = p[0], b1 = p[1], b2 = p[2];
	return (c & 0xF0) == 0xE0 && (b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 &&
	       (c != 0xE0 || b1 >= 0xA0) && (c != 0xED || b1 < 0xA0);
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define IN_UTF8_AVX2 1

/* UTF-8 validation 32 bytes at a time with AVX2, after Keiser and Lemire,
 * "Validating UTF-8 in less than one instruction per byte" (2021), as in
 * simdjson: three table lookups on the nibbles of each byte and the byte
 * before it flag every invalid pair, and the bytes two and three back say
 * where a continuation byte must be. It accepts exactly what the scalar
 * validator below accepts; it only answers yes or no, so the scalar one
 * still finds the offset of a bad byte. */
enum {
	U8_TOO_SHORT = 1 << 0,  /* a lead byte not followed by enough continuations */
	U8_TOO_LONG = 1 << 1,   /* ASCII followed by a continuation */
	U8_OVERLONG_3 = 1 << 2, /* E0 80..9F */
	U8_TOO_LARGE = 1 << 3,  /* F4 90.., F5.. */
	U8_SURROGATE = 1 << 4,  /* ED A0..BF */
	U8_OVERLONG_2 = 1 << 5, /* C0, C1 */
	U8_TOO_LARGE_1000 = 1 << 6,
	U8_OVERLONG_4 = 1 << 6, /* F0 80..8F */
	U8_TWO_CONTS = 1 << 7,  /* a continuation after a continuation, where not expected */
	U8_CARRY = U8_TOO_SHORT | U8_TOO_LONG | U8_TWO_CONTS
};

#define U8_C(x) ((char)(unsigned char)(x))
#define U8_TABLE(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15) \
	_mm256_setr_epi8(U8_C(a0), U8_C(a1), U8_C(a2), U8_C(a3), U8_C(a4), U8_C(a5), U8_C(a6), U8_C(a7), \
			 U8_C(a8), U8_C(a9), U8_C(a10), U8_C(a11), U8_C(a12), U8_C(a13), U8_C(a14), U8_C(a15), \
			 U8_C(a0), U8_C(a1), U8_C(a2), U8_C(a3), U8_C(a4), U8_C(a5), U8_C(a6), U8_C(a7), \
			 U8_C(a8), U8_C(a9), U8_C(a10), U8_C(a11), U8_C(a12), U8_C(a13), U8_C(a14), U8_C(a15))

struct u8_state {
	__m256i prev, err, incomplete;
};

/* Bytes in the 32 before in shifted in by k: byte i is the byte k before in[i]. */
#define U8_PREV(in, prev, k) _mm256_alignr_epi8((in), _mm256_permute2x128_si256((prev), (in), 0x21), 16 - (k))

__attribute__((target("avx2"))) static inline void u8_block(struct u8_state *st, __m256i in)
{
	if (!_mm256_movemask_epi8(in)) {
		st->err = _mm256_or_si256(st->err, st->incomplete);
		st->incomplete = _mm256_setzero_si256();
		st->prev = in;
		return;
	}
	const __m256i lo4 = _mm256_set1_epi8(0x0F);
	const __m256i b1_high = U8_TABLE(
		U8_TOO_LONG, U8_TOO_LONG, U8_TOO_LONG, U8_TOO_LONG, U8_TOO_LONG, U8_TOO_LONG, U8_TOO_LONG, U8_TOO_LONG,
		U8_TWO_CONTS, U8_TWO_CONTS, U8_TWO_CONTS, U8_TWO_CONTS,
		U8_TOO_SHORT | U8_OVERLONG_2,
		U8_TOO_SHORT,
		U8_TOO_SHORT | U8_OVERLONG_3 | U8_SURROGATE,
		U8_TOO_SHORT | U8_TOO_LARGE | U8_TOO_LARGE_1000 | U8_OVERLONG_4);
	const __m256i b1_low = U8_TABLE(
		U8_CARRY | U8_OVERLONG_3 | U8_OVERLONG_2 | U8_OVERLONG_4,
		U8_CARRY | U8_OVERLONG_2,
		U8_CARRY, U8_CARRY,
		U8_CARRY | U8_TOO_LARGE,
		U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
		U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000, U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
		U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000, U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
		U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000, U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
		U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
		U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000 | U8_SURROGATE,
		U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000, U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000);
	const __m256i b2_high = U8_TABLE(
		U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT,
		U8_TOO_LONG | U8_OVERLONG_2 | U8_TWO_CONTS | U8_OVERLONG_3 | U8_TOO_LARGE_1000 | U8_OVERLONG_4,
		U8_TOO_LONG | U8_OVERLONG_2 | U8_TWO_CONTS | U8_OVERLONG_3 | U8_TOO_LARGE,
		U8_TOO_LONG | U8_OVERLONG_2 | U8_TWO_CONTS | U8_SURROGATE | U8_TOO_LARGE,
		U8_TOO_LONG | U8_OVERLONG_2 | U8_TWO_CONTS | U8_SURROGATE | U8_TOO_LARGE,
		U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT);
	__m256i prev1 = U8_PREV(in, st->prev, 1);
	__m256i sc = _mm256_and_si256(
		_mm256_and_si256(_mm256_shuffle_epi8(b1_high, _mm256_and_si256(_mm256_srli_epi16(prev1, 4), lo4)),
				 _mm256_shuffle_epi8(b1_low, _mm256_and_si256(prev1, lo4))),
		_mm256_shuffle_epi8(b2_high, _mm256_and_si256(_mm256_srli_epi16(in, 4), lo4)));
	__m256i prev2 = U8_PREV(in, st->prev, 2), prev3 = U8_PREV(in, st->prev, 3);
	/* 0x80 where the byte must be a third or fourth byte of a sequence */
	__m256i must23 = _mm256_or_si256(_mm256_subs_epu8(prev2, _mm256_set1_epi8((char)(0xE0 - 0x80))),
					 _mm256_subs_epu8(prev3, _mm256_set1_epi8((char)(0xF0 - 0x80))));
	must23 = _mm256_and_si256(must23, _mm256_set1_epi8((char)0x80));
	st->err = _mm256_or_si256(st->err, _mm256_xor_si256(must23, sc));
	/* a sequence still open at the end of the block: 4-byte lead in the last
	 * three bytes, 3-byte lead in the last two, any lead in the last one */
	const __m256i max = _mm256_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
					     -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
					     (char)(0xF0 - 1), (char)(0xE0 - 1), (char)(0xC0 - 1));
	st->incomplete = _mm256_subs_epu8(in, max);
	st->prev = in;
}

/* 1 if p[0..n) is valid UTF-8, else 0. Reads nothing outside p[0..n). */
__attribute__((target("avx2"))) static int in_utf8_valid_avx2(const unsigned char *p, size_t n)
{
	struct u8_state st = {_mm256_setzero_si256(), _mm256_setzero_si256(), _mm256_setzero_si256()};
	size_t i = 0;
	for (; i + 32 <= n; i += 32)
		u8_block(&st, _mm256_loadu_si256((const __m256i *)(const void *)(p + i)));
	if (i < n && n >= 64) {
		/* the last 32 bytes again, after the 32 before them: bytes checked
		 * twice get the same verdict, and those after i get their context */
		st.prev = _mm256_loadu_si256((const __m256i *)(const void *)(p + n - 64));
		u8_block(&st, _mm256_loadu_si256((const __m256i *)(const void *)(p + n - 32)));
	} else if (i < n) {
		unsigned char tail[32] = {0}; /* the rest, padded with ASCII NULs */
		memcpy(tail, p + i, n - i);
		u8_block(&st, _mm256_loadu_si256((const __m256i *)(void *)tail));
	}
	st.err = _mm256_or_si256(st.err, st.incomplete);
	return _mm256_testz_si256(st.err, st.err);
}

/* The first '\n' in p[0..n) (n if there is none), and in *valid whether the
 * bytes before it are valid UTF-8 (only when there is a newline): the line
 * split and the UTF-8 check in one pass. Reads nothing outside p[0..n). */
__attribute__((target("avx2"))) static size_t in_line_avx2(const unsigned char *p, size_t n, int *valid)
{
	struct u8_state st = {_mm256_setzero_si256(), _mm256_setzero_si256(), _mm256_setzero_si256()};
	const __m256i nl = _mm256_set1_epi8('\n');
	const __m256i idx = _mm256_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
					     16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31);
	size_t i = 0;
	__m256i in;
	unsigned m;
	for (; i + 32 <= n; i += 32) {
		in = _mm256_loadu_si256((const __m256i *)(const void *)(p + i));
		m = (unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(in, nl));
		if (m)
			goto found;
		u8_block(&st, in);
	}
	if (i == n || n < 64) {
		const unsigned char *q = memchr(p + i, '\n', n - i);
		if (!q)
			return n;
		/* a short line, or one ending in the last bytes: check it apart */
		*valid = (size_t)(q - p) >= 32 ? in_utf8_valid_avx2(p, (size_t)(q - p))
						: cs_utf8_valid((const char *)p, (size_t)(q - p), NULL);
		return (size_t)(q - p);
	}
	/* the last 32 bytes again, after the 32 before them (see in_utf8_valid_avx2) */
	st.prev = _mm256_loadu_si256((const __m256i *)(const void *)(p + n - 64));
	in = _mm256_loadu_si256((const __m256i *)(const void *)(p + n - 32));
	m = (unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(in, nl)) >> (32 - (n - i)) << (32 - (n - i));
	if (!m)
		return n;
	i = n - 32;
found:
	{
		unsigned k = (unsigned)__builtin_ctz(m);
		/* bytes from the newline on count as NULs, which are ASCII */
		in = _mm256_and_si256(in, _mm256_cmpgt_epi8(_mm256_set1_epi8((char)k), idx));
		u8_block(&st, in);
		st.err = _mm256_or_si256(st.err, st.incomplete);
		*valid = _mm256_testz_si256(st.err, st.err);
		return i + k;
	}
}
#endif

int cs_utf8_valid(const char *s, size_t n, size_t *bad_at)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
#ifdef IN_UTF8_AVX2
	if (n >= 32 && __builtin_cpu_supports("avx2") && in_utf8_valid_avx2(p, n))
		return 1;
#endif
	for (;;) {
		i = cs_ascii_end((const char *)p, i, n);
		if (i >= n)
			return 1;
		do {
			int k;
			if (i + 3 <= n && in_utf8_seq3(p + i)) {
				i += 3;
				continue;
			}
			if ((k = in_utf8_seq(p + i, n - i)) < 0) {
				if (bad_at)
					*bad_at = i;
				return 0;
			}
			i += (size_t)k;
		} while (i < n && p[i] >= 0x80);
	}
}

size_t cs_utf8_replace(const char *s, size_t n, size_t i, cs_buf *out)
{
	size_t bad, replaced = 0;
	cs_buf_add(out, s, i);
	while (!cs_utf8_valid(s + i, n - i, &bad)) {
		cs_buf_add(out, s + i, bad);
		i += bad;
		cs_buf_add(out, "\xEF\xBF\xBD", 3);
		replaced++;
		i += (size_t)-in_utf8_seq((const unsigned char *)s + i, n - i);
	}
	cs_buf_add(out, s + i, n - i);
	return replaced;
}

/* Copy of s[0..n) into in->rep with each maximal invalid subpart replaced by
 * U+FFFD; s[0..i) is known to be valid. */
static void in_replace(cs_in *in, const char *s, size_t n, size_t i)
{
	cs_buf_reset(&in->rep);
	in->nreplaced += cs_utf8_replace(s, n, i, &in->rep);
}

/* ---- lines ---- */

static int in_check_utf8(cs_in *in, const char *p, size_t n, const char **line, size_t *len)
{
	size_t bad;
	*line = p;
	*len = n;
	if (cs_utf8_valid(p, n, &bad))
		return CS_IN_LINE;
	if (!in->replace && cs_in_report_unconverted(in, in->lineno))
		return CS_IN_BAD;
	if (in->replace) {
		in->last_lent = 0;
		in_replace(in, p, n, bad);
		*line = in->rep.p;
		*len = in->rep.len;
		return CS_IN_LINE;
	}
	cs_error("%s:%llu:%zu: invalid UTF-8 (byte 0x%02x)", in->name,
		 (unsigned long long)in->lineno, bad + 1, (unsigned char)p[bad]);
	cs_exit_raise(CS_EXIT_DATA);
	if (!in_hinted) {
		in_hinted = 1;
		cs_in_hint_encoding(in->name);
	}
	return CS_IN_BAD;
}

static void in_too_long(cs_in *in, uint64_t lineno)
{
	cs_error_at(in->name, lineno, "record longer than %zu bytes (--max-record)", in->max_record);
	cs_exit_raise(CS_EXIT_DATA);
}

/* No newline in buf yet. A line that can no longer fit max_record (a "\r" may
 * still be dropped) is reported now and its bytes dropped as they arrive. */
static void in_check_partial(cs_in *in)
{
	size_t have = in->line.len + (in->end - in->pos);
	if (!in->discard) {
		if (have <= in->max_record || have - 1 <= in->max_record)
			return;
		in_too_long(in, in->lineno + 1);
		in->discard = 1;
	}
	in->nbytes += have;
	in->line.len = 0;
	in->pos = in->scan = in->end;
}

/* Hand out the line [pos, stop) of buf (after whatever in->line holds);
 * nl says whether a newline follows it; valid, that it is known to be valid UTF-8. */
static int in_cut(cs_in *in, size_t stop, int nl, int valid, const char **line, size_t *len)
{
	char *p = in->buf + in->pos;
	size_t n = stop - in->pos;
	in->nbytes += in->line.len + n + (size_t)nl;
	in->pos = in->scan = stop + (size_t)nl;
	in->lineno++;
	in->last_lent = 0;
	if (in->discard) {
		in->discard = 0;
		return CS_IN_BAD;
	}
	if (in->line.len) {
		cs_buf_add(&in->line, p, n);
		p = in->line.p;
		n = in->line.len;
	} else if (in->lend_fresh) {
		in->last_lent = in->lent = 1;
	}
	if (nl && n && p[n - 1] == '\r')
		n--;
	p[n] = '\0';
	if (n > in->max_record) {
		in_too_long(in, in->lineno);
		return CS_IN_BAD;
	}
	if (in->check_utf8 && !valid)
		return in_check_utf8(in, p, n, line, len);
	*line = p;
	*len = n;
	return CS_IN_LINE;
}

/* The next line of the current file, or CS_IN_EOF at its end. */
static int in_next_line(cs_in *in, const char **line, size_t *len)
{
	in->line.len = 0;
#ifdef IN_UTF8_AVX2
	if (in->check_utf8 && in->scan == in->pos && !in->discard && __builtin_cpu_supports("avx2")) {
		/* a line that lies in buf: find its end and check it in one pass */
		int valid = 0;
		size_t n = in->end - in->pos;
		size_t k = in_line_avx2((const unsigned char *)in->buf + in->pos, n, &valid);
		if (k < n)
			return in_cut(in, in->pos + k, 1, valid, line, len);
		in->scan = in->end;
	}
#endif
	for (;;) {
		char *nl = memchr(in->buf + in->scan, '\n', in->end - in->scan);
		if (nl)
			return in_cut(in, (size_t)(nl - in->buf), 1, 0, line, len);
		in->scan = in->end;
		in_check_partial(in);
		long r = in_fill(in);
		if (r < 0)
			return (int)r;
		if (r == 0) {
			if (in->discard || in->end > in->pos || in->line.len)
				return in_cut(in, in->end, 0, 0, line, len);
			return CS_IN_EOF;
		}
	}
}

/* ---- the API ---- */

static size_t in_test_read_size(void)
{
	const char *s = getenv("CS_TEST_READ_SIZE");
	char *end;
	if (!s || !*s)
		return 0;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (*end || errno || v < 1)
		return 0;
	return v > IN_MAX_READ ? IN_MAX_READ : (size_t)v;
}

cs_in *cs_in_new(char **files, int nfiles, const struct cs_in_opts *opts)
{
	static char dash[] = "-";
	static char *stdin_only[] = {dash};
	cs_in *in = cs_calloc(1, sizeof *in);
	if (nfiles <= 0) {
		files = stdin_only;
		nfiles = 1;
	}
	in->files = files;
	in->nfiles = nfiles;
	in->fd = -1;
	in_set_name(in);
	if (opts) {
		in->max_record = opts->max_record;
		in->check_utf8 = opts->check_utf8;
		in->replace = opts->replace_invalid;
		if (!in_is_utf8_name(opts->encoding))
			in->encoding = cs_strdup(opts->encoding);
	}
	if (!in->max_record)
		in->max_record = CS_IN_DEFAULT_MAX_RECORD;
	if (in->encoding) { /* an unknown name is a usage error, found before any input is read */
		iconv_t cd = iconv_open("UTF-8", in->encoding);
		if (cd == (iconv_t)-1)
			cs_die(CS_EXIT_USAGE, "unknown encoding '%s' (--encoding)", in->encoding);
		iconv_close(cd);
	}
	size_t test = in_test_read_size();
	in->rdcap = test ? test : IN_BUF_SIZE;
	in->cap = IN_BUF_SIZE;
	if (test && test < in->cap) /* room for a BOM plus IN_MIN_ROOM, so heads never spill */
		in->cap = test < 4 * IN_MIN_ROOM ? 4 * IN_MIN_ROOM : test;
	in->buf = cs_malloc(in->cap + 1); /* + 1: the NUL after a last line without newline */
	return in;
}

void cs_in_free(cs_in *in)
{
	if (!in)
		return;
	in_close(in);
	ZSTD_freeDCtx(in->zstd);
	free(in->zbuf);
	free(in->cbuf);
	free(in->unconv);
	if (in->lend_retire)
		in->lend_retire(in->lend_ctx, in->buf);
	else
		free(in->buf);
	free(in->encoding);
	cs_buf_free(&in->line);
	cs_buf_free(&in->rep);
	free(in);
}

int cs_in_getline(cs_in *in, const char **line, size_t *len)
{
	*line = NULL;
	*len = 0;
	for (;;) {
		if (in->state == IN_DONE) {
			if (in->fidx + 1 >= in->nfiles)
				return CS_IN_EOF;
			in->fidx++;
			in->state = IN_UNOPENED;
		}
		int r = in->state == IN_UNOPENED ? in_open(in) : 0;
		if (r == 0)
			r = in_next_line(in, line, len);
		if (r == CS_IN_FATAL || r == CS_IN_EOF)
			in_close(in);
		if (r != CS_IN_EOF)
			return r;
	}
}

/* Open the current file if it is not yet: 0, or CS_IN_FATAL (closed again). */
static int in_open_once(cs_in *in)
{
	if (in->state != IN_UNOPENED)
		return 0;
	int r = in_open(in);
	if (r < 0)
		in_close(in);
	return r < 0 ? r : 0;
}

/* p[0..n) holds a whole line with something other than white space. */
static int in_has_text_line(const char *p, size_t n)
{
	size_t i = 0;
	while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
		i++;
	return i < n && memchr(p + i, '\n', n - i) != NULL;
}

/* Decoded bytes an earlier stage holds, which in_fill hands on without a read. */
static int in_stages_pending(const cs_in *in)
{
	if (in->peek_pos < in->peek_len || (in->cd_live && in->cpos < in->clen))
		return 1;
	if (in->codec == IN_ZSTD)
		return in->zfull || in->zin.pos < in->zin.size;
	return in->codec == IN_GZIP && (in->zfull || in->gz.avail_in);
}

static int64_t in_now_ms(void) { return (int64_t)(cs_monotonic_s() * 1000); }

/* No more input comes to the fd before the deadline (in_now_ms() time). */
static int in_quiet_until(const cs_in *in, int64_t deadline)
{
	if (in_stages_pending(in))
		return 0;
	for (;;) {
		int64_t left = deadline - in_now_ms();
		struct pollfd p = {.fd = in->fd, .events = POLLIN};
		int r = poll(&p, 1, left > 0 ? (int)left : 0);
		if (r >= 0 || errno != EINTR)
			return r == 0;
	}
}

int cs_in_peek(cs_in *in, size_t want, int wait_ms, const char **p, size_t *n)
{
	*p = NULL;
	*n = 0;
	if (in->state == IN_DONE)
		return 0;
	int opened = in_open_once(in);
	if (opened < 0)
		return opened;
	if (want > in->cap / 2)
		want = in->cap / 2;   /* in_fill keeps what it holds in buf below that */
	/* a live stream (pipe, terminal) is waited on at most wait_ms past its
	 * first line that is not blank, so that it still flows */
	int64_t deadline = -1;
	while (in->end - in->pos < want) {
		if (in->fd_may_wait && deadline < 0 && in_has_text_line(in->buf + in->pos, in->end - in->pos))
			deadline = in_now_ms() + wait_ms;
		if (deadline >= 0 && in_quiet_until(in, deadline))
			break;
		long r = in_fill(in);
		if (r < 0) {
			in_close(in);
			return (int)r;
		}
		if (r == 0)
			break;
	}
	*p = in->buf + in->pos;
	*n = in->end - in->pos;
	return 0;
}

long cs_in_read(cs_in *in, char *dst, size_t n)
{
	if (in->state == IN_DONE || n == 0)
		return 0;
	int opened = in_open_once(in);
	if (opened < 0)
		return opened;
	if (in->pos == in->end) {
		long r = in_fill(in);
		if (r <= 0) {
			in_close(in);
			return r;
		}
	}
	size_t k = in->end - in->pos;
	if (k > n)
		k = n;
	memcpy(dst, in->buf + in->pos, k);
	in->pos += k;
	in->nbytes += k;
	return (long)k;
}

int cs_in_next_file(cs_in *in)
{
	if (in->state == IN_OPEN)
		in_close(in);
	if (in->fidx + 1 >= in->nfiles) {
		in->state = IN_DONE;
		return 0;
	}
	in->fidx++;
	in->state = IN_UNOPENED;
	in_set_name(in);
	return 1;
}

void cs_in_set_wait_hook(cs_in *in, void (*fn)(void *ctx), void *ctx)
{
	in->wait_hook = fn;
	in->wait_ctx = ctx;
}

void cs_in_lend(cs_in *in, char *(*fresh)(void *ctx), void (*retire)(void *ctx, char *buf), void *ctx)
{
	in->lend_fresh = fresh;
	in->lend_retire = retire;
	in->lend_ctx = ctx;
}

size_t cs_in_buffer_size(const cs_in *in) { return in->cap + 1; }
int cs_in_line_lent(const cs_in *in) { return in->last_lent; }

const char *cs_in_name(const cs_in *in) { return in->name; }
uint64_t cs_in_lineno(const cs_in *in) { return in->lineno; }
uint64_t cs_in_bytes(const cs_in *in) { return in->nbytes; }
uint64_t cs_in_replaced(const cs_in *in) { return in->nreplaced; }

int cs_in_converted(const cs_in *in) { return in->converted; }

/* The first mark not yet reported at or after line, or NULL; the ones
 * before it belong to records already done with. */
static const struct in_unconverted *in_unconverted_from(cs_in *in, uint64_t line)
{
	while (in->unconv_pos < in->nunconv && in->unconv[in->unconv_pos].line < line)
		in->unconv_pos++;
	if (in->unconv_pos == in->nunconv) {
		in->unconv_pos = in->nunconv = 0;
		return NULL;
	}
	return &in->unconv[in->unconv_pos++];
}

static void in_say_unconverted(const cs_in *in, uint64_t line, const struct in_unconverted *u)
{
	if (u)
		cs_error_at(in->name, line, "%s %s byte sequence (byte 0x%02x); is --encoding right?",
			    u->incomplete ? "incomplete" : "invalid", in->cd_enc, u->byte);
	else
		cs_error_at(in->name, line, "text that cannot be converted from %s; is --encoding right?", in->cd_enc);
	cs_exit_raise(CS_EXIT_DATA);
}

int cs_in_report_unconverted(cs_in *in, uint64_t line)
{
	if (!in->converted)
		return 0;
	in_say_unconverted(in, line, in_unconverted_from(in, line));
	return 1;
}

void cs_in_report_unconverted_rest(cs_in *in)
{
	for (; in->unconv_pos < in->nunconv; in->unconv_pos++)
		in_say_unconverted(in, in->unconv[in->unconv_pos].line, &in->unconv[in->unconv_pos]);
	in->unconv_pos = in->nunconv = 0;
}

void cs_in_each_object(const char *opt, const char *path, void (*fn)(void *ctx, const char *line, size_t len),
		       void *ctx)
{
	char *files[1] = {(char *)path};
	cs_in *in = cs_in_new(files, 1, &(struct cs_in_opts){0, 0, 1, NULL});
	const char *line;
	size_t len;
	uint64_t lineno = 0;
	int rc;
	while ((rc = cs_in_getline(in, &line, &len)) != CS_IN_EOF) {
		lineno++;
		if (rc == CS_IN_FATAL)
			cs_die(CS_EXIT_IO, "%s %s: cannot read it", opt, path);
		enum cs_jtype type;
		cs_jerr err;
		if (rc == CS_IN_BAD || cs_json_value(line, len, CS_JSON_DEFAULT_MAX_DEPTH, &type, &err) < 0 ||
		    type != CS_J_OBJECT)
			cs_die(CS_EXIT_DATA, "%s %s:%llu: not a JSON object", opt, path, (unsigned long long)lineno);
		fn(ctx, line, len);
	}
	cs_in_free(in);
}
