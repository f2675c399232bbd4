"""The files themselves: no merge left its conflict markers, and every stylesheet parses.

A conflict marker in a stylesheet is no syntax error to a browser: it silently swallows the
rule after it, or leaves an `@media` block open so that the rest of the file only applies on
wide screens. These tests read the files as they are committed.
"""

import shutil
import subprocess
from pathlib import Path

import pytest
import tinycss2
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)

# Built from parts, so that this file does not hold a marker at the start of a line itself.
OPENING, SEPARATOR, CLOSING = "<" * 7 + " ", "=" * 7, ">" * 7 + " "

# When git is missing (an exported tree), walk the tree but leave out what is not ours.
NOT_OURS = {".git", ".venv", "node_modules", "staticfiles", "var", "media", "__pycache__"}


def tracked_files():
    if shutil.which("git") and (BASE_DIR / ".git").exists():
        listed = subprocess.run(
            ["git", "ls-files", "-z"], cwd=BASE_DIR, capture_output=True, check=True, text=True
        ).stdout
        return [BASE_DIR / name for name in listed.split("\0") if name]
    return [
        path
        for path in BASE_DIR.rglob("*")
        if path.is_file() and not NOT_OURS.intersection(path.relative_to(BASE_DIR).parts)
    ]


def is_marker(line):
    return line.startswith((OPENING, CLOSING)) or line.rstrip("\r\n") == SEPARATOR


def conflict_markers(path):
    """The `file:line` of each conflict marker in a text file (none in a binary one)."""
    data = path.read_bytes()
    if b"\0" in data[:8192]:  # binary: images, compiled catalogues
        return []
    text = data.decode("utf-8", errors="replace")
    return [
        f"{path.relative_to(BASE_DIR)}:{number}"
        for number, line in enumerate(text.splitlines(), 1)
        if is_marker(line)
    ]


def test_no_file_holds_a_merge_conflict_marker():
    files = [path for path in tracked_files() if path.is_file()]  # a deleted file is still listed
    assert len(files) > 50
    found = [marker for path in files for marker in conflict_markers(path)]
    assert not found, f"merge conflict markers left in: {', '.join(found)}"


def test_the_marker_check_finds_each_kind_of_marker(tmp_path):
    markers = [f"{OPENING}HEAD", SEPARATOR, f"{CLOSING}main"]
    for marker in markers:
        assert is_marker(marker + "\n")
    assert not is_marker(SEPARATOR + "=")  # a longer rule, as under a Markdown heading
    assert not is_marker(" " + SEPARATOR)


# Stylesheets

# Appended to a stylesheet: a block (or comment) left open at the end of the file swallows it,
# so it is the last top-level token only when every block was closed. tinycss2 reports no
# error for a block that the end of the file closes, as CSS syntax allows.
END_MARK = "end-of-file-mark"


def parse_errors(rules, where="top level"):
    """The parse errors among `rules` and inside every block they hold, recursively."""
    errors = []
    for rule in rules:
        if rule.type == "error":
            errors.append(f"line {rule.source_line}: {rule.message} ({where})")
        elif rule.type in {"qualified-rule", "at-rule"} and rule.content is not None:
            # Declarations, and nested rules (CSS nesting, or the rules of an @media).
            contents = tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
            name = (
                f"@{rule.at_keyword}" if rule.type == "at-rule" else tinycss2.serialize(rule.prelude).strip()
            )
            errors += parse_errors(contents, f"in {name} at line {rule.source_line}")
    return errors


def stylesheet_errors(css):
    errors = parse_errors(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    tokens = tinycss2.parse_component_value_list(f"{css}\n{END_MARK}")
    last = tokens[-1] if tokens else None
    if not (last is not None and last.type == "ident" and last.value == END_MARK):
        opened = f" at line {last.source_line}" if last is not None else ""
        errors.append(f"the block or comment opened{opened} is never closed")
    return errors


def stylesheets():
    return sorted((BASE_DIR / "static").rglob("*.css"))


def test_there_are_stylesheets_to_check():
    assert BASE_DIR / "static" / "css" / "site.css" in stylesheets()


@pytest.mark.parametrize("path", stylesheets(), ids=lambda path: str(path.relative_to(BASE_DIR)))
def test_every_stylesheet_parses_without_errors(path):
    errors = stylesheet_errors(path.read_text(encoding="utf-8"))
    assert not errors, f"{path.relative_to(BASE_DIR)}: " + "; ".join(errors)


@pytest.mark.parametrize(
    "css",
    [
        "@media (min-width: 48em) {\n  .cards { display: grid; }\n",  # the closing brace lost
        "@media (min-width: 48em) { .a { color: red; }",  # closes the rule, not the block
        ".a { color: red; } /* never closed",
        ".a { color: red; } }",  # one brace too many
        ".a { color red; }",  # a declaration without its colon
        "@media screen { .a { color: red; } .b { : 1 } }",  # an error inside a nested block
    ],
)
def test_the_stylesheet_check_catches_broken_css(css):
    assert stylesheet_errors(css)


def test_the_stylesheet_check_accepts_valid_css():
    css = """
    @media (min-width: 48em) { .a { color: red; } @supports (display: grid) { .b { display: grid } } }
    .c { color: blue; &:hover { color: red; } }
    @font-face { font-family: x; src: url("x}.woff2"); }
    .d::before { content: "{"; }
    """
    assert stylesheet_errors(css) == []
