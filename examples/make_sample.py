"""Regenerate examples/sample.pdf (needs fpdf2 + uharfbuzz and fonts-hosny-amiri)."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

HERE = Path(__file__).parent
AMIRI = "/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf"

TITLE = "الورّاق: نسخة أمينة من النص"
PARAGRAPHS = [
    "افتتحت المكتبة العامة في مدينة الشارقة يوم الأربعاء 12 مارس/آذار 2025 قاعة جديدة للمخطوطات، "
    "تضم أكثر من 3,500 مخطوطة عربية نادرة، بعضها يعود إلى القرن الرابع الهجري. وقالت مديرة المكتبة "
    "إن نسبة ما رُقّم من المجموعة بلغت 42.5% حتى الآن، وإن العمل سيكتمل قبل نهاية عام ٢٠٢٦.",
    "ويمكن للباحثين حجز موعد عبر الموقع https://library.example.org أو بالبريد research@library.example.org، "
    "كما تتيح المكتبة نسخًا رقمية بصيغة PDF لا تحتاج إلى برنامج خاص (مثل Adobe Reader) لقراءتها.",
    "قال أحد الزوار: «الحمد لله، صار بإمكاننا أن نقرأ تراثنا من بيوتنا».",
]


def main() -> None:
    pdf = FPDF(format="A5")
    pdf.set_margins(15, 15, 15)
    pdf.add_page()
    pdf.add_font("Amiri", fname=AMIRI)
    pdf.set_text_shaping(True, direction="rtl", script="arab", language="ara")
    pdf.set_font("Amiri", size=17)
    pdf.multi_cell(0, 11, TITLE, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Amiri", size=12)
    for para in PARAGRAPHS:
        pdf.multi_cell(0, 8, para, align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.output(str(HERE / "sample.pdf"))
    (HERE / "sample.txt").write_text("\n\n".join([TITLE, *PARAGRAPHS]) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
