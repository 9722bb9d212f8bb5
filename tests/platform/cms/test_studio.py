"""Studio with the LMD course: the real archive upload and import, the container pages a
course team edits our blocks in, copy and paste, and an export that keeps every setting.
Studio's own views and the split modulestore (MongoDB stood in for: see mongo_standin.py)."""
import json
import shutil
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from lxml import etree
from path import Path as path
from opaque_keys.edx.keys import UsageKey
from rest_framework.test import APIClient

from cms.djangoapps.contentstore.tests.utils import CourseTestCase
from cms.djangoapps.contentstore.utils import reverse_course_url
from xmodule.contentstore.django import contentstore
from xmodule.modulestore.tests.factories import BlockFactory
from xmodule.modulestore.xml_exporter import export_course_to_xml
from xmodule.modulestore.xml_importer import import_course_from_xml

from tests.platform.course import olx_archive

CLIPBOARD = "/api/content-staging/v1/clipboard/"
SAMPLES = Path(__file__).resolve().parents[3] / "xblocks"


def sample(block_type):
    name = {"lmd_module": "module", "lmd_quiz": "quiz", "lmd_case_study": "case_study",
            "lmd_role_play": "role_play"}[block_type]
    return (SAMPLES / block_type / "samples" / f"{name}.xml").read_text()


def as_copied(node):
    """Our course source writes a module's own content as elements; a copy from Studio (what
    paste reads) has it as attributes, as LmdModuleBlock.add_xml_to_node writes it."""
    if node.tag != "lmd_module":
        return node
    from xblocks.lmd_module import content
    copy = etree.Element(node.tag, {k: v for k, v in node.attrib.items()})
    content.serialize_as_attributes(content.parse(node), copy)
    for child in content.child_nodes(node):
        copy.append(child)
    return copy


class StudioTestCase(CourseTestCase):
    def upload(self, archive):
        """Studio's import page: the archive posted to the import handler, then its status."""
        url = reverse_course_url("import_handler", self.course.id)
        with open(archive, "rb") as data:
            response = self.client.post(url, {"name": str(archive), "course-data": [data]})
        assert response.status_code == 200, response.content[:500]
        status = self.client.get(reverse_course_url("import_status_handler", self.course.id,
                                                    kwargs={"filename": Path(archive).name}))
        return json.loads(status.content)

    def imported(self):
        archive = Path(settings.GITHUB_REPO_ROOT) / "lmd.tar.gz"
        shutil.copy(olx_archive("en"), archive)
        status = self.upload(archive)
        assert status["ImportStatus"] == 4, status  # 4: the import finished
        return self.store.get_course(self.course.id)

    def unit_with(self):
        """A new unit, in a section and subsection of its own."""
        self.units = getattr(self, "units", 0) + 1
        chapter = BlockFactory.create(parent=self.course, category="chapter", display_name=f"Section {self.units}")
        sequential = BlockFactory.create(parent=chapter, category="sequential", display_name=f"Subsection {self.units}")
        return BlockFactory.create(parent=sequential, category="vertical", display_name=f"Unit {self.units}")

    def add_from_xml(self, parent, xml):
        """A block made from OLX the way Studio's paste makes one (the platform's own code)."""
        from cms.djangoapps.contentstore.helpers import _import_xml_node_to_parent
        node = as_copied(etree.fromstring(xml))
        return _import_xml_node_to_parent(node, self.store.get_item(parent.location), self.store, self.user)


class TestStudioImport(StudioTestCase):
    def test_the_exported_archive_imports_through_studios_upload(self):
        course = self.imported()
        chapters = course.get_children()
        assert len(chapters) == 13
        for category in ("lmd_module", "lmd_quiz", "lmd_case_study", "lmd_role_play"):
            # thirteen of each; two more quizzes: the course pre-test and post-test
            expected = 15 if category == "lmd_quiz" else 13
            assert len(self.store.get_items(self.course.id, qualifiers={"category": category})) == expected, category


