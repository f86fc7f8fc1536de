"""Writes conformance vector files in the house layout: one case per line.

Usage from a generator: `from vecfmt import write; write(path, groups)`.
"""
import json


def write(path, groups):
    out = ["["]
    for gi, group in enumerate(groups):
        out.append('  {"op": %s,' % json.dumps(group["op"]))
        out.append('   "cases": [')
        cases = group["cases"]
        for ci, case in enumerate(cases):
            line = "     " + json.dumps(case, ensure_ascii=False)
            out.append(line + ("," if ci < len(cases) - 1 else ""))
        out.append("   ]}" + ("," if gi < len(groups) - 1 else ""))
    out.append("]")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
