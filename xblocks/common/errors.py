"""The two kinds of refused input. Handlers turn both into a 400 naming the problem."""


def _(text):
    """Marks a string for extraction; translated later through the i18n service."""
    return text


def _format(message, values, gettext=None):
    if gettext is not None:
        message = gettext(message)
        values = {name: value.translated(gettext) if hasattr(value, "translated") else value
                  for name, value in values.items()}
    return message.format(**values) if values else message


class ContentError(ValueError):
    """Invalid course content. The message names the element (and line) at fault.

    `message` is an English sentence marked with _() and `values` fill its {placeholders}:
    str() is the English (command line, logs, OLX import), `translated(gettext)` the sentence in
    the reader's language (the Studio editor)."""

    def __init__(self, message, **values):
        self.message, self.values = message, values
        super().__init__(_format(message, values))

    def translated(self, gettext):
        try:
            return _format(self.message, self.values, gettext)
        except (KeyError, IndexError, ValueError):  # a translation with broken placeholders: English
            return str(self)


class InputError(ValueError):
    """A learner or staff request that does not fit the block (unknown ids, wrong shape)."""


class Where(str):
    """'<tag id="x"> (line N)', as English text, and in the reader's language on demand."""

    def __new__(cls, label, line=None):
        text = f"{label} (line {line})" if line else label
        self = super().__new__(cls, text)
        self.label, self.line = label, line
        return self

    def translated(self, gettext):
        return gettext("{element} (line {line})").format(element=self.label, line=self.line) if self.line \
            else self.label


_("{element} (line {line})")  # Where's sentence, for the extractor
