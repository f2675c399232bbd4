"""Titles and snippets with the matched words marked: everything else is escaped."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.analysis import CJK_RUN, match_spans

SNIPPET_LENGTH = 220


def _marked(text, spans):
    parts, position = [], 0
    for start, end in spans:
        parts += [escape(text[position:start]), "<mark>", escape(text[start:end]), "</mark>"]
        position = end
    parts.append(escape(text[position:]))
    return "".join(parts)


def highlight(text, terms):
    """The whole text, escaped, with every match in <mark>."""
    return mark_safe(_marked(text, match_spans(text, terms)))


def snippet(text, terms, length=SNIPPET_LENGTH):
    """About `length` characters of the text around its first match (or its start), escaped,
    with the matches in <mark> and an ellipsis where it was cut."""
    spans = match_spans(text, terms)
    if sum(map(len, CJK_RUN.findall(text[:length]))) > length // 3:
        # Chinese characters are twice as wide as Latin letters, and each one says more.
        length //= 2
    start = max(0, spans[0][0] - length // 4) if spans else 0
    end = min(len(text), start + length)
    start = max(0, min(start, end - length))
    # Cut at a space where there is one near, so that English words stay whole.
    if start > 0:
        space = text.find(" ", start, start + 20)
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", end - 20, end)
        end = space if space > start else end
    window = [(max(s, start) - start, min(e, end) - start) for s, e in spans if e > start and s < end]
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(escape(prefix) + _marked(text[start:end], window) + escape(suffix))
