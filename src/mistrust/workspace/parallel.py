"""Who runs a ``Stage`` (``workspace/stages.py``): this process, a local process pool, or Ray.

Every runner has one method, ``map(stage, config, batches)``, which yields one list of results per
input batch, in input order, to its caller, the one writer (the parent process writes the store or
the output file; workers never see the workspace). Bounded windows of batches are in flight at a
time, so a long input streams through in flat memory, and a run stopped part-way has written every
result before the stop in order: resuming is the caller's usual "skip what is done". ``config`` is
a function that makes the workers' config: only the runners that start workers call it (once), so
the single-process path does not build a config it would not read.

- ``InProcess``: today's single-process path (``--workers 1``), on a state the caller already has.
- ``ProcessPool``: ``--workers N`` without Ray; each process (forked from a fork server that has
  imported mistrust) loads the state once, in its initializer.
- ``RayData``: ``--workers N`` with the ``cluster`` extra: a Ray Data ``map_batches`` over an actor
  pool (each actor loads the state once per window of input, see ``RayData.window``), on a local
  Ray (``num_cpus=N``, no dashboard) or on the cluster at ``--ray-address``.
"""

from __future__ import annotations

import importlib.util
import logging
import multiprocessing
import os
import pickle
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from mistrust.errors import ConfigError, InputError, MistrustError, WorkerError
from mistrust.gc_pause import collector_paused, keep_loaded

C = TypeVar("C")
S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Stage(Generic[C, S, T, R]):
    """A job's two pure functions (module-level, so they pickle by name into any worker), and how
    many of its batches a Ray Data block carries at most (``RayData``: each block costs the parent
    about 9 ms and its actor about 6 ms of CPU, so cheap batches go many to a block; a block is also
    what a stopped run may have to do again)."""

    name: str
    load: Callable[[C], S]
    run: Callable[[S, list[T]], list[R]]
    per_block: int = 4


class Runner(Protocol):
    workers: int

    def map(self, stage: Stage[C, S, T, R], config: Callable[[], C], batches: Iterable[list[T]]) -> Iterator[list[R]]: ...


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def tapered(items: Sequence[T], size: int, tail: int, small: int) -> Iterator[list[T]]:
    """``items`` in batches of ``size``, the last ``tail`` or so in batches of ``small``.

    Workers take batches as they free up, so they finish within one batch of each other: with big
    batches at the end, one worker still runs its last while the others have nothing left to do.
    Small ones at the end even that out. The batches do not depend on the number of workers, so
    every runner (and the single-process path) is given the same ones.
    """
    cut = max(0, len(items) - tail) // size * size
    yield from batched(items[:cut], size)
    yield from batched(items[cut:], small)


