"""Coverage-guided fuzzing of the HTML and JSON Lines readers for a bounded time.

    .venv/bin/python fuzz/run.py --seconds 60          # each target 60 s (make fuzz)
    .venv/bin/python fuzz/run.py --seconds 10 --only html

Seeds are the bad-input corpus and the example corpus; what libFuzzer adds
goes to a temporary folder, so the checkout is never written. A crashing input
is kept in ``fuzz/crashes/`` and the script exits 1. Needs ``pip install atheris``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEEDS = {
    "html": ["tests/data/bad/*.html", "examples/corpus/html/*.html"],
    "jsonl": ["tests/data/bad/*.jsonl", "examples/corpus/*.jsonl"],
}


def fuzz(name: str, seconds: int, crashes: Path) -> tuple[int, int]:
    """Run target ``name`` for ``seconds``; return (inputs tried, return code)."""
    with tempfile.TemporaryDirectory(prefix=f"fuzz-{name}-") as work:
        corpus, artifacts = Path(work) / "corpus", Path(work) / "artifacts"
        corpus.mkdir()
        artifacts.mkdir()
        for pattern in SEEDS[name]:
            for seed in ROOT.glob(pattern):
                shutil.copy(seed, corpus / seed.name)
        argv = [
            sys.executable, str(HERE / "target.py"), name,
            f"-max_total_time={seconds}", "-max_len=65536", "-timeout=20", "-rss_limit_mb=4096",
            f"-artifact_prefix={artifacts}/{name}-", "-print_final_stats=1", str(corpus),
        ]  # fmt: skip
        done = subprocess.run(argv, capture_output=True, text=True, check=False)
        log = done.stdout + done.stderr
        runs = [int(n) for n in re.findall(r"stat::number_of_executed_units:\s*(\d+)", log)]
        if done.returncode != 0:
            print(log[-4000:], file=sys.stderr)
            crashes.mkdir(exist_ok=True)
            for found in artifacts.iterdir():
                shutil.copy(found, crashes / found.name)
        return (runs[-1] if runs else 0), done.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="time per target")
    parser.add_argument("--only", choices=sorted(SEEDS), action="append")
    args = parser.parse_args()
    failed = False
    for name in args.only or sorted(SEEDS):
        runs, code = fuzz(name, args.seconds, HERE / "crashes")
        status = "ok" if code == 0 else f"CRASH (exit {code}, input in fuzz/crashes/)"
        print(f"fuzz {name}: {runs:,} inputs in {args.seconds}s: {status}")
        failed = failed or code != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
