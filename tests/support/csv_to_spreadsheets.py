#!/usr/bin/python3
"""The same member file as a workbook, the way a volunteer keeps it: openpyxl writes CSV's rows into
DIR/members.xlsx (text as text, ISO dates as real date cells shown dd/mm/yyyy as French Excel does), then
LibreOffice headless saves that workbook as DIR/members.ods. Used to check that the CSV, the .xlsx and the
.ods import to identical members.

  csv_to_spreadsheets.py FILE.csv DIR
"""
import csv
import datetime
import os
import re
import subprocess
import sys

import openpyxl

source, out = sys.argv[1], sys.argv[2]
with open(source, encoding="utf-8-sig", newline="") as f:
    sample = f.read(4096)
    f.seek(0)
    rows = list(csv.reader(f, delimiter=";" if sample.count(";") > sample.count(",") else ","))
book = openpyxl.Workbook()
sheet = book.active
sheet.title = "Membres"
iso = re.compile(r"^\d{4}-\d{2}-\d{2}$")
for r, row in enumerate(rows, start=1):
    for c, value in enumerate(row, start=1):
        if r > 1 and iso.match(value):
            cell = sheet.cell(row=r, column=c, value=datetime.datetime.strptime(value, "%Y-%m-%d"))
            cell.number_format = "DD/MM/YYYY"
        elif value != "":
            cell = sheet.cell(row=r, column=c, value=value)
            cell.number_format = "@"
xlsx = os.path.join(out, "members.xlsx")
book.save(xlsx)
profile = "file://" + os.path.join(out, "lo-profile")
subprocess.run(["soffice", "-env:UserInstallation=" + profile, "--headless", "--convert-to", "ods", "--outdir", out,
                xlsx], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
assert os.path.exists(os.path.join(out, "members.ods"))
