/* t_fmt_transcript: the call transcript readers (lib/fmt_transcript*.c):
 * offsets read exactly, roles, voices, encodings, damage. */
#include "fmt_fixture.h"
#include "fmt_readers.h"
#include "fmt_transcript_call.h"
#include "tap.h"

static int64_t secs(const char *s)
{
	int64_t ms = -7;
	return tr_seconds_ms(s, strlen(s), &ms) == 0 ? ms : -1;
}

static int64_t clock_of(const char *s)
{
	int64_t ms = -7;
	const char *end;
	return tr_clock_ms(s, s + strlen(s), &ms, &end) ? -1 : ms;
}

static void test_offsets(void)
{
	is_int(secs("12.345"), 12345, "seconds with three decimals are exact milliseconds");
	is_int(secs("0.29"), 290, "0.29 s is 290 ms, not 289 (no double on the way)");
	is_int(secs("4.005"), 4005, "4.005 s is 4005 ms");
	is_int(secs("7"), 7000, "whole seconds");
	is_int(secs("1.0005"), 1001, "a fourth decimal rounds half up");
	is_int(secs("1.00049"), 1000, "and below half it rounds down");
	is_int(secs(" 3.5 "), 3500, "white space around is allowed");
	is_int(secs("-1.0"), -1, "a negative offset is refused");
	is_int(secs("1e3"), -1, "an exponent is refused");
	is_int(secs(""), -1, "nothing is no time");
	is_int(clock_of("01:02:03.004"), 3723004, "hh:mm:ss.ttt");
	is_int(clock_of("02:03,004"), 123004, "mm:ss,ttt");
	is_int(clock_of("100:00:00.000"), 360000000, "hours may have more than two digits");
	is_int(clock_of("00:60:00.000"), -1, "minutes over 59 are refused");
	is_int(clock_of("00:00:60.000"), -1, "seconds over 59 are refused");
	is_int(clock_of("00:01.5"), 1500, "a short fraction is tenths");
	int64_t ms;
	ok(tr_time_ms("00:00:01.000x", 13, &ms) != NULL, "text after a time is not a time");
	ok(tr_time_ms("3.25", 4, &ms) == NULL && ms == 3250, "tr_time_ms reads seconds too");
}

static void test_roles(void)
{
	is_int(tr_role_of_label("Agent Smith", 11), TR_ROLE_AGENT, "a role word anywhere in the label");
	is_int(tr_role_of_label("SUPPORT", 7), TR_ROLE_AGENT, "case does not matter");
	is_int(tr_role_of_label("客服小王", strlen("客服小王")), TR_ROLE_AGENT, "客服 in a Chinese label");
	is_int(tr_role_of_label("用户", strlen("用户")), TR_ROLE_CUSTOMER, "用户 is the customer");
	is_int(tr_role_of_label("Customer 2", 10), TR_ROLE_CUSTOMER, "Customer 2");
	is_int(tr_role_of_label("spk_0", 5), TR_ROLE_NONE, "spk_0 names no role");
	is_int(tr_role_of_label("Superuser", 9), TR_ROLE_NONE, "whole words only");

	struct fmt_out o = {CS_BUF_INIT, 0, 0};
	cs_buf r = CS_BUF_INIT;
	fmt_run(&cs_fmt_srt,
		"1\n00:00:01,000 --> 00:00:02,000\nBob: hi\n\n2\n00:00:02,000 --> 00:00:03,000\nAgent: hello\n\n"
		"3\n00:00:03,000 --> 00:00:04,000\nAnn: hey\n",
		&o);
	is_int(o.n, 3, "three cues");
	ok(fmt_has(fmt_record(&o, 0, &r), "\"role\":\"customer\""),
	   "with an explicit agent in the call, the first other speaker is a customer: %s", r.p);
	fmt_run(&cs_fmt_srt,
		"1\n00:00:01,000 --> 00:00:02,000\nLi: hi\n\n2\n00:00:02,000 --> 00:00:03,000\nCustomer: hello\n\n"
		"3\n00:00:03,000 --> 00:00:04,000\nLi: ok\n",
		&o);
	ok(fmt_has(fmt_record(&o, 0, &r), "\"role\":\"agent\"") && fmt_has(fmt_record(&o, 2, &r), "\"role\":\"agent\""),
	   "without one, the first speaker to talk is the agent: %s", r.p);
	cs_buf_free(&o.lines);
	cs_buf_free(&r);
}

