"""A small client for the Quotegraph GraphQL API: queries, automatic pagination, data frames."""

from .client import Client, QuotegraphError, flatten

__all__ = ["Client", "QuotegraphError", "flatten"]
