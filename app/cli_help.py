"""The help screen of `vlkg` itself (`vlkg --help`, and `vlkg` with no command).

Typer renders help with `typer.rich_utils`, whose import brings rich's markdown
(markdown-it), traceback, syntax (pygments) and columns modules: about half of what
`vlkg --help` cost (issue 12: ≤ 0.15 s). The root screen needs none of them, only
panels and a table, so it is drawn here with rich's `Panel` and `Table` in typer's look
(usage, the app's help, an Options panel, a Commands panel with each command's first
paragraph, never cut). A command's own help (`vlkg ingest --help`) is still typer's.
"""

from __future__ import annotations

import inspect
from typing import Any

from rich.console import Console
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text


def _first_paragraph(text: str | None) -> str:
    """The first paragraph of a docstring on one line, as typer's command list shows it."""
    head = inspect.cleandoc(text or "").partition("\f")[0].split("\n\n")[0]
    return " ".join(head.split())


def _panel(title: str, rows: list[tuple[str, str]]) -> Panel:
    width = max(len(name) for name, _ in rows)
    table = Table(show_header=False, expand=True, box=None, pad_edge=False, padding=(0, 1))
    table.add_column(style="bold cyan", no_wrap=True, width=width)
    table.add_column(ratio=10)
    for name, text in rows:
        table.add_row(name, Text(text))
    return Panel(table, border_style="dim", title=title, title_align="left")


def print_root_help(group: Any, ctx: Any, console: Console | None = None) -> None:
    """Print `group`'s help as typer's rich help looks, without `typer.rich_utils`.

    `group` and `ctx` are typer's (vendored) click group and context: typed loosely, as
    typer does not export those classes."""
    console = console or Console()
    usage = Text(group.get_usage(ctx))
    usage.highlight_words(["Usage:"], style="yellow")
    console.print(Padding(usage, 1), style="bold")
    if group.help:
        console.print(Padding(Text(_first_paragraph(group.help)), (0, 1, 1, 1)))
    options: list[tuple[str, str]] = []
    for param in group.get_params(ctx):
        if param.param_type_name == "option" and not param.hidden:
            options.append((", ".join(param.opts), _first_paragraph(param.help)))
    commands: list[tuple[str, str]] = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is not None and not command.hidden:
            commands.append((name, _first_paragraph(command.short_help or command.help)))
    if options:
        console.print(_panel("Options", options))
    if commands:
        console.print(_panel("Commands", commands))
