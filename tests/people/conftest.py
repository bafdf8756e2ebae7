from tests.moderation.conftest import roles  # noqa: F401  (every role, on the translated site tree)
