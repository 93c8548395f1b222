"""Argument-role rules, each on the construction it reads (hand-written parses, no model)."""

from __future__ import annotations

import pytest
import summit_sentences as P

from extract.summits.roles import ROLE_RULES, Roles, read_roles
from extract.summits.roles.clause import VERB_DEPENDENT_RULES, clause_verb
from extract.summits.roles.trigger import TRIGGER_DEPENDENT_RULES


def labels(site, keys):
    return [site.actors.get(k).label for k in keys]


def place_label(site, roles):
    return site.actors.get(roles.location).label if roles.location else None


@pytest.mark.parametrize(
    ("rule", "rows", "head", "kind", "claims", "parties", "place"),
    [
        ("possessor", P.MACRONS_VISIT, "visit", "Visit", ["Macron"], ["Emmanuel Macron"], None),
        ("named_modifier", P.LIMA_MEETING, "meeting", "Meeting", ["Lima"], [], "Lima"),
        ("named_modifier", P.CHILE_VISIT, "visit", "Visit", ["Chile"], ["Chile"], None),
        ("named_modifier", P.CHILE_VISIT, "visit", "Meeting", ["Chile"], [], "Chile"),
        ("named_modifier", P.FRENCH_VISIT, "visit", "Visit", ["French"], ["France"], None),
        ("standing_group_modifier", P.G20_SUMMIT, "summit", "Summit", ["G20"], ["G20"], None),
        (
            "party_phrase",
            P.TALKS_BETWEEN,
            "Talks",
            "Talks",
            ["between"],
            ["Chile", "Peru"],
            None,
        ),
        ("place_phrase", P.MEETING_IN_LIMA, "meeting", "Meeting", ["in"], [], "Lima"),
        (
            "visit_destination",
            P.VISIT_TO_BEIJING,
            "visit",
            "Visit",
            ["to"],
            ["People's Republic of China"],
            "Beijing",
        ),
        (
            "membership_topic",
            P.MEMBERSHIP_TALKS,
            "Talks",
            "Talks",
            ["on"],
            ["Ukraine", "European Union"],
            None,
        ),
        (
            "visited_object",
            P.VISITED_BEIJING,
            "visited",
            "Visit",
            ["Beijing"],
            ["People's Republic of China"],
            "Beijing",
        ),
    ],
)
def test_a_trigger_dependent_rule_reads_its_construction(
    site, rule, rows, head, kind, claims, parties, place
):
    s = site(rows, head, kind)
    read = TRIGGER_DEPENDENT_RULES[rule]
    roles = Roles()
    claimed = [d.text for d in s.head.children if read(s, roles, d)]
    assert (claimed, labels(s, roles.participants), place_label(s, roles)) == (
        claims,
        parties,
        place,
    )


def test_a_visit_here_is_to_the_datelines_place(site):
    s = site(P.VISIT_HERE, "visit", "Visit", here="Lima")
    roles = Roles()
    read = TRIGGER_DEPENDENT_RULES["visit_here"]
    assert [d.text for d in s.head.children if read(s, roles, d)] == ["here"]
    assert (labels(s, roles.participants), place_label(s, roles)) == (["Peru"], "Lima")


def test_the_two_leaders_are_the_latest_summits_pair(site):
    s = site(P.TWO_LEADERS, "Talks", "Talks", latest=("Biden", "Jinping"))
    roles = read_roles(s)
    assert labels(s, roles.participants) == ["Joe Biden", "Xi Jinping"]


@pytest.mark.parametrize(
    ("rule", "rows", "head", "kind", "parties"),
    [
        ("visitor_by_on_verb", P.VISIT_BY_ON_VERB, "visit", "Visit", ["Janet Yellen"]),
        ("verb_subject", P.HELD_TALKS_WITH, "talks", "Talks", ["Brian Mulroney"]),
        ("verb_subject", P.DUE_TO_MEET, "meet", "Meeting", ["Joe Biden"]),
        ("verb_subject", P.VISITING_PARTICIPLE, "visiting", "Visit", ["Jack Straw"]),
        ("verb_subject", P.INVITATION_TO_VISIT, "visit", "Visit", ["Emmanuel Macron"]),
    ],
)
def test_a_clause_rule_reads_its_construction(site, rule, rows, head, kind, parties):
    s = site(rows, head, kind)
    roles = Roles()
    ROLE_RULES[rule](s, roles)
    assert labels(s, roles.participants) == parties


