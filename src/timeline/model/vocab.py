"""Controlled vocabularies of the case file, each term with a one-line definition.

Each vocabulary is a `StrEnum` whose members carry their definition, so that
the schema, the docs (`docs/data-format.md`) and the error messages come from
one place. `other`, with a free `label` next to it, is the escape hatch.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class Term(StrEnum):
    """A vocabulary term: its value is what the file says, `definition` what it means."""

    definition: str

    def __new__(cls, value: str, definition: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.definition = definition
        return member

    @property
    def words(self) -> str:
        """The term as English words: ``asset-freeze`` -> ``asset freeze``."""
        return self.value.replace("-", " ")


class EventType(Term):
    """What happened: the type of an event."""

    SEARCH = "search", "Premises, devices or people searched by the authorities."
    QUESTIONING = "questioning", "Someone questioned or interrogated, without being detained."
    DETENTION = "detention", "Someone taken into custody (short-term, before any court order)."
    ARREST = "arrest", "A formal arrest, or a court-ordered custody."
    PRETRIAL_MEASURE = (
        "pretrial-measure",
        "A court orders a measure before trial (custody, bail, house arrest).",
    )
    CHARGE = "charge", "Someone formally charged or named a suspect under an article."
    INDICTMENT = "indictment", "The case sent to court with an indictment."
    ASSET_FREEZE = "asset-freeze", "Bank accounts or property frozen or seized."
    HEARING = "hearing", "A court hearing (other than the verdict)."
    PLEA = "plea", "A defendant pleads guilty or not guilty."
    PROSECUTION_REQUEST = (
        "prosecution-request",
        "The prosecution asks the court for a verdict or sentence.",
    )
    EXPERT_FINDING = "expert-finding", "The finding of a court-appointed or other expert."
    VERDICT = "verdict", "A first-instance court decides guilt (and usually the sentence)."
    SENTENCE = "sentence", "A sentence imposed separately from the verdict."
    APPEAL = "appeal", "An appeal filed against a decision."
    APPEAL_DECISION = "appeal-decision", "A higher court decides an appeal."
    RELEASE = "release", "Someone released from custody."
    PARDON = "pardon", "A pardon or clemency by the executive."
    AMNESTY = "amnesty", "An amnesty applied to someone."
    EXCHANGE = "exchange", "Someone released in a prisoner exchange."
    OPINION = (
        "opinion",
        "An opinion or judgment of an international body (a UN working group, a regional court).",
    )
    ANNULMENT = (
        "annulment",
        "A higher court annuls earlier decisions (cassation, review, new circumstances).",
    )
    CHARGES_ADDED = "charges-added", "Charges added against someone."
    CHARGES_DROPPED = "charges-dropped", "Charges dropped by the prosecution or a court."
    CUSTODY_EXTENDED = "custody-extended", "A court extends custody before or during trial."
    HOUSE_ARREST = "house-arrest", "Someone moved to, or placed under, house arrest."
    TRANSFER = "transfer", "Someone moved between places of custody (pre-trial prison, colony)."
    WANTED = "wanted", "Someone put on a wanted list: at large."
    RETRIAL = "retrial", "A case sent back for a new trial."
    STATEMENT = "statement", "A public statement by a party, official or organization."
    DENIAL = "denial", "A party publicly denies an allegation or a statement."
    DEPORTATION = "deportation", "Someone expelled from a country."
    DESIGNATION = (
        "designation",
        "An organization or its material declared extremist, foreign agent, etc.",
    )
    LIQUIDATION = "liquidation", "An organization dissolved by a court or an authority."
    BLOCKING = "blocking", "A website or account blocked."
    OTHER = "other", "Anything else; say what in `label`."


class PersonRole(Term):
    """A person's part in the case as a whole."""

    DEFENDANT = "defendant", "Prosecuted in the case."
    SUSPECT = "suspect", "Named a suspect, not (yet) charged."
    WITNESS = "witness", "Testified or was questioned as a witness."
    LAWYER = "lawyer", "Defence lawyer or other legal representative."
    JUDGE = "judge", "A judge who ruled in the case."
    PROSECUTOR = "prosecutor", "A prosecutor in the case."
    INVESTIGATOR = "investigator", "An investigator of the case."
    OFFICIAL = "official", "A public official who acted or spoke in the case."
    JOURNALIST = "journalist", "A journalist (other than a defendant) involved in the case."
    EXPERT = "expert", "An expert who gave a finding."
    RELATIVE = "relative", "A relative of a defendant."
    OTHER = "other", "Any other role; say which in `label`."


