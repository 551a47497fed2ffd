"""Clean repaired article text: keep the body, drop site boilerplate, read title, date and publisher.

Lines are classified by features (length, punctuation, separators, keyword families),
never by any one site's strings. Real paragraphs (punctuated prose) are grouped into
blocks that no closing line (related-news header, copyright, comment form, editor
sign-off) or run of boilerplate separates; the block with the most text is the article.
That gives three zones: a head before it (site name, navigation, title, metadata), the
article zone, and a tail after it (editor, related links, footer grid, copyright).
Short unpunctuated lines are kept inside the article zone (section headers such as
挂牌督战促落实) and dropped in the head and tail zones.

Two inputs sharpen this. Templates: lines that recur across many documents of a batch or of
the warehouse are a site's template whatever they say (``tuopin.templates``). Context: for an
HTML page, trafilatura has already chosen the main text; the page's title says which block is
the article (a blog's front page shows several posts), the article zone may run on over lists
and tables until something closes it, and the page lines around the main text hold the
dateline and byline that trafilatura leaves out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from tuopin.prefilter import gated  # the standard library's re, only faster

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RUN = re.compile(f"[{HAN}]+")
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
DATE = gated(re.compile(rf"(?<!\d){DATE_PART}{TIME_PART}(?!\d)"))
# A page-header clock (2020年5月12日 星期二) is today's date, not the article's.
EDITION = re.compile(r"第\s*[A-Za-z]?\d{1,3}\s*版|版面|数字报|电子报")
WEEKDAY_AFTER = gated(re.compile(r"\s*(?:星期|周|礼拜)[一二三四五六日天]"))
DATELINE_LABEL = re.compile(r"(?:来源|作者|记者|编辑|责编|发布)\s*[::]")
# 吉林日报3月26日讯, 新华社北京2月13日电: the year comes from another date of the page.
MONTH_DAY = gated(re.compile(r"(?<!\d)(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*(?:讯|电|消息|报道)"))
# ——《北京之春》1998年3月号: a magazine issue gives a month only (a last resort, day 1).
YEAR_MONTH = gated(re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月(?!\s*\d)"))

# ---------------------------------------------------------------- boilerplate keyword families
LABEL_END = r"\s*[::]"
# Copyright and disclaimer blocks: 版权所有, 未经本网书面授权不得转载, 不代表本网观点.
COPYRIGHT_PHRASES = (
    "版权所有", "版权声明", "免责声明", r"未经\S{0,8}?(?:书面)?(?:特别)?(?:授权|许可)",
    r"(?:不得|禁止|严禁|谢绝|请勿)转载", "转载请注明", r"(?:不|仅)代表(?:本网|本站|作者)",
    r"(?:非法|侵权)转载", r"侵权(?:线索|行为)",
    "copyright", "©", "all rights reserved",
)
COPYRIGHT_CONTEXT = ("本网", "本站", "网站", "作品", "稿件", "转载", "版权", "授权")
COPYRIGHT_STRONG = gated(re.compile("|".join(COPYRIGHT_PHRASES), re.IGNORECASE))
COPYRIGHT_WORD = re.compile("|".join(COPYRIGHT_CONTEXT))
# 国际在线版权与信息产品内容销售的声明: heads a bullet list that belongs to it.
# A forum's 郑 重 声 明 heads its rules the same way (letter-spaced headers are read without spaces).
COPYRIGHT_HEADER = gated(re.compile(r"(?:版权|免责).*声明|声明.*(?:版权|免责)|(?:郑重|特别|法律|网站|本站|本网)声明"))
BULLET = re.compile(rf"^(?:[•·●▪■◆◇□○\-*]|\d{{1,2}}\s*[、.)]|[((]\d{{1,2}}[))]|[{CN_DIGITS}]+、)")

# Breadcrumbs: 您当前的位置 : X网 >> 专题 >> 栏目, 首页 > 新闻 > 正文.
LOCATION_LABEL = re.compile(r"^[^::\s]{0,6}位置" + LABEL_END)
CRUMB_SEPARATOR = r"(?:>>|»|›|>|→|>)"
HOME_CRUMB = re.compile(rf"(?:首页|主页|网站首页)\s*{CRUMB_SEPARATOR}")
CRUMB_SPLIT = gated(re.compile(rf"\s*{CRUMB_SEPARATOR}\s*"))
MIN_CRUMB_SEPARATORS = 2

# Metadata rows: 2018-03-26 10:13:14 | 来源:吉林日报 | 编辑:杜伟 | 责编:刘征宇.
META_WORDS = ("来源", "作者", "编辑", "责编", "发布", "发表", "更新", "时间", "日期", "点击", "浏览", "阅读", "字号",
              "评论")
META_WORD = gated(re.compile("|".join(META_WORDS) + r"|[|丨|]"))
DATE_ONLY = re.compile(rf"^(?:[^\d\s::]{{0,6}}{LABEL_END})?\s*{DATE_PART}{TIME_PART}\s*(?:(?:星期|周)[一二三四五六日天])?$")
# 2020年11月24日 贵州日报, 2020-06-15 09:12 安徽日报: a date and the paper's name, no label.
MEDIA_NAME = r"[\u4e00-\u9fff]{0,12}(?:日报|晚报|时报|商报|报|新闻网|网|在线|新华社|通讯社|电视台|广播电视台|融媒体中心|客户端)"
# 2020-02-24 10:21 · 重庆市城口县融媒体中心官方账号: a news app's dateline and the account that posted it
DOCUMENT_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[［(（]\s*(?:19|20)\d\d\s*[〕\]］)）]\s*\d{1,4}\s*号")
DATED_MEDIA = re.compile(rf"^\s*{DATE_PART}{TIME_PART}\s*[·•|丨]?\s+(?P<pub>{MEDIA_NAME})(?:官方账号|官方号|账号)?\s*$")

# Editor and byline lines: 编辑: 郑明圆, 责任编辑:X, (责任编辑:X), 来源:吉林日报.
EDITOR_LABELS = (
    "责任编辑", "责编", "编辑", "主编", "审核", "审校", "校对", "终审", "编审", "作者", "记者",
    "通讯员", "撰稿", "撰文", "摄影", "摄像", "供稿", "文/图", "图/文", "文图", "来源", "稿源", "出处",
    "文章来源", "信息来源", "新闻来源", "稿件来源", "图片来源",
)
MEDIA_ONLY = re.compile(r"[\u4e00-\u9fff]{2,8}(?:日报|晚报|时报|新闻网|融媒体中心|客户端|电视台|广播电视台)")
EDITOR_LINE = re.compile(r"^[((\[【]?\s*(?:" + "|".join(map(re.escape, EDITOR_LABELS)) + ")" + LABEL_END)
# Labels of the desk that signs off an article (an editor's line closes it; a byline does not).
EDITOR_SIGN_OFFS = ("责任编辑", "责编", "编辑", "审核", "审校", "校对", "终审", "编审")
EDITOR_CLOSING = re.compile("|".join(EDITOR_SIGN_OFFS))
# …的目标。(责任编辑:张三) at the end of the last paragraph.
TRAILING_EDITOR = gated(re.compile(
    r"\s*[((\[【]\s*(?:" + "|".join(EDITOR_SIGN_OFFS) + r")\s*[::]?[^()()\[\]【】]{1,12}[))\]】]$"))

# Share bars: 微信 QQ空间 QQ好友 新浪微博, 分享到:.
SHARE_PLATFORMS = (
    "微信", "朋友圈", "QQ空间", "QQ好友", "QQ", "新浪微博", "腾讯微博", "微博", "人人网", "豆瓣",
    "今日头条", "抖音", "facebook", "twitter", "复制链接",
)
SHARE_VERBS = ("分享到", "分享至", "分享", "转发到", "转发")
SHARE_TOKEN = gated(re.compile("|".join(sorted(map(re.escape, SHARE_PLATFORMS + SHARE_VERBS), key=len, reverse=True)),
                           re.IGNORECASE))
SHARE_PROMPTS = ("分享到", "分享至", "转发到")
SHARE_START = re.compile("^(?:" + "|".join(SHARE_PROMPTS) + ")")
# A news app's buttons: +关注, 打开APP, APP内阅读, 点击关注.
APP_BUTTON = re.compile(r"^[+＋]?\s*(?:关注|订阅)$|^(?:打开|下载)\s*(?:APP|客户端)|^APP内(?:打开|阅读)|^点击关注", re.IGNORECASE)
# 用好微信 拓宽销路 is a section header: platform names must fill most of the line.
MIN_SHARE_TOKENS, MIN_SHARE_COVER = 2, 0.5

# Contact lines: 热线:0431-81126178, 邮箱:jilin@cri.cn, 京ICP备…, 公网安备….
CONTACT_LABELS = (
    "热线", "邮箱", "邮件", "e-mail", "email", "电话", "传真", "地址", "邮编", "联系方式", "投稿", "QQ群", "举报",
)
CONTACT_WORD = gated(re.compile("|".join(CONTACT_LABELS), re.IGNORECASE))
# ※ 联系电话:…: a bullet or a short qualifier may stand before the label.
CONTACT_LINE = re.compile(r"^[^\w\s]{0,2}\s*[^::\s]{0,4}(?:" + "|".join(CONTACT_LABELS) + ")" + LABEL_END,
                          re.IGNORECASE)
# 京ICP备…, 京ICP证000022号, 京ICP00000008号, 雅虎ICP经营许可证, 经营许可证编号:豫B2-20040031.
REGISTRATION = gated(re.compile(r"ICP\s*(?:[备证]|经营|\d)|公网安备|网安备|增值电信业务|经营许可证编号", re.IGNORECASE))
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Numbers only in dialling form, so 全县共减贫12345678人 is not a phone line.
PHONE_FORMS = (r"0\d{2,3}-{1,2}\d{7,8}", r"1[3-9]\d{9}", r"400-?\d{3}-?\d{4}")
PHONE = gated(re.compile(r"(?<!\d)(?:" + "|".join(PHONE_FORMS) + r")(?!\d)"))

# Comment counters and forms: 已有0人发表了评论, 我要评论, 发表评论.
COMMENT_PATTERNS = (
    r"已有\s*\d+\s*(?:人|位网友|条)?\s*(?:发表了?|参与了?)?评论", "我要评论", "发表评论", "网友评论",
    r"查看(?:全部|更多)?评论", r"\d+\s*条评论", r"评论\s*[((]\s*\d+\s*[))]", r"^评论\s*\d*$",
    # Page-view counters: 您是本文第 154 个阅览者, 阅读次数:312.
    r"第\s*\d+\s*(?:个|位)(?:阅览者|访问者|读者|浏览者)", r"(?:阅读|浏览|点击|访问)(?:量|次数|数)\s*[::]?\s*\d+",
)
COMMENT = gated(re.compile("|".join(COMMENT_PATTERNS)))

# "Related news" headers: 最新相关新闻, 相关阅读, 延伸阅读.
RELATED_HEADS = (
    r"(?:最新|更多)?相关(?:新闻|阅读|文章|链接|报道|推荐|资讯|专题|稿件)", "延伸阅读", "推荐阅读", "热点推荐",
    "猜你喜欢", r"热门(?:文章|新闻|推荐|排行)", "精彩推荐", "往期回顾", "热点新闻", "最新新闻", "今日推荐",
    "更多新闻", "编辑推荐", r"(?:网友|全部|最新|相关)?(?:回复|跟帖)(?:线索|列表)?",
)
BRACKETS = "【】\\[\\]()()《》<>"
RELATED = re.compile(rf"^[{BRACKETS}\s]*(?:{'|'.join(RELATED_HEADS)})[{BRACKETS}\s::>»]*$")

# Listings of other posts or stories, stamped at the end: 旅行中,谁忽悠了你?【新闻频道版主】08-11 16:06
# 298字 [4321/87], ·蔡依林热舞 (2005-04-27 18:03PM). A sentence of the article does not end in a clock.
STAMP = r"(?:(?:19|20)\d{2}[-/.])?\d{1,2}[-/.]\d{1,2}\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp][Mm])?"
LISTING = gated(re.compile(rf"{STAMP}[^{re.escape(SENTENCE_MARKS)}]{{0,16}}$"))
MAX_LISTING_LINE = 240

# Footer links: 网站地图, 设为首页, 【打印】【关闭】, 上一篇.
FOOTER_WORDS = (
    "网站地图", "关于我们", "联系我们", "设为首页", "加入收藏", "返回顶部", "返回首页", "打印本页", "关闭窗口",
    "【打印】", "【关闭】", "主办单位", "承办单位", "技术支持", "不良信息举报", "上一篇", "下一篇", "上一页", "下一页",
)
# 字号:大 中 小, 字体:【大】【中】【小】: the page's font-size buttons
FONT_SIZES = r"(?:字号|字体)[:：\s]*[【\[]?大[】\]]?\s*[【\[]?中[】\]]?\s*[【\[]?小"
FOOTER_WORD = re.compile("|".join(map(re.escape, FOOTER_WORDS)) + "|" + FONT_SIZES)

# Site-header words: 欢迎访问, 手机版, 无障碍 (a welcome line may even end with 。).
NAV_WORDS = ("欢迎访问", "欢迎光临", "欢迎来到", "网站导航", "手机版", "无障碍", "繁体版", "简体版", "登录", "注册")
NAV_WORD = re.compile("|".join(NAV_WORDS))
# Navigation rows: 长春 江城 四平 辽源 … (many short tokens split by spaces, |, >>).
NAV_SPLIT = re.compile(r"[\s|丨|/·•>»›]+")
NAV_PIPE = re.compile(r"[|丨|]")
MIN_NAV_TOKENS = 4
MIN_PIPED_NAV_TOKENS = 3
MAX_NAV_TOKEN = 8

# Spam that mirror sites and old portals put around articles: gambling, adult and quack-medicine
# ads (成人用品堪称暴利行业, 中医攻克牛皮癣、白癜风!) and fraud services. One word is enough on a
# short headline-like line; a longer line needs two different ones (a health-poverty report
# may name one disease).
SPAM_WORDS = (
    # gambling
    "博彩", "赌场", "赌博网", "百家乐", "六合彩", "时时彩", "北京赛车", "老虎机", "娱乐城", "真人娱乐", "棋牌游戏",
    "投注", "下注", "彩金", "注册送", "开户送", "首存", "返水", "葡京", "威尼斯人", "太阳城",
    # adult
    "成人用品", "成人电影", "成人网站", "色情", "情色", "黄色网站", "一夜情", "约炮", "裸聊", "援交", "激情视频",
    "美女直播", "情趣用品", "性感美女",
    # quack medicine
    "男科", "妇科", "不孕不育", "无痛人流", "人流手术", "阳痿", "早泄", "前列腺", "性病", "尖锐湿疣", "包皮",
    "狐臭", "牛皮癣", "白癜风", "鱼鳞病", "癫痫", "包治", "特效药", "祖传秘方", "偏方", "壮阳", "丰胸", "减肥药",
    # fraud services
    "代开发票", "代办证件", "办证", "刻章", "私家侦探", "信用卡套现", "网贷", "刷单", "日结",
)
SPAM_WORD = re.compile("|".join(map(re.escape, sorted(SPAM_WORDS, key=len, reverse=True))))
MIN_LONG_SPAM_WORDS = 2
# Keyword stuffing: 北京男科医院 北京男科医院哪家好 北京男科医院排名 — one phrase again and again.
STUFFING_WINDOW, MIN_STUFFING_REPEATS, MAX_STUFFING_LINE = 4, 3, 300

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

# Bylines: (实习记者 樊亮 张明超 记者惠禾), 河南商报记者马俊峰/文, 作者:芊草凡凡.
BYLINE_ROLES = ("实习记者", "特约记者", "记者", "通讯员", "特约撰稿", "撰稿", "作者")
NAME = rf"(?!{'|'.join(BYLINE_ROLES)})[{HAN}]{{2,4}}"
# A role, then names split by spaces or 、; a name ends at anything that is not Han (/, ), :).
MAX_BYLINE_NAMES = 4
# More names than that, running on to further Han words, is a menu (记者江湖 中国川剧 指上谈兵 …).
NAMES = rf"(?P<names>{NAME}(?:\s*[\s、,,]\s*{NAME}){{0,{MAX_BYLINE_NAMES - 1}}})(?![{HAN}])(?!\s*[\s、,,]\s*{NAME})"
BYLINE = re.compile(rf"(?:{'|'.join(BYLINE_ROLES)})\s*[::]?\s*{NAMES}(?!\s*[::])")
BYLINE_NAME = re.compile(NAME)
BRACKETED = re.compile(r"[((【\[]([^()()【】\[\]]{2,60})[))】\]]")
# Desk lines: 编辑:杜伟 | 责编:刘征宇, (责任编辑:张三).
EDITOR_ROLES = ("责任编辑", "责编", "编辑", "值班编辑", "主编")
EDITOR_NAMES = re.compile(rf"(?:{'|'.join(EDITOR_ROLES)})\s*[::]\s*{NAMES}")
# A byline or desk line is searched in the first and last few lines of the body as well.
BYLINE_BODY_LINES = 2

# ---------------------------------------------------------------- title and publisher
SUBTITLE = re.compile(r"^(?:——|--|—)")
# The lines between a speech's or report's title and its text: a salutation, the speaker, the date.
OFFICE = rf"[{HAN}]{{2,24}}(?:办公室|人民政府|委员会|领导小组|扶贫办|扶贫开发中心|扶贫开发局|扶贫局|统计局|调查队)"
SPEECH_HEAD = re.compile(rf"^(?:(?:各位|尊敬的|同志们|亲爱的)[^,,。]{{0,12}}[::]"
                         rf"|[{HAN}]{{2,16}}(?:县长|市长|州长|省长|区长|旗长|书记|主任|局长|主席)(?:\s*[{HAN}]{{2,4}})?"
                         rf"|[((]?\s*(?:19|20)\d{{2}}年\d{{1,2}}月\d{{1,2}}日\s*[))]?"
                         # whom a report is addressed to: 县委、县政府:
                         rf"|[{HAN}、]{{2,16}}[::]"
                         # the office issuing a report: 汪清县扶贫开发领导小组办公室
                         rf"|{OFFICE})$")
MAX_SPEECH_LINES = 3
# The office that issued a report, in its letterhead (化隆回族自治县扶贫开发领导小组文件), above its
# title or under its text: where the report names no place, the office's place is the report's.
# 化隆回族自治县扶贫开发领导小组文件; 光山县人民政府门户网站, the county's own site
ISSUER = re.compile(rf"^({OFFICE})(?:文件|门户网站|门户网|网站|网)?$")
MAX_SIGNATURE_LINES = 3
# A page <title> names the site after the headline: …_巴彦淖尔市人民政府网, …--大河网, … - 维基百科.
TITLE_SITE_SEPARATOR = gated(re.compile(r"\s*(?:_|\||--|\s[-–]\s)\s*"))
SITE_SUFFIX = re.compile(r"(?:网|在线|频道|门户|日报|晚报|电视台|新闻|首页)$")
MIN_TITLE_HAN, MAX_TITLE_CHARS = 4, 80
TITLE_LABEL = re.compile(r"^\s*标\s*题\s*[::]\s*")
MAX_ACCOUNT_HAN = 6  # an account name between a headline and its dateline (城口发布)
LABEL_OPENS = re.compile(r"[::]$")
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
# Page lines around an HTML page's main text searched for its dateline, nearest first.
CONTEXT_LINES = 40
# A recurring line is template text only while such lines are a minority of the document's
# paragraphs: a wire story reprinted by several sites recurs whole and is not a template.
MAX_TEMPLATE_SHARE = 0.5
# A teaser is cut off mid-sentence: clause punctuation inside, no closing mark at the end.
CLAUSE_MARK = re.compile(r"[,,、]")
ENDING = re.compile(f"[{re.escape(SENTENCE_MARKS + CLOSING_MARKS)}.…]$")
LINK_BULLET = re.compile(r"[·•]")
# In main text, an unclassified line this close to the title opens the article (a deck, a dateline).
MAX_DECK_LINES = 3


@dataclass(frozen=True)
class Context:
    """What a source says beside its text: an HTML page's metadata and the lines around its main text."""
    title: str | None = None
    published_at: datetime | None = None  # the page's own guess (htmldate), used when no dateline is found
    head: tuple[str, ...] = ()
    tail: tuple[str, ...] = ()
    main_text: bool = False  # the text is an extractor's main content, not a whole page


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
    reporters: str | None = None
    editor: str | None = None
    issuer: str | None = None  # the office in the letterhead or signature (a hint of the region)


