"""Benchmark suite (issue: performance). Run with ``make bench`` or ``make bench-quick``.

Benchmarks are not tests: nothing here fails CI on a slow machine. See
``bench/run.py`` for the figures and ``docs/benchmarks.md`` for the last results.
"""
