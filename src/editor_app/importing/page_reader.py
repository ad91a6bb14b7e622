"""Read a page of copy — a list of units — into blocks: banner, editor's notes, articles, photos.

One pass, left to right, with a little look-ahead. Headlines are runs of short unpunctuated lines
whose role follows from what comes next (an 编者按 → banner; body → article; a continuing speech
report → subhead). Paragraphs split by columns or pictures are mended: a paragraph that ends
without terminal punctuation takes the next body fragment, even across a caption. Every decision
the reader is unsure of becomes an `ImportNote`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from editor_app.importing import signals as sig
from editor_app.importing.headlines import HEADING_ROLES, assign_heads, subhead_score
from editor_app.importing.result import ImportNote
from editor_app.importing.units import Unit, placeholder_gap, usual_gap
from editor_app.messages import msg
from editor_app.model.document import Article, Banner, Block, EditorNote, Paragraph, Photo, PhotoBlock


@dataclass
class PageReading:
    blocks: list[Block] = field(default_factory=list)
    notes: list[ImportNote] = field(default_factory=list)
    editors: dict[str, str] = field(default_factory=dict)
    newspaper: bool = False  # 「本报讯」, 「记者」: the copy comes from a licensed newspaper
    page_name: str | None = None  # a running head (版眉) found above the first headline
    page_number: int | None = None
    date: str | None = None
    masthead: list[str] = field(default_factory=list)  # Word paragraphs in a 「报头」 style


class PageReader:
    def __init__(self, units: list[Unit], editors: dict[str, str] | None = None, page_furniture: bool = True):
        self.units = units
        self.page_furniture = page_furniture  # read a 版眉 and credits lines (whole pages only)
        self.ph_gap = placeholder_gap(units)
        self.par_gap = usual_gap(units)  # blank lines between paragraphs on this page (0: none)
        long_lines = [u for u in units if u.size > 30]  # body lines; captions here are shorter
        self.indents = len(long_lines) >= 2 and sum(u.indented for u in long_lines) >= 0.8 * len(long_lines)
        self.out = PageReading(editors=editors if editors is not None else {})
        self.article: Article | None = None  # open article: takes paragraphs, photos, byline
        self.note: EditorNote | None = None  # open editor's note
        self.open_para: Paragraph | None = None  # a paragraph that ended mid-sentence
        self.open_line = 0
        self.pending_photos: list[Photo] = []
        self.last_article: Article | None = None

    # --- helpers --------------------------------------------------------------------------------

    def _note(self, message: str, block=None, line: int | None = None, kind: str = "") -> None:
        self.out.notes.append(ImportNote(message, block.id if block is not None else None, line, kind))

    def _at(self, i: int) -> Unit | None:
        return self.units[i] if 0 <= i < len(self.units) else None

    def _is_heading(self, unit: Unit) -> bool:
        if unit.image is not None:
            return False
        hints = unit.hints
        if hints is not None and hints.role is not None:
            return hints.role in HEADING_ROLES
        if hints is not None and hints.heading_level is not None and unit.size <= 2 * sig.HEADING_MAX:
            return True
        if (
            hints is not None
            and (hints.bold or hints.heavy_face or hints.align == "center")
            and not hints.caption_style
            and unit.size <= sig.HEADING_MAX
            and not sig.ends_sentence(unit.text)
            and not sig.has_clause_punct(unit.text.rstrip("！？!?") + "x")
        ):
            return True
        if unit.indented and not sig.is_deck(unit.text):
            return False  # an indented line is a paragraph of running text
        if (
            sig.author_line(unit.text)
            or sig.jump_line(unit.text)
            or sig.credits_line(unit.text)
            or sig.dateline(unit.text)
            or sig.date_only(unit.text)
        ):
            return False
        return sig.heading_like(unit.text)

    def _container(self):
        return self.article if self.article is not None else self.note

    # --- opening and closing blocks -------------------------------------------------------------

    def _close(self) -> None:
        """Close the open article or note, noting an unfinished last paragraph."""
        if self.open_para is not None and self.article is not None:
            self._note(
                msg("the article ends mid-sentence; it probably continues on another page"),
                self.article,
                self.open_line,
                kind="open_end",
            )
        article = self.article
        if (
            article is not None
            and article.byline is None
            and article.paragraphs
            and article.paragraphs[-1].kind == "text"
        ):
            tagged = sig.trailing_tag(article.paragraphs[-1].text)
            if tagged is not None:  # 「……敢于担当。（环土）」: the byline set on the last line
                article.paragraphs[-1].text, article.byline = tagged
        self.article = None
        self.note = None
        self.open_para = None

    def _new_article(self, unit: Unit, heads: list[Unit] | None = None) -> Article:
        self._close()
        article = Article()
        if heads:
            article.kicker, article.title, article.subtitle = assign_heads(heads)
        elif unit.gap >= self.ph_gap and not self.pending_photos and self.last_article is not None:
            # a picture-sized gap, then text with no headline: a 图片新闻 whose picture was not in the text
            article.photos.append(Photo())
            self._note(
                msg("a photo-news item (图片新闻): a picture stood before this text; add the image"),
                article,
                unit.line,
                kind="photo_news",
            )
        else:
            self._note(
                msg("an article without a title (the headline may be missing or a picture)"),
                article,
                unit.line,
                kind="untitled",
            )
        article.photos.extend(self.pending_photos)
        self.pending_photos.clear()
        self.out.blocks.append(article)
        self.article = self.last_article = article
        return article

    # --- the pass -------------------------------------------------------------------------------

    def read(self) -> PageReading:
        i = 0
        while i < len(self.units):
            i = self._step(i)
        self._close()
        self._flush_photos()
        return self.out

    def _step(self, i: int) -> int:
        unit = self.units[i]
        text = unit.text
        role = unit.hints.role if unit.hints is not None else None
        if unit.image is not None or role == "placeholder":  # a placeholder frame: the photo, image to come
            return self._picture(i)
        if role == "masthead" and self.page_furniture:
            self.out.masthead.append(text)
            return i + 1
        if role == "credits" and self.page_furniture:
            text = sig.unbracket(text)  # 「（责任编辑：林悦　校对：周宁）」
        credits = sig.parse_credits(text) if self.page_furniture and sig.credits_line(text) else None
        if credits and not credits.keys() & self.out.editors.keys():
            self.out.editors.update(credits)
            return i + 1
        text = unit.text
        label = sig.editor_note_label(text)
        if label is not None:
            self._close()
            self.note = EditorNote(label=label[0])
            self.out.blocks.append(self.note)
            if label[1]:
                self._add_paragraph(label[1], unit)
            return i + 1
        if sig.jump_line(text):
            self._jump(unit)
            return i + 1
        if not any(ch.isalpha() for ch in text):  # ornaments, page numbers 「— 3 —」
            self._unclassified(unit)
            return i + 1
        if self.page_furniture and not self.out.blocks and self._folio(unit):
            return i + 1
        if self._is_caption(i):
            self._caption(unit)
            return i + 1
        if self._is_byline(i):
            # 「（申 环）」 → 申环; 「（记者 吴涛）」 keeps the space between role and name
            spaced = sig.author_line(text)
            assert self.article is not None  # a byline is only recognised inside an article
            self.article.byline = sig.unbracket(" ".join(text.split()) if spaced else sig.compact(text))
            self._close()
            return i + 1
        if self._is_heading(unit) or self._comma_title(i):
            return self._headings(i)
        self._body(unit)
        return i + 1

    def _folio(self, unit: Unit) -> bool:
        """A running head above everything else: page name, number and date, kept whole."""
        found = sig.folio(unit.text)
        if found is None:
            return False
        number, date = found
        name = self.out.page_name
        self.out.page_name = f"{name} {unit.text}" if name else unit.text
        self.out.page_number = self.out.page_number or number
        self.out.date = self.out.date or date
        self._note(
            msg(
                "the line above the first headline was read as the running head (版眉) and "
                "kept as the page name"
            ),
            None,
            unit.line,
        )
        return True

    def _comma_title(self, i: int) -> bool:
        """「守住绿水青山，留住美丽乡愁」 before a news lead, where no paragraph is left open."""
        unit, following = self.units[i], self._at(i + 1)
        if self.open_para is not None or following is None or not sig.comma_title(unit.text):
            return False
        if unit.indented or unit.image is not None:
            return False
        return bool(
            sig.dateline(following.text)
            or sig.lead_opening(following.text)
            or sig.author_line(following.text)
            or self._is_heading(following)
        )

    # --- pictures, captions, bylines --------------------------------------------------------------

    def _picture(self, i: int) -> int:
        unit = self.units[i]
        photo = Photo(image=unit.image)
        following = self._at(i + 1)
        if following is not None and following.image is None and self._caption_after_picture(following):
            caption, credit = split_credit(following.text)
            photo.caption, photo.credit = caption, credit
            i += 1
        self._attach(photo)
        return i + 1

    def _caption_after_picture(self, unit: Unit) -> bool:
        if unit.hints is not None and unit.hints.caption_style:
            return True
        if sig.caption_marker(unit.text):
            return True
        centred = unit.hints is not None and unit.hints.align == "center"
        return (
            unit.size <= sig.CAPTION_MAX
            and (sig.caption_shape(unit.text) or centred)
            and not sig.dateline(unit.text)
        )

    def _is_caption(self, i: int) -> bool:
        unit = self.units[i]
        if unit.hints is not None and unit.hints.caption_style:
            return True
        if sig.dateline(unit.text) or sig.author_line(unit.text):
            return False
        credit = sig.photo_credit(unit.text)
        if credit is not None and not credit[0]:  # a credit alone: for the photo just above
            return True
        if sig.caption_marker(unit.text) and len(sig.compact(split_credit(unit.text)[0])) <= sig.CAPTION_MAX:
            return True
        following = self._at(i + 1)
        if self.open_para is not None and (sig.fragment_start(unit.text) or sig.quantity_start(unit.text)):
            return (
                False  # the second half of a cut paragraph (「的…」「600余个。」), even after a picture gap
            )
        if (
            unit.gap >= self.ph_gap
            and self.open_para is not None
            and self._is_heading(unit)
            and unit.size >= 8
        ):
            # 「…城市为」 ⋯ 「区长检查河道」 「民”理念…」: a caption without a full stop
            return following is not None and not self._is_heading(following)
        if (
            self.open_para is not None
            and following is not None
            and unit.size <= sig.CAPTION_MAX
            and self._is_heading(unit)
            and not self._continues_open_paragraph(unit)
            and (sig.short_tail(following.text) or sig.quantity_start(following.text))
        ):
            # 「…持续到」 「志愿者向居民讲解垃圾分类」 「12月底。…」: a heading never cuts a sentence in two, and
            # a bare count or a two-word sentence end is the rest of the cut one, so the line between is the
            # caption of the photo that stood there. (A following 「的…」 could as well go on from this line:
            # 「…思想」 「的学习教育」, so it does not count here.)
            return True
        if not sig.caption_shape(unit.text) or unit.size > sig.CAPTION_MAX:
            return False
        if unit.gap >= self.ph_gap and i > 0:
            return unit.size <= 50
        if (
            self.open_para is None
            or following is None
            or unit.size > 30
            or sig.has_clause_punct(unit.text)
            or self._continues_open_paragraph(unit)
        ):
            return False
        # a short sentence standing between the two halves of a cut paragraph
        if self._is_heading(following) or sig.dateline(following.text):
            return False
        if self._continues_open_paragraph(following) or sig.short_tail(following.text):
            return True  # 「…持续到」 「志愿者讲解垃圾分类知识。」 「12月底。…」
        # copy that puts blank lines between paragraphs: a line with none before it starts no paragraph,
        # so it is the rest of the cut one (「…持续到」 / caption / 「12月底。」)
        # the same with indented paragraphs: an unindented line after an indented page's cut paragraph
        continues = following.gap < self.par_gap or (self.indents and not following.indented)
        return continues and not sig.lead_opening(following.text)

    def _continues_open_paragraph(self, unit: Unit) -> bool:
        """Is `unit` visibly the rest of the unfinished paragraph (「的…」, a word cut in two, a bare count)?"""
        if self.open_para is None:
            return False
        return (
            sig.fragment_start(unit.text)
            or sig.quantity_start(unit.text)
            or sig.splits_word(self.open_para.text, unit.text)
        )

    def _caption(self, unit: Unit) -> None:
        caption, credit = split_credit(unit.text)
        if not caption and credit:  # 「本报记者 张三 摄」 on its own line: the photo above
            last = self._last_photo()
            if last is not None and not last.credit:
                last.credit = credit
                return
            self._note(msg("a photo credit without a caption"), self.article, unit.line)
        self._attach(Photo(caption=caption, credit=credit))

    def _last_photo(self) -> Photo | None:
        if self.pending_photos:
            return self.pending_photos[-1]
        article = self.article or self.last_article
        return article.photos[-1] if article is not None and article.photos else None

    def _attach(self, photo: Photo) -> None:
        if self.article is not None:
            self.article.photos.append(photo)
        else:
            self.pending_photos.append(photo)

    def _flush_photos(self) -> None:
        if not self.pending_photos:
            return
        if self.last_article is not None:
            self.last_article.photos.extend(self.pending_photos)
        else:
            for photo in self.pending_photos:
                self.out.blocks.append(
                    PhotoBlock(image=photo.image, caption=photo.caption, credit=photo.credit)
                )
        self.pending_photos.clear()

    def _is_byline(self, i: int) -> bool:
        unit, article = self.units[i], self.article
        if article is None or not article.paragraphs or article.byline is not None:
            return False
        flat = sig.compact(unit.text)
        right = (
            unit.hints is not None
            and (unit.hints.role == "byline" or (unit.hints.align == "right" and unit.hints.role is None))
            and len(flat) <= 16
        )
        credit = sig.author_line(unit.text) and len(flat) <= 16  # 「（记者 张三）」 closing a story
        if not (sig.pen_name(flat) or right or credit) or sig.subhead_marker(unit.text):
            return False
        if (flat[0] in "（(" and not credit) or right:
            return True
        following = self._at(i + 1)
        if following is None or following.gap >= self.ph_gap or following.image is not None:
            return True
        if sig.credits_line(following.text):
            return True  # the last story's tag above 「责任编辑：……」
        if credit and not self._is_heading(following):
            return False
        if len(sig.unbracket(flat)) <= 3 and self.open_para is None and not self._is_heading(following):
            # 2–3 characters closing a finished paragraph: a tag, unless the text goes on with the
            # same story (a list, a pronoun, a speaker already quoted)
            story = "".join(p.text for p in article.paragraphs)
            speaker = sig.speaker(following.text)
            return not (
                sig.enumeration(following.text)
                or sig.anaphoric(following.text)
                or (speaker and speaker in story)
            )
        return (
            self._is_heading(following)
            or self._comma_title(i + 1)
            or sig.editor_note_label(following.text) is not None
            or sig.lead_opening(following.text)
            or sig.jump_line(following.text)
        )

    def _jump(self, unit: Unit) -> None:
        container = self._container()
        paragraph = Paragraph(text=unit.text)
        if container is None:
            container = self._new_article(unit)
        container.paragraphs.append(paragraph)
        from_before = any(
            mark in unit.text for mark in ("上接", "接第")
        )  # 「（上接第1版）」 opens a continuation
        self._note(
            msg("a jump line: the story continues from another page")
            if from_before
            else msg("a jump line: the story continues on another page"),
            container,
            unit.line,
        )
        self.open_para = None

    def _unclassified(self, unit: Unit) -> None:
        """Ornaments, page numbers and stray marks: kept as a paragraph, flagged for the editor.

        An unfinished paragraph stays open across them (a page number between two halves).
        """
        container = self._container()
        if container is None:
            container = self._new_article(unit)
        container.paragraphs.append(Paragraph(text=unit.text))
        self._note(
            msg("a line the importer could not classify was kept as a paragraph"), container, unit.line
        )

    # --- headlines and subheads ------------------------------------------------------------------

    def _headings(self, i: int) -> int:
        j = i + 1 if not self._is_heading(self.units[i]) else i
        while (
            j < len(self.units)
            and (self._is_heading(self.units[j]) or self._comma_title(j))
            and sig.editor_note_label(self.units[j].text) is None
            and (j == i or self.units[j].gap < self.ph_gap)
        ):
            j += 1
        run, following = self.units[i:j], self._at(j)
        if (
            following is not None
            and following.image is None
            and not self._is_heading(following)
            and following.gap < self.ph_gap
            and not sig.is_deck(run[-1].text)
            and not sig.subhead_marker(run[-1].text)
            and (sig.fragment_start(following.text) or sig.splits_word(run[-1].text, following.text))
        ):
            # the last "headline" breaks off mid-word: it is the start of a paragraph cut by a column
            *run, start = run
            if run:
                self._place_headings(run, start, before_body=True)
            self._body(start)
            return j
        self._place_headings(run, following)
        return j

    def _place_headings(self, run: list[Unit], following: Unit | None, before_body: bool = False) -> None:
        """Decide what a headline run is: banner, subhead, continuation or a new article.

        `before_body`: `following` is known to start a paragraph, whatever its shape.
        """
        if following is not None and sig.editor_note_label(following.text) is not None:
            self._close()
            self._banner(run)
            return
        at_end = following is None or (sig.date_only(following.text) and following is self.units[-1])
        styled = any(u.hints is not None and u.hints.role for u in run)
        if (
            at_end
            and not styled
            and self.article is not None
            and self.article.paragraphs
            and self.article.byline is None
        ):
            # short lines after the last paragraph (a signature: 「新区管委会办公室」): kept as text
            for unit in run:
                self.article.paragraphs.append(Paragraph(text=unit.text))
            self._note(
                msg(
                    "short lines at the end were kept as paragraphs (a signature or a headline "
                    "without its story?)"
                ),
                self.article,
                run[0].line,
            )
            return
        if len(run) == 1 and self.article is not None and self.article.paragraphs:
            unit = run[0]
            if (
                self.open_para is not None
                and unit.gap < self.ph_gap
                and (
                    sig.fragment_start(unit.text)
                    or (following is not None and sig.fragment_start(following.text))
                    or sig.splits_word(self.open_para.text, unit.text)
                )
            ):
                self._continue(unit)
                return
            if self._is_subhead(unit, following, before_body):
                if self.open_para is not None:
                    self._note(
                        msg("a paragraph ends mid-sentence before a subhead; text may be missing"),
                        self.article,
                        self.open_line,
                    )
                self.open_para = None
                self.article.paragraphs.append(Paragraph(text=_subhead_text(unit), kind="subhead"))
                return
        roles = [u.hints.role if u.hints is not None else None for u in run]
        if "banner" in roles and roles[-1] != "banner":
            cut = max(k for k, role in enumerate(roles) if role == "banner") + 1
            self._close()
            self._banner(run[:cut])
            run = run[cut:]
        elif "banner" in roles:
            self._close()
            self._banner(run)
            return
        if len(run) > 3 and not any(roles):
            cut = len(run) - (3 if sig.is_deck(run[-1].text) else 2)
            self._close()
            self._banner(run[:cut])
            self._note(
                msg("several headlines in a row: the first are read as a banner over the articles below"),
                self.out.blocks[-1],
                run[0].line,
            )
            run = run[cut:]
        if (
            following is not None
            and not before_body
            and self._is_heading(following)
            and following.image is None
        ):
            self._close()  # headlines, a picture gap, more headlines: the first group is a banner
            self._banner(run)
            self._note(
                msg("a headline group stands alone above other headlines: read as a banner"),
                self.out.blocks[-1],
                run[0].line,
            )
            return
        article = self._new_article(run[0], run)
        if following is None:
            self._note(msg("a headline with no text after it"), article, run[0].line)

    def _banner(self, run: list[Unit]) -> None:
        kicker, title, subtitle = assign_heads(run)
        self.out.blocks.append(Banner(title=title, kicker=kicker, subtitle=subtitle))

    def _is_subhead(self, unit: Unit, following: Unit | None, before_body: bool = False) -> bool:
        """A lone short line inside an article: a subhead (True) or the title of a new story?"""
        if sig.subhead_marker(unit.text):
            return True
        hints = unit.hints
        if hints is not None and hints.role in HEADING_ROLES:
            return hints.role == "subhead"
        if hints is not None and hints.heading_level is not None:
            return hints.heading_level >= 2
        if following is None or unit.gap >= self.ph_gap or (self._is_heading(following) and not before_body):
            return False
        if sig.dateline(following.text) or sig.author_line(following.text):
            return False
        assert self.article is not None  # asked only inside an article
        return subhead_score(unit, following, self.article) > 0

    # --- body text ---------------------------------------------------------------------------------

    def _body(self, unit: Unit) -> None:
        text = unit.text
        dated = sig.dateline(text)
        article = self.article
        if dated is not None:
            if article is None or article.paragraphs or article.dateline:
                article = self._new_article(unit)
            article.dateline = dated[0]
            if dated[1]:
                article.author_line = dated[1]
            self.out.newspaper |= dated[0].startswith(("本报", "本刊"))
            self.open_para = None
            self._add_paragraph(sig.strip_line(dated[2]), unit)
            return
        if sig.author_line(text) and article is not None and not article.paragraphs:
            article.author_line = f"{article.author_line} {text}" if article.author_line else text
            self.out.newspaper |= "记者" in text
            return
        run_in = sig.leading_author(text)
        if (
            run_in
            and article is not None
            and not article.paragraphs
            and not article.author_line
            and self.open_para is None
        ):
            article.author_line, text = run_in  # 「（记者 周文斌）　走进……」 as an export sets it
            self.out.newspaper |= "记者" in article.author_line
            self._add_paragraph(text, unit)
            return
        if (
            self.note is not None
            and self.open_para is None
            and self.note.paragraphs
            and (unit.gap >= self.ph_gap or sig.lead_opening(text))
        ):
            self._close()  # a picture, a cut or a news lead ends the editor's note
        if (
            self.open_para is None
            and self.article is not None
            and self.article.paragraphs
            and unit.gap >= self.ph_gap
            and sig.opens_with_time(text)
            and unit.size > 60
        ):
            self._close()  # a picture gap, then 「日前，……」: a new story whose headline is missing
        if self.open_para is not None and self._container() is not None:
            if unit.gap >= self.ph_gap and sig.lead_opening(text) and not sig.cannot_start(text):
                self._close()  # 「…推进」 ⋯ 「日前，……」: a new story, the old one continues elsewhere
            else:
                self._continue(unit)
                return
        self._add_paragraph(text, unit)

    def _continue(self, unit: Unit) -> None:
        assert self.open_para is not None  # called only while a paragraph is open
        self.open_para.text = sig.join_fragments(self.open_para.text, unit.text)
        if sig.ends_terminal(unit.text):
            self.open_para = None
        else:
            self.open_line = unit.line

    def _add_paragraph(self, text: str, unit: Unit) -> None:
        container = self._container()
        if container is None:
            container = self._new_article(unit)
        paragraph = Paragraph(text=text)
        container.paragraphs.append(paragraph)
        if text and not sig.ends_terminal(text) and not sig.date_only(text):
            self.open_para, self.open_line = paragraph, unit.line
        else:
            self.open_para = None


def split_credit(text: str) -> tuple[str, str | None]:
    """(caption, credit or None); a line that is only a credit gives ("", credit)."""
    found = sig.photo_credit(text)
    if found is None:
        return sig.strip_line(text), None
    return found


_STYLE_MARKER = ("■ ", "■", "□ ", "● ", "◆ ", "▲ ")


def _subhead_text(unit: Unit) -> str:
    """A Word subhead styled with a decorative marker (「■ 」, as our own export writes it) loses the marker:
    it belongs to the style, not to the words. Plain text keeps every character."""
    if unit.hints is not None and unit.hints.role == "subhead":
        for marker in _STYLE_MARKER:
            if unit.text.startswith(marker) and len(unit.text) > len(marker):
                return unit.text[len(marker) :].lstrip()
    return unit.text
