"""Fixtures shared across the test folders: a database path and the local replay server."""
import pytest

from onrecord.demo.replay import ReplayServer


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "onrecord.db"


@pytest.fixture
def replay():
    """A started onrecord.demo.replay.ReplayServer on 127.0.0.1 (stopped after the test)."""
    with ReplayServer() as server:
        yield server
