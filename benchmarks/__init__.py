"""Benchmarks (not tests): `make bench` runs every module listed in __main__.py."""
