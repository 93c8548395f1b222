"""Which short aliases of a place are country codes ("IN", "EC", "ecu") rather than names.

Sources list ISO 3166 codes among country aliases; the gazetteer keeps them apart from the
names it looks up (:attr:`extract.gazetteer.Gazetteer.codes`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from extract.entries import PLACE_TYPES, Entry

_SHORT = re.compile(r"[A-Za-z]{2,3}")
_MINOR_WORDS = frozenset({"of", "the", "and", "for", "de", "du", "des", "la", "le", "et"})


def initials(name: str) -> str:
    """'United Kingdom' -> 'UK', 'People's Republic of China' -> 'PRC' (minor words skipped)."""
    words = re.findall(r"[A-Za-z][A-Za-z'\u2019]*", name)
    return "".join(w[0] for w in words if w.lower() not in _MINOR_WORDS).upper()


def is_code(alias: str, entry: Entry) -> bool:
    """Whether ``alias`` of ``entry`` is a country code (see :func:`is_code_of`)."""
    return is_code_of(alias, entry.type, entry.label, entry.aliases)


def is_code_of(alias: str, kind: str, label: str, aliases: Iterable[str]) -> bool:
    """Whether ``alias`` of a place is a country code (ISO "IN", "EC", "ecu") and not a name.

    Sources list ISO 3166 codes among country aliases; written in a text they are ordinary
    words ("IN", "AL", "ME") or mean something else ("EC"). A short alias of a place counts as a
    name only when it is written in capitals and is the initials of the label or of a dotted
    alias ("UK" for United Kingdom, "US" beside "U.S.", "UAE", "PRC"); every other one is a code.
    """
    if kind not in PLACE_TYPES or not _SHORT.fullmatch(alias):
        return False
    if not alias.isupper():
        return True
    if initials(label) == alias:
        return False
    dotted = {a.replace(".", "") for a in aliases if "." in a}
    return alias not in dotted


__all__ = ["initials", "is_code", "is_code_of"]
