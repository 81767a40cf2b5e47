#!/bin/bash
# SPDX-License-Identifier: MIT
# The department's deliverables: three communes report (one on time, one late, one
# missing); the department writes the workbook (consolidate --xlsx), the draft
# report and the reminder. Python's standard library reads the files back
# (page set-up, fonts, header block, every unit's result, who is reminded; sheets,
# number cells, a typed "=1+2" stored as text); LibreOffice renders them and
# pdftotext must find the Vietnamese texts exactly.
. "$SRCDIR/tests/lib.sh"

PLAN="$SRCDIR/tests/data/exchange/plan.csv"
cd "$T" || exit 1
export TIENDO_NOW=2026-06-05T02:00:00Z TIENDO_USER=clerk
unset TIENDO_EXPORT_DIR
tdo() { "$TIENDO" "$@"; }

expect_exit "department database" 0 tdo -f dept.db init --plan "$PLAN"
expect_exit "a third commune" 0 tdo -f dept.db add-unit XA3 --name "Xã Ba" --kind commune --parent TINH
expect_exit "plan package" 0 tdo -f dept.db export-plan -o pkg.csv
for u in XA1 XA2 XA3; do
	expect_exit "commune $u" 0 tdo -f "$u.db" init --plan pkg.csv --unit "$u"
done
R1='Đã mở chuyên mục "Khoa học và đời sống", đăng 12 tin bài'
R2='=1+2'
R3='Phường đăng 5 tin; 0912345678'
expect_exit "XA1 enters" 0 tdo -f XA1.db set T1 --period 2026S1 --status done --count 12 --result "$R1" --difficulties "Thiếu kinh phí" --proposals "Hỗ trợ kinh phí cho xã"
expect_exit "XA1 enters a formula-like text" 0 tdo -f XA1.db set T2 --period 2026S1 --status in-progress --percent 50 --result "$R2" --difficulties "Thiếu kinh phí"
expect_exit "XA1 indicator" 0 tdo -f XA1.db set-indicator I1 --period 2026S1 --numerator 45 --denominator 50
expect_exit "XA2 enters" 0 tdo -f XA2.db set T1 --period 2026S1 --status in-progress --percent 40 --result "$R3" --difficulties "Thiếu kinh phí"
expect_exit "XA1 reports on time" 0 tdo -f XA1.db export --period 2026S1 -o a.csv
expect_exit "XA2 reports late" 0 env TIENDO_NOW=2026-06-22T03:00:00Z "$TIENDO" -f XA2.db export --period 2026S1 -o b.csv
export TIENDO_NOW=2026-06-25T02:00:00Z
expect_exit "department imports" 0 tdo -f dept.db import a.csv b.csv

# --- the workbook ----------------------------------------------------------
expect_exit "consolidate --xlsx" 0 tdo -f dept.db consolidate --period 2026S1 --xlsx
expect_grep "default name" "^Wrote .*tonghop_TEST-EX_2026S1_20260625.xlsx" "$T/out"
mkdir -p outbox
expect_exit "the export folder is honoured" 0 env TIENDO_EXPORT_DIR=outbox "$TIENDO" -f dept.db consolidate --period 2026S1 --xlsx
if [ -f outbox/tonghop_TEST-EX_2026S1_20260625.xlsx ]; then ok "workbook in \$TIENDO_EXPORT_DIR"; else notok "workbook in \$TIENDO_EXPORT_DIR" "$(ls -R)"; fi
expect_exit "consolidate --xlsx -o" 0 tdo -f dept.db consolidate --period 2026S1 --xlsx -o book.xlsx
expect_exit "--xlsx is not for standard output" 2 tdo -f dept.db consolidate --period 2026S1 --xlsx -o -
# A name whose extension says another kind of document is refused, not
# written: CSV text in a .xlsx file (or a .docx named .pdf) is a file Excel
# or Word will not open.
expect_exit "CSV into a .xlsx name: refused" 2 tdo -f dept.db consolidate --period 2026S1 -o table.xlsx
expect_grep "saying --xlsx makes a workbook" "table.xlsx: a workbook needs --xlsx" "$T/err"
expect_exit "a workbook into a .csv name: refused" 2 tdo -f dept.db consolidate --period 2026S1 --xlsx -o book.CSV
expect_grep "naming the right name" "book.CSV: the file written is .xlsx, not .CSV; name it book.xlsx" "$T/err"
expect_exit "a report into a .xlsx name: refused" 2 tdo -f XA1.db export --period 2026S1 -o out/r.xlsx
expect_grep "the report is CSV" "out/r.xlsx: the file written is .csv, not .xlsx; name it out/r.csv" "$T/err"
expect_exit "a draft into a .pdf name: refused" 2 tdo -f dept.db draft-report --period 2026S1 -o v1.0/report.pdf
expect_grep "the draft is .docx" "report.pdf: the file written is .docx, not .pdf; name it v1.0/report.docx" "$T/err"
written=$(for f in table.xlsx book.CSV; do [ -e "$f" ] && echo "$f"; done)
expect_eq "nothing written under those names" "" "$written"
expect_exit "a name of no document kind is taken as given" 0 tdo -f dept.db draft-report --period 2026S1 -o draft.v2
rm -f draft.v2
cat >check_xlsx.py <<'PY'
import sys, zipfile, xml.etree.ElementTree as ET
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
z = zipfile.ZipFile(sys.argv[1])
wb = ET.fromstring(z.read("xl/workbook.xml"))
names = [s.get("name") for s in wb.find("m:sheets", NS)]
print("sheets=" + "|".join(names))
sst = []
if "xl/sharedStrings.xml" in z.namelist():
    for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
        sst.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
