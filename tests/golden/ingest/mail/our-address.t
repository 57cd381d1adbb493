# --our-address: mail the service sent first (a shipping notice, outreach)
# had its roles turned round: its sender became the thread's customer and
# the customer's reply the agent's. Naming the service's addresses, or a
# whole @domain (any case), makes mail from them the agent's and the first
# recipient who is not the service the customer; without it, the sender of
# a thread's first message is its customer, as before.
--- cmd
cat > outbound.mbox <<'MBOX'
From support@shop.example Mon Mar  2 09:00:00 2026
From: Shop Support <support@shop.example>
To: Shop Archive <archive@shop.example>, dana@example.org
Subject: Your order 55 has shipped
Date: Mon, 2 Mar 2026 09:00:00 +0000
Message-ID: <o1@shop.example>

It's on its way.

From dana@example.org Mon Mar  2 10:00:00 2026
From: Dana <dana@example.org>
To: Shop Support <support@shop.example>
Subject: Re: Your order 55 has shipped
Date: Mon, 2 Mar 2026 10:00:00 +0000
Message-ID: <o2@example.org>
In-Reply-To: <o1@shop.example>

Where is the tracking number?
MBOX
cs-ingest -m outbound.mbox | jq -c '[.id, .role, .author, .customer.id]'
cs-ingest -m --our-address @Shop.Example outbound.mbox | jq -c '[.id, .role, .author, .customer.id]'
cs-ingest -m --our-address support@shop.example --our-address archive@shop.example outbound.mbox | jq -c '[.id, .role, .customer.id]'
cs-ingest --our-address shop.example outbound.mbox; echo "exit $?"
--- stdout
["o1@shop.example","customer",null,"support@shop.example"]
["o2@example.org","agent","dana@example.org","support@shop.example"]
["o1@shop.example","agent","support@shop.example","dana@example.org"]
["o2@example.org","customer",null,"dana@example.org"]
["o1@shop.example","agent","dana@example.org"]
["o2@example.org","customer","dana@example.org"]
exit 2
--- stderr
cs-ingest: --our-address: 'shop.example' is not an address or @domain
Try 'cs-ingest --help' for more information.
--- exit
0
