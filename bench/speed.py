"""Speed and memory of storyreader, each figure beside a baseline measured in the same run.

    python -m bench.speed --files 10000 [--files 100000] [--work DIR]

For each corpus size: the full build (wall time, files/s, MB/s, peak memory of the whole
process tree, index size), an incremental update after changing 10 files and adding 10,
query latency through the API the app uses (snippets for the top 20 included), the
reader's time to first paint and keystroke-to-list latency (driven headless with Pilot),
and the reader opened on the corpus with an empty cache in a real terminal: the time
from `storyreader CORPUS` to the first story listed, beside the command-line build.
Baselines: reading every file once (the floor), Whoosh indexing each raw file as one
document with the same analyzer (what a naive tool would do), and `grep -ril WORD`.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import psutil

from storyreader.search.storage.index import WRITER_LIMIT_MB

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_WORK = ROOT / "bench" / "out"
INCREMENTAL_RUNS = 3
# The reader's own first build is measured up to this corpus size (it takes as long as a
# full build: at 100,000 files, minutes more for a figure the 10,000 one already shows).
FRESH_READER_MAX_FILES = 10_000
# The reader indexing a fresh corpus may take this long beyond the command-line build.
FRESH_READER_ALLOWANCE = 2.0


@dataclass
class Figures:
    files: int
    megabytes: float
    read_seconds: float = 0.0
    naive_seconds: float = 0.0
    naive_peak_mb: float = 0.0
    build_seconds: float = 0.0
    build_peak_mb: float = 0.0
    index_mb: float = 0.0
    stories: int = 0
    articles: int = 0
    noop_seconds: float = 0.0
    incremental_seconds: float = 0.0  # the median of INCREMENTAL_RUNS updates
    incremental_runs: list[float] = field(default_factory=list)
    queries: dict[str, dict[str, float]] = field(default_factory=dict)
    # The slowest query of HOSTILE_QUERIES: (query, ms, its outcome)
    hostile: tuple[str, float, str] = ("", 0.0, "")
    grep_ms: dict[str, float] = field(default_factory=dict)
    first_paint_seconds: float = 0.0
    fresh_reader_seconds: float = 0.0  # `storyreader CORPUS`, empty cache, to a story listed
    app_rss_mb: float = 0.0
    keystroke_ms: dict[str, float] = field(default_factory=dict)
    quality: dict[str, float] = field(default_factory=dict)
    real: bool = False  # the real-text family (bench/realtext.py), not the generated one
    naive_cpu: float = 0.0  # CPU seconds of the process tree
    build_cpu: float = 0.0
    noop_cpu: float = 0.0
    incremental_cpu: list[float] = field(default_factory=list)


# --- helpers -------------------------------------------------------------------------------


class PeakMemory:
    """Peak memory of a process and all its children, sampled every 50 ms. Counted as the
    proportional set size: forked children (Whoosh's writers) share their parent's pages,
    and summing resident sizes would count those pages once per process."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                proc = psutil.Process(self.pid)
                total = sum(_pss(p) for p in [proc, *proc.children(recursive=True)])
                self.peak = max(self.peak, total)
            except psutil.Error:
                pass
            self._stop.wait(0.05)


def _pss(proc: psutil.Process) -> int:
    try:
        return proc.memory_full_info().pss
    except (psutil.Error, AttributeError):
        try:
            return proc.memory_info().rss
        except psutil.Error:
            return 0


# CPU seconds (user + system) of the last command's process tree: on a shared machine the
# wall time moves with the other work, the CPU time much less.
last_cpu_seconds = 0.0


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_measured(argv: list[str], env: dict | None = None) -> tuple[float, float, str]:
    """Wall seconds, peak MB of the process tree, and stdout of a command (its CPU time
    in `last_cpu_seconds`)."""
    global last_cpu_seconds
    cpu_before = _children_cpu()
    started = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )
    with PeakMemory(proc.pid) as mem:
        out, err = proc.communicate()
    seconds = time.perf_counter() - started
    last_cpu_seconds = _children_cpu() - cpu_before
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed:\n{err[-2000:]}")
    return seconds, mem.peak / 1e6, out