def cells(n):
    root = ET.fromstring(z.read("xl/worksheets/sheet%d.xml" % n))
    for c in root.iter("{%s}c" % NS["m"]):
        t = c.get("t")
        f = c.find("m:f", NS)
        v = c.find("m:v", NS)
        if t == "s":
            yield c.get("r"), "str", sst[int(v.text)], f
        elif t == "inlineStr":
            yield c.get("r"), "str", "".join(x.text or "" for x in c.iter("{%s}t" % NS["m"])), f
        else:
            yield c.get("r"), "num" if v is not None else "blank", v.text if v is not None else "", f
for n in range(1, 5):
    for ref, kind, val, f in cells(n):
        print("%d\t%s\t%s\t%s\t%s" % (n, ref, kind, "formula" if f is not None else "-", val.replace("\n", "\\n")))
charts = [p for p in z.namelist() if p.startswith("xl/charts/chart")]
print("charts=%d" % len(charts))
for p in charts:
    print("barchart" if b"<c:barChart>" in z.read(p) else "other-chart")
PY
if python3 check_xlsx.py book.xlsx >xl.txt 2>xl.err; then ok "the workbook is a readable zip of XML"; else notok "the workbook is a readable zip of XML" "$(cat xl.err)"; fi
expect_grep "four sheets in Vietnamese" "^sheets=Tổng hợp\|Chỉ tiêu\|Báo cáo đơn vị\|Chi tiết$" xl.txt
expect_grep "typed =1+2 stored as text, not a formula" "^4	H[0-9]+	str	-	=1\+2$" xl.txt
expect_no_grep "no formula anywhere" "	formula	" xl.txt
expect_grep "a phone number stays text" "^4	H[0-9]+	str	-	Phường đăng 5 tin; 0912345678$" xl.txt
expect_grep "quotes and diacritics intact" "^4	H[0-9]+	str	-	Đã mở chuyên mục \"Khoa học và đời sống\", đăng 12 tin bài$" xl.txt
expect_grep "summary: T1 assigned to 3 units, a number" "^1	D9	num	-	3$" xl.txt
expect_grep "summary: share done a number" "^1	J9	num	-	0.333" xl.txt
expect_grep "targets: the value 90 as a number" "^2	E2	num	-	90$" xl.txt
expect_grep "entries: count 12 as a number" "^4	G[0-9]+	num	-	12$" xl.txt
expect_grep "entered at: a date and time in Vietnam (09:00 on 5/6/2026)" "^4	N2	num	-	46178.375$" xl.txt
expect_grep "reporting: a late unit" "^3	F[0-9]+	str	-	chậm$" xl.txt
expect_grep "two native bar charts" "^charts=2$" xl.txt
expect_no_grep "only bar charts" "^other-chart" xl.txt
if unzip -p book.xlsx xl/worksheets/sheet4.xml | grep -q '<autoFilter ref="A1:N4"/>'; then ok "autofilter over the entries"; else notok "autofilter over the entries"; fi
if unzip -p book.xlsx xl/worksheets/sheet4.xml | grep -q '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'; then ok "frozen header row"; else notok "frozen header row"; fi
if unzip -p book.xlsx xl/styles.xml | grep -q 'formatCode="0.0%"'; then ok "percent format"; else notok "percent format"; fi
for n in 1 2; do
	if unzip -p book.xlsx xl/charts/chart$n.xml | grep -q '<c:valAx>.*<c:numFmt formatCode="0%" sourceLinked="0"/>'; then
		ok "chart $n: its axis in percent"; else notok "chart $n: its axis in percent"; fi
