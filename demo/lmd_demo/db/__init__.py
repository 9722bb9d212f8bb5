"""The demo's SQLite backend: Django's, with writers taking turns first come, first served."""
