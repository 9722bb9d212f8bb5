"""The demo's app: at start, its workbench holds the product's blocks only.

The workbench makes a scenario of every XBlock installed in the environment, and the demo's venv
also holds other projects' blocks as benchmark baselines (xblock-poll, drag-and-drop-v2) and the
SDK's samples. Serving those is not what the demo is for, and importing and parsing them took a
good part of a cold start. LMD_WORKBENCH_ALL_BLOCKS=1 brings them back (a benchmark compares our
quiz with the poll through the running demo)."""
from importlib.metadata import entry_points

from django.apps import AppConfig
from django.conf import settings

PRODUCT_PACKAGES = ("xblocks.", "lmd_demo.")


def init_product_scenarios():
    """workbench.scenarios.init_scenarios, for the blocks whose entry points are the product's:
    the others are never imported."""
    from workbench import scenarios
    scenarios.SCENARIOS.clear()
    if settings.WORKBENCH["reset_state_on_restart"]:
        scenarios.WORKBENCH_KVS.clear()
    else:
        scenarios.WORKBENCH_KVS.prep_for_scenario_loading()
    product = {point.name: point for point in entry_points(group="xblock.v1")
               if point.value.startswith(PRODUCT_PACKAGES)}
    for name in sorted(product):
        scenarios.add_class_scenarios(name, product[name].load(), fail_silently=False)


class DemoConfig(AppConfig):
    name = "lmd_demo"

    def ready(self):
        if getattr(settings, "LMD_WORKBENCH_ALL_BLOCKS", False):
            return
        from workbench import scenarios
        scenarios.init_scenarios = init_product_scenarios