done
if unzip -p book.xlsx xl/styles.xml | grep -q 'formatCode="dd/mm/yyyy'; then ok "date format"; else notok "date format"; fi

# --- the draft report and the reminder --------------------------------------
expect_exit "draft-report" 0 tdo -f dept.db draft-report --period 2026S1 --signer-title "GIÁM ĐỐC" --symbol BC-SKHCN --signer 'Trần Thị B & <C> "D"'
expect_grep "default name" "^Wrote .*baocao-tonghop_TEST-EX_2026S1_20260625.docx" "$T/out"
mv baocao-tonghop_TEST-EX_2026S1_20260625.docx report.docx
mkdir -p "$HOME/.config/tiendo"
printf 'org = UBND TỈNH THỬ\nsigner Nguyễn Văn A\n' >"$HOME/.config/tiendo/config"
expect_exit "draft-reminder with settings" 0 tdo -f dept.db draft-reminder --period 2026S1 -o reminder.docx
expect_grep "says how many units" "reminder to 3 units" "$T/out"
expect_exit "draft-report --text" 0 tdo -f dept.db draft-report --period 2026S1 --text
expect_grep "text: header from the settings" "^UBND TỈNH THỬ$" "$T/out"
expect_grep "text: part II" "^II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ$" "$T/out"
# A Vietnamese document writes decimals with a comma ("33,3%"), never "33.3%".
expect_grep "text: rates with a decimal comma" "([0-9]*,[0-9]%)" "$T/out"
expect_grep "text: the chart's figures with a decimal comma too" "^I1	Mức đạt \(%\) 112,5$" "$T/out"
if grep -q '[0-9]\.[0-9]%' "$T/out"; then notok "text: no decimal point in a rate" "$(grep '[0-9]\.[0-9]%' "$T/out" | head -3)"; else ok "text: no decimal point in a rate"; fi
# --text -o FILE writes the file: the draft went to standard output and
# FILE was never made.
cp "$T/out" draft-stdout.txt
expect_exit "draft-report --text -o FILE" 0 tdo -f dept.db draft-report --period 2026S1 --text -o draft.txt
expect_file "the file holds the draft as --text prints it" draft-stdout.txt draft.txt
expect_grep "and says where it went" "^Wrote draft\.txt: the draft report of plan TEST-EX for 2026S1, as text\.$" "$T/out"
expect_no_grep "not the draft on standard output" "^II\. " "$T/out"
expect_exit "draft-reminder --text -o FILE" 0 tdo -f dept.db draft-reminder --period 2026S1 --text -o reminder.txt
expect_grep "the reminder in its file" "^UBND TỈNH THỬ$" reminder.txt
expect_exit "--text -o into a missing folder: refused" 1 tdo -f dept.db draft-report --period 2026S1 --text -o nowhere/x.txt
expect_grep "naming the file" "cannot write nowhere/x.txt" "$T/err"
expect_exit "--text -o - is standard output" 0 tdo -f dept.db draft-report --period 2026S1 --text -o -
expect_file "the same draft" draft-stdout.txt "$T/out"
expect_exit "bad period" 1 tdo -f dept.db draft-report --period 2026X1
expect_exit "missing period" 2 tdo -f dept.db draft-reminder
expect_exit "unwritable place: refused" 1 tdo -f dept.db draft-report --period 2026S1 -o nowhere/x.docx
expect_grep "names the file" "nowhere/x.docx" "$T/err"