# ---------------------------------------------------------------- hard-wrapped text
# Text cut into lines of a page's width (a PDF or a report typed to width): a line that breaks a
# number from its unit (减贫12680 / 人), or a prose line that stops mid-sentence before an unindented
# line, goes on in the next one.
NUMBER_END = re.compile(r"(?:\d[万亿]?|\d\.)$")
UNIT_START = re.compile(r"^(?:[万亿千]?[人户元%个名支]|[万亿])")
# a comma earlier in the line, and a last word no heading ends with (由, 到, 的, a digit…)
PROSE_CUT = re.compile(r"[,,、][^,,。;;!!??]*(?:[由到的和及与在对为从将把被达至等以向于比较]|[\d%])$")
MIN_WRAPPED_LINE = 20
# 2017年,全县共筹集投入各类扶贫资金 / 6.83亿元,其中…: a line opening with a figure and its unit goes on
# a sentence the line before left open after a comma
FIGURE_START = re.compile(r"^\d+(?:\.\d+)?(?:[万亿千]?[人户元个名支%]|[万亿])")
OPEN_SENTENCE = re.compile(rf"[,,][^。!!??;;::]*[{HAN}]$")
# A document wrapped to a width throughout: most prose lines about as long as the longest and a good
# share of them stopping mid-sentence. Its lines go on into the next line wherever they stop
# mid-sentence near the full width, even inside a word (21个贫困 / 村出列) or a number (54. / 4%).
SENTENCE_END = re.compile(r"[。!!??;;::…][”’」』\")）)]*$")
CLAUSE_MARK = re.compile(r"[,,、。;;]")
HEADING_START = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十\d]+[章节部分条])")
# page numbers a PDF leaves between the lines: — 2 —, - 12 -, 第3页, 第 3 页 共 9 页
PAGE_NUMBER = re.compile(r"^(?:[-—–－]+\s*\d{1,3}\s*[-—–－]+|第\s*\d{1,3}\s*页(?:\s*[,,/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3})$")
MAX_WRAP_WIDTH = 60  # characters: a page of Chinese prose is 30 to 45 wide
MIN_WRAPPED_SHARE = 0.4


