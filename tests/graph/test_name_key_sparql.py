"""The SPARQL twin of question_sparql.name_key computes the same key as the Python function."""

from __future__ import annotations

import pytest
from pyoxigraph import Literal, Store

from graph.question_sparql import NAME_KEY, name_key


@pytest.mark.parametrize(
    "label",
    [
        "Workers\u2019  Party",
        "Workers' Party",
        "U.S. Trade\tRepresentative",
        "\u201cBelt and Road\u201d Initiative",
        "Société Générale",
    ],
)
def test_the_sparql_key_of_a_label_equals_the_python_key(label: str) -> None:
    key = NAME_KEY.format(v="?n")
    query = f"SELECT ?k WHERE {{ VALUES ?n {{ {Literal(label)} }} BIND({key} AS ?k) }}"
    rows = list(Store().query(query))
    assert rows[0]["k"].value == name_key(label)
