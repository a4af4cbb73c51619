"""The JSON Schema in schemas/ is the validator's own, and real JSON Schema tools agree with it."""

import json

import pytest
import yaml

from reportgen.reader.schema import REPORT_SCHEMA, schema_json
from tests.conftest import DATA, ROOT

jsonschema = pytest.importorskip("jsonschema")


def test_the_published_schema_is_the_one_the_validator_uses():
    published = (ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8")
    assert published == schema_json(), "run: reportgen schema -o schemas/report.schema.json"


def as_json(value):
    """YAML dates as the strings a JSON validator sees through yaml-language-server."""
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))


@pytest.mark.parametrize("example", sorted(p.name for p in DATA.glob("*.yaml")))
def test_every_example_in_data_is_accepted(example):
    report = as_json(yaml.safe_load((DATA / example).read_text(encoding="utf-8")))
    jsonschema.Draft202012Validator(REPORT_SCHEMA).validate(report)


def test_a_misspelt_field_is_rejected():
    report = as_json(yaml.safe_load((DATA / "liuzhou-library-2025.yaml").read_text("utf-8")))
    report["titel"] = report.pop("title")
    errors = list(jsonschema.Draft202012Validator(REPORT_SCHEMA).iter_errors(report))
    assert errors


def test_a_misspelt_nested_field_is_rejected():
    report = {"title": "t", "body": [{"section": "a", "bdy": ["x"]}]}
    assert list(jsonschema.Draft202012Validator(REPORT_SCHEMA).iter_errors(report))


def test_the_schema_is_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(REPORT_SCHEMA)


@pytest.mark.parametrize("date, accepted", [
    ("2026-01-26", True), ("2026-1-6", True), ("2026年1月26日", True), ("明年", False),
    ("26/01/2026", False),
])
def test_an_editor_checking_the_schema_flags_a_report_date_that_is_no_date(date, accepted):
    report = {"title": "t", "metadata": {"date": date}, "body": ["x"]}
    errors = list(jsonschema.Draft202012Validator(REPORT_SCHEMA).iter_errors(report))
    assert (not errors) == accepted
