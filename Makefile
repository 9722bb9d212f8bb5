# The two commands of the README: `make demo` and `make test`. Each sets itself up.
VENV ?= .venv
BIN := $(VENV)/bin
export DJANGO_SETTINGS_MODULE ?= lmd_demo.settings

.PHONY: demo national-demo test platform-test setup messages bench mutation clean

setup:
	@bash scripts/bootstrap.sh

messages: setup
	@$(BIN)/lmd translations compile

demo: setup
	@mkdir -p var
	@$(BIN)/django-admin migrate --run-syncdb --noinput -v 0
	@$(BIN)/django-admin lmd_demo_seed
	@$(BIN)/django-admin lmd_demo_serve 127.0.0.1:8000

# A member administration's national server: the Secretariat issues a licence, Eastland exports
# the licensed course, imports it, adds a national module; the demo then serves Eastland's course.
national-demo: setup
	@mkdir -p var
	@$(BIN)/django-admin migrate --run-syncdb --noinput -v 0
	@$(BIN)/django-admin lmd_national_demo
	@echo "Eastland's national server:"
	@LMD_COURSE_SOURCE="$$(ls -d var/national/eastland/imports/*/*/ | head -1)" LMD_OVERLAY=var/national/eastland/overlay \
	  $(BIN)/django-admin lmd_demo_serve 127.0.0.1:8000

# The project's suite (workbench, demo, browser, SCORM), then the platform tier: the blocks inside
# Open edX's own LMS and Studio (its venv is built once outside the clone and reused).
test: setup
	@$(BIN)/python -m pytest -q -p no:cacheprovider $(PYTEST_ARGS)
	@[ -n "$(PYTEST_ARGS)" ] || bash scripts/platform_tests.sh

platform-test:
	@bash scripts/platform_tests.sh $(PLATFORM_ARGS)

bench: setup
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

# Mutation testing of the security- and grading-critical modules (mutmut 3, in var/mutation/, not
# part of `make test`): the score per module. MUTATION_GROUPS="sanitizer grading" runs some only.
mutation: setup
	@bash scripts/mutation.sh $(MUTATION_GROUPS)

clean:
	rm -rf var build *.egg-info .pytest_cache
