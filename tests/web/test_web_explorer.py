"""The explorer's JSON (`/network`) and its pages: served, offline, and shipped in the wheel.

The pages themselves are exercised in a real browser by tests/browser/explorer.mjs.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import re
import tomllib
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.api.main import create_app
from app.facts import ArticleFacts, PartnershipFact
from app.gazetteer import gazetteer
from app.store.embedded import EmbeddedStore
from app.web import static_dir
from tests import factories
from tests.factories import ev

ROOT = Path(__file__).resolve().parents[2]


def quangngai_attapeu() -> ArticleFacts:
    """A report after the 2025 merger: the new Quảng Ngãi keeps Kon Tum's Lao partner."""
    return ArticleFacts(
        id="99aa88bb77cc66dd",
        source="tests/quangngai.txt",
        title="Quảng Ngãi tiếp tục hợp tác với Attapư",
        published=dt.date(2025, 9, 1),
        partnerships=[
            PartnershipFact(
                vn="quang-ngai-2025",
                la="LA-AT",
                kind="visit",
                confidence=0.6,
                evidence=ev("Tỉnh Quảng Ngãi tiếp đoàn tỉnh Attapư."),
            )
        ],
    )


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    store = factories.load_all(
        EmbeddedStore(tmp_path_factory.mktemp("web") / "store"),
        [
            factories.camau_khammouane(),
            factories.hatinh_khammouane(),
            factories.kontum_attapeu(),
            quangngai_attapeu(),
        ],
    )
    with TestClient(create_app(store)) as c:
        yield c
    store.close()


def links(body: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(ln["vn"], ln["la"]): ln for ln in body["links"]}


# -- /network ---------------------------------------------------------------------------------


def test_network_gives_every_partnership_as_reported(client: TestClient) -> None:
    body = client.get("/network").json()
    assert body["units"] == "reported"
    got = links(body)
    assert set(got) == {
        ("ca-mau", "khammouane"),
        ("ha-tinh", "khammouane"),
        ("kon-tum", "attapeu"),
        ("quang-ngai-2025", "attapeu"),
    }
    camau = got["ca-mau", "khammouane"]
    # visit as stated, agreement from the minute, aid from the yearly support
    assert camau["kinds"] == ["agreement", "aid", "visit"]
    assert (camau["first_year"], camau["last_year"]) == (2014, 2023)
    assert (camau["article_count"], camau["agreement_count"]) == (1, 1)
    assert camau["articles"] == ["a1b2c3d4e5f60708"] and not camau["inherited"]
    assert got["ha-tinh", "khammouane"]["kinds"] == ["aid"]  # no kind stated; the project says aid
    assert got["ha-tinh", "khammouane"]["agreement_count"] == 0
    assert body["years"] == [2014, 2025]
    assert body["kinds"] == ["agreement", "aid", "visit"]


def test_network_provinces_have_coordinates_and_partner_counts(client: TestClient) -> None:
    body = client.get("/network").json()
    provinces = {p["id"]: p for p in body["provinces"]}
    gaz = gazetteer()
    # the units of the articles' time: every unit older than 2025, and new ones with a partner
    expected = {p.id for p in gaz.provinces if p.valid_from is None} | {"quang-ngai-2025"}
    assert set(provinces) == expected
    assert "hue" not in provinces  # created in 2025, no partnership reported for it
    assert all(p["lat"] is not None and p["lon"] is not None for p in provinces.values())
    km = provinces["khammouane"]
    assert (km["name"], km["name_en"], km["country"], km["partners"]) == ("Khăm Muộn", "Khammouane", "LA", 2)
    assert provinces["kon-tum"]["today"] == "quang-ngai-2025" and not provinces["kon-tum"]["current"]
    assert provinces["ha-tinh"]["today"] == "ha-tinh"


def test_network_today_folds_merged_units_and_marks_them(client: TestClient) -> None:
    body = client.get("/network", params={"units": "today"}).json()
    assert body["units"] == "today"
    got = links(body)
    assert set(got) == {
        ("ca-mau-2025", "khammouane"),
        ("ha-tinh", "khammouane"),
        ("quang-ngai-2025", "attapeu"),
    }
    qn = got["quang-ngai-2025", "attapeu"]
    # Kon Tum's partnership (2021) and the new unit's own (2025), as one line
    assert (qn["inherited"], qn["via"]) == (True, ["kon-tum"])
    assert (qn["first_year"], qn["last_year"], qn["article_count"]) == (2021, 2025, 2)
    assert qn["kinds"] == ["agreement", "visit"] and qn["agreement_count"] == 1
    assert got["ca-mau-2025", "khammouane"]["via"] == ["ca-mau"]
    assert not got["ha-tinh", "khammouane"]["inherited"]
    ids = {p["id"] for p in body["provinces"]}
    assert ids == {p.id for p in gazetteer().provinces if p.current}
    assert "kon-tum" not in ids and "ca-mau" not in ids


