"""Tests for index.ingest.loading: reading and parsing files, in-process or in worker processes."""

from __future__ import annotations

import copyreg
import dataclasses
import io
import json
import os
import pickle
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest

from index.ingest import loading
from index.ingest.loading import LoadedDocument, LoadedFile, Loader, load_file, without_path
from index.ingest.prepared import prepare
from index.models import Article, SourceDocument
from index.parse.document import parse_document
from index.readers import streaming
from index.readers.records import missing_text

DATA = Path(__file__).resolve().parent.parent / "data" / "articles"


def _records(documents: list[SourceDocument]) -> streaming.RecordChunk:
    """Documents as the chunk of a streamed file (already decoded, no problem)."""
    return streaming.RecordChunk(tuple((document, None) for document in documents))


def _parse_here(documents: list[SourceDocument]) -> list[LoadedDocument]:
    """The documents parsed in this process, as the reference."""
    return loading.parse_chunk(_records(documents), loading.Tables())[1]


def _parse_each(
    loader: Loader, chunks: Iterable[list[SourceDocument]]
) -> Iterator[tuple[list[SourceDocument], list[LoadedDocument]]]:
    """Each chunk of documents with what `Loader.parse_chunks` made of it, drawn lazily."""
    drawn: deque[list[SourceDocument]] = deque()

    def decoded() -> Iterator[streaming.RecordChunk]:
        for chunk in chunks:
            drawn.append(chunk)
            yield _records(chunk)

    for _problems, parsed in loader.parse_chunks(decoded()):
        yield drawn.popleft(), parsed


def _needs_workers() -> None:
    """Skip a test of the worker pool where the loader would load in-process instead.

    That is off Linux, on one core, or while another thread runs in the test process (a
    thread left by an earlier test): the loader then never forks, by design.
    """
    if not loading.can_fork_workers():
        pytest.skip("needs forked workers: Linux, several cores, a single-threaded process")


def test_load_file_parses_an_article() -> None:
    """A good file gives one parsed article with a content hash."""
    loaded = load_file(DATA / "01_doha_talks.txt")
    (document,) = loaded.documents
    assert document.article is not None
    assert document.article.content_hash
    assert loaded.skipped == ()


def test_load_file_empty_file_is_skipped(tmp_path: Path) -> None:
    """An empty file yields no document and one reason without the repeated path."""
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    loaded = load_file(path)
    assert loaded.documents == ()
    (skipped,) = loaded.skipped
    assert skipped.path == str(path)
    assert not skipped.reason.startswith(str(path))


def test_load_file_refuses_an_article_too_long_to_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A text over the per-article limit is skipped with its size and what to do."""
    monkeypatch.setattr(loading, "MAX_ARTICLE_CHARS", 2_000)
    path = tmp_path / "dump.txt"
    path.write_text("Talks resumed in Doha. " * 200, encoding="utf-8")
    (document,) = load_file(path).documents
    assert document.article is None
    assert document.problem is not None
    assert "over the 0.002 million one article may have" in document.problem
    assert "split it" in document.problem


def test_load_file_bad_record_is_attributed_to_the_record(tmp_path: Path) -> None:
    """A malformed JSONL line is skipped as `file#line`; the good record loads."""
    path = tmp_path / "feed.jsonl"
    good = {"title": "Talks resume", "text": "Mediators met in Doha on Tuesday. " * 5}
    path.write_text(json.dumps(good) + "\n{broken\n", encoding="utf-8")
    loaded = load_file(path)
    assert len(loaded.documents) == 1
    assert [s.path for s in loaded.skipped] == [f"{path}#2"]


def test_loader_pool_matches_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker pool gives the same results, in order, plus each article's preparation."""
    _needs_workers()
    paths = sorted(DATA.glob("*.txt"))
    with Loader(None, parallel=False) as loader:
        expected = list(loader.load(paths))
    monkeypatch.setattr(loading, "POOL_MIN_FILES", 1)
    with Loader(None) as loader:
        got = list(loader.load(paths))
    assert [loaded.path for loaded in got] == paths
    for pooled, plain in zip(got, expected, strict=True):
        for document, reference in zip(pooled.documents, plain.documents, strict=True):
            assert document.article is not None
            assert reference.prepared is None
            assert document.prepared == prepare(document.article)
            assert dataclasses.replace(document, prepared=None) == reference


