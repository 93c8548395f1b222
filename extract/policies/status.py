"""Where a policy stands (:class:`~extract.records.PolicyStatus`): ordered rules over the
chain of verbs above the trigger, then rules over the clause as a whole.

The chain is the trigger itself when it is a verb, then its governing verb and up to two
clauses above ("agreed to suspend export curbs": suspend, agree). Each *verb rule* looks at
one verb of the chain and returns a status (decided), :attr:`Outcome.SKIP` (this verb says
nothing: go to the next one) or None (not mine: try the next rule on the same verb). When no
verb decides, the *clause rules* run in order; the last one always answers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from extract.modality import HEDGES
from extract.policies.lexicon import default_status, policy_words, restrictive
from extract.policies.sites import Site
from extract.records import PolicyKind, PolicyStatus
from extract.rules import Outcome, Registry
from extract.syntax import realised, status_cues

# Links along which a status verb governs the measure ("plans to lift", "the lifting of").
_CHAIN_DEPS = frozenset(
    {"xcomp", "ccomp", "conj", "advcl", "pcomp", "acl", "relcl", "dobj", "pobj", "prep"}
)

# Cues that undo a measure: refusing or failing to take them leaves the measure as it stands.
_UNDOING = frozenset({PolicyStatus.LIFTED, PolicyStatus.SUSPENDED})


@dataclass(frozen=True, eq=False)
class Chain:
    """The verbs above one trigger, with the status cue each lemma gives."""

    site: Site
    kind: PolicyKind
    verbs: tuple[Token, ...]
    cues: dict[str, tuple[str, bool]]

    def cue(self, at: int) -> tuple[PolicyStatus, bool] | None:
        """The status cue of verb ``at`` and whether it only counts when realised."""
        found = self.cues.get(self.verbs[at].lemma_.lower())
        return None if found is None else (PolicyStatus(found[0]), found[1])

    def unrealised_before(self, at: int) -> bool:
        """A cue that only counts when realised stood unrealised lower in the chain."""
        return any(
            (c := self.cue(j)) is not None and c[1] and not realised(self.verbs[j])
            for j in range(at)
        )


VerbRule = Callable[[Chain, int], "PolicyStatus | Outcome | None"]
ClauseRule = Callable[[Chain], "PolicyStatus | None"]
VERB: Registry[VerbRule] = Registry("policy status (verb)")
CLAUSE: Registry[ClauseRule] = Registry("policy status (clause)")


@VERB.register("negated_agreement")
def negated_agreement(chain: Chain, at: int) -> PolicyStatus | None:
    """A negated verb of agreeing: "Peru did not back the quota" rejects it when the verb is
    the trigger itself; above it ("did not agree to lift the embargo") the measure stands."""
    v = chain.verbs[at]
    if any(c.dep_ == "neg" for c in v.children) and v.lemma_.lower() in policy_words(
        "agreement_verb"
    ):
        return PolicyStatus.REJECTED if at == 0 else default_status(chain.kind)
    return None


@VERB.register("not_renewed")
def not_renewed(chain: Chain, at: int) -> PolicyStatus | None:
    """A measure in force that its taker will not renew lapses: "Peru will not renew the
    accord" -> suspended (CAMEO 16 "reduce relations": let an agreement lapse)."""
    v = chain.verbs[at]
    if at == 0 and v.lemma_.lower() in policy_words("renew_verb"):
        if any(c.dep_ == "neg" for c in v.children):
            return PolicyStatus.SUSPENDED
    return None


@VERB.register("refused_failed_expected")
def refused_failed_expected(chain: Chain, at: int) -> PolicyStatus | None:
    """The verb a measure's verb completes: one refuses ("refused to sign the treaty" ->
    rejected), fails ("failed to agree a deal") or is expected ("is expected to impose
    tariffs") to make it -> proposed; refusing or failing to undo it ("refused to lift the
    embargo") leaves it as it stands."""
    v = chain.verbs[at]
    if v.dep_ != "xcomp":
        return None
    lemma = v.head.lemma_.lower()
    if lemma in policy_words("refusal_verb"):
        made = PolicyStatus.REJECTED
    elif lemma in policy_words("failure_verb") | policy_words("expectation_word"):
        made = PolicyStatus.PROPOSED
    else:
        return None
    cue = chain.cue(at)
    if cue is not None and cue[0] in _UNDOING:
        return None if lemma in policy_words("expectation_word") else default_status(chain.kind)
    return made


@VERB.register("agreement_content")
def agreement_content(chain: Chain, at: int) -> PolicyStatus | None:
    """A measure that is the content of an agreement was agreed: "extend its agreement to
    restrict production" -> agreed."""
    v = chain.verbs[at]
    if at == 0 and v.dep_ == "acl" and v.head.lemma_.lower() in policy_words("agreement_noun"):
        return PolicyStatus.AGREED
    return None


@VERB.register("unrealised_cue")
def unrealised_cue(chain: Chain, at: int) -> Outcome | None:
    """A cue that needs the act to have happened, under a modal, plan or negation: "may lift
    the embargo" says nothing of its status (and makes a plan above it about the lifting)."""
    cue = chain.cue(at)
    if cue is not None and cue[1] and not realised(chain.verbs[at]):
        return Outcome.SKIP
    return None


@VERB.register("backed_plan")
def backed_plan(chain: Chain, at: int) -> PolicyStatus | None:
    """A plan noun takes the status of the realised verb it is the object of: "ministers
    backed plans to cancel the debts" -> agreed."""
    cue, v = chain.cue(at), chain.verbs[at]
    if cue is None or cue[0] is not PolicyStatus.PROPOSED or v.pos_ != "NOUN":
        return None
    verb = v.head
    if v.dep_ not in ("dobj", "nsubjpass") or verb.pos_ != "VERB":
        return None
    backer = chain.cues.get(verb.lemma_.lower(), (None, False))[0]
    if backer in (None, "proposed") or not realised(verb):
        return None
    if _owned_by_other(v, verb, chain.site):
        return PolicyStatus.PROPOSED  # "Peru backed the Chilean proposal": still Chile's offer
    return PolicyStatus(backer)