def du_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*.txt") if p.is_file())


def make_corpus(work: Path, n_files: int, seed: int, real: bool = False) -> tuple[Path, Path]:
    """The generated corpus of `n_files`, or with `real` the real-text one
    (bench/realtext.py), made once in `work` and kept there."""
    name = f"{'real' if real else 'corpus'}-{n_files}-{seed}"
    corpus, truth = work / name, work / f"{name}.truth.jsonl"
    if not (corpus.is_dir() and truth.is_file()):
        shutil.rmtree(corpus, ignore_errors=True)
        if real:
            from bench.realtext import generate

            generate(corpus, n_files, seed=seed, truth_path=truth)
        else:
            from bench.synth import generate_corpus

            generate_corpus(corpus, n_files, seed=seed, truth_path=truth)
    return corpus, truth


# --- baselines -----------------------------------------------------------------------------


def read_floor(files: list[Path]) -> float:
    """Every file read once, bytes only: the least any tool must spend."""
    started = time.perf_counter()
    for f in files:
        f.read_bytes()
    return time.perf_counter() - started


NAIVE_SCRIPT = """
import sys, os
from pathlib import Path
from whoosh import index
from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, TEXT, Schema
corpus, out, procs = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
WRITER_LIMIT_MB = int(sys.argv[4])
out.mkdir(parents=True, exist_ok=True)
ix = index.create_in(str(out), Schema(path=ID(stored=True, unique=True), body=TEXT(analyzer=StemmingAnalyzer())))
writer = ix.writer(procs=procs, multisegment=True, limitmb=WRITER_LIMIT_MB) if procs > 1 else ix.writer(limitmb=WRITER_LIMIT_MB)
for p in sorted(corpus.rglob("*.txt")):
    writer.add_document(path=str(p.relative_to(corpus)), body=p.read_text(encoding="utf-8", errors="replace"))
writer.commit()
"""


def naive_whoosh(corpus: Path, out: Path, procs: int) -> tuple[float, float]:
    """Whoosh over the raw files, one document per file, with storyreader's analyzer and
    writer settings and nothing else: what a naive tool would do."""
    shutil.rmtree(out, ignore_errors=True)
    seconds, peak, _ = run_measured(
        [
            sys.executable,
            "-c",
            NAIVE_SCRIPT,
            str(corpus),
            str(out),
            str(procs),
            str(WRITER_LIMIT_MB),
        ]
    )
    return seconds, peak


