"""axe-core (npm) run inside the page: the accessibility scan of the browser tests."""
from pathlib import Path

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def serious_violations(page, selector):
    """Violations of impact serious or critical inside `selector`, as (id, help, targets)."""
    # Evaluated through the DevTools protocol, not as an inline <script> tag: the demo's
    # Content-Security-Policy (no 'unsafe-inline') blocks a tag, as it would any injected script.
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("""async (selector) => {
        const r = await axe.run(selector, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                       targets: v.nodes.map(n => n.target.join(' '))}));
    }""", selector)
    return [(v["id"], v["help"], v["targets"]) for v in result if v["impact"] in ("serious", "critical")]
