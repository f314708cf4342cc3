# Lists the shapes of a .pptx as LibreOffice Impress opens it, through its own
# API (UNO): per slide, each shape's type and text, and for an embedded
# object its class id and, for a formula, its StarMath text. Run by
# tests/helpers/libreoffice.ts (loShapes) against a headless soffice it
# started (--accept=pipe,name=NAME;urp;).
#
#   python3 loShapes.py PIPE_NAME IN.pptx OUT.json
import json
import sys

import uno
from loUno import connect, prop


def shape_info(shape):
    info = {'type': shape.getShapeType(), 'text': ''}
    try:
        info['text'] = shape.getString()
    except Exception:
        pass
    if 'OLE2' in info['type']:
        info['clsid'] = str(shape.getPropertyValue('CLSID'))
        model = shape.getPropertyValue('Model')
        if model is not None and model.getPropertySetInfo().hasPropertyByName('Formula'):
            info['formula'] = model.getPropertyValue('Formula')
    return info


def main():
    pipe, source, out = sys.argv[1:4]
    ctx = connect(pipe)
    desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), '_blank', 0, (prop('Hidden', True),))
    pages = doc.getDrawPages()
    slides = []
    for i in range(pages.getCount()):
        page = pages.getByIndex(i)
        slides.append([shape_info(page.getByIndex(j)) for j in range(page.getCount())])
    doc.close(True)
    with open(out, 'w', encoding='utf-8') as f:
        json.dump(slides, f, ensure_ascii=False)
    try:
        desktop.terminate()
    except Exception:
        pass


main()