class TestContainerPages(StudioTestCase):
    def preview(self, usage_key, view="container_preview"):
        response = self.client.get(f"/xblock/{usage_key}/{view}", HTTP_ACCEPT="application/json")
        assert response.status_code == 200, response.content[-3000:]
        return json.loads(response.content)["html"]

    def test_a_unit_with_each_of_our_blocks_renders_on_its_container_page(self):
        vertical = self.unit_with()
        for block_type in ("lmd_quiz", "lmd_case_study", "lmd_role_play"):
            self.add_from_xml(vertical, sample(block_type))
        html = self.preview(vertical.location)
        for block_type in ("lmd_quiz", "lmd_case_study", "lmd_role_play"):
            assert f'data-block-type="{block_type}"' in html

    def test_a_module_container_lets_the_team_add_reorder_and_edit_children(self):
        vertical = self.unit_with()
        module = self.add_from_xml(vertical, sample("lmd_module").replace("<!-- activities -->", sample("lmd_quiz")))
        html = self.preview(module.location)  # the module's own container page
        children = self.store.get_item(module.location).children
        assert len(children) == 2
        for child in children:
            assert f'data-locator="{child}"' in html  # each child in Studio's wrapper (edit, move, delete)
        assert "add-xblock-component" in html  # buttons to add a section or an activity
        assert "is-reorderable" in html or "reorderable" in html

    def test_a_new_empty_block_of_each_type_can_be_added_and_previewed(self):
        """What Studio's add buttons create: a block with no content yet."""
        vertical = self.unit_with()
        for block_type in ("lmd_module", "lmd_quiz", "lmd_case_study", "lmd_role_play"):
            response = self.client.ajax_post("/xblock/", {"parent_locator": str(vertical.location),
                                                         "category": block_type})
            assert response.status_code == 200, response.content[:1000]
            html = self.preview(json.loads(response.content)["locator"], "student_view")
            assert f'data-block-type="{block_type}"' in html

    def test_the_studio_editor_has_one_save_action_in_the_platforms_modal(self):
        vertical = self.unit_with()
        quiz = self.add_from_xml(vertical, sample("lmd_quiz"))
        html = self.preview(quiz.location, "studio_view")
        tree = etree.HTML(html)
        buttons = tree.xpath("//*[self::button or self::a][contains(@class, 'save-button')]")
        assert len(buttons) == 1
        assert tree.xpath("//*[contains(@class, 'editor-with-buttons')]")


class TestCopyPaste(StudioTestCase):
    def copy_paste(self, block, target):
        client = APIClient()
        client.login(username=self.user.username, password=self.user_password)
        assert client.post(CLIPBOARD, {"usage_key": str(block.location)}, format="json").status_code == 200
        response = client.post("/xblock/", {"parent_locator": str(target.location), "staged_content": "clipboard"},
                               format="json")
        assert response.status_code == 200, response.content[:2000]
        return self.store.get_item(UsageKey.from_string(response.json()["locator"]))

    def test_a_module_with_its_children_round_trips(self):
        source, target = self.unit_with(), self.unit_with()
        module = self.add_from_xml(source, sample("lmd_module").replace("<!-- activities -->", sample("lmd_quiz")))
        module = self.store.get_item(module.location)
        pasted = self.copy_paste(module, target)
        assert (pasted.number, pasted.objectives, pasted.introduction, pasted.display_name) == \
            (module.number, module.objectives, module.introduction, module.display_name)
        originals = [self.store.get_item(k) for k in module.children]
        copies = [self.store.get_item(k) for k in pasted.children]
        assert [c.category for c in copies] == [o.category for o in originals]
        assert copies[-1].questions == originals[-1].questions

    def test_each_block_round_trips(self):
        source, target = self.unit_with(), self.unit_with()
        for block_type in ("lmd_quiz", "lmd_case_study", "lmd_role_play"):
            block = self.store.get_item(self.add_from_xml(source, sample(block_type)).location)
            pasted = self.copy_paste(block, target)
            assert pasted.content_data() == block.content_data(), block_type


class TestExportKeepsSettings(StudioTestCase):
    def test_platform_settings_survive_export_and_import(self):
        vertical = self.unit_with()
        quiz = self.store.get_item(self.add_from_xml(vertical, sample("lmd_quiz")).location)
        role_play = self.store.get_item(self.add_from_xml(vertical, sample("lmd_role_play")).location)
        for block in (quiz, role_play):
            block.visible_to_staff_only = True
            block.group_access = {50: [1, 2]}
            block.display_name = f"Edited {block.category}"
            self.store.update_item(block, self.user.id)
        quiz.max_attempts = 5
        self.store.update_item(quiz, self.user.id)
        root = path(tempfile.mkdtemp(prefix="lmd-export-", dir=settings.GITHUB_REPO_ROOT))
        export_course_to_xml(self.store, contentstore(), self.course.id, root, "exported")
        target = self.store.make_course_key("LMD", "REIMPORT", "2026")
        import_course_from_xml(self.store, self.user.id, root, ["exported"], target_id=target,
                               create_if_not_present=True)
        for block in (quiz, role_play):
            again = self.store.get_item(target.make_usage_key(block.category, block.location.block_id))
            assert again.visible_to_staff_only is True, block.category
            assert again.group_access == {50: [1, 2]}, block.category
            assert again.display_name == f"Edited {block.category}"
            assert again.content_data() == self.store.get_item(block.location).content_data()
