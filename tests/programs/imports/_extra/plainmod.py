VALUE = "from an appended sys.path entry"
