"""Run the benchmarks: python -m benchmarks [relevance] [search] [admin] [scale] [lighthouse] [load]
(make bench BENCH_ARGS=load).

With no name, every benchmark runs. Each sets Django up on its own throwaway
database, which a process can do once, so each runs in a process of its own.
"""

import subprocess
import sys

from benchmarks import admin_bench, lighthouse_bench, load_bench, relevance_bench, scale_bench, search_bench

BENCHMARKS = {
    "relevance": relevance_bench,
    "search": search_bench,
    "admin": admin_bench,
    "scale": scale_bench,
    "lighthouse": lighthouse_bench,
    "load": load_bench,
}

if __name__ == "__main__":
    names = sys.argv[1:] or list(BENCHMARKS)
    unknown = [name for name in names if name not in BENCHMARKS]
    if unknown:
        raise SystemExit(f"Unknown benchmark {', '.join(unknown)}: choose among {', '.join(BENCHMARKS)}.")
    if len(names) == 1:
        BENCHMARKS[names[0]].main()
    else:
        for name in names:
            print(f"\n## {name}\n", flush=True)
            subprocess.run([sys.executable, "-m", "benchmarks", name], check=True)
