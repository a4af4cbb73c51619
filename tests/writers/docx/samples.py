"""Small documents built in code, each showing one thing the DOCX writer must get right."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from reportgen import model
from reportgen.fontset import FontRegistry
from reportgen.numbering import NumberStyle, parse_style
from reportgen.template import load_template
from reportgen.writers.docx import write
from reportgen.writers.options import WriteOptions

LEVEL_TITLES = ("总体情况", "主要做法", "细化措施", "具体安排", "落实要点")


def write_docx(document: model.Document, path: Path, profile: str = "standard") -> Path:
    """Write `document` to `path` reproducibly with the given font profile; returns `path`."""
    options = WriteOptions(fonts=FontRegistry(), docx_fonts=profile, reproducible=True)
    with path.open("wb") as out:
        write(document, options, out)
    return path


def metadata(title: str) -> model.Metadata:
    return model.Metadata(title=title, author="柳州市图书馆", subject="测试", keywords=("测试",),
                          date=_dt.date(2026, 2, 3))


def section(level: int, ordinal: int, title: str, blocks=(), *, style: NumberStyle | None = None,
            run_in: str | None = None, template_kind: str = "notice") -> model.Section:
    style = style or load_template(template_kind).levels[level - 1]
    return model.Section(title, model.Numbering(level, style, ordinal, "sections"), tuple(blocks),
                         run_in)


def five_levels() -> model.Document:
    """一、 （一） 1. （1） ① nested, each heading followed by a paragraph, two of each level."""

    def build(level: int) -> tuple[model.Block, ...]:
        if level > 5:
            return ()
        return tuple(
            section(level, n, f"{LEVEL_TITLES[level - 1]}{n}",
                    (model.Paragraph(f"第{level}级第{n}节的正文。"), *build(level + 1)))
            for n in (1, 2))

    template = load_template("notice")
    return model.Document(metadata("五级标题"), template,
                          (model.Title(("五级标题测试",)), *build(1)))


def eleven_sections() -> model.Document:
    """Eleven level-1 sections: the eleventh prints 十一、."""
    blocks = tuple(section(1, n, f"第{n}项工作", (model.Paragraph(f"第{n}项工作的内容。"),))
                   for n in range(1, 12))
    return model.Document(metadata("十一项工作"), load_template("notice"),
                          (model.Title(("十一项工作",)), *blocks))


def twelve_point_plan() -> model.Document:
    """A plan of twelve points, numbered 1. to 12. in a list of its own."""
    style = parse_style("1.")
    items = tuple(model.PlanItem(f"计划要点第{n}条", model.Numbering(2, style, n, "plan-1"))
                  for n in range(1, 13))
    body = section(1, 1, "工作计划", (model.Plan(items),))
    return model.Document(metadata("十二点计划"), load_template("notice"),
                          (model.Title(("十二点计划",)), body))


def notice() -> model.Document:
    """Every kind of block: label, number, two-line title, addressee, run-in sections, a table,
    attachments, signature, note and imprint."""
    template = load_template("notice")
    run_ins = tuple(
        section(1, n, title, run_in=text)
        for n, (title, text) in enumerate((
            ("压实责任。", "各部门负责人是本部门安全工作第一责任人。"),
            ("加强巡查。", "节假日期间每日巡查两次，发现隐患立即整改。"),
        ), start=1))
    table = model.Table.simple(header=("项目", "数量", "备注"),
                        rows=(("巡查次数", "800", "日常"), ("整改隐患", "40", "已完成")),
                        align=("left", "right", "center"), caption="表1 安全检查情况")
    closing = section(1, 3, "工作要求", (model.Paragraph("请各部门认真落实。"), table))
    return model.Document(metadata("关于做好春节期间安全工作的通知"), template, (
        model.Label("会议材料之三"),
        model.DocumentNumber("柳图发〔2026〕3号"),
        model.Title(("关于做好2026年春节期间", "安全工作的通知")),
        model.Addressee("各部门："),
        model.Paragraph("为确保春节期间两馆安全有序运行，现将有关事项通知如下。"),
        *run_ins,
        closing,
        model.Attachments(("春节期间值班安排表", "安全检查记录表，名称较长需要回行时与上一行附件"
                                                "名称的首字对齐")),
        model.Signature(("柳州市图书馆",), "2026年2月3日"),
        model.Note("联系人：张三，电话：0772-1234567"),
        model.Imprint(copies_to="市文化广电和旅游局。", issuer="柳州市图书馆办公室",
                      issued="2026年2月3日"),
    ))


def activities_table(rows: int = 45) -> model.Table:
    """A tester's table: 序号, a long activity name, a short organiser (some missing), a count
    of up to four digits, and remarks mostly short, a few long, some empty."""
    cities = ("柳州市", "桂林市", "防城港市", "北海市", "百色市")
    kinds = ("展览", "培训", "非遗展示", "志愿服务", "读书会")
    long_remark = ("因场馆维修，活动延期至下季度举办，具体时间另行通知，"
                   "请各单位提前做好人员和场地协调工作")
    body = tuple(
        (str(n), f"{cities[n % 5]}“悦读{kinds[n % 5]}”系列活动第{n}期",
         "" if n % 9 == 0 else f"{cities[n % 5]}文化馆", str(10 if n == 3 else n * 317 % 1990),
         long_remark if n % 7 == 0 else "" if n % 4 == 0 else f"按计划完成，完成率9{n % 10}.5%")
        for n in range(1, rows + 1))
    return model.Table.simple(("序号", "活动名称", "承办单位", "参与人次", "备注"), body,
                       ("center", "left", "left", "right", "left"), "2025年公共文化服务活动一览表")


def activities() -> model.Document:
    """A handout that is mostly `activities_table()`."""
    return model.Document(metadata("公共文化服务活动汇总"), load_template("handout"),
                          (model.Title(("2025年全区公共文化服务活动开展情况汇总",)),
                           activities_table()))


RARE = "𡒄𠀀𪚥𪜀㐀"
"""Name characters the named bundled faces lack: 𡒄 is in Kai only, the rest in fallbacks."""


def rare_names() -> model.Document:
    """A body paragraph and a table cell holding characters only fallback faces have."""
    table = model.Table.simple(("姓名", "部门"), ((f"张{RARE[1]}", "办公室"),), ("left", "left"))
    return model.Document(metadata("生僻字"), load_template("annual-report"),
                          (model.Title(("生僻字测试",)),
                           model.Paragraph(f"馆员{'、'.join(RARE)}参加培训。"), table))


SPANNED = model.Table(  # a two-level header, a merged row label, units, notes, a total
    header=(("地区", "门诊", "", "住院", ""), ("", "人次", "同比", "人次", "同比")),
    rows=(("合计", "2 318", "+1 204", "88.7%", "12.30"),
          ("融水苗族自治县", "12", "—", "", "3.5"), ("", "13", "—", "", "3.5")),
    columns=(model.Column("left"), *(model.Column("right"),) * 3, model.Column("decimal")),
    caption="表1 门诊住院情况", units="万元", notes=("本表不含村卫生室。",),
    spans=(model.Span(0, 0, 2, 1), model.Span(0, 1, 1, 2), model.Span(0, 3, 1, 2),
           model.Span(3, 0, 2, 1)),
    totals=(0,))
