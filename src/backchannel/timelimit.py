"""A wall-clock limit on a block of Python code, in any thread: ``with time_limit(s): ...``.

spaCy cannot be asked to stop a document half-way, so the limit interrupts
the thread that runs it: ``TimeLimitExceeded`` is raised inside the block once
``seconds`` have passed.

    main thread        SIGALRM from ``signal.setitimer``; also cuts short a blocking call
    any other thread   a timer thread sets the exception on the running thread
                       (``PyThreadState_SetAsyncExc``): Dask runs tasks in threads

Both act between two Python bytecodes, which spaCy's Cython code reaches many
times per sentence (every pipeline component, and backchannel's own
components, which dominate on pathological text, are Python). Arming and
disarming costs a few microseconds, so a limit per batch is free.
"""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class TimeLimitExceeded(BaseException):
    """Raised inside a ``time_limit`` block that ran out of time (caught by the pipeline).

    A ``BaseException``, like ``KeyboardInterrupt``, so that no ``except Exception``
    on the way swallows it. Raised without arguments from another thread, so it
    carries no message: the caller knows the limit it set.
    """


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``TimeLimitExceeded`` in this thread if the block runs ``seconds`` or more.

    ``None`` or 0: no limit. A limit nested in another uses the timer thread
    (a process has one SIGALRM timer).
    """
    if not seconds or seconds <= 0:
        yield
    elif _can_use_alarm():
        with _alarm(seconds):
            yield
    else:
        with _async_exception(seconds):
            yield


def _can_use_alarm() -> bool:
    # Leave SIGALRM alone if someone else (a test runner, an embedding program) owns it.
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)
    )


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    armed = True

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        nonlocal armed
        if armed:  # at most once, so the clean-up below cannot be cut short twice
            armed = False
            raise TimeLimitExceeded

    previous = signal.signal(signal.SIGALRM, on_alarm)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        armed = False
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _async_exception(seconds: float) -> Iterator[None]:
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def fire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                _set_async_exc(target, TimeLimitExceeded)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["done"] = True
            timer.cancel()
            if state["fired"]:
                # The exception may still be pending (the block ended first): clear it,
                # so it cannot surface later in unrelated code, and raise it here instead.
                _set_async_exc(target, None)
        if state["fired"]:
            raise TimeLimitExceeded


def _set_async_exc(thread_id: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc is not None else None
    )
