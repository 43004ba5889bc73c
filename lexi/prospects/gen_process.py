"""Universe rows made by a separate process while this one writes them.

Making the rows costs about as much CPU as writing them and building the indexes; in a thread
it would share one core with the writer (the GIL), in a process it has its own.
``RowsProcess`` starts ``python -m lexi.prospects.gen_process`` (with this process's import
path, so that it runs the same code) and yields the batches of ``gen_universe.generate_rows``
that it writes to its standard output, each as a frame: 8 bytes of length, then the batch
``marshal``-encoded (tuples of str, int, bool and None, which marshal encodes and decodes
faster than pickle). An empty frame ends the stream. The child makes up to ``AHEAD`` batches
ahead of the reader; its errors reach the reader as a ``RuntimeError`` with its traceback.
"""

from __future__ import annotations

import marshal
import os
import queue
import struct
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from datetime import date
from typing import IO, Any

from lexi.prospects.gen_universe import generate_rows

AHEAD = 2  # batches of about 5 MB each, marshalled
_LENGTH = struct.Struct("<Q")

Batch = tuple[list[tuple[Any, ...]], ...]


class RowsProcess:
    """The batches of ``generate_rows(seed, people, batch_size, as_of)``, made by a child process
    that starts at once (it loads its data while the caller gets the database ready). Iterate
    once; ``close()`` (or leaving the ``with`` block) stops a child that is still running."""

    def __init__(self, seed: int, people: int, batch_size: int, as_of: date) -> None:
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        self._child = subprocess.Popen(
            [sys.executable, "-m", __name__, str(seed), str(people), str(batch_size), str(as_of)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=self._errors,
            env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)),
        )

    def __iter__(self) -> Iterator[Batch]:
        assert self._child.stdout is not None
        for batch in _frames(self._child.stdout):
            if batch is None:
                if self._child.wait() == 0:
                    return
                break
            yield batch
        if self._child.poll() is None:  # a cut stream from a child still running
            self._child.kill()
        self._child.wait()
        self._errors.seek(0)
        told = self._errors.read().decode(errors="replace").strip()
        self.close()
        raise RuntimeError(
            f"The process making the universe's rows failed (exit code {self._child.returncode})"
            + (f":\n{told[-4000:]}" if told else ".")
        )

    @property
    def running(self) -> bool:
        return self._child.poll() is None

    def close(self) -> None:
        if self._child.poll() is None:
            self._child.kill()
        self._child.wait()
        if self._child.stdout is not None:
            self._child.stdout.close()
        self._errors.close()

    def __enter__(self) -> RowsProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _frames(stream: IO[bytes]) -> Iterator[Batch | None]:
    """The batches of ``stream``, then ``None`` for the end frame; stops at a cut stream."""
    while True:
        head = stream.read(_LENGTH.size)
        if len(head) < _LENGTH.size:
            return
        (length,) = _LENGTH.unpack(head)
        if not length:
            yield None
            return
        data = stream.read(length)
        if len(data) < length:
            return
        yield marshal.loads(data)


def main(argv: list[str]) -> None:
    """The child: write the batches to standard output, made up to ``AHEAD`` ahead by this
    thread while another one writes (a full pipe blocks the writer, not the generating)."""
    seed, people, batch_size = int(argv[0]), int(argv[1]), int(argv[2])
    as_of = date.fromisoformat(argv[3])
    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write into the stream
    ready: queue.Queue[bytes] = queue.Queue(maxsize=AHEAD)

    def write() -> None:
        while True:
            data = ready.get()
            try:
                out.write(_LENGTH.pack(len(data)))
                out.write(data)
                out.flush()
            except BrokenPipeError:
                os._exit(1)  # the reader is gone: nobody wants the rest
            if not data:
                return

    writer = threading.Thread(target=write, name="universe-rows-out", daemon=True)
    writer.start()
    for batch in generate_rows(seed, people, batch_size, as_of):
        ready.put(marshal.dumps(batch))
    ready.put(b"")
    writer.join()


if __name__ == "__main__":
    main(sys.argv[1:])
