"""Shell completion answered before the CLI framework is imported.

`_TIMELINE_COMPLETE=complete_bash` (or `complete_zsh`) asks for the words that may follow a
command line. Typer answers it only after importing itself and building every command: five
times the cost of importing PyYAML, for each press of Tab. Here the commands, their options
and what their values may be come from a table (`completion_table`, generated from the real
application by `python -m timeline.cli.completion` and kept equal to it by a test), and the
case ids from the data directory. A command line this does not understand for certain (an
option with `=`, `--`, a global option, another shell) gets None: the CLI answers it.

Imports only os, sys and shlex, not pathlib, so that Tab costs about as much as starting Python.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from timeline.store.completion_table import TABLE

COMPLETE_VAR = "_TIMELINE_COMPLETE"
ENV_VAR = "TIMELINE_DATA_DIR"  # as in timeline.store.repository
SUFFIXES = (".yaml", ".yml")  # as in timeline.load.files

Item = tuple[str, str, int]  # a word, the line zsh shows for it, the width that line needs


def answer(environ: Mapping[str, str]) -> str | None:
    """What typer's completion would print for the request in `environ`, or None to let it."""
    shell = {"complete_bash": "bash", "complete_zsh": "zsh"}.get(environ.get(COMPLETE_VAR, ""))
    if shell is None:
        return None
    try:
        args, incomplete = _bash_args(environ) if shell == "bash" else _zsh_args(environ)
        items = _items(args, incomplete)
    except Exception:  # anything unforeseen: the CLI answers, as it always did
        return None
    if items is None:
        return None
    if shell == "bash":
        return "".join(f"{item[0]}\n" for item in items) or "\n"
    if not items:
        return "_files\n"
    width = _help_width(environ)
    if width is None or any(item[2] > width for item in items):
        return None  # typer wraps the help to the terminal
    return "_arguments '*: :((" + "\n".join(item[1] for item in items) + "))'\n"


def _help_width(environ: Mapping[str, str]) -> int | None:
    """The width rich gives typer's help in zsh's lines (its Console's), or None when unsure."""
    if environ.get("TERM", "").lower() in ("dumb", "unknown"):
        return None
    if environ.get("TERMINAL_WIDTH"):
        return int(environ["TERMINAL_WIDTH"])
    width = 0
    for descriptor in (0, 1, 2):
        try:
            width = os.get_terminal_size(descriptor).columns
        except (AttributeError, ValueError, OSError):
            continue
        break
    columns = environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() else width or 80


def _split(text: str) -> list[str]:
    """Words as the shell gave them, as click splits them (an open quote is no error)."""
    import shlex

    lex = shlex.shlex(text, posix=True)
    lex.whitespace_split = True
    lex.commenters = ""
    words: list[str] = []
    try:
        words.extend(lex)
    except ValueError:
        words.append(lex.token)
    return words


def _bash_args(environ: Mapping[str, str]) -> tuple[list[str], str]:
    words = _split(environ["COMP_WORDS"])
    index = int(environ["COMP_CWORD"])
    return words[1:index], words[index] if index < len(words) else ""


def _zsh_args(environ: Mapping[str, str]) -> tuple[list[str], str]:
    line = environ.get("_TYPER_COMPLETE_ARGS", "")
    args = _split(line)[1:]
    if args and not line.endswith(" "):
        return args[:-1], args[-1]
    return args, ""


def _items(args: list[str], incomplete: str) -> list[Item] | None:
    if "--" in args or "=" in incomplete:
        return None  # click splits `--opt=value` and stops at `--`: rare, left to it
    if not args:
        words = [item for item in TABLE["commands"] if item[0].startswith(incomplete)]
        return words + _option_items(TABLE["root"]["options"], set(), incomplete)
    command = TABLE["command"].get(args[0])
    if command is None or command["arguments"] is None:
        return None
    parsed = _parse(command["options"], args[1:])
    if parsed is None:
        return None
    given, positionals, pending = parsed
    if incomplete[:1] == "-":
        return _option_items(command["options"], given, incomplete)
    if pending is not None:
        return _values(pending["values"], incomplete)
    for argument in command["arguments"]:
        if argument["nargs"] == -1 or positionals == 0:
            return _values(argument["values"], incomplete)
        positionals -= 1
    return []  # nothing left to fill: click offers options only after a dash