def test_streamed_records_are_parsed_in_the_workers_in_order() -> None:
    """A streamed file's chunks are parsed by the pool like here, in order, with each
    article's preparation; a chunk with no document (all its records skipped) passes."""
    _needs_workers()
    documents = [
        SourceDocument(
            path=f"export.jsonl#{n}", text=path.read_text(encoding="utf-8"), format="text"
        )
        for n, path in enumerate(sorted(DATA.glob("*.txt")))
    ]
    chunks = [documents[:2], [], documents[2:]]
    with Loader(None) as loader:
        got = list(_parse_each(loader, chunks))
    assert [chunk for chunk, _loaded in got] == chunks
    pooled = [loaded for _chunk, parsed in got for loaded in parsed]
    plain = _parse_here(documents)
    assert [loaded.document.path for loaded in pooled] == [d.path for d in documents]
    for document, reference in zip(pooled, plain, strict=True):
        assert document.article is not None
        assert document.prepared == prepare(document.article)
        assert dataclasses.replace(document, prepared=None) == reference


@pytest.mark.parametrize(("chars", "ahead"), [(10**9, 6), (1, 2)])
def test_streamed_chunks_are_drawn_a_bounded_distance_ahead(
    monkeypatch: pytest.MonkeyPatch, chars: int, ahead: int
) -> None:
    """At most STREAM_AHEAD chunks are in the workers, and past STREAM_AHEAD_MIN only while
    their text is under STREAM_AHEAD_CHARS; every chunk still comes back, in order."""
    _needs_workers()
    monkeypatch.setattr(loading, "STREAM_AHEAD", 6)
    monkeypatch.setattr(loading, "STREAM_AHEAD_MIN", 2)
    monkeypatch.setattr(loading, "STREAM_AHEAD_CHARS", chars)
    text = next(iter(sorted(DATA.glob("*.txt")))).read_text(encoding="utf-8")
    chunks = [[SourceDocument(path=f"x.jsonl#{n}", text=text, format="text")] for n in range(12)]
    drawn: list[int] = []

    def source() -> Iterator[list[SourceDocument]]:
        for number, chunk in enumerate(chunks):
            drawn.append(number)
            yield chunk

    seen: list[tuple[int, int]] = []
    with Loader(None) as loader:
        for chunk, parsed in _parse_each(loader, source()):
            seen.append((chunks.index(chunk), len(drawn)))
            assert [loaded.document for loaded in parsed] == chunk
    assert [number for number, _drawn in seen] == list(range(12))
    assert [count for _number, count in seen] == [min(n + 1 + ahead, 12) for n in range(12)]


