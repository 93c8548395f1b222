"""Policies: tariffs, sanctions, purchase pledges and other measures one actor takes or promises.

A policy is found from a trigger word in ``lexicons/policy_triggers.tsv`` ("tariffs", "embargo",
"pledged to buy 12 million tonnes") and filled from the parse around it (a
:class:`~extract.policies.sites.Site`). Each slot is an ordered registry of small named rules
(:class:`extract.rules.Registry`); the first rule that decides wins:

=====================  =====================================  ==================================
slot                   registry                               reads
=====================  =====================================  ==================================
trigger condition      :data:`needs.NEEDS`                    the ``needs`` column of the TSV
actor                  :data:`actor.ACTOR`                    modifier, possessor, subject ...
target                 :data:`target.TARGET`                  "on/against X", a pair named before
kind change            :data:`target.KIND_CHANGE`             curbs on another state's exports
commodity              :data:`commodity.COMMODITY`            goods in the phrase
quantity               :data:`quantity.QUANTITY`              amounts in the phrase or on its verb
status (per verb)      :data:`status.VERB`                    cue verbs of ``status_cues.tsv``
status (clause)        :data:`status.CLAUSE`                  modals, tense, the kind's default
=====================  =====================================  ==================================

Repeated mentions of the same measure ("the embargo ... lifting the embargo") are one record
with several mentions (:mod:`extract.policies.drafts`). The words the rules read are data:
``lexicons/policy_words.tsv`` (by class), ``lexicons/policy_kinds.tsv`` (what each kind
implies), ``lexicons/modals.tsv`` (through :mod:`extract.modality`).

Adding a policy construction
----------------------------
1. **A new trigger word** ("levy" as a verb): add a row to ``lexicons/policy_triggers.tsv``
   with its kind and the ``needs`` check it must pass ("-" for none). Nothing else.
2. **A new trigger condition** ("only with a farm product beside it"): write a function
   ``(site, qty) -> bool`` in :mod:`extract.policies.needs`, register it with
   ``@NEEDS.register("farm")`` and a docstring giving an example, and add ``farm`` to the
   ``#@ values needs:`` line of the TSV. A test fails if the two lists differ.
3. **A new way to find a slot** ("Kenya will benefit from the tariff cut": a beneficiary is a
   target): write a 20-40 line function ``(site, ...) -> value | None`` in the slot's module,
   with a one-line docstring naming the construction and an example sentence, and register it
   with ``@TARGET.register("beneficiary")``. Rules run in the order they are registered, so
   place it where it must win over the rules after it. Return ``None`` when the construction
   is not there; an actor rule returns ``Outcome.NONE`` to say "no actor, stop looking".
4. **The words a rule reads** go in ``lexicons/policy_words.tsv`` under a class (declared in
   its ``#@ values class:`` line) and are read with ``policy_words("class")``.
5. **A test**: a row in the rule's parametrized table in
   ``tests/extract/policies/test_policy_rules.py``: a short sentence written for the test with
   the slot expected. When the rule needs only the parse, write the sentence's parse by hand
   in ``tests/support/policy_sentences.py`` (one token a line, see
   ``tests/support/hand_docs.py``) so the test runs without the model.

The parse helpers shared with :mod:`extract.summits` live in :mod:`extract.syntax` and
:mod:`extract.triggers`.
"""

from __future__ import annotations

from extract.policies.find import find_policies

__all__ = ["find_policies"]
