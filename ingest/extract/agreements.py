"""Agreements: memoranda, minutes, agreements and plans between the provinces of a clause.

A document noun alone (`các hiệp định giữa hai nước`) is not a signed provincial agreement,
so a clause must name a document kind and either a signing verb (`ký`, `ký kết`) or a
validity period. Parties are the provinces of the clause, else of the sentence, else the
pair an anaphor such as `hai địa phương` refers to (the last sentence of the paragraph
that names both sides, or the article's main pair).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Sequence
from typing import cast

from app.facts import AgreementFact, AgreementKind

from . import tiers
from .context import CONTINUATION, PAIR_ANAPHORA, ArticleContext, SentenceInfo, unique
from .multilateral import explicit_pairs, is_multilateral, one_to_several
from .officials import Official
from .timing import complete_date, not_yet, stated_day
from .triggers import Trigger
from .vocab import vocabulary

_DOCS = vocabulary("vi", "documents")
KIND = re.compile(
    f"(?P<kind>{_DOCS['kind'].regex.pattern}|{_DOCS['signed_cooperation'].regex.pattern})", re.IGNORECASE
)
# The document nouns as a trigger (`triggers.py`): the rule runs only on sentences holding
# one of their words, and looks for the nouns only where those words start.
DOCUMENTS = Trigger(KIND)
# A document noun that points back to a document already named (`ký biên bản`, `biên bản hợp
# tác`, `văn bản này`, `bản ghi nhớ nói trên`): bare or generic, or with a demonstrative.
_BARE_TAIL = re.compile(
    r"\s*(?:hợp tác\s*)?(?:(?:này|nói trên|trên|đó|vừa\s+(?:ký|ký kết))(?!\w)|"
    r"(?:giữa|với|tại|trước|dưới|cùng|của)(?!\w)|[,.;:)!?]|$)",
    re.IGNORECASE,
)
_DEFINITE = re.compile(r"^[^,;.]{0,40}?(?<!\w)(?:này|nói trên)(?!\w)", re.IGNORECASE)
SIGN = _DOCS["sign"].regex
_VAGUE_OK = _DOCS["vague_qualifier"].regex
_PLURAL = _DOCS["plural"].regex
_ANNIVERSARY = _DOCS["anniversary"].regex

# A cheap pre-gate: every document noun (and `ký kết hợp tác`) contains one of these
# substrings (lower case, either tone placement), so a sentence without any skips `KIND`,
# a long alternation with tone variants, look-behinds and case folding.
_GATE = ("nhớ", "thuận", "định", "bản", "hoạch", "họach", "trình", "kiện", "kết hợp tác")

RULE_SIGNED = "vi.agreement.signed-document"
RULE_PERIOD = "vi.agreement.dated-document"
RULE_EXISTING = "vi.agreement.existing-document"
RULE_MULTI = "vi.agreement.multi-party"
RULE_PER_PARTNER = "vi.agreement.per-partner"
RULE_BACKREF = "vi.agreement.both-sides"
PERIOD = re.compile(
    r"(?<!\d)(?P<a>(?:19|20)\d\d)\s*(?:-|–|—|đến|tới)\s*(?:năm\s+)?(?P<b>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)
YEAR = re.compile(r"(?<!\w)(?:năm|Năm|tháng \d{1,2}/|ngày \d{1,2}/\d{1,2}/)\s*(?P<y>(?:19|20)\d\d)(?!\d)")
# `gia hạn ... đến hết năm 2025`: the year a document runs to, not the year it was signed.
_UNTIL = re.compile(
    r"(?<!\w)(?:đến|tới|hết|cho đến)\s*(?:hết\s*)?(?:tháng \d{1,2}/|ngày \d{1,2}/\d{1,2}/|năm\s*)?$",
    re.IGNORECASE,
)
# `tổng kết 5 năm thực hiện Biên bản ghi nhớ giai đoạn 2018-2022`: the document is reviewed,
# not signed, here; it keeps its period but takes no signing date from the clause.
_REVIEWED = re.compile(
    r"(?<!\w)(?:thực hiện|tổng kết|sơ kết|triển khai|đánh giá|kỷ niệm)(?!\w)[^,;:]{0,40}$", re.IGNORECASE
)
# A sentence that goes on narrating the reported occasion (`Tại buổi hội đàm, hai bên đã
# ký ...`, `Cùng ngày, ...`, `Nhân dịp này`, `Hai bên cũng ký ...`): an undated signing there
# happened on the day the article's lead states.
_SAME_OCCASION = re.compile(
    r"^\W*(?:Tại\s+(?:buổi|lễ|hội nghị|hội đàm|cuộc|đây|sự kiện|kỳ họp)|Cùng\s+(?:ngày|dịp)|"
    r"Nhân\s+dịp\s+(?:này|này,)|Dịp\s+này|Trong\s+khuôn\s+khổ|Sau\s+(?:hội đàm|buổi|lễ)|"
    r"Kết\s+thúc\s+(?:buổi|hội|chuyến)|Trong\s+(?:buổi|chuyến)|Cũng\s+tại)",
    re.IGNORECASE,
)
_ALSO_SIGN = re.compile(r"(?<!\w)cũng\s+(?:đã\s+)?(?:ký|kí)(?!\w)", re.IGNORECASE)
_PAST = re.compile(r"(?<!\w)(?:trước đó|trước đây|từng|đã có|vào năm|từ năm)(?!\w)", re.IGNORECASE)
# `ký kết 3 văn bản hợp tác, gồm: A; B và C`: the listed documents are the documents.
_LIST = re.compile(r"[^;.]{0,40}?(?:gồm|bao gồm|là)\s*:|\s*(?:hợp tác\s*)?:", re.IGNORECASE)
_GENERIC = re.compile(r"(?<!\w)(?:các|những|nhiều)\s+$", re.IGNORECASE)
DATE = re.compile(r"(?<!\d)(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d\d)(?!\d)")
COUNT = re.compile(
    r"(?<!\w)(?:ký|ký kết)\s+(?:được\s+)?(?P<n>\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+"
    r"(?:bản ghi nhớ|biên bản|văn kiện|thỏa thuận|hiệp định|văn bản)",
    re.IGNORECASE,
)
# Anchored on the literal `lĩnh vực` so the search is a fast substring scan.
FIELDS = re.compile(r"lĩnh vực\s*(?:như|gồm|bao gồm|là)?\s*:?\s*(?P<list>[^;.…]+)", re.IGNORECASE)
# A document between the two countries or governments, not between provinces.
# (No `^`: `Pattern.match(text, pos)` anchors at `pos`, where `^` would never match.)
_NATIONAL = _DOCS["national"].regex
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
    """Map a document noun to the contract's kind (`vocab/vi/documents.toml`)."""
    try:
        return cast(AgreementKind, _DOCS["kind"].lookup(noun))
    except KeyError:
        pass
    n = noun.lower().replace("thoả", "thỏa")
    if n.startswith("hợp tác"):
        return "agreement"  # `ký kết hợp tác` with no document noun
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
        for en in _field_tags(f):
            if en not in tags:
                tags.append(en)
    return tags


