/* t_text: normalization for matching and spans back to the original (lib/svc_text.c). */
#include "svc_text.h"
#include "kit_hash.h"
#include "tap.h"
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>

static void span_is(cs_norm *n, const char *orig, const char *needle, const char *want, const char *what)
{
	const char *hit = strstr(n->text.p, needle);
	size_t os = 0, oe = 0;
	if (hit)
		cs_norm_span(n, (size_t)(hit - n->text.p), (size_t)(hit - n->text.p) + strlen(needle), &os, &oe);
	char got[256] = "";
	if (hit && oe - os < sizeof got)
		memcpy(got, orig + os, oe - os);
	is_str(got, want, what);
}

static size_t put3(char *out, uint32_t cp)
{
	out[0] = (char)(0xE0 | cp >> 12);
	out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[2] = (char)(0x80 | (cp & 0x3F));
	return 3;
}

/* Runs of U+4000..U+9FFF are copied whole (svc_text's cjk_run): that is
 * right only while libunistring leaves each of them as it is and none is a
 * combining mark. */
static void test_cjk_runs(cs_norm *n)
{
	int unchanged = 1;
	for (uint32_t cp = 0x4000; cp < 0xA000 && unchanged; cp++) {
		char c[3];
		put3(c, cp);
		size_t len = 0;
		uint8_t *r = u8_casefold((const uint8_t *)c, 3, NULL, UNINORM_NFKC, NULL, &len);
		unchanged = r && len == 3 && memcmp(r, c, 3) == 0 && uc_combining_class(cp) == 0;
		free(r);
	}
	ok(unchanged, "every character of U+4000..U+9FFF folds to itself and combines with nothing");

	/* a run of every length, then each kind of follower: the end, ASCII, a
	 * full-width comma, a combining mark (which composes with no ideograph,
	 * so the run's last character needs no look at what follows), a
	 * truncated character */
	static const char *after[] = {"", "Ab", "\xef\xbc\x8c", "\xe3\x82\x99", "\xe4\xb8"};
	int same = 1, mapped = 1;
	for (size_t chars = 0; chars <= 12; chars++)
		for (size_t a = 0; a < sizeof after / sizeof *after; a++) {
			char text[64];
			size_t len = 0;
			for (size_t k = 0; k < chars; k++)
				len += put3(text + len, 0x4E00 + (uint32_t)(k * 977 % 0x5000));
			size_t run = len;
			memcpy(text + len, after[a], strlen(after[a]));
			len += strlen(after[a]);
			size_t want_len = 0;
			uint8_t *want = u8_casefold((const uint8_t *)text, len, NULL, UNINORM_NFKC, NULL, &want_len);
			cs_norm_text(n, text, len);
			if (want)
				cs_t2s((char *)want, want_len);   /* and Traditional read as Simplified */
			if (a != 4) {   /* libunistring rejects the truncated character */
				same &= want && n->text.len == want_len && memcmp(n->text.p, want, want_len) == 0;
			} else {
				cs_t2s(text, len);
				same &= n->text.len == len && memcmp(n->text.p, text, len) == 0;
			}
			free(want);
			for (size_t k = 0; k < run && k < n->text.len; k++)
				mapped &= n->orig[k] == k / 3 * 3;
			mapped &= n->orig[n->text.len] == len;
		}
	ok(same, "CJK runs of every length normalize as libunistring does (and Traditional as Simplified), whatever follows");

	int composes_with_none = 1;
	for (uint32_t mark = 0x300; mark < 0x10000 && composes_with_none; mark++) {
		if ((mark >= 0xD800 && mark < 0xE000) || uc_combining_class(mark) == 0)
			continue;
		for (uint32_t base = 0x4000; base < 0xA000 && composes_with_none; base += 331) {
			char text[6];
			put3(text, base);
			size_t len = mark < 0x800 ? 5 : 6;
			if (mark < 0x800) {
				text[3] = (char)(0xC0 | mark >> 6);
				text[4] = (char)(0x80 | (mark & 0x3F));
			} else {
				put3(text + 3, mark);
			}
			size_t want_len = 0;
			uint8_t *want = u8_casefold((const uint8_t *)text, len, NULL, UNINORM_NFKC, NULL, &want_len);
			cs_norm_text(n, text, len);
			if (want)
				cs_t2s((char *)want, want_len);
			composes_with_none = want && n->text.len == want_len && memcmp(n->text.p, want, want_len) == 0;
			free(want);
		}
	}
	ok(composes_with_none, "an ideograph and any combining mark after it normalize as libunistring does (and T2S)");
	ok(mapped, "each byte of a run maps back to its character's start");
}

