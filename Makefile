# The two commands a newcomer needs: `make run` and `make test`.
# Both create .venv if it is missing, install what they need (system packages
# included, through .ci/system-deps) and then do their job.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export QT_API := pyside6
export PYQTGRAPH_QT_LIB := PySide6

.PHONY: run test lint bench demo screenshots system-deps clean

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

lint: $(VENV)/.installed-test
	$(BIN)/ruff check rlbaby tests benchmarks main.py
	$(BIN)/ruff format --check rlbaby tests benchmarks main.py
	$(BIN)/mypy

test: $(VENV)/.installed-test lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks $(BENCH_ARGS)

clean:
	rm -rf $(VENV) build *.egg-info
