/* t_fmt_helpdesk: the helpdesk readers (lib/fmt_helpdesk*.c): roles,
 * internal notes, system events, codes as names, side-loaded records, the
 * conversation's fields on its first message, damage, and sniffing. */
#include "fmt_fixture.h"
#include "fmt_helpdesk.h"
#include "fmt_readers.h"
#include "tap.h"

static struct fmt_out o = {CS_BUF_INIT, 0, 0};
static cs_buf r = CS_BUF_INIT;

static const char *rec(size_t n) { return fmt_record(&o, n, &r); }

static void test_zendesk_side_loaded(void)
{
	fmt_run(&cs_fmt_zendesk,
		"{\"tickets\":[{\"id\":7262094405921456001,\"via\":{\"channel\":\"native_messaging\"},"
		"\"created_at\":\"2026-03-01T10:00:00+08:00\",\"requester_id\":11,\"status\":\"hold\",\"tags\":[\"a\"]},\n"
		" {\"id\":2,\"via\":{\"channel\":\"facebook_message\"},\"created_at\":\"2026-03-01T00:00:00Z\",\"description\":\"only this\"}],\n"
		"\"comments\":[{\"id\":5,\"ticket_id\":7262094405921456001,\"author_id\":11,\"body\":\"help\",\"public\":true,"
		"\"created_at\":\"2026-03-01T02:00:00Z\"},\n"
		" {\"id\":6,\"ticket_id\":7262094405921456001,\"author_id\":12,\"body\":\"cc'd\",\"public\":true,\"created_at\":\"2026-03-01T02:01:00Z\"}],\n"
		"\"users\":[{\"id\":11,\"name\":\"Li\",\"email\":\"li@example.com\",\"role\":\"end-user\"},{\"id\":12,\"role\":\"end-user\"}]}",
		&o);
	is_int(o.n, 3, "two side-loaded comments and one description-only ticket");
	is_int(o.bad, 0, "nothing bad");
	ok(fmt_has(rec(0), "\"conversation_id\":\"2\"") && fmt_has(rec(0), "\"channel\":\"social\"") &&
		   fmt_has(rec(0), "\"text\":\"only this\""),
	   "a ticket without comments gives its description, in page order: %s", rec(0));
	ok(fmt_has(rec(1), "\"conversation_id\":\"7262094405921456001\"") &&
		   fmt_has(rec(1), "\"customer\":{\"id\":\"11\",\"name\":\"Li\",\"email\":\"li@example.com\"}") &&
		   fmt_has(rec(1), "\"channel\":\"chat\"") &&
		   fmt_has(rec(1), "\"conversation\":{\"status\":\"pending\",\"tags\":[\"a\"]}"),
	   "big ids keep their digits; the side-loaded user names the customer; hold is pending: %s", rec(1));
	ok(fmt_has(rec(2), "\"role\":\"customer\"") && !fmt_has(rec(2), "\"conversation\""),
	   "another end user is on the customer's side; the fields go only with the first message: %s", rec(2));
}

