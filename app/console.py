"""What the `vlkg` commands say on the terminal: one line per message on stderr, tables on
stdout or stderr. Light to import (rich's console only): `vlkg --help` loads it."""

from __future__ import annotations

import os

import typer
from rich.console import Console
from rich.text import Text

from app.errors import STOPPED
from app.provenance import display_name

err = Console(stderr=True)
out = Console()


def printable(text: str | os.PathLike[str]) -> str:
    """`text` as it may be shown on a terminal (the rule of `app.provenance.display_name`)."""
    return display_name(text)


def say(label: str, style: str, message: str) -> None:
    """One line on stderr: `label` styled, `message` shown as plain text. Paths and input
    text never pass through console markup (`[/y]` in a file name stays `[/y]`), and
    control characters are shown escaped, so no input can drive the terminal."""
    err.print(Text.assemble((label, style), " ", printable(message)), highlight=False, soft_wrap=True)


def fail(message: str, code: int = STOPPED) -> typer.Exit:
    """Say `message` as an error; the exit to raise, with status `code`."""
    say("error:", "bold red", message)
    return typer.Exit(code)


def failed_status(failures: int) -> int:
    """The exit status of a run with `failures` failed inputs: their number, capped at 100."""
    return min(failures, 100)
