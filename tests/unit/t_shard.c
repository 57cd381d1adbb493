/* t_shard: the shard key, its hash and --split's file names (lib/kit_shard.c).
 * The hash values were computed apart from this code, from the algorithm as
 * cs(7) documents it (FNV-1a 64, then SplitMix64's finalizer). */
#include "kit_shard.h"
#include "tap.h"
#include <stdio.h>
#include <string.h>

static uint32_t part_of(const char *line, uint32_t n)
{
	cs_shard_ctx s = {0};
	uint32_t part = cs_shard_part_line(&s, line, strlen(line), 64, n);
	cs_shard_ctx_free(&s);
	return part;
}

static void test_devices(void)
{
	cs_shard_ctx s = {0};
	const char *anon = "{\"kind\":\"event\",\"device\":\"dv-9\"}";
	const char *login = "{\"kind\":\"event\",\"device\":\"dv-9\",\"customer\":{\"id\":\"cust-7\"}}";
	const char *other = "{\"kind\":\"event\",\"device\":\"dv-9\",\"customer\":{\"id\":\"cust-1\"}}";
	const char *key;
	size_t n;
	cs_shard_learn(&s, anon, strlen(anon), 64);
	is_int(cs_shard_part_line(&s, anon, strlen(anon), 64, 4), part_of("{\"device\":\"dv-9\"}", 4),
	       "a device no record names with a customer is its own key");
	cs_shard_learn(&s, "not json \"device\"", 18, 64);
	cs_shard_learn(&s, login, strlen(login), 64);
	cs_shard_learn(&s, other, strlen(other), 64);
	is_int(cs_shard_part_line(&s, anon, strlen(anon), 64, 4), 4, "after a login, the device goes with its customer");
	cs_shard_key(&s, anon, strlen(anon), &s.obj, &key, &n);
	ok(n == 6 && memcmp(key, "cust-7", 6) == 0, "the first customer seen on the device is its key");
	cs_shard_part_line(&s, other, strlen(other), 64, 4);
	cs_shard_key(&s, other, strlen(other), &s.obj, &key, &n);
	ok(n == 6 && memcmp(key, "cust-1", 6) == 0, "a record's own customer comes before its device's");
	cs_shard_ctx_free(&s);
}

/* Whether, after learning from taught, a line's shard key is want. */
static int learned_key_is(const char *taught, const char *line, const char *want)
{
	cs_shard_ctx s = {0};
	const char *key;
	size_t n;
	cs_shard_learn(&s, taught, strlen(taught), 64);
	cs_shard_part_line(&s, line, strlen(line), 64, 1);
	cs_shard_key(&s, line, strlen(line), &s.obj, &key, &n);
	int same = n == strlen(want) && memcmp(key, want, n) == 0;
	cs_shard_ctx_free(&s);
	return same;
}

/* Whether a line's shard key, with nothing learned, is want. */
static int key_is(const char *line, const char *want)
{
	return learned_key_is("", line, want);
}

/* A ticket_update keys by its ticket in each of the forms cs-ticket reads,
 * so it stays in its part on the way through cs-ticket, which writes the
 * ticket back as an object. */
static void test_ticket_update(void)
{
	ok(key_is("{\"kind\":\"ticket_update\",\"ticket\":\"T-1\",\"status\":\"pending\"}", "T-1"),
	   "a ticket_update's ticket");
	ok(key_is("{\"kind\":\"ticket_update\",\"ticket\":{\"id\":\"T-1\",\"status\":\"pending\"},\"status\":\"pending\"}",
		  "T-1"),
	   "a ticket_update's ticket as an object keys by its id");
	ok(key_is("{\"kind\":\"ticket_update\",\"ticket_id\":\"T-1\",\"status\":\"open\"}", "T-1"),
	   "a ticket_update without ticket keys by its ticket_id");
	ok(key_is("{\"kind\":\"ticket_update\",\"ticket\":\"T-1\",\"ticket_id\":\"T-9\"}", "T-1"),
	   "ticket comes before ticket_id");
	ok(key_is("{\"kind\":\"conversation\",\"id\":\"c-1\",\"ticket_id\":\"T-1\",\"ticket\":{\"id\":\"T-1\"}}", "c-1"),
	   "the ticket cs-ticket adds to a conversation is not its key");
}

/* A conversation names its ticket by ticket_id, and cs-ticket writes the
 * ticket (a follow-up's when the conversation went on in one) into it: the
 * ticket's updates go with the conversation's customer. */
static void test_ticket_customer(void)
{
	const char *conv = "{\"kind\":\"conversation\",\"id\":\"c-1\",\"customer\":{\"id\":\"cust-7\"},"
			   "\"ticket_id\":\"T-1\",\"ticket\":{\"id\":\"T-1-2\",\"status\":\"new\"}}";
	ok(learned_key_is(conv, "{\"kind\":\"ticket_update\",\"ticket\":\"T-1\",\"status\":\"pending\"}", "cust-7"),
	   "a conversation's ticket_id keys the ticket's updates by its customer");
	ok(learned_key_is(conv, "{\"kind\":\"ticket_update\",\"ticket\":{\"id\":\"T-1-2\"},\"status\":\"open\"}", "cust-7"),
	   "and so does the ticket cs-ticket wrote into it");
	ok(learned_key_is("{\"kind\":\"conversation\",\"id\":\"c-1\",\"ticket_id\":\"T-1\"}",
			  "{\"kind\":\"ticket_update\",\"ticket_id\":\"T-1\",\"status\":\"open\"}", "T-1"),
	   "a conversation without a customer teaches nothing");
}

