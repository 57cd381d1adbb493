/* gen: a deterministic corpus of customer-service messages in cs schema.
 *
 *   gen [--bytes N] [--seed N] [--no-conversation-id] > messages.ndjson
 *
 * Writes one message record per line until at least N bytes (default
 * 220000000) are out. Each carries the conversation_id a cs-ingest run gives
 * it, as messages already in cs schema do; --no-conversation-id leaves it out,
 * as in a raw export that cs-ingest must group by customer, channel and gap. The same arguments always give the same bytes: the only
 * randomness is a splitmix64 generator with a fixed seed.
 *
 * The stream models a contact centre: about 50k customers, some 2000
 * conversations open at once, each of 2 to 30 messages a few seconds to a few
 * minutes apart, and hours between two conversations of the same customer.
 * Timestamps never go backwards. About 40% of the customers write Chinese. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_BYTES 220000000ULL
#define DEFAULT_SEED 0x63732d62656e6368ULL /* "cs-bench" */
#define CUSTOMERS 50000
#define OPEN_CONVERSATIONS 2000
#define MAX_TEXT 640
#define OUT_CAP (1u << 20)
#define LINE_MAX_BYTES 2048

#define SECOND 1000LL
#define MINUTE (60 * SECOND)
#define HOUR (60 * MINUTE)
#define DAY (24 * HOUR)
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- random numbers ---------------------------------------------------- */

static uint64_t rng_state;

static uint64_t rng_next(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, n), n < 2^32. */
static uint32_t rng_below(uint32_t n)
{
	return (uint32_t)(((rng_next() >> 32) * (uint64_t)n) >> 32);
}

static int64_t rng_range(int64_t lo, int64_t hi)
{
	return lo + (int64_t)rng_below((uint32_t)(hi - lo + 1));
}

static int rng_percent(unsigned p)
{
	return rng_below(100) < p;
}

/* ---- phrase tables ----------------------------------------------------- */
/* Plain text that needs no JSON escaping ('#' becomes a random digit). The
 * escapes in the corpus are added on purpose by add_quote() and the line
 * breaks of compose_text(). */

static const char *const en_customer[] = {
	"my order hasn't arrived", "I want a refund", "please transfer me to a human",
	"where is my package", "the tracking number ############ shows no update since Monday",
	"I was charged twice for order #########", "can I change my delivery address",
	"the item arrived damaged", "the box was already open when it arrived",
	"I received the wrong size", "how do I return this", "it's been two weeks",
	"nobody answered my email", "this is the third time I'm contacting you",
	"I need an invoice for my company", "can you cancel my subscription",
	"my account is locked", "I can't log in to the app",
	"the app keeps crashing when I check out", "the coupon code doesn't work",
	"why was my order cancelled", "I want to speak to a manager",
	"when will the refund reach my card",
	"the courier said nobody was home but I was home all day", "please call me back",
	"I paid with PayPal", "the price dropped the day after I bought it",
	"can you match the price", "is this item in stock",
	"how long does shipping take to Canada", "I never received the confirmation email",
	"the password reset link expired", "hello?", "are you a bot", "agent",
	"representative please", "ok", "thanks", "thank you so much",
	"that's not what I asked", "this is ridiculous", "I'm really disappointed",
	"I've been a customer for years", "the charger stopped working after a week",
	"the screen has a dead pixel", "the size chart is wrong",
	"can I exchange it for a medium", "the parcel was left at the wrong address",
	"my neighbour got my package", "the delivery window was 9 to 12 and it's now 3pm",
	"I'd like to file a complaint", "can you waive the return shipping fee",
	"I returned it ten days ago and still no refund", "the refund amount is wrong",
	"you charged me the full price instead of the sale price", "I'm moving next week",
	"please hold the delivery", "can I pick it up from the store", "which store has it",
	"do you ship on weekends", "the order says delivered but it's not here",
	"the driver was rude", "I want to unsubscribe from marketing emails",
	"please delete my account", "I need to update my billing address",
	"the gift card balance is missing", "the two-factor code never arrives",
	"I got a message saying my payment failed", "my bank says the payment went through",
	"my statement shows a pending charge of ##.## dollars",
	"it's a birthday present and I need it by Friday", "the manual is missing",
	"there's a part missing from the box", "the colour is different from the picture",
	"I ordered two but only one came", "order number #########",
	"it was supposed to arrive yesterday", "any update?", "still waiting",
	"hello, is anyone there", "I already did that", "I tried restarting it", "yes", "no",
	"sure", "that works", "great, thanks for the help", "I'll wait for the email",
	"can you send me a prepaid label", "the return label won't print",
	"the QR code at the drop-off point didn't scan", "the warranty card has no date",
	"does the warranty cover water damage", "I'd like a replacement not a refund",
	"how much is express shipping", "can I upgrade to express",
	"I was promised a callback yesterday", "my order #########, placed on the #th",
	"the lid is cracked", "it smells like smoke", "the battery drains in an hour",
	"the zip broke the first time I used it", "the shoes are a full size too small",
	"I was billed after I cancelled", "why do I have to pay customs",
	"nobody told me about import fees", "the parcel is stuck at the depot",
	"the tracking page has not changed for five days", "it went back to the sender",
	"the address on the label is wrong", "I gave the right address, check it",
	"my flat number is missing from the label", "can you resend it",
	"I don't want a voucher, I want my money back", "how many days does a refund take",
	"I'm not happy with this at all", "I'll leave a bad review",
	"I've already sent the photos twice", "the chat disconnected earlier",
	"I was talking to someone called Sam", "please read the previous messages",
	"do I need the original packaging", "I threw the box away",
	"can someone collect it from my home", "what's the return address",
	"the store refused my return", "the receipt is in my email",
	"my promo code expired yesterday", "the discount wasn't applied at checkout",
	"I was charged in euros instead of pounds", "the total is higher than the cart showed",
	"I want to change the payment method", "the card on file has expired",
	"my loyalty points disappeared", "I can't find my order history",
	"the website says out of stock but the app says available",
	"when will it be back in stock", "can you notify me when it's back",
	"the product was recalled, what do I do", "the fridge makes a loud noise",
	"the installer never showed up", "I took a day off work for this delivery",
};

