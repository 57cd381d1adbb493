#!/bin/sh
# share/lexicons/build.sh [DATA [UNIHAN]]: rebuild lib/svc_t2s.h (below) and
# zh.tsv from NTUSD in DATA/lexicons/ntusd (default ../shared/data beside the
# checkout) and, for lib/svc_t2s.h, from UNIHAN, Unihan_Variants.txt of the
# Unicode Character Database, plain or .bz2 (default Debian's, from the
# package unicode-data: /usr/share/unicode/Unihan_Variants.txt.bz2). zh.tsv:
# every NTUSD word of two or more characters at +1.5 or -1.5 on VADER's scale
# (NTUSD gives a polarity, no intensity), in Simplified and, where it differs,
# in Traditional as cs reads it through lib/svc_t2s.h (算帳 is 算账 there, and
# NTUSD's Simplified says 算帐), less words made only of function characters
# (还要, 已经), less words that are a degree word or a longer negator and more
# (非常好: the rules read it), less zh-remove.txt and the rule words of
# zh_rules.tsv (NTUSD has 不是 and 不太 as negative words), then zh-add.tsv
# over it. VADER's files are shipped as published. Run by hand when the
# curation changes; never at run time.
set -eu
export LC_ALL=C
here=$(cd "$(dirname "$0")" && pwd)
trap 'rm -f "$here"/*.tmp "$here/../../lib/svc_t2s.h.tmp"' EXIT
data=${1:-$here/../../../shared/data}
ntusd=$data/lexicons/ntusd
unihan=${2:-/usr/share/unicode/Unihan_Variants.txt.bz2}
[ -f "$ntusd/positive.simp.txt" ] || { echo "build.sh: no NTUSD in $ntusd" >&2; exit 1; }
[ -f "$unihan" ] || { echo "build.sh: no $unihan (apt-get install unicode-data)" >&2; exit 1; }
# lib/svc_t2s.h: Traditional characters and their Simplified forms, from two
# sources. NTUSD's two scripts, read line by line (the same words in the same
# order), give each character its most frequent form. Unihan's
# kSimplifiedVariant gives a character's simplified forms: the first that is
# not the character itself is taken, and a character that is among its own
# simplified forms (乾, 著: Simplified writes them too; lib/svc_text.c reads
# them by their neighbours) is left alone unless
# NTUSD maps it (復, 裡). A character some Simplified NTUSD word uses stays
# as written, and both must be three bytes (U+4000..U+9FFF, the range
# cs_norm_text copies whole). Where the two disagree, or the shipped
# scorecards write another form, t2s-choose.tsv says which; a disagreement it
# does not settle stops the build. A form that is Traditional in turn is
# followed to its own.
case $unihan in
*.bz2) bzcat "$unihan" ;;
*) cat "$unihan" ;;
esac | awk -F'\t' '/^# (Unicode version|©)/ || $2 == "kSimplifiedVariant"' >"$here/unihan.tmp"
unicode=$(sed -n 's/^# Unicode version: //p' "$here/unihan.tmp" | head -n 1)
owner=$(sed -n 's/^# © \([0-9]*\) Unicode®, Inc\..*/© \1 Unicode, Inc./p' "$here/unihan.tmp" | head -n 1)
paste "$ntusd/positive.trad.txt" "$ntusd/positive.simp.txt" >"$here/ntusd-positive.tmp"
paste "$ntusd/negative.trad.txt" "$ntusd/negative.simp.txt" >"$here/ntusd-negative.tmp"
awk -F'\t' '
	function cjk(c) { return c >= "\344" && c < "\352" }   # a lead byte E4..E9
	function hex(s,   i, n) { n = 0; for (i = 1; i <= length(s); i++) n = n * 16 + index("0123456789ABCDEF", substr(s, i, 1)) - 1; return n }
	# "U+8CEC" (and any "<source" after it) as UTF-8, or "" outside U+4000..U+9FFF
	function utf8(u,   n) {
		sub(/<.*/, "", u); n = hex(substr(u, 3))
		if (n < 16384 || n > 40959) return ""
		return sprintf("%c%c%c", 224 + int(n / 4096), 128 + int(n / 64) % 64, 128 + n % 64)
	}
	FILENAME ~ /\/t2s-choose\.tsv$/ {
		if ($0 ~ /^#/ || NF < 2) next
		if (length($1) != 3 || length($2) != 3 || !cjk(substr($1, 1, 1)) || !cjk(substr($2, 1, 1))) {
			printf "build.sh: t2s-choose.tsv:%d: two characters of U+4000..U+9FFF expected\n", FNR >"/dev/stderr"
			bad = 1
		}
		choose[$1] = $2
		next
	}
	FILENAME ~ /\/ntusd-(positive|negative)\.tmp$/ {
		sub(/\r$/, "", $2)
		for (i = 1; i <= length($2); i += 3) used[substr($2, i, 3)] = 1
		if (length($1) != length($2)) next
		for (i = 1; i <= length($1); i += 3) {
			a = substr($1, i, 3); b = substr($2, i, 3)
			if (a != b && cjk(substr(a, 1, 1)) && cjk(substr(b, 1, 1))) n[a, b]++
		}
		next
	}
	/^#/ { next }
	{   # Unihan: U+XXXX TAB kSimplifiedVariant TAB U+YYYY ...
		t = utf8($1); k = split($3, forms, " "); first = ""; itself = 0
		for (i = 1; i <= k; i++) {
			f = utf8(forms[i])
			if (f == t) itself = 1
			else if (first == "") first = f == "" ? "-" : f   # "-": outside the range
		}
		if (t != "" && first != "" && first != "-") { uni[t] = first; self[t] = itself }
	}
	END {
		for (k in n) {
			split(k, ab, SUBSEP)
			if (ab[1] in used) continue
			if (n[k] > best[ab[1]] || (n[k] == best[ab[1]] && ab[2] < form[ab[1]])) { best[ab[1]] = n[k]; form[ab[1]] = ab[2] }
		}
		for (t in uni) {
			if (t in used || (t in form && form[t] == uni[t])) continue
			if (t in form && !(t in choose)) {
				printf "build.sh: %s is %s in NTUSD, %s in Unihan: say which in t2s-choose.tsv\n", t, form[t], uni[t] >"/dev/stderr"
				bad = 1
			} else if (!(t in form) && !self[t])
				form[t] = uni[t]
		}
		if (bad) exit 1
		for (t in choose)
			if (choose[t] == t) delete form[t]; else form[t] = choose[t]
		for (t in form) {   # a form that is Traditional in turn (薴 苧 苎): its own form, as one pass reads it
			s = form[t]
			for (hops = 0; s in form && hops < 4; hops++) s = form[s]
			print t s
		}
	}' "$here/t2s-choose.tsv" "$here/ntusd-positive.tmp" "$here/ntusd-negative.tmp" "$here/unihan.tmp" >"$here/t2s.tmp"
{
	echo "/* svc_t2s.h: generated by share/lexicons/build.sh from NTUSD (MIT, share/lexicons/LICENSE.ntusd),"
	echo " * the kSimplifiedVariant field of Unihan_Variants.txt, Unicode $unicode ($owner,"
	echo " * under the Unicode license in share/lexicons/LICENSE.unicode; modified: one form a character)"
	echo " * and share/lexicons/t2s-choose.tsv: pairs of a Traditional character and its Simplified form,"
	echo " * three bytes each. */"
	echo "static const char cs_t2s_pairs[] ="
	sort "$here/t2s.tmp" | awk '{ line = line $0; if (length(line) >= 60) { print "\t\"" line "\""; line = "" } } END { if (line != "") print "\t\"" line "\""; print "\t;" }'
} >"$here/../../lib/svc_t2s.h.tmp"
mv "$here/../../lib/svc_t2s.h.tmp" "$here/../../lib/svc_t2s.h"
echo "build.sh: wrote lib/svc_t2s.h ($(grep '^	"' "$here/../../lib/svc_t2s.h" | tr -d '\t"' | tr -d '\n' | wc -c | awk '{ print $1 / 6 }') characters)"

# Characters that carry no sentiment on their own (LC_ALL=C awk counts bytes: 3 a character).
function_chars=还要是的了在有就都也又出会能可把被给让到去来说看想做这那一个们我你他她它自己着过得地之与和及或等吗呢吧啊么什怎为因所以如果但而且并对从向于上下中里外前后时多少些每各本该其已经很太最更再才刚
{
	echo "# Generated by share/lexicons/build.sh from NTUSD (MIT, LICENSE.ntusd) and zh-add.tsv."
	echo "# word TAB valence on VADER's -4..4 scale."
	awk -F'\t' -v function_chars="$function_chars" '
		# a word of function characters only (还要, 也不) says nothing of sentiment
		function plain(w,   i, c) {
			for (i = 1; i <= length(w); i += 3) { c = substr(w, i, 3); if (index(function_chars, c) == 0) return 0 }
			return 1
		}
		# a rule word and more (非常好, 不太可能): the rules read it better
		function composed(w,   p) {
			for (p in prefix) if (index(w, p) == 1 && length(w) > length(p)) return 1
			return 0
		}
		function wanted(w) { return length(w) > 3 && !(w in drop) && !(w in add) && !plain(w) && !composed(w) }
		function keep(w) {
			if (!wanted(w) || (w in seen)) return 0
			seen[w] = 1
			return 1
		}
		# w as cs reads it: its Traditional characters as their Simplified forms
		function fold(w,   i, b, k, c, out) {
			out = ""
			for (i = 1; i <= length(w); i += k) {
				b = substr(w, i, 1); k = b < "\300" ? 1 : b < "\340" ? 2 : b < "\360" ? 3 : 4
				c = substr(w, i, k); out = out ((c in t2s) ? t2s[c] : c)
			}
			return out
		}
		# an NTUSD line (Traditional TAB Simplified) at a valence: the Simplified
		# word, and its Traditional one as cs reads it where that differs (算帳 is
		# 算账, not 算帐; 乾燥 stays 乾燥 here, as cs reads 乾 by its neighbours)
		function ntusd(valence,   t) {
			sub(/\r$/, "", $2)
			if (!wanted($2)) return
			if (keep($2)) print $2 "\t" valence
			t = fold($1)
			if (t != $2 && keep(t)) print t "\t" valence
		}
		FILENAME ~ /\/zh-remove\.txt$/ { if ($0 !~ /^#/ && NF) drop[$0] = 1; next }
		FILENAME ~ /\/zh_rules\.tsv$/ {
			if ($0 ~ /^#/ || NF < 2) next
			drop[$2] = 1
			if ($1 == "degree" || ($1 == "negator" && length($2) > 3)) prefix[$2] = 1
			next
		}
		FILENAME ~ /\/zh-add\.tsv$/ { if ($0 !~ /^#/ && NF) { add[$1] = $2; order[n++] = $1 } ; next }
		FILENAME ~ /\/t2s\.tmp$/ { t2s[substr($0, 1, 3)] = substr($0, 4, 3); next }
		FILENAME ~ /\/ntusd-positive\.tmp$/ { ntusd("1.5"); next }
		FILENAME ~ /\/ntusd-negative\.tmp$/ { ntusd("-1.5"); next }
		END { for (i = 0; i < n; i++) print order[i] "\t" add[order[i]] }
	' "$here/zh-remove.txt" "$here/zh_rules.tsv" "$here/zh-add.tsv" "$here/t2s.tmp" "$here/ntusd-positive.tmp" "$here/ntusd-negative.tmp"
} >"$here/zh.tsv.tmp"
mv "$here/zh.tsv.tmp" "$here/zh.tsv"
echo "build.sh: wrote $here/zh.tsv ($(grep -vc '^#' "$here/zh.tsv") words)"
