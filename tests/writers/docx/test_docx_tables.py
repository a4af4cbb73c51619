"""Tables in the DOCX: the PDF's columns and size, margins and row heights, merged cells,
repeated header rows, rows kept whole, landscape sections, and the schema's element order."""

from __future__ import annotations

import pytest

from reportgen import model
from reportgen.tablefit import fit
from reportgen.template import load_template
from tests.writers.docx.parts import NS, part, w
from tests.writers.docx.samples import SPANNED, metadata, write_docx

# ECMA-376 Part 1, the sequences of CT_TblPr, CT_TrPr (as Word writes it), CT_TcPr, CT_PPr's
# tail and CT_SectPr: Word refuses a file whose children are out of order.
ORDER = {
    "tblPr": ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
              "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
              "shd", "tblLayout", "tblCellMar", "tblLook"],
    "trPr": ["cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit",
             "trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden"],
    "tcPr": ["cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap",
             "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark"],
    "tblCellMar": ["top", "left", "start", "bottom", "right", "end"],
    "pPr": ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
            "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
            "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
            "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
            "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
            "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
            "sectPr", "pPrChange"],
    "sectPr": ["headerReference", "footerReference", "footnotePr", "endnotePr", "type",
               "pgSz", "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols",
               "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi",
               "rtlGutter", "docGrid", "printerSettings", "sectPrChange"],
}


def written(tmp_path, *blocks: model.Block, kind: str = "annual-report"):
    document = model.Document(metadata("表格"), load_template(kind),
                              (model.Title(("表格",)), *blocks))
    return part(write_docx(document, tmp_path / "t.docx"), "word/document.xml")


def test_the_grid_has_the_pdfs_column_widths_and_a_fixed_layout(tmp_path):
    root = written(tmp_path, SPANNED)
    grid = [int(c.get(w("w"))) for c in root.iterfind(".//w:tblGrid/w:gridCol", NS)]
    placed = fit(SPANNED, load_template("annual-report"))
    assert grid == pytest.approx([width * 20 for width in placed.widths], abs=1)
    assert sum(grid) == 8844  # 156 mm
    assert root.find(".//w:tblLayout", NS).get(w("type")) == "fixed"
    margins = root.find(".//w:tblCellMar", NS)
    assert [int(m.get(w("w"))) for m in margins] == [
        round(placed.padding_v * 20), round(placed.padding * 20)] * 2


def test_merged_cells_are_grid_spans_and_vertical_merges(tmp_path):
    rows = written(tmp_path, SPANNED).findall(".//w:tr", NS)
    first = rows[0].findall("w:tc", NS)
    assert [c.find("w:tcPr/w:gridSpan", NS) is not None for c in first] == [False, True, True]
    assert first[0].find("w:tcPr/w:vMerge", NS).get(w("val")) == "restart"
    below = rows[1].findall("w:tc", NS)
    assert len(below) == 5 and below[0].find("w:tcPr/w:vMerge", NS).get(w("val")) is None
    assert rows[4].findall("w:tc", NS)[0].find("w:tcPr/w:vMerge", NS) is not None


def test_header_rows_repeat_no_row_splits_and_rows_are_at_least_one_line_high(tmp_path):
    rows = written(tmp_path, SPANNED).findall(".//w:tr", NS)
    placed = fit(SPANNED, load_template("annual-report"))
    assert [r.find("w:trPr/w:tblHeader", NS) is not None for r in rows] == [True, True] + \
        [False] * 3
    assert all(r.find("w:trPr/w:cantSplit", NS) is not None for r in rows)
    height = rows[2].find("w:trPr/w:trHeight", NS)
    assert height.get(w("hRule")) == "atLeast"
    assert int(height.get(w("val"))) == round((placed.pitch + 2 * placed.padding_v) * 20)


def test_a_short_table_keeps_its_rows_together_and_the_total_row_is_set_apart(tmp_path):
    rows = written(tmp_path, SPANNED).findall(".//w:tr", NS)
    kept = [all(p.find("w:pPr/w:keepNext", NS) is not None for p in r.iterfind(".//w:p", NS))
            for r in rows]
    assert kept == [True, True, True, True, False]
    total = rows[2].find("w:tc/w:tcPr/w:tcBorders/w:top", NS)
    assert total is not None and int(total.get(w("sz"))) == 8


def test_units_and_notes_are_paragraphs_around_the_table(tmp_path):
    body = written(tmp_path, SPANNED).find("w:body", NS)
    texts = ["".join(body[i].itertext()) for i in range(len(body))]
    table = [i for i, el in enumerate(body) if el.tag == w("tbl")][0]
    assert texts[table - 1] == "单位：万元" and texts[table + 1] == "注：本表不含村卫生室。"
    assert body[table - 1].find("w:pPr/w:jc", NS).get(w("val")) == "right"


