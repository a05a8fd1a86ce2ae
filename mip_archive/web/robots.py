"""The archive's robots.txt, from the ``robots`` settings of the ``mip-archive`` plugin block in metadata.yml.

``robots: archive`` (the default) lets search engines read articles, quotes and people but keeps them out of
query, facet and export URLs, which come in endless combinations; ``robots: none`` asks every robot to stay away;
``robots: all`` allows everything. The environment variable ``MIP_ROBOTS`` overrides the setting, so one
metadata.yml can serve a public site and a private mirror.
"""

from __future__ import annotations

import os

POLICIES = ("archive", "none", "all")
DEFAULT_POLICY = "archive"


def robots_policy(config: dict | None) -> str:
    policy = os.environ.get("MIP_ROBOTS") or (config or {}).get("robots") or DEFAULT_POLICY
    policy = str(policy).strip().lower()
    if policy not in POLICIES:
        raise ValueError(f"robots policy must be one of {', '.join(POLICIES)}, not {policy!r}")
    return policy


def robots_txt(config: dict | None) -> str:
    """The text of robots.txt for the plugin ``config`` (the ``mip-archive`` block of metadata.yml)."""
    policy = robots_policy(config)
    lines = ["User-agent: *"]
    if policy == "none":
        lines.append("Disallow: /")
    elif policy == "all":
        lines.append("Disallow:")
    else:
        lines += [f"Disallow: {path}" for path in (config or {}).get("robots_disallow", [])] or ["Disallow:"]
    return "\n".join(lines) + "\n"
