# alternatives binding different names: the caret at the last sub-pattern compiled
match 1:
    case [x] | [y]:
        pass
