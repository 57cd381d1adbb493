/* t_where: the native jq subset (lib/kit_where.c), checked against libjq
 * itself: for every expression and record, a native TRUE or FALSE must be
 * jq's verdict, and where jq raises an error the record must go to jq. */
#include "kit_where.h"
#include "tap.h"
#include <jq.h>
#include <stdint.h>
#include <stdlib.h>

static const char *const records[] = {
	"{\"kind\":\"message\",\"id\":\"1\",\"role\":\"customer\",\"text\":\"I want a Refund now\",\"n\":3,\"channel\":\"chat\"}",
	"{\"kind\":\"message\",\"id\":2,\"role\":\"agent\",\"text\":\"退款已处理，请查收\",\"n\":-2.5,\"channel\":\"wechat\"}",
	"{\"kind\":\"event\",\"name\":\"page\",\"n\":null,\"tags\":[\"a\",\"b\",3],\"customer\":{\"id\":\"u1\",\"vip\":true}}",
	"{\"kind\":\"message\",\"text\":\"line\\none \\\"quoted\\\" \\u00e9\\ud83d\\ude00\",\"n\":12345678901234567890,\"customer\":{\"id\":7}}",
	"{\"text\":\"\",\"n\":0,\"tags\":[],\"customer\":{},\"deep\":{\"a\":{\"b\":[1,{\"c\":\"x\"}]}}}",
	"{\"kind\":\"conversation\",\"messages\":[{\"text\":\"hi\"},{\"text\":\"refund\"}],\"message_count\":2}",
	"{\"a\":1,\"a\":2,\"n\":1e3,\"text\":\"ABC def\",\"flag\":false}",
	"{\"text\":12,\"n\":\"12\",\"channel\":[\"chat\"],\"customer\":\"u\"}",
	"{\"text\":\"x\\u0000y\",\"n\":1.0,\"tags\":[1,2,3],\"customer\":{\"id\":\"u\\u001fx\"}}",
	"{\"kind\":\"message\",\"role\":\"bot\",\"text\":\"Order 88213 shipped. REFUND? no\",\"n\":1.5,\"channel\":\"email\"}",
	"{}",
	"{\"a\":\"\\ud800\",\"b\":1}",
	"{\"a\":\"\\udc00\",\"b\":1,\"text\":\"ss SS\"}",
	"{\"text\":\"\\u00df STRASSE\",\"b\":\"ab\"}",
};

static const char *const natives[] = {
	"true", "false", "null", ".", ".kind", ".kind == \"message\"", ".kind != \"message\"", ".role == \"customer\"",
	".n > 1", ".n >= 3", ".n < 0", ".n <= -2.5", ".n == 1", ".n == 12345678901234567891", ".n == \"12\"",
	".text | length > 5", ".text | length", ".tags | length", ".customer | length", ".n | length", ".missing",
	".customer.id", ".customer.id == \"u1\"", ".customer.vip", ".customer.id == 7", ".deep.a.b[1].c == \"x\"",
	".tags[0] == \"a\"", ".tags[-1]", ".tags[5]", ".tags[1.5]", ".[\"kind\"]", ".\"kind\" == \"event\"",
	".kind == \"message\" and .role == \"customer\"", ".kind == \"event\" or .n > 2", ".flag | not", ".missing | not",
	".text | test(\"refund\")", ".text | test(\"refund\"; \"i\")", ".text | test(\"^I want\")", ".text | test(\"退款\")",
	".text | test(\"refund|退款\")", ".text | test(\"[0-9]{5}\")", ".text | test(\"\\\\d+\")",
	".text | startswith(\"I \")", ".text | endswith(\"now\")", ".text | contains(\"Refund\")", ".text | contains(\"\")",
	".text | ascii_downcase | contains(\"refund\")", ".text | ascii_downcase == \"abc def\"",
	"has(\"kind\")", "has(\"nope\")", ".customer | has(\"id\")", ".tags | has(1)", ".tags | has(7)",
	".channel | IN(\"chat\", \"email\")", ".channel | in({\"chat\":1,\"email\":1})", ".n | IN(1, 3, null)",
	"select(.kind == \"message\")", "select(.n > 100)", ".missing // \"x\"", ".flag // true", ".n // 0 | . > 1",
	"(.kind == \"message\") and (.text | length > 3)", ".kind? == \"message\"", ".customer.id?", ".tags[0]?",
	"empty", ".text | length > 3 and .n > 0", ".a", ".a == 2", "[1,2] == [1,2]", ".tags == [\"a\",\"b\",3]",
	".customer == {}", ".deep.a.b[0] == 1", ".deep.a.b | length == 2", ".n == -2.5", ".messages[1].text == \"refund\"",
	".text == \"\"", ".text < \"b\"", ".text > 5", ".kind == null", "null == false", ".text | test(\"(a+)+$\")",
	".channel == \"chat\" or .channel == \"email\"", "(.n // 0) > 1", ".customer.id | startswith(\"u\")",
	".text | contains(\"x\")", ".text | endswith(\"y\")", ".channel | contains(\"a\")", ".channel | ascii_downcase",
	".b == 1", ".a?.b", ".tags[0]?.x", "\"a\"? | length", ".a??", ".ee1", ".e", ".text | test(\"ss\"; \"i\")",
};

