# The two commands a newcomer needs: `make run` and `make test`.
# Both create .venv if it is missing, install what they need (system packages
# included, through .ci/system-deps) and then do their job.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export QT_API := pyside6
export PYQTGRAPH_QT_LIB := PySide6

.PHONY: run test test-windows-sim lint bench demo screenshots system-deps dist icons clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	bash .ci/system-deps run
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	bash .ci/system-deps test
	touch $@ $(VENV)/.installed-run

$(VENV)/.installed-dist: pyproject.toml $(VENV)/.installed-run
	$(BIN)/python -m pip install --quiet -e '.[dist]'
	touch $@

system-deps:
	bash .ci/system-deps test

run: $(VENV)/.installed-run
	$(BIN)/python main.py $(ARGS)

demo: $(VENV)/.installed-run
	$(BIN)/python main.py --demo

# Every tab of the real app on Xvfb, in both themes, into shots/ (to look at).
screenshots: $(VENV)/.installed-test
	bash .ci/screenshots shots

lint: $(VENV)/.installed-test
	$(BIN)/ruff check rlbaby tests benchmarks main.py
	$(BIN)/ruff format --check rlbaby tests benchmarks main.py
	$(BIN)/mypy

# The store's tests that touch the disk, again as on Windows: `import fcntl`
# fails, locks are msvcrt's, a file opened without O_BINARY turns LF into CRLF
# (tests/simwin/simulate_windows.py). About 3 minutes.
SIMWIN_TESTS := $(addprefix tests/store/test_store_,lock.py osfs.py files.py backup.py open.py \
	faults.py records.py colcache.py journal.py exchange_export.py)

# Two workers: the suite takes about half as long on a 2-core machine.
PYTEST_ARGS ?= -n 2

test: $(VENV)/.installed-test lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)
	$(MAKE) --no-print-directory test-windows-sim

test-windows-sim: $(VENV)/.installed-test
	RLBABY_SIMULATE_WINDOWS=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not slow" $(SIMWIN_TESTS)

bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks $(BENCH_ARGS)

# The one-folder bundle dist/rlbaby/ (PyInstaller, packaging/rlbaby.spec);
# run dist/rlbaby/rlbaby. Size and build time: README, "Install".
dist: $(VENV)/.installed-dist
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/rlbaby.spec

# The icon's PNG sizes, rendered from its SVG (resources/desktop/icons/).
icons: $(VENV)/.installed-run
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/render_icons.py

clean:
	rm -rf $(VENV) build dist *.egg-info
