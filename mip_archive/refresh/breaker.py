"""A circuit breaker: when the site is clearly down, end the run cleanly instead of hammering it for hours.

Only *final* failures count (a request that still failed after the retry middleware's retries and backoff), so
intermittent errors that a retry cures never trip it; any answer from the site resets the count.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class CircuitBreaker:
    threshold: int = 5  # consecutive final failures that mean "the site is down"
    consecutive: int = 0
    last_reason: str | None = None

    def success(self) -> None:
        self.consecutive = 0

    def failure(self, reason: str) -> bool:
        """Count one final failure; True when the breaker trips."""
        self.consecutive += 1
        self.last_reason = reason
        return self.tripped

    @property
    def tripped(self) -> bool:
        return self.consecutive >= self.threshold

    def message(self, base_url: str) -> str:
        return (f"the site {base_url} seems to be down: {self.consecutive} requests in a row failed "
                f"(last: {self.last_reason}); the run stopped early and kept everything fetched so far")
