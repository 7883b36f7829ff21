"""A search index built once per snapshot of the store, so a query touches only the rows
that can match it.

Scoring every official, agreement, project and article title in Python on each request
cost 2.6 s per `/search` at 50,000 articles (issue #12). `matching.score` only reaches the
threshold through one of a few doors, and each door has an index here:

- query words close to words of the text (`score` averages each query word's best word
  score and scales by 0.95): the folded vocabulary is searched with rapidfuzz's
  `fuzz.ratio` (the ratio `score` uses) and, for prefixes, by bisection of the sorted
  vocabulary; words map to their texts, and a text is a candidate only if the best pairs
  found for it can still bring the mean to the threshold (`Table.candidates`). A query
  word without a digit is compared with the words that are not digits alone (`wordy`;
  nothing in common, ratio 0): the numbers in titles and descriptions were ~50,000 of the
  ~50,100 words of each at 50,000 articles, ~6 ms of every search. A one-word query's
  candidates are the postings of its near words, united;
- the query's letters inside the text's (`qk in tk`): one `str.find` over all the texts
  joined;
- the whole query against the whole name (names only, scaled by 0.9): rapidfuzz over
  the joined names with `WHOLE_CUTOFF`.

Rows reached through none of them score below the threshold, so the candidates are scored
with `score` itself and the hits are exactly the ones a full scan finds. The index is
immutable and keyed by the snapshot token (`answers.Answers`), so a new generation
published by an ingest gets a new index on its first search.
"""

from __future__ import annotations

import bisect
import threading
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from app.api.matching import MAX_QUERY, THRESHOLD, _pair, _words, score_words
from app.names import fold_words

#: The mean of a query's best word pairs that reaches THRESHOLD (0.95 × mean, rounded to 4
#: places, ≥ 0.72), and the pair below which a word's exact score is not looked up (the
#: bound used for it instead).
WORD_MEAN = 0.71995 / 0.95
FLOOR = 0.5
#: The whole query against a whole name (0.9 × ratio ≥ 0.72 ⇒ ratio ≥ 80).
WHOLE_CUTOFF = 79.0
#: Queries whose ranked hits are kept per index (repeated searches and paging).
RECENT_QUERIES = 256
#: Separates texts in the joined string searched for substrings (never in folded text).
SEP = "\x00"


@dataclass(frozen=True, slots=True)
class Entry:
    """One searchable row: `text` is what `score` compares, `whole` as in `score`."""

    kind: str
    id: str
    label: str
    detail: str | None
    text: str


def _digits(word: str) -> bool:
    """Whether `word` is ASCII digits only."""
    return word.isascii() and word.isdigit()


