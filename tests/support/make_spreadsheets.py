#!/usr/bin/python3
"""Writes the spreadsheets the import tests read, into the folder given.

Real programs write the ordinary files: openpyxl (.xlsx), odfpy (.ods) and, when `--libreoffice` is
given, LibreOffice itself (its own .xlsx with cached formula values, and an old .xls). The odd and
hostile files (rich text with phonetic guides, strict namespaces, a DTD, a zip bomb, an encrypted
workbook, a truncated file…) are written here byte by byte, as the tests need them exact.
"""
import datetime
import os
import subprocess
import sys
import zipfile
import zlib

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from odf.opendocument import OpenDocumentSpreadsheet
from odf.style import Style, TableProperties
from odf.table import CoveredTableCell, Table, TableCell, TableColumn, TableRow
from odf.text import LineBreak, P, S, Span, Tab
from odf.office import Annotation
from odf.config import ConfigItem, ConfigItemMapEntry, ConfigItemMapIndexed, ConfigItemSet

out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def path(name):
    return os.path.join(out, name)


# --- openpyxl -------------------------------------------------------------------------------------
wb = openpyxl.Workbook()
notes = wb.active
notes.title = "Notes"
notes.append(["Liste tenue par le bureau"])
ws = wb.create_sheet("Adhérents")
ws.append(["Prénom", "Nom", "Courriel", "Téléphone", "Code postal", "Adhésion", "Fin d'adhésion", "Bénévole", "Cotisation",
           "Mobile", "Heure"])
rows = [
    ["Théo", "Gauthier", "theo@example.org", 612345678, 1310, datetime.date(2024, 3, 15),
     datetime.date(2025, 3, 14), True, 12.5, 33612345678, datetime.time(13, 45)],
    ["Hélène", "Côté", "helene@example.org", "0612345679", "01310", datetime.datetime(2024, 4, 1, 13, 45),
     46000, False, 0.125, None, None],
    ["Ana", "Lima", "ana@example.org", 612345670, 75011, 45366, 45731, None, 1234567.89, None, 45366],
]
for r in rows:
    ws.append(r)
ws["D2"].number_format = "0# ## ## ## ##"  # a French phone: the leading zero shown
ws["E2"].number_format = "00000"  # a postal code
ws["F2"].number_format = "dd/mm/yyyy"
ws["G2"].number_format = '[$-40C]d\\ mmmm\\ yyyy;@'  # a French long date, escaped spaces
ws["K2"].number_format = "hh:mm"
ws["G3"].number_format = '"le "dd/mm/yy'  # quoted text before the date
ws["F4"].number_format = "[Red]dd/mm/yyyy"
ws["G4"].number_format = "yyyy-mm-dd"
ws["K4"].number_format = "General"  # a serial number left as a number
# D4, E4: a phone and a postal code stored as plain numbers (their zero lost long ago)
wb.active = 1
archive = wb.create_sheet("Archive")
archive.append(["Prénom", "Nom"])
archive.append(["Old", "Member"])
archive.sheet_state = "hidden"
wb.save(path("openpyxl_members.xlsx"))

wb = openpyxl.Workbook()
wb.epoch = CALENDAR_MAC_1904
ws = wb.active
ws.append(["Nom", "Adhésion"])
ws.append(["Mac", datetime.date(2024, 3, 15)])
ws["B2"].number_format = "yyyy-mm-dd"
wb.save(path("openpyxl_1904.xlsx"))

wb = openpyxl.Workbook()
wb.save(path("openpyxl_empty.xlsx"))

wb = openpyxl.Workbook()
wb.active.title = "Vide"
wb.create_sheet("Toujours vide")
wb.save(path("openpyxl_all_empty.xlsx"))

wb = openpyxl.Workbook()
wb.active.title = "Vide"
data = wb.create_sheet("Données")
data.append(["Nom", "Courriel"])
data.append(["Ana", "ana@example.org"])
wb.active = 0
wb.save(path("openpyxl_active_empty.xlsx"))

# --- odfpy ----------------------------------------------------------------------------------------
doc = OpenDocumentSpreadsheet()
hidden = Style(name="taHidden", family="table")
hidden.addElement(TableProperties(display="false"))
doc.automaticstyles.addElement(hidden)


