"""Keep the README's command reference equal to the commands' real --help output.

Between `<!-- help: NAME -->` and `<!-- /help -->` the README holds `onrecord NAME --help` (NAME may
name a subcommand too: `<!-- help: review confirm -->`).
Usage: python scripts/readme_help.py [--check]   (--check exits 1 when the README is stale)
"""
import re
import sys
from pathlib import Path

from click.testing import CliRunner

from onrecord.cli import cli

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCK = re.compile(r"(<!-- help: (\w[\w -]*?) -->\n)(.*?)(<!-- /help -->)", re.S)


def help_text(name: str) -> str:
    args = ["--help"] if name == "onrecord" else name.split() + ["--help"]
    result = CliRunner().invoke(cli, args, prog_name="onrecord", terminal_width=100)
    if result.exit_code != 0:
        raise SystemExit(f"onrecord {' '.join(args)} failed: {result.output}")
    return result.output


def render(readme: str) -> str:
    return BLOCK.sub(lambda m: f"{m.group(1)}```\n{help_text(m.group(2))}```\n{m.group(4)}", readme)


def documented(readme: str) -> set[str]:
    return {m.group(2) for m in BLOCK.finditer(readme)}


def main():
    readme = README.read_text()
    updated = render(readme)
    missing = set(cli.commands) - documented(readme)
    if "--check" in sys.argv:
        if updated != readme or missing:
            print(f"README is stale; undocumented commands: {sorted(missing) or 'none'}. "
                  "Run: .venv/bin/python scripts/readme_help.py", file=sys.stderr)
            sys.exit(1)
        return
    README.write_text(updated)
    if missing:
        print(f"add a `<!-- help: NAME -->` block for: {', '.join(sorted(missing))}", file=sys.stderr)


if __name__ == "__main__":
    main()
