"""Hostile corpora: every bad file is read or skipped with a reason, every other file is
still read, and nothing in a file acts on the terminal, the markup parser or an export."""

from __future__ import annotations

import codecs
import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyreader.search.ingest.read import discover
from storyreader.search.markdown import export, safe_name, to_markdown
from storyreader.search.query import Library
from storyreader.search.safe import has_controls, visible
from storyreader.search.storage.errors import QueryError
from storyreader.search.update.build import IndexBusy, build
from storyreader.tui.cli import main

ROOT = Path(__file__).resolve().parents[1]
GOOD = "Harbour reopens after storm\n\nThe harbour of Nordvik reopened on Monday after a storm closed it for three days, the port authority said.\n"


def _reasons(index_dir: Path) -> dict[str, str]:
    with Library(index_dir) as lib:
        return {s.path: s.reason for s in lib.skipped()}


def _paths(index_dir: Path) -> set[str]:
    with Library(index_dir) as lib:
        return {o.path for r in lib.stories() for o in lib.story(r.id).occurrences}


@pytest.fixture()
def bad_corpus(tmp_path) -> Path:
    c = tmp_path / "corpus"
    c.mkdir()
    (c / "good.txt").write_text(GOOD)
    (c / "empty.txt").write_bytes(b"")
    (c / "blank.txt").write_text("   \n\t\n  \n")
    (c / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (c / "nul.txt").write_bytes(b"Some text\x00with a NUL byte\n" * 3)
    (c / "broken-utf8.txt").write_bytes(
        ("Café “crème” — naïve déjà vu. " * 20 + "\n").encode() + b"\xff\xfe bad \xc3\n"
    )
    (c / "cp1252.txt").write_bytes(
        ("Minister’s “plan” costs 5 € — a lot for everyone.\n" * 5).encode("cp1252")
    )
    (c / "latin1.txt").write_bytes(
        ("Les élèves de l'école à Genève ont célébré la fête.\n" * 5).encode("latin-1")
    )
    (c / "utf16.txt").write_bytes(
        codecs.BOM_UTF16_LE + GOOD.replace("Nordvik", "Vessa").encode("utf-16-le")
    )
    (c / "crlf.txt").write_bytes(GOOD.replace("Nordvik", "Kelbrook").replace("\n", "\r\n").encode())
    (c / "cr.txt").write_bytes(GOOD.replace("Nordvik", "Senna").replace("\n", "\r").encode())
    (c / "with space.txt").write_text(GOOD.replace("Nordvik", "Port Halden"))
    (c / "new\nline.txt").write_text(GOOD.replace("Nordvik", "Rivabella"))
    (c / os.fsdecode(b"caf\xe9.txt")).write_text(GOOD.replace("Nordvik", "Korvo"))
    deep = c
    for i in range(60):
        deep = deep / f"d{i}"
    deep.mkdir(parents=True)
    (deep / "deep.txt").write_text(GOOD.replace("Nordvik", "Tembe Falls"))
    (c / "loop").symlink_to(c)
    outside = tmp_path / "outside.txt"
    outside.write_text(GOOD)
    (c / "outside.txt").symlink_to(outside)
    os.mkfifo(c / "pipe.txt")
    return c


def test_every_bad_file_is_skipped_with_a_reason_and_the_rest_is_read(bad_corpus, tmp_path):
    report = build(bad_corpus, tmp_path / "ix", workers=1)
    reasons = _reasons(tmp_path / "ix")
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.txt"] == "no text (only whitespace)"
    assert reasons["image.txt"] == "binary file (PNG image)"
    assert reasons["nul.txt"] == "binary file (contains NUL bytes)"
    assert reasons["outside.txt"] == "symbolic link (not followed; use --follow-links)"
    assert reasons["loop"] == "symbolic link to a folder (not followed; use --follow-links)"
    assert reasons["pipe.txt"] == "not a regular file"
    read = _paths(tmp_path / "ix")
    for name in (
        "good.txt",
        "broken-utf8.txt",
        "cp1252.txt",
        "latin1.txt",
        "utf16.txt",
        "crlf.txt",
        "cr.txt",
        "with space.txt",
        "new\\nline.txt",
        "caf\\xe9.txt",
    ):
        assert name in read, name
    assert any(p.endswith("deep.txt") for p in read)
    assert report.files_read == len([p for p in read])
    with Library(tmp_path / "ix") as lib:
        texts = {
            o.path: lib.story(r.id).text for r in lib.stories() for o in lib.story(r.id).occurrences
        }
        assert "Minister’s “plan” costs 5 €" in texts["cp1252.txt"]
        assert "élèves de l'école à Genève" in texts["latin1.txt"]
        assert "Café “crème”" in texts["broken-utf8.txt"]
        assert "Vessa" in texts["utf16.txt"]
        # a name with bytes that are not UTF-8 still opens
        assert lib.source_path("caf\\xe9.txt").read_text().startswith("Harbour")


def test_links_are_followed_on_request_without_loops_or_escapes(bad_corpus, tmp_path):
    found = list(discover(bad_corpus, follow_links=True))
    reasons = {f.path: f.reason for f in found if not hasattr(f, "rel")}
    assert reasons["outside.txt"] == "link to a file outside the corpus"
    assert reasons["loop"] == "directory loop (link to a folder already read)"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(tmp_path):
    c = tmp_path / "c"
    c.mkdir()
    (c / "good.txt").write_text(GOOD)
    locked = c / "locked.txt"
    locked.write_text(GOOD)
    locked.chmod(0)
    build(c, tmp_path / "ix", workers=1)
    assert _reasons(tmp_path / "ix")["locked.txt"] == "cannot read: permission denied"


@pytest.mark.slow
def test_fifty_thousand_files_in_one_folder_are_listed(tmp_path):
    c = tmp_path / "many"
    c.mkdir()
    for i in range(50_000):
        (c / f"{i:05d}.txt").touch()
    found = [f.rel for f in discover(c)]
    assert len(found) == 50_000 and found == sorted(found)


@pytest.mark.slow
def test_huge_line_and_large_file_in_parts(tmp_path, monkeypatch):
    from storyreader.search.ingest import read

    # Parts of 16 KB instead of 8 MB: the same code path at a test's size.
    monkeypatch.setattr(read, "LARGE_FILE_BYTES", 40_000)
    monkeypatch.setattr(read, "PART_BYTES", 16_000)
    from storyreader.search.update import pool, worker

    monkeypatch.setattr(pool, "LARGE_FILE_BYTES", 40_000)
    monkeypatch.setattr(worker, "LARGE_FILE_BYTES", 40_000)
    c = tmp_path / "c"
    c.mkdir()
    pages = []
    for i in range(300):
        title = f"Council of Town {i} approves budget number {i}"
        pages.append(
            f"{title}\n\n{title}\n\nThe council of town {i} approved its budget of {i * 7} crowns on Monday, officials said.\n"
        )
    (c / "big.txt").write_text("\n\n\n".join(pages))
    (c / "line.txt").write_text("One very long line\n\n" + "word " * 400_000 + "\n")
    report = build(c, tmp_path / "ix", workers=1)
    assert report.skipped == []
    with Library(tmp_path / "ix") as lib:
        occ = sorted(
            (o.start_line, o.end_line)
            for r in lib.stories()
            for o in lib.story(r.id).occurrences
            if o.path == "big.txt"
        )
        openings = lib.openings("big.txt")
    assert len(occ) == 300
    # every article where the file has it, across part boundaries
    lines = (c / "big.txt").read_text().split("\n")
    for start, _ in occ:
        assert lines[start - 1].startswith("Council of Town")
    # Each part's first article says the part opened it, not the file's first line.
    assert openings[1] == "the file's first text"
    parts = [s for s, why in openings.items() if why.startswith("the first text of a part")]
    assert parts and all(s > 1 for s in parts)
    assert set(openings.values()) - {openings[1], openings[parts[0]]} == {
        "its title is printed again just below"
    }


# --- injection -----------------------------------------------------------------------------

HOSTILE_TITLE = (
    "Council [bold]votes[/bold] \x1b]0;pwned\x07 on [link=http://x]budget[/link] \u202egnp.exe"
)
HOSTILE_BODY = [
    "An escape \x1b[31mred\x1b[0m and a cursor move \x1b[2J\x1b[H arrived in the scrape of this council story.",
    "A clipboard write \x1b]52;c;ZXZpbA==\x07 and a link \x1b]8;;http://evil\x07here\x1b]8;;\x07 and [@click=app.quit]click[/].",
    "C1 \x9b31m and DEL \x7f and bell \x07 characters, plus # a heading and <script>alert(1)</script>.",
]


@pytest.fixture()
def hostile(tmp_path) -> tuple[Path, Path]:
    c = tmp_path / "corpus"
    c.mkdir()
    (c / "evil.txt").write_text("\n".join([HOSTILE_TITLE, "", *HOSTILE_BODY]) + "\n")
    build(c, tmp_path / "ix", workers=1)
    return c, tmp_path / "ix"


def _no_raw_controls(text: str) -> None:
    assert not has_controls(text), repr([ch for ch in text if has_controls(ch)][:5])


@pytest.mark.parametrize("command", ["stories", "search", "show", "export"])
def test_cli_output_never_carries_control_characters(hostile, command, tmp_path):
    corpus, ix = hostile
    with Library(ix) as lib:
        sid = lib.stories()[0].id
    args = {
        "stories": ["stories", str(corpus)],
        "search": ["search", str(corpus), "council"],
        "show": ["show", str(corpus), sid, "--explain"],
        "export": ["export", str(corpus), sid, "-o", "-"],
    }[command]
    result = CliRunner().invoke(main, [*args, "--index", str(ix)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    out = result.output
    _no_raw_controls(out.replace("\n", ""))
    assert "[bold]votes[/bold]" in out or command == "export"
    assert "␛" in out


def test_markdown_export_is_inert(hostile, tmp_path):
    _, ix = hostile
    with Library(ix) as lib:
        story = lib.story(lib.stories()[0].id)
    md = to_markdown(story)
    _no_raw_controls(md.replace("\n", ""))
    assert "\\<script\\>" in md and "<script" not in md.replace("\\<script", "")
    assert (
        "\n\\# a heading" not in md
    )  # "#" mid-line stays as written; only a line start is escaped
    front = md.split("---\n")[1]
    assert front.startswith('title: "Council [bold]votes[/bold] ␛]0;pwned␇')
    written = export(story, tmp_path / "out.md")
    assert written.path.read_text() == md


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Iraq: US/UK talks?", "Iraq US UK talks"),
        ("../../etc/passwd", "etc passwd"),
        ("CON", "CON_"),
        ("nul.txt", "nul_.txt"),
        ("a\x1b[31mb\nc", "a [31mb c"),
        ("   ...   ", "fallback"),
        ("x" * 500, "x" * 120),
        ("日本語の見出し" * 40, None),
    ],
)
def test_export_names_are_safe_everywhere(title, expected):
    name = safe_name(title, "fallback")
    if expected is not None:
        assert name == expected
    assert name and "/" not in name and "\\" not in name and not name.startswith(".")
    assert not has_controls(name) and "\n" not in name
    assert len(name.encode("utf-8")) <= 240


# --- index safety --------------------------------------------------------------------------


def _corpus(tmp_path: Path, n: int) -> Path:
    from bench.synth import generate_corpus

    c = tmp_path / "gen"
    generate_corpus(c, n, seed=5, truth_path=tmp_path / "truth.jsonl")
    return c


def _snapshot(ix: Path) -> list:
    with Library(ix) as lib:
        stories = sorted(
            (s.id, s.digest, tuple(sorted((o.path, o.start_line) for o in s.occurrences)))
            for s in (lib.story(r.id) for r in lib.stories())
        )
        return [*stories, lib.search("*", limit=None).total]


def _index_cmd(corpus: Path, ix: Path) -> subprocess.Popen:
    env = {**os.environ, "STORYREADER_LOCK_WAIT": "0"}
    return subprocess.Popen(
        [sys.executable, "-m", "storyreader.tui.cli", "index", str(corpus), "--index", str(ix)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kill_after(corpus: Path, ix: Path, delay: float) -> None:
    proc = _index_cmd(corpus, ix)
    time.sleep(delay)
    workers = psutil.Process(proc.pid).children(recursive=True)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    # Its pool workers notice and leave rather than linger forever.
    _, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive, alive


@pytest.mark.slow
def test_killing_the_indexer_leaves_a_readable_index_and_the_next_run_completes(tmp_path):
    corpus = _corpus(tmp_path, 250)
    reference = tmp_path / "reference"
    ix = tmp_path / "ix"
    # A first build killed at several moments, then completed.
    for delay in (0.5, 1.5, 3.0):
        _kill_after(corpus, ix, delay)
    build(corpus, ix, workers=1)
    build(corpus, reference, workers=1)
    assert _snapshot(ix) == _snapshot(reference)
    # Files change; updates are killed at several moments; the last good index stays
    # readable throughout, and the next run brings it up to date.
    for page in sorted(corpus.rglob("*.txt"))[:40]:
        page.write_text(
            page.read_text()
            + "\nA late paragraph added to this page by the site after publication.\n"
        )
    build(corpus, reference, workers=1)
    for delay in (0.2, 0.6, 1.2, 2.0):
        _kill_after(corpus, ix, delay)
        with Library(ix) as lib:
            assert lib.count() > 0
            lib.search("council OR talks")
    build(corpus, ix, workers=1)
    assert _snapshot(ix) == _snapshot(reference)


@pytest.mark.slow
def test_a_second_indexer_stops_with_a_clear_message(tmp_path):
    corpus = _corpus(tmp_path, 300)
    ix = tmp_path / "ix"
    first = _index_cmd(corpus, ix)
    time.sleep(1.0)
    second = subprocess.run(
        [sys.executable, "-m", "storyreader.tui.cli", "index", str(corpus), "--index", str(ix)],
        cwd=ROOT,
        env={**os.environ, "STORYREADER_LOCK_WAIT": "0"},
        capture_output=True,
        text=True,
    )
    first.wait(timeout=300)
    if first.returncode == 0 and "another storyreader" not in second.stderr:
        pytest.skip("the first run finished before the second started")
    assert second.returncode == 1
    assert "another storyreader is updating the index" in second.stderr
    assert "Traceback" not in second.stderr
    with pytest.raises(IndexBusy):
        from filelock import FileLock

        with FileLock(str(ix / "write.lock")):
            build(corpus, ix, workers=1, wait=0)


@pytest.mark.parametrize("damage", ["foreign", "garbage", "old", "hashing", "whoosh"])
def test_damaged_foreign_or_old_index_is_rebuilt(tmp_path, damage):
    import sqlite3

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(GOOD)
    ix = tmp_path / "ix"
    build(corpus, ix, workers=1)
    db = ix / "store.sqlite"
    if damage == "foreign":
        db.unlink()
        sqlite3.connect(db).execute("CREATE TABLE notes (x)").connection.commit()
    elif damage == "garbage":
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        db.write_bytes(b"this is not a database" * 100)
    elif damage == "old":
        con = sqlite3.connect(db)
        con.execute("UPDATE meta SET value = '0' WHERE key = 'format_version'")
        con.commit()
        con.close()
    elif damage == "hashing":
        # Band keys made by another datasketch cannot be matched against new ones.
        con = sqlite3.connect(db)
        con.execute("UPDATE meta SET value = '1.9' WHERE key = 'datasketch'")
        con.commit()
        con.close()
    else:
        for f in (ix / "whoosh").iterdir():
            if f.suffix in (".seg", ".toc") or "_MAIN_" in f.name:
                f.write_bytes(b"\x00garbage")
    report = build(corpus, ix, workers=1)
    if damage != "whoosh":
        assert report.rebuilt_reason
    with Library(ix) as lib:
        assert lib.count() == 1
        assert lib.search("harbour").total == 1


# --- any query ------------------------------------------------------------------------------

_query_text = st.one_of(
    st.text(max_size=80),
    st.sampled_from(
        [
            '"',
            '"a',
            "*",
            "?",
            "AND",
            "OR NOT",
            "(",
            ")",
            "title:",
            "date:[",
            "~",
            "a~99",
            "[x TO",
            "\x00",
            "\x1b[31m",
            "x" * 10_000,
            "source:*",
            "path:/etc",
            "date:notadate",
            "^2",
        ]
    ),
)


@pytest.mark.slow
@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=_query_text)
def test_any_query_gives_results_or_a_short_message(seed_index, query):
    with Library(seed_index) as lib:
        try:
            results = lib.search(query, limit=5)
        except QueryError as exc:
            assert len(str(exc)) < 300 and "\n" not in str(exc)
        else:
            assert results.total >= 0
            for hit in results.hits:
                assert isinstance(hit.snippet.text, str)
        lib.highlighter(query)("Khartoum army troops")


@pytest.mark.slow
def test_query_errors_are_one_line_on_the_command_line(seeds, tmp_path):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "storyreader.tui.cli",
            "search",
            str(seeds),
            "\x1b[31m" + "x" * 1500,
            "--index",
            str(tmp_path / "ix"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr and "\x1b[31m" not in proc.stderr


def test_visible_shows_what_it_replaces():
    assert visible("a\x1bb\x07c\x9bd\u202ee\x00") == "a␛b␇c\\x9bd\\u202ee␀"
    assert visible("tab\there") == "tab    here"
    assert visible("line\nbreak", keep_newlines=False) == "line␤break"
    assert json.dumps(visible("\x1b"), ensure_ascii=False) == '"␛"'


def test_a_file_that_vanishes_while_indexing_is_reported(tmp_path):
    from storyreader.search.ingest.read import CorpusFile
    from storyreader.search.update.worker import process_file

    gone = CorpusFile(tmp_path / "gone.txt", "gone.txt", 10, 0)
    result = process_file(gone)
    assert result.skipped == "cannot read: no such file or directory"


# --- damaged stores ------------------------------------------------------------------------


def _overwrite_root_page(db: Path, table: str) -> None:
    """Bytes 8 to the end of `table`'s root page replaced, as a bad sector would."""
    import sqlite3

    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    (page_size,) = con.execute("PRAGMA page_size").fetchone()
    (root,) = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    con.close()
    with open(db, "r+b") as f:
        f.seek((root - 1) * page_size + 8)
        f.write(b"\xa5" * (page_size - 8))


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "storyreader.tui.cli", *args],
        cwd=ROOT,
        env={**os.environ, "STORYREADER_LOCK_WAIT": "0"},
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="module")
def small_built(tmp_path_factory) -> tuple[Path, Path, str, str]:
    """A corpus, a pristine index of it, its `stories` output and one story's `show`."""
    tmp = tmp_path_factory.mktemp("damage")
    corpus = _corpus(tmp, 60)
    ix = tmp / "pristine"
    build(corpus, ix, workers=1)
    with Library(ix) as lib:
        sid = lib.stories()[0].id
    stories = _cli("stories", str(corpus), "--index", str(ix)).stdout
    return corpus, ix, stories, sid


@pytest.mark.parametrize(
    "damage",
    [
        "stories page",
        "occurrences page",
        "dropped table",
        "store is a folder",
        "whoosh is a file",
        "whoosh missing",
        "lock is a folder",
        "lock is a link",
    ],
)
@pytest.mark.slow
def test_a_damaged_store_is_detected_and_rebuilt(small_built, tmp_path, damage):
    import shutil
    import sqlite3

    corpus, pristine, stories, sid = small_built
    ix = tmp_path / "ix"
    shutil.copytree(pristine, ix)
    db = ix / "store.sqlite"
    victim = tmp_path / "victim.txt"
    victim.write_text("not the lock's\n")
    if damage.endswith("page"):
        _overwrite_root_page(db, damage.split()[0])
    elif damage == "dropped table":
        con = sqlite3.connect(db)
        con.execute("DROP TABLE occurrences")
        con.commit()
        con.close()
    elif damage == "store is a folder":
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        db.mkdir()
        (db / "inside").write_text("x")
    elif damage == "whoosh is a file":
        shutil.rmtree(ix / "whoosh")
        (ix / "whoosh").write_text("x")
    elif damage == "whoosh missing":
        shutil.rmtree(ix / "whoosh")
    elif damage == "lock is a folder":
        (ix / "write.lock").unlink(missing_ok=True)
        (ix / "write.lock").mkdir()
    else:
        (ix / "write.lock").unlink(missing_ok=True)
        (ix / "write.lock").symlink_to(victim)
    shown = _cli("show", str(corpus), sid, "--index", str(ix))
    assert shown.returncode == 0 and "Traceback" not in shown.stderr, shown.stderr
    assert "Found in" in shown.stdout
    listed = _cli("stories", str(corpus), "--index", str(ix))
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout == stories
    found = _cli("search", str(corpus), "council OR harbour", "--index", str(ix))
    assert found.returncode == 0 and "No story matches" not in found.stderr, found.stderr
    indexed = _cli("index", str(corpus), "--index", str(ix))
    assert indexed.returncode == 0 and "Traceback" not in indexed.stderr
    assert _snapshot(ix) == _snapshot(pristine)
    assert victim.read_text() == "not the lock's\n"


@pytest.mark.slow
def test_an_unclean_stop_has_the_store_checked_before_it_is_used(tmp_path):
    corpus = _corpus(tmp_path, 300)
    ix = tmp_path / "ix"
    build(corpus, ix, workers=1)
    reference = _snapshot(ix)
    for page in sorted(corpus.rglob("*.txt"))[:30]:
        page.write_text(page.read_text() + "\nA paragraph the site added later to the page.\n")
    proc = _index_cmd(corpus, ix)
    while not (ix / "build.running").exists() and proc.poll() is None:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL
    # The disk lost a page of a table the next update does not read.
    _overwrite_root_page(ix / "store.sqlite", "occurrences")
    for page in sorted(corpus.rglob("*.txt"))[:30]:
        page.write_text(
            page.read_text().replace("\nA paragraph the site added later to the page.\n", "")
        )
    report = build(corpus, ix, workers=1)
    assert report.rebuilt_reason and "damaged" in report.rebuilt_reason
    assert _snapshot(ix) == reference


# --- index folders that are not ours ------------------------------------------------------


def _unrelated_db(path: Path) -> bytes:
    import sqlite3

    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (x)")
    con.execute("INSERT INTO notes VALUES ('my notes')")
    con.commit()
    con.close()
    return path.read_bytes()


@pytest.mark.slow
def test_a_folder_that_is_not_an_index_is_never_touched(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(GOOD)
    mine = tmp_path / "mine"
    (mine / "whoosh").mkdir(parents=True)
    (mine / "whoosh" / "notes.txt").write_text("my notes\n")
    before = _unrelated_db(mine / "store.sqlite")
    for command in (["stories"], ["index"], ["search", "harbour"]):
        done = _cli(command[0], str(corpus), *command[1:], "--index", str(mine))
        assert done.returncode == 1, done.stdout
        assert "not a storyreader index folder" in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    assert (mine / "whoosh" / "notes.txt").read_text() == "my notes\n"
    assert (mine / "store.sqlite").read_bytes() == before
    assert sorted(p.name for p in mine.iterdir()) == ["store.sqlite", "whoosh"]
    a_file = tmp_path / "a-file"
    a_file.write_text("mine\n")
    done = _cli("index", str(corpus), "--index", str(a_file))
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert a_file.read_text() == "mine\n"


@pytest.mark.parametrize("name", ["notes#2", "notes?mode=ro", "notes%41"])
def test_index_folder_names_are_quoted_in_the_database_uri(tmp_path, name):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(GOOD)
    before = _unrelated_db(tmp_path / "notes")
    ix = tmp_path / name
    done = _cli("stories", str(corpus), "--index", str(ix))
    assert done.returncode == 0, done.stderr
    assert "Harbour reopens after storm" in done.stdout
    assert (tmp_path / "notes").read_bytes() == before
    assert (ix / "store.sqlite").is_file()


def test_an_index_made_before_the_mark_is_adopted(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(GOOD)
    ix = tmp_path / "ix"
    build(corpus, ix, workers=1)
    marks = [p for p in ix.iterdir() if p.name in ("STORYREADER-INDEX", "build.running")]
    for p in marks:
        p.unlink()
    report = build(corpus, ix, workers=1)
    assert report.rebuilt_reason is None and report.unchanged
    assert (ix / "STORYREADER-INDEX").is_file()


@pytest.mark.parametrize("command", ["stories", "search"])
def test_json_output_escapes_c1_and_bidi_controls(hostile, command):
    corpus, ix = hostile
    args = ["search", str(corpus), "council"] if command == "search" else ["stories", str(corpus)]
    done = _cli(*args, "--index", str(ix), "--format", "json")
    assert done.returncode == 0, done.stderr
    assert "\x9b" not in done.stdout and "\u202e" not in done.stdout and "\x7f" not in done.stdout
    assert "\\u009b" in done.stdout and "\\u202e" in done.stdout
    record = json.loads(done.stdout.splitlines()[0])
    assert "\u202egnp.exe" in record["title"] and "\x9b31m" in record["text"]


def test_the_index_folder_is_private(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(GOOD)
    (corpus / "a.txt").chmod(0o600)
    ix = tmp_path / "deep" / "ix"
    old = os.umask(0o022)
    try:
        build(corpus, ix, workers=1)
    finally:
        os.umask(old)
    assert ix.stat().st_mode & 0o777 == 0o700


def test_an_index_of_another_corpus_never_shows_its_stories(tmp_path):
    from storyreader.search.storage.paths import default_index_dir

    first, second = tmp_path / "15014633" / "news", tmp_path / "21763148" / "news"
    for corpus, place in ((first, "Nordvik"), (second, "Vessa")):
        corpus.mkdir(parents=True)
        (corpus / "a.txt").write_text(GOOD.replace("Nordvik", place).replace("storm", place))
    shared = tmp_path / "shared-ix"
    assert _cli("index", str(first), "--index", str(shared)).returncode == 0
    listed = _cli("stories", str(second), "--index", str(shared))
    assert listed.returncode == 0, listed.stderr
    assert "Vessa" in listed.stdout and "Nordvik" not in listed.stdout
    name = default_index_dir(first).name
    assert len(name.rsplit("-", 1)[1]) >= 32
    assert default_index_dir(first) != default_index_dir(second)


# --- one line, never a traceback ------------------------------------------------------------


def _one_line_error(done: subprocess.CompletedProcess) -> None:
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr


@pytest.fixture()
def full_disk(tmp_path):
    """A folder on a file system of 1 MB (a tmpfs, when this user may mount one), or else
    one where every process the test starts may write files of 256 KB at most."""
    place = tmp_path / "small"
    place.mkdir()
    mounted = (
        hasattr(os, "geteuid")
        and os.geteuid() == 0
        and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(place)], capture_output=True
        ).returncode
        == 0
    )

    def limit() -> None:
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (256_000, 256_000))

    yield place, (None if mounted else limit)
    if mounted:
        subprocess.run(["umount", str(place)], check=True)


@pytest.mark.slow
def test_a_full_disk_is_one_line_and_the_last_good_index_stays(full_disk, tmp_path):
    place, limit = full_disk
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(GOOD)
    ix = place / "ix"
    env = {**os.environ, "STORYREADER_LOCK_WAIT": "0"}

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "storyreader.tui.cli", *args, "--index", str(ix)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            preexec_fn=limit,
        )

    assert cli("index", str(corpus)).returncode == 0
    from bench.synth import generate_corpus

    generate_corpus(corpus / "more", 100, seed=3, truth_path=tmp_path / "truth.jsonl")
    done = cli("index", str(corpus))
    _one_line_error(done)
    assert "cannot write the index" in done.stderr
    listed = cli("stories", str(corpus))
    assert listed.returncode == 0 and "Harbour reopens after storm" in listed.stdout


