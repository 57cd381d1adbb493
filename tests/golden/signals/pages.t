# U-turns (back to the previous page within 5 s, with no interaction on the
# page in between) and excessive refreshes (3 reloads of one page within
# 60 s of its first view; a page view of the same URL, or one with
# props.navigation "reload"). A URL is read without its query and fragment.
--- cmd
view() { # device id time url [props]
	echo "{\"kind\":\"event\",\"id\":\"$2\",\"ts\":\"2026-03-02T10:$3Z\",\"device\":\"$1\",\"type\":\"page_view\",\"name\":\"$4\",\"props\":{$5}}"
}
sig() { cs-signals --signals-only | jq -c '[.type, .count, [.evidence[].id], .page, .back_to, .dwell_ms]'; }
echo back in 5 s; { view u1 a 00:00.000 /list; view u1 b 00:10.000 /item/1; view u1 c 00:15.000 /list; } | sig
echo back in 5.001 s; { view u2 a 00:00.000 /list; view u2 b 00:10.000 /item/1; view u2 c 00:15.001 /list; } | sig
echo a scroll between; { view u3 a 00:00.000 /list; view u3 b 00:10.000 /item/1; echo '{"kind":"event","id":"s","ts":"2026-03-02T10:00:12Z","device":"u3","type":"scroll"}'; view u3 c 00:14.000 /list; } | sig
echo a query string is not kept; { view u5 a 00:00.000 '/list?token=s3cr3t'; view u5 b 00:10.000 '/item/1?email=a@b.c#top'; view u5 c 00:12.000 /list; } | sig
echo elsewhere; { view u4 a 00:00.000 /list; view u4 b 00:10.000 /item/1; view u4 c 00:12.000 /cart; } | sig
echo three reloads in 60 s; { view r1 a 00:00.000 /orders; view r1 b 00:10.000 /orders; view r1 c 00:20.000 /orders; view r1 d 01:00.000 /orders '"navigation":"reload"'; view r1 e 01:10.000 /orders; } | sig
echo two reloads; { view r2 a 00:00.000 /orders; view r2 b 00:10.000 /orders; view r2 c 00:20.000 /orders; } | sig
echo the third at 60.001 s; { view r3 a 00:00.000 /orders; view r3 b 00:10.000 /orders; view r3 c 00:20.000 /orders; view r3 d 01:00.001 /orders; } | sig
--- stdout
back in 5 s
["u_turn",1,["a","b","c"],"/item/1","/list",5000]
back in 5.001 s
a scroll between
a query string is not kept
["u_turn",1,["a","b","c"],"/item/1","/list",2000]
elsewhere
three reloads in 60 s
["excessive_refresh",3,["a","b","c","d"],"/orders",null,null]
two reloads
the third at 60.001 s
--- stderr
--- exit
0
