"""Clean repaired article text: keep the body, drop site boilerplate, read title, date and publisher.

Lines are classified by features (length, punctuation, separators, keyword families),
never by any one site's strings. Real paragraphs (punctuated prose) are grouped into
blocks that no closing line (related-news header, copyright, comment form, editor
sign-off) or run of boilerplate separates; the block with the most text is the article.
That gives three zones: a head before it (site name, navigation, title, metadata), the
article zone, and a tail after it (editor, related links, footer grid, copyright).
Short unpunctuated lines are kept inside the article zone (section headers such as
挂牌督战促落实) and dropped in the head and tail zones.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_CHAR = re.compile(f"[{HAN}]")
CN_DIGITS = "一二三四五六七八九十"
# Zero-width characters survive str.strip(); scraped pages are full of them.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
SPACE = re.compile(r"\s+")

# ---------------------------------------------------------------- sentence features
# After repair the full-width marks are ASCII; the full-width forms stay for unrepaired input.
SENTENCE_MARKS = "。;!?;!?"
FULL_STOP_MARKS = "。;;"
CLOSING_MARKS = "”’」』)】)\"'"
PROSE = re.compile(f"[{re.escape(SENTENCE_MARKS)}]")
FULL_STOP = re.compile(f"[{re.escape(FULL_STOP_MARKS)}]")
MIN_PARAGRAPH_HAN = 10       # a real paragraph has at least this many Han characters ...
MIN_EXCLAIMED_CHARS = 40     # ... and a 。/; or, for ! and ? (titles use them), this length
MIN_FALLBACK_HAN = 20        # without any punctuated line, lines this long count as paragraphs
SHORT_LINE = 40              # boilerplate labels only fire on lines up to this length ...
MEDIUM_LINE = 100            # ... or this one for metadata and navigation rows

# ---------------------------------------------------------------- dates
DATE_PART = r"(?P<y>(?:19|20)\d{2})\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})\s*日?"
TIME_PART = r"(?:\s*(?P<H>\d{1,2})\s*[::]\s*(?P<M>\d{2})(?:\s*[::]\s*(?P<S>\d{2}))?)?"
DATE = re.compile(rf"(?<!\d){DATE_PART}{TIME_PART}(?!\d)")
# A page-header clock (2020年5月12日 星期二) is today's date, not the article's.
WEEKDAY_AFTER = re.compile(r"\s*(?:星期|周|礼拜)[一二三四五六日天]")

# ---------------------------------------------------------------- boilerplate keyword families
LABEL_END = r"\s*[::]"
# Copyright and disclaimer blocks: 版权所有, 未经本网书面授权不得转载, 不代表本网观点.
COPYRIGHT_PHRASES = (
    "版权所有", "版权声明", "免责声明", r"未经(?:本网|本站|本报)?(?:书面)?(?:授权|许可)",
    r"(?:不得|禁止|严禁|谢绝)转载", "转载请注明", r"(?:不|仅)代表(?:本网|本站|作者)",
    "copyright", "©", "all rights reserved",
)
COPYRIGHT_CONTEXT = ("本网", "本站", "网站", "作品", "稿件", "转载", "版权", "授权")
COPYRIGHT_STRONG = re.compile("|".join(COPYRIGHT_PHRASES), re.IGNORECASE)
COPYRIGHT_WORD = re.compile("|".join(COPYRIGHT_CONTEXT))
# 国际在线版权与信息产品内容销售的声明: heads a bullet list that belongs to it.
COPYRIGHT_HEADER = re.compile(r"(?:版权|免责).*声明|声明.*(?:版权|免责)")
BULLET = re.compile(rf"^(?:[•·●▪■◆◇□○\-*]|\d{{1,2}}\s*[、.)]|[((]\d{{1,2}}[))]|[{CN_DIGITS}]+、)")

# Breadcrumbs: 您当前的位置 : X网 >> 专题 >> 栏目, 首页 > 新闻 > 正文.
LOCATION_LABEL = re.compile(r"^[^::\s]{0,6}位置" + LABEL_END)
CRUMB_SEPARATOR = r"(?:>>|»|›|>|→|>)"
HOME_CRUMB = re.compile(rf"(?:首页|主页|网站首页)\s*{CRUMB_SEPARATOR}")
CRUMB_SPLIT = re.compile(rf"\s*{CRUMB_SEPARATOR}\s*")
MIN_CRUMB_SEPARATORS = 2

# Metadata rows: 2018-03-26 10:13:14 | 来源:吉林日报 | 编辑:杜伟 | 责编:刘征宇.
META_WORDS = ("来源", "作者", "编辑", "责编", "发布", "时间", "日期", "点击", "浏览", "阅读", "字号", "评论")
META_WORD = re.compile("|".join(META_WORDS) + r"|[|丨|]")
DATE_ONLY = re.compile(rf"^(?:[^\d\s::]{{0,6}}{LABEL_END})?\s*{DATE_PART}{TIME_PART}\s*(?:(?:星期|周)[一二三四五六日天])?$")

# Editor and byline lines: 编辑: 郑明圆, 责任编辑:X, (责任编辑:X), 来源:吉林日报.
EDITOR_LABELS = (
    "责任编辑", "责编", "编辑", "主编", "审核", "审校", "校对", "终审", "编审", "作者", "记者",
    "通讯员", "撰稿", "撰文", "摄影", "摄像", "供稿", "文/图", "图/文", "文图", "来源", "稿源", "出处",
)
EDITOR_LINE = re.compile(r"^[((\[【]?\s*(?:" + "|".join(map(re.escape, EDITOR_LABELS)) + ")" + LABEL_END)
# Labels of the desk that signs off an article (an editor's line closes it; a byline does not).
EDITOR_SIGN_OFFS = ("责任编辑", "责编", "编辑", "审核", "审校", "校对", "终审", "编审")
EDITOR_CLOSING = re.compile("|".join(EDITOR_SIGN_OFFS))
# …的目标。(责任编辑:张三) at the end of the last paragraph.
TRAILING_EDITOR = re.compile(
    r"\s*[((\[【]\s*(?:" + "|".join(EDITOR_SIGN_OFFS) + r")\s*[::]?[^()()\[\]【】]{1,12}[))\]】]$")

# Share bars: 微信 QQ空间 QQ好友 新浪微博, 分享到:.
SHARE_PLATFORMS = (
    "微信", "朋友圈", "QQ空间", "QQ好友", "QQ", "新浪微博", "腾讯微博", "微博", "人人网", "豆瓣",
    "今日头条", "抖音", "facebook", "twitter", "复制链接",
)
SHARE_VERBS = ("分享到", "分享至", "分享", "转发到", "转发")
SHARE_TOKEN = re.compile("|".join(sorted(map(re.escape, SHARE_PLATFORMS + SHARE_VERBS), key=len, reverse=True)),
                         re.IGNORECASE)
SHARE_PROMPTS = ("分享到", "分享至", "转发到")
SHARE_START = re.compile("^(?:" + "|".join(SHARE_PROMPTS) + ")")
# 用好微信 拓宽销路 is a section header: platform names must fill most of the line.
MIN_SHARE_TOKENS, MIN_SHARE_COVER = 2, 0.5

# Contact lines: 热线:0431-81126178, 邮箱:jilin@cri.cn, 京ICP备…, 公网安备….
CONTACT_LABELS = (
    "热线", "邮箱", "邮件", "e-mail", "email", "电话", "传真", "地址", "邮编", "联系方式", "投稿", "QQ群",
)
CONTACT_LINE = re.compile(r"^[^::\s]{0,4}(?:" + "|".join(CONTACT_LABELS) + ")" + LABEL_END, re.IGNORECASE)
REGISTRATION = re.compile(r"ICP\s*[备证]|公网安备|网安备|增值电信业务", re.IGNORECASE)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Numbers only in dialling form, so 全县共减贫12345678人 is not a phone line.
PHONE_FORMS = (r"0\d{2,3}-\d{7,8}", r"1[3-9]\d{9}", r"400-?\d{3}-?\d{4}")
PHONE = re.compile(r"(?<!\d)(?:" + "|".join(PHONE_FORMS) + r")(?!\d)")

# Comment counters and forms: 已有0人发表了评论, 我要评论, 发表评论.
COMMENT_PATTERNS = (
    r"已有\s*\d+\s*(?:人|位网友|条)?\s*(?:发表了?|参与了?)?评论", "我要评论", "发表评论", "网友评论",
    r"查看(?:全部|更多)?评论", r"\d+\s*条评论", r"评论\s*[((]\s*\d+\s*[))]", r"^评论\s*\d*$",
)
COMMENT = re.compile("|".join(COMMENT_PATTERNS))

# "Related news" headers: 最新相关新闻, 相关阅读, 延伸阅读.
RELATED_HEADS = (
    r"(?:最新|更多)?相关(?:新闻|阅读|文章|链接|报道|推荐|资讯|专题|稿件)", "延伸阅读", "推荐阅读", "热点推荐",
    "猜你喜欢", r"热门(?:文章|新闻|推荐|排行)", "精彩推荐", "往期回顾", "热点新闻", "最新新闻", "今日推荐",
    "更多新闻", "编辑推荐",
)
BRACKETS = "【】\\[\\]()()《》<>"
RELATED = re.compile(rf"^[{BRACKETS}\s]*(?:{'|'.join(RELATED_HEADS)})[{BRACKETS}\s::>»]*$")

# Footer links: 网站地图, 设为首页, 【打印】【关闭】, 上一篇.
FOOTER_WORDS = (
    "网站地图", "关于我们", "联系我们", "设为首页", "加入收藏", "返回顶部", "返回首页", "打印本页", "关闭窗口",
    "【打印】", "【关闭】", "主办单位", "承办单位", "技术支持", "不良信息举报", "上一篇", "下一篇", "上一页", "下一页",
)
FOOTER_WORD = re.compile("|".join(map(re.escape, FOOTER_WORDS)))

# Site-header words: 欢迎访问, 手机版, 无障碍 (a welcome line may even end with 。).
NAV_WORDS = ("欢迎访问", "欢迎光临", "欢迎来到", "网站导航", "手机版", "无障碍", "繁体版", "简体版", "登录", "注册")
NAV_WORD = re.compile("|".join(NAV_WORDS))
# Navigation rows: 长春 江城 四平 辽源 … (many short tokens split by spaces, |, >>).
NAV_SPLIT = re.compile(r"[\s|丨|/·•>»›]+")
NAV_PIPE = re.compile(r"[|丨|]")
MIN_NAV_TOKENS = 4
MIN_PIPED_NAV_TOKENS = 3
MAX_NAV_TOKEN = 8

# ---------------------------------------------------------------- body features
REPORTER_ROLES = ("记者", "通讯员")
# Lead-ins the gold keeps: 本报讯, 吉林日报3月26日讯(记者 …):, 新华社…电(记者 …), 【编者按】.
LEAD_INS = (
    r"本报讯", r"本报\S{0,8}讯", rf"\S{{0,16}}[讯电]\s*[((]\s*(?:{'|'.join(REPORTER_ROLES)})",
    r"[【\[]?编者按[】\]::]",
)
LEAD_IN = re.compile("^(?:" + "|".join(LEAD_INS) + ")")
# Numbered section headers (一、基本情况, 2. 措施) belong to the article even before its first paragraph.
SECTION_NUMBERS = (
    rf"[{CN_DIGITS}]+[、是要]", r"\d{1,2}\s*[、.]", rf"[((][{CN_DIGITS}\d]+[))]", rf"第[{CN_DIGITS}\d]+(?:部分|章|节)",
)
SECTION_HEADER = re.compile("^(?:" + "|".join(SECTION_NUMBERS) + ")")
# 秦州区…的目标。 高峰: a 2–4 character name after the last sentence is the reporter's signature;
# (记者 王晶晶) inside the closing brackets is not (the gold keeps it).
SIGNATURE_ROLES = REPORTER_ROLES + ("作者", "编辑", "文", "图")
SIGNATURE_NAME = rf"[{HAN}]{{2,4}}"
TRAILING_SIGNATURE = re.compile(
    rf"(?<=[{re.escape(SENTENCE_MARKS + CLOSING_MARKS)}])\s+(?:(?:{'|'.join(SIGNATURE_ROLES)})\s*)?{SIGNATURE_NAME}$")
# Wire copy ends its last paragraph with (完).
END_MARK = re.compile(r"\s*[((]\s*完\s*[))]$")

# ---------------------------------------------------------------- title and publisher
SUBTITLE = re.compile(r"^(?:——|--|—)")
SITE_SUFFIX = re.compile(r"(?:网|在线|频道|门户|日报|晚报|电视台|新闻|首页)$")
MIN_TITLE_HAN, MAX_TITLE_CHARS = 4, 80
# 致富经 响鼓重锤战贫困——…: a breadcrumb's last segment starts with a short column name.
MAX_COLUMN_CHARS, MIN_CRUMB_TITLE_HAN = 5, 8
# Under a "related news" header, headline-length lines are links; shorter ones are footer cells.
MIN_RELATED_ITEM = 8
PUBLISHER = re.compile(r"(?:来源|稿源|来自)\s*[::]\s*(?P<pub>[^\s|丨|,,;;]+)")
PUBLISHER_TRIM = "【】[]《》<>\"“”'‘’()()"

# Lines that close the article they follow: 最新相关新闻, a copyright header, a comment
# form, an editor's sign-off (编辑: 郑明圆). Bylines (记者:, 作者:) do not: interviews use them.
CLOSING_KINDS = frozenset({"copyright", "related", "comment"})
# Between two paragraphs, this many boilerplate lines or this many lines of any kind split blocks.
MAX_GAP_BOILERPLATE, MAX_GAP_LINES = 3, 8
# Kinds between the title and the first paragraph that the title search steps over.
TITLE_GAP = frozenset({"blank", "meta", "editor", "share", "comment", "contact", "footer"})
# Kinds searched, in this order, for the publication date and the publisher.
META_KINDS = ("meta", "breadcrumb", "editor")


@dataclass(frozen=True)
class DroppedLine:
    line_no: int
    kind: str
    text: str


@dataclass(frozen=True)
class Cleaned:
    body_text: str
    title: str | None
    published_at: datetime | None
    publisher: str | None
    boilerplate_chars: int
    dropped: tuple[DroppedLine, ...]


# ---------------------------------------------------------------- line features
def tidy(line: str) -> str:
    """Strip whitespace and zero-width characters from both ends of a line."""
    return line.strip().strip(INVISIBLE).strip()


def han_count(line: str) -> int:
    """Count the Han characters in a line."""
    return len(HAN_CHAR.findall(line))


def visible_chars(text: str) -> int:
    """Count the non-whitespace characters in text."""
    return len(SPACE.sub("", text))


def is_prose(line: str) -> bool:
    """Tell whether a line holds sentence punctuation."""
    return PROSE.search(line) is not None


def has_digit(token: str) -> bool:
    """Tell whether a token holds a digit."""
    return any(ch.isdigit() for ch in token)


def is_label_line(line: str, limit: int = SHORT_LINE) -> bool:
    """Tell whether a line is short and unpunctuated enough for a boilerplate label to count."""
    return len(line) <= limit and not is_prose(line)


def is_paragraph(line: str) -> bool:
    """Tell whether a line reads as a real article paragraph."""
    if han_count(line) < MIN_PARAGRAPH_HAN:
        return False
    return FULL_STOP.search(line) is not None or (is_prose(line) and len(line) >= MIN_EXCLAIMED_CHARS)


# ---------------------------------------------------------------- boilerplate kinds
def is_copyright(line: str) -> bool:
    """Recognise a copyright, reprint or disclaimer line."""
    if COPYRIGHT_STRONG.search(line):
        return COPYRIGHT_WORD.search(line) is not None or not is_prose(line)
    return is_label_line(line) and ("版权" in line or COPYRIGHT_HEADER.search(line) is not None)


def is_breadcrumb(line: str) -> bool:
    """Recognise a "you are here" line or a path of section names."""
    if LOCATION_LABEL.search(line) or HOME_CRUMB.search(line):
        return True
    return not is_prose(line) and len(CRUMB_SPLIT.findall(line)) >= MIN_CRUMB_SEPARATORS


def is_meta(line: str) -> bool:
    """Recognise a dateline: a date alone or with source, author or counter labels."""
    if not is_label_line(line, MEDIUM_LINE) or not DATE.search(line):
        return False
    return DATE_ONLY.match(line) is not None or META_WORD.search(line) is not None


def is_editor(line: str) -> bool:
    """Recognise an editor, author or source line."""
    return is_label_line(line) and EDITOR_LINE.search(line) is not None


def is_share(line: str) -> bool:
    """Recognise a bar of social-media share buttons."""
    if not is_label_line(line, SHORT_LINE):
        return False
    if SHARE_START.match(line):
        return True
    tokens = SHARE_TOKEN.findall(line)
    covered = sum(map(len, tokens)) / max(visible_chars(line), 1)
    return len(tokens) >= MIN_SHARE_TOKENS and covered >= MIN_SHARE_COVER


def is_contact(line: str) -> bool:
    """Recognise hotline, mail, address and site-registration lines."""
    if REGISTRATION.search(line):
        return True
    if not is_label_line(line, MEDIUM_LINE):
        return False
    return CONTACT_LINE.search(line) is not None or (
        len(line) <= SHORT_LINE and (EMAIL.search(line) or PHONE.search(line)) is not None)


def is_comment(line: str) -> bool:
    """Recognise comment counters and comment-form prompts."""
    return is_label_line(line) and COMMENT.search(line) is not None


def is_related(line: str) -> bool:
    """Recognise a "related news" header."""
    return is_label_line(line) and RELATED.match(line) is not None


def is_footer(line: str) -> bool:
    """Recognise site-footer and page-tool links."""
    return is_label_line(line) and FOOTER_WORD.search(line) is not None


def is_nav(line: str) -> bool:
    """Recognise a navigation row of many short tokens, or a site-header line."""
    if len(line) <= SHORT_LINE and NAV_WORD.search(line):
        return True
    if not is_label_line(line, MEDIUM_LINE):
        return False
    tokens = [t for t in NAV_SPLIT.split(line) if t]
    # 城关镇 500 1500 0.3%: a flattened table row inside the article, not a menu.
    if not tokens or max(map(len, tokens)) > MAX_NAV_TOKEN or sum(map(has_digit, tokens)) * 2 >= len(tokens):
        return False
    return len(tokens) >= MIN_NAV_TOKENS or (len(tokens) >= MIN_PIPED_NAV_TOKENS and NAV_PIPE.search(line))


# Tried in order; the first that matches names the line's kind.
LINE_KINDS = (
    ("copyright", is_copyright), ("breadcrumb", is_breadcrumb), ("meta", is_meta), ("editor", is_editor),
    ("share", is_share), ("contact", is_contact), ("comment", is_comment), ("related", is_related),
    ("footer", is_footer), ("nav", is_nav),
)


def classify(line: str) -> str | None:
    """Return the boilerplate kind a stripped line shows by itself, or None for possible body."""
    if not line:
        return "blank"
    return next((kind for kind, test in LINE_KINDS if test(line)), None)


# ---------------------------------------------------------------- zones
def mark_copyright_blocks(lines: list[str], kinds: list[str | None]) -> None:
    """Extend each copyright line's kind over the bullet or reprint lines that follow it."""
    in_block = False
    for i, line in enumerate(lines):
        if kinds[i] == "copyright":
            in_block = True
        elif in_block and kinds[i] != "blank":
            in_block = bool(BULLET.match(line) or COPYRIGHT_WORD.search(line))
            if in_block:
                kinds[i] = "copyright"


