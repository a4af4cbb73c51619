"""`reportgen pull`: an editor's revised DOCX carried back into the YAML it was built from.

package.py and wordread.py (wordtables.py its tables) read the DOCX as Word, WPS and
LibreOffice leave it, into wordml.py's paragraphs and tables (review.py its comments);
styles.py says which role each style is; revised.py and source.py give both sides as report
texts (doc.py); align.py pairs their blocks and structure.py nests the DOCX's as the YAML
nests them; body.py and fields.py plan the YAML edits (plan.py for entries, rewrite.py and
texts.py for texts, tables.py for tables, records.py for what is done); compare.py tells the
editor's formatting from the writer's by a fresh build; run.py checks the result, command.py
prints and writes it.
"""
