"""Layer 2, model: what a case is. Imports `dates` (and pydantic-core); no files, no output.

`case` holds the classes of a case file (validated with the schema that pydantic wrote for
them, `base`, `compile`, `compiled`), `vocab` the controlled
vocabularies with their definitions, `durations` ISO 8601 terms, and `describe`
the plain-English words for parts of a case that every output shares.
"""