@functools.lru_cache(maxsize=4096)
def _field_tags(field: str) -> tuple[str, ...]:
    """The tags of `SECTORS` whose words occur in one field, in `SECTORS` order (repeats
    kept): `sectors_of` adds them in that order, so its list is the one a scan of every
    sector word per field gives. Kept for the fields met lately: the same few (`nông
    nghiệp`, `giáo dục`) recur in article after article, and each scan reads ~40 words."""
    low = field.lower()
    return tuple(en for vi, en in SECTORS if vi in low)


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


def extract_agreements(
    ctx: ArticleContext,
    info: SentenceInfo,
    named: Sequence[Official] = (),
    earlier: Sequence[AgreementFact] = (),
) -> list[AgreementFact]:
    """Agreement facts stated in one sentence; `named` are the officials the sentence names
    (with their provinces), which give the parties when the signers stand for them.

    A back-reference (`Chủ tịch ... và Phó Tỉnh trưởng ... cùng ký biên bản`, `ký văn bản
    này`) to a document of `earlier` (same parties, no new date, period or count) returns
    that earlier fact itself instead of a new one, so the signers named here sign it."""
    text = ctx.text
    sent = info.sentence
    out: list[AgreementFact] = []
    low = sent.text.lower()
    if not any(w in low for w in _GATE) or info.search_sentence(DOCUMENTS) is None:
        return out
    clauses = sent.clauses()
    listed_to = -1
    # The document of the last clause that stated one, and its parties: a clause that goes
    # on listing partners (`...; với tỉnh B (10/8/2019); với tỉnh C năm 2021`) inherits it.
    lead: tuple[re.Match[str], list[str]] | None = None
    for start, end in clauses:
        if start < listed_to:
            continue  # the items of a document list (`gồm: A; B và C`) read with its lead
        kinds = [
            km
            for km in info.finditer(DOCUMENTS, text, start, end)
            if not _NATIONAL.match(text, km.end(), end)
        ]
        if not kinds:
            if lead is not None and CONTINUATION.match(text, start) is not None:
                out.extend(_continued(ctx, info, lead, start, end))
            continue
        party_list = _PARTY_LIST.match(text, kinds[0].end(), end)
        if party_list is not None:
            # `ký Bản ghi nhớ giữa các tỉnh: A, B (Thái Lan); C, D (Lào); E, F (Việt Nam)`:
            # the list names the parties of one document, across `;`.
            end = listed_to = clauses[-1][1]
            every = info.in_span(party_list.end(), end)
            vn = unique(m.iso for m in every if m.country == "VN")
            la_ = unique(m.iso for m in every if m.country == "LA")
            signs = list(SIGN.finditer(text, start, end))
            if vn and la_ and not (signs and all(not_yet(text, start, sm.start(), end) for sm in signs)):
                facts = _document(
                    ctx, info, kinds[0], vn + la_, (start, end), (start, end), start, end, False, "joint"
                )
                out.extend(facts)
            continue
        listed = False
        for km in kinds:
            if km.group("kind").lower() in _VAGUE_NOUNS and _LIST.match(text, km.end(), end):
                # `ký kết 3 văn bản hợp tác, gồm: A; B và C`: the list runs to the sentence end.
                end = clauses[-1][1]
                listed_to = end
                kinds = [
                    k
                    for k in info.finditer(DOCUMENTS, text, km.end(), end)
                    if k.group("kind").lower() not in _VAGUE_NOUNS and not _NATIONAL.match(text, k.end(), end)
                ]
                listed = bool(kinds)
                break
        if not kinds:
            continue
        clause = text[start:end]
        signs = list(SIGN.finditer(text, start, end))
        if signs and all(not_yet(text, start, sm.start(), end) for sm in signs):
            # `sẽ ký`, `dự kiến ký`, `đề nghị hai bên ký`: planned, not signed. A document the
            # clause implements before the planned signing (`triển khai Biên bản ghi nhớ giai
            # đoạn 2021 - 2025, chuẩn bị ... ký kết biên bản ghi nhớ giai đoạn mới`) exists.
            kinds = [
                km
                for km in kinds
                if km.end() <= signs[0].start()
                and _FOLLOWED.search(text, max(start, km.start() - 40), km.start()) is not None
                and _NOUN_PERIOD.match(text, km.end()) is not None
            ]
            if not kinds:
                continue
            end = signs[0].start()
            signs = []
            existing = True
        else:
            existing = not signs and any(_existing(text, km, start, end) for km in kinds)
        if not signs and PERIOD.search(clause) is None and not existing:
            continue
        ms = info.in_span(start, end)
        # (parties, mode): `split` keeps the document only if `_bilateral` splits it per
        # partner, `pair` is a pair the clause writes out (no further splitting).
        groups: list[tuple[list[str], str]]
        if is_multilateral(text, ms):
            # Participants of a gathering are not the parties of a document between them.
            written = explicit_pairs(text, ms, start, end, one_to_many=False)
            if written:
                groups = [([v, la], "pair") for v, la in written]
            else:
                vn = unique(m.iso for m in ms if m.country == "VN")
                la_ = unique(m.iso for m in ms if m.country == "LA")
                if not one_to_several(text, ms, start, end):
                    continue
                groups = [(vn + la_, "split")]
        else:
            parties = _parties(ctx, info, start, end, named)
            if parties is None:
                continue
            groups = [(parties, "normal")]
            if len(parties) > 2:
                groups = [(parties, "split")]
        # Several documents of different kinds in one clause (`ký Biên bản ... 2024-2028 và
        # Kế hoạch ... năm 2025`) are separate facts, each with the dates after its noun.
        docs = [kinds[0]]
        for km in kinds[1:]:
            joined = text[docs[-1].end() : km.start()]
            if listed or (
                _AND.search(joined)
                and (
                    kind_of(km.group("kind")) != kind_of(docs[-1].group("kind"))
                    or SIGN.search(joined) is not None  # `... năm 2017 và ký kết bản ghi nhớ mới`
                )
            ):
                docs.append(km)
            elif "," in joined and _DATED_NOUN.match(text, km.end(), end) is not None:
                # `ký kết Bản ghi nhớ giai đoạn 2024 - 2028, thay thế bản ghi nhớ ký năm 2019`:
                # a later noun with its own year is another (older) document.
                docs.append(km)
        # A document whose own signing verb is planned (`đã ký kết A và đang chuẩn bị ký kết
        # B`) is not signed, whatever the clause's first verb says.
        docs = [docs[0]] + [
            km
            for prev, km in itertools.pairwise(docs)
            if not _planned_between(text, start, prev.end(), km.start(), end)
        ]
        for parties, mode in groups:
            for i, km in enumerate(docs):
                own_end = docs[i + 1].start() if i + 1 < len(docs) else end
                own = (km.start(), own_end)
                shared = (start, docs[0].start())
                facts = _document(
                    ctx, info, km, parties, own, shared, start, end, len(docs) > 1, mode, listed, existing
                )
                if _is_reference(text, km, end):
                    facts = _resolve(facts, earlier, km.group("kind"))
                out.extend(f for f in facts if not any(f is g for g in out))
                if len(facts) == 1 and len(facts[0].parties) == 2:
                    lead = (km, facts[0].parties)
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
    mode: str = "normal",
    listed: bool = False,
    existing: bool = False,
) -> list[AgreementFact]:
    """The fact(s) for one document noun; dates come from its own span, else the clause start."""
    text = ctx.text
    clause = text[start:end]
    noun = km.group("kind").lower()
    if noun in _VAGUE_NOUNS and not (listed or COUNT.search(clause) or _VAGUE_OK.match(text, km.end())):
        return []  # `văn bản pháp lý`: not a cooperation document
    if (
        noun in _VAGUE_NOUNS
        and _GENERIC.search(text, max(start, km.start() - 12), km.start())
        and not COUNT.search(clause)
    ):
        return []  # `ký kết các văn bản hợp tác mới`: the documents are named elsewhere, if at all
    reviewed = _REVIEWED.search(text, max(start, km.start() - 60), km.start()) is not None
    spans = [own, shared] if several else [(start, end)]
    period_m = None
    for a, b in spans:
        period_m = PERIOD.search(text, a, b)
        if period_m:
            break
    year = None
    year_at = 0
    for a, b in spans:
        for ym in YEAR.finditer(text, a, b):
            if period_m is not None and period_m.start() <= ym.start() < period_m.end():
                continue
            if _ANNIVERSARY.search(text, max(a, ym.start() - 90), ym.start()):
                continue  # `kỷ niệm ... Ngày ký Hiệp ước ... (18/7/1977)`: another document's day
            if _UNTIL.search(text, max(a, ym.start() - 16), ym.start()) is not None:
                continue  # `gia hạn ... đến hết năm 2025`: the end of validity
            year = int(ym.group("y"))
            year_at = ym.start()
            break
        if year is not None:
            break
    signed_date = None if several or reviewed or existing else _signed_date(ctx, start, end)
    if (
        reviewed
        and year is not None
        and SIGN.search(text, km.end(), year_at) is None
        and _OWN_YEAR.match(text, km.end(), year_at) is None
    ):
        year = None  # `tổng kết ... Biên bản ghi nhớ ... năm 2024`: the review's year
    elif signed_date is None and year is None and _on_the_occasion(ctx, info, start, end):
        signed_date = _lead_date(ctx)
    if signed_date is not None:
        if year is not None and year != signed_date.year:
            signed_date = None  # the day belongs to another event than this signing
        else:
            year = signed_date.year
    period = (int(period_m.group("a")), int(period_m.group("b"))) if period_m else None
    if period is not None and period[0] > period[1]:
        period = None
    count_m = None if listed else COUNT.search(clause)
    count = None
    if count_m is not None:
        n = count_m.group("n")
        count = int(n) if n.isdigit() else _WORDS.get(n.lower())
    fields = parse_fields(text[km.end() : end]) or parse_fields(clause)
    signed = SIGN.search(clause) is not None
    tier, rule = (tiers.EXPLICIT, RULE_SIGNED) if signed else (tiers.STRUCTURED, RULE_PERIOD)
    if existing:
        tier, rule = tiers.CONTEXTUAL, RULE_EXISTING
    kind = kind_of(km.group("kind"))
    split = (
        _bilateral(text, info, start, end, year) if not several and mode not in ("pair", "joint") else None
    )
    if mode == "split" and not split:
        plural = _PLURAL.search(text, max(start, km.start() - 12), km.start())
        if noun in _VAGUE_NOUNS:
            return []  # `ký kết 32 văn kiện ... giữa các cấp`: no one document of these parties
        if plural is not None:
            # `ký các bản ghi nhớ với A, B và C`: one document per partner.
            split = _per_partner(parties)
            if split is None or (
                plural.group(0).strip()[:1].isdigit() and int(plural.group(0)) != len(split)
            ):
                return []
    if split:
        rule = RULE_PER_PARTNER
    elif mode == "split" or (mode == "joint" and len(parties) > 2):
        # `A và 4 tỉnh Nam Lào (B, C, D, E) đã ký kết ...`: one document of all the parties.
        tier, rule = min(tier, tiers.STRUCTURED), RULE_MULTI
    confidence = tiers.capped(tier, info.sentence.zone)
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
            rule=rule,
        )
        for group_parties, group_year in groups
    ]