static const char *const not_native[] = {
	".[]", "map(.)", "\"\\(.a)\"", "env", "$ENV", ".a + 1", ".a, .b", "[.a]", "{a: .b}", "..", ".a as $x | $x",
	"if .a then 1 else 2 end", "try .a", ".text | test(\"(?i)x\")", ".text | test(\"x\"; \"s\")", ".text | test(.re)",
	"input", "def f: .; f", ".a[1:2]", "reduce .[] as $x (0; .)", ".text | test(\"[[:alpha:]]\")", "length(.)",
	".a | ltrimstr(\"x\")", "keys", ".a # comment",
	/* jq 1.6 rejects these, so they must not be taken natively */
	".text | test(\"a.c\"; \"ix\")", ".e1", ".E2", ".a.e1", ".a\r== 1", "1?.b", "length?.b", ".?.a", "(.a)?.b", ".a.[\"b\"]",
	/* regex flags that mean something else in Oniguruma */
	".text | test(\"\\u00df\"; \"i\")", ".b | test(\"a b\"; \"x\")",
};

static jq_state *jq_for(const char *expr)
{
	jq_state *jq = jq_init();
	if (!jq || !jq_compile(jq, expr)) {
		printf("Bail out! jq cannot compile %s\n", expr);
		exit(1);
	}
	return jq;
}

enum { JQ_FALSE, JQ_TRUE, JQ_ERROR };

static int jq_verdict(jq_state *jq, const char *record)
{
	jv in = jv_parse(record);
	if (!jv_is_valid(in)) {
		jv_free(in);
		return JQ_ERROR;
	}
	jq_start(jq, in, 0);
	jv out = jq_next(jq);
	int verdict;
	if (jv_is_valid(out))
		verdict = jv_get_kind(out) != JV_KIND_FALSE && jv_get_kind(out) != JV_KIND_NULL;
	else
		verdict = jv_invalid_has_msg(jv_copy(out)) ? JQ_ERROR : JQ_FALSE;
	jv_free(out);
	return verdict;
}

/* Compare native and jq on every record; returns how many were decided natively. */
static int agree(const char *expr, const char *const *recs, size_t n, int *disagreements)
{
	cs_where *w = cs_where_compile(expr);
	jq_state *jq = jq_for(expr);
	int native = 0;
	for (size_t i = 0; w && i < n; i++) {
		cs_obj obj = {0};
		cs_jerr je;
		if (cs_json_object(recs[i], strlen(recs[i]), 64, &obj, &je) < 0) {
			cs_obj_free(&obj);
			continue;
		}
		int mine = cs_where_eval(w, recs[i], strlen(recs[i]), &obj, 64);
		int theirs = jq_verdict(jq, recs[i]);
		cs_obj_free(&obj);
		if (mine == CS_WHERE_ASK_JQ || mine == CS_WHERE_LIMIT)
			continue;
		native++;
		if ((theirs == JQ_ERROR) || (mine == CS_WHERE_TRUE) != (theirs == JQ_TRUE)) {
			if (++*disagreements <= 20)
				printf("# %s on %s: native %d, jq %d\n", expr, recs[i], mine, theirs);
		}
	}
	jq_teardown(&jq);
	cs_where_free(w);
	return native;
}

static void test_fixed(void)
{
	size_t nrec = sizeof records / sizeof records[0];
	int bad = 0, native = 0, compiled = 0, total = 0;
	for (size_t i = 0; i < sizeof natives / sizeof natives[0]; i++) {
		cs_where *w = cs_where_compile(natives[i]);
		if (!w)
			printf("# not compiled natively: %s\n", natives[i]);
		compiled += w != NULL;
		cs_where_free(w);
		native += agree(natives[i], records, nrec, &bad);
		total += (int)nrec;
	}
	is_int(compiled, (int)(sizeof natives / sizeof natives[0]), "every subset expression compiles natively");
	is_int(bad, 0, "native verdicts equal jq's on %d expressions x %zu records", compiled, nrec);
	ok(native * 4 >= total * 3, "at least 75%% decided natively (%d of %d)", native, total);
	int outside = 0;
	for (size_t i = 0; i < sizeof not_native / sizeof not_native[0]; i++) {
		cs_where *w = cs_where_compile(not_native[i]);
		if (w)
			printf("# compiled but outside the subset: %s\n", not_native[i]);
		outside += w == NULL;
		cs_where_free(w);
	}
	is_int(outside, (int)(sizeof not_native / sizeof not_native[0]), "expressions outside the subset are left to jq");
}

