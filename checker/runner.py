"""Where the stages run: local processes (the default) or a Dask cluster.

A runner takes work the pipeline has already cut up, chunks of reports for
:func:`checker.extraction.extract_chunk` and stories for
:func:`checker.story.compare_story`, and gives the results back in the order
the work was given, so the output does not depend on the runner or on how
many workers it has. The cache stays with the pipeline, on the client: a
worker needs only the package and the model.

- :class:`LocalRunner`: chunks go to a pool of forked processes when there is
  more than one worker (the model is loaded once, before forking, and shared
  copy-on-write), else run in this process; stories are compared here, in
  batches (:func:`story_batches`; sending them to another process would cost
  more than comparing them).
- :class:`DaskRunner`: chunks and batches of stories are tasks on a ``distributed``
  cluster (``--scheduler tcp://HOST:8786``). ``dask`` is imported only when one
  is asked for.
"""

from __future__ import annotations

import collections
import gc
import itertools
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Protocol

from checker.config import Config
from checker.extraction import ChunkItem, ExtractionOptions, ExtractionStats, Job, extract_chunk
from checker.slots import Lexicon
from checker.story import StoryResult, StoryWork, compare_stories

ChunkResult = tuple[list[ChunkItem], ExtractionStats]
# Stories compared in one call: about this many claims (a story is never split).
COMPARE_BATCH_CLAIMS = 20_000


def story_batches(stories: Iterable[StoryWork]) -> Iterator[list[StoryWork]]:
    """Stories grouped, in order, into batches of about :data:`COMPARE_BATCH_CLAIMS`
    claims: the unit of comparison work (a task on a cluster). Results do not depend
    on the grouping; the grouping depends only on the stories. Each batch is formed
    as the stories come, so a caller that gives them one at a time holds only the
    batch being formed."""
    batch: list[StoryWork] = []
    size = 0
    for story in stories:
        claims = sum(len(e.claims) + len(e.names) for e in story[1])
        if batch and size + claims > COMPARE_BATCH_CLAIMS:
            yield batch
            batch, size = [], 0
        batch.append(story)
        size += claims
    if batch:
        yield batch


SCHEDULER_VARIABLE = "DASK_SCHEDULER_ADDRESS"

# A run allocates hundreds of thousands of small, acyclic records (claims, mentions,
# JSON lines) that reference counting frees; with the default threshold (700) the
# cyclic collector rescans all of them again and again: a third of a warm run. The
# CLI sets it (forked pool workers inherit it); a Dask worker sets it in its tasks.
GC_THRESHOLD = (100_000, 20, 100)


def _tuned() -> None:
    if gc.get_threshold() != GC_THRESHOLD:
        gc.set_threshold(*GC_THRESHOLD)


def warm_task() -> None:
    """Ready a Dask worker for extraction: the model loaded, the collector tuned."""
    from checker.nlp import load_pipeline

    _tuned()
    load_pipeline()


def dask_setup(worker: Any) -> None:
    """``dask worker ... --preload checker.runner``: each worker loads the model when
    it starts, before any run asks for it (Dask calls this on preload)."""
    warm_task()


def extract_task(jobs: Sequence[Job], lexicon: Lexicon, options: ExtractionOptions) -> ChunkResult:
    """:func:`checker.extraction.extract_chunk` as a Dask task."""
    _tuned()
    return extract_chunk(jobs, lexicon, options)


def compare_task(
    stories: Sequence[StoryWork], config: Config, lexicon: Lexicon
) -> list[StoryResult]:
    """:func:`checker.story.compare_stories` as a Dask task."""
    _tuned()
    return compare_stories(stories, config, lexicon)


class RunnerError(RuntimeError):
    """A runner that cannot start (dask missing, no scheduler at the address)."""


class Runner(Protocol):
    workers: int

    def extract(
        self,
        chunks: Sequence[Sequence[Job]],
        lexicon: Lexicon,
        options: ExtractionOptions,
        *,
        overlap: bool = False,
    ) -> Iterator[ChunkResult]:
        """The result of each chunk, in order. Work starts when this is called, so
        the caller may do other work (``overlap``: there is some) before iterating."""
        ...

    def compare(
        self, stories: Iterable[StoryWork], config: Config, lexicon: Lexicon
    ) -> list[StoryResult]:
        """The comparison of each story, in order. ``stories`` is read as the work
        goes: a story given one at a time is let go once its batch is compared."""
        ...

    def close(self) -> None: ...


# ------------------------------------------------------------------ local


_WORKER: dict[str, Any] = {}


def _init_worker(lexicon: Lexicon, options: ExtractionOptions) -> None:
    _WORKER["lexicon"] = lexicon
    _WORKER["options"] = options


def _run_chunk(jobs: Sequence[Job]) -> ChunkResult:
    return extract_chunk(jobs, _WORKER["lexicon"], _WORKER["options"])


def _pool_context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class LocalRunner:
    """This machine: a process pool for chunks when ``workers`` > 1."""

    def __init__(self, workers: int = 1) -> None:
        self.workers = max(1, workers)

    def extract(
        self,
        chunks: Sequence[Sequence[Job]],
        lexicon: Lexicon,
        options: ExtractionOptions,
        *,
        overlap: bool = False,
    ) -> Iterator[ChunkResult]:
        if chunks and self.workers > 1 and (len(chunks) > 1 or overlap):
            # Many chunks: load the model once here, shared copy-on-write by the
            # workers. A few: let the workers load it while this process decodes.
            preload = len(chunks) >= self.workers
            return iter(_ChunkPool(chunks, lexicon, options, self.workers, preload))
        return self._here(chunks, lexicon, options)

    @staticmethod
    def _here(
        chunks: Sequence[Sequence[Job]], lexicon: Lexicon, options: ExtractionOptions
    ) -> Iterator[ChunkResult]:
        if not chunks:
            return
        from checker.nlp import load_pipeline

        nlp = load_pipeline()
        for jobs in chunks:
            yield extract_chunk(jobs, lexicon, options, nlp)

    def compare(
        self, stories: Iterable[StoryWork], config: Config, lexicon: Lexicon
    ) -> list[StoryResult]:
        out: list[StoryResult] = []
        for batch in story_batches(stories):
            out.extend(compare_stories(batch, config, lexicon))
        return out

    def close(self) -> None:
        return None


