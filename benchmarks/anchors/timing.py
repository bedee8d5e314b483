"""The anchors' one timing rule: f() once to warm up, then the median of n timed calls, in ms."""
import time


def median_ms(f, n):
    f()
    t = []
    for _ in range(n):
        s = time.perf_counter()
        f()
        t.append((time.perf_counter() - s) * 1000)
    t.sort()
    return t[n // 2]