@pytest.mark.parametrize("template", ["{title.nonexistent}", "{title:>9999999999}", "{title[0]}"])
def test_a_bad_template_is_one_line(hostile, tmp_path, template):
    corpus, ix = hostile
    with Library(ix) as lib:
        sid = lib.stories()[0].id
    done = _cli(
        "export", str(corpus), sid, "-o", str(tmp_path), "--template", template, "--index", str(ix)
    )
    _one_line_error(done)
    assert "bad file name template" in done.stderr


def test_a_huge_limit_means_all(hostile):
    corpus, ix = hostile
    done = _cli("stories", str(corpus), "--limit", "99999999999999999999", "--index", str(ix))
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert "votes" in done.stdout


# --- queries that stand for the whole index ------------------------------------------------


@pytest.fixture(scope="module")
def gen_index(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("queries")
    ix = tmp / "ix"
    build(_corpus(tmp, 400), ix, workers=1)
    return ix


@pytest.mark.slow
@pytest.mark.parametrize("query", ["[a TO z]", "*a*", "*e*", "??*", "a~2", "a* OR b* OR c*"])
def test_a_query_of_nearly_every_word_is_refused_as_too_broad(gen_index, query):
    with Library(gen_index) as lib, pytest.raises(QueryError, match=r"^too broad: ") as caught:
        lib.search(query)
    assert "\n" not in str(caught.value) and len(str(caught.value)) < 200
    done = _cli("search", str(gen_index.parent / "gen"), query, "--index", str(gen_index))
    _one_line_error(done)
    assert "too broad" in done.stderr


@pytest.mark.slow
@pytest.mark.parametrize("query", ["co*", "title:mi*", "*ment", "{ba TO be}", "troo?s", "path:*"])
def test_a_bounded_query_finds_what_whoosh_finds(gen_index, query):
    from whoosh.qparser import GtLtPlugin, MultifieldParser

    with Library(gen_index) as lib:
        ours = {h.row.id for h in lib.search(query, limit=None, snippets=False).hits}
        searcher = lib.index._reader()
        parser = MultifieldParser(["title", "body"], searcher.schema)
        parser.add_plugin(GtLtPlugin())
        theirs = {hit["id"] for hit in searcher.search(parser.parse(query), limit=None)}
    assert ours == theirs and ours


# --- export targets and names ---------------------------------------------------------------


@pytest.mark.parametrize("target", ["fifo", "symlink", "dev-null"])
def test_export_never_replaces_what_is_not_a_regular_file(hostile, tmp_path, target):
    corpus, ix = hostile
    with Library(ix) as lib:
        sid = lib.stories()[0].id
    if target == "fifo":
        path = tmp_path / "pipe.md"
        os.mkfifo(path)
    elif target == "symlink":
        kept = tmp_path / "kept.md"
        kept.write_text("mine\n")
        path = tmp_path / "link.md"
        path.symlink_to(kept)
    else:
        # A device node of our own, like /dev/null: a failing run must not break the machine's.
        if os.geteuid() != 0:
            pytest.skip("only root makes device nodes (and could replace one)")
        path = tmp_path / "null"
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    before = path.lstat()
    done = _cli("export", str(corpus), sid, "-o", str(path), "--force", "--index", str(ix))
    _one_line_error(done)
    assert "not a regular file" in done.stderr
    after = path.lstat()
    assert (after.st_mode, after.st_ino, after.st_rdev) == (
        before.st_mode,
        before.st_ino,
        before.st_rdev,
    )
    if target == "symlink":
        assert path.is_symlink() and kept.read_text() == "mine\n"


def test_exported_names_carry_no_bidi_or_non_characters(tmp_path):
    from storyreader.search.markdown import file_name

    c = tmp_path / "c"
    c.mkdir()
    title = "Holiday photos \u202egpj.md\u2066\u200f of \ufdd0the\uffff harbour\u200b"
    (c / "a.txt").write_text(f"{title}\n\n{GOOD.splitlines()[2]}\n")
    build(c, tmp_path / "ix", workers=1)
    with Library(tmp_path / "ix") as lib:
        story = lib.story(lib.stories()[0].id)
    assert story.title == title.rstrip("\u200b")
    name = file_name(story)
    assert name == "Holiday photos gpj.md of the harbour.md"
    written = export(story, tmp_path)
    assert written.path.name == name and written.path.is_file()


def test_links_and_images_from_file_text_are_not_live_markdown(tmp_path):
    c = tmp_path / "c"
    c.mkdir()
    body = (
        "The council met on Monday, officials said, and voted on the harbour budget. "
        "![](http://tracker.example/pixel.png) and [click here](javascript:alert(1)) "
        "and [ref]: http://evil.example were in the scrape."
    )
    (c / "a.txt").write_text(f"Council votes on harbour budget\n\n{body}\n")
    build(c, tmp_path / "ix", workers=1)
    with Library(tmp_path / "ix") as lib:
        md = to_markdown(lib.story(lib.stories()[0].id))
    import re

    assert "![](" not in md and not re.search(r"(?<!\\)\]\(", md)
    assert "!\\[\\](http://tracker.example/pixel.png)" in md
    assert "\\[click here\\](javascript:alert(1))" in md


# --- files read again after the walk ---------------------------------------------------------


@pytest.mark.parametrize("swap", ["fifo", "link out of the corpus", "link inside"])
def test_show_explain_reads_files_as_index_does(tmp_path, swap):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(GOOD)
    (corpus / "other.txt").write_text("Other news\n\nNothing here about any secrets at all.\n")
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-TOKEN outside the corpus\n")
    ix = tmp_path / "ix"
    build(corpus, ix, workers=1)
    with Library(ix) as lib:
        sid = next(r.id for r in lib.stories() if r.title.startswith("Harbour"))
    (corpus / "a.txt").unlink()
    if swap == "fifo":
        os.mkfifo(corpus / "a.txt")
    elif swap == "link inside":
        (corpus / "a.txt").symlink_to(corpus / "other.txt")
    else:
        (corpus / "a.txt").symlink_to(secret)
    try:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "storyreader.tui.cli",
                "show",
                str(corpus),
                sid,
                "--explain",
                "--index",
                str(ix),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("show --explain hangs on a FIFO")
    assert done.returncode == 0, done.stderr
    assert "SECRET-TOKEN" not in done.stdout and "Nothing here" not in done.stdout
    reason = "not a regular file" if swap == "fifo" else "symbolic link (not followed"
    assert f"cannot read the file now: {reason}" in done.stdout


# --- files too large to be news --------------------------------------------------------------


def test_oversized_files_and_lines_are_skipped_early_with_a_reason(tmp_path, monkeypatch):
    from storyreader.search.ingest import read

    # The same code paths at a test's size: large files from 200 KB, lines of 100,000.
    monkeypatch.setattr(read, "LARGE_FILE_BYTES", 200_000)
    monkeypatch.setattr(read, "MAX_LINE_CHARS", 100_000, raising=False)
    from storyreader.search.update import pool, worker

    monkeypatch.setattr(pool, "LARGE_FILE_BYTES", 200_000)
    monkeypatch.setattr(worker, "LARGE_FILE_BYTES", 200_000)
    monkeypatch.setattr(worker, "MAX_ARTICLE_CHARS", 150_000)
    c = tmp_path / "c"
    c.mkdir()
    (c / "good.txt").write_text(GOOD)
    # One article of 165,000 and one of 297,000 characters in paragraphs (small, in parts).
    for name, n in (("article-small.txt", 250), ("article-large.txt", 450)):
        paragraphs = (
            f"The council of town {i} debated budget {i * 7} again, officials said. " * 10
            for i in range(n)
        )
        (c / name).write_text("A long title\n\nA long title\n\n" + "\n\n".join(paragraphs))
    # A download preallocated with zeros past its first megabyte of text.
    with open(c / "download.txt", "wb") as f:
        f.write((GOOD * 20_000).encode()[: 2**20])
        f.truncate(64 * 2**20)
    (c / "line-small.txt").write_text("A title\n\n" + "word " * 30_000 + "\n")
    (c / "line-large.txt").write_text("A title\n\n" + "word " * 100_000 + "\n")
    # Sparse: its size on the walk, never read.
    with open(c / "huge.txt", "wb") as f:
        f.truncate(256 * 2**20 + 1)
    report = build(c, tmp_path / "ix", workers=1)
    reasons = {s.path: s.reason for s in report.skipped}
    line = "a line of more than 100,000 characters (not a page of news)"
    assert reasons == {
        "download.txt": "binary file (contains NUL bytes)",
        "line-small.txt": line,
        "line-large.txt": line,
        "huge.txt": "file too large (256 MB; at most 256 MB)",
        "article-small.txt": "an article of more than 150,000 characters (not news)",
        "article-large.txt": "an article of more than 150,000 characters (not news)",
    }
    assert report.files_read == 1


@pytest.mark.slow
def test_stories_during_a_first_build_says_a_build_is_running(tmp_path):
    corpus = _corpus(tmp_path, 400)
    ix = tmp_path / "ix"
    proc = _index_cmd(corpus, ix)
    try:
        while not (ix / "store.sqlite").exists() and proc.poll() is None:
            time.sleep(0.01)
        listed = _cli("stories", str(corpus), "--index", str(ix))
        running = proc.poll() is None
    finally:
        proc.terminate()  # what it was asked while building is all this test needs
        proc.wait(timeout=600)
    if not running:
        pytest.skip("the build finished before `stories` asked")
    _one_line_error(listed)
    assert "another storyreader is updating the index" in listed.stderr
    assert "0 stories" not in listed.stdout


def test_two_files_never_share_one_shown_name(tmp_path):
    c = tmp_path / "c"
    c.mkdir()
    raw = c / os.fsdecode(b"coll\xff.txt")  # a byte that is not UTF-8
    literal = c / "coll\\xff.txt"  # a backslash, an x, two letters
    raw.write_text(GOOD.replace("Nordvik", "Rawby").replace("storm", "Rawby storm"))
    literal.write_text(GOOD.replace("Nordvik", "Slashby").replace("storm", "Slashby storm"))
    (c / "a\\b.txt").write_text(GOOD)
    report = build(c, tmp_path / "ix", workers=1)
    assert report.files_read == 3 and report.stories == 3
    with Library(tmp_path / "ix") as lib:
        shown = {
            o.path: lib.story(r.id).title
            for r in lib.stories()
            for o in lib.story(r.id).occurrences
        }
        assert len(shown) == 3
        assert lib.source_path("coll\\xff.txt") == raw
        assert lib.source_path("coll\\\\xff.txt") == literal
        assert "Rawby" in shown["coll\\xff.txt"] and "Slashby" in shown["coll\\\\xff.txt"]
    again = build(c, tmp_path / "ix", workers=1)
    assert again.unchanged


# --- search after updates ---------------------------------------------------------------------


def test_search_after_updates_finds_what_a_clean_build_finds_and_ties_by_id(tmp_path):
    """What is guaranteed after updates (and repaired kills): the same stories match every
    query as after a clean build, and equal scores come in story id order. Scores
    themselves follow Whoosh's segment statistics and may differ until segments merge."""
    c = tmp_path / "c"
    c.mkdir()
    towns = ["Arlo", "Brem", "Cask", "Dune", "Eyre", "Fane", "Gale", "Holt"]
    for town in towns:
        (c / f"{town}.txt").write_text(
            f"{town} council meets\n\nThe {town} council met on Monday about the harbour.\n"
        )
    ix, clean = tmp_path / "ix", tmp_path / "clean"
    build(c, ix, workers=1)
    # Updates rewrite some stories (their documents move to new segments), then undo it.
    for round_ in range(3):
        for town in towns[round_::3]:
            page = c / f"{town}.txt"
            page.write_text(page.read_text() + f"\nA note of round {round_}.\n")
            build(c, ix, workers=1)
            page.write_text(page.read_text().replace(f"\nA note of round {round_}.\n", ""))
            build(c, ix, workers=1)
    build(c, clean, workers=1)
    for query in ("harbour", "council monday", "council OR harbour", "mee*", "title:council"):
        with Library(ix) as lib:
            updated = [h.row.id for h in lib.search(query, limit=None, snippets=False).hits]
        with Library(clean) as lib:
            fresh = lib.search(query, limit=None, snippets=False)
        assert updated == [h.row.id for h in fresh.hits], query
        tied: dict[float, list[str]] = {}
        for hit in fresh.hits:
            tied.setdefault(hit.score, []).append(hit.row.id)
        assert max(len(ids) for ids in tied.values()) >= 3, query  # ties to order
        assert all(ids == sorted(ids) for ids in tied.values()), query
