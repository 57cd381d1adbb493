/* t_sentiment: VADER's rules for English, the Chinese rules, emotion words
 * and lexicon files (lib/svc_sentiment.c, lib/svc_senti_lex.c), with the
 * shipped lexicons in share/lexicons; the token cache changes no score. */
#include "svc_senti_lex.h"
#include "svc_sentiment.h"
#include "fixture.h"
#include "tap.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

static cs_lexicon *lx;
static cs_senti s = CS_SENTI_INIT;

static double compound(const char *text)
{
	cs_senti_score(lx, text, strlen(text), &s);
	return s.compound;
}

/* VADER's README examples, scored by vaderSentiment 3.3.2 (rounded to 4 places). */
static void test_vader(void)
{
	static const struct { const char *text; double want; } cases[] = {
		{"VADER is smart, handsome, and funny.", 0.8316},
		{"VADER is smart, handsome, and funny!", 0.8439},
		{"VADER is very smart, handsome, and funny.", 0.8545},
		{"VADER is VERY SMART, handsome, and FUNNY.", 0.9227},
		{"VADER is VERY SMART, handsome, and FUNNY!!!", 0.9342},
		{"VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!", 0.9469},
		{"VADER is not smart, handsome, nor funny.", -0.7424},
		{"The book was good.", 0.4404},
		{"At least it isn't a horrible book.", 0.431},
		{"The book was only kind of good.", 0.3832},
		{"The plot was good, but the characters are uncompelling and the dialog is not great.", -0.7042},
		{"Today SUX!", -0.5461},
		{"Today only kinda sux! But I'll get by, lol", 0.5249},
		{"Make sure you :) or :D today!", 0.8633},
		{"Catch utf-8 emoji such as 💘 and 💋 and 😁", 0.875},
		{"Not bad at all", 0.431},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		double got = round(compound(cases[i].text) * 10000) / 10000;
		ok(fabs(got - cases[i].want) < 1e-9, "VADER: %s = %.4f (got %.4f)", cases[i].text, cases[i].want, got);
	}
	compound("");
	ok(s.compound == 0 && s.label == 0 && s.nhits == 0, "empty text is neutral");
	compound("The food was good. The service was terrible??? Never again!!!!");
	ok(s.label == -1 && s.pos > 0 && s.neg > s.pos && fabs(s.pos + s.neu + s.neg - 1) < 1e-9,
	   "proportions sum to one; punctuation adds to the side that wins");
}

/* Emoji read as their descriptions (VADER's emoji_utf8_lexicon), with a
 * space before each unless the text has one: next to words, to each other,
 * after Han text and after an invalid byte or a Han character cut short. */