# `bản ghi nhớ năm 2017`, `biên bản hợp tác ký năm 2019`: the year written right after the
# noun is the document's own, even in a review clause.
_OWN_YEAR = re.compile(r"\s*(?:hợp tác\s*)?(?:\(?\s*)?(?:(?:được\s+)?(?:ký|kí)(?:\s+kết)?\s*)?(?:vào\s+)?\Z")


# A noun followed by its own signing year (`bản ghi nhớ ký năm 2019`, `biên bản năm 2017`).
_DATED_NOUN = re.compile(
    r"\s*(?:hợp tác\s*)?(?:\(?\s*)?(?:(?:được\s+)?(?:ký|kí)(?:\s+kết)?\s*)?"
    r"(?:vào\s+|từ\s+)?năm\s+\d{4}(?!\d)",
    re.IGNORECASE,
)


# The period right after a noun (`Biên bản ghi nhớ hợp tác giai đoạn 2021 - 2025`).
_NOUN_PERIOD = re.compile(
    r"\s*(?:hợp tác\s*)?(?:giai đoạn\s*|nhiệm kỳ\s*)?(?:\(\s*)?(?:19|20)\d\d\s*(?:-|–|—|đến|tới)", re.I
)


def _planned_between(text: str, start: int, a: int, b: int, end: int) -> bool:
    """The signing verbs between two document nouns are all planned (`và sẽ ký`)."""
    signs = list(SIGN.finditer(text, a, b))
    return bool(signs) and all(not_yet(text, start, sm.start(), end) for sm in signs)


