"""The reference sections of the Markdown report: people, organizations, charges, sources,
conflicts, and the footnotes that cite the sources."""

from __future__ import annotations

from collections.abc import Sequence

from timeline.exporters import markup as md
from timeline.model.case import Affiliation, Case, Charge, Person, Source
from timeline.model.vocab import Privacy


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GFM table from escaped Markdown cells."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(md.cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines)


def people_section(case: Case) -> str:
    if not case.people:
        return ""
    rows = [
        [
            person_name(person),
            md.text(", ".join(_role_words(person))),
            "; ".join(affiliation(case, a) for a in person.affiliations),
            " ".join(md.prose(person.description or "")),
        ]
        for person in case.people
    ]
    return "## People\n\n" + table(["Name", "Roles", "Affiliations", "Notes"], rows)


def person_name(person: Person) -> str:
    """The name, with aliases; initials-only people: the initials alone."""
    if person.privacy is Privacy.INITIALS or not person.aliases:
        return md.text(person.name)
    aliases = ", ".join(md.text(alias.name) for alias in person.aliases)
    return f"{md.text(person.name)} ({aliases})"


def _role_words(person: Person) -> list[str]:
    return [person.label if r.value == "other" and person.label else r.words for r in person.roles]


def affiliation(case: Case, item: Affiliation) -> str:
    details = ", ".join(part for part in (item.role, "former" if item.former else None) if part)
    name = case.display_name(item.org)
    return md.text(f"{name} ({details})" if details else name)


def organizations_section(case: Case) -> str:
    if not case.organizations:
        return ""
    rows = []
    for org in case.organizations:
        aliases = ", ".join(alias.name for alias in org.aliases)
        kind = org.label if org.kind.value == "other" and org.label else org.kind.words
        name = md.text(f"{org.name} ({aliases})" if aliases else org.name)
        rows.append([name, md.text(kind), " ".join(md.prose(org.description or ""))])
    return "## Organizations\n\n" + table(["Name", "Kind", "Notes"], rows)


def charge_words(charge: Charge) -> str:
    """``Criminal Code, Article 278, Part 3: Calls for mass unrest``."""
    part = f", Part {charge.part}" if charge.part else ""
    return f"{charge.code}, Article {charge.article}{part}: {' '.join(charge.title.split())}"


def charges_section(case: Case) -> str:
    if not case.charges:
        return ""
    rows = [
        [md.text(c.code), md.text(c.article), md.text(c.part or ""), md.text(c.title)]
        for c in case.charges
    ]
    return "## Charges\n\n" + table(["Code", "Article", "Part", "Title"], rows)


def citation(source: Source) -> str:
    """A full citation: publisher, title (linked), date, URL, archive, note."""
    parts = [md.text(source.publisher)]
    if source.title and source.url:
        parts.append(md.link(source.title, source.url))
    elif source.title:
        parts.append(f"“{md.text(source.title)}”")
    elif source.url:
        parts.append(f"<{md.url(source.url)}>")
    if source.published is not None:
        parts.append(f"published {md.text(source.published.display())}")
    if source.archive_url:
        parts.append(f"archived at <{md.url(source.archive_url)}>")
    text = ", ".join(parts) + "."
    if source.note:
        text += " " + " ".join(md.prose(source.note))
    return text


def sources_section(case: Case) -> str:
    if not case.sources:
        return ""
    lines = [f"- {citation(source)}" for source in case.sources]
    return "## Sources\n\n" + "\n".join(lines)


def conflicts_section(case: Case) -> str:
    """Every conflict between sources, each side with its sources as footnotes."""
    if not case.conflicts:
        return ""
    lines = ["## Where sources disagree", ""]
    for conflict in case.conflicts:
        about = ", ".join(_item_name(case, ref) for ref in conflict.about)
        what = conflict.description or conflict.field or conflict.id
        lines.append(f"- **{md.text(what)}** (about {md.text(about)})")
        for claim in conflict.claims:
            refs = "".join(f"[^{ref}]" for ref in dict.fromkeys(c.ref for c in claim.sources))
            lines.append(f"  - {md.text(claim.claim)}{refs}")
        if conflict.note:
            lines.append("  - Note: " + " ".join(md.prose(conflict.note)))
    return "\n".join(lines)


def _item_name(case: Case, ref: str) -> str:
    item = case.index.get(ref)
    if item is None:
        return ref
    found = getattr(item, "name", None) or getattr(item, "title", None)
    return str(found or getattr(item, "publisher", None) or ref)


def footnotes(case: Case) -> str:
    """One footnote per source; a renderer shows those that are cited."""
    return "\n".join(f"[^{source.id}]: {citation(source)}" for source in case.sources)
