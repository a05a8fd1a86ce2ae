"""The read-only SQL behind the article, quote and entity pages (the canned queries live in metadata.yml)."""

ARTICLE = """
select rowid, id, url, section, title, published, author, standfirst, body_html, body, status, withdrawn_at,
       versions, archive_url, capture_timestamp, first_seen, last_seen, era
from articles where id = :id
"""
ARTICLE_VERSIONS = """
select title, published, first_seen, last_seen from article_versions
where article_id = :id order by first_seen
"""
ARTICLE_QUOTES = """
select quotes.id, quotes.text, quotes.role, entities.id as speaker_id,
       coalesce(entities.canonical, quotes.speaker) as speaker
from quotes left join entities on entities.id = quotes.speaker_id
where quotes.article_id = :id order by quotes.position
"""
ARTICLE_ENTITIES = """
select entities.id, entities.canonical as name, entities.label, article_entities.mentions
from article_entities join entities on entities.id = article_entities.entity_id
where article_entities.article_id = :id
order by entities.label, article_entities.mentions desc, entities.canonical
"""
QUOTE = """
select quotes.id, quotes.text, quotes.role, quotes.cue, entities.id as speaker_id,
       coalesce(entities.canonical, quotes.speaker) as speaker,
       entities.label as speaker_label, articles.id as article_id, articles.title, articles.published,
       articles.url, articles.archive_url
from quotes join articles on articles.id = quotes.article_id
left join entities on entities.id = quotes.speaker_id
where quotes.id = :id
"""
ENTITY = """
select id, canonical as name, label, aliases, first_seen, last_seen, article_count, mention_count, quote_count
from entities where id = :id
"""
ENTITY_YEARS = """
select articles.year, count(*) as articles from article_entities
join articles on articles.id = article_entities.article_id
where article_entities.entity_id = :id and articles.year is not null
group by articles.year order by articles.year
"""
ENTITY_ARTICLES = """
select articles.id, articles.title, articles.published, articles.section, article_entities.mentions
from article_entities join articles on articles.id = article_entities.article_id
where article_entities.entity_id = :id order by articles.published desc limit 50
"""
ENTITY_QUOTES = """
select quotes.id, quotes.text, quotes.role, articles.id as article_id, articles.title, articles.published
from quotes join articles on articles.id = quotes.article_id
where quotes.speaker_id = :id order by articles.published desc limit 50
"""
ENTITY_ROLES = """
select role, min(date) as first_seen, max(date) as last_seen, count(*) as articles
from roles where entity_id = :id and role != ''
group by role order by first_seen, role
"""
