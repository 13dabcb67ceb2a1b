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

An interruption that lands where Python cannot raise it (a gc callback, a
``__del__``) is dropped and repeated after a random pause (a fixed period can
fall in step with a loop's and land in the same callback every time); while a
limit runs, ``sys.unraisablehook`` passes over such a dropped interruption
instead of printing "Exception ignored" with its traceback, and hands anything
else to the hook it replaced.
"""

from __future__ import annotations

import ctypes
import random
import signal
import sys
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
        with _unreported(), _alarm(seconds):
            yield
    else:
        with _unreported(), _async_exception(seconds):
            yield


def _can_use_alarm() -> bool:
    # Leave SIGALRM alone if someone else (a test runner, an embedding program) owns it.
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)
    )


# An interruption raised where Python swallows exceptions (a gc callback, a
# ``__del__``, a weakref callback) is lost: repeat it until the block has ended,
# after a pause drawn between REPEAT / 5 and REPEAT. A fixed pause could be a
# multiple of the period of the code it interrupts and land in the same
# callback every time: that stopped a loop of gc.collect() calls after 10 s,
# not 0.2 s, in 2 runs of 40.
REPEAT = 0.05
_pauses = random.Random()


def _pause() -> float:
    return _pauses.uniform(REPEAT / 5, REPEAT)


_hook_lock = threading.Lock()
_limits_running = 0
_replaced_hook = sys.unraisablehook


def _pass_over_interruptions(unraisable: sys.UnraisableHookArgs) -> None:
    if unraisable.exc_type is not None and issubclass(unraisable.exc_type, TimeLimitExceeded):
        return  # dropped where it could not be raised; the limit raises it again
    _replaced_hook(unraisable)


@contextmanager
def _unreported() -> Iterator[None]:
    # Entered before the limit is armed and left after it is disarmed, so no
    # interruption can land in the bookkeeping; counted, for limits in several threads.
    global _limits_running, _replaced_hook
    with _hook_lock:
        if _limits_running == 0:
            _replaced_hook = sys.unraisablehook
            sys.unraisablehook = _pass_over_interruptions
        _limits_running += 1
    try:
        yield
    finally:
        with _hook_lock:
            _limits_running -= 1
            if _limits_running == 0 and sys.unraisablehook is _pass_over_interruptions:
                sys.unraisablehook = _replaced_hook


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    armed = True

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        if armed:
            signal.setitimer(signal.ITIMER_REAL, _pause())  # in case this one is dropped
            raise TimeLimitExceeded

    previous = signal.signal(signal.SIGALRM, on_alarm)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        yield
    finally:
        while True:  # an alarm may land here once, before ``armed`` is cleared
            try:
                armed = False
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
                break
            except TimeLimitExceeded:
                continue


@contextmanager
def _async_exception(seconds: float) -> Iterator[None]:
    target = threading.get_ident()
    lock = threading.Lock()
    done = threading.Event()
    fired = False

    def fire() -> None:
        nonlocal fired
        if done.wait(seconds):
            return
        while True:
            with lock:
                if done.is_set():
                    return
                fired = True
                _set_async_exc(target, TimeLimitExceeded)
            if done.wait(_pause()):
                return

    watcher = threading.Thread(target=fire, name="backchannel-time-limit", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        while True:  # the exception may land here, before ``done`` is set
            try:
                with lock:
                    done.set()
                    # A pending exception (the block ended first) is cleared, so it
                    # cannot surface later in unrelated code; it is raised below instead.
                    _set_async_exc(target, None)
                break
            except TimeLimitExceeded:
                continue
        if fired:
            raise TimeLimitExceeded


def _set_async_exc(thread_id: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc is not None else None
    )
