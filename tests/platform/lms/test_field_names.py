"""No field of our blocks shadows a field the platform gives every block (issue 11, defect 1):
Open edX mixes XBLOCK_MIXINS into each block class (InheritanceMixin's `start`, `due`,
`visible_to_staff_only`, `group_access`, `max_attempts`...). A block field with the same name must
be the same kind of field in the same scope, or the platform reads our value as its own."""
import pytest
from django.conf import settings
from xblock.core import XBlock
from xmodule.modulestore.inheritance import InheritanceMixin

OUR_BLOCKS = ("lmd_module", "lmd_quiz", "lmd_case_study", "lmd_role_play")


def platform_fields():
    fields = {}
    for mixin in (*settings.XBLOCK_MIXINS, InheritanceMixin):
        for name, field in getattr(mixin, "fields", {}).items():
            fields.setdefault(name, (mixin.__name__, field))
    return fields


@pytest.mark.parametrize("tag", OUR_BLOCKS)
def test_no_field_collides_with_the_platforms(tag):
    ours = XBlock.load_class(tag)
    own = {name: field for name, field in ours.fields.items()
           if next(cls for cls in ours.__mro__ if name in vars(cls)).__module__.startswith("xblocks.")}
    theirs = platform_fields()
    assert own, f"{tag}: no fields of its own found"
    clashes = [f"{name}: ours {type(field).__name__}/{field.scope}, {theirs[name][0]}'s "
               f"{type(theirs[name][1]).__name__}/{theirs[name][1].scope}"
               for name, field in own.items() if name in theirs
               and (type(field) is not type(theirs[name][1]) or field.scope != theirs[name][1].scope)]
    assert clashes == []


def test_the_renamed_role_play_field_still_reads_the_old_attribute():
    from lxml import etree
    from xblocks.lmd_role_play import content
    sample = (__import__("pathlib").Path(content.__file__).parent / "samples" / "role_play.xml").read_text()
    old = etree.fromstring(sample.replace("start_node=", "start="))
    assert content.parse(old)["start_node"] == etree.fromstring(sample).get("start_node")
