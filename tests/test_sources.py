"""Every citation in sources.csv is complete: authors, year, title and a way to find it."""

import re

import pytest

from triggermap import DATA_DIR
from triggermap.data import read_rows
from triggermap.schema import SourceRow

NAME = r"[^\W\d_][\w'’\-]*"
# "Lee MWL," "Gunn CC." "Hong CZ et al", "Mansfield et al." or bare surnames "Lim, Seo, Cho"
PERSON = re.compile(rf"^(?:(?:{NAME} )+[A-Z]{{1,4}}(?:,| et al|\.)|{NAME} et al\.|(?:{NAME}, )+{NAME}\b)")
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
IDENT = re.compile(r"\b(?:doi|PMID|ISBN)\b|\b10\.\d{4,}/|no stable URL", re.I)  # printed-only papers say so
SOURCES = read_rows(DATA_DIR / "sources.csv", SourceRow)


def problems(src: SourceRow) -> list[str]:
    """What a citation lacks, as short labels; empty when it is complete."""
    parts = [p.strip() for p in re.split(r"\.(?:\s+|$)", src.citation) if p.strip()]
    author, title = (parts + ["", ""])[:2]
    out = []
    if src.kind == "paper" and not PERSON.match(src.citation):
        out.append("authors (surname and initials)")
    if not author or ":" in author or len(parts) < 3:
        out.append("author. title. publisher/journal")
    if len(title) < 8:
        out.append("title")
    if not YEAR.search(src.citation) and not (src.kind in ("web", "seed") and "n.d." in src.citation):
        out.append("year" + (" (or n.d.)" if src.kind in ("web", "seed") else ""))
    if src.kind != "seed" and not src.url and not IDENT.search(src.citation):
        out.append("DOI, PMID, ISBN or URL")
    return out


@pytest.mark.parametrize("src", SOURCES, ids=[s.id for s in SOURCES])
def test_citation_is_complete(src):
    assert not problems(src), f"{src.id}: missing {', '.join(problems(src))} in '{src.citation}'"


@pytest.mark.parametrize("citation,kind,url,missing", [
    ("Characteristics of myofascial pain syndrome of the infraspinatus muscle. Ann Rehabil Med. 2017;41(4).",
     "paper", "https://doi.org/10.5535/arm.2017.41.4.573", "authors (surname and initials)"),
    ("Lee MWL, McPhee RW, Stringer MD. An evidence-based approach to human dermatomes. Clin Anat.", "paper",
     "https://doi.org/10.1002/ca.20636", "year"),
    ("NAMTPT. Symptom Checker: Trapezius.", "web", "http://check.myofascialtherapy.org/x.html",
     "author. title. publisher/journal"),
    ("Simons DG, Travell JG. The Trigger Point Manual. Vol 1. Baltimore: Williams & Wilkins; 1999.", "book", "",
     "DOI, PMID, ISBN or URL"),
    ("Zygomaticus major: trigger point referral. WebManMed muscle guide. n.d.", "web", "http://x.org/a",
     "author. title. publisher/journal"),
])
def test_incomplete_citations_are_caught(citation, kind, url, missing):
    src = SourceRow(id="x", citation=citation, kind=kind, url=url)
    assert missing in problems(src)


def test_a_complete_citation_passes():
    src = SourceRow(id="x", kind="paper", url="https://doi.org/10.1016/S0003-9993(97)90057-5",
                    citation="Hong CZ, Kuan TS, Chen JT, Chen SM. Referred pain elicited by palpation and by "
                             "needling of myofascial trigger points: a comparison. Arch Phys Med Rehabil. "
                             "1997;78(9):957-960.")
    assert problems(src) == []


@pytest.mark.parametrize("source,phrase", [("hx_delphi2018", "differs between people"),
                                           ("hx_rathbone2017", "0.45"), ("hx_hong1997", "about half")])
def test_guide_says_where_experts_agree_and_disagree(data, source, phrase):
    cited = [r.text for r in data.guide if source in r.sources]
    assert any(phrase in text for text in cited), cited
