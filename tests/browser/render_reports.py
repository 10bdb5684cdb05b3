"""ctest browser.reports: renders each example report in headless Chromium, saves a PNG
screenshot and an A4 PDF into the build tree, and asserts on the rendered DOM (--dump-dom):
the total score text, the number of section bars, every finding present, and no element
wider than an A4 page. Skipped (ctest SKIP_RETURN_CODE 77) with a message where Chromium is
absent.

usage: render_reports.py PMQ_CLI SOURCE_DIR OUT_DIR
"""
import html
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

A4_WIDTH_PX = 794  # 210 mm at 96 px per inch
FAILURES = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        FAILURES.append(what)


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def browse(exe, args, url):
    with tempfile.TemporaryDirectory() as profile:
        cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile] + args + [url]
        r = subprocess.run(cmd, capture_output=True, timeout=120)
        if r.returncode != 0:
            sys.stderr.write(r.stderr.decode("utf-8", "replace"))
            raise SystemExit("chromium failed: " + " ".join(args))
        return r.stdout.decode("utf-8")


# Measures the layout: every element's right edge, the document's scroll width. Injected into a
# copy of the report only (the report itself carries no script and forbids it).
MEASURE = """<script>
addEventListener('load', () => {
  let widest = 0, culprit = '';
  for (const e of document.querySelectorAll('body *')) {
    const r = e.getBoundingClientRect();
    if (r.right > widest) { widest = r.right; culprit = e.tagName + '.' + (e.className.baseVal ?? e.className); }
  }
  const out = document.createElement('pre');
  out.id = 'pmq-layout';
  out.textContent = JSON.stringify({scroll: document.documentElement.scrollWidth, widest, culprit});
  document.body.appendChild(out);
});
</script>"""


def layout(exe, page, out):
    probe = out / (page.stem + ".measure.html")
    text = page.read_text("utf-8")
    text = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text)
    probe.write_text(text.replace("</body>", MEASURE + "</body>"), "utf-8")
    dom = browse(exe, ["--window-size=%d,1200" % A4_WIDTH_PX, "--virtual-time-budget=3000",
                       "--dump-dom"], probe.as_uri())
    m = re.search(r'<pre id="pmq-layout">(.*?)</pre>', dom)
    return json.loads(html.unescape(m.group(1))) if m else None


def render(exe, page, out, height):
    uri = page.as_uri()
    browse(exe, ["--window-size=%d,%d" % (A4_WIDTH_PX, height),
                 "--screenshot=" + str(out / (page.stem + ".png"))], uri)
    browse(exe, ["--print-to-pdf=" + str(out / (page.stem + ".pdf")), "--no-pdf-header-footer"], uri)
    dom = browse(exe, ["--dump-dom"], uri)
    (out / (page.stem + ".dom.html")).write_text(dom, "utf-8")
    pdf = (out / (page.stem + ".pdf")).read_bytes()
    check(pdf.startswith(b"%PDF") and len(pdf) > 1000, page.name + ": PDF written")
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)", pdf)
    check(bool(box) and abs(float(box.group(1)) - 595.3) < 2 and abs(float(box.group(2)) - 841.9) < 2,
          page.name + ": PDF pages are A4")
    lay = layout(exe, page, out)
    check(lay is not None and lay["scroll"] <= A4_WIDTH_PX and lay["widest"] <= A4_WIDTH_PX + 0.5,
          page.name + ": nothing wider than A4 (%s)" % lay)
    check("<script" not in page.read_text("utf-8"), page.name + ": no script")
    return dom


def svg_rows(dom, chart_class):
    charts = re.findall(r'<svg[^>]*class="chart bars %s"(.*?)</svg>' % chart_class, dom, re.S)
    return sum(c.count('class="row"') for c in charts) if charts else -1


def main():
    cli = str(pathlib.Path(sys.argv[1]).resolve())
    source, out = pathlib.Path(sys.argv[2]).resolve(), pathlib.Path(sys.argv[3]).resolve()
    exe = chromium()
    if not exe:
        print("SKIPPED: Chromium is not installed (sh cmake/dev.sh test installs Debian's chromium)")
        return 77
    out.mkdir(parents=True, exist_ok=True)
    data = source / "examples" / "data"

    def pmq(*args):
        return subprocess.run([cli] + list(args), check=True, capture_output=True).stdout

    # The inspection report, Chinese and English.
    inspection = json.loads((data / "inspection.json").read_text("utf-8"))
    result = json.loads(pmq("score", "--inspection", str(data / "inspection.json"), "--format", "json"))
    for lang in ("zh", "en"):
        page = out / ("inspection_%s.html" % lang)
        pmq("score", "--inspection", str(data / "inspection.json"), "--format", "html", "--lang", lang,
            "--output", str(page))
        dom = render(exe, page, out, 1560)
        score = str(result["score"])
        check(re.search(r'id="total-score">%s<' % re.escape(score), dom) is not None,
              page.name + ": total score " + score)
        check(svg_rows(dom, "sections") == len(result["sections"]),
              page.name + ": %d section bars" % len(result["sections"]))
        findings = [f["description"] for r in inspection["responses"] for f in r.get("findings", [])]
        check(all(html.escape(f, quote=False) in dom for f in findings),
              page.name + ": all %d findings present" % len(findings))

    # The period assessment.
    request = data / "assessment_2026-11.json"
    assessed = json.loads(pmq("assess", "--input", str(request), "--format", "json"))
    for lang in ("zh", "en"):
        page = out / ("assessment_%s.html" % lang)
        pmq("assess", "--input", str(request), "--format", "html", "--lang", lang, "--output", str(page))
        dom = render(exe, page, out, 2500)
        check(svg_rows(dom, "ranking") == len(assessed["projects"]),
              page.name + ": a bar per project (%d)" % len(assessed["projects"]))
        no_data = sum(1 for p in assessed["projects"] if p.get("score") is None)
        ranking = re.search(r'class="chart bars ranking"(.*?)</svg>', dom, re.S).group(1)
        check(ranking.count('class="bar nodata"') == no_data, page.name + ": no data hatched, not 0")
        mean = assessed["company"]["mean"].get("score")
        check(mean is None or re.search(r'id="company-mean">%s<' % re.escape(str(mean)), dom) is not None,
              page.name + ": company mean %s" % mean)

    # The 质量目标完成统计表 for a quarter.
    for lang in ("zh", "en"):
        page = out / ("targets_%s.html" % lang)
        pmq("kpi", "table", "--plan", str(data / "targets_plan.json"), "--actuals",
            str(data / "targets_actuals.json"), "--period", "2026-Q1", "--format", "html", "--lang", lang,
            "--output", str(page))
        table = json.loads(pmq("kpi", "table", "--plan", str(data / "targets_plan.json"), "--actuals",
                               str(data / "targets_actuals.json"), "--period", "2026-Q1", "--format",
                               "json"))
        dom = render(exe, page, out, 1000)
        check(dom.count('<tr class="target-row') == len(table["rows"]),
              page.name + ": a row per target (%d)" % len(table["rows"]))
        check(svg_rows(dom, "gaps") == len(table["rows"]), page.name + ": a gap bar per target")

    print("%d failures; screenshots and PDFs in %s" % (len(FAILURES), out))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
