"""How texts and names are normalised before they are compared: the one definition every layer
uses (gazetteer keys, Wikidata label matching, question name keys, evaluation evidence, slugs).

News text writes the same name with curly or straight quotes, with or without accents, dots and
a leading "the"; these functions fold exactly those differences and nothing else.
"""

from __future__ import annotations

import re
import unicodedata

APOSTROPHES = "\u2018\u2019\u201b\u2032"
"""Characters written for an apostrophe or single quote (all read as ``'``)."""

DOUBLE_QUOTES = "\u201c\u201d\u201f\u2033"
"""Characters written for a double quote (all read as ``"``)."""

_QUOTES = str.maketrans({**dict.fromkeys(APOSTROPHES, "'"), **dict.fromkeys(DOUBLE_QUOTES, '"')})
_SPACE = re.compile(r"\s+")
_WIRE_APOSTROPHE = re.compile(r'(?<=[^\W\d_])"(?=[^\W\d_])')


def straight_quotes(text: str) -> str:
    """Curly quotes to straight ones, one character for one (offsets stay valid).

    >>> straight_quotes("\u201cWe\u2019re\u201d")
    '"We\\'re"'
    """
    return text.translate(_QUOTES)


def wire_apostrophes(text: str) -> str:
    """A straight double mark between two letters read as the apostrophe it stands for (some
    wire archives write Kuwait"s); a name or title taken from such a text is then spelt
    as a reader types it.

    >>> print(wire_apostrophes('Ecuador"s deputy minister said "no"'))
    Ecuador's deputy minister said "no"
    """
    return _WIRE_APOSTROPHE.sub("'", text)


def plain_text(text: str) -> str:
    """Curly quotes to straight ones, runs of white space to one space, ends stripped; case and
    everything else kept (for finding a quotation in a text).

    >>> plain_text("  \u201cVery  good,\u201d\\n he\u2019s said ")
    '"Very good," he\\'s said'
    """
    return _SPACE.sub(" ", text.translate(_QUOTES)).strip()


def ascii_fold(text: str) -> str:
    """Straight quotes, then accents dropped (NFKD, non-ASCII characters removed).

    The quotes are straightened first, so that an apostrophe survives the ASCII step:

    >>> ascii_fold("Société Générale")
    'Societe Generale'
    >>> ascii_fold("People\u2019s Republic")
    "People's Republic"
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def name_key(name: str, *, fold_accents: bool = True) -> str:
    """The key two names are equal by: quotes, case, dots, spacing and a leading 'the' folded,
    and accents too unless ``fold_accents`` is false (a key compared with one computed in SPARQL,
    which cannot fold accents).

    >>> name_key("the  U.S.")
    'us'
    >>> name_key("People\u2019s Republic of China") == name_key("People's Republic of China")
    True
    >>> name_key("People\u2019s Republic of China")
    "people's republic of china"
    >>> name_key("Société Générale"), name_key("Société Générale", fold_accents=False)
    ('societe generale', 'société générale')
    """
    if name.isascii() and name.isalnum():
        # Most look-ups are of one plain word, which every step below leaves as it is.
        return name.lower()
    text = ascii_fold(name) if fold_accents else name.translate(_QUOTES)
    key = _SPACE.sub(" ", text.replace(".", "").strip().lower())
    return key[4:] if key.startswith("the ") else key
