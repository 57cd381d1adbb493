# The progress line follows a slow stream: the clock is looked at every
# record, not every 1024th, so records that come one every 0.7 s are each
# shown (a live stream used to show no progress until its 1024th record).
--- requires
/usr/bin/script
--- cmd
script -qec "(sleep 0.7; echo '{\"n\":1}'; sleep 0.7; echo '{\"n\":2}') | cs-qa >/dev/null" /dev/null </dev/null | tr '\r\033' '|~'; echo
--- stdout
|cs-qa: 1 record, 8 B|cs-qa: 2 records, 16 B|~[K
--- stderr
--- exit
0
