# what no except* clause matched is re-raised with the original traceback
def work():
    raise ExceptionGroup("work", [ValueError(1), TypeError(2)])

def main():
    try:
        work()
    except* ValueError:
        print("handled the ValueError")

main()
