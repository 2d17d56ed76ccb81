"""The case model's classes given to pydantic, and the core schemas it builds for them
written as Python (model/compiled.py), for pydantic-core to validate with at run time.

    python -m timeline.model.compile          # write model/compiled.py
    python -m timeline.model.compile --check  # exit 1, and say so, if it is not current

The classes (model/case.py, model/registry.py) are declared with the annotations that
pydantic reads. Here each becomes a pydantic model of the same name, fields, defaults,
docstring and validators (`twins`); pydantic builds its core schema, and the JSON Schema
(timeline.load.schema). In the written schema each twin is replaced by its class, so
that what pydantic-core validates is an instance of the class timeline uses.
"""

from __future__ import annotations

import enum
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from importlib import import_module
from pathlib import Path
from types import FunctionType, ModuleType
from typing import TYPE_CHECKING, Any

import pydantic_core

from timeline.model.base import EMPTY, Model, Schema
from timeline.model.values import new_list

if TYPE_CHECKING:
    from pydantic import BaseModel

TARGET = Path(__file__).with_name("compiled.py")
CASE, REGISTRY = "timeline.model.case", "timeline.model.registry"
ROOTS: dict[str, tuple[tuple[str, ...], str]] = {
    # the function of model/compiled.py: the modules of its classes, its root class
    "case": ((CASE,), "Case"),
    "registry_file": ((CASE, REGISTRY), "RegistryFile"),
}
# pydantic's own reference of a schema ends with the id of the class ("...Case:9427841"):
# the written reference is the class's name alone, the same in every run.
_ADDRESS = re.compile(r":\d+$")


def twins(modules: Iterable[ModuleType]) -> dict[str, type[BaseModel]]:
    """A pydantic model for each class of `modules` (in order), by name."""
    from pydantic import BaseModel, ConfigDict

    from timeline.model.shapes import NAMESPACE

    class Twin(BaseModel):
        # Unknown keys are errors: in hand-written YAML they are almost always typos.
        model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)

    made: dict[str, type[BaseModel]] = {}
    for module in modules:
        for model in _models(module):
            namespace = {**NAMESPACE, **vars(module), **made}
            made[model.__name__] = _twin(model, Twin, namespace)
    return made


def _models(module: ModuleType) -> list[type[Model]]:
    return [
        value
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, Model)
        and value.__module__ == module.__name__
    ]


def _twin(model: type[Model], base: type[BaseModel], namespace: dict[str, Any]) -> type[BaseModel]:
    from pydantic import Field, create_model, model_serializer, model_validator

    fields: dict[str, Any] = {}
    for name, text in vars(model).get("__annotations__", {}).items():
        annotation = eval(text, namespace)
        if name not in vars(model):
            fields[name] = (annotation, ...)
        elif vars(model)[name] is EMPTY:
            # The schema still says `"default": []` (the factory is for pydantic-core).
            empty = Field(default_factory=new_list, json_schema_extra={"default": []})
            fields[name] = (annotation, empty)
        else:
            fields[name] = (annotation, vars(model)[name])
    hooks: dict[str, Any] = {}
    for name, value in vars(model).items():
        hook = getattr(value, "__timeline_hook__", None)
        if hook == "after":
            hooks[name] = model_validator(mode="after")(value)
        elif hook == "serializer":
            hooks[name] = model_serializer(mode="wrap")(value)
    twin: type[BaseModel] = create_model(
        model.__name__,
        __base__=base,
        __module__=model.__module__,
        __doc__=model.__doc__,
        __validators__=hooks,
        **fields,
    )
    return twin


def function_source(root: str, made: dict[str, type[BaseModel]]) -> str:
    """The function of model/compiled.py that returns the core schema of `root`."""
    modules, name = ROOTS[root]
    writer = _Writer(made, [sys.modules[module] for module in modules])
    result = writer.write(made[name].__pydantic_core_schema__, 1)
    names = sorted(writer.modules)
    taken = ", ".join(f'modules["{name}"]' for name in names)
    return (
        f"def {root}(modules: Mapping[str, ModuleType]) -> dict[str, Any]:\n"
        f"    {', '.join(names)} = {taken}\n"
        + "".join(writer.definitions)
        + f"    return {result}\n"
    )


def stored_schema(root: str, modules: Mapping[str, ModuleType]) -> Schema:
    """The core schema of model/compiled.py called `root` (`case`, `registry_file`), with
    the classes, functions and terms of `modules` (by their names in timeline.model).

    With another pydantic-core than the one that wrote it, pydantic builds the schema now
    from the same classes: the same result, at the cost that the stored schema spares.
    """
    from timeline.model import compiled

    if pydantic_core.__version__ == compiled.PYDANTIC_CORE_VERSION:
        build: Callable[[Mapping[str, ModuleType]], Schema] = getattr(compiled, root)
    else:
        build = _build_now(root)
    return build(modules)


def _build_now(root: str) -> Callable[[Mapping[str, ModuleType]], Schema]:
    """The function `root` of model/compiled.py, written now (its classes are imported)."""
    modules, _ = ROOTS[root]
    made = twins(sys.modules[module] for module in modules)
    namespace: dict[str, Any] = {"Any": Any, "Mapping": Mapping, "ModuleType": ModuleType}
    exec(function_source(root, made), namespace)
    build: Callable[[Mapping[str, ModuleType]], Schema] = namespace[root]
    return build


