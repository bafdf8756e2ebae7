"""The PostgreSQL text search configuration of every content language, made after each `migrate`.

Each is a copy of the built-in configuration its profile names (website/language_profiles.py)
with `unaccent` before that configuration's own dictionary, so "juridica" finds "jurídica".
A migration runs once, so it could not serve a language added later: this runs after every
`migrate` (post_migrate) and creates the configurations that are missing, so an
already-migrated database gets a new language's configuration from `manage.py migrate`.
search/migrations/0001 made the first three; they are left as they are. SQLite has no
such configurations and skips this.
"""

from django.conf import settings
from django.db import connections

from website.language_profiles import profile

# Parser token types that hold words: the ones `unaccent` must see before the stemmer.
WORD_TOKENS = ("hword", "hword_part", "word")


def word_dictionaries(cursor, base):
    """The dictionaries a built-in configuration hands words to, in order (`french_stem`; `simple`)."""
    cursor.execute(
        """
        SELECT dictionary.dictname
        FROM pg_ts_config config
        JOIN pg_ts_config_map map ON map.mapcfg = config.oid
        JOIN pg_ts_dict dictionary ON dictionary.oid = map.mapdict
        JOIN ts_token_type(config.cfgparser) token ON token.tokid = map.maptokentype
        WHERE config.cfgname = %s AND token.alias = 'word'
        ORDER BY map.mapseqno
        """,
        [base],
    )
    dictionaries = [name for (name,) in cursor.fetchall()]
    if not dictionaries:
        raise LookupError(f"PostgreSQL has no text search configuration {base!r} (see pg_ts_config).")
    return dictionaries


def create_text_search_configs(using="default", **kwargs):
    """Create the unaccented configuration of each content language that lacks one."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    profiles = [profile(code) for code, _name in settings.LANGUAGES]
    wanted = {language.postgres_config: language.postgres_base_config for language in profiles}
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config WHERE cfgname = ANY(%s)", [list(wanted)])
        existing = {name for (name,) in cursor.fetchall()}
        missing = {name: base for name, base in wanted.items() if name not in existing}
        if not missing:
            return
        cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        quote = connection.ops.quote_name
        for name, base in missing.items():
            dictionaries = ", ".join(quote(dictionary) for dictionary in word_dictionaries(cursor, base))
            cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {quote(name)} (COPY = {quote(base)})")
            cursor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION {quote(name)} "
                f"ALTER MAPPING FOR {', '.join(WORD_TOKENS)} WITH unaccent, {dictionaries}"
            )
