# Reads a .pptx's animations as LibreOffice Impress sees them, through its
# own API (UNO): per slide, the main sequence of its XAnimationNodeSupplier,
# each click group (or, with automatic timing, each step) with its effects —
# preset, class, trigger, and the shape (by name) and paragraph each targets.
# Run by the PowerPoint tests with the system python3 (python3-uno) against a
# headless soffice they start (--accept=pipe,name=NAME;urp;).
#
#   python3 loAnimations.py PIPE_NAME IN.pptx OUT.json
#
# OUT.json: [{"slide": 1, "groups": [[{"shape": "p+ 4", "paragraph": 1,
# "preset": "ooo-entrance-fade-in", "class": 1, "trigger": 1, "begin": 0.0}, …], …]}, …]
import json
import sys

import uno
from com.sun.star.presentation.EffectNodeType import MAIN_SEQUENCE
from loUno import connect


def children(node):
    try:
        enum = node.createEnumeration()
    except Exception:
        return []
    out = []
    while enum.hasMoreElements():
        out.append(enum.nextElement())
    return out


def user_data(node):
    return {v.Name: v.Value for v in (node.UserData or ())}


def target_of(node):
    """The shape (its name) and paragraph the effect's first animation targets."""
    for child in children(node):
        target = child.Target
        if target is None:
            continue
        if hasattr(target, 'Paragraph') and hasattr(target, 'Shape'):
            return target.Shape.Name, target.Paragraph
        return target.Name, None
    return None, None


def begin_of(node):
    begin = node.Begin
    return begin if isinstance(begin, float) else None


def effects_in(node):
    """The effect nodes under a group: those carrying a preset-id."""
    out = []
    for child in children(node):
        data = user_data(child)
        if 'preset-id' in data:
            shape, paragraph = target_of(child)
            out.append({
                'shape': shape,
                'paragraph': paragraph,
                'preset': data.get('preset-id'),
                'class': data.get('preset-class'),
                'trigger': data.get('node-type'),
                'begin': begin_of(child),
            })
        else:
            out.extend(effects_in(child))
    return out


def main_sequence(root):
    for child in children(root):
        if user_data(child).get('node-type') == MAIN_SEQUENCE:
            return child
    return None


def main():
    pipe, source, out_file = sys.argv[1:4]
    ctx = connect(pipe)
    desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), '_blank', 0, ())
    slides = []
    pages = doc.getDrawPages()
    for i in range(pages.getCount()):
        page = pages.getByIndex(i)
        root = page.getAnimationNode()
        seq = main_sequence(root) if root is not None else None
        groups = [effects_in(group) for group in children(seq)] if seq is not None else []
        slides.append({'slide': i + 1, 'groups': [g for g in groups if g]})
    with open(out_file, 'w', encoding='utf-8') as f:
        json.dump(slides, f, ensure_ascii=False)
    try:
        doc.close(True)
        desktop.terminate()
    except Exception:
        pass


main()
