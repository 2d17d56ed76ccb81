"""What a case file may cost, where more than the loader needs to know it."""

from __future__ import annotations

# Larger files are refused unread (TL109); the cache of `show` reads no more either.
MAX_FILE_BYTES = 16 * 1024 * 1024
