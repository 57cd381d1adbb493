# HTML forbids control characters in text but tab and newline, the C1 ones
# (U+0080 to U+009F) among them, and U+009B is CSI to a terminal showing the
# Markdown. cs-roi report made C0 controls spaces but passed C1 ones through
# (an alert type "c1\u0085\u009b31mX"), and cs-roi model --format html and md
# passed every control of the model file's names through (a BEL in a cost's
# name). Now each is a space in every page; text stays escaped as before.
--- cmd
alert='{"kind":"alert","id":"a1","ts":"2026-03-02T09:00:00Z","source":"x","type":"c1\u0085\u009b31mX <b>","severity":"critical"}'
jq -c '.costs[0].name = "Lic \u0007\u0085 <i>&"' "$REPO/examples/roi/ecommerce.json" > model.json
echo "$alert" | cs-roi report > report.html
echo "$alert" | cs-roi report --format md > report.md
cs-roi model --format html model.json > model.html
cs-roi model --format md model.json > model.md
for f in report.html report.md model.html model.md; do
	printf '%s %s\n' "$f" "$(tr -d '\t\n' < "$f" | LC_ALL=C tr -d '\040-\176\200-\301\303-\377' | od -An -c | tr -s ' ')"
done
grep -o 'c1 [^<]*&lt;b&gt;' report.html
grep -o 'c1 [^|]*|' report.md
grep -o 'Lic [^<]*&lt;i&gt;&amp;' model.html
grep -o 'Lic [^|]*|' model.md
--- stdout
report.html 
report.md 
model.html 
model.md 
c1  31mX &lt;b&gt;
c1  31mX \<b\> |
Lic    &lt;i&gt;&amp;
Lic    &lt;i>& |
--- stderr
--- exit
0