def anchors(lines: list[str], kinds: list[str | None]) -> list[int]:
    """Return the indexes of real paragraphs and lead-ins; long lines when nothing is punctuated."""
    found = [i for i, line in enumerate(lines)
             if kinds[i] is None and (is_paragraph(line) or LEAD_IN.match(line))]
    if found:
        return found
    return [i for i, line in enumerate(lines) if kinds[i] is None and han_count(line) >= MIN_FALLBACK_HAN]


def previous_content(kinds: list[str | None], index: int, skip: frozenset = frozenset({"blank"})) -> int | None:
    """Return the index of the nearest line before index whose kind is not skipped."""
    for i in range(index - 1, -1, -1):
        if kinds[i] not in skip:
            return i
    return None


def extend_over_headers(lines: list[str], kinds: list[str | None], first: int) -> int:
    """Move the body start back over numbered section headers that open the article."""
    before = previous_content(kinds, first)
    while before is not None and kinds[before] is None and SECTION_HEADER.match(lines[before]):
        first = before
        before = previous_content(kinds, first)
    return first


def closes_article(line: str, kind: str | None) -> bool:
    """Tell whether a line ends the article it follows (related header, copyright, comment form, editor)."""
    return kind in CLOSING_KINDS or (kind == "editor" and EDITOR_CLOSING.search(line) is not None)


