/* t_fmt_kbdoc: Markdown and plain-text documents as knowledge passages
 * (lib/fmt_kbdoc.c). In memory the input is named "<memory>"; one run over
 * a real file checks ids, titles from the file name and line numbers. */
#include "fmt_kbdoc.h"
#include "kit_run.h"
#include "tap.h"
#include "fixture.h"
#include "fmt_fixture.h"
#include <sys/stat.h>
#include <sys/wait.h>

static struct fmt_out out;
static cs_buf rec;

static void md(const char *text) { fmt_run(&cs_fmt_markdown, text, &out); }
static void plain(const char *text) { fmt_run(&cs_fmt_plaintext, text, &out); }
static const char *at(size_t n) { return fmt_record(&out, n, &rec); }

/* The text of member key of record n ("" when it is absent). */
static const char *field(size_t n, const char *key)
{
	static cs_buf val, scratch;
	cs_obj obj = {0};
	cs_jerr err;
	const char *s = "";
	size_t len = 0;
	const char *r = at(n);
	cs_buf_reset(&val);
	if (cs_json_object(r, strlen(r), 64, &obj, &err) == 0) {
		const cs_member *m = cs_obj_get(&obj, key, strlen(key));
		if (m)
			cs_json_str(m->val, m->type, &scratch, &s, &len);
	}
	cs_buf_add(&val, s, len);
	cs_buf_addc(&val, '\0');
	cs_obj_free(&obj);
	return val.p;
}

static void test_headings(void)
{
	md("# Returns policy\n\nIntro text.\n\n## Refund window\n\nYou have 30 days.\n\n### Exceptions\n\n"
	   "Sale items are final.\n\n## Exchanges\n## Store credit\n\nCredit never expires.\n");
	is_int(out.n, 4, "four sections with text (a heading right before another makes none)");
	is_int(out.bad, 0, "nothing bad");
	is_str(at(0), "{\"id\":\"<memory>\",\"title\":\"Returns policy\",\"section\":\"\",\"source\":\"<memory>\","
	       "\"body\":\"Intro text.\"}", "the record: id, title, section, source, body in that order");
	is_str(field(1, "section"), "Refund window", "the title's H1 is not in the path");
	is_str(field(1, "id"), "<memory>#refund-window", "the id is the path and the section's slug");
	is_str(field(2, "section"), "Refund window > Exceptions", "the path joins headings with ' > '");
	is_str(field(2, "id"), "<memory>#refund-window-exceptions", "the slug of a path");
	is_str(field(3, "section"), "Store credit", "a heading closes the deeper ones");
	is_str(field(3, "body"), "Credit never expires.", "its text");

	md("Before the title.\n\n# Title #\n\nAfter it.\n\n# Second part\n\n## Details ##\n\nMore.\n");
	is_int(out.n, 2, "the text before the title's H1 and after it are one section");
	is_str(field(0, "body"), "Before the title.\n\nAfter it.", "joined by a blank line");
	is_str(field(0, "title"), "Title", "closing #'s are not the title's");
	is_str(field(1, "section"), "Second part > Details", "a later H1 is in the path");
}

static void test_titles(void)
{
	md("## Only a section\n\nText.\n");
	is_str(field(0, "title"), "<memory>", "no front matter title and no H1: the input's name");
	md("---\ntitle: From front matter\n---\n# Heading one\n\n## Sub\n\nText.\n");
	is_str(field(0, "title"), "From front matter", "the front matter's title comes first");
	is_str(field(0, "section"), "Heading one > Sub", "an H1 that is not the title stays in the path");
	md("---\ntitle: Same\n---\n# Same\n\n## Sub\n\nText.\n");
	is_str(field(0, "section"), "Sub", "an H1 saying what the front matter's title says is the title");
	md("#\n\nText.\n\n# Real title\n\n## A\n\nx\n");
	is_str(field(1, "title"), "Real title", "an empty H1 is no title");
}

