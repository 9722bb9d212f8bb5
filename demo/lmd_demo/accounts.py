"""The demo's seeded accounts, in one place: the seed commands create them and `make demo` ends by
printing them under the demo's address, so that what one reads last is how to get in."""
PASSWORD = "demo"

# (username, what the account shows), in the order a visitor would try them
ACCOUNTS = [
    ("officer1", "an officer approved by their coordinator: the course, progress, the completion summary"),
    ("officer2", "an officer whose request is pending (officer3 and officer4 too): status, withdraw"),
    ("coord_eastland", "Eastland's national coordinator: approval queue, officers' progress"),
    ("coord_westmark", "Westmark's national coordinator (officer4's administration)"),
    ("coord_former", "a coordinator whose registration ended: sees and decides nothing"),
    ("facilitator", "course staff: learners' work, item analysis, attempt resets, exports"),
    ("secretariat", "the Secretariat: coordinators, licences, the report per administration, admin"),
]


def banner(url):
    """The lines `make demo` prints last: the address, then every account and what it shows."""
    width = max(len(name) for name, _what in ACCOUNTS)
    lines = ["", f"The LMD demo is running on {url}  (Ctrl-C to stop)",
             f"Sign in with one of these accounts, password '{PASSWORD}':"]
    lines += [f"  {name.ljust(width)}  {what}" for name, what in ACCOUNTS]
    return "\n".join(lines) + "\n"
