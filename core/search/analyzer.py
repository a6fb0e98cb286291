"""The one analyzer of product search: the same rules turn a product into index terms and a
query into the terms it looks up.

Text is NFKC-normalized and lowercased, then split into runs of Chinese characters and words of
Latin letters and digits. A Latin word is a term as it is. A description or an option value
gives its words (jieba's and Latin ones); a Chinese run of a title gives:

* jieba's search-mode words (rjieba, the Rust port: its dictionary loads once, lazily, in about
  0.1 s, on the first text that needs it, never when the web app is imported);
* every character bigram and every single character, so a query matches any part of a title
  that jieba happened to segment differently;
* the full pinyin of each word and of the whole run, syllables joined (``longjing``), and the
  pinyin initials of each word of two characters or more (``lj``), so shoppers who type pinyin
  find 龙井.

Each term carries a weight: the field's (title over description) times the kind's (a whole word
over its pinyin over its initials over a bigram over a character). The query side
(`query_units`) splits a query the same way into *units* (its words) that a product must all
cover to be an AND match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache
from types import ModuleType


class Kind(StrEnum):
    """Where an index term comes from; the order of `KIND_WEIGHTS` ranks them."""

    ID = "id"  # an exact external id or SKU
    WORD = "word"  # a Latin word or a jieba word
    PINYIN = "pinyin"  # the full pinyin of a Chinese word, syllables joined
    INITIALS = "initials"  # the pinyin initials of a Chinese word
    GRAM = "gram"  # a Chinese character bigram
    CHAR = "char"  # one Chinese character


KIND_WEIGHTS = {
    Kind.ID: 1.0,
    Kind.WORD: 1.0,
    Kind.PINYIN: 0.8,
    Kind.INITIALS: 0.5,
    Kind.GRAM: 0.5,
    Kind.CHAR: 0.3,
}
TITLE_WEIGHT = 3.0
DESCRIPTION_WEIGHT = 1.0
OPTION_WEIGHT = 1.0
DESCRIPTION_INDEXED = 1000
"""Characters of a description that are indexed (the start says what the product is)."""
MAX_TERM_LENGTH = 40
MAX_UNITS = 12
"""Query words looked at (the rest of a very long query is ignored)."""
RUN_PINYIN_MAX = 8
"""A Chinese run of at most this many characters also gets its whole pinyin as one term."""

SUGGESTED_KINDS = frozenset({Kind.WORD, Kind.PINYIN, Kind.INITIALS})
"""Kinds whose terms are words a shopper types: the vocabulary of prefixes, typos, suggestions."""

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK}]+|[a-z0-9]+(?:['’][a-z]+)?")
_CJK_RUN = re.compile(rf"^[{_CJK}]+$")


@dataclass(frozen=True)
class Term:
    """One index term of a product: its weight, kind and the word a shopper would read."""

    weight: float
    kind: Kind
    display: str


def normalize(text: str) -> str:
    """NFKC (full-width letters and digits become ASCII) and lowercase."""
    return unicodedata.normalize("NFKC", text).lower()


def tokens(text: str) -> list[str]:
    """The Chinese runs and Latin words of `text`, normalized, in order."""
    return [token.replace("’", "'") for token in _TOKEN.findall(normalize(text))]


def is_cjk(token: str) -> bool:
    """Whether `token` is a run of Chinese characters."""
    return bool(_CJK_RUN.match(token))


@cache
def _jieba() -> ModuleType:
    import rjieba  # loaded on first use: its dictionary takes ~0.1 s to build

    return rjieba


@cache
def _pinyin() -> ModuleType:
    import pypinyin

    return pypinyin


WORD_CACHE = 100_000
"""Words and runs whose analysis is kept (a catalog repeats its words a lot)."""


@lru_cache(maxsize=WORD_CACHE)
def segment(run: str) -> tuple[str, ...]:
    """jieba's precise segmentation of a Chinese run (how a query's words are split)."""
    return tuple(word for word in _jieba().cut(run) if word.strip())


@lru_cache(maxsize=WORD_CACHE)
def search_words(run: str) -> tuple[str, ...]:
    """jieba's search-mode words of a Chinese run (the words and the shorter words in them)."""
    return tuple(word for word in _jieba().cut_for_search(run) if word.strip())


@lru_cache(maxsize=WORD_CACHE)
def pinyin(word: str) -> str:
    """The full pinyin of `word`, syllables joined (ü written as v, as shoppers type it)."""
    module = _pinyin()
    return "".join(module.lazy_pinyin(word, v_to_u=False))


@lru_cache(maxsize=WORD_CACHE)
def initials(word: str) -> str:
    """The pinyin initials of `word` (``lj`` for 龙井)."""
    module = _pinyin()
    return "".join(module.lazy_pinyin(word, style=module.Style.FIRST_LETTER))


