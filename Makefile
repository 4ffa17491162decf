# Everything a fresh Debian machine with Python 3.11 needs, installed by the targets themselves.
# make demo   validate the bundled samples (the main job)
# make test   lint, type-check and run the whole test suite

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Debian packages the tests and WeasyPrint need; installed only when one is missing.
DEBIAN_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-dejavu-core poppler-utils qpdf \
	chromium time

.PHONY: demo test lint typecheck unit bench catalog precompile system-deps clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

system-deps:
	@if ! dpkg -s $(DEBIAN_PACKAGES) >/dev/null 2>&1; then \
		echo "Installing Debian packages: $(DEBIAN_PACKAGES)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEBIAN_PACKAGES); \
	fi

demo: system-deps $(BIN)/.installed
	@echo "== Validating the bundled valid samples"
	$(BIN)/impactclaim validate --format text samples/valid/*.yaml
	@echo
	@echo "== A statement that matches the schema but whose claims are impact-washing: the rules catch it"
	@$(BIN)/impactclaim validate --format text samples/invalid/impact-washing/statement.yaml; \
		status=$$?; if [ $$status -ne 1 ]; then echo "expected exit code 1, got $$status"; exit 1; fi
	@echo
	@echo "== Every sample in one batch, with an HTML report for the intermediary"
	@mkdir -p out
	@$(BIN)/impactclaim validate --format text --report out/batch-report.html samples/ > /dev/null; \
		status=$$?; if [ $$status -ne 1 ]; then echo "expected exit code 1, got $$status"; exit 1; fi
	@echo "Batch report written to out/batch-report.html"
	@echo
	@echo "== The impact profile of a sample, as HTML and as a PDF/A-3 with the statement inside"
	$(BIN)/impactclaim render samples/valid/fietsfabriek-utrecht.yaml -o out/fietsfabriek-utrecht.html
	$(BIN)/impactclaim render samples/valid/fietsfabriek-utrecht.yaml -o out/fietsfabriek-utrecht.pdf
	$(BIN)/impactclaim render samples/valid/circulair-meubel.yaml -o out/circulair-meubel.pdf
	$(BIN)/impactclaim validate --format text out/fietsfabriek-utrecht.pdf
	@echo
	@echo "== A bilingual schema 1.1 statement, rendered in English"
	$(BIN)/impactclaim render samples/valid/buurtwerk-rotterdam-1.1.yaml --lang en -o out/buurtwerk-rotterdam-en.pdf
	@echo
	@echo "== What migrating a 1.0 statement to schema 1.1 changes (--diff writes nothing)"
	$(BIN)/impactclaim migrate --diff samples/valid/fietsfabriek-utrecht.yaml
	@echo
	@echo "== A static, searchable directory site of every sample (valid or not): open out/site/index.html"
	$(BIN)/impactclaim site samples/ --out out/site --title "Impactondernemingen (voorbeelden)"

lint: $(BIN)/.installed
	$(BIN)/ruff check .
 
typecheck: $(BIN)/.installed
	$(BIN)/mypy

# axe-core for the browser tests, exactly as package-lock.json pins it (node and npm come with the machine).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

unit: system-deps $(BIN)/.installed node_modules/.package-lock.json
	$(BIN)/pytest

bench: system-deps $(BIN)/.installed
	$(BIN)/python bench/bench.py --write
	$(BIN)/python bench/claims/bench_claims.py --write

test: lint typecheck unit

# After adding or changing a message: new ones come into the Dutch catalog untranslated;
# translate them in impactclaim/locale/nl/LC_MESSAGES/impactclaim.po and run this again.
catalog: $(BIN)/.installed
	$(BIN)/python tools/catalog.py

# After changing a rule's pattern or phrase list: the patterns compiled ahead of time, so that a
# start does not parse them again (impactclaim/precompiled.py; a test fails while it is stale).
precompile: $(BIN)/.installed
	$(BIN)/python tools/precompile.py

clean:
	rm -rf $(VENV) node_modules dist build .pytest_cache .mypy_cache .ruff_cache out
