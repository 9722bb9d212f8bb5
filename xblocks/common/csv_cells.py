"""One rule for every CSV the product writes (the facilitator's debrief, the coordinators'
requests and progress, the Secretariat's report): a cell that a spreadsheet would run as a
formula is written as text (CSV injection)."""

# A spreadsheet runs a cell starting with one of these as a formula (tab and carriage return
# too, which some spreadsheets strip before they look): such cells get a leading quote.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """`value` as a CSV cell: empty for None, quoted when it would start a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text
