(helper: ts)
