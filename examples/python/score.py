"""Scores the example inspection against the built-in standard from Python.

    PMQ_LIBRARY=build/dev/libpmq_c.so PYTHONPATH=bindings/python python3 examples/python/score.py
"""
import json
import os
import sys

import pmq

path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "data", "inspection.json")
with open(path, encoding="utf-8") as f:
    inspection = json.load(f)

with pmq.Standard.builtin() as standard:
    result = standard.score(inspection)

print(f"{result['inspection']}: {result['score']} / {result['max_score']}")
for section in result["sections"]:
    print(f"  {section['title']}: {section['score']} / {section['max_score']}")
