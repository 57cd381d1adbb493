/* fmt_kbdoc: Markdown and plain-text knowledge-base documents as passages
 * (see fmt_kbdoc.h). A document is read whole into sections first, their
 * text one after another in one buffer, because the title may come from an
 * H1 below the text that opens the document; then each section is cut into
 * passages and fed. */
#include "fmt_kbdoc.h"
#include "kit_hash.h"
#include "kit_jw.h"
#include "kit_mem.h"
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define PASSAGE_MAX_DEFAULT 1000
#define PASSAGE_OVERLAP_DEFAULT 150
#define PASSAGE_MAX_LEAST 16
#define PLAIN_TITLE_MAX 100     /* a plain text's first line is its title when shorter */
#define LINK_TEXT_MAX 1024      /* how far "[" looks for its "]" */
#define LINK_DEST_MAX 2048      /* how far "](" looks for its ")" */
#define LINK_DEPTH_MAX 4        /* links and images inside link text */

static size_t passage_max = PASSAGE_MAX_DEFAULT, passage_overlap = PASSAGE_OVERLAP_DEFAULT;

void cs_fmt_kbdoc_set_passage(size_t max_bytes, size_t overlap_bytes)
{
	if (max_bytes == 0)
		max_bytes = PASSAGE_MAX_DEFAULT;
	passage_max = max_bytes < PASSAGE_MAX_LEAST ? PASSAGE_MAX_LEAST : max_bytes;
	passage_overlap = overlap_bytes > passage_max / 2 ? passage_max / 2 : overlap_bytes;
}

/* ---- bytes and lines ---- */

static int is_ws(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v'; }
static int is_cont(char ch) { return ((unsigned char)ch & 0xC0) == 0x80; }
static int is_digit(char ch) { return ch >= '0' && ch <= '9'; }
static int is_alpha(char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); }

static int all_space(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_ws(s[i]))
			return 0;
	return 1;
}

static void trim(const char **s, size_t *n)
{
	while (*n && is_ws(**s))
		(*s)++, (*n)--;
	while (*n && is_ws((*s)[*n - 1]))
		(*n)--;
}

static size_t skip_ws(const char *t, size_t len, size_t i)
{
	while (i < len && is_ws(t[i]))
		i++;
	return i;
}

static int same(const char *s, size_t n, const char *lit) { return strlen(lit) == n && memcmp(s, lit, n) == 0; }

static void buf_cut(cs_buf *b, size_t len)
{
	b->len = len;
	if (b->p)
		b->p[len] = '\0';
}

struct lines {
	const char *p, *e;
	uint64_t no;   /* the number of the line p starts */
};

struct line {
	const char *s;
	size_t n;      /* without the line end and trailing white space */
	uint64_t no;
};

static int next_line(struct lines *l, struct line *out)
{
	if (l->p >= l->e)
		return 0;
	const char *nl = memchr(l->p, '\n', (size_t)(l->e - l->p));
	const char *end = nl ? nl : l->e;
	out->s = l->p;
	out->n = (size_t)(end - l->p);
	while (out->n && is_ws(out->s[out->n - 1]))
		out->n--;
	out->no = l->no++;
	l->p = nl ? nl + 1 : l->e;
	return 1;
}

/* The code point of the UTF-8 sequence at s[0..n) and its length; 0 when
 * the bytes are not one. */
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t k = s[0] >= 0xC2 && s[0] <= 0xDF ? 2 : s[0] >= 0xE0 && s[0] <= 0xEF ? 3 : s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : 0;
	if (k == 0 || k > n)
		return 0;
	uint32_t c = s[0] & (0x7F >> k);
	for (size_t i = 1; i < k; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3F);
	}
	if ((k == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) || (k == 4 && (c < 0x10000 || c > 0x10FFFF)))
		return 0;
	*cp = c;
	return k;
}

/* Punctuation, spaces and symbols outside ASCII: the blocks of them that
 * customer-facing text uses; everything else counts as a letter in a slug
 * (a full Unicode table is not worth its size here). */
static int is_symbol_cp(uint32_t cp)
{
	static const uint32_t ranges[][2] = {
		{0x80, 0xBF},       {0xD7, 0xD7},       {0xF7, 0xF7},       {0x2000, 0x2BFF},
		{0x2E00, 0x2E7F},   {0x3000, 0x303F},   {0xFE10, 0xFE1F},   {0xFE30, 0xFE6F},
		{0xFF00, 0xFF0F},   {0xFF1A, 0xFF20},   {0xFF3B, 0xFF40},   {0xFF5B, 0xFF65},
		{0xFFF0, 0xFFFF},   {0x1F000, 0x1FAFF},
	};
	for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
		if (cp >= ranges[i][0] && cp <= ranges[i][1])
			return 1;
	return 0;
}

/* The slug of s[0..n) into out: ASCII letters lowered, digits and other
 * letters kept, each run of anything else one '-', none at the ends. */
