"""Quotegraph client: requests only; pandas is used by to_dataframe() when it is installed."""

from __future__ import annotations

import os
from typing import Any, Dict, Iterator, List, Optional

import requests


class QuotegraphError(Exception):
    """The API answered with errors. `codes` holds their extensions.code (BAD_USER_INPUT, NOT_FOUND, ...)."""

    def __init__(self, errors: List[Dict[str, Any]], status: Optional[int] = None):
        self.errors = errors
        self.status = status
        self.codes = [(error.get("extensions") or {}).get("code") for error in errors]
        self.fields = [(error.get("extensions") or {}).get("field") for error in errors]
        parts = []
        for error, code, field in zip(errors, self.codes, self.fields):
            where = f" (field {field})" if field else ""
            parts.append(f"{code or 'ERROR'}: {error.get('message', '')}{where}")
        super().__init__("; ".join(parts) or f"HTTP {status}")


def flatten(value: Any, prefix: str = "") -> Dict[str, Any]:
    """A nested node as one row: dotted column names, lists of scalars joined with ";"."""
    row: Dict[str, Any] = {}
    if isinstance(value, dict):
        for key, item in value.items():
            row.update(flatten(item, f"{prefix}{key}."))
        return row
    column = prefix[:-1]
    if isinstance(value, list):
        if all(not isinstance(item, (dict, list)) for item in value):
            row[column] = ";".join("" if item is None else str(item) for item in value)
        else:
            for item in value:
                for key, cell in flatten(item, prefix).items():
                    row[key] = cell if key not in row else f"{row[key]};{cell}"
        return row
    row[column] = value
    return row


def local_api_key(start: Optional[str] = None) -> Optional[str]:
    """
    The key to send when none is given: $QUOTEGRAPH_API_KEY, else the editor key a zero-config
    server keeps in .data/api-key of its folder (looked for here and in the folders above).
    """
    key = os.environ.get("QUOTEGRAPH_API_KEY", "").strip()
    if key:
        return key
    folder = os.path.abspath(start or os.getcwd())
    while True:
        candidate = os.path.join(folder, ".data", "api-key")
        if os.path.isfile(candidate):
            with open(candidate, encoding="utf-8") as file:
                return file.read().strip() or None
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


class Client:
    """
    client = Client("http://localhost:4000/graphql")
    client.query("{ actor(name: \\"Biden\\") { name } }")
    for quote in client.paginate(QUERY, "quotes"): ...
    """

    def __init__(self, url: str = "http://localhost:4000/graphql", api_key: Optional[str] = None, timeout: float = 60.0,
                 session: Optional[requests.Session] = None):
        self.url = url
        self.timeout = timeout
        self.session = session or requests.Session()
        self.session.headers["Content-Type"] = "application/json"
        api_key = api_key or local_api_key()
        if api_key:
            self.session.headers["X-API-Key"] = api_key

    def query(self, query: str, variables: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """Runs a query or mutation and returns its data; raises QuotegraphError on any error."""
        response = self.session.post(self.url, json={"query": query, "variables": variables or {}}, timeout=self.timeout)
        try:
            payload = response.json()
        except ValueError:
            raise QuotegraphError([{"message": response.text[:500]}], response.status_code) from None
        if payload.get("errors"):
            raise QuotegraphError(payload["errors"], response.status_code)
        if not response.ok:
            raise QuotegraphError([{"message": f"HTTP {response.status_code}"}], response.status_code)
        return payload["data"]

    def paginate(self, query: str, path: str, variables: Optional[Dict[str, Any]] = None) -> Iterator[Dict[str, Any]]:
        """
        Yields every node of the connection at `path` ("quotes", "policyQuestion.stances"). The query
        declares `$after: String`, passes `after: $after` to that connection and selects
        `pageInfo { hasNextPage endCursor }`.
        """
        if "$after" not in query or "endCursor" not in query:
            raise ValueError("the query must declare $after: String, pass after: $after and select pageInfo { hasNextPage endCursor }")
        after = None
        while True:
            data = self.query(query, {**(variables or {}), "after": after})
            connection: Any = data
            for key in path.split("."):
                connection = connection.get(key) if isinstance(connection, dict) else None
            if connection is None:
                return
            for edge in connection["edges"]:
                yield edge["node"]
            page = connection["pageInfo"]
            if not page["hasNextPage"]:
                return
            after = page["endCursor"]

    @staticmethod
    def to_dataframe(nodes: Any):
        """The nodes as a pandas DataFrame, one row a node, nested fields as dotted columns."""
        try:
            import pandas as pd
        except ImportError as error:  # pragma: no cover - depends on the machine
            raise ImportError("to_dataframe() needs pandas: pip install pandas, or apt-get install python3-pandas") from error
        return pd.DataFrame([flatten(node) for node in nodes])