_PARTY_LIST = _DOCS["party_list"].regex
RULE_LISTED = "vi.agreement.listed-clause"


def _continued(
    ctx: ArticleContext, info: SentenceInfo, lead: tuple[re.Match[str], list[str]], start: int, end: int
) -> list[AgreementFact]:
    """`Tỉnh đã ký Bản ghi nhớ với tỉnh A giai đoạn 2023-2027; với tỉnh B (10/8/2019)`: the
    clause lists another partner of the lead clause's document, of the same kind and
    subject, with its own dates; one document per partner it names."""
    km, parties = lead
    ms = info.in_span(start, end)
    countries = {m.country for m in ms}
    if len(countries) != 1:
        return []
    country = next(iter(countries))
    subject = [p for p in parties if p.startswith("LA-") == (country != "LA")]
    if len(subject) != 1:
        return []
    out: list[AgreementFact] = []
    for iso in unique(m.iso for m in ms):
        pair = [subject[0], iso] if country == "LA" else [iso, subject[0]]
        for f in _document(ctx, info, km, pair, (start, end), (start, end), start, end, False, "pair"):
            f.rule = RULE_LISTED
            f.confidence = tiers.capped(tiers.STRUCTURED, info.sentence.zone)
            out.append(f)
    return out


def _per_partner(parties: list[str]) -> list[tuple[list[str], int | None]] | None:
    """One (one, partner) pair per partner when one side has a single province."""
    vn = [p for p in parties if p.startswith("VN-") or not p.startswith("LA-")]
    la = [p for p in parties if p.startswith("LA-")]
    if len(vn) == 1 and len(la) > 1:
        return [([vn[0], x], None) for x in la]
    if len(la) == 1 and len(vn) > 1:
        return [([x, la[0]], None) for x in vn]
    return None


