"""Tests of the client against a running Quotegraph server with the example corpus (QUOTEGRAPH_URL)."""

import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

import tempfile  # noqa: E402
from unittest import mock  # noqa: E402

from quotegraph import Client, QuotegraphError, flatten  # noqa: E402
from quotegraph.client import local_api_key  # noqa: E402

URL = os.environ.get("QUOTEGRAPH_URL")

QUOTES = """
query ($after: String) {
  quotes(first: 3, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id text kind source { descriptor anonymity affiliation { name } actor { name aliases } } } }
  }
}
"""


class FlattenTest(unittest.TestCase):
    def test_nested_fields_become_dotted_columns_and_lists_are_joined(self):
        row = flatten({"text": "x", "source": {"actor": {"name": "Joe Biden", "aliases": ["Biden", "Joe Biden"]}, "affiliation": None}})
        self.assertEqual(row, {"text": "x", "source.actor.name": "Joe Biden", "source.actor.aliases": "Biden;Joe Biden", "source.affiliation": None})


class LocalApiKeyTest(unittest.TestCase):
    def test_the_environment_wins_over_the_kept_key(self):
        with mock.patch.dict(os.environ, {"QUOTEGRAPH_API_KEY": "qg_from_env"}):
            self.assertEqual(local_api_key("/"), "qg_from_env")

    def test_the_key_kept_in_a_parent_folder_is_found(self):
        with tempfile.TemporaryDirectory() as root, mock.patch.dict(os.environ, {"QUOTEGRAPH_API_KEY": ""}):
            os.makedirs(os.path.join(root, ".data"))
            os.makedirs(os.path.join(root, "notebooks", "deep"))
            with open(os.path.join(root, ".data", "api-key"), "w", encoding="utf-8") as file:
                file.write("qg_kept\n")
            self.assertEqual(local_api_key(os.path.join(root, "notebooks", "deep")), "qg_kept")


@unittest.skipUnless(URL, "set QUOTEGRAPH_URL to a server with the example corpus (npm test does)")
class ClientTest(unittest.TestCase):
    def setUp(self):
        self.client = Client(URL)

    def tearDown(self):
        self.client.session.close()

    def test_query_returns_data(self):
        data = self.client.query('{ actor(name: "zelensky") { name aliases } }')
        self.assertEqual(data["actor"]["name"], "Volodymyr Zelensky")

    def test_paginate_yields_every_node_once_across_pages(self):
        total = self.client.query("{ quotes(first: 0) { totalCount } }")["quotes"]["totalCount"]
        nodes = list(self.client.paginate(QUOTES, "quotes"))
        self.assertEqual(len(nodes), total)
        self.assertGreater(total, 3)
        self.assertEqual(len({node["id"] for node in nodes}), total)

    def test_errors_raise_with_their_codes_and_fields(self):
        with self.assertRaises(QuotegraphError) as raised:
            self.client.query("{ quotes(first: 100000) { totalCount } }")
        self.assertEqual(raised.exception.codes, ["BAD_USER_INPUT"])
        self.assertEqual(raised.exception.fields, ["first"])
        self.assertIn("BAD_USER_INPUT", str(raised.exception))

    def test_to_dataframe_has_one_row_per_node_with_dotted_columns(self):
        frame = Client.to_dataframe(self.client.paginate(QUOTES, "quotes"))
        self.assertIn("source.anonymity", frame.columns)
        anonymous = self.client.query("{ quotes(first: 0, filter: { anonymity: ANONYMOUS }) { totalCount } }")["quotes"]["totalCount"]
        self.assertGreater(anonymous, 0)
        self.assertEqual(int((frame["source.anonymity"] == "ANONYMOUS").sum()), anonymous)

    def test_paginate_refuses_a_query_that_cannot_page(self):
        with self.assertRaises(ValueError):
            list(self.client.paginate("{ quotes { edges { node { text } } } }", "quotes"))


if __name__ == "__main__":
    unittest.main()
