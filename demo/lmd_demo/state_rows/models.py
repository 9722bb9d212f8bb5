"""No models: this app only adds an index to the workbench's table (see __init__.py)."""