# An existing document named without a signing verb: implemented, reviewed or followed
# (`theo biên bản ghi nhớ giữa ...`, `thực hiện văn bản thỏa thuận hợp tác giữa hai tỉnh`).
_FOLLOWED = re.compile(
    r"(?<!\w)(?:theo|thực hiện|triển khai|tổng kết|sơ kết|đánh giá|cụ thể hóa|cụ thể hoá|trên cơ sở)"
    r"(?!\w)[^,;.]{0,30}$",
    re.IGNORECASE,
)
_BETWEEN = re.compile(r"\s*(?:hợp tác\s*)?(?:năm\s+\d{4}\s*)?giữa(?!\w)", re.IGNORECASE)


def _existing(text: str, km: re.Match[str], start: int, end: int) -> bool:
    """A specific document noun that a clause follows or reviews, written with its parties
    (`giữa ...`): the document exists though no one signs it here."""
    if km.group("kind").lower() in _VAGUE_NOUNS or km.group("kind").lower().startswith("hợp tác"):
        return False
    if _BETWEEN.match(text, km.end(), end) is None:
        return False
    return _FOLLOWED.search(text, max(start, km.start() - 40), km.start()) is not None


_VAGUE_NOUNS = frozenset(_DOCS["vague"].words)
# Nouns that may point back at a document of any kind (`ký biên bản` after `Biên bản ghi
# nhớ ...`); a specific noun of another kind (`văn bản thỏa thuận hợp tác`) is another document.
_GENERIC_NOUNS = frozenset({*_VAGUE_NOUNS, "biên bản", "biên bản hợp tác", "hợp tác", "hợp tác toàn diện"})


def _on_the_occasion(ctx: ArticleContext, info: SentenceInfo, start: int, end: int) -> bool:
    """The clause signs something on the occasion the article reports (`Tại buổi hội đàm,
    hai bên đã ký ...`, `Hai bên cũng ký ...`), not in the past (`trước đó`, `từ năm`)."""
    text = ctx.text
    if info.sentence.zone != "body" or _PAST.search(text, start, end) is not None:
        return False
    sign = SIGN.search(text, start, end)
    if sign is None or not_yet(text, start, sign.start(), end):
        return False
    return (
        _SAME_OCCASION.match(info.sentence.text) is not None
        or _ALSO_SIGN.search(text, start, end) is not None
    )


def _lead_date(ctx: ArticleContext) -> dt.date | None:
    """The day the article's lead (its first dated body sentence among the first three)
    says the reported event happened (`Chiều 13/3, tại ...`)."""
    seen = 0
    for other in ctx.sentences:
        if other.sentence.zone != "body":
            continue
        s = other.sentence
        day = stated_day(ctx.text, s.start, s.end)
        if day is not None:
            y = int(day.group("y")) if day.group("y") else None
            return complete_date(int(day.group("d")), int(day.group("m")), y, ctx.published)
        seen += 1
        if seen >= 3:
            break
    return None


