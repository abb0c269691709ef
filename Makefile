# The two commands a newcomer needs: `make demo` and `make test`. Everything else is for developers.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SAMPLES := corpus/sample-inbox
DEMO   := demo

.PHONY: demo test lint bench eval corpus train train-tagger clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Re-install when pyproject.toml changes; the stamp files remember the last install.
$(VENV)/.run-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@ $(VENV)/.run-installed

## demo: set up .venv and triage the bundled sample inbox with the bundled default model
demo: $(VENV)/.run-installed
	rm -rf $(DEMO) && mkdir -p $(DEMO)/inbox && cp $(SAMPLES)/* $(DEMO)/inbox/
	$(BIN)/triage run $(DEMO)/inbox --reports $(DEMO)/reports || test $$? -eq 1
	@echo
	@echo "Open $(DEMO)/reports/index.html in a browser to see every report."

## test: set up .venv with the dev extra and run the tests
test: $(VENV)/.dev-installed
	$(BIN)/python -m pytest -q

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check triage scripts tests
	$(BIN)/ruff format --check triage scripts tests

## bench: speed and memory figures, printed and written to bench/results.json
bench: $(VENV)/.dev-installed
	$(BIN)/python scripts/bench.py

## eval: tagger and model accuracy figures
eval: $(VENV)/.dev-installed
	$(BIN)/python scripts/eval_tagger.py
	$(BIN)/python scripts/agreement.py
	$(BIN)/python scripts/eval_model.py

## corpus: generate the synthetic seed deals (deterministic) into corpus/generated/
corpus: $(VENV)/.dev-installed
	$(BIN)/python scripts/make_corpus.py --out corpus/generated

## train-tagger: retrain the tagger's classifier (models/tagger) on the labelled tuning sentences and,
## where ../shared is there, the validation half of the labelled real RFP sentences
train-tagger: $(VENV)/.dev-installed
	$(BIN)/python scripts/train_tag_classifier.py

## train: retrain models/default on the seed deals
train: corpus
	$(BIN)/triage train corpus/generated/deals.csv --out models/default --force

clean:
	rm -rf $(VENV) $(DEMO) build .pytest_cache .ruff_cache
