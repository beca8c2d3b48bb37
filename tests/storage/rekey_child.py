"""Child process for test_rekey: run a rekey and stop at one named step, to be SIGKILLed.

    python tests/storage/rekey_child.py ARCHIVE STEP     (stdin: old passphrase, new passphrase)

At STEP (a name passed to storage.rekey's `step` hook) it prints "AT STEP" and the new
recovery code, flushes, and blocks reading stdin until the parent kills it. With STEP
"none" it runs to the end and prints "DONE". No sleeps: the parent waits for the line.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tumar.storage.kdf import fast_params
from tumar.storage.rekey import rekey


def main() -> None:
    folder, target = Path(sys.argv[1]), sys.argv[2]
    old = sys.stdin.readline().rstrip("\n")
    new = sys.stdin.readline().rstrip("\n")
    codes: list[str] = []

    def step(name: str) -> None:
        if name == target:
            sys.stdout.write(f"AT {name} {codes[0] if codes else '-'}\n")
            sys.stdout.flush()
            sys.stdin.read()  # blocks: the parent sends SIGKILL now

    rekey(folder, old, new, fast_params(), on_code=codes.append, step=step)
    sys.stdout.write(f"DONE {codes[0]}\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