static const char *const en_agent[] = {
	"Thanks for waiting.", "I'm sorry to hear that.", "Let me check that for you.",
	"Could you share your order number?", "I can see the parcel is with the courier.",
	"It should arrive within 2-3 business days.", "I've issued a full refund.",
	"The refund will show on your statement in 5-7 business days.",
	"I've escalated this to our logistics team.", "I'm transferring you to a specialist now.",
	"Is there anything else I can help with?", "I understand your frustration.",
	"I apologise for the inconvenience.", "Could you send a photo of the damage?",
	"I've sent a prepaid return label to your email.", "Your ticket number is CS-######.",
	"I've applied a 10% discount to your next order.", "I've updated the delivery address.",
	"The order was cancelled because the payment was declined.",
	"Please try clearing the app cache and logging in again.",
	"I've reset your password, please check your inbox.",
	"I can offer a replacement or a refund.",
	"Just to confirm: you'd like a refund to the original payment method?",
	"One moment please.", "I'm still here, checking with the warehouse.",
	"Thank you for your patience.", "I've added a note to your account.",
	"A supervisor will call you within 24 hours.",
	"The courier has opened an investigation into the missing parcel.",
	"The item is back in stock on the ##th.", "I've reserved one for you at the store.",
	"Have a great day!", "Hi, my name is Alex and I'll be helping you today.",
	"Could you confirm the email address on the account?",
	"I can see two charges; one of them is a pre-authorisation and will drop off.",
	"The refund was processed on our side on Tuesday.",
	"Banks usually take a few days to show it.",
	"I've requested a callback from the delivery partner.",
	"Please keep the item until the collection is arranged.",
	"You don't need the original packaging, any sturdy box is fine.",
	"The return window is 30 days from delivery.",
	"I've extended the return window for you.",
	"I've waived the return shipping fee as a goodwill gesture.",
	"I'll stay on the chat while you try that.", "That's been sorted for you now.",
	"I've passed your feedback to the team.",
	"Unfortunately we can't change the address once the parcel has shipped.",
	"You can redirect the parcel from the courier's website.",
	"The replacement ships today and you'll get a tracking email.",
	"I've marked this as urgent.", "Sorry for the wait, it's very busy today.",
	"I can see the previous conversation, no need to repeat it.",
	"The price adjustment of ##.## has been credited.",
	"Import fees are charged by the customs office, not by us.",
	"I've cancelled the subscription; you won't be charged again.",
	"Your account has been unlocked.", "Please check your spam folder as well.",
	"I've re-sent the confirmation email.",
	"The warranty covers manufacturing faults for two years.",
	"Water damage is unfortunately not covered.",
	"I've booked a technician visit for Thursday morning.",
};

static const char *const en_bot[] = {
	"Hi! I'm the virtual assistant. How can I help you today?",
	"You can track your order here: https://shop.example.com/track",
	"I didn't quite get that. Could you rephrase?",
	"Connecting you to a human agent, please hold.",
	"Estimated waiting time: # minutes.",
	"Please rate this conversation from 1 to 5.",
	"Our agents are available from 8:00 to 22:00.",
	"Type agent at any time to talk to a person.",
	"Here are some articles that might help: Returns, Refunds, Delivery.",
	"Your request has been recorded. Reference: R-########.",
	"Is your question about an existing order? Reply yes or no.",
	"Please enter your order number.",
	"I found order #########. Is this the one?",
	"Refunds are processed within 5 business days of receiving the return.",
	"You are number ## in the queue.",
	"An agent will be with you shortly.",
	"Sorry, I can't help with that yet. Let me find someone who can.",
	"Thanks for contacting us. This chat will close after 10 minutes of inactivity.",
	"Was this answer helpful?",
	"Your verification code has been sent.",
};

