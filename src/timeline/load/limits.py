"""What a case file may cost, where more than the loader needs to know it."""

from __future__ import annotations

# Larger files are refused unread (TL109); the cache of `show` reads no more either.
MAX_FILE_BYTES = 16 * 1024 * 1024
# A flood of the same mistake (20,000 duplicate keys, a list of 300,000 bad tags) is
# reported by its first instances and a line that counts the rest: locating and
# printing every one cost gigabytes.
MAX_DIAGNOSTICS = 1000  # per file
MAX_DIAGNOSTICS_PER_CODE = 100  # per file and code
