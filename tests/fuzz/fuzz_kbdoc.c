/* fuzz_kbdoc: the knowledge-base document formats (lib/fmt_kbdoc.c) on
 * arbitrary bytes: markdown and text, each with small passages (so that
 * every way of cutting is taken) and the smallest there are. Whatever they
 * feed must be one valid JSON object on one line with string "id",
 * "title", "section", "source" and a "body" that is not empty, has no
 * white space at its ends and, when the input is valid UTF-8 without
 * U+FFFD, is at most the passage size of whole characters; anything else
 * traps. Seeds: tests/fuzz/corpus/kbdoc/. */
#include "fmt_kbdoc.h"
#include "kit_in.h"
#include "kit_opt.h"
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct check {
	cs_obj obj;
	cs_buf scratch;
	size_t max;          /* the passage size */
	int exact;           /* the input is valid UTF-8 without U+FFFD: bodies must be too */
};

static const char *string_of(struct check *k, const char *key, size_t *n)
{
	const cs_member *m = cs_obj_get(&k->obj, key, strlen(key));
	const char *s;
	if (!m || cs_json_str(m->val, m->type, &k->scratch, &s, n) < 0)
		__builtin_trap();
	return s;
}

static int is_space(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v'; }

static void check_record(const char *json, size_t n, void *ctx)
{
	struct check *k = ctx;
	cs_jerr err;
	size_t len;
	if (cs_json_object(json, n, CS_JSON_DEFAULT_MAX_DEPTH, &k->obj, &err) < 0 || memchr(json, '\n', n))
		__builtin_trap();
	string_of(k, "id", &len);
	string_of(k, "title", &len);
	string_of(k, "section", &len);
	string_of(k, "source", &len);
	const char *body = string_of(k, "body", &len);
	if (!len || is_space(body[0]) || is_space(body[len - 1]))
		__builtin_trap();
	if (k->exact && (len > k->max || memmem(body, len, "\xEF\xBF\xBD", 3)))
		__builtin_trap();
}

static void run(const struct cs_doc_format *fmt, const char *text, size_t n, size_t max, size_t overlap, int exact)
{
	struct cs_common c = {.max_depth = 64, .max_record = (size_t)1 << 20};
	struct check k = {.max = max, .exact = exact};
	cs_fmt_kbdoc_set_passage(max, overlap);
	cs_doc_read_mem(fmt, &c, text, n, check_record, &k);
	cs_obj_free(&k.obj);
	cs_buf_free(&k.scratch);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	size_t bad_at;
	int exact = cs_utf8_valid(text, size, &bad_at) && !memmem(text, size, "\xEF\xBF\xBD", 3);
	if (cs_fmt_markdown.sniff(text, size, "x.md") != 90 || cs_fmt_plaintext.sniff(text, size, NULL) != 0)
		__builtin_trap();
	run(&cs_fmt_markdown, text, size, 48, 12, exact);
	run(&cs_fmt_plaintext, text, size, 48, 12, exact);
	run(&cs_fmt_markdown, text, size, 16, 100, exact);   /* the overlap taken as 8 */
	run(&cs_fmt_plaintext, text, size, 16, 8, exact);
	return 0;
}
