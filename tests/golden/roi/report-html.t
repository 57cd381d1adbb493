# The HTML of the same records twice, and in reverse order, is the same bytes;
# an empty input makes a page that says every section has no data.
--- requires
bin/cs-roi
--- cmd
cs-roi report "$TESTDATA/roi/report.ndjson" > a.html
tac "$TESTDATA/roi/report.ndjson" | cs-roi report > b.html
cmp a.html b.html && echo same
cs-roi report < /dev/null | grep -c "class=\"none\""
--- stdout
same
9
