"""Logging helpers."""

import logging


class No403Traceback(logging.Filter):
    """A refused request (403) is one line in the log, not a traceback: it is a normal event."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
        return True
