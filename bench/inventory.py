"""Inventory: a product class hierarchy with properties, dunder methods and classmethods; orders priced with a Money class, fulfilled, sorted by key functions and grouped in dicts."""
import sys

# -- warm-up reporting: BENCH_WARMUP=1 prints `warmup: <i> <seconds>` to stderr
# -- after each outer iteration (see bench/README.md).
import os
import time
_WARMUP = os.environ.get("BENCH_WARMUP") == "1"
_warm = [0, time.perf_counter()]


def warm_start():
    _warm[1] = time.perf_counter()


def warm_tick():
    t = time.perf_counter()
    _warm[0] += 1
    sys.stderr.write("warmup: %d %.6f\n" % (_warm[0], t - _warm[1]))
    _warm[1] = t


def warm_chunks(n, parts=40):
    """range(n) cut into `parts` consecutive (lo, hi) pieces: the outer iterations."""
    step = max(1, -(-n // parts))
    return [(lo, min(lo + step, n)) for lo in range(0, n, step)]
# --

import random

CATEGORIES = ("tools", "garden", "kitchen", "books", "toys", "office")
ADJECTIVES = ("red", "large", "compact", "deluxe", "basic", "eco", "smart", "classic")
NOUNS = ("hammer", "kettle", "lamp", "novel", "robot", "chair", "hose", "stapler", "puzzle", "pan")
CUSTOMERS = "acme globex initech umbrella hooli stark wayne wonka tyrell cyberdyne soylent".split()


class Money:
    """An amount in cents with arithmetic, equality and ordering dunders."""
    __slots__ = ("cents",)

    def __init__(self, cents):
        self.cents = cents

    @classmethod
    def parse(cls, text):
        whole, _, frac = text.partition(".")
        return cls(int(whole) * 100 + int(frac or 0))

    def __add__(self, other):
        return Money(self.cents + other.cents)

    def __mul__(self, k):
        return Money(self.cents * k)

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    def __lt__(self, other):
        return self.cents < other.cents

    def discounted(self, percent):
        return Money(self.cents * (100 - percent) // 100)

    def __str__(self):
        return "$%d.%02d" % divmod(self.cents, 100)


class Product:
    kind = "product"

    def __init__(self, sku, name, category, price, stock):
        self.sku = sku
        self.name = name
        self.category = category
        self.price = price
        self._stock = stock

    @classmethod
    def from_record(cls, record):
        sku, name, category, price, stock = record.split("|")
        return cls(sku, name, category, Money.parse(price), int(stock))

    @property
    def stock(self):
        return self._stock

    @stock.setter
    def stock(self, value):
        if value < 0:
            raise ValueError("negative stock for " + self.sku)
        self._stock = value

    @property
    def in_stock(self):
        return self.stock > 0

    def unit_price(self, qty):
        return self.price

    def shipping(self, qty):
        return Money(250 + 40 * qty)

    def __eq__(self, other):
        return isinstance(other, Product) and self.sku == other.sku

    def __hash__(self):
        return hash(self.sku)

    def __lt__(self, other):
        return (self.category, self.sku) < (other.category, other.sku)

    def __repr__(self):
        return "%s(%r, %s)" % (type(self).__name__, self.sku, self.price)


class Perishable(Product):
    kind = "perishable"

    def __init__(self, sku, name, category, price, stock, shelf_days=7):
        super().__init__(sku, name, category, price, stock)
        self.shelf_days = shelf_days

    def unit_price(self, qty):
        return self.price.discounted(10) if qty >= 5 else self.price

    def shipping(self, qty):
        return Money(500 + 80 * qty)


class Digital(Product):
    kind = "digital"

    @property
    def stock(self):
        return 1000000

    @stock.setter
    def stock(self, value):
        pass

    def shipping(self, qty):
        return Money(0)


class OrderLine:
    __slots__ = ("product", "qty")

    def __init__(self, product, qty):
        self.product = product
        self.qty = qty

    @property
    def subtotal(self):
        return self.product.unit_price(self.qty) * self.qty


class Order:
    next_id = 1

    def __init__(self, customer, lines):
        self.id = Order.next_id
        Order.next_id += 1
        self.customer = customer
        self.lines = lines
        self.status = "new"

    @classmethod
    def random(cls, rng, inventory):
        lines = [OrderLine(inventory[rng.choice(inventory.skus)], rng.randint(1, 7))
                 for _ in range(rng.randint(1, 5))]
        return cls(rng.choice(CUSTOMERS), lines)

    @property
    def subtotal(self):
        return sum((line.subtotal for line in self.lines), Money(0))

    @property
    def shipping(self):
        return max((line.product.shipping(line.qty) for line in self.lines), default=Money(0))

    @property
    def total(self):
        return self.subtotal + self.shipping

    def __len__(self):
        return sum(line.qty for line in self.lines)

    def __iter__(self):
        return iter(self.lines)

    def __lt__(self, other):
        return (self.total, self.id) < (other.total, other.id)

    def __repr__(self):
        return "Order#%d(%s, %d items, %s)" % (self.id, self.customer, len(self), self.total)


class Inventory:
    def __init__(self, products):
        self.products = {p.sku: p for p in products}
        self.skus = sorted(self.products)

    @classmethod
    def generate(cls, rng, n):
        products = []
        for i in range(n):
            name = rng.choice(ADJECTIVES) + " " + rng.choice(NOUNS)
            price = "%d.%02d" % (rng.randint(1, 90), rng.randrange(100))
            record = "|".join(["SKU%04d" % i, name, rng.choice(CATEGORIES), price, str(rng.randrange(40))])
            k = rng.randrange(10)
            kind = Perishable if k < 3 else Digital if k == 9 else Product
            products.append(kind.from_record(record))
        return cls(products)

    def __getitem__(self, sku):
        return self.products[sku]

    def fulfil(self, order):
        needed = {}
        for line in order:
            needed[line.product] = needed.get(line.product, 0) + line.qty
        if any(not p.in_stock or p.stock < qty for p, qty in needed.items()):
            order.status = "backorder"
            return False
        for product, qty in needed.items():
            product.stock -= qty
        order.status = "shipped"
        return True

    def restock(self, amount):
        for product in self.products.values():
            if product.stock < 5:
                product.stock += amount


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 16000
    rng = random.Random(2024)
    inventory = Inventory.generate(rng, 400)
    revenue = {}
    by_status = {"shipped": 0, "backorder": 0}
    ordered = set()
    biggest = []
    warm_start()
    for lo, hi in warm_chunks(n):
        orders = [Order.random(rng, inventory) for _ in range(lo, hi)]
        for order in orders:
            inventory.fulfil(order)
            by_status[order.status] += 1
            if order.status == "shipped":
                revenue[order.customer] = revenue.get(order.customer, Money(0)) + order.total
                ordered.update({line.product for line in order})
        biggest = sorted(biggest + sorted(orders, reverse=True)[:3], reverse=True)[:3]
        inventory.restock(25)
        if _WARMUP:
            warm_tick()
    print("orders", n, by_status)
    print("products ordered", len(ordered), "of", len(inventory.skus))
    ranked = sorted(revenue.items(), key=lambda kv: (-kv[1].cents, kv[0]))
    for customer, money in ranked[:4]:
        print("  %-10s %12s" % (customer, money))
    print("total revenue", sum((m for m in revenue.values()), Money(0)))
    print("biggest", biggest)
    groups = {}
    for product in inventory.products.values():
        groups.setdefault(product.category, []).append(product)
    for category in sorted(groups):
        items = groups[category]
        low = min(items, key=lambda p: (p.stock, p.sku))
        kinds = sorted({p.kind for p in items})
        print(f"{category:<8} {len(items):3d} items, low {low!r} stock {low.stock}, kinds {kinds}")
    print("dearest", sorted(ordered, key=lambda p: (-p.price.cents, p.sku))[:2], min(ordered))


main()
