"""A small SPARQL lexer: enough to find keywords, IRIs and braces outside strings and comments.

The engine's parser is not reachable from Python, and the server needs to read a few things
before a request runs (``SERVICE`` and ``LOAD`` targets, where an update's ``WHERE`` clauses
are). Token classes follow the SPARQL 1.1 grammar's terminals closely enough that a keyword
inside a string, an IRI or a comment is never mistaken for one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r'(?P<comment>#[^\n]*)'
    r'|(?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n\r]|\\.)*"|\'(?:[^\'\\\n\r]|\\.)*\')'
    r'|(?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)'
    r'|(?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)'
    r'|(?P<pname>(?:[^\W\d_][\w.-]*)?:(?:[\w:%.-]|\\[-_~.!$&\'()*+,;=/?#@%])*)'
    r'|(?P<word>[^\W\d][\w-]*)'
    r'|(?P<other>\S)',
    re.UNICODE,
)
_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


@dataclass(frozen=True, slots=True)
class Token:
    kind: str
    """iri, var, pname, word (keywords, ``a``, booleans) or other (punctuation, numbers)."""
    text: str
    start: int
    """Offset of the token in the text."""
    depth: int
    """How many ``{`` enclose the token (a ``{`` itself counts as outside)."""


def tokens(text: str) -> list[Token]:
    """The tokens of ``text``, without strings and comments.

    >>> [(t.kind, t.text, t.depth) for t in tokens('ASK { ?s "x { y" <a> } # }')]
    [('word', 'ASK', 0), ('other', '{', 0), ('var', '?s', 1), ('iri', '<a>', 1), ('other', '}', 0)]
    """
    out: list[Token] = []
    depth = 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind in ("comment", "string"):
            continue
        value = match.group(0)
        if value == "}":
            depth = max(0, depth - 1)
        out.append(Token(kind, value, match.start(), depth))
        if value == "{":
            depth += 1
    return out


def iri_value(token: str) -> str:
    """The IRI an ``<...>`` token spells, with ``\\u``/``\\U`` escapes decoded."""
    return _UCHAR.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), token[1:-1])