static void test_vtt(void)
{
	struct fmt_out o = {CS_BUF_INIT, 0, 0};
	cs_buf r = CS_BUF_INIT;
	fmt_run(&cs_fmt_vtt,
		"\xEF\xBB\xBFWEBVTT\n\nREGION\nid:r1\n\n00:00:01.250 --> 00:00:03.000 align:start\n"
		"<v.loud Mary Ann>Hello &amp; <b>good</b> morning</v><v Agent> Hi&nbsp;there &lrm;</v>\n\n"
		"c2\n00:03.500 --> 00:04.000\n<i>no one</i> speaks\n",
		&o);
	is_int(o.n, 3, "two voices in one cue are two messages, then an unvoiced cue");
	is_int(o.bad, 0, "nothing bad");
	fmt_record(&o, 0, &r);
	ok(fmt_has(r.p, "\"text\":\"Hello & good morning\"") && fmt_has(r.p, "\"speaker\":\"Mary Ann\"") &&
		   fmt_has(r.p, "\"start_ms\":1250,\"end_ms\":3000") && fmt_has(r.p, "\"conversation_id\":\"h-"),
	   "classes skipped, tags dropped, entities decoded; on stdin the call id is a hash: %s", r.p);
	fmt_record(&o, 1, &r);
	ok(fmt_has(r.p, "\"text\":\"Hi there \xE2\x80\x8E\"") && fmt_has(r.p, "\"role\":\"agent\""),
	   "&nbsp; and &lrm; decoded; the explicit Agent is the agent: %s", r.p);
	fmt_record(&o, 2, &r);
	ok(!fmt_has(r.p, "\"speaker\"") && !fmt_has(r.p, "\"role\"") && fmt_has(r.p, "\"start_ms\":3500"),
	   "a cue without a voice or name has no speaker and no role: %s", r.p);

	fmt_run(&cs_fmt_vtt, "00:00:01.000 --> 00:00:02.000\nhello\n", &o);
	is_int(o.bad, 1, "no WEBVTT header: bad");
	is_int(o.n, 0, "and nothing read");
	fmt_run(&cs_fmt_vtt, "WEBVTT\n\n00:00:01.000 -->\nhello\n\n00:00:02.000 --> 00:00:03.000\nok\n", &o);
	ok(o.bad == 1 && o.n == 1, "a cue without an end time is bad, the next is read (bad %zu, read %zu)", o.bad, o.n);
	fmt_run(&cs_fmt_vtt, "WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nx\n\n00:00:01.000 --> 00:00:02.000\n", &o);
	ok(o.bad == 1 && o.n == 0, "an end before the start is bad; an empty cue is no message");
	cs_buf_free(&o.lines);
	cs_buf_free(&r);
}

