"""The demo's SECRET_KEY: made once per installation and kept in var/, readable by its owner
only. The XBlock SDK's settings carry a key published with the SDK: sessions, CSRF tokens and
password-reset links signed with it could be forged by anyone."""
import os
import secrets

FILENAME = "secret_key"


def installation_secret(var_dir):
    path = os.path.join(var_dir, FILENAME)
    try:
        # O_EXCL: two processes starting at once do not both write a key; the second reads.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        with open(path, encoding="ascii") as stored:
            key = stored.read().strip()
        if len(key) < 50:
            raise RuntimeError(f"{path} holds no usable secret key; delete it to make a new one") from None
        return key
    key = secrets.token_urlsafe(64)
    with os.fdopen(fd, "w", encoding="ascii") as stored:
        stored.write(key + "\n")
    return key
