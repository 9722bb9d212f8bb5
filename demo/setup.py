"""The demo Django project (not shipped to Open edX).

It also provides the `html` block that Open edX itself provides, so that module XML with
<html> sections plays in the workbench. Registering `html` from lmd-xblocks would collide with
edx-platform's own `html` entry point, hence this separate distribution."""
from setuptools import find_packages, setup

setup(
    name="lmd-demo",
    version="0.1.0",
    packages=find_packages(),
    include_package_data=True,
    install_requires=[
        # Content-Security-Policy header with per-response nonces (Mozilla's, maintained by
        # Django Commons); the demo's policy has no 'unsafe-inline'.
        "django-csp>=4.0,<5",
        # Sign-in rate limiting: failures kept in the database, so every server process shares
        # them; the usual choice for Django sites (Jazzband).
        "django-axes>=8.0,<9",
        # The server `make demo` runs (lmd_demo_serve): a facilitator may put the demo in front of
        # a class, and Django's runserver is a development server (it says so) that left 50
        # learners saving at once with p99 8 s and dropped connections. Waitress (Pylons project)
        # is a production WSGI server in pure Python, with no C build and no fork: one process
        # whose threads queue fairly for SQLite's single writer (lmd_demo/db/base.py), with its
        # own buffering of slow clients. Gunicorn would fork workers that contend for SQLite's
        # lock across processes, where only SQLite's polling busy handler orders them.
        "waitress>=3.0,<4",
    ],
    package_data={"": ["templates/**/*", "static/**/*", "national/*", "national/**/*"]},
    entry_points={"xblock.v1": [
        "html = xblocks.common.html_section:HtmlSectionBlock",
        "lmd_course = lmd_demo.course_block:CourseScenarios",
    ]},
)
