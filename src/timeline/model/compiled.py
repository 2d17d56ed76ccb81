"""The core schemas of the case model, as pydantic builds them from model/case.py and
model/registry.py: pydantic-core validates and serializes the models with them
(model/base.py).

Written by `python -m timeline.model.compile` with pydantic 2.14.4 and
pydantic-core 2.50.5: edit the models, not this file.
"""

from collections.abc import Mapping
from types import ModuleType
from typing import Any

PYDANTIC_CORE_VERSION = "2.50.5"


def case(modules: Mapping[str, ModuleType]) -> dict[str, Any]:
    case, values, vocab = modules["case"], modules["values"], modules["vocab"]
    case_status_schema = {
        "type": "enum",
        "cls": vocab.CaseStatus,
        "members": [
            vocab.CaseStatus.INVESTIGATION,
            vocab.CaseStatus.TRIAL,
            vocab.CaseStatus.CONVICTED,
            vocab.CaseStatus.ACQUITTED,
            vocab.CaseStatus.APPEAL,
            vocab.CaseStatus.CLOSED,
            vocab.CaseStatus.ONGOING,
            vocab.CaseStatus.OTHER,
        ],
        "sub_type": "str",
        "ref": "timeline.model.vocab.CaseStatus",
    }
    case_relation_schema = {
        "type": "enum",
        "cls": vocab.CaseRelation,
        "members": [
            vocab.CaseRelation.SAME_PEOPLE,
            vocab.CaseRelation.SAME_EVENTS,
            vocab.CaseRelation.SPLIT_FROM,
            vocab.CaseRelation.SPLIT_INTO,
            vocab.CaseRelation.PARALLEL,
            vocab.CaseRelation.OTHER,
        ],
        "sub_type": "str",
        "ref": "timeline.model.vocab.CaseRelation",
    }
    related_schema = {
        "type": "model",
        "cls": case.Related,
        "schema": {
            "type": "model-fields",
            "fields": {
                "case": {
                    "type": "model-field",
                    "schema": {
                        "type": "str",
                        "max_length": 100,
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                    },
                },
                "relation": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": case_relation_schema,
                        },
                        "default": None,
                    },
                },
                "label": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                            },
                        },
                        "default": None,
                    },
                },
                "note": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                            },
                        },
                        "default": None,
                    },
                },
            },
            "model_name": "Related",
            "computed_fields": [],
        },
        "custom_init": False,
        "root_model": False,
        "config": {
            "extra_fields_behavior": "forbid",
            "title": "Related",
        },
        "serialization": {
            "type": "function-wrap",
            "function": case.Related._bare_id,
            "info_arg": False,
            "return_schema": {
                "type": "any",
            },
        },
        "ref": "timeline.model.case.Related",
    }
    alias_schema = {
        "type": "model",
        "cls": case.Alias,
        "schema": {
            "type": "model-fields",
            "fields": {
                "name": {
                    "type": "model-field",
                    "schema": {
                        "type": "function-after",
                        "function": {
                            "type": "no-info",
                            "function": values.visible_text,
                        },
                        "schema": {
                            "type": "str",
                            "min_length": 1,
                        },
                    },
                },
                "lang": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                                "pattern": "^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$",
                            },
                        },
                        "default": None,
                    },
                },
            },
            "model_name": "Alias",
            "computed_fields": [],
        },
        "custom_init": False,
        "root_model": False,
        "config": {
            "extra_fields_behavior": "forbid",
            "title": "Alias",
        },
        "ref": "timeline.model.case.Alias",
    }
    person_role_schema = {
        "type": "enum",
        "cls": vocab.PersonRole,
        "members": [
            vocab.PersonRole.DEFENDANT,
            vocab.PersonRole.SUSPECT,
            vocab.PersonRole.WITNESS,
            vocab.PersonRole.LAWYER,
            vocab.PersonRole.JUDGE,
            vocab.PersonRole.PROSECUTOR,
            vocab.PersonRole.INVESTIGATOR,
            vocab.PersonRole.OFFICIAL,
            vocab.PersonRole.JOURNALIST,
            vocab.PersonRole.EXPERT,
            vocab.PersonRole.RELATIVE,
            vocab.PersonRole.OTHER,
        ],
        "sub_type": "str",
        "ref": "timeline.model.vocab.PersonRole",
    }
    affiliation_schema = {
        "type": "model",
        "cls": case.Affiliation,
        "schema": {
            "type": "model-fields",
            "fields": {
                "org": {
                    "type": "model-field",
                    "schema": {
                        "type": "str",
                        "max_length": 100,
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                    },
                },
                "role": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                            },
                        },
                        "default": None,
                    },
                },
                "former": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "bool",
                                "strict": True,
                            },
                        },
                        "default": None,
                    },
                },
            },
            "model_name": "Affiliation",
            "computed_fields": [],
        },
        "custom_init": False,
        "root_model": False,
        "config": {
            "extra_fields_behavior": "forbid",
            "title": "Affiliation",
        },
        "ref": "timeline.model.case.Affiliation",
    }
    privacy_schema = {
        "type": "enum",
        "cls": vocab.Privacy,
        "members": [
            vocab.Privacy.PUBLIC,
            vocab.Privacy.INITIALS,
        ],
        "sub_type": "str",
        "ref": "timeline.model.vocab.Privacy",
    }
    person_schema = {
        "type": "model",
        "cls": case.Person,
        "schema": {
            "type": "model-fields",
            "fields": {
                "id": {
                    "type": "model-field",
                    "schema": {
                        "type": "str",
                        "max_length": 100,
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                    },
                },
                "name": {
                    "type": "model-field",
                    "schema": {
                        "type": "function-after",
                        "function": {
                            "type": "no-info",
                            "function": values.visible_text,
                        },
                        "schema": {
                            "type": "str",
                            "min_length": 1,
                        },
                    },
                },
                "short_name": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                            },
                        },
                        "default": None,
                    },
                },
                "aliases": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "list",
                            "items_schema": alias_schema,
                        },
                        "default_factory": values.new_list,
                        "default_factory_takes_data": False,
                    },
                },
                "roles": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "list",
                            "items_schema": person_role_schema,
                        },
                        "default_factory": values.new_list,
                        "default_factory_takes_data": False,
                    },
                },
                "label": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                            },
                        },
                        "default": None,
                    },
                },
                "affiliations": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "list",
                            "items_schema": affiliation_schema,
                        },
                        "default_factory": values.new_list,
                        "default_factory_takes_data": False,
                    },
                },
                "privacy": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": privacy_schema,
                        "default": vocab.Privacy.PUBLIC,
                    },
                },
                "description": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                            },
                        },
                        "default": None,
                    },
                },
            },
            "model_name": "Person",
            "computed_fields": [],
        },
        "custom_init": False,
        "root_model": False,
        "config": {
            "extra_fields_behavior": "forbid",
            "title": "Person",
        },
        "ref": "timeline.model.case.Person",
    }
    group_schema = {
        "type": "model",
        "cls": case.Group,
        "schema": {
            "type": "model-fields",
            "fields": {
                "id": {
                    "type": "model-field",
                    "schema": {
                        "type": "str",
                        "max_length": 100,
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                    },
                },
                "name": {
                    "type": "model-field",
                    "schema": {
                        "type": "function-after",
                        "function": {
                            "type": "no-info",
                            "function": values.visible_text,
                        },
                        "schema": {
                            "type": "str",
                            "min_length": 1,
                        },
                    },
                },
                "members": {
                    "type": "model-field",
                    "schema": {
                        "type": "list",
                        "items_schema": {
                            "type": "str",
                            "max_length": 100,
                            "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        },
                        "min_length": 1,
                    },
                },
                "description": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                            },
                        },
                        "default": None,
                    },
                },
            },
            "model_name": "Group",
            "computed_fields": [],
        },
        "custom_init": False,
        "root_model": False,
        "config": {
            "extra_fields_behavior": "forbid",
            "title": "Group",
        },
        "ref": "timeline.model.case.Group",
    }
    person_use_schema = {
        "type": "model",
        "cls": case.PersonUse,
        "schema": {
            "type": "model-fields",
            "fields": {
                "ref": {
                    "type": "model-field",
                    "schema": {
                        "type": "str",
                        "max_length": 100,
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                    },
                },
                "roles": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "list",
                            "items_schema": person_role_schema,
                        },
                        "default_factory": values.new_list,
                        "default_factory_takes_data": False,
                    },
                },
                "label": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                            },
                        },
                        "default": None,
                    },
                },
                "description": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                            },
                        },
                        "default": None,
                    },
                },
            },
            "model_name": "PersonUse",
            "computed_fields": [],
        },
        "custom_init": False,
        "root_model": False,
        "config": {
            "extra_fields_behavior": "forbid",
            "title": "PersonUse",
        },
        "ref": "timeline.model.case.PersonUse",
    }
    organization_kind_schema = {
        "type": "enum",
        "cls": vocab.OrganizationKind,
        "members": [
            vocab.OrganizationKind.COURT,
            vocab.OrganizationKind.SECURITY_SERVICE,
            vocab.OrganizationKind.POLICE,
            vocab.OrganizationKind.PROSECUTOR,
            vocab.OrganizationKind.GOVERNMENT,
            vocab.OrganizationKind.MEDIA,
            vocab.OrganizationKind.NGO,
            vocab.OrganizationKind.COMPANY,
            vocab.OrganizationKind.INTERNATIONAL,
            vocab.OrganizationKind.OTHER,
        ],
        "sub_type": "str",
        "ref": "timeline.model.vocab.OrganizationKind",
    }
    organization_schema = {
        "type": "model",
        "cls": case.Organization,
        "schema": {
            "type": "model-fields",
            "fields": {
                "id": {
                    "type": "model-field",
                    "schema": {
                        "type": "str",
                        "max_length": 100,
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                    },
                },
                "name": {
                    "type": "model-field",
                    "schema": {
                        "type": "function-after",
                        "function": {
                            "type": "no-info",
                            "function": values.visible_text,
                        },
                        "schema": {
                            "type": "str",
                            "min_length": 1,
                        },
                    },
                },
                "kind": {
                    "type": "model-field",
                    "schema": organization_kind_schema,
                },
                "label": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                            },
                        },
                        "default": None,
                    },
                },
                "aliases": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "list",
                            "items_schema": alias_schema,
                        },
                        "default_factory": values.new_list,
                        "default_factory_takes_data": False,
                    },
                },
                "url": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "function-after",
                                "function": {
                                    "type": "no-info",
                                    "function": values.web_address,
                                },
                                "schema": {
                                    "type": "str",
                                    "pattern": '^https?://\\S+$',
                                },
                            },
                        },
                        "default": None,
                    },
                },
                "description": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                            },
                        },
                        "default": None,
                    },
                },
            },
            "model_name": "Organization",
            "computed_fields": [],
        },
        "custom_init": False,
        "root_model": False,
        "config": {
            "extra_fields_behavior": "forbid",
            "title": "Organization",
        },
        "ref": "timeline.model.case.Organization",
    }
    charge_schema = {
        "type": "model",
        "cls": case.Charge,
        "schema": {
            "type": "model-fields",
            "fields": {
                "id": {
                    "type": "model-field",
                    "schema": {
                        "type": "str",
                        "max_length": 100,
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                    },
                },
                "code": {
                    "type": "model-field",
                    "schema": {
                        "type": "function-after",
                        "function": {
                            "type": "no-info",
                            "function": values.visible_text,
                        },
                        "schema": {
                            "type": "str",
                            "min_length": 1,
                        },
                    },
                },
                "article": {
                    "type": "model-field",
                    "schema": {
                        "type": "function-after",
                        "function": {
                            "type": "no-info",
                            "function": values.visible_text,
                        },
                        "schema": {
                            "type": "str",
                            "min_length": 1,
                        },
                    },
                },
                "part": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                            },
                        },
                        "default": None,
                    },
                },
                "title": {
                    "type": "model-field",
                    "schema": {
                        "type": "function-after",
                        "function": {
                            "type": "no-info",
                            "function": values.visible_text,
                        },
                        "schema": {
                            "type": "str",
                            "min_length": 1,
                        },
                    },
                },
                "description": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                            },
                        },
                        "default": None,
                    },
                },
            },
            "model_name": "Charge",
            "computed_fields": [],
        },
        "custom_init": False,
        "root_model": False,
        "config": {
            "extra_fields_behavior": "forbid",
            "title": "Charge",
        },
        "ref": "timeline.model.case.Charge",
    }
    source_kind_schema = {
        "type": "enum",
        "cls": vocab.SourceKind,
        "members": [
            vocab.SourceKind.NEWS,
            vocab.SourceKind.COURT_DOCUMENT,
            vocab.SourceKind.OFFICIAL,
            vocab.SourceKind.NGO,
            vocab.SourceKind.SOCIAL_MEDIA,
            vocab.SourceKind.PRESS_RELEASE,
            vocab.SourceKind.INTERVIEW,
            vocab.SourceKind.OTHER,
        ],
        "sub_type": "str",
        "ref": "timeline.model.vocab.SourceKind",
    }
    source_schema = {
        "type": "model",
        "cls": case.Source,
        "schema": {
            "type": "model-fields",
            "fields": {
                "id": {
                    "type": "model-field",
                    "schema": {
                        "type": "str",
                        "max_length": 100,
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                    },
                },
                "publisher": {
                    "type": "model-field",
                    "schema": {
                        "type": "function-after",
                        "function": {
                            "type": "no-info",
                            "function": values.visible_text,
                        },
                        "schema": {
                            "type": "str",
                            "min_length": 1,
                        },
                    },
                },
                "title": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                            },
                        },
                        "default": None,
                    },
                },
                "url": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "function-after",
                                "function": {
                                    "type": "no-info",
                                    "function": values.web_address,
                                },
                                "schema": {
                                    "type": "str",
                                    "pattern": '^https?://\\S+$',
                                },
                            },
                        },
                        "default": None,
                    },
                },
                "published": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "function-plain",
                                "function": {
                                    "type": "no-info",
                                    "function": values.parse_date,
                                },
                                "serialization": {
                                    "type": "function-plain",
                                    "function": values.date_text,
                                    "return_schema": {
                                        "type": "str",
                                    },
                                },
                            },
                        },
                        "default": None,
                    },
                },
                "language": {
                    "type": "model-field",
                    "schema": {
                        "type": "str",
                        "pattern": "^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$",
                    },
                },
                "kind": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": source_kind_schema,
                        "default": vocab.SourceKind.NEWS,
                    },
                },
                "label": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                            },
                        },
                        "default": None,
                    },
                },
                "archive_url": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "function-after",
                                "function": {
                                    "type": "no-info",
                                    "function": values.web_address,
                                },
                                "schema": {
                                    "type": "str",
                                    "pattern": '^https?://\\S+$',
                                },
                            },
                        },
                        "default": None,
                    },
                },
                "note": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                            },
                        },
                        "default": None,
                    },
                },
            },
            "model_name": "Source",
            "computed_fields": [],
        },
        "custom_init": False,
        "root_model": False,
        "config": {
            "extra_fields_behavior": "forbid",
            "title": "Source",
        },
        "ref": "timeline.model.case.Source",
    }
    event_type_schema = {
        "type": "enum",
        "cls": vocab.EventType,
        "members": [
            vocab.EventType.SEARCH,
            vocab.EventType.QUESTIONING,
            vocab.EventType.DETENTION,
            vocab.EventType.ARREST,
            vocab.EventType.PRETRIAL_MEASURE,
            vocab.EventType.CHARGE,
            vocab.EventType.INDICTMENT,
            vocab.EventType.ASSET_FREEZE,
            vocab.EventType.HEARING,
            vocab.EventType.PLEA,
            vocab.EventType.PROSECUTION_REQUEST,
            vocab.EventType.EXPERT_FINDING,
            vocab.EventType.VERDICT,
            vocab.EventType.SENTENCE,
            vocab.EventType.APPEAL,
            vocab.EventType.APPEAL_DECISION,
            vocab.EventType.RELEASE,
            vocab.EventType.PARDON,
            vocab.EventType.AMNESTY,
            vocab.EventType.EXCHANGE,
            vocab.EventType.OPINION,
            vocab.EventType.ANNULMENT,
            vocab.EventType.CHARGES_ADDED,
            vocab.EventType.CHARGES_DROPPED,
            vocab.EventType.CUSTODY_EXTENDED,
            vocab.EventType.HOUSE_ARREST,
            vocab.EventType.TRANSFER,
            vocab.EventType.WANTED,
            vocab.EventType.RETRIAL,
            vocab.EventType.STATEMENT,
            vocab.EventType.DENIAL,
            vocab.EventType.DEPORTATION,
            vocab.EventType.DESIGNATION,
            vocab.EventType.LIQUIDATION,
            vocab.EventType.BLOCKING,
            vocab.EventType.OTHER,
        ],
        "sub_type": "str",
        "ref": "timeline.model.vocab.EventType",
    }
    participant_role_schema = {
        "type": "enum",
        "cls": vocab.ParticipantRole,
        "members": [
            vocab.ParticipantRole.SUBJECT,
            vocab.ParticipantRole.DETAINEE,
            vocab.ParticipantRole.DEFENDANT,
            vocab.ParticipantRole.APPELLANT,
            vocab.ParticipantRole.AUTHORITY,
            vocab.ParticipantRole.COURT,
            vocab.ParticipantRole.JUDGE,
            vocab.ParticipantRole.PROSECUTOR,
            vocab.ParticipantRole.LAWYER,
            vocab.ParticipantRole.WITNESS,
            vocab.ParticipantRole.EXPERT,
            vocab.ParticipantRole.SPEAKER,
            vocab.ParticipantRole.TARGET,
            vocab.ParticipantRole.OTHER,
        ],
        "sub_type": "str",
        "ref": "timeline.model.vocab.ParticipantRole",
    }
    participant_schema = {
        "type": "model",
        "cls": case.Participant,
        "schema": {
            "type": "model-fields",
            "fields": {
                "ref": {
                    "type": "model-field",
                    "schema": {
                        "type": "str",
                        "max_length": 100,
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                    },
                },
                "role": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": participant_role_schema,
                        "default": vocab.ParticipantRole.SUBJECT,
                    },
                },
                "label": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                            },
                        },
                        "default": None,
                    },
                },
            },
            "model_name": "Participant",
            "computed_fields": [],
        },
        "custom_init": False,
        "root_model": False,
        "config": {
            "extra_fields_behavior": "forbid",
            "title": "Participant",
        },
        "ref": "timeline.model.case.Participant",
    }
    outcome_kind_schema = {
        "type": "enum",
        "cls": vocab.OutcomeKind,
        "members": [
            vocab.OutcomeKind.DECISION,
            vocab.OutcomeKind.REQUEST,
        ],
        "sub_type": "str",
        "ref": "timeline.model.vocab.OutcomeKind",
    }
    authority_schema = {
        "type": "enum",
        "cls": vocab.Authority,
        "members": [
            vocab.Authority.COURT,
            vocab.Authority.EXECUTIVE,
            vocab.Authority.PROSECUTION,
            vocab.Authority.INTERNATIONAL,
        ],
        "sub_type": "str",
        "ref": "timeline.model.vocab.Authority",
    }
    verdict_schema = {
        "type": "enum",
        "cls": vocab.Verdict,
        "members": [
            vocab.Verdict.GUILTY,
            vocab.Verdict.ACQUITTED,
            vocab.Verdict.DISMISSED,
            vocab.Verdict.UPHELD,
            vocab.Verdict.AMENDED,
            vocab.Verdict.OVERTURNED,
            vocab.Verdict.ANNULLED,
            vocab.Verdict.PARDONED,
            vocab.Verdict.AMNESTIED,
            vocab.Verdict.EXCHANGED,
            vocab.Verdict.VIOLATION,
            vocab.Verdict.NO_VIOLATION,
            vocab.Verdict.OTHER,
        ],
        "sub_type": "str",
        "ref": "timeline.model.vocab.Verdict",
    }
    sentence_kind_schema = {
        "type": "enum",
        "cls": vocab.SentenceKind,
        "members": [
            vocab.SentenceKind.IMPRISONMENT,
            vocab.SentenceKind.PROBATION,
            vocab.SentenceKind.SUSPENDED,
            vocab.SentenceKind.FINE,
            vocab.SentenceKind.COMMUNITY_SERVICE,
            vocab.SentenceKind.HOUSE_ARREST,
            vocab.SentenceKind.PRETRIAL_DETENTION,
            vocab.SentenceKind.BAIL,
            vocab.SentenceKind.RECOGNIZANCE,
            vocab.SentenceKind.NONE,
            vocab.SentenceKind.OTHER,
        ],
        "sub_type": "str",
        "ref": "timeline.model.vocab.SentenceKind",
    }
    regime_schema = {
        "type": "enum",
        "cls": vocab.Regime,
        "members": [
            vocab.Regime.GENERAL,
            vocab.Regime.STRICT,
            vocab.Regime.SPECIAL,
            vocab.Regime.SETTLEMENT,
            vocab.Regime.PRISON,
            vocab.Regime.OTHER,
        ],
        "sub_type": "str",
        "ref": "timeline.model.vocab.Regime",
    }
    outcome_schema = {
        "type": "model",
        "cls": case.Outcome,
        "schema": {
            "type": "model-fields",
            "fields": {
                "subjects": {
                    "type": "model-field",
                    "schema": {
                        "type": "list",
                        "items_schema": {
                            "type": "str",
                            "max_length": 100,
                            "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        },
                        "min_length": 1,
                    },
                },
                "kind": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": outcome_kind_schema,
                        "default": vocab.OutcomeKind.DECISION,
                    },
                },
                "by": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": authority_schema,
                        "default": vocab.Authority.COURT,
                    },
                },
                "verdict": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": verdict_schema,
                        },
                        "default": None,
                    },
                },
                "acts_on": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "function-before",
                            "function": {
                                "type": "no-info",
                                "function": values.list_from_one,
                            },
                            "schema": {
                                "type": "list",
                                "items_schema": {
                                    "type": "str",
                                    "max_length": 100,
                                    "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                                },
                            },
                        },
                        "default_factory": values.new_list,
                        "default_factory_takes_data": False,
                    },
                },
                "retrial": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "bool",
                                "strict": True,
                            },
                        },
                        "default": None,
                    },
                },
                "charges_added": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "list",
                            "items_schema": {
                                "type": "str",
                                "max_length": 100,
                                "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                            },
                        },
                        "default_factory": values.new_list,
                        "default_factory_takes_data": False,
                    },
                },
                "charges_dropped": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "list",
                            "items_schema": {
                                "type": "str",
                                "max_length": 100,
                                "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                            },
                        },
                        "default_factory": values.new_list,
                        "default_factory_takes_data": False,
                    },
                },
                "sentence": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": sentence_kind_schema,
                        },
                        "default": None,
                    },
                },
                "term": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                                "pattern": '^P(?:\\d{1,5}Y(?:\\d{1,5}M)?(?:\\d{1,5}W)?(?:\\d{1,5}D)?|\\d{1,5}M(?:\\d{1,5}W)?(?:\\d{1,5}D)?|\\d{1,5}W(?:\\d{1,5}D)?|\\d{1,5}D)$',
                            },
                        },
                        "default": None,
                    },
                },
                "regime": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": regime_schema,
                        },
                        "default": None,
                    },
                },
                "amount": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                            },
                        },
                        "default": None,
                    },
                },
                "currency": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                                "pattern": "^[A-Z]{3}$",
                            },
                        },
                        "default": None,
                    },
                },
                "until": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "function-plain",
                                "function": {
                                    "type": "no-info",
                                    "function": values.parse_date,
                                },
                                "serialization": {
                                    "type": "function-plain",
                                    "function": values.date_text,
                                    "return_schema": {
                                        "type": "str",
                                    },
                                },
                            },
                        },
                        "default": None,
                    },
                },
                "released": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "bool",
                                "strict": True,
                            },
                        },
                        "default": None,
                    },
                },
                "label": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                            },
                        },
                        "default": None,
                    },
                },
                "note": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                            },
                        },
                        "default": None,
                    },
                },
            },
            "model_name": "Outcome",
            "computed_fields": [],
        },
        "custom_init": False,
        "root_model": False,
        "config": {
            "extra_fields_behavior": "forbid",
            "title": "Outcome",
        },
        "ref": "timeline.model.case.Outcome",
    }
    citation_schema = {
        "type": "model",
        "cls": case.Citation,
        "schema": {
            "type": "model-fields",
            "fields": {
                "ref": {
                    "type": "model-field",
                    "schema": {
                        "type": "str",
                        "max_length": 100,
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                    },
                },
                "quote": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                            },
                        },
                        "default": None,
                    },
                },
                "locator": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                            },
                        },
                        "default": None,
                    },
                },
                "lang": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                                "pattern": "^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$",
                            },
                        },
                        "default": None,
                    },
                },
            },
            "model_name": "Citation",
            "computed_fields": [],
        },
        "custom_init": False,
        "root_model": False,
        "config": {
            "extra_fields_behavior": "forbid",
            "title": "Citation",
        },
        "ref": "timeline.model.case.Citation",
    }
    fact_status_schema = {
        "type": "enum",
        "cls": vocab.FactStatus,
        "members": [
            vocab.FactStatus.CONFIRMED,
            vocab.FactStatus.REPORTED,
            vocab.FactStatus.CLAIMED,
            vocab.FactStatus.DISPUTED,
            vocab.FactStatus.CONTESTED_BY_SOURCES,
        ],
        "sub_type": "str",
        "ref": "timeline.model.vocab.FactStatus",
    }
    inferred_part_schema = {
        "type": "enum",
        "cls": vocab.InferredPart,
        "members": [
            vocab.InferredPart.YEAR,
            vocab.InferredPart.MONTH,
            vocab.InferredPart.DAY,
        ],
        "sub_type": "str",
        "ref": "timeline.model.vocab.InferredPart",
    }
    relative_date_schema = {
        "type": "model",
        "cls": case.RelativeDate,
        "schema": {
            "type": "model-fields",
            "fields": {
                "event": {
                    "type": "model-field",
                    "schema": {
                        "type": "str",
                        "max_length": 100,
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                    },
                },
                "offset": {
                    "type": "model-field",
                    "schema": {
                        "type": "str",
                        "pattern": '^P(?:\\d{1,5}Y(?:\\d{1,5}M)?(?:\\d{1,5}W)?(?:\\d{1,5}D)?|\\d{1,5}M(?:\\d{1,5}W)?(?:\\d{1,5}D)?|\\d{1,5}W(?:\\d{1,5}D)?|\\d{1,5}D)$',
                    },
                },
                "source_text": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                            },
                        },
                        "default": None,
                    },
                },
            },
            "model_name": "RelativeDate",
            "computed_fields": [],
        },
        "custom_init": False,
        "root_model": False,
        "config": {
            "extra_fields_behavior": "forbid",
            "title": "RelativeDate",
        },
        "ref": "timeline.model.case.RelativeDate",
    }
    event_schema = {
        "type": "function-after",
        "function": {
            "type": "no-info",
            "function": case.Event._unknown_date_is_placed,
        },
        "schema": {
            "type": "model",
            "cls": case.Event,
            "schema": {
                "type": "model-fields",
                "fields": {
                    "id": {
                        "type": "model-field",
                        "schema": {
                            "type": "str",
                            "max_length": 100,
                            "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        },
                    },
                    "date": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "function-plain",
                                "function": {
                                    "type": "no-info",
                                    "function": values.parse_date,
                                },
                                "serialization": {
                                    "type": "function-plain",
                                    "function": values.date_text,
                                    "return_schema": {
                                        "type": "str",
                                    },
                                },
                            },
                            "default": case.UNKNOWN_DATE,
                        },
                        "serialization_exclude_if": values.is_unknown,
                    },
                    "type": {
                        "type": "model-field",
                        "schema": event_type_schema,
                    },
                    "label": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "nullable",
                                "schema": {
                                    "type": "str",
                                },
                            },
                            "default": None,
                        },
                    },
                    "title": {
                        "type": "model-field",
                        "schema": {
                            "type": "function-after",
                            "function": {
                                "type": "no-info",
                                "function": values.visible_text,
                            },
                            "schema": {
                                "type": "str",
                                "min_length": 1,
                            },
                        },
                    },
                    "description": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "nullable",
                                "schema": {
                                    "type": "str",
                                },
                            },
                            "default": None,
                        },
                    },
                    "participants": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "list",
                                "items_schema": participant_schema,
                            },
                            "default_factory": values.new_list,
                            "default_factory_takes_data": False,
                        },
                    },
                    "charges": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "list",
                                "items_schema": {
                                    "type": "str",
                                    "max_length": 100,
                                    "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                                },
                            },
                            "default_factory": values.new_list,
                            "default_factory_takes_data": False,
                        },
                    },
                    "outcomes": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "list",
                                "items_schema": outcome_schema,
                            },
                            "default_factory": values.new_list,
                            "default_factory_takes_data": False,
                        },
                    },
                    "sources": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "list",
                                "items_schema": {
                                    "type": "function-before",
                                    "function": {
                                        "type": "no-info",
                                        "function": values.citation_from_ref,
                                    },
                                    "schema": citation_schema,
                                },
                            },
                            "default_factory": values.new_list,
                            "default_factory_takes_data": False,
                        },
                    },
                    "status": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": fact_status_schema,
                            "default": vocab.FactStatus.CONFIRMED,
                        },
                    },
                    "attribution": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "list",
                                "items_schema": {
                                    "type": "str",
                                    "max_length": 100,
                                    "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                                },
                            },
                            "default_factory": values.new_list,
                            "default_factory_takes_data": False,
                        },
                    },
                    "disputed_by": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "list",
                                "items_schema": {
                                    "type": "str",
                                    "max_length": 100,
                                    "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                                },
                            },
                            "default_factory": values.new_list,
                            "default_factory_takes_data": False,
                        },
                    },
                    "after": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "list",
                                "items_schema": {
                                    "type": "str",
                                    "max_length": 100,
                                    "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                                },
                            },
                            "default_factory": values.new_list,
                            "default_factory_takes_data": False,
                        },
                    },
                    "before": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "list",
                                "items_schema": {
                                    "type": "str",
                                    "max_length": 100,
                                    "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                                },
                            },
                            "default_factory": values.new_list,
                            "default_factory_takes_data": False,
                        },
                    },
                    "key": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "bool",
                                "strict": True,
                            },
                            "default": False,
                        },
                    },
                    "context": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "bool",
                                "strict": True,
                            },
                            "default": False,
                        },
                    },
                    "inferred": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "list",
                                "items_schema": inferred_part_schema,
                            },
                            "default_factory": values.new_list,
                            "default_factory_takes_data": False,
                        },
                    },
                    "source_text": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "nullable",
                                "schema": {
                                    "type": "str",
                                },
                            },
                            "default": None,
                        },
                    },
                    "relative": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "nullable",
                                "schema": relative_date_schema,
                            },
                            "default": None,
                        },
                    },
                },
                "model_name": "Event",
                "computed_fields": [],
            },
            "custom_init": False,
            "root_model": False,
            "config": {
                "extra_fields_behavior": "forbid",
                "title": "Event",
            },
        },
        "ref": "timeline.model.case.Event",
    }
    claim_schema = {
        "type": "model",
        "cls": case.Claim,
        "schema": {
            "type": "model-fields",
            "fields": {
                "claim": {
                    "type": "model-field",
                    "schema": {
                        "type": "function-after",
                        "function": {
                            "type": "no-info",
                            "function": values.visible_text,
                        },
                        "schema": {
                            "type": "str",
                            "min_length": 1,
                        },
                    },
                },
                "sources": {
                    "type": "model-field",
                    "schema": {
                        "type": "list",
                        "items_schema": {
                            "type": "function-before",
                            "function": {
                                "type": "no-info",
                                "function": values.citation_from_ref,
                            },
                            "schema": citation_schema,
                        },
                        "min_length": 1,
                    },
                },
                "value": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                            },
                        },
                        "default": None,
                    },
                },
            },
            "model_name": "Claim",
            "computed_fields": [],
        },
        "custom_init": False,
        "root_model": False,
        "config": {
            "extra_fields_behavior": "forbid",
            "title": "Claim",
        },
        "ref": "timeline.model.case.Claim",
    }
    conflict_schema = {
        "type": "model",
        "cls": case.Conflict,
        "schema": {
            "type": "model-fields",
            "fields": {
                "id": {
                    "type": "model-field",
                    "schema": {
                        "type": "str",
                        "max_length": 100,
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                    },
                },
                "about": {
                    "type": "model-field",
                    "schema": {
                        "type": "list",
                        "items_schema": {
                            "type": "str",
                            "max_length": 100,
                            "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        },
                        "min_length": 1,
                    },
                },
                "subject": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                                "max_length": 100,
                                "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                            },
                        },
                        "default": None,
                    },
                },
                "field": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                            },
                        },
                        "default": None,
                    },
                },
                "description": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                            },
                        },
                        "default": None,
                    },
                },
                "claims": {
                    "type": "model-field",
                    "schema": {
                        "type": "list",
                        "items_schema": claim_schema,
                    },
                },
                "note": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "str",
                            },
                        },
                        "default": None,
                    },
                },
            },
            "model_name": "Conflict",
            "computed_fields": [],
        },
        "custom_init": False,
        "root_model": False,
        "config": {
            "extra_fields_behavior": "forbid",
            "title": "Conflict",
        },
        "ref": "timeline.model.case.Conflict",
    }
    case_schema = {
        "type": "function-after",
        "function": {
            "type": "no-info",
            "function": case.Case._place_unknown_dates,
        },
        "schema": {
            "type": "model",
            "cls": case.Case,
            "schema": {
                "type": "model-fields",
                "fields": {
                    "format": {
                        "type": "model-field",
                        "schema": {
                            "type": "function-before",
                            "function": {
                                "type": "no-info",
                                "function": values.format_number,
                            },
                            "schema": {
                                "type": "int",
                                "ge": 1,
                                "le": 1,
                            },
                        },
                    },
                    "id": {
                        "type": "model-field",
                        "schema": {
                            "type": "str",
                            "max_length": 100,
                            "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        },
                    },
                    "title": {
                        "type": "model-field",
                        "schema": {
                            "type": "function-after",
                            "function": {
                                "type": "no-info",
                                "function": values.visible_text,
                            },
                            "schema": {
                                "type": "str",
                                "min_length": 1,
                            },
                        },
                    },
                    "jurisdiction": {
                        "type": "model-field",
                        "schema": {
                            "type": "str",
                            "pattern": "^[A-Z]{2}$",
                        },
                    },
                    "status": {
                        "type": "model-field",
                        "schema": case_status_schema,
                    },
                    "status_label": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "nullable",
                                "schema": {
                                    "type": "str",
                                },
                            },
                            "default": None,
                        },
                    },
                    "court": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "nullable",
                                "schema": {
                                    "type": "str",
                                    "max_length": 100,
                                    "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                                },
                            },
                            "default": None,
                        },
                    },
                    "summary": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "nullable",
                                "schema": {
                                    "type": "str",
                                },
                            },
                            "default": None,
                        },
                    },
                    "tags": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "list",
                                "items_schema": {
                                    "type": "str",
                                    "max_length": 100,
                                    "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                                },
                            },
                            "default_factory": values.new_list,
                            "default_factory_takes_data": False,
                        },
                    },
                    "related": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "list",
                                "items_schema": {
                                    "type": "function-before",
                                    "function": {
                                        "type": "no-info",
                                        "function": values.related_from_id,
                                    },
                                    "schema": related_schema,
                                },
                            },
                            "default_factory": values.new_list,
                            "default_factory_takes_data": False,
                        },
                    },
                    "people": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "list",
                                "items_schema": person_schema,
                            },
                            "default_factory": values.new_list,
                            "default_factory_takes_data": False,
                        },
                    },
                    "groups": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "list",
                                "items_schema": group_schema,
                            },
                            "default_factory": values.new_list,
                            "default_factory_takes_data": False,
                        },
                    },
                    "registry_people": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "list",
                                "items_schema": person_use_schema,
                            },
                            "default_factory": values.new_list,
                            "default_factory_takes_data": False,
                        },
                    },
                    "organizations": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "list",
                                "items_schema": organization_schema,
                            },
                            "default_factory": values.new_list,
                            "default_factory_takes_data": False,
                        },
                    },
                    "charges": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "list",
                                "items_schema": charge_schema,
                            },
                            "default_factory": values.new_list,
                            "default_factory_takes_data": False,
                        },
                    },
                    "sources": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "list",
                                "items_schema": source_schema,
                            },
                            "default_factory": values.new_list,
                            "default_factory_takes_data": False,
                        },
                    },
                    "events": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "list",
                                "items_schema": event_schema,
                            },
                            "default_factory": values.new_list,
                            "default_factory_takes_data": False,
                        },
                    },
                    "conflicts": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "list",
                                "items_schema": conflict_schema,
                            },
                            "default_factory": values.new_list,
                            "default_factory_takes_data": False,
                        },
                    },
                },
                "model_name": "Case",
                "computed_fields": [],
            },
            "custom_init": False,
            "root_model": False,
            "config": {
                "extra_fields_behavior": "forbid",
                "title": "Case",
            },
        },
        "ref": "timeline.model.case.Case",
    }
    return case_schema


