#!/usr/bin/env python3
"""Deterministic generator of benchmark corpora for guidegen, Hugo and cmark-gfm (standard library only).

    python3 bench/generate.py --pages 1000 --out bench/out/1000 [--seed 1]

writes, under --out:

  guidegen/content/   a guidegen site: guidegen.yaml, 5 rule tables, ~20 sections with _index pages,
                      N/2 guides x 2 languages (zh-Hans, en), 3-6 KB of Markdown each, with real front
                      matter, {{rule ...}} references, {{table ...}}, Mermaid flows (~20 % of pages),
                      FAQ pages (~20 %), GFM tables, task lists, alerts and links between pages.
  hugo/               the same pages as a Hugo site (config.toml, content/<lang>/..., a trivial layout);
                      references replaced by their values, {{table}} by a GFM table, flows left as
                      ```mermaid code blocks, page links rewritten to Hugo's pretty URLs.
  flat/               the same Markdown for cmark-gfm: all.<lang>.md, one file per language, each page
                      opening with `# <title>` (so the HTML has exactly one <h1> per page).
  manifest.json       every page (section, slug) and the counts, for the run's output checks.

The corpus depends only on --pages and --seed: every page draws from its own PRNG seeded by (seed, page),
so two runs write byte-identical files. The guidegen site lints clean: facts are stated only through
{{rule}} references, and rule terms never share a sentence with a literal quantity.
"""

import argparse
import json
import os
import re
import shutil
import sys

GENERATOR_VERSION = 1
LANGS = ("zh-Hans", "en")
HUGO_LANG = {"zh-Hans": "zh-hans", "en": "en"}


