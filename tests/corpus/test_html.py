"""HTML reports: text extraction, boilerplate, metadata, nothing executed."""

from __future__ import annotations

import datetime as dt

from checker.corpus import read_corpus
from checker.records import PublishedBasis

PAGE = """<!doctype html>
<html><head>
<meta charset="utf-8">
<title>Siege ends | Example News</title>
<meta property="og:title" content="Peru troops end hostage siege">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="1997-04-22T18:30:00-05:00">
<link rel="canonical" href="https://example.org/siege">
<style>p { color: red }</style>
<script>document.write("Injected 999 hostages"); fetch("https://evil")</script>
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav>Example News</header>
<aside>Most read: 12 things</aside>
<main>
<article>
<header><h1>Peru troops end   hostage siege</h1><p>By A. Writer</p></header>
<p>LIMA, Peru -- Troops stormed the residence on Tuesday,
freeing 71 of the 72 hostages.</p>
<script>var tracking = "500 rebels";</script>
<p>All 14 rebels were killed, officials said &amp; confirmed.</p>
<form><input value="Subscribe for 3 dollars"></form>
<footer>Share this story</footer>
</article>
<p>Related: other stories</p>
</main>
<footer>Copyright 1997</footer>
</body></html>
"""


def test_html_article_text_and_metadata(tree) -> None:
    tree.write("web/siege.html", PAGE)
    result = read_corpus(["web"])
    assert result.errors == ()
    (article,) = result.articles
    assert article.id == "siege"
    assert article.title == "Peru troops end hostage siege"
    assert article.source == "Example News"
    assert article.url == "https://example.org/siege"
    tz = dt.timezone(dt.timedelta(hours=-5))
    assert article.published == dt.datetime(1997, 4, 22, 18, 30, tzinfo=tz)
    assert article.published_basis is PublishedBasis.METADATA
    paragraphs = article.text.strip().split("\n\n")
    assert paragraphs[:2] == [  # the headline is the title, not text (as with front matter)
        "LIMA, Peru -- Troops stormed the residence on Tuesday, freeing 71 of the 72 hostages.",
        "All 14 rebels were killed, officials said & confirmed.",
    ]
    for dropped in ("999", "500 rebels", "Subscribe", "Share this", "Most read", "Copyright"):
        assert dropped not in article.text


def test_html_without_article_uses_body_and_title_fallbacks(tree) -> None:
    page = (
        "<html><head><title>Quake in Chile</title></head><body>"
        "<nav>Menu</nav><div>SANTIAGO -- A quake killed 300 people.</div>"
        "<div>Rescue teams <b>kept</b> searching.<br>More later.</div>"
        '<time datetime="2010-02-27">Feb 27</time>'
        "</body></html>"
    )
    tree.write("q.htm", page)
    (article,) = read_corpus(["q.htm"]).articles
    assert article.title == "Quake in Chile"
    assert article.text.split("\n\n") == [
        "SANTIAGO -- A quake killed 300 people.",
        "Rescue teams kept searching.",
        "More later.\n",
    ]
    assert "Menu" not in article.text
    assert article.published == dt.date(2010, 2, 27)
    assert article.published_evidence == "<time datetime>"


def test_html_first_h1_when_no_og_title(tree) -> None:
    page = "<title>Site - Story</title><h1>Storm hits coast</h1><h1>Other</h1><p>Body text.</p>"
    tree.write("h.html", page)
    (article,) = read_corpus(["h.html"]).articles
    assert article.title == "Storm hits coast"


def test_html_main_preferred_over_body(tree) -> None:
    page = "<body><div>Cookie notice</div><main><p>Main text.</p></main></body>"
    tree.write("m.html", page)
    (article,) = read_corpus(["m.html"]).articles
    assert article.text == "Main text.\n"


def test_html_bad_published_meta_is_a_warning(tree) -> None:
    page = '<meta property="article:published_time" content="last Tuesday"><p>Some text.</p>'
    tree.write("b.html", page)
    result = read_corpus(["b.html"])
    (article,) = result.articles
    assert article.published is None
    (error,) = result.errors
    assert error.path == "b.html"
    assert "'last Tuesday' is not a date or ISO timestamp" in error.message


def test_html_with_no_text(tree) -> None:
    tree.write("empty.html", "<html><head><script>alert(1)</script></head><body></body></html>")
    result = read_corpus(["empty.html"])
    assert result.articles == ()
    assert [e.message for e in result.errors] == ["no article text found in the HTML"]


def test_html_declared_latin1_charset(tree) -> None:
    page = '<meta charset="iso-8859-1"><p>Lima, Perú: 72 rehenes.</p>'.encode("latin-1")
    tree.write("l.html", page)
    result = read_corpus(["l.html"])
    assert result.errors == ()
    assert "Perú" in result.articles[0].text


NEWS_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Quake toll rises | Daily Example</title>
<meta property="og:site_name" content="Daily Example"></head>
<body>
<div id="cookie-banner" class="cookie-consent">
  <p>We and our 842 partners store and access information on your device.</p>
  <button>Accept all</button>
</div>
<header><a href="/">Daily Example</a><nav><a href="/world">World</a></nav></header>
<main><article>
<h1>Quake toll rises</h1>
<p>SANTIAGO, Chile -- At least 300 people were killed when a powerful earthquake struck
central Chile on Saturday, officials said, and rescue teams kept searching the rubble.</p>
<p>The interior ministry said 1,500 people were injured and that more than 2,000 homes had
been destroyed in the coastal towns closest to the epicentre.</p>
<p>Aid agencies sent water and tents to the worst-hit towns on Sunday morning, as
aftershocks continued to shake the region.</p>
<div class="related"><h3>Related</h3><ul>
  <li><a href="/a">Storm leaves 3 dead</a></li>
  <li><a href="/b">Floods force 40 families from homes</a></li>
</ul></div>
</article></main>
<aside class="most-read"><h3>Most read</h3>
<ol><li><a href="/c">9 things to know</a></li></ol></aside>
<footer>Copyright 2010 Daily Example</footer>
</body></html>
"""


def test_related_links_and_cookie_banners_are_not_article_text(tree) -> None:
    tree.write("quake.html", NEWS_PAGE)
    result = read_corpus(["quake.html"])
    assert result.errors == ()
    (article,) = result.articles
    assert article.title == "Quake toll rises"
    assert article.source == "Daily Example"
    assert "At least 300 people were killed" in article.text
    assert "1,500 people were injured" in article.text
    assert "aftershocks" in article.text
    for boilerplate in ("842 partners", "Storm leaves 3 dead", "40 families", "9 things",
                        "Accept all", "Copyright", "Most read", "World"):  # fmt: skip
        assert boilerplate not in article.text, boilerplate


def test_related_links_give_no_claims(tree, nlp) -> None:
    from checker.pipeline import check

    tree.write("quake.html", NEWS_PAGE)
    report = check(["quake.html"])
    quotes = " ".join(c.quote or "" for c in report.claims)
    assert "300" in quotes
    assert "842" not in quotes and "3 dead" not in quotes