static void test_srt(void)
{
	struct fmt_out o = {CS_BUF_INIT, 0, 0};
	cs_buf r = CS_BUF_INIT;
	/* "客服：您好" in GBK */
	fmt_run(&cs_fmt_srt, "1\r\n00:00:00,100 --> 00:00:00,900\r\n\xBF\xCD\xB7\xFE\xA3\xBA\xC4\xFA\xBA\xC3\r\n", &o);
	fmt_record(&o, 0, &r);
	ok(fmt_has(r.p, "\"speaker\":\"客服\"") && fmt_has(r.p, "\"text\":\"您好\"") && fmt_has(r.p, "\"role\":\"agent\""),
	   "GBK read as GB18030, a full-width colon names the speaker: %s", r.p);
	fmt_run(&cs_fmt_srt, "1\n00:00:00,100 --> 00:00:00,900\nCaf\xE9\n", &o);
	ok(fmt_has(fmt_record(&o, 0, &r), "\"text\":\"Café\""), "what GB18030 cannot read is windows-1252: %s", r.p);
	const char be[] = "\xFE\xFF\0001\0\n\0000\0000\0:\0000\0000\0:\0000\0001\0,\0000\0000\0000\0 \0-\0-\0>\0 "
			  "\0000\0000\0:\0000\0000\0:\0000\0002\0,\0000\0000\0000\0\n\0H\0i";
	struct cs_common c = {.max_depth = 256, .max_record = 1 << 20};
	cs_buf_reset(&o.lines);
	o.n = 0;
	o.bad = cs_doc_read_mem(&cs_fmt_srt, &c, be, sizeof be - 1, fmt_collect, &o);
	cs_buf_addc(&o.lines, '\0');
	ok(o.n == 1 && fmt_has(o.lines.p, "\"text\":\"Hi\"") && fmt_has(o.lines.p, "\"end_ms\":2000"),
	   "UTF-16BE with its BOM: %s", o.lines.p);
	fmt_run(&cs_fmt_srt, "1\n00:00:01,000 --> 00:00:02,000\n- Hello?\n- [Operator] Yes.\n2\n00:00:03,000 --> 00:00:04,000\nbye\n",
		&o);
	is_int(o.n, 3, "dash lines are separate messages; a cue not parted by a blank line is found");
	fmt_record(&o, 1, &r);
	ok(fmt_has(r.p, "\"speaker\":\"Operator\"") && fmt_has(r.p, "\"text\":\"Yes.\""), "[Name] names the speaker: %s",
	   r.p);
	fmt_run(&cs_fmt_srt, "title\n\n1\n00:00:01,000 --> 00:00:02,000\nhi\n\n", &o);
	ok(o.bad == 1 && o.n == 1, "text before the first cue is bad");
	is_int(cs_fmt_srt.sniff("\n1\n00:00:01,000 --> 00:00:02,000\n", 34, NULL), 90, "a number and a timing: SRT");
	is_int(cs_fmt_srt.sniff("WEBVTT\n\n", 8, NULL), 0, "WebVTT is not SRT");
	is_int(cs_fmt_vtt.sniff("\xEF\xBB\xBFWEBVTT - x\n", 14, NULL), 95, "WebVTT by its header");
	cs_buf_free(&o.lines);
	cs_buf_free(&r);
}

static void test_csv(void)
{
	struct fmt_out o = {CS_BUF_INIT, 0, 0};
	cs_buf r = CS_BUF_INIT;
	fmt_run(&cs_fmt_transcript_csv,
		"Text,End Time,Start Time,Speaker\n\"Hi, there\nfriend\",00:00:02.500,00:00:01.2,Agent\nok,3.0,2.9,Bob\n", &o);
	is_int(o.n, 2, "two rows");
	fmt_record(&o, 0, &r);
	ok(fmt_has(r.p, "\"text\":\"Hi, there\\nfriend\"") && fmt_has(r.p, "\"start_ms\":1200,\"end_ms\":2500"),
	   "columns in any order, names normalised, a quoted newline kept: %s", r.p);
	fmt_run(&cs_fmt_transcript_csv, "speaker,start,end,text\nA,0,1,\"open\n", &o);
	is_int(o.bad, 1, "an unterminated quote is one bad report");
	fmt_run(&cs_fmt_transcript_csv, "speaker,start,end\nA,0,1\n", &o);
	is_int(o.bad, 1, "no text column: bad");
	is_int(cs_fmt_transcript_csv.sniff("speaker,start_time,end_time,text\n", 33, "x.csv"), 85,
	       "a transcript header beats plain CSV");
	is_int(cs_fmt_transcript_csv.sniff("id,name,text\n", 13, "x.csv"), 0, "another CSV is not a transcript");
	cs_buf_free(&o.lines);
	cs_buf_free(&r);
}