class ParticipantRole(Term):
    """A person's or organization's part in one event."""

    SUBJECT = "subject", "The person or organization the event is about."
    DETAINEE = "detainee", "Detained or arrested in this event."
    DEFENDANT = "defendant", "A defendant in this hearing or decision."
    APPELLANT = "appellant", "Filed the appeal."
    AUTHORITY = "authority", "The authority that acted (a security service, the police)."
    COURT = "court", "The court that decided or heard."
    JUDGE = "judge", "The judge who decided or heard."
    PROSECUTOR = "prosecutor", "The prosecution."
    LAWYER = "lawyer", "A lawyer who acted."
    WITNESS = "witness", "A witness."
    EXPERT = "expert", "An expert."
    SPEAKER = "speaker", "Made the statement."
    TARGET = "target", "Targeted by the measure (an account frozen, a site blocked)."
    OTHER = "other", "Any other part; say which in `label`."


class OrganizationKind(Term):
    """What kind of organization it is."""

    COURT = "court", "A court."
    SECURITY_SERVICE = "security-service", "A security or intelligence service."
    POLICE = "police", "Police or an interior ministry."
    PROSECUTOR = "prosecutor", "A prosecutor's office."
    GOVERNMENT = "government", "A government body or administration."
    MEDIA = "media", "A media outlet."
    NGO = "ngo", "A non-governmental organization or foundation."
    COMPANY = "company", "A company."
    INTERNATIONAL = "international", "An international organization."
    OTHER = "other", "Anything else; say what in `label`."


class SourceKind(Term):
    """What kind of source it is."""

    NEWS = "news", "A news report."
    COURT_DOCUMENT = "court-document", "A court decision or filing."
    OFFICIAL = "official", "A statement or document of an authority."
    NGO = "ngo", "A report or alert by an NGO."
    SOCIAL_MEDIA = "social-media", "A post on social media."
    PRESS_RELEASE = "press-release", "A press release of a party."
    INTERVIEW = "interview", "An interview."
    OTHER = "other", "Anything else; say what in `label`."


class FactStatus(Term):
    """How well established an event is."""

    CONFIRMED = "confirmed", "Established by reliable sources or documents."
    REPORTED = "reported", "Reported by a source, not independently confirmed."
    CLAIMED = "claimed", "Asserted by a party (see `attribution`), not verified."
    DISPUTED = "disputed", "Asserted, and denied by someone (see `disputed_by`)."
    CONTESTED_BY_SOURCES = "contested-by-sources", "Sources disagree; see the case's `conflicts`."


class CaseStatus(Term):
    """Where the case stands."""

    INVESTIGATION = "investigation", "Under investigation, no trial yet."
    TRIAL = "trial", "On trial at first instance."
    CONVICTED = "convicted", "Convicted at first instance, no appeal pending."
    ACQUITTED = "acquitted", "Acquitted."
    APPEAL = "appeal", "An appeal is pending."
    CLOSED = "closed", "Finally decided or dropped; nothing pending."
    ONGOING = "ongoing", "Proceedings continue (a stage not listed here)."
    OTHER = "other", "Anything else; say what in `status_label`."


class Verdict(Term):
    """What a court decided about guilt, or on appeal."""

    GUILTY = "guilty", "Found guilty."
    ACQUITTED = "acquitted", "Acquitted."
    DISMISSED = "dismissed", "Case or charges dismissed without a verdict."
    UPHELD = "upheld", "On appeal: the earlier decision stands."
    AMENDED = "amended", "On appeal: the earlier decision changed (e.g. sentence reduced)."
    OVERTURNED = (
        "overturned",
        "The earlier decision reversed: a conviction becomes an acquittal, an acquittal a "
        "conviction (with this outcome's sentence); with `retrial: true`, set aside for a new "
        "trial.",
    )
    ANNULLED = (
        "annulled",
        "The earlier decisions annulled (cassation, review, new circumstances); nothing stands "
        "in their place until a new decision.",
    )
    PARDONED = "pardoned", "Pardoned or granted clemency; the conviction stands."
    AMNESTIED = "amnestied", "Freed or sentence remitted under an amnesty; the conviction stands."
    EXCHANGED = "exchanged", "Released in a prisoner exchange; the conviction stands."
    VIOLATION = (
        "violation",
        "An international body found rights violated (e.g. detention arbitrary); no legal "
        "force on the standing.",
    )
    NO_VIOLATION = "no-violation", "An international body found no violation."
    OTHER = "other", "Anything else; say what in `label`."


