"""Distribution `lmd-xblocks`: what an Open edX LMS and Studio install. The four XBlocks (with
their compiled catalogs, where the platform's i18n service looks) and the course-access plugin app.

Two import names only, both the project's own: `xblocks` and `lmd_access`. The course source, the
`lmd` command line and the exporters' toolchain are the second distribution, `lmd-course-tools`
(tools/setup.py), which authors and national servers install, not the LMS.

Dependencies are bounded to what the tested platform already has (Open edX master of autumn
2025: XBlock 5.2, Django 4.2) so that installing the blocks upgrades, downgrades or shadows
nothing of it; the platform tier checks this with pip's own resolver."""
from setuptools import find_packages, setup

BLOCKS = {
    "lmd_module": "xblocks.lmd_module.block:LmdModuleBlock",
    "lmd_quiz": "xblocks.lmd_quiz.block:LmdQuizBlock",
    "lmd_case_study": "xblocks.lmd_case_study.block:LmdCaseStudyBlock",
    "lmd_role_play": "xblocks.lmd_role_play.block:LmdRolePlayBlock",
    # A text section that follows the learner's language (a course exported with `lmd export olx
    # --languages`); not `html`, which is the platform's own block.
    "lmd_section": "xblocks.common.html_section:HtmlSectionBlock",
}

setup(
    name="lmd-xblocks",
    version="0.2.0",
    description="Customs Leadership and Management Development course: Open edX XBlocks and the course-access app",
    long_description=open("README.md", encoding="utf-8").read(),
    long_description_content_type="text/markdown",
    license="AGPL-3.0",
    python_requires=">=3.11",
    packages=find_packages(include=["xblocks", "xblocks.*", "lmd_access", "lmd_access.*"]),
    include_package_data=True,
    # Non-Python files live in plain folders inside the packages: list them so wheels carry them.
    package_data={
        "xblocks": ["translations/*/LC_MESSAGES/*.mo"],
        "": ["*.json", "public/*", "templates/*", "templates/*/*", "templates/*/*/*", "samples/*", "static/*", "static/*/*",
             "locale/*/LC_MESSAGES/*"],
    },
    install_requires=[
        "XBlock>=5.2,<7",      # the block API, xblock.utils and the scorable/completable mixins (web-fragments with it)
        "Django>=4.2,<6",
        "lxml",                # XML parsing with entities and network off
        "nh3",                 # the one sanitize_html(): allow-lists like bleach, ~30x faster (ammonia)
        "openedx-filters",     # the enrolment gate pipeline step
        "babel",               # CLDR plural rules and number formats for the scripts (the platform has it)
    ],
    extras_require={
        "test": ["pytest", "pytest-django", "playwright", "xblock-sdk"],
    },
    entry_points={
        "xblock.v1": [f"{tag} = {path}" for tag, path in BLOCKS.items()],
        "lms.djangoapp": ["lmd_access = lmd_access.apps:AccessConfig"],
        "cms.djangoapp": ["lmd_access = lmd_access.apps:AccessConfig"],
    },
    zip_safe=False,
)