def grep_ms(corpus: Path, word: str, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(["grep", "-ril", word, str(corpus)], capture_output=True)
        best = min(best, time.perf_counter() - started)
    return best * 1000


# --- storyreader ---------------------------------------------------------------------------


def cli(*args: str, env: dict) -> list[str]:
    return [sys.executable, "-m", "storyreader.tui.cli", *args]


def build(corpus: Path, index_dir: Path, env: dict) -> tuple[float, float, str]:
    return run_measured(cli("index", str(corpus), "--index", str(index_dir), env=env), env=env)


def mutate(corpus: Path, seed: int, changed: int = 10, added: int = 10) -> None:
    """Change `changed` files (a paragraph added to their first article) and add `added`
    new files (copies of existing pages with one number changed)."""
    rng = random.Random(seed)
    files = corpus_files(corpus)
    for f in rng.sample(files, changed):
        lines = f.read_text(encoding="utf-8").split("\n")
        at = min(len(lines) - 1, 12)
        lines.insert(
            at, "Editor's note: this article was updated after publication with new figures."
        )
        f.write_text("\n".join(lines), encoding="utf-8")
    target = corpus / "added"
    target.mkdir(exist_ok=True)
    for i, f in enumerate(rng.sample(files, added)):
        text = f.read_text(encoding="utf-8")
        for digit in "123456789":
            if digit in text:
                text = text.replace(digit, str((int(digit) % 9) + 1), 1)
                break
        (target / f"added-{seed}-{i:03d}.txt").write_text(text, encoding="utf-8")


def query_words(truth: Path, rng: random.Random, n: int) -> list[str]:
    """Words from the corpus's titles: what a reader would search for."""
    titles = [json.loads(line)["title"] for line in truth.read_text().splitlines()[:20000]]
    words = sorted(
        {w.strip(".,:;’'\"“”()").lower() for t in titles for w in t.split() if len(w) > 5}
    )
    words = [w for w in words if w.isalpha()]
    return rng.sample(words, min(n, len(words)))


def query_mix(words: list[str]) -> dict[str, list[str]]:
    half = len(words) // 2
    return {
        "single word": words[:half],
        "two words": [f"{a} {b}" for a, b in zip(words[:half], words[half:], strict=False)],
        "phrase": [f'"{a} {b}"' for a, b in itertools.pairwise(words[: half + 1])],
        "field": [f"title:{w}" for w in words[:half]],
        "fuzzy": [f"{w[:-1]}~" for w in words[:half]],
    }


def query_latency(index_dir: Path, mix: dict[str, list[str]]) -> dict[str, dict[str, float]]:
    from storyreader.search.query import Library

    out: dict[str, dict[str, float]] = {}
    with Library(index_dir) as lib:
        lib.search("warmup")  # opening the searcher is a one-off cost, not a query's
        for kind, queries in mix.items():
            times = []
            for q in queries:
                started = time.perf_counter()
                lib.search(q, limit=20, snippets=True)
                times.append((time.perf_counter() - started) * 1000)
            out[kind] = {"p50": statistics.median(times), "p95": _p95(times), "n": len(times)}
    return out


# Queries that stand for much of the index: each must answer, or refuse as too broad,
# quickly (issue 18's attack set, and more of its kind).
HOSTILE_QUERIES = [
    "[a TO z]",
    "{0 TO 9}",
    "*a*",
    "*1*",
    "*e*",
    "a*",
    "s*",
    "?",
    "??*",
    "*",
    "body:*",
    "title:*",
    "source:*",
    "path:*",
    "a* OR b* OR c*",
    "*a* AND *e*",
    "t*~2",
    "the said",
    '"the said officials"',
    '"said" NOT "the"',
    "date:[1900 TO 2100]",
    "title:a*",
    "co*",
    "?????*",
    '"said the"~9',
    "said~2 officials~2 minister~2 government~2",
    "a~2",
    "ab~2",
    "abc~2",
    " OR ".join(f"x{i}*" for i in range(40)),
]


def hostile_latency(index_dir: Path) -> tuple[str, float, str]:
    """The slowest of HOSTILE_QUERIES (top 20 with snippets), its time and outcome."""
    from storyreader.search.query import Library
    from storyreader.search.storage.errors import QueryError

    slowest = ("", 0.0, "")
    with Library(index_dir) as lib:
        lib.search("warmup")
        for q in HOSTILE_QUERIES:
            started = time.perf_counter()
            try:
                outcome = f"{lib.search(q, limit=20, snippets=True).total:,} stories"
            except QueryError as exc:
                outcome = "refused: " + str(exc).split(";")[0]
            ms = (time.perf_counter() - started) * 1000
            print(f"  {q!r}: {ms:.0f} ms, {outcome}", flush=True)
            if ms > slowest[1]:
                slowest = (q, ms, outcome)
    return slowest


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


APP_SCRIPT = """
import asyncio, json, sys, time
started = float(sys.argv[3])
from pathlib import Path
import psutil
from storyreader.tui.app import StoryReaderApp
from storyreader.tui.rows import HitRows
from storyreader.tui.widgets.story_list import StoryList
from storyreader.tui.widgets.search_box import SearchBox

async def main():
    app = StoryReaderApp(Path(sys.argv[1]), Path(sys.argv[2]), state=Path(sys.argv[4]))
    app.index_corpus = lambda: None  # measure the reader, not the index update
    result = {}
    async with app.run_test(size=(120, 40)) as pilot:
        stories = app.query_one(StoryList)
        while stories.source is None or not len(stories.source):
            await asyncio.sleep(0.005)
        await pilot.pause()
        result["first_paint"] = time.time() - started
        query = sys.argv[5]
        await pilot.press("slash")
        # Timed inside the app: from the search box taking the key to the list showing
        # that query's results (Pilot's own waiting is not part of it).
        typed, shown = {}, {}
        on_changed, show = SearchBox.on_input_changed, stories.show
        def changed(self, event):
            typed[event.value.strip()] = time.perf_counter()
            on_changed(self, event)
        def showing(source, *args, **kwargs):
            if source.query is not None and source.query not in shown:
                shown[source.query] = time.perf_counter()
            show(source, *args, **kwargs)
        SearchBox.on_input_changed, stories.show = changed, showing
        for ch in query:
            await pilot.press(ch)
            await asyncio.sleep(0.15)  # a typist's pace between keys
        await asyncio.sleep(0.5)
        latencies = [(shown[q] - typed[q]) * 1000 for q in typed if q in shown]
        result["keystroke_ms"] = latencies
        result["rss_mb"] = psutil.Process().memory_info().rss / 1e6
    print(json.dumps(result))

asyncio.run(main())
"""


def app_figures(corpus: Path, index_dir: Path, state: Path, query: str, env: dict) -> dict:
    started = time.time()
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            APP_SCRIPT,
            str(corpus),
            str(index_dir),
            repr(started),
            str(state),
            query,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=600,
    )
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def fresh_reader(corpus: Path, root: Path, env: dict) -> float:
    """Seconds from starting `storyreader CORPUS` in a real terminal (120x40), with an
    empty cache, to the story list showing the corpus's stories."""
    from bench.terminal import Terminal

    shutil.rmtree(root, ignore_errors=True)
    env = {
        **env,
        **{f"XDG_{d}_HOME": str(root / d.lower()) for d in ("CACHE", "STATE", "DATA", "CONFIG")},
    }
    command = [sys.executable, "-m", "storyreader.tui.cli", str(corpus)]
    with Terminal(command, env, size=(120, 40), cwd=str(ROOT)) as t:
        t.wait_for(r"[\d,]+ stories · newest|failed", timeout=3600)
        seconds = time.perf_counter() - t.started
        if t.seen("failed"):
            raise RuntimeError(f"the reader's build failed:\n{t.text()}")
        t.press("q")
        t.wait_exit()
    return seconds