static void slugify(const char *s, size_t n, cs_buf *out)
{
	int gap = 0;
	cs_buf_reset(out);
	for (size_t i = 0; i < n;) {
		uint32_t cp = 0;
		size_t k = (unsigned char)s[i] < 0x80 ? 1 : utf8_decode((const unsigned char *)s + i, n - i, &cp);
		int keep = k == 1 ? is_alpha(s[i]) || is_digit(s[i]) : k > 1 && !is_symbol_cp(cp);
		if (!k)
			k = 1;
		if (keep) {
			if (gap && out->len)
				cs_buf_addc(out, '-');
			gap = 0;
			if (k == 1)
				cs_buf_addc(out, s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i]);
			else
				cs_buf_add(out, s + i, k);
		} else {
			gap = 1;
		}
		i += k;
	}
}

/* ---- front matter ---- */

struct front {   /* what it gives; an empty field was not given */
	cs_buf id, title, version, from, until, owner;
	cs_buf tags;      /* each tag followed by '\n' */
	int tags_block;   /* "tags:" alone: "- tag" lines follow */
};

static void front_free(struct front *fm)
{
	cs_buf_free(&fm->id);
	cs_buf_free(&fm->title);
	cs_buf_free(&fm->version);
	cs_buf_free(&fm->from);
	cs_buf_free(&fm->until);
	cs_buf_free(&fm->owner);
	cs_buf_free(&fm->tags);
}

static void unquote(const char **s, size_t *n)
{
	if (*n >= 2 && (**s == '"' || **s == '\'') && (*s)[*n - 1] == **s) {
		(*s)++;
		*n -= 2;
	}
}

static void add_tag(struct front *fm, const char *s, size_t n)
{
	trim(&s, &n);
	unquote(&s, &n);
	trim(&s, &n);
	if (!n)
		return;
	cs_buf_add(&fm->tags, s, n);
	cs_buf_addc(&fm->tags, '\n');
}

/* "[a, b]" or "a, b". */
static void add_tags(struct front *fm, const char *s, size_t n)
{
	if (n >= 2 && s[0] == '[' && s[n - 1] == ']') {
		s++;
		n -= 2;
	}
	while (n) {
		const char *comma = memchr(s, ',', n);
		size_t k = comma ? (size_t)(comma - s) : n;
		add_tag(fm, s, k);
		k += comma != NULL;
		s += k;
		n -= k;
	}
}

static cs_buf *front_field(struct front *fm, const char *key, size_t n)
{
	if (same(key, n, "id"))
		return &fm->id;
	if (same(key, n, "title"))
		return &fm->title;
	if (same(key, n, "version"))
		return &fm->version;
	if (same(key, n, "effective_from"))
		return &fm->from;
	if (same(key, n, "effective_until"))
		return &fm->until;
	if (same(key, n, "owner"))
		return &fm->owner;
	return NULL;
}

/* One "key: value" line (or a "- tag" line of a tags block). */
static void front_line(struct front *fm, const char *s, size_t n)
{
	if (fm->tags_block && n && (s[0] == '-' || s[0] == ' ' || s[0] == '\t')) {
		trim(&s, &n);
		if (n && s[0] == '-')
			add_tag(fm, s + 1, n - 1);
		return;
	}
	fm->tags_block = 0;
	const char *colon = memchr(s, ':', n);
	if (!colon)
		return;
	const char *key = s, *val = colon + 1;
	size_t keyn = (size_t)(colon - s), valn = n - keyn - 1;
	trim(&key, &keyn);
	trim(&val, &valn);
	if (same(key, keyn, "tags")) {
		cs_buf_reset(&fm->tags);
		if (valn)
			add_tags(fm, val, valn);
		else
			fm->tags_block = 1;
		return;
	}
	cs_buf *field = front_field(fm, key, keyn);
	if (!field)
		return;
	unquote(&val, &valn);
	cs_buf_reset(field);
	cs_buf_add(field, val, valn);
}

/* Read a front matter at the start of l into fm, leaving l after it.
 * Returns -1 when it is opened and never closed. */
static int front_matter(struct front *fm, struct lines *l)
{
	struct lines at = *l;
	struct line ln;
	if (!next_line(&at, &ln) || !same(ln.s, ln.n, "---"))
		return 0;
	while (next_line(&at, &ln)) {
		if (same(ln.s, ln.n, "---")) {
			*l = at;
			return 0;
		}
		front_line(fm, ln.s, ln.n);
	}
	return -1;
}

/* ---- the document: sections of text ---- */

struct mark {   /* the text at off came from line */
	size_t off;
	uint64_t line;
};

struct section {
	size_t path_off, path_len;   /* its heading path in kb.paths */
	size_t body_off;             /* its text starts here in kb.text and runs to the next's */
};

struct kb {
	cs_doc *d;
	struct front fm;
	cs_buf found_title;    /* the title the text gave (the first H1, a first line) */
	cs_buf text, paths;
	struct mark *marks;
	size_t nmarks, cap_marks;
	struct section *secs;
	size_t nsecs, cap_secs;
	int blank_due;         /* a blank line is due before the next line of text */
	/* while writing */
	const char *title;
	size_t title_len;
	cs_buf stem, id, slug, rec;
	size_t id_base;        /* kb.id up to the passage's "/N" */
	cs_map slugs;          /* slug -> the next number to try after it */
};