class Rng:
    """splitmix64: tiny, fast enough, and identical on every Python version."""

    def __init__(self, *seed):
        s = 0x9E3779B97F4A7C15
        for part in seed:
            s = (s * 6364136223846793005 + int(part) + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        self.s = s

    def next(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
        return z ^ (z >> 31)

    def random(self):
        return (self.next() >> 11) / float(1 << 53)

    def below(self, n):
        return self.next() % n

    def between(self, lo, hi):  # inclusive
        return lo + self.below(hi - lo + 1)

    def choice(self, seq):
        return seq[self.below(len(seq))]

    def chance(self, p):
        return self.random() < p

    def sample(self, seq, k):
        pool = list(seq)
        out = []
        for _ in range(min(k, len(pool))):
            out.append(pool.pop(self.below(len(pool))))
        return out


# --------------------------------------------------------------------------------------------------
# Rule tables (spec section 4). Terms are kept out of every filler phrase (checked at start-up).

TABLES = {
    "claim-windows": {
        "title": ("售后与申诉期限", "After-sales and claim windows"),
        "columns": [
            ("window", "duration", ("期限", "Window")),
            ("from", "text", ("起算", "Counted from")),
        ],
        "rows": [
            ("general", ("一般商品", "Ordinary goods"), ("售后期", "after-sales window"),
             {"window": "15 days", "from": ("交易成功之日", "the day the trade succeeds")}),
            ("durable", ("三包耐用品", "Durable goods"), ("耐用品保障期", "durable-goods period"),
             {"window": "180 days", "from": ("交易成功之日", "the day the trade succeeds")}),
            ("everyday", ("日用品", "Everyday goods"), ("日用品保障期", "everyday-goods period"),
             {"window": "90 days", "from": ("交易成功之日", "the day the trade succeeds")}),
            ("fresh", ("生鲜食品", "Fresh food"), ("生鲜理赔时限", "fresh-food claim limit"),
             {"window": "48 hours", "from": ("签收", "delivery")}),
            ("custom", ("定制商品", "Made-to-order goods"), ("定制品申诉期", "custom-order period"),
             {"window": "7 days", "from": ("签收", "delivery")}),
        ],
    },
    "refund-times": {
        "title": ("退款各环节时限", "Refund timelines"),
        "columns": [
            ("time", "duration", ("时限", "Time limit")),
            ("by", "choice", ("负责方", "Who acts"),
             {"seller": ("卖家", "the seller"), "platform": ("平台", "the platform"),
              "bank": ("支付机构", "the payment provider")}),
        ],
        "rows": [
            ("seller-reply", ("卖家响应", "Seller reply"), ("卖家响应时限", "seller response time"),
             {"time": "48 hours", "by": "seller"}),
            ("review", ("平台审核", "Platform review"), ("平台审核时限", "platform review time"),
             {"time": "3 working days", "by": "platform"}),
            ("arrival", ("退款到账", "Refund arrival"), ("退款到账时间", "refund arrival time"),
             {"time": "7 working days", "by": "bank"}),
            ("auto-confirm", ("自动确认收货", "Automatic receipt"), ("自动确认收货时间", "automatic receipt confirmation"),
             {"time": "10 days", "by": "platform"}),
            ("send-back", ("寄回商品", "Sending back"), ("寄回期限", "send-back deadline"),
             {"time": "7 days", "by": "seller"}),
        ],
    },
    "shipping-costs": {
        "title": ("退货运费", "Return shipping"),
        "columns": [
            ("payer", "choice", ("运费承担方", "Who pays"),
             {"buyer": ("买家", "the buyer"), "seller": ("卖家", "the seller")}),
            ("payout", "money", ("运费险赔付上限", "Insurance payout cap")),
        ],
        "rows": [
            ("quality", ("质量问题", "Quality problem"), ("质量问题运费", "quality-fault shipping"),
             {"payer": "seller", "payout": "CNY 25"}),
            ("change-of-mind", ("不想要了", "Change of mind"), ("无理由退货运费", "change-of-mind shipping"),
             {"payer": "buyer", "payout": "CNY 12"}),
            ("wrong-item", ("发错商品", "Wrong item sent"), ("错发运费", "wrong-item shipping"),
             {"payer": "seller", "payout": "CNY 20"}),
            ("remote", ("偏远地区", "Remote areas"), ("偏远地区运费", "remote-area shipping"),
             {"payer": "buyer", "payout": "CNY 30"}),
        ],
    },
    "repairs": {
        "title": ("保修与维修", "Warranty and repairs"),
        "columns": [
            ("warranty", "duration", ("保修期", "Warranty")),
            ("repair", "duration", ("维修时长", "Repair time")),
            ("pickup", "boolean", ("上门取件", "Free pickup")),
        ],
        "rows": [
            ("phone", ("手机", "Phones"), ("手机保修期", "phone warranty"),
             {"warranty": "12 months", "repair": "15 days", "pickup": True}),
            ("appliance", ("大家电", "Large appliances"), ("家电保修期", "appliance warranty"),
             {"warranty": "36 months", "repair": "15 days", "pickup": True}),
            ("laptop", ("笔记本电脑", "Laptops"), ("电脑保修期", "laptop warranty"),
             {"warranty": "24 months", "repair": "10 working days", "pickup": False}),
            ("accessory", ("配件", "Accessories"), ("配件保修期", "accessory warranty"),
             {"warranty": "6 months", "repair": "7 days", "pickup": False}),
        ],
    },
    "compensation": {
        "title": ("赔付标准", "Compensation"),
        "columns": [
            ("amount", "money", ("金额", "Amount")),
            ("platform", "boolean", ("平台先行垫付", "Platform pays first")),
        ],
        "rows": [
            ("late-dispatch", ("延迟发货", "Late dispatch"), ("延迟发货赔付", "late-dispatch compensation"),
             {"amount": "CNY 5", "platform": True}),
            ("counterfeit", ("假冒商品", "Counterfeits"), ("假货先行赔付", "counterfeit payout"),
             {"amount": "CNY 500", "platform": True}),
            ("price-drop", ("降价补差", "Price drop"), ("保价补差", "price-protection refund"),
             {"amount": "CNY 50", "platform": False}),
            ("lost-parcel", ("包裹丢失", "Lost parcel"), ("丢件赔付", "lost-parcel payout"),
             {"amount": "CNY 200", "platform": True}),
        ],
    },
}

# Sentences that state a row's value, always through references: {T} is the row's first term,
# [[col]] a reference to that row's column.
RULE_SENTENCES = {
    "claim-windows": [
        ("{T}为[[window]]，从[[from]]起算。", "The {T} is [[window]], counted from [[from]]."),
        ("请留意{T}：[[window]]。", "Keep the {T} in mind: [[window]]."),
        ("{L}的{T}从[[from]]开始，共[[window]]。", "For {l}, the {T} starts on [[from]] and lasts [[window]]."),
    ],
    "refund-times": [
        ("{T}一般为[[time]]，由[[by]]负责。", "The {T} is usually [[time]], and [[by]] is responsible for it."),
        ("超过{T}（[[time]]）仍无结果的，可以联系客服。", "If nothing has happened after the {T} of [[time]], contact customer service."),
    ],
    "shipping-costs": [
        ("{T}由[[payer]]承担，运费险最多赔付[[payout]]。", "For {T}, [[payer]] pays; shipping insurance covers up to [[payout]]."),
        ("遇到{L}的情况，{T}的承担方是[[payer]]。", "In the case of {l}, {T} is paid by [[payer]]."),
    ],
    "repairs": [
        ("{T}为[[warranty]]，维修一般需要[[repair]]。", "The {T} is [[warranty]], and a repair usually takes [[repair]]."),
        ("{T}内是否上门取件：[[pickup]]。", "Free pickup during the {T}: [[pickup]]."),
    ],
    "compensation": [
        ("{T}的金额为[[amount]]，平台先行垫付：[[platform]]。", "The {T} is [[amount]]; the platform pays first: [[platform]]."),
        ("符合条件的，{T}为[[amount]]。", "When the conditions are met, the {T} is [[amount]]."),
    ],
}

# --------------------------------------------------------------------------------------------------
# Vocabulary (parallel zh-Hans / en).

ITEMS = [("耳机", "headphones"), ("电饭煲", "rice cooker"), ("运动鞋", "running shoes"), ("羽绒服", "down jacket"),
         ("手机壳", "phone case"), ("台灯", "desk lamp"), ("行李箱", "suitcase"), ("咖啡机", "coffee machine"),
         ("婴儿推车", "stroller"), ("显示器", "monitor"), ("扫地机器人", "robot vacuum"), ("保温杯", "vacuum flask"),
         ("双肩包", "backpack"), ("吸尘器", "vacuum cleaner"), ("电动牙刷", "electric toothbrush"),
         ("机械键盘", "mechanical keyboard"), ("空气炸锅", "air fryer"), ("蓝牙音箱", "bluetooth speaker"),
         ("儿童座椅", "child car seat"), ("瑜伽垫", "yoga mat")]
EVIDENCE = [("开箱视频", "an unboxing video"), ("聊天记录截图", "screenshots of the chat"),
            ("快递面单照片", "a photo of the shipping label"), ("商品细节照片", "close-up photos of the item"),
            ("购物发票", "the purchase invoice"), ("第三方检测报告", "a third-party test report"),
            ("签收时的照片", "photos taken on delivery"), ("商品页截图", "a screenshot of the listing")]
PLACES = [("订单详情页", "the order details page"), ("退款页面", "the refund page"), ("消息中心", "the message centre"),
          ("客服对话框", "the customer service chat"), ("我的订单", "My Orders"), ("售后服务页", "the after-sales service page")]
PLATFORMS = [("淘宝", "Taobao", "taobao"), ("天猫", "Tmall", "tmall"), ("京东", "JD.com", "jd"), ("拼多多", "Pinduoduo", "pinduoduo")]
COURIERS = [("顺丰", "SF Express"), ("中通", "ZTO"), ("圆通", "YTO"), ("京东物流", "JD Logistics"), ("邮政", "China Post")]
ACTIONS = [("退货退款", "a return and refund"), ("换货", "an exchange"), ("仅退款", "a refund only"), ("维修", "a repair"),
           ("补发", "a replacement shipment")]
PROBLEMS = [("外壳有裂纹", "has a cracked casing"), ("颜色和图片不一样", "is a different colour from the photos"),
            ("开机没有反应", "does not turn on"), ("少了配件", "is missing accessories"), ("尺码偏小", "runs small"),
            ("有明显异味", "has a strong smell"), ("包装被压坏", "arrived in a crushed box"),
            ("用了几次就出故障", "broke down after a few uses")]
TOPICS = [("退货指南", "returns guide"), ("维修流程", "repair process"), ("换货须知", "exchange notes"),
          ("售后问答", "after-sales questions"), ("验货要点", "inspection checklist"), ("维权步骤", "claim steps"),
          ("运费说明", "shipping costs explained"), ("保修说明", "warranty notes")]
SECTIONS = [("returns", "退货", "Returns"), ("refunds", "退款", "Refunds"), ("exchanges", "换货", "Exchanges"),
            ("repairs", "维修", "Repairs"), ("warranty", "保修", "Warranty"), ("shipping", "物流", "Shipping"),
            ("disputes", "纠纷", "Disputes"), ("evidence", "凭证", "Evidence"), ("phones", "手机数码", "Phones and gadgets"),
            ("appliances", "家用电器", "Appliances"), ("clothing", "服装鞋包", "Clothing and bags"),
            ("food", "食品生鲜", "Food"), ("beauty", "美妆个护", "Beauty and personal care"),
            ("furniture", "家具家装", "Furniture"), ("baby", "母婴用品", "Baby products"), ("sports", "运动户外", "Sports"),
            ("books", "图书文具", "Books and stationery"), ("virtual", "虚拟商品", "Virtual goods"),
            ("cross-border", "跨境购物", "Cross-border shopping"), ("second-hand", "二手闲置", "Second-hand goods")]

# Filler sentences: slot names in {braces}; {n} {h} {m} are literal quantities with no rule term around them.
FILLER = [
    ("收到{item}后，先当着快递员的面检查外包装。", "When the {item} arrives, check the outer box in front of the courier."),
    ("如果{item}{problem}，请先拍下{evidence}。", "If the {item} {problem}, first take {evidence}."),
    ("和卖家沟通时尽量使用平台自带的聊天工具，方便以后举证。", "Talk to the seller through the platform's own chat tool so that you can show the conversation later."),
    ("在{place}可以看到每一步的处理进度。", "You can follow every step of the process on {place}."),
    ("{platform}的客服一般会先查看双方上传的凭证。", "{platform} customer service usually starts by looking at the evidence both sides uploaded."),
    ("寄回商品时请选择可以查询物流的快递，例如{courier}。", "When you send the item back, use a courier with tracking, such as {courier}."),
    ("保留{evidence}，它往往是最有力的证据。", "Keep {evidence}; it is often the strongest evidence you have."),
    ("很多问题其实在和卖家沟通后就能解决。", "Many problems are solved simply by talking to the seller."),
    ("申请{action}时，原因要选得准确，描述要具体。", "When you ask for {action}, pick the right reason and describe the problem precisely."),
    ("卖家拒绝后，你仍然可以补充材料再次申请。", "If the seller refuses, you can add more material and apply again."),
    ("不要在聊天中答应撤销申请，除非问题已经真正解决。", "Do not agree in the chat to withdraw your request unless the problem is really solved."),
    ("如果{item}比较贵重，建议录下完整的开箱过程。", "If the {item} is valuable, record the whole unboxing."),
    ("物流显示已签收但你没有收到时，先联系{courier}核实。", "If tracking shows the parcel as delivered but you never got it, ask {courier} to check first."),
    ("处理结果出来后，记得在{place}确认。", "Once there is a decision, remember to confirm it on {place}."),
    ("包裹一般在{n}天内送达大部分城市。", "Parcels usually reach most cities within {n} days."),
    ("客服热线通常在{h}小时内回电。", "The hotline usually calls back within {h} hours."),
    ("一些卖家会额外送上价值{m}元的优惠券作为补偿。", "Some sellers add a coupon worth CNY {m} as a goodwill gesture."),
    ("退回的{item}要连同配件和赠品一起寄出。", "Send the {item} back together with its accessories and any free gifts."),
    ("如果卖家长时间不回复，可以在{place}申请平台介入。", "If the seller does not answer for a long time, you can ask the platform to step in from {place}."),
    ("{platform}和{platform2}的入口名称略有不同，但步骤大致相同。", "The buttons on {platform} and {platform2} have slightly different names, but the steps are much the same."),
    ("写说明时只陈述事实，不必带情绪。", "Stick to the facts when you write your explanation; there is no need to be emotional."),
    ("同一个订单里有多件商品时，可以只为其中一件申请售后。", "When one order holds several items, you can request after-sales for just one of them."),
    ("平台的判断以双方提交的凭证为准。", "The platform decides on the evidence the two sides submit."),
    ("运输途中损坏的商品，通常由卖家先处理，再向快递公司追偿。", "For goods damaged in transit, the seller usually deals with you first and claims from the courier afterwards."),
    ("建议把{evidence}和订单号放在同一个文件夹里。", "Keep {evidence} together with the order number in one folder."),
    ("拆封前先看清商品页上的说明，有些{item}拆封后只能换不能退。", "Read the listing before you open the box: a {item} may only be exchangeable once opened."),
    ("打开{place}，点击**申请售后**，再选择{action}。", "Open {place}, tap **Request after-sales** and choose {action}."),
    ("不要通过~~私下转账~~的方式处理退款。", "Never settle a refund by ~~paying outside the platform~~."),
    ("在搜索框输入`售后`也能找到入口。", "Typing `after-sales` in the search box also finds the entry."),
    ("平台公布的规则全文见 https://rule.taobao.com/ 。", "The full rules are published at https://rule.taobao.com/ ."),
]
LIST_PHRASES = [
    ("保留{evidence}", "Keep {evidence}"), ("在{place}提交申请", "Submit the request on {place}"),
    ("检查{item}的外观和配件", "Check the {item} and its accessories"), ("和卖家确认寄回地址", "Confirm the return address with the seller"),
    ("使用{courier}等可追踪的快递", "Use a tracked courier such as {courier}"), ("记下快递单号", "Write down the tracking number"),
    ("拍下{evidence}", "Take {evidence}"), ("选择{action}", "Choose {action}"), ("等待卖家处理", "Wait for the seller to act"),
    ("必要时申请平台介入", "Ask the platform to step in if needed"), ("确认退款金额", "Check the refund amount"),
    ("不要提前确认收货", "Do not confirm receipt early"),
]
HEADINGS = [("开始之前", "Before you start"), ("一步一步来", "Step by step"), ("需要准备的材料", "What to prepare"),
            ("卖家拒绝怎么办", "If the seller says no"), ("常见误区", "Common mistakes"), ("和卖家沟通", "Talking to the seller"),
            ("寄回商品", "Sending the item back"), ("平台介入", "When the platform steps in"), ("小贴士", "Tips"),
            ("相关规则", "The rules that apply"), ("退款去向", "Where the money goes"), ("保存证据", "Keeping evidence"),
            ("特殊商品", "Special kinds of goods"), ("结果出来以后", "After the decision")]
QUESTIONS = [("{item}到货就坏了，怎么办？", "The {item} arrived broken. What should I do?"),
             ("卖家一直不回复，我该等多久？", "The seller is not answering. How long should I wait?"),
             ("{item}可以只退款不退货吗？", "Can I get a refund for the {item} without sending it back?"),
             ("退货的运费谁来出？", "Who pays to send the item back?"),
             ("{platform}客服介入后多久有结果？", "How soon does {platform} customer service decide once it steps in?"),
             ("已经确认收货了还能申请售后吗？", "Can I still ask for after-sales after confirming receipt?"),
             ("赠品也要一起退回吗？", "Do I have to return the free gifts too?"),
             ("{item}的包装丢了还能退吗？", "Can I return the {item} without its original box?"),
             ("快递显示签收但我没收到怎么办？", "Tracking says delivered but I have nothing. What now?"),
             ("维修期间可以要求备用机吗？", "Can I ask for a loaner while mine is being repaired?"),
             ("定制的{item}能退吗？", "Can a custom-made {item} be returned?"),
             ("退款会退到哪里？", "Where does the refund go?")]
TABLE_HEAD = (("情况", "怎么做", "需要的材料"), ("Situation", "What to do", "What you need"))
STEPS = [("收到商品", "Item received"), ("检查商品", "Check the item"), ("联系卖家", "Contact the seller"),
         ("拍照留证", "Take photos"), ("提交申请", "Submit the request"), ("寄回商品", "Send it back"),
         ("等待退款", "Wait for the refund"), ("申请客服介入", "Ask customer service"), ("补充凭证", "Add evidence"),
         ("安排维修", "Arrange a repair"), ("重新发货", "Ship a replacement"), ("关闭申请", "Close the request")]
DECISIONS = [("商品有问题吗？", "Is something wrong?"), ("卖家同意吗？", "Does the seller agree?"),
             ("凭证充分吗？", "Is the evidence enough?"), ("需要寄回吗？", "Must it go back?"),
             ("已经发货了吗？", "Has it shipped?")]
ALERTS = [("TIP", "先和卖家沟通，往往比直接申请介入更快。", "Talking to the seller first is often faster than asking the platform at once."),
          ("WARNING", "卖家要求你撤销申请再私下处理时，要格外小心。", "Be careful when a seller asks you to withdraw the request and settle privately."),
          ("NOTE", "各平台的按钮名称不同，但流程相似。", "Each platform names its buttons differently, but the process is similar."),
          ("IMPORTANT", "所有凭证都要在平台内上传，聊天软件里的截图不算数。", "Upload every piece of evidence on the platform; screenshots kept in other apps do not count.")]
LINK_SENTENCES = [("详见[{title}]({path})。", "See [{title}]({path})."),
                  ("相关做法可以参考[{title}]({path})。", "For a related case, read [{title}]({path})."),
                  ("如果情况不同，请看[{title}]({path})。", "If your case is different, see [{title}]({path}).")]
SOURCES = [("淘宝规则", "Taobao Rules", "https://rule.taobao.com/"),
           ("京东帮助中心", "JD.com help centre", "https://help.jd.com/"),
           ("消费者权益保护法", "Consumer Rights Protection Law", "http://www.npc.gov.cn/")]

SLOT = re.compile(r"\{(\w+)\}")
REF = re.compile(r"\{\{\s*rule\s+([\w-]+)\.([\w-]+)\.([\w-]+)\s*\}\}")
TABLE_REF = re.compile(r"^\{\{\s*table\s+([\w-]+)\s*\}\}$", re.M)


def all_terms():
    for table in TABLES.values():
        for row in table["rows"]:
            yield from row[2]


def check_vocabulary():
    """No filler phrase may contain a rule term: then no sentence with a literal quantity can be a claim."""
    texts = []
    for group in (ITEMS, EVIDENCE, PLACES, COURIERS, ACTIONS, PROBLEMS, TOPICS, FILLER, LIST_PHRASES, HEADINGS,
                  QUESTIONS, STEPS, DECISIONS, LINK_SENTENCES):
        for pair in group:
            texts.extend(pair[:2])
    for a in ALERTS:
        texts.extend(a[1:])
    for text in texts:
        for term in all_terms():
            if term.lower() in text.lower():
                sys.exit(f"generate.py: vocabulary phrase {text!r} contains the rule term {term!r}")


# --------------------------------------------------------------------------------------------------
# Values as guidegen renders them (QuantityFormatter): zh-Hans `15 天`, `2 个工作日`, `50 元`; en `15 days`, `CNY 50`.

ZH_UNITS = {"days": "天", "day": "天", "working days": "个工作日", "hours": "小时", "months": "个月", "years": "年"}


def render_value(table_id, row_id, col_id, lang):
    table = TABLES[table_id]
    col = next(c for c in table["columns"] if c[0] == col_id)
    row = next(r for r in table["rows"] if r[0] == row_id)
    value = row[3][col_id]
    li = LANGS.index(lang)
    kind = col[1]
    if kind == "duration":
        n, unit = value.split(" ", 1)
        return f"{n} {ZH_UNITS[unit]}" if lang == "zh-Hans" else value
    if kind == "money":
        n = value.split(" ")[1]
        return f"{n} 元" if lang == "zh-Hans" else value
    if kind == "boolean":
        return ("是" if value else "否") if lang == "zh-Hans" else ("yes" if value else "no")
    if kind == "choice":
        return col[3][value][li]
    return value[li]


def render_table_markdown(table_id, lang):
    """{{table id}} for Hugo and cmark-gfm: the same cells as a GFM table."""
    table = TABLES[table_id]
    li = LANGS.index(lang)
    head = ["" if lang == "en" else "", *[c[2][li] for c in table["columns"]]]
    head[0] = "项目" if lang == "zh-Hans" else "Case"
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in table["rows"]:
        cells = [row[1][li]] + [render_value(table_id, row[0], c[0], lang) for c in table["columns"]]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def q(s):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def table_yaml(table_id):
    t = TABLES[table_id]
    out = [f"# Benchmark rule table {table_id} (generated by bench/generate.py).",
           f"title: {{zh-Hans: {q(t['title'][0])}, en: {q(t['title'][1])}}}",
           "changed: 2026-11-01",
           "sources:",
           f"  - {{title: {q(SOURCES[0][0])}, url: {SOURCES[0][2]}}}",
           "columns:"]
    for col in t["columns"]:
        cid, kind, title = col[:3]
        out.append(f"  {cid}:")
        out.append(f"    type: {kind}")
        out.append(f"    title: {{zh-Hans: {q(title[0])}, en: {q(title[1])}}}")
        if kind == "choice":
            out.append("    options:")
            for key, (zh, en) in col[3].items():
                out.append(f"      {key}: {{zh-Hans: {q(zh)}, en: {q(en)}}}")
    out.append("rows:")
    for rid, label, terms, values in t["rows"]:
        out.append(f"  {rid}:")
        out.append(f"    label: {{zh-Hans: {q(label[0])}, en: {q(label[1])}}}")
        out.append(f"    terms: {{zh-Hans: [{q(terms[0])}], en: [{q(terms[1])}]}}")
        for col in t["columns"]:
            v = values[col[0]]
            if isinstance(v, bool):
                out.append(f"    {col[0]}: {'true' if v else 'false'}")
            elif isinstance(v, tuple):
                out.append(f"    {col[0]}: {{zh-Hans: {q(v[0])}, en: {q(v[1])}}}")
            else:
                out.append(f"    {col[0]}: {v}")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------------------
# Pages. A page is first drawn as a language-neutral structure (indices into the vocabulary), then
# written once per language, so the two translations agree in rule references, flows and FAQ counts.

class Guide:
    def __init__(self, index, section, slug, order):
        self.index, self.section, self.slug, self.order = index, section, slug, order


def pick_slots(rng):
    p1, p2 = rng.sample(range(len(PLATFORMS)), 2)
    return {"item": rng.below(len(ITEMS)), "evidence": rng.below(len(EVIDENCE)), "place": rng.below(len(PLACES)),
            "platform": p1, "platform2": p2, "courier": rng.below(len(COURIERS)), "action": rng.below(len(ACTIONS)),
            "problem": rng.below(len(PROBLEMS)), "n": rng.between(2, 5), "h": rng.between(2, 12),
            "m": rng.between(5, 30)}


def fill(template, slots, li):
    def sub(m):
        name = m.group(1)
        v = slots[name]
        if name in ("n", "h", "m"):
            return str(v)
        if name in ("platform", "platform2"):
            return PLATFORMS[v][li]
        group = {"item": ITEMS, "evidence": EVIDENCE, "place": PLACES, "courier": COURIERS, "action": ACTIONS,
                 "problem": PROBLEMS}[name]
        return group[v][li]
    return SLOT.sub(sub, template)


def rule_sentence(table_id, row_index, template, li):
    table = TABLES[table_id]
    rid, label, terms, _ = table["rows"][row_index]
    text = template.replace("{T}", terms[li]).replace("{L}", label[li]).replace("{l}", label[li][:1].lower() + label[li][1:])
    return re.sub(r"\[\[([\w-]+)\]\]", lambda m: "{{rule %s.%s.%s}}" % (table_id, rid, m.group(1)), text)


class PageBuilder:
    """Draws the structure of one guide; `write(lang)` turns it into Markdown."""

    def __init__(self, guide, guides, seed, n_sections):
        self.g = guide
        self.guides = guides
        rng = self.rng = Rng(seed, guide.index)
        r = rng.random()
        self.kind = "faq" if r < 0.2 else "flow" if r < 0.4 else "policy" if r < 0.7 else "article"
        self.item = rng.below(len(ITEMS))
        self.topic = rng.below(len(TOPICS))
        self.platforms = sorted(rng.sample(range(len(PLATFORMS)), rng.between(1, 3)))
        self.reviewed = f"2026-11-{rng.between(2, 28):02d}"
        self.source = rng.below(len(SOURCES))
        self.target = rng.between(2750, 4400)  # bytes of the shorter translation's body
        self.blocks = []
        self.refs = set()

    # -- structure ---------------------------------------------------------------------------------

    def s_filler(self):
        return ("filler", self.rng.below(len(FILLER)), pick_slots(self.rng))

    def s_rule(self):
        rng = self.rng
        table_id = rng.choice(sorted(TABLES))
        row = rng.below(len(TABLES[table_id]["rows"]))
        tpl = rng.below(len(RULE_SENTENCES[table_id]))
        self.refs.add(table_id)
        return ("rule", table_id, row, tpl)

    def s_link(self):
        rng = self.rng
        other = self.guides[rng.below(len(self.guides))]
        if other.index == self.g.index:
            other = self.guides[(other.index + 1) % len(self.guides)]
        return ("link", rng.below(len(LINK_SENTENCES)), other.index, rng.chance(0.5))

    def s_paragraph(self, n_min=2, n_max=5):
        rng = self.rng
        sentences = [self.s_filler() for _ in range(rng.between(n_min, n_max))]
        if rng.chance(0.45):
            sentences.insert(rng.below(len(sentences) + 1), self.s_rule())
        if rng.chance(0.3):
            sentences.append(self.s_link())
        return ("p", sentences)

    def s_block(self):
        rng = self.rng
        r = rng.random()
        if r < 0.40:
            return self.s_paragraph()
        if r < 0.55:
            items = [("phrase", i, pick_slots(rng)) for i in rng.sample(range(len(LIST_PHRASES)), rng.between(3, 6))]
            if rng.chance(0.4):
                items.append(self.s_rule())
            return ("ul", items)
        if r < 0.67:
            return ("ol", [self.s_filler() for _ in range(rng.between(3, 6))])
        if r < 0.72:
            return ("tasks", [("phrase", i, pick_slots(rng)) for i in rng.sample(range(len(LIST_PHRASES)), rng.between(3, 5))],
                    [rng.chance(0.4) for _ in range(5)])
        if r < 0.85:
            rows = []
            for _ in range(rng.between(3, 5)):
                if rng.chance(0.3):
                    table_id = rng.choice(sorted(TABLES))
                    self.refs.add(table_id)
                    row = rng.below(len(TABLES[table_id]["rows"]))
                    col = rng.below(len(TABLES[table_id]["columns"]))
                    rows.append(("rulerow", table_id, row, col, pick_slots(rng)))
                else:
                    rows.append(("row", pick_slots(rng)))
            return ("table", rows)
        if r < 0.93:
            return ("alert", rng.below(len(ALERTS)))
        if r < 0.96 and not any(b[0] == "ruletable" for b in self.blocks):
            table_id = rng.choice(sorted(TABLES))
            self.refs.add(table_id)
            return ("ruletable", table_id)
        return self.s_paragraph(1, 3)

    def s_flow(self):
        rng = self.rng
        k = rng.between(6, 10)
        nodes = [("n0", "start", rng.below(3))]
        edges = []
        cur, dangling = "n0", []

        def new(kind, value):
            nid = f"{'d' if kind in ('decision', 'ruledecision') else 'n'}{len(nodes)}"
            nodes.append((nid, kind, value))
            return nid

        while len(nodes) < k - 1:
            if k - 1 - len(nodes) >= 3 and rng.chance(0.45):
                if rng.chance(0.3):
                    self.refs.add("claim-windows")
                    d = new("ruledecision", rng.below(len(TABLES["claim-windows"]["rows"])))
                else:
                    d = new("decision", rng.below(len(DECISIONS)))
                edges.append((cur, d, "-->", None))
                yes, no = new("step", rng.below(len(STEPS))), new("step", rng.below(len(STEPS)))
                edges.append((d, yes, "-->", "yes"))
                edges.append((d, no, "-->", "no"))
                dangling.append(no)
                cur = yes
            else:
                s = new("step", rng.below(len(STEPS)))
                edges.append((cur, s, rng.choice(["-->", "-->", "-->", "-.->", "==>"]), None))
                cur = s
        end = new("end", 0)
        edges.append((cur, end, "-->", None))
        for n in dangling:
            if rng.chance(0.5):
                edges.append((n, end, "-->", None))
        return ("flow", rng.choice(["TD", "TD", "LR"]), nodes, edges)

    def build(self):
        rng = self.rng
        self.blocks.append(self.s_paragraph(2, 4))
        if self.kind == "flow":
            self.blocks.append(self.s_flow())
        if self.kind == "faq":
            used = set()
            while True:
                qi = rng.below(len(QUESTIONS))
                slots = pick_slots(rng)
                key = (qi, slots["item"], slots["platform"])
                if key in used:
                    continue
                used.add(key)
                answer = [self.s_paragraph(1, 4)]
                if rng.chance(0.3):
                    answer.append(self.s_paragraph(1, 3))
                self.blocks.append(("q", qi, slots, answer))
                if len(used) >= 4 and self.size_estimate() >= self.target:
                    break
        else:
            headings = rng.sample(range(len(HEADINGS)), len(HEADINGS))
            while self.size_estimate() < self.target and headings:
                self.blocks.append(("h2", headings.pop()))
                for _ in range(rng.between(1, 3)):
                    self.blocks.append(self.s_block())
        # Keep every page within 3-6 KB: drop trailing blocks while the longer translation is too long.
        while len(self.blocks) > 3 and max(len(self.body(lang).encode()) for lang in LANGS) > 5500:
            self.blocks.pop()
            if self.blocks[-1][0] == "h2":
                self.blocks.pop()
        # The tables the page refers to, from what it finally says (for `rules:`).
        self.refs = {m.group(1) for m in re.finditer(r"\{\{(?:rule|table) ([\w-]+)", self.body(LANGS[0]))}
        return self

    def size_estimate(self):
        return min(len(self.body(lang).encode()) for lang in LANGS)

    # -- writing -----------------------------------------------------------------------------------

    def title(self, lang):
        li = LANGS.index(lang)
        item, topic = ITEMS[self.item][li], TOPICS[self.topic][li]
        if lang == "zh-Hans":
            return f"{item}{topic}（{self.g.index + 1}）"
        return f"{item[0].upper()}{item[1:]} {topic} ({self.g.index + 1})"

    def link_path(self, other_index, explicit_lang, lang):
        other = self.guides[other_index]
        suffix = f".{lang}.md" if explicit_lang else ".md"
        if other.section == self.g.section:
            return f"{other.slug}{suffix}"
        return f"../{other.section}/{other.slug}{suffix}"

    def sentence(self, s, lang):
        li = LANGS.index(lang)
        if s[0] == "filler":
            return fill(FILLER[s[1]][li], s[2], li)
        if s[0] == "phrase":
            return fill(LIST_PHRASES[s[1]][li], s[2], li)
        if s[0] == "rule":
            _, table_id, row, tpl = s
            return rule_sentence(table_id, row, RULE_SENTENCES[table_id][tpl][li], li)
        if s[0] == "link":
            _, tpl, other, explicit = s
            title = PageBuilder.titles[other][li]
            return LINK_SENTENCES[tpl][li].format(title=title, path=self.link_path(other, explicit, lang))
        raise ValueError(s)

    def paragraph(self, block, lang):
        sep = "" if lang == "zh-Hans" else " "
        return sep.join(self.sentence(s, lang) for s in block[1])

    def block(self, b, lang):
        li = LANGS.index(lang)
        kind = b[0]
        if kind == "p":
            return self.paragraph(b, lang)
        if kind == "h2":
            return "## " + HEADINGS[b[1]][li]
        if kind == "ul":
            return "\n".join("- " + self.sentence(s, lang) for s in b[1])
        if kind == "ol":
            return "\n".join(f"{i + 1}. " + self.sentence(s, lang) for i, s in enumerate(b[1]))
        if kind == "tasks":
            return "\n".join(f"- [{'x' if b[2][i] else ' '}] " + self.sentence(s, lang) for i, s in enumerate(b[1]))
        if kind == "table":
            head = TABLE_HEAD[li]
            lines = ["| " + " | ".join(head) + " |", "|---|---|---|"]
            for row in b[1]:
                if row[0] == "rulerow":
                    _, table_id, r, c, slots = row
                    t = TABLES[table_id]
                    rid, label = t["rows"][r][0], t["rows"][r][1][li]
                    cid, ctitle = t["columns"][c][0], t["columns"][c][2][li]
                    cells = [label, f"{ctitle}：{{{{rule {table_id}.{rid}.{cid}}}}}" if lang == "zh-Hans"
                             else f"{ctitle}: {{{{rule {table_id}.{rid}.{cid}}}}}",
                             EVIDENCE[slots["evidence"]][li]]
                else:
                    slots = row[1]
                    item, problem = ITEMS[slots["item"]][li], PROBLEMS[slots["problem"]][li]
                    first = f"{item}{problem}" if lang == "zh-Hans" else f"The {item} {problem}"
                    second = fill(LIST_PHRASES[slots["n"] % len(LIST_PHRASES)][li], slots, li)
                    cells = [first, second, EVIDENCE[slots["evidence"]][li]]
                lines.append("| " + " | ".join(cells) + " |")
            return "\n".join(lines)
        if kind == "alert":
            a = ALERTS[b[1]]
            return f"> [!{a[0]}]\n> {a[1 + li]}"
        if kind == "ruletable":
            return "{{table %s}}" % b[1]
        if kind == "flow":
            _, direction, nodes, edges = b
            out = ["```mermaid", f"flowchart {direction}"]
            for nid, nkind, value in nodes:
                if nkind == "start":
                    out.append(f"  {nid}([{STEPS[value][li]}])")
                elif nkind == "end":
                    out.append(f"  {nid}([{'处理完成' if lang == 'zh-Hans' else 'Done'}])")
                elif nkind == "step":
                    out.append(f"  {nid}[{STEPS[value][li]}]")
                elif nkind == "decision":
                    out.append(f"  {nid}{{{DECISIONS[value][li]}}}")
                else:  # ruledecision: a quoted label holding a reference
                    rid, label = TABLES["claim-windows"]["rows"][value][:2]
                    ref = "{{rule claim-windows.%s.window}}" % rid
                    text = f"{label[0]}还在{ref}内吗？" if lang == "zh-Hans" else f"{label[1]}: still within {ref}?"
                    out.append(f'  {nid}{{"{text}"}}')
            for a, b2, arrow, label in edges:
                if label:
                    word = {"yes": ("是", "yes"), "no": ("否", "no")}[label][li]
                    out.append(f"  {a} {arrow}|{word}| {b2}")
                else:
                    out.append(f"  {a} {arrow} {b2}")
            out.append("```")
            return "\n".join(out)
        if kind == "q":
            _, qi, slots, answer = b
            question = fill(QUESTIONS[qi][li], slots, li)
            return "\n\n".join(["## " + question] + [self.paragraph(p, lang) for p in answer])
        raise ValueError(kind)

    def body(self, lang):
        return "\n\n".join(self.block(b, lang) for b in self.blocks) + "\n"

    def summary(self, lang):
        li = LANGS.index(lang)
        slots = pick_slots(Rng(self.g.index, 7))
        return fill(FILLER[self.g.index % 14][li], slots, li)

    def front_matter(self, lang, hugo=False):
        li = LANGS.index(lang)
        src = SOURCES[self.source]
        lines = ["---", f"title: {q(self.title(lang))}"]
        if not hugo or self.kind != "article":
            lines.append(f"type: {self.kind}")
        lines.append(f"summary: {q(self.summary(lang))}")
        lines.append("platforms: [" + ", ".join(PLATFORMS[p][2] for p in self.platforms) + "]")
        if self.refs:
            lines.append("rules: [" + ", ".join(sorted(self.refs)) + "]")
        lines.append(f"reviewed: {self.reviewed}")
        lines.append(f"{'weight' if hugo else 'order'}: {self.g.order}")
        lines.append("sources:")
        lines.append(f"  - {{title: {q(src[li])}, url: {src[2]}}}")
        tags = [TOPICS[self.topic][li], ITEMS[self.item][li]]
        lines.append("tags: [" + ", ".join(q(t) for t in tags) + "]")
        lines.append("---")
        return "\n".join(lines) + "\n\n"


# --------------------------------------------------------------------------------------------------
# Hugo / flat conversion of guidegen Markdown.

def to_plain_markdown(body, lang):
    body = REF.sub(lambda m: render_value(m.group(1), m.group(2), m.group(3), lang), body)
    return TABLE_REF.sub(lambda m: render_table_markdown(m.group(1), lang), body)


LINK = re.compile(r"\]\(((?:\.\./([\w-]+)/)?([\w-]+)(?:\.(?:zh-Hans|en))?\.md)\)")


def hugo_links(body, page_is_index):
    """Source-file links → Hugo's pretty URLs, relative to the page (…/slug/) or the section (…/section/)."""
    up = "../" if page_is_index else "../../"

    def sub(m):
        section, slug = m.group(2), m.group(3)
        if slug == "_index":
            return f"]({up}{section}/)" if section else f"](./)"
        if section:
            return f"]({up}{section}/{slug}/)"
        return f"]({slug}/)" if page_is_index else f"](../{slug}/)"
    return LINK.sub(sub, body)


HUGO_CONFIG = """baseURL = "https://example.org/"
title = "Benchmark after-sales guide"
defaultContentLanguage = "zh-hans"
defaultContentLanguageInSubdir = true
hasCJKLanguage = true
disableKinds = ["RSS"]
enableRobotsTXT = false

# The lists guidegen writes too: a page per tag and per platform, in each language, and the list of each.
[taxonomies]
  tag = "tags"
  platform = "platforms"

[languages.zh-hans]
  languageName = "简体中文"
  contentDir = "content/zh-hans"
  weight = 1
  title = "网购售后指南（基准测试）"

[languages.en]
  languageName = "English"
  contentDir = "content/en"
  weight = 2
  title = "After-sales guide (benchmark)"
"""

HUGO_BASEOF = """<!DOCTYPE html>
<html lang="{{ .Site.Language.Lang }}">
<head>
<meta charset="utf-8">
<title>{{ .Title }} | {{ .Site.Title }}</title>
{{ with .Params.summary }}<meta name="description" content="{{ . }}">{{ end }}
</head>
<body>
<nav>{{ range .Translations }}<a hreflang="{{ .Language.Lang }}" href="{{ .RelPermalink }}">{{ .Language.LanguageName }}</a> {{ end }}</nav>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"""
HUGO_SINGLE = """{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
{{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
{{ .Content }}
</article>{{ end }}
"""
HUGO_LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.summary }} — {{ . }}{{ end }}</li>{{ end }}</ul>
{{ end }}
"""


# --------------------------------------------------------------------------------------------------

def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def generate(pages, out, seed):
    if pages < 2 or pages % 2:
        sys.exit("generate.py: --pages must be an even number >= 2 (pages = guides x 2 languages)")
    check_vocabulary()
    n_guides = pages // 2
    n_sections = min(len(SECTIONS), n_guides)
    sections = SECTIONS[:n_sections]
    guides = [Guide(i, sections[i % n_sections][0], f"g{i + 1:05d}", i // n_sections + 1) for i in range(n_guides)]
    builders = [PageBuilder(g, guides, seed, n_sections) for g in guides]
    PageBuilder.titles = [tuple(b.title(lang) for lang in LANGS) for b in builders]

    if os.path.exists(out):
        shutil.rmtree(out)
    gg = os.path.join(out, "guidegen", "content")
    hugo = os.path.join(out, "hugo")
    flat = {lang: [] for lang in LANGS}

    # guidegen site configuration and rule tables
    write(os.path.join(gg, "guidegen.yaml"),
          "title:\n  zh-Hans: 网购售后指南（基准测试）\n  en: After-sales guide (benchmark)\n"
          "languages: [zh-Hans, en]\nplatforms:\n" +
          "".join(f"  {key}: {{zh-Hans: {zh}, en: {en}}}\n" for zh, en, key in PLATFORMS))
    for table_id in TABLES:
        write(os.path.join(gg, "rules", f"{table_id}.yaml"), table_yaml(table_id))
    write(os.path.join(hugo, "config.toml"), HUGO_CONFIG)
    write(os.path.join(hugo, "layouts", "_default", "baseof.html"), HUGO_BASEOF)
    write(os.path.join(hugo, "layouts", "_default", "single.html"), HUGO_SINGLE)
    write(os.path.join(hugo, "layouts", "_default", "list.html"), HUGO_LIST)

    def emit(rel_dir, slug, lang, front, hugo_front, body, title, is_index):
        write(os.path.join(gg, rel_dir, f"{slug}.{lang}.md"), front + body)
        plain = to_plain_markdown(body, lang)
        hugo_name = "_index.md" if is_index else f"{slug}.md"
        write(os.path.join(hugo, "content", HUGO_LANG[lang], rel_dir, hugo_name), hugo_front + hugo_links(plain, is_index))
        flat[lang].append(f"# {title}\n\n{plain}")

    # home page
    for lang in LANGS:
        li = LANGS.index(lang)
        title = "网购售后指南（基准测试）" if lang == "zh-Hans" else "After-sales guide (benchmark)"
        summary = ("按商品和平台整理的售后做法。" if lang == "zh-Hans" else "After-sales routes by kind of goods and platform.")
        links = "\n".join(f"- [{s[1 + li]}]({s[0]}/_index.md)" for s in sections)
        front = f"---\ntitle: {q(title)}\ntype: article\nsummary: {q(summary)}\n---\n\n"
        hfront = f"---\ntitle: {q(title)}\nsummary: {q(summary)}\n---\n\n"
        emit("", "_index", lang, front, hfront, summary + "\n\n" + links + "\n", title, True)

    # sections
    for si, (sid, zh, en) in enumerate(sections):
        members = [g for g in guides if g.section == sid][:8]
        for lang in LANGS:
            li = LANGS.index(lang)
            title = (zh, en)[li]
            slots = pick_slots(Rng(seed, 1_000_000 + si))
            intro = " ".join(fill(FILLER[(si + k) % len(FILLER)][li], slots, li) for k in range(3)) if lang == "en" else \
                "".join(fill(FILLER[(si + k) % len(FILLER)][li], slots, li) for k in range(3))
            links = "\n".join(f"- [{PageBuilder.titles[g.index][li]}]({g.slug}.md)" for g in members)
            summary = fill(FILLER[(si + 3) % 14][li], slots, li)
            front = f"---\ntitle: {q(title)}\ntype: article\nsummary: {q(summary)}\norder: {si + 1}\n---\n\n"
            hfront = f"---\ntitle: {q(title)}\nsummary: {q(summary)}\nweight: {si + 1}\n---\n\n"
            emit(sid, "_index", lang, front, hfront, f"{intro}\n\n{links}\n", title, True)

    # guides
    sizes = []
    for b in builders:
        b.build()
        for lang in LANGS:
            body = b.body(lang)
            front = b.front_matter(lang)
            sizes.append(len((front + body).encode()))
            emit(b.g.section, b.g.slug, lang, front, b.front_matter(lang, hugo=True), body, b.title(lang), False)

    os.makedirs(os.path.join(out, "flat"), exist_ok=True)
    for lang in LANGS:
        write(os.path.join(out, "flat", f"all.{lang}.md"), "\n\n".join(flat[lang]))

    kinds = {}
    for b in builders:
        kinds[b.kind] = kinds.get(b.kind, 0) + 2
    manifest = {
        "generator_version": GENERATOR_VERSION, "seed": seed, "pages": pages, "languages": list(LANGS),
        "hugo_languages": [HUGO_LANG[lang] for lang in LANGS],
        "sections": [s[0] for s in sections],
        "guides": [[g.section, g.slug] for g in guides],
        "kinds": kinds,
        "flat_pages_per_language": len(flat[LANGS[0]]),
        "guide_page_bytes": {"min": min(sizes), "max": max(sizes), "mean": round(sum(sizes) / len(sizes))},
        "markdown_bytes": sum(sizes),
    }
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
    return manifest


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, required=True, help="guide pages in all languages (even; N/2 guides x 2)")
    ap.add_argument("--out", required=True, help="folder to (re)create")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    m = generate(args.pages, args.out, args.seed)
    b = m["guide_page_bytes"]
    print(f"generated {m['pages']} guide pages (+{2 * (len(m['sections']) + 1)} index pages) in {args.out}: "
          f"{m['kinds']}, {b['min']}-{b['max']} bytes each (mean {b['mean']})")


if __name__ == "__main__":
    main()