def source() -> str:
    """What model/compiled.py should hold."""
    import pydantic

    for module in (CASE, REGISTRY):
        import_module(module)
    made = twins(sys.modules[module] for module in (CASE, REGISTRY))
    functions = "\n\n".join(function_source(root, made) for root in ROOTS)
    return (
        '"""The core schemas of the case model, as pydantic builds them from model/case.py and\n'
        "model/registry.py: pydantic-core validates and serializes the models with them\n"
        "(model/base.py).\n\n"
        f"Written by `python -m timeline.model.compile` with pydantic {pydantic.VERSION} and\n"
        f"pydantic-core {pydantic_core.__version__}: edit the models, not this file.\n"
        '"""\n\n'
        "from collections.abc import Mapping\n"
        "from types import ModuleType\n"
        "from typing import Any\n\n"
        f'PYDANTIC_CORE_VERSION = "{pydantic_core.__version__}"\n\n\n'
        f"{functions}"
    )


class _Writer:
    """A core schema as Python: classes, functions, enum members and other objects by their
    name in a module of timeline.model, which the function takes; the schema of each model
    and vocabulary (those pydantic gives a `ref`) once, in a variable, used wherever it is."""

    def __init__(self, made: dict[str, type[BaseModel]], searched: list[ModuleType]) -> None:
        self.classes = {twin: name for name, twin in made.items()}
        self.searched = [*searched, sys.modules["timeline.model.values"]]
        # The classes of the modules before the root's own have their schemas already
        # (model/case.py's, when model/registry.py is imported): those are named, not copied.
        self.bound = {module.__name__ for module in searched[:-1]}
        self.modules: set[str] = set()
        self.definitions: list[str] = []
        self.defined: dict[str, tuple[str, str]] = {}  # ref: (variable, its schema)

    def write(self, value: Any, depth: int) -> str:
        if isinstance(value, dict):
            if isinstance(value.get("ref"), str):
                return self._variable(value)
            return self._dict(value, depth)
        if isinstance(value, list):
            indent, inner = "    " * depth, "    " * (depth + 1)
            items = [f"{inner}{self.write(item, depth + 1)},\n" for item in value]
            return "[\n" + "".join(items) + indent + "]" if items else "[]"
        if isinstance(value, enum.Enum):
            return f"{self._name(type(value))}.{value.name}"
        if isinstance(value, str):
            return _text(value)
        if value is None or isinstance(value, bool | int | float):
            return repr(value)
        if isinstance(value, type | FunctionType):
            return self._name(value)
        return self._global(value)

    def _dict(self, value: dict[str, Any], depth: int) -> str:
        indent, inner = "    " * depth, "    " * (depth + 1)
        items = [
            f"{inner}{_text(key)}: {self.write(self._value(key, item), depth + 1)},\n"
            for key, item in value.items()
            if key != "metadata"  # what pydantic keeps for the JSON Schema
        ]
        return "{\n" + "".join(items) + indent + "}" if items else "{}"

    def _variable(self, value: dict[str, Any]) -> str:
        ref = _ADDRESS.sub("", value["ref"])
        module, _, name = ref.rpartition(".")
        if module in self.bound:
            return f"{self._module(module)}.{name}.model_schema"
        schema = self._dict(value, 1)  # first the variables it uses
        variable, known = self.defined.get(ref, ("", schema))
        if known != schema:
            raise ValueError(f"two different schemas for {ref}")
        if not variable:
            variable = re.sub(r"(?<!^)(?=[A-Z])", "_", ref.rsplit(".", 1)[-1]).lower() + "_schema"
            self.definitions.append(f"    {variable} = {schema}\n")
            self.defined[ref] = (variable, schema)
        return variable

    @staticmethod
    def _value(key: str, value: Any) -> Any:
        return _ADDRESS.sub("", value) if isinstance(value, str) and key.endswith("ref") else value

    def _name(self, value: type | FunctionType) -> str:
        if value in self.classes:
            value = getattr(sys.modules[value.__module__], self.classes[value])
        module, qualname = value.__module__, value.__qualname__
        found: Any = sys.modules[module]
        for part in qualname.split("."):
            found = getattr(found, part, None)
        if found is not value or not module.startswith("timeline.model."):
            raise TypeError(f"{value!r} has no name in timeline.model to write in a schema")
        return f"{self._module(module)}.{qualname}"

    def _global(self, value: object) -> str:
        for module in self.searched:
            name = next((k for k, v in vars(module).items() if v is value), None)
            if name is not None:
                return f"{self._module(module.__name__)}.{name}"
        raise TypeError(f"{value!r} has no name in timeline.model to write in a schema")

    def _module(self, module: str) -> str:
        alias = module.removeprefix("timeline.model.")
        self.modules.add(alias)
        return alias


def _text(value: str) -> str:
    """A Python string literal, in double quotes where it can be."""
    if value.isprintable() and '"' not in value and "\\" not in value:
        return f'"{value}"'
    return repr(value)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = source()
    if args == ["--check"]:
        if TARGET.read_text(encoding="utf-8") == text:
            return 0
        print(f"{TARGET} is not current: run `python -m timeline.model.compile`", file=sys.stderr)
        return 1
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
