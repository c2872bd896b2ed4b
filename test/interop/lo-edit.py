"""Edit a workbook in LibreOffice Calc through UNO, as a user would, and save it as xlsx.

Usage: python3 lo-edit.py SOFFICE IN.xlsx OUT.xlsx OPS.json

OPS.json is a list of edits, each an object with "op" and "sheet" (the sheet's name):
  {"op": "delete-rows", "sheet": S, "row": R, "count": N}        rows R.. (0-based) removed
  {"op": "sort", "sheet": S, "range": [r0, c0, r1, c1], "key": C}  rows r0..r1 sorted by column C (ascending)
  {"op": "hide-columns", "sheet": S, "columns": [C, ...]}          columns hidden

LibreOffice runs headless with its own profile and a private pipe; it is always ended
(its whole process group) when the script ends, also on failure. A wall-clock alarm
ends the script if anything hangs.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

TIMEOUT = int(os.environ.get("LO_EDIT_TIMEOUT", "150"))


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


# Signals are raised as exceptions only inside the guarded part of main(), where soffice is known and is
# always ended; before (while it starts) they are remembered, and during the cleanup ignored.
STATE = {"guarded": False, "pending": None}


def interrupted(reason):
    if STATE["guarded"]:
        raise TimeoutError(reason) if reason != "avbruten" else SystemExit(reason)
    if STATE["pending"] is None:
        STATE["pending"] = reason


def on_alarm(_sig, _frame):
    interrupted("LibreOffice svarade inte inom %d s" % TIMEOUT)


def on_term(_sig, _frame):
    # Ended from outside (the test's timeout).
    interrupted("avbruten")


def edit(doc, op):
    sheet = doc.Sheets.getByName(op["sheet"])
    kind = op["op"]
    if kind == "delete-rows":
        sheet.Rows.removeByIndex(op["row"], op.get("count", 1))
    elif kind == "sort":
        r0, c0, r1, c1 = op["range"]
        rng = sheet.getCellRangeByPosition(c0, r0, c1, r1)
        field = uno.createUnoStruct("com.sun.star.table.TableSortField")
        field.Field = op["key"] - c0
        field.IsAscending = True
        field.IsCaseSensitive = False
        desc = rng.createSortDescriptor()
        for p in desc:
            if p.Name == "SortFields":
                p.Value = uno.Any("[]com.sun.star.table.TableSortField", (field,))
            elif p.Name == "ContainsHeader":
                p.Value = False
            elif p.Name == "IsSortColumns":
                p.Value = False
        uno.invoke(rng, "sort", (desc,))
    elif kind == "hide-columns":
        for c in op["columns"]:
            sheet.Columns.getByIndex(c).IsVisible = False
    else:
        raise ValueError("unknown op %r" % kind)


def main():
    soffice, src, dst, ops_path = sys.argv[1:5]
    with open(ops_path, encoding="utf-8") as f:
        ops = json.load(f)
    signal.signal(signal.SIGALRM, on_alarm)
    signal.signal(signal.SIGTERM, on_term)
    signal.alarm(TIMEOUT)
    work = tempfile.mkdtemp(prefix="stim-lo-uno-")
    pipe = "stim_lo_%d" % os.getpid()
    proc = subprocess.Popen(
        [
            soffice,
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "-env:UserInstallation=" + uno.systemPathToFileUrl(os.path.join(work, "profile")),
            "--accept=pipe,name=%s;urp;" % pipe,
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        STATE["guarded"] = True
        if STATE["pending"]:
            raise SystemExit(STATE["pending"])
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        while ctx is None:
            if proc.poll() is not None:
                raise RuntimeError("LibreOffice avslutades innan anslutningen (kod %s)" % proc.returncode)
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            except NoConnectException:
                time.sleep(0.3)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0, (prop("Hidden", True),)
        )
        if doc is None:
            raise RuntimeError("LibreOffice kunde inte öppna %s" % src)
        try:
            for op in ops:
                edit(doc, op)
            doc.storeToURL(
                uno.systemPathToFileUrl(os.path.abspath(dst)),
                (prop("FilterName", "Calc MS Excel 2007 XML"), prop("Overwrite", True)),
            )
        finally:
            doc.close(True)
        try:
            desktop.terminate()
        except Exception:  # the bridge goes away with the process
            pass
    finally:
        STATE["guarded"] = False  # the cleanup is not interrupted
        signal.alarm(0)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        # The whole group: soffice's launcher and soffice.bin alike.
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        if proc.poll() is None:
            proc.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