/* Normalizing stops at a newline: texts normalized one by one and joined by
 * newlines are the joined text normalized (cs-route normalizes each message
 * of an opening once and joins them). */
static void test_joined(cs_norm *n)
{
	static const char *parts[] = {
		"", "Hello", "ÉCOLE", "e", "\xcc\x81x", "\xcd\x85\xcc\x81", "\xcc\x81\xcd\x85" "a", "中文，好！",
		"\xe4\xb8", "\xff", "ＡＢＣ", "①ß", "\xe3\x82\x99か", "か", "a\n", "\n", "😀",
	};
	size_t np = sizeof parts / sizeof *parts;
	int same = 1;
	cs_norm one = CS_NORM_INIT;
	cs_buf joined = CS_BUF_INIT, pieces = CS_BUF_INIT;
	for (size_t a = 0; a < np; a++)
		for (size_t b = 0; b < np; b++) {
			cs_buf_reset(&joined);
			cs_buf_reset(&pieces);
			cs_buf_adds(&joined, parts[a]);
			cs_buf_addc(&joined, '\n');
			cs_buf_adds(&joined, parts[b]);
			cs_norm_text(&one, parts[a], strlen(parts[a]));
			cs_buf_add(&pieces, one.text.p, one.text.len);
			cs_buf_addc(&pieces, '\n');
			cs_norm_text(&one, parts[b], strlen(parts[b]));
			cs_buf_add(&pieces, one.text.p, one.text.len);
			cs_norm_text(n, joined.p, joined.len);
			same &= n->text.len == pieces.len && memcmp(n->text.p, pieces.p, pieces.len) == 0;
		}
	ok(same, "texts normalized one by one and joined by newlines are the joined text normalized");
	cs_buf_free(&joined);
	cs_buf_free(&pieces);
	cs_norm_free(&one);
}

#define READING_2_FINGERPRINT 0x28eb7aeebcec543aull

/* The fingerprint of how this cs reads Chinese characters: cs_t2s over
 * every character of U+4000..U+9FFF, one after another, and over words of
 * the characters read by their neighbours. */
