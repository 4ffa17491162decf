"""Render time per profile against WeasyPrint's own time for the same HTML, in one process.

Run: ``.venv/bin/python bench/render_profiles.py [--repeat 3]``. For every valid sample it
reports the median of: the whole PDF render (load, check, safety, view model, HTML, PDF), the
HTML alone, and WeasyPrint alone on the very same HTML with the same options; the overhead is
what impactclaim adds on top of WeasyPrint.
"""

from __future__ import annotations

import argparse
import statistics
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from impactclaim.checker import check_document
from impactclaim.loader import load_path
from impactclaim.render.command import render_document
from impactclaim.render.pdf import PDF_OPTIONS, FetchLog, data_only_fetcher
from impactclaim.render.safety import check_render_safety

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples" / "valid").glob("*.yaml"))


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    repeat = parser.parse_args().repeat

    import weasyprint

    warnings.simplefilter("ignore", ResourceWarning)  # WeasyPrint 70's unclosed sRGB profile

    def full_render(path: Path, output_format: str) -> bytes:
        document = load_path(path)
        check_document(document)
        safety = check_render_safety(document)
        assert document.data is not None
        return render_document(document, output_format=output_format, language=str(document.data["language"]),
                               logo=safety.logo)

    def weasyprint_alone(html: str, source: bytes) -> bytes:
        fetcher = data_only_fetcher(FetchLog())
        attachment = weasyprint.Attachment(string=source, name="statement.yaml", relationship="Source")
        document = weasyprint.HTML(string=html, url_fetcher=fetcher).render()
        pdf: bytes = document.write_pdf(attachments=[attachment], **PDF_OPTIONS)
        return pdf

    full_render(SAMPLES[0], "pdf")  # warm-up: imports, fonts, caches
    print(f"{'sample':28} {'pages':>5} {'render PDF':>11} {'HTML only':>10} {'WeasyPrint':>11} {'overhead':>9}")
    for path in SAMPLES:
        html = full_render(path, "html").decode("utf-8")
        source = path.read_bytes()
        pages = len(weasyprint.HTML(string=html, url_fetcher=data_only_fetcher(FetchLog())).render().pages)
        total = median_seconds(lambda path=path: full_render(path, "pdf"), repeat)
        html_only = median_seconds(lambda path=path: full_render(path, "html"), repeat)
        alone = median_seconds(lambda html=html, source=source: weasyprint_alone(html, source), repeat)
        print(f"{path.stem:28} {pages:5} {total:10.3f}s {html_only:9.3f}s {alone:10.3f}s "
              f"{(total - alone) / alone:8.1%}")


if __name__ == "__main__":
    main()