static void test_transcribe(void)
{
	struct fmt_out o = {CS_BUF_INIT, 0, 0};
	cs_buf r = CS_BUF_INIT;
	fmt_run(&cs_fmt_transcribe,
		"{\"jobName\":\"j\",\"results\":{\"items\":["
		"{\"start_time\":\"0.29\",\"end_time\":\"0.5\",\"alternatives\":[{\"content\":\"Hi\"}],\"type\":\"pronunciation\",\"speaker_label\":\"spk_1\"},"
		"{\"alternatives\":[{\"content\":\",\"}],\"type\":\"punctuation\",\"speaker_label\":\"spk_1\"},"
		"{\"start_time\":\"0.5\",\"end_time\":\"0.8\",\"alternatives\":[{\"content\":\"you\"}],\"type\":\"pronunciation\",\"speaker_label\":\"spk_1\"},"
		"{\"start_time\":\"1.0\",\"end_time\":\"1.2\",\"alternatives\":[{\"content\":\"Yes\"}],\"type\":\"pronunciation\",\"speaker_label\":\"spk_0\"}]}}",
		&o);
	is_int(o.n, 2, "two runs of speakers, two turns");
	fmt_record(&o, 0, &r);
	ok(fmt_has(r.p, "\"text\":\"Hi, you\"") && fmt_has(r.p, "\"start_ms\":290,\"end_ms\":800") &&
		   fmt_has(r.p, "\"role\":\"agent\"") && fmt_has(r.p, "\"id\":\"j#0\""),
	   "punctuation attached, exact offsets, the first speaker (spk_1) the agent: %s", r.p);
	fmt_run(&cs_fmt_transcribe,
		"{\"JobName\":\"ca\",\"Transcript\":[{\"Id\":\"u1\",\"ParticipantRole\":\"CUSTOMER\",\"Content\":\"Hello?\","
		"\"BeginOffsetMillis\":10,\"EndOffsetMillis\":900,\"Sentiment\":\"NEGATIVE\"}],"
		"\"ConversationCharacteristics\":{\"NonTalkTime\":{\"TotalTimeMillis\":0},\"Interruptions\":{\"TotalCount\":2},"
		"\"Sentiment\":{\"OverallSentiment\":{\"CUSTOMER\":-3.1}}}}",
		&o);
	fmt_record(&o, 0, &r);
	ok(fmt_has(r.p, "\"role\":\"customer\"") && fmt_has(r.p, "\"sentiment\":\"negative\"") &&
		   fmt_has(r.p, "\"conversation\":{\"non_talk_ms\":0,\"interruptions\":2,\"sentiment\":{\"customer\":-3.1}}") &&
		   fmt_has(r.p, "\"id\":\"u1\"}"),
	   "Call Analytics: role, sentiment, the summary, Id as the source id: %s", r.p);
	fmt_run(&cs_fmt_transcribe, "{\"jobName\":\"x\",\"status\":\"FAILED\"}", &o);
	is_int(o.bad, 1, "a job without results is bad");
	fmt_run(&cs_fmt_transcribe,
		"{\"jobName\":\"x\",\"results\":{\"items\":[{\"alternatives\":[{\"content\":\"a\"}],\"type\":\"pronunciation\"}]}}", &o);
	is_int(o.bad, 1, "a word without its times is bad");
	cs_buf_free(&o.lines);
	cs_buf_free(&r);
}

int main(void)
{
	test_offsets();
	test_roles();
	test_vtt();
	test_srt();
	test_csv();
	test_transcribe();
	return tap_done();
}