static void *grow(void *p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return p;
	*cap = *cap ? *cap * 2 : 16;
	return cs_realloc(p, *cap * size);
}

static void kb_init(struct kb *kb, cs_doc *d)
{
	memset(kb, 0, sizeof *kb);
	kb->d = d;
	kb->secs = grow(NULL, &kb->cap_secs, 1, sizeof *kb->secs);
	kb->secs[kb->nsecs++] = (struct section){0, 0, 0};
	cs_buf_reserve(&kb->text, 1);   /* so that text.p + offset is never NULL + 0 */
	cs_buf_reserve(&kb->paths, 1);
}

static void kb_free(struct kb *kb)
{
	front_free(&kb->fm);
	cs_buf_free(&kb->found_title);
	cs_buf_free(&kb->text);
	cs_buf_free(&kb->paths);
	free(kb->marks);
	free(kb->secs);
	cs_buf_free(&kb->stem);
	cs_buf_free(&kb->id);
	cs_buf_free(&kb->slug);
	cs_buf_free(&kb->rec);
	cs_map_free(&kb->slugs);
}

static int has_body(const struct kb *kb) { return kb->text.len > kb->secs[kb->nsecs - 1].body_off; }

static void body_blank(struct kb *kb)
{
	if (has_body(kb))
		kb->blank_due = 1;
}

/* A line of the current section's text; blank lines in a row are one. */
static void body_line(struct kb *kb, const char *s, size_t n, uint64_t no)
{
	if (all_space(s, n)) {
		body_blank(kb);
		return;
	}
	if (has_body(kb))
		cs_buf_add(&kb->text, "\n\n", kb->blank_due ? 2 : 1);
	kb->blank_due = 0;
	kb->marks = grow(kb->marks, &kb->cap_marks, kb->nmarks + 1, sizeof *kb->marks);
	kb->marks[kb->nmarks++] = (struct mark){kb->text.len, no};
	cs_buf_add(&kb->text, s, n);
}

static void start_section(struct kb *kb, const char *path, size_t n)
{
	if (n == 0 && kb->secs[kb->nsecs - 1].path_len == 0) {
		body_blank(kb);   /* the title's H1 goes on the section of the text before it */
		return;
	}
	kb->secs = grow(kb->secs, &kb->cap_secs, kb->nsecs + 1, sizeof *kb->secs);
	kb->secs[kb->nsecs++] = (struct section){kb->paths.len, n, kb->text.len};
	cs_buf_add(&kb->paths, path, n);
	kb->blank_due = 0;
}

/* The line the text at off came from. */
static uint64_t line_at(const struct kb *kb, size_t off)
{
	size_t lo = 0, hi = kb->nmarks;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (kb->marks[mid].off <= off)
			lo = mid;
		else
			hi = mid;
	}
	return kb->nmarks ? kb->marks[lo].line : 0;
}

/* ---- cutting passages ---- */

/* The bytes of the sentence end at t[i] (". ", "? ", "! " count the mark;
 * "。", "？", "！" their three bytes), or 0. */
static size_t sentence_end(const char *t, size_t len, size_t i)
{
	if ((t[i] == '.' || t[i] == '?' || t[i] == '!') && i + 1 < len && is_ws(t[i + 1]))
		return 1;
	if (i + 3 <= len && (memcmp(t + i, "\xE3\x80\x82", 3) == 0 || memcmp(t + i, "\xEF\xBC\x9F", 3) == 0 ||
			     memcmp(t + i, "\xEF\xBC\x81", 3) == 0))
		return 3;
	return 0;
}

/* Where the passage that starts at t[s] ends, the text running past
 * s + max: at a paragraph break in the second half of the window, else
 * after the last sentence end, else at the last space, else at the last
 * character boundary; always beyond past, where the passage before ended
 * (a cut at or before it would give a passage of nothing but overlap). */
static size_t passage_cut(const char *t, size_t len, size_t s, size_t past, size_t max)
{
	size_t w = s + max, i;
	for (i = w - 1; i > past && i >= s + max / 2; i--)
		if (t[i] == '\n' && t[i + 1] == '\n')
			return i;
	for (i = w; i-- > s;) {
		size_t k = sentence_end(t, len, i);
		if (k && i + k <= w && i + k > past)
			return i + k;
	}
	for (i = w; i > past; i--)
		if (is_ws(t[i]))
			return i;
	for (i = w; i > past && w - i < 3 && is_cont(t[i]); i--)
		;
	return i == past || is_cont(t[i]) ? w : i;
}

/* Where the passage after a cut starts: overlap bytes before the cut,
 * moved on to the first sentence start there, else the first word start,
 * else (text without spaces) the first character; else at the cut. */
