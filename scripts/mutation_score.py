"""Score per module from `mutmut results --all true` (lines 'module.x__mutmut_N: status')."""
import collections
import sys

results, modules = sys.argv[1], sys.argv[2:]
counts = collections.defaultdict(collections.Counter)
survivors = collections.defaultdict(list)
for line in open(results, encoding="utf-8", errors="replace"):
    name, _, status = line.strip().rpartition(": ")
    if "__mutmut_" not in name:
        continue
    module = name.split(".x", 1)[0].split(".x_", 1)[0]
    module = module.rsplit(".", 1)[0] if module.count(".") and not any(
        module.replace(".", "/") + ".py" == m for m in modules) else module
    counts[module][status] += 1
    if status in ("survived", "no tests"):
        survivors[module].append(name)
for m in modules:
    key = m[:-3].replace("/", ".")
    c = counts.get(key, collections.Counter())
    total = sum(c.values())
    killed = c["killed"] + c["timeout"]
    score = f"{100 * killed / total:.1f} %" if total else "n/a"
    print(f"   {m}: {killed}/{total} killed ({score}); " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
    for s in survivors.get(key, [])[:15]:
        print(f"      survived: {s}")
