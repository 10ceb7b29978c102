"""Lines cut at their kashidas, the pieces written last-first with the kashida glyph's stand-in at
each cut (pypdf and PyMuPDF on LibreOffice's justified text). Lines invented; expected Arabic
written by hand."""

from __future__ import annotations

from warraq.repair import repair
from warraq.repair.kashidacuts import turn

# "أطلقت البلدية حملة واسعة على منصة X لتنظيف الحدائق العامة في المدينة", cut in البل|دية,
# واس|عة, منص|ة and لتنظ|يف, المدي|نة: each stretch of Arabic between the Latin run has its
# pieces in reverse order, the stretches themselves stay in order.
_CUT = "ة **عة على منص**دية حملة واس**أطلقت البلXنة**يف الحدائق العامة في المدي** لتنظ"
_WHOLE = "أطلقت البلدية حملة واسعة على منصة X لتنظيف الحدائق العامة في المدينة"


def test_pieces_put_back_in_each_stretch() -> None:
    assert turn(_CUT) == _WHOLE


def test_the_line_stop_ends_the_turned_line() -> None:
    # drawn at the line's far left, the stop comes with the first piece, before or after it
    want = "وتعتزم البلدية إنشاء حدائق جديدة في الأحياء الشعبية."
    assert turn("ة*ق جديدة في الأحياء الشعبي*ة إنشاء حدائ*وتعتزم البلدي.") == want
    assert turn(".ة*ق جديدة في الأحياء الشعبي*ة إنشاء حدائ*وتعتزم البلدي") == want


def test_writing_with_signs_between_words_is_left_alone() -> None:
    for clean in ("قال المدير* إن الخطة جاهزة", "في يوليو/تموز كتب “الخوارزميات” اليوم", "ص.ب 1234 الرياض"):
        assert turn(clean) is None
        assert repair(clean).text == clean


def test_document_repair_turns_its_lines_once() -> None:
    second = "ة*ق جديدة في الأحياء الشعبي*ة إنشاء حدائ*وتعتزم البلدي."
    fixed = repair(_CUT + "\n" + second + "\nوتقول البلدية إن الحملة تستمر شهرًا")
    assert fixed.text.split("\n")[:2] == [_WHOLE, "وتعتزم البلدية إنشاء حدائق جديدة في الأحياء الشعبية."]
    assert [c.rule for c in fixed.changes] == ["kashida-cuts", "kashida-cuts"]
    assert repair(fixed.text).text == fixed.text
    # one tool wrote the whole document: a line alone is no pattern
    alone = repair(_CUT + "\nوتقول البلدية إن الحملة تستمر شهرًا")
    assert "kashida-cuts" not in [c.rule for c in alone.changes]
