"""Browse benchmark: how long the window's lists take to show their first page.

Run from the repository root:  python -m bench.bench_browse [--testimonies 100000]

Loads generated records (bench/gen_data.py, via bench_search.load: the exact rows the
Repository stores), closes the archive, opens it again (cold cache, real unlock), then
times app.browse.list_page — what the testimony list runs when it opens and each time it
scrolls near its end — for each sort order: the first page, and a page deep in the list
(after following the keyset cursor through 50 pages). Goal (issue 10): the first page of
100,000 testimonies in under 300 ms.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_search import PASSPHRASE, load  # noqa: E402
from tumar.app import browse  # noqa: E402
from tumar.storage import kdf  # noqa: E402
from tumar.storage.archive import Archive  # noqa: E402

GOAL_MS = 300.0


def timed(call) -> tuple[float, object]:
    start = time.perf_counter()
    result = call()
    return (time.perf_counter() - start) * 1000, result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--testimonies", type=int, default=100_000)
    parser.add_argument("--page", type=int, default=browse.DEFAULT_PAGE)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="tumar-bench-browse-")) / "bench.tumar"
    try:
        archive, _ = Archive.create(folder, PASSPHRASE, kdf.fast_params())
        print(f"loading {args.testimonies} testimonies…", flush=True)
        counts = load(archive, args.testimonies)
        archive.close()
        print(f"loaded: {counts}")
        archive = Archive.open(folder, PASSPHRASE)
        for sort in browse.sort_keys("testimony"):
            request = browse.ListRequest("testimony", sort=sort, page_size=args.page)
            first_ms, rows = timed(lambda r=request: browse.list_page(archive, r))
            after = browse.cursor_after(rows[-1])
            for _ in range(50):
                rows = browse.list_page(archive, request, after)
                after = browse.cursor_after(rows[-1])
            deep = [timed(lambda r=request, a=after: browse.list_page(archive, r, a))[0]
                    for _ in range(5)]  # fmt: skip
            verdict = "ok" if first_ms < GOAL_MS else "SLOWER THAN GOAL"
            print(
                f"testimony list by {sort:<9} first page (cold) {first_ms:7.1f} ms  "
                f"page 52 (warm) {statistics.median(deep):6.1f} ms  [{verdict}]"
            )
        archive.close()
    finally:
        shutil.rmtree(folder.parent, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