static uint64_t reading_fingerprint(void)
{
	size_t n = 0x6000 * 3;
	char *all = malloc(n);
	for (uint32_t cp = 0x4000; cp < 0xA000; cp++) {
		unsigned char *u = (unsigned char *)all + (cp - 0x4000) * 3;
		u[0] = (unsigned char)(0xE0 | cp >> 12);
		u[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		u[2] = (unsigned char)(0x80 | (cp & 0x3F));
	}
	cs_t2s(all, n);
	uint64_t h = cs_hash64(all, n, 1);
	free(all);
	char words[] = "著名 睡不著 名著 乾隆 乾淨 回覆 覆蓋 顯著作 乾坤 答覆";
	cs_t2s(words, strlen(words));
	return cs_hash64(words, strlen(words), h);
}

/* CS_TEXT_READING with the fingerprint of its reading: when this fails, cs
 * reads Chinese differently; raise CS_TEXT_READING (svc_text.h), so that
 * models and knowledge bases made before say so, and write the new pair. */
static void reading_recorded(void)
{
	uint64_t f = reading_fingerprint();
	ok(CS_TEXT_READING == 2 && f == READING_2_FINGERPRINT,
	   "CS_TEXT_READING %d goes with the reading it names (fingerprint %016llx)", CS_TEXT_READING,
	   (unsigned long long)f);
}

int main(void)
{
	cs_norm n = CS_NORM_INIT;
	const char *s = "ＨＥＬＬＯ，您好！Straße ①";
	cs_norm_text(&n, s, strlen(s));
	is_str(n.text.p, "hello,您好!strasse 1", "full width to half width, case folded, compatibility forms spelled out");
	span_is(&n, s, "hello", "ＨＥＬＬＯ", "a span on normalized text maps back to the original bytes");
	span_is(&n, s, "您好", "您好", "Chinese keeps its span");
	span_is(&n, s, "ss", "ß", "part of an expansion maps to the whole original character");
	span_is(&n, s, "1", "①", "a compatibility form maps back to itself");

	const char *trad = "服務態度很差，著名品牌，乾淨";
	cs_norm_text(&n, trad, strlen(trad));
	is_str(n.text.p, "服务态度很差,著名品牌,干净",
	       "Traditional reads as Simplified; 著 and 乾, which Simplified uses too, by their words");
	span_is(&n, trad, "态度", "態度", "a span of Simplified maps back to the Traditional original");
	char in_place[] = "OK 質量不錯 ok";
	cs_t2s(in_place, strlen(in_place));
	is_str(in_place, "OK 质量不错 ok", "cs_t2s: in place, other text as it was");
	char unihan[] = "帳戶 賬戶 註冊 貸款 鑰匙 庫存 麵包 諮詢 回復 這裡 乾杯 著作 覆蓋 幺三八";
	cs_t2s(unihan, strlen(unihan));
	is_str(unihan, "账户 账户 注册 贷款 钥匙 库存 面包 咨询 回复 这里 干杯 著作 覆盖 幺三八",
	       "Unihan's simplified forms too (帳 as 账 and 諮 as 咨, as the scorecard writes them); "
	       "著 and 覆 in 著作 and 覆蓋, and 幺, Simplified too, stay");
	char words[] = "睡不著 著急 看著 穿著 顯著 名著 著名 乾隆 乾坤 餅乾 乾淨 回覆 答覆 反覆 覆核 顛覆 覆蓋 著 乾 覆";
	cs_t2s(words, strlen(words));
	is_str(words, "睡不着 着急 看着 穿着 显著 名著 著名 乾隆 乾坤 饼干 干净 回复 答复 反复 复核 颠覆 覆盖 着 干 覆",
	       "著, 乾 and 覆 by the characters beside them: zhù and qián words keep them, 覆 is 复 in reply words");
	const char *beside = "請盡快回覆,我睡不著。";
	cs_norm_text(&n, beside, strlen(beside));
	is_str(n.text.p, "请尽快回复,我睡不着。", "the normalizer reads them the same way, by the characters of their run");
	span_is(&n, beside, "回复", "回覆", "and keeps their spans");
	char hk[] = "爲什麼這裏説明 衞生 牀單";
	cs_t2s(hk, strlen(hk));
	is_str(hk, "为什么这里说明 卫生 床单", "Hong Kong's forms (爲, 裏, 説, 衞, 牀) read as the Traditional ones do");

	const char *d = "cafe\xcc\x81 CAFÉ";
	cs_norm_text(&n, d, strlen(d));
	is_str(n.text.p, "café café", "a base and its combining mark compose like the precomposed form");

	/* ASCII runs are copied whole; the last character of a run is the one a
	 * combining mark may follow */
	const char *run = "HELLO Worlde\xcc\x81! OK";
	cs_norm_text(&n, run, strlen(run));
	is_str(n.text.p, "hello world\xc3\xa9! ok", "an ASCII run lower-cased, a mark after it composed");
	span_is(&n, run, "hello", "HELLO", "a span in a run maps back");
	span_is(&n, run, "\xc3\xa9", "e\xcc\x81", "the composed character maps back to base and mark");
	span_is(&n, run, "ok", "OK", "a run to the end of the text");
	int rising = 1;
	for (size_t k = 1; k <= n.text.len; k++)
		rising &= n.orig[k] >= n.orig[k - 1];
	ok(rising && n.orig[n.text.len] == strlen(run), "offsets into the original only grow, the end is its length");
	/* every printable ASCII byte at each place of runs of 1 to 40 bytes, with
	 * Chinese on both sides: the run's end is found and its letters lowered
	 * eight at a time, each byte mapped back to itself */
	int lowered = 1, mapped = 1;
	for (size_t len = 1; len <= 40; len++)
		for (int c = ' '; c < 0x7F; c++) {
			char text[64], want[64];
			memcpy(text, "\xe4\xb8\xad", 3);
			memcpy(want, "\xe4\xb8\xad", 3);
			for (size_t k = 0; k < len; k++) {
				char b = (char)(k == len / 2 ? c : "aZ09 !M"[k % 7]);
				text[3 + k] = b;
				want[3 + k] = (char)(b >= 'A' && b <= 'Z' ? b | 0x20 : b);
			}
			memcpy(text + 3 + len, "\xe4\xb8\xad", 4);
			memcpy(want + 3 + len, "\xe4\xb8\xad", 4);
			cs_norm_text(&n, text, len + 6);
			lowered &= n.text.len == len + 6 && memcmp(n.text.p, want, len + 6) == 0;
			for (size_t k = 3; k < 3 + len && mapped; k++)
				mapped &= n.orig[k] == k;
			mapped &= n.orig[len + 6] == len + 6;
		}
	ok(lowered, "ASCII runs of every length lower-cased, every byte value in each");
	ok(mapped, "and each of its bytes maps back to its own place");
	cs_norm_text(&n, "Q", 1);
	ok(n.text.len == 1 && n.text.p[0] == 'q' && n.orig[0] == 0 && n.orig[1] == 1, "one ASCII character");

	const char *bad = "a\xff" "b\xe4\xb8";
	cs_norm_text(&n, bad, strlen(bad));
	ok(n.text.len == 5 && memcmp(n.text.p, "a\xff" "b\xe4\xb8", 5) == 0, "invalid bytes are kept as they are");
	ok(n.orig[n.text.len] == 5, "the end maps to the original's length");

	cs_norm_text(&n, "", 0);
	ok(n.text.len == 0 && n.text.p[0] == '\0', "empty text");

	test_cjk_runs(&n);
	test_joined(&n);

	cs_buf b = CS_BUF_INIT;
	cs_norm_phrase("Thank You", 9, &b);
	is_str(b.p, "thank you", "a phrase is normalized the same way");
	ok(cs_utf8_count("a中b", strlen("a中b")) == 3, "spans count code points");
	const char *mixed = "a中é😀b中中xyzé😀a中é😀b中中xyzé😀";   /* 1-, 2-, 3- and 4-byte characters */
	int counts_ok = 1;
	for (size_t len = 0, chars = 0; len <= strlen(mixed); len++) {
		if (len > 0 && ((unsigned char)mixed[len - 1] & 0xC0) != 0x80)
			chars++;   /* a character begins at byte len - 1 */
		counts_ok &= cs_utf8_count(mixed, len) == chars;
	}
	ok(counts_ok, "code points counted right for every prefix, over blocks of eight bytes");
	size_t i = 0;
	ok(cs_utf8_next("中", 3, &i) == 0x4E2D && i == 3, "decodes a code point");
	ok(cs_is_han(0x4E2D) && !cs_is_han('a') && !cs_is_han(0x3002), "Han ideographs, not punctuation");
	cs_buf_free(&b);
	cs_norm_free(&n);
	reading_recorded();
	return tap_done();
}
