config = {
    'server': {'host': 'localhost', 'port': 8080, 'tags': ['a', 'b']},
    'debug': True,
    'paths': {'root': '/srv', 'logs': {'main': 'main.log', 'err': None}},
}
print(config)
print(config['server']['port'], config['paths']['logs']['main'])
config['server']['tags'].append('c')
config['paths']['logs']['err'] = 'err.log'
print(config['server'], config['paths']['logs'])
def walk(d, prefix=''):
    for k, v in d.items():
        if isinstance(v, dict):
            walk(v, prefix + k + '.')
        else:
            print(prefix + k, '=', repr(v))
walk(config)
tree = {}
for path in ['a/b/c', 'a/b/d', 'a/e', 'f']:
    node = tree
    for part in path.split('/'):
        node = node.setdefault(part, {})
print(tree)
recursive = {'self': None}
recursive['self'] = recursive
print(recursive)