def wrap_width(raw_lines: list[str]) -> int | None:
    """Return the width a plain-text document is wrapped to, or None when its paragraphs are lines."""
    lengths, open_ended = [], 0
    for raw in raw_lines:
        line = raw.strip()
        if han_count(line) >= 10 and CLAUSE_MARK.search(line):
            lengths.append(len(line))
            open_ended += not SENTENCE_END.search(line)
    if len(lengths) < 5 or open_ended < MIN_WRAPPED_SHARE * len(lengths):
        return None
    lengths.sort()
    width = lengths[int(0.8 * (len(lengths) - 1))]
    if width > MAX_WRAP_WIDTH or lengths[int(0.95 * (len(lengths) - 1))] > 1.3 * width:
        return None
    return width


def wrapped_on(previous: str, raw: str, width: int) -> bool:
    """Tell whether a line of a wrapped document goes on the previous line's sentence."""
    line = raw.strip()
    return (len(previous) >= 0.6 * width and not SENTENCE_END.search(previous)
            and raw[:1] not in (" ", "\t", "\u3000") and not HEADING_START.match(line)
            and (CLAUSE_MARK.search(previous) is not None or CLAUSE_MARK.match(line) is not None))


def unwrap(raw_lines: list[str]) -> list[str]:
    """Join the lines of hard-wrapped paragraphs back into one line each."""
    width = wrap_width(raw_lines)
    joined: list[str] = []
    for raw in raw_lines:
        previous = joined[-1].rstrip() if joined else ""
        line = raw.strip()
        if width and PAGE_NUMBER.match(line):
            continue  # a page break inside a paragraph does not end it
        continues = line and raw[:1] not in (" ", "\t", "\u3000") and previous and (
            (NUMBER_END.search(previous) and UNIT_START.match(line))
            or (len(previous.strip()) >= MIN_WRAPPED_LINE and PROSE_CUT.search(previous)
                and (han_count(line[0]) or line[0].isdigit()) and not DATE.match(line))
            or (FIGURE_START.match(line) and OPEN_SENTENCE.search(previous)))
        if line and previous and width and not continues:
            continues = wrapped_on(previous.strip(), raw, width)
        if continues:
            joined[-1] = previous + line
        else:
            joined.append(raw)
    return joined