static void test_emoji(void)
{
	static const struct { const char *text, *as; } cases[] = {
		{"good 😁", "good beaming face with smiling eyes"},
		{"good😁", "good beaming face with smiling eyes"},
		{"😁good", "beaming face with smiling eyesgood"},   /* VADER adds no space after */
		{"😁😁", "beaming face with smiling eyes beaming face with smiling eyes"},
		{"bad ☺ ❤ x", "bad smiling face red heart x"},
		{"bad☺❤", "bad smiling face red heart"},
		{"很好😁", "很好 beaming face with smiling eyes"},
		{"terrible\xff😁", "terrible\xff beaming face with smiling eyes"},
		{"terrible \xe2😁", "terrible \xe2 beaming face with smiling eyes"},
		{"terrible 很\xe5\xa5😁", "terrible 很\xe5\xa5 beaming face with smiling eyes"},   /* a Han character cut short */
		{"terrible 很\xe5😁", "terrible 很\xe5 beaming face with smiling eyes"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		double got = compound(cases[i].text), want = compound(cases[i].as);
		ok(got == want && want != 0, "emoji case %zu scores as its description (%.4f, %.4f)", i, got, want);
	}
	ok(compound("\xe2\x98") == 0 && compound("a \xf0\x9f\x98") == 0, "an emoji cut short is no emoji");
}

/* The emoji are found 16 bytes at a time when the lexicon's first bytes
 * are few, byte by byte otherwise: an emoji at every place of a window,
 * after ASCII, Han text or full-width marks, scores as its description
 * both ways. */
static void test_emoji_search(void)
{
	static const char *const pads[] = {"x", "很", "！", "é"};
	char text[256], as[sizeof text + 64];   /* room for the description after any text */
	int same = 1, found = 1, tried = 0;
	ok(lx->emoji_leads > 0, "the shipped emoji start with %d bytes of 0xC0 and above", lx->emoji_leads);
	for (size_t p = 0; p < sizeof pads / sizeof *pads; p++)
		for (int k = 0; k < 40; k++) {
			size_t n = 0;
			text[0] = '\0';
			while (n + strlen(pads[p]) < (size_t)k + 1) {
				strcat(text, pads[p]);
				n += strlen(pads[p]);
			}
			snprintf(as, sizeof as, "%s beaming face with smiling eyes terrible", text);
			strcat(text, "😁 terrible");
			double fast = compound(text);
			int leads = lx->emoji_leads;
			lx->emoji_leads = EMOJI_LEADS_MANY;
			double slow = compound(text);
			lx->emoji_leads = leads;
			same &= fast == slow;
			found &= fast == compound(as);
			tried++;
		}
	ok(same && tried == 160, "16 bytes at a time and byte by byte find the same emoji (%d texts)", tried);
	ok(found, "an emoji at any place of a window scores as its description");
	cs_lexicon *plain = cs_lexicon_new();
	cs_buf err = CS_BUF_INIT;
	const char *words = "good\t1.9\n";
	cs_senti t = CS_SENTI_INIT;
	int loaded = cs_lexicon_load_mem(plain, "words.tsv", words, strlen(words), &err) == 0;
	cs_senti_score(plain, "good 😁😁 good", strlen("good 😁😁 good"), &t);
	ok(loaded && plain->emoji_leads == 0 && t.compound > 0.5 && t.compound == compound("good good"),
	   "a lexicon without emoji has no first bytes to look for, and its texts keep their emoji (%.4f)", t.compound);
	cs_senti_free(&t);
	cs_buf_free(&err);
	cs_lexicon_free(plain);
}

/* Words are split at spaces, found 16 bytes at a time: the ASCII spaces
 * and controls VADER's split() takes, Unicode spaces, and the bytes 0x85
 * and 0xA0 on their own (read as U+0085 and U+00A0), but not at such a byte
 * inside a character (全 is E5 85 A8, 頁 E9 A0 81), wherever it falls in a
 * window; a zero-width space, é and 、 join too. */
static void test_word_split(void)
{
	int ascii_right = 1;
	for (int c = 1; c <= ' '; c++) {
		char text[32];
		snprintf(text, sizeof text, "good%cgreat", c);
		int split = compound(text) != 0;
		int space = c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
		ascii_right &= split == space;
	}
	ok(ascii_right, "of the bytes up to the space, the spaces of str.split() split words");
	static const char *const spaces[] = {"\xc2\x85", "\xc2\xa0", "\xe1\x9a\x80", "\xe2\x80\x8a", "\xe2\x80\xa8",
					     "\xe2\x81\x9f", "\xe3\x80\x80", "\x85", "\xa0"};
	static const char *const joins[] = {"\xe5\x85\xa8", "\xe9\xa0\x81", "\xe2\x80\x8b", "\xc3\xa9", "\xe3\x80\x81"};
	char text[256], as[256];
	int split_right = 1, join_right = 1;
	for (int pad = 0; pad < 20; pad++)
		for (size_t k = 0; k < sizeof spaces / sizeof *spaces + sizeof joins / sizeof *joins; k++) {
			int is_space = k < sizeof spaces / sizeof *spaces;
			const char *mid = is_space ? spaces[k] : joins[k - sizeof spaces / sizeof *spaces];
			if (is_space) {
				snprintf(text, sizeof text, "%.*sgood%sgreat", pad, "xxxxxxxxxxxxxxxxxxxx", mid);
				snprintf(as, sizeof as, "%.*sgood great", pad, "xxxxxxxxxxxxxxxxxxxx");
			} else {   /* a word more would be one more neutral word */
				snprintf(text, sizeof text, "good %.*s%sx", pad, "xxxxxxxxxxxxxxxxxxxx", mid);
				snprintf(as, sizeof as, "good %.*sx", pad, "xxxxxxxxxxxxxxxxxxxx");
			}
			double got = compound(text), got_neu = s.neu, want = compound(as);
			if (is_space)
				split_right &= got == want;
			else
				join_right &= got == want && got_neu == s.neu;
		}
	ok(split_right, "Unicode spaces and a lone 0x85 or 0xA0 split words at any place");
	ok(join_right, "a character holding 0x85 or 0xA0, and other marks, do not");
}

/* VADER tests its rule words in lower case: a rule word capitalized (but
 * not the whole text in capitals, which would add emphasis) acts the same. */
static void test_rule_words_any_case(void)
{
	static const char *const pairs[][2] = {
		{"No good", "no good"},           {"it is Kind Of good", "it is kind of good"},
		{"At Least good", "at least good"}, {"not the Least bit good", "not the least bit good"},
		{"Never So good", "never so good"}, {"Without Doubt good", "without doubt good"},
		{"good But bad", "good but bad"},  {"no Or Nor good", "no or nor good"},
	};
	for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
		double got = compound(pairs[i][0]), want = compound(pairs[i][1]);
		ok(got == want, "'%s' scores as '%s' (%.4f, %.4f)", pairs[i][0], pairs[i][1], got, want);
	}
}

