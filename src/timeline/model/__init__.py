"""Layer 2, model: what a case is. Imports `dates` (and pydantic); no files, no output.

`case` holds the pydantic models of a case file, `vocab` the controlled
vocabularies with their definitions, `durations` ISO 8601 terms, and `describe`
the plain-English words for parts of a case that every output shares.
"""
