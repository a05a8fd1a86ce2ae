"""Security headers on every response: a reader's browser loads nothing from other sites and frames nothing.

The Content-Security-Policy is the second wall behind the sanitiser: even if hostile markup reached a page, the
browser would refuse remote scripts, frames, plugins and images. Datasette's own small inline scripts (menus) and
inline styles still run, so ``'unsafe-inline'`` stays for those two.
"""

from __future__ import annotations

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'", "script-src 'self' 'unsafe-inline'", "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:", "frame-src 'none'", "frame-ancestors 'self'", "object-src 'none'",
    "base-uri 'self'", "form-action 'self'",
])
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
]


def with_security_headers(app):
    """ASGI middleware adding :data:`SECURITY_HEADERS` to each HTTP response that does not already set them."""

    async def wrapped(scope, receive, send):
        if scope["type"] != "http":
            await app(scope, receive, send)
            return

        async def send_with_headers(event):
            if event["type"] == "http.response.start":
                present = {name.lower() for name, _ in event.get("headers", [])}
                extra = [(name, value) for name, value in SECURITY_HEADERS if name not in present]
                event = {**event, "headers": [*event.get("headers", []), *extra]}
            await send(event)

        await app(scope, receive, send_with_headers)

    return wrapped