def _is_reference(text: str, km: re.Match[str], end: int) -> bool:
    """The noun is bare, generic or definite: it names no document of its own."""
    return (
        _BARE_TAIL.match(text, km.end(), end) is not None or _DEFINITE.match(text[km.end() : end]) is not None
    )


def _resolve(facts: list[AgreementFact], earlier: Sequence[AgreementFact], noun: str) -> list[AgreementFact]:
    """Each fact that restates an earlier document (same parties, nothing new) becomes that
    earlier fact; a vague `văn bản` that points at nothing known is dropped."""
    out: list[AgreementFact] = []
    generic = noun.lower() in _GENERIC_NOUNS
    for f in facts:
        same = next((g for g in reversed(earlier) if (generic or g.kind == f.kind) and _restates(f, g)), None)
        if same is not None:
            out.append(same)
        elif noun.lower() != "văn bản":
            out.append(f)
    return out


def _restates(f: AgreementFact, g: AgreementFact) -> bool:
    """`f` adds no date, period or count that `g` lacks or contradicts."""
    if set(f.parties) != set(g.parties) or f.count is not None:
        return False
    if f.period is not None and f.period != g.period:
        return False
    if f.signed_year is not None and f.signed_year != g.signed_year:
        return False
    return f.signed_date is None or f.signed_date == g.signed_date


_WITH_EACH = re.compile(r"^[^;]{0,80}?(?:,|\s)\s*(?:và|cũng như|,)\s+(?:với|cùng)\s+", re.IGNORECASE)
_JOINT = re.compile(
    r"(?<!\w)(?:ba bên|3 bên|ba tỉnh|3 tỉnh|ba địa phương|các bên|ba nước|cùng\s+(?:ký|kí)|"
    r"giữa\s+(?:UBND\s+|chính quyền\s+)?(?:tỉnh|thành phố|TP\.?)?\s*\w+(?:\s+\w+){0,3}\s*,)",
    re.IGNORECASE,
)


def _bilateral(
    text: str, info: SentenceInfo, start: int, end: int, year: int | None
) -> list[tuple[list[str], int | None]] | None:
    """`A ký ... với B từ năm 2009 và với C từ năm 2011`: one bilateral document per partner.

    The clause names one province on one side and several on the other; they are separate
    documents when each partner has its own `với` (`với B ... và với C`) or its own year.
    A genuine joint document says so (`ba bên`, `cùng ký`, `giữa A, B và C`) and keeps all
    parties. Each partner takes the one year written after it, else the clause's year.
    None when the clause is not like that.
    """
    ms = info.in_span(start, end)
    vn = unique(m.iso for m in ms if m.country == "VN")
    la_ = unique(m.iso for m in ms if m.country == "LA")
    if len(vn) == 1 and len(la_) >= 2:
        one, side = vn[0], "LA"
    elif len(la_) == 1 and len(vn) >= 2:
        one, side = la_[0], "VN"
    else:
        return None
    many: list[tuple[str, int, int]] = []
    for m in ms:
        if m.country == side and m.iso not in (x[0] for x in many):
            many.append((m.iso, m.start, m.end))
    own_years: list[list[int]] = []
    for i, (_, _, m_end) in enumerate(many):
        stop = many[i + 1][1] if i + 1 < len(many) else end
        own_years.append([int(y.group("y")) for y in YEAR.finditer(text, m_end, stop)])
    each_with = all(
        _WITH_EACH.match(text[many[i - 1][2] : many[i][1]]) is not None for i in range(1, len(many))
    )
    each_year = all(len(ys) == 1 for ys in own_years) and len({ys[0] for ys in own_years}) > 1
    if not (each_with or each_year) or (not each_year and _JOINT.search(text, start, end)):
        return None
    groups: list[tuple[list[str], int | None]] = []
    for (iso, _, _), ys in zip(many, own_years, strict=True):
        pair = [one, iso] if side == "LA" else [iso, one]
        groups.append((pair, ys[0] if len(ys) == 1 else (None if each_year else year)))
    return groups


def _signed_date(ctx: ArticleContext, start: int, end: int) -> dt.date | None:
    """The day the clause says the document was signed (`Sáng 11/3, ... đã ký kết`)."""
    text = ctx.text
    m = stated_day(text, start, end)
    if m is None:
        # A full date written anywhere in the clause, unless it dates a treaty or an
        # anniversary (`kỷ niệm ... Ngày ký Hiệp ước ... (18/7/1977)`).
        m = next(
            (
                d
                for d in DATE.finditer(text, start, end)
                if not _ANNIVERSARY.search(text, max(start, d.start() - 90), d.start())
            ),
            None,
        )
        if m is None:
            return None
    y = int(m.group("y")) if m.group("y") else None
    return complete_date(int(m.group("d")), int(m.group("m")), y, ctx.published)


