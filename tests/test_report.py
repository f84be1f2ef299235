"""The HTML pages: marks match the analysis offsets, nothing in an article becomes markup, batches aggregate."""

from __future__ import annotations

import gzip
import json
import re
from html.parser import HTMLParser

import lxml.html
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp_news.report.html import (
    BatchSummary,
    Mark,
    mark_pieces,
    read_output,
    render_article,
    render_batch,
)
from tests.report_fixtures import ARTICLE, battery_article, build, sentiment, theme

VOID = {
    "meta",
    "link",
    "br",
    "img",
    "input",
    "hr",
    "wbr",
    "source",
    "col",
    "area",
    "base",
    "embed",
    "param",
    "track",
}

MALICIOUS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</p></section><script>alert(2)</script>",
    '" onmouseover="alert(3)" x="',
    "</textarea><svg onload=alert(4)>",
    "<!-- --><style>body{display:none}</style>",
]

# (case, text, entities as (start, end, label), facts as (start, end)); one paragraph per line.
OVERLAPS = [
    ("fact inside entity", "甲乙丙丁戊己庚", [(0, 6, "ORG")], [(2, 4)]),
    ("entity inside fact", "甲乙丙丁戊己庚", [(2, 4, "LOC")], [(0, 6)]),
    ("fact crosses entity end", "甲乙丙丁戊己庚", [(0, 4, "ORG")], [(2, 6)]),
    ("fact crosses entity start", "甲乙丙丁戊己庚", [(2, 6, "PER")], [(0, 4)]),
    ("same span", "甲乙丙丁戊己庚", [(1, 5, "PRODUCT")], [(1, 5)]),
    (
        "entities cross each other",
        "甲乙丙丁戊己庚",
        [(0, 4, "ORG"), (2, 6, "LOC")],
        [(3, 5)],
    ),
    ("entity across two paragraphs", "甲乙丙\n\n丁戊己", [(1, 6, "WORK")], [(0, 2)]),
    ("marks at both ends", "甲乙丙丁", [(0, 1, "TITLE"), (3, 4, "PER")], [(0, 4)]),
]


