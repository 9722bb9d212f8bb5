"""Course (or one module) -> SCORM 1.2 or 2004 package: one SCO per module, in programme order,
each page rendered by the blocks themselves, answered locally by the SCO runtime."""
import importlib.resources
import sys
from pathlib import Path

from xblocks.common.errors import ContentError
from xblocks.lmd_quiz.content import is_course_test

from . import manifest as mf
from .budget import SUSPEND_LIMIT_12, SUSPEND_LIMIT_2004, fit_module_xml
from .archive import check_member_path, write_zip
from .language import language_tag, with_localized_duration
from .page import render_module_page
from .pass_rule import percent

STATIC = Path(__file__).resolve().parent / "static"
RUNTIME_SCRIPTS = ["scorm_api.js", "pass_rule.js", "learner_text.js", "interactions.js", "location.js",
                   "backends/quiz.js", "backends/module.js", "backends/case_study.js", "backends/role_play.js",
                   "sco.js"]
VERSIONS = ("1.2", "2004")
XSD = Path(__file__).resolve().parent / "xsd"
# The control files each edition's manifest names in xsi:schemaLocation, with everything they
# import or include, at the package root (ADL's packages carry the same set).
SCHEMA_DIRS = {"1.2": XSD / "scorm12", "2004": XSD / "scorm2004-4th"}


def runtime_files():
    """{package path: bytes} of the SCO runtime shared by all SCOs."""
    files = {"shared/grading.js": importlib.resources.files("xblocks.lmd_quiz").joinpath("public/grading.js").read_bytes()}
    for name in RUNTIME_SCRIPTS:
        path = STATIC / name
        if path.exists():
            files[f"shared/{name}"] = path.read_bytes()
    return files


def schema_files(version):
    """{package path: bytes} of the official schema files for `version` (scorm_export/xsd/)."""
    root = SCHEMA_DIRS[version]
    return {path.relative_to(root).as_posix(): path.read_bytes()
            for path in sorted(root.rglob("*")) if path.is_file() and path.suffix in (".xsd", ".dtd")}


def sco_identifier(module):
    return f"m{module.number.lower().zfill(2)}"


def build_package(modules, version, language, info, progress=None, listed_extra=()):
    """-> {path: bytes} of the whole package. `info`: title, description, version, licence.
    `listed_extra`: files added after the build (a licence stamp) that the manifest must list."""
    if version not in VERSIONS:
        raise ValueError(f"unknown SCORM version {version!r}; use 1.2 or 2004")
    shared = runtime_files()
    scripts = ["shared/grading.js"] + [f"shared/{n}" for n in RUNTIME_SCRIPTS if f"shared/{n}" in shared]
    files = dict(shared)
    schemas = schema_files(version)
    files.update(schemas)
    tag = language_tag(language)
    config = {"version": version, "i18n": info["i18n"], "language": tag,
              "suspend_limit": SUSPEND_LIMIT_12 if version == "1.2" else SUSPEND_LIMIT_2004}
    scos = []
    for index, module in enumerate(modules, 1):
        ident = sco_identifier(module)
        title = module_title(info, module)
        # SCORM 1.2 stores at most 4,096 characters of learner state: shorten free-text limits
        module_xml = fit_module_xml(module)[0] if version == "1.2" else module.xml
        page, assets = render_module_page(with_localized_duration(module_xml), tag, title, scripts, config)
        href = check_member_path(f"{ident}/index.html")
        files[href] = page.encode()
        files.update(assets)
        # The module's own quiz sets the mastery score; a course pre-test or post-test never does.
        quizzes = [quiz for quiz in module.parts_of("lmd_quiz") if not is_course_test(quiz.data)]
        mastery = percent(quizzes[0].data["pass_threshold"]) if quizzes else None
        scos.append(mf.Sco(ident, title, href, [href], mastery))
        if progress:
            progress(index, len(modules), title)
    package = mf.PackageInfo(
        identifier=f"LMD-{language}-{info['version']}".replace(".", "-"), title=info["title"],
        language=tag, description=info["description"], version=info["version"], licence=info["licence"],
        scos=scos, shared_files=sorted([*(p for p in files if p.startswith("shared/")), *listed_extra]),
        schema_files=sorted(schemas),
        text_languages={name: language_tag(lang) for name, lang in info.get("text_languages", {}).items()},
    )
    files.update(mf.build_manifest(package, version))
    return files


def module_title(info, module):
    """'Module 9: Integrity' in the package's language ('Module 9 : ...' in French)."""
    if "module_title" in info:
        return info["module_title"] % {"number": module.number, "title": module.title}
    return f"{info['module_label']} {module.number}: {module.title}"


def progress_bar(done, total, title, stream=sys.stderr, width=30):
    filled = int(width * done / total)
    stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {title[:50]:<50}")
    if done == total:
        stream.write("\n")
    stream.flush()


def export(modules, version, language, info, target, show_progress=True):
    files = build_package(modules, version, language, info, progress_bar if show_progress else None)
    write_zip(files, target)
    return files


__all__ = ["export", "build_package", "ContentError"]