static const char *const zh_customer[] = {
	"你好", "在吗", "我的快递还没到", "快递还没到", "我要退款", "我要投诉", "转人工", "人工客服",
	"订单号是##########", "物流一直没有更新", "已经五天了还没发货", "什么时候发货",
	"能不能快点发货", "收到的商品有破损", "包装盒是破的", "发错货了", "尺码不对，想换一个",
	"颜色和图片不一样", "少发了一件", "怎么申请退货", "退款什么时候到账", "退款金额不对",
	"被扣了两次钱", "优惠券用不了", "为什么订单被取消了", "地址写错了，能改吗",
	"能不能改成顺丰", "快递员态度很差", "显示已签收但我没收到", "是不是放在驿站了", "我要换货",
	"质量太差了", "用了两天就坏了", "发票怎么开", "需要开公司发票", "会员积分没有到账",
	"账号登不上去", "验证码收不到", "App一直闪退", "支付失败了但是钱扣了",
	"客服怎么一直不回复", "等了半个小时了", "你们是机器人吗", "我不要机器人",
	"麻烦帮我查一下", "好的", "谢谢", "好的谢谢", "明白了", "还是不行", "我已经试过了",
	"能不能给个说法", "太让人失望了", "再不处理我就去投诉", "我要找你们经理", "可以上门取件吗",
	"运费谁出", "七天无理由退货可以吗", "保修期多久", "赠品没有收到", "说明书不见了",
	"配件少了一个", "和描述不符", "什么时候能到", "今天能送到吗", "明天我不在家",
	"能放快递柜吗", "电话打不通", "为什么要收手续费", "价格降了能补差价吗", "退货地址在哪里",
	"寄回去了，单号是SF#############", "我已经寄回了", "仓库收到了吗", "请尽快处理",
	"这个问题已经反映三次了", "上次的客服说会回电话", "一直没人联系我", "麻烦快一点", "我很着急",
	"是送人的礼物", "周五之前必须到", "能不能加急", "为什么物流停在深圳三天了", "包裹被退回了",
	"收件人电话写错了", "帮我取消订单", "订单已经付款了", "退款原路返回吗", "用微信支付的",
	"用支付宝付的", "信用卡被扣款了", "我要求赔偿", "东西是假的吧", "有没有质检报告",
	"能视频看一下吗", "嗯", "对", "不是这个意思", "你听我说", "算了", "怎么还没处理",
	"物流信息显示在派送中", "快递员没打电话就走了", "放门口被人拿走了", "外包装都压扁了",
	"里面的东西碎了", "屏幕有划痕", "充电器用不了", "开机没反应", "声音很小", "衣服起球了",
	"鞋子大了一码", "味道很大", "少了一个螺丝", "安装师傅一直没来", "预约的时间是下午两点",
	"我请假在家等了一天", "上门服务什么时候", "售后电话是多少", "换货要多久",
	"退货需要原包装吗", "包装已经扔了", "拆封了还能退吗", "吊牌剪了还能退吗",
	"我在活动页面下的单", "满减没有生效", "红包怎么没用上", "积分可以抵扣吗",
	"会员折扣没有算进去", "为什么比昨天贵了", "别家更便宜", "能不能便宜一点",
	"下单的时候显示有货", "现在又说缺货", "缺货为什么还让下单", "预售什么时候发",
	"我要改收货地址", "我搬家了", "收货人换成我同事", "能不能送到公司", "周末能送吗",
	"晚上几点之前能到", "快递柜满了", "取件码收不到", "快递被别人签收了",
	"物流显示异常件", "转寄要多久", "海关扣货了", "关税谁承担", "国际件怎么查",
	"退款显示成功但没到账", "钱退到哪里了", "银行说没有收到", "退款能退到余额吗",
	"我要发票抬头改一下", "税号填错了", "电子发票在哪下载", "纸质发票能寄吗",
	"手机号换了怎么改", "账号被盗了", "收到陌生的验证码短信", "密码重置不了",
	"绑定不了银行卡", "自动续费怎么关", "会员到期了没提醒我", "不想要了能拦截吗",
	"我已经拒收了", "为什么又派送了一次", "快递员让我自己去拿", "打了三次电话都没人接",
};

