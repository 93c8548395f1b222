"""The offline gazetteer: names, aliases, codes, demonyms and capitals to QIDs."""

from __future__ import annotations

import pytest

from extract import gazetteer as gaz


def qids(entries) -> list[str]:
    return [e.qid for e in entries]


@pytest.mark.parametrize(
    "name", ["U.S.", "US", "USA", "America", "the United States", "United States of America"]
)
def test_aliases_of_the_united_states_find_it(gazetteer, name):
    assert qids(gazetteer.lookup(name)) == ["Q30"]


@pytest.mark.parametrize("quote", ["'", "\u2019"])
def test_a_name_is_found_whichever_apostrophe_it_is_written_with(gazetteer, quote):
    # The bundled alias is written with a straight apostrophe; news text mostly curls it.
    assert "Q902" in qids(gazetteer.lookup(f"People{quote}s Republic of Bangladesh"))


@pytest.mark.parametrize("code", ["EC", "IN", "AL", "ME", "DE", "ecu", "in", "GB"])
def test_country_codes_are_not_names(gazetteer, code):
    # (a party may be abbreviated so: "AL" is the Awami League's short name)
    assert [e for e in gazetteer.lookup(code) if e.type in gaz.PLACE_TYPES] == []


def test_country_codes_are_kept_apart(gazetteer):
    assert qids(gazetteer.codes["EC"]) == ["Q736"]
    assert qids(gazetteer.codes["IN"]) == ["Q668"]


@pytest.mark.parametrize(
    ("name", "qid"),
    [("UK", "Q145"), ("UAE", "Q878"), ("PRC", "Q148"), ("EU", "Q458"), ("UN", "Q1065")],
)
def test_initialisms_stay_names(gazetteer, name, qid):
    # Parties of the same short name come after it, and linking prefers it.
    assert qids(gaz.prominent(gazetteer.lookup(name), gazetteer)) == [qid]


def test_is_code_decides_by_initials_and_dotted_forms():
    entry = gaz.Entry(
        "Q1", "United Kingdom", "country", ("UK", "GB", "U.S.", "US"), (), None, None, None
    )
    assert not gaz.is_code("UK", entry)
    assert gaz.is_code("GB", entry)
    assert not gaz.is_code("US", entry)
    org = gaz.Entry(
        "Q2", "Council of Europe", "international_organisation", ("COE",), (), None, None, None
    )
    assert not gaz.is_code("COE", org)


def test_the_entry_a_name_is_the_label_of_comes_first(gazetteer):
    found = gazetteer.lookup("Tunis")
    assert found[0].type == "city" and gazetteer.is_label("Tunis", found[0])


def test_demonyms_and_capitals_give_the_state(gazetteer):
    assert qids(gazetteer.demonym("Chinese")) == ["Q148"]
    beijing = gazetteer.by_qid["Q956"]
    assert gazetteer.state_of(beijing).qid == "Q148"
    assert gazetteer.capital_of["Q61"].qid == "Q30"
    assert gazetteer.state_of(gazetteer.by_qid["Q148"]) is None


@pytest.mark.parametrize(
    ("qid", "label"),
    [
        ("Q15031", "Xi Jinping"),
        ("Q22686", "Donald Trump"),
        ("Q148", "People's Republic of China"),
        ("Q865", "Taiwan"),
        ("Q61", "Washington, D.C."),
        ("Q130879", "Reuters"),
        ("Q180589", "Boris Johnson"),
        ("Q56226", "Kim Jong-un"),
    ],
)
def test_bundled_gazetteer_has_the_checked_items(gazetteer, qid, label):
    assert gazetteer.by_qid[qid].label == label


def test_every_bundled_row_names_its_sources():
    import csv
    import gzip

    with gzip.open(gaz.BUNDLED_GAZETTEER, "rt", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows and all(r["sources"].strip() for r in rows)


def test_user_files_extend_the_bundled_gazetteer_and_win_on_a_shared_qid(tmp_path):
    extra = tmp_path / "extra.tsv"
    extra.write_text(
        "qid\tlabel\ttype\taliases\n"
        "Q990020\tExample Agency\tgovernment_body\tEXA\n"
        "Q30\tUnited States\tcountry\tStates\n",
        encoding="utf-8",
    )

    merged = gaz.load((str(extra),))

    assert qids(merged.lookup("EXA")) == ["Q990020"]
    assert merged.by_qid["Q30"].label == "United States"
    assert qids(merged.lookup("Taiwan"))[0] == "Q865"
    assert qids(gaz.load((str(extra),), include_bundled=False).lookup("Taiwan")) == []


def test_a_file_without_required_columns_is_refused(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("qid\tname\nQ1\tx\n", encoding="utf-8")
    with pytest.raises(ValueError, match="label"):
        gaz.Gazetteer.from_tsv(bad)


def test_no_gazetteer_at_all_is_refused():
    with pytest.raises(ValueError):
        gaz.load((), include_bundled=False)


def test_a_party_short_name_is_not_a_known_name_but_a_label_or_a_state_is():
    kb = gaz.Gazetteer(
        [
            gaz.Entry("Q1", "Ruritania", "country", ("RR",), (), None, None, None),
            gaz.Entry(
                "Q2", "Ruritanian Unity Party", "political_party", ("RUP",), (), None, "Q1", None
            ),
        ]
    )
    assert kb.knows("Ruritania") and kb.knows("Ruritanian Unity Party")
    assert not kb.knows("RUP")
    assert qids(kb.lookup("RUP")) == ["Q2"]  # still a candidate for linking in context


def test_kim_jong_un_is_the_item_two_exports_agree_on(gazetteer):
    assert qids(gazetteer.lookup("Kim Jong Un")) == ["Q56226"]
    assert "Q42313" not in gazetteer.by_qid
