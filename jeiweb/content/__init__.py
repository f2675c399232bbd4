"""The site's content as a whole: what is site content (`site_content`, registry.py), the one
publishing rule (publishing.py) and the seed loader (loading.py)."""

from jeiweb.content.registry import site_content

__all__ = ["site_content"]
