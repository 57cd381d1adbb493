/* fmt_dialogue: public dialogue datasets, so they pipe straight in.
 *  - sgd: Schema-Guided Dialogue and MultiWOZ 2.2 dialogues
 *    ({"dialogue_id","services","turns":[{"speaker":"USER"|"SYSTEM",
 *    "utterance" or "text", "frames"/"intents"}]}), in an array, one a line
 *    or one after another; and MultiWOZ 2.0/2.1 data.json ({"ID.json":
 *    {"goal", "log":[{"text"}...]}}, the user speaking first, turns
 *    alternating).
 *  - abcd: Action-Based Conversations ({"convo_id","scenario",
 *    "original":[[speaker, text]...]}), in an array or in {"train":[...],
 *    "dev":[...], "test":[...]}; "action" turns become system messages.
 * They have no times and no message ids: a message's id is its turn
 * number, and the dialogue id is the conversation id, so both are stable. */
#include "fmt.h"
#include "fmt_readers.h"
#include <stdio.h>
#include <string.h>

struct dlg {
	cs_doc *d;
	cs_fmt_msg m;
	cs_buf conv, text, tmp;
	cs_buf customer;   /* the customer object for every message, or empty */
	uint64_t line;
	size_t turn;
	int stop;
};

static void dlg_free(struct dlg *x)
{
	cs_fmt_msg_free(&x->m);
	cs_buf_free(&x->conv);
	cs_buf_free(&x->text);
	cs_buf_free(&x->tmp);
	cs_buf_free(&x->customer);
}

/* One message of the dialogue x->conv; returns 1 to stop. */
static int put_turn(struct dlg *x, const char *role, const char *text, cs_jval intents, cs_jval meta)
{
	char id[32], source_id[160];
	snprintf(id, sizeof id, "%zu", x->turn);
	snprintf(source_id, sizeof source_id, "%.120s#%zu", x->conv.p, x->turn);
	cs_fmt_begin(&x->m, x->d, "message", x->line);
	cs_jw *w = &x->m.w;
	cs_fmt_cstr(w, "id", id);
	cs_fmt_cstr(w, "conversation_id", x->conv.p);
	cs_fmt_cstr(w, "channel", "chat");
	cs_fmt_cstr(w, "role", role);
	cs_jw_key(w, "text");
	cs_jw_cstr(w, text ? text : "");
	if (x->customer.len) {
		cs_jw_key(w, "customer");
		cs_jw_raw(w, x->customer.p, x->customer.len);
	}
	if (intents.t == CS_J_ARRAY && cs_jlen(intents))
		cs_fmt_raw(w, "intents", intents);
	if (meta.t == CS_J_OBJECT)
		cs_fmt_raw(w, "conversation", meta);
	x->turn++;
	return cs_fmt_end(&x->m, source_id, strlen(source_id));
}

/* ---- sgd ---- */

/* The intents a turn's frames name (SGD: frames[].state.active_intent). */
static int frame_intent(cs_jval frame, void *ctx)
{
	cs_buf *list = ctx;
	cs_jval intent = cs_jpath(frame, "state.active_intent");
	if (intent.t == CS_J_STRING && !(intent.n == 6 && memcmp(intent.p, "\"NONE\"", 6) == 0)) {
		cs_buf_addc(list, list->len ? ',' : '[');
		cs_buf_add(list, intent.p, intent.n);
	}
	return 0;
}

static cs_jval turn_intents(struct dlg *x, cs_jval turn)
{
	cs_jval given = cs_jget(turn, "intents");
	if (given.t == CS_J_ARRAY)
		return given;
	cs_buf_reset(&x->tmp);
	cs_jeach(cs_jget(turn, "frames"), frame_intent, &x->tmp);
	if (!x->tmp.len)
		return (cs_jval){NULL, 0, CS_J_NONE};
	cs_buf_addc(&x->tmp, ']');
	return cs_jval_of(x->tmp.p, x->tmp.len);
}

static int sgd_turn(cs_jval turn, void *ctx)
{
	struct dlg *x = ctx;
	cs_buf spk = CS_BUF_INIT;
	const char *speaker = cs_jtext(cs_jget(turn, "speaker"), &spk);
	cs_jval utt = cs_jget(turn, "utterance");
	const char *text = cs_jtext(utt.t == CS_J_STRING ? utt : cs_jget(turn, "text"), &x->text);
	const char *role = speaker && (strcmp(speaker, "USER") == 0 || strcmp(speaker, "0") == 0) ? "customer" : "agent";
	x->line = cs_doc_line(x->d, turn.p);
	x->stop = put_turn(x, role, text, turn_intents(x, turn), (cs_jval){NULL, 0, CS_J_NONE});
	cs_buf_free(&spk);
	return x->stop;
}