# ---------------------------------------------------------------- line features
# 减贫 2078 户 5222 人: some sites space out figures; the body keeps them joined to their words.
FIGURE_SPACE = gated(re.compile(rf"(?<=[\d%％])[ \t\u3000\xa0]+(?=[{HAN}%％])|(?<=[{HAN}])[ \t\u3000\xa0]+(?=\d)"))


# 县别 脱贫人口 贫困发生率 / 张北县 18652 0.82: a table whose cells a site set out with one space each
SPACED_LABEL = re.compile(rf"(?=.*[{HAN}])[{HAN}A-Za-z()（）%％、/]{{1,12}}")
SPACED_NUMBER = re.compile(r"[-—+]?\d[\d.,]*[%％]?")
MIN_SPACED_ROWS = 2


def widen_spaced_tables(lines: list[str]) -> list[str]:
    """Give the cells of a table set out with single spaces two spaces each, as a table's cells have:
    a header of three words or more, then two rows or more of a label and as many figures."""
    widened, i = list(lines), 0
    while i < len(lines):
        head = lines[i].split(" ")
        j = i + 1
        if len(head) >= MIN_TABLE_CELLS and all(map(SPACED_LABEL.fullmatch, head)):
            while j < len(lines) and spaced_row(lines[j], len(head)):
                j += 1
            if j - i - 1 >= MIN_SPACED_ROWS:
                widened[i:j] = ["  ".join(line.split(" ")) for line in lines[i:j]]
                i = j
                continue
        i += 1
    return widened


def spaced_row(line: str, cells: int) -> bool:
    """Tell whether a line is a label and cells - 1 figures, each after one space."""
    words = line.split(" ")
    return (len(words) == cells and SPACED_LABEL.fullmatch(words[0]) is not None
            and all(map(SPACED_NUMBER.fullmatch, words[1:])))


def close_figures(line: str) -> str:
    """Remove the spaces between a figure and the words around it (not between a table's cells)."""
    return line if cell_count(line) >= MIN_TABLE_CELLS else FIGURE_SPACE.sub("", line)


def tidy(line: str) -> str:
    """Strip whitespace and zero-width characters from both ends of a line."""
    return line.strip().strip(INVISIBLE).strip()


def han_count(line: str) -> int:
    """Count the Han characters in a line."""
    return sum(map(len, HAN_RUN.findall(line)))


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
    if not is_label_line(line):
        return False
    squashed = SPACE.sub("", line)
    return "版权" in squashed or COPYRIGHT_HEADER.search(squashed) is not None