def test_loader_draws_items_lazily_a_bounded_distance_ahead(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Workers load at most AHEAD files before the one yielded, so a caller can still queue."""
    _needs_workers()
    monkeypatch.setattr(loading, "POOL_MIN_FILES", 1)
    monkeypatch.setattr(loading, "AHEAD", 32)
    paths = sorted(DATA.glob("*.txt")) * 20
    drawn: list[int] = []

    def items() -> Iterator[tuple[int, Path]]:
        for number, path in enumerate(paths):
            drawn.append(number)
            yield number, path

    with Loader(None) as loader:
        results = loader.load_each(items(), len(paths), lambda item: item[1])
        (first, loaded) = next(results)
        assert first == (0, paths[0])
        assert loaded.path == paths[0]
        assert 0 < len(drawn) <= 32 + 16
        rest = [item for item, _loaded in results]
    assert [number for number, _path in [first, *rest]] == list(range(len(paths)))


def test_without_path_strips_a_leading_path() -> None:
    """Only a leading path is removed."""
    assert without_path("/a.txt is empty", "/a.txt") == "is empty"
    assert without_path("cannot read /a.txt", "/a.txt") == "cannot read /a.txt"


def test_a_parser_failure_skips_that_document_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """An unexpected exception on one document is a skip reason, not the end of the run."""
    real = parse_document

    def fragile(document: SourceDocument, *args: object, **kwargs: object) -> Article:
        if "doha" in document.path:
            raise IndexError("list index out of range")
        return real(document, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loading, "parse_document", fragile)
    paths = sorted(DATA.glob("*.txt"))
    with Loader(None, parallel=False) as loader:
        loaded = list(loader.load(paths))
    broken = [d for f in loaded for d in f.documents if d.article is None]
    assert [d.document.path for d in broken] == [str(DATA / "01_doha_talks.txt")]
    assert broken[0].problem is not None
    assert "IndexError: list index out of range" in broken[0].problem
    assert "please report" in broken[0].problem
    assert sum(d.article is not None for f in loaded for d in f.documents) == len(paths) - 1


def test_a_reader_failure_skips_that_file_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """An unexpected exception while reading a file skips it with a one-line reason."""

    def broken(path: Path) -> object:
        raise RecursionError("maximum recursion depth exceeded\nin the HTML reader")

    monkeypatch.setattr(loading, "read_documents_with_problems", broken)
    loaded = load_file(DATA / "01_doha_talks.txt")
    assert loaded.documents == ()
    (skipped,) = loaded.skipped
    assert "RecursionError: maximum recursion depth exceeded in the HTML reader" in skipped.reason
    assert "\n" not in skipped.reason


_REAL_LOAD_FILE = load_file
_TEST_PROCESS = os.getpid()


def _dies_on_doha(path: Path, *args: Any, **kwargs: Any) -> LoadedFile:
    """`load_file` that kills its worker process on the Doha article (like the OOM killer)."""
    if path.name == "01_doha_talks.txt":
        if os.getpid() == _TEST_PROCESS:  # loaded in-process: never kill the test runner
            raise RuntimeError("expected to run in a worker process")
        os._exit(9)
    return _REAL_LOAD_FILE(path, *args, **kwargs)


def test_a_dead_worker_costs_only_the_file_that_kills_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Files in flight are retried in a fresh pool; the one that kills it again is skipped."""
    _needs_workers()
    monkeypatch.setattr(loading, "POOL_MIN_FILES", 1)
    monkeypatch.setattr(loading, "load_file", _dies_on_doha)
    paths = sorted(DATA.glob("*.txt")) * 3
    with Loader(None) as loader:
        loaded = list(loader.load(paths))
    assert [item.path for item in loaded] == paths
    for item in loaded:
        if item.path.name == "01_doha_talks.txt":
            assert item.documents == ()
            assert [s.reason for s in item.skipped] == [loading.WORKER_DIED]
        else:
            assert item.documents
            assert item.documents[0].article is not None


class _BreaksAtSubmission(Executor):
    """A pool whose worker died after its last result: its next submission fails.

    Runs in this process (the files' loading is the same); the `fails`-th submission raises
    `BrokenProcessPool`, as a real pool does once a worker died between results.
    """

    def __init__(self, fails: int) -> None:
        self.submissions = 0
        self.fails = fails

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        self.submissions += 1
        if self.submissions == self.fails:
            raise BrokenProcessPool("a worker died since the last result")
        future: Future[Any] = Future()
        future.set_result(fn(*args, **kwargs))
        return future


def test_a_pool_found_broken_when_files_are_submitted_costs_no_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A worker that dies between two results breaks the pool for the next submission: the
    files of that submission (and those in flight) are loaded again, none lost, no crash."""
    monkeypatch.setattr(loading, "POOL_MIN_FILES", 1)
    monkeypatch.setattr(loading, "can_fork_workers", lambda: True)
    monkeypatch.setattr(loading, "AHEAD", 2 * loading._CHUNK)
    pools = [_BreaksAtSubmission(fails=3), _BreaksAtSubmission(fails=0)]
    loader = Loader(None)
    monkeypatch.setattr(loader, "_executor", lambda: pools[0] if pools[0].fails else pools[-1])

    def discarded(*, wait: bool = True) -> None:
        pools[0].fails = 0  # the broken pool is dropped: the next one works

    monkeypatch.setattr(loader, "_discard_pool", discarded)
    paths = sorted(DATA.glob("*.txt")) * 12
    loaded = list(loader.load(paths))
    assert [item.path for item in loaded] == paths
    assert all(item.documents and not item.skipped for item in loaded)


def _json_lines_with_problems(path: Path) -> list[int]:
    """A JSON Lines file of articles with a blank line, bad JSON, a record without text and
    a line over the size limit among them; returns the problem lines' numbers."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.txt"))]
    lines = [json.dumps({"id": f"r{n}", "text": text}) for n, text in enumerate(texts)]
    lines[1:1] = ["", '{"id": "bad", "text": "unterminated']
    lines[4:4] = [json.dumps({"id": "empty", "title": "metadata only"})]
    lines[6:6] = [json.dumps({"id": "huge", "text": "word " * 3_000})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [3, 5, 7]


def test_json_lines_are_decoded_in_the_workers_with_the_same_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A JSON Lines file goes to the workers as lines; each bad line is reported as when
    decoded here (malformed JSON, no text, over the size limit), and the articles match."""
    _needs_workers()
    monkeypatch.setattr(streaming, "MAX_RECORD_BYTES", 4_000)
    monkeypatch.setattr(streaming, "_CHUNK", 1_024)
    path = tmp_path / "export.jsonl"
    bad = _json_lines_with_problems(path)
    chunks = list(streaming.stream_chunks(path, 3))
    assert all(isinstance(chunk, streaming.LineChunk) for chunk in chunks)
    with Loader(None) as loader:
        pooled = list(loader.parse_chunks(chunks))
    here = list(Loader(None, parallel=False).parse_chunks(chunks))
    problems = [problem for chunk_problems, _loaded in pooled for problem in chunk_problems]
    assert problems == [problem for chunk_problems, _loaded in here for problem in chunk_problems]
    assert [problem.partition(":")[0] for problem in problems] == [f"{path}#{n}" for n in bad]
    assert "malformed JSON" in problems[0]
    assert problems[1] == f"{path}#5: {missing_text({'title': 'metadata only'})}"
    assert problems[2] == f"{path}#7: record over 0 MB, skipped"
    expected = [d for d, _problem in streaming.stream_records(path) if d is not None]
    documents = [loaded for _problems, parsed in pooled for loaded in parsed]
    assert [loaded.document for loaded in documents] == expected
    plain = [loaded for _problems, parsed in here for loaded in parsed]
    assert [dataclasses.replace(d, prepared=None) for d in documents] == plain


_REAL_PARSE_CHUNK = loading.parse_chunk


def _dies_on_line_two(
    chunk: streaming.Chunk, tables: loading.Tables, *, in_worker: bool = False
) -> tuple[list[str], list[loading.LoadedDocument]]:
    """`parse_chunk` that kills its worker on the chunk holding line 2 (like the OOM killer)."""
    if in_worker and isinstance(chunk, streaming.LineChunk) and chunk.lines[0][0] <= 2:
        if os.getpid() == _TEST_PROCESS:
            raise RuntimeError("expected to run in a worker process")
        os._exit(9)
    return _REAL_PARSE_CHUNK(chunk, tables, in_worker=in_worker)


def test_a_dead_worker_costs_no_streamed_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Chunks in flight when a worker dies are parsed here: every record is still there."""
    _needs_workers()
    monkeypatch.setattr(loading, "parse_chunk", _dies_on_line_two)
    path = tmp_path / "export.jsonl"
    _json_lines_with_problems(path)
    chunks = list(streaming.stream_chunks(path, 2))
    with Loader(None) as loader:
        pooled = list(loader.parse_chunks(chunks))
    here = list(Loader(None, parallel=False).parse_chunks(chunks))
    assert [problems for problems, _loaded in pooled] == [problems for problems, _ in here]
    assert [[d.document for d in parsed] for _problems, parsed in pooled] == [
        [d.document for d in parsed] for _problems, parsed in here
    ]


def test_parsed_documents_cross_from_workers_as_their_values() -> None:
    """What a worker sends back (pickled as class + values) is rebuilt equal, every
    dataclass of it included: the article, its figures and mentions, the preparation."""
    documents = [
        SourceDocument(path=f"x.jsonl#{n}", text=path.read_text(encoding="utf-8"), format="text")
        for n, path in enumerate(sorted(DATA.glob("*.txt")))
    ]
    parsed = _parse_here(documents)
    parsed = [dataclasses.replace(d, prepared=prepare(d.article)) for d in parsed if d.article]
    assert any(d.article and d.article.figures and d.article.mentions for d in parsed)
    stream = io.BytesIO()
    pickler = pickle.Pickler(stream, pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = copyreg.dispatch_table | dict.fromkeys(
        loading._SENT_TYPES, loading._sent_as_values
    )
    pickler.dump(parsed)
    assert b"_rebuilt" in stream.getvalue()
    assert pickle.loads(stream.getvalue()) == parsed
