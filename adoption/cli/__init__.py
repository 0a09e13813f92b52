"""The command line: ``python -m adoption``.

For administrators' scripts and for tests. Output is Swedish; errors go to
stderr as one plain sentence and a non-zero exit status, never a traceback.

The commands live in modules by area: :mod:`.figures` (metric, effekt,
rapport), :mod:`.uploads` and :mod:`.imports` (validate, ingest,
import-population, import-kommungrupper), :mod:`.export`, :mod:`.versions`
(init, info, history, rollback, demo) and :mod:`.publishing` (publicera-ar,
avpublicera-ar, publish); :mod:`.parser` defines their options. Here only the
table from a command's name to its function, and :func:`main`, which turns
errors into an exit status.
"""

from __future__ import annotations

import sys

# Filter is read as cli.Filter by tests that compare a command with a page.
from adoption.metrics.filters import Filter

from ..errors import AdoptionError
from .export import cmd_export
from .figures import cmd_effekt, cmd_metric, cmd_rapport
from .imports import cmd_import_groups, cmd_import_population
from .parser import CLI_AUTHOR, build_parser
from .publishing import cmd_publish, cmd_publish_year, cmd_unpublish_year
from .uploads import cmd_ingest, cmd_validate
from .versions import cmd_demo, cmd_history, cmd_info, cmd_init, cmd_rollback

__all__ = ["CLI_AUTHOR", "COMMANDS", "Filter", "build_parser", "main"]


COMMANDS = {
    "rapport": cmd_rapport,
    "validate": cmd_validate,
    "ingest": cmd_ingest,
    "history": cmd_history,
    "rollback": cmd_rollback,
    "init": cmd_init,
    "metric": cmd_metric,
    "export": cmd_export,
    "import-population": cmd_import_population,
    "import-kommungrupper": cmd_import_groups,
    "demo": cmd_demo,
    "info": cmd_info,
    "publish": cmd_publish,
    "effekt": cmd_effekt,
    "publicera-ar": cmd_publish_year,
    "avpublicera-ar": cmd_unpublish_year,
}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except AdoptionError as error:
        print(f"Fel: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("Avbrutet.", file=sys.stderr)
        return 130
    except OSError as error:
        print(f"Fel: {error.strerror or error} ({error.filename or ''})".rstrip(" ()"), file=sys.stderr)
        return 1