def test_whoever_speaks_at_a_conference_with_someone_meets_them(site):
    s = site(P.CONFERENCE_WITH, "conference", "Meeting")
    roles = Roles(participants=[s.actors.at(s.head.doc[11])])  # Wang Yi, from "with"
    ROLE_RULES["conference_partner"](s, roles)
    assert labels(s, roles.participants) == ["Wang Yi", "Antony Blinken"]


def test_the_possessor_of_an_accepted_invitation_is_the_inviter(site):
    s = site(P.INVITATION_TO_VISIT, "visit", "Visit")
    roles = Roles()
    ROLE_RULES["invitation_possessor"](s, roles)
    assert s.actors.get(roles.inviter).label == "Joe Biden"


@pytest.mark.parametrize(
    ("rule", "rows", "head", "kind", "claims", "parties", "place"),
    [
        (
            "verb_party_phrase",
            P.MET_WITH,
            "met",
            "Meeting",
            ["with"],
            ["Ronald Reagan"],
            None,
        ),
        ("verb_object", P.WILL_MEET, "meet", "Meeting", ["Modi"], ["Narendra Modi"], None),
        ("verb_place_phrase", P.MET_IN_GENEVA, "met", "Meeting", ["in"], [], "Geneva"),
    ],
)
def test_a_verb_dependent_rule_reads_its_construction(
    site, rule, rows, head, kind, claims, parties, place
):
    s = site(rows, head, kind)
    verb = clause_verb(s)
    assert verb is not None
    read = VERB_DEPENDENT_RULES[rule]
    roles = Roles()
    claimed = [d.text for d in verb.children if read(s, roles, d)]
    assert (claimed, labels(s, roles.participants), place_label(s, roles)) == (
        claims,
        parties,
        place,
    )


@pytest.mark.parametrize(
    ("rows", "head", "kind", "parties", "place", "inviter"),
    [
        # the trigger's own dependents are read before the clause: "with" first, then the subject
        (P.HELD_TALKS_WITH, "talks", "Talks", ["Ronald Reagan", "Brian Mulroney"], None, None),
        (P.MET_IN_GENEVA, "met", "Meeting", ["Joe Biden", "Xi Jinping"], "Geneva", None),
        (
            P.CONFERENCE_WITH,
            "conference",
            "Meeting",
            ["Wang Yi", "Antony Blinken"],
            None,
            None,
        ),
        (
            P.INVITATION_TO_VISIT,
            "visit",
            "Visit",
            ["United States of America", "Emmanuel Macron"],
            "Washington, D.C.",
            "Joe Biden",
        ),
        (
            P.VISIT_BY_ON_VERB,
            "visit",
            "Visit",
            ["Vietnam", "Janet Yellen"],
            "Hanoi",
            None,
        ),
    ],
)
def test_the_role_registry_reads_every_role_of_a_sentence(
    site, rows, head, kind, parties, place, inviter
):
    s = site(rows, head, kind)
    roles = read_roles(s)
    got_inviter = s.actors.get(roles.inviter).label if roles.inviter else None
    assert (labels(s, roles.participants), place_label(s, roles), got_inviter) == (
        parties,
        place,
        inviter,
    )


def test_who_extends_an_invitation_to_make_a_visit_is_its_inviter(site):
    s = site(P.INVITATION_TO_MAKE, "visit", "StateVisit")
    roles = Roles()
    ROLE_RULES["invitation_to_make"](s, roles)
    assert s.actors.get(roles.inviter).label == "Joe Biden"
