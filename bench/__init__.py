"""Benchmarks and the evaluation harness: run by hand (`python -m bench.eval`), never as timed tests."""
