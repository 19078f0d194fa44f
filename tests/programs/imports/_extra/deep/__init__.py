NAME = "deep package"