static size_t overlap_start(const char *t, size_t len, size_t s, size_t cut, size_t overlap)
{
	size_t p = cut - s > overlap ? cut - overlap : s + 1, i, k, j;
	for (i = p >= s + 3 ? p - 3 : s; i < cut; i++)
		if ((k = sentence_end(t, len, i)) && (j = skip_ws(t, len, i + k)) >= p && j < cut)
			return j;
	for (i = p; i < cut; i++)
		if (is_ws(t[i - 1]) && !is_ws(t[i]))
			return i;
	if ((unsigned char)t[p] < 0x80)
		return cut;
	while (p < cut && is_cont(t[p]))
		p++;
	return p;
}

static void put_opt(cs_jw *w, const char *key, const cs_buf *v)
{
	if (!v->len)
		return;
	cs_jw_key(w, key);
	cs_jw_str(w, v->p, v->len);
}

static void put_front(cs_jw *w, const struct front *fm)
{
	put_opt(w, "version", &fm->version);
	put_opt(w, "effective_from", &fm->from);
	put_opt(w, "effective_until", &fm->until);
	if (fm->tags.len) {
		cs_jw_key(w, "tags");
		cs_jw_array(w);
		for (const char *p = fm->tags.p, *e = p + fm->tags.len, *nl; p < e; p = nl + 1) {
			nl = memchr(p, '\n', (size_t)(e - p));
			cs_jw_str(w, p, (size_t)(nl - p));
		}
		cs_jw_end_array(w);
	}
	put_opt(w, "owner", &fm->owner);
}

/* Feed the n-th passage (1-based) of section sec, body[0..len) from line. */
static int feed_passage(struct kb *kb, const struct section *sec, size_t nth, const char *body, size_t len,
			uint64_t line)
{
	cs_jw w;
	buf_cut(&kb->id, kb->id_base);
	if (nth > 1)
		cs_buf_printf(&kb->id, "/%zu", nth);
	cs_buf_reset(&kb->rec);
	cs_jw_init(&w, &kb->rec);
	cs_jw_object(&w);
	cs_jw_key(&w, "id");
	cs_jw_str(&w, kb->id.p, kb->id.len);
	cs_jw_key(&w, "title");
	cs_jw_str(&w, kb->title, kb->title_len);
	cs_jw_key(&w, "section");
	cs_jw_str(&w, kb->paths.p + sec->path_off, sec->path_len);
	cs_jw_key(&w, "source");
	cs_jw_cstr(&w, cs_doc_path(kb->d));
	cs_jw_key(&w, "body");
	cs_jw_str(&w, body, len);
	put_front(&w, &kb->fm);
	cs_jw_end_object(&w);
	return cs_doc_feed(kb->d, kb->rec.p, kb->rec.len, line);
}

/* The section's text t[0..len) (at base in kb.text) as passages. */
static int put_passages(struct kb *kb, const struct section *sec, const char *t, size_t len, size_t base)
{
	size_t s = 0, nth = 0, cut = 0;
	for (;;) {
		s = skip_ws(t, len, s);
		if (s >= len)
			return 0;
		cut = len - s <= passage_max ? len : passage_cut(t, len, s, cut > s ? cut : s, passage_max);
		const char *p = t + s;
		size_t n = cut - s;
		trim(&p, &n);
		if (n && feed_passage(kb, sec, ++nth, p, n, line_at(kb, base + (size_t)(p - t))))
			return 1;
		if (cut >= len)
			return 0;
		s = overlap_start(t, len, s, cut, passage_overlap);
	}
}

/* kb.slug made unique in the document: "-2", "-3"... after a repeat. */
static void unique_slug(struct kb *kb)
{
	cs_buf *s = &kb->slug;
	size_t base = s->len;
	uintptr_t next = (uintptr_t)cs_map_get(&kb->slugs, s->p ? s->p : "", base);
	if (next) {
		for (;; next++) {
			buf_cut(s, base);
			cs_buf_printf(s, "-%zu", (size_t)next);
			if (!cs_map_get(&kb->slugs, s->p, s->len))
				break;
		}
		cs_map_put(&kb->slugs, s->p, base, (void *)(next + 1));
	}
	cs_map_put(&kb->slugs, s->p ? s->p : "", s->len, (void *)(uintptr_t)2);
}

/* kb.id up to the passage number: the document's id and "#slug". */
static void section_id(struct kb *kb, const struct section *sec)
{
	cs_buf_reset(&kb->id);
	if (kb->fm.id.len)
		cs_buf_add(&kb->id, kb->fm.id.p, kb->fm.id.len);
	else
		cs_buf_adds(&kb->id, cs_doc_path(kb->d));
	slugify(kb->paths.p + sec->path_off, sec->path_len, &kb->slug);
	unique_slug(kb);
	if (kb->slug.len) {
		cs_buf_addc(&kb->id, '#');
		cs_buf_add(&kb->id, kb->slug.p, kb->slug.len);
	}
	kb->id_base = kb->id.len;
}