def bigrams(run: str) -> list[str]:
    """The character bigrams of a Chinese run."""
    return [run[i : i + 2] for i in range(len(run) - 1)]


@lru_cache(maxsize=WORD_CACHE)
def _run_terms(run: str) -> tuple[tuple[str, Kind, str], ...]:
    found: list[tuple[str, Kind, str]] = []
    for word in search_words(run):
        found.append((word, Kind.WORD, word))
        found.append((pinyin(word), Kind.PINYIN, word))
        if len(word) >= 2:
            found.append((initials(word), Kind.INITIALS, word))
    if 2 < len(run) <= RUN_PINYIN_MAX:
        found.append((pinyin(run), Kind.PINYIN, run))
    found += [(gram, Kind.GRAM, gram) for gram in bigrams(run)]
    found += [(char, Kind.CHAR, char) for char in run]
    return tuple(found)


def text_terms(text: str, *, whole: bool = True) -> Iterator[tuple[str, Kind, str]]:
    """(term, kind, display) for every term of `text`, repeats included; with `whole` False
    only its words (jieba's and Latin ones: what a description or an option adds)."""
    for token in tokens(text):
        if not is_cjk(token):
            yield token, Kind.WORD, token
        elif whole:
            yield from _run_terms(token)
        else:
            yield from ((word, Kind.WORD, word) for word in search_words(token))


def _add(found: dict[str, Term], term: str, weight: float, kind: Kind, display: str) -> None:
    if not term or len(term) > MAX_TERM_LENGTH or "." in term or term.startswith("$"):
        return
    known = found.get(term)
    if known is None:
        found[term] = Term(weight, kind, display)
        return
    typed, known_typed = kind in SUGGESTED_KINDS, known.kind in SUGGESTED_KINDS
    # The best weight wins; a word a shopper types keeps its kind over an id or a bigram.
    if (typed and not known_typed) or (typed == known_typed and weight > known.weight):
        found[term] = Term(max(weight, known.weight), kind, display)
    elif weight > known.weight:
        found[term] = Term(weight, known.kind, known.display)


def document_terms(
    title: str,
    description: str = "",
    options: Iterable[str] = (),
    identifiers: Iterable[str] = (),
) -> dict[str, Term]:
    """The index terms of one product, each with its best weight.

    `title` is the display title (every kind of term), `description` the display description
    (its words in its first `DESCRIPTION_INDEXED` characters), `options` the variants' option
    values (红色, XL: their words), `identifiers` the external id and SKUs, found only as they
    are written.
    """
    found: dict[str, Term] = {}
    fields = (
        (title, TITLE_WEIGHT, True),
        (description[:DESCRIPTION_INDEXED], DESCRIPTION_WEIGHT, False),
        (" ".join(options), OPTION_WEIGHT, False),
    )
    for text, field_weight, whole in fields:
        for term, kind, display in dict.fromkeys(text_terms(text, whole=whole)):
            _add(found, term, field_weight * KIND_WEIGHTS[kind], kind, display)
    for identifier in identifiers:
        cleaned = normalize(identifier).strip()
        _add(found, cleaned, TITLE_WEIGHT * KIND_WEIGHTS[Kind.ID], Kind.ID, identifier.strip())
    return found


@dataclass(frozen=True)
class Unit:
    """One word of a query. `latin` words may also match by prefix, typo or joined with their
    neighbours (``long jing``); a Chinese word matches as a whole word or by all its bigrams."""

    text: str
    latin: bool

    @property
    def grams(self) -> list[str]:
        """What a Chinese word must all have when it is not one of the product's words."""
        return bigrams(self.text) if len(self.text) >= 2 else [self.text]


def query_units(text: str) -> list[Unit]:
    """The units of query `text`, in order (at most `MAX_UNITS`)."""
    units: list[Unit] = []
    for token in tokens(text):
        if is_cjk(token):
            units.extend(Unit(word, latin=False) for word in segment(token))
        else:
            units.append(Unit(token, latin=True))
    return units[:MAX_UNITS]


def joined_spans(units: list[Unit], longest: int = 4) -> list[tuple[int, int, str]]:
    """(start, end, joined) for every run of 2..`longest` consecutive Latin units, so that
    ``long jing`` also looks up ``longjing``."""
    spans = []
    for start in range(len(units)):
        for end in range(start + 2, min(len(units), start + longest) + 1):
            chosen = units[start:end]
            if not all(unit.latin for unit in chosen):
                break
            spans.append((start, end, "".join(unit.text for unit in chosen)))
    return spans


__all__ = [
    "KIND_WEIGHTS",
    "SUGGESTED_KINDS",
    "Kind",
    "Term",
    "Unit",
    "document_terms",
    "is_cjk",
    "joined_spans",
    "normalize",
    "query_units",
    "tokens",
]