class Table:
    """The rows of one kind, with their folded words indexed."""

    def __init__(self, entries: Sequence[Entry], *, whole: bool) -> None:
        self.whole = whole
        # Rows with the same folded words (an agreement kind and field, a common title)
        # are one text here: scored once per query, whatever their number. Entries are
        # kept grouped by text, so text t's rows are entries[first[t]:first[t + 1]].
        # Memory matters at 50,000 articles (issue #12: `vlkg serve` ≤ 500 MB): words are
        # interned (one string per distinct word) and positions are 4-byte arrays.
        interned: dict[str, str] = {}
        groups: dict[tuple[str, ...], list[Entry]] = {}
        for e in entries:
            words = tuple(interned.setdefault(w, w) for w in fold_words(e.text).split())
            groups.setdefault(words, []).append(e)  # not `_words`: its LRU is for queries
        self.words = list(groups)
        self.entries: list[Entry] = []
        first = array("I")
        postings: dict[str, array[int]] = {}
        for t, (words, group) in enumerate(groups.items()):
            first.append(len(self.entries))
            self.entries.extend(group)
            for w in set(words):
                if w not in postings:
                    postings[w] = array("I")
                postings[w].append(t)
        first.append(len(self.entries))
        self.first = first
        self.postings = postings
        self.vocab = sorted(postings)
        # The words with a letter (or any character but an ASCII digit). A query word
        # without a digit shares no character with a word of digits alone, so their
        # ratio is 0 and only these can be near it: at 50,000 articles the vocabulary
        # of titles and descriptions is ~50,000 numbers (ids, counts) and ~100 words.
        self.wordy = [w for w in self.vocab if not _digits(w)]
        keys = ["".join(words) for words in self.words]
        # every key between separators: `find(SEP + k + SEP)` is an exact key, `find(k)` a part
        self.blob = SEP + SEP.join(keys) + SEP
        self.starts = array("I")
        at = 1
        for k in keys:
            self.starts.append(at)
            at += len(k) + 1
        self.keys = keys if whole else []  # whole-name matching only

    def _texts_containing(self, part: str) -> set[int]:
        found: set[int] = set()
        at = self.blob.find(part)
        while at >= 0:
            found.add(bisect.bisect_right(self.starts, at) - 1)
            at = self.blob.find(part, at + 1)
        return found

    def candidates(self, qwords: tuple[str, ...], qk: str) -> set[int]:
        """Texts (indexes into `words`) that may score ≥ THRESHOLD for the folded query: a
        superset of the hits.

        The word door is bounded per text: for each query word, the text's best word pair
        is known exactly when it exceeds `FLOOR` (from the near words of the vocabulary
        and their postings) and is at most `FLOOR` otherwise; texts whose bound stays
        below the threshold are not scored. This is what keeps a word shared by every
        title ("vn" near "van") from making every title a candidate.
        """
        vocab = self.vocab
        n = len(qwords)
        need = n * (WORD_MEAN - FLOOR) - 1e-9
        gains: dict[int, float] = {}
        found: set[int] = set()
        for w in qwords:  # repeated words count twice in the mean, as in `score_words`
            pool = vocab if any("0" <= ch <= "9" for ch in w) else self.wordy
            near = {
                c
                for c, _s, _i in process.extract(
                    w, pool, scorer=fuzz.ratio, score_cutoff=FLOOR * 100, limit=None
                )
            }
            if len(w) >= 3:
                lo = bisect.bisect_left(vocab, w)
                hi = bisect.bisect_left(vocab, w + "\uffff", lo)
                near.update(vocab[lo:hi])
            by_gain = sorted((g, c) for c in near if (g := _pair(w, c) - FLOOR) > 0)
            if n == 1:  # the best pair alone is the mean: a text with one such word is in
                for gain, c in by_gain:
                    if gain >= need:
                        found.update(self.postings[c])
                continue
            mine: dict[int, float] = {}
            for gain, c in by_gain:  # ascending: a text keeps its best word's gain
                mine.update(dict.fromkeys(self.postings[c], gain))
            for t, gain in mine.items():
                gains[t] = gains.get(t, 0.0) + gain
        if n > 1:
            found = {t for t, g in gains.items() if g >= need}
        if len(qk) >= 3:
            found |= self._texts_containing(qk)
        else:
            found |= {
                t + 1 for t in self._texts_containing(SEP + qk + SEP)
            }  # the match starts at the SEP before
        if self.whole:
            for _c, _s, i in process.extract(
                qk, self.keys, scorer=fuzz.ratio, score_cutoff=WHOLE_CUTOFF, limit=None
            ):
                found.add(i)
        return found

    def hits(self, qwords: tuple[str, ...], qk: str) -> list[tuple[float, Entry]]:
        out: list[tuple[float, Entry]] = []
        for t in self.candidates(qwords, qk):
            s = score_words(qwords, self.words[t], self.whole)
            if s >= THRESHOLD:
                out.extend((s, e) for e in self.entries[self.first[t] : self.first[t + 1]])
        return out


#: Tie-break between equal scores: provinces first, then people, then documents.
ORDER = {"province": 0, "official": 1, "agreement": 2, "project": 3, "article": 4}


class SearchIndex:
    """Every searchable kind of one snapshot, and the ranked hits of recent queries."""

    def __init__(self, tables: dict[str, Table]) -> None:
        self.tables = tables
        self._recent: OrderedDict[tuple[str, frozenset[str], frozenset[str]], list[tuple[float, Entry]]] = (
            OrderedDict()
        )
        self._lock = threading.Lock()

    def ranked(
        self, query: str, kinds: Iterable[str], exact: Iterable[str] = ()
    ) -> list[tuple[float, Entry]]:
        """(score, entry) of every row of `kinds` scoring ≥ THRESHOLD, best first.

        `exact` are ids of provinces the query names exactly (the gazetteer's resolution):
        they score 1. A row with several texts (a province's names) counts once, with its
        best score.
        """
        query = query[:MAX_QUERY]
        exact = frozenset(exact)
        key = (query, frozenset(kinds), exact)
        with self._lock:
            if key in self._recent:
                self._recent.move_to_end(key)
                return self._recent[key]
        qwords = _words(query)
        best: dict[tuple[str, str], tuple[float, Entry]] = {}
        if qwords:
            qk = "".join(qwords)
            for kind in key[1]:
                table = self.tables.get(kind)
                if table is None:
                    continue
                for s, e in table.hits(qwords, qk):
                    if (e.kind, e.id) not in best or best[e.kind, e.id][0] < s:
                        best[e.kind, e.id] = (s, e)
        if "province" in key[1] and (table := self.tables.get("province")) is not None:
            for e in table.entries:
                if e.id in exact:
                    best[e.kind, e.id] = (1.0, e)
        out = sorted(best.values(), key=lambda h: (-h[0], ORDER[h[1].kind], h[1].label, h[1].id))
        with self._lock:
            self._recent[key] = out
            while len(self._recent) > RECENT_QUERIES:
                self._recent.popitem(last=False)
        return out
