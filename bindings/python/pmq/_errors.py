"""pmq.Error: what every failing call raises."""
import json

# The C ABI's status codes (pmq.h).
OK = 0
EINVAL = -1
EPARSE = -2
EINPUT = -3
ENOMEM = -4
EINTERNAL = -5


class Error(Exception):
    """A pmq failure: .code (a PMQ_E... value), .message, .path (JSON path of the first
    problem) and .problems (every problem as {"path", "message"})."""

    def __init__(self, code, message, path="", problems=None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.path = path
        self.problems = problems or [{"path": path, "message": message}]

    @classmethod
    def from_last(cls, code):
        from ._lib import lib

        message = (lib.pmq_last_error() or b"").decode("utf-8", "replace")
        path = (lib.pmq_last_error_path() or b"").decode("utf-8", "replace")
        problems = json.loads((lib.pmq_last_error_json() or b"[]").decode("utf-8", "replace"))
        return cls(code, message, path, problems)
