"""bench/intent-sklearn.py: scikit-learn's TF-IDF word (1-2) and char_wb (2-5)
n-grams, sublinear, with LinearSVC (C=1), on the same stratified folds cs-route
eval drew; prints accuracy and seconds a fold, for bench/intent-eval.sh. Then,
when Debian's python3-snowballstemmer is installed, the same plus cs-route's
word pairs (every pair of distinct Snowball stems of a text, kept when two
texts or more have it: min_df=2), to show the pairs' gain outside cs-route.
Usage: intent-sklearn.py TRAIN.csv. The folds are cs-route's for seed 1, drawn
the same way (eng_route_learn.c, assign_folds, with svc_intent.c cs_intent_shuffle): a xorshift64 shuffle, then each
label's examples dealt to the folds in turn."""
import csv
import re
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import make_union
from sklearn.svm import LinearSVC

rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
texts = [r["text"] for r in rows]
labels = [r["category"] for r in rows]
MASK = (1 << 64) - 1


def xorshift(state):
    state ^= (state << 13) & MASK
    state ^= state >> 7
    state ^= (state << 17) & MASK
    return state


order = list(range(len(rows)))
rng = (1 * 0x9E3779B97F4A7C15 + 0x51ED) & MASK
for i in range(len(rows), 1, -1):
    rng = xorshift(rng)
    j = rng % i
    order[i - 1], order[j] = order[j], order[i - 1]
dealt, fold = {}, [0] * len(rows)
for i in order:
    fold[i] = dealt.get(labels[i], 0) % 5
    dealt[labels[i]] = dealt.get(labels[i], 0) + 1


def pairs_of(stem):
    def analyzer(doc):
        words = sorted(set(stem.stemWords(re.findall(r"(?u)\b\w+\b", doc.lower()))))
        return [a + "&" + b for i, a in enumerate(words) for b in words[i + 1:]]
    return analyzer


def cross_validate(views):
    right, seconds = 0, 0.0
    for k in range(5):
        train = [i for i in range(len(rows)) if fold[i] != k]
        test = [i for i in range(len(rows)) if fold[i] == k]
        t0 = time.time()
        vec = make_union(*views())
        model = LinearSVC(C=1).fit(vec.fit_transform([texts[i] for i in train]), [labels[i] for i in train])
        seconds += time.time() - t0
        got = model.predict(vec.transform([texts[i] for i in test]))
        right += sum(g == labels[i] for g, i in zip(got, test))
    return right / len(rows), seconds / 5


def ngrams():
    return [TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)]


VERSION = __import__("sklearn").__version__
print("scikit-learn %s TF-IDF word 1-2 + char_wb 2-5 + LinearSVC, 5 folds: accuracy %.4f, %.2f s a fold to train"
      % ((VERSION,) + cross_validate(ngrams)))
try:
    import snowballstemmer
except ImportError:
    print("scikit-learn with word pairs: skipped, python3-snowballstemmer is not installed")
    sys.exit(0)
STEM = snowballstemmer.stemmer("english")
print("scikit-learn %s the same + pairs of word stems (min_df=2), 5 folds: accuracy %.4f, %.2f s a fold to train"
      % ((VERSION,) + cross_validate(lambda: ngrams() + [TfidfVectorizer(analyzer=pairs_of(STEM), min_df=2,
                                                                           sublinear_tf=True)])))