# A commune with nothing entered and nothing received drafts too (empty lists).
expect_exit "nothing expected: status" 0 tdo -f XA3.db status --period 2026S1
expect_exit "nothing entered: draft-report" 0 tdo -f XA3.db draft-report --period 2026S1 -o empty.docx
expect_exit "nothing entered: draft-reminder" 0 tdo -f XA3.db draft-reminder --period 2026S1 --text
expect_exit "nothing entered: workbook" 0 tdo -f XA3.db consolidate --period 2026S1 --xlsx -o empty.xlsx
expect_exit "an unwritable workbook: refused" 1 tdo -f dept.db consolidate --period 2026S1 --xlsx -o nowhere/x.xlsx
expect_grep "names the file" "nowhere/x.xlsx" "$T/err"
# Targets are written in Vietnamese in both documents: a milestone's target is
# "Hoàn thành" (not the plan file's "yes"), a decimal target has a comma.
sed -e 's/^indicator,I1,percent,>=,80,/indicator,I1,percent,>=,80.5,/' "$PLAN" >plan-ms.csv
echo 'indicator,I3,milestone,=,1,2026,all,SKHCN,Cổng thông tin vận hành,Cổng thông tin điện tử đi vào vận hành.' >>plan-ms.csv
expect_exit "a plan with a milestone and a decimal target" 0 tdo -f ms.db init --plan plan-ms.csv
# A unit's difficulties typed as a list ("- ...", as Vietnamese reports
# write them) take no second dash in part IV.
expect_exit "a list of difficulties" 0 tdo -f ms.db set T1 --period 2026S1 --unit XA1 --status in-progress \
	--difficulties "- Thiếu máy tính
- Đường truyền chậm"
expect_exit "the milestone reached" 0 tdo -f ms.db set-indicator I3 --period 2026S1 --unit SKHCN --value 1
expect_exit "its draft report" 0 tdo -f ms.db draft-report --period 2026S1 --text
expect_grep "report: a decimal target with a comma" "^1	Cán bộ được tập huấn	>=80,5%	" "$T/out"
expect_grep "report: a milestone's target in Vietnamese" "^3	Cổng thông tin vận hành	Hoàn thành	" "$T/out"
expect_grep "report: a milestone reached says so, not 1" "^3	Cổng thông tin vận hành	Hoàn thành	Hoàn thành	Đạt	1/1$" "$T/out"
expect_grep "report: a listed difficulty keeps its own dash" "^  - Thiếu máy tính$" "$T/out"
expect_no_grep "report: no dash before a dash" "- - " "$T/out"
# A text as long as set takes (32 KiB, here 32,768 characters) is over a
# cell's 32,767: it is cut there, not the whole workbook refused.
expect_exit "the longest result set takes" 0 tdo -f ms.db set T2 --period 2026S1 --unit XA1 --status in-progress \
	--result "$(head -c 32768 /dev/zero | tr '\0' x)"
# The consolidated table in Vietnamese: the target's column is not named
# like the indicator's (both were "Chỉ tiêu"), a milestone's target is "có".
expect_exit "its consolidated table in Vietnamese" 0 env TIENDO_LANG=vi "$TIENDO" -f ms.db consolidate --period 2026S1 -o ms-vi.csv
expect_grep "table: the target's column is Mục tiêu" "^indicator,Chỉ tiêu,Tên,Mục tiêu,Năm," ms-vi.csv
expect_grep "table: a milestone's target in the table's language" "^indicator,I3,Cổng thông tin vận hành,có,2026," ms-vi.csv
expect_exit "its workbook" 0 tdo -f ms.db consolidate --period 2026S1 --xlsx -o ms.xlsx
python3 check_xlsx.py ms.xlsx >ms.txt 2>&1
expect_grep "workbook: a decimal target with a comma" "^2	C2	str	-	>=80,5%$" ms.txt
expect_grep "workbook: a milestone's target in Vietnamese" "^2	C4	str	-	Hoàn thành$" ms.txt
expect_eq "workbook: the long result cut to a cell's 32,767 characters, marked" "32767 xx…" \
	"$(python3 -c 'import sys
for l in open(sys.argv[1], encoding="utf-8"):
    f = l.rstrip("\n").split("\t")
    if f[0] == "4" and f[4].startswith("xxx"):
        print(len(f[4]), f[4][-3:])' ms.txt)"
mkdir -p taken.xlsx taken.docx
expect_exit "a folder in the way of the workbook: refused" 1 tdo -f dept.db consolidate --period 2026S1 --xlsx -o taken.xlsx
expect_exit "a folder in the way of the report: refused" 1 tdo -f dept.db draft-report --period 2026S1 -o taken.docx
if ls -a | grep -q '^\.taken\.'; then notok "no temporary file left" "$(ls -a)"; else ok "no temporary file left"; fi

cat >check_docx.py <<'PY'
import sys, zipfile, xml.etree.ElementTree as ET
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    if n.endswith(".xml") or n.endswith(".rels"):
        ET.fromstring(z.read(n))  # every part is well-formed XML
