"""Event dates: the document's date, refined by an explicit date phrase where that is easy.

Understood: full dates ("3 March 2016", "March 3, 2016", "2016-03-03"), month and year
("November 2015" → the first of the month), a month relative to the document ("last July",
"in July"), weekdays ("on Monday" → the latest such day on or before the document date),
"yesterday" and "today". A year alone, or anything else, leaves the document date unchanged.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_WEEKDAYS = {d: i for i, d in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_MONTH_YEAR = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\s*,?\s+(?P<year>\d{{4}})\b", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(?P<year>\d{{4}})\b", re.I)
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?:of\s+)?(?P<year>\d{{4}})\b", re.I)
_MONTH_ONLY = re.compile(rf"^(?:(?P<last>last|this|past)\s+)?{_MONTH}$", re.I)
_WEEKDAY = re.compile(r"^(?:(?:last|this|on)\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", re.I)


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_date_phrase(text: str, *, reference: dt.date | None = None) -> dt.date | None:
    """The date a phrase names, or None when it names none this module understands.

    Parameters
    ----------
    text
        A date phrase, e.g. the text of a spaCy DATE entity.
    reference
        The document's date, for relative phrases ("last July", "yesterday").

    Examples
    --------
    >>> parse_date_phrase("3 March 2016")
    datetime.date(2016, 3, 3)
    >>> parse_date_phrase("November 2015")
    datetime.date(2015, 11, 1)
    >>> parse_date_phrase("last July", reference=dt.date(2016, 12, 20))
    datetime.date(2016, 7, 1)
    """
    phrase = " ".join(text.split()).strip(" .,")
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        found = pattern.search(phrase)
        if found:
            return _safe(int(found["year"]), _MONTHS[found["month"].lower()], int(found["day"]))
    found = _ISO.search(phrase)
    if found:
        return _safe(int(found["year"]), int(found["month"]), int(found["day"]))
    found = _MONTH_YEAR.search(phrase)
    if found:
        return _safe(int(found["year"]), _MONTHS[found["month"].lower()], 1)
    if reference is None:
        return None
    lowered = phrase.lower()
    if lowered == "yesterday":
        return reference - dt.timedelta(days=1)
    if lowered in ("today", "this morning", "tonight", "this evening"):
        return reference
    found = _MONTH_ONLY.match(phrase)
    if found and found["month"].lower() != "may" or (found and found["last"]):
        month = _MONTHS[found["month"].lower()]
        year = reference.year if month < reference.month or (
            month == reference.month and not found["last"]) else reference.year - 1
        return _safe(year, month, 1)
    found = _WEEKDAY.match(phrase)
    if found:
        back = (reference.weekday() - _WEEKDAYS[found["weekday"].lower()]) % 7
        return reference - dt.timedelta(days=back)
    return None
