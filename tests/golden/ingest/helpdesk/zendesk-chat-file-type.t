# A Zendesk Chat chat.file's attachment names its type in "mime_type": an
# image, a voice note and a video are listed as image, audio and video, as
# the same files attached to a Zendesk comment (content_type) are; they
# were all "file". A PDF stays a file.
--- cmd
cat > chats.json <<'IN'
{"id":"c1","type":"chat","timestamp":"2026-03-02T09:00:00Z","visitor":{"id":"v1","name":"Kim"},"history":[
{"type":"chat.file","timestamp":"2026-03-02T09:00:01Z","nick":"visitor","attachment":{"mime_type":"image/png","name":"receipt.png","size":1024,"url":"https://z/receipt.png"}},
{"type":"chat.file","timestamp":"2026-03-02T09:00:02Z","nick":"visitor","attachment":{"mime_type":"audio/mpeg","name":"note.mp3","size":2048,"url":"https://z/note.mp3"}},
{"type":"chat.file","timestamp":"2026-03-02T09:00:03Z","nick":"agent:7","attachment":{"mime_type":"video/mp4","name":"howto.mp4","size":4096,"url":"https://z/howto.mp4"}},
{"type":"chat.file","timestamp":"2026-03-02T09:00:04Z","nick":"agent:7","attachment":{"mime_type":"application/pdf","name":"terms.pdf","size":512,"url":"https://z/terms.pdf"}}]}
IN
cs-ingest -m chats.json | jq -c '[.role, .attachments]'
--- stdout
["customer",[{"type":"image","url":"https://z/receipt.png","name":"receipt.png"}]]
["customer",[{"type":"audio","url":"https://z/note.mp3","name":"note.mp3"}]]
["agent",[{"type":"video","url":"https://z/howto.mp4","name":"howto.mp4"}]]
["agent",[{"type":"file","url":"https://z/terms.pdf","name":"terms.pdf"}]]
--- stderr
--- exit
0