# --- the run -------------------------------------------------------------------------------


def measure(
    n_files: int,
    work: Path,
    seed: int = 1,
    naive: bool = True,
    real: bool = False,
    updates: int = INCREMENTAL_RUNS,
) -> Figures:
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "XDG_CACHE_HOME": str(work / "cache"), "STORYREADER_LOCK_WAIT": "0"}
    print(f"[{n_files} files] generating {'real-text ' if real else ''}corpus …", flush=True)
    corpus, truth = make_corpus(work, n_files, seed, real)
    run_dir = work / f"run-{'real-' if real else ''}{n_files}"
    shutil.rmtree(run_dir, ignore_errors=True)
    run_dir.mkdir()
    # Measure on a copy, so that the incremental step's changes never touch the cache.
    live = run_dir / "corpus"
    shutil.copytree(corpus, live)
    files = corpus_files(live)
    fig = Figures(files=len(files), megabytes=sum(f.stat().st_size for f in files) / 1e6, real=real)

    fig.read_seconds = min(read_floor(files) for _ in range(2))
    print(f"[{n_files}] read floor {fig.read_seconds:.2f} s", flush=True)
    if naive:
        fig.naive_seconds, fig.naive_peak_mb = naive_whoosh(live, run_dir / "naive", procs=2)
        fig.naive_cpu = last_cpu_seconds
        print(f"[{n_files}] naive whoosh {fig.naive_seconds:.1f} s", flush=True)

    index_dir = run_dir / "index"
    fig.build_seconds, fig.build_peak_mb, _ = build(live, index_dir, env)
    fig.build_cpu = last_cpu_seconds
    fig.index_mb = du_mb(index_dir)
    with _library(index_dir) as lib:
        stats = lib.stats()
        fig.stories, fig.articles = stats.stories, stats.articles
        fig.quality = score_index(lib, truth)
    print(
        f"[{n_files}] build {fig.build_seconds:.1f} s, peak {fig.build_peak_mb:.0f} MB", flush=True
    )

    # (The real-text family is about the build and the update: its reader run would add a
    # build's time for a figure the generated family shows.)
    if n_files <= FRESH_READER_MAX_FILES and not real:
        fig.fresh_reader_seconds = fresh_reader(live, run_dir / "fresh-reader", env)
        print(f"[{n_files}] reader, fresh corpus {fig.fresh_reader_seconds:.1f} s", flush=True)

    fig.noop_seconds, _, _ = build(live, index_dir, env)
    fig.noop_cpu = last_cpu_seconds
    # Several updates, each of other files, their median reported beside every run: one
    # update's time moves by a second with what it touches and with the machine.
    for run in range(updates):
        mutate(live, seed + run)
        fig.incremental_runs.append(build(live, index_dir, env)[0])
        fig.incremental_cpu.append(last_cpu_seconds)
    fig.incremental_seconds = statistics.median(fig.incremental_runs)
    runs = ", ".join(f"{t:.2f}" for t in fig.incremental_runs)
    print(f"[{n_files}] incremental {fig.incremental_seconds:.2f} s (runs {runs})", flush=True)

    rng = random.Random(seed)
    words = query_words(truth, rng, 40)
    fig.queries = query_latency(index_dir, query_mix(words))
    fig.hostile = hostile_latency(index_dir)
    fig.grep_ms = {w: grep_ms(live, w) for w in words[:5]}
    app = app_figures(live, index_dir, run_dir / "state", words[0], env)
    fig.first_paint_seconds = app["first_paint"]
    fig.app_rss_mb = app["rss_mb"]
    keys = app["keystroke_ms"]
    fig.keystroke_ms = {"p50": statistics.median(keys), "p95": _p95(keys), "n": len(keys)}
    (run_dir / "figures.json").write_text(json.dumps(asdict(fig), indent=2))
    return fig


