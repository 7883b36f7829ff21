# The vlkg API (and CLI) on Python 3.11. Used by docker-compose.yml with VLKG_STORE=neo4j;
# it runs on the embedded store too (mount a volume at /data).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Install the package first (exact versions from constraints.txt), so editing Cypher files
# or samples does not reinstall everything.
COPY pyproject.toml README.md constraints.txt ./
COPY app ./app
COPY ingest ./ingest
RUN pip install -c constraints.txt .

# The rest of the repository: cypher/ (every statement the app runs, the schema files,
# the Neo4j Browser style sheet and example queries) and samples/.
COPY . .

RUN useradd --create-home --uid 10001 vlkg \
    && mkdir -p /data \
    && chown vlkg:vlkg /data
USER vlkg

# The installed package cannot find cypher/ next to itself; point it at the copy here.
ENV VLKG_CYPHER_DIR=/app/cypher \
    VLKG_DATA_DIR=/data

EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=5 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4).status != 200)"]

CMD ["vlkg", "serve", "--host", "0.0.0.0", "--port", "8000"]
