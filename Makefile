.PHONY: run test setup

# Extra arguments: make run ARGS="--server.port 8599", make test ARGS="-m \"not browser\"", make setup ARGS=--dev
ARGS ?=

run:
	bash scripts/run.sh $(ARGS)

test:
	bash scripts/test.sh $(ARGS)

setup:
	bash scripts/setup.sh $(ARGS)