static void test_hash(void)
{
	ok(cs_shard_hash("", 0) == 0xf52a15e9a9b5e89bULL, "the hash of nothing is fixed");
	ok(cs_shard_hash("cust-7", 6) == 0x1b2447d715cb67bbULL, "the hash of cust-7 is fixed");
	ok(cs_shard_hash("20978392", 8) == 0x80c0d01078460bdfULL, "the hash of a number's digits is fixed");
	ok(cs_shard_hash("\xe6\x9d\x8e\xe4\xbc\x9f", 6) == 0x640c695b2ce301a8ULL, "the hash of UTF-8 text is fixed");
}

static void test_key(void)
{
	is_int(part_of("{\"customer\":{\"id\":\"cust-7\"},\"id\":\"c-1\"}", 4), 4, "customer.id first");
	is_int(part_of("{\"id\":\"c-9\",\"customer\":{\"name\":\"x\",\"id\":\"cust-7\"}}", 4), 4,
	       "customer.id wherever it stands");
	is_int(part_of("{\"customer\":\"cust-7\"}", 4), 4, "a customer given as a string");
	is_int(part_of("{\"customer\":{\"id\":\"cust\\u002d7\"}}", 4), 4, "escapes are decoded");
	is_int(part_of("{\"customer\":{\"id\":20978392}}", 4), part_of("{\"customer\":{\"id\":\"20978392\"}}", 4),
	       "a number counts by its digits, as the same id in a string");
	is_int(part_of("{\"customer\":{\"id\":\"\xe6\x9d\x8e\xe4\xbc\x9f\"}}", 10), 9, "UTF-8 ids");
	is_int(part_of("{\"conversation_id\":\"cust-7\",\"id\":\"m-1\"}", 4), 4, "then conversation_id");
	is_int(part_of("{\"customer\":{\"name\":\"x\"},\"conversation_id\":\"cust-7\"}", 4), 4,
	       "a customer without an id falls through to conversation_id");
	is_int(part_of("{\"device\":\"cust-7\",\"id\":\"ev-1\"}", 4), 4, "then device");
	is_int(part_of("{\"id\":\"cust-7\"}", 4), 4, "then id");
	is_int(part_of("{\"customer\":{\"id\":null},\"id\":\"cust-7\"}", 4), 4, "a null id is no key");
	const char *line = "{\"kind\":\"metrics\",\"n\":1}";
	is_int(part_of(line, 1000), (int)(cs_shard_hash(line, strlen(line)) % 1000) + 1, "no key: the whole line");
	is_int(part_of("not json", 1000), (int)(cs_shard_hash("not json", 8) % 1000) + 1, "not an object: the line");
	int spread[4] = {0}, all = 1;
	char buf[64];
	for (int i = 0; i < 4000; i++) {
		snprintf(buf, sizeof buf, "{\"customer\":{\"id\":\"cust-%d\"}}", i * 4);
		uint32_t p = part_of(buf, 4);
		all &= p >= 1 && p <= 4;
		spread[p - 1]++;
	}
	ok(all && spread[0] > 900 && spread[1] > 900 && spread[2] > 900 && spread[3] > 900,
	   "ids differing only in high bits of a byte spread over every part");
}

static void test_parse(void)
{
	uint32_t k, n;
	const char *why;
	ok(cs_shard_parse("2/8", &k, &n, &why) == 0 && k == 2 && n == 8, "2/8");
	ok(cs_shard_parse("1/1", &k, &n, &why) == 0 && k == 1 && n == 1, "1/1");
	ok(cs_shard_parse("0/4", &k, &n, &why) < 0 && strstr(why, "numbered 1 to N"), "parts count from 1");
	ok(cs_shard_parse("5/4", &k, &n, &why) < 0, "K above N");
	ok(cs_shard_parse("2/", &k, &n, &why) < 0 && cs_shard_parse("/4", &k, &n, &why) < 0 &&
	   cs_shard_parse("2/4x", &k, &n, &why) < 0 && cs_shard_parse("-1/4", &k, &n, &why) < 0,
	   "malformed forms");
	ok(cs_shard_parse("1/1000001", &k, &n, &why) < 0, "at most a million parts");
}

static void test_pattern(void)
{
	const char *why;
	cs_buf b = CS_BUF_INIT;
	ok(cs_split_pattern_check("part-%d.ndjson", &why) == 0, "a pattern with %%d");
	ok(cs_split_pattern_check("100%%/p%03d", &why) == 0, "%%%% and %%03d");
	ok(cs_split_pattern_check("part.ndjson", &why) < 0 && strstr(why, "no %d"), "no %%d");
	ok(cs_split_pattern_check("%d-%d", &why) < 0 && strstr(why, "more than one"), "two %%d");
	ok(cs_split_pattern_check("%s-%d", &why) < 0, "%%s is refused");
	ok(cs_split_pattern_check("%10d", &why) < 0, "widths are zero-padded, one digit");
	cs_split_path("part-%d.ndjson", 7, &b);
	is_str(b.p, "part-7.ndjson", "the part number for %%d");
	cs_split_path("100%%/p%03d", 12, &b);
	is_str(b.p, "100%/p012", "%%%% and a zero-padded width");
	cs_buf_free(&b);
}

int main(void)
{
	test_hash();
	test_key();
	test_devices();
	test_ticket_update();
	test_ticket_customer();
	test_parse();
	test_pattern();
	return tap_done();
}
