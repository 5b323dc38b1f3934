"""The micro-batcher with a fake pool: requests queued while every worker slot is busy go out
as one job, grouped by policy, and each request gets its own texts back, in order."""
import asyncio
from concurrent.futures import Future
from typing import Any, List, Tuple

import pytest

from spacy_pii.runner import Redaction
from spacy_pii.serve.batching import MicroBatcher, WorkerFailed, make_spec, spec_overrides

MAX_TICKS = 1000  # bounded polling of the event loop, never a clock


class FakePool:
    size = 1
    failure = None
    entities = None

    def __init__(self) -> None:
        self.jobs: List[Tuple[List[Any], "Future[List[Any]]"]] = []

    def submit(self, groups: List[Any]) -> "Future[List[Any]]":
        future: "Future[List[Any]]" = Future()
        self.jobs.append((groups, future))
        return future

    def finish(self, index: int) -> None:
        groups, future = self.jobs[index]
        future.set_result([[Redaction(t.upper(), []) for t in texts] for _, texts in groups])


async def _until(condition: Any) -> None:
    for _ in range(MAX_TICKS):
        if condition():
            return
        await asyncio.sleep(0)
    raise AssertionError("condition never met")


def test_spec_round_trip() -> None:
    spec = make_spec(operator="mask", labels=["PERSON", "URL"], thresholds={"PERSON": 0.5}, threshold=None)
    assert spec == make_spec(thresholds={"PERSON": 0.5}, labels=("PERSON", "URL"), operator="mask")
    assert spec_overrides(spec) == {"operator": "mask", "labels": ("PERSON", "URL"), "thresholds": {"PERSON": 0.5}}
    hash(spec)


def test_requests_queued_behind_a_busy_worker_go_out_as_one_job() -> None:
    pool = FakePool()
    a, b = make_spec(operator="tag"), make_spec(operator="mask")

    async def main() -> None:
        batcher = MicroBatcher(pool, max_batch=64, wait_ms=0, per_worker=1)
        await batcher.start()
        first = asyncio.ensure_future(batcher.redact(["x0"], a))
        await _until(lambda: len(pool.jobs) == 1)
        others = [asyncio.ensure_future(batcher.redact([f"t{i}", f"u{i}"], a if i % 2 else b)) for i in range(9)]
        for _ in range(50):
            await asyncio.sleep(0)
        assert len(pool.jobs) == 1  # the only slot is busy: they wait
        pool.finish(0)
        await _until(lambda: len(pool.jobs) == 2)
        groups = pool.jobs[1][0]
        assert sorted(len(texts) for _, texts in groups) == [8, 10] and {spec for spec, _ in groups} == {a, b}
        pool.finish(1)
        results = await asyncio.gather(first, *others)
        assert [r.text for r in results[0]] == ["X0"]
        for i, result in enumerate(results[1:]):
            assert [r.text for r in result] == [f"T{i}", f"U{i}"]
        await batcher.stop()

    asyncio.run(main())


def test_a_long_request_is_cut_into_batches_and_kept_in_order() -> None:
    pool = FakePool()

    async def main() -> None:
        batcher = MicroBatcher(pool, max_batch=4, wait_ms=0, per_worker=4)
        await batcher.start()
        task = asyncio.ensure_future(batcher.redact([f"t{i}" for i in range(10)]))
        await _until(lambda: len(pool.jobs) == 3)
        for i in (2, 0, 1):  # finishing out of order changes nothing
            pool.finish(i)
        assert [r.text for r in await task] == [f"T{i}" for i in range(10)]
        assert all(sum(len(t) for _, t in groups) <= 4 for groups, _ in pool.jobs)
        await batcher.stop()

    asyncio.run(main())


def test_a_failed_job_fails_every_request_in_it() -> None:
    pool = FakePool()

    async def main() -> None:
        batcher = MicroBatcher(pool, max_batch=64, wait_ms=0, per_worker=1)
        await batcher.start()
        tasks = [asyncio.ensure_future(batcher.redact([f"t{i}"])) for i in range(3)]
        await _until(lambda: len(pool.jobs) >= 1)
        pool.jobs[0][1].set_exception(WorkerFailed("[E811] boom"))
        await _until(lambda: len(pool.jobs) == 2 or all(t.done() for t in tasks))
        if len(pool.jobs) == 2:
            pool.jobs[1][1].set_exception(WorkerFailed("[E811] boom"))
        for task in tasks:
            with pytest.raises(WorkerFailed):
                await task
        await batcher.stop()

    asyncio.run(main())
