"""Batch throughput of ``arabic-extract`` on a WARC file: pages/s, MB/s and peak RSS, on one core
and on all cores; the WARC readers compared; memory for 1,000 vs 100,000 pages.

    python benchmarks/batch_throughput.py [--records 10000] [--big-repeat 10] [--skip-big]
                                          [--repeat R]

The WARC is built in a temporary directory from the pages of ../shared/eval/dev (skipped, with a
message, when that folder is absent), repeated to ``--records`` gzipped response records. Each
measurement runs the real command (``python -m arabic_extract WARC -o /dev/null -q -w N``) in a
fresh process; its peak RSS is sampled every 0.1 s over the whole process tree (the command, the
forkserver and the workers) with psutil. MB/s counts the HTML bytes of the records.

With ``--repeat R`` the 1-worker and N-worker runs alternate R times and the fastest of each is
kept (the machine may be shared). The 100,000-page run reads the same WARC ``--big-repeat``
times (ids repeat; nothing is kept per page, so that does not matter) and is compared with a
1,000-record WARC: memory must stay flat (target: within 2x). Target for speed: all cores
>= 0.8 x cores x one core.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "tests"))  # warc_files, shared with the tests
DEV_DIR = REPO_ROOT.parent / "shared" / "eval" / "dev"


@dataclass(frozen=True)
class Run:
    label: str
    pages: int
    seconds: float
    html_bytes: int
    peak_rss: int
    cpu_seconds: float
    """user + system CPU time of the whole process tree."""
    main_cpu_seconds: float
    """... of the command's own process (reading the WARC, dispatching, writing)."""
    load: float
    """The machine's 1-minute load average at the end (other work on the machine)."""

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds

    @property
    def mb_per_second(self) -> float:
        return self.html_bytes / self.seconds / 1e6


def build_warc(path: Path, pages: Sequence[bytes], records: int) -> int:
    """A .warc.gz of ``records`` HTML responses cycling through ``pages``; returns the HTML
    bytes written."""
    from warc_files import html_response, write_warc  # noqa: PLC0415  (warcio: a test extra)

    bodies = [pages[number % len(pages)] for number in range(records)]
    write_warc(
        path,
        (html_response(f"https://news.example/{n}", body) for n, body in enumerate(bodies)),
    )
    return sum(len(body) for body in bodies)


# --- WARC readers ---------------------------------------------------------------------------


def read_fastwarc(path: Path) -> tuple[int, int]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType  # noqa: PLC0415

    count = size = 0
    records = ArchiveIterator(
        str(path),
        record_types=WarcRecordType.response,
        parse_http=True,
        auto_decode="all",
        fsspec_args=False,
    )
    for record in records:
        _ = (record.record_id, record.headers.get("WARC-Target-URI"), record.http_charset)
        size += len(record.reader.read())
        count += 1
    return count, size


def read_warcio(path: Path) -> tuple[int, int]:
    from warcio.archiveiterator import ArchiveIterator  # noqa: PLC0415

    count = size = 0
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            _ = (
                record.rec_headers.get_header("WARC-Record-ID"),
                record.rec_headers.get_header("WARC-Target-URI"),
                record.http_headers.get_header("Content-Type"),
            )
            size += len(record.content_stream().read())
            count += 1
    return count, size


def compare_readers(path: Path) -> list[str]:
    lines = ["| reader | records/s | MB/s of HTML | seconds |", "| --- | ---: | ---: | ---: |"]
    for name, reader in (("FastWARC", read_fastwarc), ("warcio", read_warcio)):
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            count, size = reader(path)
            best = min(best, time.perf_counter() - start)
        lines.append(f"| {name} | {count / best:,.0f} | {size / best / 1e6:,.0f} | {best:.2f} |")
        print(lines[-1], flush=True)
    return lines


# --- runs of the command --------------------------------------------------------------------


def _sample_tree(process: object, cpu: dict[int, float]) -> int:
    """The RSS of ``process`` and its descendants; records each one's CPU time in ``cpu``."""
    import psutil  # noqa: PLC0415

    assert isinstance(process, psutil.Process)
    total = 0
    try:
        members = [process, *process.children(recursive=True)]
    except psutil.Error:
        return 0
    for member in members:
        try:
            with member.oneshot():
                total += member.memory_info().rss
                times = member.cpu_times()
                cpu[member.pid] = times.user + times.system
        except psutil.Error:
            continue
    return total


