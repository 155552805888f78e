(helper: cjs)