def _owned_by_other(plan: Token, verb: Token, site: Site) -> bool:
    """The plan noun names an owner ("the Commission proposal", "Chile's plan") that is not
    the subject backing it."""
    actors = site.actors
    owners = {
        actors.agent(actors.at(c)) for c in plan.children if c.dep_ in ("poss", "compound")
    } - {None}
    subjects = {
        actors.agent(actors.at(c)) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
    }
    return bool(owners) and not owners & subjects


@VERB.register("plan_to_undo")
def plan_to_undo(chain: Chain, at: int) -> PolicyStatus | None:
    """A plan about an unrealised change leaves the measure as it is: "Chile has plans to end
    the quota" -> the quota's default status (imposed)."""
    cue = chain.cue(at)
    if cue is not None and cue[0] is PolicyStatus.PROPOSED and chain.unrealised_before(at):
        return default_status(chain.kind)
    return None


@VERB.register("purchase_despite_restriction")
def purchase_despite_restriction(chain: Chain, at: int) -> Outcome | None:
    """Buying is no agreement to a restriction: "firms bought steel despite the quota"."""
    cue = chain.cue(at)
    if (
        cue is not None
        and cue[0] is PolicyStatus.AGREED
        and restrictive(chain.kind)
        and chain.verbs[at].lemma_.lower() in policy_words("purchase_verb")
    ):
        return Outcome.SKIP
    return None


@VERB.register("aid_cut")
def aid_cut(chain: Chain, at: int) -> PolicyStatus | None:
    """Aid cut or reduced is withheld (CAMEO 162, reduce or stop aid): "will cut economic aid"
    -> suspended. Only aid: a tariff cut is a smaller tariff, not a suspended one."""
    if chain.kind not in (PolicyKind.AID, PolicyKind.MILITARY_AID) or at != 0:
        return None
    verb = chain.verbs[at]
    if verb.lemma_.lower() in policy_words("reduce_verb") and chain.site.head.dep_ == "dobj":
        return PolicyStatus.SUSPENDED
    return None


@VERB.register("status_cue")
def status_cue(chain: Chain, at: int) -> PolicyStatus | None:
    """The verb's own cue from ``lexicons/status_cues.tsv``: "Peru imposed tariffs" ->
    imposed, "Chile lifted the ban" -> lifted."""
    cue = chain.cue(at)
    return None if cue is None else cue[0]


@CLAUSE.register("modifier_cue")
def modifier_cue(chain: Chain) -> PolicyStatus | None:
    """A participle on the measure itself, when no verb above decided: "the proposed tax" ->
    proposed, "its threatened tariffs" -> threatened, "the planned embargo" -> proposed; one
    after it: "a ceiling agreed by OPEC" -> agreed."""
    head = chain.site.head
    for c in head.children:
        before = c.dep_ == "amod" and c.i < head.i
        if before or (c.dep_ == "acl" and c.i > head.i and c.tag_ in ("VBN", "VBD")):
            found = chain.cues.get(c.lemma_.lower())
            if found is not None and not found[1]:
                return PolicyStatus(found[0])
    return None


@CLAUSE.register("modal")
def modal(chain: Chain) -> PolicyStatus | None:
    """A modal over the chain: "Peru would impose tariffs" -> announced ("would sign a trade
    deal" -> proposed)."""
    if any(c.lower_ in HEDGES for v in chain.verbs for c in v.children if c.dep_ == "aux"):
        if chain.kind is PolicyKind.TRADE_AGREEMENT:
            return PolicyStatus.PROPOSED
        return PolicyStatus.ANNOUNCED
    return None


@CLAUSE.register("past_agreement")
def past_agreement(chain: Chain) -> PolicyStatus | None:
    """A trade agreement under a past verb was made: "a trade deal Peru struck" -> agreed."""
    gov = chain.site.gov
    if chain.kind is PolicyKind.TRADE_AGREEMENT and gov is not None and gov.tag_ in ("VBD", "VBN"):
        return PolicyStatus.AGREED
    return None


@CLAUSE.register("kind_default")
def kind_default(chain: Chain) -> PolicyStatus | None:
    """The kind's own default (``lexicons/policy_kinds.tsv``): "Chilean tariffs" -> imposed."""
    return default_status(chain.kind)


def chain_of(site: Site) -> tuple[Token, ...]:
    """The trigger when it is a verb, then the verbs governing it, at most four."""
    head, verb = site.head, site.gov
    chain: list[Token] = [head] if head.pos_ == "VERB" else []
    while verb is not None and len(chain) < 4:
        if not chain or chain[-1] is not verb:
            chain.append(verb)
        if verb.dep_ in _CHAIN_DEPS and verb.head.i != verb.i:
            verb = verb.head
        else:
            break
    return tuple(chain)


def status_of(site: Site, kind: PolicyKind) -> PolicyStatus:
    """The status of the measure of ``kind`` at ``site``."""
    chain = Chain(site, kind, chain_of(site), status_cues("policy"))
    for at in range(len(chain.verbs)):
        for rule in VERB:
            found = rule(chain, at)
            if found is Outcome.SKIP:
                break
            if found is not None and found is not Outcome.NONE:
                return found
    for clause_rule in CLAUSE:
        if (status := clause_rule(chain)) is not None:
            return status
    return default_status(kind)


__all__ = ["CLAUSE", "VERB", "Chain", "chain_of", "status_of"]
