# Nesting deeper than --max-depth is an error with a column, never a crash.
--- cmd
printf '{"a":[[[[1]]]]}\n' | cs-ingest --max-depth 4 -; echo "exit $?"; awk 'BEGIN{s="{\"a\":"; for(i=0;i<100000;i++) s=s "["; print s}' | cs-ingest - 2>&1 | cut -c1-80
--- stdout
exit 1
cs-ingest: <stdin>:1:261: invalid JSON: nesting too deep (--max-depth)
--- stderr
cs-ingest: <stdin>:1:9: invalid JSON: nesting too deep (--max-depth)
--- exit
0