def splits(lines: list[str], kinds: list[str | None], before: int, after: int) -> bool:
    """Tell whether the lines between two paragraphs separate two different blocks of text."""
    between = [i for i in range(before + 1, after) if kinds[i] != "blank"]
    if any(closes_article(lines[i], kinds[i]) for i in between):
        return True
    boilerplate = sum(kinds[i] is not None for i in between)
    return boilerplate >= MAX_GAP_BOILERPLATE or len(between) >= MAX_GAP_LINES


def clusters(lines: list[str], kinds: list[str | None], found: list[int]) -> list[list[int]]:
    """Group paragraph indexes into blocks that no closing line or boilerplate run separates."""
    groups = [[found[0]]]
    for before, after in zip(found, found[1:]):
        if splits(lines, kinds, before, after):
            groups.append([after])
        else:
            groups[-1].append(after)
    return groups


def body_span(lines: list[str], kinds: list[str | None]) -> tuple[int, int] | None:
    """Return the first and last line index of the article zone, or None when there is none."""
    found = anchors(lines, kinds)
    if not found:
        return None
    # The article is the block with the most text; a welcome line or related teasers form smaller ones.
    best = max(clusters(lines, kinds, found), key=lambda group: sum(han_count(lines[i]) for i in group))
    return extend_over_headers(lines, kinds, best[0]), best[-1]