def add_signatories(
    text: str, info: SentenceInfo, officials: Sequence[Official], facts: list[AgreementFact]
) -> None:
    """Officials named as signing (`Chủ tịch UBND tỉnh X A và Phó Tỉnh trưởng tỉnh Y B cùng
    ký biên bản`, `ông A và ông B đại diện hai tỉnh ký`) sign the sentence's documents.

    The signers are the officials between the start of the clause and its first signing
    verb, the nearest one per party; an official of another province is not a signer.
    A clause that names witnesses before the verb (`dưới sự chứng kiến của ...`) is left
    alone: who witnessed and who signed cannot be told apart there, and a wrong signer is
    worse than none.
    """
    if not officials or not facts:
        return
    for start, end in info.sentence.clauses():
        sign = next(
            (m for m in SIGN.finditer(text, start, end) if not not_yet(text, start, m.start(), end)), None
        )
        if sign is None or _WITNESS.search(text, start, sign.start()) is not None:
            continue
        before = _signers(text, info, officials, start, sign.start())
        for f in facts:
            nearest: dict[str, str] = {}
            for o in before:
                if o.province in f.parties:
                    nearest[o.province or ""] = o.name
            for name in nearest.values():
                if name not in f.signatories:
                    f.signatories.append(name)


def _signers(
    text: str, info: SentenceInfo, officials: Sequence[Official], start: int, sign_start: int
) -> list[Official]:
    """Officials who are the subject of the signing verb at `sign_start`: each is followed
    up to the verb only by other such officials and connectives, never by a speech verb
    (`ông A cho biết hai tỉnh đã ký`: A reports the signing) or another province."""
    cands = sorted(
        (o for o in officials if start <= o.start and o.end <= sign_start and o.province),
        key=lambda o: o.start,
    )
    out: list[Official] = []
    for o in cands:
        gap_spans = [(x.start, x.end) for x in cands if x.start >= o.end]
        if _SPEECH.search(text, o.end, sign_start) is not None:
            continue
        stray = [
            m
            for m in info.mentions
            if o.end <= m.start < sign_start and not any(a <= m.start < b for a, b in gap_spans)
        ]
        if not stray:
            out.append(o)
    return out


_SPEECH = re.compile(
    r"(?<!\w)(?:cho biết|cho rằng|nói|khẳng định|nhấn mạnh|phát biểu|thông tin|chia sẻ|đề nghị|"
    r"mong muốn|cảm ơn|báo cáo|nhắc lại|nhớ lại|nêu rõ|tiếp|đón)(?!\w)",
    re.IGNORECASE,
)
_WITNESS = re.compile(r"(?<!\w)(?:chứng kiến|chủ trì)(?!\w)", re.IGNORECASE)


def _parties(
    ctx: ArticleContext, info: SentenceInfo, start: int, end: int, named: Sequence[Official]
) -> list[str] | None:
    # `Tỉnh đã ký Bản ghi nhớ với tỉnh B`: a bare `Tỉnh` subject is the article's own province.
    countries = {m.country for m in info.mentions}
    if len(countries) == 1:
        other = next(iter(countries))
        named_here = unique(m.iso for m in info.in_span(start, end))
        home = ctx.home_subject(info, other) if named_here else None
        if home is not None and len(named_here) == 1:
            return [home, *named_here] if other == "LA" else [*named_here, home]
    for ms in (info.in_span(start, end), info.mentions):
        if is_multilateral(ctx.text, ms):
            return None  # the sentence names many provinces: no clause says which two
        vn = unique(m.iso for m in ms if m.country == "VN")
        la = unique(m.iso for m in ms if m.country == "LA")
        if vn and la:
            return vn + la
        # `giữa UBND tỉnh với chính quyền tỉnh B`: an unqualified `tỉnh` is the article's own
        # province, when the article names only one of that country.
        if (vn or la) and _HOME.search(ctx.text, start, end):
            home = ctx.sole.get("LA" if vn else "VN")
            if home is not None and not (vn and la):
                return [*vn, home] if vn else [home, *la]
    # `ông A và ông B đã ký biên bản`: officials of both sides signing stand for their provinces.
    sign = SIGN.search(ctx.text, start, end)
    if sign is not None and not info.mentions:
        signers = _signers(ctx.text, info, named, start, sign.start())
        vn = unique(o.province or "" for o in signers if o.country == "VN")
        la = unique(o.province or "" for o in signers if o.country == "LA")
        if vn and la:
            return vn + la
    if PAIR_ANAPHORA.search(ctx.text, start, end) is None:
        return None
    pair = ctx.pair_before(info) or _lead_sides(ctx) or ctx.main_pair()
    if pair is None:
        return None
    own = {m.iso for m in info.mentions}
    if not own <= set(pair[0] + pair[1]):
        # `tỉnh Gia Lai đề nghị hai bên ...` in an article about another pair: the sentence's
        # own province is not one of the pair, so `hai bên` is not that pair.
        return None
    return pair[0] + pair[1]


