from .documents import CustomDocument
from .images import CustomImage, CustomRendition
from .pages import BasePage
from .settings import OrganisationSettings
from .users import User

__all__ = [
    "BasePage",
    "CustomDocument",
    "CustomImage",
    "CustomRendition",
    "OrganisationSettings",
    "User",
]