static const char *const zh_agent[] = {
	"您好，很高兴为您服务", "亲，请问有什么可以帮您", "请提供一下您的订单号", "稍等，我帮您查询一下",
	"感谢您的耐心等待", "非常抱歉给您带来不便", "您的包裹目前在运输途中", "预计两到三天内送达",
	"已经为您催促快递", "已为您提交退款申请", "退款会在三到五个工作日内原路退回", "已经为您升级处理",
	"这边帮您转接专员", "请您拍一下破损的照片", "已经给您补发了", "给您申请了一张##元优惠券",
	"您的工单号是CS######", "地址已经帮您修改好了", "请您清除一下缓存再试试", "还有其他可以帮您的吗",
	"理解您的心情", "我们会尽快给您答复", "主管会在24小时内联系您", "快递公司已经在核查",
	"请您保持电话畅通", "祝您生活愉快", "抱歉让您久等了", "麻烦您核对一下收货地址",
	"已经备注加急", "这边看到您的订单已经出库了", "快递单号是YT##########", "包裹已经到达您所在的城市",
	"今天会安排派送", "已经联系快递员给您回电", "退货运费由我们承担", "请您在订单页面申请退货",
	"选择上门取件就可以", "取件员会在明天上午联系您", "仓库收到后会尽快验货", "验货通过后马上退款",
	"差价已经给您补到账户余额了", "这个优惠券有使用门槛", "活动规则是满三百减五十",
	"您的会员积分已经补发", "发票会在确认收货后开具", "电子发票会发到您的邮箱",
	"这边给您登记了售后", "师傅会提前一小时联系您", "给您换一个新的", "新的已经安排发出",
	"您说的情况我已经记录下来了", "我这边帮您反馈给相关部门", "处理结果会短信通知您",
	"请问还在线吗", "由于长时间没有回复，本次会话即将结束", "已为您拦截包裹",
	"包裹会退回仓库", "退回后自动退款", "您的账号已经解锁", "请您重新登录试试",
	"自动续费已经为您关闭", "非常感谢您的反馈", "给您带来的麻烦真的很抱歉",
	"我们一定会改进", "这边申请了一点补偿给您", "补偿的##元已经到账",
	"请您放心，我会跟进到底", "有任何问题随时联系我们",
};

static const char *const zh_bot[] = {
	"您好，我是智能客服小助手，请问有什么可以帮您？", "请输入您的订单号", "正在为您转接人工客服，请稍候",
	"当前排队人数：#人", "您可以点击下方链接查询物流：https://shop.example.cn/wuliu",
	"抱歉，我没有理解您的意思，请换个说法", "人工客服服务时间为8:00-22:00", "请对本次服务进行评价",
	"回复“人工”转接人工客服", "以下问题可能对您有帮助：如何退货、退款进度、修改地址",
	"已为您查到订单#########，是这一笔吗？", "退款一般在收到退货后三个工作日内完成",
	"您前面还有##位用户，请耐心等待", "人工客服马上为您服务", "本次会话将在10分钟无回复后自动结束",
	"请问以上回答是否解决了您的问题？", "验证码已发送，请注意查收", "您的问题已记录，编号R########",
	"亲，您可以在“我的订单”里申请售后", "感谢您的咨询，祝您购物愉快",
};

/* Already escaped for JSON: quoted bits a customer pastes from a status page. */
static const char *const en_quotes[] = {
	"the status says \\\"delivered\\\"", "it shows \\\"in transit\\\" since Monday",
	"the app says \\\"payment failed\\\"", "I got an error \\\"something went wrong\\\"",
	"the email subject was \\\"your refund is on its way\\\"",
};
static const char *const zh_quotes[] = {
	"页面显示\\\"已签收\\\"", "物流写着\\\"派送中\\\"", "App提示\\\"支付失败\\\"",
	"短信说\\\"退款成功\\\"", "状态一直是\\\"待发货\\\"",
};
static const char *const emoji[] = {
	"😊", "🙏", "😡", "👍", "😭", "🤔", "📦", "🙂", "😤", "💔", "🎁", "😅",
};

struct style {
	const char *const *phrases;
	size_t count;
	const char *const *quotes;
	size_t quote_count;
	const char *const *seps;
	size_t sep_count;
	const char *const *ends;
	size_t end_count;
};

static const char *const en_seps[] = { ", ", ". ", ". ", " ", "... " };
static const char *const en_ends[] = { "", "", ".", "?", "!" };
static const char *const en_agent_seps[] = { " " };
static const char *const en_agent_ends[] = { "" };
static const char *const zh_seps[] = { "，", "，", "，", "。", "。", "！", " " };
static const char *const zh_ends[] = { "", "。", "？", "！", "！！" };
static const char *const zh_agent_seps[] = { "，", "。" };
static const char *const zh_agent_ends[] = { "。", "~", "" };
static const char *const bot_seps[] = { "\\n" }; /* canned lines, one per line */
static const char *const bot_ends[] = { "" };

#define TABLE(a) a, COUNT(a)
static const struct style en_customer_style = {
	TABLE(en_customer), TABLE(en_quotes), TABLE(en_seps), TABLE(en_ends) };
static const struct style en_agent_style = {
	TABLE(en_agent), NULL, 0, TABLE(en_agent_seps), TABLE(en_agent_ends) };
static const struct style en_bot_style = {
	TABLE(en_bot), NULL, 0, TABLE(bot_seps), TABLE(bot_ends) };
static const struct style zh_customer_style = {
	TABLE(zh_customer), TABLE(zh_quotes), TABLE(zh_seps), TABLE(zh_ends) };
static const struct style zh_agent_style = {
	TABLE(zh_agent), NULL, 0, TABLE(zh_agent_seps), TABLE(zh_agent_ends) };
static const struct style zh_bot_style = {
	TABLE(zh_bot), NULL, 0, TABLE(bot_seps), TABLE(bot_ends) };

/* ---- the model --------------------------------------------------------- */

