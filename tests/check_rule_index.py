"""ctest docs.rule_index: docs/rules.md and the Catch2 tags agree.

Every rule listed in docs/rules.md has at least one C++ test tagged with its id, and every
rule id used as a tag is listed in docs/rules.md.
usage: check_rule_index.py PMQ_TESTS_BINARY docs/rules.md
"""
import re
import subprocess
import sys

binary, index = sys.argv[1], sys.argv[2]
listed = set(re.findall(r"^\| (R-[A-Z]+-\d+) \|", open(index, encoding="utf-8").read(), re.M))
# Catch2 v2 exits with the number of tags listed, so the status is not an error signal.
tags_out = subprocess.run([binary, "--list-tags"], capture_output=True, text=True).stdout
tagged = set(re.findall(r"\[(R-[A-Z]+-\d+)\]", tags_out))
missing_tests = sorted(listed - tagged)
missing_rows = sorted(tagged - listed)
if missing_tests:
    print("rules in docs/rules.md without a tagged test:", ", ".join(missing_tests))
if missing_rows:
    print("tagged rules missing from docs/rules.md:", ", ".join(missing_rows))
print(f"{len(listed & tagged)} passed, {len(missing_tests) + len(missing_rows)} failed")
sys.exit(1 if missing_tests or missing_rows else 0)
