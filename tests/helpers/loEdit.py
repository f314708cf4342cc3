# Edits a .pptx as a colleague would, through LibreOffice's own API (UNO), and
# renders each edited copy to PDF. Run by tests/e2e/export/pptx/pptx.test.ts with the
# system python3 (python3-uno) against one headless soffice that the test
# starts (--accept=pipe,name=NAME;urp;). Every edit starts from the file as
# exported, so each PDF shows one edit.
#
#   python3 loEdit.py PIPE_NAME IN.pptx OUT_DIR
#
# Writes OUT_DIR/plain.pdf (no edit) and one PDF per edit, skipping those
# already there (a second run after soffice died finishes the rest), and
# writes OUT_DIR/<edit>.json: what each edit did.
import json
import os
import sys

import uno
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK
from loUno import connect, prop


def shapes(page):
    return [page.getByIndex(i) for i in range(page.getCount())]


def text_of(shape):
    try:
        return shape.getString()
    except Exception:
        return ''


def find_shape(doc, page_index, needle):
    page = doc.getDrawPages().getByIndex(page_index)
    for shape in shapes(page):
        if needle in text_of(shape):
            return shape
    raise SystemExit(f'no shape with {needle!r} on slide {page_index + 1}')


def paragraphs(shape):
    enum = shape.getText().createEnumeration()
    out = []
    while enum.hasMoreElements():
        out.append(enum.nextElement())
    return out


def lengthen_bullet(doc, ctx):
    """Slide 39: the first bullet made three lines longer (it ends above the 案例 paragraph)."""
    shape = find_shape(doc, 38, '2018')
    first = paragraphs(shape)[0]
    extra = '（补充说明：' + '企业牵头、高校和科研院所支撑、各创新主体相互协同的创新联合体，' * 2 + '围绕产业链部署创新链。）'
    shape.getText().insertString(first.getEnd(), extra, False)
    return {'slide': 39, 'added': extra}


def add_list_item(doc, ctx):
    """Slide 50: a new item after the first of a numbered list."""
    shape = find_shape(doc, 49, '2013')
    first = paragraphs(shape)[0]
    text = shape.getText()
    cursor = text.createTextCursorByRange(first.getEnd())
    text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
    text.insertString(cursor, '新增一项：国家产业技术创新战略联盟评估（2014 年）', False)
    return {'slide': 50, 'items': len(paragraphs(shape))}


def add_table_row(doc, ctx):
    """Slide 24: a row with a long cell (two lines) put in before the last row, its height optimal as when typed in."""
    page = doc.getDrawPages().getByIndex(23)
    table = next(s for s in shapes(page) if s.getShapeType() == 'com.sun.star.drawing.TableShape')
    model = table.Model
    rows = model.getRows()
    at = rows.getCount() - 1
    rows.insertByIndex(at, 1)
    cells = ['新增一行', '共享实验设施和测试平台，向中小企业开放研发成果', 'IMEC、SEMI']
    for col in range(min(len(cells), model.getColumns().getCount())):
        model.getCellByPosition(col, at).setString(cells[col])
    # As typing does: the row's height fits its text, and the table is laid out again.
    rows.getByIndex(at).OptimalHeight = True
    table.Size = table.Size
    return {'slide': 24, 'rows': rows.getCount(), 'row': at, 'cells': cells}


def move_slide_10_first(doc, ctx):
    """Slide 10 moved to the front, as the slide sorter's Move ▸ Slide to Start does."""
    controller = doc.getCurrentController()
    controller.setCurrentPage(doc.getDrawPages().getByIndex(9))
    smgr = ctx.ServiceManager
    dispatcher = smgr.createInstanceWithContext('com.sun.star.frame.DispatchHelper', ctx)
    dispatcher.executeDispatch(controller.getFrame(), '.uno:MovePageFirst', '', 0, ())
    first = doc.getDrawPages().getByIndex(0)
    return {'first': ' '.join(text_of(s) for s in shapes(first))[:60]}


EDITS = {
    'plain': None,
    'bullet': lengthen_bullet,
    'list': add_list_item,
    'table': add_table_row,
    'move': move_slide_10_first,
}


def main():
    pipe, source, out_dir = sys.argv[1:4]
    ctx = connect(pipe)
    desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
    for name, edit in EDITS.items():
        pdf = os.path.join(out_dir, f'{name}.pdf')
        if os.path.exists(pdf):
            continue
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), '_blank', 0, ())
        report = edit(doc, ctx) if edit else {}
        doc.storeToURL(uno.systemPathToFileUrl(pdf + '.part'), (prop('FilterName', 'impress_pdf_Export'),))
        os.replace(pdf + '.part', pdf)
        with open(os.path.join(out_dir, f'{name}.json'), 'w', encoding='utf-8') as f:
            json.dump(report, f, ensure_ascii=False)
        try:
            doc.close(True)
        except Exception:
            # soffice may fall over while closing: the PDF is written; the next run goes on from here.
            raise SystemExit(f'soffice went away after {name}')
    try:
        desktop.terminate()
    except Exception:
        pass


main()