enum lang { LANG_EN, LANG_ZH };
enum role { ROLE_CUSTOMER, ROLE_AGENT, ROLE_BOT };
enum channel { CH_CHAT, CH_EMAIL, CH_APP, CH_WECHAT, CH_PHONE };

static const char *const role_names[] = { "customer", "agent", "bot" };
static const char *const channel_names[] = { "chat", "email", "app", "wechat", "phone" };

struct customer {
	int64_t free_at; /* earliest start of the next conversation */
	uint32_t number; /* the 6 digits of "cust-NNNNNN" */
	uint8_t lang;
};

struct conversation {
	int64_t next_at; /* time of the next message */
	uint64_t number; /* the digits of "conv-NNNNNNNNNN" */
	uint32_t customer;
	uint8_t channel;
	uint8_t next_role;
	uint8_t left; /* messages still to send */
	uint8_t bot_first; /* the bot answers until an agent takes over */
	uint16_t written; /* messages written so far */
};

static struct customer customers[CUSTOMERS];
static uint32_t idle[CUSTOMERS]; /* customers without an open conversation */
static uint32_t idle_count;
static struct conversation conversations[OPEN_CONVERSATIONS];
static uint32_t heap[OPEN_CONVERSATIONS]; /* conversation indices, min next_at first */

static int heap_less(uint32_t a, uint32_t b)
{
	if (conversations[a].next_at != conversations[b].next_at)
		return conversations[a].next_at < conversations[b].next_at;
	return a < b;
}

static void heap_sift_down(uint32_t at)
{
	for (;;) {
		uint32_t left = 2 * at + 1, right = left + 1, best = at;
		if (left < OPEN_CONVERSATIONS && heap_less(heap[left], heap[best]))
			best = left;
		if (right < OPEN_CONVERSATIONS && heap_less(heap[right], heap[best]))
			best = right;
		if (best == at)
			return;
		uint32_t t = heap[at];
		heap[at] = heap[best];
		heap[best] = t;
		at = best;
	}
}

static void heap_build(void)
{
	for (uint32_t i = OPEN_CONVERSATIONS / 2; i-- > 0;)
		heap_sift_down(i);
}

static void init_customers(void)
{
	for (uint32_t i = 0; i < CUSTOMERS; i++) {
		/* 7919 is prime to 900000, so the numbers are distinct. */
		customers[i].number = 100000 + (uint32_t)(((uint64_t)i * 7919 + 4242) % 900000);
		customers[i].lang = rng_percent(40) ? LANG_ZH : LANG_EN;
		customers[i].free_at = 0;
		idle[i] = i;
	}
	idle_count = CUSTOMERS;
}

/* Take an idle customer: the one free soonest among a few random picks. */
static uint32_t take_idle_customer(void)
{
	uint32_t best_slot = rng_below(idle_count);
	for (int i = 0; i < 3; i++) {
		uint32_t slot = rng_below(idle_count);
		if (customers[idle[slot]].free_at < customers[idle[best_slot]].free_at)
			best_slot = slot;
	}
	uint32_t id = idle[best_slot];
	idle[best_slot] = idle[--idle_count];
	return id;
}

static uint8_t pick_channel(uint8_t lang)
{
	/* weights: chat email app wechat phone */
	static const uint8_t en_weights[] = { 40, 24, 25, 1, 10 };
	static const uint8_t zh_weights[] = { 15, 5, 25, 45, 10 };
	const uint8_t *w = lang == LANG_ZH ? zh_weights : en_weights;
	uint32_t r = rng_below(100);
	uint8_t ch = 0;
	while (r >= w[ch]) {
		r -= w[ch];
		ch++;
	}
	return ch;
}

/* 2..30 messages, most conversations short. */
static uint8_t pick_length(void)
{
	uint32_t n = 2 + rng_below(5);
	if (rng_percent(33))
		n += rng_below(12);
	if (rng_percent(10))
		n += rng_below(13);
	return (uint8_t)(n > 30 ? 30 : n);
}

static uint64_t conversation_count;
static int with_conversation_id = 1;

static void open_conversation(uint32_t index, int64_t now)
{
	struct conversation *c = &conversations[index];
	c->customer = take_idle_customer();
	c->number = ++conversation_count;
	struct customer *who = &customers[c->customer];
	int64_t start = now + rng_range(0, 90 * SECOND);
	c->next_at = who->free_at > start ? who->free_at : start;
	c->channel = pick_channel(who->lang);
	c->left = pick_length();
	c->next_role = ROLE_CUSTOMER;
	c->written = 0;
	c->bot_first = c->channel != CH_EMAIL && c->channel != CH_PHONE && rng_percent(60);
}

static void close_conversation(const struct conversation *c, int64_t now)
{
	struct customer *who = &customers[c->customer];
	/* At least 45 minutes, mostly a few hours, before the same customer writes again. */
	who->free_at = now + 45 * MINUTE + rng_range(0, 4 * HOUR) + rng_range(0, 4 * HOUR);
	idle[idle_count++] = c->customer;
}

