#!/usr/bin/python3
"""LibreOffice itself saving a workbook with a password, as a volunteer does with File › Save with password:
  protect_with_libreoffice.py SOURCE.xlsx OUT_DIR
writes OUT_DIR/lo_protected.ods and OUT_DIR/lo_protected.xlsx (password "secret"), through LibreOffice's UNO
bridge (python3-uno): a headless soffice listening on a loopback pipe for this run only, stopped at the end.
"""
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


source, out = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
pipe = "carnet_lo_%d" % os.getpid()
profile = "file://" + os.path.join(out, "lo-uno-profile")
office = subprocess.Popen(["soffice", "-env:UserInstallation=" + profile, "--headless", "--norestore",
                           "--accept=pipe,name=%s;urp;" % pipe], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    context = None
    for _ in range(120):
        try:
            context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except Exception:
            time.sleep(0.5)
    if context is None:
        sys.exit("LibreOffice did not start")
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, (prop("Hidden", True),))
    doc.storeToURL(uno.systemPathToFileUrl(os.path.join(out, "lo_protected.ods")),
                   (prop("FilterName", "calc8"), prop("Password", "secret")))
    doc.storeToURL(uno.systemPathToFileUrl(os.path.join(out, "lo_protected.xlsx")),
                   (prop("FilterName", "Calc MS Excel 2007 XML"), prop("Password", "secret")))
    doc.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass  # the bridge goes down with the office
finally:
    try:
        office.wait(timeout=30)
    except subprocess.TimeoutExpired:
        office.kill()
