"""What visitors read about an image (its alt text and caption), as the apps that know who is in it allow.

An app that knows what may not be said beside a photo registers a rewrite: people/ knows who is
tagged in it and how each may be named, so a defender shown by first name only is not named in
full by a caption an editor typed. The image block applies every rewrite, in the HTML and in the
API, so no template or serializer can forget one. website/ is the lowest layer and cannot ask
people/ itself, hence the registry.
"""

_rewrites = []


def register(rewrite):
    """Add `rewrite(image, texts) -> texts` (once, whatever the number of calls)."""
    if rewrite not in _rewrites:
        _rewrites.append(rewrite)


def as_shown(image, *texts):
    """`texts` about `image` (a tuple), rewritten by every registered rewrite."""
    if image is None or not any(texts):
        return texts
    for rewrite in _rewrites:
        texts = tuple(rewrite(image, texts))
    return texts
