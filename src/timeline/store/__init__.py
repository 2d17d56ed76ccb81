"""Layer 4, store: where cases live and how they change. Imports `load`, `diff` and below.

`repository` finds the data directory, the bundled cases and a case by id or
path; `revisions` and `history` read cases from git; `versions` and `external`
compare two versions of a case for `diff` and git's diff driver; `template`
writes new cases, `atomic` writes any file safely, `cache` keeps what `show`
printed.
"""
