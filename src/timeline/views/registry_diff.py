"""The views of a registry change: which cases' chronologies it changes, and how."""

from __future__ import annotations

import json
from collections.abc import Callable

from timeline.store.registry_diff import RegistryDiff
from timeline.views.diff import md, render_markdown, render_text
from timeline.views.safe import visible as safe


def _headline(diff: RegistryDiff) -> str:
    count = len(diff.cases)
    cases = f"{count} case{'' if count == 1 else 's'}"
    entries = f"{len(diff.entries)} entr{'y' if len(diff.entries) == 1 else 'ies'}"
    return f"{entries} changed; the chronology of {cases} changes"


def render_registry_text(diff: RegistryDiff, color: bool = False) -> str:
    lines = [f"registry {safe(diff.old)} -> {safe(diff.new)}: {_headline(diff)}"]
    if diff.entries:
        lines.append("entries: " + ", ".join(diff.entries))
    lines += [f"no longer valid with the new registry: {safe(name)}" for name in diff.invalid]
    text = "\n".join(lines) + "\n"
    return text + "".join("\n" + render_text(case, color) for case in diff.cases)


def render_registry_markdown(diff: RegistryDiff, color: bool = False) -> str:
    lines = [f"### timeline diff: registry {md(diff.old)} → {md(diff.new)}", ""]
    lines += [f"**{_headline(diff)}**", ""]
    if diff.entries:
        lines += ["Entries: " + ", ".join(f"`{entry}`" for entry in diff.entries), ""]
    lines += [f"- no longer valid with the new registry: `{md(n)}`" for n in diff.invalid]
    text = "\n".join(lines).rstrip("\n") + "\n"
    return text + "".join("\n" + render_markdown(case) for case in diff.cases)


def render_registry_json(diff: RegistryDiff, color: bool = False) -> str:
    return json.dumps(diff.to_json(), indent=2, ensure_ascii=False) + "\n"


REGISTRY_RENDERERS: dict[str, Callable[[RegistryDiff, bool], str]] = {
    "text": render_registry_text,
    "markdown": render_registry_markdown,
    "json": render_registry_json,
}
