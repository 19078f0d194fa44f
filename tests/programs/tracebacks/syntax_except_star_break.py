# break cannot leave an except* clause
for i in x:
    try:
        pass
    except* ValueError:
        break