doc = ET.fromstring(z.read("word/document.xml"))
sect = doc.find(W + "body").find(W + "sectPr")
pg, mar = sect.find(W + "pgSz"), sect.find(W + "pgMar")
print("page=%s %s" % (pg.get(W + "w"), pg.get(W + "h")))
mm = lambda k: round(int(mar.get(W + k)) * 25.4 / 1440)
print("margins=%d %d %d %d" % (mm("top"), mm("bottom"), mm("left"), mm("right")))
print("titlePg=%s" % (sect.find(W + "titlePg") is not None))
st = ET.fromstring(z.read("word/styles.xml"))
rpr = st.find(W + "docDefaults").find(W + "rPrDefault").find(W + "rPr")
print("font=%s" % rpr.find(W + "rFonts").get(W + "ascii"))
print("size=%s" % rpr.find(W + "sz").get(W + "val"))
print("color=%s" % rpr.find(W + "color").get(W + "val"))
h1 = z.read("word/header1.xml").decode()
print("pagenum=%s" % ("PAGE" in h1 and 'w:val="center"' in h1))
tbl = doc.find(W + "body").find(W + "tbl")
b = tbl.find(W + "tblPr").find(W + "tblBorders")
print("header-borders=%s" % ",".join(sorted({e.get(W + "val") for e in b})))
cells = tbl.findall(".//" + W + "tc")
for i, tc in enumerate(cells):
    for p in tc.findall(W + "p"):
        t = "".join(x.text or "" for x in p.iter(W + "t"))
        bold = any(r.find(W + "rPr") is not None and r.find(W + "rPr").find(W + "b") is not None for r in p.findall(W + "r"))
        ital = any(r.find(W + "rPr") is not None and r.find(W + "rPr").find(W + "i") is not None for r in p.findall(W + "r"))
        if t:
            print("head%d\t%s%s\t%s" % (i, "B" if bold else "-", "I" if ital else "-", t))
def ptext(p):  # tabs and line breaks kept, so that the lines of a paragraph print apart
    out = []
    for x in (x for r in p.iter(W + "r") for x in r):
        if x.tag == W + "t":
            out.append(x.text or "")
        elif x.tag == W + "tab":
            out.append("\t")
        elif x.tag == W + "br":
            out.append("\n")
    return "".join(out)
body = doc.find(W + "body")
for p in doc.iter(W + "p"):
    t = ptext(p)
    ppr = p.find(W + "pPr")
    if not t and ppr is not None and ppr.find(W + "pBdr") is not None:
        print("p-rule")
    for ln in t.split("\n") if t else []:
        print("p\t" + ln)
# The paragraph before the footer block stays on its page.
kids = list(body)
for i, k in enumerate(kids):
    if k.tag == W + "tbl" and i > 0 and "Nơi nhận:" in "".join(x.text or "" for x in k.iter(W + "t")):
        j = i - 1
        while j > 0 and not ptext(kids[j]):
            j -= 1
        kn = lambda e: e.find(W + "pPr") is not None and e.find(W + "pPr").find(W + "keepNext") is not None
        print("before-footer=%s%s" % ("keep " if all(kn(kids[m]) for m in range(j, i)) else "", ptext(kids[j])))
# The footer block: per cell, each line's size in points and bold/italic.
for tbl in body.findall(W + "tbl"):
    if "Nơi nhận:" not in "".join(x.text or "" for x in tbl.iter(W + "t")):
        continue
    for i, tc in enumerate(tbl.iter(W + "tc")):
        for p in tc.findall(W + "p"):
            rs = [r for r in p.findall(W + "r") if r.find(W + "t") is not None]
            if not rs:
                continue
            rpr = rs[0].find(W + "rPr")
            sz = rpr.find(W + "sz").get(W + "val") if rpr is not None and rpr.find(W + "sz") is not None else "-"
            fl = ("B" if rpr is not None and rpr.find(W + "b") is not None else "-") + \
                 ("I" if rpr is not None and rpr.find(W + "i") is not None else "-")
            print("foot%d\t%s\t%s\t%s" % (i, int(sz) / 2 if sz != "-" else sz, fl, ptext(p)))
# A new page by the paragraph that starts it, not by an empty paragraph
# holding a break (an empty line atop the page; a blank page when the footer
# block ends one).
for p in doc.iter(W + "p"):
    ppr = p.find(W + "pPr")
    if ppr is not None and ppr.find(W + "pageBreakBefore") is not None:
        jc = ppr.find(W + "jc")
        print("new-page\t%s\t%s" % (jc.get(W + "val") if jc is not None else "-", ptext(p)))
    if not ptext(p).strip() and any(br.get(W + "type") == "page" for br in p.iter(W + "br")):
        print("empty-page-break")
