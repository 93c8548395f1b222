"""Small pure helpers about SPARQL text that the store and the server share."""

from __future__ import annotations

import re

_STRIP = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*',
)
_FROM = re.compile(r"(?<![?$:\w-])FROM\s+(?:NAMED\s+)?(?:<>|[A-Za-z][\w.-]*:|:)",
                   re.IGNORECASE)


def _blank(match: re.Match[str]) -> str:
    text = match.group(0)
    return "<>" if text.startswith("<") else " "


def declares_dataset(query: str) -> bool:
    """Whether the query has its own ``FROM``/``FROM NAMED`` (strings, IRIs, comments ignored).

    Such a query keeps its dataset; otherwise the default graph is the union of all graphs.

    >>> declares_dataset('SELECT * FROM <http://g> { ?s ?p ?o }')
    True
    >>> declares_dataset('SELECT * { ?s ?p "from" } # FROM')
    False
    """
    return bool(_FROM.search(_STRIP.sub(_blank, query)))
