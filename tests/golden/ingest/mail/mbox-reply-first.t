# Replies before their root in the file (a folder merge, a Takeout export):
# Li's follow-up names Anna's answer (In-Reply-To only), which names Li's
# question, which comes last. All three join the thread of the question,
# whose sender is the customer ("the sender of the thread's first
# message"), so Anna is the agent; the question does not open a second
# thread of the same id.
--- cmd
cs-ingest -m - | jq -c '[.id, .conversation_id, .customer.id, .role]'
--- stdin
From li@example.com Mon Mar  2 12:00:00 2026
From: Li <li@example.com>
To: support@shop.example
Subject: Re: Where is my order?
Date: Mon, 2 Mar 2026 12:00:00 +0000
Message-ID: <c3@example.com>
In-Reply-To: <b2@shop.example>

Thanks!

From anna@shop.example Mon Mar  2 11:00:00 2026
Date: Mon, 2 Mar 2026 11:00:00 +0000
From: Anna <anna@shop.example>
Message-ID: <b2@shop.example>
References: <a1@example.com>
In-Reply-To: <a1@example.com>
Subject: Re: Where is my order?
To: li@example.com

It ships today.

From li@example.com Mon Mar  2 10:00:00 2026
From: Li <li@example.com>
To: support@shop.example
Subject: Where is my order?
Date: Mon, 2 Mar 2026 10:00:00 +0000
Message-ID: <a1@example.com>

Where is my order?

--- stdout
["c3@example.com","a1@example.com","li@example.com","customer"]
["b2@shop.example","a1@example.com","li@example.com","agent"]
["a1@example.com","a1@example.com","li@example.com","customer"]
--- stderr
--- exit
0
