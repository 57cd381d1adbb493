# A customer sentiment a double cannot hold (1E400, a legal JSON number) is no
# sentiment: cs-signals wrote it with %g as "sentiment_start":inf and
# "sentiment_end":-inf, which is not JSON (python3's json refuses the line,
# jq 1.6 reads it as 1.797e308). A finite sentiment still gives its signals
# with its values.
--- cmd
conv() { echo "{\"kind\":\"conversation\",\"id\":\"$1\",\"customer\":{\"id\":\"k$1\"},\"started\":\"2026-03-02T09:00:00Z\",\"messages\":[],\"qa\":{\"sentiment\":{\"customer\":{\"start\":$2,\"end\":$3}}}}"; }
{ conv a 1E400 -1E400; conv b 0.6 -1E400; conv c 1E400 -0.5; conv d 0.6 -0.5; } | cs-signals --signals-only --no-alerts > out
grep -n 'inf' out || echo no inf
jq -c '[.evidence[0].id, .type, .sentiment_start, .sentiment_end]' out
--- stdout
no inf
["c","negative_sentiment",null,-0.5]
["d","negative_sentiment",0.6,-0.5]
["d","worsening_sentiment",0.6,-0.5]
--- exit
0
