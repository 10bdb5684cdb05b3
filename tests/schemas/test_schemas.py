"""The JSON Schemas in docs/schemas/ describe what pmq reads and writes: the bundled examples
and built-in standards validate against them, and so do the results pmq produces."""
import fractions
import json
import os
import unittest

import jsonschema

import pmq

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")


def load(*parts):
    with open(os.path.join(ROOT, *parts), encoding="utf-8") as f:
        return json.load(f)


def validator(name):
    schema = load("docs", "schemas", name)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def as_json(value):
    """What the C ABI wrote: the binding reads "exact" strings ("n/d") as Fraction; give them
    back as the strings they were."""
    if isinstance(value, fractions.Fraction):
        return str(value)
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value


class SchemaTest(unittest.TestCase):
    def test_builtin_standards_match_the_standard_schema(self):
        v = validator("standard.schema.json")
        for f in sorted(os.listdir(os.path.join(ROOT, "src", "presets"))):
            data = load("src", "presets", f)
            if "sections" in data:
                v.validate(data)
        for sid in pmq.builtin_standards():
            with pmq.Standard.builtin(sid) as s:
                v.validate(as_json(s.to_dict()))

    def test_example_inspections_and_their_results(self):
        vi = validator("inspection.schema.json")
        vr = validator("result.schema.json")
        for name, sid in (("inspection.json", None), ("inspection_national.json", "cn-national-demo-estate")):
            inspection = load("examples", "data", name)
            vi.validate(inspection)
            with pmq.Standard.builtin(sid) as s:
                vr.validate(as_json(s.score(inspection)))

    def test_households_and_their_aggregate_R_CAL_15(self):
        inspection = load("tests", "data", "valid", "inspection_households.json")
        validator("inspection.schema.json").validate(inspection)
        with pmq.Standard.builtin() as s:
            result = as_json(s.score(inspection))
        validator("result.schema.json").validate(result)
        no_complaint = dict(inspection, households=[{"id": "1", "ratings": {"保洁": "satisfied"}}])
        with pmq.Standard.builtin() as s:
            validator("result.schema.json").validate(as_json(s.score(no_complaint)))

    def test_carry_overs_from_the_rectification_report_fit_an_inspection(self):
        v = validator("inspection.schema.json")
        events = [{"order": "R-1", "kind": "issued", "date": "2026-11-02", "project": "P-01",
                   "department": "KF"},
                  {"order": "R-1", "kind": "reinspected", "date": "2026-11-12", "passed": False}]
        for regime in ("branch", "company"):
            r = pmq.rectification_report({"month": "2026-11", "events": events, "regime": regime})
            v.validate({"id": "next", "project": "P-01", "responses": [],
                        "carry_over": as_json(r["carry_over"])})
        with self.assertRaises(jsonschema.ValidationError):
            v.validate({"id": "x", "responses": [],
                        "carry_over": [{"order": "R-1", "points": 2, "reason": "no project"}]})

    def test_assessment_request(self):
        schemas = {n: load("docs", "schemas", n) for n in
                   ("assessment.schema.json", "inspection.schema.json", "standard.schema.json")}
        schema = schemas["assessment.schema.json"]
        jsonschema.Draft202012Validator.check_schema(schema)
        try:  # jsonschema ≥ 4.18 resolves references through a registry
            from referencing import Registry, Resource
            registry = Registry().with_resources(
                (s["$id"], Resource.from_contents(s)) for s in schemas.values())
            v = jsonschema.Draft202012Validator(schema, registry=registry)
        except ImportError:  # Debian 12's 4.10
            resolver = jsonschema.RefResolver.from_schema(
                schema, store={s["$id"]: s for s in schemas.values()})
            v = jsonschema.Draft202012Validator(schema, resolver=resolver)
        request = load("examples", "data", "assessment_2026-11.json")
        v.validate(request)
        pmq.assess(request)  # and pmq reads it
        for bad in ({"period": "2026-13"}, {"typo": 1}, {"carry_over": [{"order": "Z"}]},
                    {"inspections": [{"id": "I", "responses": []}]}):
            with self.assertRaises(jsonschema.ValidationError):
                v.validate({**request, **bad})

    def test_assessment_results(self):
        v = validator("assessment_result.schema.json")
        request = load("examples", "data", "assessment_2026-11.json")
        v.validate(as_json(pmq.assess(request)))
        org = {"company": "C", "branches": [
            {"id": "B1", "head": "h1", "projects": [{"id": "P1", "head": "p1"},
                                                    {"id": "P2", "head": "p2"}]},
            {"id": "B2", "head": "h2", "projects": [{"id": "P3", "head": "p3"}]}]}
        scores = [{"project": "P1", "inspector": "甲", "score": "89.9967"},
                  {"project": "P1", "inspector": "乙", "score": 95},
                  {"project": "P2", "inspector": "甲", "score": "26999/300"}]
        for extra in ({"regime": "company", "period": "2026-H2"},
                      {"period": "2026-11", "pay": {"scheme": "per_point"}},
                      {"period": "2026-11", "previous": [{"period": "2026-10", "projects": [
                          {"project": "P1", "score": 80}, {"project": "P3"}]}]}):
            v.validate(as_json(pmq.assess({"organisation": org, "scores": scores, **extra})))
        with self.assertRaises(jsonschema.ValidationError):
            v.validate({**as_json(pmq.assess(request)), "typo": 1})

    def test_schema_rejects_what_pmq_rejects(self):
        v = validator("inspection.schema.json")
        with self.assertRaises(jsonschema.ValidationError):
            v.validate({"id": "x", "responses": [{"item": "A", "defects": -1}]})
        with self.assertRaises(jsonschema.ValidationError):
            v.validate({"id": "x", "responses": [], "typo": 1})


if __name__ == "__main__":
    unittest.main()
