"""Names, titles and texts for the synthetic corpus: plausible, varied, deterministic."""

from __future__ import annotations

import datetime
import random
from typing import Any

Data = dict[str, Any]
_LAST = datetime.date(2024, 12, 31)


class Quoted(str):
    """A date: always written in double quotes, as the data format asks."""


# Latin syllable -> Cyrillic, so that every person has a Russian alias.
_SYLLABLES = {
    "ka": "ка", "ba": "ба", "la": "ла", "to": "то", "mu": "му", "ra": "ра", "ni": "ни",
    "sa": "са", "dy": "ды", "zhan": "жан", "bek": "бек", "ov": "ов", "ai": "ай", "gul": "гуль",
    "nur": "нур", "er": "эр", "tem": "тем", "as": "ас", "kyz": "кыз", "dar": "дар",
}  # fmt: skip
_FIRST = ("nur", "ai", "tem", "as", "er", "gul", "dar", "zhan", "sa", "mu", "ka")
_PUBLISHERS = ("24.kg", "Kloop", "Fergana", "Eurasianet", "Vlast.kz", "CPJ", "RFE/RL", "OCCRP")
_KIND = {"CPJ": "ngo", "OCCRP": "news", "Kloop": "news"}
_LANG = {"24.kg": "en", "Kloop": "ru", "Vlast.kz": "ru", "RFE/RL": "ky"}
_TITLES = {
    "detention": "{who} detained by the security service",
    "arrest": "{who} formally arrested",
    "pretrial-measure": "Court remands {who} in custody for two months",
    "charge": "{who} charged with calls for mass unrest",
    "verdict": "Court finds {who} guilty",
    "appeal-decision": "Appeal court rules on {who}'s sentence",
    "prosecution-request": "Prosecutor asks for a prison term for {who}",
    "sentence": "{who} sentenced",
    "hearing": "Hearing in the case of {who} adjourned",
    "statement": '{who} says the case is "political"',
    "search": "Homes of {who} and colleagues searched",
    "questioning": "{who} questioned as a witness",
    "expert-finding": "Linguistic expert report on videos shared by {who}",
    "release": "{who} released | under a written undertaking",
    "plea": "{who} pleads not guilty",
    "indictment": "Case against {who} sent to court",
    "asset-freeze": "Bank accounts of {who} frozen",
    "appeal": "{who}'s lawyers appeal",
    "denial": "{who} denies the allegations",
    "blocking": "Website linked to {who} blocked",
    "other": "Protest in support of {who}",
}
DESCRIPTIONS = (
    "The hearing was closed to the public; relatives waited outside.",
    "According to the defence, the *videos* were published by **another outlet** "
    "and the defendants only filmed them.",
    'The court\'s ruling (case no. 1-234/25) cites "calls for mass unrest" | '
    "the defence says <b>no call</b> was made.",
    "Lawyers were not admitted for six hours; the C:\\Users path in the expert "
    "report shows it was copied from an earlier case.",
    "Reported by several outlets; the exact time is not known (50% of reports say "
    "morning, the rest evening) & the place was not named.",
    "A [statement](https://example.org/statement) was published on the same day; "
    "it says: `no comment` # for now.",
    "Родственники сообщили, что задержанных доставили в здание ГКНБ.",
)
_QUOTES = (
    "detained them on May 28",
    "the court found them guilty",
    '"political" case',
    "about ten people were questioned",
    "the sentence was reduced | to probation",
    "в зале суда",
)


class Namer:
    """Makes the parts of a case from a seeded random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def _word(self, parts: int) -> tuple[str, str]:
        chosen = [self.rng.choice(list(_SYLLABLES)) for _ in range(parts)]
        latin = "".join(chosen)
        return latin.capitalize(), "".join(_SYLLABLES[s] for s in chosen).capitalize()

    def person(self, index: int, orgs: list[Data]) -> Data:
        first, first_ru = self._word(2)
        last, last_ru = self._word(3)
        person: Data = {
            "id": f"{last.lower()}-{index + 1}",
            "name": f"{first} {last}",
            "aliases": [{"name": f"{first_ru} {last_ru}", "lang": "ru"}],
            "roles": [
                self.rng.choice(["defendant", "defendant", "journalist", "lawyer", "witness"])
            ],
        }
        if self.rng.random() < 0.6:
            org = self.rng.choice(orgs)
            person["affiliations"] = [{"org": org["id"], "role": "camera operator", "former": True}]
        if self.rng.random() < 0.2:
            person["description"] = self.rng.choice(DESCRIPTIONS)
        return person

    def initials(self) -> str:
        letters = "ABDEGKLMNORSTZ"
        return f"{self.rng.choice(letters)}.{self.rng.choice(letters)}."

    def organization(self, index: int, kind: str) -> Data:
        place, _ = self._word(2)
        names = {
            "court": f"{place} District Court",
            "security-service": "State Committee for National Security",
            "prosecutor": f"{place} Prosecutor's Office",
            "media": f"{place} Media",
            "ngo": f"{place} Human Rights Centre",
            "police": f"{place} Police Department",
        }
        org: Data = {"id": f"{kind}-{index + 1}", "name": names[kind], "kind": kind}
        if kind == "security-service":
            org["aliases"] = [{"name": "GKNB"}, {"name": "ГКНБ", "lang": "ru"}]
        return org

    def charge(self, index: int) -> Data:
        article = str(self.rng.choice([40, 278, 327, 330, 252]))
        charge: Data = {
            "id": f"cc-{article}-{index + 1}",
            "code": "Criminal Code of the Kyrgyz Republic",
            "article": article,
            "title": "Calls for active disobedience and for mass unrest",
        }
        if self.rng.random() < 0.5:
            charge["part"] = str(self.rng.randint(1, 3))
        return charge

    def source(self, index: int, start: datetime.date) -> Data:
        publisher = self.rng.choice(_PUBLISHERS)
        slug = publisher.lower().replace(".", "").replace("/", "")
        number = 100000 + index
        room = max(1, (_LAST - start).days)
        published = start + datetime.timedelta(days=self.rng.randrange(min(room, 3000)))
        source: Data = {
            "id": f"{slug}-{number}",
            "publisher": publisher,
            "url": f"https://example.org/{slug}/{number}/",
            "published": Quoted(f"{published:%Y-%m}"),
            "language": _LANG.get(publisher, "en"),
        }
        if publisher in _KIND:
            source["kind"] = _KIND[publisher]
        if self.rng.random() < 0.1:
            source["note"] = "Undated; its content fits the week after the verdict."
        return source

    def case_title(self) -> str:
        name, _ = self._word(3)
        return f"Prosecution of {name} Media journalists"

    def quote(self) -> str:
        return self.rng.choice(_QUOTES)


def title_for(event_type: str, name: str) -> str:
    return _TITLES[event_type].format(who=name)
