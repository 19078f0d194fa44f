# A trace that links into another loop's body hands the body's phis their values
# without storing those locals in the frame; when the body's entry checks fail
# (an invariant of the inner loop changed, or its peeled iteration never ran), the
# entry stub must box every handed value (int, float, bool, object) into the frame
# before entering at the top.
def nested(n):
    total = 0
    f = 0.0
    flag = False
    item = None
    items = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]
    for outer in range(n):
        limit = outer % 7 + 3  # an invariant of the inner loop that changes
        j = 0
        while j < limit:
            total += j * outer
            f += 0.5
            flag = not flag
            item = items[j]
            j += 1
        total -= 1
    return total, f, flag, item


print(nested(3000))


def peeled_exit(rows):
    # Exits in the inner loop's first (peeled) iteration grow side traces that
    # link into its body before the body ever ran for this entry.
    acc = 0
    odd = 0
    for r in rows:
        k = 0
        while k < len(r):
            v = r[k]
            if v % 2:
                odd += 1
            acc += v
            k += 1
    return acc, odd


print(peeled_exit([[i, i + 1, i * 3, 7] for i in range(2000)]))