/* VADER looks each token up in lower case, so its lexicon's entries with
 * capitals are never found (":P" 1.4 beside ":p" 1.0, ":Þ" 1.1), and asks
 * Python's isupper() of each token, for which a word of Greek or Cyrillic
 * capitals is in capitals too. Each score here is vaderSentiment's. */
static void test_vader_case(void)
{
	static const struct { const char *text; double want; } cases[] = {
		{"bad :p", -0.3612}, {"bad :P", -0.1943}, {"nice :Þ", 0.4215}, {":Þ", 0},
		{"GOOD МОСКВА", 0.4404}, {"GOOD москва", 0.5622}, {"GOOD ΩΣ", 0.4404},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		double got = round(compound(cases[i].text) * 10000) / 10000;
		ok(fabs(got - cases[i].want) < 1e-9, "VADER: %s = %.4f (got %.4f)", cases[i].text, cases[i].want, got);
	}
}

/* Exclamation and question marks count wherever they are, half or full
 * width, also across the eight-byte blocks that the count skips. */
static void test_emphasis_anywhere(void)
{
	double want = compound("good ! ! really ? ?");
	int same = 1;
	for (int pad = 0; pad < 17; pad++) {
		char text[64];
		snprintf(text, sizeof text, "%*sgood \xef\xbc\x81 ! really ? \xef\xbc\x9f", pad, "");
		same &= compound(text) == want;
		snprintf(text, sizeof text, "%*sgood ! ! really ? ?", pad, "");
		same &= compound(text) == want;
	}
	ok(same && want > compound("good really"), "marks after 0-16 spaces, half or full width, add the same emphasis");
}