def is_breadcrumb(line: str) -> bool:
    """Recognise a "you are here" line or a path of section names."""
    if LOCATION_LABEL.search(line) or HOME_CRUMB.search(line):
        # 当前位置:首页->军事技术 飞行物理学常识 飞行归因于…。 is the article run on, not a path.
        return not is_paragraph(line)
    # 共 11 篇评论 发表评论 >>> is an arrow, not a path: a path has segments between its separators.
    segments = [part for part in CRUMB_SPLIT.split(line) if part.strip()]
    return not is_prose(line) and len(segments) > MIN_CRUMB_SEPARATORS


def is_meta(line: str) -> bool:
    """Recognise a dateline: a date alone or with source, author or counter labels; or a document's
    number (云政发〔2019〕18号)."""
    if DOCUMENT_NUMBER.fullmatch(line):
        return True
    if not is_label_line(line, MEDIUM_LINE) or not DATE.search(line):
        return False
    return (DATE_ONLY.match(line) is not None or DATED_MEDIA.match(line) is not None
            or META_WORD.search(line) is not None)


def is_editor(line: str) -> bool:
    """Recognise an editor, author or source line, or the paper's name alone (昭通日报 under a headline)."""
    return is_label_line(line) and (EDITOR_LINE.search(line) is not None or MEDIA_ONLY.fullmatch(line) is not None)


def is_share(line: str) -> bool:
    """Recognise a bar of social-media share buttons."""
    if not is_label_line(line, SHORT_LINE):
        return False
    if SHARE_START.match(line) or APP_BUTTON.match(line):
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
    if CONTACT_LINE.search(line):
        return True
    # 违法和不良信息举报电话:0478-8655532(工作时间) 邮箱:bynrszf@163.com: a label anywhere and a number.
    reachable = EMAIL.search(line) or PHONE.search(line)
    return reachable is not None and (len(line) <= SHORT_LINE or CONTACT_WORD.search(line) is not None)


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


def is_listing(line: str) -> bool:
    """Recognise an entry of a list of other posts or stories that ends in its time stamp."""
    return len(line) <= MAX_LISTING_LINE and LISTING.search(line) is not None and not DATE_ONLY.match(line)


def is_stuffed(line: str) -> bool:
    """Tell whether one short phrase fills a line again and again (keyword stuffing)."""
    # A phrase said three times leaves few distinct characters; prose uses many (a cheap first test).
    if len(line) > MAX_STUFFING_LINE or len(set(line)) * 2 > len(line):
        return False
    seen: dict[str, int] = {}
    for run in HAN_RUN.findall(line):
        for i in range(len(run) - STUFFING_WINDOW + 1):
            window = run[i:i + STUFFING_WINDOW]
            seen[window] = seen.get(window, 0) + 1
    return any(count >= MIN_STUFFING_REPEATS and len(set(w)) > 2 for w, count in seen.items())


def is_spam(line: str) -> bool:
    """Recognise gambling, adult, quack-medicine and fraud ads, and keyword stuffing."""
    words = set(SPAM_WORD.findall(line))
    if words and (len(words) >= MIN_LONG_SPAM_WORDS or is_label_line(line)):
        return not is_paragraph(line)
    return is_stuffed(line) and not is_paragraph(line)


# Tried in order; the first that matches names the line's kind.
LINE_KINDS = (
    ("copyright", is_copyright), ("breadcrumb", is_breadcrumb), ("meta", is_meta), ("editor", is_editor),
    ("share", is_share), ("contact", is_contact), ("comment", is_comment), ("related", is_related),
    ("footer", is_footer), ("listing", is_listing), ("spam", is_spam), ("nav", is_nav),
)


# A paragraph longer than any label line can only be of these kinds: each other kind needs a short
# line or one without sentence punctuation. Most of an article's lines are such paragraphs.
PARAGRAPH_KINDS = tuple((kind, test) for kind, test in LINE_KINDS if kind in ("copyright", "meta", "contact", "listing"))


def classify(line: str) -> str | None:
    """Return the boilerplate kind a stripped line shows by itself, or None for possible body."""
    if not line:
        return "blank"
    kinds = PARAGRAPH_KINDS if len(line) > MEDIUM_LINE and is_paragraph(line) else LINE_KINDS
    return next((kind for kind, test in kinds if test(line)), None)


# ---------------------------------------------------------------- zones
# 县（区）｜剩余贫困人口｜贫困发生率 / 西吉县｜18080人｜4.87%: cells split by pipes, tabs or wide spaces.
CELL_SPLIT = gated(re.compile(r"[ \t\u3000]*[｜|\t][ \t\u3000]*|[ \u3000]{2,}"))
CELL_MARKS = gated(re.compile(r"[｜|\t]|[ \u3000]{2}"))  # what every split holds
MIN_TABLE_CELLS = 3


def cells_of(line: str, offset: int = 0) -> list[tuple[int, int]]:
    """Return the (start, end) of each cell of a line read as a table row, shifted by offset."""
    if not CELL_MARKS.search(line):  # most lines: one cell, found without splitting
        return [(offset, offset + len(line))] if line else []
    bounds, at = [], 0
    for m in CELL_SPLIT.finditer(line):
        bounds.append((at, m.start()))
        at = m.end()
    bounds.append((at, len(line)))
    return [(offset + a, offset + b) for a, b in bounds if b > a]


PIPE_OR_TAB = re.compile(r"[｜|\t]")
LABELLED_ITEMS = re.compile(f"[{HAN}]{{2,12}}[::][^。;!?]*、[^。;!?]*|[{HAN}]{{2,12}}[::][{HAN}]{{2,16}}")


def is_table_row(line: str) -> bool:
    """Tell whether a line reads as a table's row: three cells, or two split by a pipe or a tab."""
    cells = cell_count(line)
    return cells >= MIN_TABLE_CELLS or (cells == 2 and PIPE_OR_TAB.search(line) is not None)


def cell_count(line: str) -> int:
    """Count the cells of a line read as a table row."""
    return len(cells_of(line))


# 指标名称	计量单位	2018年	比上年增减: a header's years name its columns; they are no figures
YEAR_LABEL = gated(re.compile(r"(?<!\d)(?:19|20)\d\d年(?:末|底)?"))


def mark_table_headers(lines: list[str], kinds: list[str | None]) -> None:
    """Keep a table's header row, which reads like a menu, when rows of figures with as many cells
    follow it."""
    for i, line in enumerate(lines):
        if kinds[i] != "nav" or has_digit(YEAR_LABEL.sub("", line)) or cell_count(line) < MIN_TABLE_CELLS:
            continue
        below = next_content(kinds, i)
        if below is not None and has_digit(lines[below]) and cell_count(lines[below]) == cell_count(line):
            kinds[i] = None


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


# a clause-punctuated sentence ending in a colon: what follows is its list
LEADS_INTO = re.compile(rf"^(?=.*[,,、]).{{20,}}[::]$")


# 脱贫户数:4.42万户, 7960户, 由12.69%下降到1.02%: a figure stated with what it counts, as infographics
# and 数读 pieces set their facts out line by line
STATED_FIGURE = re.compile(rf"[{HAN}].{{0,20}}\d|^[由从]?\d[\d.,]*[万亿]?(?:户|人|元|个|支|%)")
FIGURE_MEASURE = re.compile(r"\d[\d.,]*\s*[万亿]?\s*(?:户|人(?!次)|元|个|支|%)")
MAX_FIGURE_LINE = 40
MIN_FIGURE_RUN, FIGURE_RUN_REACH = 3, 6  # figure lines this many within this many lines of each other