/* Choose who speaks after role and how long that takes. */
static void advance_conversation(struct conversation *c, enum role spoke)
{
	enum role next;
	int64_t delay;
	if (spoke == ROLE_CUSTOMER) {
		if (rng_percent(12)) {
			next = ROLE_CUSTOMER;
			delay = rng_range(2 * SECOND, 25 * SECOND);
		} else if (c->bot_first && rng_percent(70)) {
			next = ROLE_BOT;
			delay = rng_range(600, 4 * SECOND);
		} else {
			c->bot_first = 0;
			next = ROLE_AGENT;
			delay = rng_range(10 * SECOND, 150 * SECOND);
		}
	} else if (spoke == ROLE_AGENT && rng_percent(15)) {
		next = ROLE_AGENT;
		delay = rng_range(3 * SECOND, 30 * SECOND);
	} else {
		next = ROLE_CUSTOMER;
		delay = rng_range(5 * SECOND, 120 * SECOND);
	}
	c->next_role = (uint8_t)next;
	c->next_at += delay;
}

/* ---- output ------------------------------------------------------------ */

static char out[OUT_CAP];
static size_t out_len;
static unsigned long long out_total;

static void out_flush(void)
{
	if (out_len > 0 && fwrite(out, 1, out_len, stdout) != out_len) {
		perror("gen: write");
		exit(1);
	}
	out_total += out_len;
	out_len = 0;
}

static char *put_bytes(char *p, const char *s, size_t n)
{
	memcpy(p, s, n);
	return p + n;
}

static char *put_str(char *p, const char *s)
{
	return put_bytes(p, s, strlen(s));
}

/* width decimal digits of v, zero padded. */
static char *put_digits(char *p, uint64_t v, int width)
{
	for (int i = width - 1; i >= 0; i--) {
		p[i] = (char)('0' + v % 10);
		v /= 10;
	}
	return p + width;
}

/* Copy a phrase, turning each '#' into a random digit. */
static char *put_phrase(char *p, const char *s)
{
	for (; *s; s++)
		*p++ = *s == '#' ? (char)('0' + rng_below(10)) : *s;
	return p;
}

/* ---- timestamps -------------------------------------------------------- */
/* The clock only runs forward, so the date is kept as a calendar that is
 * stepped one day at a time. */

static struct {
	int64_t day_start; /* ms at 00:00 of the current day */
	int year, month, day;
	char text[12]; /* "YYYY-MM-DDT" */
} calendar;

static int days_in_month(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return days[month - 1] + (month == 2 && leap);
}

static void calendar_render(void)
{
	char *p = calendar.text;
	p = put_digits(p, (uint64_t)calendar.year, 4);
	*p++ = '-';
	p = put_digits(p, (uint64_t)calendar.month, 2);
	*p++ = '-';
	p = put_digits(p, (uint64_t)calendar.day, 2);
	*p = 'T';
}

static void calendar_start(int64_t day_start, int year, int month, int day)
{
	calendar.day_start = day_start;
	calendar.year = year;
	calendar.month = month;
	calendar.day = day;
	calendar_render();
}

static char *put_timestamp(char *p, int64_t ms)
{
	while (ms >= calendar.day_start + DAY) {
		calendar.day_start += DAY;
		if (++calendar.day > days_in_month(calendar.year, calendar.month)) {
			calendar.day = 1;
			if (++calendar.month > 12) {
				calendar.month = 1;
				calendar.year++;
			}
		}
		calendar_render();
	}
	int64_t in_day = ms - calendar.day_start;
	p = put_bytes(p, calendar.text, 11);
	p = put_digits(p, (uint64_t)(in_day / HOUR), 2);
	*p++ = ':';
	p = put_digits(p, (uint64_t)(in_day / MINUTE % 60), 2);
	*p++ = ':';
	p = put_digits(p, (uint64_t)(in_day / SECOND % 60), 2);
	*p++ = '.';
	p = put_digits(p, (uint64_t)(in_day % SECOND), 3);
	*p++ = 'Z';
	return p;
}

/* ---- message text ------------------------------------------------------ */

static const struct style *style_for(uint8_t lang, enum role role)
{
	if (lang == LANG_ZH)
		return role == ROLE_CUSTOMER ? &zh_customer_style
		     : role == ROLE_AGENT ? &zh_agent_style : &zh_bot_style;
	return role == ROLE_CUSTOMER ? &en_customer_style
	     : role == ROLE_AGENT ? &en_agent_style : &en_bot_style;
}

/* Text length in bytes: 20-600, mostly 60-200. */
static size_t pick_text_length(void)
{
	uint32_t r = rng_below(100);
	if (r < 15)
		return (size_t)rng_range(20, 60);
	if (r < 85)
		return (size_t)rng_range(45, 160);
	uint32_t x = rng_below(400);
	return 200 + (size_t)x * x / 400 + rng_below(40);
}

static const char *pick(const char *const *list, size_t n)
{
	return list[rng_below((uint32_t)n)];
}

