class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount}: balance {account.balance}")
        self.amount = amount

class AccountFrozen(Exception):
    pass

class Account:
    next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account.next_id
        Account.next_id += 1
        self.owner = owner
        self.balance = balance
        self.history = []
        self.frozen = False
    def _check(self):
        if self.frozen:
            raise AccountFrozen(f"account {self.id} is frozen")
    def deposit(self, amount):
        self._check()
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        self._check()
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))
    def __repr__(self):
        return f"<Account {self.id} {self.owner}: {self.balance}>"

class SavingsAccount(Account):
    def __init__(self, owner, balance=0, rate=0.05):
        super().__init__(owner, balance)
        self.rate = rate
    def add_interest(self):
        interest = round(self.balance * self.rate, 2)
        self.deposit(interest)
        return interest
    def withdraw(self, amount):
        if len([h for h in self.history if h[0] == "withdraw"]) >= 2:
            raise AccountFrozen("savings withdrawal limit reached")
        super().withdraw(amount)

class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, cls, *args, **kw):
        acct = cls(*args, **kw)
        self.accounts[acct.id] = acct
        return acct
    def transfer(self, src, dst, amount):
        a, b = self.accounts[src], self.accounts[dst]
        a.withdraw(amount)
        try:
            b.deposit(amount)
        except Exception:
            a.deposit(amount)
            raise
    def total(self):
        return sum(a.balance for a in self.accounts.values())

bank = Bank()
alice = bank.open(Account, "alice", 100)
bob = bank.open(Account, "bob")
carol = bank.open(SavingsAccount, "carol", 1000, rate=0.1)
ops = [
    ("deposit", bob.id, 50), ("withdraw", alice.id, 30), ("withdraw", bob.id, 80),
    ("transfer", alice.id, bob.id, 50), ("deposit", alice.id, -5), ("interest", carol.id),
    ("withdraw", carol.id, 100), ("withdraw", carol.id, 100), ("withdraw", carol.id, 100),
    ("freeze", bob.id), ("transfer", alice.id, bob.id, 10), ("deposit", bob.id, 1),
    ("transfer", 99, 1, 5),
]
for op in ops:
    try:
        kind = op[0]
        if kind == "deposit":
            bank.accounts[op[1]].deposit(op[2])
        elif kind == "withdraw":
            bank.accounts[op[1]].withdraw(op[2])
        elif kind == "transfer":
            bank.transfer(op[1], op[2], op[3])
        elif kind == "interest":
            print("interest paid:", bank.accounts[op[1]].add_interest())
        elif kind == "freeze":
            bank.accounts[op[1]].frozen = True
        print("ok  ", op, "->", sorted(bank.accounts.values(), key=lambda a: a.id))
    except InsufficientFunds as e:
        print("FAIL", op, "insufficient:", e, e.amount)
    except AccountFrozen as e:
        print("FAIL", op, "frozen:", e)
    except (ValueError, KeyError) as e:
        print("FAIL", op, type(e).__name__, e)
print("total", bank.total())
for a in bank.accounts.values():
    print(a, a.history)
