"""A French or Spanish learner in the LMS gets French or Spanish blocks (issue 11, defect 4): the
LMS's i18n service finds the blocks' catalogs only in the top package of the block's module
(xblocks/translations/<locale>/LC_MESSAGES/text.mo). The course run of that language (`lmd export
olx --lang fr`) carries the translated content; any run shows the blocks' interface in the
learner's language."""
from django.conf import settings

from openedx.core.djangoapps.lang_pref import LANGUAGE_KEY
from openedx.core.djangoapps.user_api.preferences.api import set_user_preference
from tests.platform.lms_base import LmdCourseTestCase

INTERFACE = {"fr": ["Envoyer les réponses", "Enregistrer le brouillon", "Vos instructions confidentielles"],
             "es": ["Enviar respuestas", "Guardar borrador", "Sus instrucciones confidenciales"]}
CONTENT = {"fr": "Promouvoir l'intégrité sur le lieu de travail",
           "es": "Promoción de la integridad en el lugar de trabajo"}


class LanguageTestCase(LmdCourseTestCase):
    def choose_language(self, language):
        """As the learner does in the LMS: the preference, and the cookie the LMS sets from it."""
        set_user_preference(self.learner, LANGUAGE_KEY, language)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = language

    def module_pages(self, number):
        chapter = self.item("chapter", f"m{number:02d}-chapter")
        pages = []
        for sequential in chapter.get_children():
            for vertical in sequential.get_children():
                response = self.render(vertical.location)
                assert response.status_code == 200
                pages.append(response.content.decode())
        return chapter, "\n".join(pages)


class TestFrenchRun(LanguageTestCase):
    LANGUAGE = "fr"

    def test_a_french_learner_gets_french_blocks_and_content(self):
        self.choose_language("fr")
        chapter, page = self.module_pages(9)
        assert CONTENT["fr"] in chapter.display_name
        for text in INTERFACE["fr"]:
            assert text in page, text
        assert "Submit answers" not in page and "Save draft" not in page


class TestSpanishRun(LanguageTestCase):
    LANGUAGE = "es"

    def test_a_spanish_learner_gets_spanish_blocks_and_content(self):
        self.choose_language("es")
        chapter, page = self.module_pages(9)
        assert CONTENT["es"] in chapter.display_name
        for text in INTERFACE["es"]:
            assert text in page, text
        assert "Submit answers" not in page


class TestEnglishRunFrenchLearner(LanguageTestCase):
    def test_the_interface_follows_the_learner_on_any_run(self):
        self.choose_language("fr")
        _chapter, page = self.module_pages(9)
        assert "Envoyer les réponses" in page and "Submit answers" not in page


def test_the_platforms_i18n_service_finds_our_catalogs():
    """The service the LMS gives every block, asked directly (no course needed)."""
    from django.utils import translation
    from xblock.core import XBlock
    from xmodule.modulestore.django import XBlockI18nService
    for tag in ("lmd_module", "lmd_quiz", "lmd_case_study", "lmd_role_play"):
        block_class = XBlock.load_class(tag)
        for language, expected in (("fr", "Envoyer les réponses"), ("es", "Enviar respuestas")):
            with translation.override(language):
                assert XBlockI18nService(block_class).gettext("Submit answers") == expected, (tag, language)
