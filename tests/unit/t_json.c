/* Unit tests for cs_json: the byte-keeping scanner. */
#include "kit_json.h"
#include "kit_jval.h"
#include "kit_run.h"
#include "tap.h"
#include <stdio.h>
#include <stdlib.h>

static int scan(const char *s, cs_obj *o, cs_jerr *e) { return cs_json_object(s, strlen(s), 0, o, e); }

static void test_members(void)
{
	cs_obj o = {0};
	cs_jerr e;
	const char *s = " {\"a\":1.50,\"b\":{\"c\":[1,{\"d\":null}]},\"e\":\"x\\\"y\",\"f\":[],\"g\":{},\"id\":12345678901234567890123} ";
	is_int(scan(s, &o, &e), 0, "valid object scans");
	is_int(o.n, 6, "six top-level members");
	ok(o.m[0].val.n == 4 && memcmp(o.m[0].val.p, "1.50", 4) == 0, "number bytes kept as written");
	is_int(o.m[1].type, CS_J_OBJECT, "nested object typed");
	ok(o.m[1].val.n == strlen("{\"c\":[1,{\"d\":null}]}"), "nested object span covers it exactly");
	is_int(o.m[3].type, CS_J_ARRAY, "empty array typed");
	is_int(o.m[4].val.n, 2, "empty object span");
	ok(o.whole.p == s + 1 && o.whole.p[o.whole.n - 1] == '}', "whole span trimmed of outer spaces");
	const cs_member *m = cs_obj_get(&o, "id", 2);
	ok(m && m->val.n == 23, "20+ digit integer kept whole");
	cs_buf sc = CS_BUF_INIT;
	const char *t;
	size_t n;
	is_int(cs_json_id(m->val, (enum cs_jtype)m->type, &sc, &t, &n), 0, "number as id");
	ok(n == 23 && memcmp(t, "12345678901234567890123", 23) == 0, "id text is the digits exactly");
	m = cs_obj_get(&o, "e", 1);
	is_int(cs_json_str(m->val, (enum cs_jtype)m->type, &sc, &t, &n), 0, "string value");
	ok(n == 3 && memcmp(t, "x\"y", 3) == 0, "escapes decoded");
	ok(cs_obj_get(&o, "zz", 2) == NULL, "missing key is NULL");
	is_int(cs_member_str(m, &sc, &t, &n), 0, "a member's string");
	ok(!m->val_plain && n == 3 && memcmp(t, "x\"y", 3) == 0, "with an escape: not plain, decoded");
	cs_obj o2 = {0};
	const char *plain = "{\"id\":\"m-1\",\"n\":42}";
	is_int(cs_json_object(plain, strlen(plain), 0, &o2, &e), 0, "a record of plain strings");
	ok(o2.m[0].val_plain && cs_member_str(&o2.m[0], &sc, &t, &n) == 0 && t == plain + 7 && n == 3,
	   "a plain string is read in place, without looking for escapes");
	ok(cs_member_id(&o2.m[1], &sc, &t, &n) == 0 && n == 2 && memcmp(t, "42", 2) == 0, "a number as id");
	cs_member made = {.key = {"k", 1}, .val = {"\"a\\\"b\"", 6}, .type = CS_J_STRING};
	ok(cs_member_str(&made, &sc, &t, &n) == 0 && n == 3 && memcmp(t, "a\"b", 3) == 0,
	   "a member built elsewhere (val_plain 0) is looked at for escapes");
	cs_obj_free(&o2);
	cs_buf_free(&sc);
	cs_obj_free(&o);
}

static void test_duplicate_and_escaped_keys(void)
{
	cs_obj o = {0};
	cs_jerr e;
	scan("{\"k\":1,\"k\":2,\"\\u006bind\":\"x\"}", &o, &e);
	const cs_member *m = cs_obj_get(&o, "k", 1);
	ok(m && m->val.p[0] == '2', "the last of repeated keys wins");
	ok(cs_obj_get(&o, "kind", 4) != NULL, "escaped key matches its decoded text");
	cs_obj_free(&o);
	/* The same in a nested object, where cs_jget reads the bytes itself. */
	const char *rec = "{\"customer\":{\"\\u0069d\":\"k1\",\"t\\u0069er\":\"a\",\"tier\":\"b\",\"n\\\\\":3}}";
	cs_jval v = {rec, strlen(rec), CS_J_OBJECT}, c = cs_jget(v, "customer");
	cs_buf sc = CS_BUF_INIT;
	is_str(cs_jtext(cs_jget(c, "id"), &sc), "k1", "nested: an escaped key matches its decoded text");
	is_str(cs_jtext(cs_jget(c, "tier"), &sc), "b", "nested: the last of a key written two ways wins");
	ok(cs_jget(c, "n\\").t == CS_J_NUMBER && cs_jget(c, "n").t == CS_J_NONE, "nested: an escaped backslash");
	cs_buf_free(&sc);
}

