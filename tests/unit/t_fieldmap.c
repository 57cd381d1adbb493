/* Unit tests for cs_fieldmap (--map, --set) and cs_hash. */
#include "eng_ingest_map.h"
#include "kit_hash.h"
#include "kit_msg.h"
#include "tap.h"
#include <stdlib.h>

static void test_parse(void)
{
	cs_fieldmap m = {0};
	char err[256] = "";
	is_int(cs_fieldmap_parse(&m, "customer.id=user\\.id,ts=CreateTime,score=s:number,a\\,b=x\\=y", err, sizeof err), 0,
	       "a map with escapes parses");
	is_int(m.n, 4, "four items");
	is_int(m.item[0].to.n, 2, "customer.id is a two-step path");
	is_str(m.item[0].from.name[0], "user.id", "escaped dot stays in the name");
	is_int(m.item[0].type, CS_FT_STRING, "a target named id defaults to string");
	is_int(m.item[1].type, CS_FT_TIME, "ts defaults to time");
	is_int(m.item[2].type, CS_FT_NUMBER, "explicit :number");
	is_str(m.item[3].to.name[0], "a,b", "escaped comma in a target");
	is_str(m.item[3].from_text, "x=y", "escaped equals in a source");
	ok(cs_fieldmap_parse(&m, "nonsense", err, sizeof err) < 0 && strstr(err, "to=from"), "missing = is an error");
	ok(cs_fieldmap_parse(&m, "a=b:date", err, sizeof err) < 0 && strstr(err, "unknown type"), "unknown type is an error");
	ok(cs_fieldmap_parse(&m, "a..b=c", err, sizeof err) < 0, "empty path step is an error");
	cs_fieldmap_free(&m);
}

static const char *convert(const char *spec, const char *raw, enum cs_jtype t, int max_depth, cs_buf *out)
{
	cs_fieldmap m = {0};
	char err[256];
	cs_buf_reset(out);
	cs_fieldmap_parse(&m, spec, err, sizeof err);
	int r = cs_fieldmap_convert(&m.item[0], raw, strlen(raw), t, max_depth, out, err, sizeof err);
	cs_fieldmap_free(&m);
	return r < 0 ? "ERROR" : out->p;
}

static void test_convert(void)
{
	cs_buf b = CS_BUF_INIT;
	is_str(convert("id=x", "7262094405921456001", CS_J_NUMBER, 0, &b), "\"7262094405921456001\"", "big number id to exact string");
	is_str(convert("ts=x", "1772419200", CS_J_NUMBER, 0, &b), "\"2026-03-02T02:40:00Z\"", "epoch seconds to RFC 3339");
	is_str(convert("ts=x", "1772419200123", CS_J_NUMBER, 0, &b), "\"2026-03-02T02:40:00.123Z\"", "epoch ms keeps ms");
	is_str(convert("ts=x", "\"2026-03-01T09:00:00+08:00\"", CS_J_STRING, 0, &b), "\"2026-03-01T01:00:00Z\"", "offset to UTC");
	is_str(convert("n=x:number", "\"4.50\"", CS_J_STRING, 0, &b), "4.50", "a string (a CSV cell) to number, digits kept");
	is_str(convert("n=x:number", "\"abc\"", CS_J_STRING, 0, &b), "ERROR", "non-number refused");
	is_str(convert("v=x:bool", "\"yes\"", CS_J_STRING, 0, &b), "true", "yes is true");
	is_str(convert("v=x:bool", "0", CS_J_NUMBER, 0, &b), "false", "0 is false");
	is_str(convert("j=x:json", "\"{\\\"a\\\":[1]}\"", CS_J_STRING, 0, &b), "{\"a\":[1]}", "JSON in a string parsed");
	is_str(convert("j=x:json", "\"[[[1]]]\"", CS_J_STRING, 2, &b), "ERROR", "JSON in a string deeper than max_depth refused");
	is_str(convert("t=x:string", "\"say \\\"hi\\\"\\n\"", CS_J_STRING, 0, &b), "\"say \\\"hi\\\"\\n\"", "a string stays an escaped string");
	is_str(convert("o=x", "{\"k\":1}", CS_J_OBJECT, 0, &b), "{\"k\":1}", "untyped values copied as they are");
	cs_buf_free(&b);
}

