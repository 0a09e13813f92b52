from __future__ import annotations

import io

import pytest


@pytest.fixture(scope="session")
def municipalities():
    from adoption.ingest import reference

    return reference.municipalities()[["kommunkod", "name", "lan_kod"]]


def luhn_digit(nine: str) -> str:
    """The check digit that makes nine digits a valid 10-digit Luhn number."""
    from adoption.ingest.values import luhn_ok

    return next(d for d in "0123456789" if luhn_ok(nine + d))


def xlsx_bytes(rows, sheet="Blad1", extra_sheets=()) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for row in rows:
        ws.append(list(row))
    for name, more in extra_sheets:
        other = book.create_sheet(name)
        for row in more:
            other.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
