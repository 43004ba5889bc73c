"""Lexi: a self-hostable AI prospecting assistant."""

__version__ = "0.1.0"
