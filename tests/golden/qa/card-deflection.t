# Resolution (a proxy, for review by a person): a deflection the agent never
# follows with a commitment fails it. A batch of eight written before the
# list grew (2 of 8 deflections seen): not something we handle, you'll have
# to contact the manufacturer, another department, 处理不了, 不归我们, 您去找商家,
# 您自己联系快递公司, 我也没有办法. Each fails alone and passes with "I'll follow
# up and call you back tomorrow" (我会帮您跟进，明天给您回电) after it; 有没有办法
# (is there a way) is no deflection.
--- cmd
cs-qa /dev/stdin | jq -r 'select(.kind == "conversation") | (.qa.items[] | select(.id == "resolution")) as $i | [.id, ($i.passed | tostring), (.messages | map(select(.role == "agent") | .text) | join(" / "))] | @tsv'
--- stdin
{"kind":"conversation","id":"d00","messages":[{"id":"c","role":"customer","text":"My package was lost."},{"id":"a1","role":"agent","text":"There's nothing I can do about it."}]}
{"kind":"conversation","id":"k00","messages":[{"id":"c","role":"customer","text":"My package was lost."},{"id":"a1","role":"agent","text":"There's nothing I can do about it."},{"id":"a2","role":"agent","text":"I'll follow up and call you back tomorrow."}]}
{"kind":"conversation","id":"d01","messages":[{"id":"c","role":"customer","text":"My package was lost."},{"id":"a1","role":"agent","text":"That's not something we handle, you'll have to contact the manufacturer."}]}
{"kind":"conversation","id":"k01","messages":[{"id":"c","role":"customer","text":"My package was lost."},{"id":"a1","role":"agent","text":"That's not something we handle, you'll have to contact the manufacturer."},{"id":"a2","role":"agent","text":"I'll follow up and call you back tomorrow."}]}
{"kind":"conversation","id":"d02","messages":[{"id":"c","role":"customer","text":"My package was lost."},{"id":"a1","role":"agent","text":"I'm not sure, sorry."}]}
{"kind":"conversation","id":"k02","messages":[{"id":"c","role":"customer","text":"My package was lost."},{"id":"a1","role":"agent","text":"I'm not sure, sorry."},{"id":"a2","role":"agent","text":"I'll follow up and call you back tomorrow."}]}
{"kind":"conversation","id":"d03","messages":[{"id":"c","role":"customer","text":"My package was lost."},{"id":"a1","role":"agent","text":"That's another department, not us."}]}
{"kind":"conversation","id":"k03","messages":[{"id":"c","role":"customer","text":"My package was lost."},{"id":"a1","role":"agent","text":"That's another department, not us."},{"id":"a2","role":"agent","text":"I'll follow up and call you back tomorrow."}]}
{"kind":"conversation","id":"d04","messages":[{"id":"c","role":"customer","text":"我的包裹丢了"},{"id":"a1","role":"agent","text":"我们这边处理不了"}]}
{"kind":"conversation","id":"k04","messages":[{"id":"c","role":"customer","text":"我的包裹丢了"},{"id":"a1","role":"agent","text":"我们这边处理不了"},{"id":"a2","role":"agent","text":"我会帮您跟进，明天给您回电"}]}
{"kind":"conversation","id":"d05","messages":[{"id":"c","role":"customer","text":"我的包裹丢了"},{"id":"a1","role":"agent","text":"这个不归我们负责，您去找商家吧"}]}
{"kind":"conversation","id":"k05","messages":[{"id":"c","role":"customer","text":"我的包裹丢了"},{"id":"a1","role":"agent","text":"这个不归我们负责，您去找商家吧"},{"id":"a2","role":"agent","text":"我会帮您跟进，明天给您回电"}]}
{"kind":"conversation","id":"d06","messages":[{"id":"c","role":"customer","text":"我的包裹丢了"},{"id":"a1","role":"agent","text":"这个需要您自己联系快递公司"}]}
{"kind":"conversation","id":"k06","messages":[{"id":"c","role":"customer","text":"我的包裹丢了"},{"id":"a1","role":"agent","text":"这个需要您自己联系快递公司"},{"id":"a2","role":"agent","text":"我会帮您跟进，明天给您回电"}]}
{"kind":"conversation","id":"d07","messages":[{"id":"c","role":"customer","text":"我的包裹丢了"},{"id":"a1","role":"agent","text":"我也没有办法"}]}
{"kind":"conversation","id":"k07","messages":[{"id":"c","role":"customer","text":"我的包裹丢了"},{"id":"a1","role":"agent","text":"我也没有办法"},{"id":"a2","role":"agent","text":"我会帮您跟进，明天给您回电"}]}
{"kind":"conversation","id":"q","messages":[{"id":"c","role":"customer","text":"能快点吗"},{"id":"a","role":"agent","text":"有没有办法快点发货，我帮您问问"}]}
--- stdout
d00	false	There's nothing I can do about it.
k00	true	There's nothing I can do about it. / I'll follow up and call you back tomorrow.
d01	false	That's not something we handle, you'll have to contact the manufacturer.
k01	true	That's not something we handle, you'll have to contact the manufacturer. / I'll follow up and call you back tomorrow.
d02	false	I'm not sure, sorry.
k02	true	I'm not sure, sorry. / I'll follow up and call you back tomorrow.
d03	false	That's another department, not us.
k03	true	That's another department, not us. / I'll follow up and call you back tomorrow.
d04	false	我们这边处理不了
k04	true	我们这边处理不了 / 我会帮您跟进，明天给您回电
d05	false	这个不归我们负责，您去找商家吧
k05	true	这个不归我们负责，您去找商家吧 / 我会帮您跟进，明天给您回电
d06	false	这个需要您自己联系快递公司
k06	true	这个需要您自己联系快递公司 / 我会帮您跟进，明天给您回电
d07	false	我也没有办法
k07	true	我也没有办法 / 我会帮您跟进，明天给您回电
q	true	有没有办法快点发货，我帮您问问
--- stderr
--- exit
0