# ---------------------------------------------------------------- title
def is_title_like(line: str, kind: str | None) -> bool:
    """Tell whether an unclassified head line can be a headline."""
    if kind is not None or len(line) > MAX_TITLE_CHARS or han_count(line) < MIN_TITLE_HAN:
        return False
    return not FULL_STOP.search(line) and not SITE_SUFFIX.search(line)


def title_from_breadcrumb(line: str) -> str | None:
    """Take a headline-length last segment of a breadcrumb, without its dateline or column name."""
    segments = CRUMB_SPLIT.split(line)
    if len(segments) < 2:
        return None
    segment = segments[-1]
    cut = min([m.start() for m in (PUBLISHER.search(segment), DATE.search(segment)) if m] + [len(segment)])
    words = segment[:cut].split()
    # 致富经 响鼓重锤战贫困——张掖市…: drop a short leading column name.
    if len(words) > 1 and len(words[0]) <= MAX_COLUMN_CHARS and len("".join(words[1:])) >= MIN_CRUMB_TITLE_HAN:
        words = words[1:]
    title = " ".join(words)
    # 首页 > 新闻中心 > 扶贫动态: a short last segment is a column name, not a headline.
    return title if han_count(title) >= MIN_CRUMB_TITLE_HAN else None


def find_title(lines: list[str], kinds: list[str | None], start: int) -> tuple[str | None, list[int]]:
    """Return the headline before the body start and the indexes of the lines it came from."""
    at = previous_content(kinds, start, TITLE_GAP)
    if at is None:
        return None, []
    if kinds[at] == "breadcrumb":
        return title_from_breadcrumb(lines[at]), []
    if not is_title_like(lines[at], kinds[at]):
        return None, []
    above = previous_content(kinds, at)
    # 创新丰富载体 促进深度融合 / ——秦州区以双联行动推进精准扶贫工作: join the subtitle.
    if SUBTITLE.match(lines[at]) and above is not None and is_title_like(lines[above], kinds[above]):
        return lines[above] + lines[at], [above, at]
    return lines[at], [at]


