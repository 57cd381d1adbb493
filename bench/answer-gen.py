#!/usr/bin/env python3
"""bench/answer-gen.py: a knowledge base of FAQ-like entries and natural-language
questions for cs-answer's bench. Words are drawn with a Zipf law from the
vocabulary of the StackFAQ answers beside the checkout (or a built-in list), so
common words match many entries as in real text. Deterministic (seeded).

usage: answer-gen.py ENTRIES FAQ_OUT QUESTIONS QUESTIONS_OUT"""
import json, os, random, re, sys

def vocabulary():
    path = os.path.join(os.environ.get("CS_SHARED_DATA", "../shared/data"), "stackfaq", "faqs.ndjson")
    words = {}
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                for text in [rec["question"]] + rec["answers"]:
                    for w in re.findall(r"[a-z]{3,12}", text.lower()):
                        words[w] = words.get(w, 0) + 1
    except OSError:
        pass
    ranked = sorted(words, key=lambda w: (-words[w], w))
    if len(ranked) < 2000:
        ranked += ["word%d" % i for i in range(5000)]
    return ranked[:20000]

STOP = "how do i can the a to my is what why when where of for in on with it".split()

def main():
    n, faq_out, nq, q_out = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
    rnd = random.Random(7)
    vocab = vocabulary()
    weights = [1.0 / (r + 1) for r in range(len(vocab))]
    def words(k):
        return rnd.choices(vocab, weights=weights, k=k)
    questions = []
    with open(faq_out, "w", encoding="utf-8") as f:
        for i in range(n):
            q = words(rnd.randint(6, 10))
            answer = " ".join(words(rnd.randint(120, 170)))
            rec = {"id": "g%06d" % i, "question": " ".join(q).capitalize() + "?", "answer": answer}
            f.write(json.dumps(rec) + "\n")
            if len(questions) < nq and i % max(1, n // nq) == 0:
                asked = rnd.sample(q, min(len(q), 4)) + rnd.sample(STOP, 3) + words(2)
                rnd.shuffle(asked)
                questions.append({"question": " ".join(asked), "faq_id": rec["id"]})
    with open(q_out, "w", encoding="utf-8") as f:
        for q in questions:
            f.write(json.dumps(q) + "\n")

main()
