#!/usr/bin/env python3
"""bench/answer-fit.py: fit the weights of cs-answer's confidence
(confidence_of in lib/eng_answer_search.c, cs-answer(1) CONFIDENCE AND
HAND-OFF) and print them.

A new knowledge base of StackFAQ's 125 FAQs answers the queries of split A
(the query id's number after the dot even): each first source is a right or
a wrong answer. CLINC150's training questions (timers, weather, banking,
small talk, and its out-of-scope ones), none of which StackFAQ answers, give
wrong answers too: each of the 15,000 in scope weighs 1/100, so that each of
its 150 intents counts as one question, as each of the 100 out-of-scope
ones does. A logistic regression (Newton's method, a little L2) on the
first source's margin over the second, fuzzy and ln(1 + words), as --explain
writes them, gives the weights. Split B and CLINC150's validation questions
are never read: bench/answer-eval.sh measures them.

Usage: python3 bench/answer-fit.py   (after make; data in ../shared/data or
$CS_SHARED_DATA; under a minute)."""
import json
import math
import os
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
DATA = os.environ.get('CS_SHARED_DATA', os.path.join(ROOT, '..', 'shared', 'data'))
ANSWER = os.path.join(ROOT, 'bin', 'cs-answer')
NAMES = ['margin', 'fuzzy', 'ln(1 + words)']


def ask(kb, questions):
    """cs-answer's first two sources for each question, with --explain."""
    text = ''.join(json.dumps({'question': q}) + '\n' for q in questions)
    out = subprocess.run([ANSWER, '-q', '--kb', kb, '-k', '2', '--explain'], input=text,
                         capture_output=True, text=True, check=True).stdout
    return [json.loads(line)['answer'] for line in out.splitlines()]


def features(answer):
    """The confidence's inputs for the first source; None without one."""
    src = answer['sources']
    if not src:
        return None
    s1, s2 = src[0]['score'], src[1]['score'] if len(src) > 1 else 0
    e = src[0]['explain']
    return [(s1 - s2) / s1 if s1 > 0 else 0, e['fuzzy'], math.log1p(e['words'])]


def solve(a, b):
    """a x = b by Gauss-Jordan elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda i: abs(m[i][c]))
        m[c], m[p] = m[p], m[c]
        for i in range(n):
            if i != c:
                f = m[i][c] / m[c][c]
                for j in range(c, n + 1):
                    m[i][j] -= f * m[c][j]
    return [m[i][n] / m[i][i] for i in range(n)]


def fit(rows, l2=1e-3):
    """Weighted logistic regression: rows of (features, right, weight)."""
    d = len(NAMES) + 1
    beta = [0.0] * d
    for _ in range(100):
        g = [0.0] * d
        h = [[0.0] * d for _ in range(d)]
        for x, y, w in rows:
            x = [1.0] + x
            p = 1 / (1 + math.exp(-sum(b * v for b, v in zip(beta, x))))
            for i in range(d):
                g[i] += w * (y - p) * x[i]
                for j in range(d):
                    h[i][j] += w * p * (1 - p) * x[i] * x[j]
        for i in range(1, d):
            g[i] -= l2 * beta[i]
            h[i][i] += l2
        step = solve(h, g)
        beta = [b + s for b, s in zip(beta, step)]
        if max(abs(s) for s in step) < 1e-10:
            break
    return beta


def read_ndjson(path):
    with open(path, encoding='utf-8') as f:
        return [json.loads(line) for line in f]


def first_sources(kb, asked):
    """(features, right, weight) of each question with a first source;
    asked holds (question, the right entry's id or None, weight)."""
    rows = []
    for (_, right_id, weight), a in zip(asked, ask(kb, [q for q, _, _ in asked])):
        x = features(a)
        if x:
            rows.append((x, 1.0 if a['sources'][0]['id'] == right_id else 0.0, weight))
    return rows


def main():
    faqs = os.path.join(DATA, 'stackfaq', 'faqs.ndjson')
    if not os.path.exists(faqs):
        print('SKIP  answer fit: %s is not here' % faqs)
        return 0
    queries = read_ndjson(os.path.join(DATA, 'stackfaq', 'queries.ndjson'))
    split_a = [(q['query'], q['faq_id'], 1.0) for q in queries if int(q['query_id'].split('.')[1]) % 2 == 0]
    clinc = [(c['text'], None, 1.0 if c['label'] == 'oos' else 0.01)
             for c in read_ndjson(os.path.join(DATA, 'clinc150', 'train.ndjson'))]
    with tempfile.TemporaryDirectory() as tmp:
        kb = os.path.join(tmp, 'stackfaq.db')
        subprocess.run([ANSWER, 'build', '-q', '--kb', kb, faqs], stdout=subprocess.DEVNULL, check=True)
        faq_rows, off_rows = first_sources(kb, split_a), first_sources(kb, clinc)
    print('with a first source: StackFAQ split A %d (%d right), CLINC150 training %d'
          % (len(faq_rows), sum(r[1] for r in faq_rows), len(off_rows)))
    beta = fit(faq_rows + off_rows)
    print('z = %.3f' % beta[0] + ''.join(' %+.3f * %s' % (b, n) for b, n in zip(beta[1:], NAMES)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
