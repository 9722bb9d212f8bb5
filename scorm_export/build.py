"""Course (or one module) -> SCORM 1.2 or 2004 package: one SCO per module, in programme order,
each page rendered by the blocks themselves, answered locally by the SCO runtime."""
import importlib.resources
import sys
from pathlib import Path

from xblocks.common.errors import ContentError

from . import manifest as mf
from .budget import fit_module_xml
from .archive import check_member_path, write_zip
from .page import render_module_page

STATIC = Path(__file__).resolve().parent / "static"
RUNTIME_SCRIPTS = ["scorm_api.js", "backends/quiz.js", "backends/module.js",
                   "backends/case_study.js", "backends/role_play.js", "sco.js"]
VERSIONS = ("1.2", "2004")


def runtime_files():
    """{package path: bytes} of the SCO runtime shared by all SCOs."""
    files = {"shared/grading.js": importlib.resources.files("xblocks.lmd_quiz").joinpath("public/grading.js").read_bytes()}
    for name in RUNTIME_SCRIPTS:
        path = STATIC / name
        if path.exists():
            files[f"shared/{name}"] = path.read_bytes()
    return files


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
    scos = []
    for index, module in enumerate(modules, 1):
        ident = sco_identifier(module)
        title = f"{info['module_label']} {module.number}: {module.title}"
        # SCORM 1.2 stores at most 4,096 characters of learner state: shorten free-text limits
        module_xml = fit_module_xml(module)[0] if version == "1.2" else module.xml
        page, assets = render_module_page(module_xml, language, title, scripts,
                                          {"version": version, "i18n": info["i18n"]})
        href = check_member_path(f"{ident}/index.html")
        files[href] = page.encode()
        files.update(assets)
        quizzes = module.parts_of("lmd_quiz")
        mastery = quizzes[0].data["pass_threshold"] if quizzes else None
        scos.append(mf.Sco(ident, title, href, [href], mastery))
        if progress:
            progress(index, len(modules), title)
    package = mf.PackageInfo(
        identifier=f"LMD-{language}-{info['version']}".replace(".", "-"), title=info["title"],
        language=language, description=info["description"], version=info["version"], licence=info["licence"],
        scos=scos, shared_files=sorted([*(p for p in files if p.startswith("shared/")), *listed_extra]),
    )
    files.update(mf.build_manifest(package, version))
    return files


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
