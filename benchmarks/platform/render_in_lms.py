"""Run by bench_platform_render.py inside the platform tier (the LMS's test settings, the course
imported by the platform's own import; MongoDB stood in for by mongomock, as in tests/platform).

Our quiz unit (one lmd_quiz, ten questions) against a platform `problem` unit (one capa problem
with ten multiple-choice questions), each rendered by the LMS's render_xblock view for a signed-in
learner, interleaved, median of several rounds; and SQL queries per render. Prints; asserts nothing
about time."""
import statistics
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext
from xmodule.modulestore.tests.factories import BlockFactory

from tests.platform.lms_base import LmdCourseTestCase

ROUNDS, PER_ROUND = 7, 10
CAPA_QUESTION = """
  <multiplechoiceresponse>
    <label>Question {n}: which selection criterion best fits a risk-based approach?</label>
    <choicegroup type="MultipleChoice">
      <choice correct="false">Every consignment from a new trader, whatever the goods</choice>
      <choice correct="true">Consignments whose profile matches a current risk indicator</choice>
      <choice correct="false">A fixed share of consignments chosen at random each day</choice>
      <choice correct="false">Consignments declared at the end of the working day</choice>
    </choicegroup>
  </multiplechoiceresponse>"""


class TestRenderBenchmark(LmdCourseTestCase):
    def test_print_render_times_and_queries(self):
        quiz = self.items("lmd_quiz")[0]
        ours = quiz.get_parent()
        questions = len(quiz.questions)
        chapter = BlockFactory.create(parent=self.course, category="chapter", display_name="Baseline")
        sequential = BlockFactory.create(parent=chapter, category="sequential", display_name="Baseline")
        baseline = BlockFactory.create(parent=sequential, category="vertical", display_name="Capa unit")
        BlockFactory.create(parent=baseline, category="problem", display_name="Capa quiz",
                            data="<problem>" + "".join(CAPA_QUESTION.format(n=n + 1) for n in range(questions))
                            + "</problem>")
        units = {"ours": ours.location, "capa": baseline.location}
        for key in units.values():  # warm: templates compiled, caches filled, as a running LMS has them
            assert self.render(key).status_code == 200
        times = {name: [] for name in units}
        for _ in range(ROUNDS):
            for name, key in units.items():
                start = time.perf_counter()
                for _ in range(PER_ROUND):
                    self.render(key)
                times[name].append((time.perf_counter() - start) / PER_ROUND)
        queries = {}
        for name, key in units.items():
            with CaptureQueriesContext(connection) as captured:
                self.render(key)
            queries[name] = len(captured)
        median = {name: statistics.median(values) for name, values in times.items()}
        ratio = median["ours"] / median["capa"]
        print(f"\nLMS render of one unit ({questions} questions): ours {median['ours'] * 1000:.1f} ms, "
              f"capa {median['capa'] * 1000:.1f} ms, ratio {ratio:.3f}x "
              f"(goal <= 1.0x: {'met' if ratio <= 1.0 else 'NOT met'})")
        print(f"SQL queries per render: ours {queries['ours']}, capa {queries['capa']}, "
              f"ratio {queries['ours'] / queries['capa']:.3f}x")
        assert questions == 10 or questions > 0  # the two units compare like with like (see print)
