"""Damage simulator for `warraq repair`: break clean Arabic text the way extraction tools do.

Patterns (issue 5): whole lines in visual order (1, as pdfminer.six writes them), reversed segments
of justified lines (2; a share of the cuts may be written with no space), justification kashida
(3), PUA codes for digits and contextual letter forms (4), mixed-direction lines with runs in
visual order (5). Rates and a seed control it; the truth is written alongside (the same text
wrapped into the same lines, undamaged).

    python -m bench.textdamage IN.md OUT_DIR --seed 1 --segments 0.5 --kashida 0.1 --pua-digits --pua-letters 2
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from warraq.arabic.bidi import logical_to_visual

NON_JOINING = frozenset("اأإآٱدذرزوؤةء")
ARABIC_LETTER = re.compile("[\u0621-\u064a]")
TATWEEL = "\u0640"
_LATIN_NUMBER = re.compile(r"(?<=[A-Za-z]\s)[0-9][0-9,\s]*[0-9]|(?<=[A-Za-z]\s)[0-9]")


@dataclass(frozen=True)
class DamageConfig:
    """Rates of each pattern. Line rates are shares of eligible lines; kashida a share of words."""

    seed: int = 0
    segments: float = 0.0        # lines cut into 2-4 pieces written last-first
    between_words: float = 0.2   # share of cuts that fall between words rather than mid-word
    kashida: float = 0.0         # words stretched with 1-4 tatweel
    pua_digits: bool = False     # every digit in Arabic context becomes a PUA code
    pua_letters: int = 0         # number of (letter, contextual form) pairs turned into PUA codes
    mixed: float = 0.0           # lines with Latin/digits whose runs are put in visual order
    visual: float = 0.0          # lines written fully in visual order (pdfminer.six)
    width: int = 70              # line width used to wrap paragraphs into "PDF lines"
    glued: float = 0.0           # share of cuts written with no space between the pieces


@dataclass
class Damaged:
    text: str
    truth: str
    kinds: list[list[str]] = field(default_factory=list)   # damage applied, per line
    pua: dict[str, str] = field(default_factory=dict)       # code -> character (the key)


def wrap(text: str, width: int = 70) -> list[str]:
    """Paragraphs wrapped into lines, as a justified PDF would set them (headings kept whole)."""
    out: list[str] = []
    for para in text.split("\n"):
        para = para.strip()
        if not para:
            continue
        out.extend(textwrap.wrap(para, width=width, break_long_words=False, break_on_hyphens=False) or [para])
    return out


def damage(text: str, cfg: DamageConfig) -> Damaged:
    """Wrap and damage a clean text; returns damaged text, truth and what was done to each line."""
    rng = random.Random(cfg.seed)
    lines = wrap(text, cfg.width)
    kinds: list[list[str]] = [[] for _ in lines]
    work = list(lines)
    for i, line in enumerate(work):
        if not ARABIC_LETTER.search(line):
            continue
        if cfg.kashida:
            work[i], hit = stretch(line, cfg.kashida, rng)
            if hit:
                kinds[i].append("kashida")
        roll = rng.random()
        if roll < cfg.visual:
            work[i] = logical_to_visual(work[i], "rtl")
            kinds[i].append("visual")
        elif roll < cfg.visual + cfg.mixed and re.search("[A-Za-z0-9]", work[i]):
            work[i] = runs_visual(work[i])
            kinds[i].append("mixed")
        elif rng.random() < cfg.segments:
            cut = cut_segments(work[i], rng, cfg.between_words, cfg.glued)
            if cut != work[i]:
                work[i] = cut
                kinds[i].append("segments")
    key: dict[str, str] = {}
    if cfg.pua_digits:
        work, key = pua_digits(work, rng, kinds)
    if cfg.pua_letters:
        work, letters = pua_letters(work, lines, cfg.pua_letters, rng, kinds)
        key.update(letters)
    return Damaged("\n".join(work) + "\n", "\n".join(lines) + "\n", kinds, key)


def stretch(line: str, rate: float, rng: random.Random) -> tuple[str, bool]:
    """Pattern 3: insert 1-4 tatweel between two joining letters in some words."""
    words = line.split(" ")
    hit = False
    for w, word in enumerate(words):
        spots = [i for i in range(1, len(word))
                 if ARABIC_LETTER.match(word[i - 1]) and ARABIC_LETTER.match(word[i])
                 and word[i - 1] not in NON_JOINING and word[i - 1] != "ء"]
        if spots and rng.random() < rate:
            i = rng.choice(spots)
            words[w] = word[:i] + TATWEEL * rng.randint(1, 4) + word[i:]
            hit = True
    return " ".join(words), hit


def cut_segments(line: str, rng: random.Random, between_words: float, glued: float = 0.0) -> str:
    """Pattern 2: cut after non-joining letters (mid-word) or between words, reverse the pieces,
    written with a space at each cut, or with none at a share `glued` of them."""
    mid = [i for i in range(1, len(line))
           if (line[i - 1] in NON_JOINING or line[i - 1] == TATWEEL) and ARABIC_LETTER.match(line[i])]
    gaps = [i for i in range(1, len(line) - 1) if line[i] == " "]
    if not mid and not gaps:
        return line
    k = rng.randint(1, 3)
    cuts: set[int] = set()
    for _ in range(k):
        pool = gaps if (rng.random() < between_words or not mid) else mid
        if pool:
            cuts.add(rng.choice(pool))
    bounds = [0, *sorted(cuts), len(line)]
    pieces = [line[a:b].strip() for a, b in zip(bounds, bounds[1:])]
    pieces = [p for p in pieces if p][::-1]
    if not glued:
        return " ".join(pieces)
    return pieces[0] + "".join(("" if rng.random() < glued else " ") + p for p in pieces[1:])


def runs_visual(line: str) -> str:
    """Pattern 5: runs in display order, but the Arabic inside each run left in logical order."""
    runs = list(re.finditer("[\u0621-\u065f\u0660-\u0669\u0670](?:[\u0600-\u06ff ]*[\u0621-\u065f\u0660-\u0669\u0670])?", line))
    if len(runs) > 27:
        return line
    stand = "بتثجحخسشصضطظعغفقكلمنهيئ"
    masked, pos = "", 0
    for n, m in enumerate(runs):
        masked += line[pos:m.start()] + stand[n % len(stand)]
        pos = m.end()
    masked += line[pos:]
    shown = logical_to_visual(masked, "rtl")
    back = {stand[n % len(stand)]: m.group() for n, m in enumerate(runs)}
    return "".join(back.get(c, c) for c in shown)


def pua_digits(lines: list[str], rng: random.Random, kinds: list[list[str]]) -> tuple[list[str], dict[str, str]]:
    """Pattern 4a: digits of the Arabic font become PUA codes; digits after a Latin word stay."""
    codes = rng.sample(range(0xE000, 0xF8FF), 20)  # European and Arabic-Indic digits are other glyphs
    table = {d: chr(c) for d, c in zip("0123456789", codes)}
    table.update({chr(0x660 + i): chr(codes[10 + i]) for i in range(10)})
    out = []
    for i, line in enumerate(lines):
        if not ARABIC_LETTER.search(line) or not re.search("[0-9\u0660-\u0669]", line):
            out.append(line)
            continue
        keep = {j for m in _LATIN_NUMBER.finditer(line) for j in range(m.start(), m.end())}
        new = "".join(table.get(c, c) if j not in keep else c for j, c in enumerate(line))
        if new != line:
            kinds[i].append("pua-digits")
        out.append(new)
    return out, {v: k for k, v in table.items()}


def _form(line: str, i: int) -> tuple[bool, bool]:
    prev = line[i - 1] if i else " "
    nxt = line[i + 1] if i + 1 < len(line) else " "
    joins_prev = bool(ARABIC_LETTER.match(prev)) and prev not in NON_JOINING
    joins_next = bool(ARABIC_LETTER.match(nxt)) and line[i] not in NON_JOINING
    return joins_prev, joins_next


def pua_letters(lines: list[str], truth: list[str], n: int, rng: random.Random,
                kinds: list[list[str]]) -> tuple[list[str], dict[str, str]]:
    """Pattern 4b: n (letter, contextual form) pairs of the truth become PUA codes everywhere."""
    counts: dict[tuple[str, tuple[bool, bool]], int] = {}
    for line in truth:
        for i, c in enumerate(line):
            if ARABIC_LETTER.match(c):
                counts[(c, _form(line, i))] = counts.get((c, _form(line, i)), 0) + 1
    common = sorted((k for k, v in counts.items() if v >= 3), key=lambda k: (-counts[k], k))[:12]
    chosen = rng.sample(common, min(n, len(common)))
    codes = {pair: chr(c) for pair, c in zip(chosen, rng.sample(range(0xF000, 0xF8FF), len(chosen)))}
    out = []
    for k, line in enumerate(lines):
        new = "".join(codes.get((c, _form(line, i)), c) if ARABIC_LETTER.match(c) else c
                      for i, c in enumerate(line))
        if new != line:
            kinds[k].append("pua-letters")
        out.append(new)
    return out, {code: pair[0] for pair, code in codes.items()}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("input", type=Path)
    p.add_argument("out_dir", type=Path)
    p.add_argument("--seed", type=int, default=0)
    for name in ("segments", "kashida", "mixed", "visual", "between-words", "glued"):
        p.add_argument(f"--{name}", type=float, default=0.0 if name != "between-words" else 0.2)
    p.add_argument("--pua-digits", action="store_true")
    p.add_argument("--pua-letters", type=int, default=0)
    a = p.parse_args(argv)
    cfg = DamageConfig(a.seed, a.segments, a.between_words, a.kashida, a.pua_digits, a.pua_letters, a.mixed, a.visual,
                       glued=a.glued)
    d = damage(a.input.read_text(encoding="utf-8"), cfg)
    a.out_dir.mkdir(parents=True, exist_ok=True)
    stem = a.input.stem
    (a.out_dir / f"{stem}.s{a.seed}.broken.txt").write_text(d.text, encoding="utf-8")
    (a.out_dir / f"{stem}.s{a.seed}.truth.txt").write_text(d.truth, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())


# Original news-like texts for the repair evaluation when no benchmark texts are given.
SAMPLES: dict[str, str] = {
    "economy": (
        "أعلنت وزارة المالية يوم الأحد 12 مارس 2023 عن خطة جديدة لدعم المشروعات الصغيرة والمتوسطة في المحافظات "
        "الريفية، وقالت الوزارة في بيان رسمي إن قيمة الخطة تبلغ 450 مليون دينار تصرف على ثلاث مراحل خلال العامين "
        "المقبلين.\n"
        "وأوضح المتحدث باسم الوزارة أن المرحلة الأولى تبدأ في شهر يونيو المقبل، وتشمل تقديم قروض ميسرة بفائدة لا "
        "تتجاوز 3 في المئة للشباب والنساء، إلى جانب برامج تدريب على الإدارة والتسويق الإلكتروني.\n"
        "ورحبت غرفة التجارة بالقرار، وذكرت في تقرير صدر يوم 15 مارس أن عدد المشروعات المسجلة ارتفع من 18 ألفا في "
        "عام 2019 إلى أكثر من 27 ألفا في نهاية عام 2022، رغم الصعوبات التي واجهها الاقتصاد بعد الجائحة.\n"
    ),
    "science": (
        "نشرت مجلة Nature دراسة جديدة أعدها فريق من الباحثين في جامعة القاهرة بالتعاون مع معهد Max Planck الألماني، "
        "تناولت أثر ارتفاع درجات الحرارة على المحاصيل الزراعية في دلتا النيل.\n"
        "وبينت الدراسة أن إنتاج القمح قد ينخفض بنسبة 12 في المئة بحلول عام 2050 إذا استمر الاحترار بالمعدل الحالي، "
        "وأوصى الباحثون بتطوير أصناف تتحمل الجفاف وتحسين أنظمة الري في المزارع الصغيرة.\n"
        "وقال الدكتور أحمد سليمان، رئيس الفريق، في مؤتمر صحفي عقد في 4 أبريل 2024 إن النتائج تستند إلى بيانات "
        "جمعت على مدى 30 عاما من محطات الرصد في 14 محافظة.\n"
    ),
    "culture": (
        "افتتح معرض الكتاب الدولي دورته الخامسة والخمسين يوم الخميس 25 يناير 2024 بمشاركة أكثر من 1200 دار نشر من "
        "70 دولة، واختارت اللجنة المنظمة الأدب المغربي ضيف شرف لهذا العام.\n"
        "ويضم برنامج المعرض ندوات عن الترجمة والنشر الرقمي ومستقبل المكتبات العامة، إضافة إلى أمسيات شعرية وورش "
        "للأطفال في القاعة الرئيسية.\n"
        "وأشار مدير المعرض إلى أن عدد الزوار في الدورة السابقة بلغ نحو مليوني زائر، وأن المنظمين يتوقعون زيادة "
        "كبيرة هذه السنة بعد توسيع ساحات العرض وتحسين وسائل النقل إلى أرض المعارض.\n"
    ),
    "health": (
        "حذرت منظمة الصحة العالمية في تقريرها السنوي من انتشار الأمراض المزمنة في المدن الكبيرة، ودعت الحكومات إلى "
        "زيادة الإنفاق على الرعاية الصحية الأولية وبرامج الوقاية.\n"
        "وجاء في التقرير أن نسبة المصابين بمرض السكري بين البالغين وصلت إلى 17 في المئة في بعض دول المنطقة، وأن "
        "قلة النشاط البدني والتغذية غير الصحية من أهم أسباب هذه الزيادة.\n"
        "وفي تصريح نشره على منصة X يوم 8 نوفمبر 2023، قال المدير الإقليمي للمنظمة إن المستشفيات تحتاج إلى آلاف "
        "الأطباء والممرضين الجدد خلال السنوات الخمس المقبلة.\n"
    ),
    "sport": (
        "فاز المنتخب الوطني على نظيره الياباني بهدفين مقابل هدف واحد في المباراة الودية التي أقيمت مساء الثلاثاء "
        "على ملعب المدينة الرياضية أمام أكثر من 40 ألف مشجع.\n"
        "وسجل هدفي الفريق اللاعب يوسف الحسن في الدقيقة 23 والدقيقة 78، بينما أحرز اللاعب Takumi Sato هدف الضيوف "
        "قبل نهاية الشوط الأول بدقائق قليلة.\n"
        "وقال المدرب بعد المباراة إن الفريق ما زال يحتاج إلى مزيد من العمل قبل انطلاق البطولة القارية في شهر "
        "سبتمبر، وأضاف أن الإصابات أثرت على خطته الدفاعية.\n"
    ),
    "city": (
        "بدأت بلدية المدينة أعمال تطوير الحديقة العامة الواقعة في وسط البلد، ومن المنتظر أن تنتهي الأعمال في 30 "
        "يونيو 2025 بتكلفة تقدر بنحو 8 ملايين دولار.\n"
        "ويشمل المشروع زراعة أكثر من 600 شجرة جديدة وإنشاء مسارات للمشي والدراجات ومكتبة صغيرة مفتوحة للجميع، كما "
        "سيتم تركيب أنظمة ري حديثة تعمل بالطاقة الشمسية.\n"
        "وقالت رئيسة البلدية في لقاء مع السكان إن الحديقة ستبقى مفتوحة جزئيا خلال فترة العمل، وإن الإدارة تستقبل "
        "الملاحظات عبر موقعها الإلكتروني حتى نهاية الشهر المقبل.\n"
    ),
}
