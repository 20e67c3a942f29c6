# The two commands a newcomer needs: `make run` and `make test`.
# Both create .venv if it is missing, install what they need (system packages
# included, through .ci/system-deps) and then do their job.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export QT_API := pyside6
export PYQTGRAPH_QT_LIB := PySide6

.PHONY: run test lint bench demo screenshots translations system-deps clean

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
	$(BIN)/ruff check rlbaby tests main.py
	$(BIN)/ruff format --check rlbaby tests main.py
	$(BIN)/mypy

test: $(VENV)/.installed-test lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m rlbaby.bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) build *.egg-info
