"""Does the window stay responsive while photos are imported? (issue 10: stall < 50 ms)

Run from the repository root:  python bench/gui_stall.py [--photos 500] [--results bench/RESULTS.md]

A real QApplication (offscreen unless a display is set) runs a heartbeat QTimer every
HEARTBEAT_MS while the import job runs through the window's JobRunner on its own
connections (Session.worker_archive), with the status bar's JobStatus widget showing the
progress signals. A stall is how much later than due a heartbeat arrived: the longest time
the event loop could not answer the user. The photos are generated noise JPEGs with EXIF
(like bench_media), in a temp folder deleted afterwards. Nothing about time is asserted;
the run prints the figures and writes the "## Window responsiveness (issue 10)" section of
RESULTS.md with --results.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HEARTBEAT_MS = 5
IDLE_MS = 5_000
GOAL_MS = 50.0
SECTION = "## Window responsiveness (issue 10)"


def make_photos(folder: Path, count: int, width: int, height: int) -> list[Path]:
    from PIL import Image

    folder.mkdir()
    paths = []
    for i in range(count):
        image = Image.effect_noise((width, height), 30 + i % 40).convert("RGB")
        image.paste((i % 256, (i * 7) % 256, 90), (0, 0, 64, 64))
        exif = Image.Exif()
        exif[0x010F], exif[0x0110], exif[0x0112] = "BenchCam", "B-1", 1 + i % 8
        buf = io.BytesIO()
        image.save(buf, format="JPEG", quality=88, exif=exif.tobytes())
        path = folder / f"IMG_{i:04d}.jpg"
        path.write_bytes(buf.getvalue())
        paths.append(path)
    return paths


def measure(work: Path, photos: list[Path]) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["TUMAR_KDF_PROFILE"] = "fast"
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from tumar.app import lifecycle
    from tumar.app.media.importer import import_files
    from tumar.widgets.jobs import JobRunner
    from tumar.widgets.session import Session
    from tumar.widgets.status import JobStatus

    app = QApplication.instance() or QApplication([])
    archive, _code = lifecycle.create_archive(work / "bench.tumar", "bench passphrase, not secret")
    runner = JobRunner()
    session = Session(archive, runner)
    status = JobStatus(runner)
    status.resize(600, 30)
    status.show()
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]
    gaps: list[float] = []
    progress_events = [0]
    runner.progress.connect(lambda *_: progress_events.__setitem__(0, progress_events[0] + 1))

    def beat() -> None:
        now = clock.elapsed()
        gaps.append(max(now - last[0] - HEARTBEAT_MS, 0))
        last[0] = now

    heart = QTimer()
    heart.setInterval(HEARTBEAT_MS)
    heart.timeout.connect(beat)
    outcome: dict = {}

    def job(progress, cancel):
        with session.worker_archive() as worker:
            return import_files(worker, photos, progress=progress, cancel=cancel)

    def done(report) -> None:
        outcome["files"] = len(report.results)
        outcome["failed"] = len(report.failed)
        app.quit()

    def failed(message: str) -> None:
        outcome["error"] = message
        app.quit()

    # baseline: the same heartbeat with nothing running, to show the machine's own noise
    heart.start()
    last[0] = clock.elapsed()
    QTimer.singleShot(IDLE_MS, app.quit)
    app.exec()
    heart.stop()
    idle = sorted(gaps)
    gaps.clear()
    started = time.perf_counter()
    heart.start()
    last[0] = clock.elapsed()
    runner.run(job, title="Importing photos", on_done=done, on_error=failed)
    app.exec()
    elapsed = time.perf_counter() - started
    heart.stop()
    session.lock()
    gaps_sorted = sorted(gaps)
    return {
        **outcome,
        "seconds": elapsed,
        "beats": len(gaps),
        "progress_signals": progress_events[0],
        "worst_ms": gaps_sorted[-1] if gaps_sorted else 0.0,
        "p99_ms": gaps_sorted[int(len(gaps_sorted) * 0.99) - 1] if len(gaps) > 100 else 0.0,
        "median_ms": statistics.median(gaps_sorted) if gaps_sorted else 0.0,
        "over_goal": sum(1 for g in gaps if g > GOAL_MS),
        "idle_worst_ms": idle[-1] if idle else 0.0,
        "idle_p99_ms": idle[int(len(idle) * 0.99) - 1] if len(idle) > 100 else 0.0,
        "load": os.getloadavg()[0],
    }


def report_markdown(result: dict, args: argparse.Namespace, size_mb: float) -> str:
    verdict = "met" if result["worst_ms"] < GOAL_MS else "MISS"
    cells = (
        f"{result['seconds']:.1f}", result["beats"], result["progress_signals"],
        f"{result['median_ms']:.1f}", f"{result['p99_ms']:.1f}", f"{result['worst_ms']:.1f}",
        result["over_goal"],
    )  # fmt: skip
    row = "| " + " | ".join(str(c) for c in cells) + " |"
    return f"""{SECTION}

`python bench/gui_stall.py --photos {args.photos}` — {platform.machine()}, {os.cpu_count()} CPUs
(shared), Python {platform.python_version()}, Qt offscreen.

Import of {result.get("files", 0)} photos ({args.width}×{args.height} noise JPEGs with EXIF,
{size_mb:.0f} MB) through the window's JobRunner on a worker archive, heartbeat timer every
{HEARTBEAT_MS} ms on the GUI thread, JobStatus showing progress. Goal: worst stall
< {GOAL_MS:.0f} ms — **{verdict}**.

| import s | heartbeats | progress signals | median stall ms | p99 ms | worst ms | beats > 50 ms |
| --- | --- | --- | --- | --- | --- | --- |
{row}

Baseline, same heartbeat for {IDLE_MS / 1000:.0f} s with nothing running: p99
{result["idle_p99_ms"]:.1f} ms, worst {result["idle_worst_ms"]:.1f} ms (1-minute load average at
the end of the run: {result["load"]:.1f} on {os.cpu_count()} CPUs).

- A stall is the delay of a heartbeat past its due time: how long a click or key press
  would have waited. The job's Python code shares the GIL with the GUI thread; SQLCipher,
  hashlib and Pillow release it during their work, and progress reaches the GUI as at most
  ~20 queued signals a second (`widgets/jobs.py`).
- The machine is shared by several processes, so a stall may also be another process
  holding the CPU; the worst case is reported as measured. Worker threads run 5 nice levels
  below the GUI thread and the interpreter's switch interval is 1 ms while a runner exists
  (`widgets/jobs.py`); on this machine, loaded by several test suites, that did not bring
  the worst stall under 50 ms. Not yet measured on an idle machine.
"""


def write_section(path: Path, text: str) -> None:
    old = path.read_text("utf-8") if path.exists() else ""
    if SECTION in old:
        head, _, rest = old.partition(SECTION)
        tail = rest.split("\n## ", 1)
        rest_text = ("\n## " + tail[1]) if len(tail) > 1 else ""
        new = head + text.rstrip("\n") + "\n" + rest_text
    else:
        new = old.rstrip("\n") + "\n\n" + text
    path.write_text(new, "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=500)
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=1200)
    parser.add_argument("--results", type=Path, default=None)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tumar-gui-stall-"))
    try:
        photos = make_photos(work / "photos", args.photos, args.width, args.height)
        size_mb = sum(p.stat().st_size for p in photos) / 1e6
        result = measure(work, photos)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = report_markdown(result, args, size_mb)
    print(text)
    if args.results:
        write_section(args.results, text)
    return 0 if "error" not in result else 1


if __name__ == "__main__":
    sys.exit(main())
