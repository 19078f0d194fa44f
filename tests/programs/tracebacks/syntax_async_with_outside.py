# async with outside an async function: carets to the end of the first line
def f():
    async with x:   # comment
        pass