/* Append the message text (JSON-escaped, without quotes) at p. */
static char *compose_text(char *p, uint8_t lang, enum role role, uint8_t channel)
{
	const struct style *st = style_for(lang, role);
	char *start = p;
	size_t target = pick_text_length();
	if (role == ROLE_BOT)
		target = rng_percent(80) ? 1 : 120; /* one canned line, sometimes two */
	unsigned newline_odds = channel == CH_EMAIL ? 12 : 1;

	for (int first = 1; (size_t)(p - start) < target; first = 0) {
		const char *phrase;
		if (st->quote_count && rng_below(1000) < 15)
			phrase = pick(st->quotes, st->quote_count);
		else
			phrase = pick(st->phrases, st->count);
		if (!first && (size_t)(p - start) + strlen(phrase) + 8 > MAX_TEXT)
			break;
		if (!first)
			p = put_str(p, rng_percent(newline_odds) ? "\\n" : pick(st->seps, st->sep_count));
		p = put_phrase(p, phrase);
	}
	p = put_str(p, pick(st->ends, st->end_count));
	if (role == ROLE_CUSTOMER && rng_percent(4))
		p = put_str(p, pick(emoji, COUNT(emoji)));
	return p;
}

/* ---- main -------------------------------------------------------------- */

static uint64_t message_count;

static void write_message(const struct conversation *c, int64_t at)
{
	const struct customer *who = &customers[c->customer];
	char *p = out + out_len;
	p = put_str(p, "{\"kind\":\"message\",\"id\":\"m-");
	p = put_digits(p, ++message_count, 12);
	if (with_conversation_id) {
		p = put_str(p, "\",\"conversation_id\":\"conv-");
		p = put_digits(p, c->number, 10);
	}
	p = put_str(p, "\",\"ts\":\"");
	p = put_timestamp(p, at);
	p = put_str(p, "\",\"channel\":\"");
	p = put_str(p, channel_names[c->channel]);
	p = put_str(p, "\",\"customer\":{\"id\":\"cust-");
	p = put_digits(p, who->number, 6);
	p = put_str(p, "\"},\"role\":\"");
	p = put_str(p, role_names[c->next_role]);
	p = put_str(p, "\",\"text\":\"");
	p = compose_text(p, who->lang, (enum role)c->next_role, c->channel);
	p = put_str(p, "\"}\n");
	out_len = (size_t)(p - out);
	if (out_len > OUT_CAP - LINE_MAX_BYTES)
		out_flush();
}

/* ---- other shapes of the same messages: CSV, mbox ---------------------- */

enum shape { SHAPE_NDJSON, SHAPE_CSV, SHAPE_MBOX };
static enum shape shape = SHAPE_NDJSON;

/* The JSON-escaped text at s..e as plain text ("\\n" a newline, "\\\"" a quote). */
static char *put_unescaped(char *p, const char *s, const char *e)
{
	for (; s < e; s++) {
		if (*s == '\\' && s + 1 < e) {
			s++;
			*p++ = *s == 'n' ? '\n' : *s;
		} else {
			*p++ = *s;
		}
	}
	return p;
}

/* A CSV cell, quoted (quotes doubled) when it holds a comma, quote or newline. */
static char *put_csv_cell(char *p, const char *s, const char *e)
{
	char tmp[LINE_MAX_BYTES];
	char *te = put_unescaped(tmp, s, e);
	int quote = 0;
	for (const char *q = tmp; q < te; q++)
		quote |= *q == ',' || *q == '"' || *q == '\n';
	if (!quote)
		return put_bytes(p, tmp, (size_t)(te - tmp));
	*p++ = '"';
	for (const char *q = tmp; q < te; q++) {
		if (*q == '"')
			*p++ = '"';
		*p++ = *q;
	}
	*p++ = '"';
	return p;
}

static void write_csv_row(const struct conversation *c, int64_t at)
{
	const struct customer *who = &customers[c->customer];
	char text[LINE_MAX_BYTES];
	char *te = compose_text(text, who->lang, (enum role)c->next_role, c->channel);
	char *p = out + out_len;
	p = put_str(p, "m-");
	p = put_digits(p, ++message_count, 12);
	p = put_str(p, ",conv-");
	p = put_digits(p, c->number, 10);
	*p++ = ',';
	p = put_timestamp(p, at);
	*p++ = ',';
	p = put_str(p, channel_names[c->channel]);
	p = put_str(p, ",cust-");
	p = put_digits(p, who->number, 6);
	*p++ = ',';
	p = put_str(p, role_names[c->next_role]);
	*p++ = ',';
	p = put_csv_cell(p, text, te);
	*p++ = '\n';
	out_len = (size_t)(p - out);
	if (out_len > OUT_CAP - 2 * LINE_MAX_BYTES)
		out_flush();
}

