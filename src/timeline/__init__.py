"""Keep, check, show and export sourced chronologies of legal cases."""

__version__ = "0.1.0"
