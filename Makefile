.PHONY: run test setup bench bench-quick bench-compare

# Extra arguments: make run ARGS="--server.port 8599", make test ARGS="-m \"not browser\"", make setup ARGS=--dev
ARGS ?=

run:
	bash scripts/run.sh $(ARGS)

test:
	bash scripts/test.sh $(ARGS)

setup:
	bash scripts/setup.sh $(ARGS)

# Benchmarks (not tests; see docs/benchmarks.md). bench-quick: small data set, < 5 min.
bench:
	bash scripts/setup.sh --dev
	.venv/bin/python -m bench.run $(ARGS)

bench-quick:
	bash scripts/setup.sh --dev
	.venv/bin/python -m bench.run --quick $(ARGS)

# Two revisions measured side by side in one run (docs/bench-compare.md): make bench-compare BASE=<rev>.
bench-compare:
	bash scripts/setup.sh --dev
	.venv/bin/python -m bench.compare $(BASE) $(ARGS)