_HOME = re.compile(
    r"(?<!\w)giữa\s+(?:UBND|Ủy ban nhân dân|chính quyền|lãnh đạo)?\s*tỉnh\s+(?:với|và)(?!\w)", re.IGNORECASE
)


def _lead_sides(ctx: ArticleContext) -> tuple[list[str], list[str]] | None:
    """The provinces of each side in the article's lead: its first body sentence naming both
    countries (`Bộ Chỉ huy BĐBP tỉnh A, tỉnh B và Bộ CHQS tỉnh C, tỉnh D tổ chức hội đàm`).
    `Hai bên` later in the article are those two sides, however many provinces each has."""
    for other in ctx.sentences[:6]:
        if other.sentence.zone != "body":
            continue
        vn = unique(m.iso for m in other.mentions if m.country == "VN")
        la = unique(m.iso for m in other.mentions if m.country == "LA")
        if vn and la:
            return vn, la
    return None


def _same_time(headline: AgreementFact, body: AgreementFact) -> bool:
    """The headline's year (if any) is the body's signing year or lies in its period."""
    y = headline.signed_year or (headline.period[0] if headline.period else None)
    if y is None or (body.signed_year is None and body.period is None):
        return True
    if body.signed_year == y:
        return True
    return body.period is not None and body.period[0] <= y <= body.period[1]


def merge_agreements(facts: list[AgreementFact]) -> list[AgreementFact]:
    """One fact per document: same parties, kind and period (or year) merge; an undated
    mention is dropped when a dated one of the same parties and kind exists."""
    merged: list[AgreementFact] = []
    body = [f for f in facts if f.evidence.zone != "title"]
    headline = [f for f in facts if f.evidence.zone == "title"]
    for f in body:
        for g in merged:
            same_period = f.period is not None and g.period == f.period
            if set(g.parties) != set(f.parties) or (g.kind != f.kind and not same_period):
                continue  # one period names one document, however loosely its noun is written
            same_year = (
                f.signed_year is not None
                and g.signed_year == f.signed_year
                and (f.period is None or g.period is None)
            )
            if same_year and not same_period and _department(f) != _department(g):
                continue  # `Sở Y tế hai tỉnh ký ...` is its own document, not the provinces'
            if same_period or same_year:
                g.signed_year = g.signed_year or f.signed_year
                g.signed_date = g.signed_date or f.signed_date
                g.period = g.period or f.period
                g.fields = g.fields or f.fields
                g.sectors = g.sectors or f.sectors
                g.count = g.count or f.count
                g.confidence = max(g.confidence, f.confidence)
                _add_signers(g, f)
                break
        else:
            merged.append(f)
    for f in headline:
        # The headline abridges the body (`ký kết biên bản hợp tác năm 2021` for the
        # `biên bản ghi nhớ ... giai đoạn 2021 - 2025` of the lead): it adds to a body fact
        # of the same parties whose date agrees instead of standing as a second document.
        alike = [g for g in merged if set(g.parties) == set(f.parties) and _same_time(f, g)]
        same = next((g for g in alike if g.kind == f.kind), alike[0] if alike else None)
        if same is None:
            merged.append(f)
            continue
        same.signed_year = same.signed_year or f.signed_year
        same.period = same.period or f.period
        same.fields = same.fields or f.fields
        same.sectors = same.sectors or f.sectors
        _add_signers(same, f)
    dated = {(frozenset(f.parties), f.kind): f for f in merged if f.signed_year or f.period}
    out: list[AgreementFact] = []
    seen_undated: dict[tuple[frozenset[str], str], AgreementFact] = {}
    for f in merged:
        key = (frozenset(f.parties), f.kind)
        if not (f.signed_year or f.period):
            kept = dated.get(key) or seen_undated.get(key)
            if kept is not None:
                _add_signers(kept, f)  # the repeat may be where the signers are named
                continue
            seen_undated[key] = f
        out.append(f)
    return out


_DEPARTMENT = re.compile(
    r"(?<!\w)(?:Sở|Bộ Chỉ huy|Công an tỉnh|Công an thành phố|Bệnh viện|Trường|Hội Liên hiệp|"
    r"Tỉnh đoàn|Ban Tuyên giáo|Ban Dân vận|Ban Tổ chức|Liên hiệp|HĐND|Hội đồng nhân dân|"
    r"Thường trực HĐND|Mặt trận|MTTQ|Hội Cựu chiến binh|Hội CCB)(?!\w)"
)


def _department(f: AgreementFact) -> bool:
    """The signing subject of the fact's sentence is a department or body of the provinces
    (`Sở Y tế tỉnh A và Sở Y tế tỉnh B ký ...`), not the provinces themselves."""
    sent = f.evidence.sentence
    km = KIND.search(sent)
    return _DEPARTMENT.search(sent, 0, km.start() if km else len(sent)) is not None


def _add_signers(into: AgreementFact, other: AgreementFact) -> None:
    for name in other.signatories:
        if name not in into.signatories:
            into.signatories.append(name)
