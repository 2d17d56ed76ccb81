"""The sections of the Markdown report: defendants, people, organizations, charges, related
cases, conflicts, sources, and the footnotes that cite the sources."""

from __future__ import annotations

from collections.abc import Sequence

from timeline.exporters import markup as md
from timeline.exporters.standing import defendant_lines
from timeline.model import describe
from timeline.model.case import Affiliation, Case, Charge, Event, Person, Source
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


def sources_section(case: Case, cited: set[str]) -> str:
    """The sources that no footnote cites (each source appears once in the report)."""
    rest = [source for source in case.sources if source.id not in cited]
    if not rest:
        return ""
    lines = [f"- {citation(source)}" for source in rest]
    title = "## Other sources" if cited else "## Sources"
    return f"{title}\n\n" + "\n".join(lines)


def defendants_section(case: Case) -> str:
    """Each defendant's standing and days in custody, as `timeline show` says them."""
    rows = [
        [md.text(d.name), md.text(d.standing), md.text(d.custody)] for d in defendant_lines(case)
    ]
    if not rows:
        return ""
    return "## Defendants\n\n" + table(["Defendant", "Standing", "Days in custody"], rows)


def related_section(case: Case) -> str:
    if not case.related:
        return ""
    lines = [f"- {md.text(words)}" for words in describe.related_words(case)]
    return "## Related cases\n\n" + "\n".join(lines)


def conflicts_section(case: Case, shown: set[str]) -> str:
    """Every conflict between sources by id; those about a reported event are told there."""
    if not case.conflicts:
        return ""
    lines = ["## Where sources disagree", ""]
    for conflict in case.conflicts:
        about = ", ".join(_item_name(case, ref) for ref in conflict.about)
        what = describe.conflict_topic(conflict)
        lines.append(f"- `{conflict.id}`: **{md.text(what)}** (about {md.text(about)})")
        events = [e for e in case.chronology if e.id in conflict.about and e.id in shown]
        if events:
            lines.append(f"  - See the chronology, {md.text(_event_words(events))}.")
            continue
        for claim in conflict.claims:
            refs = md.footnotes(dict.fromkeys(c.ref for c in claim.sources))
            lines.append(f"  - {md.text(claim.claim)}{refs}")
        if conflict.note:
            lines.append("  - Note: " + " ".join(md.prose(conflict.note)))
    return "\n".join(lines)


def _event_words(events: list[Event]) -> str:
    return "; ".join(
        f"{e.date.display(inferred=[p.value for p in e.inferred])}: {e.title}" for e in events
    )


def _item_name(case: Case, ref: str) -> str:
    item = case.index.get(ref)
    if item is None:
        return ref
    found = getattr(item, "name", None) or getattr(item, "title", None)
    return str(found or getattr(item, "publisher", None) or ref)


def footnotes(case: Case, cited: set[str]) -> str:
    """One footnote per cited source, in the order of the case's sources."""
    return "\n".join(
        f"[^{source.id}]: {citation(source)}" for source in case.sources if source.id in cited
    )
