/* t_fmt_dialogue: the dialogue dataset readers (lib/fmt_dialogue.c) and the
 * shared record building of lib/fmt.c. */
#include "fmt_fixture.h"
#include "fmt_readers.h"
#include "tap.h"

static void test_sgd(void)
{
	struct fmt_out o = {CS_BUF_INIT, 0, 0};
	cs_buf r = CS_BUF_INIT;
	fmt_run(&cs_fmt_sgd,
		"[{\"dialogue_id\":\"1_00000\",\"services\":[\"Bus_1\"],\"turns\":[\n"
		" {\"speaker\":\"USER\",\"utterance\":\"I need a bus\",\"frames\":[{\"state\":{\"active_intent\":\"FindBus\"}}]},\n"
		" {\"speaker\":\"SYSTEM\",\"utterance\":\"Where to?\",\"frames\":[]}]}]\n",
		&o);
	is_int(o.n, 2, "an SGD dialogue of two turns gives two messages");
	is_int(o.bad, 0, "and nothing bad");
	fmt_record(&o, 0, &r);
	ok(fmt_has(r.p, "\"conversation_id\":\"1_00000\"") && fmt_has(r.p, "\"role\":\"customer\"") &&
		   fmt_has(r.p, "\"text\":\"I need a bus\"") && fmt_has(r.p, "\"intents\":[\"FindBus\"]"),
	   "USER is the customer, the frame's active intent is kept: %s", r.p);
	ok(fmt_has(r.p, "\"source\":{\"format\":\"sgd\",\"file\":\"<memory>\",\"line\":2,\"id\":\"1_00000#0\"}"),
	   "the source names format, line and turn: %s", r.p);
	fmt_record(&o, 1, &r);
	ok(fmt_has(r.p, "\"id\":\"1\"") && fmt_has(r.p, "\"role\":\"agent\"") && !fmt_has(r.p, "intents"),
	   "SYSTEM is the agent; no intents when the frames name none: %s", r.p);

	fmt_run(&cs_fmt_sgd, "{\"PMUL1.json\":{\"goal\":{},\"log\":[{\"text\":\"hi\"},{\"text\":\"hello\"},{\"text\":\"bye\"}]}}",
		&o);
	is_int(o.n, 3, "MultiWOZ 2.1 data.json: one message a log entry");
	fmt_record(&o, 2, &r);
	ok(fmt_has(r.p, "\"role\":\"customer\"") && fmt_has(r.p, "\"conversation_id\":\"PMUL1.json\""),
	   "turns alternate from the user: %s", r.p);

	fmt_run(&cs_fmt_sgd, "{\"dialogue_id\":\"x\"}\n{\"dialogue_id\":\"y\",\"turns\":[]}\n", &o);
	is_int(o.bad, 1, "a dialogue without turns is bad, the next one is read");
	fmt_run(&cs_fmt_sgd, "[{\"dialogue_id\":\"x\",\"turns\":[", &o);
	is_int(o.bad, 1, "a truncated file is one bad report");
	cs_buf_free(&o.lines);
	cs_buf_free(&r);
}

static void test_abcd(void)
{
	struct fmt_out o = {CS_BUF_INIT, 0, 0};
	cs_buf r = CS_BUF_INIT;
	fmt_run(&cs_fmt_abcd,
		"{\"train\":[{\"convo_id\":3592,\"scenario\":{\"personal\":{\"customer_name\":\"crystal minh\","
		"\"username\":\"cminh730\",\"member_level\":\"bronze\"},\"flow\":\"product_defect\",\"subflow\":\"return_size\"},"
		"\"original\":[[\"agent\",\"Hi!\"],[\"customer\",\"I need to return an item\"],[\"action\",\"Account pulled up\"]]}]}",
		&o);
	is_int(o.n, 3, "three turns of an ABCD split");
	fmt_record(&o, 0, &r);
	ok(fmt_has(r.p, "\"conversation_id\":\"3592\"") &&
		   fmt_has(r.p, "\"customer\":{\"id\":\"cminh730\",\"name\":\"crystal minh\",\"tier\":\"bronze\"}") &&
		   fmt_has(r.p, "\"conversation\":{\"tags\":[\"product_defect\",\"return_size\"]}"),
	   "a numeric convo_id is the conversation id; the scenario gives the customer and tags: %s", r.p);
	fmt_record(&o, 2, &r);
	ok(fmt_has(r.p, "\"role\":\"system\"") && !fmt_has(r.p, "\"conversation\":"),
	   "an action is a system message; only the first message carries the conversation's fields: %s", r.p);
	fmt_run(&cs_fmt_abcd, "[{\"convo_id\":1,\"original\":[[\"agent\"]]}]", &o);
	is_int(o.bad, 1, "a turn that is not [speaker, text] is bad");
	cs_buf_free(&o.lines);
	cs_buf_free(&r);
}