/* RFC 2822 date of ms: "Sun, 01 Mar 2026 08:00:00 +0000". */
static char *put_mail_date(char *p, int64_t ms)
{
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	static const char *const days[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
	char iso[32];
	put_timestamp(iso, ms);   /* keeps the calendar current */
	p = put_str(p, days[(ms / DAY) % 7]);
	p = put_str(p, ", ");
	p = put_bytes(p, iso + 8, 2);
	*p++ = ' ';
	p = put_str(p, months[calendar.month - 1]);
	*p++ = ' ';
	p = put_bytes(p, iso, 4);
	*p++ = ' ';
	p = put_bytes(p, iso + 11, 8);
	return put_str(p, " +0000");
}

/* One mail of a support thread: the customer writes to support and support
 * answers; every mail after the first replies to the first. */
static void write_mail(const struct conversation *c, int64_t at, int first)
{
	const struct customer *who = &customers[c->customer];
	char text[LINE_MAX_BYTES], addr[64];
	char *te = compose_text(text, who->lang, (enum role)c->next_role, c->channel);
	char *a = put_str(addr, "cust-");
	a = put_digits(a, who->number, 6);
	a = put_str(a, "@example.com");
	*a = '\0';
	int from_customer = c->next_role == 0;
	char *p = out + out_len;
	p = put_str(p, "From ");
	p = put_str(p, from_customer ? addr : "support@example.com");
	p = put_str(p, " Sun Mar  1 08:00:00 2026\nFrom: ");
	p = put_str(p, from_customer ? addr : "Support <support@example.com>");
	p = put_str(p, "\nTo: ");
	p = put_str(p, from_customer ? "support@example.com" : addr);
	p = put_str(p, "\nSubject: ");
	p = put_str(p, first ? "Order question " : "Re: Order question ");
	p = put_digits(p, c->number, 10);
	p = put_str(p, "\nDate: ");
	p = put_mail_date(p, at);
	if (first) {   /* the thread's root: the replies name it */
		p = put_str(p, "\nMessage-ID: <t-");
		p = put_digits(p, c->number, 10);
	} else {
		p = put_str(p, "\nMessage-ID: <m-");
		p = put_digits(p, ++message_count, 12);
	}
	p = put_str(p, "@example.com>\n");
	if (!first) {
		p = put_str(p, "In-Reply-To: <t-");
		p = put_digits(p, c->number, 10);
		p = put_str(p, "@example.com>\nReferences: <t-");
		p = put_digits(p, c->number, 10);
		p = put_str(p, "@example.com>\n");
	}
	p = put_str(p, "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n");
	p = put_unescaped(p, text, te);
	p = put_str(p, "\n\n");
	out_len = (size_t)(p - out);
	if (out_len > OUT_CAP - 2 * LINE_MAX_BYTES)
		out_flush();
}

static void write_one(const struct conversation *c, int64_t at)
{
	if (shape == SHAPE_CSV)
		write_csv_row(c, at);
	else if (shape == SHAPE_MBOX)
		write_mail(c, at, c->written == 0);
	else
		write_message(c, at);
}

static void generate(unsigned long long bytes)
{
	/* 2026-03-01T08:00:00Z */
	const int64_t epoch_day = 20513 * DAY;
	calendar_start(epoch_day, 2026, 3, 1);
	int64_t now = epoch_day + 8 * HOUR;

	init_customers();
	for (uint32_t i = 0; i < OPEN_CONVERSATIONS; i++) {
		heap[i] = i;
		open_conversation(i, now + rng_range(0, 10 * MINUTE));
	}
	heap_build();

	while (out_total + out_len < bytes) {
		uint32_t index = heap[0];
		struct conversation *c = &conversations[index];
		now = c->next_at;
		write_one(c, now);
		c->written++;
		if (--c->left == 0) {
			close_conversation(c, now);
			open_conversation(index, now);
		} else {
			advance_conversation(c, (enum role)c->next_role);
		}
		heap_sift_down(0);
	}
	out_flush();
}

static void usage(void)
{
	fputs("usage: gen [--bytes N] [--seed N] [--no-conversation-id] [--csv | --mbox]\n"
	      "Write a deterministic NDJSON corpus of cs messages to stdout,\n"
	      "at least N bytes (default 220000000).\n", stderr);
	exit(2);
}

static unsigned long long parse_number(const char *s)
{
	char *end;
	if (!s || *s < '0' || *s > '9')
		usage();
	unsigned long long v = strtoull(s, &end, 10);
	if (*end)
		usage();
	return v;
}

int main(int argc, char **argv)
{
	unsigned long long bytes = DEFAULT_BYTES;
	uint64_t seed = DEFAULT_SEED;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--bytes") == 0)
			bytes = parse_number(argv[++i]);
		else if (strcmp(argv[i], "--seed") == 0)
			seed = parse_number(argv[++i]);
		else if (strcmp(argv[i], "--no-conversation-id") == 0)
			with_conversation_id = 0;
		else if (strcmp(argv[i], "--csv") == 0)
			shape = SHAPE_CSV;
		else if (strcmp(argv[i], "--mbox") == 0)
			shape = SHAPE_MBOX;
		else
			usage();
	}
	rng_state = seed;
	if (shape == SHAPE_CSV)
		fputs("message_id,ticket_id,created,channel,customer_id,role,text\n", stdout);
	generate(bytes);
	if (fflush(stdout) != 0) {
		perror("gen: write");
		return 1;
	}
	return 0;
}
