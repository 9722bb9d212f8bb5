"""The licence flow of a national server, end to end, with the real tools (idempotent):

1. the Secretariat (its key pair, then a licence for Eastland recorded in the database);
2. Eastland exports the licensed package of the course (`lmd export olx --licence`);
3. Eastland's national server verifies and imports it (`lmd import`);
4. Eastland completes the course with a national module, and translates that module's title
   into French, in its overlay, kept apart from the imported course.

It prints the two settings that make the demo serve Eastland's course."""
import datetime
import shutil
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import BaseCommand, CommandError, call_command

from lmd_access.models import GatedCourse, Licence, MemberAdministration
from courses.cli import main as lmd
from courses.licensing import keys
from courses.licensing.stamp import canonical

NATIONAL = Path(__file__).resolve().parents[2] / "national"
LICENCE_NUMBER = "LMD-EL-2026-001"


class Command(BaseCommand):
    help = "Issue a licence to Eastland, export, import and complete the course on its national server."

    def add_arguments(self, parser):
        parser.add_argument("--dir", default=str(Path(settings.VAR_DIR) / "national"),
                            help="where the keys, the package, the import and the overlay go")

    def handle(self, *args, **options):
        call_command("lmd_demo_seed", stdout=self.stdout)
        base = Path(options["dir"]).resolve()
        secretariat, eastland = base / "secretariat", base / "eastland"
        for folder in (secretariat, eastland):
            folder.mkdir(parents=True, exist_ok=True)
        private, public = secretariat / "signing-key.pem", eastland / "secretariat-public-key.pem"
        if not private.exists():
            keys.generate(private, public)

        licence = self._issue_licence()
        licence_file = secretariat / f"{LICENCE_NUMBER}.json"
        licence_file.write_bytes(canonical(licence.licence_record()))
        self.stdout.write(f"1. The Secretariat issued licence {licence} ({', '.join(licence.rights())}).")

        package = eastland / "lmd-course-licensed.tar.gz"
        self._run(["export", "olx", "-o", str(package), "--licence", str(licence_file),
                   "--signing-key", str(private)])
        self.stdout.write(f"2. Eastland exported the licensed package {package}.")

        imports = eastland / "imports"
        shutil.rmtree(imports, ignore_errors=True)  # idempotent: the same package imports again
        self._run(["import", str(package), "--public-key", str(public), "--into", str(imports)])
        course = next(p for p in imports.glob("*/*") if p.is_dir())
        self.stdout.write(f"3. Eastland's server verified and imported it into {course}.")

        overlay = eastland / "overlay"
        (overlay / "modules").mkdir(parents=True, exist_ok=True)
        shutil.copy(NATIONAL / "n1-eastland.xml", overlay / "modules" / "n1-eastland.xml")
        french = overlay / "translations" / "content" / "fr"
        french.mkdir(parents=True, exist_ok=True)
        shutil.copy(NATIONAL / "fr" / "n1-eastland.po", french / "n1-eastland.po")
        shutil.copy(NATIONAL / "branding.json", overlay / "branding.json")
        self.stdout.write(f"4. Eastland added its national module and its French translation in {overlay}.")
        self.stdout.write(f"Serve Eastland's course:\n  LMD_COURSE_SOURCE={course} LMD_OVERLAY={overlay} make demo")

    def _issue_licence(self):
        today = datetime.date.today()
        licence, created = Licence.objects.get_or_create(number=LICENCE_NUMBER, defaults={
            "licensee": MemberAdministration.objects.get(country_code="EL"),
            "valid_from": today - datetime.timedelta(days=1), "valid_until": today + datetime.timedelta(days=365),
            "issued_by": get_user_model().objects.get(username="secretariat")})
        if created:
            licence.courses.set([GatedCourse.objects.get(course_id=settings.LMD_COURSE_ID)])
        return licence

    def _run(self, argv):
        if lmd(argv) != 0:
            raise CommandError(f"lmd {' '.join(argv)} failed (see above)")