def is_figure_line(line: str) -> bool:
    """Tell whether a short line states a figure with its measure word (not a date, a phone number or
    a teaser of another story: · 我市今年将完成12.6万贫困人口脱贫任务)."""
    return (len(line) <= MAX_FIGURE_LINE and not LINK_BULLET.match(line) and FIGURE_MEASURE.search(line) is not None
            and STATED_FIGURE.search(line) is not None and not DATE.search(line))


def anchors(lines: list[str], kinds: list[str | None]) -> list[int]:
    """Return the indexes of real paragraphs, lead-ins and figure lines; long lines when nothing is
    punctuated."""
    # …现将我县2019年度财政专项扶贫资金分配使用情况公告如下: a sentence leading into a list or table
    found = [i for i, line in enumerate(lines)
             if kinds[i] is None and (is_paragraph(line) or LEAD_IN.match(line) or LEADS_INTO.search(line))]
    # figure lines in a run, counted in lines that are not blank (not a headline that states one figure)
    shown = [i for i, kind in enumerate(kinds) if kind != "blank"]
    figures = [n for n, i in enumerate(shown) if kinds[i] is None and is_figure_line(lines[i])]
    found = sorted(set(found) | {shown[n] for n in figures
                                 if sum(abs(n - m) <= FIGURE_RUN_REACH for m in figures) >= MIN_FIGURE_RUN})
    if found:
        return found
    return [i for i, line in enumerate(lines) if kinds[i] is None and han_count(line) >= MIN_FALLBACK_HAN]


def previous_content(kinds: list[str | None], index: int, skip: frozenset = frozenset({"blank"})) -> int | None:
    """Return the index of the nearest line before index whose kind is not skipped."""
    for i in range(index - 1, -1, -1):
        if kinds[i] not in skip:
            return i
    return None


def next_content(kinds: list[str | None], index: int, end: int | None = None) -> int | None:
    """Return the index of the nearest line after index, before end, that is not blank."""
    return next((i for i in range(index + 1, len(kinds) if end is None else end) if kinds[i] != "blank"), None)


def extend_over_headers(lines: list[str], kinds: list[str | None], first: int) -> int:
    """Move the body start back over numbered section headers that open the article, and over the
    sentence leading into them (…,现将全年工作总结如下:)."""
    before = previous_content(kinds, first)
    while before is not None and kinds[before] is None and (
            SECTION_HEADER.match(lines[before]) or LEADS_INTO.search(lines[before])):
        first = before
        before = previous_content(kinds, first)
    return first


def closes_article(line: str, kind: str | None) -> bool:
    """Tell whether a line ends the article it follows (related header, copyright, comment form, editor)."""
    if kind in CLOSING_KINDS or (kind == "editor" and EDITOR_CLOSING.search(line) is not None):
        return True
    # 由海姑娘张贴 @ 2005-03-21 01:20:44 (359) 共 3 篇评论 发表评论 >>>: a post's footer with its comment link.
    return kind is not None and kind != "blank" and COMMENT.search(line) is not None


def splits(lines: list[str], kinds: list[str | None], before: int, after: int) -> bool:
    """Tell whether the lines between two paragraphs separate two different blocks of text."""
    between = [i for i in range(before + 1, after) if kinds[i] != "blank"]
    if any(closes_article(lines[i], kinds[i]) for i in between):
        return True
    boilerplate = sum(kinds[i] is not None for i in between)
    # a table's rows between two paragraphs are the article's, however many (蒿坪镇 | 金竹村、双星村 too),
    # and so are the items of a list by label (曲靖市:宣威市、富源县、师宗县)
    loose = [i for i in between if kinds[i] is not None
             or not (is_table_row(lines[i]) or LABELLED_ITEMS.fullmatch(lines[i]))]
    return boilerplate >= MAX_GAP_BOILERPLATE or len(loose) >= MAX_GAP_LINES


def clusters(lines: list[str], kinds: list[str | None], found: list[int]) -> list[list[int]]:
    """Group paragraph indexes into blocks that no closing line or boilerplate run separates."""
    groups = [[found[0]]]
    for before, after in zip(found, found[1:]):
        if splits(lines, kinds, before, after):
            groups.append([after])
        else:
            groups[-1].append(after)
    return groups


def squash(line: str) -> str:
    """Return a line without whitespace, for comparing two renderings of the same words."""
    return SPACE.sub("", line)


def title_index(lines: list[str], title: str | None) -> int | None:
    """Return the index of the first line that is the page title (or its start, before a site name)."""
    wanted = squash(title or "")
    if han_count(wanted) < MIN_TITLE_HAN:
        return None
    for i, line in enumerate(lines):
        key = squash(line)
        if han_count(key) >= MIN_TITLE_HAN and (key == wanted or (wanted.startswith(key) and
                                                                   len(key) * 2 >= len(wanted))):
            return i
    return None


def article_cluster(lines: list[str], groups: list[list[int]], context: Context) -> list[int]:
    """Pick the block that is the article: the first after the page title, else the one with most text."""
    # A welcome line or related teasers form smaller blocks than the article.
    best = max(groups, key=lambda group: sum(han_count(lines[i]) for i in group))
    at = title_index(lines, context.title)
    # A blog's front page shows several posts; the page title names the one the page is about.
    if at is not None and at < best[0]:
        return next(group for group in groups if group[0] > at)
    return best


def is_list_content(line: str, kind: str | None) -> bool:
    """Tell whether a line after the last paragraph continues the article (a list item, a table row)
    rather than starting a list of teasers (奥克斯告"官" 手段 奥克斯通讯、李晓龙是过河卒子,一往无前…)."""
    if kind is not None:
        # A table row reads like a menu; a row of bulleted links (·礼品/烟具 ·运动/户外) is one.
        return is_section_row(line, kind) and not LINK_BULLET.search(line)
    cut_off = CLAUSE_MARK.search(line) is not None and not ENDING.search(line)
    return not (cut_off and han_count(line) >= MIN_PARAGRAPH_HAN)


def extend_forward(lines: list[str], kinds: list[str | None], last: int) -> int:
    """Run the end of main text's article over lists and tables until something closes it."""
    end, run = last, 0
    for i in range(last + 1, len(lines)):
        if kinds[i] == "blank":
            continue
        if closes_article(lines[i], kinds[i]):
            break
        if is_list_content(lines[i], kinds[i]):
            end, run = i, 0
            continue
        run += 1
        if run >= MAX_GAP_BOILERPLATE:
            break
    return end


def extend_backward(kinds: list[str | None], first: int, floor: int) -> int:
    """Run the start of main text's article back over a deck or lead lines below the title."""
    start, taken = first, 0
    for i in range(first - 1, floor, -1):
        if kinds[i] == "blank":
            continue
        if kinds[i] is not None or taken == MAX_DECK_LINES:
            break
        start, taken = i, taken + 1
    return start