static void test_helpers(void)
{
	char id1[20], id2[20], id3[20];
	cs_fmt_hash_id(id1, "mbox", "c1", 2, 0, "hello", 5);
	cs_fmt_hash_id(id2, "mbox", "c1", 2, 0, "hello", 5);
	cs_fmt_hash_id(id3, "mbox", "c1", 2, 1, "hello", 5);
	ok(strcmp(id1, id2) == 0 && strncmp(id1, "h-", 2) == 0 && strlen(id1) == 18, "hash ids are stable: %s", id1);
	ok(strcmp(id1, id3) != 0, "the same text later in the conversation is another message");
	const char *doc = "{\"a\":{\"b\":[1,2,3],\"s\":\"x\\\"y\",\"n\":12345678901234567890,\"t\":true},\"a\":{\"c\":1}}";
	cs_jval top = cs_jval_of(doc, strlen(doc));
	cs_buf tmp = CS_BUF_INIT;
	is_int(cs_jis(cs_jpath(top, "a.b")), 0, "the last of a repeated key counts");
	const char *inner = "{\"b\":[1,2,3],\"s\":\"x\\\"y\",\"n\":12345678901234567890,\"t\":true}";
	cs_jval v = cs_jval_of(inner, strlen(inner));
	is_int(cs_jlen(cs_jget(v, "b")), 3, "array length");
	is_str(cs_jtext(cs_jget(v, "s"), &tmp), "x\"y", "strings are unescaped");
	is_str(cs_jtext(cs_jget(v, "n"), &tmp), "12345678901234567890", "big numbers keep their digits");
	is_int(cs_jbool(cs_jget(v, "t"), 0), 1, "booleans");
	is_int(cs_jint(cs_jget(v, "missing"), -7), -7, "a missing key gives the default");
	cs_buf_free(&tmp);
}

static void test_jtime(void)
{
	const char *doc = "{\"s\":\"2026-03-02T09:00:00Z\",\"e\":\"2026-03-02T09:00:00\\u005a\",\"n\":1772442000,"
			  "\"ms\":1772442000250,\"bad\":\"soon\",\"small\":5,\"t\":true}";
	cs_jval v = cs_jval_of(doc, strlen(doc));
	int64_t ms = 0;
	ok(cs_jtime(cs_jget(v, "s"), &ms) == 0 && ms == 1772442000000, "an RFC 3339 string");
	ms = 0;
	ok(cs_jtime(cs_jget(v, "e"), &ms) == 0 && ms == 1772442000000, "a string with an escape is unescaped first");
	ms = 0;
	ok(cs_jtime(cs_jget(v, "n"), &ms) == 0 && ms == 1772442000000, "a number of epoch seconds");
	ok(cs_jtime(cs_jget(v, "ms"), &ms) == 0 && ms == 1772442000250, "a number of epoch milliseconds");
	ms = 7;
	ok(cs_jtime(cs_jget(v, "bad"), &ms) < 0 && cs_jtime(cs_jget(v, "small"), &ms) < 0 &&
		   cs_jtime(cs_jget(v, "t"), &ms) < 0 && cs_jtime(cs_jget(v, "missing"), &ms) < 0 && ms == 7,
	   "no time: not one, a small number, a boolean, absent (out untouched)");
}

int main(void)
{
	test_sgd();
	test_abcd();
	test_helpers();
	test_jtime();
	return tap_done();
}
