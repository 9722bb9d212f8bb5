"""The one exception of licensed imports (its own module: the archive reader and the verifier both
raise it, and neither should import the other for it)."""


class ImportRefused(ValueError):
    """The package is not imported; the message is the reason."""
