"""Agreements: memoranda, minutes, agreements and plans between the provinces of a clause.

A document noun alone (`các hiệp định giữa hai nước`) is not a signed provincial agreement,
so a clause must name a document kind and either a signing verb (`ký`, `ký kết`) or a
validity period. Parties are the provinces of the clause, else of the sentence, else the
pair an anaphor such as `hai địa phương` refers to (the last sentence of the paragraph
that names both sides, or the article's main pair).
"""

from __future__ import annotations

import datetime as dt
import re

from app.facts import AgreementFact, AgreementKind

from .context import PAIR_ANAPHORA, ArticleContext, SentenceInfo, unique

KIND = re.compile(
    r"(?<!\w)(?P<kind>bản ghi nhớ|biên bản ghi nhớ|ghi nhớ hợp tác|thỏa thuận hợp tác|thỏa thuận|thoả thuận|"
    r"hiệp định|nghị định thư|biên bản|kế hoạch hợp tác|chương trình hợp tác|văn kiện hợp tác|"
    r"văn kiện)(?!\w)",
    re.IGNORECASE,
)
SIGN = re.compile(r"(?<!\w)(?:ký|ký kết|kí|kí kết)(?!\w)", re.IGNORECASE)
PERIOD = re.compile(
    r"(?<!\d)(?P<a>(?:19|20)\d\d)\s*(?:-|–|—|đến|tới)\s*(?:năm\s+)?(?P<b>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)
YEAR = re.compile(r"(?<!\w)(?:năm|Năm|tháng \d{1,2}/|ngày \d{1,2}/\d{1,2}/)\s*(?P<y>(?:19|20)\d\d)(?!\d)")
DATE = re.compile(r"(?<!\d)(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d\d)(?!\d)")
COUNT = re.compile(
    r"(?<!\w)(?:ký|ký kết)\s+(?:được\s+)?(?P<n>\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+"
    r"(?:bản ghi nhớ|biên bản|văn kiện|thỏa thuận|hiệp định|văn bản)",
    re.IGNORECASE,
)
# Anchored on the literal `lĩnh vực` so the search is a fast substring scan.
FIELDS = re.compile(r"lĩnh vực\s*(?:như|gồm|bao gồm|là)?\s*:?\s*(?P<list>[^;.…]+)", re.IGNORECASE)
# A document between the two countries or governments, not between provinces.
_NATIONAL = re.compile(
    r"^.{0,60}?(?<!\w)(?:hai nước|giữa hai Chính phủ|Chính phủ hai nước|cấp Chính phủ|"
    r"giữa Việt Nam và Lào|Việt Nam\s*[-–]\s*Lào)(?!\w)",
    re.IGNORECASE,
)
_AND = re.compile(r"\s(?:và|cùng)\s")
_WORDS = {"hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}

SECTORS: tuple[tuple[str, str], ...] = (
    ("kinh tế", "economy"),
    ("thương mại", "trade"),
    ("đầu tư", "investment"),
    ("công nghiệp", "industry"),
    ("nông nghiệp", "agriculture"),
    ("nông thôn", "rural development"),
    ("thủy sản", "fisheries"),
    ("lâm nghiệp", "forestry"),
    ("trồng rừng", "forestry"),
    ("giáo dục", "education"),
    ("đào tạo", "training"),
    ("nguồn nhân lực", "human resources"),
    ("du lịch", "tourism"),
    ("văn hóa", "culture"),
    ("thể thao", "sport"),
    ("y tế", "health"),
    ("giao thông", "transport"),
    ("vận tải", "transport"),
    ("xây dựng", "construction"),
    ("năng lượng", "energy"),
    ("khoáng sản", "mining"),
    ("chính trị", "politics"),
    ("ngoại giao", "diplomacy"),
    ("đối ngoại", "foreign affairs"),
    ("quốc phòng", "defence"),
    ("an ninh", "security"),
    ("biên giới", "border management"),
    ("khoa học", "science and technology"),
    ("công nghệ", "science and technology"),
    ("thông tin", "information"),
    ("truyền thông", "information"),
    ("môi trường", "environment"),
    ("lao động", "labour"),
    ("dịch vụ", "services"),
    ("tài chính", "finance"),
    ("ngân hàng", "finance"),
    ("logistics", "logistics"),
)
_VAGUE_FIELD = re.compile(r"^(?:nhiều|các|mọi|tất cả)\b|lĩnh vực", re.IGNORECASE)


def kind_of(noun: str) -> AgreementKind:
    """Map a document noun to the contract's kind."""
    n = noun.lower().replace("thoả", "thỏa")
    if "ghi nhớ" in n:
        return "memorandum"
    if "thỏa thuận" in n or "hiệp định" in n:
        return "agreement"
    if "kế hoạch" in n or "chương trình" in n:
        return "plan"
    if "biên bản" in n:
        return "minutes"
    return "other"


def sectors_of(fields: list[str]) -> list[str]:
    """Normalised English sector tags for fields written in Vietnamese."""
    tags: list[str] = []
    for f in fields:
        low = f.lower()
        for vi, en in SECTORS:
            if vi in low and en not in tags:
                tags.append(en)
    return tags


def parse_fields(text: str) -> list[str]:
    """The fields of cooperation as written (`lĩnh vực: A, B, C…`)."""
    m = FIELDS.search(text)
    if m is None:
        return []
    items = []
    for raw in re.split(r",|\s+và\s+(?=[^,]*$)(?!phát triển|đào tạo)", m.group("list")):
        item = raw.strip(' .…:"“”').strip()
        item = re.sub(r"^(?:về|như|là)\s+", "", item)
        if not item or _VAGUE_FIELD.search(item) or len(item.split()) > 8:
            continue
        items.append(item)
    return items


def extract_agreements(ctx: ArticleContext, info: SentenceInfo) -> list[AgreementFact]:
    """Agreement facts stated in one sentence."""
    text = ctx.text
    sent = info.sentence
    out: list[AgreementFact] = []
    if KIND.search(sent.text) is None:
        return out
    for start, end in sent.clauses():
        kinds = [km for km in KIND.finditer(text, start, end) if not _NATIONAL.match(text, km.end(), end)]
        if not kinds:
            continue
        clause = text[start:end]
        if SIGN.search(clause) is None and PERIOD.search(clause) is None:
            continue
        parties = _parties(ctx, info, start, end)
        if parties is None:
            continue
        # Several documents of different kinds in one clause (`ký Biên bản ... 2024-2028 và
        # Kế hoạch ... năm 2025`) are separate facts, each with the dates after its noun.
        docs = [kinds[0]]
        for km in kinds[1:]:
            joined = text[docs[-1].end() : km.start()]
            if kind_of(km.group("kind")) != kind_of(docs[-1].group("kind")) and _AND.search(joined):
                docs.append(km)
        for i, km in enumerate(docs):
            own_end = docs[i + 1].start() if i + 1 < len(docs) else end
            own = (km.start(), own_end)
            shared = (start, docs[0].start())
            out.extend(_document(ctx, info, km, parties, own, shared, start, end, len(docs) > 1))
    return out


def _document(
    ctx: ArticleContext,
    info: SentenceInfo,
    km: re.Match[str],
    parties: list[str],
    own: tuple[int, int],
    shared: tuple[int, int],
    start: int,
    end: int,
    several: bool,
) -> list[AgreementFact]:
    """The fact(s) for one document noun; dates come from its own span, else the clause start."""
    text = ctx.text
    clause = text[start:end]
    spans = [own, shared] if several else [(start, end)]
    period_m = None
    for a, b in spans:
        period_m = PERIOD.search(text, a, b)
        if period_m:
            break
    year = None
    for a, b in spans:
        for ym in YEAR.finditer(text, a, b):
            if period_m is None or not (period_m.start() <= ym.start() < period_m.end()):
                year = int(ym.group("y"))
                break
        if year is not None:
            break
    signed_date = None
    dm = DATE.search(clause)
    if dm is not None and not several:
        try:
            signed_date = dt.date(int(dm.group("y")), int(dm.group("m")), int(dm.group("d")))
            year = year or signed_date.year
        except ValueError:
            signed_date = None
    period = (int(period_m.group("a")), int(period_m.group("b"))) if period_m else None
    if period is not None and period[0] > period[1]:
        period = None
    count_m = COUNT.search(clause)
    count = None
    if count_m is not None:
        n = count_m.group("n")
        count = int(n) if n.isdigit() else _WORDS.get(n.lower())
    fields = parse_fields(text[km.end() : end]) or parse_fields(clause)
    confidence = 0.85 if SIGN.search(clause) else 0.7
    if info.sentence.zone != "body":
        confidence = min(confidence, 0.6)
    kind = kind_of(km.group("kind"))
    split = _per_party_years(text, info, start, end) if period is None and not several else None
    groups: list[tuple[list[str], int | None]] = list(split) if split else [(parties, year)]
    return [
        AgreementFact(
            parties=group_parties,
            kind=kind,
            signed_year=group_year,
            signed_date=signed_date if not split else None,
            period=period,
            fields=fields,
            sectors=sectors_of(fields),
            count=count if count and count > 1 else None,
            confidence=confidence,
            evidence=info.evidence(),
        )
        for group_parties, group_year in groups
    ]


def _per_party_years(
    text: str, info: SentenceInfo, start: int, end: int
) -> list[tuple[list[str], int]] | None:
    """`A ký ... với B từ năm 2009 và với C từ năm 2011`: one bilateral document per Lao
    province when each is followed by its own year (None when the clause is not like that)."""
    ms = info.in_span(start, end)
    vn = unique(m.iso for m in ms if m.country == "VN")
    la = [m for m in ms if m.country == "LA"]
    if len(vn) != 1 or len(la) < 2:
        return None
    groups: list[tuple[list[str], int]] = []
    for i, m in enumerate(la):
        stop = la[i + 1].start if i + 1 < len(la) else end
        years = [int(y.group("y")) for y in YEAR.finditer(text, m.end, stop)]
        if len(years) != 1:
            return None
        groups.append(([vn[0], m.iso], years[0]))
    if len({y for _, y in groups}) < 2:
        return None
    return groups


def _parties(ctx: ArticleContext, info: SentenceInfo, start: int, end: int) -> list[str] | None:
    for ms in (info.in_span(start, end), info.mentions):
        vn = unique(m.iso for m in ms if m.country == "VN")
        la = unique(m.iso for m in ms if m.country == "LA")
        if vn and la:
            return vn + la
    if PAIR_ANAPHORA.search(ctx.text, start, end) is None:
        return None
    pair = ctx.pair_before(info) or ctx.main_pair()
    if pair is None:
        return None
    return pair[0] + pair[1]


def merge_agreements(facts: list[AgreementFact]) -> list[AgreementFact]:
    """One fact per document: same parties, kind and period (or year) merge; an undated
    mention is dropped when a dated one of the same parties and kind exists."""
    merged: list[AgreementFact] = []
    for f in facts:
        for g in merged:
            if set(g.parties) != set(f.parties) or g.kind != f.kind:
                continue
            same_period = f.period is not None and g.period == f.period
            same_year = (
                f.signed_year is not None
                and g.signed_year == f.signed_year
                and (f.period is None or g.period is None)
            )
            if same_period or same_year:
                g.signed_year = g.signed_year or f.signed_year
                g.signed_date = g.signed_date or f.signed_date
                g.period = g.period or f.period
                g.fields = g.fields or f.fields
                g.sectors = g.sectors or f.sectors
                g.count = g.count or f.count
                g.confidence = max(g.confidence, f.confidence)
                break
        else:
            merged.append(f)
    dated = {(frozenset(f.parties), f.kind) for f in merged if f.signed_year or f.period}
    out: list[AgreementFact] = []
    seen_undated: set[tuple[frozenset[str], str]] = set()
    for f in merged:
        key = (frozenset(f.parties), f.kind)
        if not (f.signed_year or f.period):
            if key in dated or key in seen_undated:
                continue
            seen_undated.add(key)
        out.append(f)
    return out
