"""Zoning: which lines of a page are the article, and which are the site around it.

A copied news page is the headline and body wrapped in site furniture: a navigation line and
a time stamp above, a font-size widget, photo captions, links to other articles (often the
headline printed twice on one line, because the link text and its tooltip were both copied),
and long lists of other stories below. Those other stories name other countries and other
provinces; if they reached the extractor as body text they would become false partnerships.
So every line gets one label, and only `body` lines are the article proper:

- `title`: the headline;
- `body`: the article's paragraphs;
- `caption`: photo captions (after `Chú thích ảnh`, lines with an `Ảnh: ...` credit, the line
  after an image whose alt text repeats the headline);
- `related`: inline links to other articles and their teasers, and the `Tin bài liên quan`
  list right after the article: kept, because they are honest low-confidence evidence;
- dropped: the page header, widgets, bylines and `Nguồn:` lines (they become metadata), and
  everything from `Các tin bài khác`, `Đọc nhiều`, `Đọc thêm`, `Video`, `Thời tiết` ... on.

The rules look only at the shape of lines (length, final punctuation, repetition, position in
a paragraph block, a few fixed Vietnamese page markers), never at what one article says, so
they carry over to other outlets. One pass over the lines with precompiled patterns.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from ingest.document import Segment, Zone
from ingest.metadata import outlet_from_byline, outlet_from_source, parse_date_line

__all__ = ["Hint", "Zoning", "doubled_length", "is_headline_like", "zone_text"]

Hint = Literal["title", "body", "caption", "related", "drop"]
_Label = Literal["header", "title", "body", "caption", "related", "meta", "drop"]


@dataclass
class Zoning:
    """The segments of one text and the metadata found while zoning it."""

    segments: list[Segment]
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    byline: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Line:
    start: int  # offset of the first non-space character in the text
    text: str  # the line without surrounding whitespace
    block: int  # paragraph block number: blank lines separate blocks
    label: _Label | None = None
    seg_start: int = 0  # part of `text` that becomes the segment (doubled lines, prefixes)
    seg_end: int = 0
    linkish: bool = False  # labelled `related` as a link (not as a teaser)
    listing: bool = False  # an item of a list introduced by a line ending in ':'
    folded: str | None = None  # casefolded text, computed when first compared

    @property
    def key(self) -> str:
        if self.folded is None:
            self.folded = self.text.casefold()
        return self.folded


# --- line shapes -----------------------------------------------------------------------------

_WORD = re.compile(r"\S+")
_CLOSERS = "\"'”’»)] "
_SENTENCE_BREAK = re.compile(r"[.!?…](?:\s*[\"”’)])?\s+(?=[\"“‘(]?[A-ZÀ-ỸĐ0-9])")
_UPPER_START = re.compile(r"^[\"“‘'(\[]?[0-9A-ZÀ-ỸĐ]")

_NAV = re.compile(
    r"^(?:trang\s+chủ|trang\s+nhất|home|tin\s+tức\s*[>»/|]|đăng\s+nhập|đăng\s+ký)|\s[>»›]\s",
    re.IGNORECASE,
)
_WIDGET = re.compile(
    r"^(?:a\s*a|a\s*[+-]?\s*a\s*[+-]?|[aA]\+?|cỡ\s+chữ.*|chia\s+sẻ.*|lưu\s*(?:bài|tin)?.*|in\s+bài|bản\s+in"
    r"|facebook|zalo|twitter|email|e-mail|copy\s+link|sao\s+chép.*|nghe\s+(?:bài|đọc|tin).*"
    r"|bình\s+luận\s*(?:\(\d+\))?|theo\s+dõi\s+.*google\s+news.*|\d{1,2}:\d{2}\s*/\s*\d{1,2}:\d{2}"
    r"|tăng\s+cỡ\s+chữ|giảm\s+cỡ\s+chữ|\d+\s+lượt\s+xem|lượt\s+xem\s*:?\s*\d+|print|share|tweet|like)$",
    re.IGNORECASE,
)
_SOURCE = re.compile(r"^(?:nguồn(?:\s+tin|\s+bài|\s+tham\s+khảo)?|source)\s*:\s*(.*)$", re.IGNORECASE)
_THEO = re.compile(r"^theo\s+(\S.{0,79})$", re.IGNORECASE)
_AUTHOR_TAG = re.compile(
    r"\((?:t/h|th|tổng\s+hợp|lược\s+dịch|dịch)\)$|^(?:PV|CTV|BTV|Nhóm\s+PV)\b", re.IGNORECASE
)
_PAREN_OUTLET = re.compile(r"^\(([^()\n]{2,40})\)\s*[-–—:]\s*")
# "NDO - ", "QĐND - ", "VOV.VN - ", "TTXVN - " opening the first paragraph.
_AGENCY_LEAD = re.compile(r"^([A-ZĐ][A-ZĐ0-9.+]{1,11})\s+[-–—]\s+(?=\S)")
_PAREN_ONLY = re.compile(r"^\(([^()\n]{2,40})\)$")
_TRAILING_OUTLET = re.compile(
    r"\(([A-Za-zĐđ0-9.\-]{2,40}\.(?:vn|com|net|org|la)|[A-ZĐ]{2,8}(?:/[A-Za-z0-9.+]{2,15})?)\)\s*$"
)

_CAPTION_MARK = re.compile(r"^(?:chú\s+thích\s+ảnh|ảnh\s+minh\s+ho[ạa])\s*:?$", re.IGNORECASE)
_PHOTO_CREDIT = re.compile(
    r"(?:^|[\s.(\[–-])(?:ảnh|ảnh\s+minh\s+ho[ạa]|nguồn\s+ảnh|ảnh\s+chụp\s+màn\s+hình|photo)\s*:\s*\S"
    r"|\((?:ảnh\s+minh\s+ho[ạa]|ảnh\s+tư\s+liệu|ảnh\s+internet)\)\s*$",
    re.IGNORECASE,
)
_MEDIA_LINK = re.compile(
    r"^\[(?:video|ảnh|clip|photo|infographics?|inforgraphics?|podcast|e-?magazine|longform|audio)\]"
    r"|^(?:video|clip|infographics?|podcast)\s*[:|]\s*\S"
    r"|^(?:>>+|»|►|▶)\s*\S"
    r"|^(?:xem\s+thêm|đọc\s+thêm|xem\s+tiếp|tin\s+liên\s+quan|bài\s+liên\s+quan|có\s+thể\s+bạn\s+quan\s+tâm"
    r"|related|see\s+also|read\s+more|read\s+also)\s*[:>»-]\s*\S",
    re.IGNORECASE,
)

# Section markers after the article. Lines are compared lower-cased, without trailing ':'.
_RELATED_MARKERS = frozenset(
    {
        "tin bài liên quan",
        "tin liên quan",
        "bài liên quan",
        "bài viết liên quan",
        "các tin liên quan",
        "các bài liên quan",
        "tin cùng sự kiện",
        "related",
        "related news",
        "related articles",
    }
)
_DROP_MARKER = re.compile(
    r"^(?:(?:các\s+)?(?:tin|bài|tin\s+bài|bài\s+viết)\s+(?:khác|mới|mới\s+nhất|mới\s+hơn|cũ\s+hơn"
    r"|nổi\s+bật|xem\s+nhiều|đọc\s+nhiều|cùng\s+chuyên\s+mục|cùng\s+chủ\s+đề)"
    r"|(?:tin\s+|bài\s+)?(?:đọc|xem)\s+nhiều(?:\s+nhất)?|đọc\s+thêm|xem\s+thêm|có\s+thể\s+bạn\s+quan\s+tâm"
    r"|cùng\s+chuyên\s+mục|tiêu\s+điểm|video|videos|thời\s+tiết|infographics?|multimedia|podcast"
    r"|e-?magazine|chủ\s+đề(?:\s+\S+){0,3}|sự\s+kiện|tags?|từ\s+kh(?:o[áa]|óa)|xem\s+video|bình\s+luận|ý\s+kiến\s+bạn\s+đọc"
    r"|gửi\s+bình\s+luận|tin\s+ảnh|ảnh|phóng\s+sự\s+ảnh|most\s+read|read\s+more|more\s+news)$",
    re.IGNORECASE,
)
_TAGS_LINE = re.compile(r"^(?:tags?|từ\s+kh(?:o[áa]|óa))\s*:", re.IGNORECASE)

# A first line this long that ends like a sentence is the lead paragraph of a page
# captured from the middle, not a headline: nothing above it is a page header.
_LEAD_PARAGRAPH = 150
# `Ảnh tư liệu`, `Ảnh: TL`, `(Ảnh: tư liệu)`, `File photo`: an archive picture.
_FILE_PHOTO = re.compile(
    r"(?<!\w)(?:ảnh\s*:?\s*(?:tư\s+liệu|TL|tư\s+liệu\s+\w+)|file\s+photo|archive\s+photo)(?!\w)",
    re.IGNORECASE,
)

_HEAD_SCAN = 8  # the page header and headline sit within the first few non-blank lines


def doubled_length(line: str) -> int:
    """Length of X if `line` is X printed twice (`XX` or `X X`), else 0.

    Copying a link whose text and tooltip both hold the headline yields exactly this shape,
    which real sentences never have.
    """
    n = len(line)
    if n < 20:
        return 0
    half = n // 2
    if n % 2 == 0 and line[:half] == line[half:]:
        return half
    if n % 2 == 1 and line[half] == " " and line[:half] == line[half + 1 :]:
        return half
    return 0


def is_headline_like(line: str) -> bool:
    """A short, capitalised line of several words without final sentence punctuation."""
    if not 12 <= len(line) <= 250:
        return False
    if _ends_clause(line) or not _UPPER_START.match(line):
        return False
    return len(line.split(None, 3)) >= 4


def _ends_clause(text: str) -> bool:
    """Ends in `.`, `;`, `:` or `,` (perhaps inside closing quotes or brackets)."""
    return text.rstrip(_CLOSERS)[-1:] in (".", ";", ":", ",")


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _marker_key(text: str) -> str:
    return _key(text).rstrip(" :»>›")


def _same(a: _Line, b: _Line) -> bool:
    return len(a.text) == len(b.text) and a.key == b.key


def _is_single_sentence(text: str) -> bool:
    return _SENTENCE_BREAK.search(text.rstrip(" .!?…")) is None


_CONTENT = re.compile(r"\S[^\n]*")


def _split_lines(text: str) -> list[_Line]:
    """Non-blank lines with their offsets; a blank line between two lines starts a new block."""
    lines: list[_Line] = []
    block = 0
    previous_end = 0
    count = text.count
    for match in _CONTENT.finditer(text):
        start = match.start()
        stripped = match.group().rstrip()
        if lines and count("\n", previous_end, start) > 1:
            block += 1
        previous_end = start + len(stripped)
        lines.append(_Line(start, stripped, block, seg_end=len(stripped)))
    return lines


def _loosen_dense_blocks(lines: list[_Line]) -> None:
    """Make every line its own block inside blocks that hold several prose paragraphs.

    Copied pages put a blank line between paragraphs, so a block is one paragraph plus the
    links and captions printed under it. Text with single newlines only (or a stretch of it)
    has no such structure; there, block position means nothing, and a subheading would look
    like an inline link.
    """
    # A paragraph directly under a paragraph in one block. (A list of links with teasers
    # alternates headline and prose, so it never qualifies.)
    runs: dict[int, int] = {}
    previous_prose: _Line | None = None
    for line in lines:
        if _is_prose(line.text):
            if previous_prose is not None and previous_prose.block == line.block:
                runs[line.block] = runs.get(line.block, 0) + 1
            previous_prose = line
        else:
            previous_prose = None
    dense = set(runs)
    if not dense and lines[-1].block == 0 and len(lines) > 3:
        # No blank line at all: a copy with single newlines, where blocks say nothing.
        dense = {0}
    if not dense:
        return
    number = -1
    previous = None
    for line in lines:
        if line.block in dense or line.block != previous:
            number += 1
        previous = line.block
        line.block = number


# --- the zoning pass -------------------------------------------------------------------------


def zone_text(
    text: str,
    *,
    title: str | None = None,
    hints: Mapping[int, Hint] | None = None,
    find_header: bool = True,
) -> Zoning:
    """Split `text` into labelled segments and read the metadata printed around the body.

    `title` is a headline already known from markup or JSON; `hints` pins the label of the
    line starting at a given offset (HTML structure knows figcaptions and related-link boxes
    for certain). With `find_header=False` the text is taken to start at the headline.
    """
    lines = _split_lines(text)
    zoning = Zoning(segments=[])
    if not lines:
        return zoning
    _loosen_dense_blocks(lines)
    if hints:
        for line in lines:
            hint = hints.get(line.start)
            if hint is not None:
                line.label = hint
                line.linkish = hint == "related"

    body_from = _head(lines, zoning, title, find_header)
    body_to, first_marker = _tail(lines, body_from)
    _metadata_lines(lines, body_from, body_to, first_marker, zoning)
    _captions(lines, body_from, body_to, zoning.title)
    _inline_related(lines, body_from, body_to, zoning.title)
    _teasers(lines, body_from, body_to)

    for line in lines[body_from:body_to]:
        if line.label is None:
            line.label = "body"
    for line in lines:
        if line.label in ("title", "body", "caption", "related"):
            zone: Zone = line.label
            piece = line.text[line.seg_start : line.seg_end].rstrip()
            if piece:
                zoning.segments.append(Segment(piece, line.start + line.seg_start, zone))
    if not any(s.zone == "body" for s in zoning.segments):
        zoning.warnings.append("no article body found")
    return zoning


def _head(lines: list[_Line], zoning: Zoning, title: str | None, find_header: bool) -> int:
    """Label the page header and the headline; return the index of the first body line."""
    scan = min(len(lines), _HEAD_SCAN)
    # The header ends at the first line that reads like a paragraph: dates inside the body
    # ("Ngày 5/1, ...") must not be taken for the publication date.
    for i in range(scan):
        if len(lines[i].text) > 250 or (
            (i or len(lines[i].text) > _LEAD_PARAGRAPH)
            and _is_paragraph(lines[i].text)
            and not _is_furniture(lines[i].text)
        ):
            scan = i
            break
    date_idx = None
    if find_header:
        for i in range(scan):
            if lines[i].label is None:
                date = parse_date_line(lines[i].text)
                if date is not None:
                    zoning.published = date
                    date_idx = i
                    break

    title_idx = None
    if title is not None:
        wanted = _key(title)
        title_idx = next(
            (
                i
                for i in range(max(scan, 1))
                if abs(len(lines[i].text) - len(wanted)) <= 4 and _key(lines[i].text) == wanted
            ),
            None,
        )
        zoning.title = title.strip() or None
    elif find_header:
        title_idx = _find_title(lines, scan, date_idx)
    elif lines[0].label is None and is_headline_like(lines[0].text):
        title_idx = 0

    if title_idx is not None:
        lines[title_idx].label = "title"
        zoning.title = lines[title_idx].text
    last_head = max(i for i in (title_idx, date_idx, -1) if i is not None)
    if find_header:
        for i in range(last_head):
            if lines[i].label is None:
                lines[i].label = "header"
    if date_idx is not None:
        lines[date_idx].label = "header"
    body_from = last_head + 1
    # Widgets, a second date line and the like between the headline and the first paragraph.
    while body_from < len(lines) and lines[body_from].label is None:
        candidate = lines[body_from].text
        if _is_furniture(candidate) or (
            find_header and zoning.published is None and parse_date_line(candidate)
        ):
            if zoning.published is None:
                zoning.published = parse_date_line(candidate)
            lines[body_from].label = "header"
            body_from += 1
        else:
            break
    return body_from


def _is_furniture(text: str) -> bool:
    return len(text) <= 60 and (_WIDGET.match(text) is not None or _NAV.search(text) is not None)


def _is_paragraph(text: str) -> bool:
    return len(text) > 60 and text.rstrip().endswith((".", "!", "?", "…", ".”", '."'))


def _find_title(lines: list[_Line], scan: int, date_idx: int | None) -> int | None:
    def usable(i: int) -> bool:
        line = lines[i]
        return (
            line.label is None
            and i != date_idx
            and not _is_furniture(line.text)
            and is_headline_like(line.text)
            and not _is_credited(line.text)
        )

    if date_idx is not None:
        after = next((i for i in range(date_idx + 1, scan) if usable(i)), None)
        if after is not None:
            return after
        # The headline above the time stamp, skipping widgets between them.
        for before in range(date_idx - 1, -1, -1):
            if usable(before):
                return before
            if not _is_furniture(lines[before].text):
                break
        return None
    return next((i for i in range(scan) if usable(i)), None)


def _tail(lines: list[_Line], body_from: int) -> tuple[int, int]:
    """Label the lists after the article; return (end of the article region, first marker).

    `Tin bài liên quan` opens a list of related links (kept as `related`): headlines, each
    perhaps printed twice, with a teaser under it. Some sites put such a box in the middle of
    the article, so two consecutive paragraphs of prose with no headline between them end the
    list and the article resumes. Any other section marker (`Các tin bài khác`, `Đọc nhiều`,
    `Đọc thêm`, `Video`, `Thời tiết`, ...) starts the site's own furniture, which is dropped
    with everything after it: nothing there is about this article.
    """
    end = len(lines)
    first_marker = len(lines)
    mode: Literal["body", "related", "drop"] = "body"
    previous: _Line | None = None
    prose_run = 0
    body_lines = 0
    prose_lines = 0  # a menu item (`Videos`, `Infographics`) before any paragraph ends nothing
    skip_to = 0
    for i in range(body_from, len(lines)):
        line = lines[i]
        if mode == "drop":
            line.label = "drop"
            continue
        if i < skip_to:
            previous = line
            continue
        key = _marker_key(line.text) if len(line.text) <= 48 else ""
        if key and line.label is None and _BOX_MARKER.match(key) and (box := _box_end(lines, i)):
            # `Xem thêm:` with a link or two, then the article again: a box in mid-article.
            line.label = "drop"
            for j in range(i + 1, box):
                lines[j].label, lines[j].linkish = "related", True
            skip_to = box
        elif key in _RELATED_MARKERS and line.label != "related":
            mode = "related"
            first_marker = min(first_marker, i)
            line.label = "drop"
            prose_run = 0
        elif (key and _DROP_MARKER.match(key)) or _TAGS_LINE.match(line.text):
            line.label = "drop"  # a media label inside the article is dropped all the same
            if _ends_article(lines, i, key, body_lines) and not (
                prose_lines == 0 and _MENU_MARKERS.match(key)
            ):
                mode = "drop"
                first_marker = min(first_marker, i)
                end = i
        elif mode == "related":
            if previous is not None and _same(line, previous):
                line.label = "drop"
                prose_run = 0
            elif (
                _is_prose(line.text)
                and previous is not None
                and previous.linkish
                and line.block != previous.block
                and lines[i - 2].block == previous.block
            ):
                # A box of bare links (marker and headlines in one block) closed by a blank
                # line: the paragraph after it is the article again, not a teaser.
                mode = "body"
                body_lines += 1
            elif _is_prose(line.text) and not doubled_length(line.text):
                prose_run += 1
                line.label = "related"
                if prose_run == 2:  # the article resumes after a box of links
                    mode = "body"
                    lines[i - 1].label = None
                    line.label = None
                    body_lines += 2
            else:
                prose_run = 0
                line.label = "related"
                line.linkish = True
                half = doubled_length(line.text)
                if half:
                    line.seg_end = half
        elif line.label is None:
            body_lines += 1
            prose_lines += _is_paragraph(line.text)
        previous = line
    return end, first_marker


_BOX_MARKER = re.compile(
    r"^(?:xem\s+thêm|đọc\s+thêm|có\s+thể\s+bạn\s+quan\s+tâm|(?:tin|bài)(?:\s+viết)?\s+liên\s+quan"
    r"|tin\s+bài\s+liên\s+quan)$"
)
_BOX_LINKS = 4


def _box_end(lines: list[_Line], i: int) -> int:
    """End of a link box opened by the marker at `i`, if the article resumes after it, else 0.

    The box is one to four headline-shaped lines right under the marker, in its block, none
    printed twice (lists of teasers print each headline twice), followed in a new block by a
    paragraph of prose that is not itself the teaser of a further headline.
    """
    j = i + 1
    block = lines[i].block
    while (
        j < len(lines) and j - i <= _BOX_LINKS and lines[j].block == block and is_headline_like(lines[j].text)
    ):
        if doubled_length(lines[j].text) or _same(lines[j], lines[j - 1]):
            return 0
        j += 1
    if j == i + 1 or j >= len(lines) or lines[j].block == lines[j - 1].block:
        return 0
    prose = lines[j]
    if not _is_paragraph(prose.text):
        return 0
    nxt = lines[j + 1] if j + 1 < len(lines) else None
    if nxt is not None and nxt.block == prose.block and is_headline_like(nxt.text):
        return 0
    return j


def _is_prose(text: str) -> bool:
    return len(text) > 100 and text.rstrip().endswith((".", "!", "?", "…", ".”", '."', ".)"))


# Section names that are also items of a site's menu above the headline.
_MENU_MARKERS = re.compile(
    r"^(?:video|videos|infographics?|multimedia|podcast|e-?magazine|ảnh|tin\s+ảnh|phóng\s+sự\s+ảnh"
    r"|sự\s+kiện|tiêu\s+điểm)$"
)
_WEAK_MARKERS = re.compile(
    r"^(?:video|videos|xem\s+video|ảnh|sự\s+kiện|tiêu\s+điểm|bình\s+luận|thời\s+tiết)$"
)


def _ends_article(lines: list[_Line], i: int, key: str, body_lines: int) -> bool:
    """Whether a section marker really closes the article.

    Words such as `Video` or `Ảnh` can also label media inside an article; they end it only
    after some body text, and when no paragraph of prose follows directly.
    """
    if not _WEAK_MARKERS.match(key):
        return True
    if body_lines < 2:
        return False
    nxt = lines[i + 1].text if i + 1 < len(lines) else ""
    if not _is_prose(nxt):
        return True
    if not _is_single_sentence(nxt):
        return False
    # A one-sentence paragraph may be a media teaser; it is the article's when what follows
    # it is more prose, the author's name, a source line, a tag line or the end of the page.
    after = lines[i + 2].text if i + 2 < len(lines) else ""
    return not (
        not after
        or _is_prose(after)
        or _is_author(after)
        or _SOURCE.match(after) is not None
        or _TAGS_LINE.match(after) is not None
    )


def _metadata_lines(
    lines: list[_Line], body_from: int, body_to: int, first_marker: int, zoning: Zoning
) -> None:
    """Bylines and source lines become metadata; a `(Outlet.vn) -` lead-in is cut off."""
    source_outlet = byline_outlet = lead_outlet = None
    first_body = True
    for i in range(body_from, body_to):
        line = lines[i]
        if line.label is not None:
            continue
        source = _SOURCE.match(line.text)
        if source and len(line.text) <= 120:
            line.label = "meta"
            source_outlet = source_outlet or outlet_from_source(source.group(1))
            _author_before(lines, i, body_from, zoning)
            continue
        alone = _PAREN_ONLY.match(line.text)
        if alone and i > body_from:  # "(TTXVN/Vietnam+)" closing the article
            line.label = "meta"
            source_outlet = (
                source_outlet or outlet_from_byline(alone.group(1)) or outlet_from_source(alone.group(1))
            )
            continue
        theo = _THEO.match(line.text)
        if (
            theo
            and len(_WORD.findall(line.text)) <= 10
            and "," not in line.text
            and not _ends_clause(line.text)
        ):
            line.label = "meta"
            zoning.byline = theo.group(1).strip()
            byline_outlet = byline_outlet or outlet_from_byline(theo.group(1))
            continue
        if first_body and not _is_furniture(line.text):
            lead = _PAREN_OUTLET.match(line.text) or _AGENCY_LEAD.match(line.text)
            if lead and len(_WORD.findall(lead.group(1))) <= 4:
                lead_outlet = outlet_from_byline(lead.group(1)) or outlet_from_source(lead.group(1))
                line.seg_start = lead.end()
            first_body = False
    # The author's name alone on the last line of the article, just before the lists.
    if first_marker > body_from:
        last = min(body_to, first_marker) - 1
        while last >= body_from and lines[last].label in ("meta", "drop"):
            last -= 1
        if last >= body_from and lines[last].label is None and _is_author(lines[last].text):
            lines[last].label = "meta"
            zoning.byline = zoning.byline or lines[last].text
            last -= 1
        while last >= body_from and lines[last].label is not None:
            last -= 1
        # "... hai tỉnh. (TTXVN/Vietnam+)" or "(Baoquangbinh.vn)" closing the last paragraph.
        text = lines[last].text if last >= body_from else ""
        trailing = _TRAILING_OUTLET.search(text[-60:]) if text.endswith(")") else None
        if trailing:
            lead_outlet = (
                lead_outlet or outlet_from_byline(trailing.group(1)) or outlet_from_source(trailing.group(1))
            )
    zoning.outlet = source_outlet or lead_outlet or byline_outlet


def _author_before(lines: list[_Line], i: int, body_from: int, zoning: Zoning) -> None:
    j = i - 1
    while j >= body_from and lines[j].label == "meta":
        j -= 1
    if j >= body_from and lines[j].label is None and _is_author(lines[j].text):
        lines[j].label = "meta"
        zoning.byline = zoning.byline or lines[j].text


def _is_author(text: str) -> bool:
    """A name or two (`Hà Vy`, `Hạnh Trần (t/h)`, `Minh Anh - Thu Hà`, `PV`) on its own line."""
    if len(text) > 48 or _ends_clause(text.rstrip(")")):
        return False
    if _AUTHOR_TAG.search(text):
        return True
    words = [w for w in _WORD.findall(text) if w not in {"-", "–", "&", "và", "/"}]
    return 1 <= len(words) <= 6 and all(w[0].isupper() for w in words)


def _captions(lines: list[_Line], body_from: int, body_to: int, title: str | None) -> None:
    """Photo captions: after `Chú thích ảnh`, with a photo credit, or under a repeated headline.

    Pages put the headline into each image's alt text, so a line repeating the headline marks
    an image; its caption follows on the next line of the block, or as a short one-sentence
    paragraph of its own.
    """
    title_key = _key(title) if title else None
    title_len = len(title_key or "")
    previous: _Line | None = None
    seen_body = False  # the headline repeated right under itself is no image
    for i in range(body_from, body_to):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < body_to else None
        text = line.text
        if line.label is None:
            if previous is not None and _same(line, previous):
                line.label = "drop"  # the same line copied twice: keep the first
            elif _CAPTION_MARK.match(text):
                line.label = "drop"
                if nxt is not None and nxt.label is None:
                    nxt.label = "caption"
            elif title_key is not None and abs(len(text) - title_len) <= 4 and _key(text) == title_key:
                line.label = "drop"
                if seen_body and nxt is not None and nxt.label is None and len(nxt.text) <= 400:
                    same_block = nxt.block == line.block
                    if same_block or (len(nxt.text) <= 250 and _is_single_sentence(nxt.text)):
                        nxt.label = "caption"
            elif len(text) <= 250 and _DATED_CAPTION.search(text) and not _dated_neighbour(lines, i, body_to):
                # `Lễ ký kết ... giữa tỉnh A và tỉnh B (tháng 11/2019)`: a picture dated in
                # brackets; a list of dated links dates every line, a caption only itself.
                line.label = "caption"
            elif len(text) <= 400 and _is_credited(text):
                # A file photo shows another, earlier occasion: what it says is not this
                # article's news, so it is neither a caption of it nor a source of facts.
                line.label = "drop" if _FILE_PHOTO.search(text) else "caption"
            else:
                seen_body = True
        previous = line


# A caption dated in brackets at its end (`(tháng 11/2019)`, `(năm 2019)`); a full
# `dd/mm/yyyy` is left alone, as portals date their lists of related links that way.
_DATED_CAPTION = re.compile(
    r"\((?:tháng\s*\d{1,2}\s*/\s*(?:19|20)\d\d|năm\s+(?:19|20)\d\d)\)\s*$", re.IGNORECASE
)


def _dated_neighbour(lines: list[_Line], i: int, body_to: int) -> bool:
    """The line before or after in the same block is dated the same way (a list of links)."""
    line = lines[i]
    for j in (i - 1, i + 1):
        if 0 <= j < body_to and lines[j].block == line.block and _DATED_CAPTION.search(lines[j].text):
            return True
    return False


def _is_credited(text: str) -> bool:
    """The line carries a photo credit (`Ảnh: ...`): a caption, never the headline."""
    return _has_photo_word(text) and _PHOTO_CREDIT.search(text) is not None


def _has_photo_word(text: str) -> bool:
    return "Ảnh" in text or "ảnh" in text or "ẢNH" in text or "hoto" in text


def _inline_related(lines: list[_Line], body_from: int, body_to: int, title: str | None) -> None:
    """Links to other articles set inside the body: doubled headlines, media links, and short
    headline-shaped lines that sit inside a paragraph block instead of opening one."""
    for i in range(body_from, body_to):
        line = lines[i]
        if line.label is not None:
            continue
        half = doubled_length(line.text)
        if half:
            line.label, line.linkish, line.seg_end = "related", True, half
        elif _MEDIA_LINK.match(line.text):
            line.label, line.linkish = "related", True
    alone: list[_Line] = []
    for i in range(body_from, body_to):
        line = lines[i]
        if line.label is not None or not is_headline_like(line.text):
            continue
        prev = lines[i - 1] if i > body_from else None
        nxt = lines[i + 1] if i + 1 < body_to else None
        # A heading right under a photo caption of its block opens a section; it is not
        # one of a run of links (`<caption>\nTạo dựng từ quá khứ…\n<paragraph>`).
        inside = prev is not None and prev.block == line.block and prev.label != "caption"
        if inside and prev is not None and (prev.listing or prev.text.endswith(":")):
            line.listing = True  # "... các lĩnh vực sau:" followed by one item per line
            continue
        run = nxt is not None and nxt.block == line.block and (nxt.linkish or is_headline_like(nxt.text))
        if inside or run:
            line.label, line.linkish = "related", True
        elif prev is not None and nxt is not None and nxt.block != line.block:
            alone.append(line)
    if alone:
        _foreign_headlines(lines, body_from, body_to, alone, title)


def _names(text: str) -> list[str]:
    """Runs of two or more capitalised words (`Quảng Bình`, `Khăm Muồn`)."""
    names: list[str] = []
    run: list[str] = []
    for word in [*text.split(), ""]:
        if word[:1].isupper() and word.isalpha():
            run.append(word)
            continue
        if len(run) >= 2:
            names.append(" ".join(run))
        run = []
    return names


def _foreign_headlines(
    lines: list[_Line], body_from: int, body_to: int, alone: list[_Line], title: str | None
) -> None:
    """A headline-shaped line alone between paragraphs is a subheading or a link to another
    story. A subheading speaks of the article's own subjects; a line whose multi-word names
    (`Quảng Bình`, `Khăm Muồn`) occur nowhere else in the title or body is another story."""
    rest = [x for x in lines[body_from:body_to] if x.label is None]
    for line in alone:
        names = _names(line.text)
        if not names:
            continue
        others = "\n".join([title or "", *(x.text for x in rest if x is not line)])
        if not any(name in others for name in names):
            line.label, line.linkish = "related", True


def _teasers(lines: list[_Line], body_from: int, body_to: int) -> None:
    """The summary printed under an inline related link, up to the next link or block end."""
    for i in range(body_from + 1, body_to):
        line = lines[i]
        prev = lines[i - 1]
        if line.label is not None or not prev.linkish or prev.block != line.block:
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        closes = (
            nxt is None
            or i + 1 >= body_to
            or nxt.block != line.block
            or nxt.linkish
            or nxt.label in ("meta", "caption", "drop")
        )
        if closes:
            line.label = "related"