static void test_unicode_escapes(void)
{
	cs_obj o = {0};
	cs_jerr e;
	cs_buf sc = CS_BUF_INIT;
	const char *t;
	size_t n;
	scan("{\"s\":\"\\u4e2d\\ud83d\\ude00\\ud800x\"}", &o, &e);
	cs_json_str(o.m[0].val, CS_J_STRING, &sc, &t, &n);
	is_str(t, "\xe4\xb8\xad\xf0\x9f\x98\x80\xef\xbf\xbdx", "BMP, surrogate pair and lone surrogate decode");
	cs_buf_free(&sc);
	cs_obj_free(&o);
}

static void test_errors(void)
{
	static const struct {
		const char *in, *what;
		size_t col;
	} bad[] = {
		{"[1]", "not a JSON object", 1},
		{"{\"a\":}", "expected a value", 6},
		{"{\"a\":1,}", "expected a string key", 8},
		{"{\"a\":[1,2}", "expected ',' or ']'", 10},
		{"{\"a\":\"\\q\"}", "invalid escape in string", 7},
		{"{\"a\":01}", "expected ',' or '}'", 7},
		{"{\"a\":1} x", "unexpected data after the value", 9},
		{"{\"a\":\"x", "unterminated string", 8},
		{"{\"a\":\"\x01\"}", "control character in string", 7},
		{"{\"a\":tru}", "expected a value", 6},
		{"{\"a\":-}", "expected a value", 6},
		{"{\"a\":1.}", "expected a value", 6},
		{"{\"a\" 1}", "expected ':'", 6},
		{"{\"a\":\"\\u12g4\"}", "invalid \\u escape", 7},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cs_obj o = {0};
		cs_jerr e = {0};
		int r = scan(bad[i].in, &o, &e);
		ok(r < 0 && e.what && strcmp(e.what, bad[i].what) == 0 && e.off + 1 == bad[i].col,
		   "'%s' rejected: %s at column %zu (got %s at %zu)", bad[i].in, bad[i].what, bad[i].col,
		   e.what ? e.what : "-", e.off + 1);
		cs_obj_free(&o);
	}
	/* the same faults after members of the compact form, which a loop of its
	 * own reads: the error and its column are the general loop's */
	static const char *const before[] = {"\"kind\":\"message\",\"id\":\"m-000000000001\",",
		"\"n\":12,\"t\":true,\"o\":{\"id\":\"c-1\"},", "\"k\" : \"v\", \"s\":\"long enough to need the slow scan\","};
	for (size_t b = 0; b < sizeof before / sizeof *before; b++)
		for (size_t i = 1; i < sizeof bad / sizeof bad[0]; i++) {
			char in[256];
			if (bad[i].in[0] != '{')
				continue;
			snprintf(in, sizeof in, "{%s%s", before[b], bad[i].in + 1);
			cs_obj o = {0};
			cs_jerr e = {0};
			int r = scan(in, &o, &e);
			size_t col = bad[i].col + strlen(before[b]);
			ok(r < 0 && e.what && strcmp(e.what, bad[i].what) == 0 && e.off + 1 == col,
			   "'%s' rejected: %s at column %zu (got %s at %zu)", in, bad[i].what, col, e.what ? e.what : "-",
			   e.off + 1);
			cs_obj_free(&o);
		}
}

