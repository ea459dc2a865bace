# minzheng: `make report` runs the whole analysis, `make test` checks it. `make help` lists all.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export PYTHONHASHSEED := 0
export MPLBACKEND := Agg

.DEFAULT_GOAL := help
.PHONY: help setup report test lab bench corpus evaluate clean

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

test: $(STAMP) ## set up and run the tests
	$(BIN)/python -m pytest

lab: $(STAMP) ## open JupyterLab on notebooks/ with the project's kernel
	$(BIN)/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

bench: $(STAMP) ## print extraction and pipeline timings and peak memory
	$(BIN)/python tests/bench.py

corpus: $(STAMP) ## print one line per report in seeds/
	$(BIN)/minzheng corpus seeds --strict

evaluate: $(STAMP) ## score extraction against the hand-annotated gold files
	$(BIN)/minzheng evaluate

clean: ## remove generated outputs (keeps outputs/README.md) and the virtual environment
	find outputs -mindepth 1 ! -name README.md -exec rm -rf {} +
	rm -rf $(VENV)