def test_network_filters(client: TestClient) -> None:
    def pairs(**params: Any) -> set[tuple[str, str]]:
        response = client.get("/network", params=params)
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["years"] == [2014, 2025] and body["kinds"] == ["agreement", "aid", "visit"]  # unfiltered
        return set(links(body))

    assert pairs(since=2023) == {("ca-mau", "khammouane"), ("quang-ngai-2025", "attapeu")}
    assert pairs(until=2021) == {("ca-mau", "khammouane"), ("kon-tum", "attapeu")}
    assert pairs(kind="aid") == {("ca-mau", "khammouane"), ("ha-tinh", "khammouane")}
    assert pairs(kind=["visit", "agreement"]) == {
        ("ca-mau", "khammouane"),
        ("kon-tum", "attapeu"),
        ("quang-ngai-2025", "attapeu"),
    }
    assert pairs(kind="none") == set()
    assert ("quang-ngai-2025", "attapeu") not in pairs(min_confidence=0.9)
    # filters apply before folding: Kon Tum's 2021 partnership stays out of today's line, but
    # its 2021–2025 memorandum, in force in 2024, is still an agreement of the pair
    today = client.get("/network", params={"units": "today", "since": 2024}).json()
    qn = links(today)["quang-ngai-2025", "attapeu"]
    assert (qn["inherited"], qn["first_year"], qn["agreement_count"]) == (False, 2025, 1)


def test_network_filters_agreement_counts_by_year(client: TestClient) -> None:
    got = links(client.get("/network", params={"since": 2022, "until": 2023}).json())
    assert got["ca-mau", "khammouane"]["agreement_count"] == 0  # the minute is from 2014


@pytest.mark.parametrize(
    "params",
    [{"units": "future"}, {"min_confidence": 2}, {"since": 1800}, {"kind": "x" * 41}, {"until": "soon"}],
)
def test_network_rejects_bad_parameters(client: TestClient, params: dict[str, Any]) -> None:
    response = client.get("/network", params=params)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"


def test_network_is_documented(client: TestClient) -> None:
    op = client.get("/openapi.json").json()["paths"]["/network"]["get"]
    schema = op["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/Network"}
    assert {p["name"] for p in op["parameters"]} == {"units", "since", "until", "kind", "min_confidence"}


# -- pages: served, and nothing loaded from elsewhere ----------------------------------------


class Loads(HTMLParser):
    """What a page makes the browser fetch: scripts, style sheets, icons, images."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("script", "img", "iframe") and a.get("src"):
            self.urls.append(a["src"] or "")
        if tag == "link" and a.get("href"):
            self.urls.append(a["href"] or "")

    def handle_data(self, data: str) -> None:
        self.scripts.append(data)


def loads(html: str) -> tuple[list[str], str]:
    parser = Loads()
    parser.feed(html)
    return parser.urls, "".join(parser.scripts)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/explore/province/khammouane",
        "/explore/province/Kh%C4%83m%20Mu%E1%BB%99n",
        "/explore/official/x",
    ],
)
def test_pages_load_only_local_assets(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    urls, _ = loads(response.text)
    assert urls, "the page loads its scripts and styles"
    for url in urls:
        assert url.startswith("/static/"), url
        asset = client.get(url)
        assert asset.status_code == 200, url
        assert len(asset.content) > 0


def test_explorer_scripts_fetch_only_the_api(client: TestClient) -> None:
    """The pages' own code names no other host, except as links a reader may follow."""
    for path in sorted(static_dir().glob("*.*")):
        text = path.read_text(encoding="utf-8")
        hosts = set(re.findall(r"https?://([^/\"'`\s]+)", text))
        assert hosts <= {"www.wikidata.org"}, (path.name, hosts)


def test_unknown_explorer_kinds_are_404(client: TestClient) -> None:
    assert client.get("/explore/planet/x").status_code == 404
    assert client.get("/explore/province/" + "x" * 301).status_code == 422


def test_pages_follow_the_mount_path(client: TestClient) -> None:
    with TestClient(client.app, root_path="/vlkg") as behind_proxy:
        html = behind_proxy.get("/").text
        docs = behind_proxy.get("/docs").text
    urls, _ = loads(html)
    assert urls and all(u.startswith("/vlkg/static/") for u in urls)
    assert 'data-root="/vlkg"' in html
    assert "/vlkg/openapi.json" in docs and "/vlkg/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs


def test_docs_use_local_swagger_ui(client: TestClient) -> None:
    response = client.get("/docs")
    assert response.status_code == 200
    urls, script = loads(response.text)
    assert sorted(urls) == [
        "/static/vendor/swagger-ui/favicon-32x32.png",
        "/static/vendor/swagger-ui/swagger-ui-bundle.js",
        "/static/vendor/swagger-ui/swagger-ui.css",
    ]
    assert "https://" not in response.text and "http://" not in response.text
    assert '"validatorUrl": null' in script  # Swagger UI would ask validator.swagger.io otherwise
    for url in urls:
        assert client.get(url).status_code == 200
    assert client.get("/redoc").status_code == 404  # ReDoc's bundle fetches a logo from its CDN
    assert "/" not in client.get("/openapi.json").json()["paths"]  # pages are not API operations


def test_static_assets_are_package_data() -> None:
    """Every file the pages need is matched by a package-data glob, so a wheel carries it."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["app"]
    package = ROOT / "app"
    files = [p.relative_to(package).as_posix() for p in static_dir().rglob("*") if p.is_file()]
    assert len(files) >= 15
    missing = [
        f for f in files if not any(fnmatch.fnmatch(f, g) and f.count("/") == g.count("/") for g in globs)
    ]
    assert missing == []
