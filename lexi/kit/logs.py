"""Structured logging: JSON lines carrying the request id. Never log secrets or message bodies."""

from __future__ import annotations

import contextvars
import json
import logging
import sys
from datetime import datetime, timezone

request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "lexi_request_id", default=None
)

_STD = set(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {"message", "asctime"}


class _RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", None):
            record.request_id = request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        out = {
            "ts": datetime.fromtimestamp(record.created, timezone.utc).isoformat(),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for k, v in record.__dict__.items():
            if k not in _STD and v is not None and not k.startswith("_"):
                out[k] = v
        if record.exc_info:
            out["exc"] = self.formatException(record.exc_info)
        return json.dumps(out, default=str)


class TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        base = super().format(record)
        rid = getattr(record, "request_id", None)
        return f"{base} [request_id={rid}]" if rid else base


def configure_logging(level: str = "INFO", json_lines: bool = True) -> None:
    """Send the ``lexi`` loggers, and the server's own (uvicorn), to stderr in one format."""
    handler = logging.StreamHandler(sys.stderr)
    handler._lexi = True  # type: ignore[attr-defined]
    handler.addFilter(_RequestIdFilter())
    handler.setFormatter(
        JsonFormatter()
        if json_lines
        else TextFormatter("%(asctime)s %(levelname)s %(name)s %(message)s")
    )
    for name in ("lexi", "uvicorn"):
        logger = logging.getLogger(name)
        for h in list(logger.handlers):
            if getattr(h, "_lexi", False):
                logger.removeHandler(h)
        logger.addHandler(handler)
        logger.propagate = False
    logging.getLogger("lexi").setLevel(level.upper())