def build() -> str:
    """The build the command runs: that of the installed package, else the checkout's."""
    code = "from arabic_extract.build_info import build_name; print(build_name())"
    where = tempfile.gettempdir() if importlib.util.find_spec("arabic_extract") else REPO_ROOT
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=where, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def run_command(label: str, warcs: Sequence[Path], workers: int, pages: int, size: int) -> Run:
    """Time the command over ``warcs`` with ``workers``; peak RSS of its process tree."""
    import psutil  # noqa: PLC0415

    command = [sys.executable, "-m", "arabic_extract", *map(str, warcs)]
    command += ["-o", os.devnull, "-q", "-w", str(workers)]
    start = time.perf_counter()
    # from the WARC's folder: the installed package runs (compiled by a regular install), not
    # the checkout's source; a checkout that is not installed runs its source
    installed = importlib.util.find_spec("arabic_extract") is not None
    env = {**os.environ} if installed else {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    child = subprocess.Popen(command, cwd=warcs[0].parent, env=env)
    watched = psutil.Process(child.pid)
    peak = [0]
    cpu: dict[int, float] = {}

    def sample() -> None:
        while child.poll() is None:
            peak[0] = max(peak[0], _sample_tree(watched, cpu))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = child.wait()
    seconds = time.perf_counter() - start
    sampler.join()
    if code not in (0, 1):
        raise SystemExit(f"{label}: the command failed with exit status {code}")
    run = Run(
        label,
        pages,
        seconds,
        size,
        peak[0],
        cpu_seconds=sum(cpu.values()),
        main_cpu_seconds=cpu.get(child.pid, 0.0),
        load=os.getloadavg()[0],
    )
    print(
        f"{label}: {pages} pages in {seconds:.1f} s = {run.pages_per_second:.1f} pages/s, "
        f"{run.mb_per_second:.2f} MB/s, peak RSS {run.peak_rss / 2**20:.0f} MiB, "
        f"CPU {run.cpu_seconds:.1f} s (main process {run.main_cpu_seconds:.1f} s), "
        f"load {run.load:.1f}",
        flush=True,
    )
    return run


def _row(run: Run) -> str:
    return (
        f"| {run.label} | {run.pages:,} | {run.seconds:.1f} | {run.pages_per_second:.1f} | "
        f"{run.mb_per_second:.2f} | {run.peak_rss / 2**20:.0f} | {run.cpu_seconds:.0f} | "
        f"{run.main_cpu_seconds:.0f} | {run.pages / run.cpu_seconds:.1f} | {run.load:.1f} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Batch throughput of arabic-extract on a WARC.")
    parser.add_argument("--records", type=int, default=10_000, help="records in the WARC")
    parser.add_argument("--small", type=int, default=1_000, help="records of the small WARC")
    parser.add_argument("--big-repeat", type=int, default=10, help="reads of the WARC, big run")
    parser.add_argument("--skip-big", action="store_true", help="skip the 100,000-page run")
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs of 1 and N workers (the best is kept)"
    )
    parser.add_argument("--dev-dir", type=Path, default=DEV_DIR)
    parser.add_argument("--workdir", type=Path, default=None, help="keep the WARCs here")
    args = parser.parse_args(argv)
    pages = [p.read_bytes() for p in sorted(args.dev_dir.glob("*.html"))]
    if not pages:
        print(f"skipped: no pages in {args.dev_dir} (the evaluation folder is absent)")
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cores = cores or 1
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        warc, small = Path(tmp) / "dev.warc.gz", Path(tmp) / "small.warc.gz"
        start = time.perf_counter()
        size = build_warc(warc, pages, args.records)
        small_size = build_warc(small, pages, args.small)
        print(
            f"built {warc.name}: {args.records} records, {size / 1e6:.0f} MB of HTML, "
            f"{warc.stat().st_size / 1e6:.0f} MB gzipped ({time.perf_counter() - start:.0f} s); "
            f"{len(pages)} distinct pages; {cores} cores; load {os.getloadavg()[0]:.1f}; "
            f"arabic_extract {build()}",
            flush=True,
        )
        readers = compare_readers(warc)
        ones, everys = [], []
        for _ in range(args.repeat):  # alternated, so that other load hits both alike
            ones.append(run_command("1 worker", [warc], 1, args.records, size))
            everys.append(run_command(f"{cores} workers", [warc], cores, args.records, size))
        one = min(ones, key=lambda run: run.seconds)
        every = min(everys, key=lambda run: run.seconds)
        speedup = every.pages_per_second / one.pages_per_second
        runs = [one, every]
        if not args.skip_big:
            runs.append(run_command("1k pages", [small], cores, args.small, small_size))
            big_pages = args.records * args.big_repeat
            runs.append(
                run_command(
                    f"{big_pages // 1000}k pages",
                    [warc] * args.big_repeat,
                    cores,
                    big_pages,
                    size * args.big_repeat,
                )
            )
    print()
    print("\n".join(readers))
    print()
    print(
        "| run | pages | seconds | pages/s | MB/s | peak RSS (MiB) | CPU s | main CPU s "
        "| pages per CPU s | load |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for run in runs:
        print(_row(run))
    print(f"\nspeed-up {speedup:.2f}x on {cores} cores ({speedup / cores:.2f} x cores)")
    overhead = every.cpu_seconds / one.cpu_seconds
    print(f"CPU time, {cores} workers / 1 worker: {overhead:.2f} (the parallel machinery's cost)")
    if len(runs) == 4:
        print(f"peak RSS 100k / 1k pages: {runs[3].peak_rss / runs[2].peak_rss:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
