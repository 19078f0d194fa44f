# unittest runs a suite: passes, failures, errors, skips, subtests, expected failures.
import unittest, io


class T(unittest.TestCase):
    def test_pass(self):
        self.assertEqual([1, 2], [1, 2])

    def test_fail(self):
        self.assertEqual({"a": 1}, {"a": 2})

    def test_error(self):
        {}["missing"]

    @unittest.skip("not today")
    def test_skip(self):
        pass

    @unittest.expectedFailure
    def test_expected(self):
        self.assertTrue(False)

    def test_sub(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)

    def test_raises(self):
        with self.assertRaisesRegex(ValueError, "bad"):
            raise ValueError("bad value")


suite = unittest.defaultTestLoader.loadTestsFromTestCase(T)
result = unittest.TestResult()
suite.run(result)
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped),
      len(result.expectedFailures), result.wasSuccessful())
for test, tb in result.failures + result.errors:
    print(test.id(), tb.strip().splitlines()[-1])
print([r for _, r in result.skipped])