/* The file name without its directory and extension. */
static void path_stem(const char *path, cs_buf *out)
{
	const char *base = strrchr(path, '/'), *dot;
	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	cs_buf_add(out, base, dot && dot > base ? (size_t)(dot - base) : strlen(base));
}

static void choose_title(struct kb *kb)
{
	const cs_buf *t = kb->fm.title.len ? &kb->fm.title : &kb->found_title;
	if (!t->len) {
		path_stem(cs_doc_path(kb->d), &kb->stem);
		t = &kb->stem;
	}
	kb->title = t->p ? t->p : "";
	kb->title_len = t->len;
}

static int put_sections(struct kb *kb)
{
	choose_title(kb);
	for (size_t i = 0; i < kb->nsecs; i++) {
		const struct section *sec = &kb->secs[i];
		size_t end = i + 1 < kb->nsecs ? kb->secs[i + 1].body_off : kb->text.len;
		const char *t = kb->text.p + sec->body_off;
		size_t len = end - sec->body_off;
		if (all_space(t, len))
			continue;
		section_id(kb, sec);
		if (put_passages(kb, sec, t, len, sec->body_off))
			return 1;
	}
	return 0;
}

static const char *skip_bom(const char *p, const char *e)
{
	return e - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0 ? p + 3 : p;
}

static int read_kbdoc(cs_doc *d, const char *data, size_t n, void (*read_body)(struct kb *kb, struct lines *l))
{
	struct kb kb;
	struct lines l = {skip_bom(data, data + n), data + n, 1};
	int stop;
	kb_init(&kb, d);
	if (front_matter(&kb.fm, &l) < 0) {
		stop = cs_doc_bad(d, 1, "front matter opened with --- is never closed");
	} else {
		read_body(&kb, &l);
		stop = put_sections(&kb);
	}
	kb_free(&kb);
	return stop;
}

/* ---- Markdown inline: links, images, autolinks, escapes ---- */

static void inline_text(const char *s, size_t n, cs_buf *out, int with_url, int depth);

static int is_punct(char ch) { return ch > ' ' && ch < 0x7F && !is_alpha(ch) && !is_digit(ch); }

/* A code span at s[i], copied as it is; or its backticks alone when it
 * is not closed. Returns the bytes taken. */
static size_t code_span(const char *s, size_t n, size_t i, cs_buf *out)
{
	size_t k = 0, j, m;
	while (i + k < n && s[i + k] == '`')
		k++;
	for (j = i + k; j < n; j += m) {
		for (m = 0; j + m < n && s[j + m] == '`';)
			m++;
		if (m == k) {
			cs_buf_add(out, s + i, j + m - i);
			return j + m - i;
		}
		if (!m)
			m = 1;
	}
	cs_buf_add(out, s + i, k);
	return k;
}

/* The ']' that closes the '[' at s[i], or n. */
static size_t close_bracket(const char *s, size_t n, size_t i)
{
	size_t lim = n - i > LINK_TEXT_MAX ? i + LINK_TEXT_MAX : n;
	int depth = 0;
	for (size_t j = i; j < lim; j++) {
		if (s[j] == '\\')
			j++;
		else if (s[j] == '[')
			depth++;
		else if (s[j] == ']' && --depth == 0)
			return j;
	}
	return n;
}

/* A link's "(url "title")" at s[i]: the url's place; returns where it
 * ends, 0 when it is none. */
static size_t link_dest(const char *s, size_t n, size_t i, size_t *url, size_t *urln)
{
	int depth = 0;
	if (n - i > LINK_DEST_MAX)
		n = i + LINK_DEST_MAX;
	size_t j = skip_ws(s, n, i + 1);
	if (j < n && s[j] == '<') {
		const char *gt = memchr(s + j + 1, '>', n - j - 1);
		if (!gt)
			return 0;
		*url = j + 1;
		j = (size_t)(gt - s) + 1;
		*urln = j - 1 - *url;
	} else {
		for (*url = j; j < n && !is_ws(s[j]) && (s[j] != ')' || depth > 0); j++)
			depth += s[j] == '(' ? 1 : s[j] == ')' ? -1 : 0;
		*urln = j - *url;
	}
	j = skip_ws(s, n, j);
	if (j < n && (s[j] == '"' || s[j] == '\'' || s[j] == '(')) {
		const char *q = memchr(s + j + 1, s[j] == '(' ? ')' : s[j], n - j - 1);
		if (!q)
			return 0;
		j = skip_ws(s, n, (size_t)(q - s) + 1);
	}
	return j < n && s[j] == ')' ? j + 1 : 0;
}

/* A link "[text](url)" or image "![alt](url)" at s[i]: "text (url)" (text
 * alone without with_url) or alt into out. Returns the bytes taken, 0 when
 * it is no link. */
