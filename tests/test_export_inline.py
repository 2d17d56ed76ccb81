"""Inline Markdown of descriptions, summaries and notes, as the HTML report and TimelineJS
show it: rendered where the case file uses it, escaped everywhere."""

from __future__ import annotations

import pytest

from timeline.exporters.inline import inline_html


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("see the conflict `blocking-date`.", "see the conflict <code>blocking-date</code>."),
        ("``a ` tick``", "<code>a ` tick</code>"),
        ("**strong**, *em* and _em_", "<strong>strong</strong>, <em>em</em> and <em>em</em>"),
        ("[24.kg](https://24.kg/a?b=1&c=2)", '<a href="https://24.kg/a?b=1&amp;c=2">24.kg</a>'),
        ("[mail](mailto:desk@example.org)", '<a href="mailto:desk@example.org">mail</a>'),
        # Not markup: identifiers, arithmetic, an unclosed delimiter, a lone backtick.
        ("snake_case_id 2*3*4 **open ` x", "snake_case_id 2*3*4 **open ` x"),
        # Nothing else becomes markup.
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("`<b>`", "<code>&lt;b&gt;</code>"),
        ("**<i>x</i>**", "<strong>&lt;i&gt;x&lt;/i&gt;</strong>"),
        ("[x](javascript:alert(1))", "[x](javascript:alert(1))"),
        ('[x](https://a.b/"onmouseover=alert(1))', "[x](https://a.b/&quot;onmouseover=alert(1))"),
        ("![pixel](https://evil.example/p.png)", "![pixel](https://evil.example/p.png)"),
        ("[x](https://a.b/\u202egpj.exe)", "[x](https://a.b/\u202egpj.exe)"),
        ("[<img src=x>](https://a.b)", '<a href="https://a.b">&lt;img src=x&gt;</a>'),
    ],
)
def test_inline_markup_is_rendered_and_nothing_else(text: str, html: str) -> None:
    assert inline_html(text) == html
