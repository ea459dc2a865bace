# minzheng: `make report` runs the whole analysis, `make test` checks it. `make help` lists all.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export PYTHONHASHSEED := 0
export MPLBACKEND := Agg

.DEFAULT_GOAL := help
.PHONY: help setup report test test-fast lint format lab bench bench-extraction corpus evaluate realtext clean clobber

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/python -m ipykernel install --sys-prefix --name minzheng --display-name "Python (minzheng)" >/dev/null
	touch $(STAMP)

setup: $(STAMP) ## create .venv and install the package, its dependencies and the notebook kernel

report: $(STAMP) ## set up, check the corpus, run every notebook and export the reports into outputs/
	$(BIN)/minzheng corpus seeds --strict
	$(BIN)/minzheng run --strict

test: $(STAMP) ## set up and run every test (notebooks, pipeline and browser included)
	$(BIN)/python -m pytest

test-fast: $(STAMP) ## the tests that run no notebook, server or browser (under a minute)
	$(BIN)/python -m pytest -m "not slow" -q

lint: $(STAMP) ## check style and imports with ruff (line length 120)
	$(BIN)/ruff check lib tests
	$(BIN)/ruff format --check lib tests

format: $(STAMP) ## format the code and sort imports with ruff
	$(BIN)/ruff check --fix --select I lib tests
	$(BIN)/ruff format lib tests

lab: $(STAMP) ## open JupyterLab on notebooks/ with the project's kernel
	$(BIN)/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

bench: $(STAMP) ## print extraction and pipeline timings, memory and export sizes at 5, 50, 500 reports (BENCH_FULL=1: and 2,000)
	$(BIN)/python tests/bench.py $(if $(BENCH_FULL),--full)

bench-extraction: $(STAMP) ## print extraction timings only (seeds, 10, 100 and 1,000 reports)
	$(BIN)/python tests/bench.py --extraction-only

corpus: $(STAMP) ## print one line per report in seeds/
	$(BIN)/minzheng corpus seeds --strict

evaluate: $(STAMP) ## score extraction against the hand-annotated gold files
	$(BIN)/minzheng evaluate

realtext: $(STAMP) ## score extraction on every real-text set whose texts are in realtext/ (not committed; tests/realtext/README.md)
	$(BIN)/python -m tests.realtext_scores

clean: ## remove generated outputs (keeps outputs/README.md and .venv)
	find outputs -mindepth 1 ! -name README.md -exec rm -rf {} +

clobber: clean ## clean, and remove the virtual environment too
	rm -rf $(VENV)