static void test_chinese(void)
{
	ok(compound("房间很干净") > 0.05 && compound("服务太差了") < -0.05, "sentiment words with degree words");
	ok(compound("不好") < -0.05 && compound("不错") > 0.05 && compound("没问题") > 0.05,
	   "lexicalized forms are matched whole before the negator");
	ok(compound("不太好") < -0.05, "negator, degree, word: not very good is negative");
	ok(compound("不是不好") > 0.05, "a double negation is positive");
	double plain = compound("好"), strong = compound("非常好"), weak = compound("有点好");
	ok(strong > plain && weak < plain, "degree words boost and dampen");
	ok(compound("我在出差") == 0 && compound("差") < 0, "a blocker word hides the sentiment word inside it");
	ok(compound("房间很干净，但是服务太差了") < -0.05 && compound("服务太差，但是房间很干净") > 0.05,
	   "contrast: what follows 但是 weighs more");
	ok(compound("服务差。不，是很差") < 0, "a clause ends the negator's reach");
	ok(compound("这不是骗人") > 0.05 && compound("这不是骗人吗") < -0.05 && compound("这不是骗人吗？") < -0.05,
	   "不是 negates but in a clause that ends in 吗: the rhetorical question asserts");
	ok(compound("这不是骗人，是吗") > 0.05, "吗 in a later clause leaves 不是 a negator");
	ok(compound("麻烦您稍等一下") == 0 && compound("太麻烦了") < -0.05, "麻烦 as a polite request is no complaint");
	ok(compound("太差了！！！") < compound("太差了"), "full-width exclamation marks add emphasis");
	ok(compound("OK，谢谢！") > 0.05, "mixed text: the Chinese token counts among the English ones");
	ok(compound("会话将在10分钟无回复后自动结束") == 0 && compound("预计明天送达") == 0 &&
	   compound("我发现包裹到了") == 0, "words of process are neutral (NTUSD rates them positive)");
	ok(compound("鸡肉很嫩，酱汁也很香") > 0.05 && compound("风景很美") > 0.05 && compound("孩子很爱吃") > 0.05,
	   "review words of one character, and 爱吃");
	ok(compound("在美团上点的") == 0 && compound("不要放香菜") == 0 && compound("累计消费满100元") == 0 &&
	   compound("干脆自己去拿") == 0, "the words that hide them");
	ok(compound("依旧很好") > 0.05 && compound("设施旧") < -0.05, "旧 but in 依旧");
	ok(compound("等了快两个小时") < -0.05 && compound("送得很快") > 0.05, "快 before a number is almost");
	ok(compound("好久") == 0 && compound("效率很高") > 0.05 && compound("效率太低") < -0.05,
	   "好久 holds no 好; 效率 takes its sign from 高 or 低");
	ok(compound("好贵") < -0.05 && compound("好慢啊") < -0.05 && compound("我好担心") < -0.05 &&
	   compound("好开心") > 0.05 && compound("好") > 0.05 && compound("好贵") == compound("很贵"),
	   "好 before a sentiment word is a degree word, as 很");
	ok(compound("質量不錯，服務很專業") == compound("质量不错，服务很专业") &&
		   compound("退貨太麻煩了") == compound("退货太麻烦了") && compound("質量不錯") > 0.05,
	   "Traditional scores as Simplified");
}

static void test_emotions(void)
{
	compound("I am furious, this is the third time!");
	int anger = 0, frustration = 0;
	for (size_t i = 0; i < s.nhits; i++) {
		const char *t = "I am furious, this is the third time!";
		anger |= s.hits[i].emotion == CS_EMO_ANGER && strncmp(t + s.hits[i].start, "furious", 7) == 0 &&
			 s.hits[i].end - s.hits[i].start == 7;
		frustration |= s.hits[i].emotion == CS_EMO_FRUSTRATION;
	}
	ok(anger && frustration, "emotion words with their spans");
	compound("I am not angry at all, thanks!");
	int negative_emotion = 0;
	for (size_t i = 0; i < s.nhits; i++)
		negative_emotion |= s.hits[i].emotion != CS_EMO_SATISFACTION;
	ok(s.label > 0 && !negative_emotion, "no anger in a message that is not negative");
	compound("东西还没到，我很着急");
	ok(s.label < 0 && s.nhits >= 1, "Chinese emotion words");
	ok(strcmp(cs_emotion_name(CS_EMO_ANXIETY), "anxiety") == 0, "names");
}

/* The emotions of the message text scored: a bit per emotion found. */
static unsigned emotions_of(const char *text)
{
	compound(text);
	unsigned found = 0;
	for (size_t i = 0; i < s.nhits; i++)
		found |= 1u << s.hits[i].emotion;
	return found;
}

static void test_emotion_gating(void)
{
	ok(emotions_of("Nothing works") == 1u << CS_EMO_FRUSTRATION && s.label == 0,
	   "a negative emotion counts in a neutral message");
	ok(emotions_of("我一直用你们的产品") == 0 && s.label == 0, "a strict word (一直) does not");
	ok(emotions_of("一直没人理我，太差了") & 1u << CS_EMO_FRUSTRATION, "but does in a negative message");
	ok(emotions_of("Thanks, I will give up on the old plan and keep this great one") == 1u << CS_EMO_SATISFACTION,
	   "a negative emotion does not count in a positive message");
	ok(!(emotions_of("the problem is not solved") & 1u << CS_EMO_SATISFACTION) && s.label < 0,
	   "satisfaction counts in a positive message only");
	ok(cs_emotion_fits(CS_EMO_ANGER, 0) && !cs_emotion_fits(CS_EMO_ANGER | CS_EMO_STRICT, 0) &&
		   cs_emotion_fits(CS_EMO_ANGER | CS_EMO_STRICT, -1) && !cs_emotion_fits(CS_EMO_ANGER, 1) &&
		   !cs_emotion_fits(CS_EMO_SATISFACTION, 0) && cs_emotion_fits(CS_EMO_SATISFACTION, 1),
	   "cs_emotion_fits: by label and strictness");
	ok(cs_emotion_of(CS_EMO_ANXIETY | CS_EMO_STRICT) == CS_EMO_ANXIETY, "cs_emotion_of drops the flag");
	ok(emotions_of("Please hurry, my flight leaves in two hours.") == 1u << CS_EMO_ANXIETY && s.label > 0,
	   "an always word (please hurry) counts in a message VADER calls positive");
	ok(cs_emotion_fits(CS_EMO_ANXIETY | CS_EMO_ALWAYS, 1) && cs_emotion_of(CS_EMO_ANXIETY | CS_EMO_ALWAYS) == CS_EMO_ANXIETY,
	   "cs_emotion_fits: an always word fits any label");
	ok(emotions_of("服務很差，氣死我了") & 1u << CS_EMO_ANGER, "a Traditional emotion word counts (氣死)");
}