charts = [n for n in z.namelist() if n.startswith("word/charts/chart")]
print("charts=%d" % len(charts))
for n in charts:
    print("barchart" if b"<c:barChart>" in z.read(n) else "other")
print("pictures=%d" % len([n for n in z.namelist() if n.startswith("word/media/")]))
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
for n in charts:
    val = ET.fromstring(z.read(n)).find(".//" + C + "val")
    print("chart-points=" + ",".join("%s:%s" % (p.get("idx"), p.find(C + "v").text) for p in val.iter(C + "pt")))
for n in charts:
    rels = z.read(n.replace("charts/", "charts/_rels/") + ".rels").decode()
    print("chart-data=%s" % ("../embeddings/" in rels and b"<c:externalData" in z.read(n)))
import io
for n in [n for n in z.namelist() if n.startswith("word/embeddings/")]:
    e = zipfile.ZipFile(io.BytesIO(z.read(n)))
    sst = [t.text for t in ET.fromstring(e.read("xl/sharedStrings.xml")).iter("{http://schemas.openxmlformats.org/spreadsheetml/2006/main}t")]
    vals = [v.text for v in ET.fromstring(e.read("xl/worksheets/sheet1.xml")).iter("{http://schemas.openxmlformats.org/spreadsheetml/2006/main}v")]
    print("embedded=%s" % ",".join(sst) + ";" + ",".join(vals))
PY
if python3 check_docx.py report.docx >rep.txt 2>rep.err; then ok "the report: every part is well-formed XML"; else notok "the report: every part is well-formed XML" "$(cat rep.err)"; fi
expect_grep "A4 portrait" "^page=11906 16838$" rep.txt
expect_grep "margins 20/20/30/15 mm" "^margins=20 20 30 15$" rep.txt
expect_grep "Times New Roman" "^font=Times New Roman$" rep.txt
expect_grep "14 pt body" "^size=28$" rep.txt
expect_grep "black" "^color=000000$" rep.txt
expect_grep "no page number on page 1" "^titlePg=True$" rep.txt
expect_grep "page number centred at the top" "^pagenum=True$" rep.txt
expect_grep "header block: borderless table" "^header-borders=nil$" rep.txt
expect_grep "governing body, \"Ủy ban nhân dân\" shortened as the decree allows" "^head0	--	UBND TỈNH THỬ$" rep.txt
expect_grep "issuing body in bold" "^head0	B-	SỞ KHOA HỌC VÀ CÔNG NGHỆ$" rep.txt
expect_grep "number left blank, symbol given" "^head0	--	Số: ……/BC-SKHCN$" rep.txt
expect_grep "national title" "^head1	B-	CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$" rep.txt
expect_grep "motto" "^head1	B-	Độc lập - Tự do - Hạnh phúc$" rep.txt
expect_grep "place and date in italics" "^head1	-I	Tỉnh Thử, ngày …… tháng …… năm 2026$" rep.txt
expect_grep "title" "^p	BÁO CÁO$" rep.txt
expect_grep "subject line" "^p	Kết quả thực hiện Kế hoạch số 01/KH-UBND ngày 1/9/2025 của Ủy ban nhân dân tỉnh Thử, kỳ 6 tháng đầu năm 2026$" rep.txt
expect_eq "a short rule under the subject line" "p-rule" "$(grep -A1 '^p	Kết quả thực hiện Kế hoạch số 01/KH-UBND' rep.txt | sed -n 2p)"
expect_grep "the closing sentence stays with the footer block" "^before-footer=keep Trên đây là báo cáo kết quả" rep.txt
expect_grep "XA1's result, attributed" "^p	- Xã Một \(hoàn thành, 100%, số lượng 12\): $R1$" rep.txt
expect_grep "XA1's formula-like result as text" "^p	- Xã Một \(đang thực hiện, 50%\): =1\+2$" rep.txt
expect_grep "XA2's result, attributed" "^p	- Phường Hai \(đang thực hiện, 40%\): $R3$" rep.txt
expect_grep "the same difficulty once, for both units" "^p	- Thiếu kinh phí \(Xã Một, Phường Hai; các nhiệm vụ T1, T2\)$" rep.txt
expect_grep "a proposal attributed" "^p	- Hỗ trợ kinh phí cho xã \(Xã Một; nhiệm vụ T1\)$" rep.txt
expect_grep "who is late" "^p	- Các đơn vị báo cáo chậm \(1\): Phường Hai.$" rep.txt
expect_grep "recipients" "^p	Nơi nhận:$" rep.txt
expect_grep "footer: \"Nơi nhận:\" at the left, 12 pt bold italic" "^foot0	12.0	BI	Nơi nhận:$" rep.txt
expect_grep "footer: the recipients in 11 pt" "^foot0	11.0	--	- Ủy ban nhân dân tỉnh Thử;$" rep.txt
expect_grep "footer: the signer's title at the right, bold" "^foot1	14.0	B-	GIÁM ĐỐC$" rep.txt
expect_grep "recipient from the regime" "^p	- Ủy ban nhân dân tỉnh Thử;$" rep.txt
expect_grep "signer's title" "^p	GIÁM ĐỐC$" rep.txt
expect_grep "signer's name, XML characters escaped" "^p	Trần Thị B & <C> \"D\"$" rep.txt
expect_grep "the appendix starts a page, its title centred" "^new-page	center	PHỤ LỤC: KẾT QUẢ THỰC HIỆN CỦA CÁC ĐƠN VỊ$" rep.txt
expect_no_grep "no empty paragraph holding a page break" "^empty-page-break$" rep.txt
expect_grep "one native bar chart" "^charts=1$" rep.txt
expect_grep "a c:barChart" "^barchart$" rep.txt
expect_grep "not a picture" "^pictures=0$" rep.txt
expect_grep "the chart's figures travel as an embedded workbook" "^chart-data=True$" rep.txt
expect_grep "the embedded workbook holds the indicators and achievements" "^embedded=Mức đạt \(%\),I1,I2;0,1,112.5,2$" rep.txt
expect_grep "the chart: I1 at 112.5 %, I2 (no figure yet) a gap, not a bar at 0" "^chart-points=0:112.5$" rep.txt