static void test_zendesk_audits(void)
{
	fmt_run(&cs_fmt_zendesk,
		"{\"ticket_id\":3,\"created_at\":\"2026-03-01T00:00:00Z\",\"author_id\":20,\"events\":["
		"{\"id\":1,\"type\":\"Comment\",\"author_id\":20,\"body\":\"my order\",\"public\":true},"
		"{\"id\":2,\"type\":\"Notification\",\"body\":\"received\",\"via\":{\"source\":{\"rel\":\"automation\",\"from\":{\"id\":9}}}},"
		"{\"id\":3,\"type\":\"Change\",\"field_name\":\"tags\",\"value\":[\"x\"]}]}\n"
		"{\"ticket_id\":3,\"created_at\":\"2026-03-01T01:00:00Z\",\"author_id\":30,\"events\":["
		"{\"id\":4,\"type\":\"Comment\",\"author_id\":30,\"body\":\"note\",\"public\":false}]}\n",
		&o);
	is_int(o.n, 3, "two comments and a notification; other changes are no messages");
	ok(fmt_has(rec(0), "\"role\":\"customer\"") && fmt_has(rec(0), "\"customer\":{\"id\":\"20\"}"),
	   "with no requester known, the first comment's author is the requester: %s", rec(0));
	ok(fmt_has(rec(1), "\"role\":\"system\",\"author\":\"9\",\"text\":\"received\",\"event\":\"trigger\""),
	   "an automation's notification is a system message with event trigger: %s", rec(1));
	ok(fmt_has(rec(2), "\"role\":\"agent\",\"author\":\"30\",\"text\":\"note\",\"internal\":true") &&
		   fmt_has(rec(2), "\"ts\":\"2026-03-01T01:00:00Z\""),
	   "a private comment is an internal agent message at its audit's time: %s", rec(2));

	fmt_run(&cs_fmt_zendesk, "{\"ticket\":{\"id\":1,\"created_at\":\"2026-03-01T00:00:00Z\"},\"comments\":"
				 "[{\"id\":1,\"author_id\":4,\"body\":\"hi\"},{\"id\":2,\"author_id\":5,\"body\":[1]}]}",
		&o);
	ok(o.n == 1 && o.bad == 1 && fmt_has(rec(0), "\"conversation_id\":\"1\""),
	   "comments beside a single ticket are its own; a body that is not a string is bad");
	fmt_run(&cs_fmt_zendesk,
		"{\"ticket_events\":[{\"id\":1,\"ticket_id\":77,\"timestamp\":1772355600,\"updater_id\":5,\"via\":\"Web form\","
		"\"child_events\":[{\"id\":3,\"event_type\":\"Change\",\"status\":\"solved\",\"previous_value\":\"open\"}]}]}",
		&o);
	ok(o.n == 1 && fmt_has(rec(0), "\"author\":\"5\",\"text\":\"status changed from open to solved\"") &&
		   fmt_has(rec(0), "\"ts\":\"2026-03-01T09:00:00Z\"") && fmt_has(rec(0), "\"conversation\":{\"status\":\"solved\"}"),
	   "incremental ticket events: a child Change names its field as a key; the updater and timestamp: %s", rec(0));
	fmt_run(&cs_fmt_zendesk, "{\"comments\":[{\"id\":1,\"body\":\"hi\"}]}\n{\"hello\":1}\n", &o);
	is_int(o.bad, 2, "comments without a ticket, and an unknown record, are bad");
}

static void test_zendesk_chat(void)
{
	fmt_run(&cs_fmt_zendesk_chat,
		"{\"chats\":[{\"id\":\"c9\",\"type\":\"chat\",\"timestamp\":\"2026-03-01T09:00:00Z\",\"rating\":\"bad\","
		"\"history\":[{\"type\":\"chat.msg\",\"nick\":\"visitor\",\"msg\":\"hi\",\"timestamp\":1772355600},"
		"{\"type\":\"chat.msg\",\"nick\":\"Chat Trigger\",\"name\":\"Acme\",\"msg\":\"Welcome\",\"timestamp\":\"2026-03-01T09:00:01Z\"},"
		"{\"type\":\"chat.memberleave\",\"nick\":\"agent:4\",\"timestamp\":\"2026-03-01T09:00:02Z\"}]}]}",
		&o);
	is_int(o.n, 3, "a page of chats");
	ok(fmt_has(rec(0), "\"ts\":\"2026-03-01T09:00:00Z\"") && fmt_has(rec(0), "\"csat\":1"),
	   "unix seconds are read; a bad rating is csat 1: %s", rec(0));
	ok(fmt_has(rec(1), "\"role\":\"bot\",\"author\":\"Acme\""), "a nick neither visitor nor agent is a bot: %s",
	   rec(1));
	ok(fmt_has(rec(2), "\"role\":\"system\",\"author\":\"4\",\"event\":\"leave\""), "leave events: %s", rec(2));
}