/* ---- random expressions and records, fixed seed ---- */

static uint64_t rng = 0x9E3779B97F4A7C15ULL;
static unsigned pick(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static const char *const leaves[] = {".a", ".b", ".c.d", ".e[0]", ".e[-1]", ".", "1", "2.5", "\"x\"", "\"\"",
				     "null", "true", "false", ".a?", ".c", ".e", "-1"};
static const char *const unary[] = {"length", "not", "ascii_downcase", "test(\"x|y\")", "startswith(\"x\")",
				    "endswith(\"y\")", "contains(\"x\")", "has(\"a\")", "has(0)", "IN(1, \"x\", null)",
				    "in({\"a\":1})", "select(. != null)"};
static const char *const binary[] = {" == ", " != ", " < ", " <= ", " > ", " >= ", " and ", " or ", " // ", " | "};

static void gen_expr(char *out, size_t cap, int depth)
{
	unsigned k = depth > 2 ? 0 : pick(4);
	char a[300], b[300];
	if (k == 0) {
		snprintf(out, cap, "%s", leaves[pick(sizeof leaves / sizeof leaves[0])]);
	} else if (k == 1) {
		gen_expr(a, sizeof a, depth + 1);
		if (snprintf(out, cap, "(%s | %s)", a, unary[pick(sizeof unary / sizeof unary[0])]) >= (int)cap)
			snprintf(out, cap, "%s", a);   /* too deep for cap: the shorter expression */
	} else {
		gen_expr(a, sizeof a, depth + 1);
		gen_expr(b, sizeof b, depth + 1);
		if (snprintf(out, cap, "(%s%s%s)", a, binary[pick(sizeof binary / sizeof binary[0])], b) >= (int)cap)
			snprintf(out, cap, "%s", a);
	}
}

static const char *const values[] = {"1", "0", "-3", "2.5", "1e2", "\"x\"", "\"xy\"", "\"yx\"", "\"\"", "\"X Y\"",
				     "null", "true", "false", "[]", "[1,\"x\"]", "{}", "{\"a\":1}", "\"\\u00e9x\""};

static void gen_record(char *out, size_t cap)
{
	const char *v[6];
	for (int i = 0; i < 6; i++)
		v[i] = values[pick(sizeof values / sizeof values[0])];
	snprintf(out, cap, "{\"a\":%s,\"b\":%s,\"c\":{\"d\":%s},\"e\":[%s,%s],\"f\":%s}", v[0], v[1], v[2], v[3], v[4], v[5]);
}

static void test_random(void)
{
	enum { EXPRS = 250, RECS = 24 };
	static char rec_text[RECS][256];
	const char *recs[RECS];
	int bad = 0, native = 0, compiled = 0;
	for (int r = 0; r < RECS; r++) {
		gen_record(rec_text[r], sizeof rec_text[r]);
		recs[r] = rec_text[r];
	}
	for (int i = 0; i < EXPRS; i++) {
		char expr[1024];
		gen_expr(expr, sizeof expr, 0);
		cs_where *w = cs_where_compile(expr);
		compiled += w != NULL;
		if (!w)
			printf("# random expression not compiled: %s\n", expr);
		cs_where_free(w);
		native += agree(expr, recs, RECS, &bad);
	}
	is_int(compiled, EXPRS, "every random subset expression compiles natively");
	is_int(bad, 0, "native verdicts equal jq's on %d random expressions x %d records", EXPRS, RECS);
	ok(native > EXPRS * RECS / 3, "a good share decided natively (%d of %d)", native, EXPRS * RECS);
}

static void test_match_limit(void)
{
	cs_where *w = cs_where_compile(".text | test(\"(a+)+$\")");
	char rec[200] = "{\"text\":\"";
	size_t n = strlen(rec);
	memset(rec + n, 'a', 60);
	strcpy(rec + n + 60, "b\"}");
	cs_obj obj = {0};
	cs_jerr je;
	ok(cs_json_object(rec, strlen(rec), 8, &obj, &je) == 0, "a catastrophic subject scans");
	is_int(cs_where_eval(w, rec, strlen(rec), &obj, 8), CS_WHERE_LIMIT, "a catastrophic regex stops at the match limit");
	cs_obj_free(&obj);
	cs_where_free(w);
}

int main(void)
{
	test_fixed();
	test_random();
	test_match_limit();
	return tap_done();
}
