"""Benchmarks and the corpus generator they run on (not part of the installed package)."""
