"""The demo's app: at start, its workbench holds the product's blocks only.

The workbench makes a scenario of every XBlock installed in the environment, and the demo's venv
also holds other projects' blocks as benchmark baselines (xblock-poll, drag-and-drop-v2) and the
SDK's samples. Serving those is not what the demo is for, and importing and parsing them took a
good part of a cold start. LMD_WORKBENCH_ALL_BLOCKS=1 brings them back (a benchmark compares our
quiz with the poll through the running demo)."""
from collections import Counter
from importlib.metadata import entry_points

from django.apps import AppConfig
from django.conf import settings

PRODUCT_PACKAGES = ("xblocks.", "lmd_demo.")


def init_product_scenarios():
    """workbench.scenarios.init_scenarios, for the blocks whose entry points are the product's:
    the others are never imported."""
    from workbench import scenarios
    from xblock import plugin
    scenarios.SCENARIOS.clear()
    if settings.WORKBENCH["reset_state_on_restart"]:
        scenarios.WORKBENCH_KVS.clear()
    else:
        scenarios.WORKBENCH_KVS.prep_for_scenario_loading()
    installed = entry_points(group="xblock.v1")
    product = {point.name: point for point in installed if point.value.startswith(PRODUCT_PACKAGES)}
    # XBlock looks each block type up in every installed distribution's entry points (two scans
    # per type, a tenth of a second each here): the classes just loaded answer those lookups, for
    # the types no other entry point claims and no override replaces.
    claimed = Counter(point.name for point in installed)
    overridden = {point.name for point in entry_points(group="xblock.v1.overrides")}
    for name in sorted(product):
        block_class = product[name].load()
        block_class.plugin_name = name  # as XBlock's own loading sets it
        if claimed[name] == 1 and name not in overridden:
            plugin.PLUGIN_CACHE.setdefault(("xblock.v1", name), block_class)
        scenarios.add_class_scenarios(name, block_class, fail_silently=False)


class DemoConfig(AppConfig):
    name = "lmd_demo"

    def ready(self):
        if getattr(settings, "LMD_WORKBENCH_ALL_BLOCKS", False):
            return
        from workbench import scenarios
        scenarios.init_scenarios = init_product_scenarios
