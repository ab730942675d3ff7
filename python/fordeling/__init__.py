"""fordeling: exact cost-share splits of support for children with disabilities, to the øre.

The native module answers the JSON contract (``handle``); this module builds requests from Python
values, raises :class:`FordelingError` on an error answer and turns a split into rows.
Money is always a string with two decimals (pass ``money=decimal.Decimal`` to :func:`lines`).
"""

from __future__ import annotations

import datetime as _dt
import json as _json
import os as _os
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple, Union

from . import _native

__all__ = [
    "FordelingError",
    "handle",
    "request",
    "split",
    "explain",
    "postings",
    "lines",
    "example_policy",
    "example_cases",
    "CONTRACT_VERSION",
]

CONTRACT_VERSION: int = _native.contract_version()

Document = Union[str, Mapping[str, Any], "_os.PathLike[str]"]
Day = Union[str, _dt.date]
Period = Union[Tuple[Day, Day], Mapping[str, Day], None]


class FordelingError(Exception):
    """An error answer of the contract. ``errors`` is its list of errors, each a dict with
    ``kind``, ``code``, ``item``, ``message`` and, where one field is to blame, ``field``."""

    def __init__(self, errors: List[Dict[str, Any]]):
        self.errors = errors
        super().__init__("; ".join(e.get("message", "") for e in errors) or "error")


def handle(request_json: str) -> str:
    """Answer a contract request (JSON text) with the contract's answer (JSON text). Never raises."""
    return _native.handle(request_json)


def example_policy() -> str:
    """The built-in example policy (TOML text)."""
    return _native.example_policy()


def example_cases() -> List[Tuple[str, str, Tuple[str, str]]]:
    """The built-in example cases: (name, TOML text, (first day, last day))."""
    return [(name, text, tuple(period)) for name, text, period in _native.example_cases()]


def _document(doc: Document) -> Any:
    if isinstance(doc, _os.PathLike):
        with open(doc, encoding="utf-8") as f:
            return f.read()
    if isinstance(doc, (str, Mapping)):
        return doc if isinstance(doc, str) else dict(doc)
    raise TypeError(f"a document is TOML/JSON text, a dict or a path, not {type(doc).__name__}")


def _day(d: Day) -> str:
    return d.isoformat() if isinstance(d, _dt.date) else str(d)


def _period(period: Period) -> Optional[Dict[str, str]]:
    if period is None:
        return None
    if isinstance(period, Mapping):
        return {"from": _day(period["from"]), "to": _day(period["to"])}
    first, last = period
    return {"from": _day(first), "to": _day(last)}


def request(command: str, policy: Document, case: Optional[Document] = None, period: Period = None,
            lang: str = "en", **fields: Any) -> Dict[str, Any]:
    """Send one contract request; the ``result`` of the answer, or :class:`FordelingError`.
    Further contract fields (``siblings``, ``previous_case``, ``booked_through``, ``detail``) go
    in ``fields``; documents among them may be text, dicts or paths."""
    req: Dict[str, Any] = {"version": CONTRACT_VERSION, "command": command, "policy": _document(policy), "lang": lang}
    if case is not None:
        req["case"] = _document(case)
    if period is not None:
        req["period"] = _period(period)
    for key, value in fields.items():
        if key == "siblings":
            value = [_document(v) for v in value]
        elif key == "previous_case":
            value = _document(value)
        req[key] = value
    answer = _json.loads(_native.handle(_json.dumps(req, ensure_ascii=False)))
    if answer.get("status") != "ok":
        raise FordelingError(answer.get("errors", []))
    return answer["result"]


def split(policy: Document, case: Document, period: Period = None, lang: str = "en") -> Dict[str, Any]:
    """Split a case over a period (by default the span of its services): the contract's result."""
    return request("split", policy, case, period, lang)


def explain(policy: Document, case: Document, period: Period = None, lang: str = "en") -> str:
    """Every number of the split explained in words (``lang`` ``"en"`` or ``"da"``)."""
    return request("explain", policy, case, period, lang)["text"]


def postings(policy: Document, case: Document, period: Period = None) -> List[Dict[str, Any]]:
    """The posting lines that book the split."""
    return request("postings", policy, case, period)["postings"]


def lines(policy: Document, case: Document, period: Period = None, lang: str = "en",
          money: Callable[[str], Any] = str) -> List[Dict[str, Any]]:
    """The split as rows, one per line and department share, ready for ``pandas.DataFrame``.
    Money columns (``line_amount``, ``amount``) are strings unless ``money`` converts them
    (``money=decimal.Decimal``); the rows' ``amount`` add up to the case total exactly."""
    result = split(policy, case, period, lang)
    rows = []
    for line in result["lines"]:
        key = line.get("key") or {}
        for share in line["shares"]:
            rows.append({
                "case": result["case"],
                "service_line": line["service_line"],
                "service": line["service"],
                "service_name": line.get("service_name"),
                "month": line["month"],
                "from": line["from"],
                "to": line["to"],
                "eligible": line["eligible"],
                "payer": line["payer"]["department"],
                "key_source": key.get("source"),
                "key_id": key.get("id"),
                "line_amount": money(line["amount"]),
                "department": share["department"],
                "municipality": share["municipality"],
                "weight": share["weight"],
                "amount": money(share["amount"]),
                "leftover_ore": share["leftover_ore"],
            })
    return rows
