"""Distribution `lmd-xblocks`: the customs LMD course as Open edX XBlocks, SCORM exports and
the course-access plugin app."""
from setuptools import find_packages, setup

BLOCKS = {
    "lmd_module": "xblocks.lmd_module.block:LmdModuleBlock",
    "lmd_quiz": "xblocks.lmd_quiz.block:LmdQuizBlock",
    "lmd_case_study": "xblocks.lmd_case_study.block:LmdCaseStudyBlock",
    "lmd_role_play": "xblocks.lmd_role_play.block:LmdRolePlayBlock",
}

setup(
    name="lmd-xblocks",
    version="0.1.0",
    description="Customs Leadership and Management Development course: XBlocks, SCORM export, access and licences",
    long_description=open("README.md", encoding="utf-8").read(),
    long_description_content_type="text/markdown",
    license="AGPL-3.0",
    python_requires=">=3.11",
    packages=find_packages(include=["xblocks*", "courses*", "scorm_export*", "translations*"]),
    include_package_data=True,
    # Non-Python files live in plain folders inside the packages (static/, templates/, samples/,
    # the course source, the SCORM schemas, the catalogs): list them so wheels carry them.
    package_data={
        "": ["*.json", "*.md", "public/*", "static/*", "static/*/*", "templates/*", "templates/*/*", "samples/*",
             "modules/*", "course/*", "xsd/*", "xsd/*/*", "xsd/*/*/*", "ui/*", "ui/*/*/*", "content/*/*",
             "translations/*/*/*", "locale/*/*/*", "glossary/*"],
    },
    install_requires=[
        "XBlock>=5",            # the block API, xblock.utils and the scorable/completable mixins
        "web-fragments",       # Fragment, as Open edX renders it
        "Django>=4.2",
        "lxml",                # XML parsing with entities and network off
        "nh3",                 # the one sanitize_html(): allow-lists like bleach, ~30x faster (ammonia)
        "rjsmin", "rcssmin",   # learners on slow links download scripts/styles without comments
        "polib",               # catalog reading/writing for the translator CLI
        "Babel",               # message extraction from Python sources
        "xmlschema",           # second, independent validator of SCORM manifests
        "cryptography",        # Ed25519 signatures of licensed packages
        "openedx-filters",     # the enrolment gate pipeline step
    ],
    extras_require={
        "test": ["pytest", "pytest-django", "playwright", "xblock-sdk"],
    },
    entry_points={
        "xblock.v1": [f"{tag} = {path}" for tag, path in BLOCKS.items()],
        "lms.djangoapp": ["lmd_access = courses.access.apps:AccessConfig"],
        "cms.djangoapp": ["lmd_access = courses.access.apps:AccessConfig"],
        "console_scripts": ["lmd = courses.cli:main"],
    },
    zip_safe=False,
)
