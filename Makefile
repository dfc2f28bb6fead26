# Samspel: `make run` starts the demo, `make test` runs the whole suite.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
HOST_PORT ?= 127.0.0.1:8000
# Two test processes: the machines have two cores.
PYTEST_ARGS ?= -n 2
# Some machines set PYTHONDONTWRITEBYTECODE: then every test process compiles and
# assertion-rewrites all 200-odd test modules again (collection 10.5 s instead of 4.3 s).
# The caches are in .gitignore.
unexport PYTHONDONTWRITEBYTECODE

# Domain modules checked with mypy + django-stubs.
TYPED := samspel/bounds.py samspel/web/middleware.py samspel/catalogues/loader.py samspel/families/identity.py samspel/audit/log.py samspel/cases/access.py \
	samspel/charts.py samspel/assessments/chart.py samspel/assessments/signs_of_safety.py samspel/network/consent.py \
	samspel/plans/rules.py samspel/plans/versioning.py samspel/followup/engine.py \
	samspel/followup/phases.py samspel/followup/recompute.py samspel/followup/compliance.py \
	samspel/reminders/scheduling.py samspel/reminders/delivery.py samspel/families/phone.py samspel/reminders/sms.py samspel/reminders/messages.py samspel/calendars/periods.py samspel/calendars/ical.py samspel/calendars/feeds.py samspel/calendars/timezones.py samspel/calendars/entries.py samspel/families/visibility.py \
	samspel/followup/worklists.py samspel/programmes/loader.py samspel/programmes/overrides.py samspel/programmes/effective.py \
	samspel/activities/overlap.py samspel/activities/services.py samspel/activities/places.py \
	samspel/programmes/wording.py samspel/web/layers.py \
	samspel/cases/refusals.py samspel/cases/services.py samspel/plans/services.py \
	samspel/network/services.py samspel/assessments/services.py samspel/programmes/vocabulary.py samspel/cases/posting.py \
	samspel/families/services.py samspel/web/logs.py samspel/web/readiness.py

.PHONY: run test setup syslibs lint format messages makemessages chromium nginx clean

run: setup
	SAMSPEL_DEMO=true $(BIN)/python manage.py migrate --noinput
	SAMSPEL_DEMO=true $(BIN)/python manage.py seed_demo
	SAMSPEL_DEMO=true $(BIN)/python manage.py runserver $(HOST_PORT)

test: setup chromium nginx
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy $(TYPED)
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_ARGS)

setup: syslibs $(VENV)/.installed node_modules/.installed messages

# Debian libraries WeasyPrint needs for PDFs, and gettext for translations.
syslibs:
	@ldconfig -p | grep -q libpangoft2-1.0 && command -v msgfmt >/dev/null || \
		($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 gettext)

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Translations are compiled from the .po files on every machine; .mo files are never committed.
messages: $(VENV)/.installed syslibs
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v0

# Refresh the sv/da catalogues from the source; samspel/web/tests/test_translations.py runs the
# same command and fails when they are out of date. Without settings it writes to samspel/locale.
makemessages: $(VENV)/.installed syslibs
	cd samspel && env -u DJANGO_SETTINGS_MODULE ../$(BIN)/django-admin makemessages -l sv -l da --no-obsolete --no-location --ignore=static

chromium:
	@command -v chromium >/dev/null || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium)

# The production-serving test runs docs/deploy/nginx.conf in Debian's nginx, with a certificate
# made by openssl (samspel/web/tests/test_production_serving.py).
nginx:
	@{ command -v nginx || test -x /usr/sbin/nginx; } >/dev/null && command -v openssl >/dev/null || \
		($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nginx-light openssl)

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy $(TYPED)

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) node_modules var test-artifacts
