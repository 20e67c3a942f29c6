"""Checks on the offline parent's guide in resources/guide/.

Standard library + pytest only; files are read straight from the repository.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
GUIDE_DIR = REPO_ROOT / "resources" / "guide"
# shared/ sits beside the clone; a worktree elsewhere can point at it instead.
SOURCE_DOC = Path(
    os.environ.get(
        "RLBABY_CONTENT_DOC", REPO_ROOT.parent / "shared" / "source" / "content-document.txt"
    )
)

NGRAM = 12

REQUIRED_SLUGS = [
    "what-it-can-mean",
    "common-causes",
    "restless-legs-syndrome",
    "nutrition",
    "sleep-and-restlessness",
    "what-parents-can-do",
    "normal-or-concerning",
    "urgent-signs",
    "sleep-myoclonus",
    "family-history",
    "wellbeing",
    "using-your-log",
    "key-takeaways",
    "questions",
    "when-to-see-a-doctor",
    "sources",
]

FILE_NAME = re.compile(r"^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
LINK = re.compile(r"\]\(#([^)\s]*)\)")
MARKER = re.compile(r"\*\(added; see (.+?)\)\*")
SOURCE_REF = re.compile(r"\[(S\d+)\]\(#sources\)")

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)


# --- helpers -----------------------------------------------------------------


def tokenize(text: str) -> list[str]:
    """Lowercase words of [a-z0-9'] after normalising curly quotes and dashes.

    Dashes and all other punctuation separate words; apostrophes at the edge of
    a word (quotation marks) are dropped so 'word' and word compare equal.
    """
    text = text.translate(_TRANSLATE).lower()
    words = (w.strip("'") for w in re.findall(r"[a-z0-9']+", text))
    return [w for w in words if w]


def ngrams(words: list[str], n: int = NGRAM) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def copied_runs(doc_grams: set[tuple[str, ...]], text: str, n: int = NGRAM) -> list[str]:
    """Every n-word run of `text` that also appears in the document."""
    words = tokenize(text)
    return [
        " ".join(words[i : i + n])
        for i in range(len(words) - n + 1)
        if tuple(words[i : i + n]) in doc_grams
    ]


def guide_files() -> dict[str, Path]:
    """slug -> path for every NN-slug.md file in the guide."""
    files: dict[str, Path] = {}
    for path in sorted(GUIDE_DIR.glob("*.md")):
        match = FILE_NAME.match(path.name)
        assert match, f"{path.name}: name must look like NN-slug.md"
        slug = match.group(2)
        assert slug not in files, f"duplicate slug {slug!r}"
        files[slug] = path
    return files


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def h2_sections(text: str) -> dict[str, str]:
    """`## Title` -> body text up to the next heading of level 1 or 2."""
    sections: dict[str, str] = {}
    current: str | None = None
    body: list[str] = []
    for line in text.splitlines():
        heading = re.match(r"^(#{1,2}) (.+?)\s*$", line)
        if heading:
            if current is not None:
                sections[current] = "\n".join(body)
            current = heading.group(2) if heading.group(1) == "##" else None
            body = []
        elif current is not None:
            body.append(line)
    if current is not None:
        sections[current] = "\n".join(body)
    return sections


@pytest.fixture(scope="module")
def doc_grams() -> set[tuple[str, ...]]:
    if not SOURCE_DOC.is_file():
        pytest.skip(f"content document not found at {SOURCE_DOC}")
    return ngrams(tokenize(read(SOURCE_DOC)))


# --- (1) no copied runs --------------------------------------------------------


def test_checker_catches_a_copied_run(doc_grams: set[tuple[str, ...]]) -> None:
    words = tokenize(read(SOURCE_DOC))
    assert len(words) > 200
    run = words[100 : 100 + NGRAM]
    pasted = "Some words of our own. " + " ".join(run).upper() + " — and more of ours."
    assert copied_runs(doc_grams, pasted), "the checker missed a pasted 12-word run"
    # Curly quotes and dashes in the copy must not hide it either.
    curly = "Parents\u2019 notes: " + "\u2014".join(run)
    assert copied_runs(doc_grams, curly)
    # ...while one word short of the limit passes.
    assert not copied_runs(doc_grams, " ".join(run[:-1]) + " zzzz")


def test_tokenizer_normalises_quotes_and_dashes() -> None:
    assert tokenize("Baby\u2019s legs\u2014What It Could Mean") == [
        "baby's",
        "legs",
        "what",
        "it",
        "could",
        "mean",
    ]


def test_no_run_of_12_words_copied_from_the_document(
    doc_grams: set[tuple[str, ...]],
) -> None:
    problems = []
    for slug, path in guide_files().items():
        for phrase in copied_runs(doc_grams, read(path)):
            problems.append(f"{path.name} ({slug}): {phrase!r}")
    assert not problems, "copied from the content document:\n" + "\n".join(problems)


# --- (2) required sections -----------------------------------------------------


def test_guide_files_are_numbered_in_order() -> None:
    numbers = [int(FILE_NAME.match(p.name).group(1)) for p in guide_files().values()]  # type: ignore[union-attr]
    assert numbers == list(range(1, len(numbers) + 1))


@pytest.mark.parametrize("slug", REQUIRED_SLUGS)
def test_required_section_exists_with_one_h1(slug: str) -> None:
    files = guide_files()
    assert slug in files, f"missing guide section {slug!r}"
    lines = read(files[slug]).splitlines()
    assert lines, f"{slug} is empty"
    assert re.match(r"^# \S", lines[0]), f"{slug}: line 1 must be a '# Title' heading"
    h1 = [line for line in lines if re.match(r"^# ", line)]
    assert len(h1) == 1, f"{slug}: exactly one level-1 heading expected, found {h1}"


def test_no_html_or_images_or_external_resources() -> None:
    for path in guide_files().values():
        text = read(path)
        assert "![" not in text, f"{path.name}: images are not allowed"
        assert not re.search(r"</?[a-zA-Z][^>]*>", text), f"{path.name}: HTML found"
        assert not re.search(r"\]\((?!#)", text), f"{path.name}: non-anchor link found"


# --- (3) links resolve ---------------------------------------------------------


def test_every_internal_link_resolves() -> None:
    files = guide_files()
    broken = [
        f"{path.name}: #{target}"
        for path in files.values()
        for target in LINK.findall(read(path))
        if target not in files
    ]
    assert not broken, "links to unknown sections:\n" + "\n".join(broken)


# --- (4) urgent-signs sections -------------------------------------------------


@pytest.mark.parametrize("title", ["Seek medical help now", "What to tell the doctor"])
def test_urgent_signs_has_in_app_notice_sections(title: str) -> None:
    sections = h2_sections(read(guide_files()["urgent-signs"]))
    assert title in sections, f"08-urgent-signs.md needs a '## {title}' section"
    body = sections[title]
    assert re.search(r"^- \S", body, re.MULTILINE), f"'{title}' needs a bullet list"
    # Shown verbatim as an in-app notice: keep it short (markers not counted).
    words = tokenize(MARKER.sub("", body))
    assert len(words) <= 130, f"'{title}' is {len(words)} words; keep it short"


# --- (5) added-fact markers ----------------------------------------------------


def test_every_added_marker_points_to_a_listed_source() -> None:
    files = guide_files()
    listed = set(re.findall(r"\[(S\d+)\]", read(files["sources"])))
    assert listed, "16-sources.md lists no [Sn] sources"
    used: set[str] = set()
    missing = []
    for slug, path in files.items():
        if slug == "sources":
            continue
        for inside in MARKER.findall(read(path)):
            refs = SOURCE_REF.findall(inside)
            assert refs, f"{path.name}: marker without a source: {inside!r}"
            for ref in refs:
                used.add(ref)
                if ref not in listed:
                    missing.append(f"{path.name}: {ref}")
    assert not missing, "markers citing unlisted sources:\n" + "\n".join(missing)
    assert used, "no *(added; see [Sn](#sources))* markers found"
    unused = sorted(listed - used, key=lambda s: int(s[1:]))
    assert not unused, f"sources listed but never cited: {unused}"


# --- (6) banned phrase ---------------------------------------------------------


def test_no_file_mentions_the_banned_phrase() -> None:
    for path in guide_files().values():
        assert "plms index" not in read(path).lower(), f"{path.name} says 'PLMS index'"


# --- (7) safety wording (issue 12) ---------------------------------------------

US_ONLY = {
    "nappy": "diaper",
    "nappies": "diapers",
    "colour": "color",
    "grey": "gray",
    "recognise": "recognize",
    "behaviour": "behavior",
    "paediatric": "pediatric",
    "health visitor": "nurse",
}


def test_guide_uses_us_spelling() -> None:
    found = [
        f"{path.name}: {uk!r} (write {us!r})"
        for path in guide_files().values()
        for uk, us in US_ONLY.items()
        if re.search(rf"\b{uk}", read(path), re.IGNORECASE)
    ]
    assert not found, "UK spelling in the guide:\n" + "\n".join(found)


def test_every_marker_is_well_formed() -> None:
    """A marker the loader cannot turn into superscript links would show raw."""
    for path in guide_files().values():
        text = read(path)
        assert text.count("(added; see") == len(MARKER.findall(text)), path.name
        for inside in MARKER.findall(text):
            assert re.fullmatch(r"\[S\d+\]\(#sources\)(, \[S\d+\]\(#sources\))*", inside), inside


def test_urgent_action_part_has_no_markers_and_names_the_emergency_number() -> None:
    """The Log tab's notice is built from this part: action first, no citations."""
    sections = h2_sections(read(guide_files()["urgent-signs"]))
    now = sections["Seek medical help now"]
    assert "(added; see" not in now
    assert "call your local emergency number ({{emergency_number}})" in now.lower()
    assert "(added; see" not in sections["What to tell the doctor"]


def test_no_fixed_emergency_number_outside_the_token() -> None:
    for path in guide_files().values():
        text = read(path)
        assert not re.search(r"\b(?:112|911|999)\b", text), f"{path.name}: a fixed number"


@pytest.mark.parametrize(
    "phrase",
    [
        "same jerking happens both when your baby is awake and when asleep",
        "does not stop when you wake your baby",
        "stiffening of the body, arms or legs lasting seconds to minutes",
        "stiffening or jerks in clusters",
        "waking, not holding, tells them apart",
        "5 to 10 seconds",
        "longer than about 10 to 20 seconds",
        "5 minutes or more",
        "lay your baby on their side",
        "do not hold your baby down",
        "note the time",
    ],
)
def test_urgent_page_says(phrase: str) -> None:
    text = " ".join(read(guide_files()["urgent-signs"]).split()).lower()
    assert phrase in text


def test_holding_the_limb_is_not_the_urgent_test() -> None:
    """Benign sleep jerks may not stop when held; waking is what tells them apart."""
    files = guide_files()
    now = h2_sections(read(files["urgent-signs"]))["Seek medical help now"].lower()
    assert "hold" not in now
    myoclonus = " ".join(read(files["sleep-myoclonus"]).split()).lower()
    assert "waking, not holding" in myoclonus


def test_the_seven_night_rule_is_never_a_reason_to_wait() -> None:
    text = " ".join(read(guide_files()["using-your-log"]).split()).lower()
    assert "never a reason to wait" in text
    assert "a cluster with stiffening" in text
    assert "less than 10" not in text


def test_typical_appearance_is_not_called_rhythmic() -> None:
    table = read(guide_files()["normal-or-concerning"])
    row = next(line for line in table.splitlines() if line.startswith("| Physical appearance"))
    assert "rhythmic" not in row.lower()
    assert "Smooth, flowing (stretching, cycling)" in row


def test_page_07_says_the_thresholds_are_the_apps_own() -> None:
    text = " ".join(read(guide_files()["normal-or-concerning"]).split())
    assert "the app's own choice, not numbers from medical studies" in text
