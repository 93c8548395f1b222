"""One document through every extractor: Doc in, :class:`Extraction` out."""

from __future__ import annotations

from spacy.tokens import Doc

from extract.context import make_context
from extract.gazetteer import Gazetteer
from extract.policies import find_policies
from extract.records import DocumentInfo, Extraction, NonStatement, Statement
from extract.speech import find_statements
from extract.summits import find_summits
from extract.text import forget_caches


def extract_document(doc: Doc, info: DocumentInfo, gazetteer: Gazetteer) -> Extraction:
    """Run every extractor over ``doc`` (whose text is ``info.text``).

    Order matters: summits link to the policies they produced, and statements to the summits
    and policies they talk about.
    """
    try:
        ctx = make_context(doc, info, gazetteer)
        policies = tuple(find_policies(ctx))
        summits = tuple(find_summits(ctx, policies))
        speech = list(find_statements(ctx, events=(*summits, *policies)))
    finally:
        forget_caches(doc)
    return Extraction(
        document=info,
        actors=ctx.actors.actors,
        topics=ctx.topics.topics,
        statements=tuple(s for s in speech if isinstance(s, Statement)),
        non_statements=tuple(s for s in speech if isinstance(s, NonStatement)),
        summits=summits,
        policies=policies,
    )