# ---------------------------------------------------------------- date and publisher
def parse_date(line: str) -> datetime | None:
    """Return the first valid date (and time) in a line, skipping page-header clocks."""
    for match in DATE.finditer(line):
        if WEEKDAY_AFTER.match(line, match.end()):
            continue
        parts = [match.group(k) for k in ("y", "m", "d", "H", "M", "S")]
        try:
            return datetime(*(int(p) for p in parts if p is not None))
        except ValueError:
            continue
    return None


def parse_publisher(line: str) -> str | None:
    """Return the source name after 来源:, cut before any separator or date."""
    match = PUBLISHER.search(line)
    if not match:
        return None
    name = match.group("pub")
    date = DATE.search(name)
    name = (name[:date.start()] if date else name).strip(PUBLISHER_TRIM)
    return name or None


def meta_candidates(lines: list[str], kinds: list[str | None], span: tuple[int, int] | None) -> list[str]:
    """Return head lines (metadata kinds first) and tail metadata lines, never body lines."""
    first, last = span or (len(lines), len(lines))
    head = range(first)
    tail = [i for i in range(last + 1, len(lines)) if kinds[i] in META_KINDS]
    ordered = [i for kind in META_KINDS for i in head if kinds[i] == kind]
    ordered += [i for i in head if kinds[i] not in META_KINDS] + tail
    return [lines[i] for i in ordered]


