"""An article's text with its extractions marked: pure, HTML-escaped, one ``<mark>`` per run of
characters that the same extractions cover.

Spans may nest (an actor's mention inside a statement's sentence) or overlap; the text is cut
at every span boundary, and each piece links to the innermost extraction covering it (links
cannot nest) while its ``title`` names all of them. The first piece of each span carries the
span's ``anchor`` as ``id``, so that a statement's page can link to its place in the article.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from markupsafe import Markup


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    href: str
    label: str
    category: str  # statement, summit, policy, actor, topic: the mark's CSS class
    anchor: str


def highlight(text: str, spans: list[Span]) -> Markup:
    """``text`` as HTML with ``spans`` marked; spans outside the text, or empty, are dropped.

    >>> str(highlight("Xi spoke.", [Span(0, 2, "/x", "Xi Jinping", "actor", "a1")]))
    '<mark class="hl hl-actor" id="a1" title="actor: Xi Jinping"><a href="/x">Xi</a></mark> spoke.'
    """
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    anchored: set[str] = set()
    out: list[str] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        piece = escape(text[left:right], quote=False)
        covering = [s for s in spans if s.start <= left and right <= s.end]
        if not covering:
            out.append(piece)
            continue
        inner = min(covering, key=lambda s: (s.end - s.start, s.start))
        ids = [s.anchor for s in covering if s.start == left and s.anchor not in anchored]
        anchored.update(ids)
        id_attr = f' id="{escape(ids[0])}"' if ids else ""
        title = "; ".join(f"{s.category}: {s.label}" for s in covering)
        out.append(
            f'<mark class="hl hl-{escape(inner.category)}"{id_attr} title="{escape(title)}">'
            f'<a href="{escape(inner.href)}">{piece}</a></mark>'
        )
        # A second span starting here gets its anchor on an empty marker of its own.
        out.extend(f'<span id="{escape(extra)}"></span>' for extra in ids[1:])
    return Markup("".join(out))