def _parse(
    options: list[dict[str, Any]], words: list[str]
) -> tuple[set[int], int, dict[str, Any] | None] | None:
    """The options given (by index), the number of positional words, and the option whose
    value is being typed; None when a word is one this does not know for certain."""
    by_name = {name: i for i, option in enumerate(options) for name in option["names"]}
    given: set[int] = set()
    positionals = 0
    position = 0
    while position < len(words):
        word = words[position]
        position += 1
        if word[:1] != "-" or word == "-":
            positionals += 1
            continue
        index = by_name.get(word)
        if index is None:
            return None  # unknown, `-abc` or `--opt=value`: click's parser decides
        option = options[index]
        if option["takes_value"]:
            if position == len(words):
                return given, positionals, option if word in option["opts"] else None
            if words[position][:1] == "-":
                return None
            position += 1
        given.add(index)
    return given, positionals, None


def _option_items(options: list[dict[str, Any]], given: set[int], incomplete: str) -> list[Item]:
    if not incomplete or incomplete[0].isalnum():
        return []
    return [
        item
        for i, option in enumerate(options)
        if not option["hidden"] and (option["multiple"] or i not in given)
        for item in _in_click_order(option)
        if item[0].startswith(incomplete)
    ]


def _in_click_order(option: dict[str, Any]) -> list[Item]:
    """The items of an option; those of the help option in the order of a set of its names,
    as click builds it (`Command.get_help_option_names`), which depends on the process."""
    if not option["set_order"]:
        return list(option["items"])
    item_of = {item[0]: item for item in option["items"]}
    return [item_of[name] for name in set(option["names"])]


def _values(kind: Any, incomplete: str) -> list[Item] | None:
    if kind == "none":
        return []
    if kind == "file":
        words: list[str] = [incomplete]
    elif kind == "case":
        words = [case for case in case_ids() if case.startswith(incomplete)]
    elif isinstance(kind, list):  # a choice, its words and whether case matters
        choices, case_sensitive = kind
        if case_sensitive:
            words = [word for word in choices if word.startswith(incomplete)]
        else:
            words = [word for word in choices if word.lower().startswith(incomplete.lower())]
    else:
        return None
    return [(word, f'"{zsh_escape(word)}"', 0) for word in words]


def zsh_escape(text: str) -> str:
    """As typer escapes a word for zsh's `_arguments`."""
    for old, new in (('"', '""'), ("'", "''"), ("$", "\\$"), ("`", "\\`"), (":", r"\\:")):
        text = text.replace(old, new)
    return text


def case_ids() -> list[str]:
    """The case ids of the data directory the commands would use, sorted (none when it
    cannot be found or read): what `timeline show <Tab>` offers."""
    folder = _data_folder()
    try:
        names = os.listdir(folder) if folder else []
    except OSError:
        return []
    found = []
    for name in names:
        stem, suffix = os.path.splitext(name)
        if suffix in SUFFIXES and os.path.isfile(os.path.join(folder or "", name)):
            found.append(stem)
    return sorted(found)


def _data_folder() -> str | None:
    """`timeline.store.repository.data_dir()` without pathlib: the environment's folder,
    ./data/cases, or the bundled cases."""
    env = os.environ.get(ENV_VAR)
    if env:
        return env if os.path.isdir(env) else None
    local = os.path.join("data", "cases")
    if os.path.isdir(local):
        return local
    package = os.path.dirname(os.path.dirname(__file__))
    packaged = os.path.join(package, "data", "cases")
    if os.path.isdir(packaged):
        return packaged
    root = os.path.dirname(os.path.dirname(os.path.realpath(package)))
    return os.path.join(root, "data", "cases")
