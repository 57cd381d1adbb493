/* fuzz_ndjson: the NDJSON source's reading path on arbitrary bytes: kit_in
 * (decompression by magic bytes, BOM, CRLF, UTF-8 checks and replacement,
 * line limits) then kit_json (the record scan, string and id decoding, paths)
 * and kit_jedit (setting and deleting a path). */
#include "kit_in.h"
#include "kit_jedit.h"
#include "kit_json.h"
#include "kit_msg.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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
	cs_obj_free(&obj);
	cs_buf_free(&scratch);
	cs_buf_free(&out);
	close(fd);
	return 0;
}
