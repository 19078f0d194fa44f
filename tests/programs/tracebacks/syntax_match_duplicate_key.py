# duplicate literal keys in a mapping pattern: a SyntaxError spanning the pattern
match 1:
    case {"k": 1, "k": 2}:
        pass
