"""Reading a line at an interactive prompt without ever losing a Ctrl-C.

With readline, Python's ``input()`` writes the prompt and then waits for a key in ``select()``;
it acts on SIGINT only when that ``select()`` is interrupted (EINTR). A Ctrl-C that lands after
the prompt is written but before ``select()`` is entered (or while readline is still handling the
previous key) only marks the signal as pending: ``select()`` then sleeps until the next key, and
the ``KeyboardInterrupt`` surfaces only after it. On a loaded machine that window is wide enough
for a script driving the terminal, or a quick typist, to hit: the Ctrl-C seems to be ignored.

``read_line`` closes the window. While ``input()`` waits, an interval timer sends a no-op SIGALRM
every ``TICK`` seconds, so ``select()`` returns EINTR, Python runs its pending signal handlers and
a pending ``KeyboardInterrupt`` is raised within one tick. The handler is installed with
SA_RESTART (``siginterrupt(False)``), so the ticks never interrupt readline's other system calls
(its writes to the terminal); ``select()`` is never restarted, which is exactly what is needed.

``catch_ctrl_c`` covers the other way a Ctrl-C gets lost: a process started in the background by a
shell without job control (``cmd &`` in a script, and so every process a CI runner starts that way)
inherits SIGINT *ignored*, Python then installs no ``KeyboardInterrupt`` handler, and Ctrl-C at the
prompt does nothing at all. An interactive session puts the handler back.
"""

from __future__ import annotations

import signal
import threading

TICK = 0.1  # seconds; the longest a Ctrl-C can wait to be noticed


def _noop(signum: int, frame: object) -> None:
    """Nothing to do: the point of the tick is the interrupted select()."""


def catch_ctrl_c() -> None:
    """Make Ctrl-C raise ``KeyboardInterrupt`` again if this process was started with SIGINT
    ignored (only from the main thread, where Python runs signal handlers)."""
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def read_line(prompt: str) -> str:
    """``input(prompt)``, with Ctrl-C raising ``KeyboardInterrupt`` whenever it is pressed."""
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        return input(prompt)
    previous = signal.signal(signal.SIGALRM, _noop)
    signal.siginterrupt(signal.SIGALRM, False)
    signal.setitimer(signal.ITIMER_REAL, TICK, TICK)
    try:
        return input(prompt)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0, 0)
        signal.signal(signal.SIGALRM, previous)
