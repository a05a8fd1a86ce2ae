"""Given names: whether a word is a person's first name, and which pronoun it usually takes.

The names come from Faker's person providers (and patterns/given_names.tsv for those it lacks): the first names of 80+ locales (British, Irish, Welsh-used, Indian,
Pakistani, Nigerian, Ghanaian, Kenyan, South African, East and South-East Asian, European...), about 24,000
names, each listed as female, male or either. A name-shaped span whose first word is a given name is a person even
where the small statistical model calls it an organisation or misses it ("Rhiannon Beddoes met her"), and "she said"
resolves to the last person whose first name is not only a man's.

Words that are given names but far more often something else in this text (months, places that head trust names,
common words) are listed in ``NOT_GIVEN`` and never count.
"""

import importlib
import pkgutil
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

#: Given names in Faker's lists that, capitalised in this archive's text, are usually not a first name.
NOT_GIVEN = frozenset(
    """January February March April May June July August September October November December Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday Summer Winter Autumn Spring Will Hope Faith Joy Art
    Royal Major Young King Prince Queen Princess Duke Lord Lady Sir Dame General Said Best Long Love Rich Strong
    Kent Chester Dudley Lincoln Warwick Durham Derby Bolton Preston Stafford Shropshire Wales Scotland England Ireland Britain London Paris Sydney Camden Bristol Carlisle Salisbury Winchester
    Lewis Harrow Barnet Enfield Croydon Ealing Brent Merton Sutton Bromley Hillingdon Havering Newham Redbridge
    Wigan Bury Oldham Halton Sefton Wirral Bradford Calderdale Kirklees Leeds Sheffield Rotherham Barnsley Doncaster
    Sandwell Walsall Solihull Coventry Birmingham Wolverhampton Stockport Trafford Tameside Rochdale Salford
    Lewisham Manchester Liverpool Norfolk Suffolk Essex Surrey Sussex Devon Cornwall Dorset Somerset Avon Wiltshire
    Gloucester Hereford Worcester Oxford Cambridge Bedford Luton Milton Reading Helier
    Christie Marsden Harefield Frimley Homerton Whittington Lister Addenbrooke Walton Alder Hey Tavistock Portman
    Unite Unison Labour Reform Green Care Health Trust Union Board Primary Acute Community Mental Public North South
    East West Central Upper Lower Greater Mid Great Little New Old Saint""".split()
)
_PROVIDERS = "faker.providers.person"


@dataclass(frozen=True)
class GivenNames:
    female: frozenset[str]
    male: frozenset[str]
    either: frozenset[str]

    def __contains__(self, word: str) -> bool:
        return word in self.either


@lru_cache(maxsize=1)
def given_names() -> GivenNames:
    """All given names of Faker's person providers, split by the sex each is listed under."""
    female, male, unmarked = set(), set(), set()
    package = importlib.import_module(_PROVIDERS)
    for module in pkgutil.iter_modules(package.__path__):
        provider = getattr(importlib.import_module(f"{_PROVIDERS}.{module.name}"), "Provider", None)
        for attribute, bucket in (("first_names_female", female), ("first_names_male", male),
                                  ("first_names", unmarked)):
            bucket.update(_names(getattr(provider, attribute, None)))
    for name, sex in _supplement():
        {"f": female, "m": male}.get(sex, unmarked).add(name)
    female, male = female - NOT_GIVEN, male - NOT_GIVEN
    return GivenNames(frozenset(female), frozenset(male), frozenset((female | male | unmarked) - NOT_GIVEN))


def _supplement() -> list[tuple[str, str]]:
    """Given names Faker leaves out (patterns/given_names.tsv: Welsh, Gaelic, Irish, African, South Asian)."""
    text = (resources.files("mip_archive.nlp") / "patterns" / "given_names.tsv").read_text(encoding="utf-8")
    return [tuple(line.split("\t")[:2]) for line in text.splitlines() if line and not line.startswith("#")]


def _names(value) -> list[str]:
    """A provider's list (a tuple, or a dict of name → weight) as capitalised Latin-script words."""
    if isinstance(value, dict):
        value = list(value)
    if not isinstance(value, (list, tuple)):
        return []
    return [name for name in value if isinstance(name, str) and _latin_name(name)]


def _latin_name(name: str) -> bool:
    return len(name) > 1 and name[0].isupper() and all(c.isalpha() and c < "ɏ" or c in "-'’" for c in name)


#: First names that are also common words or places ("Hope", "Lincoln"): a name only where the words around it
#: make it one (a role after it, or a verb of speaking or doing).
WEAK_GIVEN = frozenset(
    "Hope Faith Joy Will Patience Mercy Precious Lincoln Paris Chester Dudley Preston Summer Sydney Lewis Bill June April"
    .split())


def is_given_name(word: str) -> bool:
    """"Rhiannon", "Tomás"; "Siobhán" as "Siobhan"; a hyphenated first name counts by its first part ("Mei-Ling")."""
    names = given_names()
    first = word.split("-", 1)[0]
    return word in names or first in names or _unaccented(first) in names


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def pronoun_fits(first_name: str, pronoun: str) -> bool:
    """Whether "she"/"he" can refer to someone with this first name (unknown names fit both)."""
    names = given_names()
    if pronoun.lower() == "she":
        return not (first_name in names.male and first_name not in names.female)
    if pronoun.lower() == "he":
        return not (first_name in names.female and first_name not in names.male)
    return True
