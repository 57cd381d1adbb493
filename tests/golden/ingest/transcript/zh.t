# A Chinese Amazon Transcribe turn is the text of the call: its items are
# words ("我", "要", "退款") and no space goes between two of them, nor after
# full-width punctuation before one; a Latin word keeps its spaces. Before,
# every word was set apart ("我 要 退款。"), and cs-qa's Chinese phrases
# missed: the closing 还有什么可以 failed and 请稍等 was no hold. The same
# call from a WebVTT file scores the same.
--- cmd
w() { printf '{"type":"pronunciation","start_time":"%s","end_time":"%s","alternatives":[{"confidence":"0.99","content":"%s"}],"speaker_label":"%s"}' "$2" "$2.4" "$3" "$1"; }
p() { printf '{"type":"punctuation","alternatives":[{"confidence":"0.0","content":"%s"}],"speaker_label":"%s"}' "$2" "$1"; }
{ printf '{"jobName":"call-7","status":"COMPLETED","results":{"language_code":"zh-CN","items":['
  w spk_0 0 您好; printf ,; p spk_0 ，; printf ,; w spk_0 1 本次; printf ,; w spk_0 2 通话; printf ,; w spk_0 3 将; printf ,
  w spk_0 4 被; printf ,; w spk_0 5 录音; printf ,; p spk_0 ，; printf ,; w spk_0 6 请; printf ,; w spk_0 7 稍等; printf ,; p spk_0 。; printf ,
  w spk_1 8 我; printf ,; w spk_1 9 的; printf ,; w spk_1 10 iPhone; printf ,; w spk_1 11 坏; printf ,; w spk_1 12 了; printf ,; p spk_1 。; printf ,
  w spk_0 13 好的; printf ,; p spk_0 ，; printf ,; w spk_0 14 还有; printf ,; w spk_0 15 什么; printf ,; w spk_0 16 可以; printf ,
  w spk_0 17 帮; printf ,; w spk_0 18 您; printf ,; p spk_0 ？
  printf ']}}\n'; } > call-7.json
cs-ingest -m call-7.json | jq -c '[.role, .text]'
qa() { cs-qa | jq -c 'select(.kind == "conversation") | [.qa.items[] | select(.id == "closing" or .id == "hold_etiquette" or .id == "disclosure") | [.id, .applicable, .passed, .evidence[0].text]]'; }
cs-ingest call-7.json | qa
printf 'WEBVTT\n\n00:00:00.000 --> 00:00:07.400\n<v spk_0>您好，本次通话将被录音，请稍等。\n\n00:00:08.000 --> 00:00:12.400\n<v spk_1>我的 iPhone 坏了。\n\n00:00:13.000 --> 00:00:18.400\n<v spk_0>好的，还有什么可以帮您？\n' > call-8.vtt
cs-ingest call-8.vtt | qa
--- stdout
["agent","您好，本次通话将被录音，请稍等。"]
["customer","我的 iPhone 坏了。"]
["agent","好的，还有什么可以帮您？"]
[["hold_etiquette",true,false,"请稍等"],["disclosure",true,true,"本次通话将被录音"],["closing",true,true,"还有什么可以"]]
[["hold_etiquette",true,false,"请稍等"],["disclosure",true,true,"本次通话将被录音"],["closing",true,true,"还有什么可以"]]
--- stderr
--- exit
0
