# A directory reached again through a symbolic link (a "latest -> .." in a
# docs tree) is read once: the second visit is skipped with a notice. One
# such link used to index the tree 41 times (until the kernel's limit on
# links), and two made the walk exponential: the build never ended.
--- cmd
mkdir -p kb/sub && printf '# Refunds\n\nRefunds take 5 days.\n' > kb/refunds.md
ln -s .. kb/sub/up && ln -s .. kb/sub/up2 && ln -s sub kb/same
timeout 30 cs-answer build --kb kb.db kb; echo "exit $?"
sqlite3 kb.db 'SELECT id FROM entry'
--- stdout
{"kind":"kb_build","kb":"kb.db","entries":1,"added":1,"updated":0,"removed":0,"unchanged":0,"bytes_indexed":27}
exit 0
kb/refunds.md
--- stderr
cs-answer build: kb/same/up: the same directory as kb, already read: skipped
cs-answer build: kb/same/up2: the same directory as kb, already read: skipped
cs-answer build: kb/sub: the same directory as kb/same, already read: skipped
--- exit
0