/* The shipped files' readers, from memory: an emotion word's third field. */
static void test_shipped_files(void)
{
	cs_lexicon *mine = cs_lexicon_new();
	cs_buf err = CS_BUF_INIT;
	const char *good = "# mine\nfed up\tanger\n一直\tfrustration\tstrict\nhurry\tanxiety\talways\n";
	ok(cs_lexicon_load_shipped_mem(mine, "emotions.tsv", good, strlen(good), &err) == 0,
	   "emotion words, one strict, one always");
	const char *bad = "fed up\tanger\nsoon\tanxiety\tloose\n";
	ok(cs_lexicon_load_shipped_mem(mine, "emotions.tsv", bad, strlen(bad), &err) < 0 &&
		   strstr(err.p, "emotions.tsv:2:") && strstr(err.p, "strict or always"),
	   "an emotion word's third field is strict, always or nothing: named with file and line");
	cs_buf_reset(&err);
	const char *rule = "rhetorical\t不是\n", *unknown = "ironic\t不是\n";
	ok(cs_lexicon_load_shipped_mem(mine, "zh_rules.tsv", rule, strlen(rule), &err) == 0,
	   "a rhetorical negator");
	ok(cs_lexicon_load_shipped_mem(mine, "zh_rules.tsv", unknown, strlen(unknown), &err) < 0 &&
		   strstr(err.p, "zh_rules.tsv:1:") && strstr(err.p, "rhetorical"),
	   "an unknown kind of rule word, the kinds named");
	cs_buf_reset(&err);
	ok(cs_lexicon_load_shipped_mem(mine, "other.tsv", "a\t1\n", 4, &err) < 0 && strstr(err.p, "other.tsv"),
	   "a file the shipped lexicons do not have");
	cs_buf_free(&err);
	cs_lexicon_free(mine);
}

static void test_lexicon_files(void)
{
	cs_buf err = CS_BUF_INIT;
	const char *good = "# mine\nfrobnicate\t3.5\n\n超赞\t3\r\n";
	ok(cs_lexicon_load_mem(lx, "mine.tsv", good, strlen(good), &err) == 0, "a lexicon file: comments, blank lines, CRLF");
	ok(compound("frobnicate") > 0.5 && compound("超赞") > 0.5, "its words score, English and Chinese");
	const char *bad = "fine\t1\nbroken\t9\n";
	ok(cs_lexicon_load_mem(lx, "bad.tsv", bad, strlen(bad), &err) < 0 && strstr(err.p, "bad.tsv:2:") &&
		   strstr(err.p, "-4 to 4"),
	   "a valence out of range is named with file and line");
	cs_buf_reset(&err);
	ok(cs_lexicon_load_mem(lx, "notab.tsv", "word 1\n", 7, &err) < 0 && strstr(err.p, "notab.tsv:1:"),
	   "a line without a tab");
	cs_buf_reset(&err);
	ok(cs_lexicon_load_file(lx, "no/such/file.tsv", &err) < 0 && strstr(err.p, "no/such/file.tsv"), "a missing file");
	/* valences written every way strtod reads them score alike */
	const char *forms = "qqa\t1.5\nqqb\t15e-1\nqqc\t+1.5\nqqd\t.15e1\nqqe\t1.50000000000000\nqqf\t-1.5\nqqg\t-15e-1\n";
	ok(cs_lexicon_load_mem(lx, "forms.tsv", forms, strlen(forms), &err) == 0, "valences in any form strtod reads");
	double a = compound("qqa");
	ok(a > 0 && compound("qqb") == a && compound("qqc") == a && compound("qqd") == a && compound("qqe") == a,
	   "1.5, 15e-1, +1.5, .15e1 and 1.50000000000000 are one value");
	ok(compound("qqf") == -a && compound("qqg") == -a, "and so are -1.5 and -15e-1");
	cs_buf_reset(&err);
	ok(cs_lexicon_load_mem(lx, "dot.tsv", "qqh\t1.\nqqi\t1.2.3\n", 17, &err) < 0 && strstr(err.p, "dot.tsv:2:"),
	   "\"1.\" is read as strtod reads it, \"1.2.3\" refused");
	cs_buf_free(&err);
}
/* Token number i of a made-up text: words of the lexicon, VADER's rule
 * words, punctuation around them, capitals, emoticons, Chinese and tokens
 * too long for the token cache. */