static size_t link(const char *s, size_t n, size_t i, cs_buf *out, int with_url, int depth)
{
	int image = s[i] == '!';
	size_t open = i + (size_t)image, close, url, urln, end;
	if (depth >= LINK_DEPTH_MAX || (close = close_bracket(s, n, open)) + 1 >= n || s[close + 1] != '(' ||
	    !(end = link_dest(s, n, close + 1, &url, &urln)))
		return 0;
	size_t before = out->len;
	inline_text(s + open + 1, close - open - 1, out, 0, depth + 1);
	if (!image && with_url && urln) {
		if (out->len > before)
			cs_buf_add(out, " (", 2);
		cs_buf_add(out, s + url, urln);
		if (out->len > before + urln)
			cs_buf_addc(out, ')');
	}
	return end - i;
}

/* An autolink "<https://...>" or "<name@host>" at s[i]: its address into
 * out. Returns the bytes taken, 0 when it is none (an HTML tag, say). */
static size_t autolink(const char *s, size_t n, size_t i, cs_buf *out)
{
	size_t j = i + 1, lim = n - i > LINK_DEST_MAX ? i + LINK_DEST_MAX : n;
	while (j < lim && s[j] != '>' && s[j] != '<' && !is_ws(s[j]))
		j++;
	if (j >= lim || s[j] != '>' || !is_alpha(s[i + 1]))
		return 0;
	const char *a = s + i + 1;
	size_t an = j - i - 1;
	if (!memmem(a, an, "://", 3) && !memchr(a, '@', an) && !(an > 7 && memcmp(a, "mailto:", 7) == 0))
		return 0;
	cs_buf_add(out, a, an);
	return j + 1 - i;
}

static void inline_text(const char *s, size_t n, cs_buf *out, int with_url, int depth)
{
	for (size_t i = 0, took; i < n; i += took) {
		char ch = s[i];
		if (ch == '`') {
			took = code_span(s, n, i, out);
		} else if (ch == '\\' && i + 1 < n && is_punct(s[i + 1])) {
			cs_buf_addc(out, s[i + 1]);
			took = 2;
		} else if ((ch == '[' || (ch == '!' && i + 1 < n && s[i + 1] == '[')) &&
			   (took = link(s, n, i, out, with_url, depth))) {
		} else if (ch == '<' && (took = autolink(s, n, i, out))) {
		} else {
			cs_buf_addc(out, ch);
			took = 1;
		}
	}
}

/* ---- Markdown blocks ---- */

struct md {
	struct kb *kb;
	char fence;            /* '`' or '~' inside a fenced code block, else 0 */
	size_t fence_len;
	int fence_quoted;      /* the fence opened inside a block quote */
	int in_comment;        /* inside an HTML comment that began on an earlier line */
	cs_buf heading[6];     /* the open heading of each level, "" for none */
	int seen_h1;           /* the first H1 with text was read */
	int title_h1;          /* heading[0] is the H1 that the title is */
	size_t para_lines;     /* lines of the paragraph being read, 0 when none */
	int para_plain;        /* none of them a list item: a setext underline may follow */
	size_t para_text, para_marks;   /* where the paragraph began in kb.text and kb.marks */
	cs_buf para_raw;       /* its lines as written, joined by spaces */
	cs_buf line, inl, path;
};

static void md_free(struct md *m)
{
	for (int i = 0; i < 6; i++)
		cs_buf_free(&m->heading[i]);
	cs_buf_free(&m->para_raw);
	cs_buf_free(&m->line);
	cs_buf_free(&m->inl);
	cs_buf_free(&m->path);
}

/* The indentation of s (*at: where the text starts) when it is 0 to 3 spaces. */
static int small_indent(const char *s, size_t n, size_t *at)
{
	size_t i = 0;
	while (i < n && i < 4 && s[i] == ' ')
		i++;
	*at = i;
	return i < 4 && (i == n || s[i] != '\t');
}

static size_t run_of(const char *s, size_t n, size_t i, char ch)
{
	size_t k = 0;
	while (i + k < n && s[i + k] == ch)
		k++;
	return k;
}

/* How many bytes of block quote markers ("> ", nested) s starts with. */
static size_t quote_prefix(const char *s, size_t n)
{
	size_t i = 0, j;
	while (small_indent(s + i, n - i, &j) && i + j < n && s[i + j] == '>') {
		i += j + 1;
		if (i < n && s[i] == ' ')
			i++;
	}
	return i;
}

/* s without its HTML comments into m->line; 0 when nothing is left of a
 * line that had text (it then vanishes, not even a blank line). */
static int drop_comments(struct md *m, const char *s, size_t n)
{
	const char *p = s, *e = s + n, *at;
	int dropped = 0;
	cs_buf_reset(&m->line);
	while (p < e) {
		if (m->in_comment) {
			dropped = 1;
			if (!(at = memmem(p, (size_t)(e - p), "-->", 3)))
				break;
			m->in_comment = 0;
			for (p = at + 3; !m->line.len && p < e && is_ws(*p); p++)
				;   /* no indent from the space after a comment */
		} else if ((at = memmem(p, (size_t)(e - p), "<!--", 4))) {
			cs_buf_add(&m->line, p, (size_t)(at - p));
			m->in_comment = 1;
			dropped = 1;
			p = at + 4;
		} else {
			cs_buf_add(&m->line, p, (size_t)(e - p));
			break;
		}
	}
	while (dropped && m->line.len && is_ws(m->line.p[m->line.len - 1]))
		buf_cut(&m->line, m->line.len - 1);
	return !dropped || m->line.len;
}

