/* t_analyze: svc_analyze (terms, places, spans, stop words, stems, CJK
 * bigrams, synonyms, the characters words are made of) and eng_answer_kb's
 * postings and index. */
#include "eng_answer_kb.h"
#include "eng_answer_search.h"
#include "svc_analyze.h"
#include "tap.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct got {
	char terms[512];
	uint32_t last_pos;
	size_t n;
};

static int collect(const cs_token *t, void *ctx)
{
	struct got *g = ctx;
	size_t len = strlen(g->terms);
	snprintf(g->terms + len, sizeof g->terms - len, "%s%.*s@%u", len ? " " : "", (int)t->len, t->term, t->pos);
	g->n++;
	return 0;
}

static const char *terms_of(cs_analyzer *a, const char *text)
{
	static struct got g;
	memset(&g, 0, sizeof g);
	cs_analyze(a, text, strlen(text), collect, &g);
	return g.terms;
}

static int first_span(const cs_token *t, void *ctx)
{
	size_t *span = ctx;
	span[0] = t->start;
	span[1] = t->end;
	return 1;
}

static void test_terms(cs_analyzer *a)
{
	is_str(terms_of(a, "How do I reset my Passwords?"), "reset@3 password@5", "stop words dropped, places kept, stemmed");
	is_str(terms_of(a, "ＲＥＳＥＴ Running"), "reset@0 run@1", "full-width folded, stemmed");
	is_str(terms_of(a, "退款流程"), "退款@0 款流@1 流程@2", "Chinese as overlapping bigrams");
	is_str(terms_of(a, "钱 ok"), "钱@0 ok@1", "a lone Han character is itself");
	is_str(terms_of(a, "order 88213, iPhone's app"), "order@0 88213@1 iphon@2 app@4", "digits kept, apostrophe ends a word");
	is_str(terms_of(a, "the and of"), "", "stop words only: nothing");
	ok(cs_is_stop_word("the", 3) && !cs_is_stop_word("theme", 5) && !cs_is_stop_word("", 0), "stop word table");
	size_t span[2] = {0, 0};
	const char *text = "Ｗｈｅｒｅ is the ＲＥＦＵＮＤ";
	cs_analyze(a, text, strlen(text), first_span, span);
	ok(span[1] > span[0] && memcmp(text + span[0], "ＲＥＦＵＮＤ", span[1] - span[0]) == 0,
	   "a token's span is in the original text");
}

static size_t word_chars(const char *text)
{
	return cs_word_chars(text, strlen(text), 10);
}

static void test_word_chars(void)
{
	ok(word_chars("ok") == 2 && word_chars("ok!") == 2 && word_chars("ok 👍") == 2, "ok: two, whatever follows it");
	ok(word_chars("好的") == 2 && word_chars("好的！") == 2 && word_chars("嗯") == 1, "Chinese: a character each");
	ok(word_chars("thanks!") == 6 && word_chars("退款吧") == 3 && word_chars("Ｏｋ1") == 3, "letters, digits, full-width");
	ok(cs_word_chars("aaaaaa", 6, 3) == 3, "counting stops at enough");
}

static void add(const char *term, size_t len, void *ctx)
{
	char *out = ctx;
	size_t n = strlen(out);
	snprintf(out + n, 256 - n, "%s%.*s", n ? " " : "", (int)len, term);
}