static void test_front_matter(void)
{
	md("---\nid: kb-42\ntitle: \"Shipping\"\nversion: 3\neffective_from: 2024-01-01\neffective_until: 2024-12-31\n"
	   "tags: [shipping, 'delivery', \"eu\"]\nowner: logistics team\ncolor: blue\n---\nShips in 2 days.\n");
	is_str(at(0), "{\"id\":\"kb-42\",\"title\":\"Shipping\",\"section\":\"\",\"source\":\"<memory>\","
	       "\"body\":\"Ships in 2 days.\",\"version\":\"3\",\"effective_from\":\"2024-01-01\","
	       "\"effective_until\":\"2024-12-31\",\"tags\":[\"shipping\",\"delivery\",\"eu\"],\"owner\":\"logistics team\"}",
	       "every front matter field after the body, quotes stripped, unknown keys ignored");
	plain("---\ntags: billing, \"vat\" ,\n---\nVAT is included.\n");
	is_str(field(0, "title"), "<memory>", "front matter in plain text too");
	ok(fmt_has(at(0), "\"tags\":[\"billing\",\"vat\"]"), "tags as a, b");
	md("---\ntags:\n  - one\n  - two\nowner: x\n---\nText.\n");
	ok(fmt_has(at(0), "\"tags\":[\"one\",\"two\"],\"owner\":\"x\""), "tags as a YAML list");
	md("---\ntitle: x\n\nText that never closes it.\n");
	is_int(out.bad, 1, "an unclosed front matter is bad");
	is_int(out.n, 0, "and nothing is read");
	plain("---\nno: close\n");
	is_int(out.bad, 1, "in plain text too");
	md("\xEF\xBB\xBF---\nid: bom\n---\nText.\n");
	is_str(field(0, "id"), "bom", "a byte order mark before the front matter");
}

static void test_fences(void)
{
	md("# Guide\n\n## Setup\n\n```sh\n# not a heading\n<!-- kept -->\necho [a](b)\n```\n\n~~~\n## nor this\n~~~\n\nAfter.\n");
	is_int(out.n, 1, "headings inside fenced code are text");
	is_str(field(0, "body"), "```sh\n# not a heading\n<!-- kept -->\necho [a](b)\n```\n\n~~~\n## nor this\n~~~\n\nAfter.",
	       "code is kept as it is");
	md("## A\n\n````\n```\n# still code\n````\n## B\n\nx\n");
	is_str(field(0, "section"), "A", "a shorter fence does not close a longer one");
	is_str(field(1, "section"), "B", "the longer one does");
}

static void test_setext(void)
{
	md("Billing\n=======\n\nPay monthly.\n\nInvoices\n--------\n\nSent on the 1st.\n\n- a list item\n---\n\nEnd.\n");
	is_int(out.n, 2, "two sections");
	is_str(field(0, "title"), "Billing", "a setext H1 is the title");
	is_str(field(0, "section"), "", "and not in the path");
	is_str(field(1, "section"), "Invoices", "a setext H2");
	is_str(field(1, "body"), "Sent on the 1st.\n\n- a list item\n\nEnd.", "--- after a list item is a rule, not a heading");
}

static void test_split(void)
{
	cs_fmt_kbdoc_set_passage(120, 30);
	md("## Policy\n\nOrders ship in two days. Refunds take a week. Returns are always free. Gift cards never "
	   "expire. Support answers within an hour. Prices include all taxes. Sales end on Sunday.\n");
	is_int(out.n, 2, "two passages of at most 120 bytes");
	is_str(field(0, "body"), "Orders ship in two days. Refunds take a week. Returns are always free. Gift cards never "
	       "expire.", "the first ends at the last sentence end before the limit");
	is_str(field(1, "body"), "Gift cards never expire. Support answers within an hour. Prices include all taxes. "
	       "Sales end on Sunday.", "the next starts 30 bytes before the cut, at the sentence start there");
	is_str(field(0, "id"), "<memory>#policy", "the first passage has no number");
	is_str(field(1, "id"), "<memory>#policy/2", "the second is /2");

	md("## P\n\nFirst paragraph is here and it is long enough to reach past the middle.\n\n"
	   "Second paragraph goes on and on and on and on, past the end of the window.\n");
	is_str(field(0, "body"), "First paragraph is here and it is long enough to reach past the middle.",
	       "a paragraph break in the second half of the window is the cut");

	md("## W\n\nSupercalifragilisticexpialidocious words without any sentence ends just spaces going on "
	   "forever and ever and ever more and more and more\n");
	is_str(field(0, "body"), "Supercalifragilisticexpialidocious words without any sentence ends just spaces going on "
	       "forever and ever and ever more", "no sentence end: cut at the last space");
	is_str(field(1, "body"), "forever and ever and ever more and more and more",
	       "the overlap starts at the first word start in the 30 bytes before the cut");

	cs_fmt_kbdoc_set_passage(48, 12);
	md("## R\n\nMost items can be returned within 30 days. See the returns portal to start one today.\n");
	is_str(field(1, "body"), "30 days. See the returns portal to start one",
	       "a passage never ends where the one before did (it would be nothing but overlap)");
	is_str(field(2, "body"), "to start one today.", "the last passage");

	cs_fmt_kbdoc_set_passage(16, 8);
	md("## X\n\nabcdefghijklmnopqrstuvwxyz\n");
	is_str(field(0, "body"), "abcdefghijklmnop", "no space at all: cut at the limit");
	is_str(field(1, "body"), "qrstuvwxyz", "and no overlap into a word");
	cs_fmt_kbdoc_set_passage(0, 150);
}