def first_found(parse, candidates: list[str]):
    """Return the first non-None result of parse over the candidate lines."""
    return next((value for value in map(parse, candidates) if value is not None), None)


# ---------------------------------------------------------------- assembly
def zone_kind(line: str, kind: str | None, index: int, span: tuple[int, int] | None,
              related_from: int | None) -> str:
    """Name the kind of an unclassified line outside the article zone."""
    if kind is not None:
        return kind
    if span is None or index < span[0]:
        return "nav"
    linked = related_from is not None and index > related_from and len(line) >= MIN_RELATED_ITEM
    return "related" if linked else "footer"


def strip_signature(line: str) -> tuple[str, str]:
    """Split a trailing editor note or reporter signature off the article's last line."""
    for pattern in (TRAILING_EDITOR, END_MARK, TRAILING_SIGNATURE):
        match = pattern.search(line)
        if match and match.start() > 0:
            return line[:match.start()].rstrip(), match.group(0).strip()
    return line, ""


def is_section_row(line: str, kind: str | None) -> bool:
    """Tell whether a space-separated row inside the article is text (五大工程 富民产业 …), not a menu."""
    return kind == "nav" and not NAV_PIPE.search(line) and not NAV_WORD.search(line)


def split_zones(lines: list[str], kinds: list[str | None], span: tuple[int, int] | None,
                title_at: list[int]) -> tuple[list[tuple[int, str]], list[DroppedLine]]:
    """Separate numbered body lines from dropped lines with their kinds."""
    body, dropped = [], []
    related_from = next((i for i, k in enumerate(kinds) if k == "related" and span and i > span[1]), None)
    for i, line in enumerate(lines):
        inside = span is not None and span[0] <= i <= span[1]
        if inside and (kinds[i] is None or is_section_row(line, kinds[i])):
            body.append((i, line))
        else:
            kind = "title" if i in title_at else zone_kind(line, kinds[i], i, span, related_from)
            dropped.append(DroppedLine(i + 1, kind, line))
    return body, dropped


