import _mathutil

def main():
    print("main running, __name__ =", __name__)
    print(_mathutil.__name__)
    return 0

if __name__ == "__main__":
    main()
else:
    print("imported")
print("module level done")
