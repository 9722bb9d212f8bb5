"""The runtime of the demo's course pages: the demo's runtime without the workbench's page
scripts (jQuery, jquery-migrate, jquery.cookie and its runtime, ~105 KB a learner would download
for no LMD block's use); the page loads lmd_demo/course-runtime.js instead. The workbench's own
pages keep the workbench's runtime."""
from xblock.runtime import Runtime

from .runtime import DemoRuntime


class CourseRuntime(DemoRuntime):
    def _wrap_ele(self, block, view, frag, extra_data=None):
        return Runtime._wrap_ele(self, block, view, frag, extra_data)  # the wrapper, without the workbench's scripts
