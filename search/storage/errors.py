"""The error a query or a damaged index raises to the user, apart from the parser so that
a build, which never parses, does not load Whoosh's query modules to know it."""

from __future__ import annotations


class QueryError(ValueError):
    """A query that cannot be run, with a message for the user."""
