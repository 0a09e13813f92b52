"""Errors meant for people: each carries a plain Swedish message.

The command line prints ``str(error)`` to stderr and exits with ``exit_code``;
pages show it in an error box. Anything that is not an ``AdoptionError`` is a
bug and may show a traceback.
"""


class AdoptionError(Exception):
    """A problem the user can act on. The message is Swedish and complete."""

    exit_code = 1


class InputError(AdoptionError):
    """A file or value given by the user cannot be used as it is."""


class UnreadableFileError(InputError):
    """The file cannot be read at all (wrong type, corrupt, unknown encoding)."""

    exit_code = 2


class DatabaseBusyError(AdoptionError):
    """Another process held the database for longer than we were willing to wait."""


class SchemaTooNewError(AdoptionError):
    """The database was written by a newer version of this program."""


class UnknownVersionError(AdoptionError):
    """A data version that does not exist was asked for."""


class ReadOnlyError(AdoptionError):
    """A write was asked of a process that opened the database read-only (a replica)."""
