/* t_redact: personal data in free text replaced (lib/svc_redact.c). */
#include "svc_redact.h"
#include "tap.h"
#include <string.h>

static cs_buf out = CS_BUF_INIT;

static void redacts(const char *in, unsigned mask, const char *want)
{
	uint64_t counts[CS_PII_N] = {0};
	size_t found = cs_redact(in, strlen(in), mask, &out, counts);
	cs_buf_addc(&out, '\0');
	is_str(found ? out.p : in, want, "%s", in);
}

static void test_cards(void)
{
	redacts("card 4111 1111 1111 1111 exp 12/27", CS_PII_ALL, "card [CARD] exp 12/27");
	redacts("4111-1111-1111-1111", CS_PII_ALL, "[CARD]");
	redacts("4111111111111111, thanks", CS_PII_ALL, "[CARD], thanks");
	redacts("卡号6222021234567890128请查", CS_PII_ALL, "卡号[CARD]请查");
	redacts("order 4111111111111112", CS_PII_ALL, "order 4111111111111112");   /* fails Luhn */
	redacts("ref A4111111111111111", CS_PII_ALL, "ref A4111111111111111");     /* glued to a letter */
	redacts("4111 1111 1111 1111 2 items", CS_PII_ALL, "[CARD] 2 items");      /* the longest that passes */
	/* Luhn alone is one number in ten: a card's issuer, grouping and name too */
	redacts("order 112-7034851-3920226 shipped", CS_PII_ALL, "order 112-7034851-3920226 shipped");
	redacts("订单号 2314567890123456784 已发货", CS_PII_ALL, "订单号 2314567890123456784 已发货");
	redacts("no 2314567890123456784 here", CS_PII_ALL, "no 2314567890123456784 here");
	redacts("4111 111111 111111", CS_PII_ALL, "4111 111111 111111");
	redacts("tracking number: 4111111111111111", CS_PII_ALL, "tracking number: 4111111111111111");
	redacts("card number: 4111111111111111", CS_PII_ALL, "card number: [CARD]");
	redacts("amex 3782 822463 10005", CS_PII_ALL, "amex [CARD]");
}

static void test_ids(void)
{
	redacts("身份证11010519491231002X", CS_PII_ALL, "身份证[ID]");
	redacts("id 110105194912310021 ok", CS_PII_ALL, "id 110105194912310021 ok");   /* wrong check character */
	redacts("11010519491231002x", 1u << CS_PII_ID, "[ID]");
}

static void test_ibans(void)
{
	redacts("IBAN GB82 WEST 1234 5698 7654 32 please", CS_PII_ALL, "IBAN [IBAN] please");
	redacts("DE89370400440532013000", CS_PII_ALL, "[IBAN]");
	redacts("GB82WEST12345698765433", CS_PII_ALL, "GB82WEST12345698765433");   /* mod 97 is not 1 */
}

static void test_emails(void)
{
	redacts("write to dana.k+shop@mail.example.org.", CS_PII_ALL, "write to [EMAIL].");
	redacts("邮箱abc@qq.com谢谢", CS_PII_ALL, "邮箱[EMAIL]谢谢");
	redacts("at @home, a@b, x@1.2", CS_PII_ALL, "at @home, a@b, x@1.2");
}

static void test_phones(void)
{
	redacts("call +86 138 0013 8000 now", CS_PII_ALL, "call [PHONE] now");
	redacts("手机13800138000", CS_PII_ALL, "手机[PHONE]");
	redacts("138-0013-8000", CS_PII_ALL, "[PHONE]");
	redacts("(415) 555-0123 or 415-555-0123", CS_PII_ALL, "[PHONE] or [PHONE]");
	redacts("010-12345678", CS_PII_ALL, "[PHONE]");
	redacts("+44 20 7946 0958", CS_PII_ALL, "[PHONE]");
	redacts("order 12345, zip 94107, 2026-03-02, 10.5.2026", CS_PII_ALL, "order 12345, zip 94107, 2026-03-02, 10.5.2026");
	redacts("12800138000", CS_PII_ALL, "12800138000");   /* 12x is no mobile prefix */
}

/* What a Chinese IME types in full-width mode is found as NFKC reads it,
 * and the original bytes are what is replaced. */
static void test_full_width(void)
{
	static const char *const cases[][2] = {
		{"手机１３８００１３８０００", "手机[PHONE]"},
		{"电话　１３８　００１３　８０００　好", "电话　[PHONE]　好"},
		{"卡号４１１１１１１１１１１１１１１１", "卡号[CARD]"},
		{"订单号：４１１１１１１１１１１１１１１１", "订单号：４１１１１１１１１１１１１１１１"},
		{"身份证１１０１０５１９４９１２３１００２Ｘ", "身份证[ID]"},
		{"邮箱ｌｉ．ｗｅｉ＠ｅｘａｍｐｌｅ．ｃｏｍ，谢谢", "邮箱[EMAIL]，谢谢"},
		{"＋８６ １３８００１３８０００ and 13800138000", "[PHONE] and [PHONE]"},
		{"订单１２３４５，ｚｉｐ ９４１０７", "订单１２３４５，ｚｉｐ ９４１０７"},
		{"ｏｒｄｅｒ１３８００１３８０００", "ｏｒｄｅｒ１３８００１３８０００"},   /* glued to letters */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		redacts(cases[i][0], CS_PII_ALL, cases[i][1]);
}

static void test_masks(void)
{
	redacts("a@b.com 13800138000", 1u << CS_PII_EMAIL, "[EMAIL] 13800138000");
	unsigned mask;
	cs_buf err = CS_BUF_INIT;
	ok(cs_pii_parse("card,phone", &mask, &err) == 0 && mask == (1u << CS_PII_CARD | 1u << CS_PII_PHONE), "a list");
	ok(cs_pii_parse("all", &mask, &err) == 0 && mask == CS_PII_ALL, "all");
	ok(cs_pii_parse("card,ssn", &mask, &err) < 0 && strstr(err.p, "'ssn'"), "an unknown name: %s", err.p);
	cs_buf_free(&err);
	uint64_t counts[CS_PII_N] = {0};
	cs_redact("a@b.com, c@d.org, 13800138000", 29, CS_PII_ALL, &out, counts);
	ok(counts[CS_PII_EMAIL] == 2 && counts[CS_PII_PHONE] == 1 && counts[CS_PII_CARD] == 0, "counted by kind");
}

int main(void)
{
	test_cards();
	test_ids();
	test_ibans();
	test_emails();
	test_phones();
	test_full_width();
	test_masks();
	cs_buf_free(&out);
	return tap_done();
}
