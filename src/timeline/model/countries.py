"""Jurisdictions: ISO 3166-1 alpha-2 country codes, with the usual mistakes named.

The list comes from the `iso3166` package (the officially assigned codes, and XK
for Kosovo, which is user-assigned but in general use).
"""

from __future__ import annotations

# Codes that people write for a country whose ISO code is another: the United Kingdom
# is GB (UK is only "exceptionally reserved"), Greece is GR (EL is the EU's code).
_USUAL_MISTAKES = {"UK": "GB", "EL": "GR"}


def country_name(code: str) -> str | None:
    """The country's short name, or None if `code` is not an ISO 3166-1 alpha-2 code."""
    import iso3166  # imported here: only validation needs the list

    country = iso3166.countries_by_alpha2.get(code)
    return None if country is None else country.apolitical_name


def country_problem(code: str) -> tuple[str, str] | None:
    """Why `code` (two capitals) is no jurisdiction, and a hint; None when it is one."""
    if country_name(code) is not None:
        return None
    meant = _USUAL_MISTAKES.get(code)
    if meant is not None:
        return (
            f"'{code}' is not an ISO 3166-1 alpha-2 country code",
            f"did you mean '{meant}' ({country_name(meant)})?",
        )
    return (
        f"'{code}' is not an ISO 3166-1 alpha-2 country code",
        "see the list of ISO 3166-1 alpha-2 codes: KG is Kyrgyzstan, GB the United Kingdom",
    )
