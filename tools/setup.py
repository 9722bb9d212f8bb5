"""Distribution `lmd-course-tools`: the course source and the toolchain around the blocks, for
authors, the Secretariat and national servers (not for the LMS, which needs only `lmd-xblocks`):

    courses/        the LMD course source, `lmd validate`, OLX export and import, licensing, overlays
    scorm_export/   SCORM 1.2 / 2004 packages
    translations/   the catalogs and the translator's command line

They stay at the top of the repository (the project's layout); this file, one folder down, maps
them into the distribution. Install: `pip install ./tools` (or `-e ./tools`), after `lmd-xblocks`."""
from setuptools import setup

PACKAGES = ["courses", "courses.licensing", "courses.lmd", "courses.olx", "scorm_export", "translations"]

setup(
    name="lmd-course-tools",
    version="0.2.0",
    description="Customs LMD course: course source, lmd command line, OLX and SCORM exports, licences, translations",
    license="AGPL-3.0",
    python_requires=">=3.11",
    packages=PACKAGES,
    package_dir={name: "../" + name.replace(".", "/") for name in PACKAGES},
    package_data={
        "courses.lmd": ["modules/*", "course/*", "*.md"],
        "scorm_export": ["static/*", "static/*/*", "xsd/*", "xsd/*/*", "xsd/*/*/*"],
        "translations": ["ui/*", "ui/*/LC_MESSAGES/*", "content/*/*", "glossary/*", "*.md"],
    },
    install_requires=[
        "lmd-xblocks",         # the blocks render the pages that exports package
        "rjsmin", "rcssmin",   # SCORM packages carry scripts and styles without comments and spaces
        "polib",               # catalog reading/writing for the translator CLI
        "Babel",               # message extraction from Python sources
        "xmlschema",           # second, independent validator of SCORM manifests
        "cryptography",        # Ed25519 signatures of licensed packages
    ],
    entry_points={"console_scripts": ["lmd = courses.cli:main"]},
    zip_safe=False,
)
