# The two commands a newcomer needs: `make run` and `make test`.
# Both create .venv if it is missing, install what they need (system packages
# included, through .ci/system-deps) and then do their job.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export QT_API := pyside6
export PYQTGRAPH_QT_LIB := PySide6

.PHONY: run test test-windows-sim lint bench demo screenshots translations system-deps dist icons clean

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

# Extract the UI's strings into resources/translations/*.ts (German is complete;
# edit it with pyside6-linguist), then build the .qm files the app loads.
# No line numbers in the .ts, so an edit elsewhere in a file does not touch it;
# tests/ui/test_translations.py fails when the committed .ts is out of date.
# English is the source language; its .ts holds only the plural forms ("%n day(s)").
TS_FILES := resources/translations/rlbaby_en.ts resources/translations/rlbaby_de.ts
LUPDATE := $(BIN)/pyside6-lupdate -extensions py -locations none -no-obsolete
translations: $(VENV)/.installed-run
	$(LUPDATE) -pluralonly -source-language en -target-language en rlbaby \
		-ts resources/translations/rlbaby_en.ts
	$(LUPDATE) -source-language en -target-language de_DE rlbaby \
		-ts resources/translations/rlbaby_de.ts
	for ts in $(TS_FILES); do $(BIN)/pyside6-lrelease $$ts -qm $${ts%.ts}.qm; done

lint: $(VENV)/.installed-test
	$(BIN)/ruff check rlbaby tests benchmarks main.py
	$(BIN)/ruff format --check rlbaby tests benchmarks main.py
	$(BIN)/mypy

# The store's tests that touch the disk, again as on Windows: `import fcntl`
# fails, locks are msvcrt's, a file opened without O_BINARY turns LF into CRLF
# (tests/simwin/simulate_windows.py). About 3 minutes.
SIMWIN_TESTS := $(addprefix tests/store/test_store_,lock.py osfs.py files.py backup.py open.py \
	faults.py records.py reccache.py colcache.py journal.py exchange_export.py taplog.py)

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