def body_span(lines: list[str], kinds: list[str | None], context: Context) -> tuple[int, int] | None:
    """Return the first and last line index of the article zone, or None when there is none."""
    found = anchors(lines, kinds)
    if not found:
        return None
    best = article_cluster(lines, clusters(lines, kinds, found), context)
    last = extend_forward(lines, kinds, best[-1]) if context.main_text else best[-1]
    return extend_over_labels(lines, kinds, extend_over_headers(lines, kinds, best[0])), last


# 减贫人口 / 7960户: the label lines above an infographic's first figure belong to it
MAX_LABEL_CHARS, MAX_LABEL_LINES = 16, 2


def extend_over_labels(lines: list[str], kinds: list[str | None], first: int) -> int:
    """Move the body start back over the label lines (short, no digits, no punctuation) right above a
    body opening with a figure line (not over a blank line: a headline stands apart)."""
    if not is_figure_line(lines[first]):
        return first
    for _ in range(MAX_LABEL_LINES):
        before = first - 1
        if before < 0 or kinds[before] is not None or has_digit(lines[before]) or is_prose(lines[before]) \
                or len(lines[before]) > MAX_LABEL_CHARS:
            break
        first = before
    return first


# ---------------------------------------------------------------- title
def is_title_like(line: str, kind: str | None) -> bool:
    """Tell whether an unclassified head line can be a headline."""
    if kind is not None or len(line) > MAX_TITLE_CHARS or han_count(line) < MIN_TITLE_HAN:
        return False
    # 个人简介: is a label that opens the text; 光明日报记者 王建宏 张文攀 is a byline.
    if LABEL_OPENS.search(line) or BYLINE.search(line):
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


def headline_before(lines: list[str], kinds: list[str | None], start: int) -> tuple[str | None, list[int]]:
    """Return the headline just before the body start and the indexes of the lines it came from,
    above a speech's salutation, speaker and date (各位代表: / 阜平县人民政府县长 / (2019年3月5日))."""
    at = previous_content(kinds, start, TITLE_GAP)
    for _ in range(MAX_SPEECH_LINES):
        if at is None or not SPEECH_HEAD.match(lines[at]):
            break
        at = previous_content(kinds, at, TITLE_GAP)
    if at is None:
        return None, []
    if kinds[at] == "breadcrumb":
        return title_from_breadcrumb(lines[at]), []
    if not is_title_like(lines[at], kinds[at]):
        return None, []
    above = previous_content(kinds, at)
    # 重庆城口:大巴山深处的脱贫答卷 / 城口发布 / 2020-02-24 10:21 · …官方账号: the account above its dateline
    below = next_content(kinds, at, start)
    if (below is not None and kinds[below] == "meta" and han_count(lines[at]) <= MAX_ACCOUNT_HAN and above is not None
            and is_title_like(lines[above], kinds[above]) and han_count(lines[above]) > han_count(lines[at])):
        return lines[above], [above, at]
    # 创新丰富载体 促进深度融合 / ——秦州区以双联行动推进精准扶贫工作: join the subtitle.
    # 政府工作报告 / ——2018年1月16日在…会议上: a headline many documents share is still theirs,
    # and the dateline may stand between them (阜平县2018年政府工作报告 / 【发布时间:…】 / ——2018年2月26日在…)
    if SUBTITLE.match(lines[at]):
        for _ in range(MAX_SPEECH_LINES):
            if above is None or kinds[above] != "meta":
                break
            above = previous_content(kinds, above)
        if above is not None and is_title_like(lines[above], kinds[above] if kinds[above] != "template" else None):
            return lines[above] + lines[at], [above, at]
    return lines[at], [at]


def page_title(title: str | None) -> str | None:
    """Return a page's <title> without the site name after it (…_巴彦淖尔市人民政府网, …--大河网)."""
    head = TITLE_SITE_SEPARATOR.split(title or "")[0].strip()
    return head if han_count(head) >= MIN_TITLE_HAN else None


def find_title(lines: list[str], kinds: list[str | None], start: int,
               context: Context) -> tuple[str | None, list[int]]:
    """Return the headline (from the text, else from the page) and the indexes of its lines."""
    at = title_index(lines[:start], context.title)
    if at is not None and kinds[at] is None:
        below = next_content(kinds, at, start)
        if below is not None and SUBTITLE.match(lines[below]) and is_title_like(lines[below], kinds[below]):
            return lines[at] + lines[below], [at, below]
        return lines[at], [at]
    title, title_at = headline_before(lines, kinds, start)
    return (title, title_at) if title else (page_title(context.title), [])


# ---------------------------------------------------------------- date and publisher
def parse_date(line: str) -> datetime | None:
    """Return the first valid date (and time) in a line, skipping page-header clocks."""
    for match in DATE.finditer(line):
        if WEEKDAY_AFTER.match(line, match.end()) and not EDITION.search(line) and not DATELINE_LABEL.search(line):
            continue  # a page header's clock, unless a paper's issue (星期三 第A2版) or a dateline (星期二 来源:…)
        parts = [match.group(k) for k in ("y", "m", "d", "H", "M", "S")]
        try:
            return datetime(*(int(p) for p in parts if p is not None))
        except ValueError:
            continue
    return None


def parse_publisher(line: str) -> str | None:
    """Return the source name after 来源: (cut before any separator or date), or after a dateline's date."""
    match = PUBLISHER.search(line) or DATED_MEDIA.match(line)
    if not match:
        return None
    name = match.group("pub")
    date = DATE.search(name)
    name = (name[:date.start()] if date else name).strip(PUBLISHER_TRIM)
    return name or None


def meta_candidates(lines: list[str], kinds: list[str | None], span: tuple[int, int] | None,
                    context: Context) -> list[str]:
    """Return head lines (metadata kinds first), the page lines nearest the main text and tail
    metadata lines, never body lines."""
    first, last = span or (len(lines), len(lines))
    head = range(first)
    tail = [lines[i] for i in range(last + 1, len(lines)) if kinds[i] in META_KINDS]
    ordered = [i for kind in META_KINDS for i in head if kinds[i] == kind]
    ordered += [i for i in head if kinds[i] not in META_KINDS]
    # Around an HTML page's main text, nearest first: its lines above the first paragraph hold the
    # dateline (and whatever sidebar trafilatura kept), short lines only, not a teaser sentence.
    above = [tidy(line) for line in reversed(context.head[-CONTEXT_LINES:])]
    below = [tidy(line) for line in context.tail[:CONTEXT_LINES]]
    if context.main_text and above:
        ordered.sort(key=lambda i: -i)
        return [line for line in above if is_label_line(line, MEDIUM_LINE)] + [lines[i] for i in ordered] + [
            line for line in tail + below if is_label_line(line, MEDIUM_LINE)]
    near = [line for line in above + tail + below if is_label_line(line, MEDIUM_LINE)]
    return [lines[i] for i in ordered] + near


