"""Report files built for tests: a seed's text saved as a bureau's web page, a PDF with running headers and page
numbers, and a Word file, each optionally with one of its figures moved into a table."""

from __future__ import annotations

import csv
import html
from dataclasses import dataclass
from pathlib import Path

from minzheng import paths


@dataclass(frozen=True)
class Seed:
    """A seed report: its file, text and manifest row."""

    file: str
    text: str
    row: dict[str, str]


def seeds() -> list[Seed]:
    """The seed reports with their manifest rows, in manifest order."""
    with open(paths.SEEDS_DIR / paths.MANIFEST_NAME, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [Seed(r["file"], (paths.SEEDS_DIR / r["file"]).read_text(encoding="utf-8"), r) for r in rows]


# One sentence of each seed, with the table its figures move into: (sentence, header, rows).
TABLE_MOVES = {
    "000_0c31025ab91da0ac.txt": (
        "建成農村幸福院911處,構建起覆蓋縣、鄉、社區、村四級的養老服務網。",
        ["項目", "數量"],
        [["建成農村幸福院", "911處"]],
    ),
    "001_63dd4d515c864998.txt": (
        "实施临时救助790人次,支出救助资金275.85万元;",
        ["项目", "人次", "资金"],
        [["临时救助", "790人次", "275.85万元"]],
    ),
    "002_f46c84404352e486.txt": ("年度发放保障资金24亿元;", ["项目", "金额"], [["年度发放保障资金", "24亿元"]]),
    "003_d11985906deae70a.txt": (
        "全市建成养老服务设施1499处,配置养老床位6.7万张,社区养老服务设施实现全覆盖。",
        ["项目", "数量"],
        [["建成养老服务设施", "1499处"], ["配置养老床位", "6.7万张"]],
    ),
    "004_97555c6045d36ce4.txt": ("提质改造6家儿童之家;", ["项目", "数量"], [["提质改造儿童之家", "6家"]]),
}


Block = str | tuple[list[str], list[list[str]]]


def blocks(seed: Seed, with_table: bool) -> list[Block]:
    """The seed's lines in order; with_table: one sentence taken out of its line and given as a table after it."""
    sentence, header, rows = TABLE_MOVES[seed.file]
    found: list[Block] = []
    for line in seed.text.split("\n"):
        if with_table and sentence in line:
            found += [line.replace(sentence, ""), (header, rows)]
        else:
            found.append(line)
    return [b for b in found if not isinstance(b, str) or b.strip()]


def title_of(seed: Seed) -> str:
    """A page title for the seed: its region's civil-affairs work, never a year (a year would be a heading's)."""
    return f"{seed.row['region']}民政工作情况"


NAV = ["首页", "政务公开", "政务服务", "互动交流", "走进本地", "专题专栏"]
SIDEBAR = ["区划地名", "社会救助", "养老服务", "儿童福利", "社会组织", "婚姻登记", "殡葬管理"]
RELATED = ["全市民政工作会议召开", "关于做好冬春救助工作的通知", "养老服务补贴发放公示", "社会组织年检结果公告"]
FOOTER = [
    "主办单位：县人民政府办公室 承办单位：县民政局 版权所有",
    "鲁ICP备05011234号-1 鲁公网安备37112202000123号 网站标识码：3711220001",
    "联系电话：0633-6212345 地址：城阳街道青年路1号",
]
HEADLINES = [
    "省民政厅召开全省养老服务体系建设推进会，部署下一阶段重点任务",
    "市委书记到社区调研基层治理工作：把群众的事办好办实",
    "全省首批社会救助综合改革试点地区名单公布",
    "冬季取暖补贴发放工作全面启动，确保困难群众温暖过冬",
    "多地出台措施推进居家和社区养老服务改革",
]
TEASERS = [
    "近日，市民政局组织召开专题会议，研究部署婚姻登记便民服务工作，要求各地进一步优化办事流程，提升群众满意度。",
    "为进一步规范殡葬服务收费行为，市场监管部门联合民政部门开展专项检查，共检查殡葬服务机构若干家。",
]
SCRIPT = "var _hmt = _hmt || []; (function(){var hm = document.createElement('script'); hm.src = '/tongji.js';})();"


def table_html(header: list[str], rows: list[list[str]]) -> str:
    """A data table: a header row and body rows."""
    head = "".join(f"<th>{html.escape(c)}</th>" for c in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table border="1" class="data"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def content_html(items: list[Block], paragraph: str) -> str:
    """The article body: each line a paragraph (or lines broken by <br>), tables as tables."""
    parts = []
    for item in items:
        if isinstance(item, tuple):
            parts.append(table_html(*item))
        elif paragraph == "br":
            parts.append(f"　　{html.escape(item)}<br>")
        else:
            parts.append(f'<p style="text-indent:2em">{html.escape(item)}</p>')
    return "\n".join(parts)


def web_page(seed: Seed, style: str = "cms", with_table: bool = True, charset: str = "utf-8") -> bytes:
    """The seed saved as a bureau's web page: navigation, breadcrumb, sidebar, scripts and footer around it."""
    title = html.escape(title_of(seed))
    publisher = html.escape(seed.row["publisher"] or f"{seed.row['region']}民政局")
    published = seed.row["published"]
    nav = "".join(f'<li><a href="/c{i}/">{n}</a></li>' for i, n in enumerate(NAV))
    side = "".join(f'<li><a href="/s{i}/">{n}</a></li>' for i, n in enumerate(SIDEBAR))
    related = "".join(
        f'<li><a href="/r{i}.html">{n}</a><span>2023-0{i + 1}-1{i}</span></li>' for i, n in enumerate(RELATED)
    )
    footer = "".join(f"<p>{line}</p>" for line in FOOTER)
    date_meta = f'<meta name="PubDate" content="{published} 09:30">' if published else ""
    head = (
        f'<head><meta charset="{charset}"><title>{title}_{publisher}</title>'
        f'<meta name="ArticleTitle" content="{title}"><meta name="ContentSource" content="{publisher}">{date_meta}'
        f"<style>body{{font-size:14px}} .nav li{{float:left}}</style><script>{SCRIPT}</script></head>"
    )
    items = blocks(seed, with_table)
    if style == "table-layout":
        body = (
            f'<table width="1000" align="center"><tr><td><table><tr><td class="nav"><ul>{nav}</ul></td></tr>'
            "</table></td></tr>"
            f'<tr><td>您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/c1/">政务公开</a> &gt;&gt; 工作动态</td></tr>'
            f'<tr><td><table width="100%"><tr><td width="200" valign="top"><ul class="side">{side}</ul></td>'
            f'<td valign="top"><div align="center"><font size="4"><b>{title}</b></font></div>'
            f'<div class="content"><font face="宋体">{content_html(items, "br")}</font></div>'
            f'<div>【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>'
            f'</td></tr></table></td></tr><tr><td class="footer">{footer}</td></tr></table>'
        )
    elif style == "portal":
        heads = "".join(f'<li><a href="/n{i}.html">{n}</a></li>' for i, n in enumerate(HEADLINES))
        teasers = "".join(
            f'<div class="item"><h4><a href="/t{i}.html">相关阅读</a></h4><p>{t}</p></div>'
            for i, t in enumerate(TEASERS)
        )
        body = (
            f'<div id="header"><div class="channels">{nav}{nav}</div></div>'
            f'<div class="position">首页 > 资讯频道 > 社会</div><div class="wrap"><div class="con">'
            f'<h1>{title}</h1><div class="source">来源：{publisher}　作者：　时间：{published}</div>'
            f'<div class="article-body">{content_html(items, "p")}</div><p class="editor">（责任编辑：王明）</p>'
            f'<div class="pages"><a href="/p.html">上一篇：全市民政系统召开警示教育大会</a>'
            f'<a href="/n.html">下一篇：社区养老服务驿站开业</a></div><div class="relate">{teasers}</div>'
            f'<div class="comment"><textarea>发表评论</textarea><p>网友评论仅供其表达个人看法，并不表明本网同意其观点或证实其描述</p></div>'
            f'</div><div class="side"><h3>热点新闻</h3><ul>{heads}</ul><h3>图片新闻</h3><ul>{related}</ul></div></div>'
            f'<div class="footer">{footer}<p>违法和不良信息举报电话：0516-12345678</p></div><script>{SCRIPT}</script>'
        )
    else:
        body = (
            f'<div class="top"><div class="logo">{publisher}</div><ul class="nav">{nav}</ul>'
            f'<div class="search"><input type="text" placeholder="请输入关键词"><button>搜索</button></div></div>'
            f'<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/c1/">政务公开</a> &gt; '
            '<a href="/c1/d/">部门动态</a></div>'
            f'<div class="main"><div class="left"><h3>栏目导航</h3><ul>{side}</ul></div>'
            f'<div class="article"><h1>{title}</h1><div class="info">来源：{publisher} 字号：[大 中 小] 浏览次数：1024</div>'
            f'<div class="TRS_Editor">{content_html(items, "p")}</div>'
            f'<div class="share">分享到：微信 微博 QQ空间</div><div class="related"><h3>相关文章</h3><ul>{related}</ul></div>'
            f'</div></div><div class="footer">{footer}</div><script>{SCRIPT}</script>'
        )
    page = f'<!DOCTYPE html>\n<html lang="zh-CN">{head}<body>{body}</body></html>\n'
    return page.encode("gb18030" if charset.lower() in ("gb2312", "gbk", "gb18030") else charset)


def write_word(seed: Seed, path: Path, with_table: bool = True) -> Path:
    """The seed saved as a Word file: a paragraph per line, the moved figure in a table, a running header."""
    from docx import Document

    document = Document()
    document.core_properties.title = title_of(seed)
    document.sections[0].header.paragraphs[0].text = f"{seed.row['region']}民政局文件"
    document.sections[0].footer.paragraphs[0].text = "第 1 页"
    for item in blocks(seed, with_table):
        if isinstance(item, tuple):
            header, rows = item
            table = document.add_table(rows=1 + len(rows), cols=len(header))
            for r, cells in enumerate([header] + rows):
                for c, text in enumerate(cells):
                    table.cell(r, c).text = text
        else:
            document.add_paragraph(item)
    document.save(path)
    return path


PAGE_WIDTH, PAGE_HEIGHT = 595.0, 842.0
MARGIN = 72.0
FONT_SIZE = 12.0
LEADING = 20.0
FONT = "STSong-Light"


def wrapped(line: str, width: float) -> list[str]:
    """A line hard-wrapped at a printed width, as a PDF's text layer holds it (numbers may split)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, current = [], ""
    for char in line:
        if current and stringWidth(current + char, FONT, FONT_SIZE) > width:
            lines.append(current)
            current = ""
        current += char
    return lines + [current] if current else lines


def scanned_page(lines: int):
    """A page as a scanner gives it: an image of dark strokes where the lines stand, no text."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    image = Image.new("L", (450, 700), 255)
    for k in range(lines):
        ImageDraw.Draw(image).rectangle((10, 10 + k * 20, 430, 22 + k * 20), fill=40)
    return ImageReader(image)


def page_number_text(number: int, total: int, kind: str) -> str:
    """A page number as documents print it."""
    return {"dash": f"- {number} -", "of": f"第{number}页 共{total}页", "bare": str(number)}[kind]


def write_pdf(seed: Seed, path: Path, header: str = "", numbers: str = "dash", text_layer: bool = True) -> list[str]:
    """The seed as a PDF of several pages: hard-wrapped lines, a running header and page numbers; returns each page's
    body text. text_layer=False draws only shapes, as a scan without OCR would."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    width = PAGE_WIDTH - 2 * MARGIN
    per_page = int((PAGE_HEIGHT - 2 * MARGIN) // LEADING)
    pages: list[list[str]] = [[]]
    for line in seed.text.split("\n"):
        for part in wrapped("　　" + line.strip(), width) if line.strip() else []:
            if len(pages[-1]) == per_page:
                pages.append([])
            pages[-1].append(part)
    drawing = canvas.Canvas(str(path), pagesize=(PAGE_WIDTH, PAGE_HEIGHT), invariant=1)
    drawing.setTitle(title_of(seed))
    for number, lines in enumerate(pages, start=1):
        if not text_layer:
            drawing.drawImage(scanned_page(len(lines)), MARGIN, MARGIN, width, PAGE_HEIGHT - 2 * MARGIN)
            drawing.showPage()
            continue
        drawing.setFont(FONT, 9)
        if header:
            drawing.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 40, header)
        drawing.drawCentredString(PAGE_WIDTH / 2, 36, page_number_text(number, len(pages), numbers))
        drawing.setFont(FONT, FONT_SIZE)
        for k, text in enumerate(lines):
            drawing.drawString(MARGIN, PAGE_HEIGHT - MARGIN - k * LEADING, text)
        drawing.showPage()
    drawing.save()
    return ["".join(lines) for lines in pages]
