# The vlkg API (and CLI) on Python 3.11. Used by docker-compose.yml with VLKG_STORE=neo4j;
# it runs on the embedded store too (mount a volume at /data).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Install the package (exact versions from constraints.txt). The wheel carries everything
# vlkg reads at run time (cypher/, app/data/, the web assets, the vocabularies) as package
# data, so nothing below depends on this folder.
COPY pyproject.toml README.md constraints.txt LICENSE LICENSE-DATA.md CITATION.cff ./
COPY app ./app
COPY ingest ./ingest
COPY cypher ./cypher
RUN pip install -c constraints.txt .

# The rest of the repository (samples/, docs/) for `vlkg ingest samples`.
COPY . .

RUN useradd --create-home --uid 10001 vlkg \
    && mkdir -p /data \
    && chown vlkg:vlkg /data
USER vlkg

ENV VLKG_DATA_DIR=/data

EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=5 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4).status != 200)"]

CMD ["vlkg", "serve", "--host", "0.0.0.0", "--port", "8000"]
