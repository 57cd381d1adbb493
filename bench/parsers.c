/* bench/parsers.c: the measurement behind the choice of JSON parser for the
 * record hot path. Reads a corpus into memory and runs each candidate over
 * every line: our byte-keeping scanner (lib/cs_json), libjq's jv parser, and
 * cJSON when its headers are installed (Debian libcjson-dev, optional).
 * Prints "name MB/s" lines; best of 3 passes. */
#include "kit_json.h"
#include "kit_run.h"
#include <jv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#if __has_include(<cjson/cJSON.h>)
#include <cjson/cJSON.h>
#define HAVE_CJSON 1
#endif

struct corpus {
	char *data;
	size_t len;
};

static struct corpus load(const char *path)
{
	struct corpus c = {0};
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		exit(1);
	}
	fseek(f, 0, SEEK_END);
	c.len = (size_t)ftell(f);
	fseek(f, 0, SEEK_SET);
	c.data = malloc(c.len + 1);
	if (!c.data || fread(c.data, 1, c.len, f) != c.len) {
		perror(path);
		exit(1);
	}
	c.data[c.len] = '\0';
	fclose(f);
	return c;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef size_t (*line_fn)(const char *p, size_t n);

static cs_obj obj;
static cs_buf out;

static size_t cs_scan(const char *p, size_t n)
{
	cs_jerr e;
	return cs_json_object(p, n, 0, &obj, &e) == 0 ? obj.n : 0;
}

static size_t cs_scan_splice(const char *p, size_t n)
{
	cs_jerr e;
	if (cs_json_object(p, n, 0, &obj, &e) < 0)
		return 0;
	cs_buf_reset(&out);
	cs_json_set_field(&out, obj.whole.p, obj.whole.n, &obj, "qa", "{\"score\":90}", 12);
	return out.len;
}

static size_t jv_only(const char *p, size_t n)
{
	jv v = jv_parse_sized(p, (int)n);
	size_t ok = jv_get_kind(v) == JV_KIND_OBJECT;
	jv_free(v);
	return ok;
}

static size_t jv_splice(const char *p, size_t n)
{
	jv v = jv_parse_sized(p, (int)n);
	if (jv_get_kind(v) != JV_KIND_OBJECT) {
		jv_free(v);
		return 0;
	}
	v = jv_object_set(v, jv_string("qa"), jv_parse("{\"score\":90}"));
	jv s = jv_dump_string(v, 0);
	size_t len = (size_t)jv_string_length_bytes(jv_copy(s));
	jv_free(s);
	return len;
}

#ifdef HAVE_CJSON
static size_t cjson_only(const char *p, size_t n)
{
	cJSON *j = cJSON_ParseWithLength(p, n);
	size_t ok = j != NULL;
	cJSON_Delete(j);
	return ok;
}
#endif

static void run(const char *name, line_fn fn, const struct corpus *c)
{
	double best = 1e9;
	size_t sink = 0;
	for (int pass = 0; pass < 3; pass++) {
		double t0 = now();
		const char *p = c->data, *end = c->data + c->len;
		while (p < end) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
			sink += fn(p, n);
			p += n + 1;
		}
		double dt = now() - t0;
		if (dt < best)
			best = dt;
	}
	printf("%-44s %8.1f MB/s  (check %zu)\n", name, c->len / best / 1e6, sink % 7);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: parsers CORPUS\n");
		return 2;
	}
	struct corpus c = load(argv[1]);
	run("cs_json scan (validate, top-level members)", cs_scan, &c);
	run("cs_json scan + splice a field (bytes kept)", cs_scan_splice, &c);
	run("libjq jv_parse", jv_only, &c);
	run("libjq jv_parse + set field + jv_dump_string", jv_splice, &c);
#ifdef HAVE_CJSON
	run("cJSON_ParseWithLength", cjson_only, &c);
#else
	printf("%-44s (libcjson-dev not installed)\n", "cJSON_ParseWithLength");
#endif
	cs_obj_free(&obj);
	cs_buf_free(&out);
	free(c.data);
	return 0;
}
