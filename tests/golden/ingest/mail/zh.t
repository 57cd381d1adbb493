# Chinese reply, forward and auto-reply subjects in either script: a
# Taiwan/HK thread with Outlook zh-TW's 回覆: and 轉寄: (no References) joins
# its root like 回复: does, and 自動回覆: (Traditional) or 自动答复:
# (Outlook zh-CN) is a system auto_reply like 自动回复:. Before, t3 and t4
# began threads of their own and t2 and t7 were the agent's answer.
--- cmd
mk() { printf 'From %s Mon Mar  2 1%d:00:00 2026\nFrom: %s\nTo: %s\nSubject: =?UTF-8?B?%s?=\nDate: Mon, 02 Mar 2026 1%d:00:00 +0800\nMessage-ID: <%s>\nContent-Type: text/plain; charset=utf-8\n\n%s\n\n' \
  "$1" "$5" "$1" "$2" "$(printf '%s' "$3" | base64 | tr -d '\n')" "$5" "$4" "$6"; }
{ mk tw@hinet.net kf@shop.tw '訂單問題' t1@x 0 '我的訂單還沒到'
  mk kf@shop.tw tw@hinet.net '自動回覆: 訂單問題' t2@x 1 '您好，我們已收到您的來信。'
  mk kf@shop.tw tw@hinet.net '回覆: 訂單問題' t3@x 2 '已經寄出了'
  mk tw@hinet.net kf@shop.tw '轉寄: 訂單問題' t4@x 3 '轉給你看'
  mk tw@hinet.net kf@shop.tw '回复: 訂單問題' t5@x 4 '簡體的前綴'
  mk kf@shop.tw tw@hinet.net '自动回复: 訂單問題' t6@x 5 '简体的自动回复'
  mk kf@shop.tw tw@hinet.net '自动答复: 訂單問題' t7@x 6 'Outlook 的自动答复'
} > tw.mbox
cs-ingest -m --our-address kf@shop.tw tw.mbox | jq -c '[.id, .conversation_id, .role, .event, .subject]'
--- stdout
["t1@x","t1@x","customer",null,"訂單問題"]
["t2@x","t2@x","system","auto_reply","自動回覆: 訂單問題"]
["t3@x","t1@x","agent",null,"回覆: 訂單問題"]
["t4@x","t1@x","customer",null,"轉寄: 訂單問題"]
["t5@x","t1@x","customer",null,"回复: 訂單問題"]
["t6@x","t6@x","system","auto_reply","自动回复: 訂單問題"]
["t7@x","t7@x","system","auto_reply","自动答复: 訂單問題"]
--- stderr
--- exit
0
