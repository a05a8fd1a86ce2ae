"""Every URL, path and politeness default in one place: the live site's, overridable from the CLI or environment.

Nothing here is read at import time from disk or network; :func:`site_settings` builds a :class:`SiteSettings` that
the CLI fills from its options.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

LIVE_BASE_URL = "https://www.miphealth.org.uk"
WAYBACK_URL = "https://web.archive.org"
CONTACT_URL = "https://github.com/mip-archive/mip-archive"
USER_AGENT = f"mip-archive/0.1 (+{CONTACT_URL}; research archive of public statements)"

DATA_DIR = Path(os.environ.get("MIP_DATA_DIR", "data"))
DEFAULT_DB = DATA_DIR / "mip.db"

# Listing paths per section. The magazine's path on the live site could not be checked from here: it is a setting.
LISTING_PATHS = {
    "news": ("/news/",),
    "magazine": ("/magazine/",),
}


@dataclass(frozen=True)
class SiteSettings:
    base_url: str = LIVE_BASE_URL
    listing_paths: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(LISTING_PATHS))
    wayback_url: str = WAYBACK_URL
    user_agent: str = USER_AGENT
    polite: bool = True  # robots.txt, AutoThrottle, one request at a time: always on for the live site
    max_page_bytes: int = 5 * 1024 * 1024
    timeout_seconds: float = 30.0

    def listing_urls(self, sections: tuple[str, ...]) -> list[tuple[str, str]]:
        base = self.base_url.rstrip("/")
        return [(section, base + path) for section in sections for path in self.listing_paths[section]]

    def with_base(self, base_url: str) -> "SiteSettings":
        return replace(self, base_url=base_url.rstrip("/"))


def site_settings(base_url: str | None = None, **overrides) -> SiteSettings:
    settings = SiteSettings(**overrides)
    return settings.with_base(base_url) if base_url else settings
