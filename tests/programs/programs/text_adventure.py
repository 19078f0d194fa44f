ROOMS = {
    "hall": {"desc": "a dusty hall", "exits": {"north": "library", "east": "kitchen"}, "items": ["lamp"]},
    "library": {"desc": "walls of books", "exits": {"south": "hall"}, "items": ["key", "book"]},
    "kitchen": {"desc": "a cold kitchen", "exits": {"west": "hall", "down": "cellar"}, "items": []},
    "cellar": {"desc": "pitch dark", "exits": {"up": "kitchen"}, "items": ["treasure"], "locked": True},
}

class Game:
    def __init__(self, rooms):
        self.rooms = {k: dict(v, items=list(v["items"])) for k, v in rooms.items()}
        self.here = "hall"
        self.inventory = []
        self.moves = 0
        self.state = "playing"
    def handle(self, line):
        words = line.split()
        if not words:
            return "say something"
        verb, args = words[0], words[1:]
        handler = getattr(self, "do_" + verb, None)
        if handler is None:
            return f"I don't know how to {verb}"
        self.moves += 1
        return handler(*args)
    def do_look(self):
        room = self.rooms[self.here]
        items = ", ".join(room["items"]) or "nothing"
        exits = ", ".join(sorted(room["exits"]))
        return f"{self.here}: {room['desc']}. You see {items}. Exits: {exits}"
    def do_go(self, direction=None):
        room = self.rooms[self.here]
        if direction not in room["exits"]:
            return "you can't go that way"
        target = room["exits"][direction]
        if self.rooms[target].get("locked"):
            if "key" in self.inventory:
                self.rooms[target]["locked"] = False
                self.here = target
                return f"you unlock the way and enter the {target}"
            return "it's locked"
        self.here = target
        return f"you go {direction} to the {target}"
    def do_take(self, item=None):
        room = self.rooms[self.here]
        if item in room["items"]:
            room["items"].remove(item)
            self.inventory.append(item)
            if item == "treasure":
                self.state = "won"
            return f"taken {item}"
        return f"no {item} here"
    def do_drop(self, item=None):
        if item not in self.inventory:
            return "you don't have that"
        self.inventory.remove(item)
        self.rooms[self.here]["items"].append(item)
        return f"dropped {item}"
    def do_inv(self):
        return "carrying: " + (", ".join(sorted(self.inventory)) or "nothing")

script = """look
go west
go east
go down
go west
go north
take key
take book
take sword
inv
dance
go south
drop book
look
go east
go down
look
take treasure
inv"""

game = Game(ROOMS)
for cmd in script.split("\n"):
    print(f"> {cmd}")
    print(game.handle(cmd))
    if game.state != "playing":
        print(f"*** You {game.state} in {game.moves} moves! ***")
        break
print(ROOMS["library"]["items"], game.rooms["library"]["items"])
