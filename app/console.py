"""What the `vlkg` commands say on the terminal: one line per message on stderr, tables on
stdout or stderr. Light to import (rich's console only): `vlkg --help` loads it."""

from __future__ import annotations

import os
import re

import typer
from rich.console import Console
from rich.text import Text

from app.errors import STOPPED

err = Console(stderr=True)
out = Console()

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str | os.PathLike[str]) -> str:
    """`text` as it may be shown: bytes that are not UTF-8 as `\\xNN`, control characters
    (escape sequences a terminal would obey) as `\\x1b`-style escapes (the rule of
    `ingest.pipeline.display_name`, without importing the pipeline)."""
    shown = os.fsencode(text).decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), shown)


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
