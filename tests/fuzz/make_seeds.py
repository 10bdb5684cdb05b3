#!/usr/bin/env python3
"""Writes the fuzz harnesses' seed corpora (tests/fuzz/corpus/<harness>/) and the JSON
dictionary (tests/fuzz/pmq.dict) from the repository's own valid documents and headers.

Run from anywhere: python3 tests/fuzz/make_seeds.py. The output is committed; rerun it when
documents or field names change. Arguments of a harness are separated by NUL bytes."""
import hashlib
import json
import pathlib
import re
import shutil

ROOT = pathlib.Path(__file__).resolve().parents[2]
FUZZ = ROOT / "tests" / "fuzz"
VALID = ROOT / "tests" / "data" / "valid"
PRESETS = ROOT / "src" / "presets"
EXAMPLES = ROOT / "examples" / "data"


def text(path):
    return path.read_text(encoding="utf-8")


def compact(doc):
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def v(name):
    return text(VALID / name)


def seeds():
    inspection = text(EXAMPLES / "inspection.json")
    national_inspection = text(EXAMPLES / "inspection_national.json")
    residential = text(PRESETS / "residential_example.json")
    national = text(PRESETS / "national_demo_estate.json")
    national_ids = [i["id"] for s in json.loads(national)["sections"] for i in s["items"]]
    small_standard = (
        '{"id":"c-test","version":"1","title":"C 测试","total":10,"sections":[{"id":"BJ","title":'
        '"保洁","items":[{"id":"BJ-01","title":"楼道","requirement":"无杂物","max_score":6,"kind":'
        '"deduct","deduction":0.1},{"id":"BJ-02","title":"垃圾桶","requirement":"无异味",'
        '"max_score":4,"kind":"pass_fail"}]}]}')
    small_inspection = '{"id":"I-1","responses":[{"item":"BJ-01","defects":50},{"item":"BJ-02","passed":false}]}'
    bands = [text(PRESETS / p.name) for p in sorted(PRESETS.glob("bands_*.json"))]
    catalogue = json.loads(text(PRESETS / "kpi_catalogue.json"))["kpis"]
    plan = json.loads(v("kpi_plan.json"))

    s = {}
    s["standard_load"] = [residential + "\0" + inspection, national + "\0" + national_inspection,
                          small_standard + "\0" + small_inspection]
    s["standard_builtin"] = ["pmq-residential-example", "cn-national-demo-estate", "", "x"]
    s["score"] = [inspection, national_inspection, v("inspection_households.json"),
                  '{"id":"x","responses":[{"item":"BJ-01","not_applicable":true}]}']
    s["score_batch"] = ["[" + inspection + "," + inspection + "]", "[]"]
    s["score_summary"] = s["score"]
    s["score_batch_summary"] = s["score_batch"]
    s["standard_derive"] = [
        v("derive_selection.json") + "\0" + national_inspection,
        compact({"id": "p", "clauses": national_ids[:5]}) + "\0" +
        compact({"id": "i", "responses": [{"item": national_ids[0], "defects": 1}]}),
        compact({"id": "p", "exclude": national_ids[5:9], "property_type": "residential"}),
    ]
    s["rollup"] = [v("rollup.json")]
    assessment = text(EXAMPLES / "assessment_2026-11.json")
    s["assess"] = [assessment + "\0text\0zh", assessment + "\0csv\0en",
                   assessment + "\0csv\0xx"]
    s["bands_load"] = [b + "\0" + score for b in bands for score in ("89999", "90000")]
    s["bands_builtin"] = ["pay_adjustment\0" "89999", "annual_grades\0" "90000",
                          "supplier_standings\0" "80000"]
    s["per_point_pay"] = [v("per_point_scheme.json") + "\0" "87500", "{}\0" "90000",
                          '{"rounding":"exact"}\0' "88500"]
    s["supplier_qualify"] = [v("supplier_qualification.json")]
    s["supplier_tender"] = [v("supplier_tender.json") + "\0" + v("supplier_tender_rules.json"),
                            v("supplier_tender.json")]
    s["supplier_staffing"] = [v("staffing_month.json")]
    s["supplier_month"] = [v("supplier_month.json")]
    s["supplier_year"] = [v("supplier_year.json"),
                          v("supplier_year.json") + "\0" + '{"bars":{"unqualified_years":3}}']
    s["supplier_may_bid"] = [v("supplier_may_bid.json")]
    s["supplier_default_rules"] = ["monthly", "staffing", "tender", "yearly"]
    calendar = json.loads(v("calendar_plan.json"))["calendar"]
    s["calendar_deadlines"] = ['{"month":"2026-12"}',
                               compact({"month": "2026-10", "calendar": calendar})]
    s["archive_loans"] = [v("archive_loans.json")]
    s["inspection_plan"] = [v("calendar_plan.json"), v("calendar_plan_follow_up.json")]
    s["inspection_coverage"] = [v("calendar_coverage.json")]
    s["household_sample"] = [v("households.json")]
    s["rectification_status"] = [v("rectification_status.json"), v("quality_loop_status.json")]
    s["rectification_report"] = [v("rectification.json")]
    s["consecutive_failures"] = [v("assessments.json")]
    s["complaints"] = [v("complaints.json")]
    s["rate_check"] = ["ge\0" "98\0" "39\0" "40", "lt\0" "89.999\0" "1\0" "3", "eq\0" "100\0" "0\0" "0"]
    s["kpi_evaluate"] = ["R-KPI-12\0" + v("kpi_counts.json")] + [
        k["id"] + "\0" + compact({i["name"]: 10 for i in k["inputs"]}) for k in catalogue]
    s["kpi_counts"] = ["R-KPI-12\0valid_complaints\0" "40\0handled_late\0" "1"]
    s["kpi_custom"] = [v("kpi_custom.json") + "\0" + v("kpi_custom_counts.json")] + [
        compact(k) + "\0" + compact({i["name"]: 7 for i in k["inputs"]})
        for k in plan.get("custom_kpis", [])]
    s["expr"] = ["(a - b) / a\0" '{"a":40,"b":1}', "min(a, b) * 2 + 1\0" '{"a":3,"b":4}'] + [
        k["expression"] + "\0" + compact({i["name"]: 12 for i in k["inputs"]}) for k in catalogue]
    s["expr_handle"] = ["(a - b) / a\0" "40,1", "if(a >= b, 1, 0) / (a - b)\0" "3 3",
                        "min(a, b, c) * 100\0" "7,-1,9223372036854775807"] + [
        k["expression"] + "\0" + ",".join("12" for _ in k["inputs"]) for k in catalogue]
    s["kpi_series"] = ["R-KPI-12\0" + v("kpi_months.json") + "\0" + kind
                       for kind in ("month", "quarter", "half_year", "year")]
    s["kpi_table"] = [v("kpi_plan.json") + "\0" + v("kpi_actuals.json") + "\0" + p
                      for p in ("2026-03", "2026-Q1", "2026-H1", "2026")]
    s["fee_plan"] = [v("fee_plan.json") + "\0" "2026-Q2", v("fee_plan.json") + "\0" "2026"]
    s["report"] = [inspection + "\0\0\0zh", inspection + "\0\0\0en", assessment + "\0\0\0en",
                   v("kpi_plan.json") + "\0" + v("kpi_actuals.json") + "\0" "2026-Q1\0zh",
                   v("kpi_plan.json") + "\0" + v("kpi_actuals.json") + "\0" "2026-03\0xx"]
    return s


