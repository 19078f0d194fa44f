print((1,