/* An opening code fence: its length (3 or more '`' or '~'), else 0. */
static size_t fence_open(const char *s, size_t n, char *ch)
{
	size_t i, k;
	if (!small_indent(s, n, &i) || i >= n || (s[i] != '`' && s[i] != '~') || (k = run_of(s, n, i, s[i])) < 3)
		return 0;
	if (s[i] == '`' && memchr(s + i + k, '`', n - i - k))
		return 0;   /* a backtick in the info string: inline code, not a fence */
	*ch = s[i];
	return k;
}

static int closes_fence(const struct md *m, const char *s, size_t n)
{
	size_t i, k;
	return small_indent(s, n, &i) && (k = run_of(s, n, i, m->fence)) >= m->fence_len && all_space(s + i + k, n - i - k);
}

/* An ATX heading: its level (1-6) and text, else 0. */
static int atx_heading(const char *s, size_t n, const char **text, size_t *textn)
{
	size_t i, k;
	if (!small_indent(s, n, &i) || (k = run_of(s, n, i, '#')) < 1 || k > 6 || (i + k < n && !is_ws(s[i + k])))
		return 0;
	const char *t = s + i + k, *close;
	size_t tn = n - i - k;
	trim(&t, &tn);
	for (close = t + tn; close > t && close[-1] == '#'; close--)
		;
	if (close == t || is_ws(close[-1])) {   /* a closing sequence of #'s */
		tn = (size_t)(close - t);
		trim(&t, &tn);
	}
	*text = t;
	*textn = tn;
	return (int)k;
}

/* A setext underline: 1 for "===", 2 for "---", else 0. */
static int setext_underline(const char *s, size_t n)
{
	size_t i, k;
	if (!small_indent(s, n, &i) || i >= n || (s[i] != '=' && s[i] != '-'))
		return 0;
	k = run_of(s, n, i, s[i]);
	return all_space(s + i + k, n - i - k) ? (s[i] == '=' ? 1 : 2) : 0;
}

/* "---", "***", "___" (spaces between allowed). */
static int thematic_break(const char *s, size_t n)
{
	size_t i, marks = 0;
	if (!small_indent(s, n, &i) || i >= n || (s[i] != '-' && s[i] != '*' && s[i] != '_'))
		return 0;
	for (char ch = s[i]; i < n; i++) {
		if (s[i] == ch)
			marks++;
		else if (s[i] != ' ' && s[i] != '\t')
			return 0;
	}
	return marks >= 3;
}

static int list_item(const char *s, size_t n)
{
	size_t i = skip_ws(s, n, 0), k = 0;
	if (i < n && (s[i] == '-' || s[i] == '*' || s[i] == '+'))
		return i + 1 == n || is_ws(s[i + 1]);
	while (i + k < n && k < 10 && is_digit(s[i + k]))
		k++;
	i += k;
	return k && i < n && (s[i] == '.' || s[i] == ')') && (i + 1 == n || is_ws(s[i + 1]));
}

static void end_paragraph(struct md *m) { m->para_lines = 0; }

static void heading_path(struct md *m)
{
	cs_buf_reset(&m->path);
	for (int i = 0; i < 6; i++) {
		if (!m->heading[i].len || (i == 0 && m->title_h1))
			continue;
		if (m->path.len)
			cs_buf_add(&m->path, " > ", 3);
		cs_buf_add(&m->path, m->heading[i].p, m->heading[i].len);
	}
}

static void first_h1(struct md *m, const cs_buf *h)
{
	struct kb *kb = m->kb;
	m->seen_h1 = 1;
	cs_buf_add(&kb->found_title, h->p, h->len);
	/* An H1 that says what the front matter's title says is the title too. */
	m->title_h1 = !kb->fm.title.len || (kb->fm.title.len == h->len && memcmp(kb->fm.title.p, h->p, h->len) == 0);
}

static void heading(struct md *m, int level, const char *s, size_t n)
{
	cs_buf *h = &m->heading[level - 1];
	const char *t;
	size_t tn;
	cs_buf_reset(&m->inl);
	inline_text(s, n, &m->inl, 0, 0);
	t = m->inl.p;
	tn = m->inl.len;
	trim(&t, &tn);
	cs_buf_reset(h);
	cs_buf_add(h, t, tn);
	for (int i = level; i < 6; i++)
		cs_buf_reset(&m->heading[i]);
	if (level == 1) {
		m->title_h1 = 0;
		if (h->len && !m->seen_h1)
			first_h1(m, h);
	}
	heading_path(m);
	start_section(m->kb, m->path.p, m->path.len);
	end_paragraph(m);
}

