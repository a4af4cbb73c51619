"""Reading paragraphs as Word, WPS and LibreOffice leave them: text through every wrapper."""

from __future__ import annotations

from lxml import etree

from reportgen.pull.styles import Styles
from reportgen.pull.wordml import Para, Picture
from reportgen.pull.wordread import read_story
from tests.pull.helpers import body_of

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def paragraphs(xml: str) -> list[Para]:
    return [b for b in body_of(xml).blocks if isinstance(b, Para)]


def text(xml: str) -> str:
    return paragraphs(f"<w:p>{xml}</w:p>")[0].text


def test_runs_split_anywhere_read_as_one_text():
    assert text("<w:r><w:t>各部</w:t></w:r><w:proofErr w:type='spellStart'/><w:r><w:t>门负"
                "</w:t></w:r><w:bookmarkStart w:id='0' w:name='_GoBack'/><w:bookmarkEnd "
                "w:id='0'/><w:r><w:t xml:space='preserve'>责人 </w:t></w:r>") == "各部门负责人 "


def test_wrappers_are_read_through():
    wrapped = ("<w:smartTag w:element='chsdate'><w:r><w:t>3月15日</w:t></w:r></w:smartTag>"
               "<w:sdt><w:sdtContent><w:r><w:t>前</w:t></w:r></w:sdtContent></w:sdt>"
               "<w:customXml><w:r><w:t>完成</w:t></w:r></w:customXml>"
               "<w:hyperlink r:id='rId9' xmlns:r='x'><w:r><w:t>检查</w:t></w:r></w:hyperlink>")
    [para] = paragraphs(f"<w:p>{wrapped}</w:p>")
    assert para.text == "3月15日前完成检查"
    assert para.losses == ["a link on 「检查」"]


def test_field_codes_are_read_as_their_result():
    complex_field = ("<w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText> DATE "
                     "\\@ \"yyyy年M月d日\" </w:instrText></w:r><w:r><w:fldChar "
                     "w:fldCharType='separate'/></w:r><w:r><w:t>2026年3月6日</w:t></w:r>"
                     "<w:r><w:fldChar w:fldCharType='end'/></w:r>")
    [para] = paragraphs(f"<w:p><w:r><w:t>截至</w:t></w:r>{complex_field}</w:p>")
    assert para.text == "截至2026年3月6日"
    assert para.losses == ["a field (DATE), kept as its text"]
    simple = "<w:fldSimple w:instr=' PAGE '><w:r><w:t>3</w:t></w:r></w:fldSimple>"
    assert text(simple) == "3"


def test_tabs_breaks_and_hyphens():
    [para] = paragraphs("<w:p><w:r><w:t>一</w:t><w:tab/><w:t>二</w:t><w:br/><w:t>三</w:t>"
                        "<w:softHyphen/><w:t>四</w:t><w:noBreakHyphen/><w:t>五\u00ad六</w:t>"
                        "<w:br w:type='page'/></w:r></w:p>")
    assert para.text == "一\t二\n三四-五六"
    assert para.breaks == 1 and para.losses == ["a page break"]


def test_tracked_changes_read_as_accepted_and_recorded():
    found = body_of("<w:p><w:r><w:t>各部门</w:t></w:r><w:ins w:id='1' w:author='张三' w:date="
                 "'2026-03-05T10:12:00Z'><w:r><w:t>主要</w:t></w:r></w:ins><w:del w:id='2' "
                 "w:author='李四' w:date='2026-03-05T10:13:00Z'><w:r><w:delText>的</w:delText>"
                 "</w:r></w:del><w:r><w:rPr><w:b/><w:rPrChange w:id='3' w:author='王五'>"
                 "<w:rPr/></w:rPrChange></w:rPr><w:t>负责人</w:t></w:r></w:p>"
                 "<w:p><w:moveFrom w:id='4' w:author='张三'><w:r><w:t>移走</w:t></w:r>"
                 "</w:moveFrom><w:moveTo w:id='5' w:author='张三'><w:r><w:t>移来</w:t></w:r>"
                 "</w:moveTo></w:p>")
    assert [b.text for b in found.blocks] == ["各部门主要负责人", "移来"]
    assert [(r.kind, r.author, r.text, r.paragraph) for r in found.revisions] == [
        ("inserted", "张三", "主要", 1), ("deleted", "李四", "的", 1),
        ("format changed", "王五", "负责人", 1), ("moved away", "张三", "移走", 2),
        ("moved here", "张三", "移来", 2)]


