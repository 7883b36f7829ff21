"""Money amounts and in-kind quantities written the Vietnamese way.

Vietnamese writes `,` for the decimal mark and `.` to group thousands (`8,3 tỷ` is 8.3
billion, `10.000 USD` is ten thousand), and scales numbers with words (`nghìn`, `triệu`,
`tỷ`). Qualifiers such as `hơn` (more than) or `khoảng` (about) keep the stated number:
the gold convention records what is written. In-kind aid (`5 tấn gạo`) is recognised so a
project can be reported without an amount.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SCALE = {
    "nghìn": 1e3,
    "ngàn": 1e3,
    "triệu": 1e6,
    "tr": 1e6,
    "tỷ": 1e9,
    "tỉ": 1e9,
    "nghìn tỷ": 1e12,
    "ngàn tỷ": 1e12,
}
_CURRENCY = {
    "đồng": "VND",
    "vnđ": "VND",
    "vnd": "VND",
    "đ": "VND",
    "usd": "USD",
    "đô la mỹ": "USD",
    "đô-la mỹ": "USD",
    "đô la": "USD",
    "usd)": "USD",
    "kíp": "LAK",
    "kip": "LAK",
    "lak": "LAK",
    "bạt": "THB",
    "euro": "EUR",
    "eur": "EUR",
}
_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
# Anchored on the number (a leading optional group would be tried at every position);
# the qualifier before it is checked separately.
_QUALIFIER = re.compile(r"(?:hơn|trên|gần|khoảng|xấp xỉ|tới|lên tới|lên đến|đến)\s+$", re.IGNORECASE)
AMOUNT = re.compile(
    r"(?<![\d.,])(?P<num>" + _NUMBER + r")\s*"
    r"(?P<scale>nghìn tỷ|ngàn tỷ|nghìn|ngàn|triệu|tỷ|tỉ)?\s*"
    r"(?P<cur>đô[\s-]la Mỹ|đô la|đồng|VNĐ|VND|USD|kíp|Kíp|KIP|LAK|bạt|euro|EUR)(?![\wÀ-ỹ])",
    re.IGNORECASE,
)
_UNIT = r"tấn|kg|ki-lô-gam|tạ|bao|thùng|suất|phần|chiếc|bộ|máy|con|cây|căn|ngôi|xe|liều|lít"
IN_KIND = re.compile(
    r"(?P<num>" + _NUMBER + r")\s+(?P<unit>" + _UNIT + r")\s+"
    r"(?P<what>gạo|thóc|ngô|muối|lương thực|thực phẩm|quần áo|thuốc|vật tư y tế|khẩu trang|"
    r"sách|vở|xi măng|tôn|vắc[- ]?xin|nhà|máy tính|xe|trâu|bò|giống|quà|phân bón|mì tôm|nước)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Amount:
    value: float
    currency: str
    start: int
    end: int
    approximate: bool


@dataclass(frozen=True)
class InKind:
    text: str
    start: int
    end: int


def parse_number(text: str) -> float:
    """`8,3` → 8.3; `10.000` → 10000; `1.500,5` → 1500.5 (Vietnamese separators)."""
    return float(text.replace(".", "").replace(",", "."))


def find_amounts(text: str, start: int = 0, end: int | None = None) -> list[Amount]:
    """Money amounts in `text[start:end]`, offsets into `text`."""
    end = len(text) if end is None else end
    out: list[Amount] = []
    for m in AMOUNT.finditer(text, start, end):
        value = parse_number(m.group("num"))
        scale = m.group("scale")
        if scale:
            value *= _SCALE[scale.lower()]
        currency = _CURRENCY.get(m.group("cur").lower().replace("-", " "), "VND")
        qualified = _QUALIFIER.search(text, max(start, m.start() - 12), m.start()) is not None
        out.append(Amount(round(value, 2), currency, m.start(), m.end(), qualified))
    return out


def find_in_kind(text: str, start: int = 0, end: int | None = None) -> list[InKind]:
    """Quantities of goods (`5 tấn gạo`) in `text[start:end]`."""
    end = len(text) if end is None else end
    return [InKind(m.group(), m.start(), m.end()) for m in IN_KIND.finditer(text, start, end)]
