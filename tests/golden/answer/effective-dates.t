# Effective dates are compared as text, so one that is not a day of the
# calendar written YYYY-MM-DD (2026-9-1 sorts after 2026-10-01; 31/03/2026
# before anything) is a bad record naming the field and the value, in a
# record, a CSV row and a Markdown front matter alike; a real date is kept.
# --today takes the same dates only: 2026-13-45 or 2026-02-29 is status 2.
--- cmd
cat > dates.ndjson <<'JSON'
{"id":"winter","question":"What is the holiday return policy?","answer":"Holiday purchases can be returned until January 31.","effective_from":"2026-9-1"}
{"id":"promo","question":"Is there a spring promo code?","answer":"Use SPRING10 for 10% off.","effective_until":"31/03/2026"}
{"id":"leap","question":"Is the leap day sale on?","answer":"Yes, on the 29th.","valid_from":"2028-02-29","valid_until":"2027-02-29"}
{"id":"ok","question":"When do returns close?","answer":"On the 31st.","effective_from":"2026-01-01","effective_until":"2026-12-31"}
JSON
printf 'id,question,answer,effective_from\nrow,Do you ship abroad?,Yes.,2026-02-30\n' > faq.csv
printf -- '---\ntitle: Returns\neffective_until: 2026/06/30\n---\n# Returns\n\nThirty days.\n' > returns.md
cs-answer build --kb kb.db dates.ndjson; echo "exit $?"
cs-answer build --kb kb.db --skip-bad dates.ndjson faq.csv returns.md; echo "exit $?"
cs-answer --kb kb.db --today 2026-13-45 </dev/null; echo "exit $?"
cs-answer review --kb kb.db --today 2026-02-29; echo "exit $?"
cs-answer review --kb kb.db --today 2027-01-01; echo "exit $?"
--- stdout
exit 1
{"kind":"kb_build","kb":"kb.db","entries":1,"added":1,"updated":0,"removed":0,"unchanged":0,"bytes_indexed":60}
exit 1
exit 2
exit 2
{"kind":"review","id":"ok","title":"When do returns close?","source":"dates.ndjson","effective_from":"2026-01-01","effective_until":"2026-12-31","helpful":0,"unhelpful":0,"reasons":["expired"]}
exit 0
--- stderr
cs-answer build: dates.ndjson:1: effective_from: '2026-9-1' is not a date (YYYY-MM-DD)
cs-answer build: dates.ndjson:1: effective_from: '2026-9-1' is not a date (YYYY-MM-DD)
cs-answer build: dates.ndjson:2: effective_until: '31/03/2026' is not a date (YYYY-MM-DD)
cs-answer build: dates.ndjson:3: valid_until: '2027-02-29' is not a date (YYYY-MM-DD)
cs-answer build: faq.csv:2: effective_from: '2026-02-30' is not a date (YYYY-MM-DD)
cs-answer build: returns.md:7: effective_until: '2026/06/30' is not a date (YYYY-MM-DD)
cs-answer build: 5 bad records left out
cs-answer: --today: '2026-13-45' is not a date (YYYY-MM-DD)
Try 'cs-answer --help' for more information.
cs-answer review: --today: '2026-02-29' is not a date (YYYY-MM-DD)
Try 'cs-answer review --help' for more information.
--- exit
0
