#!/usr/bin/python3
"""Reads a spreadsheet Carnet wrote with an independent reader and prints what it holds as JSON, for the
tests to compare cell by cell, types included.

  read_spreadsheet.py FILE.xlsx   -> openpyxl
  read_spreadsheet.py FILE.ods    -> odfpy

{"sheets": [{"name", "frozen", "widths": [...], "rows": [[{"t": type, "v": value, "bold": bool, "fmt": str}]]}]}
Types: "s" text, "n" number, "d" date (v: ISO date or date-time), "e" empty.
"""
import datetime
import json
import sys


def xlsx(path):
    import openpyxl
    book = openpyxl.load_workbook(path)  # not read_only: styles, widths and panes are wanted too
    out = {"sheets": [], "active": book.active.title}
    for ws in book.worksheets:
        widths = []
        for col in range(1, ws.max_column + 1):
            letter = openpyxl.utils.get_column_letter(col)
            dim = ws.column_dimensions.get(letter)
            widths.append(dim.width if dim is not None else None)
        rows = []
        for row in ws.iter_rows():
            cells = []
            for c in row:
                v = c.value
                if v is None:
                    cells.append({"t": "e"})
                    continue
                if isinstance(v, datetime.datetime):
                    t, v = "d", (v.date().isoformat() if v.time() == datetime.time(0) else v.isoformat(timespec="minutes"))
                elif isinstance(v, (int, float)) and not isinstance(v, bool):
                    t = "n"
                else:
                    t, v = "s", str(v)
                cells.append({"t": t, "v": v, "bold": bool(c.font and c.font.b), "fmt": c.number_format})
            rows.append(cells)
        out["sheets"].append({"name": ws.title, "frozen": ws.freeze_panes, "widths": widths, "rows": rows})
    return out


def ods_text(node):
    from odf.namespaces import TEXTNS
    parts = []
    for child in node.childNodes:
        if child.nodeType == child.TEXT_NODE:
            parts.append(child.data)
        elif child.qname == (TEXTNS, "s"):
            parts.append(" " * int(child.getAttribute("c") or 1))
        elif child.qname == (TEXTNS, "tab"):
            parts.append("\t")
        elif child.qname == (TEXTNS, "line-break"):
            parts.append("\n")
        else:
            parts.append(ods_text(child))
    return "".join(parts)


def ods(path):
    from odf import table, text
    from odf.opendocument import load
    doc = load(path)
    out = {"sheets": []}
    styles = {}
    for style in doc.automaticstyles.childNodes:
        if style.qname[1] == "style":
            bold = any(getattr(p, "qname", ("", ""))[1] == "text-properties" and p.getAttribute("fontweight") == "bold"
                       for p in style.childNodes)
            styles[style.getAttribute("name")] = {"bold": bold, "data": style.getAttribute("datastylename")}
    for t in doc.spreadsheet.getElementsByType(table.Table):
        rows = []
        widths = []
        for col in t.getElementsByType(table.TableColumn):
            widths.append(col.getAttribute("stylename"))
        for r in t.getElementsByType(table.TableRow):
            cells = []
            for c in r.getElementsByType(table.TableCell):
                repeat = int(c.getAttribute("numbercolumnsrepeated") or 1)
                kind = c.getAttribute("valuetype")
                style = styles.get(c.getAttribute("stylename") or "", {})
                paragraphs = [ods_text(p) for p in c.getElementsByType(text.P)]
                if kind is None:
                    cell = {"t": "e"}
                elif kind == "float":
                    value = float(c.getAttribute("value"))
                    cell = {"t": "n", "v": int(value) if value.is_integer() else value}
                elif kind == "date":
                    cell = {"t": "d", "v": c.getAttribute("datevalue")[:16], "shown": "\n".join(paragraphs)}
                else:
                    cell = {"t": "s", "v": "\n".join(paragraphs)}
                if kind is not None:
                    cell["bold"] = style.get("bold", False)
                cells.extend([cell] * min(repeat, 1000))
            while cells and cells[-1]["t"] == "e":
                cells.pop()
            rows.append(cells)
        width = max((len(r) for r in rows), default=0)
        for r in rows:  # as openpyxl gives them: every row as wide as the widest
            r.extend([{"t": "e"}] * (width - len(r)))
        out["sheets"].append({"name": t.getAttribute("name"), "widths": widths, "rows": rows})
    return out


if __name__ == "__main__":
    path = sys.argv[1]
    result = ods(path) if path.endswith(".ods") else xlsx(path)
    json.dump(result, sys.stdout, ensure_ascii=False)