def cell(value=None, kind=None, text=None, repeat=None, **attributes):
    args = dict(attributes)
    if kind:
        args["valuetype"] = kind
    if value is not None:
        args["value"] = value
    if repeat:
        args["numbercolumnsrepeated"] = repeat
    c = TableCell(**args)
    if text is not None:
        c.addElement(P(text=text))
    return c


first = Table(name="Lisez-moi")
row = TableRow()
row.addElement(cell(kind="string", text="Rien ici"))
first.addElement(row)
doc.spreadsheet.addElement(first)

members = Table(name="Membres")
members.addElement(TableColumn(numbercolumnsrepeated=8))
header = TableRow()
for name in ["Prénom", "Nom", "Courriel", "Code postal", "Adhésion", "Bénévole", "Notes", "Cotisation"]:
    header.addElement(cell(kind="string", text=name))
members.addElement(header)

row = TableRow()
row.addElement(cell(kind="string", text="Théo"))
row.addElement(cell(kind="string", text="Gauthier"))
row.addElement(cell(kind="string", text="theo@example.org"))
row.addElement(cell(value="1310", kind="float", text="01310"))  # a number style with five digits
row.addElement(TableCell(valuetype="date", datevalue="2024-03-15", stylename=None))
row.addElement(TableCell(valuetype="boolean", booleanvalue="true"))
notes_cell = TableCell(valuetype="string")
p = P(text="Deux")
p.addElement(S(c=3))
p.addElement(Span(text="espaces"))
p.addElement(Tab())
p.addElement(LineBreak())
p.addText("fin")
note = Annotation()
note.addElement(P(text="commentaire caché"))
notes_cell.addElement(note)
notes_cell.addElement(p)
notes_cell.addElement(P(text="second paragraphe"))
row.addElement(notes_cell)
row.addElement(cell(value="12.5", kind="currency", text="12,50 €", currency="EUR"))
members.addElement(row)

empty = TableRow(numberrowsrepeated=3)  # empty rows in the middle
empty.addElement(TableCell(numbercolumnsrepeated=8))
members.addElement(empty)

row = TableRow()
row.addElement(cell(kind="string", text="Ana"))
row.addElement(cell(kind="string", text="Lima"))
row.addElement(CoveredTableCell())  # merged: the value is in the first cell
row.addElement(TableCell(numbercolumnsrepeated=1))
row.addElement(TableCell(valuetype="date", datevalue="2024-04-01T13:45:00"))
members.addElement(row)

row = TableRow(numberrowsrepeated=2)  # the same row twice
row.addElement(cell(kind="string", text="Jumeau"))
row.addElement(cell(kind="string", text="Double", repeat=2))
members.addElement(row)

trailing = TableRow(numberrowsrepeated=1048560)  # LibreOffice's way of formatting a whole column
trailing.addElement(TableCell(numbercolumnsrepeated=1024))
members.addElement(trailing)
doc.spreadsheet.addElement(members)

secret = Table(name="Caché", stylename=hidden)
row = TableRow()
row.addElement(cell(kind="string", text="x"))
secret.addElement(row)
doc.spreadsheet.addElement(secret)

view = ConfigItemSet(name="ooo:view-settings")
views = ConfigItemMapIndexed(name="Views")
entry = ConfigItemMapEntry()
active = ConfigItem(name="ActiveTable", type="string")
active.addText("Membres")
entry.addElement(active)
views.addElement(entry)
view.addElement(views)
doc.settings.addElement(view)
doc.save(path("odfpy_members.ods"))

doc = OpenDocumentSpreadsheet()
t = Table(name="Immense")
row = TableRow(numberrowsrepeated=17179869184)
row.addElement(cell(kind="string", text="partout"))
t.addElement(row)
doc.spreadsheet.addElement(t)
doc.save(path("odfpy_billions.ods"))

doc = OpenDocumentSpreadsheet()
t = Table(name="Large")
row = TableRow()
row.addElement(cell(kind="string", text="Nom"))
row.addElement(cell(kind="string", text="loin", repeat=20000))
t.addElement(row)
doc.spreadsheet.addElement(t)
doc.save(path("odfpy_wide.ods"))

# --- written by hand -------------------------------------------------------------------------------
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships"


