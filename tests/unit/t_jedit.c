/* t_jedit: JSON editing on record bytes (lib/kit_jedit.c). */
#include "kit_jedit.h"
#include "tap.h"

static const char *set(const char *rec, const char *path, const char *val, int depth, cs_buf *out)
{
	cs_path p;
	if (cs_path_parse(&p, path, strlen(path)) < 0)
		return "BAD PATH";
	int r = cs_json_set_path(rec, strlen(rec), &p, val, strlen(val), depth, out);
	cs_path_free(&p);
	return r < 0 ? "ERROR" : out->p;
}

static const char *del(const char *rec, const char *path, cs_buf *out)
{
	cs_path p;
	cs_path_parse(&p, path, strlen(path));
	cs_json_del_path(rec, strlen(rec), &p, 64, out);
	cs_path_free(&p);
	return out->p;
}

static const char *splice(const char *rec, const char *key, const char *val, cs_buf *out)
{
	cs_obj obj = {0};
	cs_jerr je;
	cs_buf_reset(out);
	if (cs_json_object(rec, strlen(rec), 64, &obj, &je) < 0)
		return "NOT JSON";
	cs_json_set_field(out, obj.whole.p, obj.whole.n, &obj, key, val, strlen(val));
	cs_obj_free(&obj);
	return out->p;
}

static void test_paths(void)
{
	cs_path p;
	ok(cs_path_parse(&p, "customer.id", 11) == 0 && p.n == 2 && strcmp(p.name[1], "id") == 0, "a dotted path");
	cs_path_free(&p);
	ok(cs_path_parse(&p, "a\\.b.c\\\\", 8) == 0 && p.n == 2 && strcmp(p.name[0], "a.b") == 0 &&
	   strcmp(p.name[1], "c\\") == 0, "escaped dot and backslash");
	cs_path_free(&p);
	ok(cs_path_parse(&p, "a..b", 4) < 0, "an empty step is refused");
	ok(cs_path_parse(&p, "", 0) < 0, "an empty path is refused");
	char deep[64] = "a";
	for (int i = 1; i <= CS_PATH_MAX; i++)
		strcat(deep, ".a");
	ok(cs_path_parse(&p, deep, strlen(deep)) < 0, "more than CS_PATH_MAX steps are refused");
}

static void test_set_del(void)
{
	cs_buf out = CS_BUF_INIT;
	const char *rec = "{\"n\":1.50,\"big\":12345678901234567890,\"customer\":{\"name\":\"x\"}}";
	is_str(set(rec, "customer.id", "\"u1\"", 64, &out),
	       "{\"n\":1.50,\"big\":12345678901234567890,\"customer\":{\"name\":\"x\",\"id\":\"u1\"}}",
	       "a nested field is added, the other bytes kept");
	is_str(set(rec, "n", "2", 64, &out), "{\"n\":2,\"big\":12345678901234567890,\"customer\":{\"name\":\"x\"}}",
	       "a value is replaced in place");
	is_str(set(rec, "a.b.c", "true", 64, &out),
	       "{\"n\":1.50,\"big\":12345678901234567890,\"customer\":{\"name\":\"x\"},\"a\":{\"b\":{\"c\":true}}}",
	       "missing objects on the way are made");
	is_str(set(rec, "n.x", "1", 64, &out), "ERROR", "a step that is not an object is an error");
	is_str(set("{\"a\":{\"b\":{}}}", "a.b.c", "1", 2, &out), "ERROR", "the depth limit holds");
	is_str(del(rec, "customer.name", &out), "{\"n\":1.50,\"big\":12345678901234567890,\"customer\":{}}",
	       "a nested field is deleted");
	is_str(del(rec, "n", &out), "{\"big\":12345678901234567890,\"customer\":{\"name\":\"x\"}}", "a top-level one");
	is_str(del(rec, "nope.x", &out), rec, "an absent path leaves a copy");
	cs_path none = {0};
	ok(cs_json_set_path(rec, strlen(rec), &none, "1", 1, 64, &out) < 0, "an empty path cannot be set");
	cs_json_del_path(rec, strlen(rec), &none, 64, &out);
	is_str(out.p, rec, "and deleting it leaves a copy");
	cs_buf_free(&out);
}

static void test_splice(void)
{
	cs_buf out = CS_BUF_INIT;
	is_str(splice("{\"a\":1}", "qa", "{\"score\":90}", &out), "{\"a\":1,\"qa\":{\"score\":90}}", "appended last");
	is_str(splice("{}", "qa", "1", &out), "{\"qa\":1}", "into an empty object");
	is_str(splice("{\"qa\":0,\"b\":[1, 2]}", "qa", "7", &out), "{\"qa\":7,\"b\":[1, 2]}", "replaced in place");
	is_str(splice("{\"qa\":0,\"qa\":1}", "qa", "7", &out), "{\"qa\":0,\"qa\":7}", "the last of a repeated key");
	is_str(splice("{\"a\":1}", "we\"ird", "1", &out), "{\"a\":1,\"we\\\"ird\":1}", "a key that needs escapes");
	cs_buf_free(&out);
}

int main(void)
{
	test_paths();
	test_set_del();
	test_splice();
	return tap_done();
}
