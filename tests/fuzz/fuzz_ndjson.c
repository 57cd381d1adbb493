/* fuzz_ndjson: the NDJSON source's reading path on arbitrary bytes: kit_in
 * (decompression by magic bytes, BOM, CRLF, UTF-8 checks and replacement,
 * line limits) then kit_json (the record scan, string and id decoding, paths)
 * and kit_jedit (setting and deleting a path). The input is read again with
 * lines on loan (cs_in_lend): the same lines must come out, and every line on
 * loan must still hold its bytes at the end. */
#include "kit_buf.h"
#include "kit_in.h"
#include "kit_jedit.h"
#include "kit_json.h"
#include "kit_msg.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void poke_members(const cs_obj *obj, cs_buf *scratch)
{
	for (size_t i = 0; i < obj->n; i++) {
		const char *s;
		size_t n;
		cs_json_str(obj->m[i].val, (enum cs_jtype)obj->m[i].type, scratch, &s, &n);
		cs_json_id(obj->m[i].val, (enum cs_jtype)obj->m[i].type, scratch, &s, &n);
	}
}

static void edit(const char *line, size_t len, cs_buf *out)
{
	cs_path p;
	if (cs_path_parse(&p, "customer.id", 11) < 0)
		return;
	cs_json_set_path(line, len, &p, "\"x\"", 3, 64, out);
	cs_json_del_path(line, len, &p, 64, out);
	cs_path_free(&p);
}

/* A lender that never hands a buffer out twice and frees them at the end. */
struct lender {
	char **buf;
	size_t n;
};

static char *lend_fresh(void *ctx)
{
	(void)ctx;
	char *p = malloc(1 << 18);
	if (!p)
		abort();
	return p;
}

static void lend_retire(void *ctx, char *buf)
{
	struct lender *l = ctx;
	l->buf = realloc(l->buf, (l->n + 1) * sizeof *l->buf);
	if (!l->buf)
		abort();
	l->buf[l->n++] = buf;
}

/* Every line of files[0] as status, length and bytes into out; with lending
 * on, also each line on loan, checked at the end to be as it was. */
static void read_lines(char **files, const struct cs_in_opts *io, int lend, cs_buf *out)
{
	struct lender l = {NULL, 0};
	cs_buf kept = CS_BUF_INIT;   /* pointer, length, then the bytes, of each line on loan */
	cs_in *in = cs_in_new(files, 1, io);
	if (lend)
		cs_in_lend(in, lend_fresh, lend_retire, &l);
	const char *line;
	size_t len;
	int r;
	while ((r = cs_in_getline(in, &line, &len)) != CS_IN_EOF && r != CS_IN_FATAL) {
		cs_buf_printf(out, "%d %zu:", r, len);
		if (r == CS_IN_LINE)
			cs_buf_add(out, line, len);
		if (lend && r == CS_IN_LINE && cs_in_line_lent(in)) {
			cs_buf_add(&kept, &line, sizeof line);
			cs_buf_add(&kept, &len, sizeof len);
			cs_buf_add(&kept, line, len + 1);
		}
	}
	for (size_t off = 0; off < kept.len;) {
		const char *p;
		size_t n;
		memcpy(&p, kept.p + off, sizeof p);
		memcpy(&n, kept.p + off + sizeof p, sizeof n);
		off += sizeof p + sizeof n;
		if (memcmp(p, kept.p + off, n + 1) != 0)
			abort();   /* a line on loan was overwritten */
		off += n + 1;
	}
	cs_in_free(in);
	for (size_t i = 0; i < l.n; i++)
		free(l.buf[i]);
	free(l.buf);
	cs_buf_free(&kept);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int quiet;
	if (!quiet++) {
		cs_msg_init("fuzz_ndjson");
		cs_msg_set_quiet(1);
	}
	int fd = memfd_create("in", 0);
	if (fd < 0 || write(fd, data, size) != (ssize_t)size)
		abort();
	char name[64];
	snprintf(name, sizeof name, "/proc/self/fd/%d", fd);
	char *files[] = {name};
	struct cs_in_opts io = {.max_record = 1 << 16, .check_utf8 = 1, .replace_invalid = size & 1};
	cs_in *in = cs_in_new(files, 1, &io);
	cs_obj obj = {0};
	cs_buf scratch = CS_BUF_INIT, out = CS_BUF_INIT;
	const char *line;
	size_t len;
	int r;
	while ((r = cs_in_getline(in, &line, &len)) != CS_IN_EOF && r != CS_IN_FATAL) {
		cs_jerr je;
		if (r == CS_IN_LINE && cs_json_object(line, len, 64, &obj, &je) == 0) {
			poke_members(&obj, &scratch);
			edit(line, len, &out);
		}
	}
	cs_in_free(in);
	cs_buf plain = CS_BUF_INIT, lent = CS_BUF_INIT;
	read_lines(files, &io, 0, &plain);
	read_lines(files, &io, 1, &lent);
	if (plain.len != lent.len || (plain.len && memcmp(plain.p, lent.p, plain.len) != 0))
		abort();   /* lending changed the lines */
	cs_buf_free(&plain);
	cs_buf_free(&lent);
	cs_obj_free(&obj);
	cs_buf_free(&scratch);
	cs_buf_free(&out);
	close(fd);
	return 0;
}
