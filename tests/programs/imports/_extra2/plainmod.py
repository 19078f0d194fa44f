VALUE = "second directory: shadowed by the first"
