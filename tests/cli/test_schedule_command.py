"""`onrecord schedule` as a user runs it: a bad setting is one line."""
import subprocess
import sys
from pathlib import Path

import pytest

ONRECORD = Path(sys.executable).with_name("onrecord")


@pytest.mark.parametrize("args, expected", [
    (["--at", "25:00"], "Error: --at '25:00': expected a 24-hour time HH:MM, e.g. 03:00"),
    (["--timezone", "Mars/Olympus"], "Error: --timezone 'Mars/Olympus': not an IANA time zone name, e.g. UTC or America/Chicago"),
])
def test_bad_setting_is_one_line(args, expected, tmp_path):
    result = subprocess.run([str(ONRECORD), "schedule", "--once", "--db", str(tmp_path / "x.db"), *args],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip() == expected
    assert not (tmp_path / "x.db").exists()
