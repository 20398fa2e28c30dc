"""`onrecord serve` as a real subprocess: binds to 127.0.0.1, serves tables, queries, feed and board."""
import json
import socket
import urllib.request

import pytest
from click.testing import CliRunner

from onrecord.cli import cli


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode()


@pytest.mark.parametrize("path", [
    "/", "/board", "/onrecord/statements", "/onrecord/leader_stances", "/onrecord/silent_leaders",
    "/onrecord/new_on_topic_feed.atom", "/-/dashboards/stances",
])
def test_pages_answer(served, path):
    status, body = fetch(served + path)
    assert status == 200
    assert body


def test_serves_the_rows(served, expected_stances):
    status, body = fetch(served + "/onrecord/leader_stances.json?_shape=array")
    assert {row["leader_id"]: row["stance"] for row in json.loads(body)} == expected_stances


def outward_address():
    """This machine's address on its default route (no packet is sent by a UDP connect)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect(("192.0.2.1", 9))
        except OSError:
            return None
        return sock.getsockname()[0]


def test_binds_to_loopback_only(served):
    port = int(served.rsplit(":", 1)[1])
    address = outward_address()
    if not address or address.startswith("127."):
        pytest.skip("no non-loopback address on this machine to probe")
    with pytest.raises(OSError):
        socket.create_connection((address, port), timeout=1).close()


def test_serve_refuses_a_missing_database(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "nope.db")])
    assert result.exit_code == 3  # the database's exit status (cli/errors.py)
    assert "nope.db: no such database" in result.output
    assert not (tmp_path / "nope.db").exists()
