"""Checker speed on realistic text: `python bench/check_speed.py [--generated] [--chars N]`.

Targets: the fast pass >= 300 k chars/s on real sentences (issue 13), dictionary layers >= 1 M chars/s, pack
loading <= 300 ms, re-checking one 2,000-character paragraph <= 2 ms. By default the text is read at run time from
../shared: every sentence of the evaluation sets (data/eval/*.jsonl, one a line) and the customer's page (seeds/),
nothing copied into the project; each timed run uses a freshly loaded checker, so the typo detector's memo of
windows it has judged does not carry over between runs. `--generated` measures on prose from our own sentence
templates instead (the earlier figure; template prose repeats, so the memo answers most of it).
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

SUBJECTS = [
    "市生态环境局",
    "区委区政府",
    "各级河长",
    "全市生态环境系统",
    "执法总队",
    "监测中心",
    "各街道",
    "相关部门",
    "区建管委",
    "市绿化市容局",
    "各区第一总河长",
    "驻局纪检监察组",
    "直属机关党委",
    "综合执法队",
]
VERBS = [
    "深入推进",
    "扎实做好",
    "统筹推进",
    "全面加强",
    "持续深化",
    "加快落实",
    "认真开展",
    "着力提升",
    "切实抓好",
    "不断完善",
    "积极探索",
    "协同推动",
]
OBJECTS = [
    "河长制湖长制工作",
    "污染防治攻坚战",
    "生态环境保护督察整改",
    "水环境综合治理",
    "固体废物污染防治",
    "碳达峰碳中和工作",
    "环评审批制度改革",
    "生态环境监测网络建设",
    "党史学习教育",
    "执法监管方式优化",
    "雨污混接改造",
    "泵站放江综合治理",
    "土壤污染风险管控",
    "长三角区域生态环境保护协作",
]
GOALS = [
    "确保各项任务落地见效",
    "推动水环境质量持续改善",
    "为建设美丽上海夯实基础",
    "以优异成绩庆祝建党100周年",
    "全面提高治理效能",
    "切实增强群众获得感",
    "推动高质量发展",
    "守牢生态环境安全底线",
]
TEMPLATES = [
    "{s}要{v}{o}，{g}。",
    "{year}年，{s}{v}{o}，累计完成投资{n}亿元，{g}。",
    "会议指出，{s}要以习近平新时代中国特色社会主义思想为指导，{v}{o}。",
    "{s}负责人表示，下一步将{v}{o}，坚持问题导向，{g}。",
    "据统计，全市已建成{k}座泵站、{m}公里管网，水质达标率提高到{p}%。",
    "“{o}是一项系统工程，”{s}负责人说，“我们将{v}，{g}。”",
    "{s}在《{year}年{o}实施方案》中明确了{k}项重点任务。",
    "{s}坚持绿水青山就是金山银山的理念，{v}{o}，{g}。",
]
SLIPS = ["截止目前，", "已全面布署", "再接再励", "加强加强", "以问题和为导向"]


def news_prose(chars: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    paragraphs, size = [], 0
    while size < chars:
        sentences = []
        for _ in range(rng.randint(3, 7)):
            sentence = rng.choice(TEMPLATES).format(
                s=rng.choice(SUBJECTS),
                v=rng.choice(VERBS),
                o=rng.choice(OBJECTS),
                g=rng.choice(GOALS),
                year=rng.randint(2015, 2025),
                n=round(rng.uniform(0.5, 90), 1),
                k=rng.randint(3, 900),
                m=rng.randint(10, 5000),
                p=round(rng.uniform(60, 99.9), 1),
            )
            if rng.random() < 0.004:
                sentence = rng.choice(SLIPS) + sentence
            sentences.append(sentence)
        paragraph = "".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 1
    return "\n".join(paragraphs)


SHARED = Path(__file__).resolve().parents[2] / "shared"


def real_text() -> str:
    """The evaluation sets' sentences and the customer's page, read from ../shared ('' when absent)."""
    import json

    lines = []
    for path in sorted((SHARED / "data" / "eval").glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            lines += [json.loads(line)["src"] for line in fh if line.strip()]
    seed = SHARED / "seeds" / "000_1827cb5f2df69aa0.txt"
    if seed.exists():
        lines += [line for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()]
    return "\n".join(lines)


def _forget_transitions(checker) -> None:
    """Empty the word language model's memo of transition costs (shared by every checker in the process), so a
    timed run reads the model afresh as well."""
    for rule in checker.rules:
        if rule.type == "candidates":
            rule.detector._typo().tables.language_model()._memo.clear()


def _best(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def load_time_cold() -> float:
    """Seconds to import editor_app.proof and load every bundled pack, in a fresh interpreter."""
    code = (
        "import time; t=time.perf_counter(); from editor_app.proof import Checker; "
        "Checker.load(include_user=False); print(time.perf_counter()-t)"
    )
    src = str(Path(__file__).resolve().parents[1] / "src")
    results = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONPATH": src, "PATH": ""},
        )
        results.append(float(out.stdout.strip()))
    return min(results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000, help="with --generated: how much prose")
    parser.add_argument("--generated", action="store_true", help="measure on generated template prose")
    args = parser.parse_args()

    from editor_app.proof import Checker
    from editor_app.proof.mechanisms import DocContext

    text = news_prose(args.chars) if args.generated else real_text()
    if not text:
        print("no ../shared data: measuring on generated prose", file=sys.stderr)
        text = news_prose(args.chars)
    checker = Checker.load(include_user=False)
    Checker.load(include_user=False).check_text(text[:5000])  # warm up lazy imports and tables, not this memo

    warm_text = news_prose(20_000, seed=11)

    def fresh(function):
        """Time function(checker) with a checker that has compiled its rules and read its tables (on other text)
        but whose typo detector has judged none of the measured windows."""

        def run():
            new = Checker.load(include_user=False)
            new.check_text(warm_text)
            _forget_transitions(new)
            start = time.perf_counter()
            function(new)
            return time.perf_counter() - start

        return run

    dictionary_types = {"substitution", "existence", "consistency", "phrase"}
    dictionary = [r for r in checker.rules if r.type in dictionary_types]

    def run_dictionary():
        doc = DocContext(text)
        for rule in dictionary:
            for _hit in rule.detector.find(text, doc):
                pass

    paragraphs = text.split("\n")
    paragraph = "".join(paragraphs)[:2000]
    dict_s = _best(run_dictionary, 3)
    wholes = sorted(fresh(lambda c: c.check_text(text))() for _ in range(5))
    whole_s = statistics.median(wholes)
    per_paragraph_s = statistics.median(
        fresh(lambda c: [c.check_text(p) for p in paragraphs])() for _ in range(3)
    )
    # Re-checking after an edit, as the editor does while typing: each round inserts one character at a
    # random place (so nothing is answered from a cache of the exact same text).
    rng = random.Random(3)
    edited = []
    for _ in range(200):
        at = rng.randrange(len(paragraph))
        edited.append((paragraph[:at] + rng.choice("的了和是在要新全市区") + paragraph[at:])[:2000])
    recheck = [_best(lambda text=text: checker.check_text(text), 1) for text in edited]
    own = Checker([rule for rule in checker.rules if rule.type != "candidates"])
    own_recheck = sorted(_best(lambda text=text: own.check_text(text + "。"), 1) for text in edited)
    findings = checker.check_text(text)
    load_s = load_time_cold()

    print(
        f"text: {len(text):,} chars, {len(paragraphs):,} paragraphs, {len(checker.rules)} rules, "
        f"{len(findings):,} findings"
    )
    print(f"dictionary layers ({len(dictionary)} rules): {len(text) / dict_s / 1e6:.2f} M chars/s")
    print(
        f"whole checker, one text:       {len(text) / whole_s / 1e3:.0f} k chars/s (median of 5; best "
        f"{len(text) / wholes[0] / 1e3:.0f} k, worst {len(text) / wholes[-1] / 1e3:.0f} k)"
    )
    print(f"whole checker, per paragraph:  {len(text) / per_paragraph_s / 1e3:.0f} k chars/s (median of 3)")
    recheck.sort()
    print(
        f"re-check one 2,000-char paragraph after an edit: median {statistics.median(recheck) * 1e3:.2f} ms, "
        f"95th percentile {recheck[int(len(recheck) * 0.95)] * 1e3:.2f} ms"
    )
    print(f"  without the typo rule: median {statistics.median(own_recheck) * 1e3:.2f} ms")
    print(f"pack loading (fresh process, imports included): {load_s * 1e3:.0f} ms")
    seed = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_1827cb5f2df69aa0.txt"
    if seed.exists():  # the customer's page, imported as a document the way the GUI checks it
        from editor_app.importing import import_file

        issue = import_file(seed).issue
        checker.check_issue(issue)
        print(
            f"check_issue on the customer's page: {_best(lambda: checker.check_issue(issue), 10) * 1e3:.1f} ms"
        )
    for rule in sorted(checker.rules, key=lambda r: r.id):
        seconds = _best(lambda rule=rule: list(rule.detector.find(text, DocContext(text))), 1)
        if seconds > 0.05:
            print(f"  slowest rules: {rule.id}: {len(text) / seconds / 1e6:.2f} M chars/s")


if __name__ == "__main__":
    main()
