VALUE = "other, from the second directory"