/* MultiWOZ 2.0/2.1 log: the user first, then turns alternating. */
static int woz_turn(cs_jval turn, void *ctx)
{
	struct dlg *x = ctx;
	const char *text = cs_jtext(cs_jget(turn, "text"), &x->text);
	x->line = cs_doc_line(x->d, turn.p);
	x->stop = put_turn(x, x->turn % 2 == 0 ? "customer" : "agent", text, (cs_jval){NULL, 0, CS_J_NONE},
			   (cs_jval){NULL, 0, CS_J_NONE});
	return x->stop;
}

static int sgd_dialogue(struct dlg *x, cs_jval dlg, uint64_t line)
{
	cs_jval turns = cs_jget(dlg, "turns");
	if (!cs_jtext(cs_jget(dlg, "dialogue_id"), &x->conv) || turns.t != CS_J_ARRAY)
		return cs_doc_bad(x->d, line, "a dialogue without \"dialogue_id\" and \"turns\"");
	x->turn = 0;
	x->stop = 0;
	cs_jeach(turns, sgd_turn, x);
	return x->stop;
}

/* data.json: each member is "ID.json": {"log": [...]}. */
static int woz_file(struct dlg *x, cs_jval top)
{
	const char *p = top.p + 1, *e = top.p + top.n - 1;
	while (p < e) {
		while (p < e && *p != '"')
			p++;
		if (p >= e)
			break;
		const char *k = ++p;
		while (*p != '"')
			p += *p == '\\' ? 2 : 1;
		cs_buf_reset(&x->conv);
		cs_buf_add(&x->conv, k, (size_t)(p - k));
		cs_buf_addc(&x->conv, '\0');
		x->conv.len--;
		cs_jval dlg = cs_jget(top, x->conv.p);
		uint64_t line = cs_doc_line(x->d, k);
		cs_jval log = cs_jget(dlg, "log");
		if (log.t != CS_J_ARRAY) {
			if (cs_doc_bad(x->d, line, "dialogue '%s' has no \"log\"", x->conv.p))
				return 1;
		} else {
			x->turn = 0;
			x->stop = 0;
			cs_jeach(log, woz_turn, x);
			if (x->stop)
				return 1;
		}
		p = dlg.p ? dlg.p + dlg.n : p + 1;
	}
	return 0;
}

static int sgd_value(cs_doc *d, const char *p, size_t n, enum cs_jtype t, uint64_t line, void *ctx)
{
	struct dlg *x = ctx;
	cs_jval v = {p, n, t};
	(void)d;
	if (t != CS_J_OBJECT)
		return cs_doc_bad(x->d, line, "a dialogue is not a JSON object");
	if (cs_jis(cs_jget(v, "turns")) || cs_jis(cs_jget(v, "dialogue_id")))
		return sgd_dialogue(x, v, line);
	return woz_file(x, v);
}

/* Every value of the document through fn, with one dialogue state. */
static int read_dialogues(cs_doc *d, const char *data, size_t n,
			  int (*fn)(cs_doc *d, const char *p, size_t n, enum cs_jtype t, uint64_t line, void *ctx))
{
	struct dlg x = {.d = d};
	int stop = cs_doc_each_value(d, data, n, 1, fn, &x);
	dlg_free(&x);
	return stop;
}

static int read_sgd(cs_doc *d, const char *data, size_t n) { return read_dialogues(d, data, n, sgd_value); }

static int sniff_sgd(const char *head, size_t n, const char *path)
{
	(void)path;
	const char *turns = memmem(head, n, "\"turns\"", 7), *id = memmem(head, n, "\"dialogue_id\"", 13);
	const char *spk = memmem(head, n, "\"speaker\"", 9);
	if (turns && id && spk)
		return 90;
	const char *log = memmem(head, n, "\"log\"", 5), *goal = memmem(head, n, "\"goal\"", 6);
	return log && goal && memmem(head, n, ".json\"", 6) ? 80 : 0;
}

const struct cs_doc_format cs_fmt_sgd = {
	"sgd", "Schema-Guided Dialogue / MultiWOZ dialogues (turns with speaker USER or SYSTEM)", sniff_sgd, read_sgd};

/* ---- abcd ---- */

struct pair {
	cs_jval v[2];
	int n;
};

static int pair_item(cs_jval item, void *ctx)
{
	struct pair *pr = ctx;
	if (pr->n < 2)
		pr->v[pr->n] = item;
	pr->n++;
	return 0;
}

static const char *abcd_role(const char *speaker)
{
	if (!speaker)
		return "system";
	if (strcmp(speaker, "customer") == 0 || strcmp(speaker, "agent") == 0)
		return speaker;
	return "system";   /* "action": what the agent did in the tools */
}

struct abcd {
	struct dlg *x;
	cs_jval meta;   /* the conversation's fields, given with its first message */
};

