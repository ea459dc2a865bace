"""What a saved web page says about itself: title, publication date and publisher, from its meta tags and byline."""

from __future__ import annotations

import re

from lxml import html as lxml_html

# Meta tags of Chinese government sites (政府网站 ArticleTitle, PubDate, ContentSource) and of news pages.
TITLE_TAGS = ("articletitle", "title", "og:title", "dc.title")
DATE_TAGS = ("pubdate", "publishdate", "firstpublishedtime", "article:published_time", "dc.date", "date")
PUBLISHER_TAGS = ("contentsource", "source", "publisher", "dc.publisher", "author", "sitename", "og:site_name")


DATE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")


BYLINE_DATE = re.compile(
    r"(?:发布日期|發布日期|发布时间|發布時間|时间|時間|日期)\s*[:：]\s*(\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2})"
)


BYLINE_SOURCE = re.compile(r"(?:来源|來源|信息来源|信息來源|稿源)\s*[:：]\s*([\u4e00-\u9fff·（）()]{2,30})")


TITLE_SITE = re.compile(r"\s*[_|｜\-—–]\s*[^_|｜\-—–]*$")


def iso_date(text: str) -> str:
    """A date written 2023-12-18, 2023年12月18日 or 2023/12/18, as YYYY-MM-DD; '' when there is none."""
    match = DATE.search(text)
    if not match:
        return ""
    year, month, day = int(match[1]), int(match[2]), int(match[3])
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else ""


def meta_tags(tree: lxml_html.HtmlElement) -> dict[str, str]:
    """The page's <meta name|property content> pairs, names lower-cased, the first of each name kept."""
    found: dict[str, str] = {}
    for tag in tree.iter("meta"):
        name = (tag.get("name") or tag.get("property") or "").strip().lower()
        content = (tag.get("content") or "").strip()
        if name and content and name not in found:
            found[name] = content
    return found


def first(tags: dict[str, str], names: tuple[str, ...]) -> str:
    """The first non-empty value among the named tags."""
    return next((tags[name] for name in names if tags.get(name)), "")


def page_meta(tree: lxml_html.HtmlElement, lines: list[str]) -> dict[str, str]:
    """Title, published date and publisher the page states (meta tags first, then its byline), empty ones left out."""
    tags = meta_tags(tree)
    heading = tree.find(".//title")
    page_title = TITLE_SITE.sub("", heading.text_content().strip()) if heading is not None else ""
    byline = next((line for line in lines if BYLINE_DATE.search(line) or BYLINE_SOURCE.search(line)), "")
    dated = next((BYLINE_DATE.search(line) for line in lines if BYLINE_DATE.search(line)), None)
    sourced = BYLINE_SOURCE.search(byline)
    meta = {
        "title": first(tags, TITLE_TAGS) or page_title,
        "published": iso_date(first(tags, DATE_TAGS)) or (iso_date(dated[1]) if dated else ""),
        "publisher": first(tags, PUBLISHER_TAGS) or (sourced[1] if sourced else ""),
    }
    return {key: value for key, value in meta.items() if value}