static void test_synonyms(cs_analyzer *a)
{
	const char text[] = "# comment\nAPP, 客户端, application\nbattery life, 续航\n\n";
	cs_buf err = CS_BUF_INIT;
	cs_synonyms *s = cs_synonyms_parse(a, text, sizeof text - 1, &err);
	ok(s != NULL, "synonyms parse");
	is_int(cs_synonyms_count(s), 2, "two groups");
	const char *q1[] = {"续航", "多久"};
	size_t l1[] = {strlen("续航"), strlen("多久")};
	char out[256] = "";
	cs_synonyms_expand(s, q1, l1, 2, add, out);
	is_str(out, "batteri life", "a Chinese phrase expands to the English phrase's terms");
	const char *q2[] = {"batteri", "life", "app"};
	size_t l2[] = {7, 4, 3};
	out[0] = 0;
	cs_synonyms_expand(s, q2, l2, 3, add, out);
	is_str(out, "客户 户端 applic 续航", "each group's other phrases, each term once");
	const char *q3[] = {"life"};
	size_t l3[] = {4};
	out[0] = 0;
	cs_synonyms_expand(s, q3, l3, 1, add, out);
	is_str(out, "", "half a phrase expands nothing");
	cs_synonyms_free(s);
	const char bad[] = "app, 客户端\nlonely\n";
	ok(cs_synonyms_parse(a, bad, sizeof bad - 1, &err) == NULL && strncmp(err.p, "2:", 2) == 0,
	   "a group of one phrase is an error with its line");
	cs_buf_free(&err);
}

static void test_index(void)
{
	char path[] = "/tmp/t_analyze.XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
	cs_buf err = CS_BUF_INIT;
	int status = 0;
	sqlite3 *db = kb_open(path, 1, &err, &status);
	ok(db != NULL, "a new knowledge base opens for writing");
	kb_indexer *x = kb_indexer_new(db);
	struct kb_entry e1 = {.id = "a", .kind = "faq", .title = "Reset password", .questions = "[\"Reset password\"]",
			      .body = "Tap forgot password."};
	struct kb_entry e2 = {.id = "b", .kind = "doc", .title = "Delivery", .body = "Delivery takes two days."};
	int64_t n1 = kb_indexer_add(x, &e1, "h1"), n2 = kb_indexer_add(x, &e2, "h2");
	ok(n1 > 0 && n2 > n1, "entries numbered in order");
	ok(kb_indexer_finish(x, &err) == 0, "postings written");
	kb_indexer_free(x);
	x = kb_indexer_new(db);
	ok(kb_indexer_remove(x, n1) == 0 && kb_indexer_finish(x, &err) == 0, "an entry removed");
	kb_indexer_free(x);
	struct kb_params p;
	kb_params_init(&p);
	kb_searcher *s = kb_searcher_new(db, "2026-01-01", &p, &err);
	struct kb_result r = {0};
	kb_search(s, "password", 8, 5, &r);
	is_int(r.nhits, 0, "a removed entry's postings are gone");
	kb_search(s, "how long is delivery?", 21, 5, &r);
	ok(r.nhits == 1 && r.hits[0].n == n2 && r.confidence > 0 && r.confidence <= 1, "the other entry found");
	kb_result_free(&r);
	kb_searcher_free(s);
	ok(kb_commit(db, &err) == 0, "committed");
	kb_close(db);
	unsigned char blob[] = {0x05, 0x05, 1, 2, 0x03, 0x02, 0x80};
	size_t at = 0;
	struct kb_posting post;
	ok(kb_posting_next(blob, 4, &at, 0, &post) == 1 && post.n == 5 && post.tf[0] == 1 && post.tf[1] == 0 &&
		   post.tf[2] == 2 && at == 4,
	   "a posting decodes: number, a bit a field, the fields' counts");
	ok(kb_posting_next(blob, sizeof blob, &at, 5, &post) == -1, "a cut count is damage, not a posting");
	at = 0;
	unsigned char too_many[] = {0x01, 0xF0, 1};
	ok(kb_posting_next(too_many, sizeof too_many, &at, 0, &post) == -1, "a field that does not exist is damage");
	unlink(path);
	char wal[64];
	snprintf(wal, sizeof wal, "%s-wal", path);
	unlink(wal);
	snprintf(wal, sizeof wal, "%s-shm", path);
	unlink(wal);
	cs_buf_free(&err);
}

int main(void)
{
	cs_analyzer *a = cs_analyzer_new();
	test_terms(a);
	test_synonyms(a);
	test_word_chars();
	cs_analyzer_free(a);
	test_index();
	return tap_done();
}