static void test_freshdesk(void)
{
	fmt_run(&cs_fmt_freshdesk,
		"[{\"id\":5,\"subject\":\"S\",\"description\":\"<p>Broken &amp; late</p>\",\"status\":5,\"priority\":3,"
		"\"source\":9,\"requester_id\":8,\"created_at\":\"2026-03-01T00:00:00Z\",\"conversations\":["
		"{\"id\":50,\"body_text\":\"on it\",\"incoming\":false,\"private\":false,\"user_id\":3,\"created_at\":\"2026-03-01T00:10:00Z\"},"
		"{\"id\":51,\"body_text\":\"and?\",\"incoming\":true,\"private\":false,\"user_id\":8,\"created_at\":\"2026-03-01T00:20:00Z\"}]}]",
		&o);
	is_int(o.n, 3, "description and two conversations");
	ok(fmt_has(rec(0), "\"channel\":\"web\"") && fmt_has(rec(0), "\"text\":\"Broken & late\"") &&
		   fmt_has(rec(0), "\"status\":\"closed\",\"priority\":\"high\""),
	   "source 9 is web; the HTML description becomes text; codes become names: %s", rec(0));
	ok(fmt_has(rec(1), "\"role\":\"agent\",\"author\":\"3\"") && fmt_has(rec(2), "\"role\":\"customer\""),
	   "incoming is the customer");
	fmt_run(&cs_fmt_freshdesk, "{\"id\":6,\"created_at\":\"2026-03-01T00:00:00Z\"}", &o);
	ok(o.n == 0 && o.bad == 1, "a ticket with no description and no conversations is bad");
}

static void test_intercom(void)
{
	fmt_run(&cs_fmt_intercom,
		"{\"type\":\"conversation.list\",\"conversations\":[{\"type\":\"conversation\",\"id\":\"1\",\"created_at\":1772355600,"
		"\"source\":{\"type\":\"email\",\"id\":\"s1\",\"subject\":\"<p>Refund</p>\",\"body\":\"<p>Please refund</p>\","
		"\"author\":{\"type\":\"admin\",\"id\":\"a1\"}},\"contacts\":[{\"id\":\"c1\"}],\"state\":\"snoozed\","
		"\"conversation_parts\":[{\"id\":\"p1\",\"part_type\":\"close\",\"body\":\"<p>Done, closing.</p>\","
		"\"created_at\":1772355700,\"author\":{\"type\":\"admin\",\"id\":\"a1\"}}]}]}",
		&o);
	is_int(o.n, 2, "a page of conversations");
	ok(fmt_has(rec(0), "\"customer\":{\"id\":\"c1\"}") && fmt_has(rec(0), "\"role\":\"agent\",\"author\":\"a1\"") &&
		   fmt_has(rec(0), "\"subject\":\"Refund\"") && fmt_has(rec(0), "\"status\":\"pending\""),
	   "an admin-initiated email: the contact is the customer, the subject is text: %s", rec(0));
	ok(fmt_has(rec(1), "\"role\":\"agent\",\"author\":\"a1\",\"text\":\"Done, closing.\",\"event\":\"close\""),
	   "a close part with a body is the admin's message with event close: %s", rec(1));
}

static void test_chatwoot(void)
{
	fmt_run(&cs_fmt_chatwoot,
		"{\"event\":\"message_created\",\"id\":1,\"content\":\"hi\",\"message_type\":\"incoming\",\"created_at\":\"2026-03-01T00:00:00Z\","
		"\"sender\":{\"id\":9,\"name\":\"Z\",\"type\":\"contact\"},\"conversation\":{\"id\":4,\"channel\":\"Channel::Telegram\",\"status\":\"open\"}}\n"
		"{\"event\":\"message_created\",\"id\":2,\"content\":\"auto\",\"message_type\":3,\"created_at\":1772355600,"
		"\"conversation\":{\"id\":4,\"status\":\"open\"}}\n"
		"{\"event\":\"message_created\",\"id\":3,\"content\":\"bot says\",\"message_type\":1,\"created_at\":1772355601,"
		"\"sender\":{\"id\":2,\"type\":\"agent_bot\"},\"conversation\":{\"id\":4}}\n"
		"{\"event\":\"contact_updated\",\"id\":9}\n",
		&o);
	is_int(o.n, 3, "three messages; other events are skipped");
	is_int(o.bad, 0, "nothing bad");
	ok(fmt_has(rec(0), "\"channel\":\"social\"") && fmt_has(rec(0), "\"customer\":{\"id\":\"9\",\"name\":\"Z\"}") &&
		   fmt_has(rec(0), "\"conversation\":{\"status\":\"open\"}"),
	   "Telegram is social; the incoming sender is the customer: %s", rec(0));
	ok(fmt_has(rec(1), "\"role\":\"bot\"") && !fmt_has(rec(1), "\"conversation\""),
	   "a template with no user sender is a bot's; the fields went with the first message only: %s", rec(1));
	ok(fmt_has(rec(2), "\"role\":\"bot\",\"author\":\"2\""), "an agent bot's outgoing message: %s", rec(2));
}

