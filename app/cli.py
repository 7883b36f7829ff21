"""The `vlkg` command line: one app that gathers the commands from where they live.

- `ingest.commands`: fetch, extract, ingest (news pages to facts to the store);
- `app.commands`: doctor, serve, stats, export, release, validate (the graph and its outputs).

Errors the user can act on (unknown input, locked or unreachable store) print one line
naming the input and the cause and exit non-zero; they never leave a half-written load.
Every `VlkgError` a command lets through is said that way and exits with its `exit_code`.
The exit status of `extract` and `ingest` is the number of inputs that failed (capped
at 100), so scripts can tell a clean run from a partial one; an error that stops the run
(store unreachable, locked or of another version, a missing path) exits `STOPPED` (120),
a value no count of failed inputs can take.

`vlkg --help` imports only typer, rich's console, panel and table and these command
modules: every command imports what it needs when it runs, and the root help screen is
drawn by `app.cli_help`, not by `typer.rich_utils` (issue 12).
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from app import commands
from app.console import fail, out
from app.errors import STOPPED, VlkgError
from ingest import commands as ingest_commands

__all__ = ["STOPPED", "cli", "main", "package_version"]


class _Commands(TyperGroup):
    """The root group: a `VlkgError` out of any command is one line and its exit status."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except VlkgError as exc:
            raise fail(str(exc), exc.exit_code) from exc

    def format_help(self, ctx: Any, formatter: Any) -> None:
        """`vlkg --help` (and `vlkg` alone) in typer's look without importing
        `typer.rich_utils` (`app.cli_help`; issue 12); a command's help stays typer's."""
        from app.cli_help import print_root_help

        print_root_help(self, ctx)


cli = typer.Typer(
    name="vlkg",
    cls=_Commands,
    help="Knowledge graph of Vietnam–Laos provincial partnerships.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def package_version() -> str:
    """The installed distribution's version; a bare checkout on `sys.path` has none."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("vlkg")
    except PackageNotFoundError:
        return "0.0.0"


def _print_version(value: bool) -> None:
    if value:
        out.print(f"vlkg {package_version()}", highlight=False)
        raise typer.Exit()


@cli.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Knowledge graph of Vietnam–Laos provincial partnerships."""


for command in (
    ingest_commands.extract,
    ingest_commands.fetch,
    ingest_commands.ingest,
    commands.doctor,
    commands.serve,
    commands.stats,
    commands.export,
    commands.release,
    commands.validate,
):
    cli.command()(command)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