def registry_file(modules: Mapping[str, ModuleType]) -> dict[str, Any]:
    case, registry, values = modules["case"], modules["registry"], modules["values"]
    registry_file_schema = {
        "type": "model",
        "cls": registry.RegistryFile,
        "schema": {
            "type": "model-fields",
            "fields": {
                "format": {
                    "type": "model-field",
                    "schema": {
                        "type": "int",
                        "ge": 1,
                        "le": 1,
                    },
                },
                "people": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "list",
                            "items_schema": case.Person.model_schema,
                        },
                        "default_factory": values.new_list,
                        "default_factory_takes_data": False,
                    },
                },
                "organizations": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "list",
                            "items_schema": case.Organization.model_schema,
                        },
                        "default_factory": values.new_list,
                        "default_factory_takes_data": False,
                    },
                },
                "charges": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "list",
                            "items_schema": case.Charge.model_schema,
                        },
                        "default_factory": values.new_list,
                        "default_factory_takes_data": False,
                    },
                },
                "sources": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "list",
                            "items_schema": case.Source.model_schema,
                        },
                        "default_factory": values.new_list,
                        "default_factory_takes_data": False,
                    },
                },
            },
            "model_name": "RegistryFile",
            "computed_fields": [],
        },
        "custom_init": False,
        "root_model": False,
        "config": {
            "extra_fields_behavior": "forbid",
            "title": "RegistryFile",
        },
        "ref": "timeline.model.registry.RegistryFile",
    }
    return registry_file_schema
