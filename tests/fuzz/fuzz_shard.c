/* fuzz_shard: the shard key and --split's names (kit_shard) and the stats
 * lines cs-roi merge adds up (kit_statsum). The first line is a --shard
 * value, the second a --split -o pattern; the lines after are records, fed
 * twice: first to learn the devices' customers, then to be given a part
 * (which must be 1..N) and, when they are stats records, summed. Every
 * summed line written must be a JSON object. */
#include "fuzz_lines.h"
#include "kit_json.h"
#include "kit_shard.h"
#include "kit_statsum.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_options(const char *shard, const char *pattern)
{
	uint32_t k, n;
	const char *why;
	if (cs_shard_parse(shard, &k, &n, &why) == 0 && (k < 1 || k > n || n > CS_SHARD_MAX))
		abort();
	if (cs_split_pattern_check(pattern, &why) == 0) {
		cs_buf path = CS_BUF_INIT;
		cs_split_path(pattern, 7, &path);
		if (!path.p || (strchr(path.p, '%') && !strstr(pattern, "%%")))
			abort();
		cs_buf_free(&path);
	}
}

static void check_sums(const cs_statsum *sums)
{
	cs_buf out = CS_BUF_INIT;
	cs_obj obj = {0};
	cs_jerr err;
	cs_statsum_write(sums, &out);
	size_t lines = 0;
	for (const char *p = out.p, *nl; p && (nl = strchr(p, '\n')) != NULL; p = nl + 1, lines++)
		if (cs_json_object(p, (size_t)(nl - p), CS_JSON_DEFAULT_MAX_DEPTH, &obj, &err) != 0)
			abort();
	if (lines != cs_statsum_count(sums))
		abort();
	cs_obj_free(&obj);
	cs_buf_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t at = 0, n;
	char *shard = fuzz_next_line(data, size, &at, &n);
	char *pattern = fuzz_next_line(data, size, &at, &n);
	check_options(shard, pattern);
	size_t records = at;
	cs_shard_ctx ctx = {0};
	while (at < size) {
		char *line = fuzz_next_line(data, size, &at, &n);
		cs_shard_learn(&ctx, line, n, CS_JSON_DEFAULT_MAX_DEPTH);
		free(line);
	}
	cs_statsum *sums = cs_statsum_new();
	cs_buf why = CS_BUF_INIT;
	for (at = records; at < size;) {
		char *line = fuzz_next_line(data, size, &at, &n);
		uint32_t part = cs_shard_part_line(&ctx, line, n, CS_JSON_DEFAULT_MAX_DEPTH, 5);
		if (part < 1 || part > 5)
			abort();
		cs_obj obj = {0};
		cs_jerr err;
		if (cs_json_object(line, n, CS_JSON_DEFAULT_MAX_DEPTH, &obj, &err) == 0 && strstr(line, "\"stats\"")) {
			cs_buf_reset(&why);
			cs_statsum_add(sums, &obj, &why);
		}
		cs_obj_free(&obj);
		free(line);
	}
	check_sums(sums);
	cs_statsum_free(sums);
	cs_buf_free(&why);
	cs_shard_ctx_free(&ctx);
	free(shard);
	free(pattern);
	return 0;
}
