(helper: esm)
