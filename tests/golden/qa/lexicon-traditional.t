# A --lexicon word written in Traditional (磨嘰, slow; 卡關, stuck) is read as
# Simplified, as the text is (lib/svc_t2s.h), so it scores text in either
# script alike, as the same word written in Simplified does. Before, the word
# was kept as written while the text was read as Simplified, and it matched
# neither script.
--- cmd
printf '磨嘰\t-2\n卡關\t-2\n' >trad.tsv
printf '磨叽\t-2\n卡关\t-2\n' >simp.tsv
printf '%s\n' 物流太磨叽了 物流太磨嘰了 一直卡关 一直卡關 | jq -R -c '{text: .}' >in.ndjson
for lx in trad.tsv simp.tsv; do cs-qa -s --lexicon "$lx" in.ndjson | jq -c --arg lx "$lx" '[$lx, .text, .qa.sentiment.compound]'; done
--- stdout
["trad.tsv","物流太磨叽了",-0.5267]
["trad.tsv","物流太磨嘰了",-0.5267]
["trad.tsv","一直卡关",-0.4588]
["trad.tsv","一直卡關",-0.4588]
["simp.tsv","物流太磨叽了",-0.5267]
["simp.tsv","物流太磨嘰了",-0.5267]
["simp.tsv","一直卡关",-0.4588]
["simp.tsv","一直卡關",-0.4588]
--- stderr
--- exit
0
