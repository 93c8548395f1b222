"""A small SPARQL lexer: enough to find keywords, IRIs and braces outside strings and comments.

The engine's parser is not reachable from Python, yet the store must know whether a query
declares its own dataset (``FROM``), and the server reads a few more things before a request
runs (``SERVICE`` and ``LOAD`` targets, where an update's ``WHERE`` clauses are). Token classes
follow the SPARQL 1.1 grammar's terminals closely enough that a keyword inside a string, an IRI
or a comment is never mistaken for one.

It runs in time linear in the text, whatever the text (the server feeds it untrusted requests):

* a string whose closing quote never comes ends the scan, since the engine will refuse that
  text anyway. A single regular expression with string alternatives would instead rescan to the
  end from every later quote (a 20 kB request of ``'''\\n\\\\`` repeated took seconds);
* whether a run of name characters is a prefixed name depends only on the character after the
  whole run (``:`` or not), so that is decided once per run. Asking the regular expression at
  every word of the run rescanned it to its end each time (40 kB of ``a.`` took 11 s).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LOCAL = r"(?:[\w:%.-]|\\[-_~.!$&'()*+,;=/?#@%])*"
_TOKEN = re.compile(
    r"(?P<comment>#[^\n]*)"
    r'|(?P<quote>"""|\'\'\'|"|\')'
    r'|(?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)'
    r"|(?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)"
    r"|(?P<pname>:" + _LOCAL + r")"
    r"|(?P<word>[^\W\d][\w-]*)"
    r"|(?P<other>\S)",
    re.UNICODE,
)
# A prefixed name with a prefix: a run of name characters, ``:``, the local part. Tried only
# where the run is known to be followed by ``:`` (see _NAME_RUN).
_PREFIXED = re.compile(r"[^\W\d_][\w.-]*:" + _LOCAL, re.UNICODE)
_PREFIX_START = re.compile(r"[^\W\d_]", re.UNICODE)
_NAME_RUN = re.compile(r"[\w.-]*", re.UNICODE)
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
    >>> [(t.kind, t.text) for t in tokens('g.h:x a.b')]
    [('pname', 'g.h:x'), ('word', 'a'), ('other', '.'), ('word', 'b')]
    """
    out: list[Token] = []
    depth = 0
    run_end, run_prefixed = -1, False  # the run of name characters the position is in
    pos = _SPACE.match(text).end()  # type: ignore[union-attr]
    while pos < len(text):
        match = None
        if _PREFIX_START.match(text, pos):
            if pos >= run_end:
                run_end = _NAME_RUN.match(text, pos + 1).end()  # type: ignore[union-attr]
                run_prefixed = text.startswith(":", run_end)
            if run_prefixed:
                match = _PREFIXED.match(text, pos)
        if match is not None:
            kind = "pname"
        else:
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

    Such a query keeps its dataset; otherwise the default graph is the union of all graphs.

    >>> declares_dataset('SELECT * FROM <http://g> { ?s ?p ?o }')
    True
    >>> declares_dataset('SELECT * { ?s ?p "from" } # FROM <x>')
    False
    """
    toks = tokens(query)
    for i, token in enumerate(toks):
        if token.kind == "word" and token.text.upper() == "FROM":
            after = toks[i + 1 : i + 3]
            if after and after[0].kind == "word" and after[0].text.upper() == "NAMED":
                after = after[1:]
            if after and after[0].kind in _FROM_TARGETS:
                return True
    return False