if python3 check_docx.py reminder.docx >rem.txt 2>rem.err; then ok "the reminder: well-formed XML"; else notok "the reminder: well-formed XML" "$(cat rem.err)"; fi
expect_grep "reminder: org from the settings" "^head0	--	UBND TỈNH THỬ$" rem.txt
expect_grep "reminder: V/v line" "^head0	--	V/v đôn đốc báo cáo kết quả thực hiện Kế hoạch số 01/KH-UBND" rem.txt
expect_grep "reminder: the first addressee beside \"Kính gửi:\"" "^p	Kính gửi:	- Xã Ba;$" rem.txt
expect_grep "reminder: the next addressee under it" "^p	- Phòng Quản lý khoa học;$" rem.txt
expect_grep "reminder: the greeting stays with the footer block" "^before-footer=keep Trân trọng./.$" rem.txt
expect_grep "reminder: the late one in the second list" "^p	- Phường Hai.$" rem.txt
expect_no_grep "reminder: not the on-time one" "Xã Một" rem.txt
expect_grep "reminder: the due date" "trước ngày 10/6/2026 và 20/6/2026" rem.txt
expect_grep "reminder: signer from the settings" "^p	Nguyễn Văn A$" rem.txt

# --- LibreOffice renders them ----------------------------------------------
if ! command -v soffice >/dev/null 2>&1; then
	ok "LibreOffice renders the files # SKIP soffice missing"
