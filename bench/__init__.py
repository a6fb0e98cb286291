"""CloudCat benchmarks: each one reports a ratio against a baseline measured in the same run.

Run them with ``python -m bench`` (``--quick`` for a short run, ``--help`` for the options).
Benchmarks are not tests: they assert nothing about speed, they measure and report.
"""
