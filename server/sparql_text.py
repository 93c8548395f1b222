"""A small SPARQL lexer: enough to find keywords, IRIs and braces outside strings and comments.

The engine's parser is not reachable from Python, and the server needs to read a few things
before a request runs (``SERVICE`` and ``LOAD`` targets, ``FROM`` clauses, where an update's
``WHERE`` clauses are). Token classes follow the SPARQL 1.1 grammar's terminals closely enough
that a keyword inside a string, an IRI or a comment is never mistaken for one.

It runs in time linear in the text, whatever the text (it reads untrusted requests): a string
whose closing quote never comes ends the scan, since the engine will refuse that text anyway.
A single regular expression with string alternatives would instead rescan to the end from
every later quote, which is quadratic (a 20 kB request of ``'''\\n\\\\`` repeated took seconds).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r'(?P<comment>#[^\n]*)'
    r'|(?P<quote>"""|\'\'\'|"|\')'
    r'|(?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)'
    r'|(?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)'
    r'|(?P<pname>(?:[^\W\d_][\w.-]*)?:(?:[\w:%.-]|\\[-_~.!$&\'()*+,;=/?#@%])*)'
    r'|(?P<word>[^\W\d][\w-]*)'
    r'|(?P<other>\S)',
    re.UNICODE,
)
_SPACE = re.compile(r"\s*")
# The rest of a string after its opening quote(s), up to and including the closing ones.
_STRING_REST = {
    '"""': re.compile(r'(?:[^"\\]|\\.|"(?!""))*"""', re.DOTALL),
    "'''": re.compile(r"(?:[^'\\]|\\.|'(?!''))*'''", re.DOTALL),
    '"': re.compile(r'(?:[^"\\\n\r]|\\.)*"'),
    "'": re.compile(r"(?:[^'\\\n\r]|\\.)*'"),
}
_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_FROM_TARGETS = ("iri", "pname")


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
    pos = _SPACE.match(text).end()  # type: ignore[union-attr]
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        assert match is not None  # the last alternative takes any non-space character
        kind = match.lastgroup or "other"
        value = match.group(0)
        end = match.end()
        if kind == "quote":
            rest = _STRING_REST[value].match(text, end)
            if rest is None:  # never closed: the engine refuses the text, so stop here
                break
            end = rest.end()
        elif kind != "comment":
            if value == "}":
                depth = max(0, depth - 1)
            out.append(Token(kind, value, pos, depth))
            if value == "{":
                depth += 1
        pos = _SPACE.match(text, end).end()  # type: ignore[union-attr]
    return out


def iri_value(token: str) -> str:
    """The IRI an ``<...>`` token spells, with ``\\u``/``\\U`` escapes decoded."""
    return _UCHAR.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), token[1:-1])


def declares_dataset(query: str) -> bool:
    """Whether the query has its own ``FROM``/``FROM NAMED`` (strings, IRIs, comments ignored).

    Such a query keeps its dataset; otherwise the server makes the default graph the union of
    all graphs.

    >>> declares_dataset('SELECT * FROM <http://g> { ?s ?p ?o }')
    True
    >>> declares_dataset('SELECT * { ?s ?p "from" } # FROM <x>')
    False
    """
    toks = tokens(query)
    for i, token in enumerate(toks):
        if token.kind == "word" and token.text.upper() == "FROM":
            after = toks[i + 1:i + 3]
            if after and after[0].kind == "word" and after[0].text.upper() == "NAMED":
                after = after[1:]
            if after and after[0].kind in _FROM_TARGETS:
                return True
    return False
