#!/bin/sh
# cs-roi report in a real browser (Debian's chromium, headless): the HTML
# of tests/data/roi/report.ndjson, of a fixture whose text is all markup
# (report-escape.ndjson) and of an empty input must
#  - be well formed (every element closed in order) and self-contained (no
#    script, no URL, no src or href: nothing to fetch), and not too large;
#  - render with no console message at all (a control page with a script
#    error proves the console is captured);
#  - have every section in the rendered DOM, and every chart a role="img"
#    svg with a non-empty <title> and <desc> it is labelled by, at least one
#    data mark, and a table in its section; no element made from record text;
#  - follow the reader's colour scheme (the page's first pixel light, then
#    dark) and print (a PDF is made).
# Markdown: every table row has as many cells as its header.
# Usage: report-browser.sh [BINDIR] (cs-roi from BINDIR, or $CS_ROI).
# Skips (77) without cs-roi, chromium or python3.
cd "$(dirname "$0")/../.." || exit 1
roi=${CS_ROI:-${1:-bin}/cs-roi}
[ -x "$roi" ] || { echo "no $roi (cs-roi not built): skipped"; exit 77; }
browser=$(command -v chromium) || { echo "chromium not installed (apt-get install chromium): skipped"; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "python3 not found: skipped"; exit 77; }
work=$(mktemp -d "${TMPDIR:-/tmp}/cs-report-browser.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
fail=0

# chromium NAME ARGS...: run it on $work/NAME.html, stderr to $work/NAME.err.
chromium() {
	name=$1
	shift
	timeout 120 "$browser" --headless --disable-gpu --no-sandbox --no-first-run --user-data-dir="$work/profile" \
		--enable-logging=stderr --v=0 "$@" "file://$work/$name.html" 2>"$work/$name.err"
}

"$roi" report --title '<i>x</i> & "y"' tests/data/roi/report-escape.ndjson >"$work/escape.html" || fail=1
"$roi" report tests/data/roi/report.ndjson >"$work/full.html" || fail=1
"$roi" report --format md tests/data/roi/report.ndjson >"$work/full.md" || fail=1
"$roi" report </dev/null >"$work/empty.html" || fail=1
[ $fail = 0 ] || { echo "cs-roi report failed"; exit 1; }

printf '<!DOCTYPE html><html><head><title>control</title></head><body><script>no_such_function();</script></body></html>\n' \
	>"$work/control.html"
chromium control --dump-dom >/dev/null
if ! grep -q ":CONSOLE" "$work/control.err"; then
	echo "the console of a page with a script error was not captured; chromium said:"
	sed 's/^/    /' "$work/control.err"
	exit 1
fi

for name in full escape empty; do
	chromium "$name" --dump-dom >"$work/$name.dom"
	if grep ':CONSOLE' "$work/$name.err"; then
		echo "$name.html: console messages above"
		fail=1
	fi
	[ -s "$work/$name.dom" ] || { echo "$name.html: no DOM"; fail=1; }
done

cat >"$work/check.py" <<'EOF'
import re, sys
from html.parser import HTMLParser

VOID = {"meta", "link", "br", "hr", "img", "input", "source", "wbr", "col", "area", "base", "embed", "track"}
SECTIONS = ["summary", "kpis", "channels", "sla", "quality", "staffing", "business-case", "sensitivity", "alerts"]
problems = []


def problem(name, what):
    problems.append("%s: %s" % (name, what))


class Tree(HTMLParser):
    """Elements as [tag, attrs, children, text], checking that tags close in order."""

    def __init__(self, name, strict):
        super().__init__(convert_charrefs=True)
        self.name, self.strict = name, strict
        self.root = ["#root", {}, [], ""]
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = [tag, dict(attrs), [], ""]
        self.stack[-1][2].append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1][2].append([tag, dict(attrs), [], ""])

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.stack[-1][0] != tag:
            if self.strict:
                problem(self.name, "</%s> closes <%s> (line %d)" % (tag, self.stack[-1][0], self.getpos()[0]))
            while len(self.stack) > 1 and self.stack[-1][0] != tag:
                self.stack.pop()
        if len(self.stack) > 1:
            self.stack.pop()

    def handle_data(self, data):
        for node in self.stack:
            node[3] += data


def parse(name, text, strict):
    t = Tree(name, strict)
    t.feed(text)
    t.close()
    if strict and len(t.stack) != 1:
        problem(name, "unclosed: " + " ".join(n[0] for n in t.stack[1:]))
    return t.root


def walk(node):
    yield node
    for child in node[2]:
        yield from walk(child)


def check_source(name, text, max_bytes):
    if len(text.encode()) > max_bytes:
        problem(name, "%d bytes, more than %d" % (len(text.encode()), max_bytes))
    if not text.startswith("<!DOCTYPE html>"):
        problem(name, "no doctype")
    for node in walk(parse(name, text, True)):
        if node[0] in ("script", "link", "img", "iframe", "object", "embed"):
            problem(name, "a <%s> element: the page must need nothing from outside" % node[0])
        for key, value in node[1].items():
            if key in ("src", "href", "xlink:href", "srcset", "action") or key.startswith("on"):
                problem(name, "<%s %s=...>: nothing to fetch or run" % (node[0], key))
            if re.search(r"url\(|https?:|//", value or "") and key != "content":
                problem(name, "<%s %s=%r> names a URL" % (node[0], key, value))
        if node[0] == "style" and re.search(r"url\(|@import|https?:", node[3]):
            problem(name, "the stylesheet fetches something")


