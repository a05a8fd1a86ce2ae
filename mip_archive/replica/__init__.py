"""The local replica of the union's site: invented articles served in each era's markup on 127.0.0.1.

``build_replica()`` returns the list of apps a :class:`~mip_archive.replica.server.ReplicaServer` serves; more apps
(e.g. a Wayback Machine for the older eras) can be appended to it.
"""

from __future__ import annotations

from typing import Any

from mip_archive.replica.content import generate
from mip_archive.replica.server import ReplicaServer
from mip_archive.replica.truth import truth_records, write_truth
from mip_archive.replica.wayback import WaybackApp
from mip_archive.replica.wordpress import WordPressSite


__all__ = ["ReplicaServer", "build_replica", "generate", "truth_records", "write_truth"]


def build_replica(n_articles: int = 150, seed: int = 1) -> list[Any]:
    """The replica's apps over ``generate(n_articles, seed)``: today's WordPress site, then the Wayback Machine
    holding the 2013–2024 sites."""
    articles = generate(n_articles, seed)
    return [WordPressSite(articles, seed), WaybackApp(articles, seed)]
