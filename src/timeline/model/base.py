"""The base of the case model's classes: validated and serialized by pydantic-core with
the schema that pydantic built for them ahead of time.

The classes are declared once (model/case.py, model/registry.py), with the annotations
that pydantic reads. `timeline.model.compile` hands them to pydantic as models and
writes the core schema it builds as Python (model/compiled.py); at run time
pydantic-core validates and serializes with that schema alone, and fills in instances
of these classes (pydantic-core does so for any class with the four slots below).
Importing pydantic's model machinery and building every class's schema at each start
cost more than the rest of a cold `show` (docs/performance.md).

What the rest of timeline asks of a model is here, as pydantic's `BaseModel` spells it:
`model_validate`, `model_construct`, `model_copy`, `model_dump`, `model_fields`,
`model_fields_set`; models are frozen, equal when their fields are, and hash alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, ClassVar, Literal, NamedTuple, Self, TypeVar

from pydantic_core import SchemaSerializer, SchemaValidator

Schema = dict[str, Any]

# What a model's schema is wrapped in (its own validators, a default, a shortcut) around
# the `model` schema itself, and what a field's type is wrapped in around the class it holds.
_WRAPPERS = ("function-after", "function-before", "function-wrap", "default", "nullable")


class _EmptyList:
    """The default of a list field: a new empty list for each instance (see `EMPTY`)."""

    def __repr__(self) -> str:
        return "EMPTY"


EMPTY: Any = _EmptyList()
"""The default of a list field (`aliases: list[Alias] = EMPTY`): an empty list."""

F = TypeVar("F", bound=Callable[..., Any])


def after_validation(method: F) -> F:
    """Run `method(self)` after validation (pydantic's `model_validator(mode="after")`)."""
    method.__timeline_hook__ = "after"  # type: ignore[attr-defined]
    return method


def wrap_serialization(method: F) -> F:
    """Serialize through `method(self, handler)` (pydantic's `model_serializer(mode="wrap")`)."""
    method.__timeline_hook__ = "serializer"  # type: ignore[attr-defined]
    return method


class FieldShape(NamedTuple):
    """A field as the schema has it: its default and the model or vocabulary it holds."""

    required: bool
    default: Any
    factory: Callable[[], Any] | None
    holds: type | None  # a model or an enum, inside any list or `| None`; None for a value

    def default_value(self) -> Any:
        return self.factory() if self.factory is not None else self.default


class Model:
    """A frozen model whose schema comes from model/compiled.py (see `bind`)."""

    # What pydantic-core sets on an instance it builds (pydantic's BaseModel has them too).
    __slots__ = (
        "__dict__",
        "__pydantic_extra__",
        "__pydantic_fields_set__",
        "__pydantic_private__",
    )

    __pydantic_fields_set__: set[str]
    model_schema: ClassVar[Schema]
    """The class's core schema: its `model` schema, with its own validators around it."""
    model_fields: ClassVar[dict[str, FieldShape]]

    def __init__(self, /, **data: Any) -> None:
        _validator(type(self)).validate_python(data, self_instance=self)

    @classmethod
    def model_validate(cls, obj: Any) -> Self:
        """An instance from plain data (a YAML document's); raises pydantic's ValidationError."""
        result: Self = _validator(cls).validate_python(obj)
        return result

    @classmethod
    def model_construct(cls, _fields_set: set[str] | None = None, **values: Any) -> Self:
        """An instance of trusted values, not validated; absent fields get their defaults."""
        fields = {
            name: values[name] if name in values else shape.default_value()
            for name, shape in cls.model_fields.items()
        }
        return cls._built(fields, set(values) if _fields_set is None else _fields_set)

    @classmethod
    def _built(cls, fields: dict[str, Any], fields_set: set[str]) -> Self:
        instance = cls.__new__(cls)
        instance.__setstate__((fields, fields_set))
        return instance

    @property
    def model_fields_set(self) -> set[str]:
        """The fields the data gave (the others have their defaults)."""
        return self.__pydantic_fields_set__

    def model_copy(self, *, update: Mapping[str, Any] | None = None) -> Self:
        """A copy with some fields replaced, not validated (as pydantic's `model_copy`)."""
        fields = dict(self.__dict__)
        fields.update(update or {})
        return self._built(fields, self.model_fields_set | set(update or ()))

    def model_dump(
        self,
        *,
        mode: Literal["json", "python"] = "python",
        include: set[str] | None = None,
        exclude: set[str] | None = None,
        exclude_defaults: bool = False,
    ) -> dict[str, Any]:
        """The model as plain values: JSON types for `mode="json"`, as the file writes them."""
        data: dict[str, Any] = _serializer(type(self)).to_python(
            self, mode=mode, include=include, exclude=exclude, exclude_defaults=exclude_defaults
        )
        return data

    def model_dump_json(self) -> str:
        """The model as JSON text."""
        text: bytes = _serializer(type(self)).to_json(self)
        return text.decode()

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        """The fields and their values (`dict(model)`), as pydantic's models give them."""
        return ((name, self.__dict__[name]) for name in self.model_fields)

    def _field_values(self) -> Iterator[Any]:
        return (self.__dict__[name] for name in self.model_fields)

    def __eq__(self, other: object) -> bool:
        # `diff` compares every item of two versions, most of them equal: two items of the
        # same class with the same attributes are equal at once; otherwise only the fields
        # count, not what one of them has worked out since (a cached property).
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Model)
        if self.__dict__ == other.__dict__:
            return True
        return all(a == b for a, b in zip(self._field_values(), other._field_values(), strict=True))

    def __hash__(self) -> int:
        return hash((type(self), *self._field_values()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in self)
        return f"{type(self).__name__}({fields})"

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: {name} cannot be set")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: {name} cannot be deleted")

    def __getstate__(self) -> tuple[dict[str, Any], set[str]]:
        return self.__dict__, self.__pydantic_fields_set__

    def __setstate__(self, state: tuple[dict[str, Any], set[str]]) -> None:
        fields, fields_set = state
        _set(self, "__dict__", fields)
        _set(self, "__pydantic_fields_set__", fields_set)
        _set(self, "__pydantic_extra__", None)
        _set(self, "__pydantic_private__", None)