/* Records that leave the compact form part way: members of both loops. */
static void test_compact_and_general(void)
{
	static const struct {
		const char *in;
		size_t n;
		const char *last_key, *last_val;
	} cases[] = {
		{"{\"kind\":\"message\",\"id\":\"m-1\",\"a\" : 1,\"b\":\"c\"}", 4, "b", "\"c\""},
		{"{\"kind\":\"message\",\"x\":1 ,\"y\":[1, 2],\"z\":null}", 4, "z", "null"},
		{"{\"kind\":\"message\",\"k\\\"q\":\"v\",\"last\":\"w\"}", 3, "last", "\"w\""},
		{"{\"kind\":\"message\",\"t\":\"a\\nb and more than sixteen\",\"u\":-1.5e3}", 3, "u", "-1.5e3"},
		{"{\"kind\":\"message\", \"id\":\"m-1\"}", 2, "id", "\"m-1\""},
		{"{\"kind\":\"message\",\"id\":\"m-1\"}  ", 2, "id", "\"m-1\""},
		{"{\"kind\":\"message\",\"c\":{\"id\":\"c-1\",\"n\":-2,\"t\":true},\"z\":{}}", 3, "z", "{}"},
		{"{\"kind\":\"message\",\"c\":{\"id\":\"c-1\",\"n\":-2,\"t\":true},\"last\":1}", 3, "c", NULL},
		{"{\"kind\":\"message\",\"c\":{\"a\":{\"b\":[1]}, \"d\" : \"e\"},\"last\":1}", 3, "last", "1"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		cs_obj o = {0};
		cs_jerr e = {0};
		int r = scan(cases[i].in, &o, &e);
		const cs_member *m = r == 0 && o.n == cases[i].n ? &o.m[o.n - 1] : NULL;
		if (m && !cases[i].last_val) {   /* the object before the last member, read whole */
			m = &o.m[o.n - 2];
			ok(m->type == CS_J_OBJECT && m->val.n == strlen("{\"id\":\"c-1\",\"n\":-2,\"t\":true}"),
			   "'%s': a compact nested object is the member's whole value", cases[i].in);
			cs_obj_free(&o);
			continue;
		}
		ok(m && o.m[0].key.n == 4 && memcmp(o.m[0].key.p, "kind", 4) == 0 && o.m[0].val.n == 9 &&
			   memcmp(o.m[0].val.p, "\"message\"", 9) == 0 && o.m[0].type == CS_J_STRING &&
			   m->key.n == strlen(cases[i].last_key) && memcmp(m->key.p, cases[i].last_key, m->key.n) == 0 &&
			   m->val.n == strlen(cases[i].last_val) && memcmp(m->val.p, cases[i].last_val, m->val.n) == 0,
		   "'%s': %zu members, the first kind, the last %s", cases[i].in, cases[i].n, cases[i].last_key);
		cs_obj_free(&o);
	}
	cs_obj o = {0};
	cs_jerr e = {0};
	const char *nested = "{\"kind\":\"message\",\"customer\":{\"id\":\"cust-0000000001\"},\"text\":\"more after it\"}";
	ok(cs_json_object(nested, strlen(nested), 1, &o, &e) < 0 && e.code == CS_JERR_DEPTH && e.off == 29,
	   "a compact nested object is still too deep for --max-depth 1");
	ok(scan("{\"kind\":\"message\",\"k\\\"q\":\"v\",\"t\":\"a\\nb\"}", &o, &e) == 0 && o.n == 3 &&
		   !o.m[0].key_escaped && o.m[0].val_plain && o.m[1].key_escaped && o.m[1].val_plain && !o.m[2].val_plain,
	   "escaped keys and values are marked whichever loop read them");
	cs_obj_free(&o);
}

static void test_error_codes(void)
{
	cs_obj o = {0};
	cs_jerr e = {0};
	ok(cs_json_object(" \t ", 3, 0, &o, &e) < 0 && e.code == CS_JERR_EMPTY, "white space only: CS_JERR_EMPTY");
	ok(cs_json_object("", 0, 0, &o, &e) < 0 && e.code == CS_JERR_EMPTY, "nothing: CS_JERR_EMPTY");
	ok(cs_json_object(" [1]", 4, 0, &o, &e) < 0 && e.code == CS_JERR_NOT_OBJECT, "an array: CS_JERR_NOT_OBJECT");
	ok(cs_json_object("{\"a\":}", 6, 0, &o, &e) < 0 && e.code == CS_JERR_SYNTAX, "bad JSON: CS_JERR_SYNTAX");
	ok(cs_json_object("{\"a\":\"\\x\"}", 9, 0, &o, &e) < 0 && e.code == CS_JERR_SYNTAX,
	   "bad escape: CS_JERR_SYNTAX");
	cs_obj_free(&o);
}

static void test_depth(void)
{
	size_t n = 100000;
	char *deep = malloc(n + 8);
	memcpy(deep, "{\"a\":", 5);
	memset(deep + 5, '[', n - 5);
	deep[n] = '\0';
	cs_obj o = {0};
	cs_jerr e = {0};
	ok(cs_json_object(deep, n, 512, &o, &e) < 0 && strcmp(e.what, "nesting too deep (--max-depth)") == 0,
	   "100000-deep nesting is an error, not a stack overflow");
	is_int(e.off + 1, 5 + 512, "reported where depth 513 starts");
	is_int(e.code, CS_JERR_DEPTH, "classified as too deep");
	ok(cs_json_object("{\"a\":[[1]]}", 11, 3, &o, &e) == 0, "depth 3 allowed at limit 3");
	ok(cs_json_object("{\"a\":[[[1]]]}", 13, 3, &o, &e) < 0, "depth 4 refused at limit 3");
	free(deep);
	cs_obj_free(&o);
}

static int count_item(cs_span item, enum cs_jtype t, void *ctx)
{
	(void)item;
	int *n = ctx;
	*n += t == CS_J_OBJECT ? 10 : 1;
	return 0;
}

static void test_each_and_path(void)
{
	cs_obj o = {0};
	cs_jerr e;
	scan("{\"m\":[{\"a\":\"]\"},2,\"x,y\",[3,[4]]],\"c\":{\"d\":{\"e\":\"deep\"}}}", &o, &e);
	int n = 0;
	cs_json_each(o.m[0].val, count_item, &n);
	is_int(n, 13, "array iteration sees 1 object and 3 other items");
	const char *keys[] = {"c", "d", "e"};
	size_t lens[] = {1, 1, 1};
	cs_span v;
	enum cs_jtype t;
	ok(cs_obj_path(&o, keys, lens, 3, &v, &t) == 0 && v.n == 6 && t == CS_J_STRING, "nested path found");
	ok(cs_obj_path(&o, keys, lens, 2, &v, &t) == 0 && t == CS_J_OBJECT, "partial path is the object");
	const char *bad[] = {"m", "x"};
	ok(cs_obj_path(&o, bad, lens, 2, &v, &t) < 0, "path through an array fails");
	cs_obj_free(&o);
}

/* The items and members cs_json_each_members gives, and what cs_json_each
 * and cs_json_members find on their own, side by side. */
struct each_log {
	cs_span items[16];
	cs_obj members[16];
	int has_members[16];
	size_t n;
};

static int log_item(cs_span item, enum cs_jtype t, void *ctx)
{
	(void)t;
	struct each_log *l = ctx;
	l->items[l->n] = item;
	l->has_members[l->n] = cs_json_members(item, &l->members[l->n]) == 0;
	l->n++;
	return 0;
}

static int log_item_members(cs_span item, enum cs_jtype t, const cs_obj *members, void *ctx)
{
	(void)t;
	struct each_log *l = ctx;
	l->items[l->n] = item;
	l->has_members[l->n] = members != NULL;
	if (members) {
		cs_obj *copy = &l->members[l->n];
		copy->n = 0;
		for (size_t k = 0; k < members->n; k++) {
			if (copy->n == copy->cap) {
				copy->cap = copy->cap ? copy->cap * 2 : 8;
				copy->m = realloc(copy->m, copy->cap * sizeof *copy->m);
			}
			copy->m[copy->n++] = members->m[k];
		}
		copy->whole = members->whole;
	}
	l->n++;
	return 0;
}

static void test_each_members(void)
{
	cs_obj o = {0};
	cs_jerr e;
	scan("{\"m\": [ {\"a\":\"]}\" , \"b\":{\"c\":[1,{\"d\":2}]}} ,2, {} ,\"x,{y\",[3,[4]], {\"k\\\"q\":null,\"t\":\"\\\"\"}]}", &o, &e);
	struct each_log a = {0}, b = {0};
	cs_obj scratch = {0};
	cs_json_each(o.m[0].val, log_item, &a);
	cs_json_each_members(o.m[0].val, &scratch, log_item_members, &b);
	int same = a.n == b.n && a.n == 6;
	for (size_t i = 0; same && i < a.n; i++) {
		same = a.items[i].p == b.items[i].p && a.items[i].n == b.items[i].n && a.has_members[i] == b.has_members[i];
		if (same && a.has_members[i]) {
			const cs_obj *x = &a.members[i], *y = &b.members[i];
			same = x->n == y->n && x->whole.p == y->whole.p && x->whole.n == y->whole.n;
			for (size_t k = 0; same && k < x->n; k++)
				same = x->m[k].key.p == y->m[k].key.p && x->m[k].key.n == y->m[k].key.n &&
				       x->m[k].val.p == y->m[k].val.p && x->m[k].val.n == y->m[k].val.n &&
				       x->m[k].type == y->m[k].type && x->m[k].key_escaped == y->m[k].key_escaped;
		}
	}
	ok(same, "each element with its members in one pass: as cs_json_each and cs_json_members find them");
	for (size_t i = 0; i < 16; i++) {
		cs_obj_free(&a.members[i]);
		cs_obj_free(&b.members[i]);
	}
	cs_obj_free(&scratch);
	cs_obj_free(&o);
}

/* Strings with escapes at every place of the first 40 bytes (quotes after
 * runs of backslashes, across sixteen-byte steps): the members
 * cs_json_each_members finds (skipping strings known valid) are those the
 * validating scan finds. */
static void test_escapes_skipped(void)
{
	static const char *const escapes[] = {"\\\"", "\\\\", "\\\\\\\"", "\\u00e9", "\\n"};
	int same = 1;
	cs_obj whole = {0}, scratch = {0}, each = {0};
	cs_jerr err;
	for (size_t at = 0; at < 40 && same; at++)
		for (size_t k = 0; k < sizeof escapes / sizeof *escapes && same; k++) {
			char text[256], value[128];
			size_t n = 0;
			for (size_t i = 0; i < at; i++)
				value[n++] = (char)('a' + i % 26);
			n += (size_t)snprintf(value + n, sizeof value - n, "%s%.*s", escapes[k], (int)(at % 19), "xyzxyzxyzxyzxyzxyzx");
			value[n] = '\0';
			int len = snprintf(text, sizeof text, "{\"v\":[{\"k%s\":\"%s\",\"z\":1}]}", escapes[k], value);
			if (cs_json_object(text, (size_t)len, 64, &whole, &err) < 0) {
				same = 0;
				break;
			}
			const cs_member *arr = &whole.m[0];
			cs_obj inner = {0};
			const char *obj_at = arr->val.p + 1;
			cs_json_object(obj_at, arr->val.n - 2, 64, &inner, &err);
			struct each_log b = {0};
			cs_json_each_members(arr->val, &scratch, log_item_members, &b);
			same = b.n == 1 && b.members[0].n == inner.n && inner.n == 2;
			for (size_t m = 0; same && m < inner.n; m++)
				same = b.members[0].m[m].key.p == inner.m[m].key.p && b.members[0].m[m].key.n == inner.m[m].key.n &&
				       b.members[0].m[m].val.p == inner.m[m].val.p && b.members[0].m[m].val.n == inner.m[m].val.n;
			cs_obj_free(&b.members[0]);
			cs_obj_free(&inner);
		}
	ok(same, "strings with escapes anywhere in their first 40 bytes skipped as the validating scan reads them");
	cs_obj_free(&whole);
	cs_obj_free(&scratch);
	cs_obj_free(&each);
}

static void test_set_field(void)
{
	cs_obj o = {0};
	cs_jerr e;
	cs_buf b = CS_BUF_INIT;
	const char *s = "{\"id\":12345678901234567890,\"qa\":{\"old\":1},\"n\":1.0}";
	scan(s, &o, &e);
	cs_json_set_field(&b, o.whole.p, o.whole.n, &o, "qa", "{\"score\":90}", 12);
	is_str(b.p, "{\"id\":12345678901234567890,\"qa\":{\"score\":90},\"n\":1.0}", "present field replaced in place");
	cs_buf_reset(&b);
	cs_json_set_field(&b, o.whole.p, o.whole.n, &o, "route", "true", 4);
	is_str(b.p, "{\"id\":12345678901234567890,\"qa\":{\"old\":1},\"n\":1.0,\"route\":true}", "new field appended last");
	scan("{}", &o, &e);
	cs_buf_reset(&b);
	cs_json_set_field(&b, o.whole.p, o.whole.n, &o, "a", "1", 1);
	is_str(b.p, "{\"a\":1}", "field added to an empty object");
	cs_buf_reset(&b);
	cs_json_set_field(&b, o.whole.p, o.whole.n, &o, "say \"hi\"\t", "1", 1);
	is_str(b.p, "{\"say \\\"hi\\\"\\t\":1}", "a key with quotes and a tab is escaped");
	cs_buf_free(&b);
	cs_obj_free(&o);
}

/* Long strings are searched many bytes at a time: a closing quote, an
 * escape or a control character is found at every place of a long string,
 * with more of the record after it or none. */
static void test_long_strings(void)
{
	int quotes_ok = 1, escapes_ok = 1, controls_ok = 1;
	for (size_t len = 0; len < 140; len++)
		for (int tail = 0; tail < 2; tail++) {
			char rec[256];
			size_t k = 0;
			k += (size_t)sprintf(rec + k, "{\"t\":\"");
			size_t start = k;
			for (size_t i = 0; i < len; i++)
				rec[k++] = (char)('a' + i % 26);
			k += (size_t)sprintf(rec + k, tail ? "\",\"more\":\"%s\"}" : "\"}", "0123456789abcdef0123456789");
			cs_obj o = {0};
			cs_jerr e = {0};
			quotes_ok &= cs_json_object(rec, k, 0, &o, &e) == 0 && o.m[0].val.n == len + 2;
			if (len > 0) {
				char with[256];
				memcpy(with, rec, k);
				with[start + len - 1] = '\\';   /* an escape of the closing quote: unterminated or wrong */
				escapes_ok &= cs_json_object(with, k, 0, &o, &e) < 0 || o.m[0].val.n != len + 2;
				memcpy(with, rec, k);
				with[start + len - 1] = '\x01';
				controls_ok &= cs_json_object(with, k, 0, &o, &e) < 0 && e.off == start + len - 1 &&
					       strcmp(e.what, "control character in string") == 0;
			}
			cs_obj_free(&o);
		}
	ok(quotes_ok, "long strings: the closing quote is found at every length, record going on or not");
	ok(escapes_ok, "long strings: a backslash at every place is seen");
	ok(controls_ok, "long strings: a control character at every place is refused where it stands");
}

/* Ids holding U+0000: found by path, arrays and all, and told apart from
 * an escaped backslash before "u0000". */
static void test_ids_nul(void)
{
	const char *rec = "{\"id\":\"c-1\",\"customer\":{\"id\":\"k\\\\u0000\"},"
			  "\"messages\":[{\"id\":\"m1\"},{\"id\":\"m\\u0000\"}],\"n\":7}";
	static const char *const top[] = {"id", "customer.id", "n", "absent.id", NULL};
	static const char *const msgs[] = {"id", "messages[].id", NULL};
	cs_obj o = {0};
	cs_jerr e;
	cs_buf why = CS_BUF_INIT;
	is_int(scan(rec, &o, &e), 0, "a record with ids");
	is_int(cs_jids_nul(&o, top, &why), 0, "a backslash, then u0000, is no U+0000");
	is_int(cs_jids_nul(&o, msgs, &why), 1, "an element's id holding U+0000 is found");
	is_str(why.p, "\"messages[1].id\" " CS_ID_NUL, "and named with its place");
	is_int(cs_jval_ids_nul(cs_jval_of(rec, strlen(rec)), msgs, &why), 1, "the same by key");
	ok(cs_jholds_nul(cs_jval_of("\"\\u0000\"", 8)) && cs_jholds_nul(cs_jval_of("\"a\\u00001\"", 10)) &&
	   !cs_jholds_nul(cs_jval_of("\"\\\\\"", 4)) && !cs_jholds_nul(cs_jval_of("0", 1)),
	   "U+0000 anywhere in a string; not an escaped backslash, not a number");
	cs_buf_free(&why);
	cs_obj_free(&o);
}

int main(void)
{
	test_members();
	test_duplicate_and_escaped_keys();
	test_unicode_escapes();
	test_errors();
	test_compact_and_general();
	test_depth();
	test_error_codes();
	test_each_and_path();
	test_each_members();
	test_escapes_skipped();
	test_set_field();
	test_long_strings();
	test_ids_nul();
	return tap_done();
}
