"""Every command explains itself, and the README shows each command's current help."""
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from onrecord.cli import cli

ROOT = Path(__file__).resolve().parents[2]
CONTRACT_COMMANDS = {"crawl", "classify", "stance", "serve", "schedule", "demo"}


def readme_help():
    spec = importlib.util.spec_from_file_location("readme_help", ROOT / "scripts" / "readme_help.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_command_has_help(name):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert f"Usage: cli {name}" in result.output or f"Usage: onrecord {name}" in result.output
    assert len(cli.commands[name].help or "") > 40, f"{name} needs a real description"


def test_contract_commands_present():
    assert CONTRACT_COMMANDS <= set(cli.commands)


def test_readme_documents_every_command_with_its_current_help():
    module = readme_help()
    readme = module.README.read_text()
    assert set(cli.commands) <= module.documented(readme), "run: .venv/bin/python scripts/readme_help.py"
    assert module.render(readme) == readme, "README help is stale: run .venv/bin/python scripts/readme_help.py"


def test_console_script_starts_fast_without_heavy_imports():
    code = ("import sys; from onrecord.cli import cli; "
            "heavy = [m for m in ('spacy', 'scrapy', 'datasette', 'trafilatura', 'twisted') if m in sys.modules]; "
            "print(heavy)")
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "[]"