class _ChunkPool:
    """Chunks parsed by a process pool, at most two in flight per process (bounded
    memory); iterating yields each chunk's result in chunk order, then shuts the
    pool down."""

    def __init__(
        self,
        chunks: Sequence[Sequence[Job]],
        lexicon: Lexicon,
        options: ExtractionOptions,
        workers: int,
        preload: bool,
    ) -> None:
        if preload:
            from checker.nlp import load_pipeline

            load_pipeline()  # before forking: shared by the workers
        self.processes = max(1, min(workers, len(chunks), os.cpu_count() or workers))
        self.pool = ProcessPoolExecutor(
            max_workers=self.processes,
            mp_context=_pool_context(),
            initializer=_init_worker,
            initargs=(lexicon, options),
        )
        self.queue = iter(chunks)
        self.pending: collections.deque[Future[ChunkResult]] = collections.deque()
        self._fill()

    def _fill(self) -> None:
        while len(self.pending) < 2 * self.processes:
            jobs = next(self.queue, None)
            if jobs is None:
                return
            self.pending.append(self.pool.submit(_run_chunk, jobs))

    def __iter__(self) -> Iterator[ChunkResult]:
        try:
            while self.pending:
                result = self.pending.popleft().result()
                self._fill()
                yield result
        finally:
            self.pool.shutdown(cancel_futures=True)


# ------------------------------------------------------------------ dask


class DaskRunner:
    """A Dask ``distributed`` cluster: each chunk and each story is a task.

    At most two chunks per worker thread are in flight, so the client never
    holds the texts of the whole corpus in the scheduler's memory at once.
    """

    CONNECT_TIMEOUT = "20s"

    def __init__(self, scheduler: str | Any) -> None:
        try:
            from distributed import Client as _Client
        except ImportError as exc:
            raise RunnerError(
                "a Dask scheduler was asked for, but dask is not installed: "
                "pip install 'news-consistency-checker[dask]'"
            ) from exc
        client_class: Any = _Client
        self._own = isinstance(scheduler, str)
        self.client: Any
        if isinstance(scheduler, str):
            try:
                self.client = client_class(scheduler, timeout=self.CONNECT_TIMEOUT)
            except (OSError, TimeoutError) as exc:
                raise RunnerError(f"no Dask scheduler at {scheduler} ({exc})") from exc
        else:
            self.client = scheduler  # a Client the caller owns
        threads = self.client.nthreads()
        self.workers = max(1, sum(threads.values()))
        # each worker loads the model while this process reads and dates the corpus
        # (a no-op on workers that have it); extraction tasks queue behind it
        self._warming = [
            self.client.submit(warm_task, pure=False, workers=[address], allow_other_workers=False)
            for address in threads
        ]

    def extract(
        self,
        chunks: Sequence[Sequence[Job]],
        lexicon: Lexicon,
        options: ExtractionOptions,
        *,
        overlap: bool = False,
    ) -> Iterator[ChunkResult]:
        if not chunks:
            return iter(())
        shared = self.client.scatter([lexicon, options], broadcast=True, hash=False)

        def submit(jobs: Sequence[Job]) -> Any:
            return self.client.submit(extract_task, list(jobs), shared[0], shared[1], pure=False)

        # submitted now: the work runs while the caller decodes
        return iter(_Window(submit, chunks, 2 * self.workers))

    def compare(
        self, stories: Iterable[StoryWork], config: Config, lexicon: Lexicon
    ) -> list[StoryResult]:
        batches = story_batches(stories)
        first = next(batches, None)
        if first is None:
            return []
        shared = self.client.scatter([config, lexicon], broadcast=True, hash=False)

        def submit(batch: list[StoryWork]) -> Any:
            work = [(list(reports), list(found)) for reports, found in batch]
            return self.client.submit(compare_task, work, shared[0], shared[1], pure=False)

        out: list[StoryResult] = []
        for results in _Window(submit, itertools.chain([first], batches), 2 * self.workers):
            out.extend(results)
        return out

    def close(self) -> None:
        for future in self._warming:
            future.release()
        if self._own:
            self.client.close()


class _Window:
    """Tasks submitted ``width`` at a time ahead of the one being waited for; the
    first ones at once. Iterating yields their results in order."""

    def __init__(self, submit: Callable[[Any], Any], work: Iterable[Any], width: int) -> None:
        self.submit, self.work, self.width = submit, iter(work), max(1, width)
        self.pending: collections.deque[Any] = collections.deque()
        self._fill()

    def _fill(self) -> None:
        while len(self.pending) < self.width:
            item = next(self.work, None)
            if item is None:
                return
            self.pending.append(self.submit(item))

    def __iter__(self) -> Iterator[Any]:
        while self.pending:
            future = self.pending.popleft()
            result = future.result()
            future.release()
            self._fill()
            yield result


def make_runner(workers: int, scheduler: str | None) -> Runner:
    """The Dask runner for a scheduler address, else the local one."""
    if scheduler:
        return DaskRunner(scheduler)
    return LocalRunner(workers)
