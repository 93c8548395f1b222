"""Statements: who said what, from reporting cues, their speakers and quotation marks.

A sentence yields a :class:`~extract.records.Statement` for each reporting cue whose speaker
resolves to an actor and which has content (a clause, a quotation or, for some verbs, an
object). Quotations are found on the raw text (straight or curly marks, never across a
paragraph), attached to the attribution in their sentence, and a quotation with no attribution
continues the speaker just before it. Negated or declined speech yields a
:class:`~extract.records.NonStatement`; speech still to come ("would insist") and deeds
("agreed to hold talks", "defend itself") yield nothing. Cues of one speaker in one sentence
are one statement when coordinated or nested, two otherwise. ``about`` is what the content
names after resolution (pronouns, "the island", topic back-references); content naming nothing
is about the non-person names of the title.

One module per concept, each run through a registry of small named rules:

- :mod:`~extract.speech.cues` / :mod:`~extract.speech.constructions` - reporting constructions
  ("X said ...", "according to X"): which token cues speech, its content, its speaker;
- :mod:`~extract.speech.guards` - cues that are not speech (refused, negated, modal ...);
- :mod:`~extract.speech.speakers` / :mod:`~extract.speech.resolvers` - the speaker noun phrase
  and the ordered resolvers that say which actor it stands for (a name, a pronoun, "the
  ministry", "an ECB spokesman", an anonymous source ...);
- :mod:`~extract.speech.content`, :mod:`~extract.speech.quotations`,
  :mod:`~extract.speech.nesting`, :mod:`~extract.speech.about` - what was said, its quotations,
  relayed speech and one statement per speech act, and what it is about;
- :mod:`~extract.speech.extractor` - :func:`find_statements`, which runs them;
- :mod:`extract.discourse` - who was named or subject before a token (pronouns, "the company").

Adding a reporting construction
-------------------------------
Say the text has "The minister was quoted as saying that talks would resume."

1. **Write the rule** in :mod:`extract.speech.constructions`: a ``match(st, tok)`` returning
   the phrase of ``lexicons/reporting_verbs.tsv`` the token cues (add the phrase there, with its
   frame, if it is new), a ``content(st, cue, sent)`` returning the tokens said (or None: no
   statement) and a ``speaker(st, cue)`` returning the actor key; for the speaker, find the noun
   phrase in the parse and hand it to :func:`~extract.speech.speakers.np_actor`, so every
   speaker resolver applies. Reuse :func:`~extract.speech.content.verb_content` and
   :func:`~extract.speech.speakers.verb_speaker` where the construction is a verb's.
2. **Register it**: ``construction(Construction(name=..., reads=..., example=..., match=...,
   content=..., speaker=...))``, ``reads`` saying in one line what construction it reads. The
   registries are :class:`extract.rules.Registry` objects: rules are tried in the order they
   are registered and the first that matches a token reads it, so a construction more
   specific than a plain reporting verb is defined above it. Set ``nested="drop"`` if, inside
   another cue's content, it is part of that statement rather than speech relayed. A cue that
   is *not* speech ("it goes without saying") is a guard: a function registered with
   ``@GUARDS.register(name)`` in :mod:`extract.speech.guards`. A new kind of speaker phrase
   ("his lawyer") is a resolver: ``@SPEAKERS.register(name)`` in
   :mod:`extract.speech.resolvers`, placed where it should be tried.
3. **Add its test table** to ``tests/extract/speech/``: a ``pytest.mark.parametrize`` table of
   short sentences written for the test (never copied from dev or PolNeAR texts) with the
   records expected. Where the rule only needs a parse, build the ``Doc`` by hand: write the
   parse as a token table for ``parse`` of ``tests/support/handparse.py`` (the ``speech``
   fixture of ``tests/extract/speech/conftest.py`` runs the extractor over it), so the test
   runs with ``-m "not model"``; ``test_constructions.py`` shows the pattern. List the cue its
   example gives in ``EXAMPLE_CUES`` of ``test_registry.py`` (a test checks that every
   construction reads its own example with the model).
4. **Run the floor**: ``pytest tests/extract -q``, then ``newskg eval ../shared/eval/dev`` and
   the PolNeAR bench (``python ../shared/eval/polnear/polnear_bench.py --compartment dev
   --newskg newskg``); no headline figure may drop.
"""

from __future__ import annotations

from extract.speech.extractor import find_statements
from extract.speech.freeze import evidence_of

__all__ = ["evidence_of", "find_statements"]