static int valid_utf8_passages(size_t max)
{
	for (size_t i = 0; i < out.n; i++) {
		const char *b = field(i, "body");
		if (strlen(b) > max || strstr(b, "\xEF\xBF\xBD"))
			return 0;
	}
	return 1;
}

static void test_chinese(void)
{
	cs_fmt_kbdoc_set_passage(120, 30);
	plain("退货须知\n\n商品签收后七天内可以申请无理由退货。退货时请保持商品完好并附上发票。"
	      "运费由买家承担，质量问题除外。退款将在收到退货后三个工作日内原路返回。"
	      "如有疑问请联系在线客服！客服工作时间为每天九点到二十一点。\n");
	is_str(field(0, "title"), "退货须知", "a short first line before a blank line is the title");
	ok(out.n >= 3, "the text is split (%zu passages)", out.n);
	ok(valid_utf8_passages(120), "every passage is at most 120 bytes of whole characters");
	is_str(field(0, "body"), "商品签收后七天内可以申请无理由退货。退货时请保持商品完好并附上发票。",
	       "cut after the last 。 before the limit");
	is_str(field(1, "body"), "商品完好并附上发票。运费由买家承担，质量问题除外。",
	       "no sentence start in the 30 bytes before the cut: the overlap starts at a character");
	plain("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\n");
	ok(out.n >= 2 && valid_utf8_passages(120), "no punctuation: cut between characters");
	cs_fmt_kbdoc_set_passage(0, 150);
	md("## 退货 政策\n\n内容。\n");
	is_str(field(0, "id"), "<memory>#退货-政策", "non-ASCII letters stay in the slug");
}

static void test_slugs(void)
{
	md("## FAQ\n\na\n\n## FAQ\n\nb\n\n## FAQ\n\nc\n\n## FAQ 2\n\nd\n\n## What's new?\n\ne\n\n## ???\n\nf\n\n"
	   "## !!!\n\ng\n");
	is_str(field(0, "id"), "<memory>#faq", "the first FAQ");
	is_str(field(1, "id"), "<memory>#faq-2", "the second gets -2");
	is_str(field(2, "id"), "<memory>#faq-3", "the third -3");
	is_str(field(3, "id"), "<memory>#faq-2-2", "a heading whose slug is taken by a renamed one");
	is_str(field(4, "id"), "<memory>#what-s-new", "punctuation runs become one '-', none at the ends");
	is_str(field(5, "id"), "<memory>", "a heading of punctuation only has no slug");
	is_str(field(6, "id"), "<memory>#-2", "and a second one is still told apart");
}

static void test_inline(void)
{
	md("## Help\n\nSee [the policy](https://x.example/p \"Policy\") and ![logo](l.png) now. <!-- hidden -->Mail "
	   "<help@x.example> or <https://x.example>.\n\n> Quoted **tip**\n> > nested\n\n\n\n- item [a [b]](u)\n"
	   "<!--\n# not a heading\n-->\nback \\[not a link](x) `[code](y)`\n");
	is_str(field(0, "body"), "See the policy (https://x.example/p) and logo now. Mail help@x.example or "
	       "https://x.example.\n\nQuoted **tip**\nnested\n\n- item a [b] (u)\nback [not a link](x) `[code](y)`",
	       "links, images, autolinks, quotes, comments, escapes and code spans; blank lines collapse");
	is_int(out.n, 1, "a heading inside a comment is no heading");
	md("# T\n\n## [Linked](http://x) heading\n\nx\n");
	is_str(field(0, "section"), "Linked heading", "a link in a heading is its text");
}

static void test_plain(void)
{
	plain("Returns FAQ\n\nBody text.\n# not a heading\n\n\n\nLast.\n");
	is_str(field(0, "title"), "Returns FAQ", "the first line is the title");
	is_str(field(0, "section"), "", "plain text has no sections");
	is_str(field(0, "body"), "Body text.\n# not a heading\n\nLast.", "the title line is not in the body");
	plain("A first line that runs on and on for more than one hundred bytes so it cannot be a title at all, no.\n\nx\n");
	is_str(field(0, "title"), "<memory>", "a long first line is no title");
	ok(fmt_has(field(0, "body"), "A first line"), "and stays in the body");
	plain("\n\nFirst\nSecond\n");
	is_str(field(0, "title"), "<memory>", "a first line with text after it is no title");
	plain("---\ntitle: Given\n---\nShort\n\nBody.\n");
	is_str(field(0, "body"), "Short\n\nBody.", "with a front matter title the first line is text");
	plain("\n  \n");
	is_int(out.n, 0, "no text, no passage");
	md("");
	is_int(out.n + out.bad, 0, "an empty document has nothing");
}

