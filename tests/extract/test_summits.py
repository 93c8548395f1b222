"""Summits: kind, participants, status, place, initiator, outcome and identity."""

from __future__ import annotations

import datetime as dt

import pytest
from hand_docs import doc_context

from extract import lexicons
from extract.policies import find_policies
from extract.summits import find_summits


@pytest.fixture(scope="module")
def summits(nlp, gazetteer):
    def run(text: str, date: dt.date | None = None):
        ctx = doc_context(nlp(text), gazetteer, date)
        policies = list(find_policies(ctx))
        found = list(find_summits(ctx, policies))
        labels = {a.key: a.label for a in ctx.actors.actors}
        return found, labels, policies

    return run


def names(s, labels):
    return sorted(labels[k] for k in s.participants)


def test_trigger_lexicon_names_only_known_kinds():
    from extract.records import SummitKind

    kinds = {r["kind"] for r in lexicons.table("summit_triggers.tsv")}
    assert kinds <= {k.value for k in SummitKind}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind", "participants", "status"),
    [
        (
            "Joe Biden held talks with Olaf Scholz in Berlin on Friday.",
            "Talks",
            ["Joe Biden", "Olaf Scholz"],
            "held",
        ),
        (
            "Joe Biden held discussions with Olaf Scholz in Berlin.",
            "Meeting",
            ["Joe Biden", "Olaf Scholz"],
            "held",
        ),
        (
            "Emmanuel Macron will meet Narendra Modi next week.",
            "Meeting",
            ["Emmanuel Macron", "Narendra Modi"],
            "planned",
        ),
        (
            "A meeting between Fumio Kishida and Yoon Suk Yeol took place in Seoul.",
            "Meeting",
            ["Fumio Kishida", "Yoon Suk-yeol"],  # linked: the knowledge base's label
            "held",
        ),
        (
            "Rishi Sunak had a phone call with Justin Trudeau.",
            "PhoneCall",
            ["Justin Trudeau", "Rishi Sunak"],
            "held",
        ),
    ],
)
def test_kind_participants_and_status(summits, text, kind, participants, status):
    found, labels, _ = summits(text, dt.date(2023, 6, 7))
    assert [(s.kind.value, names(s, labels), s.status) for s in found] == [
        (kind, participants, status)
    ]


@pytest.mark.model
def test_an_accepted_invitation_to_visit_is_a_planned_visit_to_the_place(summits):
    text = "Emmanuel Macron said he accepted Joe Biden's invitation to visit Washington in April."
    (s,), labels, _ = summits(text, dt.date(2023, 1, 10))
    assert s.kind.value == "StateVisit"
    assert s.status == "planned"
    assert names(s, labels) == ["Emmanuel Macron", "Joe Biden"]
    assert labels[s.location] == "Washington, D.C."
    assert (s.time.text, s.time.earliest) == ("April", dt.date(2023, 4, 1))


@pytest.mark.model
def test_a_visiting_official_visits_the_state_of_the_city(summits):
    (s,), labels, _ = summits("Mr Olaf Scholz, visiting Beijing, spoke of trade.")
    assert s.kind.value == "Visit"
    assert "People's Republic of China" in names(s, labels)


@pytest.mark.model
def test_later_mentions_of_a_call_are_the_same_call_and_name_its_initiator(summits):
    text = (
        "Emmanuel Macron and Joe Biden held a phone call on Monday. "
        "France\u2019s foreign ministry said Washington initiated the call. "
        "Macron described the conversation as warm."
    )
    (s,), labels, _ = summits(text, dt.date(2023, 6, 7))
    assert s.kind.value == "PhoneCall"
    assert labels[s.initiated_by] == "United States of America"
    assert [m.text for m in s.mentions] == ["phone call", "call", "conversation"]
    assert s.time.day == dt.date(2023, 6, 5)


@pytest.mark.model
def test_a_policy_agreed_during_a_meeting_is_its_outcome(summits):
    text = (
        "Joe Biden and Fumio Kishida met in Tokyo, where the two leaders agreed on "
        "a framework for a trade deal."
    )
    found, labels, policies = summits(text)
    meeting = next(s for s in found if s.kind.value == "Meeting")
    # The two leaders' states each take the deal (one record per conjunct), both outcomes.
    deals = [p for p in policies if p.kind.value == "TradeAgreement"]
    assert len(deals) == 2
    assert meeting.outcomes == tuple(d.key for d in deals)


@pytest.mark.model
def test_a_summit_with_nobody_attached_is_left_out(summits):
    found, _, _ = summits("Summits are often long.")
    assert found == []


@pytest.mark.model
def test_the_seed_article_call_meeting_and_planned_visit(summits):
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "seeds" / "trump-xi-call.txt").read_text()
    found, labels, policies = summits(text, dt.date(2025, 11, 25))
    by_kind = {}
    for s in found:
        by_kind.setdefault(s.kind.value, s)
    call, meeting = by_kind["PhoneCall"], by_kind["Meeting"]
    assert names(call, labels) == ["Donald Trump", "Xi Jinping"]
    assert labels[call.initiated_by] == "United States of America"
    assert call.time.day == dt.date(2025, 11, 24)
    assert labels[meeting.location] == "South Korea"
    deal = next(p for p in policies if p.kind.value == "TradeAgreement")
    assert deal.key in meeting.outcomes
    visit = next(s for s in found if s.location and labels[s.location] == "Beijing")
    assert (visit.status, visit.time.text) == ("planned", "April")
    pledge = next(p for p in policies if p.status == "pledged")
    assert (pledge.quantity, pledge.unit) == (12000000, "metric tonne")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "Finance ministers said the Paris meeting of the world's eight richest nations "
            "went well.",
            "G8",
        ),
        ("Officials prepared for the G20 summit in Osaka.", "G20"),
        ("The coming Tokyo summit of the seven major industrial nations was discussed.", "G7"),
    ],
)
def test_a_standing_group_named_or_described_by_its_size_is_the_participant(summits, text, group):
    (s,), labels, _ = summits(text)
    assert group in names(s, labels)


