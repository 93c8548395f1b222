"""Hand-built extractions for the store and writer tests: two actors and one statement."""

from __future__ import annotations

from extract.records import (
    Actor,
    ActorKind,
    DocumentInfo,
    Evidence,
    Extraction,
    Mention,
    Statement,
)
from newskg.pipeline import sha256

XI = Actor(
    key="Q15031",
    label="Xi Jinping",
    kind=ActorKind.PERSON,
    qid="Q15031",
    mentions=(Mention("Xi", 0, 2),),
)
TAIWAN = Actor(
    key="Q865",
    label="Taiwan",
    kind=ActorKind.COUNTRY,
    qid="Q865",
    mentions=(Mention("Taiwan", 12, 18),),
)


def extraction(
    doc_id: str, text: str = "Xi spoke of Taiwan today.", *, about: bool = True, speaker: Actor = XI
) -> Extraction:
    sentence = Evidence(0, len(text), text, 0, len(text))
    return Extraction(
        document=DocumentInfo(id=doc_id, text=text, sha256=sha256(text)),
        actors=(speaker, TAIWAN),
        statements=(
            Statement(
                speaker=speaker.key,
                evidence=sentence,
                cue="speak",
                direct=False,
                about=(TAIWAN.key,) if about else (),
            ),
        ),
    )
