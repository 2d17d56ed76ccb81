"""Layer 3, load: from a file's bytes to a checked case. Imports `model`, `dates` and yaml.

`loader` reads YAML safely into plain data, `validation` builds the models and
runs the rules of `checks` (a sub-package, since the rules are part of checking
a file and report through this layer's `diagnostics`), `positions` places what
they find in the text, `schema` gives the JSON Schema, `limits` the bounds on
input, and `files` which files are case files. A finding is a value, never an
exception.
"""
