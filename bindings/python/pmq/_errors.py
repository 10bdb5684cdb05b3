"""pmq.Error: what every failing call raises, and the status codes of the C ABI."""
from __future__ import annotations

import json
from typing import Optional

# The C ABI's status codes (pmq.h). Which one is decided by where the fault is:
OK = 0
EINVAL = -1     #: an argument that is not a JSON document is NULL, out of range or malformed
EPARSE = -2     #: a JSON document is not JSON (or not UTF-8, or nested too deep)
EINPUT = -3     #: a JSON document is well-formed but breaks its format or a rule
ENOMEM = -4     #: out of memory
EINTERNAL = -5  #: a bug in pmq: please report it


class Error(Exception):
    """A pmq failure.

    Attributes: ``code`` (``pmq.EINVAL``, ``pmq.EPARSE``, ``pmq.EINPUT``, …), ``message``,
    ``path`` (the JSON path of the first problem, "" for the whole document) and
    ``problems`` (every problem as ``{"path", "message"}``).
    """

    def __init__(self, code: int, message: str, path: str = "",
                 problems: Optional[list[dict[str, str]]] = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.path = path
        self.problems: list[dict[str, str]] = problems or [{"path": path, "message": message}]

    @classmethod
    def from_last(cls, code: int) -> "Error":
        from ._lib import lib

        message = (lib.pmq_last_error() or b"").decode("utf-8", "replace")
        path = (lib.pmq_last_error_path() or b"").decode("utf-8", "replace")
        problems = json.loads((lib.pmq_last_error_json() or b"[]").decode("utf-8", "replace"))
        return cls(code, message, path, problems)


__all__ = ["Error", "OK", "EINVAL", "EPARSE", "EINPUT", "ENOMEM", "EINTERNAL"]
