"""MongoDB, stood in for in-process by mongomock.

Open edX keeps courses in MongoDB (the split modulestore and the contentstore). No MongoDB server
can be had on the machines these tests run on (it is not in Debian, and the pip/npm packages that
download a server binary at run time cannot reach their downloads), so for the test process only,
`pymongo.MongoClient` is replaced by mongomock's: one shared in-memory client per host and port,
so that Studio's import, the LMS and the contentstore see the same data, with GridFS (the
contentstore's course assets) enabled, and the two admin commands the platform sends to check a
connection answered. Everything else (Django, the SQL database, the platform's code) is real. On a
machine with a MongoDB server, run the tier with LMD_REAL_MONGODB=1 to use it instead.
"""
import os

import mongomock
import mongomock.gridfs
import pymongo

_CLIENTS = {}


class _Database(mongomock.database.Database):
    def command(self, command, **kwargs):
        name = command if isinstance(command, str) else next(iter(command))
        if name.lower() in ("ismaster", "hello"):  # split_mongo's heartbeat
            return {"ok": 1.0, "ismaster": True, "isWritablePrimary": True, "maxWireVersion": 17}
        return super().command(command, **kwargs)


class _Client(mongomock.MongoClient):
    def get_database(self, name=None, *args, **kwargs):
        database = super().get_database(name, *args, **kwargs)
        database.__class__ = _Database
        return database


def shared_client(host="localhost", port=27017, **kwargs):
    """The client for this host and port: created once, then shared (as connections to one
    server share its data). Connection options (tz_aware, document_class...) are honoured by the
    first call; the platform passes the same ones everywhere."""
    if isinstance(host, (list, tuple)):
        host = host[0]
    key = (host or "localhost", int(port or 27017))
    if key not in _CLIENTS:
        options = {k: v for k, v in kwargs.items() if k in ("tz_aware", "document_class")}
        _CLIENTS[key] = _Client(host=key[0], port=key[1], **options)
    return _CLIENTS[key]


def install():
    if os.environ.get("LMD_REAL_MONGODB") == "1":
        return False
    mongomock.gridfs.enable_gridfs_integration()
    pymongo.MongoClient = shared_client
    return True
