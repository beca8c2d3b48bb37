"""Media import throughput and peak memory, against `sha256sum` of the same files.

Run from the repository root:  python bench/bench_media.py [--jpegs 500] [--big-gib 2]
                               [--results bench/RESULTS.md]

--results writes (or replaces) only the "## Media import (issue 4)" section of that file;
other sections (the records benchmark's) are left as they are.

Everything happens in a fresh temp folder that is deleted afterwards. Files are generated
(noise JPEGs with EXIF, one file of random bytes), `sha256sum` reads each set once to warm
the page cache and once timed, then a child process imports them into a new archive:
the same files, the same run, the same cache state. Import time includes everything a user
waits for: chunking, SHA-256, SQLCipher encryption, the durable commits of both databases
(media.db: rollback journal; archive.db: WAL and its checkpoints), EXIF, thumbnails, the
records, and closing the archive.

Peak RSS is the kernel's high-water mark (VmHWM), reset just before the big import, so the
key derivation's 64 MiB at unlock does not hide what the import itself needs.
Goals (issue 4): throughput >= 0.5x sha256sum; peak RSS < 150 MB for the 2 GB file.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MiB = 1 << 20
PASSPHRASE = "bench passphrase, not secret"


# ---- child: the import itself ---------------------------------------------------------------


def _high_water_kib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def child(folder: str, list_file: str) -> None:
    from tumar.app.media.importer import import_files
    from tumar.storage.archive import Archive
    from tumar.storage.kdf import fast_params

    paths = Path(list_file).read_text().splitlines()
    archive, _ = Archive.create(Path(folder), PASSPHRASE, fast_params())
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")
    start = time.perf_counter()
    report = import_files(archive, paths)
    imported = time.perf_counter()
    archive.close()
    closed = time.perf_counter()
    print(
        json.dumps(
            {
                "files": len(report.results),
                "failed": [r.error for r in report.failed][:3],
                "import_s": imported - start,
                "close_s": closed - imported,
                "peak_rss_kib": _high_water_kib(),
            }
        )
    )


# ---- parent: files, sha256sum, report ------------------------------------------------------


def make_jpegs(folder: Path, count: int) -> list[Path]:
    from PIL import Image

    folder.mkdir()
    paths = []
    for i in range(count):
        image = Image.effect_noise((1600, 1200), 30 + i % 40).convert("RGB")
        image.paste((i % 256, (i * 7) % 256, 90), (0, 0, 64, 64))
        exif = Image.Exif()
        exif[0x010F], exif[0x0110], exif[0x0112] = "BenchCam", "B-1", 1 + i % 8
        buf = io.BytesIO()
        image.save(buf, format="JPEG", quality=88, exif=exif.tobytes())
        path = folder / f"IMG_{i:04d}.jpg"
        path.write_bytes(buf.getvalue())
        paths.append(path)
    return paths


def make_big(path: Path, size: int) -> Path:
    with open(path, "wb") as fh:
        left = size
        block = os.urandom(16 * MiB)
        counter = 0
        while left:
            n = min(left, len(block))
            fh.write(counter.to_bytes(8, "big") + block[8:n])  # every 16 MiB differs
            left -= n
            counter += 1
    return path


def sha256sum_seconds(paths: list[Path]) -> float:
    command = ["sha256sum", *map(str, paths)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)  # warm the page cache
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def run_import(work: Path, name: str, paths: list[Path]) -> dict:
    listing = work / f"{name}.txt"
    listing.write_text("\n".join(map(str, paths)))
    env = {**os.environ, "TMPDIR": str(work)}
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(work / f"{name}.tumar"), str(listing)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    shutil.rmtree(work / f"{name}.tumar")
    return result


def measure(work: Path, name: str, paths: list[Path]) -> dict:
    size = sum(p.stat().st_size for p in paths)
    reference = sha256sum_seconds(paths)
    result = run_import(work, name, paths)
    total = result["import_s"] + result["close_s"]
    return {
        "set": name,
        "files": len(paths),
        "mib": size / MiB,
        "sha256sum_s": reference,
        "import_s": total,
        "sha256sum_mib_s": size / MiB / reference,
        "import_mib_s": size / MiB / total,
        "ratio": reference / total,
        "peak_rss_mib": result["peak_rss_kib"] / 1024,
        "failed": result["failed"],
    }


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kib = int(Path("/proc/meminfo").read_text().split()[1])
    except OSError:
        mem_kib = 0
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    cipher = conn.execute("PRAGMA cipher_version").fetchone()[0]
    conn.close()
    return (
        f"{cpu}, {os.cpu_count()} logical CPUs, {mem_kib / 1024 / 1024:.0f} GiB RAM; "
        f"{platform.system()} {platform.release()}; Python {platform.python_version()}; "
        f"SQLCipher {cipher} on SQLite {sqlcipher3.sqlite_version}"
    )


SECTION = "## Media import (issue 4)"


def render(rows: list[dict], date: str) -> str:
    lines = [
        SECTION,
        "",
        f"Date: {date}. Machine: {machine()}.",
        "",
        "Command: `python bench/bench_media.py` (generated files in a temp folder; "
        "the import runs in a child process; times include closing the archive).",
        "",
        "| set | files | MiB | sha256sum MiB/s | import MiB/s | ratio (goal ≥ 0.5) "
        "| peak RSS MiB (goal < 150) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['set']} | {r['files']} | {r['mib']:.0f} | {r['sha256sum_mib_s']:.0f} "
            f"| {r['import_mib_s']:.0f} | {r['ratio']:.2f} | {r['peak_rss_mib']:.0f} |"
        )
    return "\n".join(lines) + "\n"


def merge_section(path: Path, section: str) -> None:
    """Replace this benchmark's section of `path` (or append it); keep everything else."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    start = text.find(SECTION)
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + len(SECTION))
        rest = text[end + 1 :] if end >= 0 else ""
        text = text[:start] + section + ("\n" + rest if rest else "")
    path.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jpegs", type=int, default=500)
    parser.add_argument("--big-gib", type=float, default=2.0)
    parser.add_argument("--results", help="write a Markdown table to this file")
    parser.add_argument("--date", default=time.strftime("%Y-%m-%d"))
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return 0
    work = Path(tempfile.mkdtemp(prefix="tumar-bench-media-"))
    try:
        rows = []
        jpegs = make_jpegs(work / "jpegs", args.jpegs)
        rows.append(measure(work, f"{args.jpegs} JPEGs (1600×1200)", jpegs))
        big = make_big(work / "big.bin", int(args.big_gib * (1 << 30)))
        rows.append(measure(work, f"one {args.big_gib:g} GiB file", [big]))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for row in rows:
        print(json.dumps(row))
    table = render(rows, args.date)
    print(table)
    if args.results:
        merge_section(Path(args.results), table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