def dictionary():
    words = set()
    for header in sorted((ROOT / "include" / "pmq").glob("*.hpp")):
        src = re.sub(r"//[^\n]*", "", text(header))
        for m in re.finditer(r"BOOST_DESCRIBE_STRUCT\(\s*\w+\s*,\s*\([^)]*\)\s*,\s*\(([^)]*)\)", src):
            words.update('"%s":' % w.strip() for w in m.group(1).split(",") if w.strip())
        for m in re.finditer(r"BOOST_DEFINE_ENUM_CLASS\(\s*\w+\s*,([^)]*)\)", src):
            words.update('"%s"' % w.strip() for w in m.group(1).split(",") if w.strip())
    words.update(['{', '}', '[', ']', ',', ':', '""', 'null', 'true', 'false', '-', '0', '-1',
                  '0.001', '1e300', '9223372036854775807', '18446744073709551616',
                  '89.99999999999999999', '"\\u0000"', '"\\ud800"', '"2026-12-31"', '"9999-12-31"',
                  '"1400-01-01"', '"2026-02-29"', '"2026-12"', '"2026-Q1"', '"2026-H1"',
                  '"2026-11-18T09:05+08:00"', '"Z"', '+08:00', '+14:00', '"R-KPI-12"'])
    lines = ["# pmq's JSON: tokens, field names and enum values (make_seeds.py writes this)."]
    for i, w in enumerate(sorted(words)):
        escaped = w.replace("\\", "\\\\").replace('"', '\\"')
        lines.append('kw%d="%s"' % (i, escaped))
    return "\n".join(lines) + "\n"


def main():
    corpus = FUZZ / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    for harness, items in sorted(seeds().items()):
        assert (FUZZ / ("fuzz_%s.cpp" % harness)).exists(), harness
        d = corpus / harness
        d.mkdir(parents=True)
        for item in items:
            data = item.encode("utf-8")
            (d / hashlib.sha1(data).hexdigest()).write_bytes(data)
    missing = {p.stem[5:] for p in FUZZ.glob("fuzz_*.cpp")} - set(seeds())
    assert not missing, missing
    (FUZZ / "pmq.dict").write_text(dictionary(), encoding="utf-8")


if __name__ == "__main__":
    main()
