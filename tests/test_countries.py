"""Jurisdictions: the copied list of country names is the iso3166 package's."""

from __future__ import annotations

import iso3166

from timeline.model.countries import country_name, country_problem
from timeline.model.country_names import NAMES


def test_the_names_are_the_packages() -> None:
    expected = {code: c.apolitical_name for code, c in iso3166.countries_by_alpha2.items()}
    assert expected == NAMES


def test_a_code_is_named_or_explained() -> None:
    assert country_name("KG") == "Kyrgyzstan"
    assert country_name("XK") == "Kosovo"
    assert country_name("ZZ") is None
    assert country_problem("KG") is None
    problem = country_problem("UK")
    assert problem is not None
    assert "did you mean 'GB' (United Kingdom of Great Britain" in problem[1]