def score_index(lib, truth: Path) -> dict[str, float]:
    """Grouping accuracy of a built index against its corpus's ground truth."""
    from bench.quality import read_jsonl, score

    stories = [
        {
            "id": s.id,
            "occurrences": [
                {"path": o.path, "start_line": o.start_line, "end_line": o.end_line}
                for o in s.occurrences
            ],
        }
        for s in (lib.story(r.id) for r in lib.stories())
    ]
    return score(read_jsonl(truth), stories)


def _library(index_dir: Path):
    from storyreader.search.query import Library

    return Library(index_dir)


def report(fig: Figures) -> list[str]:
    mb = fig.megabytes
    ratio = lambda a, b: f"{a / b:.2f}x" if b else "n/a"  # noqa: E731
    query_p50 = statistics.median(q["p50"] for q in fig.queries.values())
    grep = statistics.median(fig.grep_ms.values()) if fig.grep_ms else 0
    lines = [
        f"### {fig.files:,} {'real-text ' if fig.real else ''}files, {mb:.0f} MB "
        f"({fig.articles:,} articles, {fig.stories:,} stories)",
        "",
        "| figure | storyreader | baseline | ratio |",
        "|---|---|---|---|",
        f"| full build | {fig.build_seconds:.1f} s ({fig.files / fig.build_seconds:,.0f} files/s, {mb / fig.build_seconds:.2f} MB/s) "
        f"| naive Whoosh, raw files: {fig.naive_seconds:.1f} s ({mb / fig.naive_seconds:.2f} MB/s) "
        f"| {ratio(fig.build_seconds, fig.naive_seconds)} of naive |"
        if fig.naive_seconds
        else f"| full build | {fig.build_seconds:.1f} s | (naive Whoosh not run) | |",
        f"| full build, CPU time of the process tree | {fig.build_cpu:.1f} s "
        f"| naive Whoosh {fig.naive_cpu:.1f} s | {ratio(fig.build_cpu, fig.naive_cpu)} of naive |",
        f"| re-index nothing changed / incremental (median), CPU time | {fig.noop_cpu:.2f} s / "
        f"{statistics.median(fig.incremental_cpu or [0.0]):.2f} s | | |",
        f"| full build vs reading the files | {fig.build_seconds:.1f} s | read floor {fig.read_seconds:.2f} s "
        f"({mb / fig.read_seconds:,.0f} MB/s) | {ratio(fig.build_seconds, fig.read_seconds)} |",
        f"| peak memory while building (process tree) | {fig.build_peak_mb:,.0f} MB "
        f"| naive Whoosh {fig.naive_peak_mb:,.0f} MB | {ratio(fig.build_peak_mb, fig.naive_peak_mb)} |",
        f"| index size on disk | {fig.index_mb:,.0f} MB | corpus {mb:,.0f} MB | {ratio(fig.index_mb, mb)} |",
        f"| re-index, nothing changed | {fig.noop_seconds:.2f} s | full build {fig.build_seconds:.1f} s "
        f"| {ratio(fig.noop_seconds, fig.build_seconds)} |",
        f"| incremental: 10 files changed, 10 added (median of {len(fig.incremental_runs)}: "
        f"{', '.join(f'{t:.2f}' for t in fig.incremental_runs)} s) | {fig.incremental_seconds:.2f} s | full build "
        f"{fig.build_seconds:.1f} s | {ratio(fig.incremental_seconds, fig.build_seconds)} |",
    ]
    for kind, q in fig.queries.items():
        lines.append(
            f"| query, {kind} (top 20 with snippets) | p50 {q['p50']:.1f} ms, p95 {q['p95']:.1f} ms "
            f"| grep -ril one word {grep:.0f} ms | {ratio(q['p50'], grep)} |"
        )
    if fig.fresh_reader_seconds:
        target = fig.build_seconds + FRESH_READER_ALLOWANCE
        lines.append(
            f"| reader on a fresh corpus: `storyreader CORPUS` to the first story listed "
            f"| {fig.fresh_reader_seconds:.1f} s | command-line build {fig.build_seconds:.1f} s "
            f"(target: + {FRESH_READER_ALLOWANCE:.0f} s = {target:.1f} s) "
            f"| {ratio(fig.fresh_reader_seconds, fig.build_seconds)} of build |"
        )
    q, ms, outcome = fig.hostile
    lines.append(
        f"| query, slowest of {len(HOSTILE_QUERIES)} hostile (`{q}`: {outcome}) | {ms:.0f} ms "
        f"| grep -ril one word {grep:.0f} ms | {ratio(ms, grep)} |"
    )
    lines += [
        f"| reader: time to first paint | {fig.first_paint_seconds:.2f} s | | |",
        f"| reader: keystroke to updated list | p50 {fig.keystroke_ms['p50']:.0f} ms, p95 "
        f"{fig.keystroke_ms['p95']:.0f} ms | query p50 {query_p50:.1f} ms | |",
        f"| reader: memory after a search | {fig.app_rss_mb:,.0f} MB | | |",
        "",
    ]
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="storyreader speed and memory benchmark")
    parser.add_argument("--files", type=int, action="append", help="corpus size (repeatable)")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK)
    parser.add_argument("--no-naive", action="store_true", help="skip the naive Whoosh baseline")
    parser.add_argument(
        "--hostile", type=Path, metavar="INDEX", help="only time the hostile queries on INDEX"
    )
    args = parser.parse_args(argv)
    if args.hostile:
        q, ms, outcome = hostile_latency(args.hostile)
        print(f"slowest: {q!r} {ms:.0f} ms ({outcome})")
        return
    for n in args.files or [10_000]:
        fig = measure(n, args.work, naive=not args.no_naive)
        print("\n".join(report(fig)))


if __name__ == "__main__":
    main()
