# Traditional Chinese scores as Simplified: each of 2,783 Traditional
# characters (lib/svc_t2s.h) reads as its Simplified form (服務
# as 服务, 質量不錯 as 质量不错), in the lexicon's look-ups and in the emotion
# words; 著, 乾 and 覆, which Simplified uses too, read by the characters
# beside them (乾淨 as 干净, 睡不著 as 睡不着; 著名 stays). Evidence
# keeps the text as written (滿意, 氣死). The lines are
# tests/data/sentiment/zh-traditional.tsv, which make eval-sentiment scores.
--- cmd
grep -v '^#' "$TESTDATA/sentiment/zh-traditional.tsv" | cut -f3 | jq -R -c '{text: .}' | cs-qa --sentiment-only | jq -r '[.qa.sentiment.compound, .qa.sentiment.label, ([.qa.sentiment.emotions[].words[]] | join(",")), .text] | @tsv'
--- stdout
0.5849	positive	解決了	客服人員很有耐心，問題馬上就解決了
-0.6801	negative	沒人	打了好幾次電話都沒人接，真的很誇張
0.8357	positive	很好	東西質量很好，包裝也很用心，會再回購
-0.765	negative	失望	收到的商品跟圖片差太多了，很失望
-0.6757	negative	不滿意	貨運拖了一個禮拜才到，非常不滿意
0.8221	positive		飯店位置很方便，房間乾淨又舒適
-0.7184	negative		隔音很差，整晚都睡不好
0.7184	positive		外送很快，餐點還是熱的，讚
-0.3612	negative	還沒,到底要	退款到現在都還沒收到，到底要等多久
0.8047	positive	謝謝	謝謝你們的協助，服務態度非常好
-0.743	negative		才用兩天就壞掉了，品質太差
0.6808	positive		價格實惠，CP值很高，推薦給大家
-0.7264	negative	一直	一直叫我等，完全沒有下文，很爛
0.6794	positive		早餐很豐盛，服務人員也很親切
-0.6124	negative		送錯地址還不承認，態度惡劣
0.7501	positive	感謝	處理速度超快，真的很感謝
-0.6115	negative	很麻煩	尺寸不合，退換貨流程很麻煩
0.7841	positive		司機很準時，東西完好無缺
-0.4215	negative	一直	系統一直當機，根本沒辦法用
0.7569	positive		很喜歡這個顏色，穿起來很舒服
-0.7184	negative	氣死	服務很差，氣死我了
--- stderr
--- exit
0