static const char *token(size_t i)
{
	static const char *const words[] = {
		"good", "GOOD", "good!", "(good)", "bad", "Bad...", "not", "isn't", "very", "VERY", "kind", "of", "but",
		"BUT", ":)", ":(", ":-D", "never", "so", "great!!!", "terrible,", "the", "refund", "slow", "lol",
		"handsome", "uncompelling", "sux", "friggin", "😁", "💘", "不错", "没问题", "太慢了！", "不是很好", "非常满意",
		"但是", "差", "出差", "extraordinarilylongwordwithoutanyend", "\"okay\"", "nor", "least", "at", "without",
		"doubt", "?!", "ok", "cool", "hate", "love", "LOVE", "awful.", "fine", "thanks",
	};
	return words[(i * 7919 + i / 13) % (sizeof words / sizeof *words)];
}

/* Texts scored by one cs_senti for all (its token cache warm) against a new
 * one each (nothing cached): the same scores, labels and emotion words. A
 * word the lexicon gains after it was cached scores with its new value. */
static void test_token_cache(void)
{
	cs_senti warm = CS_SENTI_INIT;
	cs_buf text = CS_BUF_INIT;
	size_t differ = 0, n = 0;
	for (size_t i = 0; i < 3000; i++, n++) {
		cs_buf_reset(&text);
		for (size_t k = 0; k < 1 + i % 9; k++)
			cs_buf_printf(&text, "%s%s", k ? " " : "", token(i * 3 + k));
		cs_senti cold = CS_SENTI_INIT;
		cs_senti_score(lx, text.p, text.len, &warm);
		cs_senti_score(lx, text.p, text.len, &cold);
		differ += warm.compound != cold.compound || warm.pos != cold.pos || warm.neg != cold.neg ||
			  warm.neu != cold.neu || warm.label != cold.label || warm.nhits != cold.nhits;
		cs_senti_free(&cold);
	}
	is_int(differ, 0, "%zu texts: a warm token cache scores as none", n);
	cs_senti_score(lx, "zzqword", 7, &warm);
	double before = warm.compound;
	cs_buf err = CS_BUF_INIT;
	ok(cs_lexicon_load_mem(lx, "late.tsv", "zzqword\t2\n", 10, &err) == 0, "a word added to the lexicon");
	cs_senti_score(lx, "zzqword", 7, &warm);
	ok(before == 0 && warm.compound > 0.3, "a cached token scores with its new value (%.3f, then %.3f)", before,
	   warm.compound);
	cs_senti_free(&warm);
	cs_buf_free(&text);
	cs_buf_free(&err);
}

/* A copy scores as its lexicon does, English, emoji and Chinese alike,
 * and a word changed in it is changed there only. */
static void test_copy(void)
{
	static const char *const texts[] = {"My card was STOLEN and the top-up failed!", "not bad at all :)",
					    "I am so angry \U0001F621", "卡被盗了，付款也失败了", "服务很好"};
	cs_lexicon *copy = cs_lexicon_copy(lx);
	cs_senti c = CS_SENTI_INIT;
	size_t differ = 0;
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		cs_senti_score(copy, texts[i], strlen(texts[i]), &c);
		differ += c.compound != compound(texts[i]);
	}
	is_int(differ, 0, "a copy of the lexicon scores as the lexicon");
	cs_buf err = CS_BUF_INIT;
	const char *problem = "stolen\t0\n失败\t0\n";
	ok(cs_lexicon_load_mem(copy, "problem.tsv", problem, strlen(problem), &err) == 0, "words changed in the copy");
	cs_senti_score(copy, "stolen 失败", 13, &c);
	double plain = compound("stolen 失败");
	ok(c.compound == 0 && plain < -0.5, "the copy's words neutral (%.3f), the lexicon's as they were (%.3f)",
	   c.compound, plain);
	cs_senti_free(&c);
	cs_lexicon_free(copy);
	cs_buf_free(&err);
}

