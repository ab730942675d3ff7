"""The installed wheel, as a user calls it."""

import decimal
import json
import os
import pathlib
import subprocess

import pytest

import fordeling

ROOT = pathlib.Path(__file__).resolve().parents[2]
NAME, CASE, PERIOD = fordeling.example_cases()[0]


def example_request(command="split"):
    return {"version": 1, "command": command, "policy": fordeling.example_policy(), "case": CASE,
            "period": {"from": PERIOD[0], "to": PERIOD[1]}}


def test_installed_from_the_wheel_not_the_source_tree():
    assert "site-packages" in fordeling.__file__, fordeling.__file__


def test_handle_gives_the_cli_answer_byte_for_byte():
    request = json.dumps(example_request())
    answer = fordeling.handle(request)
    cli = os.environ.get("FORDELING_BIN")
    if cli:
        printed = subprocess.run([cli, "request", "-"], input=request.encode(), capture_output=True, check=True).stdout
        assert answer.encode() + b"\n" == printed
    assert json.loads(answer)["result"]["totals"]["case"] == "530206.44"


def test_handle_never_raises():
    for text in ["", "{", "[]", "{\"version\":2}", "null", "\u0000"]:
        assert json.loads(fordeling.handle(text))["status"] == "error"


def test_split_of_the_example():
    result = fordeling.split(fordeling.example_policy(), CASE, period=PERIOD)
    assert result["totals"]["case"] == "530206.44"
    by_department = {d["department"]: d["amount"] for d in result["totals"]["by_department"]}
    assert by_department["ishoj-cbf"] == "329812.22"


def test_documents_as_paths_dicts_and_dates():
    import datetime
    policy = ROOT / "examples" / "policy.toml"
    case = ROOT / "examples" / "case-ishoj.toml"
    a = fordeling.split(policy, case, period=(datetime.date(2024, 1, 1), datetime.date(2024, 12, 31)))
    parsed = fordeling.request("parse", policy, case)
    b = fordeling.split(parsed["policy"], parsed["case"], period={"from": "2024-01-01", "to": "2024-12-31"})
    assert a["totals"] == b["totals"]


def test_errors_raise_with_the_contract_errors():
    bad = CASE.replace('amount = "3400.00"', 'amount = "34,00"', 1)
    assert bad != CASE
    with pytest.raises(fordeling.FordelingError) as e:
        fordeling.split(fordeling.example_policy(), bad, period=PERIOD)
    errors = e.value.errors
    assert errors and errors[0]["kind"] == "case"
    assert errors[0]["item"].startswith("services[0]")
    assert "34,00" in str(e.value)
    with pytest.raises(fordeling.FordelingError) as e:
        fordeling.split(fordeling.example_policy(), CASE, period=("1900-01-01", "2199-12-31"))
    assert e.value.errors[0]["kind"] == "compute"


def test_lines_are_rows_that_add_up_to_the_totals():
    rows = fordeling.lines(fordeling.example_policy(), CASE, period=PERIOD, money=decimal.Decimal)
    assert rows and set(rows[0]) >= {"service_line", "month", "department", "amount", "line_amount"}
    assert sum(r["amount"] for r in rows) == decimal.Decimal("530206.44")
    per_department = {}
    for r in rows:
        per_department[r["department"]] = per_department.get(r["department"], 0) + r["amount"]
    assert per_department["ishoj-cvv"] == decimal.Decimal("22830.00")
    assert all(isinstance(r["amount"], str) for r in fordeling.lines(fordeling.example_policy(), CASE, PERIOD))


def test_lines_in_pandas():
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame(fordeling.lines(fordeling.example_policy(), CASE, PERIOD, money=decimal.Decimal))
    assert frame.groupby("department")["amount"].sum()["ishoj-cdu"] == decimal.Decimal("177564.22")


def test_explain_and_postings():
    text = fordeling.explain(fordeling.example_policy(), CASE, PERIOD, lang="da")
    assert "Barnets lov § 87" in text
    posted = fordeling.postings(fordeling.example_policy(), CASE, PERIOD)
    assert posted and {"month", "department", "amount"} <= set(posted[0])
