"""Word forms: a tiny English suffix normaliser that makes the taxonomy match inflected words.

Why not spaCy's lookup lemmatizer? It needs `spacy-lookups-data`, a 98 MB wheel of tables for every
language, to map "integrated" to "integrate"; the taxonomy needs much less: "integrate", "integrates",
"integrated" and "integrating" must hit the same pattern, and so must "portal" / "portals" and
"policy" / "policies". A dozen suffix rules do that, ship in a few lines, and cost nothing at run time:

- `install(vocab)` puts `norm()` in the vocabulary's lexeme attribute getters for `NORM`, so each word
  *type* is normalised once, when spaCy first meets it, and every token after that reads the cached
  lexeme. Matching on `NORM` then runs entirely inside spaCy's C code.
- The taxonomy's phrases go through the same tokenizer, so a pattern "integrate with" becomes
  `integrat with` and matches "integrated with" and "integrating with" without listing them.
- Derivations are *not* conflated ("integration" stays apart from "integrate", "configuration" from
  "configure"): that would need a real stemmer and would merge words of different sense. The taxonomy
  lists derived forms explicitly where both count.

The rules are inflectional only: plural `-s` / `-es` / `-ies`, past `-ed` / `-ied`, gerund `-ing`, a final
doubled consonant and a final silent `e` (a final `-ie` reads as `-y`, as its plural does: "cookie",
"cookies"). Acronyms with a plural `s` ("APIs", "ERPs") lose the `s`.
"""

from __future__ import annotations

from spacy.attrs import NORM
from spacy.vocab import Vocab

_VOWELS = frozenset("aeiouy")
_KEEP_S = ("ss", "us", "is")
_PROTECTED = frozenset({"not", "can", "her", "hop", "plan", "cut", "bit", "man", "car"})  # note != not


def norm(word: str) -> str:
    """The inflection-free form of `word` in lower case: `Integrated` -> `integrat`, `APIs` -> `api`."""
    if len(word) > 2 and word[-1] == "s" and word[:-1].isupper():  # APIs, ERPs, SLAs
        return word[:-1].lower()
    w = word.lower()
    if len(w) <= 3 or not w.isalpha():
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(_KEEP_S):
        w = w[:-1]
    if w.endswith("ied") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("ed") and len(w) > 4 and _VOWELS.intersection(w[:-2]):
        w = w[:-2]
    elif w.endswith("ing") and len(w) > 5 and _VOWELS.intersection(w[:-3]):
        w = w[:-3]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiosu":
        w = w[:-1]  # logging -> logg -> log; install -> instal (both sides agree)
    if len(w) >= 5 and w.endswith("ie"):
        w = w[:-2] + "y"  # cookie / cookies -> cooky, as "-ies" reads: a plural cannot tell "-ie" from "-y"
    elif len(w) >= 4 and w.endswith("e") and not w.endswith("ee") and w[:-1] not in _PROTECTED:
        w = w[:-1]  # integrate / integrated / integrating -> integrat
    return w


def install(vocab: Vocab) -> None:
    """Make `norm()` the NORM of every lexeme of `vocab`, those already there and those to come."""
    vocab.lex_attr_getters[NORM] = norm
    for lexeme in vocab:
        lexeme.norm_ = norm(lexeme.orth_)