/* The words a changed copy scores apart: a text holding none scores the
 * same with both, one holding one is found (whole English words, Chinese
 * anywhere, after case folding, Traditional and emoji spelled out). */
static void test_changes(void)
{
	cs_lexicon *copy = cs_lexicon_copy(lx);
	cs_phrases *none = cs_lexicon_changes(lx, copy);
	cs_buf err = CS_BUF_INIT;
	const char *problem = "stolen\t0\n失败\t0\nzzqnew\t0\n";
	ok(cs_lexicon_load_mem(copy, "problem.tsv", problem, strlen(problem), &err) == 0, "words changed in the copy");
	cs_phrases *words = cs_lexicon_changes(lx, copy);
	ok(none && words, "a copy's changes are searchable");
	static const struct { const char *text; int holds; } cases[] = {
		{"My card was STOLEN!", 1}, {"the card was stolenish, awful", 0}, {"付款失敗了，太差了", 1},
		{"付款失败了", 1}, {"terrible zzqnew service", 1}, {"terrible service, I hate it", 0},
		{"服务太差了，气死了", 0}, {"(stolen)", 1},
	};
	cs_senti a = CS_SENTI_INIT, b = CS_SENTI_INIT;
	size_t wrong = 0, unlike = 0, empty = 0;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *t = cases[i].text;
		cs_senti_score_only(lx, t, strlen(t), &a);
		wrong += cs_senti_holds(&a, words) != cases[i].holds;
		empty += cs_senti_holds(&a, none);
		cs_senti_score_only(copy, t, strlen(t), &b);
		unlike += !cases[i].holds && a.compound != b.compound;
	}
	is_int(wrong, 0, "the texts holding a changed word are found");
	is_int(unlike, 0, "the others score the same with both lexicons");
	is_int(empty, 0, "an unchanged copy changes no word");
	const char *rule = "kind of\t2\n";
	ok(cs_lexicon_load_mem(copy, "rule.tsv", rule, strlen(rule), &err) == 0 && !cs_lexicon_changes(lx, copy),
	   "a change of several words cannot be searched for");
	cs_senti_free(&a);
	cs_senti_free(&b);
	cs_phrases_free(none);
	cs_phrases_free(words);
	cs_lexicon_free(copy);
	cs_buf_free(&err);
}

/* The word table: growing from empty, made larger while full, keys that
 * are prefixes of others, a key put twice. */
static void test_table(void)
{
	struct lex_table t = {0};
	char key[32];
	int found = 1, absent = 1;
	for (int i = 0; i < 100000; i++) {
		int n = snprintf(key, sizeof key, "w%d", i);
		lex_put(&t, key, (size_t)n)->value = i;
	}
	lex_reserve(&t, 300000);
	for (int i = 0; i < 100000 && found; i++) {
		int n = snprintf(key, sizeof key, "w%d", i);
		const struct lex_entry *e = lex_get(&t, key, (size_t)n);
		found = e && e->value == i && e->key_len == (uint32_t)n && memcmp(t.keys.p + e->key_off, key, (size_t)n) == 0;
	}
	for (int i = 100000; i < 200000 && absent; i++) {
		int n = snprintf(key, sizeof key, "w%d", i);
		absent = !lex_get(&t, key, (size_t)n);
	}
	ok(found && absent && t.n == 100000, "100000 words each found after growing and a larger table, 100000 others not");
	ok(lex_put(&t, "w7", 2)->value == 7 && t.n == 100000 && !lex_get(&t, "w", 1) && !lex_get(&t, "", 0),
	   "a word put again is the one there; a prefix of words is not one");
	lex_table_free(&t);
	ok(!lex_get(&t, "w7", 2), "an empty table finds nothing");
}