def guided(items: Sequence[T], most: int, parts: int) -> Iterator[list[T]]:
    """``items`` in order, in blocks of at most ``most``, each at most a ``parts``-th of what is
    left (guided self-scheduling): big blocks while much is left, then smaller and smaller down
    to one item, so workers taking blocks as they free up finish within a small one of each other,
    with far fewer blocks than a fixed tail of small ones (each block has a fixed cost)."""
    start = 0
    while start < len(items):
        size = max(1, min(most, (len(items) - start) // parts))
        yield list(items[start:start + size])
        start += size


class InProcess:
    """The stage in this process on a state already loaded (the Workspace's own index or extractor)."""

    workers = 1

    def __init__(self, state: Any) -> None:
        self.state = state

    def map(self, stage: Stage[C, S, T, R], config: Callable[[], C], batches: Iterable[list[T]]) -> Iterator[list[R]]:
        for batch in batches:
            yield stage.run(self.state, batch)


# One worker process's state. A ProcessPoolExecutor initializer cannot hand back a value, so the
# state it loads lives here, in the worker process only (the parent never sets it).
_worker_state: Any = None


def load_state(load: Callable[[C], S], config: C) -> S:
    """A worker's state, loaded with the garbage collector paused: the state is made of hundreds of
    thousands of objects that live as long as the worker (the spaCy pipeline, the entity ruler's
    patterns, the index), and the collections their creation triggers, each walking every object
    made so far, found nothing to free and cost 10 - 15% of the load (about 0.3 s of CPU).

    The state is then frozen (``gc.freeze``): the full collections that the batches' garbage still
    triggers would otherwise walk its objects each time (over 200,000 for analyze), to no avail;
    that cost a worker about 2% of its CPU on analyze. Frozen objects are still freed by their
    reference counts; only cycles among them would stay, and the state lives as long as the worker."""
    with collector_paused():
        state = load(config)
        keep_loaded()
        return state


def _load_in_worker(load: Callable[[Any], Any], config: Any) -> None:
    global _worker_state
    _worker_state = load_state(load, config)


def _run_in_worker(run: Callable[[Any, list[Any]], list[Any]], batch: list[Any]) -> list[Any]:
    return run(_worker_state, batch)


class ProcessPool:
    """``workers`` local processes, each loading the stage's state once."""

    def __init__(self, workers: int) -> None:
        self.workers = workers

    def map(self, stage: Stage[C, S, T, R], config: Callable[[], C], batches: Iterable[list[T]]) -> Iterator[list[R]]:
        context = _pool_context()
        with ProcessPoolExecutor(self.workers, mp_context=context, initializer=_load_in_worker,
                                 initargs=(stage.load, config())) as pool:
            window: deque[Future[list[R]]] = deque()
            try:
                for batch in batches:
                    window.append(pool.submit(_run_in_worker, stage.run, batch))
                    if len(window) >= 2 * self.workers:  # keep every worker busy, memory bounded
                        yield window.popleft().result()
                while window:
                    yield window.popleft().result()
            except BrokenProcessPool as exc:  # a worker died or its state did not load (see stderr)
                raise WorkerError(f"{stage.name} stopped: a worker process failed: {exc}") from exc
            finally:
                for future in window:  # a stopped run (error, Ctrl-C) does not wait for the rest
                    future.cancel()


def _pool_context() -> multiprocessing.context.BaseContext:
    """Not fork: the parent has threads (the store's writer) that a fork would copy mid-lock. A fork
    server where there is one: a clean process that imports mistrust once and forks each worker from
    it, so a worker starts without importing it again (spawn's cost, about a second of CPU each on a
    loaded machine, paid again by every run)."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        # the stages' module leaves the extraction pipeline to the analysing workers (see
        # ``stages.load_extractor``); the fork server imports both, once
        context.set_forkserver_preload(["mistrust.workspace.stages", "mistrust.extract.pipeline"])
        return context
    return multiprocessing.get_context("spawn")


class _RayActor:
    """One Ray actor: loads the stage's state once, then runs pickled batches through it."""

    def __init__(self, stage: Stage[Any, Any, Any, Any], config: Any) -> None:
        self.stage = stage
        self.state = load_state(stage.load, config)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        # Inputs and results travel as pickles: Ray Data's columns then hold plain bytes, whatever
        # the model objects look like. A row is a block of input batches (``Stage.per_block``).
        results = [pickle.dumps([self.stage.run(self.state, pickle.loads(one)) for one in pickle.loads(item)])
                   for item in batch["batch"]]
        return {"result": np.array(results, dtype=object)}


@dataclass
class RayData:
    """Ray Data ``map_batches`` over an actor pool of ``workers`` actors, results in input order."""

    workers: int
    address: str | None = None
    # Ray Data reads from a list, so the input goes to Ray a window at a time: the parent's memory
    # stays bounded however long the input. Each window is a pipeline of its own, which costs its
    # start (new actors, each loading the state: several seconds on a loaded 2-core machine), so a
    # window is as large as a memory budget allows: at most ``window`` batches and ``window_bytes``
    # of pickled input (about 400 batches of 32 documents, 1,000,000 names in two windows).
    window: ClassVar[int] = 4000
    window_bytes: ClassVar[int] = 64 * 2**20
    def map(self, stage: Stage[C, S, T, R], config: Callable[[], C], batches: Iterable[list[T]]) -> Iterator[list[R]]:
        import ray

        started = not ray.is_initialized()
        if started:
            start_ray(self.workers, self.address)
        try:
            context = ray.data.DataContext.get_current()
            context.execution_options.preserve_order = True  # one writer, in input order
            context.enable_progress_bars = False
            logging.getLogger("ray.data").setLevel(logging.WARNING)  # no per-dataset INFO lines
            # Ray and Ray Data are some 130,000 objects that live as long as this process: out of
            # the collector's reach, as the index is (``keep_loaded``), the full collections that
            # the results' objects trigger need not walk them (0.07 - 0.15 s of the parent's CPU a
            # run of 50,000 names)
            keep_loaded()
            made = config()
            for window in self._windows(batches):
                yield from self._pipeline(ray, stage, made, window)
        finally:
            if started:
                ray.shutdown()

    def _windows(self, batches: Iterable[list[T]]) -> Iterator[list[bytes]]:
        """The batches, pickled, in windows of at most ``window`` batches and about ``window_bytes``."""
        window: list[bytes] = []
        size = 0
        for batch in batches:
            window.append(pickle.dumps(batch))
            size += len(window[-1])
            if len(window) >= self.window or size >= self.window_bytes:
                yield window
                window, size = [], 0
        if window:
            yield window

    def _pipeline(self, ray: Any, stage: Stage[C, S, T, R], config: C, window: list[bytes]) -> Iterator[list[R]]:
        """One Ray Data pipeline over a window of pickled batches, through the Ray object store."""
        # A block carries up to ``stage.per_block`` batches, and toward the end of the window at most
        # half of each worker's share of what is left, down to one batch, so that the workers still
        # finish together (``guided``): 50,000 names (16 batches a block) go in 18 blocks instead of
        # 37 (4 a block, the last 16 batches one each), 200,000 in 36 instead of 112.
        parts = 2 * self.workers
        items = [{"batch": pickle.dumps(block)} for block in guided(window, stage.per_block, parts)]
        del window[:]  # the blocks in items are the only copy the parent keeps
        dataset = ray.data.from_items(items, override_num_blocks=len(items)).map_batches(
            _RayActor, fn_constructor_args=(stage, config), batch_size=1, batch_format="numpy",
            compute=ray.data.ActorPoolStrategy(size=self.workers), num_cpus=1)
        del items  # in Ray's object store now; the parent need not hold a second copy
        try:
            for row in dataset.iter_rows():
                yield from pickle.loads(row["result"])
        except Exception as exc:
            raise _worker_error(exc, stage.name) from exc


def start_ray(workers: int, address: str | None = None) -> None:
    """Join the cluster at ``address``, or start Ray on this machine with ``workers`` CPUs; quietly
    (no dashboard, warnings only: the CLI's output is the job's, not Ray's)."""
    import ray

    quiet: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "logging_level": logging.WARNING}
    if address:
        ray.init(address=address, **quiet)
    else:
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # no usage report from a one-command Ray
        ray.init(num_cpus=workers, _system_config=LOCAL_RAY_CONFIG, **quiet)


# Ray's own settings (``ray_config_def.h``) for a Ray started on this machine for one command.
LOCAL_RAY_CONFIG: dict[str, Any] = {
    # Ray runs its workers at nice 15 to keep its own daemons responsive; here the workers are the
    # whole job, and at nice 15 on a busy machine they would get a fraction of what the process
    # pool's processes get.
    "worker_niceness": 0,
    # What only a dashboard or ``ray list``/``ray timeline`` would read (there is neither): every
    # worker's task events sent to the GCS each second, the timeline's profile events, and the
    # metrics each process exports. Their CPU comes out of the same cores as the job's.
    "task_events_report_interval_ms": 0,
    "enable_timeline": False,
    "enable_metrics_collection": False,
}


def _worker_error(exc: BaseException, stage: str) -> MistrustError:
    """The MistrustError a worker raised, found inside Ray's wrappers; else one naming the stage."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, MistrustError):
            return current
        seen.add(id(current))
        cause = getattr(current, "cause", None)
        current = cause if isinstance(cause, BaseException) else current.__cause__
    return WorkerError(f"{stage} failed in a Ray worker: {type(exc).__name__}: {exc}")


def warn_stderr(message: str) -> None:
    """Where a Workspace says, by default, that it fell back to the process pool."""
    print(message, file=sys.stderr)


def ray_available() -> bool:
    return importlib.util.find_spec("ray") is not None


BACKENDS = ("auto", "ray", "pool")


def runner_for(workers: int, ray_address: str | None, local_state: Callable[[], Any],
               warn: Callable[[str], None], backend: str = "auto") -> Runner:
    """The runner ``--workers``/``--ray-address``/``--backend`` ask for.

    ``auto``: one worker runs in this process; more run on Ray when it is installed, else on a local
    process pool, and ``warn`` says so. ``ray`` and ``pool`` force one, also for one worker (so the
    two can be compared on one machine, each against itself). An address needs Ray.
    """
    if backend not in BACKENDS:
        raise InputError(f"backend must be one of {', '.join(BACKENDS)}, got {backend!r}")
    if workers < 1:
        raise InputError(f"--workers must be at least 1, got {workers}")
    if ray_address is not None and backend == "pool":
        raise InputError("--ray-address runs on Ray, not on the process pool")
    wants_ray = backend == "ray" or ray_address is not None
    if wants_ray and not ray_available():
        raise ConfigError("Ray is not installed: pip install 'mistrust[cluster]'")
    if wants_ray:
        return RayData(workers, ray_address)
    if backend == "pool":
        return ProcessPool(workers)  # also for one worker: the baseline of the pool's speed-up
    if workers == 1:
        return InProcess(local_state())
    if ray_available():
        return RayData(workers, None)
    warn(f"Ray is not installed (pip install 'mistrust[cluster]'): using a local pool of {workers} processes")
    return ProcessPool(workers)
