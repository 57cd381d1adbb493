# An empty plain-text field is no text: the HTML one is read instead
# (Freshdesk description_text and body_text, else description and body made
# plain; Zendesk body, else plain_body, else html_body), so the customer's
# opening message and the replies keep their text.
--- cmd
cat > fd.json <<'JSON'
[{"id":3001,"subject":"Printer","description":"<div>My <b>printer</b> is broken</div>","description_text":"","status":2,"priority":1,"source":2,"requester_id":44,"created_at":"2026-03-02T10:00:00Z",
  "conversations":[{"id":1,"body":"<p>Which model?</p>","body_text":"  ","incoming":false,"private":false,"user_id":9,"created_at":"2026-03-02T10:05:00Z"}]}]
JSON
cs-ingest -m fd.json | jq -c '[.id, .role, .text]'
echo '{"ticket":{"id":5,"requester_id":1,"created_at":"2026-03-02T10:00:00Z","comments":[{"id":1,"author_id":1,"body":"","plain_body":"","html_body":"<p>only in html</p>","created_at":"2026-03-02T10:00:00Z"}]}}' | cs-ingest -m -f zendesk | jq -c '[.id, .role, .text]'
--- stdout
["h-a74826eb3ba84a72","customer","My printer is broken"]
["1","agent","Which model?"]
["1","customer","only in html"]
--- stderr
--- exit
0