/* The shipped files are read on two threads, each into a lexicon of its
 * own, and merged in file order: the same lexicon as reading them one after
 * another, a later file's entry replacing an earlier one's. */
static const char *const parallel_files[][2] = {
	{"vader_lexicon.txt", "good\t1.9\t0.9\t[2]\nawful\t-2.5\t0.5\t[-2]\n"},
	{"emoji_utf8_lexicon.txt", "\xF0\x9F\x98\x80\tgrinning face\n"},
	{"zh.tsv", "好\t2\n好看\t1.8\ngood\t-1\n"},
	{"zh_rules.tsv", "degree\t好\t0.5\nnegator\t不\n"},
	{"emotions.tsv", "fed up\tanger\n"},
};

static double compound_of(const cs_lexicon *l, const char *text)
{
	cs_senti_score(l, text, strlen(text), &s);
	return s.compound;
}

static void test_parallel_load(void)
{
	fixture_enter("t_sentiment");
	size_t nfiles = sizeof parallel_files / sizeof *parallel_files;
	for (size_t i = 0; i < nfiles; i++)
		write_str(parallel_files[i][0], parallel_files[i][1]);
	cs_lexicon *together = cs_lexicon_new(), *one_by_one = cs_lexicon_new();
	cs_buf err = CS_BUF_INIT;
	int rc = cs_lexicon_load_defaults(together, ".", &err);
	for (size_t i = 0; i < nfiles; i++)
		rc |= cs_lexicon_load_shipped_mem(one_by_one, parallel_files[i][0], parallel_files[i][1],
						   strlen(parallel_files[i][1]), &err);
	ok(rc == 0, "the five files load both ways");
	const struct lex_entry *good = lex_get(&together->en, "good", 4), *hao = lex_get(&together->zh, "好", 3);
	ok(good && good->value == -1, "a word of zh.tsv replaces VADER's (good: -1)");
	ok(hao && hao->kind == ZH_DEGREE && hao->value == 0.5, "zh_rules.tsv's kind replaces zh.tsv's (好: a degree word)");
	const struct lex_entry *grin = lex_get(&together->emoji, "\xF0\x9F\x98\x80", 4);
	ok(grin && grin->str_len == 13 && memcmp(together->emoji.keys.p + grin->str_off, "grinning face", 13) == 0,
	   "an emoji keeps its description");
	const char *probes[] = {"good", "awful day", "fed up and awful \xF0\x9F\x98\x80", "不好看", "很好", "好看"};
	int same = 1;
	for (size_t i = 0; i < sizeof probes / sizeof *probes; i++)
		same &= compound_of(together, probes[i]) == compound_of(one_by_one, probes[i]);
	ok(same, "the merged lexicon scores as the one read file by file");
	ok(cs_phrases_count(cs_lexicon_emotions(together)) == 1, "the emotion words come along");
	write_str("emoji_utf8_lexicon.txt", "x\n");
	write_str("zh.tsv", "好\t9\n");
	cs_lexicon *bad = cs_lexicon_new();
	cs_buf_reset(&err);
	ok(cs_lexicon_load_defaults(bad, ".", &err) < 0 && strstr(err.p, "emoji_utf8_lexicon.txt:1:") &&
		   !strstr(err.p, "zh.tsv"),
	   "of two bad files, the error names the first, as one reading stops at it");
	cs_lexicon_free(bad);
	cs_lexicon_free(together);
	cs_lexicon_free(one_by_one);
	cs_buf_free(&err);
	fixture_leave();
}

int main(void)
{
	test_table();
	lx = cs_lexicon_new();
	cs_buf err = CS_BUF_INIT;
	if (cs_lexicon_load_defaults(lx, "share/lexicons", &err) < 0) {
		ok(0, "the shipped lexicons load: %s", err.p);
		return tap_done();
	}
	test_vader();
	test_emoji();
	test_emoji_search();
	test_word_split();
	test_rule_words_any_case();
	test_vader_case();
	test_emphasis_anywhere();
	test_chinese();
	test_emotions();
	test_emotion_gating();
	test_shipped_files();
	test_token_cache();
	test_lexicon_files();
	test_copy();
	test_changes();
	test_parallel_load();
	cs_senti_free(&s);
	cs_lexicon_free(lx);
	cs_buf_free(&err);
	return tap_done();
}