def xlsx(name, sheet, strings=None, styles=None, main=MAIN, rel=REL, workbook_extra=""):
    package_rel = rel.replace("/relationships", "/relationships/officeDocument")
    with zipfile.ZipFile(path(name), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/'
                   '2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/'
                   'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/relationships"><Relationship Id="rId1" Type="%s" Target="xl/workbook.xml"/>'
                   '</Relationships>' % package_rel)
        rels = ['<Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>' % rel]
        if strings is not None:
            rels.append('<Relationship Id="rId2" Type="%s/sharedStrings" Target="sharedStrings.xml"/>' % rel)
            z.writestr("xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="%s">%s</sst>'
                       % (main, strings))
        if styles is not None:
            rels.append('<Relationship Id="rId3" Type="%s/styles" Target="/xl/styles.xml"/>' % rel)
            z.writestr("xl/styles.xml", '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="%s">%s'
                       '</styleSheet>' % (main, styles))
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/relationships">%s</Relationships>' % "".join(rels))
        z.writestr("xl/workbook.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%s" xmlns:r="%s">%s<sheets>'
                   '<sheet name="Feuil1" sheetId="1" r:id="rId1"/></sheets></workbook>' % (main, rel, workbook_extra))
        if isinstance(sheet, bytes):
            z.writestr("xl/worksheets/sheet1.xml", sheet)
        else:
            z.writestr("xl/worksheets/sheet1.xml",
                       '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s"><sheetData>%s</sheetData>'
                       '</worksheet>' % (main, sheet))


rich_strings = (
    '<si><t>Nom</t></si>'
    '<si><t>Courriel</t></si>'
    '<si><r><rPr><b/></rPr><t>Ma</t></r><r><t xml:space="preserve">rie </t></r><r><t>Curie</t></r>'
    '<rPh sb="0" eb="1"><t>まりー</t></rPh></si>'
    '<si><t>Ligne_x000D_\nsuivante_x005F_x0041_</t></si>'
    '<si><t>Notes</t></si>'
    '<si><t>Adhésion</t></si>'
)
rich_styles = ('<numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;n° &quot;00000"/></numFmts>'
               '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
               '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="22"/>'
               '</cellXfs>')
rich_sheet = (
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>4</v></c>'
    '<c r="D1" t="s"><v>5</v></c><c r="E1" t="inlineStr"><is><t>Numéro</t></is></c></row>'
    # a row without r, cells without r, a formula with its cached value, an inline rich string
    '<row><c t="s"><v>2</v></c><c t="str"><f>LOWER("MARIE@EXAMPLE.ORG")</f><v>marie@example.org</v></c>'
    '<c t="s"><v>3</v></c><c s="1"><v>45366</v></c><c s="2"><v>42</v></c></row>'
    # columns out of order and a gap; t="d"; a boolean; an error; a date and time through built-in id 22
    '<row r="5"><c r="B5" t="inlineStr"><is><r><t>pierre@</t></r><r><t>example.org</t></r></is></c>'
    '<c r="A5" t="inlineStr"><is><t>Pierre</t></is></c><c r="D5" t="d"><v>2024-03-15T00:00:00</v></c>'
    '<c r="C5" t="b"><v>1</v></c><c r="E5" t="e"><v>#N/A</v></c></row>'
    '<row r="6"><c r="A6" t="inlineStr"><is><t>Zoé</t></is></c><c r="D6" s="3"><v>45366.5729166667</v></c></row>'
)
xlsx("handmade_rich.xlsx", rich_sheet, rich_strings, rich_styles)
xlsx("handmade_strict.xlsx", rich_sheet, rich_strings, rich_styles, main=STRICT_MAIN, rel=STRICT_REL)
xlsx("handmade_dtd.xlsx",
     ('<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
     '<worksheet xmlns="%s"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row>'
     '</sheetData></worksheet>' % MAIN).encode())
xlsx("handmade_far.xlsx",
     '<row r="1"><c r="A1" t="inlineStr"><is><t>Nom</t></is></c></row>'
     '<row r="2"><c r="A2" t="inlineStr"><is><t>Ana</t></is></c><c r="XFE2" t="inlineStr"><is><t>loin</t></is>'
     '</c></row>')
xlsx("handmade_declared.xlsx",
     ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s"><dimension ref="A1:XFD1048576"/><sheetData>'
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Nom</t></is></c></row>'
      '<row r="2"><c r="A2" t="inlineStr"><is><t>Ana</t></is></c></row>'
      '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>au bout</t></is></c></row>'
      '</sheetData></worksheet>' % MAIN).encode())