else
	render() { HOME="$T/lohome" timeout 180 soffice --headless --convert-to pdf --outdir "$T/pdf" "$@" >"$T/lo.out" 2>&1; }
	render book.xlsx
	if [ -s pdf/book.pdf ]; then ok "LibreOffice converts the workbook"; else notok "LibreOffice converts the workbook" "$(cat lo.out)"; fi
	pdftotext pdf/book.pdf book.txt 2>/dev/null
	expect_grep "workbook PDF holds the Vietnamese text" "Kế hoạch thử trao đổi báo cáo" book.txt
	# Writer may be absent where only Calc is installed (libreoffice-calc-nogui).
	if [ ! -e /usr/lib/libreoffice/program/libswlo.so ]; then
		ok "LibreOffice converts the .docx files # SKIP LibreOffice Writer missing (libreoffice-writer-nogui)"
	else
		render report.docx reminder.docx
		for f in report reminder; do
			if [ -s "pdf/$f.pdf" ]; then ok "LibreOffice converts the $f"; else notok "LibreOffice converts the $f" "$(cat lo.out)"; fi
			# One line of text: lines joined, runs of spaces (columns, justified
			# lines) squeezed, NFC; a wrapped phrase stays whole.
			pdftotext -layout "pdf/$f.pdf" "$f.layout" 2>/dev/null
			tr '\n\f' '  ' <"$f.layout" | tr -s ' ' |
				python3 -c 'import sys, unicodedata; print(unicodedata.normalize("NFC", sys.stdin.read()))' >"$f.txt"
		done
		pdf_has() { if grep -qF -- "$3" "$2"; then ok "$1"; else notok "$1" "no \"$3\" in $(head -c 1500 "$2")"; fi; }
		pdf_has "report PDF: national title" report.txt "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
		pdf_has "report PDF: motto" report.txt "Độc lập - Tự do - Hạnh phúc"
		pdf_has "report PDF: issuing body" report.txt "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
		pdf_has "report PDF: subject line" report.txt "Kết quả thực hiện Kế hoạch số 01/KH-UBND ngày 1/9/2025"
		pdf_has "report PDF: a unit's result exactly" report.txt "$R1"
		pdf_has "report PDF: another unit's result" report.txt "$R3"
		pdf_has "report PDF: part IV" report.txt "IV. KHÓ KHĂN, VƯỚNG MẮC"
		pdf_has "report PDF: recipients" report.txt "Nơi nhận:"
		pdf_has "report PDF: signer's title" report.txt "GIÁM ĐỐC"
		if grep -qE '^ *Nơi nhận: {4,}GIÁM ĐỐC$' report.layout; then ok "report PDF: \"Nơi nhận:\" and the signer's title side by side"; else notok "report PDF: \"Nơi nhận:\" and the signer's title side by side" "$(grep -A3 'Nơi nhận' report.layout)"; fi
		pdf_has "reminder PDF: addressed" reminder.txt "Kính gửi:"
		pdf_has "reminder PDF: the missing commune" reminder.txt "Xã Ba"
		pdf_has "reminder PDF: the V/v line" reminder.txt "V/v đôn đốc báo cáo"
		# The layout as drawn: columns side by side, pages apart.
		cat >layout.py <<'PY'
import sys, unicodedata
pages = unicodedata.normalize("NFC", open(sys.argv[1]).read()).rstrip("\f\n").split("\f")
lines = pages[0].splitlines()
col = lambda s, i=0: next((l.find(s) for l in lines[i:] if s in l), -1)
row = lambda s: next((i for i, l in enumerate(lines) if s in l), -1)
print("side-by-side=%s" % (row("CỘNG HÒA XÃ HỘI") == row(sys.argv[2]) >= 0))
print("number-beside-date=%s" % (row("Số:") == row("ngày") >= 0))
print("page1-number=%s" % any(l.strip().isdigit() for l in lines[:3]))
print("page2-number=%s" % (len(pages) < 2 or [l.strip() for l in pages[1].splitlines() if l.strip()][:1] == ["2"]))
sign = [p for p in pages if "Nơi nhận:" in p]
print("footer-page-has-body=%s" % bool(sign and any(w in sign[0] for w in ("Trên đây", "Trân trọng"))))
r = row("Kính gửi:")
if r >= 0:
    first = lines[r].find("- ")
    nxt = next((l for l in lines[r + 1:] if l.strip()), "")
    print("addressees-aligned=%s" % (first > lines[r].find("Kính gửi:") and abs(nxt.find("- ") - first) <= 1))
PY
		python3 layout.py report.layout "UBND TỈNH THỬ" >report.lay
		python3 layout.py reminder.layout "UBND TỈNH THỬ" >reminder.lay
		for f in report reminder; do
			expect_grep "$f PDF: the header's two columns side by side" "^side-by-side=True$" "$f.lay"
			expect_grep "$f PDF: the number beside the place and date" "^number-beside-date=True$" "$f.lay"
			expect_grep "$f PDF: no page number on page 1" "^page1-number=False$" "$f.lay"
			expect_grep "$f PDF: page 2 numbered at the top" "^page2-number=True$" "$f.lay"
			expect_grep "$f PDF: the footer block's page holds the closing text" "^footer-page-has-body=True$" "$f.lay"
		done
		expect_grep "reminder PDF: the addressees beside \"Kính gửi:\", aligned" "^addressees-aligned=True$" reminder.lay
	fi
fi