def test_a_wide_table_steps_down_to_a_style_of_its_size(tmp_path):
    wide = model.Table.simple([f"指标{n}" for n in range(9)],
                              [[f"{n} 31{n}" for n in range(9)]] * 3, ["right"] * 9)
    document = model.Document(metadata("表格"), load_template("annual-report"), (wide,))
    path = write_docx(document, tmp_path / "t.docx")
    styles = part(path, "word/styles.xml")
    used = {p.get(w("val")) for p in part(path, "word/document.xml").iterfind(
        ".//w:tc//w:pStyle", NS)}
    size = fit(wide, document.template).size
    assert size < 14
    names = {s.get(w("styleId")): s for s in styles.iterfind("w:style", NS)}
    sizes = {int(names[sid].find("w:rPr/w:sz", NS).get(w("val"))) for sid in used}
    assert sizes == {round(size * 2)}


def test_a_landscape_table_is_a_landscape_section_between_portrait_ones(tmp_path):
    turned = model.Table.simple(["地区", "人次"], [["城中区", "1 204"]], ["left", "right"])
    turned = model.Table(turned.header, turned.rows, turned.columns, "表2 横排", orientation=
                         "landscape")
    root = written(tmp_path, model.Paragraph("前文。"), turned, model.Paragraph("后文。"))
    sections = root.findall(".//w:sectPr", NS)
    assert len(sections) == 3
    sizes = [(s.find("w:pgSz", NS).get(w("w")), s.find("w:pgSz", NS).get(w("orient")))
             for s in sections]
    assert sizes == [("11906", None), ("16838", "landscape"), ("11906", None)]
    margins = sections[1].find("w:pgMar", NS)
    assert [margins.get(w(side)) for side in ("top", "left", "bottom", "right")] == [
        "1587", "1984", "1474", "2098"]  # 28, 35, 26, 37 mm: the portrait margins turned
    paragraphs = root.findall(".//w:body/w:p", NS)
    ends = [p for p in paragraphs if p.find("w:pPr/w:sectPr", NS) is not None]
    assert ["".join(p.itertext()) for p in ends] == ["前文。", ""]  # the table's own section


def test_a_landscape_section_prints_its_page_number_turned_in_the_left_margin(tmp_path):
    turned = model.Table(SPANNED.header, SPANNED.rows, SPANNED.columns, orientation="landscape")
    document = model.Document(metadata("表格"), load_template("annual-report"),
                              (model.Paragraph("前文。"), turned, model.Paragraph("后文。")))
    path = write_docx(document, tmp_path / "t.docx")
    root = part(path, "word/document.xml")
    rels = {r.get("Id"): r.get("Target") for r in part(path, "word/_rels/document.xml.rels")}
    footers = [{ref.get(w("type")): rels[ref.get(f"{{{NS['r']}}}id")]
                for ref in section.iterfind("w:footerReference", NS)}
               for section in root.iterfind(".//w:sectPr", NS)]
    assert footers[0] == footers[2] and footers[1] != footers[0]  # portrait again after it
    assert set(footers[1]) == {"default", "even"}
    for kind, target in footers[1].items():
        footer = part(path, f"word/{target}")
        floating = footer.find("w:tbl/w:tblPr/w:tblpPr", NS)
        assert floating.get(w("horzAnchor")) == floating.get(w("vertAnchor")) == "page"
        assert int(floating.get(w("tblpX"))) < 1984  # in the left margin (35 mm)
        assert footer.find(".//w:tcPr/w:textDirection", NS).get(w("val")) == "tbRl"
        assert "PAGE" in "".join(footer.itertext())
        y = int(floating.get(w("tblpY")))
        assert (y > 11906 / 2) == (kind == "default")  # odd pages near the foot


def test_table_elements_follow_the_schema_order(tmp_path):
    turned = model.Table(SPANNED.header, SPANNED.rows, SPANNED.columns, SPANNED.caption,
                         SPANNED.units, SPANNED.notes, SPANNED.spans, SPANNED.totals,
                         "landscape")
    root = written(tmp_path, SPANNED, model.Paragraph("中间。"), turned)
    checked = 0
    for name, order in ORDER.items():
        for element in root.iter(w(name)):
            tags = [child.tag.split("}")[1] for child in element]
            assert tags == sorted(tags, key=order.index), (name, tags)
            checked += 1
    assert checked > 40
