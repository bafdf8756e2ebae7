from .documents import CustomDocument
from .images import CustomImage, CustomRendition
from .pages import BasePage, HeroImageMixin
from .settings import OrganisationSettings
from .users import User

__all__ = [
    "BasePage",
    "CustomDocument",
    "CustomImage",
    "CustomRendition",
    "HeroImageMixin",
    "OrganisationSettings",
    "User",
]
