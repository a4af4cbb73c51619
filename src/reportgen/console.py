"""The terminal: output and messages, `error:` and `warning:` in colour, a closed pipe left quietly.

Colour only on a terminal and never with NO_COLOR set (https://no-color.org) or TERM=dumb, so
a log file or a pipe gets plain text. When the reader of a pipe goes away
(`reportgen templates | head -1`), what is left to print goes nowhere and the command ends
with its own exit code, without a word about the pipe.
"""

from __future__ import annotations

import io
import os
import sys

_COLOURS = {"error:": "\033[1;31m", "warning:": "\033[1;35m"}
_RESET = "\033[0m"


def out(message: str = "") -> None:
    """A line of the command's result, on standard output."""
    write(message + "\n")


def write(text: str) -> None:
    """Text on standard output, as it is."""
    _write(sys.stdout, text)


def err(message: str) -> None:
    """A message line (`error: …`, `warning: …`, progress) on standard error."""
    _write(sys.stderr, coloured(message, sys.stderr) + "\n")


def coloured(message: str, stream: io.TextIOBase) -> str:
    """`message` with its leading `error:` or `warning:` in colour, if `stream` shows colour."""
    for label, colour in _COLOURS.items():
        if message.startswith(label) and shows_colour(stream):
            return colour + label + _RESET + message[len(label):]
    return message


def shows_colour(stream: io.TextIOBase) -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _write(stream: io.TextIOBase, text: str) -> None:
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        silence(stream)


def silence(stream: io.TextIOBase) -> None:
    """Point `stream` at the null device: its reader has gone, and what is still buffered or
    printed later must not raise again (nor when the interpreter flushes it at exit)."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):  # not a real file: nothing to redirect
        pass
