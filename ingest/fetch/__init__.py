"""`vlkg fetch`: news pages from the web into a corpus folder that `vlkg ingest` reads.

- `policy`: which addresses may be fetched at all (http(s) only, no private networks).
- `client`: the polite HTTP client (robots.txt, per-host pace, retries, redirects, caps).
- `discover`: article URLs from RSS/Atom feeds and sitemaps.
- `corpus`: the folder format (one JSON article per page + the `articles.jsonl` manifest).
- `run`: the whole run, with its summary.
"""