static void test_sniff(void)
{
	is_int(cs_fmt_markdown.sniff("", 0, "docs/a.md"), 90, ".md");
	is_int(cs_fmt_markdown.sniff("", 0, "A.MARKDOWN"), 90, ".markdown, any case");
	is_int(cs_fmt_markdown.sniff("", 0, "x.mdown"), 90, ".mdown");
	is_int(cs_fmt_markdown.sniff("# T", 3, "x.txt"), 0, "markdown: by the extension only");
	is_int(cs_fmt_plaintext.sniff("", 0, "x.txt"), 90, ".txt");
	is_int(cs_fmt_plaintext.sniff("", 0, "x.text"), 90, ".text");
	is_int(cs_fmt_plaintext.sniff("", 0, "notes.md/x"), 0, "a dot in a directory is no extension");
	is_int(cs_fmt_markdown.sniff("# T", 3, NULL), 0, "standard input: 0");
	is_int(cs_fmt_plaintext.sniff("T", 1, NULL), 0, "for both");
}

/* ---- one run over a real file: each record as "LINE ID TITLE" ---- */

static int record_line(void *ctx, cs_run *run, const cs_rec *r)
{
	cs_buf *b = ctx;
	const cs_member *id = cs_obj_get(&r->obj, "id", 2), *title = cs_obj_get(&r->obj, "title", 5);
	cs_buf_reset(b);
	cs_buf_printf(b, "%llu %.*s %.*s", (unsigned long long)r->line, (int)id->val.n, id->val.p, (int)title->val.n,
		      title->val.p);
	cs_run_write_line(run, b->p, b->len);
	return CS_REC_OK;
}

static int no_handle(int key, const char *arg, void *ctx)
{
	(void)key, (void)arg, (void)ctx;
	return 0;
}

static int run_file(const char *format, char *file)
{
	static const struct cs_opt no_opts[] = {{0}};
	static const struct cs_prog_def prog = {"t_fmt_kbdoc", "test", "file ...", no_opts, NULL, NULL, NULL};
	static const struct cs_doc_format *const formats[] = {&cs_fmt_markdown, &cs_fmt_plaintext, NULL};
	char *argv[] = {"t_fmt_kbdoc", "-o", "out.txt", file, NULL};
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid == 0) {
		struct cs_common c;
		cs_buf b = CS_BUF_INIT;
		struct cs_engine e = {.ctx = &b, .record = record_line};
		optind = 0;
		int first = cs_opt_parse(&prog, 4, argv, &c, no_handle, NULL);
		c.format = format;
		c.formats = formats;
		_exit(cs_run_main(&c, &e, argv + first, 4 - first));
	}
	int st;
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static void test_file(void)
{
	size_t n;
	char *text;
	cs_fmt_kbdoc_set_passage(40, 0);
	if (mkdir("kb", 0755) != 0)
		printf("# mkdir kb failed\n");
	write_str("kb/refund-policy.md", "Intro line.\n\n## Window\n\n<!-- a note -->\n> Thirty days from delivery. "
		  "Then store credit only.\nA third sentence here.\n");
	is_int(run_file("auto", "kb/refund-policy.md"), 0, "a .md file is read as Markdown with --format auto");
	text = read_all("out.txt", &n);
	is_str(text, "1 \"kb/refund-policy.md\" \"refund-policy\"\n"
	       "6 \"kb/refund-policy.md#window\" \"refund-policy\"\n"
	       "6 \"kb/refund-policy.md#window/2\" \"refund-policy\"\n"
	       "7 \"kb/refund-policy.md#window/3\" \"refund-policy\"\n",
	       "ids from the path, the title from the file name, each passage's line");
	free(text);
	write_str("kb/notes.text", "Notes\n\nLine three.\n");
	is_int(run_file("text", "kb/notes.text"), 0, "--format text");
	text = read_all("out.txt", &n);
	is_str(text, "3 \"kb/notes.text\" \"Notes\"\n", "plain text: the body's line");
	free(text);
	cs_fmt_kbdoc_set_passage(0, 150);
}

int main(void)
{
	fixture_enter("t_fmt_kbdoc");
	test_headings();
	test_titles();
	test_front_matter();
	test_fences();
	test_setext();
	test_split();
	test_chinese();
	test_slugs();
	test_inline();
	test_plain();
	test_sniff();
	test_file();
	cs_buf_free(&out.lines);
	cs_buf_free(&rec);
	fixture_leave();
	return tap_done();
}