/* The paragraph just read is a setext heading: out of the text with it. */
static void setext_heading(struct md *m, int level)
{
	struct kb *kb = m->kb;
	buf_cut(&kb->text, m->para_text);
	kb->nmarks = m->para_marks;
	heading(m, level, m->para_raw.p, m->para_raw.len);
}

static void text_line(struct md *m, const char *s, size_t n, uint64_t no)
{
	struct kb *kb = m->kb;
	if (!m->para_lines) {
		m->para_text = kb->text.len;
		m->para_marks = kb->nmarks;
		m->para_plain = 1;
		cs_buf_reset(&m->para_raw);
	} else {
		cs_buf_addc(&m->para_raw, ' ');
	}
	const char *t = s;
	size_t tn = n;
	trim(&t, &tn);
	cs_buf_add(&m->para_raw, t, tn);
	m->para_plain &= !list_item(s, n);
	m->para_lines++;
	cs_buf_reset(&m->inl);
	inline_text(s, n, &m->inl, 1, 0);
	body_line(kb, m->inl.p, m->inl.len, no);
}

static void code_line(struct md *m, const struct line *ln)
{
	const char *s = ln->s;
	size_t n = ln->n, q = m->fence_quoted ? quote_prefix(s, n) : 0;
	if (closes_fence(m, s + q, n - q))
		m->fence = 0;
	body_line(m->kb, s + q, n - q, ln->no);
}

static void md_line(struct md *m, const struct line *ln)
{
	size_t q, textn;
	const char *text;
	char ch;
	int level;
	if (m->fence) {
		code_line(m, ln);
		return;
	}
	q = quote_prefix(ln->s, ln->n);
	if (!drop_comments(m, ln->s + q, ln->n - q))
		return;
	const char *s = m->line.p;
	size_t n = m->line.len;
	if (all_space(s, n)) {
		end_paragraph(m);
		body_blank(m->kb);
	} else if ((m->fence_len = fence_open(s, n, &ch))) {
		m->fence = ch;
		m->fence_quoted = q > 0;
		end_paragraph(m);
		body_line(m->kb, s, n, ln->no);
	} else if ((level = atx_heading(s, n, &text, &textn))) {
		heading(m, level, text, textn);
	} else if ((level = setext_underline(s, n)) && m->para_lines && m->para_plain) {
		setext_heading(m, level);
	} else if (thematic_break(s, n)) {
		end_paragraph(m);
		body_blank(m->kb);
	} else {
		text_line(m, s, n, ln->no);
	}
}

static void markdown_body(struct kb *kb, struct lines *l)
{
	struct md m = {.kb = kb};
	struct line ln;
	while (next_line(l, &ln))
		md_line(&m, &ln);
	md_free(&m);
}

/* ---- plain text ---- */

/* A short first line with a blank line after it is the title: taken out
 * of l into kb.found_title. */
static void plain_title(struct kb *kb, struct lines *l)
{
	struct lines at = *l;
	struct line first, next;
	do {
		if (!next_line(&at, &first))
			return;
	} while (!first.n || all_space(first.s, first.n));
	const char *s = first.s;
	size_t n = first.n;
	trim(&s, &n);
	if (n >= PLAIN_TITLE_MAX || !next_line(&at, &next) || !all_space(next.s, next.n))
		return;
	cs_buf_add(&kb->found_title, s, n);
	*l = at;
}

static void plain_body(struct kb *kb, struct lines *l)
{
	struct line ln;
	if (!kb->fm.title.len)
		plain_title(kb, l);
	while (next_line(l, &ln))
		body_line(kb, ln.s, ln.n, ln.no);
}

/* ---- the formats ---- */

static int read_markdown(cs_doc *d, const char *data, size_t n) { return read_kbdoc(d, data, n, markdown_body); }
static int read_plain(cs_doc *d, const char *data, size_t n) { return read_kbdoc(d, data, n, plain_body); }

static int has_extension(const char *path, const char *const *exts)
{
	const char *slash = path ? strrchr(path, '/') : NULL, *dot;
	if (!path || !(dot = strrchr(slash ? slash + 1 : path, '.')))
		return 0;
	for (; *exts; exts++)
		if (strcasecmp(dot + 1, *exts) == 0)
			return 1;
	return 0;
}

static int sniff_markdown(const char *head, size_t n, const char *path)
{
	static const char *const exts[] = {"md", "markdown", "mdown", NULL};
	(void)head, (void)n;
	return has_extension(path, exts) ? 90 : 0;
}

static int sniff_plain(const char *head, size_t n, const char *path)
{
	static const char *const exts[] = {"txt", "text", NULL};
	(void)head, (void)n;
	return has_extension(path, exts) ? 90 : 0;
}

const struct cs_doc_format cs_fmt_markdown = {
	"markdown", "Markdown knowledge-base articles as passages for cs-answer (headings make sections)",
	sniff_markdown, read_markdown};
const struct cs_doc_format cs_fmt_plaintext = {
	"text", "plain-text knowledge-base documents as passages for cs-answer", sniff_plain, read_plain};
