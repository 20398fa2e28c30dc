"""What a public `onrecord serve` exposes, checked against the real server: pages and read-only
queries, never debug pages, writes or unbounded work (plugins/read_only_site.py, plugins/limits.py,
the settings in publish.py)."""
import json
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest


def request(url, method="GET", data=None):
    req = urllib.request.Request(url, method=method, data=data)
    try:
        with urllib.request.urlopen(req, timeout=15) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def sql(served, query):
    return request(f"{served}/onrecord.json?" + urllib.parse.urlencode({"sql": query, "_shape": "array"}))


@pytest.mark.parametrize("path", [
    "/-/threads", "/-/messages", "/-/allow-debug", "/-/permissions", "/-/actor", "/-/databases",
    "/-/versions", "/-/plugins", "/-/settings", "/-/settings.json", "/-/auth-token", "/-/patterns",
    "/-/insert", "/-/drop", "/onrecord/statements/-/insert", "/onrecord/statements/-/drop",
])
def test_debug_and_write_pages_are_not_found(served, path):
    status, body = request(served + path)
    assert status == 404
    assert "Traceback" not in body


@pytest.mark.parametrize("path", ["/-/metadata.json", "/-/dashboards/stances", "/board"])
def test_reader_pages_stay_open(served, path):
    assert request(served + path)[0] == 200


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_the_site_is_read_only(served, method):
    status, body = request(served + "/onrecord/statements", method=method, data=b"{}")
    assert status == 405
    assert "read-only" in body


def test_csv_streaming_past_the_row_cap_is_refused(served):
    status, _ = request(served + "/onrecord/statements.csv?_stream=on&_size=max")
    assert status == 400


def test_a_huge_blob_is_refused_quickly_and_the_server_stays_up(served):
    started = time.monotonic()
    status, body = sql(served, "select length(randomblob(2000000000)) as n")
    assert status == 400
    assert "too big" in body
    assert time.monotonic() - started < 5
    status, body = sql(served, "select 1 as one")
    assert (status, json.loads(body)) == (200, [{"one": 1}])


def test_many_medium_blobs_are_stopped_by_the_time_or_memory_limit(served):
    status, body = sql(
        served,
        "with recursive r(i, b) as (select 0, randomblob(9000000) union all "
        "select i + 1, randomblob(9000000) from r where i < 100000) select max(length(b)) from r",
    )
    assert status == 400
    assert "took too long" in body or "out of memory" in body
    assert sql(served, "select 2 as two")[0] == 200
