"""The one runner: memory zone, thread share, order, and what Spark workers keep."""
from pathlib import Path
from typing import Any, List

import pytest

from spacy_pii.operators.policy import effective_policy
from spacy_pii.runner import Runner, share_of_cores


def _distinct_texts(round_: int, n: int) -> List[str]:
    # every text brings new tokens (ids, names, addresses) the vocab has not seen
    return [f"user u{round_}x{i} from 10.{round_}.{i % 250}.7 order {round_ * 1000 + i} id q{i}z{round_}" for i in range(n)]


@pytest.mark.parametrize("processes,cpus,expected", [(1, 2, 2), (2, 2, 1), (3, 2, 1), (2, 8, 4), (0, 4, 4)])
def test_share_of_cores(processes: int, cpus: int, expected: int) -> None:
    assert share_of_cores(processes, cpus) == expected


def test_runner_keeps_order_and_matches_the_component(pii_nlp: Any) -> None:
    texts = ["Jane Doe is here", "nothing", "mail jane.doe@example.com", ""]
    out = Runner(pii_nlp).redact(texts)
    assert [r.text for r in out] == [pii_nlp(t)._.redacted for t in texts]
    assert [len(r.matches) > 0 for r in out] == [True, False, True, False]


def test_runner_vocab_stays_flat(pii_nlp: Any) -> None:
    runner = Runner(pii_nlp)
    runner.redact(_distinct_texts(0, 50))
    before = len(pii_nlp.vocab.strings)
    for round_ in range(1, 6):
        runner.redact(_distinct_texts(round_, 50))
    assert len(pii_nlp.vocab.strings) == before


def test_runner_redacts_a_text_longer_than_max_length(pii_nlp: Any) -> None:
    text = "Jane Doe " + "x" * (pii_nlp.max_length + 10)
    (result,) = Runner(pii_nlp).redact([text])
    assert result.text.startswith("[PERSON] ")


def test_effective_policy_narrows_labels_and_merges(pii_nlp: Any) -> None:
    base = effective_policy(Runner(pii_nlp).policy, labels=["PERSON", "EMAIL_ADDRESS"], allow_list=["a@b.c"])
    narrowed = effective_policy(base, labels=["EMAIL_ADDRESS", "PHONE_NUMBER"], allow_list=["x@y.z"],
                                thresholds={"PERSON": 0.5})
    assert narrowed.labels == ("EMAIL_ADDRESS",)  # never widened to PHONE_NUMBER
    assert narrowed.allow_list == {"a@b.c", "x@y.z"}
    assert narrowed.thresholds == {"PERSON": 0.5}
    assert base.labels == ("PERSON", "EMAIL_ADDRESS")  # the base is unchanged


def test_spark_worker_vocab_flat_and_threads_its_share(pii_model_path: Path) -> None:
    """A long-lived Spark worker: its vocab does not grow with the texts it has seen, and the
    encoder of en_pii gets the spec's thread share."""
    pytest.importorskip("pandas")
    from spacy_pii.spark import WorkerSpec, get_worker

    worker = get_worker(WorkerSpec(model=str(pii_model_path), threads=1))
    worker.redact(_distinct_texts(0, 50))
    before = len(worker.runner.nlp.vocab.strings)
    for round_ in range(1, 6):
        worker.redact(_distinct_texts(round_, 50))
    assert len(worker.runner.nlp.vocab.strings) == before


def test_spark_worker_sets_encoder_threads() -> None:
    en_pii = pytest.importorskip("en_pii")
    from spacy_pii.pipeline.encoder import PIIEncoder
    from spacy_pii.spark import WorkerSpec, get_worker

    worker = get_worker(WorkerSpec(model=en_pii.__name__, threads=1))
    encoders = [p for _, p in worker.runner.nlp.pipeline if isinstance(p, PIIEncoder)]
    assert encoders and all(e.cfg["threads"] == 1 for e in encoders)
    worker.redact(["Jane Doe logged in from 10.1.2.3"])
    assert all(e.session().get_session_options().intra_op_num_threads == 1 for e in encoders)
