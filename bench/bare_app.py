"""The yardstick of `bench/bench_request_path.py`: a bare FastAPI endpoint, nothing else.

Served by uvicorn exactly as `vlkg serve` is (one worker, same flags), it measures what
the framework, the server and the load generator cost on this machine in this run; the
API's cached answers are compared with it rather than with a fixed number.
"""

from __future__ import annotations

from fastapi import FastAPI

app = FastAPI()


@app.get("/bare")
async def bare() -> dict[str, str]:
    return {"status": "ok"}