def finish_body(body: list[tuple[int, str]], dropped: list[DroppedLine]) -> str:
    """Join body lines, moving a trailing signature on the last one to the dropped lines."""
    if not body:
        return ""
    index, last = body[-1]
    kept, signature = strip_signature(last)
    if signature:
        body[-1] = (index, kept)
        dropped.append(DroppedLine(index + 1, "signature", signature))
        dropped.sort(key=lambda d: d.line_no)
    return "\n".join(line for _, line in body)


def clean(text: str) -> Cleaned:
    """Split repaired article text into its body, headline, dateline, publisher and dropped lines."""
    lines = [tidy(line) for line in (text or "").splitlines()]
    kinds = [classify(line) for line in lines]
    mark_copyright_blocks(lines, kinds)
    span = body_span(lines, kinds)
    title, title_at = find_title(lines, kinds, span[0]) if span else (None, [])
    body, dropped = split_zones(lines, kinds, span, title_at)
    body_text = finish_body(body, dropped)
    candidates = meta_candidates(lines, kinds, span)
    return Cleaned(
        body_text=body_text, title=title,
        published_at=first_found(parse_date, candidates),
        publisher=first_found(parse_publisher, candidates),
        boilerplate_chars=sum(visible_chars(d.text) for d in dropped),
        dropped=tuple(dropped),
    )
