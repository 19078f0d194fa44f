# return outside a function: carets span the statement
try:
    pass
except* ValueError:
    def g():
        pass
    for i in []:
        break
    return 1
