# A program starts itself once more with glibc.malloc.hugetlb=1 (when the kernel
# offers huge pages); it keeps tunables already set, and CS_NO_HUGE_PAGES or a
# GLIBC_TUNABLES that names the tunable leaves it alone. Either way the run is
# the same.
--- cmd
echo '{"id":"1","conversation_id":"c","text":"x"}' > in.ndjson
cs-ingest -m in.ndjson
GLIBC_TUNABLES=glibc.malloc.perturb=0 cs-ingest -m in.ndjson
GLIBC_TUNABLES=glibc.malloc.hugetlb=0 cs-ingest -m in.ndjson
CS_NO_HUGE_PAGES=1 cs-ingest -m in.ndjson
--- stdout
{"kind":"message","id":"1","conversation_id":"c","text":"x"}
{"kind":"message","id":"1","conversation_id":"c","text":"x"}
{"kind":"message","id":"1","conversation_id":"c","text":"x"}
{"kind":"message","id":"1","conversation_id":"c","text":"x"}
--- exit
0
