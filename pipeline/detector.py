"""langdetect's Detector with its per-character Python loops made cheaper, same answers.

langdetect spends most of a detection in four loops written a character or a language at a
time: copying the text, counting Latin letters, cutting n-grams (normalising every character
through a Unicode-block lookup) and multiplying the 55 language probabilities. `FastDetector`
overrides exactly those methods with equivalents that do the same arithmetic in the same order
(regexes, a memo of the character normaliser, numpy's element-wise products and quotients,
which round each element as Python does, and Python's own left-to-right sum), so for any text
and seed it returns the probabilities the original returns, bit for bit
(tests/test_language_and_stories compares the two), in well under half the time.
"""

from __future__ import annotations

import re

import numpy as np
from langdetect.detector import Detector
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.utils.ngram import NGram

_SPACE_RUN = re.compile(" {2,}")
_LATIN = re.compile("[A-z]")  # langdetect's own test: 'A' <= ch <= 'z'
# at or above U+0300: the original means to spare Latin Extended Additional (Vietnamese) but
# compares the block's number with its name, so it counts every such character
_NON_LATIN = re.compile("[\u0300-\U0010ffff]")
_NORMALISED: dict[str, str] = {}
# an n-gram's 55 probabilities as an array, made the first time a text holds it (a few thousand
# n-grams in all, not the profiles' hundreds of thousands)
_ROWS: dict[str, np.ndarray] = {}


def _normalise(ch: str) -> str:
    out = _NORMALISED.get(ch)
    if out is None:
        out = _NORMALISED[ch] = NGram.normalize(ch)
    return out


class FastDetector(Detector):  # type: ignore[misc]
    def append(self, text: str) -> None:
        text = self.URL_RE.sub(" ", text)
        text = self.MAIL_RE.sub(" ", text)
        text = NGram.normalize_vi(text)
        # the original copies character by character, dropping a space that follows a space
        self.text += _SPACE_RUN.sub(" ", text[: self.max_text_length])

    def cleaning_text(self) -> None:
        latin = len(_LATIN.findall(self.text))
        non_latin = len(_NON_LATIN.findall(self.text))
        if latin * 2 < non_latin:
            self.text = _LATIN.sub("", self.text)

    def _extract_ngrams(self) -> list[str]:
        """NGram.add_char and the n-gram loop of the original, inlined."""
        known = self.word_lang_prob_map
        result: list[str] = []
        grams, capital = " ", False
        for raw in self.text:
            ch = _normalise(raw)
            last = grams[-1]
            if last == " ":
                grams, capital = " ", False
                if ch == " ":
                    continue
            elif len(grams) >= 3:
                grams = grams[1:]
            grams += ch
            if ch.isupper():
                if last.isupper():
                    capital = True
            else:
                capital = False
            if capital:
                continue
            if ch != " " and ch in known:
                result.append(ch)
            if len(grams) >= 2:
                if grams[-2:] in known:
                    result.append(grams[-2:])
                if len(grams) >= 3 and grams in known:
                    result.append(grams)
        return result

    def _update_lang_prob(self, prob: list[float], word: str, alpha: float) -> bool:
        lang_prob_map = self.word_lang_prob_map.get(word)
        if lang_prob_map is None:
            return False
        weight = alpha / self.BASE_FREQ
        prob[:] = [p * (weight + q) for p, q in zip(prob, lang_prob_map, strict=True)]
        return True

    def _normalize_prob(self, prob: list[float]) -> float:
        total = sum(prob)
        prob[:] = [p / total for p in prob]
        return max(0.0, *prob)

    def _detect_block(self) -> None:
        """The original's trials, with the probabilities in an array: the same draws from the
        same generator, each product and quotient computed element by element as the list
        version computes it, the sum taken left to right in Python as it takes it."""
        self.cleaning_text()
        ngrams = self._extract_ngrams()
        if not ngrams:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        n = len(self.langlist)
        self.langprob = [0.0] * n
        self.random.seed(self.seed)
        known = self.word_lang_prob_map
        for _ in range(self.n_trial):
            prob = np.array(self._init_probability(), dtype=np.float64)
            alpha = self.alpha + self.random.gauss(0.0, 1.0) * self.ALPHA_WIDTH
            weight = alpha / self.BASE_FREQ
            i = 0
            while True:
                word = self.random.choice(ngrams)
                row = _ROWS.get(word)
                if row is None and word in known:
                    row = _ROWS[word] = np.array(known[word], dtype=np.float64)
                if row is not None:
                    prob *= weight + row
                if i % 5 == 0:
                    prob /= sum(prob.tolist())
                    if max(0.0, *prob.tolist()) > self.CONV_THRESHOLD or i >= self.ITERATION_LIMIT:
                        break
                i += 1
            for j, p in enumerate(prob.tolist()):
                self.langprob[j] += p / self.n_trial