@pytest.mark.model
def test_seven_nations_without_a_group_qualifier_are_not_the_g7(summits):
    found, labels, _ = summits("A meeting of seven nations took place in Lima on Friday.")
    assert all("G7" not in names(s, labels) for s in found)


@pytest.mark.model
def test_the_premiers_are_the_people_holding_that_office(summits):
    text = (
        "Ontario Premier Kathleen Wynne and Alberta Premier Rachel Notley arrived. "
        "Prime Minister Justin Trudeau held talks with the premiers on Monday."
    )
    found, labels, _ = summits(text, dt.date(2016, 3, 3))
    talks = next(s for s in found if s.kind.value == "Talks")
    assert names(talks, labels) == ["Justin Trudeau", "Kathleen Wynne", "Rachel Notley"]


@pytest.mark.model
def test_the_subject_of_a_controlling_verb_takes_part(summits):
    text = "Joe Biden spoke in Berlin. He is due to meet President Emmanuel Macron."
    found, labels, _ = summits(text)
    assert names(found[-1], labels) == ["Emmanuel Macron", "Joe Biden"]
    assert found[-1].status == "planned"


@pytest.mark.model
def test_a_speaker_at_a_conference_with_someone_meets_them(summits):
    text = (
        "Mr Antony Blinken, speaking at a joint news conference with Foreign Minister "
        "Wang Yi, stressed this point."
    )
    (s,), labels, _ = summits(text)
    assert names(s, labels) == ["Antony Blinken", "Wang Yi"]
    assert s.status == "held"


@pytest.mark.model
def test_a_visitor_named_by_agent_phrase_on_the_verb_takes_part(summits):
    text = "The decision follows a visit to Seoul last week by Commerce Secretary Gina Raimondo."
    (s,), labels, _ = summits(text, dt.date(2023, 5, 2))
    assert "Gina Raimondo" in names(s, labels)
    assert s.status == "held"


@pytest.mark.model
def test_talks_on_membership_are_between_applicant_and_body(summits):
    (s,), labels, _ = summits(
        "Talks on Ukraine's membership of the European Union are making progress."
    )
    assert names(s, labels) == ["European Union", "Ukraine"]
    assert s.status == "ongoing"


@pytest.mark.model
def test_talks_with_one_state_are_held_by_the_datelines_state(summits):
    text = (
        "OTTAWA, March 12 - The prime minister said he discussed the pace of free trade "
        "talks with the United States."
    )
    found, labels, _ = summits(text, dt.date(1987, 3, 12))
    talks = next(s for s in found if s.kind.value == "Talks")
    assert names(talks, labels) == ["Canada", "United States of America"]


@pytest.mark.model
def test_a_present_tense_departure_on_a_later_day_is_planned(summits):
    (s,), _, _ = summits(
        "Fumio Kishida leaves on an official visit to Germany on Wednesday.", dt.date(2023, 4, 24)
    )
    assert s.status == "planned"


@pytest.mark.model
def test_a_meeting_during_a_visit_is_at_the_visited_place(summits):
    text = (
        "Mr Antony Blinken, visiting Tokyo, spoke of trade. "
        "Mr Antony Blinken, speaking at a joint news conference with Foreign Minister "
        "Yoko Kamikawa, stressed this point."
    )
    found, labels, _ = summits(text)
    meeting = next(s for s in found if s.kind.value == "Meeting")
    assert labels[meeting.location] == "Tokyo"


@pytest.mark.model
def test_a_held_meeting_without_a_place_is_at_the_dateline(summits):
    text = "OTTAWA, March 12 - Brian Mulroney said he met Ronald Reagan."
    found, labels, _ = summits(text, dt.date(1987, 3, 12))
    meeting = next(s for s in found if s.kind.value == "Meeting")
    assert (meeting.status, labels[meeting.location]) == ("held", "Ottawa")


@pytest.mark.model
def test_present_tense_in_a_when_clause_of_a_modal_is_planned(summits):
    text = (
        "A decision could be taken in December, when the World Trade Organization's "
        "members gather for a summit in Geneva."
    )
    (s,), _, _ = summits(text)
    assert s.status == "planned"


@pytest.mark.model
def test_a_qualified_office_plural_takes_only_the_holders_so_qualified(summits):
    text = (
        "Foreign Minister Wang Yi, Foreign Minister Yoko Kamikawa and Finance Minister "
        "Shunichi Suzuki arrived. Antony Blinken held talks with the foreign ministers."
    )
    found, labels, _ = summits(text)
    talks = next(s for s in found if s.kind.value == "Talks")
    # Linked persons carry the knowledge base's label.
    assert names(talks, labels) == ["Antony Blinken", "Wang Yi", "Yōko Kamikawa"]