def test_pictures_text_boxes_and_formatting_are_losses():
    [para] = paragraphs(
        "<w:p><w:pPr><w:jc w:val='center'/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>加粗</w:t>"
        "</w:r><w:r><w:rPr><w:rStyle w:val='Strong'/><w:b/></w:rPr><w:t>样式已粗</w:t></w:r>"
        "<w:r><w:rPr><w:color w:val='FF0000'/><w:i w:val='0'/></w:rPr><w:t>红色</w:t></w:r>"
        "<w:r><w:drawing/></w:r><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>"
        "<w:p><w:r><w:t>文本框里的字</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>"
        "</mc:AlternateContent></w:r><w:r><w:footnoteReference w:id='1'/></w:r></w:p>")
    assert para.text == "加粗样式已粗红色"
    assert para.losses == ["bold on 「加粗」", "colour on 「红色」", "a picture",
                           "a text box 「文本框里的字」", "a footnote"]
    assert para.align == "center"  # named as a loss unless a fresh build has it too


def test_a_heading_styled_bold_is_no_loss():
    [para] = paragraphs("<w:p><w:pPr><w:pStyle w:val='Heading1'/></w:pPr><w:r><w:rPr><w:b/>"
                        "</w:rPr><w:t>标题</w:t></w:r></w:p>")
    assert para.losses == []


def test_comments_are_anchored_across_runs_and_paragraphs():
    found = body_of("<w:p><w:r><w:t>一段</w:t></w:r><w:commentRangeStart w:id='7'/><w:r><w:t>"
                 "被批注</w:t></w:r></w:p><w:p><w:r><w:t>的文字</w:t></w:r>"
                 "<w:commentRangeEnd w:id='7'/><w:r><w:t>之后</w:t></w:r></w:p>")
    assert found.anchors == {"7": "被批注的文字"} and found.anchored_in == {"7": 1}


def test_a_table_of_contents_is_not_text():
    found = body_of("<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val='Table of Contents'/>"
                 "</w:docPartObj></w:sdtPr><w:sdtContent><w:p><w:r><w:t>一、总结……1</w:t></w:r>"
                 "</w:p></w:sdtContent></w:sdt><w:p><w:r><w:t>正文</w:t></w:r></w:p>")
    assert [b.text for b in found.blocks] == ["正文"]
    assert found.losses == ["a table of contents (目录)"]


def test_pictures_are_recorded_with_their_file_name():
    wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    anchored = (f"<w:r><w:drawing><wp:anchor xmlns:wp='{wp}'><wp:positionH relativeFrom="
                "'margin'><wp:posOffset>3433445</wp:posOffset></wp:positionH><wp:extent "
                "cx='1512000' cy='1512000'/><wp:docPr id='2' name='印章 2' descr='seal.svg'/>"
                "</wp:anchor></w:drawing></w:r>")
    inline = (f"<w:r><w:drawing><wp:inline xmlns:wp='{wp}'><wp:extent cx='10' cy='10'/>"
              "<wp:docPr id='3' name='图片 3'/></wp:inline></w:drawing></w:r>")
    [para] = paragraphs(f"<w:p><w:r><w:t>甲单位</w:t></w:r>{anchored}{inline}</w:p>")
    assert para.pictures == [Picture("seal.svg"), Picture("")]
    assert para.losses == ["a picture"]


def test_a_header_is_read_with_its_text_boxes_and_without_their_fallback_copies():
    """LibreOffice saves a letter's letterhead as a frame: a text box, with a VML copy for
    older readers."""
    box = ("<w:txbxContent><w:p><w:pPr><w:pStyle w:val='Heading1'/></w:pPr><w:r><w:t>柳州市图书馆"
           "</w:t></w:r></w:p></w:txbxContent>")
    header = etree.fromstring(
        f"<w:hdr xmlns:w='{W}' xmlns:mc='{MC}'><w:p><w:r><mc:AlternateContent><mc:Choice>"
        f"<w:drawing>{box}</w:drawing></mc:Choice><mc:Fallback><w:pict>{box}</w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r></w:p></w:hdr>")
    found = read_story(header, Styles())
    assert [(p.style, p.text) for p in found] == [(None, ""), ("Heading1", "柳州市图书馆")]
