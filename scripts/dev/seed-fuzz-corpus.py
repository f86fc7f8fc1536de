"""Seeds each fuzz target's corpus with the inputs of the conformance vectors (once: files
are named by content hash, so seeding again adds nothing new)."""
import glob
import hashlib
import json
import os

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
CORPUS = os.path.join(ROOT, "core", "fuzz", "corpus")


def put(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, hashlib.sha1(data).hexdigest())
    if not os.path.exists(path):
        with open(path, "wb") as f:
            f.write(data)


for path in sorted(glob.glob(os.path.join(ROOT, "tests", "vectors", "*.json"))):
    for group in json.load(open(path, encoding="utf-8")):
        op = group["op"]
        for case in group["cases"]:
            inp = case.get("input", {})
            if op.startswith("number.") and isinstance(inp.get("text"), str):
                put("number", inp["text"])
            if op == "duration.parse" and isinstance(inp.get("text"), str):
                put("duration", inp["text"])
            for key in ("date", "from", "to", "start", "at", "now"):
                if isinstance(inp.get(key), str):
                    put("time", inp[key])
            if op == "policy.load":
                if isinstance(inp.get("toml"), str):
                    put("policy_toml", inp["toml"])
                if "json" in inp:
                    j = inp["json"]
                    put("policy_json", j if isinstance(j, str) else json.dumps(j, ensure_ascii=False))
            if "holiday_cn" in inp:
                put("holiday_cn", json.dumps(inp["holiday_cn"], ensure_ascii=False))
            if op == "stats.report_csv" and isinstance(inp.get("csv"), str):
                put("csv_ledger", inp["csv"])
            if op == "case.event":
                put("event_json", json.dumps(inp.get("event"), ensure_ascii=False))
            if "events" in inp:
                put("case_json", json.dumps(inp["events"], ensure_ascii=False))
                for e in inp["events"]:
                    put("event_json", json.dumps(e, ensure_ascii=False))
for path in sorted(glob.glob(os.path.join(ROOT, "tests", "data", "email", "*.eml"))):
    put("email", open(path, "rb").read())
for path in sorted(glob.glob(os.path.join(ROOT, "tests", "data", "holiday-cn", "*.json")))[-3:]:
    put("holiday_cn", open(path, "rb").read())
