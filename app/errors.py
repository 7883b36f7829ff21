"""The one root of the errors a user can act on: `VlkgError` (issue 9).

Each says how it ends a command and a request: `exit_code` is the exit status of `vlkg`
(the CLI prints the message as one line on stderr, see `app.cli`), `status` the HTTP status
of the problem+json answer (the API answers with `title` and `public`, never the message,
which may name files and server addresses; see `app.api.errors`).

This module imports nothing, so any layer can raise these errors.
"""

from __future__ import annotations

#: The exit status of an error that stops a run (store unreachable, locked or of another
#: version, a missing path): a value no count of failed inputs (capped at 100) can take.
STOPPED = 120


class VlkgError(Exception):
    """An error the user can act on, said in one line."""

    exit_code: int = STOPPED
    status: int = 500
    title: str = "Internal error"
    #: What an anonymous HTTP client may read.
    public: str = "the request could not be answered"