static int abcd_turn(cs_jval turn, void *ctx)
{
	struct abcd *a = ctx;
	struct dlg *x = a->x;
	struct pair pr = {0};
	cs_buf spk = CS_BUF_INIT;
	cs_jeach(turn, pair_item, &pr);
	x->line = cs_doc_line(x->d, turn.p);
	if (pr.n != 2) {
		x->stop = cs_doc_bad(x->d, x->line, "a turn of conversation %s is not [speaker, text]", x->conv.p);
		return x->stop;
	}
	const char *speaker = cs_jtext(pr.v[0], &spk);
	const char *text = cs_jtext(pr.v[1], &x->text);
	x->stop = put_turn(x, abcd_role(speaker), text, (cs_jval){NULL, 0, CS_J_NONE},
			   x->turn == 0 ? a->meta : (cs_jval){NULL, 0, CS_J_NONE});
	cs_buf_free(&spk);
	return x->stop;
}

/* The customer from scenario.personal, and the flow as tags, for the
 * conversation record; the customer also goes on every message. */
static void abcd_meta(cs_jval convo, cs_buf *out, cs_buf *tmp)
{
	cs_jw w;
	cs_buf_reset(out);
	cs_jw_init(&w, out);
	cs_jw_object(&w);
	cs_jw_key(&w, "tags");
	cs_jw_array(&w);
	const char *flow = cs_jtext(cs_jpath(convo, "scenario.flow"), tmp);
	if (flow && *flow)
		cs_jw_cstr(&w, flow);
	const char *sub = cs_jtext(cs_jpath(convo, "scenario.subflow"), tmp);
	if (sub && *sub)
		cs_jw_cstr(&w, sub);
	cs_jw_end_array(&w);
	cs_jw_end_object(&w);
}

static void abcd_field(cs_jw *w, const char *key, cs_jval v, cs_buf *tmp)
{
	const char *s = cs_jtext(v, tmp);
	if (s && *s)
		cs_fmt_cstr(w, key, s);
}

/* The customer object from scenario.personal, into x->customer. */
static void abcd_customer(struct dlg *x, cs_jval convo)
{
	cs_jval personal = cs_jpath(convo, "scenario.personal");
	cs_jw w;
	cs_buf_reset(&x->customer);
	if (personal.t != CS_J_OBJECT)
		return;
	cs_jw_init(&w, &x->customer);
	cs_jw_object(&w);
	abcd_field(&w, "id", cs_jget(personal, "username"), &x->tmp);
	abcd_field(&w, "name", cs_jget(personal, "customer_name"), &x->tmp);
	abcd_field(&w, "email", cs_jget(personal, "email"), &x->tmp);
	abcd_field(&w, "phone", cs_jget(personal, "phone"), &x->tmp);
	abcd_field(&w, "tier", cs_jget(personal, "member_level"), &x->tmp);
	cs_jw_end_object(&w);
}

static int abcd_convo(struct dlg *x, cs_jval convo, uint64_t line)
{
	cs_jval turns = cs_jget(convo, "original");
	if (!cs_jtext(cs_jget(convo, "convo_id"), &x->conv) || turns.t != CS_J_ARRAY)
		return cs_doc_bad(x->d, line, "a conversation without \"convo_id\" and \"original\"");
	cs_buf meta = CS_BUF_INIT;
	abcd_meta(convo, &meta, &x->tmp);
	abcd_customer(x, convo);
	struct abcd a = {x, cs_jval_of(meta.p, meta.len)};
	x->turn = 0;
	x->stop = 0;
	cs_jeach(turns, abcd_turn, &a);
	cs_buf_free(&meta);
	return x->stop;
}

struct abcd_split {
	struct dlg *x;
};

static int abcd_in_split(cs_jval convo, void *ctx)
{
	struct dlg *x = ctx;
	return abcd_convo(x, convo, cs_doc_line(x->d, convo.p));
}

static int abcd_value(cs_doc *d, const char *p, size_t n, enum cs_jtype t, uint64_t line, void *ctx)
{
	struct dlg *x = ctx;
	cs_jval v = {p, n, t};
	(void)d;
	if (t != CS_J_OBJECT)
		return cs_doc_bad(x->d, line, "a conversation is not a JSON object");
	if (cs_jis(cs_jget(v, "original")))
		return abcd_convo(x, v, line);
	static const char *const splits[] = {"train", "dev", "test"};
	for (size_t i = 0; i < sizeof splits / sizeof splits[0]; i++)
		if (cs_jeach(cs_jget(v, splits[i]), abcd_in_split, x))
			return 1;
	return 0;
}

static int read_abcd(cs_doc *d, const char *data, size_t n) { return read_dialogues(d, data, n, abcd_value); }

static int sniff_abcd(const char *head, size_t n, const char *path)
{
	(void)path;
	return memmem(head, n, "\"convo_id\"", 10) && memmem(head, n, "\"original\"", 10) ? 90 : 0;
}

const struct cs_doc_format cs_fmt_abcd = {
	"abcd", "Action-Based Conversations Dataset chats (original: [speaker, text] turns)", sniff_abcd, read_abcd};
