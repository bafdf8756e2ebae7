from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """Custom from the first migration, so that adding fields later is painless."""

    class Meta:
        db_table = "website_user"