# A zip bomb: a worksheet that inflates to 300 MB of blanks from a few hundred kilobytes.
bomb = zipfile.ZipFile(path("bomb.xlsx"), "w", zipfile.ZIP_DEFLATED)
with zipfile.ZipFile(path("handmade_rich.xlsx")) as good:
    for item in good.infolist():
        if item.filename != "xl/worksheets/sheet1.xml":
            bomb.writestr(item, good.read(item))
with bomb.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
    sheet.write(('<?xml version="1.0"?><worksheet xmlns="%s"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
                 % MAIN).encode())
    block = b" " * (1 << 20)
    for _ in range(300):
        sheet.write(block)
    sheet.write(b"</t></is></c></row></sheetData></worksheet>")
bomb.close()

# A truncated file: the first half of a good one.
with open(path("openpyxl_members.xlsx"), "rb") as f:
    whole = f.read()
with open(path("truncated.xlsx"), "wb") as f:
    f.write(whole[: len(whole) // 2])

# A damaged file: one byte of a stored (uncompressed) worksheet changed after its checksum was written.
with zipfile.ZipFile(path("handmade_rich.xlsx")) as good, zipfile.ZipFile(path("stored.xlsx"), "w") as stored:
    for item in good.infolist():
        stored.writestr(item.filename, good.read(item), compress_type=zipfile.ZIP_STORED)
with open(path("stored.xlsx"), "rb") as f:
    data = f.read()
with open(path("corrupted.xlsx"), "wb") as f:
    f.write(data.replace(b"Pierre", b"Pierrf"))

# An .xlsx protected by a password is an OLE2 compound file holding an "EncryptedPackage" stream.
ole = bytearray(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 504)
entry = "EncryptedPackage".encode("utf-16-le")
ole += entry + b"\0" * (128 - len(entry)) + b"\0" * 1024
with open(path("encrypted.xlsx"), "wb") as f:
    f.write(bytes(ole))

with zipfile.ZipFile(path("encrypted.ods"), "w") as z:
    z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
    z.writestr("META-INF/manifest.xml",
               '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
               'opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" '
               'manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K" '
               'manifest:checksum="x"/></manifest:file-entry></manifest:manifest>')
    z.writestr("content.xml", bytes(zlib.compress(b"encrypted bytes")))

with open(path("page.xls"), "w", encoding="utf-8") as f:
    f.write("<html><body><table><tr><td>Nom</td><td>Courriel</td></tr></table></body></html>\n")
with open(path("text.xlsx"), "w", encoding="utf-8") as f:
    f.write("Nom;Courriel\nAna;ana@example.org\n")
with zipfile.ZipFile(path("photos.xlsx"), "w") as z:
    z.writestr("photo.txt", "not a spreadsheet")
with zipfile.ZipFile(path("letter.xlsx"), "w") as z:
    z.writestr("[Content_Types].xml", '<Types><Override ContentType="application/vnd.openxmlformats-'
               'officedocument.wordprocessingml.document.main+xml"/></Types>')

# --- LibreOffice ------------------------------------------------------------------------------------
if "--libreoffice" in sys.argv:
    # A formula, with the value LibreOffice computed and saved; then the same workbook as .xlsx and .xls.
    doc = OpenDocumentSpreadsheet()
    t = Table(name="Calcul")
    for number, values in enumerate((["Nom", "Base", "Double"], ["Ana", "21", None])):
        row = TableRow()
        for i, v in enumerate(values):
            if v is None:
                row.addElement(TableCell(formula="of:=[.B2]*2"))
            elif i == 1 and number == 1:
                row.addElement(cell(value=v, kind="float", text=v))
            else:
                row.addElement(cell(kind="string", text=v))
        t.addElement(row)
    doc.spreadsheet.addElement(t)
    doc.save(path("formula.ods"))
    profile = "file://" + os.path.abspath(path("lo-profile"))
    for target in ("xlsx", "xls"):
        subprocess.run(["soffice", "-env:UserInstallation=" + profile, "--headless", "--convert-to", target,
                        "--outdir", os.path.join(out, "lo"), path("formula.ods"), path("odfpy_members.ods"),
                        path("openpyxl_members.xlsx") if target == "xls" else path("openpyxl_1904.xlsx")],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