_set = object.__setattr__


def bind(schema: Schema) -> Schema:
    """Give each model class in `schema` (a schema of model/compiled.py) its own schema
    and fields; the first schema to hold a class is the one it keeps. Returns `schema`."""
    for model, own in _models_in(schema):
        if "model_schema" not in model.__dict__:
            model.model_schema = own
            model.model_fields = _fields(own)
    return schema


def _models_in(schema: Any) -> Iterator[tuple[type[Model], Schema]]:
    """Each model class in `schema` with its own schema: the one that carries the class's
    `ref`, the model's or the validators' around it (a field's validators are further out)."""
    if isinstance(schema, dict):
        if schema.get("type") in ("definitions", "definition-ref"):
            raise ValueError("a schema with definitions: bind() reads inline schemas only")
        node = _model_node(schema) if isinstance(schema.get("ref"), str) else None
        if node is not None:
            yield node["cls"], schema
        for value in schema.values():
            yield from _models_in(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from _models_in(item)


def _model_node(schema: Schema) -> Schema | None:
    while schema["type"] != "model":
        if schema["type"] not in _WRAPPERS or "schema" not in schema:
            return None
        schema = schema["schema"]
    return schema


def _fields(schema: Schema) -> dict[str, FieldShape]:
    node = _model_node(schema)
    assert node is not None
    fields = node["schema"]["fields"]
    return {name: _shape(field["schema"]) for name, field in fields.items()}


def _shape(schema: Schema) -> FieldShape:
    default = schema if schema["type"] == "default" else None
    return FieldShape(
        required=default is None,
        default=default.get("default") if default else None,
        factory=default.get("default_factory") if default else None,
        holds=_holds(schema),
    )


def _holds(schema: Schema) -> type | None:
    """The model or enum class inside a field's schema, through lists and wrappers."""
    while True:
        kind = schema["type"]
        if kind in ("model", "enum"):
            held: type = schema["cls"]
            return held
        if kind == "list":
            schema = schema["items_schema"]
        elif kind in _WRAPPERS and "schema" in schema:
            schema = schema["schema"]
        else:
            return None


_validators: dict[type, SchemaValidator] = {}
_serializers: dict[type, SchemaSerializer] = {}


def _validator(model: type[Model]) -> SchemaValidator:
    found = _validators.get(model)
    if found is None:
        found = _validators[model] = SchemaValidator(model.model_schema)
    return found


def _serializer(model: type[Model]) -> SchemaSerializer:
    found = _serializers.get(model)
    if found is None:
        found = _serializers[model] = SchemaSerializer(model.model_schema)
    return found