class NestingChecker(HTMLParser):
    """Fails on an end tag that does not close the innermost open element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (
            f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        )
        self.stack.pop()


def assert_well_nested(page: str) -> None:
    checker = NestingChecker()
    checker.feed(page)
    checker.close()
    assert checker.stack == []


def mark_texts(page: str, attr: str) -> dict[int, str]:
    """The text under each mark (fragments of one mark joined in document order)."""
    root = lxml.html.fromstring(page)
    out: dict[int, str] = {}
    for el in root.xpath(f"//*[@{attr}]"):
        if el.xpath(f"ancestor::*[@{attr}='{el.get(attr)}']"):
            continue
        i = int(el.get(attr))
        out[i] = out.get(i, "") + el.text_content()
    return out


def from_spans(text: str, ents, facts) -> dict:
    d = build(text, title_line=False)
    d["entities"] = [
        {
            "text": text[s:e],
            "start": s,
            "end": e,
            "label": lab,
            "type": "company",
            "canonical": text[s:e],
            "score": 1.0,
            "source": "test",
        }
        for s, e, lab in ents
    ]
    d["facts"] = [
        {
            "text": text[s:e],
            "start": s,
            "end": e,
            "kind": "number",
            "value": 1,
            "unit": None,
            "currency": None,
            "qualifier": None,
            "metric": None,
            "subject": None,
            "period": None,
            "source": "test",
        }
        for s, e in facts
    ]
    return d


# --------------------------------------------------------------------------- the article page
def test_entity_marks_cover_exactly_the_analysed_spans():
    d = battery_article()
    page = render_article(d)
    texts = mark_texts(page, "data-ent")
    assert set(texts) == set(range(len(d["entities"])))
    for i, e in enumerate(d["entities"]):
        assert texts[i] == d["text"][e["start"] : e["end"]]


def test_fact_marks_cover_exactly_the_analysed_spans():
    d = battery_article()
    page = render_article(d)
    texts = mark_texts(page, "data-fact")
    assert set(texts) == set(range(len(d["facts"])))
    for j, f in enumerate(d["facts"]):
        assert texts[j] == d["text"][f["start"] : f["end"]]


def test_each_paragraph_shows_exactly_its_text_with_its_labels():
    d = battery_article()
    root = lxml.html.fromstring(render_article(d))
    sections = root.xpath("//article//section[contains(@class, 'para')]")
    assert len(sections) == len(d["paragraphs"])
    for sec, p in zip(sections, d["paragraphs"]):
        assert sec.xpath(".//p")[0].text_content() == d["text"][p["start"] : p["end"]]
        assert f"s-{p['sentiment']['label']}" in sec.get("class")
        assert (
            p["theme"]["label"]
            in sec.xpath(".//*[contains(@class, 'chip')]")[0].text_content()
        )


def test_entity_mark_says_canonical_name_and_type_on_hover():
    d = battery_article()
    root = lxml.html.fromstring(render_article(d))
    short = [
        m for m in root.xpath("//mark[@data-ent]") if m.text_content() == "星河电池"
    ]
    assert short and all(
        "星河电池股份有限公司" in m.get("title") and "company" in m.get("title")
        for m in short
    )
    assert {m.get("data-label") for m in short} == {"ORG"}


def test_fact_mark_says_value_unit_qualifier_metric_subject_and_period_on_hover():
    d = battery_article()
    root = lxml.html.fromstring(render_article(d))
    (revenue,) = root.xpath("//span[@data-fact='2']")
    tip = revenue.get("title")
    for part in (
        "5,230,000,000",
        "CNY",
        "revenue",
        "星河电池股份有限公司",
        "2025-07-01",
    ):
        assert part in tip
    (profit,) = root.xpath("//span[@data-fact='6']")
    assert (
        "about" in profit.get("title") and profit.get("data-value") == "320,000,000 CNY"
    )


def test_header_shows_title_date_sentiment_probabilities_and_top_themes():
    d = battery_article(published="2025-10-28")
    root = lxml.html.fromstring(render_article(d))
    assert root.xpath("string(//h1)") == ARTICLE.split("\n")[0]
    assert root.xpath("//time/@datetime") == ["2025-10-28"]
    bar = root.xpath("//div[contains(@class, 'sentbar')]")[0]
    widths = [
        float(re.search(r"inline-size: ([\d.]+)%", s.get("style")).group(1))
        for s in bar
    ]
    assert sum(widths) == pytest.approx(100, abs=0.1)
    assert "positive" in bar.get("aria-label") and "55%" in bar.get("aria-label")
    header = root.xpath("//header")[0].text_content()
    assert "finance 62%" in header and "technology 38%" in header


def test_tables_list_entities_by_canonical_name_and_every_fact():
    d = battery_article()
    root = lxml.html.fromstring(render_article(d))
    rows = root.xpath("//table[@id='entity-table']/tbody/tr")
    assert [r[0].text_content() for r in rows] == [
        e["canonical"] for e in d["entity_summary"]
    ]
    assert rows[0][3].text_content() == "3" and "星河电池" in rows[0][4].text_content()
    facts = root.xpath("//table[@id='fact-table']/tbody/tr")
    assert [r[1].text_content() for r in facts] == [f["text"] for f in d["facts"]]
    assert "sortable" in root.xpath("//table[@id='fact-table']/@class")[0]


def test_table_rows_link_to_the_paragraph_of_the_first_mention():
    d = battery_article()
    root = lxml.html.fromstring(render_article(d))
    links = {
        r[0].text_content(): r[5].xpath("string(a/@href)")
        for r in root.xpath("//table[@id='entity-table']/tbody/tr")
    }
    assert (
        links["星河电池股份有限公司"] == "#title"
        and links["陈立新"] == "#p1"
        and links["匈牙利德布勒森"] == "#p3"
    )
    anchors = set(root.xpath("//*[@id]/@id"))
    hrefs = root.xpath("//a[starts-with(@href, '#')]/@href")
    assert len(hrefs) > len(d["entity_summary"]) and all(
        h[1:] in anchors for h in hrefs
    )


@pytest.mark.parametrize("payload", MALICIOUS)
def test_markup_in_an_article_is_shown_as_text(payload):
    text = f"恶意标题{payload}\n\n正文{payload}提到腾讯。\n"
    d = build(
        text,
        entities=[("腾讯", "ORG", "company", f"腾讯{payload}")],
        facts=[{"surface": "正文"}],
    )
    d["id"] = payload
    d["keywords"] = [{"word": payload, "weight": 1.0}]
    page = render_article(d)
    root = lxml.html.fromstring(page)
    scripts = root.xpath("//script")
    assert (
        len(scripts) == 1 and "alert" not in scripts[0].text_content()
    )  # only the table-sorting script
    assert not root.xpath("//img | //svg | //textarea | //body//style")
    assert not [
        a
        for el in root.iter()
        if isinstance(el.tag, str)
        for a in el.attrib
        if a.startswith("on")
    ]
    assert root.xpath("string(//h1)") == f"恶意标题{payload}"
    assert root.xpath("string(//article//p)") == f"正文{payload}提到腾讯。"
    assert_well_nested(page)


@pytest.mark.parametrize(
    ("case", "text", "ents", "facts"), OVERLAPS, ids=[c[0] for c in OVERLAPS]
)
def test_overlapping_entities_and_facts_nest_and_keep_their_text(
    case, text, ents, facts
):
    d = from_spans(text, ents, facts)
    page = render_article(d)
    assert_well_nested(page)
    ent_texts, fact_texts = mark_texts(page, "data-ent"), mark_texts(page, "data-fact")
    for i, (s, e, _) in enumerate(ents):
        # A mark is cut at paragraph ends: it shows the parts of its span that lie in paragraphs.
        expected = "".join(
            text[max(s, p["start"]) : min(e, p["end"])]
            for p in d["paragraphs"]
            if p["start"] < e and s < p["end"]
        )
        assert ent_texts[i] == expected
    for j, (s, e) in enumerate(facts):
        assert fact_texts[j] == text[s:e]


def test_entity_never_split_by_a_crossing_fact():
    d = from_spans("甲乙丙丁戊己庚", [(2, 6, "PER")], [(0, 4)])
    root = lxml.html.fromstring(render_article(d))
    assert len(root.xpath("//mark[@data-ent='0']")) == 1
    assert len(root.xpath("//span[@data-fact='0']")) == 2


@settings(max_examples=60, deadline=None)
@given(
    spans=st.lists(
        st.tuples(st.integers(0, 11), st.integers(1, 6), st.booleans()),
        max_size=8,
    )
)
def test_any_overlap_of_marks_gives_well_nested_html_with_exact_texts(spans):
    text = "甲乙丙丁戊己庚辛壬癸子丑"
    ents = [(s, min(s + n, len(text)), "ORG") for s, n, is_ent in spans if is_ent]
    facts = [(s, min(s + n, len(text))) for s, n, is_ent in spans if not is_ent]
    page = render_article(from_spans(text, ents, facts))
    assert_well_nested(page)
    ent_texts, fact_texts = mark_texts(page, "data-ent"), mark_texts(page, "data-fact")
    assert [ent_texts[i] for i in range(len(ents))] == [text[s:e] for s, e, _ in ents]
    assert [fact_texts[j] for j in range(len(facts))] == [text[s:e] for s, e in facts]


def test_mark_pieces_put_back_together_give_the_block_text():
    marks = [
        Mark("ent", 0, 1, 4, 2),
        Mark("fact", 0, 3, 9, 1),
        Mark("fact", 1, 8, 20, 1),
    ]
    pieces = mark_pieces(ARTICLE, 2, 12, marks)
    assert "".join(p.text for p in pieces) == ARTICLE[2:12]
    opens = sum(p.op == "open" for p in pieces)
    assert opens == sum(p.op == "close" for p in pieces) >= 3


def test_article_without_labels_entities_or_facts_still_renders():
    d = build(ARTICLE, stages=["keywords"])
    page = render_article(d)
    assert "the labels stage did not run" in page
    assert (
        "The entities stage did not run" in page
        and "The facts stage did not run" in page
    )
    root = lxml.html.fromstring(page)
    assert (
        len(root.xpath("//section[contains(@class, 'para')]"))
        == len(d["paragraphs"])
        == 4
    )
    assert not root.xpath("//*[@data-ent] | //*[@data-fact]")


def test_stage_that_ran_but_found_nothing_says_so():
    page = render_article(build(ARTICLE))
    assert "No entities found." in page and "No numeric facts found." in page


def test_text_outside_paragraphs_is_shown_not_dropped():
    text = "标题一行\n\n第一段。\n\n页脚：版权所有\n"
    d = build(text)
    d["paragraphs"] = d["paragraphs"][
        :1
    ]  # the footer is neither paragraph nor boilerplate
    root = lxml.html.fromstring(render_article(d))
    assert "页脚：版权所有" in root.xpath("string(//article)")


def test_analysis_without_text_is_refused_with_the_fix():
    d = battery_article()
    del d["text"]
    with pytest.raises(ValueError, match="include_text=True"):
        render_article(d)


def test_out_of_range_offsets_are_clipped_not_fatal():
    d = from_spans("甲乙丙", [(1, 3, "ORG")], [])
    d["facts"] = [
        {"text": "x", "start": 2, "end": 99, "kind": "number", "value": 1},
        {"text": "y", "start": 5, "end": 4, "kind": "number", "value": 1},
    ]
    page = render_article(d)
    assert_well_nested(page)
    assert mark_texts(page, "data-fact") == {0: "丙"}


# --------------------------------------------------------------------------- the batch page
def _records():
    a = battery_article(id="xh-1", published="2025-10-28")
    b = battery_article(id="xh-2", published="2025-10-29")
    b["sentiment"] = sentiment("negative", 0.7)
    b["themes"] = dict(theme("stocks"), top=[["stocks", 0.7]])
    b["facts"][7]["value"] = 2.5e9  # the EUR investment, now larger
    c = build(
        "无日期的文章\n\n华为公司发布新品，售价5999元。\n",
        entities=[("华为公司", "ORG", "company", "华为公司")],
        facts=[
            {"surface": "5999元", "kind": "money", "value": 5999, "currency": "CNY"}
        ],
        paragraph_labels=[("positive", "technology")],
        id="nodate",
    )
    c["sentiment"] = sentiment("positive")
    c["themes"] = dict(theme("finance"), top=[["finance", 0.7]])
    err = {
        "id": "broken<b>1</b>",
        "error": {"type": "EmptyText", "message": "the text is <i>empty</i>"},
    }
    return [a, b, c, err]


def test_batch_counts_articles_and_lists_errors():
    root = lxml.html.fromstring(render_batch(_records(), title="Test run"))
    assert root.xpath("string(//h1)") == "Test run"
    stats = root.xpath("//ul[@class='stats']/li/b/text()")
    assert stats[:2] == ["3", "1"]
    rows = root.xpath("//table[@id='error-table']/tbody/tr")
    assert [r[0].text_content() for r in rows] == ["broken<b>1</b>"]
    assert rows[0][2].text_content() == "the text is <i>empty</i>"
    assert not root.xpath(
        "//table[@id='error-table']//b | //table[@id='error-table']//i"
    )


def test_batch_money_grouped_by_currency_largest_first_with_links_to_articles():
    page = render_batch(_records())
    root = lxml.html.fromstring(page)
    groups = {
        h.text.strip(): h.getnext()
        for h in root.xpath("//h2[@id='money']/following-sibling::h3")
    }
    assert list(groups) == ["CNY", "EUR"]  # the most used currency first
    assert set(groups) == {"CNY", "EUR"}
    eur = [r[0].text_content() for r in groups["EUR"].xpath(".//tbody/tr")]
    assert eur == ["2,500,000,000", "800,000,000"]
    cny = [r[0].text_content() for r in groups["CNY"].xpath(".//tbody/tr")]
    assert cny[:2] == ["5,230,000,000", "5,230,000,000"] and cny[-1] == "5,999"
    anchors = set(root.xpath("//*[@id]/@id"))
    links = root.xpath("//a[starts-with(@href, '#')]/@href")
    assert links and all(h[1:] in anchors for h in links)
    target = groups["EUR"].xpath(".//tbody/tr[1]//a/@href")[0][1:]
    assert root.xpath(f"//tr[@id='{target}']/td[2]")[0].text_content() == "xh-2"


def test_batch_lists_an_amount_repeated_in_one_article_once():
    text = "标题\n\n融资10亿元。此次10亿元融资之后，又获5亿元。\n"
    money = {"kind": "money", "currency": "CNY"}
    d = build(
        text,
        id="r",
        facts=[
            dict(money, surface="10亿元", value=1e9),
            dict(money, surface="10亿元", nth=1, value=1e9),
            dict(money, surface="5亿元", value=5e8),
        ],
    )
    root = lxml.html.fromstring(render_batch([d]))
    assert [
        r[0].text_content()
        for r in root.xpath("//table[contains(@class, 'money')]/tbody/tr")
    ] == ["1,000,000,000", "500,000,000"]
    assert "(3 money facts; the 2 largest)" in root.xpath(
        "string(//h2[@id='money']/following-sibling::h3)"
    )


def test_batch_sentiment_and_theme_distributions():
    root = lxml.html.fromstring(render_batch(_records()))
    bars = {
        g.xpath("string(text[1])"): g.xpath("string(text[2])")
        for g in root.xpath("//h2[@id='sentiment']/following::svg[1]/g")
    }
    assert bars == {"positive": "2", "neutral": "0", "negative": "1"}
    themes = {
        g.xpath("string(text[1])"): g.xpath("string(text[2])")
        for g in root.xpath("//h2[@id='themes']/following::svg[1]/g")
    }
    assert themes == {"finance": "2", "stocks": "1"}


def test_batch_sentiment_over_time_only_for_dated_articles():
    page = render_batch(_records())
    root = lxml.html.fromstring(page)
    dates = root.xpath(
        "//svg[contains(@aria-label, 'per day')]//text[contains(., '2025-10')]/text()"
    )
    assert dates == ["2025-10-28", "2025-10-29"]
    assert "Not in this chart: 1 labelled article without a publication date." in page
    undated = render_batch([r for r in _records() if not r.get("published")])
    assert "so there is no timeline" in undated


def test_batch_entity_average_paragraph_sentiment_weights_by_probability():
    s = BatchSummary()
    for rec in _records():
        s.add(rec)
    top = {e["canonical"]: e for e in s.top_entities()}
    xinghe = top["星河电池股份有限公司"]
    assert (xinghe["mentions"], xinghe["articles"]) == (6, 2)
    # In each article: one mention in the positive ¶1 (0.8 − 0.1), one in the neutral ¶3 (0.1 − 0.1), one in the title.
    assert xinghe["polarity"] == pytest.approx(0.35)
    assert xinghe["polarity_n"] == 4


def test_batch_without_labels_or_entities_still_renders():
    d = build(ARTICLE, stages=["keywords"], id="plain")
    page = render_batch([d])
    assert (
        "the labels stage did not run" in page
        and "No entities" in page
        and "No money facts" in page
    )


def test_batch_keeps_no_article_text():
    page = render_batch(_records())
    assert "分析师认为短期压力仍在" not in page


def test_batch_counts_malformed_records_as_errors():
    s = BatchSummary()
    for rec in [
        {"id": "x", "title": "no paragraphs"},
        [1, 2],
        {"id": "y", "paragraphs": [], "entities": [{"start": "?"}]},
    ]:
        s.add(rec)
    assert (s.analysed, s.error_count) == (1, 2)
    assert {e["type"] for e in s.errors} == {"NotAnAnalysis", "NotARecord"}


# --------------------------------------------------------------------------- reading and the command
def test_read_output_turns_bad_lines_into_error_records(tmp_path):
    path = tmp_path / "out.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "a", "paragraphs": []}) + "\n{broken\n\n")
    recs = list(read_output(path))
    assert [r.get("id") for r in recs] == ["a", "line:2"]
    assert recs[1]["error"]["type"] == "InvalidJSON"


def test_report_command_writes_the_page_and_counts_bad_lines(tmp_path):
    from nlp_news.cli import main

    src = tmp_path / "scored.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in _records()] + [
        "not json at all"
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        main, ["report", str(src), "-o", str(out), "--title", "Wire"]
    )
    assert result.exit_code == 0, result.output
    root = lxml.html.fromstring(out.read_text(encoding="utf-8"))
    assert root.xpath("string(//title)") == "Wire"
    assert root.xpath("//ul[@class='stats']/li/b/text()")[:2] == ["3", "2"]
    assert "InvalidJSON" in root.xpath("string(//table[@id='error-table'])")


def test_report_command_reads_standard_input_and_writes_standard_output():
    from nlp_news.cli import main

    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _records())
    result = CliRunner().invoke(
        main, ["report", "-", "-o", "-"], input=lines.encode("utf-8")
    )
    assert result.exit_code == 0, result.output
    root = lxml.html.fromstring(result.stdout)
    assert root.xpath("//ul[@class='stats']/li/b/text()")[:2] == ["3", "1"]


def test_report_command_help_ends_with_a_runnable_example():
    from nlp_news.cli import main

    result = CliRunner().invoke(main, ["report", "--help"])
    assert result.exit_code == 0
    assert (
        result.output.rstrip().splitlines()[-1].strip().startswith("nlp-news report ")
    )


def test_report_command_on_a_missing_file_says_so(tmp_path):
    from nlp_news.cli import main

    result = CliRunner().invoke(
        main, ["report", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "r.html")]
    )
    assert result.exit_code == 2 and "does not exist" in result.output


# --------------------------------------------------------------------------- against the schema and the real pipeline
def test_hand_written_analyses_follow_the_output_schema():
    jsonschema = pytest.importorskip("jsonschema")
    from importlib.resources import files

    schema = json.loads(
        files("nlp_news").joinpath("schema.json").read_text(encoding="utf-8")
    )
    for rec in _records():
        jsonschema.validate(rec, schema)


@pytest.mark.parametrize(
    "name",
    ["ipo-finance.txt", "ai-products.html", "hk-traditional.txt", "fullwidth.txt"],
)
def test_pages_of_the_samples_mark_exactly_what_the_pipeline_found(analyzer, name):
    from nlp_news.io.read import read_article
    from tests.conftest import SAMPLES

    art = read_article(SAMPLES / name)
    text = art.text
    d = analyzer.analyze(text, title=art.title, published=art.published).to_dict()
    page = render_article(d)
    assert_well_nested(page)
    assert mark_texts(page, "data-ent") == {
        i: text[e["start"] : e["end"]] for i, e in enumerate(d["entities"])
    }
    assert mark_texts(page, "data-fact") == {
        j: text[f["start"] : f["end"]] for j, f in enumerate(d["facts"])
    }
    batch = lxml.html.fromstring(render_batch([dict(d, id=name)]))
    assert batch.xpath("//ul[@class='stats']/li/b/text()")[:2] == ["1", "0"]
