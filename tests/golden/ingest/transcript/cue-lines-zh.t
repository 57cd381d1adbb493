# A subtitle cue's lines (SRT, WebVTT) are joined as the text runs: no space
# between two lines that meet in Chinese (or kana, or full-width
# punctuation), a space between Latin ones. Before, every line break became
# a space, so a Chinese cue split over two lines read "请问有什么 可以帮您"
# and no phrase across the break (有什么可以帮您) could match it.
--- cmd
printf 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v 客服>您好，请问有什么\n可以帮您？\n\n00:00:05.000 --> 00:00:08.000\n<v Customer>my iPhone\nis broken\n\n00:00:09.000 --> 00:00:10.000\n<v Customer>我的\niPhone 坏了\n' > c.vtt
cs-ingest -q -m c.vtt | jq -c .text
printf '1\n00:00:01,000 --> 00:00:04,000\n客服：好的，\n还有什么可以帮您？\n' > c.srt
cs-ingest -q -m c.srt | jq -c .text
--- stdout
"您好，请问有什么可以帮您？"
"my iPhone is broken"
"我的 iPhone 坏了"
"好的，还有什么可以帮您？"
--- stderr
--- exit
0
