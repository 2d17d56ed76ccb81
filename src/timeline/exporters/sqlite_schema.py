"""The tables of the SQLite export (docs/exports.md lists them with example queries).

People, organizations, charges and sources are one namespace across cases:
the same id is the same entity (the registry shares ids by definition), so
they have a table each keyed by id, and `case_people` / `case_organizations`
say who appears in which case, with what roles. Everything that belongs to a
case (events, conflicts) is keyed by the case's id and its own id. A
participant or outcome subject is a person or an organization: one of
`person_id` / `organization_id` is set; a group stands for one row per member.
`related_cases.related_id` is not a foreign key: a case may name a related case
that is not in the database. Tables keyed by several columns are `WITHOUT ROWID`
(one b-tree each, not a table and an index of its key: a third faster to fill).
"""

from __future__ import annotations

SCHEMA_VERSION = 1

TABLES = """
CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    jurisdiction TEXT NOT NULL,
    status TEXT NOT NULL,
    status_label TEXT,
    court_id TEXT REFERENCES organizations(id),
    summary TEXT,
    first_date TEXT,
    last_date TEXT,
    events INTEGER NOT NULL
);
CREATE TABLE case_tags (
    case_id TEXT NOT NULL REFERENCES cases(id),
    tag TEXT NOT NULL,
    PRIMARY KEY (case_id, tag)
) WITHOUT ROWID;
CREATE TABLE related_cases (
    case_id TEXT NOT NULL REFERENCES cases(id),
    related_id TEXT NOT NULL,
    PRIMARY KEY (case_id, related_id)
) WITHOUT ROWID;
CREATE TABLE people (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    privacy TEXT NOT NULL,
    description TEXT
);
CREATE TABLE person_aliases (
    person_id TEXT NOT NULL REFERENCES people(id),
    name TEXT NOT NULL,
    lang TEXT,
    PRIMARY KEY (person_id, name)
) WITHOUT ROWID;
CREATE TABLE organizations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT,
    url TEXT,
    description TEXT
);
CREATE TABLE organization_aliases (
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    name TEXT NOT NULL,
    lang TEXT,
    PRIMARY KEY (organization_id, name)
) WITHOUT ROWID;
CREATE TABLE case_people (
    case_id TEXT NOT NULL REFERENCES cases(id),
    person_id TEXT NOT NULL REFERENCES people(id),
    roles TEXT NOT NULL,  -- a JSON array of person roles
    label TEXT,
    PRIMARY KEY (case_id, person_id)
) WITHOUT ROWID;
CREATE TABLE case_organizations (
    case_id TEXT NOT NULL REFERENCES cases(id),
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    PRIMARY KEY (case_id, organization_id)
) WITHOUT ROWID;
CREATE TABLE affiliations (
    case_id TEXT NOT NULL REFERENCES cases(id),
    person_id TEXT NOT NULL REFERENCES people(id),
    position INTEGER NOT NULL,
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    role TEXT,
    former INTEGER,
    PRIMARY KEY (case_id, person_id, position)
) WITHOUT ROWID;
CREATE TABLE charges (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    article TEXT NOT NULL,
    part TEXT,
    title TEXT NOT NULL,
    description TEXT
);
CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    publisher TEXT NOT NULL,
    title TEXT,
    url TEXT,
    published TEXT,
    language TEXT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT,
    archive_url TEXT,
    note TEXT
);
CREATE TABLE events (
    case_id TEXT NOT NULL REFERENCES cases(id),
    id TEXT NOT NULL,
    sort_index INTEGER NOT NULL,  -- the order of `timeline show` within the case
    date TEXT NOT NULL,           -- EDTF, as written
    display_date TEXT NOT NULL,
    earliest TEXT,                -- ISO days; NULL for an open or unknown end
    latest TEXT,
    precision TEXT NOT NULL,
    type TEXT NOT NULL,
    type_label TEXT,
    title TEXT NOT NULL,
    description TEXT,
    status TEXT NOT NULL,
    key INTEGER NOT NULL,
    context INTEGER NOT NULL,
    PRIMARY KEY (case_id, id)
) WITHOUT ROWID;
CREATE TABLE participants (
    case_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    person_id TEXT REFERENCES people(id),
    organization_id TEXT REFERENCES organizations(id),
    role TEXT NOT NULL,
    label TEXT,
    PRIMARY KEY (case_id, event_id, position),
    FOREIGN KEY (case_id, event_id) REFERENCES events(case_id, id),
    CHECK ((person_id IS NULL) <> (organization_id IS NULL))
) WITHOUT ROWID;
CREATE TABLE outcomes (
    case_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    position INTEGER NOT NULL,   -- the outcome's place in the event
    subject INTEGER NOT NULL,    -- the subject's place in the outcome
    person_id TEXT REFERENCES people(id),
    organization_id TEXT REFERENCES organizations(id),
    kind TEXT NOT NULL,          -- decision or request
    decided_by TEXT NOT NULL,    -- court, executive, prosecution, international
    verdict TEXT,
    acts_on TEXT NOT NULL,       -- a JSON array of the event ids it acts on
    retrial INTEGER,             -- NULL: not stated
    sentence TEXT,
    term TEXT,                   -- ISO 8601 duration
    regime TEXT,
    amount TEXT,
    currency TEXT,
    until TEXT,                  -- EDTF: the end of a measure
    released INTEGER,            -- NULL: not stated
    label TEXT,
    note TEXT,
    PRIMARY KEY (case_id, event_id, position, subject),
    FOREIGN KEY (case_id, event_id) REFERENCES events(case_id, id),
    CHECK ((person_id IS NULL) <> (organization_id IS NULL))
) WITHOUT ROWID;
CREATE TABLE standing (
    case_id TEXT NOT NULL REFERENCES cases(id),
    person_id TEXT NOT NULL REFERENCES people(id),
    state TEXT NOT NULL,          -- the procedural state: convicted, appeal-pending...
    words TEXT NOT NULL,          -- the standing as every output states it
    verdict TEXT,                 -- the verdict in force
    sentence TEXT,                -- the sentence in force: kind, term, regime
    term TEXT,
    regime TEXT,
    set_by_event_id TEXT,         -- the decision that set the verdict in force
    liberty TEXT,                 -- in-custody, house-arrest, at-liberty; NULL unknown
    custody_days_low INTEGER NOT NULL,
    custody_days_high INTEGER,    -- NULL while still in custody
    PRIMARY KEY (case_id, person_id),
    FOREIGN KEY (case_id, set_by_event_id) REFERENCES events(case_id, id)
) WITHOUT ROWID;
CREATE TABLE event_charges (
    case_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    charge_id TEXT NOT NULL REFERENCES charges(id),
    PRIMARY KEY (case_id, event_id, charge_id),
    FOREIGN KEY (case_id, event_id) REFERENCES events(case_id, id)
) WITHOUT ROWID;
CREATE TABLE citations (
    case_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    source_id TEXT NOT NULL REFERENCES sources(id),
    quote TEXT,
    locator TEXT,
    lang TEXT,
    PRIMARY KEY (case_id, event_id, position),
    FOREIGN KEY (case_id, event_id) REFERENCES events(case_id, id)
) WITHOUT ROWID;
CREATE TABLE conflicts (
    case_id TEXT NOT NULL REFERENCES cases(id),
    id TEXT NOT NULL,
    about TEXT NOT NULL,          -- a JSON array of the ids it is about
    field TEXT,
    description TEXT,
    note TEXT,
    PRIMARY KEY (case_id, id)
) WITHOUT ROWID;
CREATE TABLE claims (
    case_id TEXT NOT NULL,
    conflict_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    claim TEXT NOT NULL,
    value TEXT,
    sources TEXT NOT NULL,        -- a JSON array of source ids
    PRIMARY KEY (case_id, conflict_id, position),
    FOREIGN KEY (case_id, conflict_id) REFERENCES conflicts(case_id, id)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE search USING fts5(
    kind UNINDEXED,               -- case, event, person or organization
    case_id UNINDEXED,            -- NULL for people and organizations
    ref UNINDEXED,                -- the id of the event, person or organization
    title,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);
"""

# The usual joins: from a person, organization, source or charge to its events,
# and the common filters of cases and events.
INDEXES = """
CREATE INDEX cases_status ON cases(status);
CREATE INDEX cases_jurisdiction ON cases(jurisdiction);
CREATE INDEX case_tags_tag ON case_tags(tag);
CREATE INDEX case_people_person ON case_people(person_id);
CREATE INDEX case_organizations_organization ON case_organizations(organization_id);
CREATE INDEX affiliations_organization ON affiliations(organization_id);
CREATE INDEX events_type ON events(type, earliest);
CREATE INDEX events_earliest ON events(earliest);
CREATE INDEX participants_person ON participants(person_id);
CREATE INDEX participants_organization ON participants(organization_id);
CREATE INDEX outcomes_person ON outcomes(person_id);
CREATE INDEX outcomes_organization ON outcomes(organization_id);
CREATE INDEX standing_person ON standing(person_id);
CREATE INDEX event_charges_charge ON event_charges(charge_id);
CREATE INDEX citations_source ON citations(source_id);
"""
