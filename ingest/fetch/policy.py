"""Which URLs `vlkg fetch` may request.

A fetcher that follows links and redirects from pages it does not control must not become a
way to reach the machine it runs on or its network (`http://127.0.0.1:7474`, a cloud metadata
address, a router). So only http(s) is fetched, and a host that resolves to a private,
loopback, link-local or otherwise non-public address is refused, at every redirect hop, unless
the user allows it (`--allow-private`, which the tests need for their local server).
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

__all__ = ["UrlRefused", "check_url"]


class UrlRefused(ValueError):
    """A URL the policy forbids; the message says why, in one line."""


def _public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    return ip.is_global and not ip.is_multicast


def check_url(url: str, *, allow_private: bool = False) -> str:
    """The host of `url` if it may be fetched, else `UrlRefused` saying why."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise UrlRefused(f"only http and https URLs are fetched, not {parts.scheme or 'a bare path'}")
    host = parts.hostname
    if not host:
        raise UrlRefused("URL without a host")
    if allow_private:
        return host
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80))
    except (socket.gaierror, UnicodeError) as err:
        raise UrlRefused(f"cannot resolve {host}: {err}") from None
    for info in infos:
        address = str(info[4][0])
        if not _public(address):
            raise UrlRefused(f"{host} resolves to a non-public address ({address}); see --allow-private")
    return host