static void test_values_and_sniff(void)
{
	fmt_run(&cs_fmt_chatwoot, "{\"id\":1,\"inbox_id\":2,\n\"messages\":[]}\n\n{\"id\":2,\"inbox_id\":2,\"messages\":["
				  "{\"id\":1,\"message_type\":0,\"content\":\"x\"}]}   \n",
		&o);
	ok(o.n == 1 && o.bad == 0, "pretty-printed and one-a-line values one after another");
	fmt_run(&cs_fmt_chatwoot, "{\"id\":1,\"inbox_id\":2,\"messages\":[{\"id\":1,\"message_type\":0,\"content\":\"x\n"
				  "{\"id\":2,\"inbox_id\":2,\"messages\":[{\"id\":1,\"message_type\":0,\"content\":\"y\"}]}\n",
		&o);
	ok(o.n == 1 && o.bad == 1, "a broken NDJSON line is bad and the next line is read");
	fmt_run(&cs_fmt_freshdesk, "[\n{\"id\":1,\"description_text\":\"a\"},\n{\"id\":2,\"description_text\":", &o);
	ok(o.n == 0 && o.bad == 1, "a truncated array is one bad report");

	const char *z = "{\"ticket\": {\"via\": {\"channel\": \"web\"}, \"requester_id\": 1}}";
	const char *f = "{\"id\":1,\"description_text\":\"x\",\"requester_id\":2}";
	const char *i = "{\"type\":\"conversation\",\"conversation_parts\":{}}";
	const char *c = "{\"id\":1,\"inbox_id\":2,\"messages\":[{\"message_type\":0}]}";
	const char *zc = "{\"id\":\"1\",\"history\": [{\"type\" : \"chat.msg\"}]}";
	const char *samples[] = {z, zc, f, i, c};
	const struct cs_doc_format *fmts[] = {&cs_fmt_zendesk, &cs_fmt_zendesk_chat, &cs_fmt_freshdesk, &cs_fmt_intercom,
					      &cs_fmt_chatwoot};
	for (size_t s = 0; s < 5; s++)
		for (size_t k = 0; k < 5; k++) {
			int score = fmts[k]->sniff(samples[s], strlen(samples[s]), NULL);
			if (s == k)
				ok(score >= 80, "%s recognises its own sample (%d)", fmts[k]->name, score);
			else
				ok(score == 0, "%s does not claim the %s sample (%d)", fmts[k]->name, fmts[s]->name, score);
		}
	ok(!cs_fmt_zendesk.sniff("[{\"a\":1}]", 9, NULL) && !cs_fmt_chatwoot.sniff("a,b\n1,2\n", 8, NULL),
	   "plain JSON and CSV are none of them");
	ok(hd_has_kv("{\"type\" :\n \"chat\"}", 18, "\"type\"", "\"chat\"") && !hd_has_kv("\"type\"", 6, "\"type\"", NULL),
	   "markers are found across white space, and need their colon");
}

int main(void)
{
	test_zendesk_side_loaded();
	test_zendesk_audits();
	test_zendesk_chat();
	test_freshdesk();
	test_intercom();
	test_chatwoot();
	test_values_and_sniff();
	cs_buf_free(&o.lines);
	cs_buf_free(&r);
	return tap_done();
}
