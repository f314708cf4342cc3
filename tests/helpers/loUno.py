# What the python3-uno scripts of this folder (loEdit.py, loShapes.py,
# loAnimations.py) share: reaching the headless soffice a test started
# (--accept=pipe,name=NAME;urp;) and making a UNO property value.
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    for _ in range(240):
        try:
            return resolver.resolve(f'uno:pipe,name={pipe};urp;StarOffice.ComponentContext')
        except Exception:
            time.sleep(0.5)
    raise SystemExit('soffice did not answer on its pipe')
