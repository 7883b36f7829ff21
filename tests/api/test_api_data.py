"""The small API graph (tests/api_graph.py) is what the API tests assume."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_graph_has_every_kind_of_fact(client: TestClient) -> None:
    stats = client.get("/stats").json()
    assert stats["nodes"] == {
        "Province": stats["nodes"]["Province"],
        "Article": 4,
        "Official": 3,
        "Agreement": 3,
        "Project": 4,
        "Event": 3,
        "DistrictPartnership": 0,
    }
    # HT–KH, KT–AT, HT–BL (minute), and old Quảng Ngãi–AT (its 2022 visit)
    assert stats["relationships"]["PARTNERS_WITH"] == 4
    assert stats["relationships"]["SIGNED"] == 1 and stats["relationships"]["LED"] == 2
