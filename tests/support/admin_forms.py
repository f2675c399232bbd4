"""Submitting the admin's forms as a browser would, in the tests (signing in: second_factor.py)."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    """The values a browser would submit from the page's form that has `form_id`
    (or its first POST form but the log-out button): inputs, checked boxes, selected options, textareas."""

    def __init__(self, form_id=None):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.done = False
        self.data = []
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and not self.done:
            if self.form_id:
                wanted = attrs.get("id") == self.form_id
            else:  # the page's own form, not the header's log-out button
                wanted = attrs.get("method", "").lower() == "post" and attrs.get("id") != "logout-form"
            self.inside = self.inside or wanted
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.data.append((self._select, attrs.get("value", "")))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            name, value = self._textarea
            self.data.append((name, value.removeprefix("\r\n").removeprefix("\n")))
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form" and self.inside:
            self.inside, self.done = False, True


def form_data(html, form_id=None, **changes):
    """{name: value or [values]} of the form, with `changes` applied (as typed into it)."""
    reader = _FormReader(form_id)
    reader.feed(html)
    data = {}
    for name, value in reader.data:
        if name in data:
            data[name] = [*([data[name]] if isinstance(data[name], str) else data[name]), value]
        else:
            data[name] = value
    for name, value in changes.items():
        data[name] = value
    return data
