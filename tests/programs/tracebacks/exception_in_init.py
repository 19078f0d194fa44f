class Temperature:
    def __init__(self, kelvin):
        if kelvin < 0:
            raise ValueError("negative kelvin")
        self.kelvin = kelvin

temps = [Temperature(k) for k in (300, 0)]
print(len(temps))
Temperature(-5)