def reference_year(candidates: list[str], month: int, day: int) -> int | None:
    """Return the year of a month-day dateline from another date of the page (a clock counts here)."""
    for line in candidates:
        for match in DATE.finditer(line):
            year, m, d = (int(match.group(k)) for k in ("y", "m", "d"))
            # The other date is on or after publication (a page clock, a later update).
            return year - 1 if (month, day) > (m, d) else year
    return None


def month_day_date(body_lines: list[str], candidates: list[str]) -> datetime | None:
    """Return the date of a 3月26日讯 lead-in, with the year taken from the page's other dates."""
    for line in body_lines[:BYLINE_BODY_LINES] + candidates:
        match = MONTH_DAY.search(line)
        if not match:
            continue
        month, day = int(match.group("m")), int(match.group("d"))
        year = reference_year(candidates, month, day)
        try:
            return datetime(year, month, day) if year else None
        except ValueError:
            return None
    return None


def month_date(line: str) -> datetime | None:
    """Return the first day of a month named alone (1998年3月号), the last resort for a date."""
    match = YEAR_MONTH.search(line)
    return datetime(int(match.group("y")), int(match.group("m")), 1) if match and 1 <= int(
        match.group("m")) <= 12 else None


def following(lines: list[str], kinds: list[str | None], span: tuple[int, int] | None) -> list[str]:
    """Return the first few lines after the article zone."""
    if span is None:
        return []
    return [line for i, line in enumerate(lines) if i > span[1] and kinds[i] != "blank"][:BYLINE_BODY_LINES]


def published(body_lines: list[str], candidates: list[str], after: list[str], context: Context) -> datetime | None:
    """Return the publication date: a full dateline, a lead-in's month and day, a month (from the
    metadata or the lines that end the article: ——《北京之春》1998年3月号), the page's own."""
    ending = body_lines[-BYLINE_BODY_LINES:] + after
    return (first_found(parse_date, candidates) or month_day_date(body_lines, candidates)
            or first_found(month_date, candidates + ending) or context.published_at)


# ---------------------------------------------------------------- bylines
def names_in(line: str, pattern: re.Pattern) -> list[str]:
    """Return the person names a byline or desk pattern finds in a line."""
    return [name for match in pattern.finditer(line) for name in BYLINE_NAME.findall(match.group("names"))]


def byline_parts(line: str) -> list[str]:
    """Return the parts of a line a byline can hide in: a short line whole, a long one's brackets."""
    return [line] if is_label_line(line, MEDIUM_LINE) else BRACKETED.findall(line)


def joined(names: list[str]) -> str | None:
    """Join distinct names with spaces, keeping their order; None when there are none."""
    return " ".join(dict.fromkeys(names)) or None


def reporters_of(body_lines: list[str], candidates: list[str]) -> str | None:
    """Return the reporters named by the first byline: in the metadata, the lead-in or the last line.

    A page's author metadata is not used: on forum software it names the software's authors.
    """
    ends = body_lines[:BYLINE_BODY_LINES] + body_lines[-1:]
    for line in candidates + ends:
        names = [n for part in byline_parts(line) for n in names_in(part, BYLINE)]
        if names:
            return joined(names)
    return None


def editors_of(body_lines: list[str], candidates: list[str], signature: str) -> str | None:
    """Return every editor a desk line names (编辑:杜伟 | 责编:刘征宇 gives both)."""
    lines = [line for line in candidates if is_label_line(line, MEDIUM_LINE)] + [signature]
    return joined([n for line in lines for n in names_in(line, EDITOR_NAMES)])


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


def finish_body(body: list[tuple[int, str]], dropped: list[DroppedLine]) -> tuple[list[str], str]:
    """Return the body lines and the trailing signature moved from the last one to the dropped lines."""
    if not body:
        return [], ""
    index, last = body[-1]
    kept, signature = strip_signature(last)
    if signature:
        body[-1] = (index, kept)
        dropped.append(DroppedLine(index + 1, "signature", signature))
        dropped.sort(key=lambda d: d.line_no)
    return [line for _, line in body], signature


def mark_templates(lines: list[str], kinds: list[str | None], templates) -> None:
    """Mark unclassified lines the batch or warehouse has seen on many documents as template text."""
    if not templates:
        return
    marked = [i for i, line in enumerate(lines) if kinds[i] is None and line in templates]
    if not marked:
        return
    paragraphs = [i for i, line in enumerate(lines) if kinds[i] is None and is_paragraph(line)]
    recurring = sum(len(lines[i]) for i in marked if is_paragraph(lines[i]))
    # A story reprinted by several sites of the batch recurs whole: that is content, not template.
    if recurring > MAX_TEMPLATE_SHARE * sum(len(lines[i]) for i in paragraphs):
        return
    for i in marked:
        kinds[i] = "template"


def clean(text: str, templates=None, context: Context | None = None) -> Cleaned:
    """Split repaired article text into its body, headline, dateline, bylines and dropped lines.

    templates: lines known to be site template (anything supporting ``line in templates``, such as
    ``tuopin.templates.Templates``); context: what an HTML page says beside its main text.
    """
    context = context or Context()
    raw_lines = (text or "").splitlines()
    # an HTML page's lines are its blocks already; a text file may be wrapped to a page's width
    lines = widen_spaced_tables([tidy(line) for line in (raw_lines if context.main_text else unwrap(raw_lines))])
    kinds = [classify(line) for line in lines]
    mark_templates(lines, kinds, templates)
    mark_table_headers(lines, kinds)
    mark_copyright_blocks(lines, kinds)
    span = body_span(lines, kinds, context)
    title, title_at = find_title(lines, kinds, span[0], context) if span else (page_title(context.title), [])
    title = TITLE_LABEL.sub("", title) if title else title  # 标  题:云南省人民政府关于…的通知 of a file's index
    if span and context.main_text:
        span = (extend_backward(kinds, span[0], max(title_at, default=-1)), span[1])
    body, dropped = split_zones(lines, kinds, span, title_at)
    body_lines, signature = finish_body(body, dropped)
    body_lines = [close_figures(line) for line in body_lines]
    candidates = meta_candidates(lines, kinds, span, context)
    return Cleaned(
        body_text="\n".join(body_lines), title=title,
        published_at=published(body_lines, candidates, following(lines, kinds, span), context),
        publisher=first_found(parse_publisher, candidates),
        boilerplate_chars=sum(visible_chars(d.text) for d in dropped),
        dropped=tuple(dropped),
        reporters=reporters_of(body_lines, candidates),
        editor=editors_of(body_lines, candidates, signature),
        issuer=issuer_of(lines, kinds, span),
    )


def issuer_of(lines: list[str], kinds: list[str | None], span: tuple[int, int] | None) -> str | None:
    """Return the office a report's letterhead or signature names, if any."""
    if not span:
        return None
    after = [i for i in range(span[1] + 1, len(lines)) if kinds[i] != "blank"][:MAX_SIGNATURE_LINES]
    for i in [*range(span[0]), *after]:
        found = ISSUER.match(lines[i])
        if found:
            return found.group(1)
    return None


