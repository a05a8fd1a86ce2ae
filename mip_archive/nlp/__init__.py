"""Entities, canonical names, quotes with speakers and roles, extracted with spaCy plus our own rules."""

from .attribution import Quote
from .entities import Mention
from .pipeline import Enricher, Enrichment, article_text
from .roles import RoleMention

__all__ = ["Enricher", "Enrichment", "Mention", "Quote", "RoleMention", "article_text"]
