"""Text primitives: the fast paths must give exactly what the plain regexes give."""

from __future__ import annotations

import random

import pytest

from extractors.text import URL_RE, masked_view, replace_urls

URL_CASES = [
    "Sumber: baoquangnam.vn/dan-van-kheo-3141.html",
    "see news.vnexpress.net/x-y.html. and WWW.Example.COM/path, then http://a.b/c?d=1",
    "منبع: https://baoquangnam.vn/abc",
    "x.vn.com/ and abc.com.xyz/ q and x.org.vn and x..vn/ and a.b.c.d.e.f.g.h.com/",
    "«https://dantocmiennui.vn/a»—(www.ttxvn.vn)",
    "12.500 ha; 1.234.vn/ 4,5 km",
    "no link at all, only dots. And a.b.c",
    "",
]


@pytest.mark.parametrize("text", URL_CASES)
def test_urls_are_replaced_as_the_regex_replaces_them(text: str) -> None:
    assert replace_urls(text, " ") == URL_RE.sub(" ", text)


def test_urls_are_replaced_as_the_regex_replaces_them_on_random_strings() -> None:
    rnd = random.Random(7)
    alphabet = "ab.-/ \n\u00a0vncomrgifxw:1«é"
    for _ in range(5000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40)))
        assert replace_urls(text, "_") == URL_RE.sub("_", text), text


def test_masked_view_keeps_offsets() -> None:
    text = "Nguồn: baoquangnam.vn/a-b.html ngày 17/10/2024, ۱۲ hộ."
    view = masked_view(text)
    assert len(view) == len(text)
    assert "baoquangnam" not in view and "17/10/2024" not in view
    assert view.endswith("12 hộ.")
