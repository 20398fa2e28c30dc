"""`python -m onrecord ...`: the same as the `onrecord` command (and how child processes start it)."""
from onrecord.cli import cli

if __name__ == "__main__":
    cli(prog_name="onrecord")