class SentenceKind(Term):
    """The kind of sentence or measure."""

    IMPRISONMENT = "imprisonment", "Prison or penal colony for `term`."
    PROBATION = "probation", "Probation for `term` (no custody)."
    SUSPENDED = "suspended", "A suspended prison term."
    FINE = "fine", "A fine (`amount`, `currency`)."
    COMMUNITY_SERVICE = "community-service", "Community or corrective labour."
    HOUSE_ARREST = "house-arrest", "House arrest (as a sentence or a pretrial measure)."
    PRETRIAL_DETENTION = "pretrial-detention", "Custody ordered before trial, for `term`."
    BAIL = "bail", "Released on bail or on a written undertaking."
    RECOGNIZANCE = (
        "recognizance",
        "Free before trial on a written undertaking not to leave (a travel restriction).",
    )
    NONE = "none", "No sentence."
    OTHER = "other", "Anything else; say what in `label`."


class Regime(Term):
    """The regime of a custodial sentence."""

    GENERAL = "general", "General-regime penal colony."
    STRICT = "strict", "Strict-regime penal colony."
    SPECIAL = "special", "Special-regime penal colony."
    SETTLEMENT = "settlement", "Colony-settlement."
    PRISON = "prison", "Prison (as opposed to a colony)."
    OTHER = "other", "Anything else; say what in `label`."


class OutcomeKind(Term):
    """Whether an outcome was decided by an authority or requested by the prosecution."""

    DECISION = "decision", "What an authority decided (see `by`)."
    REQUEST = "request", "What the prosecution asked for; never a decision."


class Authority(Term):
    """Who decided an outcome."""

    COURT = "court", "A court (the default)."
    EXECUTIVE = "executive", "The president or government: pardon, amnesty, exchange."
    PROSECUTION = "prosecution", "The prosecution: charges added or dropped."
    INTERNATIONAL = "international", "An international body: a UN working group, a regional court."


class CaseRelation(Term):
    """How a related case is related to this one."""

    SAME_PEOPLE = "same-people", "It involves the same people."
    SAME_EVENTS = "same-events", "It arises from the same events or publications."
    SPLIT_FROM = "split-from", "This case was split off from it."
    SPLIT_INTO = "split-into", "It was split off from this case."
    PARALLEL = "parallel", "A separate proceeding (civil, administrative) about the same matter."
    OTHER = "other", "Anything else; say what in `label`."


class ProceduralState(Term):
    """Where a defendant stands, derived from the decisions (never written in a file)."""

    AWAITING_TRIAL = "awaiting-trial", "Charged or detained; no decision on guilt in force."
    APPEAL_PENDING = "appeal-pending", "An appeal against the decision in force is pending."
    CONVICTED = "convicted", "Convicted; the conviction is in force."
    ACQUITTED = "acquitted", "Acquitted; the acquittal is in force."
    DISMISSED = "dismissed", "The case or the charges dismissed or dropped."
    RETRIAL_PENDING = "retrial-pending", "Earlier decisions annulled; a new trial ordered."
    ANNULLED = "annulled", "Earlier decisions annulled; no retrial stated."
    PARDONED = "pardoned", "Convicted, then pardoned."
    AMNESTIED = "amnestied", "Convicted, then freed or spared under an amnesty."
    EXCHANGED = "exchanged", "Convicted, then released in a prisoner exchange."
    AT_LARGE = "at-large", "Wanted, not in the authorities' hands."


class Liberty(Term):
    """Whether a person is free, derived from custody events (never written in a file)."""

    IN_CUSTODY = "in-custody", "In custody: police cells, pre-trial prison, prison or colony."
    HOUSE_ARREST = "house-arrest", "Under house arrest."
    AT_LIBERTY = "at-liberty", "Free (possibly with restrictions such as probation)."


class Privacy(Term):
    """How a person may be named."""

    PUBLIC = "public", "The person's name may be shown."
    INITIALS = "initials", "Only the initials in `name` are ever shown or exported."


class InferredPart(Term):
    """A part of a date that the source did not give."""

    YEAR = "year", "The year was not in the source; it was inferred (shown in brackets)."
    MONTH = "month", "The month was not in the source; it was inferred."
    DAY = "day", "The day was not in the source; it was inferred."


VOCABULARIES: dict[str, type[Term]] = {
    "event type": EventType,
    "person role": PersonRole,
    "participant role": ParticipantRole,
    "organization kind": OrganizationKind,
    "source kind": SourceKind,
    "fact status": FactStatus,
    "case status": CaseStatus,
    "verdict": Verdict,
    "sentence": SentenceKind,
    "regime": Regime,
    "outcome kind": OutcomeKind,
    "authority": Authority,
    "relation": CaseRelation,
    "privacy": Privacy,
    "inferred part": InferredPart,
}
