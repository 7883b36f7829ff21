"""The Neo4j adapter's wiring, checked without a server.

A fake driver records what the adapter asks of the official driver: schema statements
at start-up, reads routed to readers, one managed write transaction per change set that
takes the load lock first and creates new rows, and driver failures turned into one-line
store errors. Behaviour on a real server is what the second run of the whole suite
(`VLKG_STORE=neo4j`, against scripts/neo4j.sh's server) checks.
"""

from __future__ import annotations

from typing import Any

import neo4j
import pytest
from neo4j.exceptions import (
    AuthError,
    ConnectionAcquisitionTimeoutError,
    CypherSyntaxError,
    DatabaseUnavailable,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from app.store.base import ChangeSet, StoreError, StoreUnavailable
from app.store.cypher import script, statement
from app.store.neo4j import Neo4jStore


class FakeRecord:
    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    def data(self) -> dict[str, Any]:
        return self._data


class FakeTx:
    def __init__(self, log: list[tuple[str, dict[str, Any]]]) -> None:
        self.log = log

    def run(self, query: str, params: dict[str, Any] | None = None) -> FakeTx:
        self.log.append((query, params or {}))
        return self

    def consume(self) -> None:
        return None


class FakeSession:
    def __init__(self, driver: FakeDriver) -> None:
        self.driver = driver

    def __enter__(self) -> FakeSession:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def execute_write(self, work: Any) -> None:
        tx_log: list[tuple[str, dict[str, Any]]] = []
        work(FakeTx(tx_log))
        if self.driver.fail_writes:
            raise ServiceUnavailable("connection lost")
        self.driver.transactions.append(tx_log)

    def begin_transaction(self, **config: Any) -> FakeExplicitTx:
        return FakeExplicitTx(self.driver)

    def close(self) -> None:
        return None


class FakeExplicitTx(FakeTx):
    """A load's transaction (`Neo4jStore.loading`): kept by the driver only if committed."""

    def __init__(self, driver: FakeDriver) -> None:
        super().__init__([])
        self.driver = driver
        self.open = True

    def run(self, query: str, params: dict[str, Any] | None = None) -> FakeTx:
        if self.driver.fail_statement and self.driver.fail_statement in query:
            raise Neo4jError._hydrate_neo4j(  # as the driver builds it from the server's answer
                code="Neo.TransientError.General.MemoryPoolOutOfMemoryError",
                message="The allocation of an extra 2.0 MiB would use more than the limit 716.8 MiB. "
                "dbms.memory.transaction.total.max threshold reached",
            )
        return super().run(query, params)

    def commit(self) -> None:
        self.driver.transactions.append(self.log)
        self.open = False

    def rollback(self) -> None:
        self.driver.rolled_back.append(self.log)
        self.open = False

    def close(self) -> None:
        if self.open:
            self.rollback()


class FakeDriver:
    def __init__(self) -> None:
        self.queries: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
        self.transactions: list[list[tuple[str, dict[str, Any]]]] = []
        self.rolled_back: list[list[tuple[str, dict[str, Any]]]] = []
        self.fail_writes = False
        self.fail_statement = ""  # a load's statement containing this fails (out of memory)
        self.closed = False

    def verify_connectivity(self) -> None:
        return None

    def execute_query(self, query: str, params: dict[str, Any] | None = None, **kw: Any) -> Any:
        self.queries.append((query, params or {}, kw))
        rows = [FakeRecord({"day": neo4j.time.Date(2023, 1, 5), "n": 3})]
        return rows, None, None

    execute_query_bookmark_manager = object()

    def session(self, database: str, bookmark_manager: object = None, **config: Any) -> FakeSession:
        assert bookmark_manager is self.execute_query_bookmark_manager  # reads see the writes
        return FakeSession(self)

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeDriver:
    driver = FakeDriver()
    monkeypatch.setattr(neo4j.GraphDatabase, "driver", lambda uri, auth, **config: driver)
    return driver


def test_schema_is_created_at_start_up(fake: FakeDriver) -> None:
    Neo4jStore("bolt://example:7687", "neo4j", "secret", "vlkg")
    sent = [q for q, _, kw in fake.queries if kw.get("database_") == "vlkg"]
    schema = list(script("schema.neo4j"))
    assert sent[: len(schema)] == schema
    assert sent[len(schema) :] == [statement("read/meta"), statement("set_meta")]  # format marker
    assert any("REQUIRE n.id IS UNIQUE" in q for q in sent)


def test_reads_go_to_readers_and_temporals_become_strings(fake: FakeDriver) -> None:
    store = Neo4jStore("bolt://example:7687", "neo4j", "secret")
    rows = store.query("articles_by_id", ids=["abc"])
    query, params, kw = fake.queries[-1]
    assert str(query.text) == statement("read/articles_by_id") and params == {"ids": ["abc"]}
    assert query.timeout is not None  # a read never hangs a request
    assert kw["routing_"] == neo4j.RoutingControl.READ
    assert rows == [{"day": "2023-01-05", "n": 3}]


def test_a_change_set_is_one_locked_transaction_of_creates(fake: FakeDriver) -> None:
    store = Neo4jStore("bolt://example:7687", "neo4j", "secret")
    changes = ChangeSet()
    changes.create_nodes["Article"] = [{"id": "a1"}]
    changes.create_rels["PARTNERS_WITH"] = [{"src": "ca-mau", "dst": "khammouane"}]
    changes.update_rels["PARTNERS_WITH"] = [{"src": "ha-tinh", "dst": "khammouane"}]
    store.apply(changes)
    (tx,) = fake.transactions
    assert [q for q, _ in tx] == [
        statement("admin/load_lock.neo4j"),
        statement("write/create_Article"),
        statement("write/create_PARTNERS_WITH"),
        statement("write/update_PARTNERS_WITH"),
        statement("admin/bump_generation.neo4j"),
    ]
    assert not any("MERGE" in q for q, _ in tx[1:-1])  # a MERGE would overwrite provenance


def _articles(*ids: str) -> ChangeSet:
    changes = ChangeSet()
    changes.create_nodes["Article"] = [{"id": i} for i in ids]
    return changes


def test_a_load_is_one_transaction_committed_once(fake: FakeDriver) -> None:
    store = Neo4jStore("bolt://example:7687", "neo4j", "secret")
    last = _articles("a3")
    last.generation = "7"
    with store.loading():
        store.apply(_articles("a1"))
        store.apply(_articles("a2"))
        assert fake.transactions == []  # nothing committed, so nothing seen, before the last batch
        store.apply(last)
    (tx,) = fake.transactions
    assert [q for q, _ in tx] == [
        statement("admin/load_lock.neo4j"),
        *[statement("write/create_Article")] * 3,
        statement("admin/bump_generation.neo4j"),  # once for the load
    ]


def test_a_load_past_its_article_limit_commits_in_parts(fake: FakeDriver) -> None:
    store = Neo4jStore("bolt://example:7687", "neo4j", "secret", whole_load_articles=2)
    with store.loading():
        for i in range(5):
            store.apply(_articles(f"a{i}"))
    assert [len(tx) for tx in fake.transactions] == [4, 4, 3]  # lock, 2 (or 1) batches, bump
    assert store.load_parts == 2


def test_a_load_that_outgrows_the_heap_is_rolled_back_and_says_what_to_do(fake: FakeDriver) -> None:
    store = Neo4jStore("bolt://example:7687", "neo4j", "secret")
    fake.fail_statement = "PARTNERS_WITH"
    big = _articles("a2")
    big.create_rels["PARTNERS_WITH"] = [{"src": "ca-mau", "dst": "khammouane"}]
    with (
        pytest.raises(StoreError, match="VLKG_NEO4J_WHOLE_LOAD_ARTICLES to at most 1 ") as info,
        store.loading(),
    ):
        store.apply(_articles("a1"))
        store.apply(big)
    assert "more heap" in str(info.value) and "716.8 MiB" in str(info.value)
    assert fake.transactions == [] and len(fake.rolled_back) == 1


def test_lost_connection_is_a_store_error(fake: FakeDriver) -> None:
    store = Neo4jStore("bolt://example:7687", "neo4j", "secret")
    fake.fail_writes = True
    changes = ChangeSet()
    changes.create_nodes["Article"] = [{"id": "a1"}]
    with pytest.raises(StoreUnavailable, match="stopped answering"):
        store.apply(changes)
    assert fake.transactions == []


def test_nothing_to_write_opens_no_transaction(fake: FakeDriver) -> None:
    store = Neo4jStore("bolt://example:7687", "neo4j", "secret")
    store.apply(ChangeSet())
    assert fake.transactions == []
    store.close()
    assert fake.closed


@pytest.mark.parametrize(
    "error",
    [
        ServiceUnavailable("gone"),
        SessionExpired("expired"),
        TransientError("busy"),
        DatabaseUnavailable("starting"),
        AuthError("wrong password"),
        ConnectionAcquisitionTimeoutError("pool"),
        Neo4jError._hydrate_neo4j(  # a read past its time limit (a server busy with a big commit)
            code="Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
            message="The transaction has been terminated.",
        ),
    ],
    ids=lambda e: type(e).__name__,
)
def test_every_unavailability_is_a_store_error(fake: FakeDriver, error: Exception) -> None:
    store = Neo4jStore("bolt://example:7687", "neo4j", "secret")

    def failing(*args: Any, **kw: Any) -> Any:
        raise error

    fake.execute_query = failing  # type: ignore[method-assign]
    with pytest.raises(StoreUnavailable, match="stopped answering"):
        store.ping()


def test_a_wrong_query_is_not_hidden_as_unavailable(fake: FakeDriver) -> None:
    store = Neo4jStore("bolt://example:7687", "neo4j", "secret")

    def failing(*args: Any, **kw: Any) -> Any:
        raise CypherSyntaxError("bad")

    fake.execute_query = failing  # type: ignore[method-assign]
    with pytest.raises(CypherSyntaxError):
        store.ping()


def test_start_up_failures_are_one_line_store_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(StoreError, match="not a Neo4j address"):
        Neo4jStore("localhost:7687", "neo4j", "secret")
    driver = FakeDriver()

    def refuse() -> None:
        raise AuthError("The client is unauthorized due to authentication failure.")

    driver.verify_connectivity = refuse  # type: ignore[method-assign]
    monkeypatch.setattr(neo4j.GraphDatabase, "driver", lambda uri, auth, **config: driver)
    with pytest.raises(StoreUnavailable, match="cannot reach Neo4j at bolt://example:7687"):
        Neo4jStore("bolt://example:7687", "neo4j", "wrong")
    assert driver.closed
