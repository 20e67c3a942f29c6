"""The benchmarks behind `make bench`; kept out of the package (see run.py)."""
