"""`reportgen pull`: an editor's revised DOCX carried back into the YAML it was built from.

package.py and wordread.py (wordtables.py its tables) read the DOCX as Word, WPS and
LibreOffice leave it, into wordml.py's paragraphs and tables (review.py its comments);
styles.py says which role each style is; revised.py (official.py for the parts of a 公文) and
source.py give both sides as report texts (doc.py); align.py pairs their blocks and
structure.py nests the DOCX's as the YAML nests them; body.py, fields.py and pages.py plan
the YAML edits of the body, the texts outside it and attachments on pages of their own
(officialsync.py fits a 公文's parts to the YAML's shape first; plan.py for entries, rewrite.py
and texts.py for texts, tables.py for tables, records.py for what is done); seals.py names
seals deleted or added; compare.py tells the editor's formatting from the writer's by a
fresh build; run.py checks the result, command.py prints and writes it.
"""
