class ConfigError(Exception):
    def __init__(self, key, reason):
        super().__init__(key, reason)
        self.key = key
        self.reason = reason

    def __str__(self):
        return f"{self.key}: {self.reason}"

def check(settings):
    for k, v in settings.items():
        if v is None:
            raise ConfigError(k, "must not be None")
    return True

print(check({"a": 1}))
check({"a": 1, "b": None})