static void test_set_del_path(void)
{
	cs_path p;
	cs_buf out = CS_BUF_INIT;
	const char *rec = "{\"a\":1,\"customer\":{\"name\":\"n\"},\"s\":\"x\"}";
	cs_path_parse(&p, "customer.id", 11);
	is_int(cs_json_set_path(rec, strlen(rec), &p, "\"u1\"", 4, 0, &out), 0, "set into an existing object");
	is_str(out.p, "{\"a\":1,\"customer\":{\"name\":\"n\",\"id\":\"u1\"},\"s\":\"x\"}", "merged, order kept");
	cs_path_free(&p);
	cs_path_parse(&p, "x.y.z", 5);
	cs_json_set_path(rec, strlen(rec), &p, "2", 1, 0, &out);
	is_str(out.p, "{\"a\":1,\"customer\":{\"name\":\"n\"},\"s\":\"x\",\"x\":{\"y\":{\"z\":2}}}", "missing steps created");
	cs_path_free(&p);
	cs_path_parse(&p, "s.t", 3);
	is_int(cs_json_set_path(rec, strlen(rec), &p, "1", 1, 0, &out), -1, "a string on the way is an error");
	cs_path_free(&p);
	cs_path_parse(&p, "customer.name", 13);
	cs_json_del_path(rec, strlen(rec), &p, 0, &out);
	is_str(out.p, "{\"a\":1,\"customer\":{},\"s\":\"x\"}", "nested field removed");
	cs_path_free(&p);
	cs_path_parse(&p, "a", 1);
	cs_json_del_path(rec, strlen(rec), &p, 0, &out);
	is_str(out.p, "{\"customer\":{\"name\":\"n\"},\"s\":\"x\"}", "first field removed");
	cs_path_free(&p);
	cs_buf_free(&out);
}

static void test_hash(void)
{
	cs_fpset s = {0};
	char key[32];
	int fresh = 0, again = 0;
	for (int i = 0; i < 100000; i++) {
		int n = snprintf(key, sizeof key, "chat\x1fm-%d", i);
		fresh += cs_fpset_add(&s, key, (size_t)n);
	}
	for (int i = 0; i < 100000; i++) {
		int n = snprintf(key, sizeof key, "chat\x1fm-%d", i);
		again += cs_fpset_add(&s, key, (size_t)n);
	}
	is_int(fresh, 100000, "100000 distinct ids are all new");
	is_int(again, 0, "and all seen the second time");
	ok(cs_fpset_add(&s, "email\x1fm-1", 9), "same id on another channel is new");
	cs_fp fp = cs_fp_of("chat\x1fm-7", 8);
	cs_fpset_prefetch(&s, fp);
	ok(!cs_fpset_add_fp(&s, fp), "the stepwise add finds a key the one-call add stored");
	fp = cs_fp_of("chat\x1fm-100000", 13);
	ok(cs_fpset_add_fp(&s, fp) && !cs_fpset_add(&s, "chat\x1fm-100000", 13),
	   "and the one-call add finds a key the stepwise add stored");
	cs_fpset empty = {0};
	cs_fpset_prefetch(&empty, fp);
	ok(cs_fpset_add_fp(&empty, fp), "prefetch on an empty set is harmless");
	cs_fpset_free(&empty);
	cs_fpset_free(&s);
	ok(cs_hash64("abc", 3, 1) != cs_hash64("abc", 3, 2), "seed changes the hash");
	ok(cs_hash64("abcdefgh1", 9, 0) != cs_hash64("abcdefgh2", 9, 0), "tail bytes count");
	cs_map m = {0};
	int vals[1000];
	for (int i = 0; i < 1000; i++) {
		int n = snprintf(key, sizeof key, "k%d", i);
		vals[i] = i;
		cs_map_put(&m, key, (size_t)n, &vals[i]);
	}
	int okay = 1;
	for (int i = 0; i < 1000; i += 2) {
		int n = snprintf(key, sizeof key, "k%d", i);
		okay &= cs_map_del(&m, key, (size_t)n) == &vals[i];
	}
	for (int i = 0; i < 1000; i++) {
		int n = snprintf(key, sizeof key, "k%d", i);
		void *v = cs_map_get(&m, key, (size_t)n);
		okay &= i % 2 ? v == &vals[i] : v == NULL;
	}
	ok(okay && m.n == 500, "map put/del/get agree after deleting half");
	cs_map_free(&m);
}

int main(void)
{
	cs_msg_init("t_fieldmap");
	test_parse();
	test_convert();
	test_set_del_path();
	test_hash();
	return tap_done();
}
