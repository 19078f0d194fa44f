name = input()
print('Hello,', name + '!')
age = int(input('Age? '))
print('Next year:', age + 1)
nums = list(map(int, input().split()))
print('sum', sum(nums), 'max', max(nums))
while True:
    try:
        line = input()
    except EOFError:
        print('EOF reached')
        break
    print('line:', repr(line))
