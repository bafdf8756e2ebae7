"""Run every benchmark: python -m benchmarks (make bench)."""

from benchmarks import search_bench

BENCHMARKS = [search_bench]

if __name__ == "__main__":
    for module in BENCHMARKS:
        module.main()