def check_dom(name, text, charts_wanted):
    root = parse(name + " (rendered)", text, False)
    nodes = list(walk(root))
    ids = {n[1].get("id"): n for n in nodes if n[1].get("id")}
    for s in SECTIONS:
        if s not in ids or ids[s][0] != "section":
            problem(name, "no section %s" % s)
    for bad in ("script", "img", "style", "b", "u", "i", "iframe"):
        found = [n for n in nodes if n[0] == bad]
        if bad == "style" and len(found) == 1:
            continue
        if found:
            problem(name, "%d <%s> element(s) in the rendered page" % (len(found), bad))
    svgs = [n for n in nodes if n[0] == "svg"]
    if charts_wanted and len(svgs) < charts_wanted:
        problem(name, "%d charts, want at least %d" % (len(svgs), charts_wanted))
    if not charts_wanted and svgs:
        problem(name, "%d charts drawn without data" % len(svgs))
    for section in (n for n in nodes if n[0] == "section"):
        inside = list(walk(section))
        if any(n[0] == "svg" for n in inside) and not any(n[0] == "table" for n in inside):
            problem(name, "section %s has a chart and no table" % section[1].get("id"))
        if not any(n[0] in ("svg", "table", "dl") for n in inside) and \
                not any(n[0] == "p" and "none" in n[1].get("class", "") for n in inside):
            problem(name, "section %s neither shows data nor says it has none" % section[1].get("id"))
    for i, svg in enumerate(svgs):
        label = "chart %d" % (i + 1)
        kids = {}
        for c in svg[2]:
            kids.setdefault(c[0], c)
        title, desc = kids.get("title"), kids.get("desc")
        if svg[1].get("role") != "img":
            problem(name, label + ": no role=img")
        if not title or not title[3].strip() or not desc or not desc[3].strip():
            problem(name, label + ": no title or desc text")
            continue
        label += " (%s)" % title[3].strip()
        wanted = (svg[1].get("aria-labelledby") or "").split()
        if wanted != [title[1].get("id"), desc[1].get("id")] or not all(wanted):
            problem(name, label + ": aria-labelledby does not name its title and desc")
        marks = [n for n in walk(svg) if "m" in n[1].get("class", "").split()]
        if not marks:
            problem(name, label + ": no data mark")
        if not re.search(r"\d", desc[3]):
            problem(name, label + ": the desc holds no figure")


def check_markdown(name, text):
    head = None
    for n, line in enumerate(text.split("\n"), 1):
        if not line.startswith("|"):
            head = None
            continue
        cells = len(re.findall(r"(?<!\\)\|", line)) - 1
        if head is None:
            head = cells
        elif cells != head:
            problem(name, "line %d: %d cells, the header has %d" % (n, cells, head))


work = sys.argv[1]
read = lambda f: open("%s/%s" % (work, f), encoding="utf-8").read()
check_source("full.html", read("full.html"), 256 * 1024)
check_source("escape.html", read("escape.html"), 64 * 1024)
check_source("empty.html", read("empty.html"), 32 * 1024)
check_dom("full.html", read("full.dom"), 13)
check_dom("escape.html", read("escape.dom"), 4)
check_dom("empty.html", read("empty.dom"), 0)
escape_text = "".join(n[3] for n in walk(parse("escape", read("escape.dom"), False)) if n[0] == "body")
for literal in ("</title><script>alert(1)</script>", "<svg onload=alert(1)>", '"><img src=x onerror=alert(1)>'):
    if literal not in escape_text:
        problem("escape.html", "the record text %r is not shown as text" % literal)
if "<title><i>x</i> & \"y\"</title>" in read("escape.html") or "&lt;i&gt;x&lt;/i&gt; &amp; &quot;y&quot;" not in read("escape.html"):
    problem("escape.html", "--title not escaped")
check_markdown("full.md", read("full.md"))
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
EOF
python3 "$work/check.py" "$work" || fail=1

# The colour scheme: the first pixel of a phone-sized screenshot, light then dark.
cat >"$work/pixel.py" <<'EOF'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat = 8, b""
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    pos += 12 + n
    if kind == b"IHDR":
        width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
    elif kind == b"IDAT":
        idat += body
row = zlib.decompress(idat)
# the first pixel of the first row is stored as is whatever the row's filter
print("%d %d %d" % (row[1], row[2], row[3]))
EOF
for scheme in light dark; do
	set --
	[ $scheme = dark ] && set -- --force-dark-mode --blink-settings=preferredColorScheme=0
	chromium full "$@" --hide-scrollbars --window-size=390,844 --screenshot="$work/$scheme.png" >/dev/null
	rgb=$(python3 "$work/pixel.py" "$work/$scheme.png" 2>&1) || { echo "$scheme.png: $rgb"; fail=1; continue; }
	sum=$(echo "$rgb" | awk '{print $1 + $2 + $3}')
	case $scheme in
	light) [ "$sum" -gt 600 ] || { echo "light scheme: background $rgb is not light"; fail=1; } ;;
	dark) [ "$sum" -lt 150 ] || { echo "dark scheme: background $rgb is not dark"; fail=1; } ;;
	esac
done

chromium full --print-to-pdf="$work/full.pdf" --no-pdf-header-footer >/dev/null
if [ "$(head -c 5 "$work/full.pdf" 2>/dev/null)" != "%PDF-" ] || [ "$(wc -c <"$work/full.pdf")" -lt 20000 ]; then
	echo "printing made no PDF of the report"
	fail=1
fi
exit $fail
